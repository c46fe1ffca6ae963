"""Incident dates as people give them, in Norwegian, Swedish or English: an exact day
("14.03.2025", "14. november 2026", "14 nov 2026", "14.11.26", "i går", "i förrgår",
"yesterday", "fredag", "i fredags", "for tre dager siden"), a week ("forrige uke", "förra
veckan", "last week"), a month ("mars 2025", "forrige måned", "last month"), a season
("våren 2025", "i fjor sommer", "i somras"), a year ("2025", "i fjor", "i fjol", "last year"),
or unknown.

Every parsed date is a closed range [date_from, date_to] with its precision. Deadline
warnings count from `date_from`, the earliest the incident can have happened, so an
approximate date never makes a deadline look later than it may be. Words about time
("yesterday", "last week") count from the `today` passed in, which callers take from
`likeverd.core.clock`. The grammar is our own rather than dateparser's: see
docs/adr/0008-incident-dates-grammar.md for the measurements behind that choice.
"""

import calendar
import datetime as dt
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from likeverd.cases.date_words import (
    FILLER,
    MONTHS,
    NUMBER_WORDS,
    SEASONS,
    SEASONS_PAST,
    WEEKDAY_ABBREVIATIONS,
    WEEKDAYS,
)
from likeverd.cases.models import DatePrecision


@dataclass(frozen=True)
class IncidentDate:
    date_from: dt.date | None
    date_to: dt.date | None
    precision: DatePrecision
    text: str

    @classmethod
    def unknown(cls) -> "IncidentDate":
        return cls(None, None, DatePrecision.UNKNOWN, "")


Span = tuple[dt.date, dt.date, DatePrecision]

# Letters that Unicode does not decompose into a base letter and a mark.
_UNDECOMPOSABLE = str.maketrans({"ø": "o", "æ": "ae", "đ": "d", "ł": "l"})


def _fold(text: str) -> str:
    """Lower case without diacritics, spaces collapsed: "Våren" -> "varen", "Høsten" -> "hosten",
    "Höst" -> "host"."""
    decomposed = unicodedata.normalize("NFKD", text.casefold().translate(_UNDECOMPOSABLE))
    return " ".join("".join(ch for ch in decomposed if not unicodedata.combining(ch)).split())


def _invalid(text: str) -> ValidationError:
    return ValidationError(
        _(
            'We could not read "%(text)s" as a date. Try 14.03.2025, 14 March 2025, March 2025, '
            "spring 2025, 2025, yesterday or last week."
        ),
        code="invalid_date",
        params={"text": text},
    )


def parse_incident_date(text: str, *, today: dt.date) -> IncidentDate:
    """Parse what the person said; raise ValidationError (translated) if it cannot be read
    or lies entirely in the future."""
    raw = text.strip()
    if not raw:
        return IncidentDate.unknown()
    folded = _without_time(_fold(raw))
    span = _parse_relative(folded, today) or _parse_numeric(folded, today) or _parse_words(folded, today)
    if span is None:
        raise _invalid(raw)
    start, end, precision = span
    if not 1900 <= start.year <= end.year <= 2999:
        raise _invalid(raw)
    if start > today:
        raise ValidationError(_("The incident date cannot be in the future."), code="future_date")
    return IncidentDate(start, min(end, today), precision, raw)


# --- pieces of a date ---------------------------------------------------------------------------


def _day(day: dt.date) -> Span:
    return day, day, DatePrecision.DAY


def _week_of(day: dt.date) -> Span:
    monday = day - dt.timedelta(days=day.weekday())
    return monday, monday + dt.timedelta(days=6), DatePrecision.WEEK


def _month(year: int, month: int) -> Span | None:
    if not (1 <= month <= 12 and dt.MINYEAR <= year <= dt.MAXYEAR):
        return None
    last = calendar.monthrange(year, month)[1]
    return dt.date(year, month, 1), dt.date(year, month, last), DatePrecision.MONTH


def _months_before(today: dt.date, months: int) -> Span | None:
    year, month = divmod(today.year * 12 + today.month - 1 - months, 12)
    return _month(year, month + 1)


def _year(year: int) -> Span | None:
    if not dt.MINYEAR <= year <= dt.MAXYEAR:
        return None
    return dt.date(year, 1, 1), dt.date(year, 12, 31), DatePrecision.YEAR


def _season(name: str, year: int) -> Span | None:
    first, last = SEASONS[name]
    start_year = year - 1 if first > last else year
    if start_year < dt.MINYEAR or year > dt.MAXYEAR:
        return None
    end = calendar.monthrange(year, last)[1]
    return dt.date(start_year, first, 1), dt.date(year, last, end), DatePrecision.SEASON


def _last_season(name: str, today: dt.date) -> Span | None:
    """The latest season of that name that is over: "last summer" in July is the year before's."""
    for year in (today.year, today.year - 1):
        span = _season(name, year)
        if span is not None and span[1] < today:
            return span
    return None


