"""Writes of offices and their staff: setting up an office and adding its first person (the
set-up commands), and the office administrator's changes to the office and its staff, each
audited. The login and office-switching views only read and touch the session.
"""

from likeverd.accounts.services.common import admin_office
from likeverd.accounts.services.invitations import (
    Accepted,
    InvitationClosedError,
    accept_invitation,
    check_open,
    invite_staff_member,
    pending_device,
    resend_invitation,
)
from likeverd.accounts.services.offices import OfficeDetails, change_office_details, create_office
from likeverd.accounts.services.passwords import change_own_password, check_new_password
from likeverd.accounts.services.preferences import interface_languages, set_preferred_language
from likeverd.accounts.services.staff import (
    COMMAND_LINE,
    DEFAULT_DEVICE_NAME,
    GENERATED_PASSWORD_LENGTH,
    PASSWORD_ALPHABET,
    Credentials,
    NewStaffMember,
    add_authenticator,
    add_staff_member,
    create_staff_member,
    create_staff_member_from_command_line,
    deactivate_staff_member,
    generate_password,
    grant_role,
    provisioning_uri,
    reset_authenticators,
    reset_password,
    revoke_role,
)

__all__ = [
    "COMMAND_LINE",
    "DEFAULT_DEVICE_NAME",
    "GENERATED_PASSWORD_LENGTH",
    "PASSWORD_ALPHABET",
    "Accepted",
    "Credentials",
    "InvitationClosedError",
    "NewStaffMember",
    "OfficeDetails",
    "accept_invitation",
    "add_authenticator",
    "add_staff_member",
    "admin_office",
    "change_office_details",
    "change_own_password",
    "check_new_password",
    "check_open",
    "create_office",
    "create_staff_member",
    "create_staff_member_from_command_line",
    "deactivate_staff_member",
    "generate_password",
    "grant_role",
    "interface_languages",
    "invite_staff_member",
    "pending_device",
    "provisioning_uri",
    "resend_invitation",
    "reset_authenticators",
    "reset_password",
    "revoke_role",
    "set_preferred_language",
]
