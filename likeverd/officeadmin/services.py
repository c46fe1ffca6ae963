"""Writes of office administration: the office's details, its staff (created, deactivated,
passwords and authenticators replaced, roles granted and revoked) and its reporting categories.
Each takes the acting office administrator's viewer, works only in that viewer's office, runs in
one transaction with the office row locked, and records its audit event there. Nobody can leave
an office without an active administrator.
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django_otp.plugins.otp_totp.models import TOTPDevice

from likeverd.accounts import services as accounts
from likeverd.accounts.models import Membership, Office, User
from likeverd.accounts.roles import Permission, Role
from likeverd.accounts.viewer import Viewer
from likeverd.audit.models import AuditAction
from likeverd.audit.services import record_event
from likeverd.cases.models import ReportingCategory
from likeverd.core import clock
from likeverd.officeadmin.selectors import OFFICE_ROLES, count_active_admins
from likeverd.taxonomy.models import Term, TermKind

DEFAULT_DEVICE_NAME = "Authenticator"
COMMAND_LINE = "command line"


def _admin_office(viewer: Viewer) -> Office:
    """The viewer's office, locked until the transaction ends, so that two administrators
    changing roles at the same moment cannot both remove the other's last admin role."""
    if viewer.office is None or not viewer.can(Permission.MANAGE_OFFICE):
        raise PermissionDenied(_("Only an office administrator can do this."))
    office = Office.objects.select_for_update().get(pk=viewer.office.pk)
    # The viewer was built when the request began: another administrator may have revoked the
    # role since. Under the lock, the role is checked again.
    if not Membership.objects.filter(
        office=office, user=viewer.user, role=Role.OFFICE_ADMIN, is_active=True, user__is_active=True
    ).exists():
        raise PermissionDenied(_("Only an office administrator can do this."))
    return office


def _require_member(office: Office, person: User) -> None:
    if not Membership.objects.filter(office=office, user=person).exists():
        raise PermissionDenied(_("This person does not work in your office."))


def _require_only_here(office: Office, person: User) -> None:
    """Passwords and authenticators belong to the person, not the office: an administrator
    replaces them only for people who work in no other office (and are not installers)."""
    elsewhere = Membership.objects.filter(user=person, is_active=True).exclude(office=office).exists()
    if elsewhere or person.is_superuser:
        raise PermissionDenied(
            _(
                "This person also works in another office: ask the installation's administrator "
                "to replace their password or authenticator."
            )
        )


def _role(role: Role | str) -> Role:
    try:
        chosen = Role(role)
    except ValueError:
        raise ValidationError(_("Unknown role."), code="role") from None
    if chosen not in OFFICE_ROLES:
        raise ValidationError(_("Network roles are given by the installation's administrator."), code="role")
    return chosen


def _audit(
    viewer: Viewer, action: AuditAction, target: User | Office | ReportingCategory, **detail: object
) -> None:
    record_event(actor=viewer.user, office=viewer.office, action=action, target=target, detail=detail)


# --- the office ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class OfficeDetails:
    name: str
    phone: str = ""
    email: str = ""
    address: str = ""
    opening_hours: str = ""
    languages: Sequence[str] = ()
    municipalities: Sequence[str] = ()


@transaction.atomic
def change_office_details(*, viewer: Viewer, details: OfficeDetails) -> Office:
    """Change what the office tells the public; the code and jurisdiction are the network's."""
    office = _admin_office(viewer)
    values = {
        "name": details.name.strip(),
        "phone": details.phone.strip(),
        "email": details.email.strip(),
        "address": details.address.strip(),
        "opening_hours": details.opening_hours.strip(),
        "languages": list(dict.fromkeys(code.strip() for code in details.languages if code.strip())),
        "municipalities": list(
            dict.fromkeys(name.strip() for name in details.municipalities if name.strip())
        ),
    }
    changed = sorted(name for name, value in values.items() if getattr(office, name) != value)
    for name, value in values.items():
        setattr(office, name, value)
    office.full_clean()
    if changed:
        office.updated_at = clock.now()
        office.save(update_fields=[*changed, "updated_at"])
        _audit(viewer, AuditAction.CHANGE, office, fields=changed)
    return office


