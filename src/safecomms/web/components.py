"""Render GOV.UK Frontend components through the maintained govuk-frontend-jinja macros.

Templates use `{% component "button" text="Save" %}`; Python code (forms, tables) calls
`render_component`. One cached Jinja environment serves every page, so each macro is compiled once.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from django.utils.safestring import SafeString, mark_safe
from jinja2 import Environment, PackageLoader, PrefixLoader, Template, select_autoescape

_MACROS = {
    "back-link": "govukBackLink",
    "breadcrumbs": "govukBreadcrumbs",
    "button": "govukButton",
    "character-count": "govukCharacterCount",
    "checkboxes": "govukCheckboxes",
    "date-input": "govukDateInput",
    "details": "govukDetails",
    "error-message": "govukErrorMessage",
    "error-summary": "govukErrorSummary",
    "fieldset": "govukFieldset",
    "file-upload": "govukFileUpload",
    "footer": "govukFooter",
    "input": "govukInput",
    "inset-text": "govukInsetText",
    "notification-banner": "govukNotificationBanner",
    "pagination": "govukPagination",
    "panel": "govukPanel",
    "password-input": "govukPasswordInput",
    "phase-banner": "govukPhaseBanner",
    "radios": "govukRadios",
    "select": "govukSelect",
    "service-navigation": "govukServiceNavigation",
    "skip-link": "govukSkipLink",
    "summary-list": "govukSummaryList",
    "table": "govukTable",
    "tabs": "govukTabs",
    "tag": "govukTag",
    "task-list": "govukTaskList",
    "textarea": "govukTextarea",
    "warning-text": "govukWarningText",
}


@cache
def _environment() -> Environment:
    loader = PrefixLoader({"govuk_frontend_jinja": PackageLoader("govuk_frontend_jinja")})
    return Environment(loader=loader, autoescape=select_autoescape(default=True))


@cache
def _template(name: str) -> Template:
    macro = _MACROS[name]
    source = (
        f"{{%- from 'govuk_frontend_jinja/components/{name}/macro.html' import {macro} -%}}"
        f"{{{{ {macro}(params) }}}}"
    )
    return _environment().from_string(source)


def _without_nones(value: Any) -> Any:
    if isinstance(value, dict):
        return {key: _without_nones(item) for key, item in value.items() if item is not None}
    if isinstance(value, list | tuple):
        return [_without_nones(item) for item in value]
    if isinstance(value, SafeString):
        return value
    return value


def render_component(name: str, params: dict[str, Any]) -> SafeString:
    """HTML for one GOV.UK component; `html` values must already be escaped by the caller."""
    if name not in _MACROS:
        raise ValueError(f"unknown GOV.UK component {name!r}")
    return mark_safe(_template(name).render(params=_without_nones(params)))


def _cell(value: Any) -> dict[str, Any]:
    if isinstance(value, dict):
        return value
    if isinstance(value, SafeString):
        return {"html": str(value)}
    return {"text": "" if value is None else str(value)}


def table(
    *, caption: str, head: list[str], rows: list[list[Any]], caption_size: str = "m"
) -> dict[str, Any]:
    """Parameters for the table component; cells are text, escaped HTML, or a cell dict."""
    return {
        "caption": caption,
        "captionClasses": f"govuk-table__caption--{caption_size}",
        "firstCellIsHeader": True,
        "head": [
            {"text": heading}
            if heading
            else {"html": '<span class="govuk-visually-hidden">Actions</span>'}
            for heading in head
        ],
        "rows": [[_cell(value) for value in row] for row in rows],
    }


def summary_list(rows: list[tuple[str, Any]]) -> dict[str, Any]:
    """Parameters for a summary list of (key, value) pairs; values as in `table`."""
    return {"rows": [{"key": {"text": key}, "value": _cell(value)} for key, value in rows]}
