"""A person's own password: chosen by them, never by someone else.

An administrator who makes or resets a password (or the installer whose command generates one)
knows it, so the account is marked `must_change_password`; `PasswordChangeRequiredMiddleware`
then sends every staff page to the change screen until the person has chosen their own.
"""

from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from likeverd.accounts.models import User
from likeverd.accounts.services.common import audit
from likeverd.accounts.viewer import Viewer
from likeverd.audit.models import AuditAction

# The field each refusal belongs to on the change screen.
CURRENT = "current_password"
NEW = "new_password1"


def check_new_password(user: User, password: str) -> None:
    """Django's password validators for `user`, each refusal coded for the new-password field."""
    try:
        validate_password(password, user=user)
    except ValidationError as error:
        raise ValidationError([ValidationError(message, code=NEW) for message in error.messages]) from None


@transaction.atomic
def change_own_password(*, viewer: Viewer, current: str, new: str) -> None:
    """The person replaces their password; a password someone else set no longer stands.

    Refuses a wrong current password and a new one equal to it (an administrator knows it);
    the person's other sessions end (Django ties sessions to the password).
    """
    user = viewer.user
    if not user.check_password(current):
        raise ValidationError(_("That is not your current password."), code=CURRENT)
    if new == current:
        raise ValidationError(_("Choose a password different from the current one."), code=NEW)
    check_new_password(user, new)
    was_required = user.must_change_password
    user.set_password(new)
    user.must_change_password = False
    user.save(update_fields=["password", "must_change_password"])
    audit(viewer, AuditAction.CHANGE_PASSWORD, user, required=was_required)
