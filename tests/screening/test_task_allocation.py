"""Work allocated through messaging groups; never on e-mail."""

import pytest


@pytest.mark.parametrize(
    "text",
    [
        "Can someone cover the 3pm visit?",
        "@Tom can you chase the school",
        "Sarah please do the CIN review by Friday",
        "Dev to cover duty tomorrow.",
        "Who is free to pick up the strategy meeting?",
        "I've allocated this referral to you.",
        "Who can cover duty on Friday?",
        "who's doing the Nowak home visit tomorrow",
        "Any takers?",
        "Can whoever's on duty ring the GP back",
        "Jas can you write up Kai's chronology please",
        "Kasia to chase the school about attendance",
        "Lorna please book the room for the core group",
        "I've put the Begum referral on your list",
        "The two new CIN cases are yours from Monday",
        "Can anyone chase?",
    ],
)
@pytest.mark.parametrize("channel", ["whatsapp", "sms", "teams", None])
def test_task_allocation_on_messaging_channels(found, text, channel):
    assert found(text, "task_allocation", channel=channel) != []


def test_not_on_email(found):
    assert found("Can someone cover the 3pm visit?", "task_allocation", channel="email") == []


@pytest.mark.parametrize(
    "text",
    [
        "Can you ring me back when you get this?",
        "Please attend the CIN review on Friday at school.",
        "Could you bring Jayden's red book to the appointment?",
        "Anyone free for a coffee?",
        "Mum to bring the red book to the appointment",
        "Hope to see you at the review",
        "Who can I speak to about my housing?",
    ],
)
def test_requests_to_families_are_not_task_allocation(found, text):
    assert found(text, "task_allocation", channel="whatsapp") == []


@pytest.mark.parametrize(
    "text",
    [
        "Could someone chase the school about the referral?",
        "Can one of you book the interpreter for Tuesday's review?",
        "You've got the Khan case from Monday",
        "Jo can you sign off the section 20 paperwork?",
    ],
)
def test_open_asks_and_handovers(found, text):
    assert found(text, "task_allocation", channel="teams") != []


@pytest.mark.parametrize(
    "text",
    ["Could someone tell me where the printer is?", "You've got the Tuesday off then"],
)
def test_questions_that_hand_over_nothing(found, text):
    assert found(text, "task_allocation", channel="teams") == []


@pytest.mark.parametrize(
    "text",
    [
        "Sam, that one's yours",
        "Duty: Mon Ola, Tue Ben, Wed me",
        "Kez - court report by Friday please",
        "New allocations: the Harris referral to Dev",
        "Tom you're on the 10am visit tomorrow",
        "Can you send out the ICPC invites?",
    ],
)
def test_rota_lines_deadlines_and_allocation_lists(found, text):
    assert found(text, "task_allocation", channel="whatsapp") != []


@pytest.mark.parametrize(
    "text",
    [
        "Are you free on Mon or Tue for the visit?",
        "The review is on the 10am slot, see you there",
    ],
)
def test_dates_and_times_alone_are_not_allocation(found, text):
    assert found(text, "task_allocation", channel="whatsapp") == []


@pytest.mark.parametrize(
    "text",
    [
        "Bilal, are you able to take the strategy discussion this afternoon?",
        "Business support - can you send the invites out for Friday?",
        "Hayley can u book room 2 for the core group on the 14th pls",
        "Whoever is duty worker today screens the contacts from MASH",
        "Carys, I've reassigned Ellie to you while Siobhan is off",
        "Allocations from this morning: Mark - Robson, Lorraine - McGowan",
        "Need someone to take my 4 o'clock, car's died",
        "can one of yous phone the school",
        "Shiv can you nip round the Kavanaghs on your way home",
    ],
)
def test_asks_in_everyday_words(found, text):
    assert found(text, "task_allocation", channel="whatsapp") != []


@pytest.mark.parametrize(
    "text",
    [
        "Are you able to make the review on Friday?",
        "Can you nip to the shop for milk?",
        "I've passed your message to the team",
    ],
)
def test_everyday_asks_that_give_no_work(found, text):
    assert found(text, "task_allocation", channel="whatsapp") == []


