"""`screen`: run every detector over one text and assemble the result.

Detectors are independent; this module settles where their findings meet (a name inside an e-mail
address or a street name is part of that, a phone number that is really an NHS number is reported
once) and drops conduct that is someone else's quoted or reported words.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from functools import cache
from operator import attrgetter

from safecomms.policy import Severity
from safecomms.screening.addressees import (
    FAMILY_ROLES,
    request_to_a_client,
    signed_by,
    written_to_a_group,
    written_to_a_professional,
    written_to_staff,
)
from safecomms.screening.addresses import find_addresses
from safecomms.screening.conduct import (
    ConductMatch,
    find_conduct,
    local_wall_clock,
    unusual_hours,
)
from safecomms.screening.contact_details import find_emails, find_phones, find_urls
from safecomms.screening.dates import find_dates_of_birth
from safecomms.screening.findings import (
    CHANNELS_BY_NAME,
    SEVERITY_ORDER,
    Category,
    Channel,
    Finding,
    ScreeningResult,
)
from safecomms.screening.identifiers import find_nhs_numbers, find_ni_numbers
from safecomms.screening.lexicons import load_table_file
from safecomms.screening.people import CLIENT_ROLES, Gazetteer, empty_gazetteer
from safecomms.screening.person_finder import find_people, find_public_figures
from safecomms.screening.postcodes import find_postcodes
from safecomms.screening.prepared import PreparedText
from safecomms.screening.speech import inside_any, reported_speech
from safecomms.screening.verdict import channel_verdict

Span = tuple[int, int]


def _overlaps(start: int, end: int, spans: Iterable[Span]) -> bool:
    return any(start < high and low < end for low, high in spans)


def _within_longer(span: Span, others: list[Span]) -> bool:
    start, end = span
    return any(low <= start and end <= high and high - low > end - start for low, high in others)


def _clear_of(spans: list[Span], taken: list[Span]) -> list[Span]:
    """The spans that overlap none of `taken` (usually there is nothing taken)."""
    if not taken:
        return spans
    return [span for span in spans if not _overlaps(*span, taken)]


@cache
def _personal_rule(category: Category, cued: bool) -> tuple[str, Severity, str]:
    """A personal-data category's rule, severity and message, read and formatted once."""
    entry = load_table_file("personal_data.toml")[category.value]
    severity = entry["severity"] if cued else entry.get("uncued_severity", entry["severity"])
    advice = entry["advice"] if cued else entry.get("uncued_advice", entry["advice"])
    return entry["rule"], Severity(severity), f"{entry['label']}: {' '.join(advice.split())}"


def _personal_data(prepared: PreparedText, gazetteer: Gazetteer) -> list[Finding]:
    emails = find_emails(prepared)
    hidden = emails + find_urls(prepared)
    dates_of_birth = find_dates_of_birth(prepared)
    nhs_numbers = find_nhs_numbers(prepared)
    if hidden:
        nhs_numbers = [n for n in nhs_numbers if not _overlaps(n.start, n.end, hidden)]
    cued_nhs = [(n.start, n.end) for n in nhs_numbers if n.cued]
    phones = _clear_of(find_phones(prepared), hidden + cued_nhs + dates_of_birth)
    uncued_nhs = _clear_of([(n.start, n.end) for n in nhs_numbers if not n.cued], phones)
    ni_numbers = _clear_of(find_ni_numbers(prepared), hidden)
    postcodes = _clear_of(find_postcodes(prepared), hidden)
    addresses = _clear_of(find_addresses(prepared, postcodes), hidden)
    people = _clear_of(find_people(prepared, gazetteer), hidden + addresses + postcodes)
    public_figures = _clear_of(find_public_figures(prepared), hidden)
    if public_figures:
        # "Jacob" in "Jacob Rees-Mogg" is part of the public figure's name; a name found as
        # written on the register ("Reeves" for a family called Reeves) stays the family's.
        people = [span for span in people if not _within_longer(span, public_figures)]
        public_figures = _clear_of(public_figures, people)
    findings: list[Finding] = []
    for category, spans, cued in (
        (Category.EMAIL, emails, True),
        (Category.NHS_NUMBER, cued_nhs, True),
        (Category.NHS_NUMBER, uncued_nhs, False),
        (Category.PHONE, phones, True),
        (Category.NI_NUMBER, ni_numbers, True),
        (Category.POSTCODE, postcodes, True),
        (Category.DATE_OF_BIRTH, dates_of_birth, True),
        (Category.ADDRESS, addresses, True),
        (Category.PERSON, people, True),
        (Category.PERSON, public_figures, False),
    ):
        if spans:
            rule, severity, message = _personal_rule(category, cued)
            findings += [
                Finding(category, start, end, rule, severity, message) for start, end in spans
            ]
    return findings


@cache
def _conduct_label(category: Category) -> str:
    return str(load_table_file("personal_data.toml")["conduct_labels"][category.value])


def _conduct_finding(match: ConductMatch, text: str) -> Finding:
    group = match.group
    phrase = " ".join(text[match.start : match.end].split())
    message = f"{_conduct_label(group.category)} (\u201c{phrase}\u201d): {group.advice}"
    return Finding(group.category, match.start, match.end, group.rule, group.severity, message)


