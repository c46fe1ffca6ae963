"""The sorting conversation as one form of sections that may be filled in any order: nothing is
required, so a half-filled form saves what it has. `updated_at` is the record's version when
the form was opened (empty before the first save): the stale-form guard."""

import datetime as dt
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext_lazy as _

from likeverd.core.forms import BLANK, BaseForm, LocalDateField, long_text_validator
from likeverd.triage.models import OtherProblem, SortingRecord
from likeverd.triage.services import SortingAnswers

# The sections of the form, in the order shown: (anchor, heading, field names).
SECTIONS: tuple[tuple[str, Any, tuple[str, ...]], ...] = (
    ("what", _("What happened"), ("what_happened",)),
    ("when-where", _("When and where"), ("when", "where")),
    ("present", _("Who was present"), ("who_was_present",)),
    ("evidence", _("Evidence"), ("evidence",)),
    ("wants", _("What the person wants"), ("wants",)),
    ("problems", _("Other problems"), ("other_problems", "other_problems_notes", "birth_date")),
)
SECTION_ANCHORS = frozenset(anchor for anchor, _heading, _names in SECTIONS)


def _text(label: Any, *, rows: int, help_text: Any = "") -> forms.CharField:
    return forms.CharField(
        label=label,
        required=False,
        strip=False,
        help_text=help_text,
        widget=forms.Textarea(attrs={"rows": rows}),
        validators=[long_text_validator()],
    )


def parse_version(value: str) -> dt.datetime | None:
    """The version a form carries; None for a form opened before the first save. Raises
    ValidationError for anything else (a tampered or impossible value)."""
    if not value:
        return None
    try:
        parsed = parse_datetime(value)
    except ValueError:  # well formed but impossible, such as 30 February
        parsed = None
    if parsed is None:
        raise ValidationError(_("The form is out of date. Open it again."))
    return parsed


class ConversationForm(BaseForm):
    updated_at = forms.CharField(widget=forms.HiddenInput, required=False)
    what_happened = _text(
        _("What happened"), rows=6, help_text=_("In the person's own words, as they tell it.")
    )
    when = forms.CharField(
        label=_("When"),
        required=False,
        max_length=500,
        help_text=_(
            "As the person says it (“last Friday”, “in the spring”). The case's incident date, "
            "which the deadlines count from, is set under “Edit details”."
        ),
    )
    where = forms.CharField(label=_("Where"), required=False, max_length=500)
    who_was_present = _text(_("Who was present"), rows=3, help_text=_("Witnesses, staff, others."))
    evidence = _text(
        _("What evidence exists and who holds it"),
        rows=3,
        help_text=_("Screenshots, receipts, messages, witnesses; list single pieces below."),
    )
    wants = _text(_("What the person wants"), rows=3)
    other_problems = forms.MultipleChoiceField(
        label=_("Other problems the person has"),
        required=False,
        choices=OtherProblem.choices,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Each one suggests a referral."),
    )
    other_problems_notes = _text(_("Notes on other problems"), rows=2)
    birth_date = LocalDateField(
        label=_("Birth date"),
        required=False,
        help_text=_(
            "Only needed when the person may be under 18: some deadlines run from the 18th birthday."
        ),
    )

    def clean_updated_at(self) -> dt.datetime | None:
        return parse_version(self.cleaned_data.get("updated_at") or "")

    @classmethod
    def initial_for(cls, record: SortingRecord | None) -> dict[str, Any]:
        if record is None:
            return {"updated_at": ""}
        return {
            "updated_at": record.updated_at.isoformat(),
            "what_happened": record.what_happened,
            "when": record.when,
            "where": record.where,
            "who_was_present": record.who_was_present,
            "evidence": record.evidence,
            "wants": record.wants,
            "other_problems": record.problems,
            "other_problems_notes": record.other_problems_notes,
            "birth_date": record.birth_day,
        }

    def to_answers(self) -> SortingAnswers:
        data = self.cleaned_data
        birth: dt.date | None = data.get("birth_date")
        return SortingAnswers(
            what_happened=data["what_happened"].strip(),
            when=data["when"].strip(),
            where=data["where"].strip(),
            who_was_present=data["who_was_present"].strip(),
            evidence=data["evidence"].strip(),
            wants=data["wants"].strip(),
            other_problems=list(data["other_problems"]),
            other_problems_notes=data["other_problems_notes"].strip(),
            birth_date=birth.isoformat() if birth else "",
        )

    def sections(self) -> list[tuple[str, Any, list[forms.BoundField]]]:
        return [(anchor, heading, [self[name] for name in names]) for anchor, heading, names in SECTIONS]


class EvidenceForm(BaseForm):
    """One piece of evidence: from the case's evidence checklist, or described freely."""

    item = forms.ChoiceField(label=_("From the checklist"), required=False)
    description = forms.CharField(label=_("What it is"), required=False, max_length=2000)
    held_by = forms.CharField(label=_("Who holds it"), required=False, max_length=500)
    is_secured = forms.BooleanField(label=_("Secured (a copy is kept)"), required=False)

    def __init__(self, *args: Any, items: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        item_field: Any = self.fields["item"]
        item_field.choices = [*BLANK, *items]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not data.get("item") and not (data.get("description") or "").strip():
            raise ValidationError(_("Choose an item from the checklist or say what the evidence is."))
        return data
