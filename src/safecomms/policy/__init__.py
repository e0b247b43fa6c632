"""The policy register: the online safety guidance as versioned, citable rules.

Every finding, reminder and decision in SafeComms names a rule id from this register, for example
``5.1-approved-accounts``. Ids are the guidance's section number plus a short slug because the
guidance repeats some section numbers (two sections are numbered 6.2).
"""

from safecomms.policy.register import (
    PolicyVersion,
    Rule,
    Severity,
    UnknownRuleError,
    current_version,
    load_version,
    rule,
)

__all__ = [
    "PolicyVersion",
    "Rule",
    "Severity",
    "UnknownRuleError",
    "current_version",
    "load_version",
    "rule",
]
