"""Political statements: voting advice, opinions on parties, politicians and government policy."""

import pytest


@pytest.mark.parametrize(
    "text",
    [
        "Make sure you vote Labour on Thursday!",
        "The Tories are useless.",
        "Starmer has no idea what he is doing.",
        "Universal credit is cruel and the government don't care.",
        "Get the Tories out.",
        "I can't stand Farage.",
        "Leaving the EU was a complete disaster and anyone who voted leave should be ashamed",
        "We need a Green council round here, simple as",
        "Please sign the petition to keep the family hub open and share it with parents",
        "See you on the march on Saturday",
        "Reform are no better than the Tories",
        "This government's benefit cap is pushing families into poverty",
    ],
)
def test_political_statements(found, text):
    assert found(text, "political") != []


@pytest.mark.parametrize(
    "text",
    [
        "The council's housing team will call you.",
        "We can meet at the polling station car park.",
        "Mum went into labour last night.",
        "I can help with your universal credit claim.",
        "The general election is on Thursday so the school is closed.",
        "Polling day is Thursday so the community centre is closed for the count",
        "Mum asked for help with a petition to the school about the bus route",
    ],
)
def test_neutral_mentions_are_not_political(found, text):
    assert found(text, "political") == []


@pytest.mark.parametrize(
    "text",
    [
        "Don't forget to vote tomorrow, the Greens are the only ones who care about the park",
        "Remember this at the next election",
        "The Tories made a right mess of children's services",
        "An independent Scotland can't come soon enough",
        "Anyone still backing Reform needs their head examined",
        "Please sign and share the Green Party petition",
    ],
)
def test_campaigning_and_opinions_in_other_words(found, text):
    assert found(text, "political") != []


@pytest.mark.parametrize(
    "text",
    [
        "Don't forget to vote for your school council rep",
        "Please sign the divorce petition and send it back to the court",
        "He's in a right mess with his college work",
        "We're working on his independence skills before he leaves care",
    ],
)
def test_the_same_words_without_a_political_side(found, text):
    assert found(text, "political") == []


@pytest.mark.parametrize(
    "text",
    [
        "I'd urge everyone to back the Labour candidate on Thursday",
        "Reform supporters are idiots",
        "Labour are basically the Tories these days",
        "Anyone coming on the anti-austerity march on Saturday?",
        "The Greens will sort your rent out, make sure you vote",
    ],
)
def test_urging_support_and_party_insults(found, text):
    assert found(text, "political") != []


@pytest.mark.parametrize(
    "text",
    [
        "See you on the 14 March for the review",
        "The green light came from panel this morning",
        "Please make sure you vote for the youth council by Friday",
    ],
)
def test_dates_and_everyday_words_are_not_political(found, text):
    assert found(text, "political") == []


@pytest.mark.parametrize(
    "text",
    [
        "The Tories have made an absolute dog's dinner of the care review",
        "Their petition is from the Labour branch, sign it if you can",
        "Plaid were round ours, might vote for em this time",
        "I'm spoiling my ballot and you should too",
        "Not voting Reform again after that",
        "Greens got my vote this year",
        "Whoever votes Conservative is voting for more cuts",
        "Never trusted the Lib Dems after tuition fees",
        "Labour are finished round here",
    ],
)
def test_voting_talk_in_everyday_words(found, text):
    assert found(text, "political") != []


@pytest.mark.parametrize(
    "text",
    [
        "Eat your greens and you can have pudding",
        "The petition for the special guardianship order is with the court",
        "Have you finished the assessment?",
    ],
)
def test_words_that_are_only_sometimes_political(found, text):
    assert found(text, "political") == []


@pytest.mark.parametrize(
    "text",
    [
        "The new PM has U-turned again",
        "That Reform councillor was an absolute embarrassment on the radio",
        "Same faces, different rosettes",
        "Honestly don't know who to vote for this time",
        "Anyone but them. Never Reform.",
    ],
)
def test_asides_about_parties_and_voting(found, text):
    assert found(text, "political") != []


