"""Load the guidance's rules from their data file and answer questions about them."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from functools import cache
from importlib import resources


class Severity(StrEnum):
    """How strongly SafeComms acts on a rule: stop, caution, or just tell."""

    BLOCK = "block"
    WARN = "warn"
    INFO = "info"


class UnknownRuleError(KeyError):
    """A rule id that the register does not hold."""


@dataclass(frozen=True, slots=True)
class Rule:
    id: str
    section: str
    heading: str
    title: str
    paraphrase: str
    severity: Severity
    enforced_in: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class PolicyVersion:
    """One issued version of the guidance, with its rules in section order."""

    version: str
    title: str
    issued: date
    review_due: date
    owner: str
    rules: tuple[Rule, ...]

    def rule(self, rule_id: str) -> Rule:
        for candidate in self.rules:
            if candidate.id == rule_id:
                return candidate
        raise UnknownRuleError(rule_id)

    def __contains__(self, rule_id: object) -> bool:
        return any(candidate.id == rule_id for candidate in self.rules)

    def is_past_review(self, today: date) -> bool:
        """True once the guidance's own review date has passed: it needs its owner's attention."""
        return today > self.review_due

    def sections(self) -> list[tuple[str, str, list[Rule]]]:
        """Rules grouped by (section, heading), in the order they appear in the guidance."""
        groups: dict[tuple[str, str], list[Rule]] = {}
        for item in self.rules:
            groups.setdefault((item.section, item.heading), []).append(item)
        return [(section, heading, rules) for (section, heading), rules in groups.items()]


CURRENT_VERSION = "2.0"
_FILES = {"2.0": "guidance-v2.0.toml"}


def _parse(data: dict) -> PolicyVersion:
    meta = data["guidance"]
    rules = []
    seen: set[str] = set()
    for raw in data["rule"]:
        if raw["id"] in seen:
            raise ValueError(f"rule id {raw['id']!r} appears twice")
        if not raw["id"].startswith(raw["section"] + "-"):
            raise ValueError(f"rule id {raw['id']!r} must start with its section {raw['section']}")
        seen.add(raw["id"])
        rules.append(
            Rule(
                id=raw["id"],
                section=raw["section"],
                heading=raw["heading"],
                title=raw["title"],
                paraphrase=" ".join(raw["paraphrase"].split()),
                severity=Severity(raw["severity"]),
                enforced_in=tuple(raw["enforced_in"]),
            )
        )
    return PolicyVersion(
        version=str(meta["version"]),
        title=meta["title"],
        issued=meta["issued"],
        review_due=meta["review_due"],
        owner=meta["owner"],
        rules=tuple(rules),
    )


@cache
def load_version(version: str) -> PolicyVersion:
    """The register for one version of the guidance."""
    try:
        filename = _FILES[version]
    except KeyError:
        raise ValueError(f"no guidance version {version!r}; known: {', '.join(_FILES)}") from None
    text = resources.files("safecomms.policy").joinpath("data", filename).read_text("utf-8")
    return _parse(tomllib.loads(text))


def current_version() -> PolicyVersion:
    """The version staff must acknowledge now."""
    return load_version(CURRENT_VERSION)


def rule(rule_id: str) -> Rule:
    """Look a rule up in the current version; raises UnknownRuleError for an unknown id."""
    return current_version().rule(rule_id)
