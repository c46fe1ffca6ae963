"""Reading the blind index: a query's words hashed the same way and matched exactly."""

from django.db.models import Count, Exists, OuterRef, Q

from likeverd.accounts.models import Office
from likeverd.cases.models import SearchToken
from likeverd.cases.search.index import hashes_for, stems

MAX_QUERY_WORDS = 8

# Up to this many cases, the rarest word's cases are fetched and the others checked one by
# one; above it (a word in most cases), the case list is walked in its own order and each
# case probed, so the first page and a capped count stop early instead of collecting every match.
DRIVING_LIMIT = 5_000


def case_condition(office: Office, query: str) -> Q | None:
    """A filter for the office's cases that contain every word of `query` (None: no usable words)."""
    terms = sorted(stems(office, query), key=len, reverse=True)[:MAX_QUERY_WORDS]
    if not terms:
        return None
    tokens = hashes_for(office, terms)
    frequency = dict(
        SearchToken.objects.filter(office=office, token__in=tokens)
        .values("token")
        .annotate(cases=Count("case_id"))
        .values_list("token", "cases")
        .order_by()
    )
    if len(frequency) < len(tokens):
        return Q(pk__in=[])  # some word occurs nowhere: nothing can match
    rarest = min(tokens, key=lambda token: frequency[token])
    condition = Q()
    for token in tokens:
        matching = SearchToken.objects.filter(office=office, token=token)
        if token == rarest and frequency[token] <= DRIVING_LIMIT:
            condition &= Q(pk__in=matching.values("case_id"))
        else:
            condition &= Q(Exists(matching.filter(case_id=OuterRef("pk"))))
    return condition