@pytest.mark.parametrize(
    "text",
    [
        "He did a U-turn on the bike and fell off",
        "The rosettes for the pony club are in the office",
        "I never labour the point with mum",
    ],
)
def test_the_same_words_off_politics(found, text):
    assert found(text, "political") == []


@pytest.mark.parametrize(
    "text",
    [
        "Gutted about the by-election. Reform won here.",
        "Saw Starmer on the news last night. Honestly embarrassing.",
        "Tories again. Give me strength.",
    ],
)
def test_an_opinion_a_sentence_away_from_the_party(found, text):
    assert found(text, "political") != []


@pytest.mark.parametrize(
    "text",
    [
        "Labour started at 3am and mum was gutted the midwife was late.",
        "She went into early Labour. Dad was hopeless at the hospital.",
        "Reform of the PLO is overdue. The old forms were a shambles.",
        "Visited the Greens today. The house was a mess again.",
    ],
)
def test_same_words_about_birth_law_and_families(found, text):
    assert found(text, "political") == []


@pytest.mark.parametrize(
    "text",
    [
        "Finally the new Labour government's plan is actually decent",
        "Can't wait to see the back of this Conservative council, roll on May",
        "The Tories sold off every children's home in the county",
        "Say what you like but the Lib Dems are the only ones who cared about SEND",
        "Quick plug: our branch is backing the Labour candidate in the by-election",
        "Vote Conservative and get these social workers off our backs",
        "my mate says the greens want to legalise weed so im voting for them",
    ],
)
def test_a_party_named_outright_takes_a_side(found, text):
    assert found(text, "political") != []


@pytest.mark.parametrize(
    "text",
    [
        "Conservative estimate is 3 weeks for the CAMHS triage.",
        "FYI the Conservative group leader is visiting the Hub on Thursday.",
        "She rang her MP, Labour fella, about the housing.",
        "Mum told me a Reform canvasser knocked on Tuesday.",
        "Meet at the Labour Club car park, it's the easiest place to find.",
        "She went into labour at 2am, baby is fine.",
    ],
)
def test_parties_as_roles_places_and_ordinary_words(found, text):
    assert found(text, "political") == []


@pytest.mark.parametrize(
    "text",
    [
        "Westminster couldn't care less about kids up here.",
        "did u see the strike, this gov is a joke",
        "Since Brexit families like this one have been treated disgracefully.",
        "The cuts are ideological, full stop.",
        "The Home Secretary was appalling on the radio last night.",
        "Our MP voted against free school meals twice. Pathetic.",
        "whatever you do don't vote for the party that cut your grant",
        "I won't be voting for that lot again",
        "can't believe Starmer is going back on the two-child limit",
        "Please sign the petition against the SEND cuts",
    ],
)
def test_opinions_on_politicians_and_policy_in_any_words(found, text):
    assert found(text, "political") != []


@pytest.mark.parametrize(
    "text",
    [
        "The Home Office interview is on Tuesday at 10, please confirm the interpreter.",
        "Universal Credit claim has gone in; first payment due in five weeks.",
        "The MP's office has asked for an update, please route it through complaints.",
        "Welfare rights are running a briefing on the Universal Credit changes in April.",
        "Government guidance on kinship care says the support plan must be reviewed. Thanks.",
    ],
)
def test_neutral_mentions_of_government_carry_no_opinion(found, text):
    assert found(text, "political") == []


@pytest.mark.parametrize(
    "text",
    [
        "Typical of this government. They won't be getting my vote.",
        "Every MP who voted for those cuts should be ashamed of themselves.",
        "Don't let the Greens anywhere near the council",
        "Not saying who to vote for but the lot who want to shut the youth club don't deserve it",
        "none of them politicians care about kids in care",
        "they're aw liars in Holyrood the lot of them",
        "people voted for Brexit and now moan there's nobody to staff the care homes",
    ],
)
def test_voting_hints_and_verdicts_on_parliaments_and_mps(found, text):
    assert found(text, "political") != []


