"""Who may use the devices register, approved accounts and exceptions (see tests/access_vocabulary.py).

The world gets a device and an approved account for the worker, and an exception the worker has
asked for on the child's case, to be decided by their line manager, the team's manager.
"""

from __future__ import annotations

from typing import Any

from safecomms.devices.models import ApprovedAccount, ContactException, Device
from tests.access_vocabulary import CASE, CASE_READERS, SIGNED_IN, Expect, allow


def extend_world(world: dict[str, Any]) -> None:
    worker, manager = world["worker"], world["manager"]
    worker.line_manager = manager
    worker.save(update_fields=["line_manager"])
    world["device"] = Device.objects.create(
        asset_tag="WCC-M-0001", kind="mobile", phone_number="+447700900101", assigned_to=worker
    )
    world["account"] = ApprovedAccount.objects.create(
        owner=worker, kind="work_email", identifier=worker.email, approved_by=world["ict"]
    )
    world["exception"] = ContactException.objects.create(
        requested_by=worker,
        child=world["child"],
        channel="personal_phone",
        identifier="+447700900555",
        reasons="The young person will only answer a number they already know.",
        decider=manager,
    )


def _exception(world: dict[str, Any]) -> dict[str, Any]:
    return {"exception_id": world["exception"].pk}


DEVICE = {
    "asset_tag": "WCC-M-0002",
    "kind": "mobile",
    "phone_number": "07700 900 102",
}
ACCOUNT = {"owner_email": "nobody@council.example", "kind": "teams", "identifier": "x@y.example"}
EXCEPTION = {
    "channel": "personal_email",
    "identifier": "someone@example.com",
    "reasons": "The family only use e-mail.",
}
DECISION = {"approve": False, "reasons": "A council phone can be issued this week."}

EXPECTATIONS: dict[str, Expect] = {
    "devices:devices": allow("ict"),
    "devices:device-add": allow("ict"),
    "devices:device-edit": allow("ict", kwargs=lambda w: {"device_id": w["device"].pk}),
    "devices:accounts": allow("ict"),
    "devices:account-add": allow("ict"),
    "devices:account-withdraw": allow("ict", kwargs=lambda w: {"account_id": w["account"].pk}),
    "devices:mine": allow(SIGNED_IN),
    "devices:exceptions": allow(SIGNED_IN),
    "devices:exception-request": allow(CASE_READERS, **CASE),
    # The requester, the deciding line manager, and anyone who can read the child's case.
    "devices:exception": allow(CASE_READERS, kwargs=_exception),
    "devices:exception-decide": allow("manager", kwargs=_exception),
    "devices:exception-review": allow("manager", kwargs=_exception),
    "devices:exception-withdraw": allow("worker", "manager", kwargs=_exception),
    "api:list_devices": allow("ict"),
    "api:create_device": allow("ict", method="post", data=lambda w: DEVICE),
    "api:list_accounts": allow("ict"),
    "api:approve_account": allow("ict", method="post", data=lambda w: ACCOUNT),
    "api:request_exception": allow(CASE_READERS, method="post", data=lambda w: EXCEPTION, **CASE),
    "api:decide_exception": allow(
        "manager", method="post", data=lambda w: DECISION, kwargs=_exception
    ),
    "api:list_my_exceptions": allow(SIGNED_IN),
}
