"""Offensive and derogatory remarks; insults to the council and colleagues cite 3.3."""

import pytest

from safecomms.screening import screen


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("Those feral kids were at it again.", "feral kids"),
        ("She's a benefit scrounger.", "benefit scrounger"),
        ("Honestly he is a waste of space.", "he is a waste of space"),
        ("The mum is so thick.", "The mum is so thick"),
        ("What a useless manager.", "useless manager"),
        ("Tell him to fuck off.", "fuck off"),
        ("the new team manager is clueless", "the new team manager is clueless"),
        ("He's about as useful as a chocolate teapot", "about as useful as a chocolate teapot"),
        ("The Romanian families never engage with anything", "Romanian families never engage"),
        (
            "These asylum seekers are all lying about their age",
            "These asylum seekers are all lying",
        ),
        ("ur all useless w*nkers", "w*nkers"),
    ],
)
def test_offensive_remarks(found, text, phrase):
    assert phrase in found(text, "offensive")


def test_insults_to_managers_cite_the_council_rule():
    [finding] = screen("What a useless manager.").of("offensive")
    assert finding.rule == "3.3-no-offensive-content"
    [finding] = screen("Those feral kids were at it again.").of("offensive")
    assert finding.rule == "7.2-no-derogatory-comments"


@pytest.mark.parametrize(
    "text",
    [
        "Mum has been smoking fags again in front of the baby.",
        "He needs a finger prick test at the GP.",
        "She loves animals and wants a dog.",
        "Dad said the social worker was a useless waste of space.",
        'YP said "you are a fucking idiot" and walked off.',
        "The form is really simple to fill in.",
        "The Polish interpreter is booked for Tuesday.",
        "Asylum seekers are entitled to a section 17 assessment.",
        "Our new manager is brilliant.",
    ],
)
def test_not_offensive_or_someone_elses_words(found, text):
    assert found(text, "offensive") == []


@pytest.mark.parametrize(
    "text",
    [
        "The locum is a total waste of space",
        "Darren the stepdad is a nasty little bully",
        "You lot are a joke",
        "Shame on you all",
        "The new starter is an absolute liability",
    ],
)
def test_insults_aimed_at_people(found, text):
    assert found(text, "offensive") != []


@pytest.mark.parametrize(
    "text",
    [
        "The traffic is a nightmare this morning",
        "The Rwanda policy is a disgrace",
        "Shame on me for forgetting the forms",
        "Sam is a total star",
    ],
)
def test_not_insults_to_people(found, text):
    assert found(text, "offensive") == []


@pytest.mark.parametrize(
    "text",
    [
        "you're all a bunch of liars",
        "Cheers for that, you clown.",
        "Another genius referral from the school",
        "Thanks for nothing, duty team",
        "Those Roma families who never send the kids to school",
        "She's a right madam",
        "They're milking the system",
        "Typical estate family",
        "Housing couldn't organise their way out of a paper bag",
    ],
)
def test_put_downs_and_generalisations(found, text):
    assert found(text, "offensive") != []


@pytest.mark.parametrize(
    "text",
    [
        "Another genius plan from the Education Secretary",
        "We use the system to log every visit",
        "Thanks for sorting that",
        "You're a star, thank you",
    ],
)
def test_ordinary_uses_of_those_words(found, text):
    assert found(text, "offensive") == []


@pytest.mark.parametrize(
    "text",
    [
        "she is an absolute nightmare",
        "the Coventry team are a bunch of lazy so-and-sos",
        "ur a fkin joke",
        "this DSL is hopeless",
        "they're a complete waste of time",
        "Those Roma families are a nightmare",
        "mans a proper wasteman",
        "that dad is thick as pig muck",
    ],
)
def test_insults_in_regional_and_everyday_words(found, text):
    assert found(text, "offensive") != []


@pytest.mark.parametrize(
    "text",
    [
        "The meeting was a waste of time, sorry you had to sit through it",
        "The duty team are brilliant this week",
        "They're a lovely family to work with",
    ],
)
def test_criticism_of_things_and_praise_are_not_insults(found, text):
    assert found(text, "offensive") == []


