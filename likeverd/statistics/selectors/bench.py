"""The mediation bench's tables: the cases sent to the bench in the period by where it happened,
and what came of them. One GROUP BY each over the referrals made on the period's days.

"Area" is the kind of place on the case (workplace, shop or service, online, neighbourhood,
school...): the model report counts its mediation cases by these arenas, which cut across the
areas of society the case tables use (three of its eight bench cases were about goods and
services while only one of its sixty cases was in that area of society)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from django.db.models import Count, QuerySet
from django.utils.translation import gettext as _

from likeverd.accounts.models import Office
from likeverd.cases.models import PlaceKind
from likeverd.mediation.models import BenchOutcome, BenchReferral
from likeverd.statistics.selectors.common import choice_rows, count_table
from likeverd.statistics.selectors.period import within
from likeverd.statistics.tables import Table


def referrals_in(offices: Sequence[Office], start: dt.date, end: dt.date) -> QuerySet[BenchReferral]:
    return BenchReferral.objects.filter(
        within(offices, start, end, field="referred_at"), case__suspected_spam=False
    ).order_by()


def by_area(referrals: QuerySet[BenchReferral]) -> Table:
    counts: dict[str | None, int] = dict(
        referrals.values_list("case__place_kind").annotate(n=Count("id")).values_list("case__place_kind", "n")
    )
    return count_table(
        "mediation_by_area",
        _("Cases sent to mediation, by where it happened"),
        choice_rows(PlaceKind.choices, counts, blank=_("Place not recorded")),
        column=_("Cases"),
        total=sum(counts.values()),
    )


def outcomes(referrals: QuerySet[BenchReferral]) -> Table:
    counts: dict[str | None, int] = dict(
        referrals.values_list("outcome").annotate(n=Count("id")).values_list("outcome", "n")
    )
    return count_table(
        "mediation_outcomes",
        _("What came of the cases sent to mediation"),
        choice_rows(BenchOutcome.choices, counts, blank=_("Not concluded yet")),
        column=_("Cases"),
        total=sum(counts.values()),
    )
