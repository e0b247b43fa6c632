"""Fixtures shared by the whole suite."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.pages import PageChecker


@pytest.fixture(autouse=True)
def _audit_checkpoint_in_tmp(settings: pytest.FixtureRequest, tmp_path: Path) -> None:
    """Each test seals the audit trail into its own checkpoint file, outside the database."""
    settings.AUDIT_CHECKPOINT_PATH = tmp_path / "audit-checkpoint.json"  # type: ignore[attr-defined]


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings: pytest.FixtureRequest) -> None:
    """Argon2 is deliberately slow; tests that are not about hashing use a fast hasher."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # type: ignore[attr-defined]


@pytest.fixture(autouse=True)
def _no_static_file_scan(settings: pytest.FixtureRequest) -> None:
    """WhiteNoise indexes every static file whenever a test client starts; pages do not need it."""
    settings.MIDDLEWARE = [  # type: ignore[attr-defined]
        name
        for name in settings.MIDDLEWARE
        if name != "whitenoise.middleware.WhiteNoiseMiddleware"  # type: ignore[attr-defined]
    ]


class _UndefinedTemplateVariable(str):
    """Makes a template that uses an undefined variable fail the test instead of rendering blank."""

    def __mod__(self, name: object) -> str:
        raise AssertionError(f"template used an undefined variable: {name}")


@pytest.fixture(autouse=True)
def _undefined_template_variables_fail(settings: pytest.FixtureRequest) -> None:
    settings.TEMPLATES = [  # type: ignore[attr-defined]
        {
            **engine,
            "OPTIONS": {**engine["OPTIONS"], "string_if_invalid": _UndefinedTemplateVariable("%s")},
        }
        for engine in settings.TEMPLATES  # type: ignore[attr-defined]
    ]


@pytest.fixture(autouse=True)
def _tasks_run_at_once() -> None:
    """Background tasks run in the test's own thread, so their effects can be asserted."""
    from huey.contrib.djhuey import HUEY

    HUEY.immediate = True


@pytest.fixture
def pages(client: object) -> PageChecker:
    """Fetch pages as a user would, checking every page rendered (see tests/pages.py)."""
    return PageChecker(client)  # type: ignore[arg-type]
