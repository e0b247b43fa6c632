from django.urls import path

from safecomms.imports import views

app_name = "imports"
urlpatterns = [
    path("<int:child_id>/imports/new/", views.upload, name="upload"),
    path("<int:child_id>/imports/<int:import_id>/", views.preview, name="preview"),
    path("<int:child_id>/imports/<int:import_id>/progress/", views.status, name="status"),
    path("<int:child_id>/imports/<int:import_id>/cancel/", views.cancel, name="cancel"),
    path("<int:child_id>/imports/<int:import_id>/cleared/", views.deletion, name="deletion"),
]
