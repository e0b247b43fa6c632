"""The register services: validation that names what is wrong, and every change audited."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from safecomms.audit.models import AuditEntry
from safecomms.devices import services
from safecomms.devices.models import ApprovedAccount, Device, DeviceStatus
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def _register(office, **values):
    fields = {"asset_tag": "WCC-M-0042", "kind": "mobile", "phone_number": "07700 900 982"}
    fields.update(values)
    return services.device_register(actor=office["ict"], assigned_to=office["worker"], **fields)


def test_a_device_is_registered_with_its_number_in_e164_and_audited(office) -> None:
    device = _register(office, model_name=" Samsung Galaxy A55 ")
    assert device.phone_number == "+447700900982"
    assert device.model_name == "Samsung Galaxy A55"
    entry = AuditEntry.objects.get(action="device.registered")
    assert entry.actor_id == office["ict"].pk
    assert entry.changes["asset_tag"] == [None, "WCC-M-0042"]
    assert "5.1-council-devices-only" in entry.context["reason"]


def test_a_duplicate_asset_tag_is_refused_whatever_its_case(office) -> None:
    _register(office)
    with pytest.raises(ValidationError) as refused:
        _register(office, asset_tag="wcc-m-0042", phone_number="")
    assert refused.value.message_dict == {
        "asset_tag": ["A device with asset tag wcc-m-0042 is already on the register"]
    }
    assert Device.objects.count() == 1


@pytest.mark.parametrize("number", ["12345", "not a phone", "07700 900"])
def test_a_phone_number_that_is_not_real_is_refused(office, number) -> None:
    with pytest.raises(ValidationError) as refused:
        _register(office, phone_number=number)
    assert refused.value.message_dict["phone_number"] == [
        "Enter a real phone number, like 07700 900 982 or +44 7700 900982"
    ]
    assert not Device.objects.exists()


def test_a_number_already_on_a_device_in_use_is_refused(office) -> None:
    _register(office)
    with pytest.raises(ValidationError) as refused:
        _register(office, asset_tag="WCC-M-0043", phone_number="+44 7700 900982")
    assert "already on device WCC-M-0042" in refused.value.message_dict["phone_number"][0]


def test_devices_cannot_be_assigned_to_leavers(office) -> None:
    leaver = UserFactory(leave_date=timezone.localdate() - timedelta(days=1))
    with pytest.raises(ValidationError) as refused:
        services.device_register(
            actor=office["ict"], asset_tag="T1", kind="tablet", assigned_to=leaver
        )
    assert "no longer works for the council" in refused.value.message_dict["assigned_to"][0]


def test_a_status_change_is_dated_and_audited_and_a_bad_edit_changes_nothing(office) -> None:
    device = _register(office)
    services.device_update(actor=office["ict"], device=device, status=DeviceStatus.LOST)
    device.refresh_from_db()
    assert device.status == DeviceStatus.LOST
    assert device.status_changed_on == timezone.localdate()
    entry = AuditEntry.objects.get(action="device.updated")
    assert entry.changes["status"] == ["in_use", "lost"]
    with pytest.raises(ValidationError):
        services.device_update(actor=office["ict"], device=device, phone_number="nonsense")
    device.refresh_from_db()
    assert device.phone_number == "+447700900982"
    assert AuditEntry.objects.filter(action="device.updated").count() == 1
    with pytest.raises(ValueError, match="cannot be changed here"):
        services.device_update(actor=office["ict"], device=device, status_changed_on=None)


def test_an_account_is_approved_by_the_ict_administrator_acting(office) -> None:
    account = services.account_approve(
        actor=office["ict"],
        owner=office["worker"],
        kind="work_email",
        identifier=" Jordan.Ellis@Council.Example ",
    )
    assert account.identifier == "jordan.ellis@council.example"
    assert account.approved_by == office["ict"]
    assert account.approved_on == timezone.localdate()
    entry = AuditEntry.objects.get(action="account.approved")
    assert entry.changes["identifier"] == [None, "jordan.ellis@council.example"]


def test_an_identifier_already_approved_is_refused_naming_its_owner(office) -> None:
    services.account_approve(
        actor=office["ict"], owner=office["worker"], kind="whatsapp", identifier="07700 900 982"
    )
    with pytest.raises(ValidationError) as refused:
        services.account_approve(
            actor=office["ict"],
            owner=office["colleague"],
            kind="whatsapp",
            identifier="+447700900982",
        )
    assert refused.value.message_dict == {
        "identifier": ["+447700900982 is already approved for Jordan Ellis (WhatsApp identity)"]
    }


@pytest.mark.parametrize(
    ("kind", "value", "message"),
    [
        ("work_email", "jordan at council", "Enter an e-mail address in the right format"),
        ("work_mobile", "999", "Enter a real phone number"),
        ("social", "two words", "Enter the account name or handle"),
    ],
)
def test_identifiers_are_checked_for_their_kind(office, kind, value, message) -> None:
    with pytest.raises(ValidationError) as refused:
        services.account_approve(
            actor=office["ict"], owner=office["worker"], kind=kind, identifier=value
        )
    assert refused.value.message_dict["identifier"][0].startswith(message)


def test_a_withdrawn_identity_can_be_approved_again(office) -> None:
    account = services.account_approve(
        actor=office["ict"],
        owner=office["worker"],
        kind="teams",
        identifier="jordan.ellis@council.example",
    )
    with pytest.raises(ValidationError) as refused:
        services.account_withdraw(
            actor=office["ict"], account=account, withdrawn_on=timezone.localdate(), reason=" "
        )
    assert refused.value.message_dict == {"reason": ["Enter why the approval is being withdrawn"]}
    services.account_withdraw(
        actor=office["ict"],
        account=account,
        withdrawn_on=timezone.localdate(),
        reason="Moved to a new Teams tenant",
    )
    account.refresh_from_db()
    assert account.withdrawn_by == office["ict"]
    assert AuditEntry.objects.get(action="account.withdrawn").context["reason"] == (
        "Moved to a new Teams tenant"
    )
    with pytest.raises(ValidationError, match="already withdrawn"):
        services.account_withdraw(
            actor=office["ict"], account=account, withdrawn_on=timezone.localdate(), reason="x"
        )
    again = services.account_approve(
        actor=office["ict"],
        owner=office["worker"],
        kind="teams",
        identifier="jordan.ellis@council.example",
    )
    assert ApprovedAccount.objects.filter(identifier=again.identifier).count() == 2
