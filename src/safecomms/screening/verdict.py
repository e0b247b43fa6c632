"""The channel verdict: the guidance's lost-phone test (6.1) made concrete.

Section 6.1 asks the writer to imagine the phone lost or stolen, or the screen read on a crowded
train: if harm could follow, the content is OFFICIAL information (7.1.1) for a council system such
as secure e-mail or the case record, not WhatsApp or SMS. SafeComms answers that question the same
way every time:

- anything screening would block (a record identifier, a boundary risk, an offensive remark) fails;
- a home address, a date of birth, an NHS or NI number fails on its own: each is a record detail;
- a name together with any other identifier fails, as do two identifiers of different kinds,
  because together they pick out one family;
- otherwise the text passes: a first name alone, or a phone number with no name, says too little.
"""

from __future__ import annotations

from functools import cache

from safecomms.policy import Severity
from safecomms.screening.findings import (
    PERSONAL_DATA,
    Category,
    ChannelVerdict,
    Finding,
    Route,
)

LOST_PHONE_RULE = "6.1-lost-phone-test"
OFFICIAL_RULE = "7.1.1-official-information"
RECORD_DETAILS = frozenset(
    {Category.ADDRESS, Category.DATE_OF_BIRTH, Category.NHS_NUMBER, Category.NI_NUMBER}
)
_NAMES = {category: category.value.replace("_", " ") for category in Category}
_NAMES[Category.NHS_NUMBER] = "NHS number"
_NAMES[Category.NI_NUMBER] = "NI number"


def _listed(categories: frozenset[Category]) -> str:
    names = sorted(_NAMES[category] for category in categories)
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def _council(reason: str) -> ChannelVerdict:
    return ChannelVerdict(
        route=Route.COUNCIL_SYSTEM,
        rules=(LOST_PHONE_RULE, OFFICIAL_RULE),
        reason=(
            f"Use a council system (secure e-mail or the case record), not WhatsApp or SMS: "
            f"{reason}. If the phone were lost or the screen read on a train, harm could follow "
            f"({LOST_PHONE_RULE}; treat it as OFFICIAL information, {OFFICIAL_RULE})."
        ),
    )


def channel_verdict(findings: list[Finding]) -> ChannelVerdict:
    """Whether the screened text could go by WhatsApp or SMS, and why."""
    blocking = frozenset(f.category for f in findings if f.severity is Severity.BLOCK)
    identifiers = frozenset(
        f.category
        for f in findings
        if f.category in PERSONAL_DATA and f.severity is not Severity.INFO
    )
    return _verdict(blocking, identifiers, bool(findings))


@cache
def _verdict(
    blocking: frozenset[Category], identifiers: frozenset[Category], any_findings: bool
) -> ChannelVerdict:
    """The verdict for these kinds of finding; the same few combinations come up again and again."""
    if blocking:
        return _council(f"it contains {_listed(blocking)} that must not be sent by message")
    if identifiers & RECORD_DETAILS:
        return _council(f"it gives {_listed(identifiers & RECORD_DETAILS)} from someone's record")
    if Category.PERSON in identifiers and len(identifiers) >= 2:
        return _council(f"it puts a name together with {_listed(identifiers - {Category.PERSON})}")
    if len(identifiers) >= 2:
        return _council(f"it combines {_listed(identifiers)}, which together identify a family")
    remaining = " once the points raised are dealt with" if any_findings else ""
    return ChannelVerdict(
        route=Route.MESSAGING,
        rules=(LOST_PHONE_RULE,),
        reason=(
            f"Fit for WhatsApp or SMS{remaining}: nothing here would identify a child or family "
            f"if the phone were lost or the screen read in public ({LOST_PHONE_RULE})."
        ),
    )
