"""Reads of a case's parties, and the conflicts of interest they reveal."""

from dataclasses import dataclass

from django.db.models import Q, QuerySet

from likeverd.accounts.viewer import Viewer
from likeverd.cases.access import visible_through
from likeverd.cases.models import Case, Party, PartyRole


def list_parties(*, case: Case) -> QuerySet[Party]:
    return case.parties.select_related("represents").order_by("id")


@dataclass
class Conflict:
    """The same name appears on the other side in another of the office's cases."""

    party: Party
    other_case_number: str
    other_role: str


def list_conflicts(*, viewer: Viewer, case: Case, parties: list[Party] | None = None) -> list[Conflict]:
    """Counterparts of this case who are clients (or reporters) in the office's other cases,
    and clients of this case who are counterparts elsewhere. Only cases the viewer may open
    are named: a mediator is not told the numbers of cases outside the bench. `parties`: the
    case's parties, when the caller has read them already."""
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
    # every case id SQLite walked the office's cases to find a handful of names.
    others = list(
        visible_through(Party.objects.filter(condition), viewer)
        .exclude(case=case)
        .select_related("case")
        .order_by("case__number", "id")
    )
    found = []
    for party in named:
        for other in others:
            if other.name_key != party.name_key:
                continue
            is_conflict = (party.role == PartyRole.COUNTERPART and other.role in clients) or (
                party.role in clients and other.role == PartyRole.COUNTERPART
            )
            if is_conflict:
                found.append(
                    Conflict(party=party, other_case_number=other.case.number, other_role=other.role)
                )
    return found
