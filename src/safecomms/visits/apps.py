from django.apps import AppConfig


class VisitsConfig(AppConfig):
    name = "safecomms.visits"
    label = "visits"
    verbose_name = "Virtual visit assessments"
