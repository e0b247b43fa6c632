"""Boundary and grooming-risk language, and contact at unusual hours."""

from datetime import UTC, datetime

import pytest

from safecomms.screening import Gazetteer, Person, screen


@pytest.mark.parametrize(
    "text",
    [
        "Don't tell your mum about this.",
        "It's our little secret.",
        "Delete this message after you read it.",
        "Add me on snapchat.",
        "Text me on my personal number.",
        "DM me later.",
        "It'll be just the two of us.",
        "I'll pick you up on my own after school.",
        "I bought you a present.",
        "I'll top up your phone.",
        "You look gorgeous in that photo.",
        "Love you xx",
        "Message me on my insta instead",
        "You're honestly so beautiful",
        "Text me whenever, even late at night",
    ],
)
def test_boundary_language(found, text):
    assert found(text, "boundary") != []


@pytest.mark.parametrize(
    "text",
    [
        "Please tell your mum I will visit on Tuesday.",
        "Sorry I missed you yesterday.",
        "I would love you to come to the review.",
        "Please delete the message I sent in error.",
        "I will pick you up from school at 3 for your appointment.",
        'She told me "don\'t tell your mum".',
        "Cheers hun, see you at the review",
        "She has come on so much since the last review ❤️",
        "Message me on WhatsApp if the bus is late.",
    ],
)
def test_ordinary_professional_messages(found, text):
    assert found(text, "boundary") == []


@pytest.mark.parametrize(
    ("sent_at", "flagged"),
    [
        (datetime(2024, 3, 1, 23, 30), True),
        (datetime(2024, 3, 1, 6, 59), True),
        (datetime(2024, 3, 1, 7, 0), False),
        (datetime(2024, 3, 1, 21, 59), False),
        (datetime(2024, 7, 1, 21, 30, tzinfo=UTC), True),
    ],
)
def test_unusual_hours(sent_at, flagged):
    findings = screen("See you tomorrow.", sent_at=sent_at).of("boundary")
    assert bool(findings) is flagged
    if flagged:
        assert (findings[0].start, findings[0].end) == (0, 0)


@pytest.mark.parametrize(
    "text",
    [
        "Don't say it was me who sorted the trainers",
        "Best not mention it at your review on Monday",
        "Let's keep what we talked about off the record",
        "No need for your carers to know about Saturday",
        "Left a Greggs voucher through your door earlier",
        "Got a little gift card for you",
        "Pop round mine after school if you're bored",
        "You've got beautiful eyes",
        "You're wise beyond your years, honestly",
        "I can talk to you like a real grown-up",
        "I never get that with anyone else",
    ],
)
def test_secrecy_gifts_and_special_relationship(found, text):
    assert found(text, "boundary") != []


@pytest.mark.parametrize(
    "text",
    [
        "The school gave him a voucher for the canteen.",
        "Keep this letter safe, you'll need it for the appointment.",
        "Come round to the office after school and we'll do the form.",
        "Nan says he's got lovely eyes in his school photo.",
        "ngl ur the only one who actually listens",
        "Please mention it at your review if you want a say in where you live.",
    ],
)
def test_ordinary_messages_near_those_phrases(found, text):
    assert found(text, "boundary") == []


@pytest.mark.parametrize(
    "text",
    [
        "EDT handover: police found her at 02:10 and took her back to placement.",
        "OOH update - placement found, taxi booked.",
        "On call tonight, ring me if the carers need anything.",
    ],
)
def test_out_of_hours_duty_work_is_not_contact_at_an_odd_hour(text):
    findings = screen(text, sent_at=datetime(2024, 3, 1, 1, 30)).of("boundary")
    assert findings == []


def test_duty_words_do_not_excuse_what_the_message_says():
    findings = screen("EDT here, add me on snapchat", sent_at=datetime(2024, 3, 1, 1, 30)).of(
        "boundary"
    )
    assert [(f.start, f.end) for f in findings] != []
    assert all(f.end > f.start for f in findings)


@pytest.mark.parametrize(
    "text",
    [
        "I'll swing by after work, off the record, just to check in",
        "I won't put it on the system, it's only a quick trip to the cinema",
        "You can tell me, I won't tell your support worker",
        "Between us, I think you should stay at your mate's",
        "Keep my number for when you leave care",
        "Delete this afterwards please",
    ],
)
def test_off_the_record_contact(found, text):
    assert found(text, "boundary") != []


