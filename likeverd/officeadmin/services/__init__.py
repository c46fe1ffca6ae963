"""Writes of office administration: the office's details, its staff (created, deactivated,
passwords and authenticators replaced, roles granted and revoked) and its reporting categories.
Each takes the acting office administrator's viewer, works only in that viewer's office, runs in
one transaction with the office row locked, and records its audit event there.
"""

from likeverd.officeadmin.services.office import (
    CategoryLabels,
    OfficeDetails,
    add_reporting_category,
    change_office_details,
    rename_reporting_category,
    restore_reporting_category,
    retire_reporting_category,
)
from likeverd.officeadmin.services.staff import (
    COMMAND_LINE,
    DEFAULT_DEVICE_NAME,
    Credentials,
    NewStaffMember,
    add_authenticator,
    create_staff_member,
    create_staff_member_from_command_line,
    deactivate_staff_member,
    grant_role,
    reset_authenticators,
    reset_password,
    revoke_role,
)

__all__ = [
    "COMMAND_LINE",
    "DEFAULT_DEVICE_NAME",
    "CategoryLabels",
    "Credentials",
    "NewStaffMember",
    "OfficeDetails",
    "add_authenticator",
    "add_reporting_category",
    "change_office_details",
    "create_staff_member",
    "create_staff_member_from_command_line",
    "deactivate_staff_member",
    "grant_role",
    "rename_reporting_category",
    "reset_authenticators",
    "reset_password",
    "restore_reporting_category",
    "retire_reporting_category",
    "revoke_role",
]
