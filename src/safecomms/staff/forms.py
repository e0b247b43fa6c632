from __future__ import annotations

from django import forms

from safecomms.web.forms import GovUKForm, govuk


class SignInForm(GovUKForm):
    email = govuk(
        forms.EmailField(
            label="Work e-mail address",
            max_length=254,
            error_messages={
                "required": "Enter your work e-mail address",
                "invalid": "Enter your work e-mail address in the correct format, like name@council.gov.uk",
            },
        ),
        autocomplete="email",
        spellcheck=False,
    )
    password = govuk(
        forms.CharField(
            label="Password",
            widget=forms.PasswordInput,
            max_length=200,
            error_messages={"required": "Enter your password"},
        ),
        autocomplete="current-password",
    )


class TwoStepCodeForm(GovUKForm):
    code = govuk(
        forms.RegexField(
            label="Code from your authenticator app",
            regex=r"^\s*\d{3}\s?\d{3}\s*$",
            error_messages={
                "required": "Enter the 6-digit code from your authenticator app",
                "invalid": "The code must be 6 digits, like 123456",
            },
            help_text="The code changes every 30 seconds.",
        ),
        autocomplete="one-time-code",
        inputmode="numeric",
        classes="govuk-input--width-5",
        spellcheck=False,
    )

    def cleaned_code(self) -> str:
        return "".join(self.cleaned_data["code"].split())


class AccessTokenForm(GovUKForm):
    name = govuk(
        forms.CharField(
            label="What is this token for?",
            max_length=100,
            help_text="For example, ‘weekly caseload report script’.",
            error_messages={"required": "Enter what the token is for"},
        ),
        label_size="s",
    )
