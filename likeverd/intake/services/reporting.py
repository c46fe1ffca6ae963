"""A report from the public form becomes a case of the office it was sent to, at once.

`submit_report` writes, in one transaction, through the case services (channel web, actor
"the public form"): the case with what happened, when, where and the grounds the person named;
the person (anonymous, or with the ways to reach them they chose); the kind of counterpart;
the evidence files (already cleaned of metadata, encrypted as documents); what the case has no
place for (intake.WebReport: who reported, the best time to call, the consent); and the
confirmation page's row; and the e-mail that tells the office's advisers and coordinators that a
report arrived, queued in the same transaction (the worker sends it once it has committed). The
e-mail links to the staff screens: never a word of the report itself.

The report form hashes its receipt code first, outside any transaction, and then writes in one
transaction (`accept_report`, ADR 0014 and ADR 0010): the per-address count, the report, its
receipt and code, the e-mail, and the form's once-token result.

What a person typed is kept nowhere else: not in the session, not in a log, not in the e-mail.
"""

import datetime as dt
import secrets
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import QuerySet
from django.utils import translation
from django.utils.translation import gettext as _

from likeverd.accounts.actors import ReporterActor
from likeverd.accounts.models import Office, User
from likeverd.accounts.roles import Role
from likeverd.audit.models import AuditAction
from likeverd.audit.services import record_event
from likeverd.cases.dates import IncidentDate
from likeverd.cases.models import Case, Channel, DocumentKind, PartyRole
from likeverd.cases.services import CaseDetails, PersonDetails, add_document, create_party, open_case
from likeverd.core import clock
from likeverd.core.languages import PUBLIC_LANGUAGES
from likeverd.core.mail import send_mail_task
from likeverd.core.once import Claim
from likeverd.intake.models import ReportConfirmation, ReporterKind, WebReport
from likeverd.intake.receipts import PreparedReceipt, format_code, store_receipt
from likeverd.intake.selectors import office_language
from likeverd.intake.services.throttle import Counted, count_within_transaction
from likeverd.taxonomy.models import Term

# The version of the consent words on the form; a change of the words gets a new version.
CONSENT_VERSION = "2026-11"
ACTOR_LABEL = "the public form"
CONFIRMATION_LIFETIME = dt.timedelta(minutes=30)
# The role in the case of the person who fills in the form.
REPORTER_ROLE = {
    ReporterKind.MYSELF: PartyRole.PERSON,
    ReporterKind.SOMEONE_I_KNOW: PartyRole.REPORTER,
    ReporterKind.WITNESS: PartyRole.WITNESS,
    ReporterKind.PATROL: PartyRole.REPORTER,
    ReporterKind.ORGANISATION: PartyRole.REPORTER,
}
NOTIFIED_ROLES = (Role.ADVISER, Role.COORDINATOR)


@dataclass(frozen=True)
class Evidence:
    """A file the person sent, already cleaned of its metadata (intake.evidence)."""

    name: str
    content_type: str
    data: bytes


@dataclass
class ReportInput:
    """What the public form hands over. Only `narrative` and `consent` are required."""

    narrative: str
    consent: bool
    form_language: str
    reporter_kind: str = ""
    incident_date: IncidentDate = field(default_factory=IncidentDate.unknown)
    incident_municipality: str = ""
    place_kind: str = ""
    residence_municipality: str = ""
    grounds: Sequence[Term] = ()
    counterpart_kind: str = ""
    wishes: Sequence[str] = ()
    is_anonymous: bool = True
    name: str = ""
    phone: str = ""
    email: str = ""
    safe_voicemail: bool = False
    language: str = ""
    needs_interpreter: bool = False
    best_time: str = ""
    suspected_spam: bool = False


def _person(report: ReportInput) -> PersonDetails:
    role = (
        REPORTER_ROLE.get(ReporterKind(report.reporter_kind), PartyRole.PERSON)
        if report.reporter_kind
        else (PartyRole.PERSON)
    )
    if report.is_anonymous:
        # Anonymous: no name and no way to reach them is kept, whatever was typed before choosing.
        return PersonDetails(
            is_anonymous=True, language=report.language, needs_interpreter=report.needs_interpreter, role=role
        )
    return PersonDetails(
        name=report.name.strip(),
        phone=report.phone.strip(),
        email=report.email.strip(),
        safe_to_call=bool(report.phone.strip()),
        safe_voicemail=report.safe_voicemail and bool(report.phone.strip()),
        safe_email=bool(report.email.strip()),
        language=report.language,
        needs_interpreter=report.needs_interpreter,
        role=role,
    )


def _check(report: ReportInput) -> None:
    if not report.consent:
        raise ValidationError(_("We can only take your report if you agree."), code="consent_required")
    if not report.narrative.strip():
        raise ValidationError(_("Tell us what happened, in a few words or many."), code="narrative_required")
    if report.reporter_kind and report.reporter_kind not in ReporterKind.values:
        raise ValidationError(_("Unknown choice: %(value)s"), params={"value": report.reporter_kind})
    if report.form_language not in PUBLIC_LANGUAGES:
        raise ValidationError(_("Unknown choice: %(value)s"), params={"value": report.form_language})


@transaction.atomic
def submit_report(
    *,
    office: Office,
    report: ReportInput,
    evidence: Sequence[Evidence] = (),
    receipt_code: str = "",
    inbox_url: str = "",
) -> tuple[Case, ReportConfirmation]:
    """Write the report as a new case of `office` (see the module docstring) and the row of its
    confirmation page, which shows `receipt_code` once. The e-mail to the office is queued in
    the same transaction, and not for suspected spam (it waits in its folder)."""
    return _write_report(
        office=office, report=report, evidence=evidence, receipt_code=receipt_code, inbox_url=inbox_url
    )


