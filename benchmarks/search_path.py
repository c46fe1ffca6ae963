"""The case list's search, timed as the list view runs it: `selectors.list_cases` with a query,
then the first page of 25 rows and the count for the pager."""

from functools import partial

from benchmarks.dataset import RARE_NAME, Dataset
from benchmarks.timing import Timing, measure
from likeverd.cases import selectors
from likeverd.cases.selectors import CaseFilters
from likeverd.cases.views import CASES_PER_PAGE
from likeverd.core.pagination import CappedPaginator

TARGET_MS = 100.0
PER_PAGE = CASES_PER_PAGE


def first_page(dataset: Dataset, query: str) -> tuple[int, int]:
    cases = selectors.list_cases(viewer=dataset.viewer, filters=CaseFilters(query=query))
    page = CappedPaginator(cases, PER_PAGE).get_page(1)  # the list view's own pager
    rows = list(page.object_list)
    return len(rows), page.paginator.count


def queries(dataset: Dataset) -> list[tuple[str, str]]:
    return [
        ("rare name", RARE_NAME.split()[0]),
        ("name prefix", "abdir"),
        ("full name (two words)", "amina warsame"),
        ("common word", "leilighet"),
        ("two words", "dørvakten fullt"),
        ("word in every case", "klienten"),
        ("case number", dataset.sample_number),
        ("no match", "xylofon"),
    ]


def run(dataset: Dataset, *, repeat: int) -> list[Timing]:
    timings = []
    for label, query in queries(dataset):
        shown, total = first_page(dataset, query)
        timing = measure(
            f'{label}: "{query}"', partial(first_page, dataset, query), repeat=repeat, target_ms=TARGET_MS
        )
        timing.note = f"({total} matches, {shown} shown)"
        timings.append(timing)
    return timings