@pytest.mark.parametrize(
    "text",
    [
        "@Hollie are you ok to pick up the Laing referral?",
        "Chloe - mind doing the minutes for the CIN meeting?",
        "Putting you down for the RCPC on the 9th",
        "Femi's off so I've split his visits",
        "need somebody to sit with Reece at A&E",
        "can u cover my sleep in on Saturday",
        "Gem can u book room 2 for the Osei core group thurs pls",
    ],
)
def test_rota_swaps_and_cover(found, text):
    assert found(text, "task_allocation", channel="teams") != []


@pytest.mark.parametrize(
    "text",
    [
        "my new email is below, can u send the minutes there",
        "Would you mind doing the form at home with mum?",
    ],
)
def test_requests_that_are_not_work_for_a_colleague(found, text):
    assert found(text, "task_allocation", channel="sms") == []


@pytest.mark.parametrize(
    "text",
    [
        "Gem any chance u could swing by the school at 3 and drop the inhaler off",
        "Remember the form is due. Carol can you fax it over to housing today",
        "Fran grab the Price CIN review from me pls",
        "Jess take the new UASC referral when you're back in",
        "Aled, Steph — you two are on duty cover for the bank holiday",
        "@Tom are you ok to print the packs for 9am?",
        "Gemma would you be able to send the invites out for the CLA review?",
    ],
)
def test_a_colleague_named_and_asked_in_any_words(found, text):
    assert found(text, "task_allocation", channel="whatsapp") != []


@pytest.mark.parametrize(
    "text",
    [
        "Sarah can you ring me back when you get this",
        "Mum can you bring his PE kit to school tomorrow",
        "Police log: 0423 of 12/03, the LADO has it.",
        "Duty update: three contacts from MASH this morning.",
        "Dental check done, next appointment in 6 weeks.",
        "Might book in with the wellbeing service this week.",
        "Hi Tyler, can you call me when you're up?",
    ],
)
def test_headings_and_requests_for_the_writer_are_not_named_tasks(found, text):
    assert found(text, "task_allocation", channel="whatsapp") == []


@pytest.mark.parametrize(
    "text",
    [
        "Need you to do an unannounced at the Whitworths' tomorrow before school please",
        "Need you in court tomorrow at 10 for the ICO, counsel is expecting you.",
        "Can business support book a room and a minute taker for Thursday's ICPC?",
        "Audit week. Dev and Priya, you're on the CIN ones",
        "Paula you're on the out of hours handover tonight",
        "@Dev you're chairing the core group at 10, I'm stuck at court.",
        "Priya kindly do the needful and revert by EOD",
        "Gareth if you're passing through Keighley can you drop the schedule to mum?",
        "New referral in for the Nguyen family. Becky it's yours if you've got space",
        "Please make sure the care plan and PEP are uploaded five days before the review.",
        "can u move the CIN to weds pls, im snowed under",
    ],
)
def test_direct_asks_duties_and_handovers_in_other_words(found, text):
    assert found(text, "task_allocation", channel="teams") != []


@pytest.mark.parametrize(
    "text",
    [
        "Becky you're on leave tomorrow, aren't you?",
        "Jo you're on speaker, can you hear us?",
        "I need you to know that you did really well today.",
        "Please make sure you eat something before the review.",
    ],
)
def test_leave_speakerphones_and_encouragement_are_not_allocation(found, text):
    assert found(text, "task_allocation", channel="whatsapp") == []


@pytest.mark.parametrize(
    "text",
    [
        "Priya, there's a new 18+ referral in, can you make first contact by Friday?",
        "Priya, I'm off till the 28th, can you pick up the PIP appeal?",
        "Sam, you've got the Mulligan home visit Friday.",
        "Dev stick yourself on the Sunday waking night please, we're short again.",
        "I've put your name down for the Farah visit on Thursday Kerry",
        "Who's free to do the appropriate adult at the station?",
        "Passing the Okafor case over to you while I'm off",
        "Lauren you do the first half, Sam after 3.",
        "Can you two sort out between you who's taking him to the orthodontist?",
        "Who can do a quick run to Asda before 5?",
        "Tariq, yours: police have shared a new report, MASH want our response by 4.",
    ],
)
def test_handovers_rotas_and_asks_after_a_name_and_a_reason(found, text):
    assert found(text, "task_allocation", channel="whatsapp") != []