@pytest.mark.parametrize(
    "text",
    [
        "you absolute melt, wrong chat again",
        "the total clown in finance lost the form",
        "tell him he's a sad little man",
        "some carers are only in it for the money",
        "what a shitshow",
        "Jo's dad is an absolute cow to the carers",
    ],
)
def test_put_downs_in_chat(found, text):
    assert found(text, "offensive") != []


@pytest.mark.parametrize(
    "text",
    [
        "You absolute star, thank you",
        "The money for the trip is in the office",
        "He was a little sad after the visit",
    ],
)
def test_warm_or_plain_words(found, text):
    assert found(text, "offensive") == []


@pytest.mark.parametrize(
    "text",
    [
        "not being funny but them Romanians on that road are all at it",
        "Honestly gypsies round here just don't value school",
        "they're all on the fiddle, every single one",
        "the new ADM is SUCH a drip",
        "don't vote for that clown",
        "can't be arsed with duty today",
    ],
)
def test_sweeping_remarks_and_put_downs_in_other_words(found, text):
    assert found(text, "offensive") != []


@pytest.mark.parametrize(
    "text",
    [
        "I gave them Polish translations of the plan.",
        "Travellers round here have a new liaison worker from the council.",
        "The clown at the party was booked by the carers.",
    ],
)
def test_groups_and_words_mentioned_without_a_slur(found, text):
    assert found(text, "offensive") == []


@pytest.mark.parametrize(
    "text",
    [
        "stop harassing me you nosy cow",
        "Morag thinks she's God's gift to care planning.",
        "Her CAMHS worker is a waste of a salary",
        "Mum's new fella is a proper meathead, no brain cells",
        "he's a little toerag",
        "If they lose one more bundle I'll scream. Bunch of numpties.",
    ],
)
def test_insults_of_parents_partners_and_colleagues(found, text):
    assert found(text, "offensive") != []


@pytest.mark.parametrize(
    "text",
    [
        "Honestly, the household is a circus. Mum can't string a sentence together.",
        "my landlord is a racist pig",
        "Tell Rose she's a stuck-up cow",
        "absolute state of her, man",
        "your department is a shambles run by people who couldn't organise a bus queue",
        "That magistrate was a total dinosaur. Silly old fool.",
        "Scally central that house, they'll all be inside by Christmas.",
        "the rest of them at the council r useless pricks",
        "a snob who looks down her nose at us",
    ],
)
def test_put_downs_of_families_professionals_and_departments(found, text):
    assert found(text, "offensive") != []


@pytest.mark.parametrize(
    "text",
    [
        "Did you see the PM's speech? Utterly spineless",
        "Legal have sent it back AGAIN. Bunch of useless pen pushers",
        "Sheep-shaggers the lot of them",
        "You're behaving like a spoilt toddler and everyone can see it",
        "Patronising prat spoke to us like we were five",
        "Dad's new girlfriend is a right piece of work. Mutton dressed as lamb",
        "ur a f**kin joke u lot",
        "Honestly the gene pool round there needs chlorinating",
        "tell that snotty cow she aint welcome",
        "Slimy little weasel",
        "the Kurdish lot never bother learning English",
    ],
)
def test_put_downs_slurs_and_mockery_in_the_field_s_words(found, text):
    assert found(text, "offensive") != []


@pytest.mark.parametrize(
    "text",
    [
        "The cow got out onto the lane again, farmer's sorting it.",
        "Kurdish interpreter booked for 10, the family prefer Sorani.",
        "Two of the children are acting like it never happened, which worries me.",
    ],
)
def test_farm_animals_interpreters_and_observations(found, text):
    assert found(text, "offensive") == []


@pytest.mark.parametrize(
    "text",
    [
        "tell dem pigs to leave me alone",
        "ye lot r a disgrace, bunch of sneaky two faced cows",
        "it's like an episode of Big Fat Gypsy Wedding in there",
        "The man is a walking out-of-office.",
        "Dad is a total creep, honestly.",
        "Campbell mum is off again. Nightmare woman.",
        "Their DSL couldn't safeguard a sandwich.",
        "Funny how they all need a bit of help.",
        "Jo's assessments read like they were written by a toddler with a thesaurus.",
    ],
)
def test_sneers_at_police_families_and_colleagues(found, text):
    assert found(text, "offensive") != []


