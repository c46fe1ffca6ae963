"""Test data for cases, made through the real services (so audit, timeline and index are real)."""

import datetime as dt
from typing import Any

from likeverd.accounts.viewer import Viewer
from likeverd.cases import services
from likeverd.cases.models import Case, Channel
from likeverd.cases.services import CaseDetails, PersonDetails
from likeverd.taxonomy.models import Term, TermKind, VerificationStatus


def register(
    viewer: Viewer,
    *,
    narrative: str = "Refused entry at a nightclub door.",
    person_name: str = "",
    channel: Channel = Channel.PHONE,
    **details: Any,
) -> Case:
    person = (
        PersonDetails(name=person_name, is_anonymous=not person_name) if person_name is not None else None
    )
    return services.register_case(
        viewer=viewer, details=CaseDetails(channel=channel, narrative=narrative, **details), person=person
    )


def term(kind: TermKind, code: str, jurisdiction: str = "NO") -> Term:
    """The current version of a term from the loaded taxonomy, or a stand-in if none is loaded."""
    found = Term.objects.filter(
        jurisdiction=jurisdiction, kind=kind, code=code, valid_to__isnull=True
    ).first()
    return found or Term.objects.create(
        jurisdiction=jurisdiction,
        kind=kind,
        code=code,
        label_nb=code,
        label_sv=code,
        label_en=code.title(),
        valid_from=dt.date(2000, 1, 1),
        status=VerificationStatus.LAW,
    )


def terms(jurisdiction: str, kind: TermKind, *codes: str) -> list[Term]:
    found = list(
        Term.objects.filter(jurisdiction=jurisdiction, kind=kind, code__in=codes, valid_to__isnull=True)
    )
    assert len(found) == len(codes), f"missing taxonomy terms {codes}"
    return found