@pytest.mark.parametrize(
    "text",
    [
        "Once your notes are on Mosaic, clear the chat so case details are not left on the phone.",
        "We split the visits between us, so you'll see both of us.",
        "I will tell your support worker about the college place, is that ok?",
    ],
)
def test_recording_and_sharing_are_not_secrecy(found, text):
    assert found(text, "boundary") == []


@pytest.mark.parametrize(
    "text",
    [
        "what you doing up? I can't sleep either",
        "You're like a little sister to me",
        "None of the others on my list are like you",
        "I've left a little envelope in your car, don't tell your boss",
    ],
)
def test_special_relationship_and_gifts_to_workers(found, text):
    assert found(text, "boundary") != []


@pytest.mark.parametrize(
    "text",
    ["What are you up to at the weekend? The youth club is open", "Please tell your manager"],
)
def test_ordinary_questions_and_requests(found, text):
    assert found(text, "boundary") == []


@pytest.mark.parametrize(
    "text",
    [
        "you're like the son I never had",
        "If I could adopt you I would",
        "I trust you more than the others",
        "can we chat on snap instead",
        "Can I have your personal number miss?",
        "Got you a little something for your birthday",
        "Left it on your car seat",
        "I've put £10 in your account, the office don't need to know",
        "Not putting that on Mosaic obviously",
    ],
)
def test_special_relationships_gifts_and_hidden_contact(found, text):
    assert found(text, "boundary") != []


@pytest.mark.parametrize(
    "text",
    [
        "The bus fare has been put in your account by the leaving care team.",
        "Can I have your work number for the school?",
        "The office needs to know by Friday.",
    ],
)
def test_recorded_payments_and_work_numbers(found, text):
    assert found(text, "boundary") == []


@pytest.mark.parametrize(
    "text",
    [
        "can we keep this chat just between me n u?",
        "not on ur system or in my file",
        "Told him not to tell the others we go to the gym together",
        "Don't mention it to fostering 😂",
        "don't mention it at the unit",
        "just text this number, its my own one, no need to go thru the office",
        "Let's meet at McDonald's instead, just us, no need to write it up",
        "Miss u already. Our chats are the best bit of my week",
    ],
)
def test_secrecy_private_numbers_and_closeness_in_other_words(found, text):
    assert found(text, "boundary") != []


@pytest.mark.parametrize(
    "text",
    [
        "I can't keep it a secret because it's about keeping you safe.",
        "It's just us in the office today, everyone else is at training.",
        "The minutes are on the system and in the file.",
        "Please write it up on Mosaic by Friday.",
        "Call the office if you can't get through to me.",
    ],
)
def test_refusing_secrecy_and_plain_office_talk(found, text):
    assert found(text, "boundary") == []


@pytest.mark.parametrize(
    "text",
    [
        "yes babe I'll be there at 4, don't you worry about a thing",
        "I've left £20 in an envelope under the mat for you. Don't say where it came from",
        "Tell Bobby I've got him a little present for his birthday",
        "hey trouble 😉 u still up? fancy a chat",
        "I've set up a little Snapchat for us so we can chat without your dad seeing",
        "You've got such a lovely smile, you should wear your hair down more often",
        "Lukas has been DMing me on TikTok, I've been replying",
    ],
)
def test_pet_names_money_gifts_late_chats_and_private_apps_in_other_words(found, text):
    assert found(text, "boundary") != []


@pytest.mark.parametrize(
    "text",
    [
        "Are you still up for the visit on Thursday?",
        "Mum has got him a little present for his birthday, contact went well.",
        "The Snapchat account for the youth service is run by comms, not us.",
        "Her school photo has a lovely smile, mum was really proud.",
    ],
)
def test_plans_family_gifts_and_service_accounts(found, text):
    assert found(text, "boundary") == []


@pytest.mark.parametrize(
    "text",
    [
        "meet me at the Maccies at 6. Doesn't need to go on the record, just a chat the two of us.",
        "Just don't mention to Niamh that we had this chat",
        "Not putting it through the office, it's just easier if it stays between me and her.",
        "emailing from my gmail cos the work one's blocked. I won't have to log everything 😉",
        "I'll give you my personal number so you can text me",
    ],
)
def test_off_record_meetings_hidden_chats_and_personal_email(found, text):
    assert found(text, "boundary") != []


