"""The choice of a report: the office (by its short code) and a year, or a period from a day to a
day. The view checks the office against those the viewer may report on (another office's code
is a 404 with a DENIED audit row, not a form error that would confirm the office exists)."""

import datetime as dt
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from likeverd.accounts.models import Office
from likeverd.statistics.report import PeriodError, check_period, year_period
from likeverd.statistics.selectors.period import check_whole_months


class ReportChoiceForm(forms.Form):
    office = forms.CharField(label=_("Office"), max_length=6)
    year = forms.IntegerField(label=_("Year"), required=False, min_value=1900, max_value=9999)
    start = forms.DateField(
        label=_("From"), required=False, widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
    end = forms.DateField(
        label=_("To (inclusive)"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    internal = forms.BooleanField(
        label=_("Show internal figures (small numbers not hidden)"),
        required=False,
        help_text=_("Only for the office's own work. The downloads are always disclosure-controlled."),
    )

    def __init__(self, *args: Any, offices: list[Office], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # A list of the offices the viewer may report on, before a submit and after one alike
        # (with one office, the one choice). The field stays a text field: another office's
        # code is not a form error but a 404 in the view.
        self.fields["office"].widget = forms.Select(choices=[(o.code, o.name) for o in offices])

    def clean_office(self) -> str:
        return str(self.cleaned_data["office"]).strip().upper()

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        start: dt.date | None = data.get("start")
        end: dt.date | None = data.get("end")
        year: int | None = data.get("year")
        try:
            if start is not None and end is not None:
                check_period(start, end)
            elif start is not None or end is not None:
                raise ValidationError(_("Give both days of the period, or a year."), code="period")
            elif year is not None:
                data["start"], data["end"] = year_period(year)
            elif not self.has_error("year"):
                raise ValidationError(_("Choose a year, or a period from a day to a day."), code="period")
            if start is not None and end is not None and not data.get("internal"):
                # Published figures: whole months only (ADR 0016, "Periods"). The office's own
                # internal figures may cover any days.
                check_whole_months(start, end)
        except PeriodError as error:
            raise ValidationError(str(error), code="period") from error
        return data
