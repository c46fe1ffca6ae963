"""Staff administration: each service's result, its refusals, its audit row, and its refusal
across offices."""

from collections.abc import Callable
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django_otp.plugins.otp_totp.models import TOTPDevice

from likeverd.accounts import services
from likeverd.accounts.models import Membership, Office, User
from likeverd.accounts.roles import Role
from likeverd.accounts.tests.factories import PASSWORD, make_staff, viewer_of
from likeverd.audit.models import AuditAction, AuditEvent

pytestmark = pytest.mark.django_db


def _member(username: str = "nina", *roles: Role) -> services.NewStaffMember:
    return services.NewStaffMember(
        username=username,
        first_name="Nina",
        last_name="Ny",
        email="nina@example.org",
        roles=roles or (Role.ADVISER,),
    )


def _events(action: AuditAction, person: User) -> list[AuditEvent]:
    return list(AuditEvent.objects.filter(action=action, target_id=str(person.public_id)).order_by("id"))


def test_an_office_admin_adds_a_person_who_can_log_in_with_the_password_shown(
    office: Office, office_admin: User
) -> None:
    credentials = services.create_staff_member(
        viewer=viewer_of(office_admin), member=_member("nina", Role.ADVISER, Role.COORDINATOR)
    )
    person = credentials.person
    assert credentials.password is not None
    assert person.check_password(credentials.password)
    assert TOTPDevice.objects.filter(user=person, confirmed=True).count() == 1
    assert set(Membership.objects.filter(user=person, office=office).values_list("role", flat=True)) == {
        Role.ADVISER,
        Role.COORDINATOR,
    }
    (created,) = _events(AuditAction.CREATE, person)
    assert created.actor == office_admin
    assert created.office == office
    assert created.detail == {"roles": ["adviser", "coordinator"]}
    assert [e.detail["role"] for e in _events(AuditAction.GRANT_ROLE, person)] == ["adviser", "coordinator"]
    assert credentials.password not in str([e.detail for e in AuditEvent.objects.all()])


def test_a_person_needs_a_role_a_free_username_and_no_network_role(office_admin: User) -> None:
    viewer = viewer_of(office_admin)
    with pytest.raises(ValidationError, match="at least one role"):
        services.create_staff_member(
            viewer=viewer,
            member=services.NewStaffMember(username="x", first_name="X", last_name="Y", roles=()),
        )
    with pytest.raises(ValidationError, match="taken"):
        services.create_staff_member(viewer=viewer, member=_member("OLGA"))
    with pytest.raises(ValidationError, match="Network roles"):
        services.create_staff_member(viewer=viewer, member=_member("stat", Role.NETWORK_STATISTICIAN))
    assert not User.objects.filter(username__in=["x", "stat"]).exists()


def test_only_an_office_admin_manages_staff(office: Office, adviser: User) -> None:
    with pytest.raises(PermissionDenied):
        services.create_staff_member(viewer=viewer_of(adviser), member=_member())
    assert not User.objects.filter(username="nina").exists()


def test_the_command_line_is_named_in_the_audit_row(office: Office) -> None:
    credentials = services.create_staff_member_from_command_line(
        office=office, member=_member("first", Role.OFFICE_ADMIN), password="a long and unusual passphrase"
    )
    (created,) = _events(AuditAction.CREATE, credentials.person)
    assert created.actor is None
    assert created.detail == {"roles": ["office_admin"], "via": "command line"}
    assert credentials.password is None
    assert credentials.person.is_staff


def test_granting_and_revoking_a_role_is_audited(office: Office, office_admin: User, adviser: User) -> None:
    viewer = viewer_of(office_admin)
    services.grant_role(viewer=viewer, person=adviser, role=Role.MEDIATOR)
    assert viewer_of(adviser).roles == {Role.ADVISER, Role.MEDIATOR}
    services.revoke_role(viewer=viewer, person=adviser, role=Role.MEDIATOR)
    assert viewer_of(adviser).roles == {Role.ADVISER}
    (granted,) = _events(AuditAction.GRANT_ROLE, adviser)
    (revoked,) = _events(AuditAction.REVOKE_ROLE, adviser)
    assert granted.detail == revoked.detail == {"role": "mediator"}
    assert granted.actor == revoked.actor == office_admin
    with pytest.raises(ValidationError, match="does not have this role"):
        services.revoke_role(viewer=viewer, person=adviser, role=Role.MEDIATOR)
    with pytest.raises(ValidationError, match="already has this role"):
        services.grant_role(viewer=viewer, person=adviser, role=Role.ADVISER)


