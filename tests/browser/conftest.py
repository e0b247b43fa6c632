"""Browser tests: the real pages in headless Chromium, with axe-core run on every page visited.

Chromium is Debian's package (`apt-get install chromium`), never a downloaded build. Every test
here is marked `browser`; `scripts/test.sh` runs them with `-m browser` only where Chromium is
installed. Each test gets its own browser context with `bypass_csp=True`, so axe-core can be
injected inline; `test_security.py` proves the Content-Security-Policy holds without it.

The audit checkpoint goes to `tmp_path` through the suite-wide fixture in `tests/conftest.py`.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.browser.helpers import CHROMIUM_ARGS, UI, chromium_path, open_tab

HERE = Path(__file__).resolve().parent


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Every test under tests/browser is a browser test, even one whose module forgets to say so.

    Runs before `-m` selects, so `-m "not browser"` never starts Chromium.
    """
    for item in items:
        if HERE in item.path.resolve().parents:
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    path = chromium_path()
    if path is None:
        pytest.skip("Debian's chromium is not installed (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    # Playwright's sync API keeps an event loop running in this thread, and Django refuses
    # database queries from a thread with a running loop unless told otherwise. Only while the
    # browser runs, so the rest of the suite keeps Django's check.
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as playwright:
            launched = playwright.chromium.launch(
                executable_path=path, headless=True, args=CHROMIUM_ARGS
            )
            yield launched
            launched.close()
    finally:
        if previous is None:
            del os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"]
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture(autouse=True)
def _plain_static_files(settings: Any) -> None:
    """Serve static files by their plain names in live_server.

    `CompressedManifestStaticFilesStorage` would give hashed URLs that only exist in STATIC_ROOT,
    while live_server serves `/static/` from the finders (the source files): with plain storage the
    pages load exactly the CSS and JavaScript in the source tree.
    """
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


@pytest.fixture
def context(browser: Any, live_server: Any) -> Iterator[Any]:
    context = browser.new_context(
        bypass_csp=True, base_url=live_server.url, viewport={"width": 1280, "height": 900}
    )
    context.set_default_timeout(10_000)
    yield context
    context.close()


@pytest.fixture
def ui(context: Any, live_server: Any) -> UI:
    return open_tab(context, live_server.url)
