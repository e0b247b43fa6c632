from django.apps import AppConfig


class WebConfig(AppConfig):
    name = "safecomms.web"
    label = "web"
    verbose_name = "Pages"
