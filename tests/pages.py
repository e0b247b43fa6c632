"""Page checks applied to every page a test renders, like a careful reviewer would.

Each HTML page must parse as valid HTML5, have a title, unique ids, forms with an action, every
script carrying the CSP nonce, and labels pointing at real controls.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

import html5lib
from django.http import HttpResponse
from django.test import Client
from django.test.client import Client as TestClient
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.ids: list[str] = []
        self.title = ""
        self._in_title = False
        self.forms: list[dict[str, str | None]] = []
        self.scripts: list[dict[str, str | None]] = []
        self.label_targets: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if values.get("id"):
            self.ids.append(values["id"] or "")
        if tag == "title":
            self._in_title = True
        elif tag == "form":
            self.forms.append(values)
        elif tag == "script":
            self.scripts.append(values)
        elif tag == "label" and values.get("for"):
            self.label_targets.append(values["for"] or "")

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title += data


def check_page(response: HttpResponse) -> _Collector:
    """Assert the page is well made; returns what was found for further assertions."""
    content_type = response.get("Content-Type", "")
    assert content_type.startswith("text/html"), content_type
    html = response.content.decode()
    html5lib.HTMLParser(strict=True).parse(html)
    found = _Collector()
    found.feed(html)
    assert found.title.strip(), "page has no title"
    assert " – SafeComms" in found.title, found.title
    duplicates = {i for i in found.ids if found.ids.count(i) > 1}
    assert not duplicates, f"duplicate ids: {duplicates}"
    for form in found.forms:
        assert form.get("action"), f"form without action: {form}"
    policy = response.get("Content-Security-Policy", "")
    assert policy, "no Content-Security-Policy header"
    nonce_match = re.search(r"'nonce-([^']+)'", policy)
    for script in found.scripts:
        assert nonce_match and script.get("nonce") == nonce_match.group(1), (
            f"script without nonce: {script}"
        )
    for target in found.label_targets:
        assert target in found.ids, f"label for missing control #{target}"
    return found


class PageChecker:
    """A test client whose HTML responses are all checked by `check_page`."""

    def __init__(self, client: TestClient) -> None:
        self.client = client

    def get(self, url: str, status: int = 200, **kwargs: object) -> HttpResponse:
        response = self.client.get(url, **kwargs)  # type: ignore[arg-type]
        assert response.status_code == status, (url, response.status_code, response.get("Location"))
        if status == 200:
            check_page(response)
        return response

    def post(
        self, url: str, data: dict[str, object], status: int = 302, **kwargs: object
    ) -> HttpResponse:
        response = self.client.post(url, data, **kwargs)  # type: ignore[arg-type]
        assert response.status_code == status, (url, response.status_code, response.get("Location"))
        if status == 200:
            check_page(response)
        return response


def sign_in(client: Client, user: object) -> None:
    """Sign in as the user, with two-step verification passed where their role needs it."""
    client.force_login(user)  # type: ignore[arg-type]
    if (
        getattr(user, "must_use_two_step", False)
        or TOTPDevice.objects.filter(user=user, confirmed=True).exists()
    ):
        device = TOTPDevice.objects.filter(
            user=user, confirmed=True
        ).first() or TOTPDevice.objects.create(
            user=user,
            name="Test app",
            confirmed=True,  # type: ignore[misc]
        )
        session = client.session
        session[DEVICE_ID_SESSION_KEY] = device.persistent_id
        session.save()
