"""What the bench shows on the screens of `cases`, registered in MediationConfig.ready() through
likeverd.cases.registry: its timeline entries (codes only), a section of the case page (the
gate and the referral's status and outcome; never the mediator's notes) and a dashboard box for
mediators (their bench work in numbers, with a link to their view)."""

from django.utils.translation import gettext_lazy as _

from likeverd.accounts.actors import StaffActor
from likeverd.accounts.roles import Permission
from likeverd.accounts.viewer import Viewer
from likeverd.audit.models import AuditAction
from likeverd.audit.services import record_event
from likeverd.cases import registry
from likeverd.cases.models import Case
from likeverd.cases.selectors import known_empty
from likeverd.mediation import selectors
from likeverd.mediation.models import OPEN_STAGES
from likeverd.mediation.services import BENCH_EVENT


def case_section(viewer: Viewer, case: Case) -> dict[str, object] | None:
    """The section "Mediation bench": for an adviser, the link to send the case (whose page lists
    what the gate still lacks: triage's own section shows the assessment, so the case page does
    not read it twice), or the referral's stage and outcome; for a mediator, the same and a link
    to the bench page. One query, none when the case page found no referral; the referral's
    read, when there is one, is audited here."""
    adviser = viewer.can(Permission.CLASSIFY_CASE)
    mediator = selectors.may_mediate(viewer)
    if not adviser and not mediator:
        return None
    referral = None if known_empty(case, "bench_referrals") else selectors.latest_referral(case=case)
    if referral is not None:
        record_event(
            actor=StaffActor.of(viewer),
            office=viewer.office,
            action=AuditAction.VIEW,
            target=referral,
            case=case,
        )
    open_referral = referral is not None and referral.is_open
    return {
        "bench_referral": referral,
        "bench_open": open_referral,
        "bench_may_refer": adviser and not open_referral and case.status in selectors.REFERRABLE_STATUSES,
        "bench_may_mediate": mediator,
        "bench_may_close": viewer.can(Permission.CLOSE_CASE)
        and referral is not None
        and referral.stage == "returned",
    }


def dashboard_box(viewer: Viewer) -> dict[str, object] | None:
    """For mediators: how many bench cases are theirs, unassigned, and follow-ups due."""
    if not selectors.may_mediate(viewer):
        return None
    referrals = selectors.visible_referrals(viewer).filter(stage__in=OPEN_STAGES)
    return {
        "bench_mine": referrals.filter(mediator=viewer.user).count(),
        "bench_unassigned": referrals.filter(mediator__isnull=True).count(),
    }


def register() -> None:
    registry.register_event_kind(
        BENCH_EVENT, label=_("Mediation bench"), template="mediation/events/bench.html"
    )
    registry.register_case_section(
        "mediation",
        template="mediation/case_section.html",
        context=case_section,
        order=60,
        present=("bench_referrals",),
    )
    registry.register_dashboard_box(
        "mediation", template="mediation/dashboard_box.html", context=dashboard_box, order=40
    )
