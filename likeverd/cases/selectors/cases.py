"""Reads of cases: the filtered, searched list and one case. Every read starts from
access.visible_cases, and reads of a case (and searches) are recorded in the audit log."""

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from django.db.models import CharField, Exists, ManyToOneRel, OuterRef, Prefetch, Q, QuerySet, Value
from django.http import Http404

from likeverd.accounts.actors import StaffActor
from likeverd.accounts.models import Office
from likeverd.accounts.viewer import Viewer
from likeverd.audit.models import AuditAction
from likeverd.audit.services import record_event
from likeverd.cases.access import remember_readable, visible_cases
from likeverd.cases.models import Case, Document, Task
from likeverd.cases.search import case_condition, filter_cases, identifier_condition
from likeverd.cases.selectors.casework import office_terms
from likeverd.taxonomy.models import Term

# A case's classification: four many-to-many relations to taxonomy terms.
CLASSIFICATION = ("grounds", "areas", "forms", "tracks")


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
    # The "suspected spam" folder: reports from the public form that filled in the honeypot.
    spam: bool = False

    def used(self) -> list[str]:
        return [name for name, value in vars(self).items() if value]


CASE_NUMBER = re.compile(r"(?:(?P<code>[A-Za-z]{2,6})-)?(?:(?P<year>\d{4})-)?(?P<serial>\d{1,6})")


def _search(cases: QuerySet[Case], office: Office, text: str) -> QuerySet[Case]:
    """Cases whose number matches, whose identifier from another system is `text` (an imported
    sheet's case number), or whose words (blind index) contain every word of `text`; newest first."""
    number = CASE_NUMBER.fullmatch(text)
    if number and number["code"] is not None and number["year"] is not None:
        # "OSL-2026-0042": a case number and nothing else, through the (office, year, serial) index.
        if number["code"].upper() != office.code:
            # Not this office's numbering: an earlier sheet's number, perhaps ("DIM-2019-17").
            sheet = identifier_condition(office, text)
            return cases.filter(sheet).order_by("-received_at", "-id") if sheet else cases.none()
        return cases.filter(year=int(number["year"]), serial=int(number["serial"])).order_by(
            "-received_at", "-id"
        )
    if number or any(ch.isdigit() for ch in text):
        # "2026-42", "42" or "x42": a number, or words that hold digits, or a sheet's number.
        condition = Q(pk__in=[])
        if number and (number["code"] is None or number["code"].upper() == office.code):
            condition = Q(serial=int(number["serial"]))
            if number["year"]:
                condition &= Q(year=int(number["year"]))
        else:
            condition = Q(number__icontains=text)
        for other in (identifier_condition(office, text), case_condition(office, text)):
            if other is not None:
                condition |= other
        return cases.filter(condition).order_by("-received_at", "-id")
    found = filter_cases(cases, office, text)
    return found if found is not None else cases.none()


def list_cases(*, viewer: Viewer, filters: CaseFilters | None = None) -> QuerySet[Case]:
    filters = filters or CaseFilters()
    cases = visible_cases(viewer).filter(suspected_spam=filters.spam)
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


def refused(viewer: Viewer, model: type[Case | Document | Task], public_id: str) -> Http404:
    """The 404 for an object the viewer may not see. When it exists (another office's, or a case
    this person's role may not read), the probe is recorded for the data-protection officer: a
    DENIED row in the viewer's office naming the object by its public id, nothing personal."""
    found = model.objects.filter(public_id=public_id).first()
    if found is not None:
        office_id = found.office_id if isinstance(found, Case) else found.case.office_id
        record_event(
            actor=StaffActor.of(viewer),
            office=viewer.office,
            action=AuditAction.DENIED,
            # Named in the detail, not as the row's target or case: the row sits in the prober's
            # office, and must not put another office's case into this office's case histories.
            detail={
                "reason": "another_office" if office_id != viewer.office_id else "not_permitted",
                "target_type": found._meta.label,
                "target_id": str(found.public_id),
            },
        )
    return Http404()


def _links(case_ids: Sequence[int], parts: Sequence[str], term: str) -> QuerySet[Any, tuple[Any, ...]]:
    """(part, case id, `term` of the linked term) for each link of the cases' classification
    `parts` ("grounds", "areas"...): one statement, a UNION ALL of their link tables."""
    queries: list[QuerySet[Any, tuple[Any, ...]]] = [
        getattr(Case, name)
        .through.objects.filter(case_id__in=case_ids)
        .annotate(part=Value(name, output_field=CharField()))
        .values_list("part", "case_id", term)
        for name in parts
    ]
    return queries[0].union(*queries[1:], all=True)


def classification_codes(
    case_ids: Sequence[int], parts: Sequence[str] = CLASSIFICATION
) -> dict[tuple[int, str], set[str]]:
    """The codes of the cases' terms, by (case id, part), in one statement: for computing from the
    classification (deadlines), where the terms themselves and their labels are not shown. The
    ids must be of cases the viewer may read."""
    if not case_ids:
        return {}
    codes: dict[tuple[int, str], set[str]] = {}
    for part, case_id, code in _links(case_ids, parts, "term__code"):
        codes.setdefault((case_id, part), set()).add(code)
    return codes


