"""Writes of the office administration screens that belong to no other app: the office's texts in
its annual report. Each checks the permission, stays in the viewer's office, is atomic and
leaves its audit row (ids and field names, never the text)."""

import datetime as dt
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from likeverd.accounts.actors import StaffActor
from likeverd.accounts.roles import Permission
from likeverd.accounts.viewer import Viewer
from likeverd.audit.models import AuditAction
from likeverd.audit.services import record_event
from likeverd.core import clock
from likeverd.officeadmin.models import REPORT_LANGUAGES, ReportText


@dataclass(frozen=True)
class ReportTexts:
    year: int
    language: str
    introduction: str
    reflections: str
    # The saved text's `updated_at` when the form was opened (None: there was none): a text
    # saved by someone else in between is not overwritten unseen.
    opened_version: dt.datetime | None


@transaction.atomic
def save_report_texts(*, viewer: Viewer, texts: ReportTexts) -> ReportText:
    """Create or replace the office's introduction and reflections for a year and language."""
    office = viewer.office
    if office is None or not viewer.can(Permission.WRITE_REPORT_TEXTS):
        raise PermissionDenied(_("You do not have permission to do this."))
    if texts.language not in dict(REPORT_LANGUAGES):
        raise ValidationError(_("Choose Norwegian, Swedish or English."), code="language")
    current = (
        ReportText.objects.select_for_update()
        .filter(office=office, year=texts.year, language=texts.language)
        .first()
    )
    saved_version = current.updated_at if current is not None else None
    if saved_version != texts.opened_version:
        raise ValidationError(_("Someone else saved these texts since you opened the form."), code="stale")
    creating = current is None
    text = (
        current
        if current is not None
        else ReportText(office=office, year=texts.year, language=texts.language)
    )
    wanted = {"introduction": texts.introduction.strip(), "reflections": texts.reflections.strip()}
    changed = sorted(name for name, value in wanted.items() if creating or getattr(text, name) != value)
    text.introduction = wanted["introduction"]
    text.reflections = wanted["reflections"]
    text.updated_at = clock.now()
    text.full_clean(exclude=["office"])
    text.save()
    record_event(
        actor=StaffActor.of(viewer),
        office=office,
        action=AuditAction.CREATE if creating else AuditAction.CHANGE,
        target=text,
        detail={"year": texts.year, "language": texts.language, "fields": changed},
    )
    return text
