"""Logging in with password and authenticator code, logging out, choosing the office to work
in, and the person's own account page (with their interface language, which the interface
follows from the login on). HTTP only: the checks live in django.contrib.auth,
django-otp and django-axes, and audit events come from Django's login signals.
"""

from typing import Any
from uuid import UUID

from axes.helpers import get_cool_off
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import authenticate, login, logout, update_session_auth_hash
from django.contrib.auth.signals import user_login_failed
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import redirect, render, resolve_url
from django.urls import reverse, translate_url
from django.utils import translation
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_protect
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_http_methods, require_POST
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice

from likeverd.accounts import selectors, services
from likeverd.accounts.authenticator import authenticator_setup
from likeverd.accounts.forms import (
    InvitationForm,
    LanguagePreferenceForm,
    LoginForm,
    PasswordChangeForm,
    SwitchOfficeForm,
)
from likeverd.accounts.models import Invitation, User
from likeverd.accounts.permissions import get_viewer, viewer_required
from likeverd.accounts.viewer import ACTIVE_OFFICE_SESSION_KEY
from likeverd.core.once import posts_once

LOGIN_TEMPLATE = "accounts/login.html"


def _safe_next(request: HttpRequest, candidate: str | None) -> str:
    if candidate and url_has_allowed_host_and_scheme(
        candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return candidate
    return resolve_url(settings.LOGIN_REDIRECT_URL)


def _verified_device(user: User, token: str) -> TOTPDevice | None:
    """The user's confirmed TOTP device that accepts `token`, if any.

    Each device keeps its own throttle and refuses a code already used (replay).
    """
    with transaction.atomic():
        for device in selectors.list_devices_for_person(user).select_for_update():
            if device.verify_token(token):
                return device
    return None


@sensitive_post_parameters("password", "otp_token")
@csrf_protect
@never_cache
@require_http_methods(["GET", "POST"])
def login_view(request: HttpRequest) -> HttpResponse:
    next_url = request.POST.get("next") or request.GET.get("next") or ""
    if request.method == "GET" and getattr(request, "viewer", None) is not None:
        return redirect(_safe_next(request, next_url))
    form = LoginForm(request.POST if request.method == "POST" else None)
    if form.is_valid():
        username: str = form.cleaned_data["username"]
        # Passing the request lets django-axes see the attempt: it refuses a locked-out
        # username and address, and counts a wrong password through `user_login_failed`.
        user = authenticate(request, username=username, password=form.cleaned_data["password"])
        device = None
        if isinstance(user, User):
            device = _verified_device(user, form.cleaned_data["otp_token"])
            if device is None:
                # A right password with a wrong code is a failed login too: the same signal
                # Django sends for a wrong password, so axes throttles both alike.
                user_login_failed.send(sender=__name__, credentials={"username": username}, request=request)
        if isinstance(user, User) and device is not None:
            login(request, user)
            otp_login(request, device)
            return _in_language(redirect(_safe_next(request, next_url)), user.preferred_language)
        form.refuse(_("That did not work. Check your username, password and code, and try again."))
    return render(request, LOGIN_TEMPLATE, {"form": form, "next": next_url})


def locked_out(
    request: HttpRequest, original_response: HttpResponseBase | None = None, credentials: Any = None
) -> HttpResponse:
    """django-axes calls this (AXES_LOCKOUT_CALLABLE) when a username and address are locked."""
    cool_off = get_cool_off(request)
    minutes = max(1, round(cool_off.total_seconds() / 60)) if cool_off else 15
    username = ""
    if isinstance(credentials, dict):
        username = str(credentials.get("username") or "")
    form = LoginForm(initial={"username": username})
    message = ngettext(
        "Too many attempts to log in. For safety, logging in is paused: try again in %(minutes)d minute.",
        "Too many attempts to log in. For safety, logging in is paused: try again in %(minutes)d minutes.",
        minutes,
    ) % {"minutes": minutes}
    context = {"form": form, "next": request.POST.get("next", ""), "lockout_message": message}
    return render(request, LOGIN_TEMPLATE, context, status=429)


@require_POST
def logout_view(request: HttpRequest) -> HttpResponse:
    logout(request)
    messages.info(request, _("You have logged out."))
    return redirect(settings.LOGOUT_REDIRECT_URL)


@require_POST
@viewer_required()
def switch_office(request: HttpRequest) -> HttpResponse:
    viewer = get_viewer(request)
    form = SwitchOfficeForm(request.POST)
    if not form.is_valid():
        raise Http404
    office = next((o for o in viewer.offices if o.public_id == form.cleaned_data["office"]), None)
    if office is None:
        # Someone else's office looks like no office at all.
        raise Http404
    request.session[ACTIVE_OFFICE_SESSION_KEY] = str(office.public_id)
    messages.success(request, _("You are now working in %(office)s.") % {"office": office.name})
    # Back to where the person was, unless that was a page of the office they left.
    return redirect(resolve_url(settings.LOGIN_REDIRECT_URL))


def _in_language(response: HttpResponse, language: str) -> HttpResponse:
    """Send the person on in their saved interface language, not the browser's: the address in
    that language, and the language cookie that LocaleMiddleware reads for addresses without one."""
    if language not in services.interface_languages():
        return response
    response["Location"] = translate_url(response["Location"], language)
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        language,
        max_age=settings.LANGUAGE_COOKIE_AGE,
        path=settings.LANGUAGE_COOKIE_PATH,
        domain=settings.LANGUAGE_COOKIE_DOMAIN,
        secure=settings.LANGUAGE_COOKIE_SECURE,
        httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
        samesite=settings.LANGUAGE_COOKIE_SAMESITE,  # type: ignore[arg-type]
    )
    return response