# --- staff ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class NewStaffMember:
    username: str
    first_name: str
    last_name: str
    email: str = ""
    roles: Sequence[Role | str] = field(default_factory=tuple)


@dataclass(frozen=True)
class Credentials:
    """What the new person needs to log in, shown once and stored nowhere in clear text."""

    person: User
    device: TOTPDevice
    password: str | None = None


def _create(
    *,
    office: Office,
    member: NewStaffMember,
    actor: User | None,
    roles: list[Role],
    password: str | None = None,
) -> Credentials:
    if not roles:
        raise ValidationError(_("Choose at least one role."), code="roles")
    if User.objects.filter(username__iexact=member.username.strip()).exists():
        raise ValidationError(_("This username is taken: choose another."), code="username")
    person, device, generated = accounts.add_staff_member(
        office=office,
        username=member.username,
        first_name=member.first_name,
        last_name=member.last_name,
        email=member.email,
        roles=roles,
        password=password,
    )
    # The installer at the command line is nobody in the office: the row says where it came from.
    via = {} if actor is not None else {"via": COMMAND_LINE}
    granted = [str(role) for role in dict.fromkeys(roles)]
    record_event(
        actor=actor, office=office, action=AuditAction.CREATE, target=person, detail={"roles": granted, **via}
    )
    for role in granted:
        record_event(
            actor=actor,
            office=office,
            action=AuditAction.GRANT_ROLE,
            target=person,
            detail={"role": role, **via},
        )
    return Credentials(person=person, password=generated, device=device)


@transaction.atomic
def create_staff_member(*, viewer: Viewer, member: NewStaffMember) -> Credentials:
    """A new person in the office with a generated password and a new authenticator."""
    office = _admin_office(viewer)
    return _create(
        office=office, member=member, actor=viewer.user, roles=[_role(role) for role in member.roles]
    )


@transaction.atomic
def create_staff_member_from_command_line(
    *, office: Office, member: NewStaffMember, password: str | None = None
) -> Credentials:
    """`likeverd createstaff`: the installer adds the first administrator of an office (or a
    network statistician, a role only the installer gives)."""
    office = Office.objects.select_for_update().get(pk=office.pk)
    return _create(
        office=office,
        member=member,
        actor=None,
        roles=[Role(role) for role in member.roles],
        password=password,
    )


def _refuse_losing_last_admin(office: Office, person: User) -> None:
    is_admin = Membership.objects.filter(
        office=office, user=person, role=Role.OFFICE_ADMIN, is_active=True
    ).exists()
    if is_admin and count_active_admins(office=office, excluding=person) == 0:
        raise ValidationError(
            _(
                "%(person)s is the office's only administrator. Make someone else an administrator "
                "first, so that the office is never left without one."
            ),
            params={"person": str(person)},
            code="last_admin",
        )


@transaction.atomic
def grant_role(*, viewer: Viewer, person: User, role: Role | str) -> Membership:
    office = _admin_office(viewer)
    _require_member(office, person)
    chosen = _role(role)
    membership, created = Membership.objects.get_or_create(user=person, office=office, role=chosen)
    if not created and membership.is_active:
        raise ValidationError(
            _("%(person)s already has this role."), params={"person": str(person)}, code="role"
        )
    if not created:
        membership.is_active = True
        membership.save(update_fields=["is_active"])
    changed = []
    # A person deactivated here (and working nowhere else) can log in again once given a role.
    if not person.is_active and not Membership.objects.filter(user=person).exclude(office=office).exists():
        person.is_active = True
        changed.append("is_active")
    if chosen == Role.OFFICE_ADMIN and not person.is_staff:
        # Office administrators also keep their reporting categories in the admin site.
        person.is_staff = True
        changed.append("is_staff")
    if changed:
        person.save(update_fields=changed)
    _audit(viewer, AuditAction.GRANT_ROLE, person, role=str(chosen))
    return membership


