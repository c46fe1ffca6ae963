"""The shapes of the office administrator's inputs; the services check what is allowed."""

import datetime as dt
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext_lazy as _

from likeverd.accounts.roles import OFFICE_ROLES, Role
from likeverd.accounts.services import NewStaffMember, OfficeDetails
from likeverd.accounts.viewer import Viewer
from likeverd.cases.forms import LANGUAGES as PARTY_LANGUAGES
from likeverd.cases.forms import TermChoiceField
from likeverd.officeadmin import selectors
from likeverd.officeadmin.models import ReportText
from likeverd.officeadmin.services import ReportTexts
from likeverd.taxonomy.models import Term
from likeverd.taxonomy.services import CategoryLabels

OFFICE_LANGUAGES = [(code, label) for code, label in PARTY_LANGUAGES if code not in {"", "other"}]
ROLE_CHOICES = [(role.value, role.label) for role in OFFICE_ROLES]
INVITE, PASSWORD = "invite", "password"


class OfficeDetailsForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=200)
    phone = forms.CharField(label=_("Public phone"), max_length=40, required=False)
    email = forms.EmailField(label=_("Public e-mail"), required=False)
    address = forms.CharField(label=_("Address"), required=False, widget=forms.Textarea(attrs={"rows": 3}))
    opening_hours = forms.CharField(
        label=_("Opening hours"),
        required=False,
        help_text=_(
            "As the public should read them, for example “Monday to Friday 9–15, Thursday until 18”."
        ),
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    languages = forms.MultipleChoiceField(
        label=_("Languages offered"),
        required=False,
        choices=OFFICE_LANGUAGES,
        widget=forms.CheckboxSelectMultiple,
    )
    municipalities = forms.CharField(
        label=_("Municipalities served"),
        required=False,
        help_text=_("One municipality a line."),
        widget=forms.Textarea(attrs={"rows": 5}),
    )

    @classmethod
    def initial_for(cls, viewer: Viewer) -> dict[str, Any]:
        office = viewer.office
        if office is None:
            return {}
        return {
            "name": office.name,
            "phone": office.phone,
            "email": office.email,
            "address": office.address,
            "opening_hours": office.opening_hours,
            "languages": [code for code in office.languages if code in dict(OFFICE_LANGUAGES)],
            "municipalities": "\n".join(office.municipalities),
        }

    def to_details(self) -> OfficeDetails:
        data = self.cleaned_data
        return OfficeDetails(
            name=data["name"],
            phone=data["phone"],
            email=data["email"],
            address=data["address"],
            opening_hours=data["opening_hours"],
            languages=data["languages"],
            municipalities=data["municipalities"].splitlines(),
        )


class StaffMemberForm(forms.Form):
    first_name = forms.CharField(label=_("First name"), max_length=150)
    last_name = forms.CharField(label=_("Last name"), max_length=150)
    username = forms.RegexField(
        label=_("Username"),
        max_length=150,
        regex=r"^[\w.@+-]+\Z",
        help_text=_("What the person types to log in: letters, digits and . @ + - _ only."),
        widget=forms.TextInput(
            attrs={"autocapitalize": "none", "spellcheck": "false", "autocomplete": "off"}
        ),
    )
    email = forms.EmailField(label=_("E-mail"), required=False)
    roles = forms.MultipleChoiceField(
        label=_("Roles"), choices=ROLE_CHOICES, widget=forms.CheckboxSelectMultiple
    )
    how = forms.ChoiceField(
        label=_("How the person gets their password"),
        choices=[
            (INVITE, _("Send an invitation by e-mail: they choose their own password and set up their app")),
            (PASSWORD, _("Make a password now and hand it over with the QR code, in person")),
        ],
        initial=INVITE,
        widget=forms.RadioSelect,
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("how") == INVITE and not data.get("email") and "email" not in self.errors:
            self.add_error("email", _("An invitation needs the person's e-mail address."))
        return data

    @property
    def sends_invitation(self) -> bool:
        return self.cleaned_data.get("how") == INVITE

    def to_member(self) -> NewStaffMember:
        data = self.cleaned_data
        return NewStaffMember(
            username=data["username"],
            first_name=data["first_name"],
            last_name=data["last_name"],
            email=data["email"],
            roles=tuple(Role(role) for role in data["roles"]),
        )


class ResendInvitationForm(forms.Form):
    email = forms.EmailField(
        label=_("E-mail"), help_text=_("Correct the address here if the first one was wrong.")
    )


class RoleForm(forms.Form):
    role = forms.ChoiceField(label=_("Role"), choices=ROLE_CHOICES)


class AuthenticatorForm(forms.Form):
    name = forms.CharField(
        label=_("Name of the authenticator"),
        max_length=64,
        initial=_("Second phone"),
        help_text=_("So the person can tell their authenticators apart, for example “work phone”."),
    )


class CategoryForm(forms.Form):
    label_nb = forms.CharField(label=_("Name (Norwegian)"), max_length=120)
    label_sv = forms.CharField(label=_("Name (Swedish)"), max_length=120)
    label_en = forms.CharField(label=_("Name (English)"), max_length=120)
    areas = TermChoiceField(
        label=_("Legal areas"),
        queryset=Term.objects.none(),
        required=False,
        help_text=_("The areas of law the category counts under in the statistics."),
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args: Any, viewer: Viewer, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["areas"]
        assert isinstance(field, TermChoiceField)  # noqa: S101 (declared above)
        field.queryset = selectors.list_legal_areas(viewer=viewer)

    def to_labels(self) -> CategoryLabels:
        data = self.cleaned_data
        return CategoryLabels(label_nb=data["label_nb"], label_sv=data["label_sv"], label_en=data["label_en"])

    def to_areas(self) -> list[Term]:
        return list(self.cleaned_data["areas"])


class ReportTextsForm(forms.Form):
    introduction = forms.CharField(
        label=_("Introduction"),
        required=False,
        max_length=20000,
        help_text=_(
            "Opens the report: who the office is and what the year was like. Blank lines make paragraphs."
        ),
        widget=forms.Textarea(attrs={"rows": 10}),
    )
    reflections = forms.CharField(
        label=_("Experiences and reflections"),
        required=False,
        max_length=20000,
        help_text=_("Follows the figures: what the office learned, what the numbers do not show."),
        widget=forms.Textarea(attrs={"rows": 10}),
    )
    # The saved texts' `updated_at` when the form was opened ("" when none were saved yet): the
    # stale-form guard (see views.report_texts.report_text_edit).
    updated_at = forms.CharField(widget=forms.HiddenInput, required=False)

    def clean_updated_at(self) -> dt.datetime | None:
        raw = self.cleaned_data["updated_at"]
        if not raw:
            return None
        try:
            value = parse_datetime(raw)
        except ValueError:  # well formed but impossible, such as 30 February
            value = None
        if value is None:
            raise ValidationError(_("The form is out of date. Open it again."))
        return value

    @classmethod
    def initial_for(cls, text: ReportText | None) -> dict[str, Any]:
        if text is None:
            return {"updated_at": ""}
        return {
            "introduction": text.introduction,
            "reflections": text.reflections,
            "updated_at": text.updated_at.isoformat(),
        }

    def to_texts(self, *, year: int, language: str) -> ReportTexts:
        data = self.cleaned_data
        return ReportTexts(
            year=year,
            language=language,
            introduction=data["introduction"],
            reflections=data["reflections"],
            opened_version=data["updated_at"],
        )
