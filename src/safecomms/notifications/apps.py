from django.apps import AppConfig


class NotificationsConfig(AppConfig):
    name = "safecomms.notifications"
    label = "notifications"
    verbose_name = "Notifications"
