"""Reads about staff and teams."""

from __future__ import annotations

from django.db.models import Count, Prefetch, Q, QuerySet
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from safecomms.staff.models import AccessToken, Team, TeamMembership, User


def has_confirmed_device(user: User) -> bool:
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def current_team_ids(user: User) -> set[int]:
    """Teams the person belongs to today, whether as a member or as a manager."""
    member = TeamMembership.objects.current().filter(user=user).values_list("team_id", flat=True)
    managed = Team.objects.filter(managers=user).values_list("id", flat=True)
    return set(member) | set(managed)


def managed_teams(user: User) -> QuerySet[Team]:
    today = timezone.localdate()
    return (
        Team.objects.filter(managers=user)
        .annotate(
            open_allocations=Count(
                "allocations",
                filter=Q(allocations__start_date__lte=today)
                & (Q(allocations__end_date__isnull=True) | Q(allocations__end_date__gte=today)),
            )
        )
        .order_by("name")
    )


def team_members(team: Team) -> QuerySet[TeamMembership]:
    return (
        TeamMembership.objects.current()
        .filter(team=team)
        .select_related("user", "user__line_manager")
        .prefetch_related(Prefetch("user__staff_roles"))
        .order_by("user__full_name")
    )


def tokens_of(user: User) -> QuerySet[AccessToken]:
    return AccessToken.objects.filter(owner=user).order_by("-created_at")


def current_teams(user: User) -> QuerySet[Team]:
    return Team.objects.filter(pk__in=current_team_ids(user)).order_by("name")
