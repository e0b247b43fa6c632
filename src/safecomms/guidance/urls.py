from django.urls import path

from safecomms.guidance import views

app_name = "guidance"
urlpatterns = [
    path("", views.register, name="register"),
    path("acknowledge/", views.acknowledge, name="acknowledge"),
]