@pytest.mark.parametrize(
    "text",
    [
        "I can't give you my personal number, sorry, ring the out-of-hours team at the weekend.",
        "I won't be giving you my personal number, keep using the work one.",
        "Please log everything on Mosaic as usual.",
    ],
)
def test_refusing_a_personal_number(found, text):
    assert found(text, "boundary") == []


@pytest.mark.parametrize(
    "text",
    [
        "Had Mei round mine for Sunday dinner, don't think I'll put it on Mosaic though",
        "Hi cariad, hope the exam went well! So proud of you x Hannah",
        "You looked absolutely stunning at prom, you'll be breaking hearts",
        "Don't mention to Ffion that you stayed at your boyfriend's",
        "Here's a tenner for the cinema, from me not the council 😉",
    ],
)
def test_home_visits_to_mine_signed_kisses_and_personal_gifts(found, text):
    assert found(text, "boundary") != []


def test_a_kiss_from_a_young_person_to_a_named_worker_is_still_read_as_a_kiss(found):
    # SafeComms cannot tell who wrote a message, so a kiss before a name is flagged either way.
    assert found("thanks for today x Hannah", "boundary") != []


@pytest.mark.parametrize(
    "text",
    [
        "you owe me one 😉 Let's keep the rest between us girls.",
        "This is our private chat, no managers allowed 🤫",
        "you can crash at mine tonight, just don't tell the day staff",
        "Just thinking about you. Sweet dreams honey",
        "I've unblocked you on Insta. Follow me back",
        "You're much too handsome for her 😉",
    ],
)
def test_private_groups_sleepovers_and_late_night_tenderness(found, text):
    assert found(text, "boundary") != []


@pytest.mark.parametrize(
    "text",
    [
        "I know I'm meant to be your social worker but can I ring you?",
        "Honestly you feel more like a mate than someone on my caseload these days",
        "call it an early birthday present from me. If anyone asks just say your nan bought them.",
        "I'll grab you in my own car. I won't bother logging it as a visit.",
        "Will you be home alone tonight? I could pop round without your foster mum listening in.",
        "Made a new group just for you three – my favourite young people! Don't add anyone else",
        "just message me direct on snapchat, no need to go through your mum and dad",
    ],
)
def test_friendship_cover_stories_lifts_and_groups_of_favourites(found, text):
    assert found(text, "boundary") != []


@pytest.mark.parametrize(
    "text",
    [
        "Don't mention our trip to the cinema to your social worker. It's our thing 🙂",
        "If anyone at school asks about your arm just say you fell off your bike.",
        "I've deleted our chat off my work phone so nobody can read it.",
        "Don't go mentioning it at the house, Beth would have a fit 🤐",
        "come round ours for dinner, nobody at work needs to know",
        "one of my favourite people in this school, come and chill in my room whenever",
        "My little princess 👑 you're the cutest girl on my whole caseload",
        "There's a little something from me in your card, just don't tell your nana",
        "just privately like, no need to go through the council",
        "Between us, I think you should stay at your mate's",
    ],
)
def test_cover_stories_deleted_chats_and_favouritism(found, text):
    assert found(text, "boundary") != []


@pytest.mark.parametrize(
    "text",
    [
        "Between us, that council's children's services is a shambles.",
        "I keep that private at work and we talked about elections instead.",
    ],
)
def test_gossip_between_colleagues_and_a_worker_s_own_privacy(found, text):
    assert found(text, "boundary") == []


@pytest.mark.parametrize(
    "text",
    [
        "I've told your social worker you were back by 10. You owe me one 😉",
        "hop in and I'll take you for a McDonald's. No need to sign you out",
        "you look about 20 in it",
        "I'd rather you didn't mention to anyone at the office that I popped round. It wasn't an official visit.",
        "Fancy a pint next time? Don't worry, it won't go in my notes 😄",
        "thinking about our chat. You mean a lot to me, you know that right?",
        "Let's not mention the shopping trip to your social worker. Our little treat 😉",
        "there's a tenner in it for you, but don't say anything to Siobhan",
        "Wish I could be there with you tonight 💕",
        "I can lend you the £40 for your phone bill. Best not put it on your record though",
        "found u on insta 😂 followed u back, slide into my DMs whenever",
    ],
)
def test_favours_owed_outings_and_late_night_messages(found, text):
    assert found(text, "boundary") != []


