"""A person's own preferences: the interface language they get after logging in."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from likeverd.accounts.services.common import audit
from likeverd.accounts.viewer import Viewer
from likeverd.audit.models import AuditAction


def interface_languages() -> list[str]:
    """The codes of the interface languages (settings.LANGUAGES)."""
    return [code for code, _name in settings.LANGUAGES]


@transaction.atomic
def set_preferred_language(*, viewer: Viewer, language: str) -> None:
    """Save the interface language the person gets after logging in ("" follows the browser)."""
    if language and language not in interface_languages():
        raise ValidationError(_("Choose one of the languages offered."), code="language")
    user = viewer.user
    before = user.preferred_language
    user.preferred_language = language
    user.save(update_fields=["preferred_language"])
    audit(viewer, AuditAction.CHANGE, user, field="preferred_language", before=before, after=language)
