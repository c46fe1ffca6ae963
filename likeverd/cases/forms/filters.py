"""The case list's filters: what was typed, checked and handed on as selectors' CaseFilters."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from likeverd.accounts.viewer import Viewer
from likeverd.cases import selectors
from likeverd.cases.forms.common import person_label
from likeverd.cases.models import CaseStatus, Channel
from likeverd.cases.selectors import CaseFilters
from likeverd.core import clock
from likeverd.core.forms import BLANK, BaseForm, LocalDateField
from likeverd.taxonomy.models import TermKind
from likeverd.taxonomy.selectors import term_labels_by_kind


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
    received_from = LocalDateField(label=_("Received from"), required=False)
    received_to = LocalDateField(label=_("Received to"), required=False)
    spam = forms.BooleanField(
        label=_("Suspected spam"),
        required=False,
        help_text=_("Reports from the public form that look like spam. Open one to say it is not spam."),
    )

    def __init__(self, *args: Any, viewer: Viewer, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        jurisdiction = viewer.office.jurisdiction if viewer.office else ""
        field: Any = self.fields["assigned"]
        field.choices = [*BLANK, ("none", _("Nobody"))] + [
            (str(user.public_id), person_label(user)) for user in selectors.caseworkers(viewer=viewer)
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
            spam=bool(data.get("spam")),
        )