@pytest.mark.parametrize(
    "text",
    [
        "Priya, sorry I'm running late, can you ring me when you're free?",
        "Lauren you did brilliantly in court today.",
        "You've got the right idea, the visit went well.",
    ],
)
def test_requests_for_the_writer_and_praise_after_a_name(found, text):
    assert found(text, "task_allocation", channel="whatsapp") == []


@pytest.mark.parametrize(
    "text",
    [
        "Ring Shirin back about contact times, I promised her someone would by 5.",
        "I'd like each of you to audit two of your own cases by the end of the month",
        "the Horváth file needs scanning and sending to the IRO before 4",
        "EDT handover done. Day team please - strategy by 11, inform IRO",
        "can u drop the court bundle at legal on ur way past?",
        "Jo here. Hannah, write up Tuesday's observation and get it to me by Monday",
        "Lewis I've left the Barzani referral on the duty tray",
        "Ffion, need you on a s47 visit with Abena this afternoon",
        "I'm moving Sky and Bence to Abena's caseload from Monday.",
    ],
)
def test_handovers_trays_transfers_and_orders_in_the_field_s_words(found, text):
    assert found(text, "task_allocation", channel="whatsapp") != []


@pytest.mark.parametrize(
    "text",
    [
        "Lewis, you're the admin on the duty chat. Please remove the three leavers by Friday.",
        "Dan, Yousef needs the bursary form signed. Can you pick that up this week?",
        "Gareth, can you pull a loan iPhone off the shelf and get it to Tomasz by 3?",
        "Tomasz - the court bundle needs paginating before 9am tomorrow.",
        "Gareth - the loan phone needs setting up. Can you get that done before his 10am?",
        "Whoever's free after 3, the RHI still isn't done 🙏",
        "Ruth to screen the two CSE contacts from overnight, Kemi the DA notifications.",
    ],
)
def test_it_requests_bundles_and_screening_handed_out(found, text):
    assert found(text, "task_allocation", channel="teams") != []


@pytest.mark.parametrize(
    "text",
    [
        "Ring the Ferreira boy's school before 9 and get his transport sorted please",
        "I'm off sick today 🤒 someone will need to do my 10am at Tariq's",
        "The Baptiste LAC review minutes are still outstanding... just saying 👀 @Kirsty",
        "Can you phone the school about Jewel's attendance and bring the figures to supervision?",
        "Night team – make sure Callum's blanket is washed and back on his bed by 8",
        "Can the early help lot cover stay and play on Friday morning?",
        "Can one of the advisers get the PEP started this week?",
        "Kirst I've put the Chan core group in your calendar for Weds, minutes to be done by you",
    ],
)
def test_sick_days_nudges_and_team_asks(found, text):
    assert found(text, "task_allocation", channel="whatsapp") != []


@pytest.mark.parametrize(
    "text",
    [
        "Whoever's on the early: police want a strat at 9. Can you set it up?",
        "As we've got no Mosaic: Reece you take duty calls till 1, Agnieszka 1 till 5.",
        "I need the s47 for Bliss written up by Wednesday, Linh.",
        "Liam, I need you to do Kristaps's pathway plan review this week",
        "Ellie could you sit in on Sonny's PSHE group this afternoon?",
        "Morning Kerry, can you pick up Ember K's overnight on Friday?",
        "Can I leave the LADO form with you, Naz?",
        "Could the student take the notes at Thursday's core group?",
        "Someone's gotta go out to Tipton for the welfare check 🙃 Dean?",
    ],
)
def test_outage_rotas_and_asks_on_the_early_shift(found, text):
    assert found(text, "task_allocation", channel="whatsapp") != []


@pytest.mark.parametrize(
    "text",
    [
        "Hi Leanne, can you bring the red book to the clinic on Tuesday please?",
        "Ow do Linh, it's Bren. Wren's been bostin this week.",
        "Respected madam, kindly do the needful and call me.",
        "idk how to do the genogram, can any1 show me after lunch?",
        "Please do not email case notes until the system is back.",
    ],
)
def test_requests_from_families_greetings_and_instructions_to_all(found, text):
    assert found(text, "task_allocation", channel="whatsapp") == []


