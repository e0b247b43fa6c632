"""One way of writing each kind of identifier, so the register, exceptions and contact records
compare like with like: phone numbers in E.164, e-mail addresses in lower case, handles trimmed."""

from __future__ import annotations

import phonenumbers
from django.core.exceptions import ValidationError
from django.core.validators import validate_email

from safecomms.devices.models import AccountKind, PersonalChannel

PHONE_ERROR = "Enter a real phone number, like 07700 900 982 or +44 7700 900982"
EMAIL_ERROR = "Enter an e-mail address in the right format, like name@example.com"
HANDLE_ERROR = "Enter the account name or handle, like @jordan.ellis"


def phone_e164(value: str) -> str:
    """A UK or international phone number in E.164 form, or a ValidationError saying what to type.

    Ofcom's numbers for drama and training (07700 900xxx) are accepted: they have the shape of
    a mobile number, which is all the register can check.
    """
    try:
        number = phonenumbers.parse(value.strip(), "GB")
    except phonenumbers.NumberParseException:
        raise ValidationError(PHONE_ERROR, code="phone") from None
    if not (
        phonenumbers.is_valid_number(number)
        or phonenumbers.is_possible_number_for_type(number, phonenumbers.PhoneNumberType.MOBILE)
    ):
        raise ValidationError(PHONE_ERROR, code="phone")
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def email_address(value: str) -> str:
    value = value.strip().lower()
    try:
        validate_email(value)
    except ValidationError:
        raise ValidationError(EMAIL_ERROR, code="email") from None
    return value


def handle(value: str) -> str:
    value = value.strip()
    if not value or any(character.isspace() for character in value):
        raise ValidationError(HANDLE_ERROR, code="handle")
    return value


def _phone_or_handle(value: str) -> str:
    """Messaging identities are usually the phone number; some apps use a user name."""
    stripped = value.strip()
    if stripped.startswith("@") or any(character.isalpha() for character in stripped):
        return handle(stripped)
    return phone_e164(stripped)


def account_identifier(kind: str, value: str) -> str:
    """The register's form of an approved account's identifier."""
    if kind in {AccountKind.WORK_EMAIL, AccountKind.TEAMS}:
        return email_address(value)
    if kind == AccountKind.WORK_MOBILE:
        return phone_e164(value)
    if kind == AccountKind.WHATSAPP:
        return _phone_or_handle(value)
    return handle(value)


def personal_identifier(channel: str, value: str) -> str:
    """The exception's form of the personal number, address or handle to be used."""
    if channel == PersonalChannel.PERSONAL_PHONE:
        return phone_e164(value)
    if channel == PersonalChannel.PERSONAL_EMAIL:
        return email_address(value)
    if channel == PersonalChannel.PERSONAL_MESSAGING:
        return _phone_or_handle(value)
    return handle(value)


def identifier_forms(value: str) -> set[str]:
    """Every form an identifier of unknown kind may be stored in, for look-ups."""
    stripped = value.strip()
    forms = {stripped, stripped.lower()} if stripped else set()
    for normalise in (phone_e164, email_address):
        try:
            forms.add(normalise(stripped))
        except ValidationError:
            continue
    return forms
