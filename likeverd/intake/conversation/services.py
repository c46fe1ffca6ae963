"""Messages between the person who reported (with their receipt code alone) and the office.

Writes and the reads that show message text, each audited in the same transaction:

- `reply_to_reporter(viewer=, case=, body=, site_url=)`: a member of staff who may edit the case
  answers. The message is encrypted, on the case's timeline, and, if the reporter left an e-mail
  address, a notice with no content (only a link to the code page) is sent after commit.
- `write_to_office(case=, body=, upload=, site_url=)`: the reporter writes and may add a file,
  which is cleaned of its metadata (likeverd/intake/evidence.py) and stored encrypted as one of
  the case's documents. The adviser assigned to the case is told by e-mail (the case number and
  a link, nothing else).
- `staff_conversation(viewer=, case=)` and `reporter_conversation(case=)`: the messages, for the
  case page's section and for the reporter's page; each read leaves an audit row, and the
  reporter's read marks the office's replies read.

The reporter's own contact details are never shown back to them: they may be on a shared phone.
"""

import uuid
from dataclasses import dataclass
from urllib.parse import urljoin

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from likeverd.accounts.actors import ReporterActor, StaffActor
from likeverd.accounts.roles import Permission
from likeverd.accounts.viewer import Viewer
from likeverd.audit.models import AuditAction
from likeverd.audit.services import record_event
from likeverd.cases import events
from likeverd.cases.access import may_read_case
from likeverd.cases.models import Case, Document, DocumentKind, Party, PartyRole
from likeverd.cases.services.documents import document_purpose
from likeverd.core import clock, files
from likeverd.core.forms import long_text_validator
from likeverd.core.languages import PUBLIC_LANGUAGES
from likeverd.core.mail import send_mail_task
from likeverd.intake.evidence import clean_upload
from likeverd.intake.models import MessageDirection, ReporterMessage

FROM_REPORTER_KIND = "reporter_message"
TO_REPORTER_KIND = "reply_to_reporter"
MAX_MESSAGE_LENGTH = 10_000
REPORTER = "the reporter (receipt code)"


@dataclass(frozen=True)
class ShownMessage:
    """One message as a page shows it: who wrote it (staff only see the staff author), when,
    the text, and the name of the file sent with it."""

    public_id: uuid.UUID
    from_reporter: bool
    written_at: object
    body: str
    author: str
    file_name: str
    document_id: uuid.UUID | None


def _check_body(body: str, *, allow_empty: bool) -> str:
    text = body.strip()
    if not text and not allow_empty:
        raise ValidationError(_("Write a message first."), code="empty")
    long_text_validator(MAX_MESSAGE_LENGTH)(text)
    return text


# --- staff ------------------------------------------------------------------------------------


def reply_to_reporter(*, viewer: Viewer, case: Case, body: str, site_url: str) -> ReporterMessage:
    """Staff answer the reporter. Only staff who may edit the case, in its office."""
    if (
        not viewer.can(Permission.EDIT_CASE)
        or case.office_id != viewer.office_id
        or not may_read_case(viewer, case)
    ):
        raise PermissionDenied(_("You do not have permission to do this."))
    if not hasattr(case, "receipt"):
        raise ValidationError(_("This case has no receipt code: the reporter cannot read replies here."))
    text = _check_body(body, allow_empty=False)
    with transaction.atomic():
        message = ReporterMessage.objects.create(
            case=case, direction=MessageDirection.TO_REPORTER, body=text, author=viewer.user
        )
        actor = StaffActor.of(viewer)
        events.record_event(case=case, actor=actor, kind=TO_REPORTER_KIND, body=text)
        record_event(actor=actor, office=viewer.office, action=AuditAction.CREATE, target=message, case=case)
        address, language = _reporter_contact(case)
        if address:
            subject, notice = _notice_to_reporter(language=language, site_url=site_url)
            transaction.on_commit(lambda: send_mail_task.enqueue(subject=subject, body=notice, to=[address]))
        return message


def _reporter_contact(case: Case) -> tuple[str, str]:
    """The e-mail address the reporter left (the person's, else the one who reported for them)
    and the language to write in: theirs, if the public pages speak it, else the case office's."""
    parties = Party.objects.filter(case=case, role__in=[PartyRole.PERSON, PartyRole.REPORTER]).order_by("id")
    for role in (PartyRole.REPORTER, PartyRole.PERSON):
        for party in parties:
            if party.role == role and str(party.email).strip():
                language = party.language if party.language in PUBLIC_LANGUAGES else settings.LANGUAGE_CODE
                return str(party.email).strip(), language
    return "", settings.LANGUAGE_CODE


def _notice_to_reporter(*, language: str, site_url: str) -> tuple[str, str]:
    """The notice: that there is a message and where to read it. Nothing about the report, the
    office or the matter, since others may read the person's e-mail."""
    with translation.override(language):
        link = urljoin(site_url, reverse("intake:return"))
        subject = _("You have a new message")
        body = _(
            "You have a new message. To read it, open this page and enter your code:\n\n"
            "%(link)s\n\nThis e-mail was sent automatically. Do not answer it."
        ) % {"link": link}
    return str(subject), str(body)


