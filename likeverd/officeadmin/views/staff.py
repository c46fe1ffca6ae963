"""Staff of the office: adding a person (by an e-mail invitation, or with a password and QR code
to hand over), sending an invitation again, their roles, passwords and authenticators, deactivating.

A new password or authenticator is shown once, in the answer to the POST that made it: it is
stored nowhere in clear text, the page is not cached, and reloading it does not show it again.
"""

import datetime as dt
from collections.abc import Callable
from typing import Any
from uuid import UUID

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import redirect, render
from django.utils.formats import date_format
from django.utils.timezone import localtime
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_variables
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_stubs_ext import StrOrPromise

from likeverd.accounts import selectors, services
from likeverd.accounts.authenticator import authenticator_setup
from likeverd.accounts.models import User
from likeverd.accounts.permissions import get_viewer, viewer_required
from likeverd.accounts.roles import Permission, Role
from likeverd.core.once import posts_once
from likeverd.officeadmin.forms import AuthenticatorForm, ResendInvitationForm, RoleForm, StaffMemberForm


def _credentials_page(
    request: HttpRequest,
    *,
    member: selectors.StaffMember | None,
    person_name: str,
    title: str,
    password: str | None = None,
    device: TOTPDevice | None = None,
) -> HttpResponse:
    context: dict[str, Any] = {
        "title": title,
        "member": member,
        "person_name": person_name,
        "password": password,
        "setup": authenticator_setup(device) if device is not None else None,
    }
    return render(request, "officeadmin/credentials.html", context)


def _refusal(request: HttpRequest, error: ValidationError, public_id: UUID) -> HttpResponse:
    for message in error.messages:
        messages.error(request, message)
    return redirect("officeadmin:staff_detail", public_id=public_id)


@never_cache
@require_GET
@viewer_required(Permission.MANAGE_OFFICE)
def staff_list(request: HttpRequest) -> HttpResponse:
    viewer = get_viewer(request)
    return render(request, "officeadmin/staff_list.html", {"staff": selectors.list_staff(viewer=viewer)})


@sensitive_variables("credentials")
@never_cache
@require_http_methods(["GET", "POST"])
@viewer_required(Permission.MANAGE_OFFICE)
def staff_add(request: HttpRequest) -> HttpResponse:
    viewer = get_viewer(request)
    form = StaffMemberForm(request.POST if request.method == "POST" else None)
    if form.is_valid() and form.sends_invitation:
        try:
            invitation = services.invite_staff_member(
                viewer=viewer, member=form.to_member(), site_url=request.build_absolute_uri("/")
            )
        except ValidationError as error:
            for item in error.error_list:
                form.add_error(item.code if item.code in {"username", "email"} else None, item)
        else:
            _invitation_sent(request, invitation.person, invitation.expires_at)
            return redirect("officeadmin:staff_detail", public_id=invitation.person.public_id)
    elif form.is_valid():
        try:
            credentials = services.create_staff_member(viewer=viewer, member=form.to_member())
        except ValidationError as error:
            for item in error.error_list:
                form.add_error("username" if item.code == "username" else None, item)
        else:
            member = selectors.get_staff_member(viewer=viewer, public_id=str(credentials.person.public_id))
            return _credentials_page(
                request,
                member=member,
                person_name=str(credentials.person),
                title=_("%(person)s can now log in") % {"person": credentials.person},
                password=credentials.password,
                device=credentials.device,
            )
    return render(request, "officeadmin/staff_add.html", {"form": form})


def _invitation_sent(request: HttpRequest, person: User, expires_at: dt.datetime) -> None:
    messages.success(
        request,
        _("An invitation is on its way to %(email)s. Its link works until %(when)s.")
        % {"email": person.email, "when": date_format(localtime(expires_at), "DATETIME_FORMAT")},
    )


@never_cache
@require_POST
@viewer_required(Permission.MANAGE_OFFICE)
@posts_once
def staff_resend_invitation(request: HttpRequest, public_id: UUID) -> HttpResponse:
    """A new invitation, perhaps to a corrected address; the old link stops working."""
    viewer = get_viewer(request)
    member = selectors.get_staff_member(viewer=viewer, public_id=str(public_id))
    form = ResendInvitationForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Enter a valid e-mail address."))
        return redirect("officeadmin:staff_detail", public_id=public_id)
    try:
        invitation = services.resend_invitation(
            viewer=viewer,
            person=member.person,
            email=form.cleaned_data["email"],
            site_url=request.build_absolute_uri("/"),
        )
    except ValidationError as error:
        return _refusal(request, error, public_id)
    _invitation_sent(request, invitation.person, invitation.expires_at)
    return redirect("officeadmin:staff_detail", public_id=public_id)


