"""Audit rows for logging in and out, from Django's own auth signals (the one place the style
guide allows signals). Connected in AccountsConfig.ready(); audit sits below accounts.

A failed login records no username or address: the attempt may be a mistyped name of
someone else, and django-axes already keeps what throttling needs.
"""

from typing import Any

from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.dispatch import receiver
from django.http import HttpRequest

from likeverd.accounts.actors import LOGIN_FORM, StaffActor
from likeverd.accounts.models import User
from likeverd.accounts.viewer import ACTIVE_OFFICE_SESSION_KEY, build_viewer
from likeverd.audit.models import AuditAction
from likeverd.audit.services import record_event


@receiver(user_logged_in, dispatch_uid="likeverd.accounts.login")
def record_login(sender: Any, request: HttpRequest | None, user: Any, **kwargs: Any) -> None:
    if not isinstance(user, User):
        return
    # The office the person lands in, so the login shows in that office's audit log.
    chosen = request.session.get(ACTIVE_OFFICE_SESSION_KEY) if request is not None else None
    office = build_viewer(user, office_public_id=chosen).office
    record_event(actor=StaffActor(user), office=office, action=AuditAction.LOGIN)


@receiver(user_login_failed, dispatch_uid="likeverd.accounts.login_failed")
def record_login_failed(
    sender: Any, credentials: dict[str, Any], request: HttpRequest | None = None, **kwargs: Any
) -> None:
    record_event(actor=LOGIN_FORM, office=None, action=AuditAction.LOGIN_FAILED)


@receiver(user_logged_out, dispatch_uid="likeverd.accounts.logout")
def record_logout(sender: Any, request: HttpRequest | None, user: Any, **kwargs: Any) -> None:
    if isinstance(user, User):
        record_event(actor=StaffActor(user), office=None, action=AuditAction.LOGOUT)