def test_the_only_admin_cannot_revoke_their_own_admin_role_or_deactivate_themselves(
    office: Office, office_admin: User
) -> None:
    viewer = viewer_of(office_admin)
    with pytest.raises(ValidationError, match="only administrator") as revoking:
        services.revoke_role(viewer=viewer, person=office_admin, role=Role.OFFICE_ADMIN)
    assert revoking.value.code == "last_admin"
    with pytest.raises(ValidationError, match="only administrator"):
        services.deactivate_staff_member(viewer=viewer, person=office_admin)
    assert viewer_of(office_admin).roles == {Role.OFFICE_ADMIN}
    assert not AuditEvent.objects.filter(
        action__in=[AuditAction.REVOKE_ROLE, AuditAction.DEACTIVATE]
    ).exists()


def test_with_two_admins_neither_can_drop_their_own_admin_role(office: Office, office_admin: User) -> None:
    second = make_staff(office, Role.OFFICE_ADMIN)
    with pytest.raises(ValidationError, match="your own administrator role"):
        services.revoke_role(viewer=viewer_of(office_admin), person=office_admin, role=Role.OFFICE_ADMIN)
    with pytest.raises(ValidationError, match="cannot deactivate yourself"):
        services.deactivate_staff_member(viewer=viewer_of(office_admin), person=office_admin)
    # Another administrator can.
    services.revoke_role(viewer=viewer_of(second), person=office_admin, role=Role.OFFICE_ADMIN)
    assert viewer_of(office_admin).roles == frozenset()


def test_two_admins_revoking_each_other_at_once_leave_one(office: Office, office_admin: User) -> None:
    second = make_staff(office, Role.OFFICE_ADMIN)
    # Both viewers were built before either change, as in two requests at the same moment.
    first_viewer, second_viewer = viewer_of(office_admin), viewer_of(second)
    services.revoke_role(viewer=first_viewer, person=second, role=Role.OFFICE_ADMIN)
    with pytest.raises(PermissionDenied):
        services.revoke_role(viewer=second_viewer, person=office_admin, role=Role.OFFICE_ADMIN)
    assert viewer_of(office_admin).roles == {Role.OFFICE_ADMIN}


def test_deactivating_takes_every_role_here_and_the_login_of_someone_who_works_nowhere_else(
    office: Office, other_office: Office, office_admin: User, adviser: User
) -> None:
    both = make_staff(office, Role.ADVISER, Role.COORDINATOR)
    Membership.objects.create(user=both, office=other_office, role=Role.ADVISER)
    viewer = viewer_of(office_admin)

    services.deactivate_staff_member(viewer=viewer, person=adviser)
    services.deactivate_staff_member(viewer=viewer, person=both)

    adviser.refresh_from_db()
    both.refresh_from_db()
    assert not adviser.is_active
    assert both.is_active
    assert viewer_of(both, office).office == other_office  # no role left in `office`
    assert not Membership.objects.filter(office=office, user=both, is_active=True).exists()
    (event,) = _events(AuditAction.DEACTIVATE, both)
    assert event.detail == {"roles": ["adviser", "coordinator"], "can_log_in": True}
    assert _events(AuditAction.DEACTIVATE, adviser)[0].detail["can_log_in"] is False


def test_a_role_granted_again_lets_a_deactivated_person_log_in_again(
    office_admin: User, adviser: User
) -> None:
    viewer = viewer_of(office_admin)
    services.deactivate_staff_member(viewer=viewer, person=adviser)
    services.grant_role(viewer=viewer, person=adviser, role=Role.ADVISER)
    adviser.refresh_from_db()
    assert adviser.is_active
    assert viewer_of(adviser).roles == {Role.ADVISER}


def test_a_new_password_replaces_the_old_one_and_is_audited_without_itself(
    office_admin: User, adviser: User
) -> None:
    password = services.reset_password(viewer=viewer_of(office_admin), person=adviser)
    adviser.refresh_from_db()
    assert adviser.check_password(password)
    assert not adviser.check_password(PASSWORD)
    (event,) = _events(AuditAction.RESET_PASSWORD, adviser)
    assert event.actor == office_admin
    assert event.detail == {}


