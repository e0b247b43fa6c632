from django.apps import AppConfig


class FindingsConfig(AppConfig):
    name = "safecomms.findings"
    label = "findings"
    verbose_name = "Screening findings"
