"""Incident dates as people give them: exact ("14.03.2025"), a month ("mars 2025"), a season
("våren 2025", "spring 2025"), a year ("2025"), or unknown.

Every parsed date is a closed range [date_from, date_to] with its precision. Deadline
warnings count from `date_from`, the earliest the incident can have happened, so an
approximate date never makes a deadline look later than it may be.
"""

import calendar
import datetime as dt
import re
import unicodedata
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from likeverd.cases.models import DatePrecision

MONTHS: dict[str, int] = {}
for number, names in {
    1: "january jan januar januari",
    2: "february feb februar februari",
    3: "march mar mars",
    4: "april apr",
    5: "may mai maj",
    6: "june jun juni",
    7: "july jul juli",
    8: "august aug augusti",
    9: "september sep sept",
    10: "october oct oktober okt",
    11: "november nov",
    12: "december dec desember",
}.items():
    for name in names.split():
        MONTHS[name] = number

# Season -> (first month, last month); winter starts in December of the year before.
SEASONS: dict[str, tuple[int, int]] = {}
for span, names in {
    (3, 5): "spring var varen vara",
    (6, 8): "summer sommer sommeren sommar sommaren",
    (9, 11): "autumn fall host hosten",
    (12, 2): "winter vinter vinteren vintern",
}.items():
    for name in names.split():
        SEASONS[name] = span

_FILLER = {"i", "in", "on", "the", "om", "pa", "på", "early", "late", "tidlig", "sent", "tidigt", "of"}


@dataclass(frozen=True)
class IncidentDate:
    date_from: dt.date | None
    date_to: dt.date | None
    precision: DatePrecision
    text: str

    @classmethod
    def unknown(cls) -> "IncidentDate":
        return cls(None, None, DatePrecision.UNKNOWN, "")


# Letters that Unicode does not decompose into a base letter and a mark.
_UNDECOMPOSABLE = str.maketrans({"ø": "o", "æ": "ae", "đ": "d", "ł": "l"})


def _fold(text: str) -> str:
    """Lower case without diacritics: "Våren" -> "varen", "Høsten" -> "hosten", "Höst" -> "host"."""
    decomposed = unicodedata.normalize("NFKD", text.casefold().translate(_UNDECOMPOSABLE))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _month_range(year: int, month: int) -> tuple[dt.date, dt.date]:
    return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])


def _invalid(text: str) -> ValidationError:
    return ValidationError(
        _('We could not read "%(text)s" as a date. Try 14.03.2025, March 2025, spring 2025 or 2025.'),
        code="invalid_date",
        params={"text": text},
    )


def _check_year(year: int, text: str) -> None:
    if not 1900 <= year <= 2999:
        raise _invalid(text)


def parse_incident_date(text: str, *, today: dt.date) -> IncidentDate:
    """Parse what the person said; raise ValidationError (translated) if it cannot be read
    or lies entirely in the future."""
    raw = text.strip()
    if not raw:
        return IncidentDate.unknown()
    folded = _fold(raw)
    result = _parse_day(folded, raw) or _parse_words(folded, raw)
    if result is None:
        raise _invalid(raw)
    if result.date_from is not None and result.date_from > today:
        raise ValidationError(_("The incident date cannot be in the future."), code="future_date")
    if result.date_to is not None and result.date_to > today:
        result = IncidentDate(result.date_from, today, result.precision, result.text)
    return result


def _parse_day(folded: str, raw: str) -> IncidentDate | None:
    patterns = [
        (r"(\d{4})-(\d{1,2})-(\d{1,2})", ("y", "m", "d")),
        (r"(\d{1,2})[./](\d{1,2})[./](\d{4})", ("d", "m", "y")),
    ]
    for pattern, order in patterns:
        match = re.fullmatch(pattern, folded)
        if match:
            parts = dict(zip(order, (int(g) for g in match.groups()), strict=True))
            _check_year(parts["y"], raw)
            try:
                day = dt.date(parts["y"], parts["m"], parts["d"])
            except ValueError:
                raise _invalid(raw) from None
            return IncidentDate(day, day, DatePrecision.DAY, raw)
    match = re.fullmatch(r"(\d{4})-(\d{1,2})|(\d{1,2})[./](\d{4})", folded)
    if match:
        year = int(match.group(1) or match.group(4))
        month = int(match.group(2) or match.group(3))
        _check_year(year, raw)
        if not 1 <= month <= 12:
            raise _invalid(raw)
        return IncidentDate(*_month_range(year, month), DatePrecision.MONTH, raw)
    return None


def _parse_words(folded: str, raw: str) -> IncidentDate | None:
    words = [w for w in re.split(r"[\s,.]+", folded) if w and w not in _FILLER]
    if not words or not re.fullmatch(r"\d{4}", words[-1]):
        return None
    year = int(words[-1])
    _check_year(year, raw)
    rest = words[:-1]
    if not rest:
        return IncidentDate(dt.date(year, 1, 1), dt.date(year, 12, 31), DatePrecision.YEAR, raw)
    if len(rest) != 1:
        return None
    word = rest[0]
    if word in MONTHS:
        return IncidentDate(*_month_range(year, MONTHS[word]), DatePrecision.MONTH, raw)
    if word in SEASONS:
        first, last = SEASONS[word]
        start_year = year - 1 if first > last else year
        start = dt.date(start_year, first, 1)
        end = _month_range(year, last)[1]
        return IncidentDate(start, end, DatePrecision.SEASON, raw)
    return None