@pytest.mark.parametrize(
    "text",
    [
        "The Rwanda policy is a disgrace, can't believe anyone supports it",
        "Pigs and goats at the city farm visit on Saturday.",
    ],
)
def test_political_verdicts_and_farm_animals_are_not_insults(found, text):
    assert found(text, "offensive") == []


@pytest.mark.parametrize(
    "text",
    [
        "ur a fat snitch and evry1 knows it",
        "Whoever it was, you're a disgusting pig",
        "the kids stink to high heaven",
        "Typical of the Lakatoš lot. You know what that community are like",
        "I wouldnt keep a dog in there, they're pigs the lot of them",
        "sat there chewing gum. useless article 🙄",
        "the duty team are a bunch of wasters",
        "has the IQ of a goldfish",
    ],
)
def test_snitches_pigs_and_goldfish(found, text):
    assert found(text, "offensive") != []


def test_a_child_who_smells_of_smoke_is_an_observation(found):
    assert found("The children smell of smoke and the house is cold.", "offensive") == []


@pytest.mark.parametrize(
    "text",
    [
        "5 kids by 4 different dads. couldn't make it up 💀",
        "Dad's a knuckle-dragger, grunted twice and walked out.",
        "Typical of that estate. They breed like rabbits over there",
        "this placement is a shithole. lorraine is a nosey old witch.",
        "Charity hires, the lot of them.",
        "Where do they find these people",
        "Uff, Shannon's bilkul pagal, like a proper jahil",
        "some folk have far too much time on their hands. Drama queen doesn't cover it",
        "he can sit there till he rots the scruffy get",
        "Funny how the emergencies always land the day after payday 🙄",
        "she can take her stuck up manager with her",
        "Shannon's turned up in her pyjamas again. Classy.",
        "She's about as much fun as a smear test",
        "Honestly that family are proper scruffs.",
        "Tariq and his mosque lot banging on again",
        "Woman's got a face like a slapped arse",
    ],
)
def test_mockery_of_families_colleagues_and_faiths(found, text):
    assert found(text, "offensive") != []


@pytest.mark.parametrize(
    "text",
    [
        "Useless, the lot of them. The Tories left this mess and Labour carry on with it.",
        "Funny how there's always money for prisons but never for early help.",
        "A classy restaurant for the leaving do, booked for 7.",
    ],
)
def test_political_verdicts_and_ordinary_uses_are_not_mockery(found, text):
    assert found(text, "offensive") == []


@pytest.mark.parametrize(
    "text",
    [
        "Bunch of ambulance chasers, half the solicitors in this court.",
        "the Doyle parents are a pair of wasters",
        "Your a disgrace to ur profession and i hope u rot",
        "Give it a term before he legs it like the last clown did.",
        "The whole Pike clan should come with a health warning 🙄",
        "Scabs, the lot of them.",
        "Social services my arse. Useless the lot of you",
        "Absolute feral little scrotes, one of them spat at Dean.",
        "handover notes look like a toddler got hold of a biro",
        "it's like a travelling circus. I counted the teaspoons after 🙄",
        "looking like she'd been dragged through a hedge backwards",
        "the Slovak family just don't get it",
        "the carer is a snob, I wouldn't place a goldfish with her",
        "tell ur mate he can do one, im not sayin sorry to that prick",
        "Man's a walking complaints form.",
        "the new head is a right Karen about exclusions",
        "ayse is a stuck up cow",
        "Gaz forgot again. Useless as always.",
        "half these UASC lads are playing us, most are 25 if they're a day",
        "yer man from the polis is a wee dick so he is",
        "that Tamil family are so dramatic, every visit is a crisis",
        "She's been here long enough to learn it.",
        "The Home Secretary is a heartless cow",
        "tell that fat school nurse to stop chatting to me",
    ],
)
def test_sneers_from_courts_picket_lines_and_contact_rooms(found, text):
    assert found(text, "offensive") != []