@pytest.mark.parametrize(
    "text",
    [
        "Can you nip to 28 Alma Road on your way home and check on the kids?",
        "Priya add Kacper's school to the core group invite",
        "Team 1: please each review two of the transfer-in cases by Wednesday",
        "Adding you to the Stanciu case as co-worker, you'll be doing the direct work",
        "Before you go, please pass the Stanciu bundle over to Priya",
        "Business support - please book Room 3 and send invites",
        "Could the newly qualified workers each pick up one of the unallocated cases?",
        "Return home interview needed: Pri can you do it Thursday?",
        "New referral in. Mandy to lead, Angharad to support.",
        "tonight's split: Noel does the Leominster run, Jordan gets Bromyard",
        "Hi Noel, I've put you down to cover the respite unit on Thursday",
        "Rota update: Jordan you're on the Saturday late, Noel has Sunday",
        "Jordan you did the last one so it's yours unless anyone screams",
        "Bex u do the Tharshan visit n I'll do the court report, deal?",
        "Kerry and Faisal, please split the overdue visits list between you",
        "Passing Roxana's case over to Jas from today",
        "I'd like Callum to lead and Drew to co-work.",
        "r u able 2 cover my 10am with Zia 2moro?",
        "Pls can sb pick up the private fostering notification",
        "Adding Jas and Kerry to the Christmas cover rota.",
        "Tommo, I've volunteered you to run the icebreaker",
    ],
)
def test_splits_rotas_volunteering_and_handovers_by_name(found, text):
    assert found(text, "task_allocation", channel="teams") != []


def test_a_question_to_whoever_voted_is_not_allocation(found):
    text = "could anyone who voted Leave explain why we can't recruit from the EU any more"
    assert found(text, "task_allocation", channel="teams") == []


@pytest.mark.parametrize(
    "text",
    [
        "Grace wants the visit done this week. Mark, that one's landed with you I'm afraid.",
        "Please can the EH worker make contact this week. I'll leave it with you Priya.",
        "New referral just in. Put your name on it Ows, ring me after your visit",
        "Chasing list for tomorrow: Will - GP letter, Priya - school figures",
        "can u pick up Hope's LAC med pls ty 👍",
        "Priya, your turn to deal with him 😂",
        "Priya hun u ok to do the LAC review paperwork 4 Seren?",
        "Duty today is Shaz and Fi. Shaz - you take the Lowther welfare check",
        "it'd be great if someone other than me did the Hepple visit this time 🙃",
        "Shaz cud u do the Nowak transport 2moro?",
        "Who's free Friday to help me move Amira's things to the new placement?",
        "Cal you've got Tuesday and Thursday supervised contact",
        "I've stuck the Robson file on your desk Sharon, it's all yours from Monday",
        "Whoever's in the office first tomorrow can u ring school re attendance pls",
        "The Nowak referral has come back in. Allocating to you, assessment due in 10 days.",
        "Students - each of you pick one case from the list",
    ],
)
def test_asks_and_allocations_from_the_last_sets(found, text):
    assert found(text, "task_allocation", channel="whatsapp") != []


@pytest.mark.parametrize(
    "text",
    [
        "Why would anyone vote for them, they wanna send my cousins back",
        "Reminder: Hope's review is Thurs 20 June 2pm, Room 3.",
        "message for Priya please call me back on my mobile thank you",
    ],
)
def test_questions_reminders_and_call_backs_are_not_allocation(found, text):
    assert found(text, "task_allocation", channel="whatsapp") == []


@pytest.mark.parametrize(
    "text",
    [
        "@Bethany Larwood could you book a room at Kingsway for the LAC review?",
        "Can whoever is on duty tomorrow do the welfare check for the Pell kids?",
        "Priya and Mark: joint visit to the Goddards Thurs, Priya leads.",
        "New S47 for Summer. Priya you're lead, Imran is joint with police.",
        "I'm sharing out the duty rota: Beth - post and phones, Joy - visits",
        "Can one of yous do the return home interview for Kasia?",
        "Right team, splitting the open cases: Joy takes the three in Handsworth",
        "Someone else needs to do the Brannigan visit",
        "Can you take over the Sandhu case while I'm on leave?",
        "Sunny - need the minutes typed up and sent to the family by 5 today please",
        "Handing the Mullan placement review over to you Mark",
    ],
)
def test_leads_splits_and_handovers_from_the_last_sets(found, text):
    assert found(text, "task_allocation", channel="teams") != []


