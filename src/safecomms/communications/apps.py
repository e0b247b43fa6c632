from django.apps import AppConfig


class CommunicationsConfig(AppConfig):
    name = "safecomms.communications"
    label = "communications"
    verbose_name = "Communications"
