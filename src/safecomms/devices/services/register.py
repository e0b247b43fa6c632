"""Changes to the register of council devices and approved accounts, made by ICT administrators.

Each change is validated, made in one transaction and audited with the rule it serves.
"""

from __future__ import annotations

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone
from django.utils.formats import date_format

from safecomms.audit.services import audit_event, changed_fields, snapshot
from safecomms.devices.identifiers import account_identifier, phone_e164
from safecomms.devices.models import (
    AccountKind,
    ApprovedAccount,
    Device,
    DeviceKind,
    DeviceStatus,
)
from safecomms.staff.models import User

RULE_DEVICES = "5.1-council-devices-only"
RULE_ACCOUNTS = "5.1-approved-accounts"
DEVICE_FIELDS = (
    "asset_tag",
    "kind",
    "model_name",
    "phone_number",
    "assigned_to",
    "status",
    "status_changed_on",
    "issued_on",
)
ACCOUNT_FIELDS = ("owner", "kind", "identifier", "approved_by", "approved_on")


def _in_post(person: User) -> bool:
    return person.is_active and not person.has_left()


def _check_device(device: Device, *, assignee_changed: bool = True) -> None:
    """Raise one ValidationError naming every problem with the device, field by field."""
    errors: dict[str, str] = {}
    device.asset_tag = device.asset_tag.strip()
    device.model_name = device.model_name.strip()
    if not device.asset_tag:
        errors["asset_tag"] = "Enter the asset tag"
    elif Device.objects.filter(asset_tag__iexact=device.asset_tag).exclude(pk=device.pk).exists():
        errors["asset_tag"] = (
            f"A device with asset tag {device.asset_tag} is already on the register"
        )
    if device.kind not in DeviceKind.values:
        errors["kind"] = "Choose the type of device"
    if device.status not in DeviceStatus.values:
        errors["status"] = "Choose the device's status"
    if device.phone_number.strip():
        try:
            device.phone_number = phone_e164(device.phone_number)
        except ValidationError as problem:
            errors["phone_number"] = problem.messages[0]
        else:
            other = (
                Device.objects.filter(phone_number=device.phone_number, status=DeviceStatus.IN_USE)
                .exclude(pk=device.pk)
                .first()
            )
            if other is not None and device.status == DeviceStatus.IN_USE:
                errors["phone_number"] = (
                    f"The number {device.phone_number} is already on device {other.asset_tag}, "
                    "which is in use"
                )
    else:
        device.phone_number = ""
    if assignee_changed and device.assigned_to is not None and not _in_post(device.assigned_to):
        errors["assigned_to"] = (
            f"{device.assigned_to.full_name} no longer works for the council: "
            "a device cannot be assigned to them"
        )
    if device.issued_on > timezone.localdate():
        errors["issued_on"] = "The date issued must be today or in the past"
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def device_register(
    *,
    actor: User,
    asset_tag: str,
    kind: str,
    model_name: str = "",
    phone_number: str = "",
    assigned_to: User | None = None,
    status: str = DeviceStatus.IN_USE,
    issued_on: date | None = None,
    request: HttpRequest | None = None,
) -> Device:
    """Add a council-issued device to the register."""
    device = Device(
        asset_tag=asset_tag,
        kind=kind,
        model_name=model_name,
        phone_number=phone_number,
        assigned_to=assigned_to,
        status=status,
        issued_on=issued_on or timezone.localdate(),
    )
    if status != DeviceStatus.IN_USE:
        device.status_changed_on = timezone.localdate()
    _check_device(device)
    device.save()
    audit_event(
        actor=actor,
        action="device.registered",
        target=device,
        changes={field: (None, value) for field, value in snapshot(device, DEVICE_FIELDS).items()},
        request=request,
        reason=f"rule {RULE_DEVICES}",
    )
    return device


EDITABLE_DEVICE_FIELDS = frozenset(
    {"asset_tag", "kind", "model_name", "phone_number", "assigned_to", "status", "issued_on"}
)


