"""Input shapes for booking: the person's few details, and the staff form for a series of slots."""

import datetime as dt
from typing import Any

from django import forms
from django.utils.translation import get_language_info
from django.utils.translation import gettext_lazy as _

from likeverd.core.forms import BaseForm, LocalDateField
from likeverd.core.languages import PUBLIC_LANGUAGES
from likeverd.intake.booking.models import SlotKind
from likeverd.intake.booking.services import (
    MAX_CONTACT_LENGTH,
    MAX_LENGTH_MINUTES,
    MAX_NAME_LENGTH,
    MIN_LENGTH_MINUTES,
    BookingDetails,
    SlotSeries,
)


def _language_choices() -> list[tuple[str, str]]:
    return [(code, str(get_language_info(code)["name_local"])) for code in PUBLIC_LANGUAGES]


class BookingForm(BaseForm):
    """The least we need: whom to ask for, how to reach them, and in which language."""

    name = forms.CharField(
        label=_("Name or nickname"),
        max_length=MAX_NAME_LENGTH,
        help_text=_("A first name or a nickname is enough."),
        widget=forms.TextInput(attrs={"autocomplete": "nickname"}),
    )
    phone = forms.CharField(
        label=_("Phone"),
        required=False,
        max_length=40,
        widget=forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel"}),
    )
    email = forms.EmailField(
        label=_("E-mail"),
        required=False,
        max_length=MAX_CONTACT_LENGTH,
        help_text=_("If you give it, you get an invitation for your calendar."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    language = forms.ChoiceField(label=_("Language"), choices=_language_choices)
    needs_interpreter = forms.BooleanField(label=_("I need an interpreter"), required=False)

    def __init__(self, *args: Any, language: str, **kwargs: Any) -> None:
        kwargs.setdefault("initial", {"language": language})
        super().__init__(*args, **kwargs)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not self.errors and not data.get("phone", "").strip() and not data.get("email", "").strip():
            self.add_error("phone", _("Give a phone number or an e-mail address, so we can reach you."))
        return data

    def details(self) -> BookingDetails:
        data = self.cleaned_data
        return BookingDetails(
            name=data["name"],
            phone=data["phone"],
            email=data["email"],
            language=data["language"],
            needs_interpreter=data["needs_interpreter"],
        )


WEEKDAYS = [
    (0, _("Monday")),
    (1, _("Tuesday")),
    (2, _("Wednesday")),
    (3, _("Thursday")),
    (4, _("Friday")),
    (5, _("Saturday")),
    (6, _("Sunday")),
]


class SlotSeriesForm(BaseForm):
    kind = forms.ChoiceField(label=_("Kind"), choices=SlotKind.choices, widget=forms.RadioSelect)
    first_day = LocalDateField(label=_("First day"))
    last_day = LocalDateField(label=_("Last day"))
    weekdays = forms.TypedMultipleChoiceField(
        label=_("Weekdays"), choices=WEEKDAYS, coerce=int, widget=forms.CheckboxSelectMultiple
    )
    start = forms.TimeField(label=_("First slot starts"), help_text=_("For example 10:00."))
    end = forms.TimeField(label=_("Last slot ends by"), help_text=_("For example 15:00."))
    length_minutes = forms.IntegerField(
        label=_("Length in minutes"), min_value=MIN_LENGTH_MINUTES, max_value=MAX_LENGTH_MINUTES, initial=30
    )
    place = forms.CharField(
        label=_("Place"),
        required=False,
        max_length=200,
        help_text=_("For meetings: the address, as the person should find it."),
    )

    def series(self) -> SlotSeries:
        data = self.cleaned_data
        return SlotSeries(
            kind=data["kind"],
            first_day=data["first_day"],
            last_day=data["last_day"],
            weekdays=frozenset(data["weekdays"]),
            start=data["start"],
            end=data["end"],
            length_minutes=data["length_minutes"],
            place=data["place"],
        )


def parse_day(value: str, *, default: dt.date) -> dt.date:
    """The day view's `?day=2026-12-03`; anything else is `default`."""
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        return default