@pytest.mark.parametrize(
    "text",
    [
        "wot a joke ur service is. useless the lot of u",
        "Typical valleys family, no teeth and ten dogs.",
        "Ha the state of that IRO today, power trip much?",
        "The mother's idea of parenting is a phone and a telly on full blast.",
        "The boy's twp as a brush, bless him",
        "Mum turned up looking like something the cat dragged in 🤣",
        "lol the Baxter kids r feral, seen em in Tesco",
        "Callum's report reads like it was written by a 12 year old 🙄",
        "did you see the dad's tattoos 😂😂 proper Jeremy Kyle",
        "Students these days are snowflakes",
        "Polish families always play the language card when it suits them",
        "clearly got the job for being someone's mate, zero clue",
    ],
)
def test_mockery_from_the_last_sets(found, text):
    assert found(text, "offensive") != []


def test_a_clown_show_in_a_debate_is_political_not_an_insult(found):
    assert found("Absolute clown show in the Senedd debate today.", "offensive") == []


@pytest.mark.parametrize(
    "text",
    [
        "Tell your manager he can shove his child protection plan up his arse.",
        "Agnieszka can't even speak proper English",
        "Priya writes like a five year old",
        "TUV candidate was at my door last night. Bigots the lot of them.",
        "that wee spide from the home keeps startin on me",
        "Tell that cow of a manager I'll see her in court",
        "I'm not dealing with that eejit of a father again",
        "lol the state of grandad's house, like something off Benefits Street",
        "her English is shocking",
    ],
)
def test_insults_from_belfast_birmingham_and_the_east(found, text):
    assert found(text, "offensive") != []


def test_a_road_that_is_a_nightmare_is_traffic(found):
    text = "running 10 mins late - traffic on the Hagley Road is a nightmare"
    assert found(text, "offensive") == []


@pytest.mark.parametrize(
    "text",
    [
        "That lass is a feral little scrubber, always has been",
        "That agency send us some right creeps, half of them are weirdos",
        "That new lad couldn't find his own backside with a map",
        "These people expect everything handed to them on a plate",
        "stop acting like a spastic",
        "He's an absolute joke of a manager",
    ],
)
def test_put_downs_of_people_in_everyday_words(found, text):
    assert found(text, "offensive") != []


@pytest.mark.parametrize(
    "text",
    [
        "Tyler has spastic quadriplegic cerebral palsy and his chair is causing pressure",
        "Spastic diplegia affects both legs; physio twice a week",
        "Absolute joke of a system, I've lost a whole case note",
        "Horror films give me the creeps",
        "These people are the professionals who attended the meeting",
    ],
)
def test_clinical_words_and_complaints_about_things_are_not_put_downs(found, text):
    assert found(text, "offensive") == []


@pytest.mark.parametrize(
    "text",
    [
        "is this the one with the mental mum who screams at everyone?",
        "honestly what a dosser, sat on her backside all day",
        "now that nonce kwame's gone",
        "these Somalis pop out 8 kids each and then cry to housing",
        "these Portuguese mums swan off back home for weeks",
        "it's always the same with that lot",
        "that kid who grassed on him is a little rat",
        "the old boy's senile as anything",
        "Tom never takes anything new, lazy agency leech",
        "she's a bit rough, proper estate type",
    ],
)
def test_put_downs_of_parents_groups_and_colleagues(found, text):
    assert found(text, "offensive") != []


@pytest.mark.parametrize(
    "text",
    [
        "she has mental health needs and the mental health team will call",
        "we have a rat problem in the loft, pest control booked",
        "Grandad has been diagnosed with senile dementia",
        "The Somali community centre runs a homework club",
    ],
)
def test_health_pests_and_communities_are_not_put_downs(found, text):
    assert found(text, "offensive") == []


