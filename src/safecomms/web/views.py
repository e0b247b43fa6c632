"""Site-wide pages: the home page and the accessibility statement."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.templatetags.static import static
from django.urls import reverse
from django.utils.html import format_html

from safecomms.cases.access import readable_children
from safecomms.guidance.selectors import acknowledgement_of
from safecomms.imports.presentation import deletion_tasks_banner
from safecomms.policy import current_version
from safecomms.staff.models import Role
from safecomms.staff.selectors import has_confirmed_device
from safecomms.web.access import PUBLIC, guard


@guard(PUBLIC)
def home(request: HttpRequest) -> HttpResponse:
    if not request.user.is_authenticated:
        return redirect("staff:sign-in")
    user = request.user
    version = current_version()
    context = {
        "case_count": readable_children(user).count(),
        "acknowledged": acknowledgement_of(user, version.version) is not None,
        "version": version,
        "two_step_on": has_confirmed_device(user),
        "is_manager": user.has_role(Role.TEAM_MANAGER),
        "deletion_tasks_html": deletion_tasks_banner(user),
        "ack_banner": format_html(
            '<p class="govuk-notification-banner__heading">Read version {} of the online safety guidance.</p>'
            '<p class="govuk-body"><a class="govuk-notification-banner__link" href="{}">Read and confirm</a></p>',
            version.version,
            reverse("guidance:register"),
        ),
    }
    return render(request, "web/home.html", context)


@guard(PUBLIC)
def favicon(request: HttpRequest) -> HttpResponse:
    """Browsers ask for /favicon.ico on pages that do not name an icon, such as the admin site."""
    return redirect(static("govuk-frontend/assets/images/favicon.ico"), permanent=True)


@guard(PUBLIC)
def accessibility(request: HttpRequest) -> HttpResponse:
    return render(request, "web/accessibility.html")
