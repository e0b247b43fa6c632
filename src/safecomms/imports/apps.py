from django.apps import AppConfig


class ImportsConfig(AppConfig):
    name = "safecomms.imports"
    label = "imports"
    verbose_name = "Chat imports"
