"""Reads of a case's parties, and the conflicts of interest they reveal."""

from dataclasses import dataclass

from django.db.models import QuerySet

from likeverd.accounts.viewer import Viewer
from likeverd.cases.access import visible_cases
from likeverd.cases.models import Case, Party, PartyRole


def list_parties(*, case: Case) -> QuerySet[Party]:
    return case.parties.select_related("represents").order_by("id")


@dataclass
class Conflict:
    """The same name appears on the other side in another of the office's cases."""

    party: Party
    other_case_number: str
    other_role: str


def list_conflicts(*, viewer: Viewer, case: Case) -> list[Conflict]:
    """Counterparts of this case who are clients (or reporters) in the office's other cases,
    and clients of this case who are counterparts elsewhere. Only cases the viewer may open
    are named: a mediator is not told the numbers of cases outside the bench."""
    clients = {PartyRole.PERSON, PartyRole.REPORTER}
    parties = [p for p in case.parties.all() if p.name_key is not None]
    if not parties:
        return []
    others = (
        Party.objects.filter(case__in=visible_cases(viewer))
        .exclude(case=case)
        .filter(name_key__in={p.name_key for p in parties})
        .select_related("case")
    )
    found = []
    for party in parties:
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