@transaction.atomic
def revoke_role(*, viewer: Viewer, person: User, role: Role | str) -> None:
    office = _admin_office(viewer)
    _require_member(office, person)
    chosen = Role(role)
    membership = Membership.objects.filter(user=person, office=office, role=chosen, is_active=True).first()
    if membership is None:
        raise ValidationError(
            _("%(person)s does not have this role."), params={"person": str(person)}, code="role"
        )
    if chosen == Role.OFFICE_ADMIN:
        _refuse_losing_last_admin(office, person)
        if person == viewer.user:
            raise ValidationError(
                _("You cannot take away your own administrator role: ask another administrator to do it."),
                code="own_admin_role",
            )
    membership.is_active = False
    membership.save(update_fields=["is_active"])
    _audit(viewer, AuditAction.REVOKE_ROLE, person, role=str(chosen))


@transaction.atomic
def deactivate_staff_member(*, viewer: Viewer, person: User) -> None:
    """Take away every role the person has in the office; someone who works nowhere else can no
    longer log in (their open sessions end at their next request)."""
    office = _admin_office(viewer)
    _require_member(office, person)
    _refuse_losing_last_admin(office, person)
    if person == viewer.user:
        raise ValidationError(
            _("You cannot deactivate yourself: ask another administrator to do it."), code="self"
        )
    memberships = Membership.objects.filter(user=person, office=office, is_active=True)
    roles = sorted(memberships.values_list("role", flat=True))
    memberships.update(is_active=False)
    works_elsewhere = Membership.objects.filter(user=person, is_active=True).exclude(office=office).exists()
    if not works_elsewhere and person.is_active and not person.is_superuser:
        person.is_active = False
        person.save(update_fields=["is_active"])
    _audit(viewer, AuditAction.DEACTIVATE, person, roles=roles, can_log_in=person.is_active)


@transaction.atomic
def reset_password(*, viewer: Viewer, person: User) -> str:
    """A new generated password, returned once; the person's other sessions end with the old one."""
    office = _admin_office(viewer)
    _require_member(office, person)
    _require_only_here(office, person)
    password = accounts.generate_password()
    person.set_password(password)
    person.save(update_fields=["password"])
    _audit(viewer, AuditAction.RESET_PASSWORD, person)
    return password


@transaction.atomic
def add_authenticator(*, viewer: Viewer, person: User, name: str = DEFAULT_DEVICE_NAME) -> TOTPDevice:
    """A further authenticator (a second phone, say), keeping the ones the person has."""
    office = _admin_office(viewer)
    _require_member(office, person)
    _require_only_here(office, person)
    device = TOTPDevice.objects.create(user=person, name=name.strip() or DEFAULT_DEVICE_NAME, confirmed=True)
    _audit(viewer, AuditAction.ADD_AUTHENTICATOR, person, device=device.persistent_id)
    return device


@transaction.atomic
def reset_authenticators(*, viewer: Viewer, person: User) -> TOTPDevice:
    """For a lost or replaced phone: the person's authenticators stop working, and one new one
    is made. Not for oneself: a code scanned wrongly would leave the administrator locked out."""
    office = _admin_office(viewer)
    _require_member(office, person)
    if person == viewer.user:
        raise ValidationError(
            _("You cannot replace your own authenticators: add one instead, or ask another administrator."),
            code="self",
        )
    _require_only_here(office, person)
    removed = TOTPDevice.objects.filter(user=person).delete()[0]
    device = TOTPDevice.objects.create(user=person, name=DEFAULT_DEVICE_NAME, confirmed=True)
    _audit(viewer, AuditAction.RESET_AUTHENTICATORS, person, removed=removed, device=device.persistent_id)
    return device


# --- reporting categories ------------------------------------------------------------------------


