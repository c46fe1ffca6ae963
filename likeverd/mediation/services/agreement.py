"""The agreement: written from a template, printed as PDF for signing, and the signed copy kept
encrypted (likeverd/core/files.py). Mediators only: the adviser sees that there is an agreement
(the outcome), not its text.

The starting text is the template `mediation/agreement/draft.txt`, the printed page
`mediation/agreement/print.html`: an office replaces either by putting a file of the same name
in a directory of TEMPLATES["DIRS"] ahead of Likeverd's own (see README, "Mediation bench").
"""

import uuid

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.template.loader import render_to_string
from django.utils.translation import gettext as _

from likeverd.accounts.roles import Permission
from likeverd.accounts.viewer import Viewer
from likeverd.audit.models import AuditAction
from likeverd.cases.models import PartyRole
from likeverd.core import clock, files
from likeverd.core.forms import long_text_validator
from likeverd.mediation.models import Agreement, BenchReferral
from likeverd.mediation.services.common import audit, locked, require

DRAFT_TEMPLATE = "mediation/agreement/draft.txt"
PRINT_TEMPLATE = "mediation/agreement/print.html"


def signed_purpose(public_id: uuid.UUID) -> str:
    return f"mediation.agreement:{public_id}"  # pinned: stored files are bound to it (ADR 0002)


def _person_name(referral: BenchReferral) -> str:
    party = referral.case.parties.filter(role=PartyRole.PERSON, is_anonymous=False).first()
    return party.name if party is not None else ""


def draft_text(referral: BenchReferral) -> str:
    """The template's text for this referral: the office, the case number, the parties' names."""
    meeting = referral.meetings.filter(held_at__isnull=False).order_by("-starts_at").first()
    return render_to_string(
        DRAFT_TEMPLATE,
        {
            "office": referral.office,
            "case_number": referral.case.number,
            "person": _person_name(referral),
            "counterpart": referral.counterpart_name,
            "meeting": meeting,
            "today": clock.today(),
        },
    ).strip()


@transaction.atomic
def save_agreement(*, viewer: Viewer, referral: BenchReferral, text: str) -> Agreement:
    """Write (or rewrite) the agreement's text."""
    require(viewer, Permission.MEDIATE, referral)
    if not text.strip():
        raise ValidationError(_("Write the agreement."), code="required")
    long_text_validator()(text)
    referral = locked(referral)
    agreement, created = Agreement.objects.select_for_update().get_or_create(referral=referral)
    if agreement.signed_uploaded_at is not None:
        raise ValidationError(_("The signed copy is uploaded; the text can no longer change."), code="signed")
    agreement.text = text.strip()
    agreement.updated_at = clock.now()
    agreement.save()
    audit(viewer, AuditAction.CREATE if created else AuditAction.CHANGE, agreement, referral, fields=["text"])
    return agreement


def _refuse_fetch(url: str, *args: object, **kwargs: object) -> dict[str, object]:
    raise ValueError("the agreement's page loads nothing from elsewhere")


def agreement_pdf(*, viewer: Viewer, referral: BenchReferral) -> bytes:
    """The agreement printed as PDF, for signing; the print is audited (DOWNLOAD)."""
    from weasyprint import HTML  # imported here: WeasyPrint loads its fonts on import (slow)

    require(viewer, Permission.MEDIATE, referral)
    agreement = Agreement.objects.filter(referral=referral).first()
    if agreement is None:
        raise ValidationError(_("Write the agreement first."), code="no_agreement")
    page = render_to_string(
        PRINT_TEMPLATE,
        {"agreement": agreement, "office": referral.office, "case_number": referral.case.number},
    )
    pdf = HTML(string=page, url_fetcher=_refuse_fetch).write_pdf()
    audit(viewer, AuditAction.DOWNLOAD, agreement, referral, what="agreement_pdf")
    return bytes(pdf)


@transaction.atomic
def upload_signed(*, viewer: Viewer, referral: BenchReferral, upload: "UploadedFile[bytes]") -> Agreement:
    """Keep the signed copy, encrypted at rest; the text is then final."""
    require(viewer, Permission.MEDIATE, referral)
    agreement = Agreement.objects.select_for_update().filter(referral=referral).first()
    if agreement is None:
        raise ValidationError(_("Write the agreement first."), code="no_agreement")
    stored = files.store(upload, purpose=signed_purpose(agreement.public_id))
    agreement.signed_storage_name = stored.name
    agreement.signed_content_type = stored.content_type
    agreement.signed_uploaded_at = clock.now()
    agreement.updated_at = agreement.signed_uploaded_at
    agreement.save()
    audit(
        viewer,
        AuditAction.CREATE,
        agreement,
        referral,
        what="signed_copy",
        size=stored.size,
        content_type=stored.content_type,
    )
    return agreement


def read_signed(*, viewer: Viewer, referral: BenchReferral) -> tuple[bytes, str]:
    """The signed copy's bytes and type; the download is audited."""
    require(viewer, Permission.MEDIATE, referral)
    agreement = Agreement.objects.filter(referral=referral).exclude(signed_storage_name="").first()
    if agreement is None:
        raise ValidationError(_("No signed copy is uploaded."), code="no_signed")
    data = files.read(agreement.signed_storage_name, purpose=signed_purpose(agreement.public_id))
    audit(viewer, AuditAction.DOWNLOAD, agreement, referral, what="signed_copy")
    return data, agreement.signed_content_type


def signed_files() -> list[tuple[str, str]]:
    """(stored name, purpose) of every signed copy: for clean-up and key rotation (core.files)."""
    return [
        (name, signed_purpose(public_id))
        for name, public_id in Agreement.objects.exclude(signed_storage_name="").values_list(
            "signed_storage_name", "public_id"
        )
    ]