@pytest.mark.parametrize(
    "text",
    [
        "Just had the Senedd announcement through, removal of profit from care goes ahead.",
        "The MP's caseworker has written in about the housing, please reply by Friday.",
        "Polling station is in the school hall, so the visit moves to the library.",
    ],
)
def test_parliaments_and_mps_mentioned_without_a_verdict(found, text):
    assert found(text, "political") == []


@pytest.mark.parametrize(
    "text",
    [
        "Farage on the telly again. Turn it off before I throw the remote",
        "Brexit's the reason we can't get agency staff any more, thanks Boris",
        "The 20mph thing has added a quarter of an hour to every visit. Cheers Drakeford.",
        "Putting it out there: the council leader should resign over the transport cuts",
        "Don't forget to vote Thursday - and remember who closed your children's centre!",
        "Starmer couldn't run a bath",
        "This inheritance tax on farms will finish off half the valley. Disgrace.",
        "Honestly the two-child benefit cap is cruel.",
        "whoever gets in it'll be the same cuts. not voting for any of that lot",
        "I think the government's reforms are a step backwards",
    ],
)
def test_sarcasm_resignations_and_policies_in_the_field_s_words(found, text):
    assert found(text, "political") != []


def test_pointing_colleagues_to_government_guidance_is_not_political(found):
    text = "The Scottish Government's Promise framework has some good material on kinship care."
    assert found(text, "political") == []


@pytest.mark.parametrize(
    "text",
    [
        "Absolute cowardice from this government, our boys left in limbo.",
        "Sadiq Khan has failed our children.",
        "i'm voting independent this time and so should the whole site",
        "Kind regards, Jo. Refugees welcome. Stop the deportations.",
        "Don't forget to write to your MP about the pay review before the election.",
        "Another review from Whitehall. Pure politics.",
    ],
)
def test_cowardice_failures_slogans_and_lobbying(found, text):
    assert found(text, "political") != []


def test_a_parent_calling_their_mp_about_a_service_is_not_political(found):
    text = "u lot r useless, i'll be calling my MP"
    assert found(text, "political") == []


@pytest.mark.parametrize(
    "text",
    [
        "Starmer, Sunak, all the same, none of them ever set foot in a place like this.",
        "Make sure you register to vote and help get this lot out 😂",
        "This government hasn't got a clue.",
        "Holiday fund cut by a third. Well done, everyone in Whitehall 👏👏",
        "politics is a joke, none of them care bout ppl like us. i aint votin evr",
        "She's the only one who's bothered, so give her your support on the 2nd!",
        "The ballot closes on Friday. Frankly, I'd be voting yes.",
    ],
)
def test_cynicism_sarcasm_and_ballot_advice(found, text):
    assert found(text, "political") != []


def test_explaining_how_to_register_to_vote_is_not_political(found):
    text = "I can't share views on parties, but I can show you how to register to vote."
    assert found(text, "political") == []


@pytest.mark.parametrize(
    "text",
    [
        "Same lot who closed the treatment services. Roll on the election, honestly.",
        "The mayor's new youth violence fund is a PR stunt to get him through May.",
        "Just posted my ballot 🗳️ everyone can guess which way I went 🌹",
        "Don't forget to vote Thursday - we need a council that actually values carers",
        "I've told them the independent is the only one who'll stand up for our area",
        "We should never have left Europe, never",
        "both main parties have talked about Muslims in a shameful way",
        "Please please don't let the far right in, I'm begging you all.",
        "Burnham's the only one who actually cares about the north.",
        "Please sign the petition calling on the Chancellor to scrap the limit.",
        "have a think about who closed the children's centres before you put your cross in the box",
        "this country is going to the dogs under Starmer",
        "nobody in Westminster gives a monkey's",
        "the Greens are the only ones promising to keep it open",
        "Grades with no money behind them. Same old from Phillipson.",
    ],
)
def test_elections_slogans_and_verdicts_from_the_north_and_midlands(found, text):
    assert found(text, "political") != []


