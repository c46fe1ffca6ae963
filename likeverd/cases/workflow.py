"""The case status workflow: the one table of allowed transitions and who may make them.

new → sorting → advice → assistance → referred / mediation → closed, with the side steps a
real case takes (straight to closed when the person withdraws, back to assistance when
mediation fails, reopening a closed case). Enforced by services.change_case_status.

Only advisers close a case (CLOSE_CASE, accounts.roles), from every status, the mediation bench
included: a mediator records the bench's outcome and hands the case back, but does not close
the whole case.

A case enters mediation only through the mediation bench's referral (likeverd.mediation), which
checks that the facts are established and the person knows the legal routes first (ADR 0011):
the status form does not offer it, and change_case_status refuses it without `via_bench`.
"""

from likeverd.accounts.roles import Permission
from likeverd.cases.models import CaseStatus

S = CaseStatus
P = Permission

# (from, to) -> the permission needed to make that move.
TRANSITIONS: dict[tuple[CaseStatus, CaseStatus], Permission] = {
    (S.NEW, S.SORTING): P.CHANGE_STATUS,
    (S.NEW, S.CLOSED): P.CLOSE_CASE,
    (S.SORTING, S.ADVICE): P.CHANGE_STATUS,
    (S.SORTING, S.ASSISTANCE): P.CHANGE_STATUS,
    (S.SORTING, S.REFERRED): P.CHANGE_STATUS,
    (S.SORTING, S.MEDIATION): P.CLASSIFY_CASE,
    (S.SORTING, S.CLOSED): P.CLOSE_CASE,
    (S.ADVICE, S.ASSISTANCE): P.CHANGE_STATUS,
    (S.ADVICE, S.REFERRED): P.CHANGE_STATUS,
    (S.ADVICE, S.MEDIATION): P.CLASSIFY_CASE,
    (S.ADVICE, S.CLOSED): P.CLOSE_CASE,
    (S.ASSISTANCE, S.ADVICE): P.CHANGE_STATUS,
    (S.ASSISTANCE, S.REFERRED): P.CHANGE_STATUS,
    (S.ASSISTANCE, S.MEDIATION): P.CLASSIFY_CASE,
    (S.ASSISTANCE, S.CLOSED): P.CLOSE_CASE,
    (S.REFERRED, S.ASSISTANCE): P.CHANGE_STATUS,
    (S.REFERRED, S.CLOSED): P.CLOSE_CASE,
    # The bench hands a case back when mediation is not (or no longer) fit.
    (S.MEDIATION, S.ASSISTANCE): P.CHANGE_STATUS,
    (S.MEDIATION, S.CLOSED): P.CLOSE_CASE,
    (S.CLOSED, S.SORTING): P.CLOSE_CASE,
}


# Statuses entered only through another app's own screen and rules (the bench's gate).
BENCH_ONLY = frozenset({S.MEDIATION})


def allowed_targets(current: str, permissions: frozenset[Permission]) -> list[CaseStatus]:
    """The moves the status form offers: those the permissions allow, less the bench's."""
    return [
        to
        for (frm, to), needed in TRANSITIONS.items()
        if frm == current and needed in permissions and to not in BENCH_ONLY
    ]


def required_permission(current: str, target: str) -> Permission | None:
    return TRANSITIONS.get((CaseStatus(current), CaseStatus(target)))
