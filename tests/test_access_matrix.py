"""Every route and API operation, for every kind of person: who gets in and who does not.

The matrix below is the specification of access. The test fails if a route exists without an
expectation here, if an expectation names a route that no longer exists, or if any answer differs.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from typing import Any

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone

from safecomms.staff.models import Role
from safecomms.staff.services import access_token_create
from tests.access_vocabulary import (
    ACTORS,
    CASE,
    CASE_MANAGERS,
    CASE_READERS,
    SIGNED_IN,
    TEAM_MANAGERS,
    Expect,
    allow,
    app_access_modules,
)
from tests.factories import (
    AllocationFactory,
    ChildFactory,
    MembershipFactory,
    TeamFactory,
    UserFactory,
)
from tests.pages import sign_in

PERSON = {"name": "Jo Bloggs", "full_name": "Jo Bloggs", "relationship": "mother"}

MATRIX: dict[str, Expect] = {
    "web:home": allow(SIGNED_IN),
    "web:accessibility": allow(ACTORS),
    "web:favicon": allow(ACTORS),
    "staff:sign-in": allow(ACTORS),
    "staff:sign-out": allow(ACTORS),
    "staff:two-step-verify": allow(SIGNED_IN),
    "staff:two-step-setup": allow(SIGNED_IN),
    "staff:account": allow(SIGNED_IN),
    "staff:token-revoke": allow(
        "worker", method="post", kwargs=lambda w: {"token_id": w["token"].pk}
    ),
    "staff:teams": allow(TEAM_MANAGERS),
    "staff:team-detail": allow("manager", kwargs=lambda w: {"team_id": w["team"].pk}),
    "cases:mine": allow(SIGNED_IN),
    "cases:create": allow(TEAM_MANAGERS),
    "cases:import": allow(TEAM_MANAGERS),
    "cases:detail": allow(CASE_READERS, **CASE),
    "cases:person-add": allow(CASE_MANAGERS, **CASE),
    "cases:contact-add": allow(CASE_MANAGERS, **CASE),
    "cases:allocation-add": allow("manager", **CASE),
    "cases:allocation-end": allow(
        "manager",
        kwargs=lambda w: {"child_id": w["child"].pk, "allocation_id": w["allocation"].pk},
    ),
    "guidance:register": allow(SIGNED_IN),
    "guidance:acknowledge": allow(SIGNED_IN, method="post"),
    "api:openapi-json": allow(ACTORS),
    "api:me": allow(SIGNED_IN),
    "api:list_cases": allow(SIGNED_IN),
    "api:get_case": allow(CASE_READERS, **CASE),
    "api:add_person": allow(CASE_MANAGERS, method="post", data=lambda w: PERSON, **CASE),
}

APP_ACCESS = app_access_modules()
for _module in APP_ACCESS:
    MATRIX.update(_module.EXPECTATIONS)

# Names that exist only so other URLs can be built from them; they serve nothing to anybody.
REVERSE_ONLY = {"api:api-root"}
# The admin site is for system administrators only; each of its routes is checked the same way.
ADMIN = allow("sysadmin")


def _walk(patterns: list[Any], namespace: str = "") -> Iterator[tuple[str, URLPattern]]:
    for entry in patterns:
        if isinstance(entry, URLResolver):
            inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            yield from _walk(entry.url_patterns, inner)
        elif isinstance(entry, URLPattern) and entry.name:
            yield f"{namespace}{entry.name}", entry


def all_routes() -> dict[str, URLPattern]:
    return dict(_walk(get_resolver().url_patterns))


@pytest.fixture
def world(db: None) -> dict[str, Any]:
    today = timezone.localdate()
    team = TeamFactory(name="Children's Team North")
    other_team = TeamFactory(name="Children's Team South")
    people: dict[str, Any] = {"team": team}
    people["worker"] = UserFactory(roles=[Role.PRACTITIONER])
    people["colleague"] = UserFactory(roles=[Role.PRACTITIONER])
    people["manager"] = UserFactory(roles=[Role.TEAM_MANAGER])
    people["other_manager"] = UserFactory(roles=[Role.TEAM_MANAGER])
    people["other_practitioner"] = UserFactory(roles=[Role.PRACTITIONER])
    people["former_worker"] = UserFactory(roles=[Role.PRACTITIONER])
    people["leaver"] = UserFactory(roles=[Role.PRACTITIONER], leave_date=today - timedelta(days=1))
    people["hr"] = UserFactory(roles=[Role.HR_BUSINESS_PARTNER])
    people["ig"] = UserFactory(roles=[Role.IG_OFFICER])
    people["ict"] = UserFactory(roles=[Role.ICT_ADMIN])
    people["sysadmin"] = UserFactory(roles=[Role.SYSTEM_ADMIN], is_staff=True)
    team.managers.add(people["manager"])
    other_team.managers.add(people["other_manager"])
    team.hr_business_partner = people["hr"]
    team.save()
    for name in ("worker", "colleague", "manager", "leaver"):
        MembershipFactory(user=people[name], team=team)
    # The former worker has moved to another team, so nothing but the ended allocation links them.
    for name in ("other_manager", "other_practitioner", "former_worker"):
        MembershipFactory(user=people[name], team=other_team)
    child = ChildFactory()
    people["child"] = child
    people["allocation"] = AllocationFactory(child=child, worker=people["worker"], team=team)
    AllocationFactory(child=child, worker=people["leaver"], team=team)
    AllocationFactory(
        child=child,
        worker=people["former_worker"],
        team=team,
        start_date=today - timedelta(days=200),
        end_date=today - timedelta(days=100),
    )
    people["token"], _ = access_token_create(owner=people["worker"], name="report script")
    for module in APP_ACCESS:
        extend = getattr(module, "extend_world", None)
        if extend is not None:
            extend(people)
    return people


def _client_for(actor: str, world: dict[str, Any]) -> Client:
    client = Client()
    if actor != "anonymous":
        sign_in(client, world[actor])
    return client


def _outcome(response: Any, is_api: bool) -> str:
    status = response.status_code
    if status in (401,) or (status == 302 and "/sign-in/" in response.get("Location", "")):
        return "sign-in"
    if status == 302 and "/admin/login/" in response.get("Location", ""):
        return "sign-in"
    if status in (403, 404):
        return "refused"
    if status < 400:
        return "allowed"
    if is_api and status == 422:
        return "allowed"  # got past authorisation to validation
    raise AssertionError(f"unexpected status {status}")


def test_every_route_has_an_expectation() -> None:
    routes = set(all_routes())
    non_admin = {name for name in routes if not name.startswith("admin:")} - REVERSE_ONLY
    assert non_admin - set(MATRIX) == set(), "routes with no access expectation"
    assert set(MATRIX) - routes == set(), "expectations for routes that do not exist"


@pytest.mark.django_db
def test_reverse_only_names_serve_nothing() -> None:
    for name in REVERSE_ONLY:
        assert Client().get(reverse(name)).status_code == 404


def test_every_page_and_operation_declares_its_access_rule() -> None:
    from safecomms.api.urls import api

    for name, pattern in all_routes().items():
        if name.startswith(("admin:", "api:")):
            continue
        assert getattr(pattern.callback, "access_rule", None), f"{name} has no access rule"
    for _, router in api._routers:
        for path, path_view in router.path_operations.items():
            for operation in path_view.operations:
                rule = getattr(operation.view_func, "access_rule", None)
                assert rule, (
                    f"API operation {operation.view_func.__name__} ({path}) has no access rule"
                )


@pytest.mark.parametrize("route", sorted(MATRIX))
def test_access_matches_the_matrix(route: str, world: dict[str, Any]) -> None:
    expect = MATRIX[route]
    url = reverse(route, kwargs=expect.kwargs(world))
    is_api = route.startswith("api:")
    differences = []
    for actor in ACTORS:
        client = _client_for(actor, world)
        if expect.method == "post":
            data = expect.data(world) if expect.data else {}
            if is_api:
                response = client.post(url, data, content_type="application/json")
            else:
                response = client.post(url, data)
        else:
            response = client.get(url)
        outcome = _outcome(response, is_api)
        wanted = (
            "allowed"
            if actor in expect.allowed
            else ("sign-in" if actor in {"anonymous", "leaver"} else "refused")
        )
        if outcome != wanted:
            differences.append(
                f"{actor}: {outcome} (expected {wanted}, status {response.status_code})"
            )
    assert not differences, f"{route} {url}: " + "; ".join(differences)


@pytest.mark.parametrize(
    "route", ["admin:index", "admin:staff_user_changelist", "admin:staff_team_changelist"]
)
def test_admin_is_for_system_administrators_only(route: str, world: dict[str, Any]) -> None:
    url = reverse(route)
    for actor in ACTORS:
        outcome = _outcome(_client_for(actor, world).get(url), is_api=False)
        if actor in ADMIN.allowed:
            assert outcome == "allowed", actor
        else:
            assert outcome != "allowed", actor


def test_admin_holds_no_case_content() -> None:
    from django.contrib import admin

    labels = {model._meta.app_label for model in admin.site._registry}
    assert "cases" not in labels
    assert "audit" not in labels


def test_api_token_gives_the_owner_access_and_nothing_more(world: dict[str, Any]) -> None:
    _, raw = access_token_create(owner=world["colleague"], name="script")
    client = Client()
    headers = {"HTTP_AUTHORIZATION": f"Bearer {raw}"}
    assert (
        client.get(
            reverse("api:get_case", kwargs={"child_id": world["child"].pk}), **headers
        ).status_code
        == 200
    )
    added = client.post(
        reverse("api:add_person", kwargs={"child_id": world["child"].pk}),
        PERSON,
        content_type="application/json",
        **headers,
    )
    assert added.status_code == 403
    assert (
        client.get(reverse("api:me"), HTTP_AUTHORIZATION="Bearer sc_not-a-token").status_code == 401
    )