def test_refusing_to_promise_secrecy(found):
    text = "I can't promise to keep it a secret, because my job is to keep you safe."
    assert found(text, "boundary") == []


@pytest.mark.parametrize(
    "text",
    [
        "Honestly Dyl I'm the only one who really gets you. They don't understand you like I do",
        "I'll help you decorate on my day off, nothing to do with work, just as mates 😊",
        "Don't mind you ringing me at home at the weekend, here's my landline",
        "Can you send me a pic of what you're wearing to prom? Just for me 😉",
        "Anyone gives u grief u come straight to me, not your mum. Me.",
        "I am happy to continue seeing you on a private basis. I will not be recording these sessions.",
        "I just won't write up what your dad said. Naebody needs to know 😉",
        "just don't say anything to the team, we'll keep it off the recording",
        "I saved one for you. You're different from the rest of them, you know that.",
        "Your new haircut really suits you, very handsome 😍",
    ],
)
def test_being_the_only_one_private_sessions_and_saved_favours(found, text):
    assert found(text, "boundary") != []


def test_heart_eyes_at_a_view_is_not_a_compliment(found):
    assert found("Trip to Skye was amazing, the views 😍", "boundary") == []


@pytest.mark.parametrize(
    "text",
    [
        "I've given Jaxon my number and told him to text me. He doesn't need to tell anyone.",
        "Fancy coming round mine for a film on Saturday? Don't worry about telling anyone",
        "Ring me on this number after 10 when the staff have gone home",
        "Gave Caoimhe a lift on my own after school yesterday. Didn't bother recording it.",
        "Here son, that's a tenner for yourself. Don't be telling the social I gave you it.",
        "You can always talk to me, I'm not like the other workers.",
        "I've been messaging Tyrese on my Snapchat, it's easier than the work phone",
    ],
)
def test_numbers_given_lifts_alone_and_special_workers(found, text):
    assert found(text, "boundary") != []


def test_refusing_a_friend_request(found):
    text = "Please don't add me on Facebook, I can only message you on the work phone."
    assert found(text, "boundary") == []


@pytest.mark.parametrize(
    "text",
    [
        "Stacey you can come Sunday but divvent tell Craig or any of them, they'll only stop it",
        "Pop in for a brew Maureen, no need to book it in or write it up, just me being a friend",
        "Can you email me on my personal address instead from now on?",
        "so it doesn't go through the council system",
        "Just don't put it through the office, easier if it stays between us",
        "Dinnae tell your mam about the money",
    ],
)
def test_secrecy_and_private_channels_in_regional_and_office_words(found, text):
    assert found(text, "boundary") != []


@pytest.mark.parametrize(
    "text",
    [
        "Mum's number is on Mosaic, I won't put it in here.",
        "Don't put it in the health box on Mosaic, it's the episode number",
        "I'll book it in for Tuesday and write it up after",
        "Please send the letter to my home address",
        "What's said in supervision stays between us and your manager",
    ],
)
def test_recording_addresses_and_supervision_are_not_secrecy(found, text):
    assert found(text, "boundary") == []


@pytest.mark.parametrize(
    "text",
    [
        "Update: Liam found safe by PC Ahmed at 02:50, back at Seaview.",
        "Reece not back, said he'd be in by 10. I've rung police, ref is 1519 of today.",
        "Can you go out with police for the welfare check, I'm stuck on the phone",
        "Does anyone know if the emergency bed at Brierton Lodge is still free?",
        "Tyler's in custody at Croydon, appropriate adult needed by 9am",
    ],
)
def test_emergency_work_at_night_is_duty_not_contact_at_an_odd_hour(text):
    assert screen(text, sent_at=datetime(2026, 3, 14, 0, 40)).of("boundary") == []


def test_an_emergency_word_does_not_excuse_a_late_personal_message(found):
    text = "u awake? police were round earlier lol. message me on my own number instead x"
    assert screen(text, sent_at=datetime(2026, 3, 14, 0, 40)).of("boundary") != []


def test_a_secret_kept_from_the_workers_office(found):
    assert found("Please come Sunday for dinner. Nobody at your office need to know.", "boundary")


