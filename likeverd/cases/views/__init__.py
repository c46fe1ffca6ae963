"""The case-work screens: HTTP only, one module per screen family. Each view finds the viewer,
parses with a form, calls the selectors and services it needs, and renders or redirects
(post/redirect/get) with a message. Services refuse with ValidationError (shown on the form)
or PermissionDenied (403). Every view is re-exported here for urls.py.
"""

from likeverd.cases.views.actions import (
    case_add_entry,
    case_add_party,
    case_add_task,
    case_assign,
    case_not_spam,
    case_status,
    case_upload,
    document_download,
    task_done,
)
from likeverd.cases.views.case import case_access_history, case_classify, case_detail, case_edit
from likeverd.cases.views.overview import CASES_PER_PAGE, case_list, case_list_export, dashboard
from likeverd.cases.views.registering import register_call

__all__ = [
    "CASES_PER_PAGE",
    "case_access_history",
    "case_add_entry",
    "case_add_party",
    "case_add_task",
    "case_assign",
    "case_classify",
    "case_detail",
    "case_edit",
    "case_list",
    "case_list_export",
    "case_not_spam",
    "case_status",
    "case_upload",
    "dashboard",
    "document_download",
    "register_call",
    "task_done",
]
