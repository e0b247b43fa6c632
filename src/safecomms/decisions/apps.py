from django.apps import AppConfig


class DecisionsConfig(AppConfig):
    name = "safecomms.decisions"
    label = "decisions"
    verbose_name = "Manager's decisions"
