"""Dates as offices type them in a spreadsheet: 2019-03-04, 04.03.2019, 4/3/2019, 4.3.19,
4-3-2019, a date with a time after it, an Excel date cell, or an Excel serial number (43528).

Day first, as in Norway and Sweden: "4/3/2019" is the 4th of March. Two-digit years are of
this century unless that would put them after this year ("4.3.98" is 1998). A serial number
counts days from 30 December 1899, as Excel does for dates after February 1900.
"""

import datetime as dt
import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

EXCEL_EPOCH = dt.date(1899, 12, 30)
# Serial numbers read as dates: 1 January 1950 to 31 December 2099. Other numbers are not dates.
SERIAL_MIN = (dt.date(1950, 1, 1) - EXCEL_EPOCH).days
SERIAL_MAX = (dt.date(2099, 12, 31) - EXCEL_EPOCH).days
# Earlier than this, a received date is a typing slip rather than history (the offices began in 2017).
EARLIEST = dt.date(1990, 1, 1)

_ISO = re.compile(r"\A(\d{4})-(\d{1,2})-(\d{1,2})\Z")
_DAY_FIRST = re.compile(r"\A(\d{1,2})\s*[./-]\s*(\d{1,2})\s*[./-]\s*(\d{2}|\d{4})\.?\Z")
_SERIAL = re.compile(r"\A(\d{5})(?:[.,]0+)?\Z")
# A time after the date ("2019-03-04 00:00:00", "04.03.2019 kl. 10:15", "2019-03-04T10:15").
_TIME = re.compile(r"(?:[ T]+(?:kl\.?\s*)?\d{1,2}[:.]\d{2}(?:[:.]\d{2}(?:\.\d+)?)?)\s*\Z", re.IGNORECASE)


def _invalid(text: str) -> ValidationError:
    return ValidationError(
        _("“%(value)s” is not a date we can read. Write it as 04.03.2019 or 2019-03-04."),
        params={"value": text},
        code="invalid_date",
    )


def _full_year(digits: str, today: dt.date) -> int:
    year = int(digits)
    if len(digits) == 4:
        return year
    century = today.year - today.year % 100
    return century + year if century + year <= today.year else century - 100 + year


def _make(year: int, month: int, day: int, text: str) -> dt.date:
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise _invalid(text) from None


def from_serial(serial: float) -> dt.date | None:
    """The day of an Excel serial number, or None outside the range read as dates."""
    if not SERIAL_MIN <= serial <= SERIAL_MAX:
        return None
    return EXCEL_EPOCH + dt.timedelta(days=int(serial))


def parse_sheet_date(value: object, *, today: dt.date) -> dt.date | None:
    """The day in a cell (None for an empty cell); a ValidationError says why it is not one.

    `value` is the cell as read: text from CSV, or a datetime, date, number or text from XLSX."""
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        day = value.date()
    elif isinstance(value, dt.date):
        day = value
    elif isinstance(value, bool):
        raise _invalid(str(value))
    elif isinstance(value, int | float):
        serial_day = from_serial(value)
        if serial_day is None:
            raise _invalid(f"{value:g}")
        day = serial_day
    else:
        day_or_none = _parse_text(str(value), today)
        if day_or_none is None:
            return None
        day = day_or_none
    return _plausible(day, str(value), today)


def _parse_text(raw: str, today: dt.date) -> dt.date | None:
    text = " ".join(raw.split())
    if not text:
        return None
    text = _TIME.sub("", text).strip()
    if match := _ISO.match(text):
        return _make(int(match[1]), int(match[2]), int(match[3]), raw)
    if match := _DAY_FIRST.match(text):
        return _make(_full_year(match[3], today), int(match[2]), int(match[1]), raw)
    if match := _SERIAL.match(text):
        day = from_serial(int(match[1]))
        if day is not None:
            return day
    raise _invalid(raw.strip())


def _plausible(day: dt.date, text: str, today: dt.date) -> dt.date:
    if day > today:
        raise ValidationError(
            _("%(date)s lies in the future."), params={"date": day.strftime("%d.%m.%Y")}, code="future_date"
        )
    if day < EARLIEST:
        raise ValidationError(
            _("%(date)s is earlier than 1990: check the year."),
            params={"date": day.strftime("%d.%m.%Y")},
            code="early_date",
        )
    return day
