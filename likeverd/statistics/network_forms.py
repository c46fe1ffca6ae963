"""The network statistician's choice: which offices (all, or several) and which period."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from likeverd.accounts.models import Office
from likeverd.core.forms import BaseForm, LocalDateField
from likeverd.statistics.selectors.period import PeriodError, check_whole_months

# A longer period is refused: no report covers more, and it keeps one request's work bounded.
MAX_YEARS = 20


def last_full_year(today: dt.date) -> tuple[dt.date, dt.date]:
    """The calendar year before `today`'s: the period an annual report usually covers."""
    return dt.date(today.year - 1, 1, 1), dt.date(today.year - 1, 12, 31)


class NetworkReportForm(BaseForm):
    offices = forms.MultipleChoiceField(
        label=gettext_lazy("Offices"),
        widget=forms.CheckboxSelectMultiple,
        help_text=gettext_lazy(
            "Several offices are added up; every figure is shown with small counts hidden."
        ),
        error_messages={"required": gettext_lazy("Choose at least one office.")},
    )
    start = LocalDateField(label=gettext_lazy("From"))
    end = LocalDateField(label=gettext_lazy("To (inclusive)"))

    def __init__(self, *args: Any, offices: Sequence[Office], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.available = {str(office.public_id): office for office in offices}
        field = self.fields["offices"]
        if isinstance(field, forms.MultipleChoiceField):
            field.choices = [
                (key, f"{office.name} ({office.code})") for key, office in self.available.items()
            ]

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        start, end = cleaned.get("start"), cleaned.get("end")
        if start and end:
            if end < start:
                self.add_error("end", _("The period ends before it starts."))
            elif (end - start).days > MAX_YEARS * 366:
                self.add_error("end", _("Choose a period of at most %(years)d years.") % {"years": MAX_YEARS})
            else:
                try:  # the network's figures are controlled: whole months only (ADR 0016, "Periods")
                    check_whole_months(start, end)
                except PeriodError as error:
                    self.add_error(None, str(error))
        return cleaned

    def chosen_offices(self) -> list[Office]:
        return [self.available[key] for key in self.cleaned_data["offices"]]
