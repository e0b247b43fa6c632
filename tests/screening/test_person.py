"""Names: register names in every form, context names, and words that only sometimes are names."""

import pytest

from safecomms.screening import Gazetteer, Person, screen


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Jayden Smith attended school today.", ["Jayden Smith"]),
        ("I saw jayden at the park.", ["jayden"]),
        ("SMITH was not at home.", ["SMITH"]),
        ("Jayden's mum rang this morning.", ["Jayden"]),
        ("The Smiths were out when I called.", ["Smith"]),
        ("Spoke to Jay about college.", ["Jay"]),
        ("Jaydn was upset after contact.", ["Jaydn"]),
        ("Kelly-Ann is the foster carer.", ["Kelly-Ann"]),
        ("Met Ms Hunter at the school gate.", ["Hunter"]),
        ("Summer Rose Dawson moved placement.", ["Summer Rose Dawson"]),
    ],
)
def test_register_names_in_any_form(found, text, expected):
    assert found(text, "person") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Dr Okonjo-Adeyemi will see him on Monday.", ["Okonjo-Adeyemi"]),
        ("PC Hale attended the strategy meeting.", ["Hale"]),
        ("Mrs J. Lomax from the school called.", ["J. Lomax"]),
        ("Hi Shanice,\nthanks for your message.", ["Shanice"]),
        ("See you then.\nKind regards,\nPriyanka Desai\nSocial Worker", ["Priyanka Desai"]),
        ("This is Tamsin from the children's team.", ["Tamsin"]),
        ("@Deji can you send me the minutes", ["Deji"]),
        ("Keziah's nan is coming to the review.", ["Keziah"]),
        ("Auntie Bev will collect him.", ["Bev"]),
        ("Hi Ms Begum, thanks for the call.", ["Begum"]),
        ("Tom to book the interpreter for the review.", ["Tom"]),
    ],
)
def test_names_not_on_the_register_where_context_shows_them(found, text, expected):
    assert found(text, "person") == expected


@pytest.mark.parametrize(
    "text",
    [
        "I hope you are well.",
        "Will you be at home on Tuesday?",
        "May I call you later?",
        "Please mark the date in your diary.",
        "The grace period ends in May.",
        "The meeting is on 3 May at the family centre.",
        "Hope to see you soon.",
        "I will bring the forms.",
        "Rose Hill Primary called about attendance.",
        "We met at St Mark's Church hall.",
        "Hi all, thanks for today.",
        "Hi Mum, running late.",
        "Hi Miss, can I ask something",
        "Dear Housing Options,\nPlease find the form attached.",
        "Thank you, I've received the documents.",
    ],
)
def test_everyday_words_that_are_also_names_are_not_names_here(found, text):
    assert found(text, "person") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Hi Grace, just checking in.", ["Grace"]),
        ("Thanks, Mark", ["Mark"]),
        ("I visited Will at his placement.", ["Will"]),
        ("Will said he was happy at school.", ["Will"]),
        ("Spoke with Mr Bell about the plan.", ["Bell"]),
    ],
)
def test_everyday_words_are_names_where_the_text_uses_them_as_names(found, text, expected):
    assert found(text, "person") == expected


def test_a_name_inside_an_email_or_street_is_not_a_person(found):
    text = "Email jayden.smith@example.org or write to 4 Smith Street, Warwick."
    assert found(text, "person") == []


def test_misspellings_do_not_reach_ordinary_words(found):
    assert found("The carer and the parent attended.", "person") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Will to chase the school.", ["Will"]),
        ("Grace to bring the forms.", ["Grace"]),
        ("Actions: Grace to book the interpreter.", ["Grace"]),
        ("Thanks all, Will to e-mail the GP.", ["Will"]),
        ("Mark to follow up with housing.", ["Mark"]),
        ("Actions:\n- Will: ring the GP\n- Grace: update the plan", ["Will", "Grace"]),
    ],
)
def test_everyday_names_given_a_task_are_names(found, text, expected):
    assert found(text, "person") == expected


@pytest.mark.parametrize(
    "text",
    [
        "Will to live is what keeps him going.",
        "Will to be honest I don't know.",
        "Grace to be confirmed by the panel.",
        "Will tomorrow work for you?",
        "Will: see the notes below.",
    ],
)
def test_everyday_names_before_to_in_their_everyday_sense(found, text):
    assert found(text, "person") == []


@pytest.fixture(scope="module")
def places_register() -> Gazetteer:
    return Gazetteer.from_people(
        [
            Person("Hope Adeyemi", "child"),
            Person("Happy Mensah", "child"),
            Person("Ruby Kowalski", "child"),
            Person("Riley Marsh", "child"),
            Person("Lewis Grant", "parent"),
            Person("Shelby Nowak", "child"),
            Person("Jayden Smith", "child"),
        ]
    )


