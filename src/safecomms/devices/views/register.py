"""The register of council devices and approved accounts (ICT administrators), and each member
of staff's own devices and accounts."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from safecomms.devices import selectors, services
from safecomms.devices.access import ICT
from safecomms.devices.forms import AccountForm, AccountWithdrawForm, DeviceForm, SearchForm
from safecomms.devices.models import ApprovedAccount, Device
from safecomms.devices.presentation import (
    account_status_tag,
    day,
    device_status_tag,
    link,
    paginate,
)
from safecomms.web.access import SIGNED_IN, guard, signed_in_user
from safecomms.web.components import table
from safecomms.web.forms import posted


def _search(request: HttpRequest) -> tuple[SearchForm, str]:
    form = SearchForm(request.GET or None)
    query = form.cleaned_data["q"] if form.is_valid() else ""
    return form, query


@guard(ICT)
def devices(request: HttpRequest) -> HttpResponse:
    form, query = _search(request)
    page, pagination = paginate(
        selectors.devices_search(query), request.GET.get("page"), request.path, {"q": query}
    )
    rows = [
        [
            link(reverse("devices:device-edit", args=[device.pk]), device.asset_tag),
            device.get_kind_display(),
            device.model_name,
            device.phone_number,
            device.assigned_to.full_name if device.assigned_to else "Not assigned",
            device_status_tag(device.status, device.get_status_display()),
            day(device.issued_on),
        ]
        for device in page.object_list
    ]
    caption = f"{page.paginator.count} device{'s' if page.paginator.count != 1 else ''}"
    context = {
        "form": form,
        "query": query,
        "results": table(
            caption=caption + (f" matching ‘{query}’" if query else ""),
            head=[
                "Asset tag",
                "Type",
                "Make and model",
                "Phone number",
                "Assigned to",
                "Status",
                "Issued",
            ],
            rows=rows,
            caption_size="s",
        )
        if rows
        else None,
        "pagination": pagination,
    }
    return render(request, "devices/devices.html", context)


def _device_form_page(
    request: HttpRequest, form: DeviceForm, *, title: str, button: str
) -> HttpResponse:
    return render(
        request,
        "devices/form.html",
        {"form": form, "title": title, "button": button, "back": reverse("devices:devices")},
    )


@require_http_methods(["GET", "POST"])
@guard(ICT)
def device_add(request: HttpRequest) -> HttpResponse:
    form = DeviceForm(posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            device = services.device_register(
                actor=signed_in_user(request), request=request, **form.cleaned_data
            )
        except ValidationError as problem:
            form.add_error(None, problem)
        else:
            messages.success(request, f"Device {device.asset_tag} has been added to the register.")
            return redirect("devices:devices")
    return _device_form_page(request, form, title="Add a device", button="Add device")


@require_http_methods(["GET", "POST"])
@guard(ICT)
def device_edit(request: HttpRequest, device_id: int) -> HttpResponse:
    device = get_object_or_404(Device.objects.select_related("assigned_to"), pk=device_id)
    form = DeviceForm(posted(request), device=device)
    if request.method == "POST" and form.is_valid():
        try:
            services.device_update(
                actor=signed_in_user(request), device=device, request=request, **form.cleaned_data
            )
        except ValidationError as problem:
            form.add_error(None, problem)
        else:
            messages.success(request, f"Device {device.asset_tag} has been updated.")
            return redirect("devices:devices")
    return _device_form_page(
        request, form, title=f"Change device {device.asset_tag}", button="Save changes"
    )


@guard(ICT)
def accounts(request: HttpRequest) -> HttpResponse:
    form, query = _search(request)
    page, pagination = paginate(
        selectors.accounts_search(query), request.GET.get("page"), request.path, {"q": query}
    )
    rows = []
    for account in page.object_list:
        action: Any = ""
        if account.withdrawn_on is None:
            action = link(
                reverse("devices:account-withdraw", args=[account.pk]),
                "Withdraw",
                f"approval of {account.identifier}",
            )
        rows.append(
            [
                account.owner.full_name,
                account.get_kind_display(),
                account.identifier,
                f"{day(account.approved_on)} by {account.approved_by.full_name}",
                account_status_tag(account),
                action,
            ]
        )
    caption = f"{page.paginator.count} approved account{'s' if page.paginator.count != 1 else ''}"
    context = {
        "form": form,
        "query": query,
        "results": table(
            caption=caption + (f" matching ‘{query}’" if query else ""),
            head=["Owner", "Type", "Address, number or handle", "Approved", "Status", ""],
            rows=rows,
            caption_size="s",
        )
        if rows
        else None,
        "pagination": pagination,
    }
    return render(request, "devices/accounts.html", context)


@require_http_methods(["GET", "POST"])
@guard(ICT)
def account_add(request: HttpRequest) -> HttpResponse:
    form = AccountForm(posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            account = services.account_approve(
                actor=signed_in_user(request), request=request, **form.cleaned_data
            )
        except ValidationError as problem:
            form.add_error(None, problem)
        else:
            messages.success(
                request,
                f"{account.identifier} is approved for {account.owner.full_name} "
                f"({account.get_kind_display()}).",
            )
            return redirect("devices:accounts")
    return render(
        request,
        "devices/form.html",
        {
            "form": form,
            "title": "Approve an account",
            "button": "Approve account",
            "back": reverse("devices:accounts"),
        },
    )


@require_http_methods(["GET", "POST"])
@guard(ICT)
def account_withdraw(request: HttpRequest, account_id: int) -> HttpResponse:
    account = get_object_or_404(ApprovedAccount.objects.select_related("owner"), pk=account_id)
    if account.withdrawn_on is not None:
        messages.info(request, f"The approval of {account.identifier} has already been withdrawn.")
        return redirect("devices:accounts")
    form = AccountWithdrawForm(posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            services.account_withdraw(
                actor=signed_in_user(request), account=account, request=request, **form.cleaned_data
            )
        except ValidationError as problem:
            form.add_error(None, problem)
        else:
            messages.success(request, f"The approval of {account.identifier} has been withdrawn.")
            return redirect("devices:accounts")
    return render(
        request,
        "devices/form.html",
        {
            "form": form,
            "caption": f"{account.get_kind_display()} · {account.owner.full_name}",
            "title": f"Withdraw the approval of {account.identifier}",
            "button": "Withdraw approval",
            "back": reverse("devices:accounts"),
        },
    )


@guard(SIGNED_IN)
def mine(request: HttpRequest) -> HttpResponse:
    user = signed_in_user(request)
    device_rows = [
        [
            device.asset_tag,
            device.get_kind_display(),
            device.model_name,
            device.phone_number,
            device_status_tag(device.status, device.get_status_display()),
        ]
        for device in selectors.devices_of(user)
    ]
    account_rows = [
        [
            account.get_kind_display(),
            account.identifier,
            f"{day(account.approved_on)} by {account.approved_by.full_name}",
            account_status_tag(account),
        ]
        for account in selectors.accounts_of(user)
    ]
    context = {
        "devices": table(
            caption="Council devices issued to you",
            head=["Asset tag", "Type", "Make and model", "Phone number", "Status"],
            rows=device_rows,
        )
        if device_rows
        else None,
        "accounts": table(
            caption="Your approved accounts",
            head=["Type", "Address, number or handle", "Approved", "Status"],
            rows=account_rows,
        )
        if account_rows
        else None,
    }
    return render(request, "devices/mine.html", context)
