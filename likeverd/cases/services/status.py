"""Moving a case along the workflow (likeverd.cases.workflow); closing needs an outcome."""

import datetime as dt

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from likeverd.accounts.actors import Actor, StaffActor
from likeverd.accounts.roles import Permission
from likeverd.accounts.viewer import Viewer
from likeverd.audit.models import AuditAction
from likeverd.cases import events, search, workflow
from likeverd.cases.models import Case, CaseStatus, Outcome
from likeverd.cases.services.common import audit, audit_as, check_choice, require
from likeverd.core import clock


@transaction.atomic
def change_case_status(
    *,
    viewer: Viewer,
    case: Case,
    to_status: CaseStatus,
    outcome: str = "",
    note: str = "",
    via_bench: bool = False,
) -> Case:
    """Move a case along the workflow (workflow.TRANSITIONS); closing needs an outcome.
    Mediation is entered only by the mediation bench's referral, past its gate (`via_bench`)."""
    if case.office_id != viewer.office_id:
        raise PermissionDenied(_("You do not have permission to do this."))
    check_choice(to_status, CaseStatus)
    needed = workflow.required_permission(case.status, to_status)
    if needed is None:
        raise ValidationError(
            _("A case cannot go from %(from)s to %(to)s."),
            params={"from": CaseStatus(case.status).label, "to": CaseStatus(to_status).label},
            code="invalid_transition",
        )
    require(viewer, needed, case)
    if to_status in workflow.BENCH_ONLY and not via_bench:
        raise ValidationError(
            _("Send the case to the mediation bench from its section on the case page."),
            code="bench_only",
        )
    if to_status == CaseStatus.CLOSED:
        if outcome not in Outcome.values:
            raise ValidationError(_("Choose the outcome before closing the case."), code="outcome_required")
        case.outcome = outcome
        case.closed_at = clock.now()
    elif case.status == CaseStatus.CLOSED:
        case.outcome = ""
        case.closed_at = None
    previous = case.status
    case.status = to_status
    case.updated_at = clock.now()
    case.save(update_fields=["status", "outcome", "closed_at", "updated_at"])
    events.status_changed(
        case=case,
        actor=StaffActor.of(viewer),
        before=previous,
        after=to_status,
        outcome=case.outcome,
        note=note,
    )
    audit(viewer, AuditAction.CHANGE, case, case, fields=["status"], to=to_status)
    if note:
        search.index_text(case, note)
    return case


@transaction.atomic
def mark_not_spam(*, viewer: Viewer, case: Case) -> Case:
    """Take a report out of the "suspected spam" folder into the office's case list (audited).

    Any staff member who may edit the case may do it; a case that is not in the folder is left
    as it is."""
    require(viewer, Permission.EDIT_CASE, case)
    locked = Case.objects.select_for_update().get(pk=case.pk)
    if not locked.suspected_spam:
        return locked
    locked.suspected_spam = False
    locked.updated_at = clock.now()
    locked.save(update_fields=["suspected_spam", "updated_at"])
    audit(viewer, AuditAction.CHANGE, locked, locked, fields=["suspected_spam"], to="not_spam")
    return locked


@transaction.atomic
def record_past_status(
    *, actor: Actor, case: Case, status: CaseStatus, outcome: str = "", closed_at: dt.datetime | None = None
) -> Case:
    """The status a case had reached before it came into Likeverd (an import of earlier
    registrations, as the system): written once, on a case just opened, outside the work flow's
    transitions, which describe work done here. Closing needs an outcome; `closed_at` defaults
    to now. Audited and on the timeline like any change of status."""
    check_choice(status, CaseStatus)
    locked = Case.objects.select_for_update().get(pk=case.pk)
    if locked.status != CaseStatus.NEW:
        raise ValidationError(
            _("Only a case just registered can be given its earlier status."), code="not_new"
        )
    if status == CaseStatus.CLOSED:
        if outcome not in Outcome.values:
            raise ValidationError(_("Choose the outcome before closing the case."), code="outcome_required")
        locked.outcome = outcome
        locked.closed_at = closed_at or clock.now()
    locked.status = status
    locked.updated_at = clock.now()
    locked.save(update_fields=["status", "outcome", "closed_at", "updated_at"])
    events.status_changed(
        case=locked, actor=actor, before=CaseStatus.NEW, after=status, outcome=locked.outcome
    )
    # The caller's case carries its office already (an import opens hundreds of cases in a row).
    audit_as(actor, case.office, AuditAction.CHANGE, locked, locked, fields=["status"], to=status)
    case.status, case.outcome, case.closed_at = locked.status, locked.outcome, locked.closed_at
    return locked
