"""Which of an office's cases a viewer may see: all of them for advisers and the data-protection
officer, only those at the mediation bench (or assigned to them) for mediators, none otherwise.
Every case query starts here, on top of accounts.viewer.scope_to_office.
"""

from django.db.models import Q, QuerySet

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


def can_edit(viewer: Viewer, case: Case) -> bool:
    return viewer.can(Permission.EDIT_CASE) and case.office_id == viewer.office_id
