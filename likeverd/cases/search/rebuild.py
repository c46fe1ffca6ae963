"""Rebuilding what is keyed by the data key, in batches of rows: the search index (blind index)
and the name keys of the conflict-of-interest check. Used by `likeverd reindex` and, through
likeverd.core.rotation, by `likeverd rotatekey`. These run for every office at once: they are
system jobs, not reads by a viewer, and show nothing.
"""

from likeverd.accounts.models import Office
from likeverd.cases.models import Case, Party
from likeverd.cases.search.index import reindex_case
from likeverd.cases.search.names import name_key


def reindex_cases(*, after_pk: int, limit: int, office: Office | None = None) -> int | None:
    """Rebuild the search index of up to `limit` cases after `after_pk`; the last pk, or None."""
    cases = Case.objects.filter(pk__gt=after_pk).order_by("pk").select_related("office")
    if office is not None:
        cases = cases.filter(office=office)
    batch = list(cases.prefetch_related("parties", "events", "tasks", "documents")[:limit])
    for case in batch:
        reindex_case(case)
    return batch[-1].pk if batch else None


def rebuild_name_keys(*, after_pk: int, limit: int, office: Office | None = None) -> int | None:
    """Recompute the name keys of up to `limit` parties after `after_pk`; the last pk, or None."""
    parties = Party.objects.filter(pk__gt=after_pk).order_by("pk").select_related("case__office")
    if office is not None:
        parties = parties.filter(case__office=office)
    batch = list(parties[:limit])
    for party in batch:
        party.name_key = None if party.is_anonymous else name_key(party.case.office, party.name)
    Party.objects.bulk_update(batch, ["name_key"])
    return batch[-1].pk if batch else None
