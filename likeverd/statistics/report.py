"""The annual report: the tables of offices and a period, with their charts and the office's own
texts, in one language. The page, its PDF and `likeverd report` all show one `AnnualReport`.

The report reads through `selectors.report_tables` (the audited door every figure leaves
through); composing it from tables is a pure function, so the exports can be tested on tables
made by hand.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from django.utils import translation
from django.utils.formats import date_format
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from likeverd.accounts.actors import StaffActor
from likeverd.accounts.models import Office
from likeverd.accounts.roles import Permission
from likeverd.accounts.viewer import Viewer
from likeverd.audit.models import AuditAction
from likeverd.audit.services import record_event
from likeverd.officeadmin.selectors import ChosenReportText, choose_report_text
from likeverd.statistics.charts import chart_svg
from likeverd.statistics.exports import About
from likeverd.statistics.selectors import ReportActor, report_tables
from likeverd.statistics.selectors.period import PeriodError as PeriodError  # the forms catch it here
from likeverd.statistics.selectors.period import is_whole_months
from likeverd.statistics.tables import Table

REPORT_LANGUAGES = ("nb", "sv", "en")
# The longest period one report covers: ten years of months still fit a chart.
LONGEST_PERIOD = dt.timedelta(days=366 * 10)


def year_period(year: int) -> tuple[dt.date, dt.date]:
    if not 1900 <= year <= 9999:
        raise PeriodError(_("Give a year between 1900 and 9999."))
    return dt.date(year, 1, 1), dt.date(year, 12, 31)


def check_period(start: dt.date, end: dt.date) -> None:
    if end < start:
        raise PeriodError(
            _("The period ends (%(end)s) before it starts (%(start)s).")
            % {"start": start.isoformat(), "end": end.isoformat()}
        )
    if end - start > LONGEST_PERIOD:
        raise PeriodError(_("A report covers at most ten years."))


@dataclass(frozen=True)
class ReportSection:
    table: Table
    # The chart as an inline <svg> (charts.py builds it from numbers and escaped labels).
    chart: SafeString | None

    @property
    def is_money(self) -> bool:
        return bool(self.table.unit)


@dataclass(frozen=True)
class AnnualReport:
    offices: tuple[Office, ...]
    start: dt.date
    end: dt.date
    language: str
    controlled: bool
    sections: tuple[ReportSection, ...]
    texts: ChosenReportText | None

    @property
    def tables(self) -> list[Table]:
        return [section.table for section in self.sections]

    @property
    def is_calendar_year(self) -> bool:
        return (self.start.month, self.start.day, self.end.month, self.end.day) == (1, 1, 12, 31) and (
            self.start.year == self.end.year
        )

    @property
    def is_whole_months(self) -> bool:
        """Whether the period may be published: disclosure-controlled figures cover whole months."""
        return is_whole_months(self.start, self.end)

    @property
    def title(self) -> str:
        with translation.override(self.language):
            if self.is_calendar_year:
                return _("Annual report %(year)s") % {"year": self.start.year}
            return _("Report %(start)s – %(end)s") % {
                "start": date_format(self.start, "DATE_FORMAT"),
                "end": date_format(self.end, "DATE_FORMAT"),
            }

    @property
    def office_names(self) -> str:
        return ", ".join(office.name for office in self.offices)

    @property
    def about(self) -> About:
        return About(
            title=f"{self.title} · {self.office_names}",
            start=self.start.isoformat(),
            end=self.end.isoformat(),
            offices=tuple((office.code, office.name) for office in self.offices),
            language=self.language,
            controlled=self.controlled,
        )

    def filename(self, extension: str) -> str:
        codes = "-".join(office.code.lower() for office in self.offices)
        return f"likeverd-{codes}-{self.start.isoformat()}-{self.end.isoformat()}-{self.language}.{extension}"


def compose_report(
    *,
    tables: Sequence[Table],
    offices: Sequence[Office],
    start: dt.date,
    end: dt.date,
    language: str,
    controlled: bool,
) -> AnnualReport:
    """The report of `tables` (already in `language`): charts drawn, the office's texts chosen
    (one office, a period within one year: that year's texts)."""
    with translation.override(language):
        sections = tuple(ReportSection(table=table, chart=_safe(chart_svg(table))) for table in tables)
    texts = None
    if len(offices) == 1 and start.year == end.year:
        texts = choose_report_text(office=offices[0], year=start.year, language=language)
    return AnnualReport(
        offices=tuple(offices),
        start=start,
        end=end,
        language=language,
        controlled=controlled,
        sections=sections,
        texts=texts,
    )


def _safe(svg: str | None) -> SafeString | None:
    # charts.py writes the SVG itself from numbers and XML-escaped labels (ElementTree).
    return mark_safe(svg) if svg is not None else None  # noqa: S308


def build_report(
    *,
    actor: ReportActor,
    offices: Sequence[Office],
    start: dt.date,
    end: dt.date,
    language: str,
    controlled: bool = True,
) -> AnnualReport:
    """Read the tables (audited, refused for an office the actor may not report on) and compose
    the report in `language`."""
    check_period(start, end)
    with translation.override(language):
        tables = report_tables(actor=actor, offices=offices, start=start, end=end, controlled=controlled)
    # Several offices, or a network statistician, always get controlled figures (report_tables).
    network = isinstance(actor, Viewer) and actor.can(Permission.VIEW_NETWORK_STATISTICS)
    effective = controlled or network or len(set(offices)) > 1
    return compose_report(
        tables=tables, offices=offices, start=start, end=end, language=language, controlled=effective
    )


def record_report_export(*, actor: ReportActor, report: AnnualReport, file_format: str) -> None:
    """The report left Likeverd as a file: one audit row naming the format, offices and period."""
    record_event(
        actor=StaffActor.of(actor) if isinstance(actor, Viewer) else actor,
        office=report.offices[0] if len(report.offices) == 1 else None,
        action=AuditAction.EXPORT,
        detail={
            "read": "statistics",
            "format": file_format,
            "offices": [office.code for office in report.offices],
            "start": report.start.isoformat(),
            "end": report.end.isoformat(),
            "language": report.language,
            "controlled": report.controlled,
        },
    )
