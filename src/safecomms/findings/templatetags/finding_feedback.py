"""Tags for `findings/_finding_feedback.html`, the feedback form a record page shows per finding."""

from __future__ import annotations

from typing import Any

from django import template
from django.template.loader import render_to_string
from django.utils.safestring import SafeString, mark_safe

from safecomms.findings.forms import DismissalForm
from safecomms.findings.models import FindingDismissal

register = template.Library()


@register.simple_tag
def dismissal_of(dismissals: dict[int, FindingDismissal], finding: Any) -> Any:
    """The finding's dismissal from `dismissals_for(findings)`, or None."""
    return dismissals.get(finding.pk)


@register.simple_tag(takes_context=True)
def dismissal_form(context: template.Context, finding: Any) -> SafeString:
    """The small form that marks one finding as a false positive, posting to its own page."""
    request = context.get("request")
    form = DismissalForm(auto_id=f"finding-{finding.pk}-%s")
    html = render_to_string(
        "findings/_dismissal_form.html",
        {"form": form, "finding": finding, "next": request.get_full_path() if request else ""},
        request=request,
    )
    return mark_safe(html)
