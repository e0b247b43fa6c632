"""Fixtures for the chat import tests: a case with a register, and exports of every kind."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path
from typing import Any

import pytest

from safecomms.cases.models import ContactPoint
from safecomms.staff.models import Role
from tests.factories import (
    AllocationFactory,
    CasePersonFactory,
    ChildFactory,
    MembershipFactory,
    TeamFactory,
    UserFactory,
)

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 200
PDF = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n"

CHAT = (
    "12/01/2024, 09:05 - Messages and calls are end-to-end encrypted.\n"
    "12/01/2024, 09:05 - Jordan Ellis: Hi Kai, it's Jordan from Children's Services.\n"
    "12/01/2024, 09:06 - Kai: hi\n"
    "12/01/2024, 09:06 - Kai: hi\n"
    "12/01/2024, 09:07 - Dee: Can we move the visit to Thursday?\n"
    "12/01/2024, 09:08 - Kai: IMG-20240112-WA0001.jpg (file attached)\n"
    "12/01/2024, 09:09 - Jordan Ellis: Thanks, see you Thursday at 4pm.\n"
)


def make_zip(entries: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def whatsapp_zip(chat: str = CHAT, media: dict[str, bytes] | None = None) -> bytes:
    entries = {"WhatsApp Chat with Kai.txt": chat.encode()}
    entries.update(media if media is not None else {"IMG-20240112-WA0001.jpg": PNG})
    return make_zip(entries)


@pytest.fixture(autouse=True)
def _media_in_tmp(settings: Any, tmp_path: Path) -> Path:
    """Uploads and attachments go to this test's own folder."""
    media = tmp_path / "media"
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(media)},
        },
    }
    return media


@pytest.fixture
def media(_media_in_tmp: Path) -> Path:
    return _media_in_tmp


def stored_files(media: Path) -> list[Path]:
    return sorted(path for path in media.rglob("*") if path.is_file()) if media.exists() else []


@pytest.fixture
def case_world(db: None) -> dict[str, Any]:
    team = TeamFactory(name="Children's Team North")
    manager = UserFactory(roles=[Role.TEAM_MANAGER], full_name="Rachel Green")
    team.managers.add(manager)
    worker = UserFactory(full_name="Jordan Ellis", email="jordan.ellis@council.example")
    colleague = UserFactory(full_name="Sam Patel")
    outsider = UserFactory(full_name="Alex Morgan")
    MembershipFactory(user=worker, team=team)
    MembershipFactory(user=colleague, team=team)
    MembershipFactory(user=manager, team=team)
    child = ChildFactory(first_name="Kai", last_name="Walker", person_id="1234567")
    mother = CasePersonFactory(child=child, full_name="Dawn Walker", aliases="Mum, Dee")
    ContactPoint.objects.create(person=mother, kind="phone", value="+447700900123")
    ContactPoint.objects.create(person=mother, kind="email", value="dawn.walker@example.com")
    ContactPoint.objects.create(child=child, kind="phone", value="+447700900456")
    AllocationFactory(child=child, worker=worker, team=team)
    return {
        "team": team,
        "manager": manager,
        "worker": worker,
        "colleague": colleague,
        "outsider": outsider,
        "child": child,
        "mother": mother,
    }
