from datetime import datetime

from django.core.exceptions import ValidationError
from django.http import HttpRequest
from django.utils import timezone
from ninja import Field, Router, Schema
from ninja.errors import HttpError

from safecomms.api.auth import api_guard
from safecomms.cases.access import case_access
from safecomms.cases.models import Child
from safecomms.findings import services
from safecomms.findings.services import TEXT_LIMIT
from safecomms.screening import Channel
from safecomms.staff.services import permission_refused
from safecomms.web.access import SIGNED_IN, signed_in_user

router = Router(tags=["screening"])


class ScreenIn(Schema):
    text: str = Field(
        min_length=1, max_length=TEXT_LIMIT, description="The draft message. It is not stored."
    )
    channel: Channel | None = Field(
        None, description="How it will be sent; the work-allocation check skips e-mail."
    )
    sent_at: datetime | None = Field(
        None,
        description="When it will be sent (ISO 8601); without an offset, UK local time. "
        "Used to flag contact at unusual hours.",
    )
    child_id: int | None = Field(
        None,
        description="A case you can read: the people on it are recognised by name in the text.",
    )


class FindingOut(Schema):
    category: str
    start: int = Field(description="Offset of the first character, in Python string offsets.")
    end: int = Field(
        description="Offset after the last character; equals start for a finding "
        "about the whole message."
    )
    rule: str = Field(description="The policy register rule id, see /guidance/#rule-<id>.")
    severity: str
    message: str


class VerdictOut(Schema):
    route: str = Field(description="`messaging` or `council_system`.")
    fit_for_messaging: bool
    rules: list[str]
    reason: str


class ScreenOut(Schema):
    findings: list[FindingOut]
    redacted: str = Field(description="The text with every finding replaced by a placeholder.")
    channel_verdict: VerdictOut


@router.post(
    "",
    response=ScreenOut,
    summary="Check a draft message against the guidance",
    description="Screens the text for client-identifiable data and conduct risks, with advice, a "
    "redacted copy and whether it could go by WhatsApp or SMS. The text is not stored; only that "
    "a check was made is recorded.",
)
@api_guard(SIGNED_IN)
def screen_text(request: HttpRequest, payload: ScreenIn) -> ScreenOut:
    user = signed_in_user(request)
    child = None
    if payload.child_id is not None:
        child = Child.objects.filter(pk=payload.child_id).first()
        if child is None or not case_access(user, child).can_read:
            permission_refused(
                request=request, what=f"{request.path}: screening against case {payload.child_id}"
            )
            raise HttpError(403, "You do not have access to this case.")
    sent_at = payload.sent_at
    if sent_at is not None and timezone.is_naive(sent_at):
        sent_at = timezone.make_aware(sent_at)
    try:
        result = services.message_check(
            actor=user,
            text=payload.text,
            channel=payload.channel,
            sent_at=sent_at,
            child=child,
            request=request,
        )
    except ValidationError as error:
        raise HttpError(422, " ".join(error.messages)) from None
    verdict = result.channel_verdict
    assert verdict is not None
    return ScreenOut(
        findings=[FindingOut(**finding.as_dict()) for finding in result.findings],  # type: ignore[arg-type]
        redacted=result.redacted(),
        channel_verdict=VerdictOut(
            route=str(verdict.route),
            fit_for_messaging=verdict.fit_for_messaging,
            rules=list(verdict.rules),
            reason=verdict.reason,
        ),
    )
