from django.apps import AppConfig


class DevicesConfig(AppConfig):
    name = "safecomms.devices"
    label = "devices"
    verbose_name = "Devices, accounts and exceptions"
