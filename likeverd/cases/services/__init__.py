"""Every write to a case: registering, parties, classification, assignment, status, timeline,
tasks and documents, one module per topic. Each function checks the viewer's permission,
writes atomically, records its timeline event and its audit event in the same transaction,
and keeps the search index current. Every name is re-exported here:
`from likeverd.cases.services import register_case` is the way to call them.
"""

from likeverd.cases.events import TIMELINE_ENTRY_KINDS
from likeverd.cases.search import name_key, normalise_name
from likeverd.cases.services.assignment import CASEWORK_ROLES, assign_case
from likeverd.cases.services.classification import classify_case, classify_case_as
from likeverd.cases.services.documents import add_document, document_purpose, read_document, upload_document
from likeverd.cases.services.inputs import CaseDetails, Classification, PersonDetails
from likeverd.cases.services.parties import add_party, create_party
from likeverd.cases.services.registering import (
    next_case_number,
    open_case,
    register_case,
    update_case_details,
)
from likeverd.cases.services.status import change_case_status, mark_not_spam, record_past_status
from likeverd.cases.services.tasks import add_task, complete_task
from likeverd.cases.services.timeline import add_timeline_entry
from likeverd.taxonomy.services import create_default_reporting_categories

__all__ = [
    "CASEWORK_ROLES",
    "TIMELINE_ENTRY_KINDS",
    "CaseDetails",
    "Classification",
    "PersonDetails",
    "add_document",
    "add_party",
    "add_task",
    "add_timeline_entry",
    "assign_case",
    "change_case_status",
    "classify_case",
    "classify_case_as",
    "complete_task",
    "create_default_reporting_categories",
    "create_party",
    "document_purpose",
    "mark_not_spam",
    "name_key",
    "next_case_number",
    "normalise_name",
    "open_case",
    "read_document",
    "record_past_status",
    "register_case",
    "update_case_details",
    "upload_document",
]