@pytest.mark.parametrize(
    "text",
    [
        "Strat notes are uploaded. Police to lead on the s47, joint visit tomorrow.",
        "Just don't put any of this in your diary for Grace",
    ],
)
def test_agencies_leading_and_diaries_are_not_allocation(found, text):
    assert found(text, "task_allocation", channel="teams") == []


def test_a_worker_who_can_do_something_is_a_description(found):
    text = "Barnardo's have a worker who can do the return home interviews in Welsh."
    assert found(text, "task_allocation", channel="whatsapp") == []


@pytest.mark.parametrize(
    "text",
    [
        "Can the duty worker ring Agnieszka Nowak back re playscheme transport please",
        "Hi Becky, kinship allowance still hasn't gone in after 3 weeks – can you chase payments",
        "Back at Seaview. Day team please pick up the return home interview",
        "The printer is jammed. Whoever's nearest can you log it with IT",
        "Shona can you book the sensory room before then",
        "Jordan, you're shadowing Kev on Thursday.",
        "@Becky Maureen's NI is on the form, can you add it to the payment run tonight",
    ],
)
def test_work_given_through_roles_greetings_and_mentions(found, text):
    assert found(text, "task_allocation", channel="teams") != []


@pytest.mark.parametrize(
    "text",
    [
        "Yep I'll go. Can someone send me the last minutes",
        "Hi Becky, thanks for this – can you ring me when you get a sec",
        "Hi Mum, I spoke to school today – can you send the form back by Friday",
        "Whoever's nearest the window, it's lovely out",
    ],
)
def test_requests_for_the_writer_or_a_family_are_not_allocation(found, text):
    assert found(text, "task_allocation", channel="teams") == []


def test_a_duty_request_by_email_is_not_allocation(found):
    text = "Can the duty worker ring Agnieszka Nowak back please"
    assert found(text, "task_allocation", channel="email") == []


@pytest.mark.parametrize(
    "text",
    [
        "Tom's in court – Rachel can you do the debrief with her when she lands?",
        "can u cover my 10:30 CIN visit in Ponders End, I've got a dental emergency",
        "whoever is on duty desk this aft pls ring back the school nurse",
        "Who's got capacity for a new CiC transfer from MASH?",
    ],
)
def test_work_handed_on_after_a_dash_or_from_the_writers_own_diary(found, text):
    assert found(text, "task_allocation", channel="whatsapp") != []


def test_asking_someone_to_cover_for_the_writer_by_email_is_not_allocation(found):
    text = "can you cover my 10:30 CIN visit in Ponders End?"
    assert found(text, "task_allocation", channel="email") == []


def test_a_young_person_asking_to_be_fetched_is_not_allocation(found):
    text = "shan im outside the chippy can sum1 come get me pls im scared"
    assert found(text, "task_allocation", channel="whatsapp") == []


@pytest.mark.parametrize(
    "text",
    [
        "Agenda for Thursday. Priya you're chairing, Tom minutes please.",
        "Day team please allocate someone to visit first thing",
        "Nikki can u correct it on the GP letter before it goes out pls",
        "Tom, you're going with Jo to Ashton Vale on Thursday.",
        "Priya can you redo that one via the secure portal",
        "expect the car park to be chaos \U0001f602 Shona can you book the room for 2",
    ],
)
def test_roles_in_meetings_fixes_and_requests_after_an_emoji(found, text):
    assert found(text, "task_allocation", channel="teams") != []


@pytest.mark.parametrize(
    "text",
    [
        "Tom you're going with the flow today",
        "Hi Chidi, thanks for the documents. Could you also send Tiana's birth certificate?",
    ],
)
def test_going_with_the_flow_and_asking_a_family_for_papers(found, text):
    assert found(text, "task_allocation", channel="teams") == []


