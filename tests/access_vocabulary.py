"""The words the authorisation matrix is written in, shared by every app's expectations.

Each app specifies access to its own routes in `tests/<app>/access.py`, which defines
`EXPECTATIONS: dict[str, Expect]` (route name -> who is allowed) and, if its routes need objects
of their own, `extend_world(world: dict) -> None` to add them to the shared world fixture (see
`tests/test_access_matrix.py::world` for the people and objects already there).
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable
from dataclasses import dataclass
from types import ModuleType
from typing import Any

ACTORS = (
    "anonymous",
    "worker",  # the child's allocated worker
    "colleague",  # in the allocated team, not allocated
    "manager",  # manages the allocated team
    "other_manager",  # manages another team
    "other_practitioner",  # practitioner in another team
    "former_worker",  # allocation has ended
    "leaver",  # was allocated, has left the council
    "hr",
    "ig",
    "ict",
    "sysadmin",
)
SIGNED_IN = set(ACTORS) - {"anonymous", "leaver"}
CASE_READERS = {"worker", "colleague", "manager"}
CASE_MANAGERS = {"worker", "manager"}
TEAM_MANAGERS = {"manager", "other_manager"}


@dataclass(frozen=True)
class Expect:
    """Who may use a route; everyone else is sent to sign in (anonymous) or refused."""

    allowed: frozenset[str]
    method: str = "get"
    data: Callable[[dict[str, Any]], dict[str, Any]] | None = None
    kwargs: Callable[[dict[str, Any]], dict[str, Any]] = lambda world: {}


def allow(*groups: set[str] | str, **options: Any) -> Expect:
    names: set[str] = set()
    for group in groups:
        names |= {group} if isinstance(group, str) else set(group)
    return Expect(frozenset(names), **options)


CASE: dict[str, Any] = {"kwargs": lambda w: {"child_id": w["child"].pk}}


def app_access_modules() -> list[ModuleType]:
    """Every `tests/<app>/access.py` module."""
    import tests

    modules = []
    for module in pkgutil.iter_modules(tests.__path__):
        if not module.ispkg:
            continue
        try:
            modules.append(importlib.import_module(f"tests.{module.name}.access"))
        except ModuleNotFoundError as missing:
            if missing.name != f"tests.{module.name}.access":
                raise
    return modules
