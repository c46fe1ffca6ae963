"""Form parts every app's screens share: labels above fields, and dates typed as text.

Date and date-time fields are read in the interface language's formats (likeverd/formats). An
<input type="date"> is drawn in the browser's own locale: headless Chromium showed "11/14/2026"
and "01:05 PM" on pages in Norwegian, Swedish and British English alike. With text, what a
person types and reads never depends on their browser."""

from typing import Any

from django import forms
from django.core.validators import MaxLengthValidator
from django.utils import formats, timezone
from django.utils.functional import lazy
from django.utils.text import format_lazy
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from likeverd.core import clock

# The empty first option of an optional choice.
BLANK = [("", "—")]


class BaseForm(forms.Form):
    """Labels without the trailing colon: the screens put labels above their fields."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)


def _example(format_type: str) -> str:
    """Today at 13:05 in the first format the active language reads: "For example 29.11.2026 13:05."."""
    moment = timezone.localtime(clock.now()).replace(hour=13, minute=5)
    return _("For example %(example)s.") % {"example": moment.strftime(formats.get_format(format_type)[0])}


_lazy_example = lazy(_example, str)


def _with_example(help_text: Any, format_type: str) -> Any:
    example = _lazy_example(format_type)
    return format_lazy("{} {}", help_text, example) if help_text else example


class LocalDateField(forms.DateField):
    """A day typed as text: "14.11.2026" in Norwegian and English, "2026-11-14" in Swedish."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs["help_text"] = _with_example(kwargs.get("help_text"), "DATE_INPUT_FORMATS")
        kwargs.setdefault("widget", forms.DateInput(attrs={"autocomplete": "off", "size": 12}))
        super().__init__(**kwargs)


class LocalDateTimeField(forms.DateTimeField):
    """A moment typed as text on the 24-hour clock: "14.11.2026 13:05" in Norwegian and English."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs["help_text"] = _with_example(kwargs.get("help_text"), "DATETIME_INPUT_FORMATS")
        kwargs.setdefault("widget", forms.DateTimeInput(attrs={"autocomplete": "off", "size": 18}))
        super().__init__(**kwargs)


# A narrative or a note longer than this is refused by its form with a message (the text stays in
# the form), well below DATA_UPLOAD_MAX_MEMORY_SIZE, where Django would answer a bare HTTP 400.
LONG_TEXT_MAX_CHARS = 50_000


def long_text_validator(limit: int = LONG_TEXT_MAX_CHARS) -> MaxLengthValidator:
    """The size limit of a free text, checked on the server only: no `maxlength` cuts a paste short."""
    return MaxLengthValidator(
        limit,
        message=gettext_lazy(
            "This text has %(show_value)d characters; at most %(limit_value)d fit. "
            "Shorten it, or keep the full text as a document."
        ),
    )
