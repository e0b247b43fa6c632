"""Writes to the devices register, approved accounts and exceptions: validated, audited."""

from safecomms.devices.services.exception_workflow import (
    ALLOWED_TRANSITIONS,
    RULE_EXCEPTION,
    exception_decide,
    exception_decider_for,
    exception_decision_reminders_send,
    exception_request,
    exception_review,
    exception_review_reminders_send,
    exception_withdraw,
    exceptions_expire,
)
from safecomms.devices.services.register import (
    RULE_ACCOUNTS,
    RULE_DEVICES,
    account_approve,
    account_withdraw,
    device_register,
    device_update,
)

__all__ = [
    "ALLOWED_TRANSITIONS",
    "RULE_ACCOUNTS",
    "RULE_DEVICES",
    "RULE_EXCEPTION",
    "account_approve",
    "account_withdraw",
    "device_register",
    "device_update",
    "exception_decide",
    "exception_decider_for",
    "exception_decision_reminders_send",
    "exception_request",
    "exception_review",
    "exception_review_reminders_send",
    "exception_withdraw",
    "exceptions_expire",
]