@require_POST
@viewer_required()
def profile_language(request: HttpRequest) -> HttpResponse:
    viewer = get_viewer(request)
    form = LanguagePreferenceForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose one of the languages offered."))
        return redirect("accounts:profile")
    language = form.cleaned_data["language"]
    try:
        services.set_preferred_language(viewer=viewer, language=language)
    except ValidationError as error:
        messages.error(request, error.messages[0])
        return redirect("accounts:profile")
    if language:
        with translation.override(language):
            messages.success(request, _("Saved: the interface is now in this language when you log in."))
            return _in_language(redirect(reverse("accounts:profile")), language)
    messages.success(request, _("Saved: the interface follows your browser's language."))
    return redirect("accounts:profile")


@never_cache
@require_http_methods(["GET"])
@viewer_required()
def profile(request: HttpRequest) -> HttpResponse:
    viewer = get_viewer(request)
    memberships = selectors.list_memberships_for_person(viewer.user)
    offices: dict[int, dict[str, Any]] = {}
    for membership in memberships:
        entry = offices.setdefault(membership.office_id, {"office": membership.office, "roles": []})
        entry["roles"].append(membership.get_role_display())
    context = {
        "person": viewer.user,
        "offices": list(offices.values()),
        "devices": selectors.list_devices_for_person(viewer.user),
        "language_form": LanguagePreferenceForm(initial={"language": viewer.user.preferred_language}),
    }
    return render(request, "accounts/profile.html", context)


@sensitive_post_parameters("current_password", "new_password1", "new_password2")
@never_cache
@require_http_methods(["GET", "POST"])
@viewer_required()
@posts_once
def change_password(request: HttpRequest) -> HttpResponse:
    """The person's own password. Required (PasswordChangeRequiredMiddleware sends every staff
    page here) after an administrator made or reset it; open to anyone from their account page."""
    viewer = get_viewer(request)
    next_url = request.POST.get("next") or request.GET.get("next") or ""
    form = PasswordChangeForm(request.POST if request.method == "POST" else None)
    if form.is_valid():
        try:
            services.change_own_password(
                viewer=viewer,
                current=form.cleaned_data["current_password"],
                new=form.cleaned_data["new_password1"],
            )
        except ValidationError as error:
            for item in error.error_list:
                form.add_error(item.code if item.code in form.fields else None, item)
        else:
            # The other sessions end with the old password; this one goes on.
            update_session_auth_hash(request, viewer.user)
            messages.success(request, _("Your new password is saved. Use it from now on."))
            return redirect(_safe_next(request, next_url))
    context = {"form": form, "next": next_url, "required": viewer.user.must_change_password}
    return render(request, "accounts/change_password.html", context)


MODEL_BACKEND = "django.contrib.auth.backends.ModelBackend"


def _invitation_closed(
    request: HttpRequest, invitation: Invitation | None, state: selectors.InvitationState | None
) -> HttpResponse:
    """Why the link no longer works, and whom to ask (404 for a link that never worked)."""
    context: dict[str, Any] = {"invitation": invitation, "state": str(state) if state else "withdrawn"}
    if invitation is None:
        return render(request, "accounts/invitation_closed.html", {"state": "unknown"}, status=404)
    context["admins"] = selectors.list_office_admins(invitation.office)
    return render(request, "accounts/invitation_closed.html", context, status=410)


@sensitive_post_parameters("new_password1", "new_password2", "otp_token")
@csrf_protect
@never_cache
@require_http_methods(["GET", "POST"])
@posts_once
def invitation(request: HttpRequest, public_id: UUID, token: str) -> HttpResponse:
    """The invitation's link: the person chooses a password, sets up their authenticator app and
    types its first code; then they are logged in to the office (once: the link is used up)."""
    found = selectors.find_invitation(public_id=str(public_id), token=token)
    if found is None:
        return _invitation_closed(request, None, None)
    try:
        services.check_open(found)
    except services.InvitationClosedError as closed:
        return _invitation_closed(request, found, closed.state)
    form = InvitationForm(request.POST if request.method == "POST" else None)
    if form.is_valid():
        try:
            accepted = services.accept_invitation(
                public_id=str(public_id),
                token=token,
                password=form.cleaned_data["new_password1"],
                code=form.cleaned_data["otp_token"],
            )
        except services.InvitationClosedError as closed:
            return _invitation_closed(request, found, closed.state)
        except PermissionDenied:
            return _invitation_closed(request, None, None)
        except ValidationError as error:
            for item in error.error_list:
                form.add_error(item.code if item.code in form.fields else None, item)
        else:
            login(request, accepted.person, backend=MODEL_BACKEND)
            otp_login(request, accepted.device)
            request.session[ACTIVE_OFFICE_SESSION_KEY] = str(found.office.public_id)
            messages.success(
                request, _("Welcome to %(office)s. You are logged in.") % {"office": found.office.name}
            )
            return redirect(settings.LOGIN_REDIRECT_URL)
    device = services.pending_device(found)
    context = {
        "invitation": found,
        "form": form,
        "setup": authenticator_setup(device) if device is not None else None,
    }
    return render(request, "accounts/invitation.html", context)