def _this_season(name: str, today: dt.date) -> Span | None:
    """ "i sommer", "i sommar", "this summer": this year's. The winter that spans the new year
    is the coming (or current) one from September on, the one just past before then."""
    first, last = SEASONS[name]
    return _season(name, today.year + 1 if first > last and today.month >= 9 else today.year)


def _date(year: int, month: int, day: int) -> Span | None:
    try:
        return _day(dt.date(year, month, day))
    except ValueError:
        return None


def _latest_day(month: int, day: int, today: dt.date) -> Span | None:
    """A day and month without a year: the latest such day up to today (29 February included)."""
    for year in range(today.year, today.year - 8, -1):
        span = _date(year, month, day)
        if span is not None and span[0] <= today:
            return span
    return None


def _latest_month(month: int, today: dt.date) -> Span | None:
    return _month(today.year if month <= today.month else today.year - 1, month)


def _full_year(digits: str, today: dt.date) -> int:
    """Four digits are the year; two digits are a year of this century ("14.11.26" is 2026).
    A two-digit year that has not come yet belongs to the century before ("3.5.98" is 1998):
    an incident cannot lie in the future, while a date in an old letter or decision can lie in
    the last century. Only the year is weighed: a later day of this very year ("30.11.26" on
    22.11.2026) stays in 2026 and is refused as a future date, since it is a slip far more often
    than an incident a hundred years ago."""
    year = int(digits)
    if len(digits) > 2:
        return year
    century = today.year - today.year % 100
    return century + year if century + year <= today.year else century - 100 + year


# --- what people say about time ----------------------------------------------------------------


def _days_ago(days: int) -> Callable[[dt.date], Span | None]:
    return lambda today: _day(today - dt.timedelta(days=days))


def _weeks_ago(weeks: int) -> Callable[[dt.date], Span | None]:
    return lambda today: _week_of(today - dt.timedelta(weeks=weeks))


def _months_ago(months: int) -> Callable[[dt.date], Span | None]:
    return lambda today: _months_before(today, months)


def _years_ago(years: int) -> Callable[[dt.date], Span | None]:
    return lambda today: _year(today.year - years)


_RELATIVE: dict[str, Callable[[dt.date], Span | None]] = {}
for _phrases, _meaning in (
    ("i dag|idag|today", _days_ago(0)),
    ("i gar|igar|yesterday", _days_ago(1)),
    (
        "i forgars|iforgars|forgars|i forrgar|iforrgar|forrgar|the day before yesterday|day before yesterday",
        _days_ago(2),
    ),
    (
        "denne uka|denne uken|i denne uka|i denne uken|i uka|denna vecka|den har veckan|i veckan|this week",
        _weeks_ago(0),
    ),
    (
        "forrige uke|forrige uka|forrige veke|i forrige uke|sist uke|forra veckan|forra vecka|"
        "last week|previous week",
        _weeks_ago(1),
    ),
    (
        "denne maneden|denne maned|i denne maneden|denna manad|den har manaden|this month",
        _months_ago(0),
    ),
    (
        "forrige maned|forrige maneden|i forrige maned|forra manaden|forra manad|last month|previous month",
        _months_ago(1),
    ),
    ("i ar|iar|dette aret|i aret|this year", _years_ago(0)),
    ("i fjor|ifjor|i fjol|ifjol|forrige ar|forra aret|last year|previous year", _years_ago(1)),
):
    for _phrase in _phrases.split("|"):
        _RELATIVE[_phrase] = _meaning

_UNITS: dict[str, Callable[[int], Callable[[dt.date], Span | None]]] = {}
for _words, _unit in (
    ("day days dag dager dagar dogn", _days_ago),
    ("week weeks uke uker uka veke veker vecka veckor", _weeks_ago),
    ("month months maned maneder manad manader", _months_ago),
    ("year years ar aar", _years_ago),
):
    for _word in _words.split():
        _UNITS[_word] = _unit

_AGO = re.compile(r"(?:for |about |ca |cirka |omtrent |around )?(\w+) (\w+) (?:siden|sedan|ago)")
_WEEKDAY = re.compile(r"(?:(?:on|last|sist) )?(\w+)|i (\w+)s")
_PAST_SEASON = re.compile(r"(?:last|forrige|forra|sist) (\w+)|i (\w+)")
_THIS_SEASON = re.compile(r"(?:i|this) (\w+)")
_SEASON_LAST_YEAR = re.compile(r"(?:i )?(?:fjor|fjol) (\w+)|(\w+) (?:i )?(?:fjor|fjol)")


def _parse_relative(folded: str, today: dt.date) -> Span | None:
    try:
        return _parse_relative_phrase(" ".join(re.split(r"[\s,.!]+", folded)).strip(), today)
    except OverflowError:  # "999 years ago" seen from a today near the first year there is
        return None


