"""The API (upload, preview, confirm, status, device cleared) and the import_chat command."""

from __future__ import annotations

from io import StringIO
from pathlib import Path
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse

from safecomms.communications.models import Communication
from safecomms.imports.models import ChatImport, DeletionTask
from safecomms.staff.services import access_token_create
from tests.imports.conftest import CHAT, stored_files, whatsapp_zip

pytestmark = pytest.mark.django_db


def test_the_whole_flow_through_the_api(
    case_world: dict[str, Any], media: Any, client: Any
) -> None:
    child = case_world["child"]
    _, token = access_token_create(owner=case_world["worker"], name="script")
    auth = {"HTTP_AUTHORIZATION": f"Bearer {token}"}
    response = client.post(
        reverse("api:upload_chat_import", kwargs={"child_id": child.pk}),
        {
            "file": SimpleUploadedFile("chat.zip", whatsapp_zip()),
            "account_identifier": "07700 900999",
        },
        **auth,
    )
    assert response.status_code == 201, response.content
    created = response.json()
    assert created["status"] == "previewed" and created["message_count"] == 6
    ids = {"child_id": child.pk, "import_id": created["id"]}
    preview = client.get(
        reverse("api:preview_chat_import", kwargs=ids) + "?limit=2&offset=2", **auth
    )
    assert preview.status_code == 200
    body = preview.json()
    assert {s["label"]: s["suggested"] for s in body["senders"]}["Kai"] == "child"
    assert [m["text"] for m in body["messages"]] == ["hi", "Can we move the visit to Thursday?"]
    assert body["messages"][0]["unapproved_account"] == "+447700900999"
    assert body["total"] == 6 and body["offset"] == 2
    assert any(p["value"] == "other" for p in body["parties"])
    confirmed = client.post(
        reverse("api:confirm_chat_import", kwargs=ids),
        {"senders": {"Dee": "other"}},
        content_type="application/json",
        **auth,
    )
    assert confirmed.status_code == 202, confirmed.content
    state = client.get(reverse("api:get_chat_import", kwargs=ids), **auth).json()
    assert state["status"] == "imported" and state["imported_count"] == 6
    assert state["progress_percent"] == 100 and state["deletion_confirmed_at"] is None
    assert Communication.objects.filter(child=child).count() == 6
    again = client.post(
        reverse("api:confirm_chat_import", kwargs=ids), {}, content_type="application/json", **auth
    )
    assert again.status_code == 422 and "cannot be confirmed" in again.json()["detail"]
    cleared = client.post(reverse("api:confirm_device_cleared", kwargs=ids), **auth)
    assert cleared.status_code == 200 and cleared.json()["confirmed_at"]
    assert DeletionTask.objects.get().confirmed_at is not None


def test_the_api_refuses_bad_files_with_their_reason(
    case_world: dict[str, Any], media: Any, client: Any, settings: Any
) -> None:
    child = case_world["child"]
    _, token = access_token_create(owner=case_world["worker"], name="script")
    auth = {"HTTP_AUTHORIZATION": f"Bearer {token}"}
    url = reverse("api:upload_chat_import", kwargs={"child_id": child.pk})
    response = client.post(url, {"file": SimpleUploadedFile("a.txt", b"not a chat")}, **auth)
    assert response.status_code == 422
    assert "not a WhatsApp chat export" in response.json()["detail"]
    assert client.post(url, {}, **auth).status_code == 422
    settings.SAFECOMMS_MAX_UPLOAD_BYTES = 100
    big = client.post(url, {"file": SimpleUploadedFile("a.txt", CHAT.encode())}, **auth)
    assert big.status_code == 413 and "smaller than 100 bytes" in big.json()["detail"]
    assert ChatImport.objects.count() == 0 and stored_files(media) == []


def test_the_command_imports_with_a_progress_bar(
    case_world: dict[str, Any], media: Any, tmp_path: Path
) -> None:
    export = tmp_path / "WhatsApp Chat with Kai.zip"
    export.write_bytes(whatsapp_zip())
    out, err = StringIO(), StringIO()
    call_command(
        "import_chat",
        "--child", "1234567",
        "--file", str(export),
        "--worker", "Jordan.Ellis@council.example",
        "--sender", "Dee=other",
        stdout=out,
        stderr=err,
    )  # fmt: skip
    assert "Imported 6 messages to case 1234567" in out.getvalue()
    assert "Kai: 3 messages -> Kai Walker (the child)" in out.getvalue()
    assert "Dee: 1 messages -> Someone else" in out.getvalue()
    assert "100%" in err.getvalue() and "[####" in err.getvalue()
    assert Communication.objects.count() == 6
    out = StringIO()
    call_command(
        "import_chat", "--child", "1234567", "--file", str(export),
        "--worker", "jordan.ellis@council.example", stdout=out, stderr=StringIO(),
    )  # fmt: skip
    assert (
        "Imported 0 messages" in out.getvalue() and "6 were already on the case" in out.getvalue()
    )


def test_the_command_preview_records_nothing(
    case_world: dict[str, Any], media: Any, tmp_path: Path
) -> None:
    export = tmp_path / "chat.txt"
    export.write_text(CHAT)
    out = StringIO()
    call_command(
        "import_chat", "--child", "1234567", "--file", str(export),
        "--worker", "jordan.ellis@council.example", "--preview", "--time-zone", "Europe/Paris",
        stdout=out, stderr=StringIO(),
    )  # fmt: skip
    assert "Nothing was recorded" in out.getvalue()
    assert Communication.objects.count() == 0 and stored_files(media) == []


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["--child", "999"], "No case has the person ID 999"),
        (["--worker", "nobody@council.example"], "No member of staff"),
        (["--file", "/nonexistent/chat.txt"], "is not a file"),
    ],
)
def test_the_command_explains_bad_arguments(
    case_world: dict[str, Any], media: Any, tmp_path: Path, arguments: list[str], message: str
) -> None:
    export = tmp_path / "chat.txt"
    export.write_text(CHAT)
    base = {
        "--child": "1234567",
        "--file": str(export),
        "--worker": "jordan.ellis@council.example",
    }
    base[arguments[0]] = arguments[1]
    flat = [part for pair in base.items() for part in pair]
    with pytest.raises(CommandError, match=message):
        call_command("import_chat", *flat, stdout=StringIO(), stderr=StringIO())


def test_the_command_refuses_a_hostile_file(
    case_world: dict[str, Any], media: Any, tmp_path: Path
) -> None:
    export = tmp_path / "chat.zip"
    export.write_bytes(whatsapp_zip(media={"../evil.jpg": b"x"}))
    with pytest.raises(CommandError, match="leaves its folder"):
        call_command(
            "import_chat", "--child", "1234567", "--file", str(export),
            "--worker", "jordan.ellis@council.example", stdout=StringIO(), stderr=StringIO(),
        )  # fmt: skip
    assert ChatImport.objects.count() == 0
