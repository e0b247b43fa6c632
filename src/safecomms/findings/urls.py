from django.urls import path

from safecomms.findings import views

app_name = "findings"
urlpatterns = [
    path("check/", views.check, name="check"),
    path("cases/<int:child_id>/check/", views.case_check, name="case-check"),
    path("findings/<int:finding_id>/dismiss/", views.dismiss, name="dismiss"),
    path("findings/report/", views.report, name="report"),
]
