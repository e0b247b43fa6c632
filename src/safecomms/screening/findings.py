"""What screening reports: categories, findings, the channel verdict and the result that holds them.

These are plain dataclasses so that the Django apps, the command line and the benchmark all read the
same shapes; nothing here knows how a finding was made.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from safecomms.policy import Severity


class Category(StrEnum):
    """The kinds of thing screening looks for; the values are the public names in `OUT.jsonl`."""

    PERSON = "person"
    NHS_NUMBER = "nhs_number"
    NI_NUMBER = "ni_number"
    POSTCODE = "postcode"
    PHONE = "phone"
    EMAIL = "email"
    DATE_OF_BIRTH = "date_of_birth"
    ADDRESS = "address"
    TEXT_SPEAK = "text_speak"
    POLITICAL = "political"
    OFFENSIVE = "offensive"
    BOUNDARY = "boundary"
    TASK_ALLOCATION = "task_allocation"


PERSONAL_DATA: frozenset[Category] = frozenset(
    {
        Category.PERSON,
        Category.NHS_NUMBER,
        Category.NI_NUMBER,
        Category.POSTCODE,
        Category.PHONE,
        Category.EMAIL,
        Category.DATE_OF_BIRTH,
        Category.ADDRESS,
    }
)
"""Categories that identify someone (guidance 6.1 and 3.5): these are what redaction is for."""

CONDUCT: frozenset[Category] = frozenset(set(Category) - PERSONAL_DATA)
"""Categories about how the writer behaves (guidance 3.3, 3.4, 5.1, 6.2, 7.1.2, 7.2)."""

PLACEHOLDERS: dict[Category, str] = {
    Category.PERSON: "[name]",
    Category.NHS_NUMBER: "[NHS number]",
    Category.NI_NUMBER: "[NI number]",
    Category.POSTCODE: "[postcode]",
    Category.PHONE: "[phone number]",
    Category.EMAIL: "[email address]",
    Category.DATE_OF_BIRTH: "[date of birth]",
    Category.ADDRESS: "[address]",
    Category.TEXT_SPEAK: "[text speak]",
    Category.POLITICAL: "[political remark]",
    Category.OFFENSIVE: "[offensive remark]",
    Category.BOUNDARY: "[boundary concern]",
    Category.TASK_ALLOCATION: "[task allocation]",
}
"""What a redacted copy shows in place of each kind of span, so the reader knows what was there."""

SEVERITY_ORDER: dict[Severity, int] = {Severity.INFO: 0, Severity.WARN: 1, Severity.BLOCK: 2}


@dataclass(frozen=True, slots=True)
class Finding:
    """One thing screening noticed: where it is, what kind it is, which rule it breaks and advice.

    `start` and `end` are Python string offsets into the screened text (end exclusive). A finding
    that concerns the whole message rather than a phrase (a message sent late at night) is empty:
    `start == end == 0`.
    """

    category: Category
    start: int
    end: int
    rule: str
    severity: Severity
    message: str

    def as_dict(self) -> dict[str, object]:
        """The finding in the command line's published shape."""
        return {
            "category": str(self.category),
            "start": self.start,
            "end": self.end,
            "rule": self.rule,
            "severity": str(self.severity),
            "message": self.message,
        }


class Channel(StrEnum):
    """Where the text is going, as far as the caller knows; it changes which rules apply."""

    WHATSAPP = "whatsapp"
    SMS = "sms"
    EMAIL = "email"
    TEAMS = "teams"


CHANNELS_BY_NAME: dict[str, Channel] = {channel.value: channel for channel in Channel}
"""Each channel by its public name, for checking input and for looking one up without the cost
of calling the enum."""


class Route(StrEnum):
    """The channel verdict's answer: a messaging app will do, or a council system is needed."""

    MESSAGING = "messaging"
    COUNCIL_SYSTEM = "council_system"


@dataclass(frozen=True, slots=True)
class ChannelVerdict:
    """Whether the text passes the guidance's lost-phone test (6.1) for WhatsApp or SMS.

    When it does not, the content is OFFICIAL information (7.1.1) that belongs in a council system
    such as secure e-mail or the case record, not on a phone that could be lost or read on a train.
    """

    route: Route
    rules: tuple[str, ...]
    reason: str

    @property
    def fit_for_messaging(self) -> bool:
        return self.route is Route.MESSAGING

    def as_dict(self) -> dict[str, object]:
        return {"route": str(self.route), "rules": list(self.rules), "reason": self.reason}


@dataclass(frozen=True, slots=True)
class ScreeningResult:
    """Everything screening says about one text: findings in text order and the channel verdict."""

    text: str
    findings: list[Finding] = field(default_factory=list)
    channel_verdict: ChannelVerdict | None = None

    def categories(self) -> set[Category]:
        return {finding.category for finding in self.findings}

    def has(self, category: Category | str) -> bool:
        return any(finding.category == category for finding in self.findings)

    def of(self, category: Category | str) -> list[Finding]:
        """The findings of one category, in text order."""
        return [finding for finding in self.findings if finding.category == category]

    @property
    def worst_severity(self) -> Severity | None:
        if not self.findings:
            return None
        return max((f.severity for f in self.findings), key=SEVERITY_ORDER.__getitem__)

    def redacted(self, categories: set[Category] | frozenset[Category] | None = None) -> str:
        """A copy of the text with each flagged span replaced by a placeholder such as `[name]`.

        By default every finding is redacted; pass `PERSONAL_DATA` (or any set) to redact only some
        categories. Overlapping spans are merged into one placeholder, named after the span that
        starts first (the longer one when two start together), so no flagged text survives.
        """
        wanted = [
            f
            for f in self.findings
            if f.end > f.start and (categories is None or f.category in categories)
        ]
        wanted.sort(key=lambda f: (f.start, -f.end))
        pieces: list[str] = []
        cursor = 0
        for finding in wanted:
            if finding.start < cursor:
                cursor = max(cursor, finding.end)
                continue
            pieces.append(self.text[cursor : finding.start])
            pieces.append(PLACEHOLDERS[finding.category])
            cursor = finding.end
        pieces.append(self.text[cursor:])
        return "".join(pieces)