def _people(text: str, gazetteer: Gazetteer) -> list[str]:
    result = screen(text, gazetteer=gazetteer)
    return [text[f.start : f.end] for f in result.findings if f.category == "person"]


@pytest.mark.parametrize(
    "text",
    [
        "Hope to see you soon.",
        "Hope to call you later.",
        "Happy to help with the forms.",
        "Grant to cover the school trip.",
        "Hope: call back after lunch.",
    ],
)
def test_register_words_that_take_to_themselves_stay_words(places_register, text):
    assert _people(text, places_register) == []


@pytest.mark.parametrize(
    "text",
    [
        "He went to Rugby on Saturday.",
        "We drove to Ripley for contact.",
        "Lewes is a long way for mum.",
        "Selby College called about attendance.",
        "The placement is in Derby.",
    ],
)
def test_towns_are_not_misspelt_register_names(places_register, text):
    assert _people(text, places_register) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Rilley was upset after contact.", ["Rilley"]),
        ("Lewsi rang the office.", ["Lewsi"]),
        ("Jaydn was upset after contact.", ["Jaydn"]),
    ],
)
def test_misspellings_of_register_names_still_found(places_register, text, expected):
    assert _people(text, places_register) == expected


def test_a_town_word_is_still_a_name_where_context_shows_one(places_register):
    assert _people("Ripley's mum rang the office.", places_register) == ["Ripley"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Notes from Tuesday attached.\n\nMark", ["Mark"]),
        ("Sign the petition. The more names the better!\n\nMark", ["Mark"]),
        ("Can you cover the visit? Ta 😊\n\nGrace", ["Grace"]),
        ("All sorted for Friday\n\nWill x", ["Will"]),
        ("Cheers\nMark", ["Mark"]),
    ],
)
def test_an_everyday_name_signing_the_last_line_is_a_name(found, text, expected):
    assert found(text, "person") == expected


@pytest.mark.parametrize(
    "text",
    [
        "I will.\n\nThanks",
        "Speak soon.\n\nBest",
        "See you then.\n\nLove",
        "When is the review?\n\nMay",
        "Things to bring:\n\nGrace",
        "Mark the register before you leave.\n\nThanks",
        "Grace period ends Friday.",
        "I'll ring you on Monday. Mark my words, he'll be there.",
    ],
)
def test_last_lines_and_openings_that_are_not_signatures(found, text):
    assert found(text, "person") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Grace please can you type up the minutes.", ["Grace"]),
        ("Will could you chase the GP today?", ["Will"]),
        ("mark can u send me the link for the call", ["mark"]),
        ("Mark – the new s47 from this morning is yours.", ["Mark"]),
        ("Grace, the chronology needs finishing by Fri, can you take it on?", ["Grace"]),
        ("Dan you're on duty Tuesday, Mark Wednesday, I'll take Friday.", ["Dan", "Mark"]),
        ("sarah can you ring me back", ["sarah"]),
        ("Grace and Tom said the visit went well.", ["Grace", "Tom"]),
    ],
)
def test_names_addressed_with_a_request_or_on_a_rota(found, text, expected):
    assert found(text, "person") == expected


@pytest.mark.parametrize(
    "text",
    [
        "Grace and patience go a long way with this dad.",
        "Hope you're well.",
        "hope you are well and had a good weekend",
        "Will you send me the link?",
        "will you send me the link",
        "Mark the register please.",
        "Will: see the notes below.",
        "Sunday – can you do the visit?",
        "Best, can you call me later?",
        "Honey, can you pick up milk?",
        "please can you send me the link",
        "The visit is Tuesday, Will Wednesday work instead?",
    ],
)
def test_everyday_words_before_requests_and_conjunctions_stay_words(found, text):
    assert found(text, "person") == []


@pytest.mark.parametrize(
    "text",
    [
        "Hello Universal Credit team,\nPlease see the consent attached.",
        "Hi DWP Partnership team,\nThe form is attached.",
        "Hi DWP,\nThe form is attached.",
        "Dear Fostering Service,\nPlease find the referral attached.",
        "Regards,\nFacilities",
    ],
)
def test_greeted_teams_and_organisations_are_not_people(found, text):
    assert found(text, "person") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Hi Mark and team,\nThe form is attached.", ["Mark"]),
        ("Hi JJ, can you call me?", ["JJ"]),
        ("Hi Sarah's team,\nThe form is attached.", ["Sarah"]),
    ],
)
def test_people_greeted_next_to_a_team_are_still_people(found, text, expected):
    assert found(text, "person") == expected


