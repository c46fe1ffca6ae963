"""What the bench's writes share: the permission and office check, refusing writes on a bench
that has stopped, the audit row and the case's timeline entry (codes only)."""

import datetime as dt
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import gettext as _

from likeverd.accounts.actors import StaffActor
from likeverd.accounts.roles import Permission
from likeverd.accounts.viewer import Viewer
from likeverd.audit.models import AuditAction
from likeverd.audit.services import record_event
from likeverd.cases import events
from likeverd.cases.models import Case
from likeverd.mediation.models import BenchReferral

# The kind of timeline entry the bench writes (registered in MediationConfig.ready()).
BENCH_EVENT = "bench"


def require(viewer: Viewer, permission: Permission, referral: BenchReferral | Case) -> None:
    office_id = referral.office_id
    if not viewer.can(permission) or office_id != viewer.office_id:
        raise PermissionDenied(_("You do not have permission to do this."))


def require_open(referral: BenchReferral) -> None:
    if not referral.is_open:
        raise ValidationError(
            _("The bench has stopped work on this case; nothing more can be recorded."), code="bench_stopped"
        )


def require_unchanged(referral: BenchReferral, seen_updated_at: dt.datetime | None) -> None:
    """Refuse a form opened on an older version of the referral: someone changed it since, and
    the person deciding should see what they changed first (None: no form, no check)."""
    if seen_updated_at is not None and seen_updated_at != referral.updated_at:
        raise ValidationError(
            _("Someone changed this referral since you opened the form. Check it and choose again."),
            code="stale",
        )


def audit(viewer: Viewer, action: AuditAction, target: Any, referral: BenchReferral, **detail: Any) -> None:
    record_event(
        actor=StaffActor.of(viewer),
        office=viewer.office,
        action=action,
        target=target,
        case=referral.case,
        detail=detail,
    )


def timeline(viewer: Viewer, referral: BenchReferral, step: str, **codes: str) -> None:
    """A timeline entry on the case for a step of the bench: codes only, which the adviser
    may read (status and outcome); the mediator's words stay in the bench's own rows."""
    events.record_event(
        case=referral.case,
        actor=StaffActor.of(viewer),
        kind=BENCH_EVENT,
        data={"step": step, "referral": str(referral.public_id), **codes},
    )


def locked(referral: BenchReferral) -> BenchReferral:
    """The referral as it stands now, locked for this transaction (a stale copy must not decide)."""
    return BenchReferral.objects.select_for_update().select_related("case", "office").get(pk=referral.pk)
