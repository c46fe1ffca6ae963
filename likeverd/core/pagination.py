"""A paginator that stops counting at a cap: past a thousand matches a person narrows the
search rather than paging, and counting every match of a common word in a large office is the
slowest part of a search (see benchmarks/)."""

from typing import Any

from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.utils.functional import cached_property


class CappedPaginator(Paginator):  # type: ignore[type-arg]
    def __init__(self, object_list: QuerySet[Any], per_page: int, *, cap: int = 1000, **kwargs: Any) -> None:
        super().__init__(object_list, per_page, **kwargs)
        self.queryset = object_list
        self.cap = cap

    @cached_property
    def count(self) -> int:
        # Which rows are counted does not depend on their order; without ORDER BY the database
        # may drive the count from the smallest side (a rare word) instead of the list order.
        return min(self.queryset.order_by()[: self.cap + 1].count(), self.cap + 1)

    @property
    def is_capped(self) -> bool:
        return self.count > self.cap