def read_classification(viewer: Viewer, cases: Sequence[Case]) -> None:
    """The cases' grounds, areas, forms and tracks in one statement (their links, by a UNION of
    the four link tables), the terms themselves from the office's terms, which a page reads
    once anyway (office_terms): where a prefetch would cost four statements and read the terms
    again. Left on each case as prefetched, so `case.grounds.all()` asks nothing. The cases
    must have come from `visible_cases(viewer)`."""
    if not cases:
        return
    found = list(_links([case.pk for case in cases], CLASSIFICATION, "term_id"))
    terms = office_terms(viewer)
    missing = {term_id for _part, _case, term_id in found if term_id not in terms}
    if missing:  # a term of another jurisdiction (never made by the screens): read it as well
        terms = {**terms, **Term.objects.in_bulk(missing)}
    order = [field.lstrip("-") for field in Term._meta.ordering or () if isinstance(field, str)]
    linked: dict[tuple[int, str], list[Term]] = {}
    for part, case_id, term_id in found:
        linked.setdefault((case_id, part), []).append(terms[term_id])
    for case in cases:
        cache = case.__dict__.setdefault("_prefetched_objects_cache", {})
        for name in CLASSIFICATION:
            chosen = sorted(
                linked.get((case.pk, name), []),
                key=lambda term: tuple(getattr(term, field) for field in order),
            )
            queryset = getattr(case, name).all()  # lazy: no statement
            queryset._result_cache = chosen
            queryset._prefetch_done = True
            cache[name] = queryset


def _presence(relation: str) -> Exists:
    """Whether the case has a row of the reverse relation `relation` (e.g. "referrals")."""
    field = Case._meta.get_field(relation)
    if not isinstance(field, ManyToOneRel):
        raise TypeError(f"Case.{relation} is not a reverse foreign key")
    return Exists(field.related_model._default_manager.filter(**{field.field.name: OuterRef("pk")}))


# The attribute get_case leaves on a case: reverse relation -> whether the case has any rows.
_PRESENT = "_likeverd_present"


def get_case(
    *, viewer: Viewer, public_id: str, related: Sequence[str] = (), present: Sequence[str] = ()
) -> Case:
    """One case the viewer may see, or 404 (also for other offices' cases); the read is audited.
    `related`: one-to-one relations to read with it (the case page's sections declare theirs);
    `present`: reverse relations whose existence to read with it (`known_empty`)."""
    try:
        case = (
            visible_cases(viewer)
            .select_related("assigned_to", "reporting_category", *related)
            .annotate(**{f"present_{name}": _presence(name) for name in present})
            .get(public_id=public_id)
        )
    except ValueError:
        raise Http404 from None
    except Case.DoesNotExist:
        raise refused(viewer, Case, public_id) from None
    # The case is of the viewer's office (visible_cases), whose row the viewer holds: not joined
    # again. With it, PostgreSQL planned the statement's nine tables in 3.5 ms, against 1.2.
    if viewer.office is not None and case.office_id == viewer.office.pk:
        case.office = viewer.office
    setattr(case, _PRESENT, {name: bool(getattr(case, f"present_{name}")) for name in present})
    read_classification(viewer, [case])
    remember_readable(viewer, case)
    viewer.memo.setdefault("case_relations", {})[case.pk] = frozenset(related)
    record_event(
        actor=StaffActor.of(viewer), office=viewer.office, action=AuditAction.VIEW, target=case, case=case
    )
    return case


def known_empty(case: Case, relation: str) -> bool:
    """Whether get_case, reading this very case object, found no rows of the reverse relation
    `relation` (a section declared it in `present`): then the section need not ask. False when
    it was not asked, so the caller reads."""
    return getattr(case, _PRESENT, {}).get(relation) is False


def read_with_case(viewer: Viewer, case: Case, relation: str) -> bool:
    """Whether this very `case` was read by get_case in this request with the one-to-one
    `relation` (the case page reads those its sections declare): then `getattr(case, relation,
    None)` is the row as read then, and asks nothing. A case object a service has worked on
    may hold an older row in Django's cache: this says False for it, and the caller reads."""
    descriptor = getattr(type(case), relation)
    return relation in viewer.memo.get("case_relations", {}).get(case.pk, ()) and bool(
        descriptor.is_cached(case)
    )


def record_case_read(*, viewer: Viewer, case: Case, screen: str) -> None:
    """Record that a screen other than the case page showed the viewer personal data of `case`
    (the saved narrative beside a stale edit, the parties' names on the add-party page, a task's
    title): every screen that shows decrypted data leaves a VIEW row in the audit log."""
    record_event(
        actor=StaffActor.of(viewer),
        office=viewer.office,
        action=AuditAction.VIEW,
        target=case,
        case=case,
        detail={"screen": screen},
    )


def get_case_for_change(*, viewer: Viewer, public_id: str) -> Case:
    """A case the viewer may see, or 404, for a write: not audited as a view, because the
    service that makes the change records its own audit event."""
    try:
        return visible_cases(viewer).select_related("office", "assigned_to").get(public_id=public_id)
    except ValueError:
        raise Http404 from None
    except Case.DoesNotExist:
        raise refused(viewer, Case, public_id) from None


def get_cases_by_public_id(*, viewer: Viewer, public_ids: set[str]) -> dict[str, Case]:
    """Public id -> case, for the given ids among the cases the viewer may see (one query)."""
    return {str(case.public_id): case for case in visible_cases(viewer).filter(public_id__in=public_ids)}