@pytest.mark.parametrize(
    "text",
    [
        "ngl ur the only one who actually listens",
        "Onyx asked me who I voted for. I keep that private and we talked about elections instead.",
    ],
)
def test_praise_for_a_worker_and_keeping_a_vote_private(found, text):
    assert found(text, "political") == []


@pytest.mark.parametrize(
    "text",
    [
        "Our councillor has lost my vote over the youth service cuts.",
        "the cuts are on the council leader and I'll be remembering that at the ballot box",
        "Please consider joining me at the Save Our Services rally on Saturday",
        "Who's coming to the Save Our Services march in Shrewsbury on Sat?",
        "everyone who voted for that should be ashamed of themselves",
        "Scrapping EMA was pure ideology.",
        "Every minister should do a week on duty before they write another framework.",
        "If Starmer thinks a 2.8% rise will stop people leaving he's dreaming",
        "This government has cut it to the bone.",
        "academies should be scrapped altogether",
        "The SEND reforms will be a car crash. Classic Westminster.",
        "Starmer promised change. Same old, different rosette.",
        "vote the lot of them out",
        "if this lot get back in at the next general election I'm emigrating",
        "I'm not wasting my vote on any of them",
        "Shows exactly what that party thinks of working people.",
        "why this goverment hate refugee?",
        "Starmer's lot have done nothing for children in care.",
        "We need a change of government, simple as.",
        "Braverman should never have been allowed near policy on children.",
        "Don't give his lot your vote, that's all I'm saying.",
        "I know who's getting my vote, and it isn't the blue lot 😉",
    ],
)
def test_votes_marches_ideology_and_colours(found, text):
    assert found(text, "political") != []


@pytest.mark.parametrize(
    "text",
    [
        "The ICPC is on 14 March at 10am at the Town Hall.",
        "The blue folder is on my desk.",
    ],
)
def test_months_and_colours_in_ordinary_use(found, text):
    assert found(text, "political") == []


@pytest.mark.parametrize(
    "text",
    [
        "Funny how the free school meals U-turn happened the week before the by-election 🙄",
        "Polling day Thursday. You all know what I think of the current lot 😉 use your vote wisely",
        "the new children's minister has never met a looked after child in her life",
        "Ofsted is just a stick the government uses to beat councils with",
        "Make sure you all get out and vote for Councillor Hughes next week",
        "Certainly not this shower in Cardiff Bay 🤷",
        "Austerity did this. Every one of these referrals is a policy choice.",
        "Just saying, if the council leader spent less time on photo ops for the Lib Dems we'd have staff",
        "Can't believe people still vote for the Nats after the ferries fiasco 🙄",
        "Brexit's the reason we can't get a dentist. Thanks a lot, Leave voters",
        "Gillian for council! Vote for her on the 2nd May",
        "Starmer promised us the earth and we got the same cuts",
    ],
)
def test_u_turns_ballots_and_blame_in_the_last_sets(found, text):
    assert found(text, "political") != []


@pytest.mark.parametrize(
    "text",
    [
        "Nothing in there for children's social care again, I won't be voting for him next time.",
        "Reminder to get out and leaflet for Councillor Dawes this weekend - we need her re-elected!",
        "I'm voting Conservative this time, they've done nothing for people like us",
        "Please all sign the attached letter, and remember who did this at the ballot box.",
        "make sure they hear about the waiting lists and back the right candidate",
        "Ministers keep talking about record investment - tell that to the kids waiting for CAMHS",
        "Say what you like but the Mayor has done more in one term than the council in ten years",
        "If the SDLP get in maybe we'll finally get the allowance sorted",
        "Yous are all the same, government stooges.",
        "No money for early help while Stormont sits on its hands. Restore the Executive.",
        "When you fill in the consultation tick 'oppose' on question 4.",
        "the Greens have my vote after what they said about the youth clubs",
        "PM's speech last night was a disgrace tbh",
    ],
)
def test_votes_withheld_and_assemblies_judged_in_the_last_sets(found, text):
    assert found(text, "political") != []


