from django.urls import path

from safecomms.visits import views

app_name = "visits"
urlpatterns = [
    path("<int:child_id>/virtual-visits/", views.assessment, name="assessment"),
    path(
        "<int:child_id>/virtual-visits/assess/", views.assessment_create, name="assessment-create"
    ),
    path("<int:child_id>/virtual-visits/review/", views.review, name="review"),
    path(
        "<int:child_id>/virtual-visits/reflect/", views.reflection_create, name="reflection-create"
    ),
]
