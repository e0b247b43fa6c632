"""GOV.UK form fields: each bound field renders as a whole GOV.UK form group.

Forms inherit `GovUKForm` (or `GovUKModelForm`); a template places `{{ form.field }}` and gets
the label, hint, error message and input that the Design System specifies. Field options go in
`govuk` on the field's widget attrs-free `extra` dict: `label_size`, `page_heading`, `classes`,
`autocomplete`, `inputmode`, `spellcheck`, `rows`.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.forms.boundfield import BoundField
from django.utils.safestring import SafeString, mark_safe

from safecomms.web.components import render_component


def _label(bound: BoundField, options: dict[str, Any]) -> dict[str, Any]:
    size = options.get("label_size")
    classes = f"govuk-label--{size}" if size else None
    return {
        "text": str(bound.label),
        "classes": classes,
        "isPageHeading": options.get("page_heading", False),
    }


def _legend(bound: BoundField, options: dict[str, Any]) -> dict[str, Any]:
    size = options.get("label_size", "s")
    return {
        "fieldset": {
            "legend": {
                "text": str(bound.label),
                "classes": f"govuk-fieldset__legend--{size}",
                "isPageHeading": options.get("page_heading", False),
            }
        }
    }


def _choices(bound: BoundField) -> list[tuple[str, str]]:
    return [(str(value), str(text)) for value, text in bound.field.choices]  # type: ignore[attr-defined]


class GovUKBoundField(BoundField):
    """A bound field that renders itself through the GOV.UK component for its widget."""

    def __str__(self) -> SafeString:
        return self.as_govuk()

    def __html__(self) -> SafeString:
        return self.as_govuk()

    @property
    def govuk_id(self) -> str:
        """The id of the element an error summary link should focus."""
        if isinstance(self.field.widget, GovUKDateWidget):
            return f"{self.auto_id}-day"
        return str(self.auto_id)

    def as_govuk(self) -> SafeString:
        options: dict[str, Any] = getattr(self.field, "govuk", {})
        widget = self.field.widget
        common: dict[str, Any] = {
            "id": self.auto_id,
            "name": self.html_name,
            "hint": {"text": str(self.help_text)} if self.help_text else None,
            "errorMessage": {"text": " ".join(str(e) for e in self.errors)}
            if self.errors
            else None,
            "classes": options.get("classes"),
            "attributes": options.get("attributes"),
        }
        value = self.value()
        if isinstance(widget, GovUKDateWidget):
            parts = widget.parts(value)
            return render_component(
                "date-input",
                {
                    **common,
                    **_legend(self, options),
                    "namePrefix": self.html_name,
                    "items": [
                        {
                            "name": part,
                            "label": label,
                            "value": parts[part],
                            "classes": f"govuk-input--width-{width}"
                            + (" govuk-input--error" if self.errors else ""),
                        }
                        for part, label, width in (
                            ("day", "Day", 2),
                            ("month", "Month", 2),
                            ("year", "Year", 4),
                        )
                    ],
                },
            )
        if isinstance(widget, forms.RadioSelect):
            return render_component(
                "radios",
                {
                    **common,
                    **_legend(self, options),
                    "idPrefix": self.auto_id,
                    "value": None if value is None else str(value),
                    "items": [
                        {"value": choice, "text": text}
                        for choice, text in _choices(self)
                        if choice != ""
                    ],
                },
            )
        if isinstance(widget, forms.CheckboxSelectMultiple):
            selected = [str(item) for item in (value or [])]
            return render_component(
                "checkboxes",
                {
                    **common,
                    **_legend(self, options),
                    "idPrefix": self.auto_id,
                    "values": selected,
                    "items": [{"value": choice, "text": text} for choice, text in _choices(self)],
                },
            )
        if isinstance(widget, forms.CheckboxInput):
            return render_component(
                "checkboxes",
                {
                    **common,
                    "idPrefix": self.auto_id,
                    "classes": "govuk-checkboxes--small",
                    "items": [
                        {
                            "value": "on",
                            "text": str(self.label),
                            "checked": bool(value),
                            "id": self.auto_id,
                        }
                    ],
                },
            )
        if isinstance(widget, forms.Select):
            return render_component(
                "select",
                {
                    **common,
                    "label": _label(self, options),
                    "value": None if value is None else str(value),
                    "items": [{"value": choice, "text": text} for choice, text in _choices(self)],
                },
            )
        if isinstance(widget, forms.Textarea):
            return render_component(
                "textarea",
                {
                    **common,
                    "label": _label(self, options),
                    "value": value or "",
                    "rows": options.get("rows", 5),
                    "spellcheck": options.get("spellcheck"),
                },
            )
        if isinstance(widget, forms.FileInput):
            return render_component(
                "file-upload",
                {
                    **common,
                    "label": _label(self, options),
                    "attributes": {"accept": options["accept"]} if "accept" in options else None,
                },
            )
        input_type = getattr(widget, "input_type", "text")
        return render_component(
            "input",
            {
                **common,
                "label": _label(self, options),
                "type": input_type,
                "value": None if input_type == "password" else value,
                "autocomplete": options.get("autocomplete"),
                "inputmode": options.get("inputmode"),
                "spellcheck": options.get("spellcheck"),
            },
        )


class GovUKFormMixin:
    """Shared by plain and model forms: GOV.UK rendering and an error summary."""

    bound_field_class: type[BoundField] = GovUKBoundField
    error_summary_title = "There is a problem"

    def add_service_errors(
        self, error: ValidationError, field_names: dict[str, str | None] | None = None
    ) -> None:
        """Show a service's refusal on the form: each message on its field where the form has one
        (``field_names`` maps a service field to a form field), otherwise at the top."""
        form: forms.BaseForm = self  # type: ignore[assignment]
        if not hasattr(error, "error_dict"):
            form.add_error(None, error)
            return
        for name, messages in error.message_dict.items():
            target = (field_names or {}).get(name, name)
            for message in messages:
                form.add_error(target if target in form.fields else None, message)

    def error_summary(self) -> SafeString:
        form: forms.BaseForm = self  # type: ignore[assignment]
        if not form.is_bound or not form.errors:
            return mark_safe("")
        items = []
        for message in form.non_field_errors():
            items.append({"text": str(message)})
        for name, errors in form.errors.items():
            if name == "__all__":
                continue
            bound = form[name]
            anchor = getattr(bound, "govuk_id", bound.auto_id)
            items.extend({"text": str(error), "href": f"#{anchor}"} for error in errors)
        return render_component(
            "error-summary", {"titleText": self.error_summary_title, "errorList": items}
        )


class GovUKForm(GovUKFormMixin, forms.Form):  # type: ignore[misc]
    pass


class GovUKModelForm(GovUKFormMixin, forms.ModelForm):  # type: ignore[misc]
    pass


def govuk(field: forms.Field, **options: Any) -> forms.Field:
    """Attach GOV.UK display options to a field and return it, for one-line declarations."""
    field.govuk = options  # type: ignore[attr-defined]
    return field


class GovUKDateWidget(forms.MultiWidget):
    """Day, month and year boxes, as the GOV.UK date input pattern asks."""

    def __init__(self) -> None:
        super().__init__(widgets=[forms.TextInput(), forms.TextInput(), forms.TextInput()])

    def parts(self, value: Any) -> dict[str, str]:
        if isinstance(value, date):
            return {"day": str(value.day), "month": str(value.month), "year": str(value.year)}
        if isinstance(value, list | tuple) and len(value) == 3:
            return {"day": value[0] or "", "month": value[1] or "", "year": value[2] or ""}
        return {"day": "", "month": "", "year": ""}

    def decompress(self, value: Any) -> list[Any]:
        if isinstance(value, date):
            return [value.day, value.month, value.year]
        return [None, None, None]

    def value_from_datadict(self, data: Any, files: Any, name: str) -> list[str]:
        return [str(data.get(f"{name}-{part}", "")).strip() for part in ("day", "month", "year")]

    def value_omitted_from_data(self, data: Any, files: Any, name: str) -> bool:
        return not any(f"{name}-{part}" in data for part in ("day", "month", "year"))


class GovUKDateField(forms.Field):
    """A date typed as day, month and year, with the Design System's error messages."""

    widget = GovUKDateWidget

    def to_python(self, value: Any) -> date | None:
        if isinstance(value, date):
            return value
        if not value or not any(value):
            return None
        day, month, year = value
        name = str(self.label or "Date")
        missing = [
            name for name, part in zip(("day", "month", "year"), value, strict=True) if not part
        ]
        if missing:
            raise forms.ValidationError(f"{name} must include a {' and '.join(missing)}")
        try:
            result = date(int(year), int(month), int(day))
        except ValueError:
            raise forms.ValidationError(f"{name} must be a real date") from None
        if int(year) < 1900:
            raise forms.ValidationError(f"The year in {name.lower()} must be 1900 or later")
        return result


def posted(request: Any) -> Any:
    """The submitted data, or None on GET: an empty POST must still be validated, not ignored."""
    return request.POST if request.method == "POST" else None
