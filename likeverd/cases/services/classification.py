"""Classifying a case: grounds, areas, forms, tracks and the office's reporting category."""

from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from likeverd.accounts.actors import Actor, StaffActor
from likeverd.accounts.models import Office
from likeverd.accounts.roles import Permission
from likeverd.accounts.viewer import Viewer
from likeverd.audit.models import AuditAction
from likeverd.cases import events
from likeverd.cases.models import Case
from likeverd.cases.services.common import audit_as, office_of, own_category, require
from likeverd.cases.services.inputs import Classification
from likeverd.core import clock
from likeverd.taxonomy.models import TermKind


def _codes(terms: Any) -> list[str]:
    return sorted(t.code for t in terms)


@transaction.atomic
def classify_case(*, viewer: Viewer, case: Case, classification: Classification) -> Case:
    """Set grounds (several at once), areas, forms and tracks; the change is kept in the timeline."""
    require(viewer, Permission.CLASSIFY_CASE, case)
    return classify_case_as(
        actor=StaffActor.of(viewer), office=office_of(viewer), case=case, classification=classification
    )


@transaction.atomic
def classify_case_as(*, actor: Actor, office: Office, case: Case, classification: Classification) -> Case:
    """`classify_case` for any actor, without a permission check: the caller has decided that
    `actor` may classify cases of `office` (an import of earlier registrations, as the system)."""
    if case.office_id != office.pk:
        raise PermissionDenied(_("You do not have permission to do this."))
    expected = {
        "grounds": TermKind.GROUND,
        "areas": TermKind.AREA,
        "forms": TermKind.FORM,
        "tracks": TermKind.TRACK,
    }
    for attribute, kind in expected.items():
        for term in getattr(classification, attribute):
            if term.kind != kind or term.jurisdiction != office.jurisdiction:
                raise ValidationError(
                    _("%(term)s cannot be used here: it is not a %(kind)s of this office's jurisdiction."),
                    params={"term": term.label, "kind": TermKind(kind).label},
                )
    category = own_category(office, classification.reporting_category)
    before: dict[str, list[str] | str] = {name: _codes(getattr(case, name).all()) for name in expected}
    before["reporting_category"] = case.reporting_category.code if case.reporting_category else ""
    after: dict[str, list[str] | str] = {name: _codes(getattr(classification, name)) for name in expected}
    after["reporting_category"] = category.code if category else ""
    if before == after:
        return case
    for name in expected:
        getattr(case, name).set(getattr(classification, name))
    case.reporting_category = category
    case.updated_at = clock.now()
    case.save(update_fields=["reporting_category", "updated_at"])
    events.case_classified(case=case, actor=actor, before=before, after=after)
    audit_as(actor, office, AuditAction.CHANGE, case, case, fields=["classification"])
    return case
