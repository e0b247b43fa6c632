from django.urls import path

from safecomms.decisions import views

app_name = "decisions"
urlpatterns = [
    path("", views.queue, name="queue"),
    path("flags/<int:flag_id>/", views.flag_clear_view, name="flag-clear"),
]