@pytest.mark.parametrize(
    "text",
    [
        "And divvent get me started on the government. Took the winter fuel off pensioners",
        "The NHS is on its knees and the politicians just keep talking",
        "Whoever's running the country now hasn't a clue, same as the last shower",
        "Another half-baked Whitehall scheme from politicians who've never done a home visit",
        "this government wants disabled kids hidden away",
        "with the college cuts this lot in government are making there'll be no course left",
        "Third EHCP this month with no OT report because the DfE won't fund them. Disgraceful",
        "vote for whoever puts money back in respite i say",
    ],
)
def test_opinions_in_sayings_and_dismissive_names_for_government(found, text):
    assert found(text, "political") != []


@pytest.mark.parametrize(
    "text",
    [
        "The panel chair, Cllr Ahmed (Conservative), has asked for reports two weeks early",
        "I gave the government letter to mum, she doesn't care for forms",
        "The DfE has confirmed our Families First Partnership grant allocation for 2025-26",
        "The minister is visiting the family hub on Friday",
        "We voted for whoever was free to chair the panel",
    ],
)
def test_labels_letters_grants_and_visits_are_not_opinions(found, text):
    assert found(text, "political") == []


@pytest.mark.parametrize(
    "text",
    [
        "the Home Office have basically abandoned these UASC kids in hotels",
        "the government's much-trumpeted investment has been a con",
        "the rest of the Labour group just want a photo op before the elections",
        "successive governments' refusal to build social housing is why families are stuck",
        "this government promised to fix caseloads and hasn't lifted a finger",
        "Brexit is why we can't get agency workers any more. Cheers for that, Boris.",
    ],
)
def test_opinions_on_departments_groups_and_governments_past(found, text):
    assert found(text, "political") != []


@pytest.mark.parametrize(
    "text",
    [
        "Hey Kemi, you looked absolutely gorgeous at the show",
        "Rishi was brilliant at football today, so proud",
        "Keir's placement is going well, carers are delighted",
        "Can you two be our practitioners for the minister visit on the 26th? Dress smart",
    ],
)
def test_children_who_share_a_politicians_first_name_are_not_politics(found, text):
    assert found(text, "political") == []


@pytest.mark.parametrize(
    "text",
    [
        "Ofsted want evidence and the DfE want it with two fewer workers. Genius plan from people "
        "who've never done a home visit",
        "Every time the Home Office tightens the rules lads like Hawre pay. Shameful politics "
        "and they know exactly what they're doing.",
        "The PCC's new campaign is pure vote chasing",
        "Your party should be embarrassed to have voted it through",
        "MPs have voted themselves another pay rise. Disgusting the lot of them",
        "Dem politician nuh care bout black yute inna Handsworth",
        "Government only care about money, not our boys",
    ],
)
def test_verdicts_asides_and_sarcasm_about_government(found, text):
    assert found(text, "political") != []


@pytest.mark.parametrize(
    "text",
    [
        "The government guidance on remote visits is attached. Great to see you all yesterday",
        "Your party invitation is on the fridge",
        "The minister visited the hub today. Lovely to see the children's art on the walls",
    ],
)
def test_neutral_mentions_before_a_happy_sentence(found, text):
    assert found(text, "political") == []


def test_good_news_after_a_neutral_mention_is_not_a_verdict_on_it(found):
    text = "The Home Office interview is on Tuesday. Amazing news about her school place too!"
    assert found(text, "political") == []


@pytest.mark.parametrize(
    "text",
    [
        "the housing minister should come do one shift with us and then tell me it's working",
        "the chancellor saying tough choices while families choose between heating and eating. "
        "spare me",
        "Honestly the ministers who designed the five week wait should have to live on it",
        "genuinely cannot with the Secretary of State and this rebrand",
    ],
)
def test_challenges_to_ministers_in_their_own_words(found, text):
    assert found(text, "political") != []


