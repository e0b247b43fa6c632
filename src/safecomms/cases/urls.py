from django.urls import path

from safecomms.cases import views

app_name = "cases"
urlpatterns = [
    path("", views.my_cases, name="mine"),
    path("new/", views.create, name="create"),
    path("import/", views.case_import, name="import"),
    path("<int:child_id>/", views.detail, name="detail"),
    path("<int:child_id>/people/add/", views.person_add, name="person-add"),
    path("<int:child_id>/contacts/add/", views.contact_add, name="contact-add"),
    path("<int:child_id>/allocations/add/", views.allocation_add, name="allocation-add"),
    path(
        "<int:child_id>/allocations/<int:allocation_id>/end/",
        views.allocation_end,
        name="allocation-end",
    ),
]
