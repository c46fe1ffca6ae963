"""Who may read cases: the one rule, used by views, selectors, services, the admin, the
navigation and the templates.

An office's cases are readable by advisers and the data-protection officer (all of them) and
by mediators (those at the mediation bench, or assigned to them); nobody else reads cases, and
nobody reads another office's cases. Every case query starts from `visible_cases`, on top of
accounts.viewer.scope_to_office.
"""

from django.db.models import Q, QuerySet

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


def may_read_case(viewer: Viewer, case: Case) -> bool:
    """Whether the viewer may read this one case (one query)."""
    return visible_cases(viewer).filter(pk=case.pk).exists()


def can_edit(viewer: Viewer, case: Case) -> bool:
    return viewer.can(Permission.EDIT_CASE) and case.office_id == viewer.office_id
