"""Which of an office's cases a viewer may see: all of them for advisers and the data-protection
officer, only those at the mediation bench (or assigned to them) for mediators, none otherwise.
Every case query starts here, on top of accounts.viewer.scope_to_office.
"""

from django.db.models import Model, Q, QuerySet

from likeverd.accounts.roles import Permission
from likeverd.accounts.viewer import Viewer, scope_to_office
from likeverd.cases.models import Case, CaseStatus


def visible_cases(viewer: Viewer) -> QuerySet[Case]:
    cases = scope_to_office(Case.objects.all(), viewer)
    if viewer.can(Permission.VIEW_ALL_CASES):
        return cases
    if viewer.can(Permission.VIEW_MEDIATION_CASES):
        return cases.filter(Q(status=CaseStatus.MEDIATION) | Q(assigned_to=viewer.user))
    return cases.none()


def visible_through[M: Model](
    queryset: QuerySet[M], viewer: Viewer, *, case_path: str = "case"
) -> QuerySet[M]:
    """Rows of another model (tasks, parties) whose case the viewer may see: the rule of
    `visible_cases`, applied through a join on `case_path` rather than a subquery of the
    office's case ids, so the database can start from the rows' own index."""
    rows = scope_to_office(queryset, viewer, office_path=f"{case_path}__office")
    if viewer.can(Permission.VIEW_ALL_CASES):
        return rows
    if viewer.can(Permission.VIEW_MEDIATION_CASES):
        return rows.filter(
            Q(**{f"{case_path}__status": CaseStatus.MEDIATION})
            | Q(**{f"{case_path}__assigned_to": viewer.user})
        )
    return rows.none()


def can_edit(viewer: Viewer, case: Case) -> bool:
    return viewer.can(Permission.EDIT_CASE) and case.office_id == viewer.office_id
