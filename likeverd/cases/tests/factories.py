"""Test data for cases, made through the real services (so audit, timeline and index are real)."""

from typing import Any

from likeverd.accounts.viewer import Viewer
from likeverd.cases import services
from likeverd.cases.models import Case, Channel
from likeverd.cases.services import CaseDetails, PersonDetails


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
