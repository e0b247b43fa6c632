"""The API's answer when a service refuses input: 422 with every message, by field."""

from django.core.exceptions import ValidationError
from ninja import Schema
from ninja.responses import Status


class ProblemOut(Schema):
    detail: str
    errors: dict[str, list[str]] = {}


def problem(error: ValidationError, status: int = 422) -> Status[ProblemOut]:
    """A problem response listing what a service's ValidationError says, field by field."""
    errors = error.message_dict if hasattr(error, "error_dict") else {"": error.messages}
    detail = " ".join(message for messages in errors.values() for message in messages)
    return Status(status, ProblemOut(detail=detail, errors=errors))
