from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("", include("safecomms.web.urls")),
    path("", include("safecomms.staff.urls")),
    path("cases/", include("safecomms.cases.urls")),
    path("guidance/", include("safecomms.guidance.urls")),
    path("api/v1/", include("safecomms.api.urls")),
    path("admin/", admin.site.urls),
]
