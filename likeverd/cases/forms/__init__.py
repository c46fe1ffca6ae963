"""The input shape of the case-work screens, one module per screen family. Forms parse and
check what was typed and hand plain values (services' dataclasses) to the views; the services
decide what is allowed. Every form is re-exported here: `from likeverd.cases.forms import TaskForm`.
"""

from likeverd.cases.forms.actions import (
    ENTRY_KINDS,
    AssignForm,
    EntryForm,
    PartyForm,
    StatusForm,
    TaskForm,
    UploadForm,
)
from likeverd.cases.forms.classification import CLASSIFICATION_KINDS, ClassifyForm
from likeverd.cases.forms.common import (
    LANGUAGES,
    CategoryChoiceField,
    PartyChoiceField,
    PersonChoiceField,
    TermChoiceField,
)
from likeverd.cases.forms.details import CaseDetailsForm, CaseEditForm, ContactFieldsMixin, RegisterCallForm
from likeverd.cases.forms.filters import CaseFilterForm
from likeverd.core.forms import BLANK, BaseForm

__all__ = [
    "BLANK",
    "CLASSIFICATION_KINDS",
    "ENTRY_KINDS",
    "LANGUAGES",
    "AssignForm",
    "BaseForm",
    "CaseDetailsForm",
    "CaseEditForm",
    "CaseFilterForm",
    "CategoryChoiceField",
    "ClassifyForm",
    "ContactFieldsMixin",
    "EntryForm",
    "PartyChoiceField",
    "PartyForm",
    "PersonChoiceField",
    "RegisterCallForm",
    "StatusForm",
    "TaskForm",
    "TermChoiceField",
    "UploadForm",
]