@pytest.fixture(scope="module")
def abbreviations_register() -> Gazetteer:
    return Gazetteer.from_people(
        [
            Person("Rhian Pritchard", "staff", aliases=("Rhi",)),
            Person("Tom Lee", "staff", aliases=("TJ",)),
            Person("Amir Khan", "parent"),
        ]
    )


@pytest.mark.parametrize(
    "text",
    [
        "RHI booked with Barnardo's for Monday.",
        "Follow me on TikTok, it's rhi.p.94",
        "My handle is rhi_94 if you want it.",
    ],
)
def test_register_names_as_abbreviations_or_handles_are_not_people(abbreviations_register, text):
    assert _people(text, abbreviations_register) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Rhi booked the RHI for Monday.", ["Rhi"]),
        ("Spoke to Amir KHAN about the plan.", ["Amir KHAN"]),
        ("TJ rang the office.", ["TJ"]),
        ("Ask Rhi.", ["Rhi"]),
        ("Minutes from Rhi.P at the meeting.", ["Rhi"]),
    ],
)
def test_register_names_beside_abbreviations_and_full_stops(abbreviations_register, text, expected):
    assert _people(text, abbreviations_register) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Wojciech the dad is not answering.", ["Wojciech"]),
        ("Spoke to Ruxandra and Abdirahman after school.", ["Ruxandra", "Abdirahman"]),
        ("Siobhán rang about Gethin.", ["Siobhán", "Gethin"]),
        ("Nasreen will bring Hamza to contact.", ["Nasreen", "Hamza"]),
        ("Adebayo and Ngozi attended.", ["Adebayo", "Ngozi"]),
    ],
)
def test_given_names_from_many_communities(found, text, expected):
    assert found(text, "person") == expected


@pytest.mark.parametrize(
    "text",
    [
        "The school nurse will see him on Wednesday.",
        "Nan will bring her in after lunch.",
    ],
)
def test_a_lower_case_verb_after_a_title_is_not_a_name(found, text):
    assert found(text, "person") == []


@pytest.fixture(scope="module")
def word_names() -> Gazetteer:
    return Gazetteer.from_people(
        [
            Person("Joy Mensah", "parent"),
            Person("Dawn Whitworth", "parent"),
            Person("Rose Kelly", "carer"),
            Person("Pat Doyle", "staff"),
            Person("Ray Campbell", "child"),
            Person("Skye Reid", "child"),
            Person("Connor Byrne", "child", aliases=("Con",)),
            Person("Ayaan Shah", "child", aliases=("Ay",)),
            Person("Summer Pritchard", "child", aliases=("Sum",)),
            Person("Tia Walsh", "child"),
            Person("Major Thompson", "child"),
            Person("Brook Tregaskis", "child"),
        ]
    )


def _people(text: str, gazetteer: Gazetteer) -> list[str]:
    findings = screen(text, gazetteer=gazetteer).findings
    return [text[f.start : f.end] for f in findings if f.category == "person"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("I am very proud of her. Joy.", ["Joy"]),
        ("Jack's been sick all night so we won't make contact. Sorry. Dawn", ["Dawn"]),
        ("Rose here. The lads had a grand day out.", ["Rose"]),
        ("Pat from reception has dropped off a bag of uniform", ["Pat"]),
        ("Ray mate, if you need me ring the office", ["Ray"]),
    ],
)
def test_word_names_that_sign_introduce_or_are_addressed(word_names, text, expected):
    assert _people(text, word_names) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Isle of Skye was unreal, back Monday",
        "im not comin to that panel its a con",
        "Ay up, the lads have had a grand day",
        "Thanks. Great.",
    ],
)
def test_places_interjections_and_words_that_register_names_share(word_names, text):
    assert _people(text, word_names) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Dad paid the sum of £40 towards the school trip", []),
        ("hey its tia wat time is contact", ["tia"]),
        ("Sum is at nursery till 3", ["Sum"]),
        ("Brook, here's the number I said I'd send", ["Brook"]),
        ("Major incident declared on the A49, all visits postponed", []),
    ],
)
def test_short_and_everyday_register_names_in_lower_case_and_openings(word_names, text, expected):
    assert _people(text, word_names) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The review conference has been moved to 12 Dec at 2pm.",
        "Lovely old farmhouse, the Aga keeps the whole place warm.",
        "The briefing is in the Wren Room on the 2nd floor.",
        "We've got the safe haven drop-in at 2, then clay modelling.",
    ],
)
def test_months_cookers_rooms_and_everyday_words_that_are_register_names(text):
    register = Gazetteer.from_people(
        [
            Person("Declan Byrne", "child", aliases=("Dec",)),
            Person("Agnieszka Nowak", "parent", aliases=("Aga",)),
            Person("Wren Hollis", "child"),
            Person("Haven Asante", "child"),
            Person("Clay Asante", "child"),
        ]
    )
    assert _people(text, register) == []