def staff_conversation(*, viewer: Viewer, case: Case) -> list[ShownMessage]:
    """The conversation for the case page; the read is audited when there is something to read."""
    if not may_read_case(viewer, case):
        raise PermissionDenied(_("You do not have permission to do this."))
    messages = list(
        ReporterMessage.objects.filter(case=case)
        .select_related("author", "document")
        .order_by("created_at", "id")
    )
    if messages:
        record_event(
            actor=StaffActor.of(viewer),
            office=viewer.office,
            action=AuditAction.VIEW,
            target=case,
            case=case,
            detail={"screen": "reporter_messages", "messages": len(messages)},
        )
    return [_shown(message, staff=True) for message in messages]


def _shown(message: ReporterMessage, *, staff: bool) -> ShownMessage:
    from_reporter = message.direction == MessageDirection.FROM_REPORTER
    if from_reporter:
        author = _("The reporter") if staff else _("You")
    elif staff and message.author is not None:
        author = message.author.get_full_name() or message.author.get_username()
    else:
        author = _("The office")
    document = message.document
    return ShownMessage(
        public_id=message.public_id,
        from_reporter=from_reporter,
        written_at=message.created_at,
        body=str(message.body),
        author=str(author),
        file_name=str(document.filename) if document is not None else "",
        document_id=document.public_id if document is not None and staff else None,
    )


# --- the reporter -----------------------------------------------------------------------------


def write_to_office(
    *, case: Case, body: str, upload: "UploadedFile[bytes] | None", site_url: str
) -> ReporterMessage:
    """The reporter writes, with or without a file. The file is cleaned before anything is
    stored; EvidenceRefused (with its reason) leaves nothing behind."""
    text = _check_body(body, allow_empty=upload is not None)
    cleaned = clean_upload(upload) if upload is not None else None  # slow work before the transaction
    actor = ReporterActor(REPORTER, case.office)
    with transaction.atomic():
        document = None
        if cleaned is not None:
            public_id = uuid.uuid4()
            stored = files.store(
                cleaned.data, purpose=document_purpose(public_id), max_bytes=settings.EVIDENCE_MAX_BYTES
            )
            document = Document.objects.create(
                public_id=public_id,
                case=case,
                kind=DocumentKind.EVIDENCE,
                filename=cleaned.name,
                content_type=stored.content_type,
                size=stored.size,
                storage_name=stored.name,
                uploaded_by=None,
            )
            events.document_uploaded(case=case, actor=actor, document=document)
            record_event(
                actor=actor,
                office=case.office,
                action=AuditAction.CREATE,
                target=document,
                case=case,
                detail={"size": stored.size, "content_type": stored.content_type},
            )
        message = ReporterMessage.objects.create(
            case=case, direction=MessageDirection.FROM_REPORTER, body=text, document=document
        )
        events.record_event(case=case, actor=actor, kind=FROM_REPORTER_KIND, body=text)
        record_event(actor=actor, office=case.office, action=AuditAction.CREATE, target=message, case=case)
        Case.objects.filter(pk=case.pk).update(updated_at=clock.now())
        adviser = case.assigned_to
        if adviser is not None and adviser.is_active and adviser.email:
            subject, notice = _notice_to_adviser(
                case=case, site_url=site_url, language=adviser.preferred_language
            )
            to = [adviser.email]
            transaction.on_commit(lambda: send_mail_task.enqueue(subject=subject, body=notice, to=to))
    return message


def _notice_to_adviser(*, case: Case, site_url: str, language: str) -> tuple[str, str]:
    with translation.override(language or settings.LANGUAGE_CODE):
        link = urljoin(site_url, reverse("cases:case_detail", kwargs={"public_id": case.public_id}))
        subject = _("New message from the reporter on case %(number)s") % {"number": case.number}
        body = _("The reporter of case %(number)s has written. Read it on the case page:\n\n%(link)s") % {
            "number": case.number,
            "link": link,
        }
    return str(subject), str(body)


def reporter_conversation(*, case: Case) -> list[ShownMessage]:
    """The conversation for the reporter's page: the office's replies are marked read, and the
    read is audited as the reporter's."""
    with transaction.atomic():
        messages = list(
            ReporterMessage.objects.filter(case=case).select_related("document").order_by("created_at", "id")
        )
        unread = [m.pk for m in messages if m.direction == MessageDirection.TO_REPORTER and m.read_at is None]
        if unread:
            ReporterMessage.objects.filter(pk__in=unread).update(read_at=clock.now())
        record_event(
            actor=ReporterActor(REPORTER, case.office),
            office=case.office,
            action=AuditAction.VIEW,
            target=case,
            case=case,
            detail={"screen": "reporter_page", "messages": len(messages), "newly_read": len(unread)},
        )
    return [_shown(message, staff=False) for message in messages]
