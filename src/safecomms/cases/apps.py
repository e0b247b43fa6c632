from django.apps import AppConfig


class CasesConfig(AppConfig):
    name = "safecomms.cases"
    label = "cases"
    verbose_name = "Cases"
