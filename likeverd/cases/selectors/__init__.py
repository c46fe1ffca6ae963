"""Every read of cases for the screens, one module per topic: cases.py (list, search, one
case), parties.py (parties, conflicts of interest), work.py (timeline, tasks, documents,
dashboard), casework.py (the office's people and categories for the forms), access_history.py.
All start from likeverd.cases.access.visible_cases; reads of a case are audited. Every name
is re-exported here: `from likeverd.cases.selectors import list_cases`.
"""

from likeverd.cases.selectors.access_history import list_case_access_history
from likeverd.cases.selectors.cases import (
    CASE_NUMBER,
    CaseFilters,
    classification_codes,
    get_case,
    get_case_for_change,
    get_cases_by_public_id,
    known_empty,
    list_cases,
    read_classification,
    read_with_case,
    record_case_read,
)
from likeverd.cases.selectors.casework import (
    caseworkers,
    get_classification_labels,
    list_caseworkers,
    list_office_people,
    office_people,
)
from likeverd.cases.selectors.parties import Conflict, list_conflicts, list_parties
from likeverd.cases.selectors.work import (
    Dashboard,
    get_dashboard,
    get_document,
    get_task,
    list_documents,
    list_tasks,
    list_timeline,
    read_documents,
    read_tasks,
    read_timeline,
)
from likeverd.taxonomy.selectors import list_reporting_categories

__all__ = [
    "CASE_NUMBER",
    "CaseFilters",
    "Conflict",
    "Dashboard",
    "caseworkers",
    "classification_codes",
    "get_case",
    "get_case_for_change",
    "get_cases_by_public_id",
    "get_classification_labels",
    "get_dashboard",
    "get_document",
    "get_task",
    "known_empty",
    "list_case_access_history",
    "list_cases",
    "list_caseworkers",
    "list_conflicts",
    "list_documents",
    "list_office_people",
    "list_parties",
    "list_reporting_categories",
    "list_tasks",
    "list_timeline",
    "office_people",
    "read_classification",
    "read_documents",
    "read_tasks",
    "read_timeline",
    "read_with_case",
    "record_case_read",
]