@pytest.mark.parametrize(
    "text",
    [
        "I can't give out my personal number, sorry, this phone is the right way to reach me",
        "Kemi WhatsApped the work phone last night asking for my personal number. I said no.",
    ],
)
def test_refusing_or_reporting_a_request_for_a_personal_number(found, text):
    assert found(text, "boundary") == []


@pytest.mark.parametrize(
    "text",
    [
        "Don't put it in writing to the office. Just text my personal on 07984 220 617",
        "I'll sort you out with a bit of cash for the electric",
        "it's my day off so I'll pick you up from the home. no need to put it in the diary",
        "wear that dress again Saturday, it really suits you \U0001f609",
    ],
)
def test_money_lifts_on_a_day_off_and_compliments_on_clothes(found, text):
    assert found(text, "boundary") != []


@pytest.mark.parametrize(
    "text",
    [
        "Can you dig out the solicitor's number? It's not on the file anywhere",
        "That jacket suits you, the interview panel will love it",
    ],
)
def test_missing_records_and_plain_compliments_on_interview_clothes(found, text):
    assert found(text, "boundary") == []


@pytest.mark.parametrize(
    "text",
    [
        "babby wont stop crying and i cant cope. sorry for messaging this late",
        "im outside the chippy can sum1 come get me pls im scared",
    ],
)
def test_a_family_crying_for_help_at_night_is_not_contact_at_an_odd_hour(text):
    assert screen(text, sent_at=datetime(2026, 3, 14, 0, 40)).of("boundary") == []


@pytest.mark.parametrize(
    "text",
    [
        "I've got some of my mum's old pans for you, I'll drop them round when I'm not working",
        "I'll wait round the corner in my car, not by the gates, don't want people talking",
        "u fancy meetin up just me n u? no need 2 tell ur carer",
    ],
)
def test_off_duty_visits_waiting_out_of_sight_and_meeting_alone(found, text):
    assert found(text, "boundary") != []


def test_saying_you_cannot_take_calls_off_duty_is_a_boundary_kept(found):
    text = "I can't take calls when I'm not working, but you can ring Childline tonight"
    assert found(text, "boundary") == []


@pytest.mark.parametrize("text", ["ta-ra x", "the room is boss!! ta for sortin it x", "sound x"])
def test_a_single_kiss_at_the_end_is_how_families_sign_off(found, text):
    """Parents and young people end messages with a kiss as a matter of course; a worker's
    kiss is caught with what comes with it ("miss you x", "xx", "x Jo")."""
    assert found(text, "boundary") == []


@pytest.mark.parametrize("text", ["miss you x", "night night xx", "see you Tuesday x Jo"])
def test_kisses_with_affection_repeated_or_before_a_signature(found, text):
    assert found(text, "boundary") != []


@pytest.mark.parametrize(
    "text",
    [
        "Here's £20 from me for your trainers, just say you saved it up if Pat asks",
        "dont tell ur sw we went to the footy together",
        "I've set up a new Gmail so we can chat without it going on the YOT system",
    ],
)
def test_money_cover_stories_and_new_accounts(found, text):
    assert found(text, "boundary") != []


def test_a_young_persons_new_e_mail_passed_on_is_not_a_private_channel(found):
    text = "Andreea's set up a new email for uni stuff, can we use that from now on?"
    assert found(text, "boundary") == []


@pytest.mark.parametrize(
    "text",
    [
        "I've set up this email just for us so your carers and your IRO don't need to see it",
        "Use this number, it's a phone just for us two",
        "your social worker doesn't need to know about Saturday",
    ],
)
def test_private_channels_and_keeping_adults_out(found, text):
    assert found(text, "boundary") != []


def test_a_young_person_reaching_out_at_night_is_not_the_worker_s_boundary(found):
    text = "miss are u there. dads shouting again and smashing stuff"
    assert found(text, "boundary", sent_at=datetime(2026, 3, 9, 23, 55)) == []


@pytest.mark.parametrize(
    "text",
    [
        "Just checking you got home ok from the youth club, sleep well superstar",
        "Still awake? Me too. Message me whenever",
        "hope ur ok, text me if u need anything",
    ],
)
def test_a_late_message_that_speaks_to_its_reader_is_contact_at_an_odd_hour(found, text):
    assert found(text, "boundary", sent_at=datetime(2026, 3, 9, 23, 50)) != []


