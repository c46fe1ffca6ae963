from typing import Any

from django import forms
from django.conf import settings
from django.http import QueryDict
from django.utils.translation import get_language_info
from django.utils.translation import gettext_lazy as _

CODE_LENGTH = 6
LOGIN_ERROR_ID = "login-error"


def clean_code(value: str) -> str:
    """An authenticator code as typed (some apps show a space in the middle): six digits."""
    token = value.replace(" ", "")
    if len(token) != CODE_LENGTH or not token.isascii() or not token.isdigit():
        raise forms.ValidationError(_("Enter the six digits shown in your authenticator app."))
    return token


class LoginForm(forms.Form):
    """Username, password and the code from the authenticator app, on one page.

    The field names are those django-axes knows: `username` for throttling, and `password`
    and `otp_token` are in AXES_SENSITIVE_PARAMETERS, so they are masked in its records.
    """

    username = forms.CharField(
        label=_("Username"),
        max_length=150,
        widget=forms.TextInput(
            attrs={
                "autocomplete": "username",
                "autocapitalize": "none",
                "spellcheck": "false",
                "autofocus": True,
            }
        ),
    )
    password = forms.CharField(
        label=_("Password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )
    otp_token = forms.CharField(
        label=_("Code from your authenticator app"),
        help_text=_("Six digits. A new code appears every 30 seconds."),
        min_length=CODE_LENGTH,
        max_length=CODE_LENGTH + 2,  # room for a space some apps show in the middle
        widget=forms.TextInput(
            attrs={
                "autocomplete": "one-time-code",
                "inputmode": "numeric",
                "pattern": r"[0-9 ]*",
                "size": CODE_LENGTH + 2,
            }
        ),
    )

    def clean_otp_token(self) -> str:
        return clean_code(self.cleaned_data["otp_token"])

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
        if self.is_bound:
            self.fields["username"].widget.attrs.pop("autofocus", None)

    def refuse(self, message: str) -> None:
        """Show `message` for the whole form and drop the code, keeping the username as typed.

        The same message for a wrong password and a wrong code: it does not tell which was wrong.
        """
        self.add_error(None, message)
        data = self.data.copy() if isinstance(self.data, QueryDict) else dict(self.data)
        data["otp_token"] = ""
        self.data = data
        for name in ("password", "otp_token"):
            field = self.fields[name]
            # Setting aria-describedby replaces Django's link to the help text: keep both.
            described_by = [LOGIN_ERROR_ID] + ([f"{self[name].auto_id}_helptext"] if field.help_text else [])
            field.widget.attrs.update({"aria-invalid": "true", "aria-describedby": " ".join(described_by)})
        self.fields["password"].widget.attrs["autofocus"] = True


class SwitchOfficeForm(forms.Form):
    office = forms.UUIDField(label=_("Office"))


def _language_choices() -> list[tuple[str, str]]:
    # Each language in its own words, as a person looks for it ("svenska", not "Swedish").
    codes = [code for code, _name in settings.LANGUAGES]
    named = [(code, str(get_language_info(code)["name_local"]).capitalize()) for code in codes]
    return [("", str(_("As the browser asks"))), *named]


class LanguagePreferenceForm(forms.Form):
    """The interface language a person gets after logging in."""

    language = forms.ChoiceField(label=_("Interface language"), required=False, choices=_language_choices)


class NewPasswordForm(forms.Form):
    """A password the person chooses, typed twice; the services run Django's password validators
    (and show their refusals on the first field)."""

    new_password1 = forms.CharField(
        label=_("New password"),
        strip=False,
        help_text=_(
            "A few unrelated words make a good password: long, not a common one, and not like "
            "your name or username."
        ),
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )
    new_password2 = forms.CharField(
        label=_("New password again"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        first, second = data.get("new_password1"), data.get("new_password2")
        if first and second and first != second:
            self.add_error("new_password2", _("The two passwords differ: type the same one twice."))
        return data


class PasswordChangeForm(NewPasswordForm):
    """The person's own password: the current one, then the new one twice."""

    current_password = forms.CharField(
        label=_("Current password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password", "autofocus": True}),
    )
    field_order = ["current_password", "new_password1", "new_password2"]


class InvitationForm(NewPasswordForm):
    """The invited person's own password, and the first code of the authenticator app they have
    just set up (which confirms the app shows the right codes)."""

    otp_token = forms.CharField(
        label=_("Code from your authenticator app"),
        help_text=_("Six digits. A new code appears every 30 seconds."),
        min_length=CODE_LENGTH,
        max_length=CODE_LENGTH + 2,
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "pattern": r"[0-9 ]*"}
        ),
    )

    def clean_otp_token(self) -> str:
        return clean_code(self.cleaned_data["otp_token"])