@pytest.mark.parametrize(
    "text",
    [
        "the government's 'families first' reforms are just rebadging what we did",
        "council leader stood there saying 'children are our priority'",
        "another \u2018record investment\u2019 announcement from Westminster today",
        "this government wouldn't know a vulnerable child if one sat on their lap",
        "he's a bit better this week. not that the government cares, they shut his youth club",
        "a DfE box-ticking exercise dreamt up by people who've never held a caseload",
        "the new council leadership are more interested in headlines than in outreach",
    ],
)
def test_scare_quotes_and_sarcasm_about_government(found, text):
    assert found(text, "political") != []


@pytest.mark.parametrize(
    "text",
    [
        'The DfE\'s "Families First" programme starts in April',
        "I sent the councillors' letters this morning",
        "The minister visited the hub; the children's 'show and tell' went ahead",
    ],
)
def test_titles_in_quotes_and_possessives_are_not_scare_quotes(found, text):
    assert found(text, "political") == []


@pytest.mark.parametrize(
    "text",
    [
        "all that labour lot care about is their expenses",
        "Ten years of cuts and we can't even get a phone answered",
        "thanks very much to whoever's running the NHS into the ground in Westminster",
        "Shower of muppets in that cabinet",
        "Councillor doing a photo op at the new family hub today",
        "Your administration's decision to freeze fostering allowances is shameful",
        "if I hear one more minister say 'early intervention' I'm driving into the Mersey",
        "shout out to whoever closed the only respite unit. councillors sleeping well I hope",
        "your cabinet member for children should try a night shift",
        "Another week of Whitehall pretending the NTS works.",
        "what 14 years of this lot running the NHS looks like",
        "Whoever signed that off at cabinet should be ashamed",
        "Home Office wanting x-rays on kids because it plays well with the tabloids. disgraceful",
    ],
)
def test_opinions_on_councils_cabinets_and_the_home_office_in_sarcasm_and_asides(found, text):
    """Opinions carried by sarcasm, asides and years of grievance rather than a named party."""
    assert found(text, "political") != []


@pytest.mark.parametrize(
    "text",
    [
        "Councillor Evans will attend the corporate parenting panel",
        "She's been in labour since 6, the midwife says it's going well",
        "The minister's office confirmed the date",
    ],
)
def test_councillors_labour_and_ministers_named_plainly(found, text):
    assert found(text, "political") == []


def test_praise_for_the_person_addressed_is_not_about_the_home_office(found):
    text = "Well done at the Home Office, you were very brave. Rest this evening"
    assert found(text, "political") == []


@pytest.mark.parametrize(
    "text",
    [
        "oh great, the minister is fixing children's services again",
        "Our MP had the cheek to open the new hub after his lot shut the old one",
        "the chancellor says councils are broke while handing contracts to his mates. love it.",
        "councillors voted to shut the youth centre tonight. clap clap.",
        "the Treasury treats early help as an optional extra",
        "Starmer said he'd sort social care in a year. still waiting",
        "If the government actually paid for early help we'd see fewer families in crisis",
        "the hearing was put back again, all down to a decade of legal aid cuts",
        "you always take kids off poor families, never the rich ones. class war",
    ],
)
def test_sarcasm_and_blame_in_the_field_s_own_words(found, text):
    assert found(text, "political") != []


@pytest.mark.parametrize(
    "text",
    [
        "oh good, the interpreter is booked for Tuesday",
        "still waiting for the GP letter, will chase",
        "If the minister visits the hub on Friday we need the room tidy",
        "The government guidance on contact was updated last week",
    ],
)
def test_the_same_words_away_from_a_political_subject(found, text):
    assert found(text, "political") == []


@pytest.mark.parametrize(
    "text",
    [
        "The mayor found millions for an arena. Absolute joke - they don't give a toss about kids",
        "Reeves can come and do a week on duty and see how she gets on",
        "Drakeford did more for kids in care than any English politician. Fair play to the man",
        "This government's had years to sort social work pay and done sod all",
        "Burnham's the only politician who's ever turned up for care leavers round here",
        "Brexit was an act of national self-harm and these kids are paying for it",
    ],
)
def test_verdicts_praise_and_blame_in_more_of_the_field_s_words(found, text):
    assert found(text, "political") != []


