from django.urls import path

from safecomms.communications import views

app_name = "communications"
urlpatterns = [
    path("<int:child_id>/communications/new/", views.create, name="create"),
    path(
        "<int:child_id>/communications/<int:communication_id>/",
        views.detail,
        name="detail",
    ),
    path(
        "<int:child_id>/communications/<int:communication_id>/change/",
        views.edit,
        name="edit",
    ),
    path(
        "<int:child_id>/communications/<int:communication_id>/complete/",
        views.complete,
        name="complete",
    ),
    path(
        "<int:child_id>/communications/<int:communication_id>/delete/",
        views.discard,
        name="discard",
    ),
    path(
        "<int:child_id>/communications/<int:communication_id>/addenda/new/",
        views.addendum_add,
        name="addendum-add",
    ),
    path("<int:child_id>/chronology/", views.chronology, name="chronology"),
    path("<int:child_id>/chronology/export.csv", views.chronology_csv, name="chronology-csv"),
]