@never_cache
@require_GET
@viewer_required(Permission.MANAGE_OFFICE)
def staff_detail(request: HttpRequest, public_id: UUID) -> HttpResponse:
    viewer = get_viewer(request)
    member = selectors.get_staff_member(viewer=viewer, public_id=str(public_id))
    grant_form = RoleForm()
    grant_form.fields["role"].choices = [(role.value, role.label) for role in member.missing_roles]  # type: ignore[attr-defined]
    context = {
        "member": member,
        "grant_form": grant_form,
        "device_form": AuthenticatorForm(),
        "resend_form": ResendInvitationForm(initial={"email": member.person.email}),
        "is_self": member.person == viewer.user,
    }
    return render(request, "officeadmin/staff_detail.html", context)


def _change_role(
    request: HttpRequest, public_id: UUID, change: Callable[..., object], done: str
) -> HttpResponse:
    """Grant or revoke the posted role; `done` (with %(person)s and %(role)s) as the message."""
    viewer = get_viewer(request)
    member = selectors.get_staff_member(viewer=viewer, public_id=str(public_id))
    form = RoleForm(request.POST)
    if form.is_valid():
        role = Role(form.cleaned_data["role"])
        try:
            change(viewer=viewer, person=member.person, role=role)
        except ValidationError as error:
            return _refusal(request, error, public_id)
        messages.success(request, done % {"person": member.person, "role": role.label.lower()})
    return redirect("officeadmin:staff_detail", public_id=public_id)


@require_POST
@viewer_required(Permission.MANAGE_OFFICE)
def staff_grant_role(request: HttpRequest, public_id: UUID) -> HttpResponse:
    return _change_role(request, public_id, services.grant_role, _("%(person)s is now %(role)s."))


@require_POST
@viewer_required(Permission.MANAGE_OFFICE)
def staff_revoke_role(request: HttpRequest, public_id: UUID) -> HttpResponse:
    return _change_role(request, public_id, services.revoke_role, _("%(person)s is no longer %(role)s."))


@never_cache
@require_http_methods(["GET", "POST"])
@viewer_required(Permission.MANAGE_OFFICE)
def staff_deactivate(request: HttpRequest, public_id: UUID) -> HttpResponse:
    viewer = get_viewer(request)
    member = selectors.get_staff_member(viewer=viewer, public_id=str(public_id))
    if request.method == "POST":
        try:
            services.deactivate_staff_member(viewer=viewer, person=member.person)
        except ValidationError as error:
            return _refusal(request, error, public_id)
        messages.success(request, _("%(person)s no longer works in the office.") % {"person": member.person})
        return redirect("officeadmin:staff_list")
    return render(request, "officeadmin/staff_deactivate.html", {"member": member})


@sensitive_variables("credential")
def _new_credentials(
    request: HttpRequest,
    member: selectors.StaffMember,
    issue: Callable[[User], str | TOTPDevice],
    title: StrOrPromise,
) -> HttpResponse:
    """A new password or authenticator for one member, shown once; the service's refusal as the
    staff page's message."""
    try:
        credential = issue(member.person)
    except ValidationError as error:
        return _refusal(request, error, member.person.public_id)
    return _credentials_page(
        request,
        member=member,
        person_name=str(member.person),
        title=title % {"person": member.person},
        password=credential if isinstance(credential, str) else None,
        device=credential if isinstance(credential, TOTPDevice) else None,
    )


@never_cache
@require_POST
@viewer_required(Permission.MANAGE_OFFICE)
def staff_add_authenticator(request: HttpRequest, public_id: UUID) -> HttpResponse:
    viewer = get_viewer(request)
    member = selectors.get_staff_member(viewer=viewer, public_id=str(public_id))
    form = AuthenticatorForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Give the authenticator a name."))
        return redirect("officeadmin:staff_detail", public_id=public_id)

    def add(person: User) -> TOTPDevice:
        return services.add_authenticator(viewer=viewer, person=person, name=form.cleaned_data["name"])

    return _new_credentials(request, member, add, _("A further authenticator for %(person)s"))


def _credential_reset(
    issue: Callable[..., str | TOTPDevice], title: StrOrPromise
) -> Callable[..., HttpResponseBase]:
    """A POST that gives one member a new credential: `issue` is the service (it takes the viewer
    and the person), `title` the page's heading."""

    @sensitive_variables()
    @never_cache
    @require_POST
    @viewer_required(Permission.MANAGE_OFFICE)
    def view(request: HttpRequest, public_id: UUID) -> HttpResponse:
        viewer = get_viewer(request)
        member = selectors.get_staff_member(viewer=viewer, public_id=str(public_id))

        def reset(person: User) -> str | TOTPDevice:
            return issue(viewer=viewer, person=person)

        return _new_credentials(request, member, reset, title)

    return view


staff_reset_password = _credential_reset(
    services.reset_password, gettext_lazy("A new password for %(person)s")
)
staff_reset_authenticators = _credential_reset(
    services.reset_authenticators, gettext_lazy("A new authenticator for %(person)s")
)