@pytest.mark.parametrize(
    "text",
    [
        "cant sleep. carers asleep. keep thinking about court",
        "hes back!! came in at 10 to 1 with chips, says his phone died",
        "lol wot u on about miss, im good. go sleep",
        "hi sir. is the meeting still on tmrw",
        "Please this is not appropriate. I will speak to your manager.",
    ],
)
def test_late_reports_worries_and_messages_to_a_worker_are_not(found, text):
    assert found(text, "boundary", sent_at=datetime(2026, 3, 9, 23, 50)) == []


@pytest.mark.parametrize(
    "text",
    [
        "send me his Snapchat? Easier to message him there than on the work phone",
        "use this one, no one checks it",
        "I've bought him an Xbox with my own money. Just say it's from the church if anyone asks",
    ],
)
def test_channels_nobody_checks_and_gifts_from_the_worker_s_pocket(found, text):
    assert found(text, "boundary") != []


@pytest.mark.parametrize(
    "text",
    [
        "I'll drop the baby a wee present round on Sunday, it's my day off so I'll just come myself. "
        "Nae need to put it on the system",
        "I'll bring ye a fiver and a vape on Thursday, just dinnae tell yer maw",
    ],
)
def test_gifts_and_secrecy_in_scots(found, text):
    assert found(text, "boundary") != []


def test_a_reported_request_for_secrecy_is_a_report(found):
    text = (
        "A member of staff has been giving him gifts and asking him to keep it secret. "
        "We're treating it as an allegation."
    )
    assert found(text, "boundary") == []


@pytest.mark.parametrize(
    "text",
    [
        "Her sister went into labour at 4am. Baby girl, both well",
        "Mrs Mensah gave birth to a baby girl, Ama, at Homerton",
    ],
)
def test_a_baby_announced_is_not_an_endearment(found, text):
    assert found(text, "boundary") == []


def test_a_parent_writing_to_their_worker_by_name_is_not_the_worker_s_kiss(found):
    register = Gazetteer.from_people(
        [Person("Kirsty Haworth", "staff"), Person("Dawn Lee", "parent")]
    )
    text = "Kirsty love I know I've been a nightmare. I'm trying, honest. Dawn xx"
    assert found(text, "boundary", gazetteer=register) == []


@pytest.mark.parametrize(
    "text",
    [
        "Miss Jayden, we have new baby girl! Her name is Layla, born yesterday",
        "Hi Mr Bell, my wife made baklava and a gift for you for helping us",
    ],
)
def test_a_family_s_news_and_thanks_to_their_worker(found, text):
    assert found(text, "boundary") == []


def test_night_staff_in_a_home_are_on_duty(found):
    text = "Jayden it's Carol on nights, your text came through on the house phone. Come down."
    assert found(text, "boundary", sent_at=datetime(2026, 3, 9, 2, 14)) == []


@pytest.mark.parametrize(
    ("text", "channel"),
    [
        ("Hi all, can you check the duty inbox before 9 tomorrow", "teams"),
        ("Dear Mrs Hunter, please find attached the minutes you asked for.", "email"),
    ],
)
def test_late_teams_posts_and_e_mails_are_not_contact_at_an_odd_hour(found, text, channel):
    assert found(text, "boundary", channel=channel, sent_at=datetime(2026, 3, 9, 23, 30)) == []


@pytest.mark.parametrize(
    "text",
    [
        "Dear Dr Okoro, further to our call, can you send the discharge letter?",
        "Can someone cover my 3pm visit tomorrow? @Jane can you chase the school",
    ],
)
def test_late_texts_to_professionals_and_colleagues_are_not_contact_with_a_family(found, text):
    assert found(text, "boundary", channel="whatsapp", sent_at=datetime(2026, 3, 9, 23, 30)) == []


def test_a_late_text_to_a_young_person_is(found):
    text = "Hi Jayden, just checking you got home ok"
    assert found(text, "boundary", channel="sms", sent_at=datetime(2026, 3, 9, 23, 30)) != []


@pytest.mark.parametrize(
    "text",
    [
        "Mark, Jayden's mum gave her a new phone at contact and told her not to tell anyone",
        "Hi Mark, off the record, I think the new rota is a mess",
    ],
)
def test_reports_and_asides_to_a_colleague_are_not_the_writer_s_secrecy(found, text):
    assert found(text, "boundary") == []


