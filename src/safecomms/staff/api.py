from django.http import HttpRequest
from ninja import Router, Schema

from safecomms.api.auth import api_guard
from safecomms.web.access import SIGNED_IN, signed_in_user

router = Router(tags=["staff"])


class MeOut(Schema):
    id: int
    email: str
    full_name: str
    roles: list[str]


@router.get("/me", response=MeOut, summary="Who the token or session belongs to")
@api_guard(SIGNED_IN)
def me(request: HttpRequest) -> MeOut:
    user = signed_in_user(request)
    return MeOut(id=user.pk, email=user.email, full_name=user.full_name, roles=sorted(user.roles))