def test_a_verdict_sentence_that_opens_with_praise_is_not_blame(found):
    text = "The minister opened the hub today. Absolutely lovely day for the families who came"
    assert found(text, "political") == []


@pytest.mark.parametrize(
    "text",
    [
        "Royal Mail's been a shambles since they flogged it off, should never have been privatised",
        "Will she be bringing the funding she promised at the election? Thought not",
        "I'd urge everyone to vote yes in the ballot",
        "ULEZ is long, my mum can't drive to work no more. Sadiq is a joke",
        "Free school meals still means-tested while MPs expense their breakfasts. Makes my blood boil.",
        "Starmer can stick his two-child limit where the sun don't shine",
        "scrapping the mileage allowance is pure austerity politics",
    ],
)
def test_cynicism_about_policy_and_ballots(found, text):
    assert found(text, "political") != []


@pytest.mark.parametrize(
    "text",
    [
        "The ULEZ charge applies to the pool car, so book the electric one",
        "Please vote for your team rep by Friday",
    ],
)
def test_policies_and_ballots_named_as_facts(found, text):
    assert found(text, "political") == []


@pytest.mark.parametrize(
    "text",
    [
        "If these cuts go through I'll be on his door myself. It's austerity wi a tartan bow on it.",
        "The child payment is the one thing this government's actually got right",
    ],
)
def test_calling_something_austerity_and_praise_for_government(found, text):
    assert found(text, "political") != []


@pytest.mark.parametrize(
    "text",
    [
        "She's nervous about speaking to the minister. What should she wear?",
        "Her class did a mock election for the Holyrood vote and she won",
        "Dad told the panel he's voting Reform. Panel members didn't engage with it.",
    ],
)
def test_nerves_mock_elections_and_what_a_parent_told_a_panel(found, text):
    assert found(text, "political") == []


@pytest.mark.parametrize(
    "text",
    [
        "Should never have let them all in, send the lot back I say",
        "Hope the by-election kicks the whole lot of them out",
        "can't be worse than this shower who shut three children's centres",
        "Brexit make everything hard for Polish people, this government don't want us here.",
        "The independents spent full council on motions while SEND transport got cut. Priorities eh",
        "those asylum hotel protests last night were pure hate",
    ],
)
def test_immigration_elections_and_protests_in_the_field_s_words(found, text):
    assert found(text, "political") != []


@pytest.mark.parametrize(
    "text",
    [
        "Did you see the state of Stormont on the news last night?",
        "I'm voting Alliance next time purely to annoy my da",
        "got out. no charge. brits out",
        "the sooner we get a united Ireland the sooner the health service gets sorted",
        "We'd be worse off than under this Tory-lite crowd in London",
        "More than our MLAs have ever done for this estate, useless the lot of them",
        "the Executive freezing the leaving care budget while MLAs take a pay rise is a disgrace",
        "Stormont can't even agree a budget. Thanks a bunch, Finance Minister",
        "if they don't like it here there's plenty of flights",
    ],
)
def test_northern_irish_politics(found, text):
    assert found(text, "political") != []


@pytest.mark.parametrize(
    "text",
    [
        "Gabriel did brilliantly at the assembly today, his teacher sent a video",
        "The Assembly committee visit is on Tuesday at 10, room 3",
    ],
)
def test_school_assemblies_and_committee_visits(found, text):
    assert found(text, "political") == []


@pytest.mark.parametrize(
    "text",
    [
        "Cllr at panel asking why we need agency staff. Mate, your party voted through the cuts",
        "India has been getting away with it for decades and nobody in Westminster cares",
        "Our government is still selling arms to Israel",
        "No recourse to public funds is a deliberately cruel policy",
        "closing the children's centre is an ideological choice by this administration",
        "Second homes should be taxed into the ground",
        "Cutting that bus is shameful. I'll be voting them out in May",
        "Austerity dressed up as transformation.",
        "Saw the Mebyon Kernow leaflet, they're the only ones who actually care about Cornwall",
        "this govmint dont give a toss about care leavers",
    ],
)
def test_more_of_the_field_s_politics(found, text):
    assert found(text, "political") != []