def test_off_the_record_to_a_young_person_is(found):
    assert found("Jayden, this is off the record, ok?", "boundary") != []


def test_refusing_to_give_a_personal_number_is_not_offering_one(found):
    text = "Hi Jayden, I know you wanted my personal number but I can't give it out. Use the house mobile."
    assert found(text, "boundary") == []


@pytest.mark.parametrize(
    "text",
    [
        "Megan cariad, can you pick the meds up from Boots on your way home? Love you xx Mam",
        "Proud of you today sweetheart.\nDad x",
    ],
)
def test_a_parent_s_message_to_their_own_child_is_not_the_worker_s(found, text):
    assert found(text, "boundary") == []


@pytest.mark.parametrize(
    "text",
    [
        "There's a little something from me in your card, just don't tell your mum",
        "you up? come outside, no need to wake your mum x",
    ],
)
def test_ending_on_a_parent_is_not_signing_as_one(found, text):
    assert found(text, "boundary", channel="sms", sent_at=datetime(2026, 3, 3, 23, 40)) != []


def test_a_parent_in_crisis_at_night_is_not_contact_at_an_odd_hour(found):
    text = "Sorry it's so late. He's smashed the telly. I can't do this on my own anymore, can you ring me"
    assert found(text, "boundary", channel="sms", sent_at=datetime(2026, 3, 3, 1, 22)) == []


@pytest.mark.parametrize(
    "text",
    [
        "Can you delete them messages from last night. Don't want anyone getting the wrong idea",
        "got u them trainers, say nothing to the office, our ting",
        "You looked lovely at the conference today. Fancy a drink some time?",
        "can we go 4 a drink at the weekend just us lol",
        "can i stay at urs 2nite",
        "will u buy me a phone for my bday, just from u not the social",
        "No need the social worker know, is between us",
        "give me your personal WhatsApp and I help you",
    ],
)
def test_more_boundary_shapes(found, text):
    assert found(text, "boundary") != []


@pytest.mark.parametrize(
    "text",
    [
        "me pls!! can we do a secret santa this year",
        "can u lend me 20 quid till friday, no gas",
    ],
)
def test_secret_santa_and_asking_to_borrow_money_are_not_boundary_risks(found, text):
    assert found(text, "boundary") == []


@pytest.mark.parametrize(
    "text",
    [
        "Put this chat on disappearing messages yeah? Safer for both of us",
        "get me a gift card for my bday, u dont have to tell ur manager",
        "can i av ur snap",
        "wud be easier than texting the work phone",
        "can i come round urs at xmas",
    ],
)
def test_still_more_boundary_shapes(found, text):
    assert found(text, "boundary") != []


@pytest.mark.parametrize(
    "text",
    [
        "I was on the labour ward with my sister till 3am, baby girl, 7lb 2!",
        "Tariq you can't do that, and I'm not keeping it between us.",
        "A girl on his caseload has shared messages including requests to delete messages",
        "can i add u on snap",
    ],
)
def test_a_birth_a_refusal_a_report_and_a_friend_request_are_not_boundary_risks(found, text):
    assert found(text, "boundary") == []


@pytest.mark.parametrize(
    "text",
    [
        "can i have ur actual number not the work 1?",
        "I can pick you up from college and you can chill at mine till your grandad's back",
        "Jade can I av yer personal number so I can text at weekends",
        "can u be my friend on fortnite?? my username is AJ_2013",
        "Tell Summer she's my favourite of all the kids I see",
    ],
)
def test_boundaries_pushed_and_crossed_in_more_words(found, text):
    assert found(text, "boundary", channel="whatsapp") != []


@pytest.mark.parametrize(
    ("text", "channel"),
    [
        ("Thanks lovely, you're a star xx", "teams"),
        ("No mate, you can't come to mine, that's not how it works.", "whatsapp"),
        ("Sorry, I'm not allowed to give my personal number out to any family.", "whatsapp"),
    ],
)
def test_kisses_on_teams_and_refusals_are_not_boundary_risks(found, text, channel):
    assert found(text, "boundary", channel=channel) == []


def test_kisses_in_a_text_to_a_young_person_still_count(found):
    assert found("Well done today Jayden xx", "boundary", channel="whatsapp") != []
