"""What the browser tests share: a checked browser tab (`UI`), axe-core, and two-step codes."""

from __future__ import annotations

import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests import factories

ROOT = Path(__file__).resolve().parents[2]
AXE_PATH = ROOT / "node_modules" / "axe-core" / "axe.min.js"
# Screenshots of key pages for people to look at (not compared): /tmp/screens/*.png.
SCREENS = Path(tempfile.gettempdir()) / "screens"
AXE_OPTIONS = {
    "runOnly": {
        "type": "tag",
        "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"],
    }
}
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
    "--disable-quic",
]
# A known TOTP key (hex, as django-otp stores it) for staff who use two-step verification.
TOTP_KEY = "3132333435363738393031323334353637383930"


def chromium_path() -> str | None:
    return shutil.which("chromium")


def format_violations(url: str, violations: list[dict[str, Any]]) -> str:
    lines = [f"axe-core found {len(violations)} violation(s) on {url}:"]
    for violation in violations:
        lines.append(
            f"- {violation['id']} ({violation.get('impact')}): {violation['help']}"
            f" [{violation.get('helpUrl', '')}]"
        )
        for node in violation["nodes"]:
            lines.append(f"    target {node['target']}: {node['html'][:200]}")
            summary = node.get("failureSummary")
            if summary:
                lines.append("      " + summary.replace("\n", "\n      "))
    return "\n".join(lines)


# Violations accepted on purpose, as (axe rule id, CSS selector of the element the failing node is
# in or is), each with its reason. test_page_furniture.py runs axe without this filter on the
# pages whose furniture once broke it.
KNOWN_VIOLATIONS: list[tuple[str, str]] = [
    # Accepted, not a bug: the Design System puts the back link before <main>, so that the skip
    # link skips it, and has decided to keep it there although axe's best-practice "region" rule
    # flags it (alphagov/govuk-frontend#6460, alphagov/govuk-design-system#5024).
    ("region", ".govuk-back-link"),
]

_AXE_RUN = """
async ({options, known}) => {
  const result = await axe.run(document, options);
  const isKnown = (rule, node) => known.some(([id, within]) => {
    const element = node.target.length === 1 ? document.querySelector(node.target[0]) : null;
    return id === rule && element !== null && element.closest(within) !== null;
  });
  return result.violations
    .map((v) => ({...v, nodes: v.nodes.filter((node) => !isKnown(v.id, node))}))
    .filter((v) => v.nodes.length > 0);
}
"""


def run_axe(page: Any, *, include_known: bool = False) -> list[dict[str, Any]]:
    """Run axe-core on the page as it is now; return its violations (less the known ones)."""
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.add_script_tag(content=AXE_PATH.read_text(encoding="utf-8"))
    known = [] if include_known else KNOWN_VIOLATIONS
    return list(page.evaluate(_AXE_RUN, {"options": AXE_OPTIONS, "known": known}))


@dataclass
class UI:
    """One person's browser tab on the live server, checking every page it lands on."""

    page: Any
    base_url: str
    console_errors: list[str] = field(default_factory=list)
    checked: list[str] = field(default_factory=list)

    def url(self, path: str) -> str:
        return self.base_url + path

    @property
    def path(self) -> str:
        return str(self.page.url).removeprefix(self.base_url)

    def goto(self, path: str) -> Any:
        response = self.page.goto(self.url(path))
        assert response is not None
        assert response.status == 200, (path, response.status)
        return response

    def check(self, heading: str | None = None) -> None:
        """The page has a title, the expected h1, no console errors and no axe violations."""
        self.page.wait_for_load_state("load")
        title = self.page.title()
        assert title.endswith(" – SafeComms"), title
        if heading is not None:
            h1 = self.page.locator("main h1").first.inner_text().strip()
            assert h1 == heading, (self.path, h1)
        assert not self.console_errors, (self.path, self.console_errors)
        violations = run_axe(self.page)
        assert not violations, format_violations(self.path, violations)
        self.checked.append(self.path)

    def screenshot(self, name: str) -> None:
        SCREENS.mkdir(parents=True, exist_ok=True)
        self.page.screenshot(path=str(SCREENS / f"{name}.png"), full_page=True)

    def fill(self, label: str, value: str) -> None:
        self.page.get_by_label(label, exact=True).fill(value)

    def fill_date(self, legend: str, day: int, month: int, year: int) -> None:
        group = self.page.get_by_role("group", name=legend)
        group.get_by_label("Day").fill(str(day))
        group.get_by_label("Month").fill(str(month))
        group.get_by_label("Year").fill(str(year))

    def choose(self, legend: str, option: str) -> None:
        self.page.get_by_role("group", name=legend).get_by_label(option, exact=True).check()

    def select(self, label: str, option: str) -> None:
        self.page.get_by_label(label, exact=True).select_option(label=option)

    def press(self, button: str) -> None:
        self.page.get_by_role("button", name=button, exact=True).click()
        self.page.wait_for_load_state("load")

    def error_summary(self) -> list[str]:
        summary = self.page.locator(".govuk-error-summary")
        assert summary.is_visible(), f"no error summary on {self.path}"
        return [text.strip() for text in summary.locator("li").all_inner_texts()]

    def sign_in(self, user: Any, *, two_step_key: str | None = None) -> None:
        """Sign in through the sign-in page, and the two-step page where the user has a device."""
        self.goto("/sign-in/")
        self.check("Sign in to SafeComms")
        self.fill("Work e-mail address", user.email)
        self.fill("Password", factories.PASSWORD)
        self.press("Sign in")
        if two_step_key is not None:
            assert self.path.startswith("/two-step/"), self.path
            self.check("Enter your two-step verification code")
            self.fill("Code from your authenticator app", current_code(two_step_key))
            self.press("Continue")
        assert self.path == "/", self.path


def current_code(key: str) -> str:
    return f"{totp(bytes.fromhex(key)):06d}"


def confirmed_device(user: Any, key: str = TOTP_KEY) -> TOTPDevice:
    return TOTPDevice.objects.create(user=user, name="Authenticator app", key=key, confirmed=True)


def open_tab(context: Any, base_url: str) -> UI:
    """A new tab that records console errors and uncaught exceptions for `UI.check`."""
    page = context.new_page()
    tab = UI(page=page, base_url=base_url)

    def on_console(message: Any) -> None:
        if message.type == "error":
            tab.console_errors.append(message.text)

    page.on("console", on_console)
    page.on("pageerror", lambda error: tab.console_errors.append(str(error)))
    return tab
