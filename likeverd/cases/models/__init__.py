"""The case: who, what, when, where, how it is classified, and everything that happened since.

One module per topic (case, parties, timeline, tasks, documents, search); every name is
re-exported here, so `from likeverd.cases.models import Case` keeps working. Narratives, notes,
names, contact details, task titles and file names are encrypted at rest (EncryptedTextField);
search reaches them through the blind index (SearchToken, likeverd.cases.search).
Writes go through likeverd.cases.services, reads through likeverd.cases.selectors.
"""

from likeverd.cases.models.case import (
    Case,
    CaseNumberSequence,
    CaseStatus,
    Channel,
    DatePrecision,
    Outcome,
    PlaceKind,
    Wish,
)
from likeverd.cases.models.documents import Document, DocumentKind
from likeverd.cases.models.parties import CounterpartKind, Party, PartyRole
from likeverd.cases.models.search import SearchToken
from likeverd.cases.models.tasks import Task
from likeverd.cases.models.timeline import CaseEvent, EventKind

# Moved to the taxonomy app (same table); still importable from here.
from likeverd.taxonomy.models import ReportingCategory

__all__ = [
    "Case",
    "CaseEvent",
    "CaseNumberSequence",
    "CaseStatus",
    "Channel",
    "CounterpartKind",
    "DatePrecision",
    "Document",
    "DocumentKind",
    "EventKind",
    "Outcome",
    "Party",
    "PartyRole",
    "PlaceKind",
    "ReportingCategory",
    "SearchToken",
    "Task",
    "Wish",
]
