"""Template tags for SafeComms pages."""

from __future__ import annotations

from typing import Any

from django import template
from django.utils.safestring import SafeString, mark_safe

from safecomms.web.components import render_component

register = template.Library()


@register.simple_tag
def component(name: str, **params: Any) -> SafeString:
    """Render a GOV.UK component: `{% component "tag" text="Overdue" classes="govuk-tag--red" %}`."""
    return render_component(name, params)


@register.simple_tag
def component_params(name: str, params: dict[str, Any]) -> SafeString:
    """Render a GOV.UK component from a dict built in the view."""
    return render_component(name, params)


@register.filter
def rule_link(rule_id: str) -> str:
    """The register page anchor for a rule id, so every citation can be followed."""
    return f"/guidance/#rule-{rule_id}"


@register.simple_tag
def message_banners(messages: Any) -> SafeString:
    """One notification banner per flash message, each with its own heading id."""
    banners = []
    for number, message in enumerate(messages, start=1):
        success = "success" in message.tags
        banners.append(
            render_component(
                "notification-banner",
                {
                    "text": str(message),
                    "type": "success" if success else None,
                    "titleText": "Success" if success else "Important",
                    "titleId": f"message-{number}-title",
                },
            )
        )
    return mark_safe("".join(banners))
