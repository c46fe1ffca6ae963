"""Who may read cases: the one rule, used by views, selectors, services, the admin, the
navigation and the templates.

An office's cases are readable by advisers and the data-protection officer (all of them) and
by mediators (those at the mediation bench, or assigned to them); nobody else reads cases, and
nobody reads another office's cases. Every case query starts from `visible_cases`, on top of
accounts.viewer.scope_to_office.
"""

from django.db.models import Model, Q, QuerySet

from likeverd.accounts.roles import Permission
from likeverd.accounts.viewer import Viewer, scope_to_office
from likeverd.cases.models import Case, CaseStatus

# Holding either permission lets a person open the case list and the cases it shows.
CASE_READING_PERMISSIONS = (Permission.VIEW_ALL_CASES, Permission.VIEW_MEDIATION_CASES)


def may_read_cases(viewer: Viewer | None) -> bool:
    """Whether the viewer may read any of the office's cases (the case list, the navigation)."""
    return viewer is not None and any(viewer.can(permission) for permission in CASE_READING_PERMISSIONS)


def visible_cases(viewer: Viewer) -> QuerySet[Case]:
    """The cases of the viewer's office this viewer may read."""
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


def remember_readable(viewer: Viewer, case: Case) -> None:
    """Note, for the rest of this request, that `case` came from `visible_cases(viewer)` (the
    case page's read): sections that check the case again ask no second time."""
    viewer.memo.setdefault("readable_cases", set()).add(case.pk)


def may_read_case(viewer: Viewer, case: Case) -> bool:
    """Whether the viewer may read this one case (one query, none if this request has read it
    through `visible_cases` already)."""
    if case.pk in viewer.memo.get("readable_cases", ()):
        return True
    return visible_cases(viewer).filter(pk=case.pk).exists()


def can_edit(viewer: Viewer, case: Case) -> bool:
    return viewer.can(Permission.EDIT_CASE) and case.office_id == viewer.office_id
