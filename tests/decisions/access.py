"""The manager's queue is for team managers; a flag is decided by a manager of the case's team."""

from __future__ import annotations

from typing import Any

from tests.access_vocabulary import TEAM_MANAGERS, Expect, allow
from tests.communications.access import ensure_records


def extend_world(world: dict[str, Any]) -> None:
    ensure_records(world)


FLAG = {"kwargs": lambda w: {"flag_id": w["flag"].pk}}

EXPECTATIONS: dict[str, Expect] = {
    "decisions:queue": allow(TEAM_MANAGERS),
    "decisions:flag-clear": allow("manager", **FLAG),
    "api:get_decision_queue": allow(TEAM_MANAGERS),
    "api:clear_flag": allow(
        "manager",
        method="post",
        data=lambda w: {"outcome": "acknowledged", "note": "Spoken to Priya about her number."},
        **FLAG,
    ),
}
