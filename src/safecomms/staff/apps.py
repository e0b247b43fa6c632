from django.apps import AppConfig
from django.contrib.admin.apps import AdminConfig


class StaffConfig(AppConfig):
    name = "safecomms.staff"
    label = "staff"
    verbose_name = "Staff and teams"


class SafeCommsAdminConfig(AdminConfig):
    default_site = "safecomms.staff.admin_site.SafeCommsAdminSite"
