"""A system check: the triage data files must parse, so a typo stops a deployment at `check`/`migrate`."""

from typing import Any

from django.core.checks import CheckMessage, Error, register

from likeverd.accounts.models import Jurisdiction
from likeverd.triage.checklists import load_actors, load_checklists
from likeverd.triage.datafile import TriageDataError
from likeverd.triage.rules import load_rules
from likeverd.triage.scope import scope_for


@register()
def data_files_parse(app_configs: Any = None, **kwargs: Any) -> list[CheckMessage]:
    errors: list[CheckMessage] = []
    for loader in (load_rules, load_checklists, load_actors):
        try:
            loader()
        except TriageDataError as error:
            errors.append(Error(str(error), id="triage.E001"))
    for jurisdiction in Jurisdiction.values:
        try:
            scope_for(jurisdiction)
        except TriageDataError as error:
            errors.append(Error(str(error), id="triage.E001"))
    return errors
