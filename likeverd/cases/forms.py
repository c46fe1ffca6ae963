"""The input shape of the case-work screens. Forms parse and check what was typed and hand
plain values (services' dataclasses) to the views; the services decide what is allowed.
"""

import datetime as dt
from collections.abc import Iterator
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Q, QuerySet
from django.forms import CheckboxSelectMultiple
from django.forms.models import ModelChoiceIterator
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext_lazy as _

from likeverd.accounts.models import User
from likeverd.accounts.roles import Permission
from likeverd.accounts.viewer import Viewer
from likeverd.cases import dates, selectors, services, workflow
from likeverd.cases.models import (
    Case,
    CaseStatus,
    Channel,
    CounterpartKind,
    DocumentKind,
    EventKind,
    Outcome,
    Party,
    PartyRole,
    PlaceKind,
    ReportingCategory,
    Wish,
)
from likeverd.cases.selectors import CaseFilters
from likeverd.core import clock
from likeverd.taxonomy.models import Term, TermKind
from likeverd.taxonomy.selectors import list_terms, term_labels_by_kind

# The languages offices most often meet; the code is what is stored (Party.language).
LANGUAGES = [
    ("", _("Not asked")),
    ("nb", _("Norwegian")),
    ("sv", _("Swedish")),
    ("en", _("English")),
    ("ar", _("Arabic")),
    ("so", _("Somali")),
    ("ti", _("Tigrinya")),
    ("fa", _("Persian")),
    ("prs", _("Dari")),
    ("ps", _("Pashto")),
    ("ku", _("Kurdish")),
    ("ur", _("Urdu")),
    ("pa", _("Punjabi")),
    ("tr", _("Turkish")),
    ("pl", _("Polish")),
    ("uk", _("Ukrainian")),
    ("ru", _("Russian")),
    ("ro", _("Romanian")),
    ("es", _("Spanish")),
    ("fr", _("French")),
    ("se", _("Northern Sami")),
    ("rom", _("Romani")),
    ("other", _("Another language")),
]

BLANK = [("", "—")]


def _person_label(user: User) -> str:
    return user.get_full_name() or user.get_username()


class _RowsIterator(ModelChoiceIterator):  # type: ignore[type-arg]
    """The choices from the field's `rows` when given (people read once for the whole page),
    rather than a new query each time the field is drawn."""

    def __iter__(self) -> Iterator[tuple[Any, Any]]:
        rows = getattr(self.field, "rows", None)
        if rows is None:
            yield from super().__iter__()
            return
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        for obj in rows:
            yield self.choice(obj)

    def __len__(self) -> int:
        rows = getattr(self.field, "rows", None)
        if rows is None:
            return super().__len__()
        return len(rows) + (1 if self.field.empty_label is not None else 0)


class PersonChoiceField(forms.ModelChoiceField):  # type: ignore[type-arg]
    iterator = _RowsIterator

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.rows: list[User] | None = None

    def set_people(self, people: list[User]) -> None:
        """Offer `people` (read already); a submitted choice is checked against the same people."""
        self.rows = people
        self.queryset = User.objects.filter(pk__in=[person.pk for person in people])

    def label_from_instance(self, obj: Any) -> str:
        return _person_label(obj)


class PartyChoiceField(forms.ModelChoiceField):  # type: ignore[type-arg]
    def label_from_instance(self, obj: Any) -> str:
        return f"{obj.display_name} ({obj.get_role_display()})"


class CategoryChoiceField(forms.ModelChoiceField):  # type: ignore[type-arg]
    def label_from_instance(self, obj: Any) -> str:
        return str(obj.label)


class TermChoiceField(forms.ModelMultipleChoiceField):  # type: ignore[type-arg]
    def label_from_instance(self, obj: Any) -> str:
        return str(obj.label)