def test_asking_a_parent_to_make_sure_of_something_is_not_allocation(found):
    text = (
        "Hi Sharon, just confirming I'll meet you and Kayden at the police station at 10 "
        "tomorrow. Please make sure he's up and has had his breakfast."
    )
    assert found(text, "task_allocation", channel="sms") == []


@pytest.mark.parametrize(
    "text",
    [
        "Tariq can you dig out Hawre's immigration solicitor's number for the appeal bundle?",
        "Police aware, log no 1207. Ade can you sit up with Jayden till she's back",
        "Kerry can you circulate the chronology before 1",
        "Ade can you keep an ear on the boys' corridor",
        "Kayden's been lifted again. Nadia you're closest, can you go down as AA",
        "Nadia you're presenting it at Thursday's team meeting, sorry, short straw",
        "Whoever's doing the Nowak visit Friday, book through Big Word not Language Line",
        "@Macca @Nadia one of yous needs to do Monday's referral order panel",
        "Can whoever has the pool car keys drop them to Gemma?",
        "Lauren when you get a sec could you raise a PO for the interpreter on Thursday",
        "Tom can you present Fuller and Akintola at panel Tues",
        "can the duty worker this afternoon please follow up the GP for the boy",
    ],
)
def test_work_handed_to_whoever_is_closest_or_by_role_in_a_group_chat(found, text):
    """Work handed out by role, by who is nearest, or with a job the errand list names."""
    assert found(text, "task_allocation", channel="teams") != []


def test_let_me_know_is_not_an_errand(found):
    text = "Hi Grace, the review has moved to Friday. Please let me know if that works."
    assert found(text, "task_allocation", channel="teams") == []


@pytest.mark.parametrize(
    "text",
    [
        "Hi Grace, could you bring the school letter to the office on Thursday?",
        "Morning Kel, can you do the school run tomorrow? Contact is at 3",
        "Jayden can you pick up your bus pass from reception before 5",
    ],
)
def test_requests_to_a_child_parent_or_carer_on_the_register_are_not_work_handed_out(found, text):
    """The register says who is family: asking them to do something is not allocating work."""
    assert found(text, "task_allocation", channel="sms") == []


@pytest.mark.parametrize(
    "text",
    [
        "Hi Mark, could you cover the Smith visit tomorrow?",
        "Can you cover Jayden's visit tomorrow, Mark? I'm at court",
        "Ring Grace back about contact times please, I said someone would by 5",
    ],
)
def test_requests_to_staff_or_about_a_family_are_still_work_handed_out(found, text):
    assert found(text, "task_allocation", channel="whatsapp") != []


@pytest.mark.parametrize(
    "text",
    [
        "EDT update: placed with emergency carers overnight. Day team to pick up the strategy "
        "discussion first thing.",
        "pls someone do the return home interview for Jayden before the 72 hours are up",
        "Mark, need the ICPC report for the Hunter family by 12 tomorrow please, chair has asked",
        "Lou here - Mark you're taking the Okafor case from Monday",
    ],
)
def test_work_handed_to_a_team_to_anyone_or_with_a_deadline(found, text):
    assert found(text, "task_allocation", channel="teams") != []


@pytest.mark.parametrize(
    "text",
    [
        "Anyone free tomorrow 10am for a joint visit with police?",
        "Any1 free to do a s47 joint visit at 4?",
        "Mark, can you go with Jayden to the school meeting Thursday 9am?",
        "Mark, can you ring Grace re the bailiffs? I'm on leave",
        "Mark, are you ok to do the Okafor RHI this afternoon?",
        "Anyone about to grab an interpreter for Monday?",
    ],
)
def test_work_asked_of_anyone_or_a_named_colleague_in_more_words(found, text):
    assert found(text, "task_allocation", channel="whatsapp") != []


def test_asking_a_parent_to_ring_someone_is_not_work_handed_out(found):
    text = "Grace, can you ring Jayden's school about the trip?"
    assert found(text, "task_allocation", channel="sms") == []


