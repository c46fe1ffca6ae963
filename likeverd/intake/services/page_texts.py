"""Writes for the public site: the office admin's texts of the office page, one language at a time.

Every change is audited in the same transaction, naming the language and the fields changed
(never their words).
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from likeverd.accounts.actors import StaffActor
from likeverd.accounts.roles import Permission
from likeverd.accounts.viewer import Viewer
from likeverd.audit.models import AuditAction
from likeverd.audit.services import record_event
from likeverd.core import clock
from likeverd.core.languages import PUBLIC_LANGUAGES
from likeverd.intake.models import OfficePageText
from likeverd.intake.selectors import PAGE_TEXT_FIELDS

MAX_TEXT_LENGTH = 4000


@transaction.atomic
def save_office_page_text(
    *,
    viewer: Viewer,
    language: str,
    introduction: str,
    offer: str,
    opening_hours: str,
    directions: str,
) -> OfficePageText:
    """Write the viewer's office's page texts in `language`; only an office admin may."""
    if viewer.office is None or not viewer.can(Permission.MANAGE_OFFICE):
        raise PermissionDenied("only the office admin edits the office page")
    if language not in PUBLIC_LANGUAGES:
        raise ValidationError({"language": "not a language of the public pages"})
    values = {
        "introduction": introduction.strip(),
        "offer": offer.strip(),
        "opening_hours": opening_hours.strip(),
        "directions": directions.strip(),
    }
    too_long = [name for name, value in values.items() if len(value) > MAX_TEXT_LENGTH]
    if too_long:
        raise ValidationError(dict.fromkeys(too_long, "too long"))
    text = OfficePageText.objects.select_for_update().filter(office=viewer.office, language=language).first()
    is_new = text is None
    if text is None:
        text = OfficePageText(office=viewer.office, language=language)
    changed = [name for name in PAGE_TEXT_FIELDS if getattr(text, name) != values[name]]
    if not changed and not is_new:
        return text
    for name, value in values.items():
        setattr(text, name, value)
    text.updated_by = viewer.user
    text.updated_at = clock.now()
    text.save()
    record_event(
        actor=StaffActor.of(viewer),
        office=viewer.office,
        action=AuditAction.CREATE if is_new else AuditAction.CHANGE,
        target=text,
        detail={"language": language, "fields": changed},
    )
    return text
