"""Make a labelled corpus of children's-services messages for the screening benchmark.

Deterministic (seeded Faker en_GB). Each message is built piece by piece so that the gold span of
every item of personal data is known exactly; conduct labels are per message. Hard negatives are
mixed in: meeting dates, helplines, reserved NI prefixes, outward postcodes alone, ten-digit numbers
failing the NHS check, everyday words that are also names, and quoted speech.

    python generate_corpus.py OUT_DIR [--messages N] [--seed S]

writes OUT_DIR/corpus.jsonl (the published input format), OUT_DIR/gold.jsonl and
OUT_DIR/people.json.
"""

from __future__ import annotations

import argparse
import json
import random
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path

from faker import Faker

CHANNELS = ["whatsapp", "sms", "email", "teams"]
STREET_WORDS = [
    "Church",
    "Mill",
    "Station",
    "Park",
    "Victoria",
    "Queen's",
    "King's",
    "Oak",
    "Elm",
    "Meadow",
    "Brook",
    "School",
    "Manor",
    "Chapel",
    "New",
    "High",
    "Green",
    "Orchard",
    "St John's",
    "Windmill",
    "Willow",
    "Beech",
    "Cherry Tree",
    "Holly",
]
STREET_TYPES = [
    "Road",
    "Street",
    "Lane",
    "Avenue",
    "Close",
    "Drive",
    "Way",
    "Crescent",
    "Grove",
    "Gardens",
    "Court",
    "Place",
    "Terrace",
    "Walk",
    "Mews",
    "Rise",
    "View",
    "Row",
]
HOUSE_NAMES = [
    "Rose Cottage",
    "The Old Barn",
    "Ivy House",
    "Orchard Lodge",
    "Mill Farm",
    "Hillside Bungalow",
    "The Grange",
]


@dataclass
class Draft:
    parts: list[str] = field(default_factory=list)
    spans: list[dict[str, object]] = field(default_factory=list)
    conduct: set[str] = field(default_factory=set)
    length: int = 0

    def say(self, text: str, category: str | None = None) -> Draft:
        if category:
            self.spans.append(
                {"category": category, "start": self.length, "end": self.length + len(text)}
            )
        self.parts.append(text)
        self.length += len(text)
        return self

    def text(self) -> str:
        return "".join(self.parts)


def nhs_number(rng: random.Random, valid: bool = True) -> str:
    while True:
        digits = [rng.randint(0, 9) for _ in range(9)]
        total = sum(d * w for d, w in zip(digits, range(10, 1, -1), strict=True))
        check = 11 - total % 11
        check = 0 if check == 11 else check
        if check == 10:
            continue
        if not valid:
            check = (check + rng.randint(1, 9)) % 10
        number = "".join(map(str, digits)) + str(check)
        style = rng.choice(["spaced", "plain", "dashed"])
        if style == "spaced":
            return f"{number[:3]} {number[3:6]} {number[6:]}"
        if style == "dashed":
            return f"{number[:3]}-{number[3:6]}-{number[6:]}"
        return number


def ni_number(rng: random.Random, valid: bool = True) -> str:
    first, second = "ABCEGHJKLMNOPRSTWXYZ", "ABCEGHJKLMNPRSTWXYZ"
    while True:
        prefix = rng.choice(first) + rng.choice(second)
        if prefix not in {"BG", "GB", "KN", "NK", "NT", "TN", "ZZ"}:
            break
    if not valid:
        prefix = rng.choice(["QQ", "GB", "DA", "FQ", "OO"])
    digits = "".join(str(rng.randint(0, 9)) for _ in range(6))
    suffix = rng.choice("ABCD")
    if rng.random() < 0.5:
        return f"{prefix} {digits[:2]} {digits[2:4]} {digits[4:]} {suffix}"
    return f"{prefix}{digits}{suffix}"


