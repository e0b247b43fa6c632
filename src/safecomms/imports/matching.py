"""Who is each sender? Suggestions from the case register, for the practitioner to confirm.

A sender is matched, most certain first, by a phone number or e-mail address on the register
(contact points are E.164 or lower case), then by a full name or alias, then by a first name that
only one person on the register has. Anything else is "someone else". The practitioner confirms
or changes every suggestion before anything is recorded.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from safecomms.cases.models import CasePerson, Child, ContactKind, ContactPoint
from safecomms.imports.reading import THIS_PHONE, SourceMessage, normalise_address
from safecomms.staff.models import User

WORKER = "worker"
CHILD = "child"
OTHER = "other"
PERSON_PREFIX = "person:"
_NOT_WORD = re.compile(r"[^\w\s'-]+")
_SPACES = re.compile(r"\s+")
_TITLES = {"mr", "mrs", "ms", "miss", "mx", "dr", "nan", "nana", "aunty", "auntie", "uncle"}


def normalise_name(value: str) -> str:
    """Lower case, accents and emoji removed, titles dropped, spaces collapsed."""
    decomposed = unicodedata.normalize("NFKD", value)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    words = _SPACES.sub(" ", _NOT_WORD.sub(" ", plain.casefold())).strip().split(" ")
    while len(words) > 1 and words[0].rstrip(".") in _TITLES:
        words = words[1:]
    return " ".join(word for word in words if word)


@dataclass(frozen=True)
class Party:
    """Someone a sender may be: the value stored in the mapping and how it is shown."""

    value: str
    label: str


@dataclass(frozen=True)
class Suggestion:
    value: str
    reason: str


@dataclass
class SenderSummary:
    """One sender in the file, with how many messages they sent and who we think they are."""

    label: str
    count: int
    address: str
    suggestion: Suggestion

    def as_json(self) -> dict[str, object]:
        return {
            "label": self.label,
            "count": self.count,
            "address": self.address,
            "suggested": self.suggestion.value,
            "reason": self.suggestion.reason,
        }


class CaseRegister:
    """The names and contact details a sender can match, loaded in a fixed number of queries."""

    def __init__(self, *, child: Child, worker: User, worker_identifiers: Iterable[str]) -> None:
        self.child = child
        self.worker = worker
        self.people: list[CasePerson] = list(child.people.order_by("full_name", "pk"))
        self.addresses: dict[str, str] = {}
        points = ContactPoint.objects.filter(child=child) | ContactPoint.objects.filter(
            person__child=child
        )
        for point in points.order_by("pk"):
            owner = CHILD if point.child_id else f"{PERSON_PREFIX}{point.person_id}"
            value = point.value
            if point.kind in {ContactKind.PHONE, ContactKind.WHATSAPP}:
                value = normalise_address(value)
            self.addresses.setdefault(value.lower() if "@" in value else value, owner)
        for identifier in [worker.email, *worker_identifiers]:
            if identifier.strip():
                self.addresses[normalise_address(identifier)] = WORKER
        self.names: dict[str, set[str]] = {}
        self.first_names: dict[str, set[str]] = {}
        self._add_name(worker.full_name, WORKER)
        self._add_name(child.full_name, CHILD)
        if child.preferred_name:
            self._add_name(f"{child.preferred_name} {child.last_name}", CHILD)
            self._add_name(child.preferred_name, CHILD, alias=True)
        for person in self.people:
            self._add_name(person.full_name, f"{PERSON_PREFIX}{person.pk}")
            for alias in person.alias_list:
                self._add_name(alias, f"{PERSON_PREFIX}{person.pk}", alias=True)

    def _add_name(self, name: str, value: str, *, alias: bool = False) -> None:
        normal = normalise_name(name)
        if not normal:
            return
        self.names.setdefault(normal, set()).add(value)
        if not alias and " " in normal:
            self.first_names.setdefault(normal.split(" ")[0], set()).add(value)

    def parties(self) -> list[Party]:
        """Everyone a sender may be mapped to, in the order the preview offers them."""
        parties = [
            Party(WORKER, f"{self.worker.full_name} (the worker)"),
            Party(CHILD, f"{self.child.full_name} (the child)"),
        ]
        parties += [
            Party(
                f"{PERSON_PREFIX}{person.pk}",
                f"{person.full_name} ({person.get_relationship_display()})",
            )
            for person in self.people
        ]
        parties.append(Party(OTHER, "Someone else"))
        return parties

    def label_of(self, value: str) -> str:
        for party in self.parties():
            if party.value == value:
                return party.label
        return "Someone else"

    def describe(self, value: str) -> str:
        return self.label_of(value).split(" (")[0] if value != OTHER else "someone else"

    def suggest(self, sender: str, address: str, *, outbound_hint: bool = False) -> Suggestion:
        if outbound_hint or sender == THIS_PHONE:
            return Suggestion(WORKER, "these messages were sent from the phone the file came from")
        for candidate in filter(None, [address, normalise_address(sender)]):
            owner = self.addresses.get(candidate)
            if owner is not None:
                kind = "e-mail address" if "@" in candidate else "phone number"
                return Suggestion(
                    owner, f"the {kind} is {self.describe(owner)}'s on the case register"
                )
        name = normalise_name(sender.split("<")[0].strip().strip('"') or sender)
        owners = self.names.get(name, set())
        if len(owners) == 1:
            owner = next(iter(owners))
            return Suggestion(
                owner, f"the name matches {self.describe(owner)} on the case register"
            )
        first = name.split(" ")[0] if name else ""
        owners = self.first_names.get(first, set()) if first else set()
        if " " not in name and len(owners) == 1:
            owner = next(iter(owners))
            return Suggestion(
                owner, f"the first name matches {self.describe(owner)} on the case register"
            )
        return Suggestion(OTHER, "the name and number match nobody on the case register")

    def is_party(self, value: str) -> bool:
        return any(party.value == value for party in self.parties())


def sender_summaries(register: CaseRegister, messages: list[SourceMessage]) -> list[SenderSummary]:
    """Each distinct sender in file order of first appearance."""
    summaries: dict[str, SenderSummary] = {}
    for message in messages:
        summary = summaries.get(message.sender)
        if summary is None:
            summaries[message.sender] = SenderSummary(
                label=message.sender,
                count=1,
                address=message.address,
                suggestion=register.suggest(
                    message.sender, message.address, outbound_hint=message.outbound_hint
                ),
            )
        else:
            summary.count += 1
    return list(summaries.values())