def test_authenticators_are_added_or_replaced(office_admin: User, adviser: User) -> None:
    viewer = viewer_of(office_admin)
    old = TOTPDevice.objects.get(user=adviser)
    added = services.add_authenticator(viewer=viewer, person=adviser, name="Work phone")
    assert set(TOTPDevice.objects.filter(user=adviser).values_list("name", flat=True)) == {
        old.name,
        "Work phone",
    }
    new = services.reset_authenticators(viewer=viewer, person=adviser)
    assert list(TOTPDevice.objects.filter(user=adviser)) == [new]
    assert _events(AuditAction.ADD_AUTHENTICATOR, adviser)[0].detail == {"device": added.persistent_id}
    assert _events(AuditAction.RESET_AUTHENTICATORS, adviser)[0].detail == {
        "removed": 2,
        "device": new.persistent_id,
    }


def test_an_admin_cannot_replace_their_own_authenticators(office_admin: User) -> None:
    with pytest.raises(ValidationError, match="your own authenticators"):
        services.reset_authenticators(viewer=viewer_of(office_admin), person=office_admin)
    assert TOTPDevice.objects.filter(user=office_admin).count() == 1


def test_password_and_authenticator_of_someone_who_also_works_elsewhere_stay_with_the_installer(
    office: Office, other_office: Office, office_admin: User
) -> None:
    both = make_staff(office, Role.ADVISER)
    Membership.objects.create(user=both, office=other_office, role=Role.OFFICE_ADMIN)
    viewer = viewer_of(office_admin)
    for attempt in (services.reset_password, services.add_authenticator, services.reset_authenticators):
        with pytest.raises(PermissionDenied, match="another office"):
            attempt(viewer=viewer, person=both)
    assert both.check_password(PASSWORD)


STAFF_WRITES: dict[str, Callable[..., Any]] = {
    "grant_role": lambda viewer, person: services.grant_role(
        viewer=viewer, person=person, role=Role.MEDIATOR
    ),
    "revoke_role": lambda viewer, person: services.revoke_role(
        viewer=viewer, person=person, role=Role.ADVISER
    ),
    "deactivate": lambda viewer, person: services.deactivate_staff_member(viewer=viewer, person=person),
    "reset_password": lambda viewer, person: services.reset_password(viewer=viewer, person=person),
    "add_authenticator": lambda viewer, person: services.add_authenticator(viewer=viewer, person=person),
    "reset_authenticators": lambda viewer, person: services.reset_authenticators(
        viewer=viewer, person=person
    ),
}


@pytest.mark.parametrize("write", STAFF_WRITES.values(), ids=STAFF_WRITES.keys())
def test_an_admin_cannot_touch_a_person_of_another_office(
    write: Callable[..., Any], office_admin: User, other_adviser: User
) -> None:
    before = list(Membership.objects.filter(user=other_adviser).values_list("role", "is_active"))
    with pytest.raises(PermissionDenied, match="does not work in your office"):
        write(viewer_of(office_admin), other_adviser)
    other_adviser.refresh_from_db()
    assert other_adviser.is_active
    assert other_adviser.check_password(PASSWORD)
    assert TOTPDevice.objects.filter(user=other_adviser).count() == 1
    assert list(Membership.objects.filter(user=other_adviser).values_list("role", "is_active")) == before
    assert not AuditEvent.objects.filter(target_id=str(other_adviser.public_id)).exists()


@pytest.mark.parametrize("write", STAFF_WRITES.values(), ids=STAFF_WRITES.keys())
def test_an_admin_of_one_office_has_no_say_in_an_office_where_they_only_advise(
    write: Callable[..., Any], office: Office, other_office: Office, office_admin: User, other_adviser: User
) -> None:
    Membership.objects.create(user=office_admin, office=other_office, role=Role.ADVISER)
    with pytest.raises(PermissionDenied, match="Only an office administrator"):
        write(viewer_of(office_admin, other_office), other_adviser)


def test_an_admin_of_one_office_cannot_add_people_to_an_office_where_they_only_advise(
    office: Office, other_office: Office, office_admin: User
) -> None:
    Membership.objects.create(user=office_admin, office=other_office, role=Role.ADVISER)
    with pytest.raises(PermissionDenied):
        services.create_staff_member(viewer=viewer_of(office_admin, other_office), member=_member())
    assert not User.objects.filter(username="nina").exists()
