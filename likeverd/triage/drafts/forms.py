"""The draft's editable text: one field per part (models.DRAFT_FIELDS), all optional but the
service wants a subject or what happened."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _
from django_stubs_ext import StrOrPromise

from likeverd.core.forms import BaseForm, long_text_validator
from likeverd.triage.drafts.models import DRAFT_FIELDS

LABELS: dict[str, tuple[StrOrPromise, StrOrPromise]] = {
    "sender": (_("From"), _("The office's name and address, as the letter should show them.")),
    "recipient": (_("To"), _("Name and postal or e-mail address of the receiver.")),
    "subject": (_("Subject"), ""),
    "person": (
        _("The person's details"),
        _("Only what the person agreed to give the receiver. Leave empty to leave the person unnamed."),
    ),
    "counterpart": (_("Counterpart"), ""),
    "incident": (_("When and where"), ""),
    "grounds": (_("Grounds"), ""),
    "area": (_("Area of society"), ""),
    "facts": (_("What happened"), ""),
    "evidence": (_("Evidence"), ""),
    "request": (_("What we ask"), ""),
    "signature": (_("Signature"), ""),
}
SHORT = {"subject", "grounds", "area"}


class DraftForm(BaseForm):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name in DRAFT_FIELDS:
            label, help_text = LABELS[name]
            widget = (
                forms.TextInput()
                if name in SHORT
                else forms.Textarea(attrs={"rows": 8 if name == "facts" else 3})
            )
            self.fields[name] = forms.CharField(
                label=label,
                help_text=help_text,
                required=False,
                strip=True,
                widget=widget,
                validators=[long_text_validator()],
            )

    def texts(self) -> dict[str, str]:
        return {name: str(self.cleaned_data.get(name) or "") for name in DRAFT_FIELDS}