@transaction.atomic
def device_update(
    *, actor: User, device: Device, request: HttpRequest | None = None, **values: object
) -> Device:
    """Change a device's details, owner or status; a status change records the day it happened."""
    unknown = set(values) - EDITABLE_DEVICE_FIELDS
    if unknown:
        raise ValueError(f"{', '.join(sorted(unknown))} cannot be changed here")
    before = snapshot(device, DEVICE_FIELDS)
    for field, value in values.items():
        setattr(device, field, value)
    if device.status != before["status"]:
        device.status_changed_on = timezone.localdate()
    try:
        _check_device(device, assignee_changed=device.assigned_to_id != before["assigned_to"])
    except ValidationError:
        device.refresh_from_db()
        raise
    device.save()
    changes = changed_fields(before, snapshot(device, DEVICE_FIELDS))
    if changes:
        audit_event(
            actor=actor,
            action="device.updated",
            target=device,
            changes=changes,
            request=request,
            reason=f"rule {RULE_DEVICES}",
        )
    return device


@transaction.atomic
def account_approve(
    *,
    actor: User,
    owner: User,
    kind: str,
    identifier: str,
    approved_on: date | None = None,
    request: HttpRequest | None = None,
) -> ApprovedAccount:
    """Record that the council formally approved an account or identity for someone's work."""
    approved_on = approved_on or timezone.localdate()
    errors: dict[str, str] = {}
    if kind not in AccountKind.values:
        errors["kind"] = "Choose the type of account"
    else:
        try:
            identifier = account_identifier(kind, identifier)
        except ValidationError as problem:
            errors["identifier"] = problem.messages[0]
        else:
            existing = (
                ApprovedAccount.objects.filter(kind=kind, identifier__iexact=identifier)
                .exclude(withdrawn_on__lte=approved_on)
                .select_related("owner")
                .first()
            )
            if existing is not None:
                errors["identifier"] = (
                    f"{identifier} is already approved for {existing.owner.full_name} "
                    f"({existing.get_kind_display()})"
                )
    if not _in_post(owner):
        errors["owner"] = f"{owner.full_name} no longer works for the council"
    if approved_on > timezone.localdate():
        errors["approved_on"] = "The date approved must be today or in the past"
    if errors:
        raise ValidationError(errors)
    account = ApprovedAccount.objects.create(
        owner=owner, kind=kind, identifier=identifier, approved_by=actor, approved_on=approved_on
    )
    audit_event(
        actor=actor,
        action="account.approved",
        target=account,
        changes={f: (None, v) for f, v in snapshot(account, ACCOUNT_FIELDS).items()},
        request=request,
        reason=f"rule {RULE_ACCOUNTS}",
    )
    return account


@transaction.atomic
def account_withdraw(
    *,
    actor: User,
    account: ApprovedAccount,
    withdrawn_on: date,
    reason: str,
    request: HttpRequest | None = None,
) -> ApprovedAccount:
    """Withdraw an approval from a date; contact from the account after it is no longer approved."""
    errors: dict[str, str] = {}
    if account.withdrawn_on is not None:
        raise ValidationError(
            f"This account was already withdrawn on {date_format(account.withdrawn_on, 'j F Y')}"
        )
    if withdrawn_on < account.approved_on:
        errors["withdrawn_on"] = (
            "The withdrawal date must be on or after the date it was approved, "
            f"{date_format(account.approved_on, 'j F Y')}"
        )
    if not reason.strip():
        errors["reason"] = "Enter why the approval is being withdrawn"
    if errors:
        raise ValidationError(errors)
    account.withdrawn_on = withdrawn_on
    account.withdrawn_by = actor
    account.withdrawal_reason = reason.strip()
    account.save(update_fields=["withdrawn_on", "withdrawn_by", "withdrawal_reason"])
    audit_event(
        actor=actor,
        action="account.withdrawn",
        target=account,
        changes={"withdrawn_on": (None, withdrawn_on), "withdrawn_by": (None, actor.pk)},
        request=request,
        reason=reason.strip(),
    )
    return account
