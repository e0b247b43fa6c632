"""Importing a WhatsApp export in a real browser: upload, check the preview, confirm, see the
records, and confirm the conversation was cleared from the phone. axe-core runs on every page."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from safecomms.cases.models import ContactPoint
from safecomms.communications.models import Communication
from safecomms.imports.models import DeletionTask
from tests import factories
from tests.browser.helpers import UI
from tests.imports.conftest import whatsapp_zip

pytestmark = pytest.mark.browser


@pytest.fixture
def case(transactional_db: Any, settings: Any, tmp_path: Path) -> dict[str, Any]:
    # Before the live server starts (the test asks for this fixture first).
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(tmp_path / "media")},
        },
    }
    worker = factories.UserFactory(full_name="Jordan Ellis")
    team = factories.TeamFactory(name="North Locality Team")
    factories.MembershipFactory(user=worker, team=team)
    child = factories.ChildFactory(first_name="Kai", last_name="Walker", person_id="1234567")
    factories.AllocationFactory(child=child, worker=worker, team=team)
    mother = factories.CasePersonFactory(child=child, full_name="Dawn Walker", aliases="Dee")
    ContactPoint.objects.create(person=mother, kind="phone", value="+447700900123")
    export = tmp_path / "WhatsApp Chat with Kai.zip"
    export.write_bytes(whatsapp_zip())
    return {"worker": worker, "child": child, "export": export}


def test_import_a_whatsapp_export_and_clear_the_phone(case: dict[str, Any], ui: UI) -> None:
    child = case["child"]
    ui.sign_in(case["worker"])
    ui.goto(f"/cases/{child.pk}/")
    ui.check("Kai Walker")
    ui.page.get_by_role("link", name="Import a chat export").click()
    ui.check("Import a chat export")

    # Nothing chosen: the error summary says what to do.
    ui.press("Upload and preview")
    assert ui.error_summary() == ["Select the chat export file"]
    ui.check("Import a chat export")

    ui.page.get_by_label("Upload the chat export").set_input_files(str(case["export"]))
    ui.press("Upload and preview")
    ui.check("Check the chat export before importing it")
    assert ui.page.get_by_label("Who is “Kai”?").input_value() == "child"
    assert ui.page.get_by_label("Who is “Jordan Ellis”?").input_value() == "worker"
    dee = ui.page.get_by_label("Who is “Dee”?")
    assert dee.locator("option:checked").inner_text() == "Dawn Walker (Mother)"
    messages = ui.page.locator("table").last.inner_text()
    assert "Can we move the visit to Thursday?" in messages
    assert "IMG-20240112-WA0001.jpg" in messages
    ui.screenshot("import-preview")

    ui.press("Import 6 messages to the case")
    ui.check("Chat export imported")
    assert "6 messages recorded on the case" in ui.page.locator(".govuk-panel").inner_text()
    assert Communication.objects.filter(child=child).count() == 6
    ui.screenshot("import-done")

    ui.page.get_by_role("link", name="See the records on the case").click()
    ui.check()
    assert "Can we move the visit" in ui.page.locator("main").inner_text()

    ui.goto("/")
    ui.check("Hello, Jordan")
    banner = ui.page.locator(".govuk-notification-banner", has_text="imported conversation")
    assert "Kai Walker's case" in banner.inner_text()
    banner.get_by_role("link").click()
    ui.check("Confirm you have cleared this conversation from the device")
    ui.press("Confirm")
    assert ui.error_summary() == ["Confirm you have cleared the conversation from the phone or app"]
    ui.check("Confirm you have cleared this conversation from the device")
    ui.page.get_by_label("I have cleared this conversation from the phone or app").check()
    ui.press("Confirm")
    ui.check("Kai Walker")
    assert (
        "You have confirmed the conversation is cleared"
        in ui.page.locator(".govuk-notification-banner").first.inner_text()
    )
    assert DeletionTask.objects.get().confirmed_at is not None
