"""Cases for the statistics tests, registered and classified through the real services."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from likeverd.accounts.viewer import Viewer
from likeverd.cases import services
from likeverd.cases.models import Case, Channel, CounterpartKind, PartyRole
from likeverd.cases.services import CaseDetails, Classification, PersonDetails
from likeverd.statistics.tables import Table
from likeverd.taxonomy.models import ReportingCategory, Term, TermKind

OSLO = ZoneInfo("Europe/Oslo")


def at(day: dt.date, hour: int = 10, minute: int = 0) -> dt.datetime:
    """`day` at `hour`:`minute` on Oslo's clock."""
    return dt.datetime.combine(day, dt.time(hour, minute), tzinfo=OSLO)


def ground(code: str, jurisdiction: str = "NO") -> Term:
    return Term.objects.get(jurisdiction=jurisdiction, kind=TermKind.GROUND, code=code, valid_to__isnull=True)


def form(code: str, jurisdiction: str = "NO") -> Term:
    return Term.objects.get(jurisdiction=jurisdiction, kind=TermKind.FORM, code=code, valid_to__isnull=True)


def category(viewer: Viewer, code: str) -> ReportingCategory:
    return ReportingCategory.objects.get(office=viewer.office, code=code)


def case(
    viewer: Viewer,
    received_at: dt.datetime,
    *,
    channel: Channel = Channel.PHONE,
    category_code: str = "",
    grounds: tuple[str, ...] = (),
    forms: tuple[str, ...] = (),
    place_kind: str = "",
    counterparts: tuple[CounterpartKind, ...] = (),
) -> Case:
    registered = services.register_case(
        viewer=viewer,
        details=CaseDetails(
            channel=channel,
            narrative="Turned away at the door.",
            received_at=received_at,
            place_kind=place_kind,
        ),
        person=PersonDetails(is_anonymous=True),
    )
    if category_code or grounds or forms:
        jurisdiction = viewer.office.jurisdiction if viewer.office else "NO"
        services.classify_case(
            viewer=viewer,
            case=registered,
            classification=Classification(
                grounds=[ground(code, jurisdiction) for code in grounds],
                forms=[form(code, jurisdiction) for code in forms],
                reporting_category=category(viewer, category_code) if category_code else None,
            ),
        )
    for kind in counterparts:
        services.add_party(
            viewer=viewer,
            case=registered,
            role=PartyRole.COUNTERPART,
            details=PersonDetails(is_anonymous=True),
            counterpart_kind=kind,
        )
    return registered


def by_id(tables: list[Table]) -> dict[str, Table]:
    return {table.id: table for table in tables}


def figures(table: Table) -> dict[str, tuple[int | None, ...]]:
    """label -> values of every row (the total row under the key "="), for compact asserts."""
    found = {row.label: row.values for row in table.rows}
    if table.total is not None:
        found["="] = table.total.values
    return found
