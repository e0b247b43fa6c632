"""The policy register page and acknowledging the current guidance."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.html import format_html
from django.views.decorators.http import require_POST

from safecomms.guidance import services
from safecomms.guidance.selectors import acknowledgement_of
from safecomms.policy import Rule, current_version
from safecomms.web.access import SIGNED_IN, guard
from safecomms.web.components import summary_list


def _rule_card(rule: Rule) -> dict[str, Any]:
    params = summary_list(
        [
            ("Rule id", format_html("<code>{}</code>", rule.id)),
            ("What it asks", rule.paraphrase),
            ("Severity", rule.severity.value),
            ("Where SafeComms applies it", ", ".join(rule.enforced_in)),
        ]
    )
    params["card"] = {"title": {"text": rule.title, "headingLevel": 3}}
    params["attributes"] = {"id": f"rule-{rule.id}"}
    return params


@guard(SIGNED_IN)
def register(request: HttpRequest) -> HttpResponse:
    version = current_version()
    context = {
        "version": version,
        "sections": [
            (section, heading, [_rule_card(rule) for rule in rules])
            for section, heading, rules in version.sections()
        ],
        "past_review": version.is_past_review(timezone.localdate()),
        "acknowledgement": acknowledgement_of(request.user, version.version),  # type: ignore[arg-type]
    }
    return render(request, "guidance/register.html", context)


@require_POST
@guard(SIGNED_IN)
def acknowledge(request: HttpRequest) -> HttpResponse:
    services.guidance_acknowledge(user=request.user, request=request)  # type: ignore[arg-type]
    messages.success(
        request,
        f"Thank you. You have confirmed you have read version {current_version().version} of the guidance.",
    )
    return redirect("guidance:register")
