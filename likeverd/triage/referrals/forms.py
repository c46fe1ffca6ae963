"""Input of the referral screens: where to (a service or an authority), the consent and what
was shared, a change of status."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from likeverd.core.forms import BaseForm, LocalDateTimeField, long_text_validator
from likeverd.directory.models import Service
from likeverd.triage.checklists import Actor
from likeverd.triage.models import OtherProblem
from likeverd.triage.referrals.models import ConsentMethod, ReferralStatus, SharedField


class SuggestForm(BaseForm):
    receiver = forms.ChoiceField(label=_("Refer to"))
    need = forms.ChoiceField(label=_("For the problem"), required=False)
    note = forms.CharField(
        label=_("Note"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        validators=[long_text_validator()],
    )

    def __init__(self, *args: Any, services: list[Service], authorities: list[Actor], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        service_choices = [(f"service:{s.public_id}", f"{s.name} ({s.organization.name})") for s in services]
        authority_choices = [(f"authority:{a.code}", a.name.in_language()) for a in authorities]
        self.fields["receiver"].choices = [  # type: ignore[attr-defined]
            ("", "—"),
            (_("Authorities"), authority_choices),
            (_("Help services"), service_choices),
        ]
        self.fields["need"].choices = [("", "—"), *OtherProblem.choices]  # type: ignore[attr-defined]

    def receiver_parts(self) -> tuple[str, str]:
        """("service", public id) or ("authority", code)."""
        kind, _sep, value = str(self.cleaned_data["receiver"]).partition(":")
        return kind, value


class MakeForm(BaseForm):
    consent_given_by = forms.CharField(
        label=_("Consent given by"),
        help_text=_("The person, or who may consent for them (a guardian), by name."),
        max_length=200,
    )
    consent_method = forms.ChoiceField(
        label=_("How consent was given"), choices=ConsentMethod.choices, widget=forms.RadioSelect
    )
    consent_given_at = LocalDateTimeField(label=_("When consent was given"))
    shared_fields = forms.MultipleChoiceField(
        label=_("What the person agreed to share"),
        choices=SharedField.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    shared_text = forms.CharField(
        label=_("Exactly what was shared"),
        help_text=_("The text passed on to the receiver. Delete what the person did not agree to share."),
        required=False,
        widget=forms.Textarea(attrs={"rows": 8}),
        validators=[long_text_validator()],
    )
    note = forms.CharField(
        label=_("Note"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        validators=[long_text_validator()],
    )


class ReferralStatusForm(BaseForm):
    to_status = forms.ChoiceField(label=_("New status"))
    note = forms.CharField(
        label=_("Note"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        validators=[long_text_validator()],
    )

    def __init__(self, *args: Any, statuses: list[ReferralStatus], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["to_status"].choices = [(s.value, s.label) for s in statuses]  # type: ignore[attr-defined]