@dataclass(frozen=True)
class CategoryLabels:
    label_nb: str
    label_sv: str
    label_en: str


def _check_areas(office: Office, areas: Iterable[Term]) -> list[Term]:
    chosen = list(areas)
    if any(term.kind != TermKind.AREA or term.jurisdiction != office.jurisdiction for term in chosen):
        raise ValidationError(_("Choose legal areas of the office's own jurisdiction."), code="areas")
    return chosen


def _free_code(office: Office, labels: CategoryLabels) -> str:
    base = slugify(labels.label_en or labels.label_nb or labels.label_sv)[:36] or "category"
    taken = set(
        ReportingCategory.objects.filter(office=office, code__startswith=base).values_list("code", flat=True)
    )
    code, n = base, 2
    while code in taken:
        code, n = f"{base}-{n}", n + 1
    return code


def _own_category(office: Office, category: ReportingCategory) -> ReportingCategory:
    if category.office_id != office.pk:
        raise PermissionDenied(_("This category belongs to another office."))
    return ReportingCategory.objects.select_for_update().get(pk=category.pk)


def _set_labels(category: ReportingCategory, labels: CategoryLabels) -> list[str]:
    changed = []
    for name in ("label_nb", "label_sv", "label_en"):
        value = getattr(labels, name).strip()
        if not value:
            raise ValidationError(_("Give the category a name in every language."), code=name)
        if getattr(category, name) != value:
            setattr(category, name, value)
            changed.append(name)
    return changed


@transaction.atomic
def add_reporting_category(
    *, viewer: Viewer, labels: CategoryLabels, areas: Iterable[Term] = ()
) -> ReportingCategory:
    office = _admin_office(viewer)
    chosen = _check_areas(office, areas)
    last = ReportingCategory.objects.filter(office=office).order_by("-sort_order").first()
    category = ReportingCategory(
        office=office, code=_free_code(office, labels), sort_order=(last.sort_order + 10) if last else 10
    )
    _set_labels(category, labels)
    category.save()
    category.areas.set(chosen)
    _audit(viewer, AuditAction.CREATE, category, code=category.code, areas=sorted(t.code for t in chosen))
    return category


@transaction.atomic
def rename_reporting_category(
    *, viewer: Viewer, category: ReportingCategory, labels: CategoryLabels, areas: Iterable[Term]
) -> ReportingCategory:
    """New names (and legal areas); the code, and so every report already counted, stays."""
    office = _admin_office(viewer)
    category = _own_category(office, category)
    chosen = _check_areas(office, areas)
    changed = _set_labels(category, labels)
    before = set(category.areas.values_list("pk", flat=True))
    if before != {term.pk for term in chosen}:
        category.areas.set(chosen)
        changed.append("areas")
    if changed:
        category.updated_at = clock.now()
        category.save()
        _audit(viewer, AuditAction.CHANGE, category, code=category.code, fields=changed)
    return category


@transaction.atomic
def retire_reporting_category(*, viewer: Viewer, category: ReportingCategory) -> ReportingCategory:
    """No longer offered for new classifications; cases that have it keep it."""
    office = _admin_office(viewer)
    category = _own_category(office, category)
    if not category.is_active:
        raise ValidationError(_("This category is already retired."), code="retired")
    category.is_active = False
    category.updated_at = clock.now()
    category.save(update_fields=["is_active", "updated_at"])
    _audit(viewer, AuditAction.RETIRE, category, code=category.code)
    return category


@transaction.atomic
def restore_reporting_category(*, viewer: Viewer, category: ReportingCategory) -> ReportingCategory:
    office = _admin_office(viewer)
    category = _own_category(office, category)
    if category.is_active:
        raise ValidationError(_("This category is in use already."), code="active")
    category.is_active = True
    category.updated_at = clock.now()
    category.save(update_fields=["is_active", "updated_at"])
    _audit(viewer, AuditAction.RESTORE, category, code=category.code)
    return category