class BaseForm(forms.Form):
    """Labels without the trailing colon: the screens put labels above their fields."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)


def _date_input() -> forms.DateInput:
    return forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


# --- the case list's filters ------------------------------------------------------------------


class CaseFilterForm(BaseForm):
    q = forms.CharField(
        label=_("Search"),
        required=False,
        max_length=200,
        widget=forms.TextInput(attrs={"type": "search", "autocomplete": "off"}),
        help_text=_("Case number, a name, or words from what happened, notes and tasks."),
    )
    status = forms.ChoiceField(label=_("Status"), required=False, choices=BLANK + list(CaseStatus.choices))
    assigned = forms.ChoiceField(label=_("Adviser"), required=False)
    ground = forms.ChoiceField(label=_("Ground"), required=False)
    area = forms.ChoiceField(label=_("Area"), required=False)
    channel = forms.ChoiceField(label=_("Channel"), required=False, choices=BLANK + list(Channel.choices))
    received_from = forms.DateField(label=_("Received from"), required=False, widget=_date_input())
    received_to = forms.DateField(label=_("Received to"), required=False, widget=_date_input())

    def __init__(self, *args: Any, viewer: Viewer, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        jurisdiction = viewer.office.jurisdiction if viewer.office else ""
        field: Any = self.fields["assigned"]
        field.choices = [*BLANK, ("none", _("Nobody"))] + [
            (str(user.public_id), _person_label(user)) for user in selectors.caseworkers(viewer=viewer)
        ]
        labels = term_labels_by_kind(
            jurisdiction=jurisdiction, kinds=[TermKind.GROUND, TermKind.AREA], on=clock.today()
        )
        for name, kind in (("ground", TermKind.GROUND), ("area", TermKind.AREA)):
            field = self.fields[name]
            field.choices = BLANK + list(labels[kind].items())

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        start, end = cleaned.get("received_from"), cleaned.get("received_to")
        if start and end and start > end:
            self.add_error("received_to", _("The end of the period is before its start."))
        return cleaned

    def to_filters(self) -> CaseFilters:
        data = self.cleaned_data if self.is_bound and self.is_valid() else {}
        return CaseFilters(
            query=data.get("q", ""),
            status=data.get("status", ""),
            assigned_to=data.get("assigned", ""),
            ground=data.get("ground", ""),
            area=data.get("area", ""),
            channel=data.get("channel", ""),
            received_from=data.get("received_from"),
            received_to=data.get("received_to"),
        )


# --- registering and editing ------------------------------------------------------------------


class CaseDetailsForm(BaseForm):
    """What happened, when and where: shared by registration and editing."""

    channel = forms.ChoiceField(label=_("Channel"), choices=Channel.choices, initial=Channel.PHONE)
    narrative = forms.CharField(
        label=_("What happened"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("In the person's own words where you can."),
    )
    incident_date = forms.CharField(
        label=_("When"),
        required=False,
        max_length=60,
        help_text=_("As the person says it: 14.03.2025, March 2025, spring 2025 or 2025."),
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
    assign_to_me = forms.BooleanField(label=_("Assign the case to me"), required=False, initial=True)

    field_order = [
        "channel",
        "name",
        "is_anonymous",
        "phone",
        "email",
        "safe_to_call",
        "safe_voicemail",
        "safe_email",
        "language",
        "needs_interpreter",
        "narrative",
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


class CaseEditForm(CaseDetailsForm):
    # The case's `updated_at` when the form was opened: the stale-form guard (see views.case_edit).
    updated_at = forms.CharField(widget=forms.HiddenInput)

    def clean_updated_at(self) -> dt.datetime:
        value = parse_datetime(self.cleaned_data["updated_at"])
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


# --- classification ---------------------------------------------------------------------------

CLASSIFICATION_KINDS = {
    "grounds": (TermKind.GROUND, _("Grounds")),
    "areas": (TermKind.AREA, _("Areas")),
    "forms": (TermKind.FORM, _("Forms")),
    "tracks": (TermKind.TRACK, _("Tracks")),
}


class ClassifyForm(BaseForm):
    grounds = TermChoiceField(
        label=_("Grounds"), queryset=Term.objects.none(), required=False, widget=CheckboxSelectMultiple
    )
    areas = TermChoiceField(
        label=_("Areas"), queryset=Term.objects.none(), required=False, widget=CheckboxSelectMultiple
    )
    forms = TermChoiceField(
        label=_("Forms"), queryset=Term.objects.none(), required=False, widget=CheckboxSelectMultiple
    )
    tracks = TermChoiceField(
        label=_("Tracks"), queryset=Term.objects.none(), required=False, widget=CheckboxSelectMultiple
    )
    reporting_category = CategoryChoiceField(
        label=_("Area of society (for reports)"), queryset=ReportingCategory.objects.none(), required=False
    )

    def __init__(self, *args: Any, viewer: Viewer, case: Case, **kwargs: Any) -> None:
        kwargs.setdefault(
            "initial",
            {
                "grounds": list(case.grounds.all()),
                "areas": list(case.areas.all()),
                "forms": list(case.forms.all()),
                "tracks": list(case.tracks.all()),
                "reporting_category": case.reporting_category,
            },
        )
        super().__init__(*args, **kwargs)
        jurisdiction = viewer.office.jurisdiction if viewer.office else ""
        self.term_options: dict[str, list[Term]] = {}
        for name, (kind, _label) in CLASSIFICATION_KINDS.items():
            valid_today = [t.pk for t in list_terms(jurisdiction=jurisdiction, kind=kind, on=clock.today())]
            # A case keeps the term versions it was classified with, even once the law has moved on.
            in_use = [t.pk for t in getattr(case, name).all()]
            queryset = (
                Term.objects.filter(Q(pk__in=valid_today) | Q(pk__in=in_use))
                .prefetch_related("sources")
                .order_by("sort_order", "code")
            )
            field: Any = self.fields[name]
            field.queryset = queryset
            self.term_options[name] = list(queryset)
        category: Any = self.fields["reporting_category"]
        category.queryset = selectors.list_reporting_categories(
            viewer=viewer
        ) | ReportingCategory.objects.filter(pk=case.reporting_category_id or 0)

    def groups(self) -> list[dict[str, Any]]:
        """The checkbox groups for the template: each term with its citation and whether it is ticked."""
        chosen = {name: self._chosen(name) for name in CLASSIFICATION_KINDS}
        return [
            {
                "name": name,
                "legend": label,
                "field": self[name],
                "options": [
                    {
                        "term": term,
                        "id": f"id_{name}_{index}",
                        "checked": str(term.pk) in chosen[name],
                        "citation": "; ".join(str(source) for source in term.sources.all()),
                    }
                    for index, term in enumerate(self.term_options[name])
                ],
            }
            for name, (_kind, label) in CLASSIFICATION_KINDS.items()
        ]

    def _chosen(self, name: str) -> set[str]:
        if self.is_bound:
            return (
                set(self.data.getlist(name))
                if hasattr(self.data, "getlist")
                else set(self.data.get(name, []))
            )
        return {str(term.pk) for term in self.initial.get(name, [])}

    def to_classification(self) -> services.Classification:
        data = self.cleaned_data
        return services.Classification(
            grounds=list(data["grounds"]),
            areas=list(data["areas"]),
            forms=list(data["forms"]),
            tracks=list(data["tracks"]),
            reporting_category=data["reporting_category"],
        )


# --- the smaller actions on a case --------------------------------------------------------------


class AssignForm(BaseForm):
    prefix = "assign"
    assignee = PersonChoiceField(
        label=_("Assign to"), queryset=User.objects.none(), required=False, empty_label=_("Nobody")
    )

    def __init__(self, *args: Any, viewer: Viewer, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field: Any = self.fields["assignee"]
        field.set_people(selectors.caseworkers(viewer=viewer))


class StatusForm(BaseForm):
    prefix = "status"
    to_status = forms.ChoiceField(label=_("New status"))
    outcome = forms.ChoiceField(
        label=_("Outcome"),
        required=False,
        choices=BLANK + list(Outcome.choices),
        help_text=_("Needed when you close the case."),
    )
    note = forms.CharField(label=_("Note"), required=False, widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args: Any, viewer: Viewer, case: Case, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field: Any = self.fields["to_status"]
        field.choices = [
            (s.value, s.label) for s in workflow.allowed_targets(case.status, viewer.permissions)
        ]


ENTRY_KINDS = [
    (kind.value, kind.label) for kind in (EventKind.NOTE, EventKind.CALL, EventKind.MEETING, EventKind.EMAIL)
]


class EntryForm(BaseForm):
    prefix = "entry"
    kind = forms.ChoiceField(label=_("Kind"), choices=ENTRY_KINDS, initial=EventKind.NOTE)
    body = forms.CharField(label=_("Text"), widget=forms.Textarea(attrs={"rows": 4}))
    occurred_at = forms.DateTimeField(
        label=_("When"),
        required=False,
        help_text=_("Leave empty for now."),
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
    )


class TaskForm(BaseForm):
    prefix = "task"
    title = forms.CharField(label=_("What needs to be done"), max_length=300)
    due_date = forms.DateField(label=_("Due"), widget=_date_input())
    assignee = PersonChoiceField(
        label=_("Who"), queryset=User.objects.none(), required=False, empty_label=_("Me")
    )

    def __init__(self, *args: Any, viewer: Viewer, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field: Any = self.fields["assignee"]
        field.set_people(selectors.office_people(viewer=viewer))


class UploadForm(BaseForm):
    prefix = "upload"
    kind = forms.ChoiceField(
        label=_("Kind of document"), choices=DocumentKind.choices, initial=DocumentKind.OTHER
    )
    file = forms.FileField(
        label=_("File"),
        help_text=_("PDF, an image, Word or OpenDocument text, plain text or an audio recording."),
    )


class PartyForm(ContactFieldsMixin, BaseForm):
    role = forms.ChoiceField(label=_("Role"), choices=PartyRole.choices)
    counterpart_kind = forms.ChoiceField(
        label=_("Kind of counterpart"),
        required=False,
        choices=BLANK + list(CounterpartKind.choices),
        help_text=_("Only for a counterpart."),
    )
    represents = PartyChoiceField(
        label=_("Represents"),
        queryset=Party.objects.none(),
        required=False,
        help_text=_("Only for a representative."),
    )
    notes = forms.CharField(label=_("Notes"), required=False, widget=forms.Textarea(attrs={"rows": 3}))

    field_order = [
        "role",
        "counterpart_kind",
        "represents",
        "name",
        "is_anonymous",
        "phone",
        "email",
        "safe_to_call",
        "safe_voicemail",
        "safe_email",
        "language",
        "needs_interpreter",
        "notes",
    ]

    def __init__(self, *args: Any, parties: QuerySet[Party], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field: Any = self.fields["represents"]
        field.queryset = parties