@pytest.mark.parametrize(
    "text",
    [
        "Can Will and Kemi split the CIN visits this week please",
        "Rota for half term: Jade Monday, Mark Tuesday, me Weds",
        "Tom would you mind chairing the Adeyemi LAC review on the 19th?",
        "Kemi any chance you could swap duty with me Thursday?",
        "Sunny can you and Leyla do the joint visit this week?",
        "Jade, please could you send the notification letters for King to the school nurse today",
        "Anyone free to phone Walker Riverside about the bullying on the bus?",
    ],
)
def test_work_split_between_colleagues_and_rotas(found, text):
    assert found(text, "task_allocation", channel="teams") != []


@pytest.mark.parametrize(
    "text",
    [
        "my new email is below, can u send the minutes there",
        "pls can u send me the referral form, cant find it",
    ],
)
def test_asking_for_papers_to_be_sent_is_not_allocating_work(found, text):
    assert found(text, "task_allocation", channel="whatsapp") == []


@pytest.mark.parametrize(
    "text",
    [
        "sunny r u free at 3? need sum1 2 do the Nowak visit",
        "Mark, can you start the Kovalenko review at 2 without me?",
        "Can you draft a factual reply for Morag to sign?",
        "need someone to cover nightshift thurs, can u do it Jordan?",
        "Mark, can you agree a return date with her and let the school know?",
        "fiona from SCRA on the phone for you Will, can u ring her back before 12",
        "Lorna, please mark the Nowak case as closed on Carefirst",
        "Who can do the kinship viability today?",
    ],
)
def test_work_handed_over_in_scots_and_in_more_verbs(found, text):
    assert found(text, "task_allocation", channel="teams") != []


def test_a_sentence_opening_with_if_is_not_a_name(found):
    text = "If you're on shift, remember the youth centre is a polling station on Thursday"
    assert found(text, "task_allocation", channel="teams") == []


@pytest.mark.parametrize(
    "text",
    [
        "Mark, I need you to go out first thing tomorrow and see her on her own",
        "Allocations this week: Popescu - Kirsty; Lovell school liaison - Nic",
        "Will pick up the Whitehaven visit pls, Nic's car's knackered",
    ],
)
def test_work_handed_out_by_a_manager_in_a_list_or_to_a_named_colleague(found, text):
    assert found(text, "task_allocation", channel="teams") != []


@pytest.mark.parametrize(
    "text",
    [
        "Whoever's on early tomorrow can yous ring Ivy re Sunday contact",
        "Hazel, could you do us a wee favour and scan the pathway plan onto the system?",
        "Sinead, could you go as appropriate adult for Rory at 10?",
        "Duty rota is up. Faith and Mark on the 27th, Hazel covering reception on the 29th",
    ],
)
def test_work_asked_of_yous_favours_and_dated_rotas(found, text):
    assert found(text, "task_allocation", channel="teams") != []


@pytest.mark.parametrize(
    "text",
    [
        "cn some1 cover my 3pm contact at the family centre??",
        "LADO referral just come in, can someone pick it up today pls?",
        "i'll do it if some1 can cover my Sandhu visit at 3",
        "whoever's on duty this afternoon takes the call back from the hospital",
        "Anyone in Penzance this afternoon? Need someone to drop a food bank voucher round",
        "new referral for a 6-week-old, needs a visit within 24 hours. Kez or Holly, who's got capacity?",
        "Reallocations: Merryn Pascoe to Kerensa, Hope Baker to Rachel",
    ],
)
def test_work_handed_out_in_still_more_words(found, text):
    assert found(text, "task_allocation", channel="whatsapp") != []


@pytest.mark.parametrize(
    "text",
    [
        "Hope - can you make sure the MFC log and the MAR sheets are up to date before Thursday?",
        "Mark, please get the fire drill record signed off",
        "Rota gap Weds late shift, anyone?",
        "Pocket money tonight. Rose you do Ruby's and Summer's, I'll do the lads.",
        "Mark can you update Mason's contact sheet please",
        "Who's up for taking the kids to the lights switch-on on Sat?",
        "Will and Hope - please can you two complete the restraint paperwork before you leave?",
        "Gary - can you go up and have a word with him? I'm on the phone to EDT.",
    ],
)
def test_work_handed_out_in_a_children_s_home(found, text):
    assert found(text, "task_allocation", channel="teams") != []


