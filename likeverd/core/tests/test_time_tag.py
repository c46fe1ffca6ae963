"""The time_tag filter: the same <time> element as the two `date` filters it replaces, in every
language and time zone, however often the same day comes back."""

import datetime as dt
import zoneinfo

from django.template import Context, Template
from django.utils import timezone, translation
from hypothesis import given, settings
from hypothesis import strategies as st

LANGUAGES = ("nb", "sv", "en", "ar", "pl", "uk")
ZONES = ("Europe/Oslo", "Europe/Stockholm", "America/New_York", "UTC")

TWO_FILTERS_DAY = '<time datetime="{{ x|date:\'Y-m-d\' }}">{{ x|date:"SHORT_DATE_FORMAT" }}</time>'
TWO_FILTERS_MOMENT = "<time datetime=\"{{ x|date:'c' }}\">{{ x|date:STYLE }}</time>"


def _render(source: str, value: object) -> str:
    return Template("{% load core_tags %}" + source).render(Context({"x": value}))


days = st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2200, 12, 31))
# Naive bounds, as hypothesis wants them; every moment drawn is in UTC.
moments = st.datetimes(
    min_value=dt.datetime(1950, 1, 1),  # noqa: DTZ001
    max_value=dt.datetime(2100, 12, 31),  # noqa: DTZ001
    timezones=st.just(dt.UTC),
)


@settings(max_examples=60, deadline=None)
@given(day=days, language=st.sampled_from(LANGUAGES))
def test_a_day_is_shown_as_the_two_date_filters_show_it(day: dt.date, language: str) -> None:
    with translation.override(language):
        assert _render("{{ x|time_tag }}", day) == _render(TWO_FILTERS_DAY, day)
        # Again: the remembered element is the same.
        assert _render("{{ x|time_tag }}", day) == _render(TWO_FILTERS_DAY, day)


@settings(max_examples=60, deadline=None)
@given(
    moment=moments,
    language=st.sampled_from(LANGUAGES),
    zone=st.sampled_from(ZONES),
    style=st.sampled_from(("SHORT_DATETIME_FORMAT", "SHORT_DATE_FORMAT", "DATETIME_FORMAT")),
)
def test_a_moment_is_shown_in_the_time_zone_as_the_two_date_filters_show_it(
    moment: dt.datetime, language: str, zone: str, style: str
) -> None:
    with translation.override(language), timezone.override(zoneinfo.ZoneInfo(zone)):
        expected = _render(TWO_FILTERS_MOMENT.replace("STYLE", f'"{style}"'), moment)
        assert _render(f'{{{{ x|time_tag:"{style}" }}}}', moment) == expected


def test_the_same_moment_in_two_time_zones_is_shown_in_each() -> None:
    moment = dt.datetime(2026, 3, 1, 12, 30, tzinfo=dt.UTC)
    with translation.override("en"):
        with timezone.override(zoneinfo.ZoneInfo("Europe/Oslo")):
            oslo = _render('{{ x|time_tag:"SHORT_DATETIME_FORMAT" }}', moment)
        with timezone.override(zoneinfo.ZoneInfo("America/New_York")):
            new_york = _render('{{ x|time_tag:"SHORT_DATETIME_FORMAT" }}', moment)
    assert 'datetime="2026-03-01T13:30:00+01:00"' in oslo
    assert 'datetime="2026-03-01T07:30:00-05:00"' in new_york


def test_a_day_is_written_in_the_active_language() -> None:
    day = dt.date(2026, 11, 30)
    with translation.override("nb"):
        assert _render("{{ x|time_tag }}", day) == '<time datetime="2026-11-30">30.11.2026</time>'
    with translation.override("en"):
        assert (
            _render('{{ x|time_tag:"DATE_FORMAT" }}', day)
            == '<time datetime="2026-11-30">30 November 2026</time>'
        )


def test_no_value_shows_nothing() -> None:
    assert _render("[{{ x|time_tag }}]", None) == "[]"
    assert _render("[{{ x|time_tag }}]", "") == "[]"
