"""Roles and what each may do: the one table of permissions (also shown in README.md).

A person holds roles per office (a Membership). What they may do in an office is the union
of the permissions of their roles there, and never reaches into another office.
"""

from enum import StrEnum

from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    ADVISER = "adviser", _("Legal adviser")
    MEDIATOR = "mediator", _("Mediator")
    COORDINATOR = "coordinator", _("Coordinator")
    OFFICE_ADMIN = "office_admin", _("Office administrator")
    NETWORK_STATISTICIAN = "network_statistician", _("Network statistician")
    DATA_PROTECTION_OFFICER = "dpo", _("Data-protection officer")


class Permission(StrEnum):
    VIEW_ALL_CASES = "view_all_cases"  # every case of the office
    VIEW_MEDIATION_CASES = "view_mediation_cases"  # cases at the mediation bench or assigned
    REGISTER_CASE = "register_case"
    EDIT_CASE = "edit_case"  # parties, narrative, notes, tasks, documents
    CLASSIFY_CASE = "classify_case"
    ASSIGN_CASE = "assign_case"
    CHANGE_STATUS = "change_status"
    CLOSE_CASE = "close_case"
    EXPORT_CASES = "export_cases"
    VIEW_ACCESS_HISTORY = "view_access_history"  # a case's audit trail
    VIEW_AUDIT_LOG = "view_audit_log"  # the office's whole audit log
    MANAGE_OFFICE = "manage_office"  # office details, staff, reporting categories
    VIEW_OFFICE_STATISTICS = "view_office_statistics"
    VIEW_NETWORK_STATISTICS = "view_network_statistics"
    WRITE_KNOWLEDGE = "write_knowledge"  # the office's own knowledge-base articles
    # The mediation bench's work: consents, preparatory talks, meetings, the outcome and the
    # agreement; and the mediator's confidential notes, which nobody else reads (ADR 0011).
    MEDIATE = "mediate"
    MANAGE_OUTREACH = "manage_outreach"  # courses, events, media, patrols, grants and expenses
    WRITE_REPORT_TEXTS = (
        "write_report_texts"  # the office's introduction and reflections in its annual report
    )


P = Permission

ROLE_PERMISSIONS: dict[Role, frozenset[Permission]] = {
    Role.ADVISER: frozenset(
        {
            P.VIEW_ALL_CASES,
            P.REGISTER_CASE,
            P.EDIT_CASE,
            P.CLASSIFY_CASE,
            P.ASSIGN_CASE,
            P.CHANGE_STATUS,
            P.CLOSE_CASE,
            P.EXPORT_CASES,
            P.VIEW_ACCESS_HISTORY,
            P.VIEW_OFFICE_STATISTICS,
        }
    ),
    Role.MEDIATOR: frozenset(
        {P.VIEW_MEDIATION_CASES, P.EDIT_CASE, P.CHANGE_STATUS, P.MEDIATE, P.VIEW_OFFICE_STATISTICS}
    ),
    Role.COORDINATOR: frozenset(
        {
            P.REGISTER_CASE,
            P.VIEW_OFFICE_STATISTICS,
            P.WRITE_KNOWLEDGE,
            P.MANAGE_OUTREACH,
            P.WRITE_REPORT_TEXTS,
        }
    ),
    Role.OFFICE_ADMIN: frozenset(
        {P.MANAGE_OFFICE, P.VIEW_OFFICE_STATISTICS, P.MANAGE_OUTREACH, P.WRITE_REPORT_TEXTS}
    ),
    Role.NETWORK_STATISTICIAN: frozenset({P.VIEW_NETWORK_STATISTICS}),
    Role.DATA_PROTECTION_OFFICER: frozenset(
        {P.VIEW_ALL_CASES, P.EXPORT_CASES, P.VIEW_ACCESS_HISTORY, P.VIEW_AUDIT_LOG}
    ),
}


# The roles an office administrator hands out. The network statistician belongs to no one office:
# that role stays with the installation's superuser and the command line.
OFFICE_ROLES: tuple[Role, ...] = tuple(role for role in Role if role != Role.NETWORK_STATISTICIAN)


def permissions_for(roles: "frozenset[Role] | set[Role]") -> frozenset[Permission]:
    granted: set[Permission] = set()
    for role in roles:
        granted |= ROLE_PERMISSIONS[Role(role)]
    return frozenset(granted)
