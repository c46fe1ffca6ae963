"""The forms of the reporter's pages (the code, a message) and of the staff's reply."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from likeverd.intake.receipts import normalise_code


class ReceiptCodeForm(forms.Form):
    code = forms.CharField(
        label=_("Your receipt code"),
        max_length=64,
        help_text=_("The 16 digits you got when you reported. Spaces do not matter."),
        widget=forms.TextInput(
            attrs={
                "inputmode": "numeric",
                "autocomplete": "off",
                "autocapitalize": "off",
                "spellcheck": "false",
                "dir": "ltr",
            }
        ),
    )

    def clean_code(self) -> str:
        code = normalise_code(self.cleaned_data["code"])
        if code is None:
            raise forms.ValidationError(
                _("A receipt code has 16 digits. Check that you have typed all of them."), code="format"
            )
        return code


class ReporterMessageForm(forms.Form):
    body = forms.CharField(
        label=_("Your message"),
        required=False,
        strip=True,
        widget=forms.Textarea(attrs={"rows": 5, "dir": "auto"}),
    )
    file = forms.FileField(
        label=_("Add a photo, screenshot or PDF (optional)"),
        required=False,
        help_text=_("Where a photo was taken and who took it are removed before it is stored."),
        widget=forms.ClearableFileInput(attrs={"accept": "image/jpeg,image/png,image/webp,application/pdf"}),
    )

    def clean(self) -> dict[str, Any] | None:
        cleaned = super().clean() or {}
        if not cleaned.get("body") and not cleaned.get("file"):
            raise forms.ValidationError(_("Write a message or add a file."), code="empty")
        return cleaned


class StaffReplyForm(forms.Form):
    body = forms.CharField(
        label=_("Reply to the reporter"),
        help_text=_("The reporter reads this with their receipt code, often on a phone. Write plainly."),
        widget=forms.Textarea(attrs={"rows": 4}),
    )
