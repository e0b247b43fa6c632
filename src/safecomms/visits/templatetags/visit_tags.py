"""Template tags for showing a child's virtual visit assessment on other pages."""

from __future__ import annotations

from django import template
from django.urls import reverse
from django.utils.html import format_html
from django.utils.safestring import SafeString

from safecomms.cases.models import Child
from safecomms.visits.selectors import status_for_case_page

register = template.Library()


@register.simple_tag
def visit_assessment_status(child: Child) -> SafeString:
    """The assessment's status as a tag and a sentence, with a link to the assessment page."""
    tag, colour, sentence = status_for_case_page(child)
    return format_html(
        '<p class="govuk-body"><strong class="govuk-tag {}">{}</strong> {} '
        '<a class="govuk-link" href="{}">Virtual visit assessment</a></p>',
        colour,
        tag,
        sentence,
        reverse("visits:assessment", args=[child.pk]),
    )
