"""Reads of cases: the filtered, searched list and one case. Every read starts from
access.visible_cases, and reads of a case (and searches) are recorded in the audit log."""

import datetime as dt
import re
from dataclasses import dataclass

from django.db.models import Prefetch, Q, QuerySet
from django.http import Http404

from likeverd.accounts.actors import StaffActor
from likeverd.accounts.models import Office
from likeverd.accounts.viewer import Viewer
from likeverd.audit.models import AuditAction
from likeverd.audit.services import record_event
from likeverd.cases.access import visible_cases
from likeverd.cases.models import Case
from likeverd.cases.search import case_condition, filter_cases
from likeverd.taxonomy.models import Term


@dataclass
class CaseFilters:
    query: str = ""
    status: str = ""
    assigned_to: str = ""  # a person's public id, or "none" for unassigned
    ground: str = ""  # a term code
    area: str = ""
    channel: str = ""
    received_from: dt.date | None = None
    received_to: dt.date | None = None

    def used(self) -> list[str]:
        return [name for name, value in vars(self).items() if value]


CASE_NUMBER = re.compile(r"(?:(?P<code>[A-Za-z]{2,6})-)?(?:(?P<year>\d{4})-)?(?P<serial>\d{1,6})")


def _search(cases: QuerySet[Case], office: Office, text: str) -> QuerySet[Case]:
    """Cases whose number matches, or whose words (blind index) contain every word of `text`;
    newest first."""
    number = CASE_NUMBER.fullmatch(text)
    if number and number["code"] is not None and number["year"] is not None:
        # "OSL-2026-0042": a case number and nothing else, through the (office, year, serial) index.
        if number["code"].upper() != office.code:
            return cases.none()
        return cases.filter(year=int(number["year"]), serial=int(number["serial"])).order_by(
            "-received_at", "-id"
        )
    if number or any(ch.isdigit() for ch in text):
        # "2026-42", "42" or "x42": a number, or words that hold digits.
        condition = Q(pk__in=[])
        if number and (number["code"] is None or number["code"].upper() == office.code):
            condition = Q(serial=int(number["serial"]))
            if number["year"]:
                condition &= Q(year=int(number["year"]))
        else:
            condition = Q(number__icontains=text)
        words = case_condition(office, text)
        return cases.filter(condition | words if words is not None else condition).order_by(
            "-received_at", "-id"
        )
    found = filter_cases(cases, office, text)
    return found if found is not None else cases.none()


def list_cases(*, viewer: Viewer, filters: CaseFilters | None = None) -> QuerySet[Case]:
    filters = filters or CaseFilters()
    cases = visible_cases(viewer)
    if filters.status:
        cases = cases.filter(status=filters.status)
    if filters.assigned_to == "none":
        cases = cases.filter(assigned_to__isnull=True)
    elif filters.assigned_to:
        cases = cases.filter(assigned_to__public_id=filters.assigned_to)
    # Through-table subqueries rather than joins: no duplicate rows, so no DISTINCT over
    # every column (the encrypted narrative included) when the pager counts.
    if filters.ground:
        cases = cases.filter(
            pk__in=Case.grounds.through.objects.filter(term__code=filters.ground).values("case_id")
        )
    if filters.area:
        cases = cases.filter(
            pk__in=Case.areas.through.objects.filter(term__code=filters.area).values("case_id")
        )
    if filters.channel:
        cases = cases.filter(channel=filters.channel)
    if filters.received_from:
        cases = cases.filter(received_at__date__gte=filters.received_from)
    if filters.received_to:
        cases = cases.filter(received_at__date__lte=filters.received_to)
    if filters.query.strip() and viewer.office is not None:
        cases = _search(cases, viewer.office, filters.query.strip())
    else:
        cases = cases.order_by("-received_at", "-id")
    if filters.used():
        # The filters are recorded by name only: a search text may itself be personal data.
        record_event(
            actor=StaffActor.of(viewer),
            office=viewer.office,
            action=AuditAction.SEARCH,
            detail={"filters": filters.used()},
        )
    return cases.select_related("assigned_to", "reporting_category").prefetch_related(
        Prefetch("grounds", queryset=Term.objects.order_by("sort_order"))
    )


def get_case(*, viewer: Viewer, public_id: str) -> Case:
    """One case the viewer may see, or 404 (also for other offices' cases); the read is audited."""
    try:
        case = (
            visible_cases(viewer)
            .select_related("office", "assigned_to", "reporting_category")
            .prefetch_related("grounds", "areas", "forms", "tracks")
            .get(public_id=public_id)
        )
    except (Case.DoesNotExist, ValueError):
        raise Http404 from None
    record_event(
        actor=StaffActor.of(viewer), office=viewer.office, action=AuditAction.VIEW, target=case, case=case
    )
    return case


def get_case_for_change(*, viewer: Viewer, public_id: str) -> Case:
    """A case the viewer may see, or 404, for a write: not audited as a view, because the
    service that makes the change records its own audit event."""
    try:
        return visible_cases(viewer).select_related("office", "assigned_to").get(public_id=public_id)
    except (Case.DoesNotExist, ValueError):
        raise Http404 from None


def get_cases_by_public_id(*, viewer: Viewer, public_ids: set[str]) -> dict[str, Case]:
    """Public id -> case, for the given ids among the cases the viewer may see (one query)."""
    return {str(case.public_id): case for case in visible_cases(viewer).filter(public_id__in=public_ids)}
