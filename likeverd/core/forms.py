"""Form parts every app's screens share: labels above fields, and the native date inputs."""

from typing import Any

from django import forms

# The empty first option of an optional choice.
BLANK = [("", "—")]


class BaseForm(forms.Form):
    """Labels without the trailing colon: the screens put labels above their fields."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)


def date_input() -> forms.DateInput:
    """The browser's own date picker, with the ISO value it expects."""
    return forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def datetime_input() -> forms.DateTimeInput:
    """The browser's own date-and-time picker, with the value format it expects."""
    return forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")
