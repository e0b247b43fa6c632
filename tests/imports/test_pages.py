"""The import pages as a practitioner uses them, each checked by the `pages` fixture."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from safecomms.communications.models import Communication
from safecomms.imports.models import ChatImport, DeletionTask, ImportStatus
from tests.imports.conftest import CHAT, stored_files, whatsapp_zip
from tests.pages import sign_in

pytestmark = pytest.mark.django_db


def _upload(pages: Any, child_id: int, data: bytes, name: str, status: int = 302) -> Any:
    return pages.post(
        reverse("imports:upload", args=[child_id]),
        {
            "file": SimpleUploadedFile(name, data),
            "time_zone": "Europe/London",
            "date_order": "auto",
            "account_identifier": "",
        },
        status=status,
    )


def test_upload_preview_confirm_and_clear_the_device(
    client: Any, pages: Any, case_world: dict[str, Any], media: Any
) -> None:
    child = case_world["child"]
    sign_in(client, case_world["worker"])
    case_page = pages.get(reverse("cases:detail", args=[child.pk])).content.decode()
    assert reverse("imports:upload", args=[child.pk]) in case_page
    form = pages.get(reverse("imports:upload", args=[child.pk])).content.decode()
    assert "Import a chat export" in form and "Europe/London (UK time)" in form
    response = _upload(pages, child.pk, whatsapp_zip(), "WhatsApp Chat with Kai.zip")
    chat_import = ChatImport.objects.get()
    assert response["Location"] == reverse("imports:preview", args=[child.pk, chat_import.pk])
    preview = pages.get(response["Location"]).content.decode()
    assert "Who is “Kai”?" in preview
    assert "because the first name matches Kai Walker on the case register" in preview
    assert "Import 6 messages to the case" in preview
    assert "Can we move the visit to Thursday?" in preview
    assert "IMG-20240112-WA0001.jpg" in preview
    assert "Person" in preview  # a screening finding is shown
    data = {f"sender_{n}": s["suggested"] for n, s in enumerate(chat_import.senders, start=1)}
    response = pages.post(response["Location"], data)
    status_url = reverse("imports:status", args=[child.pk, chat_import.pk])
    assert response["Location"] == status_url
    done = pages.get(status_url).content.decode()
    assert "Import complete" in done and "6 messages recorded on the case" in done
    assert "confirm you have cleared it" in done
    assert Communication.objects.filter(child=child).count() == 6
    # The task shows on the home page and the case page until it is done.
    assert "Confirm you have cleared an imported conversation" in pages.get("/").content.decode()
    assert "Confirm you have cleared an imported conversation" in (
        pages.get(reverse("cases:detail", args=[child.pk])).content.decode()
    )
    clear_url = reverse("imports:deletion", args=[child.pk, chat_import.pk])
    page = pages.get(clear_url).content.decode()
    assert "How to clear it" in page
    refused = pages.post(clear_url, {}, status=200).content.decode()
    assert "Confirm you have cleared the conversation from the phone or app" in refused
    pages.post(clear_url, {"cleared": "on"})
    assert DeletionTask.objects.get().confirmed_at is not None
    assert "Confirm you have cleared" not in pages.get("/").content.decode()
    assert "You confirmed this on" in pages.get(clear_url).content.decode()


def test_a_refused_file_is_explained_on_the_form(
    client: Any, pages: Any, case_world: dict[str, Any], media: Any
) -> None:
    child = case_world["child"]
    sign_in(client, case_world["worker"])
    page = _upload(pages, child.pk, b"Dear diary\n", "diary.txt", status=200).content.decode()
    assert "There is a problem" in page
    assert "This file is not a WhatsApp chat export" in page
    assert ChatImport.objects.count() == 0 and stored_files(media) == []


def test_an_oversize_upload_is_stopped_as_it_arrives(
    client: Any, pages: Any, case_world: dict[str, Any], media: Any, settings: Any
) -> None:
    settings.SAFECOMMS_MAX_UPLOAD_BYTES = 2048
    child = case_world["child"]
    sign_in(client, case_world["worker"])
    page = _upload(pages, child.pk, CHAT.encode() * 20, "chat.txt", status=200).content.decode()
    assert "The selected file must be smaller than 2 KB" in page, page[
        page.find("govuk-error-summary") :
    ][:800]
    assert ChatImport.objects.count() == 0 and stored_files(media) == []


def test_a_mapping_without_the_worker_is_refused_on_the_page(
    client: Any, pages: Any, case_world: dict[str, Any], media: Any
) -> None:
    child = case_world["child"]
    sign_in(client, case_world["worker"])
    preview_url = _upload(pages, child.pk, whatsapp_zip(), "chat.zip")["Location"]
    chat_import = ChatImport.objects.get()
    data = {f"sender_{n}": "other" for n in range(1, len(chat_import.senders) + 1)}
    page = pages.post(preview_url, data, status=200).content.decode()
    assert "Choose which sender is Jordan Ellis" in page
    assert Communication.objects.count() == 0


def test_preview_pages_through_long_exports(
    client: Any, pages: Any, case_world: dict[str, Any], media: Any
) -> None:
    child = case_world["child"]
    lines = "".join(
        f"12/01/2024, {9 + n // 60:02d}:{n % 60:02d} - Jordan Ellis: message {n}\n"
        for n in range(120)
    )
    sign_in(client, case_world["worker"])
    preview_url = _upload(pages, child.pk, lines.encode(), "long.txt")["Location"]
    first = pages.get(preview_url).content.decode()
    assert "Messages 1 to 50 of 120" in first and "message 49" in first
    third = pages.get(preview_url + "?page=3").content.decode()
    assert "Messages 101 to 120 of 120" in third and "message 119" in third


def test_cancel_an_import(client: Any, pages: Any, case_world: dict[str, Any], media: Any) -> None:
    child = case_world["child"]
    sign_in(client, case_world["worker"])
    _upload(pages, child.pk, whatsapp_zip(), "chat.zip")
    chat_import = ChatImport.objects.get()
    cancel_url = reverse("imports:cancel", args=[child.pk, chat_import.pk])
    assert "Cancel this import" in pages.get(cancel_url).content.decode()
    pages.post(cancel_url, {})
    chat_import.refresh_from_db()
    assert chat_import.status == ImportStatus.CANCELLED
    assert stored_files(media) == []
    status = pages.get(reverse("imports:status", args=[child.pk, chat_import.pk]))
    assert "Nothing was recorded on the case" in status.content.decode()
    listing = pages.get(reverse("imports:upload", args=[child.pk])).content.decode()
    assert "Earlier imports on this case" in listing and "Cancelled" in listing


def test_a_failed_import_says_why(
    client: Any, pages: Any, case_world: dict[str, Any], media: Any
) -> None:
    child = case_world["child"]
    sign_in(client, case_world["worker"])
    preview_url = _upload(pages, child.pk, whatsapp_zip(), "chat.zip")["Location"]
    chat_import = ChatImport.objects.get()
    (media / chat_import.file.name).unlink()  # the staged file has gone
    assert "no longer available" in pages.get(preview_url).content.decode()
    data = {f"sender_{n}": s["suggested"] for n, s in enumerate(chat_import.senders, start=1)}
    pages.post(preview_url, data)
    page = pages.get(reverse("imports:status", args=[child.pk, chat_import.pk])).content.decode()
    assert "The chat export was not imported" in page and "no longer available" in page


def test_the_progress_page_while_importing(
    client: Any, pages: Any, case_world: dict[str, Any], media: Any
) -> None:
    from safecomms.imports.progress import progress_clear, progress_report

    child = case_world["child"]
    sign_in(client, case_world["worker"])
    _upload(pages, child.pk, whatsapp_zip(), "chat.zip")
    chat_import = ChatImport.objects.get()
    ChatImport.objects.filter(pk=chat_import.pk).update(status=ImportStatus.IMPORTING)
    progress_report(chat_import.pk, stage="recording", done=30, total=40)
    try:
        page = pages.get(reverse("imports:status", args=[child.pk, chat_import.pk]))
        html = page.content.decode()
        assert 'value="75"' in html and "Recording messages on the case" in html
        assert "/static/imports/progress." in html
        api = client.get(
            reverse(
                "api:get_chat_import", kwargs={"child_id": child.pk, "import_id": chat_import.pk}
            )
        ).json()
        assert api["status"] == "importing" and api["progress_percent"] == 75
    finally:
        progress_clear(chat_import.pk)


def test_the_preview_needs_a_bounded_number_of_queries(
    client: Any, case_world: dict[str, Any], media: Any, django_assert_max_num_queries: Any
) -> None:
    child = case_world["child"]
    lines = "".join(
        f"{1 + n // 600:02d}/01/2024, {8 + (n % 600) // 60:02d}:{n % 60:02d} - Jordan Ellis: m{n}\n"
        for n in range(1200)
    )
    sign_in(client, case_world["worker"])
    response = client.post(
        reverse("imports:upload", args=[child.pk]),
        {
            "file": SimpleUploadedFile("long.txt", lines.encode()),
            "time_zone": "Europe/London",
            "date_order": "auto",
        },
    )
    with django_assert_max_num_queries(40):
        assert client.get(response["Location"]).status_code == 200