def test_a_title_in_a_register_entry_is_not_a_name_of_its_own():
    register = Gazetteer.from_people(
        [Person(name="Layla Haddad", role="parent", aliases=("Mrs Haddad", "Nan Layla"))]
    )
    text = "Mrs Carr has booked the room. Mrs Haddad and Nan Layla will come."
    spans = [text[f.start : f.end] for f in screen(text, gazetteer=register).of("person")]
    assert spans == ["Carr", "Haddad", "Layla"]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("hi dom sorry 4 late reply", "dom"),
        ("wagwan dom, cant come", "dom"),
        ("ok thx. tell dom hope he feels better", "dom"),
        ("cn u tell kwame bring the forms", "kwame"),
    ],
)
def test_a_name_typed_in_lower_case_after_a_greeting_or_tell(text, name):
    register = Gazetteer.from_people([Person(name="Dominic Hale", role="staff", aliases=("Dom",))])
    assert name in [text[f.start : f.end] for f in screen(text, gazetteer=register).of("person")]


@pytest.mark.parametrize(
    "text", ["hi hope you are well", "thanks will do", "tell mum i said hi", "ring grace back"]
)
def test_everyday_words_after_a_greeting_or_tell_are_not_names(text):
    assert screen(text).of("person") == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Mark dont be listening to Summer, were not going anywhere", "Mark"),
        ("Dawn hen you're doing amazing", "Dawn"),
        ("Rose pet, can you ring me", "Rose"),
    ],
)
def test_an_everyday_name_opening_a_message_to_its_reader(text, name):
    register = Gazetteer.from_people(
        [Person("Mark Bell", "staff"), Person("Dawn Lee", "parent"), Person("Rose Kerr", "staff")]
    )
    assert name in [text[f.start : f.end] for f in screen(text, gazetteer=register).of("person")]


@pytest.mark.parametrize(
    "text", ["Mark the date in your diary", "Will you be in tomorrow?", "Hope it goes well"]
)
def test_the_same_words_as_verbs_opening_a_message(text):
    register = Gazetteer.from_people([Person("Mark Bell", "staff"), Person("Hope Kerr", "child")])
    assert screen(text, gazetteer=register).of("person") == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Summer ji, Zaini is sleeping better", "Summer"),
        ("Will bab they took me winter fuel off me", "Will"),
        ("Summer sorry to say but the SENCO rang", "Summer"),
        ("Rose I can lend you the car seat", "Rose"),
        ("Grace its Amina. Just checking in", "Grace"),
        ("Will. A word please, my office, 10", "Will"),
        ("Can anyone cover my 9.30 call back to the school? Will?", "Will"),
    ],
)
def test_an_everyday_word_that_calls_someone_is_their_name(found, text, name):
    assert name in found(text, "person")


@pytest.mark.parametrize(
    "text",
    ["Mark my words, this placement won't last", "Will I need to bring the forms?"],
)
def test_sayings_and_questions_are_not_names(found, text):
    assert found(text, "person") == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("That Farage is the only one says it like it is", "Farage"),
        ("Reeves has done absolutely nothing for kinship carers", "Reeves"),
        ("Keir Starmer was on the news again", "Keir Starmer"),
        ("Jacob Rees-Mogg of all people", "Jacob Rees-Mogg"),
    ],
)
def test_a_public_figure_is_a_name_for_information_only(text, name):
    result = screen(text)
    [finding] = [f for f in result.findings if f.category == "person"]
    assert text[finding.start : finding.end] == name
    assert finding.severity == "info"
    assert result.channel_verdict.route == "messaging"


def test_a_family_on_the_register_with_a_public_figure_s_surname_is_still_the_family():
    register = Gazetteer.from_people([Person("Tyler Reeves", "child")])
    [finding] = [
        f
        for f in screen("Reeves is settled at school", gazetteer=register).findings
        if f.category == "person"
    ]
    assert finding.severity == "warn"


@pytest.mark.parametrize("text", ["the trumpet lesson", "may I ask", "a Street party", "musk rose"])
def test_words_that_share_a_public_figure_s_name_are_not_names(found, text):
    assert found(text, "person") == []


def test_an_adverb_that_shares_a_politician_s_name_is_not_one(found):
    assert found("Cleverly, she kept the receipt", "person") == []
