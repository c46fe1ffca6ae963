"""The case list's search, timed as the list view runs it (`selectors.list_cases` with a query, the
first page of 25 rows and the capped count for the pager), side by side with the plaintext
baseline on the same data (benchmarks/baseline.py)."""

from dataclasses import dataclass
from functools import partial

from django.db import connection
from django.test.utils import CaptureQueriesContext

from benchmarks import baseline
from benchmarks.dataset import RARE_NAME, Dataset
from benchmarks.timing import Timing, measure
from likeverd.cases import selectors
from likeverd.cases.selectors import CaseFilters
from likeverd.cases.views import CASES_PER_PAGE
from likeverd.core.pagination import CappedPaginator

TARGET_MS = 100.0  # p95 at 100,000 cases
TARGET_RATIO = 2.0  # p95 against the plaintext index's p95
PER_PAGE = CASES_PER_PAGE


@dataclass
class SearchResult:
    kind: str
    query: str
    likeverd: Timing
    plain: Timing
    statements: int
    matches: int
    plain_matches: int

    @property
    def ratio(self) -> float:
        return self.likeverd.p95 / max(self.plain.p95, 0.001)


def first_page(dataset: Dataset, query: str) -> tuple[int, int]:
    cases = selectors.list_cases(viewer=dataset.viewer, filters=CaseFilters(query=query))
    page = CappedPaginator(cases, PER_PAGE).get_page(1)  # the list view's own pager
    rows = list(page.object_list)
    return len(rows), page.paginator.count


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
        likeverd = measure(kind, partial(first_page, dataset, query), repeat=repeat)
        plain_run = baseline.searcher(query, prefix=is_prefix)
        _, plain_total = plain_run()
        plain = measure(kind, plain_run, repeat=repeat)
        results.append(
            SearchResult(
                kind=kind,
                query=query,
                likeverd=likeverd,
                plain=plain,
                statements=len(captured.captured_queries),
                matches=total,
                plain_matches=plain_total,
            )
        )
    return results