@pytest.mark.parametrize(
    "text",
    [
        "Honestly some people shouldn't be allowed to breed",
        "half these Romanian families know exactly how to work the system",
        "maybe learn to speak English properly love",
        "Not trusting that agency clown with it after last time",
        "her new boyfriend is a proper greasy scrote",
        "He's bone idle and frankly dim",
        "tell that snotty health visitor she can whistle",
        "My housing officer never answers, useless prat that he is",
        "no chance I'm going on that site on my own, they're all thieves and liars",
        "half the Polish parents on my caseload are alcoholics",
        "let's hope she's less of a dinosaur than the last one",
        "anyone else think the new director is all mouth?",
        "some of these dads are knuckle-dragging neanderthals honestly",
        "Some of the agency lot clearly can't read, so I'll say it twice",
        "not that gypsies ever understand owt they don't want to",
        "home staff are clueless, half of them couldn't look after a goldfish",
        "honestly these Romanian families, you never get a straight answer",
        "She's sound, unlike the ex, who's a nasty little weasel",
        "That mate's a right little tart if you ask me",
        "Bev's lovely but the husband is a knuckle-dragger",
        "Hopefully not that snooty cow with the lanyard collection",
        "that lot at the lodge, all drug runners the lot of them",
        "extra nights again, hysterical nightmare that woman",
        "the carers are a pair of money grabbing vultures",
        "found her at 3am and just dropped her back, useless bunch of plods",
        "immigrants get everything handed to them",
    ],
)
def test_put_downs_of_parents_professionals_colleagues_and_groups_in_regional_words(found, text):
    """Insults written the way teams across the country write them, none of them stock phrases."""
    assert found(text, "offensive") != []


def test_a_reported_insult_is_the_speakers(found):
    text = "Jayden kicked off at contact, called his mum a slag and threw a chair. Nobody hurt."
    assert found(text, "offensive") == []


@pytest.mark.parametrize(
    "text",
    [
        "it was the new agency lass, she's a right dozy mare",
        "the dad is a typical controlling caveman, they're all like that",
        "Mum's English is so bad it's like talking to a brick wall",
        "that cabinet member is a clown",
        "this effing printer has eaten my chronology",
        "you're absolutely useless, the lot of you",
    ],
)
def test_put_downs_stereotypes_and_swearing(found, text):
    assert found(text, "offensive") != []


@pytest.mark.parametrize(
    "text",
    [
        "The new case recording system is absolutely useless, crashed four times",
        "Dad was effing and blinding at the door, police called",
        "Mum's English is limited so an interpreter is booked",
        "he was the class clown at primary, school say he's settled now",
    ],
)
def test_frustration_with_things_and_records_of_what_happened(found, text):
    assert found(text, "offensive") == []


@pytest.mark.parametrize(
    "text",
    [
        "she's the laziest woman on the estate, sits on her arse all day",
        "gypsies, what do you expect",
        "Typical of that community, the girls are skivvies",
        "you know what scousers are like",
        "half these asylum seekers are chancers",
        "Always said he was a creepy old perv",
        "proper power-tripping cow",
        "Easton is basically Mogadishu now",
        "that kid creeps me out",
        "Typical tinker, thinks rules are for other people",
    ],
)
def test_slurs_stereotypes_and_contempt_in_the_field_s_words(found, text):
    assert found(text, "offensive") != []


@pytest.mark.parametrize(
    "text",
    [
        "not going back to that school. they call me gyppo every day and the teachers do nothing",
        "the contract is a cash cow for the provider",
        "the Travellers' site visit is booked for Tuesday",
    ],
)
def test_what_others_call_a_child_and_the_same_words_as_facts(found, text):
    assert found(text, "offensive") == []


@pytest.mark.parametrize(
    "text",
    [
        "The flat's a tip. Proper Benefits Street material.",
        "Has he read a single care plan this year? Useless old fart.",
        "Roma blokes don't work, it's a cultural thing",
        "she's basically a vegetable",
        "u man are moist",
        'half these "children" have beards',
        "I can't face that moaning cow today",
        "typical lazy agency waster",
        "not sitting in a waiting room with that gobby little sod again",
        "Pissed at 11am. Tragic woman.",
        "Someone remind me to wipe my feet on the way out",
    ],
)
def test_contempt_for_families_colleagues_and_groups(found, text):
    assert found(text, "offensive") != []


