"""Staff forms of outreach and finances: the models' own fields, office-scoped choices."""

import datetime as dt
from typing import Any

from django import forms
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext_lazy as _

from likeverd.accounts.viewer import Viewer
from likeverd.outreach import selectors
from likeverd.outreach.models import (
    CourseSession,
    CourseTemplate,
    Expense,
    Grant,
    MediaMention,
    OutreachEvent,
    Patrol,
)

DATE = forms.DateInput(attrs={"type": "date"})


def _seen_field(row: Any) -> forms.CharField:
    """The row's `updated_at` when the form was opened: the service refuses a stale form."""
    return forms.CharField(widget=forms.HiddenInput, initial=row.updated_at.isoformat())


def _parse_seen(value: str) -> dt.datetime:
    try:
        seen = parse_datetime(value)
    except ValueError:  # well formed but impossible, such as 30 February
        seen = None
    if seen is None:
        raise forms.ValidationError(_("The form is out of date. Open it again."))
    return seen


class OfficeForm(forms.ModelForm):  # type: ignore[type-arg]
    """A model form for a row of the viewer's office (the office is set by the service); a
    form that changes a row carries the version it was opened on."""

    def __init__(self, *args: Any, viewer: Viewer, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.viewer = viewer
        if self.instance.pk is not None:
            self.fields["seen"] = _seen_field(self.instance)

    def clean_seen(self) -> dt.datetime:
        return _parse_seen(self.cleaned_data["seen"])


class DeleteForm(forms.Form):
    """The confirmation of a delete: only the version of the row that was shown."""

    def __init__(self, *args: Any, row: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["seen"] = _seen_field(row)

    def clean_seen(self) -> dt.datetime:
        return _parse_seen(self.cleaned_data["seen"])


class CourseTemplateForm(OfficeForm):
    class Meta:
        model = CourseTemplate
        fields = ["title", "hours", "capacity", "is_active"]


class CourseSessionForm(OfficeForm):
    class Meta:
        model = CourseSession
        fields = ["template", "date", "host_organisation", "audience", "participants", "instructors", "paid"]
        widgets = {"date": DATE}
        labels = {"template": _("course")}

    def __init__(self, *args: Any, viewer: Viewer, **kwargs: Any) -> None:
        super().__init__(*args, viewer=viewer, **kwargs)
        self.fields["template"].queryset = selectors.course_templates(viewer).filter(is_active=True)  # type: ignore[attr-defined]


class EventForm(OfficeForm):
    class Meta:
        model = OutreachEvent
        fields = ["date", "kind", "title", "place", "audience_reached"]
        widgets = {"date": DATE}


class MediaMentionForm(OfficeForm):
    class Meta:
        model = MediaMention
        fields = ["date", "outlet", "title", "link"]
        widgets = {"date": DATE}


class PatrolForm(OfficeForm):
    class Meta:
        model = Patrol
        fields = ["date", "venue", "volunteers"]
        widgets = {"date": DATE}


class WitnessedForm(forms.Form):
    narrative = forms.CharField(
        label=_("What the patrol witnessed"), widget=forms.Textarea(attrs={"rows": 4})
    )
    place = forms.CharField(label=_("Municipality"), required=False, max_length=100)


class GrantForm(OfficeForm):
    funder_name = forms.CharField(label=_("Funder"), max_length=200)

    class Meta:
        model = Grant
        fields = [
            "year",
            "granted",
            "received",
            "carried_in",
            "carried_in_from",
            "carried_out",
            "carried_out_to",
            "repaid",
            "remarks",
        ]

    def __init__(self, *args: Any, viewer: Viewer, **kwargs: Any) -> None:
        super().__init__(*args, viewer=viewer, **kwargs)
        if self.instance.pk:
            self.fields["funder_name"].initial = self.instance.funder.name
        self.order_fields(["funder_name", *self.Meta.fields])


class ExpenseForm(OfficeForm):
    class Meta:
        model = Expense
        fields = ["year", "kind", "amount", "remarks"]
