"""Reads of a case's parties, and the conflicts of interest they reveal."""

from collections import defaultdict
from dataclasses import dataclass

from django.db.models import Count, F, Q, QuerySet, Window
from django.db.models.functions import RowNumber

from likeverd.accounts.viewer import Viewer
from likeverd.cases.access import visible_through
from likeverd.cases.models import Case, Party, PartyRole


def list_parties(*, case: Case) -> QuerySet[Party]:
    return case.parties.select_related("represents").order_by("id")


# A common name can be on the other side in hundreds of the office's cases: the warning names
# the first few and counts the rest, so the case page stays the same size whatever the data.
CONFLICT_CASES_SHOWN = 5


@dataclass
class Conflict:
    """The same name appears on the other side in other cases of the office: `other_case_numbers`
    holds the first few (by number), `other_cases` counts them all."""

    party: Party
    other_role: str
    other_case_numbers: tuple[str, ...]
    other_cases: int

    @property
    def more(self) -> int:
        return self.other_cases - len(self.other_case_numbers)


def _other_side(role: str) -> tuple[str, ...]:
    """The roles a name must have in another case to conflict with `role` in this one."""
    if role == PartyRole.COUNTERPART:
        return (PartyRole.PERSON, PartyRole.REPORTER)
    if role in (PartyRole.PERSON, PartyRole.REPORTER):
        return (PartyRole.COUNTERPART,)
    return ()


def list_conflicts(*, viewer: Viewer, case: Case, parties: list[Party] | None = None) -> list[Conflict]:
    """Counterparts of this case who are clients (or reporters) in the office's other cases,
    and clients of this case who are counterparts elsewhere, one warning per party and role on
    the other side. Only cases the viewer may open are named or counted: a mediator is not told
    the numbers of cases outside the bench. `parties`: the case's parties, when the caller has
    read them already."""
    clients = {PartyRole.PERSON, PartyRole.REPORTER}
    named = [p for p in (case.parties.all() if parties is None else parties) if p.name_key is not None]
    client_keys = {p.name_key for p in named if p.role in clients}
    counterpart_keys = {p.name_key for p in named if p.role == PartyRole.COUNTERPART}
    if not client_keys and not counterpart_keys:
        return []
    # Only the other side's role is read back: the (name key, role) index answers directly.
    condition = Q(pk__in=[])
    if counterpart_keys:
        condition |= Q(name_key__in=counterpart_keys, role__in=clients)
    if client_keys:
        condition |= Q(name_key__in=client_keys, role=PartyRole.COUNTERPART)
    # The viewer's rule through a join, not `case IN (the office's case ids)`: with the list of
    # every case id SQLite walked the office's cases to find a handful of names. Per name and
    # role, the database numbers the matches and counts them, and only the first few leave it,
    # as name key, role and case number: no encrypted name is read or decrypted.
    per_name = [F("name_key"), F("role")]
    others = (
        visible_through(Party.objects.filter(condition), viewer)
        .exclude(case=case)
        .annotate(
            position=Window(RowNumber(), partition_by=per_name, order_by=[F("case__number"), F("id")]),
            matches=Window(Count("id"), partition_by=per_name),
        )
        .filter(position__lte=CONFLICT_CASES_SHOWN)
        .order_by("name_key", "role", "position")
        .values_list("name_key", "role", "case__number", "matches")
    )
    numbers: dict[tuple[int | None, str], list[str]] = defaultdict(list)
    counts: dict[tuple[int | None, str], int] = {}
    for key, role, number, matches in others:
        numbers[(key, role)].append(number)
        counts[(key, role)] = matches
    found = []
    for party in named:
        for other_role in _other_side(party.role):
            wanted = (party.name_key, other_role)
            listed = numbers.get(wanted)
            if listed:
                found.append(
                    Conflict(
                        party=party,
                        other_role=other_role,
                        other_case_numbers=tuple(listed),
                        other_cases=counts[wanted],
                    )
                )
    return found