@pytest.mark.parametrize(
    "text",
    [
        "cant sleep. can sum1 come up n talk 2 me pls",
        "Can someone come to my room, he is banging on my wall",
        "Do you have the original birth certificate or does her mum?",
    ],
)
def test_a_young_person_asking_for_staff_and_a_question(found, text):
    assert found(text, "task_allocation", channel="sms") == []


@pytest.mark.parametrize(
    "text",
    [
        "Nia - Parc want an address by the 1st. Can you escalate to the Head of Service?",
        "Can someone who's in tomorrow do a welfare visit with her?",
        "Carys you ok to meet Tyler at Newport probation 9.45 tomorrow?",
        "Glyn/Carys - whoever's first in tmrw can u check the shared inbox?",
        "Sunny pls cn u cover duty 12-2",
    ],
)
def test_work_handed_out_in_a_leaving_care_team(found, text):
    assert found(text, "task_allocation", channel="teams") != []


@pytest.mark.parametrize(
    "text",
    [
        "Good morning colleagues. I should be grateful if Ms Straughan would undertake the visit",
        "I would also ask that Mr Dhillon accompanies you on the initial visit",
        "Please would you commence the assessment forthwith",
        "Kindly ensure the placement plan is uploaded to the system by noon",
        "Can you hold the Elliott contact for me this afternoon?",
        "Priya pop it on the finance form and I'll sign it off",
        "Sunny shes yours, details on the system",
        "Priya and Demelza, joint visit to the hotel tomorrow please",
        "Jordan n Chloe can u swap ur Tues/Weds visits this wk?",
        "Priya can you push the allowance through to payments today?",
    ],
)
def test_allocation_in_formal_and_everyday_words(found, text):
    assert found(text, "task_allocation", channel="teams") != []


@pytest.mark.parametrize(
    "text",
    [
        "Dawn if you're free grab the duty phone till 12 please",
        "Thanks Paula. Grace I'd like you to take this one please",
        "Who's free for a joint visit with Amina tomorrow pm?",
        "Anyone free to go with Amira to the GP on Thursday?",
        "Sunny's caseload needs redistributing while he's off",
        "Sunny can you meet Hope at the flat and give her a hand with the lifting?",
    ],
)
def test_still_more_ways_of_handing_work_out(found, text):
    assert found(text, "task_allocation", channel="teams") != []


@pytest.mark.parametrize(
    "text",
    [
        "Jo P – Brooke Dunnington for a young carers assessment. Craig – Sowerby s17 review.",
        "Sent allocations by email but just quickly - Sunny can you also do the school visit Thurs",
        "Still need someone for the 4pm strat phone-in. Ryan?",
        "Sunny can you or someone do the return home interview today?",
        "Can you ask one of yours to pick up the complaint response?",
        "Amina - CE screening tool and exploitation hub referral by end of play",
        "Jade, the CIN plan for Summer is 3 weeks overdue. Today please",
        "Mark - this needs to go to the fostering team and LADO today",
        "Grace is at court all morning, Kerry-Ann can you sit in with Precious at 10?",
        "Christmas cover: Lauren 23rd, Nic 24th am, I'll do 27th",
        "Jade clear your 10am and come with me",
    ],
)
def test_a_manager_s_allocations_in_lists_and_orders(found, text):
    assert found(text, "task_allocation", channel="whatsapp") != []


@pytest.mark.parametrize(
    "text",
    [
        "Reminder: Hope's review is Thurs 20 June 2pm, Room 3",
        "Viewing went well. Ordering them some beds from the s17 budget",
        "Can we NOT use this group to hand out visits please. Allocations go through Mosaic.",
        "Will you be at the review?",
    ],
)
def test_reminders_and_words_ending_in_a_verb_are_not_allocation(found, text):
    assert found(text, "task_allocation", channel="whatsapp") == []


@pytest.mark.parametrize(
    "text",
    [
        "Will and Sunny on CP conference minutes this week, Amina and Jade next week",
        "Will, chase the paediatrician letter while you're at it",
        "Will can you do the research form by Weds",
    ],
)
def test_will_is_a_colleague_s_name_before_a_comma_or_a_request(found, text):
    assert found(text, "task_allocation", channel="whatsapp", gazetteer=None) != []
