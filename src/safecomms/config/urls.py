from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("", include("safecomms.web.urls")),
    path("", include("safecomms.staff.urls")),
    path("cases/", include("safecomms.cases.urls")),
    path("cases/", include("safecomms.communications.urls")),
    path("cases/", include("safecomms.visits.urls")),
    path("cases/", include("safecomms.imports.urls")),
    path("decisions/", include("safecomms.decisions.urls")),
    path("", include("safecomms.devices.urls")),
    path("", include("safecomms.findings.urls")),
    path("guidance/", include("safecomms.guidance.urls")),
    path("api/v1/", include("safecomms.api.urls")),
    path("admin/", admin.site.urls),
]
