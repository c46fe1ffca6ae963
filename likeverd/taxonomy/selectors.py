"""Reads of the legal taxonomy: which term versions apply on a given day.

The taxonomy is shared reference data, not office data, so its reads need no office scope;
an office's reporting categories are office data and are scoped.
Terms come ordered for display, with their legal sources prefetched for citations.
"""

import datetime as dt
from collections.abc import Iterable

from django.db.models import Q, QuerySet

from likeverd.accounts.viewer import Viewer, scope_to_office
from likeverd.core import clock
from likeverd.taxonomy.models import ReportingCategory, Term, TermKind


def _valid_on(day: dt.date) -> Q:
    # valid_to is the last day a version applies, so it is still valid on that day.
    return Q(valid_from__lte=day) & (Q(valid_to__isnull=True) | Q(valid_to__gte=day))


def list_terms(*, jurisdiction: str, kind: TermKind | str, on: dt.date | None = None) -> QuerySet[Term]:
    """The versions of one kind of term that apply on `on` (today if not given)."""
    day = on or clock.today()
    return (
        Term.objects.filter(_valid_on(day), jurisdiction=jurisdiction, kind=kind)
        .prefetch_related("sources")
        .order_by("sort_order", "code")
    )


def get_terms_by_codes(
    *, jurisdiction: str, kind: TermKind | str, codes: Iterable[str], on: dt.date | None = None
) -> QuerySet[Term]:
    """The versions applying on `on` of the given codes; unknown codes are simply absent."""
    return list_terms(jurisdiction=jurisdiction, kind=kind, on=on).filter(code__in=list(codes))


def term_labels_by_kind(
    *, jurisdiction: str, kinds: Iterable[TermKind | str], on: dt.date | None = None
) -> dict[str, dict[str, str]]:
    """Code -> label (active language) of the terms that apply on `on`, per kind, in display order:
    for choices, so in one query and without the legal sources."""
    day = on or clock.today()
    labels: dict[str, dict[str, str]] = {str(kind): {} for kind in kinds}
    terms = Term.objects.filter(_valid_on(day), jurisdiction=jurisdiction, kind__in=list(labels)).order_by(
        "sort_order", "code"
    )
    for term in terms:
        labels[term.kind][term.code] = term.label
    return labels


def list_reporting_categories(*, viewer: Viewer) -> QuerySet[ReportingCategory]:
    """The active reporting categories of the viewer's office (office data: scoped)."""
    return scope_to_office(ReportingCategory.objects.all(), viewer).filter(is_active=True)
