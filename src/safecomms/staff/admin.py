"""The admin site: accounts, teams and configuration only, for system administrators.

Case content is deliberately absent. Every change made here is audited like any other.
"""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.db.models import Model
from django.forms import ModelForm
from django.http import HttpRequest

from safecomms.audit.services import audit_event
from safecomms.staff.models import Role, StaffRole, Team, TeamMembership, User


class AuditedAdmin(admin.ModelAdmin):
    """Open to system administrators by role (not Django permissions), and audited."""

    def _is_system_admin(self, request: HttpRequest) -> bool:
        return bool(request.user.is_active and request.user.has_role(Role.SYSTEM_ADMIN))

    def has_module_permission(self, request: HttpRequest) -> bool:
        return self._is_system_admin(request)

    def has_view_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        return self._is_system_admin(request)

    def has_add_permission(self, request: HttpRequest, *args: Any) -> bool:
        return self._is_system_admin(request)

    def has_change_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        return self._is_system_admin(request)

    def has_delete_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        return self._is_system_admin(request)

    def save_model(self, request: HttpRequest, obj: Model, form: ModelForm, change: bool) -> None:
        super().save_model(request, obj, form, change)
        changes = {
            name: (form.initial.get(name), form.cleaned_data.get(name))
            for name in form.changed_data
        }
        changes.pop("password", None)
        audit_event(
            actor=request.user,
            action=f"admin.{obj._meta.model_name}.{'changed' if change else 'added'}",
            target=obj,
            changes=changes,
            request=request,
        )

    def delete_model(self, request: HttpRequest, obj: Model) -> None:
        audit_event(
            actor=request.user,
            action=f"admin.{obj._meta.model_name}.deleted",
            target=obj,
            request=request,
        )
        super().delete_model(request, obj)

    def save_formset(self, request: HttpRequest, form: Any, formset: Any, change: bool) -> None:
        super().save_formset(request, form, formset, change)
        for obj in formset.new_objects + [o for o, _ in formset.changed_objects]:
            audit_event(
                actor=request.user,
                action=f"admin.{obj._meta.model_name}.saved",
                target=obj,
                request=request,
            )
        for obj in formset.deleted_objects:
            audit_event(
                actor=request.user,
                action=f"admin.{obj._meta.model_name}.deleted",
                target=obj,
                request=request,
            )


class RoleGatedInline(admin.StackedInline):
    """Stacked, not tabular: tabular inlines leave their fields without labels (WCAG 1.3.1)."""

    def has_view_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        return bool(request.user.has_role(Role.SYSTEM_ADMIN))  # type: ignore[union-attr]

    has_add_permission = has_change_permission = has_delete_permission = has_view_permission


class StaffRoleInline(RoleGatedInline):
    model = StaffRole
    extra = 0


class MembershipInline(RoleGatedInline):
    model = TeamMembership
    extra = 0


@admin.register(User)
class UserAdmin(AuditedAdmin, BaseUserAdmin):
    ordering = ["full_name"]
    list_display = ["full_name", "email", "job_title", "is_active", "leave_date"]
    list_filter = ["is_active", "staff_roles__role"]
    search_fields = ["full_name", "email"]
    inlines = [StaffRoleInline, MembershipInline]
    fieldsets = (
        (None, {"fields": ("email", "password")}),
        (
            "Person",
            {"fields": ("full_name", "job_title", "line_manager", "start_date", "leave_date")},
        ),
        ("Access", {"fields": ("is_active", "is_staff")}),
    )
    add_fieldsets = (
        (None, {"classes": ("wide",), "fields": ("email", "full_name", "password1", "password2")}),
    )
    filter_horizontal = ()
    raw_id_fields = ["line_manager"]


@admin.register(Team)
class TeamAdmin(AuditedAdmin):
    list_display = ["name", "service_area", "hr_business_partner"]
    search_fields = ["name"]
    filter_horizontal = ["managers"]
    inlines = [MembershipInline]
