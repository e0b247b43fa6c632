from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "safecomms.audit"
    label = "audit"
    verbose_name = "Audit trail"
