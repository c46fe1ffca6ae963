"""The case list's search, timed as the list view runs it (`selectors.list_cases` with a query, the
first page of 25 rows and the capped count for the pager), side by side with the plaintext
baseline on the same data (benchmarks/baseline.py).

The baseline is timed two ways. "plain": what a plaintext Likeverd would do for the same page:
the plaintext index gives the page's case ids and the capped count, and the same rows are then
read as the list reads them (the viewer's cases, assignee, category, grounds) with the same
audit record; only the index differs, which is what the comparison is about. "index only": the
plaintext index's two statements alone, for reference (no rows read, no audit record).
"""

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial

from django.db import connection
from django.db.models import Prefetch
from django.test.utils import CaptureQueriesContext

from benchmarks import baseline
from benchmarks.dataset import RARE_NAME, Dataset
from benchmarks.timing import Timing, measure_side_by_side
from likeverd.accounts.actors import StaffActor
from likeverd.audit.models import AuditAction
from likeverd.audit.services import record_event
from likeverd.cases import selectors
from likeverd.cases.access import visible_cases
from likeverd.cases.selectors import CaseFilters
from likeverd.cases.views import CASES_PER_PAGE
from likeverd.core.pagination import CappedPaginator
from likeverd.taxonomy.models import Term

TARGET_MS = 100.0  # p95 at 100,000 cases
TARGET_RATIO = 2.0  # p95 against the plaintext index's p95
PER_PAGE = CASES_PER_PAGE


@dataclass
class SearchResult:
    kind: str
    query: str
    likeverd: Timing
    plain: Timing
    index_only: Timing
    statements: int
    matches: int
    plain_matches: int

    @property
    def ratio(self) -> float:
        return self.likeverd.p95 / max(self.plain.p95, 0.001)

    @property
    def ratio_to_index_only(self) -> float:
        return self.likeverd.p95 / max(self.index_only.p95, 0.001)


def first_page(dataset: Dataset, query: str) -> tuple[int, int]:
    cases = selectors.list_cases(viewer=dataset.viewer, filters=CaseFilters(query=query))
    page = CappedPaginator(cases, PER_PAGE).get_page(1)  # the list view's own pager
    rows = list(page.object_list)
    return len(rows), page.paginator.count


def plain_first_page(dataset: Dataset, index: Callable[[], tuple[list[int], int]]) -> tuple[int, int]:
    """The same page through a plaintext index: ids and count from it, rows as the list reads them."""
    ids, total = index()
    record_event(
        actor=StaffActor.of(dataset.viewer),
        office=dataset.viewer.office,
        action=AuditAction.SEARCH,
        detail={"filters": ["query"]},
    )
    rows = list(
        visible_cases(dataset.viewer)
        .filter(pk__in=ids)
        .select_related("assigned_to", "reporting_category")
        .prefetch_related(Prefetch("grounds", queryset=Term.objects.order_by("sort_order")))
        .order_by("-received_at", "-id")
    )
    return len(rows), total


def queries(dataset: Dataset) -> list[tuple[str, str, bool]]:
    """(kind, query, is a prefix) — the words are the demo's, not chosen for speed."""
    return [
        ("rare name", RARE_NAME.split()[1], False),
        ("name prefix", "abdir", True),
        ("full name", "amina warsame", False),
        ("common word", "leilighet", False),
        ("word in every case", "klienten", False),
        ("case number", dataset.sample_number, False),
    ]


def run(dataset: Dataset, *, repeat: int) -> list[SearchResult]:
    results = []
    for kind, query, is_prefix in queries(dataset):
        with CaptureQueriesContext(connection) as captured:
            _, total = first_page(dataset, query)
        index = baseline.searcher(query, prefix=is_prefix)
        _, plain_total = plain_first_page(dataset, index)
        if plain_total != total:
            # Timings of unlike searches compare nothing: the baseline must find what Likeverd finds.
            raise RuntimeError(
                f"search {kind!r}: Likeverd found {total} cases, the plaintext baseline {plain_total}"
            )
        # Likeverd's search and the baselines take turns, so each pair is measured side by side.
        timings = measure_side_by_side(
            {
                "likeverd": partial(first_page, dataset, query),
                "plain": partial(plain_first_page, dataset, index),
                "index only": index,
            },
            repeat=repeat,
        )
        likeverd, plain, index_only = timings["likeverd"], timings["plain"], timings["index only"]
        results.append(
            SearchResult(
                kind=kind,
                query=query,
                likeverd=likeverd,
                plain=plain,
                index_only=index_only,
                statements=len(captured.captured_queries),
                matches=total,
                plain_matches=plain_total,
            )
        )
    return results
