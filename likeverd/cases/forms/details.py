"""Registering a contact and editing a case's details: what happened, when, where, and who."""

import datetime as dt
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext_lazy as _

from likeverd.accounts.roles import Permission
from likeverd.accounts.viewer import Viewer
from likeverd.cases import dates, services
from likeverd.cases.forms.common import LANGUAGES
from likeverd.cases.models import Case, Channel, PartyRole, PlaceKind, Wish
from likeverd.core import clock
from likeverd.core.forms import BLANK, BaseForm, long_text_validator


class CaseDetailsForm(BaseForm):
    """What happened, when and where: shared by registration and editing."""

    channel = forms.ChoiceField(label=_("Channel"), choices=Channel.choices, initial=Channel.PHONE)
    narrative = forms.CharField(
        label=_("What happened"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
        validators=[long_text_validator()],
        help_text=_("In the person's own words where you can."),
    )
    incident_date = forms.CharField(
        label=_("When"),
        required=False,
        max_length=60,
        help_text=_("As the person says it: 14.03.2025, March 2025, spring 2025, yesterday or last week."),
    )
    incident_municipality = forms.CharField(
        label=_("Municipality where it happened"), required=False, max_length=80
    )
    place_kind = forms.ChoiceField(
        label=_("Kind of place"), required=False, choices=BLANK + list(PlaceKind.choices)
    )
    residence_municipality = forms.CharField(
        label=_("Municipality of residence"), required=False, max_length=80
    )
    wishes = forms.MultipleChoiceField(
        label=_("What the person wants"),
        required=False,
        choices=Wish.choices,
        widget=forms.CheckboxSelectMultiple,
    )

    def clean_incident_date(self) -> dates.IncidentDate:
        return dates.parse_incident_date(self.cleaned_data.get("incident_date", ""), today=clock.today())

    def to_details(self) -> services.CaseDetails:
        data = self.cleaned_data
        return services.CaseDetails(
            channel=Channel(data["channel"]),
            narrative=data["narrative"].strip(),
            incident_date=data["incident_date"],
            incident_municipality=data["incident_municipality"],
            place_kind=data["place_kind"],
            residence_municipality=data["residence_municipality"],
            wishes=list(data["wishes"]),
        )


class ContactFieldsMixin(BaseForm):
    name = forms.CharField(label=_("Name"), required=False, max_length=200)
    is_anonymous = forms.BooleanField(
        label=_("Anonymous"),
        required=False,
        help_text=_("The person does not want their name kept. No name is stored."),
    )
    phone = forms.CharField(
        label=_("Phone"), required=False, max_length=40, widget=forms.TextInput(attrs={"type": "tel"})
    )
    email = forms.EmailField(label=_("E-mail"), required=False)
    safe_to_call = forms.BooleanField(label=_("Safe to call"), required=False)
    safe_voicemail = forms.BooleanField(label=_("Safe to leave a voicemail"), required=False)
    safe_email = forms.BooleanField(label=_("Safe to e-mail"), required=False)
    language = forms.ChoiceField(label=_("Language"), required=False, choices=LANGUAGES)
    needs_interpreter = forms.BooleanField(label=_("Needs an interpreter"), required=False)

    def to_person(self, role: PartyRole = PartyRole.PERSON) -> services.PersonDetails:
        data = self.cleaned_data
        return services.PersonDetails(
            name=data["name"],
            is_anonymous=data["is_anonymous"],
            phone=data["phone"],
            email=data["email"],
            safe_to_call=data["safe_to_call"],
            safe_voicemail=data["safe_voicemail"],
            safe_email=data["safe_email"],
            language=data["language"],
            needs_interpreter=data["needs_interpreter"],
            role=role,
        )


class RegisterCallForm(ContactFieldsMixin, CaseDetailsForm):
    """The one-minute form: what opens a case first, the rest folded (see register_call.html)."""

    # What a case needs, in the order the template shows them; the rest can wait.
    FIRST_FIELDS = (
        "channel",
        "narrative",
        "name",
        "is_anonymous",
        "phone",
        "email",
        "safe_to_call",
        "safe_voicemail",
        "safe_email",
    )
    assign_to_me = forms.BooleanField(label=_("Assign the case to me"), required=False, initial=True)

    field_order = [
        *FIRST_FIELDS,
        "language",
        "needs_interpreter",
        "incident_date",
        "incident_municipality",
        "place_kind",
        "residence_municipality",
        "wishes",
        "assign_to_me",
    ]

    def __init__(self, *args: Any, viewer: Viewer, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not viewer.can(Permission.ASSIGN_CASE):
            del self.fields["assign_to_me"]
        self.fields["channel"].widget.attrs["autofocus"] = True

    def first_fields(self) -> list[forms.BoundField]:
        return [self[name] for name in self.FIRST_FIELDS]

    def later_fields(self) -> list[forms.BoundField]:
        return [
            self[name] for name in self.fields if name not in self.FIRST_FIELDS and name != "assign_to_me"
        ]

    def later_fields_used(self) -> bool:
        """Whether the folded part holds an answer or an error, so the form shows it open."""
        if not self.is_bound:
            return False
        return any(bool(field.errors) or bool(field.data) for field in self.later_fields())

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        said = [str(data.get(name) or "").strip() for name in ("narrative", "name", "phone", "email")]
        if not any(said) and not self.errors:
            raise ValidationError(
                _("Write what happened, or whom it concerns (a name, phone or e-mail), to open a case."),
                code="empty",
            )
        return data


class CaseEditForm(CaseDetailsForm):
    # The case's `updated_at` when the form was opened: the stale-form guard (see views.case_edit).
    updated_at = forms.CharField(widget=forms.HiddenInput)

    def clean_updated_at(self) -> dt.datetime:
        try:
            value = parse_datetime(self.cleaned_data["updated_at"])
        except ValueError:  # well formed but impossible, such as 30 February
            value = None
        if value is None:
            raise ValidationError(_("The form is out of date. Open it again."))
        return value

    @classmethod
    def initial_for(cls, case: Case) -> dict[str, Any]:
        return {
            "channel": case.channel,
            "narrative": case.narrative,
            "incident_date": case.incident_date_text,
            "incident_municipality": case.incident_municipality,
            "place_kind": case.place_kind,
            "residence_municipality": case.residence_municipality,
            "wishes": case.wishes,
            "updated_at": case.updated_at.isoformat(),
        }
