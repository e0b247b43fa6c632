from django.apps import AppConfig


class GuidanceConfig(AppConfig):
    name = "safecomms.guidance"
    label = "guidance"
    verbose_name = "Guidance"