@pytest.mark.parametrize(
    "text",
    [
        "The cows in the top field got out again, farmer's sorting it",
        "Pearl's cake was lovely and moist",
    ],
)
def test_farm_animals_and_cake(found, text):
    assert found(text, "offensive") == []


@pytest.mark.parametrize(
    "text",
    [
        "the woman's a pure bampot",
        "Typical tinks, ye cannae keep track of them",
        "that whole Roma clan are at it",
        "Always thought he was a creepy wee sleazebag",
        "her new man is a right bawbag",
        "typical Larkhall hun",
        "these families bring their culture with them and refuse to integrate",
        "nosey auld cow",
        "Govanhill's a midden since the Roma moved in",
        "Wee ned needs a reality check",
    ],
)
def test_scots_insults_slurs_and_sectarian_words(found, text):
    assert found(text, "offensive") != []


@pytest.mark.parametrize(
    "text",
    [
        "thanks hun, see you Thursday",
        "Mi did tink dem ave him inna trap house",
        "Ned is Will's uncle",
    ],
)
def test_endearments_patois_and_names(found, text):
    assert found(text, "offensive") == []


@pytest.mark.parametrize(
    "text",
    [
        "TJ and his feral little mates were lobbing stones at the trams",
        "The Asians on that road all cover for each other",
        "Proper mental that one, dunno why they keep him at home",
    ],
)
def test_gangs_of_mates_group_loyalty_and_mental_as_an_insult(found, text):
    assert found(text, "offensive") != []


def test_mental_health_is_not_an_insult(found):
    assert found("He needs proper mental health support, not another move", "offensive") == []


@pytest.mark.parametrize(
    "text",
    [
        "That whole family are a pack of hallions",
        "Them Wards are a tribe of knackers",
        "she's a stuck up wee cow",
        "the huns started it, they were firing bricks",
        "Took him 40 minutes to work out the scanner. Total spa.",
        "Whoever told that child that wants their head felt. Thick as champ.",
        "thanks for sorting that youth worker eejit out",
    ],
)
def test_ulster_insults_and_sectarian_words(found, text):
    assert found(text, "offensive") != []


@pytest.mark.parametrize(
    "text",
    [
        "Stormont couldnt run a bath. Absolute joke",
        "morning huns, coffee's on",
        "I've booked a spa day for the carers' thank-you event",
    ],
)
def test_verdicts_on_things_endearments_and_spa_days(found, text):
    assert found(text, "offensive") == []


@pytest.mark.parametrize(
    "text",
    [
        "you are a wicked woman",
        "Honestly the kid's not all there",
        "Lazy foreign agency types, take the day rate and leave us the mess",
        "Mum barely speaks English, kids running feral. What a zoo.",
        "the police r pigs man",
        "Daddy's off to Dubai and they think a cheque fixes it. Entitled prats.",
        "Bleddy incomers",
        "Romanians jump every queue going",
        "They're thieves and liars, the lot of them",
        "him and that granddaughter are as feral as each other",
    ],
)
def test_more_of_the_field_s_contempt(found, text):
    assert found(text, "offensive") != []


@pytest.mark.parametrize(
    "text",
    [
        "lol the gremlin's kicking off again",
        "looks like she fell out the ugly tree",
        "Useless Lib Dem prat.",
        "Stinky Leon strikes again lol",
        "he's got the personality of a wet lettuce and the brains to match",
    ],
)
def test_nicknames_and_mockery_in_a_staff_group(found, text):
    assert found(text, "offensive") != []


@pytest.mark.parametrize(
    "text",
    [
        "Bloke's a total mug",
        "they all know how to work the system better than we do",
        "Bowen's put in a formal complaint now. Mad cow.",
        "out on licence next week. Little scrote.",
        "That kid screams the place down, like a feral animal",
        "Entitled little so-and-sos, the lot of them",
    ],
)
def test_welsh_teams_put_downs(found, text):
    assert found(text, "offensive") != []


def test_mad_cow_disease_is_a_disease(found):
    assert found("the farm lost its herd to mad cow disease in the nineties", "offensive") == []


