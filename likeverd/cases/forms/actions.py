"""The smaller actions on a case: assign, change status, add an entry, a task, a document, a party."""

from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from likeverd.accounts.models import User
from likeverd.accounts.viewer import Viewer
from likeverd.cases import selectors, workflow
from likeverd.cases.forms.common import PartyChoiceField, PersonChoiceField
from likeverd.cases.forms.details import ContactFieldsMixin
from likeverd.cases.models import Case, CounterpartKind, DocumentKind, EventKind, Outcome, Party, PartyRole
from likeverd.core.forms import BLANK, BaseForm, LocalDateField, LocalDateTimeField, long_text_validator


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
    note = forms.CharField(
        label=_("Note"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        validators=[long_text_validator()],
    )

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
    body = forms.CharField(
        label=_("Text"), widget=forms.Textarea(attrs={"rows": 4}), validators=[long_text_validator()]
    )
    occurred_at = LocalDateTimeField(label=_("When"), required=False, help_text=_("Leave empty for now."))


class TaskForm(BaseForm):
    prefix = "task"
    title = forms.CharField(label=_("What needs to be done"), max_length=300)
    due_date = LocalDateField(label=_("Due"))
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
    notes = forms.CharField(
        label=_("Notes"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        validators=[long_text_validator()],
    )

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