class Corpus:
    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.fake = Faker("en_GB")
        self.fake.seed_instance(seed)
        self.people: list[dict[str, object]] = []
        for role, count in (("child", 40), ("parent", 30), ("carer", 10), ("staff", 20)):
            for _ in range(count):
                first, last = self.fake.first_name(), self.fake.last_name()
                aliases = [first[:3]] if role == "child" and self.rng.random() < 0.3 else []
                self.people.append({"name": f"{first} {last}", "role": role, "aliases": aliases})

    def person(self, role: str | None = None) -> dict[str, object]:
        pool = [p for p in self.people if role is None or p["role"] == role]
        return self.rng.choice(pool)

    def name_form(self, person: dict[str, object]) -> str:
        first, last = str(person["name"]).split(" ", 1)
        choice = self.rng.random()
        if choice < 0.45:
            return first
        if choice < 0.7:
            return f"{first} {last}"
        if choice < 0.8 and person["aliases"]:
            return str(person["aliases"][0])  # type: ignore[index]
        if choice < 0.9:
            return first.lower()
        return first

    def date(self, year_from: int, year_to: int) -> str:
        day = self.fake.date_between(datetime(year_from, 1, 1), datetime(year_to, 12, 28))
        style = self.rng.randrange(6)
        if style == 0:
            return day.strftime("%d/%m/%Y")
        if style == 1:
            return day.strftime("%d.%m.%y")
        if style == 2:
            return day.strftime("%Y-%m-%d")
        if style == 3:
            suffix = {1: "st", 2: "nd", 3: "rd", 21: "st", 22: "nd", 23: "rd", 31: "st"}
            return f"{day.day}{suffix.get(day.day, 'th')} {day.strftime('%B %Y')}"
        if style == 4:
            return f"{day.strftime('%B')} {day.day} {day.year}"
        return day.strftime("%d/%m/%y")

    def street(self) -> str:
        """A UK-style street address: number or house name, street words, street type."""
        words = self.rng.choice([self.fake.last_name(), self.rng.choice(STREET_WORDS)])
        street = f"{words} {self.rng.choice(STREET_TYPES)}"
        roll = self.rng.random()
        if roll < 0.15:
            return f"{self.rng.choice(HOUSE_NAMES)}, {street}"
        if roll < 0.3:
            return f"Flat {self.rng.randint(1, 40)}, {self.rng.randint(1, 200)} {street}"
        number = f"{self.rng.randint(1, 250)}{self.rng.choice(['', '', '', 'a', 'b'])}"
        return f"{number} {street}"

    def phone(self) -> str:
        faker_number = self.fake.phone_number()
        while any(
            free in faker_number.replace(" ", "") for free in ("0800", "0808", "44800", "44808")
        ):
            faker_number = self.fake.phone_number()  # freephone numbers are helplines, not personal
        return self.rng.choice(
            [
                faker_number,
                f"07700 900{self.rng.randint(100, 999)}",
                f"07700900{self.rng.randint(100, 999)}",
                f"+44 7700 900{self.rng.randint(100, 999)}",
            ]
        )

    # ------------------------------------------------------------------ message shapes
    def to_young_person(self, d: Draft) -> None:
        child = self.person("child")
        d.say(self.rng.choice(["Hi ", "Hiya ", "Hey ", "Morning ", ""]))
        if d.length:
            d.say(self.name_form(child), "person").say(self.rng.choice([", ", "! ", " - "]))
        d.say(
            self.rng.choice(
                [
                    "just checking you got home ok after our session. ",
                    "it was good to see you at school today. ",
                    "are you still ok for our catch up on Thursday after school? ",
                    "I've spoken to the school about your timetable. ",
                    "well done on your exams this week. ",
                    "reminder that the review is next Tuesday at 4pm. ",
                ]
            )
        )
        roll = self.rng.random()
        if roll < 0.25:
            d.conduct.add("text_speak")
            d.say(
                self.rng.choice(
                    [
                        "c u l8r ",
                        "lol ",
                        "ttyl ",
                        "gr8 news tbh ",
                        "pls let me know ",
                        "thx ",
                        "see u then ",
                        "can u text me back ",
                        "omg well done ",
                    ]
                )
            )
        elif roll < 0.4:
            d.conduct.add("boundary")
            d.say(
                self.rng.choice(
                    [
                        "Don't tell your carers I said that. ",
                        "Keep this between us ok. ",
                        "Add me on snap so we can chat properly. ",
                        "I got you a little present. ",
                        "You looked gorgeous at the party xx ",
                        "Text me on my personal number instead. ",
                        "I can pick you up on my own after school. ",
                        "Delete these messages after. ",
                        "I'll top up your phone later. ",
                        "Missing you loads x",
                    ]
                )
            )
        elif roll < 0.5:
            d.say('You said "lol whatever" last time but it does matter. ')
        else:
            d.say(self.rng.choice(["Take care. ", "Speak soon. ", "Thanks. ", ""]))
        if self.rng.random() < 0.3:
            worker = self.person("staff")
            d.say("\n").say(self.rng.choice(["Thanks, ", "Best wishes, ", "- "]))
            d.say(str(worker["name"]).split()[0], "person")

    def to_parent(self, d: Draft) -> None:
        parent, child = self.person("parent"), self.person("child")
        d.say(self.rng.choice(["Dear ", "Hi ", "Hello "]))
        d.say(self.name_form(parent), "person").say(",\n")
        d.say(
            self.rng.choice(
                [
                    "I'm writing to confirm the home visit at ",
                    "I'll come to the house at ",
                    "The family time session is at ",
                ]
            )
        )
        if self.rng.random() < 0.5:
            street = self.street()
            d.say(street, "address")
            if self.rng.random() < 0.6:
                d.say(", ").say(self.fake.city(), "address")
                # the street and town are one address span in the gold
                last = d.spans.pop()
                d.spans[-1]["end"] = last["end"]
            d.say(" ")
            if self.rng.random() < 0.5:
                d.say(self.fake.postcode(), "postcode").say(" ")
        else:
            d.say("the family centre ")
        d.say(f"on {self.date(2024, 2025)} to talk about ")
        d.say(self.name_form(child), "person").say("'s plan. ")
        extra = self.rng.random()
        if extra < 0.3:
            d.say("Please bring ").say(self.name_form(child), "person").say("'s red book; ")
            d.say(self.rng.choice(["DOB: ", "date of birth ", "born "]))
            d.say(self.date(2008, 2020), "date_of_birth").say(". ")
        elif extra < 0.5:
            d.say("If you need me call ").say(self.phone(), "phone").say(". ")
        elif extra < 0.6:
            d.say("Childline is 0800 1111 and in an emergency call 999. ")
        elif extra < 0.7:
            d.conduct.add("text_speak")
            d.say(self.rng.choice(["Thx for ur help. ", "pls bring the forms. ", "Hope u r ok. "]))
        if self.rng.random() < 0.5:
            worker = self.person("staff")
            d.say("\nKind regards,\n").say(str(worker["name"]), "person").say("\nSocial Worker")

    def team_group(self, d: Draft) -> None:
        colleague, child = self.person("staff"), self.person("child")
        roll = self.rng.random()
        if roll < 0.3:
            d.conduct.add("task_allocation")
            d.say(
                self.rng.choice(
                    [
                        "Can someone cover my 3pm visit today? ",
                        "Who's free to do the strategy meeting tomorrow? ",
                        "Anyone able to pick up the CIN review on Friday? ",
                    ]
                )
            )
            if self.rng.random() < 0.5:
                d.say("@").say(str(colleague["name"]).split()[0], "person")
                d.say(
                    self.rng.choice(
                        [
                            " can you chase the school re attendance",
                            " please type up the case notes by Friday",
                        ]
                    )
                )
        elif roll < 0.45:
            d.conduct.add("offensive")
            d.say(
                self.rng.choice(
                    [
                        "Honestly that family are a nightmare, feral kids the lot of them. ",
                        "Mum is such a scrounger. ",
                        "The new manager is useless. ",
                        "He's a complete waste of space. ",
                        "Those parents are so thick. ",
                        "SLT are clueless as usual. ",
                    ]
                )
            )
        elif roll < 0.55:
            d.conduct.add("political")
            remark = self.rng.choice(
                [
                    "The Tories are to blame for all of this. ",
                    "Don't forget to vote Labour tomorrow! ",
                    "Universal credit is cruel, the government don't care. ",
                    "Starmer has no idea honestly. ",
                    "Get the Tories out. ",
                ]
            )
            if remark.startswith("Starmer"):
                # A politician named is a named individual, as the hand-written sets label them.
                d.say("Starmer", "person")
                remark = remark.removeprefix("Starmer")
            d.say(remark)
        else:
            d.say(self.rng.choice(["Update: ", "FYI ", "Quick one - ", ""]))
            d.say(self.name_form(child), "person")
            d.say(
                self.rng.choice(
                    [
                        " is settled at the new placement. ",
                        " has an IRO review next week, venue TBC. ",
                        " missed school again, DSL aware. ",
                    ]
                )
            )
        if self.rng.random() < 0.3:
            d.say("Polling station is next to the office if anyone's voting. ")
        if self.rng.random() < 0.25:
            d.say("Hope everyone is ok, will catch up Monday. ")

    def to_school(self, d: Draft) -> None:
        teacher, child = self.person("staff"), self.person("child")
        d.say("Dear ").say(self.rng.choice(["Mrs ", "Mr ", "Ms ", "Dr "]))
        d.say(str(teacher["name"]).split()[-1], "person").say(",\n\n")
        d.say("Further to our call, please find the details for ")
        d.say(str(child["name"]), "person").say(self.rng.choice([" (DOB ", ", date of birth "]))
        d.say(self.date(2008, 2019), "date_of_birth").say(self.rng.choice([")", ""])).say(". ")
        if self.rng.random() < 0.4:
            d.say("NHS number: ").say(nhs_number(self.rng), "nhs_number").say(". ")
        if self.rng.random() < 0.2:
            d.say("Mum's NI number is ").say(ni_number(self.rng), "ni_number").say(". ")
        if self.rng.random() < 0.3:
            d.say("Her new address is ").say(self.street(), "address").say(", ")
            d.say(self.fake.postcode(), "postcode").say(". ")
        if self.rng.random() < 0.3:
            d.say("Contact mum on ").say(self.fake.email(), "email").say(". ")
        d.say(f"The CIN review is booked for {self.date(2024, 2025)}. ")
        if self.rng.random() < 0.3:
            d.say(f"Case ref {nhs_number(self.rng, valid=False).replace(' ', '')} on Mosaic. ")
        if self.rng.random() < 0.2:
            d.say(f"Not {ni_number(self.rng, valid=False)} as on the old form. ")
        if self.rng.random() < 0.2:
            d.say(f"They are still in the {self.fake.postcode().split()[0]} area. ")
        d.say("\n\nMany thanks,\n")
        d.say(str(self.person("staff")["name"]), "person")

    def message(self, index: int) -> tuple[dict[str, object], dict[str, object]]:
        d = Draft()
        kind = self.rng.choice(["young_person", "parent", "team", "school"])
        channel = {
            "young_person": self.rng.choice(["whatsapp", "sms"]),
            "parent": self.rng.choice(["whatsapp", "sms", "email"]),
            "team": self.rng.choice(["whatsapp", "teams"]),
            "school": "email",
        }[kind]
        getattr(
            self,
            {
                "young_person": "to_young_person",
                "parent": "to_parent",
                "team": "team_group",
                "school": "to_school",
            }[kind],
        )(d)
        sent = datetime(2024, 3, 4, 9, 0) + timedelta(minutes=self.rng.randint(0, 60 * 24 * 60))
        late = sent.hour >= 22 or sent.hour < 7
        if late and channel in ("whatsapp", "sms") and kind in ("young_person", "parent"):
            # Contact at an odd hour is a worker's text to a young person or family (5.1);
            # team chat and e-mails sent late are not personal contact with a family.
            d.conduct.add("boundary")
        record = {
            "id": f"m{index:06d}",
            "text": d.text(),
            "channel": channel,
            "sent_at": sent.isoformat(),
        }
        gold = {"id": record["id"], "spans": d.spans, "conduct": sorted(d.conduct), "kind": kind}
        return record, gold


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("out", type=Path)
    parser.add_argument("--messages", type=int, default=20000)
    parser.add_argument("--seed", type=int, default=2020)
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    corpus = Corpus(args.seed)
    with (
        (args.out / "corpus.jsonl").open("w") as records,
        (args.out / "gold.jsonl").open("w") as golds,
    ):
        for index in range(args.messages):
            record, gold = corpus.message(index)
            records.write(json.dumps(record) + "\n")
            golds.write(json.dumps(gold) + "\n")
    (args.out / "people.json").write_text(json.dumps(corpus.people, indent=1))


if __name__ == "__main__":
    main()