@pytest.mark.parametrize(
    "text",
    [
        "That Hartley kid is a lost cause, honestly",
        "nasty little toerag, always has been",
        "the boy at the hostel is no more fifteen than I am",
        "Another 'sixteen year old' with a receding hairline turned up at the port",
        "Mum's the size of a house, can barely get to the door",
        "The dad's that fat he couldn't get off the sofa",
        "Bet the Albanian lads came over for the cannabis farms, they all do",
        "that whole country's a mafia state",
        "They're all chancing it, every last one of them",
        "should've sent the lot straight back",
        "Bengali dads never let the mums speak",
        "can't understand a word they say half the time",
        "these lot come over here and expect us to do everything",
        "the new starter is a bit special needs if you know what I mean",
        "Bunch of useless clipboard jockeys at CAMHS",
        "she's got a stick so far up her backside",
        "about as sharp as a bowling ball, that one",
        "Feral, the lot of them",
        "That new worker is nowt but a gormless lump",
        "I'd get more sense out of the cat",
        "He wants a good slap if you ask me",
        "you social workers are snakes",
        "School excluded him again. Clowns.",
    ],
)
def test_contempt_in_more_of_the_field_s_words(found, text):
    assert found(text, "offensive") != []


@pytest.mark.parametrize(
    "text",
    [
        "He's been up early feeding the pigs with the farmer",
        "We took the kids to see the pigs getting fed",
        "I'll say this and then I'll shut up about it",
        "Daft as a brush me, I copied the wrong number off the form",
        "He has a beard and says he is sixteen; the age assessment is booked",
        "the lot who want to send them all back are wrong",
        "Useless, the lot of them",
    ],
)
def test_farm_animals_self_mockery_and_neutral_descriptions_are_not_contempt(found, text):
    assert found(text, "offensive") == []


@pytest.mark.parametrize(
    "text",
    [
        "Kirkby family, let me guess: six kids, four dads",
        "the agency worker is a right moose",
        "wouldn't want to wake up next to that",
        "Leanne's a bit of a window-licker",
        "Wirral lot are all plazzy woolybacks",
        "she's only in it for the allowance",
        "She's neither use nor ornament that one",
        "proper third world in that flat",
        "screaming the place down, sounds like a strangled cat",
        "They should learn English like everyone else had to",
        "tell that p*ki social worker to keep out",
    ],
)
def test_still_more_contempt(found, text):
    assert found(text, "offensive") != []


@pytest.mark.parametrize(
    "text",
    [
        "Still got a witch's hat from when mine were little",
        "one of the pigs ate his hat at the farm",
        "got the job!! im not a waste of space after all",
        "vote? nah theyre all crooks in westminster",
    ],
)
def test_costumes_farm_pigs_self_praise_and_politics_are_not_contempt(found, text):
    assert found(text, "offensive") == []


@pytest.mark.parametrize(
    "text",
    [
        "the Tindall kids are like a pack of rats in that house",
        "Anyone seen the size of the new IRO? Needs two chairs",
        "ur all champagne socialist do-gooders",
        "those families are all drunks and brawlers, it's in the blood",
        "Bransholme's basically a zoo",
        "The agency are a useless shower",
        "these lot and their Ramadan, no point booking reviews",
        "Their parents are ignorant dogs",
        "yow lot am nothin but jumped up busybodies",
        "The fat slob of a mom ate the kids' chips",
        "the coppers am useless pigs",
        "ur a stuck up knob",
        "her new fella is a dirty foreigner",
        "couldnt organise a piss up in a brewery",
        "she is an ashawo, everybody knows it",
    ],
)
def test_contempt_from_the_midlands_to_the_south_coast(found, text):
    assert found(text, "offensive") != []


@pytest.mark.parametrize(
    "text",
    [
        "Summer wants to see the pigs at the park farm",
        "I've already been called a nosy cow by a 13 year old. Living the dream",
    ],
)
def test_farm_visits_and_being_called_names_are_not_contempt(found, text):
    assert found(text, "offensive") == []