def _merge_conduct(matches: list[ConductMatch]) -> list[ConductMatch]:
    """One match per overlapping stretch of each category, keeping the most serious rule."""
    merged: list[ConductMatch] = []
    matches.sort(key=lambda m: (m.group.category, m.start, -m.end))
    for match in matches:
        previous = merged[-1] if merged else None
        if (
            previous
            and previous.group.category == match.group.category
            and match.start < previous.end
        ):
            stronger = max((previous.group, match.group), key=lambda g: SEVERITY_ORDER[g.severity])
            merged[-1] = ConductMatch(previous.start, max(previous.end, match.end), stronger)
        else:
            merged.append(match)
    return merged


def _not_the_writers_concern(
    match: ConductMatch,
    text: str,
    names: list[Span],
    gazetteer: Gazetteer,
    not_a_workers: bool,
    signer: frozenset[str],
) -> bool:
    """True for work asked of a family or by one (a message signed by a child, parent or carer),
    not of a colleague, and for conduct towards a family in a message that is not a worker's to a
    family: one written to a member of staff or signed by family (a young person's, a parent's
    or a colleague's words); see `addressees`."""
    if match.group.to_families_only:
        return not_a_workers
    if match.group.category is Category.TASK_ALLOCATION:
        return (bool(signer) and signer <= CLIENT_ROLES) or request_to_a_client(
            text, match.start, match.end, names, gazetteer
        )
    return False


_CODES = frozenset(
    {Category.NI_NUMBER, Category.NHS_NUMBER, Category.POSTCODE, Category.PHONE, Category.EMAIL}
)
"""Personal data written as a code, whose letters are not words ("JK" in "JK 48 29 17 B")."""


def _conduct(
    prepared: PreparedText,
    channel: Channel | None,
    sent_at: datetime | None,
    codes: list[Span],
    names: list[Span],
    gazetteer: Gazetteer,
) -> list[Finding]:
    """Conduct findings; `codes` are the spans of personal data written as codes, left alone, and
    `names` the people found, which are not text speak however short ("grassed on ty")."""
    matches = find_conduct(prepared, channel)
    text = prepared.text
    window = unusual_hours()
    late_contact = (
        sent_at is not None
        and window.applies_on(channel)
        and window.covers(local_wall_clock(sent_at))
        and window.is_contact(prepared)
        and not window.on_duty(prepared)
    )
    families_only = late_contact or any(m.group.to_families_only for m in matches)
    allocates = any(m.group.category is Category.TASK_ALLOCATION for m in matches)
    # Who signs is read only when it could change a finding: it costs as much as a detector.
    signer = signed_by(text, names, gazetteer) if families_only or allocates else frozenset()
    not_a_workers = families_only and (
        (bool(signer) and signer <= FAMILY_ROLES)
        or (bool(names) and written_to_staff(text, names, gazetteer))
        or written_to_a_group(text)
    )
    if matches and (names or not_a_workers or signer):
        matches = [
            m
            for m in matches
            if not _not_the_writers_concern(m, text, names, gazetteer, not_a_workers, signer)
        ]
    findings: list[Finding] = []
    if matches:
        # Web and e-mail addresses and identifiers are not prose: nothing in them is conduct.
        not_prose = find_urls(prepared) + find_emails(prepared) + codes
        speech = reported_speech(prepared)
        excluded = speech.everywhere + not_prose
        if excluded or names:
            verbatim = speech.verbatim + not_prose + names
            matches = [
                m
                for m in matches
                if not inside_any(
                    m.start,
                    m.end,
                    verbatim if m.group.category is Category.TEXT_SPEAK else excluded,
                )
            ]
        findings = [_conduct_finding(match, text) for match in _merge_conduct(matches)]
    if (
        late_contact
        and not not_a_workers
        and not any(m.group.category is Category.TASK_ALLOCATION for m in matches)
        and not (names and written_to_a_professional(text, names, gazetteer))
    ):
        label = load_table_file("personal_data.toml")["conduct_labels"]["unusual_hours"]
        findings.append(
            Finding(
                category=Category.BOUNDARY,
                start=0,
                end=0,
                rule=window.rule,
                severity=window.severity,
                message=f"{label}: {window.advice} Send it in working hours instead.",
            )
        )
    return findings


def _as_channel(channel: Channel | str | None) -> Channel | None:
    if channel is None or isinstance(channel, Channel):
        return channel
    if isinstance(channel, str) and channel in CHANNELS_BY_NAME:
        return CHANNELS_BY_NAME[channel]
    return Channel(str(channel).lower())


def screen(
    text: str,
    *,
    channel: Channel | str | None = None,
    sent_at: datetime | None = None,
    gazetteer: Gazetteer | None = None,
) -> ScreeningResult:
    """Screen one text for client-identifiable data and conduct risks.

    `channel` (whatsapp, sms, email, teams) decides whether task allocation applies; `sent_at`
    lets screening notice contact at unusual hours; `gazetteer` is the case register's names
    (build it once with `Gazetteer.from_people`). Findings come back in text order with the
    channel verdict. Any string may be screened: screening never raises on its content.
    """
    resolved_channel = _as_channel(channel)
    if not isinstance(text, str):
        text = "" if text is None else str(text)
    prepared = PreparedText.of(text)
    gazetteer = gazetteer or empty_gazetteer()
    findings = _personal_data(prepared, gazetteer)
    codes = [(finding.start, finding.end) for finding in findings if finding.category in _CODES]
    names = [
        (finding.start, finding.end) for finding in findings if finding.category is Category.PERSON
    ]
    findings += _conduct(prepared, resolved_channel, sent_at, codes, names, gazetteer)
    findings.sort(key=attrgetter("start", "end", "category"))
    return ScreeningResult(text=text, findings=findings, channel_verdict=channel_verdict(findings))
