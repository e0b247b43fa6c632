from django.urls import path

from safecomms.devices.views import exceptions, register

app_name = "devices"
urlpatterns = [
    path("devices/", register.devices, name="devices"),
    path("devices/new/", register.device_add, name="device-add"),
    path("devices/<int:device_id>/", register.device_edit, name="device-edit"),
    path("devices/accounts/", register.accounts, name="accounts"),
    path("devices/accounts/new/", register.account_add, name="account-add"),
    path(
        "devices/accounts/<int:account_id>/withdraw/",
        register.account_withdraw,
        name="account-withdraw",
    ),
    path("my-devices/", register.mine, name="mine"),
    path("exceptions/", exceptions.exceptions, name="exceptions"),
    path("exceptions/<int:exception_id>/", exceptions.exception_detail, name="exception"),
    path(
        "exceptions/<int:exception_id>/decide/",
        exceptions.exception_decide,
        name="exception-decide",
    ),
    path(
        "exceptions/<int:exception_id>/review/",
        exceptions.exception_review,
        name="exception-review",
    ),
    path(
        "exceptions/<int:exception_id>/withdraw/",
        exceptions.exception_withdraw,
        name="exception-withdraw",
    ),
    path(
        "cases/<int:child_id>/exceptions/new/",
        exceptions.exception_request,
        name="exception-request",
    ),
]