@transaction.atomic
def accept_report(
    *,
    office: Office,
    report: ReportInput,
    address: str,
    receipt: PreparedReceipt,
    sent_url: Callable[[Case, ReportConfirmation], str],
    claim: Claim | None = None,
    evidence: Sequence[Evidence] = (),
    inbox_url: str = "",
) -> str:
    """The report form's one write (ADR 0014), in one transaction: count the report against
    `address`'s limit; write it (`submit_report`) with its receipt (`receipt`, hashed before,
    outside any transaction) and the receipt's code on the confirmation row, for the page to show
    once; and record the confirmation page's address as the form's once-token result (`claim`),
    so that a second POST of the form is sent there exactly when all of it has committed. Returns
    that address. RateLimitedError (or a ValidationError) rolls everything back: a refused report
    is neither stored nor counted."""
    count_within_transaction(address, Counted.REPORT)
    case, confirmation = _write_report(
        office=office, report=report, evidence=evidence, receipt=receipt, inbox_url=inbox_url
    )
    url = sent_url(case, confirmation)
    if claim is not None:
        claim.record(url)
    return url


def _write_report(
    *,
    office: Office,
    report: ReportInput,
    evidence: Sequence[Evidence] = (),
    receipt_code: str = "",
    receipt: PreparedReceipt | None = None,
    inbox_url: str = "",
) -> tuple[Case, ReportConfirmation]:
    _check(report)
    actor = ReporterActor(ACTOR_LABEL, office)
    person = _person(report)
    case = open_case(
        actor=actor,
        office=office,
        details=CaseDetails(
            channel=Channel.WEB,
            narrative=report.narrative.strip(),
            incident_date=report.incident_date,
            incident_municipality=report.incident_municipality,
            place_kind=report.place_kind,
            residence_municipality=report.residence_municipality,
            wishes=list(report.wishes),
        ),
        person=person,
        grounds=report.grounds,
        suspected_spam=report.suspected_spam,
    )
    if report.counterpart_kind:
        create_party(
            actor,
            case,
            person_role=PartyRole.COUNTERPART,
            details=PersonDetails(is_anonymous=True, role=PartyRole.COUNTERPART),
            counterpart_kind=report.counterpart_kind,
        )
    for item in evidence:
        add_document(
            actor=actor, case=case, content=item.data, filename=item.name, kind=DocumentKind.EVIDENCE
        )
    web_report = WebReport.objects.create(
        case=case,
        reporter_kind=report.reporter_kind,
        form_language=report.form_language,
        best_time="" if report.is_anonymous else report.best_time.strip(),
        consent_given_at=clock.now(),
        consent_version=CONSENT_VERSION,
    )
    record_event(
        actor=actor,
        office=office,
        action=AuditAction.CREATE,
        target=web_report,
        case=case,
        detail={"consent_version": CONSENT_VERSION, "files": len(evidence), "spam": report.suspected_spam},
    )
    if receipt is not None:
        receipt_code = format_code(store_receipt(case, receipt))
    confirmation = ReportConfirmation.objects.create(
        key=secrets.token_urlsafe(32),
        office=office,
        receipt_code=receipt_code,
        expires_at=clock.now() + CONFIRMATION_LIFETIME,
    )
    if not report.suspected_spam:
        # Queued in this transaction (the queue is a table): it commits with the report or not at
        # all, so a crash right after the commit cannot lose the office's e-mail.
        notify_office(office, inbox_url=inbox_url)
    return case, confirmation


def _recipients(office: Office) -> QuerySet[User]:
    """The office's active advisers and coordinators with an e-mail address."""
    return (
        User.objects.filter(
            is_active=True,
            memberships__office=office,
            memberships__is_active=True,
            memberships__role__in=NOTIFIED_ROLES,
        )
        .exclude(email="")
        .distinct()
        .order_by("pk")
    )


def notify_office(office: Office, *, inbox_url: str) -> int:
    """Queue one e-mail per adviser and coordinator of `office`, in their language: a new report
    arrived, and where to read it. No case content, no case number. Returns how many."""
    sent = 0
    for user in _recipients(office):
        with translation.override(user.preferred_language or office_language(office)):
            subject = _("New report from the public form")
            body = _(
                "A new report has arrived at %(office)s through the public form.\n\n"
                "Log in to read it among the new cases:\n%(url)s\n"
            ) % {"office": office.name, "url": inbox_url}
        send_mail_task.enqueue(subject=str(subject), body=body, to=[user.email])
        sent += 1
    return sent


@transaction.atomic
def confirmation_for(*, office: Office, key: str) -> tuple[bool, str]:
    """(found, receipt code) for the confirmation page at `key`; the code is given only once:
    the row keeps the page (a reload says the report arrived) but forgets the code. An expired
    row is not found (housekeeping deletes it: `delete_expired_confirmations`)."""
    row = (
        ReportConfirmation.objects.select_for_update()
        .filter(office=office, key=key, expires_at__gt=clock.now())
        .first()
    )
    if row is None:
        return False, ""
    code = str(row.receipt_code)
    if code:
        row.receipt_code = ""
        row.save(update_fields=["receipt_code"])
    return True, code


@transaction.atomic
def delete_expired_confirmations() -> int:
    """Delete the confirmation pages that have expired, with any receipt code never shown; how
    many. Housekeeping (`likeverd housekeeping`), never a request."""
    deleted, _by_model = ReportConfirmation.objects.filter(expires_at__lte=clock.now()).delete()
    return deleted