def _parse_relative_phrase(phrase: str, today: dt.date) -> Span | None:
    if phrase in _RELATIVE:
        return _RELATIVE[phrase](today)
    if match := _AGO.fullmatch(phrase):
        number, unit = match.groups()
        count = int(number) if re.fullmatch(r"\d{1,3}", number) else NUMBER_WORDS.get(number)
        if count is None or unit not in _UNITS:
            return None
        return _UNITS[unit](count)(today)
    if (match := _WEEKDAY.fullmatch(phrase)) and (match[1] or match[2]) in WEEKDAYS:
        # "fredag", "on Friday", "i fredags": the latest Friday before today.
        back = (today.weekday() - WEEKDAYS[match[1] or match[2]] - 1) % 7 + 1
        return _day(today - dt.timedelta(days=back))
    if match := _PAST_SEASON.fullmatch(phrase):
        if match[1] in SEASONS:
            return _last_season(match[1], today)
        if match[2] in SEASONS_PAST:
            return _last_season(SEASONS_PAST[match[2]], today)
    if (match := _THIS_SEASON.fullmatch(phrase)) and match[1] in SEASONS:
        return _this_season(match[1], today)
    if (match := _SEASON_LAST_YEAR.fullmatch(phrase)) and (match[1] or match[2]) in SEASONS:
        return _season(match[1] or match[2], today.year - 1)
    return None


# --- dates written with digits -------------------------------------------------------------------

_TIME = re.compile(r"(.+?),? (?:(?:kl|klokka|klockan|at)\.? ?)?(\d{1,2})[:.](\d{2})(?:[:.]\d{2})?")
_ISO_TIME = re.compile(r"(\d{4}-\d{1,2}-\d{1,2})t\d{1,2}:\d{2}(?::\d{2})?")


def _without_time(folded: str) -> str:
    """ "14.11.2026 13:05", "14. november 2026 kl. 13.05", "2026-11-14T13:05": the day is what counts."""
    if match := _ISO_TIME.fullmatch(folded):
        return match[1]
    match = _TIME.fullmatch(folded)
    if match and int(match[2]) <= 23 and int(match[3]) <= 59:
        return match[1]
    return folded


_SEPARATOR = r" ?[./-] ?"
_NUMERIC: list[tuple[re.Pattern[str], Callable[[re.Match[str], dt.date], Span | None]]] = [
    (
        re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})"),
        lambda m, today: _date(int(m[1]), int(m[2]), int(m[3])),
    ),
    (
        re.compile(rf"(\d{{1,2}}){_SEPARATOR}(\d{{1,2}}){_SEPARATOR}(\d{{4}}|\d{{2}})\.?"),
        lambda m, today: _date(_full_year(m[3], today), int(m[2]), int(m[1])),
    ),
    (re.compile(r"(\d{4})-(\d{1,2})"), lambda m, today: _month(int(m[1]), int(m[2]))),
    (re.compile(r"(\d{1,2}) ?[./] ?(\d{4})"), lambda m, today: _month(int(m[2]), int(m[1]))),
    (re.compile(r"(\d{1,2}) ?[./] ?(\d{1,2})\.?"), lambda m, today: _latest_day(int(m[2]), int(m[1]), today)),
]


def _parse_numeric(folded: str, today: dt.date) -> Span | None:
    words = folded.split(" ", 1)
    if len(words) == 2 and words[0].rstrip(".,") in WEEKDAYS.keys() | WEEKDAY_ABBREVIATIONS:
        folded = words[1]
    for pattern, meaning in _NUMERIC:
        if match := pattern.fullmatch(folded):
            return meaning(match, today)
    return None


# --- dates written with words --------------------------------------------------------------------

_DAY_NUMBER = re.compile(r"(\d{1,2})(?:st|nd|rd|th|:?e|:?a|de|te)?")


def _parse_words(folded: str, today: dt.date) -> Span | None:
    words = [w for w in re.split(r"[\s,.]+", folded) if w and w not in FILLER]
    if len(words) > 1:
        words = [w for w in words if w not in WEEKDAYS and w not in WEEKDAY_ABBREVIATIONS]
    if not words or len(words) > 3:
        return None
    year: int | None = None
    if re.fullmatch(r"\d{4}", words[-1]):
        year = int(words[-1])
        words = words[:-1]
    elif len(words) == 3 and re.fullmatch(r"'?\d{2}", words[-1]):
        year = _full_year(words[-1].lstrip("'"), today)
        words = words[:-1]
    if not words:
        return _year(year) if year is not None else None
    if len(words) > 2:
        return None
    if len(words) == 1:
        word = words[0]
        if word in MONTHS:
            return _month(year, MONTHS[word]) if year is not None else _latest_month(MONTHS[word], today)
        if word in SEASONS and year is not None:
            return _season(word, year)
        return None
    first, second = words
    if first in MONTHS:
        first, second = second, first
    day = _DAY_NUMBER.fullmatch(first)
    if day is None or second not in MONTHS:
        return None
    if year is None:
        return _latest_day(MONTHS[second], int(day[1]), today)
    return _date(year, MONTHS[second], int(day[1]))
