"""The plain values the case services take: what a form, an import or another app hands over."""

import datetime as dt
from dataclasses import dataclass, field

from likeverd.cases.dates import IncidentDate
from likeverd.cases.models import Channel, PartyRole
from likeverd.taxonomy.models import ReportingCategory, Term


@dataclass
class PersonDetails:
    """The person the case is about, as told in the first contact. Everything is optional."""

    name: str = ""
    is_anonymous: bool = False
    phone: str = ""
    email: str = ""
    safe_to_call: bool = False
    safe_voicemail: bool = False
    safe_email: bool = False
    language: str = ""
    needs_interpreter: bool = False
    role: PartyRole = PartyRole.PERSON


@dataclass
class CaseDetails:
    channel: Channel
    narrative: str = ""
    incident_date: IncidentDate = field(default_factory=IncidentDate.unknown)
    incident_municipality: str = ""
    place_kind: str = ""
    residence_municipality: str = ""
    wishes: list[str] = field(default_factory=list)
    received_at: dt.datetime | None = None


@dataclass
class Classification:
    grounds: list[Term] = field(default_factory=list)
    areas: list[Term] = field(default_factory=list)
    forms: list[Term] = field(default_factory=list)
    tracks: list[Term] = field(default_factory=list)
    reporting_category: ReportingCategory | None = None
