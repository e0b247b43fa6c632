from django.urls import path
from ninja import NinjaAPI

from safecomms.api.auth import API_AUTH
from safecomms.cases.api import router as cases_router
from safecomms.devices.api import router as devices_router
from safecomms.staff.api import router as staff_router

api = NinjaAPI(
    title="SafeComms API",
    version="1",
    description=(
        "Cases, people and communications in SafeComms, under the same case-scoped access as the "
        "pages. Authenticate with a personal access token (`Authorization: Bearer sc_…`)."
    ),
    auth=API_AUTH,
    urls_namespace="api",
    # The interactive docs page loads scripts from a CDN, which the CSP (rightly) forbids; the
    # OpenAPI document itself is served at /api/v1/openapi.json.
    docs_url=None,
)
api.add_router("/", staff_router)
api.add_router("/cases", cases_router)
api.add_router("/", devices_router)
api.add_router("/screen", "safecomms.findings.api.router")
api.add_router("/", "safecomms.communications.api.router")
api.add_router("/", "safecomms.visits.api.router")
api.add_router("/decisions", "safecomms.decisions.api.router")
api.add_router("/", "safecomms.imports.api.router")

urlpatterns = [path("", api.urls)]