@pytest.mark.parametrize(
    "text",
    [
        "Country's full mate, we can't look after our own",
        "the pronoun nonsense is woke box-ticking from HR",
        "The lefties in HR want us doing bias training again",
        "Say what you like about Farage but at least he says what he thinks",
    ],
)
def test_culture_war_asides(found, text):
    assert found(text, "political") != []


@pytest.mark.parametrize(
    "text",
    [
        "Drakeford shud be locked up lol",
        "Yes Cymru march sat!! Annibyniaeth nawr, westminster can do one",
        "Now your party has voted to cut my son's respite in half",
        "The 20mph limit is the best thing the Senedd's done in years",
    ],
)
def test_welsh_politics(found, text):
    assert found(text, "political") != []


def test_a_march_that_closes_roads_is_a_traffic_notice(found):
    text = "FYI there's a Yes Cymru march in Swansea on Saturday so the roads will be closed."
    assert found(text, "political") == []


@pytest.mark.parametrize(
    "text",
    [
        "Rwanda's been scrapped and good riddance",
        "This government would rather spend millions flying people to Rwanda than fix care",
        "The Home Secretary was bang on about the boats",
        "is the kinship strategy just the govt doing fostering on the cheap",
        "farage is a legend, says it like it is",
        "Rishi Sunak wouldn't last five minutes doing our job",
        "Rwanda bill passed then. Absolutely inhumane.",
        "We're going Green this time",
        "honestly id vote 4 them if i could",
        "We voted out and we were right",
        "they'll sort the immigrants out",
        "That Starmer wants his head looking at",
    ],
)
def test_political_opinions_in_more_shapes(found, text):
    assert found(text, "political") != []


@pytest.mark.parametrize(
    "text",
    [
        "DOB 01/01/2008 (as recorded by the Home Office; currently disputed)",
        "The Home Office paperwork gives his age as 16; it is not disputed",
        "He comes from Rwanda and speaks Kinyarwanda and French",
    ],
)
def test_an_age_dispute_and_a_country_of_origin_are_not_politics(found, text):
    assert found(text, "political") == []


@pytest.mark.parametrize(
    "text",
    [
        "me dad sez theyll sort it n id vote 4 them if i could",
        "Nuff said about the Tories, they wrecked this city",
        "this council won't spend a penny since the Labour lot took over. Shocking",
        "Open borders madness, that's what it is",
        "anyone else fuming reform won that seat?? god help us",
    ],
)
def test_the_writer_s_own_politics_after_a_report_and_in_more_words(found, text):
    assert found(text, "political") != []


@pytest.mark.parametrize(
    "text",
    [
        "My friend say the government will send all of us back. Is true?",
        "He say the Home Office is useless",
    ],
)
def test_what_someone_else_says_is_their_view(found, text):
    assert found(text, "political") == []


@pytest.mark.parametrize(
    "text",
    [
        "with the state this country's in under this government, the allowance doesn't cover feed",
        "UC five week wait is cruelty by design",
        "Westminster couldn't give a toss about Brid",
        "Now it's all for the immigrants and the likes of us can whistle",
        "Don't forget to vote Thursday, and not for the lot that cut our budget",
        "Ofsted's just a stick this government uses while cutting our funding",
        "Badenoch banging on about woke councils again",
        "dont vote for any of em m8",
        "The MoJ has been starving the system and neither party has the guts to fix it",
        "Early release under this government is putting women at risk",
    ],
)
def test_opinions_on_government_in_working_words(found, text):
    assert found(text, "political") != []


@pytest.mark.parametrize(
    "text",
    [
        "The NI number on the referral is the example from the DWP form, not a real one",
        "you can ask DWP to lower the deduction if you're in hardship",
    ],
)
def test_the_dwp_as_an_agency_is_not_politics(found, text):
    assert found(text, "political") == []
