"""Reads of referrals: a case's referrals, one referral (audited), the suggestions from the
sorting conversation's other problems (directory.selectors.suggest_services, urgent help first),
where a referral can go, and the person's details the adviser may choose to share (audited)."""

from dataclasses import dataclass

from django.http import Http404
from django.utils.translation import gettext as _

from likeverd.accounts.actors import StaffActor
from likeverd.accounts.models import Office
from likeverd.accounts.viewer import Viewer
from likeverd.audit.models import AuditAction
from likeverd.audit.services import record_event
from likeverd.cases.access import visible_cases
from likeverd.cases.models import Case, PartyRole
from likeverd.directory.models import Need, Service
from likeverd.directory.selectors import OPEN_STATUSES, search_services, suggest_services, visible_to
from likeverd.triage.checklists import Actor, load_actors
from likeverd.triage.models import OtherProblem, SortingRecord
from likeverd.triage.referrals.models import Referral, SharedField

SUGGESTIONS_PER_PROBLEM = 3


def list_referrals(*, case: Case) -> list[Referral]:
    """The case's referrals, newest first; receivers' names only (the person's data stays encrypted)."""
    # Through the case's manager, so each referral knows its case (and office) without a query.
    return list(case.referrals.select_related("service__organization", "created_by"))


def _audit_view(viewer: Viewer, referral: Referral, **detail: object) -> None:
    record_event(
        actor=StaffActor.of(viewer),
        office=viewer.office,
        action=AuditAction.VIEW,
        target=referral,
        case=referral.case,
        detail=detail,
    )


def refused(viewer: Viewer, public_id: str) -> Http404:
    """404 for a referral the viewer may not see; a probe of one that exists is recorded (DENIED)."""
    found = Referral.objects.select_related("case").filter(public_id=public_id).first()
    if found is not None:
        record_event(
            actor=StaffActor.of(viewer),
            office=viewer.office,
            action=AuditAction.DENIED,
            detail={
                "reason": "another_office" if found.case.office_id != viewer.office_id else "not_permitted",
                "target_type": Referral._meta.label,
                "target_id": str(found.public_id),
            },
        )
    return Http404()


def get_referral_for_change(*, viewer: Viewer, public_id: str) -> Referral:
    """A referral on a case the viewer may see, or 404, for a write (the service audits)."""
    try:
        return (
            Referral.objects.select_related("case__office", "service__organization")
            .filter(case__in=visible_cases(viewer))
            .get(public_id=public_id)
        )
    except ValueError:
        raise Http404 from None
    except Referral.DoesNotExist:
        raise refused(viewer, public_id) from None


def get_referral(*, viewer: Viewer, public_id: str) -> Referral:
    """A referral with its consent and what was shared, decrypted for the screen: audited."""
    referral = get_referral_for_change(viewer=viewer, public_id=public_id)
    _audit_view(viewer, referral)
    return referral


@dataclass(frozen=True)
class Suggestion:
    need: str
    need_label: str
    services: list[Service]


def list_suggestions(*, viewer: Viewer, case: Case) -> list[Suggestion]:
    """For each of the person's other problems (the sorting conversation), the services that help
    with it in the office's country, urgent help first. Reading the problems is audited."""
    if not visible_cases(viewer).filter(pk=case.pk).exists():
        raise Http404
    record = SortingRecord.objects.filter(case=case).first()
    if record is None or not record.problems:
        return []
    record_event(
        actor=StaffActor.of(viewer),
        office=viewer.office,
        action=AuditAction.VIEW,
        target=record,
        case=case,
        detail={"screen": "referral_suggestions"},
    )
    municipality = case.residence_municipality or case.incident_municipality
    labels = dict(OtherProblem.choices)
    suggestions = []
    for need in record.problems:
        services = suggest_services(
            office=case.office, needs=[need], municipality=municipality, limit=SUGGESTIONS_PER_PROBLEM
        )
        if not services and municipality:
            # Nothing named for the place: the whole country's services still help.
            services = suggest_services(office=case.office, needs=[need], limit=SUGGESTIONS_PER_PROBLEM)
        suggestions.append(Suggestion(need=need, need_label=str(labels[need]), services=services))
    return suggestions


def list_services(*, office: Office) -> list[Service]:
    """Every open service the office may refer to (the network's and its own), urgent first."""
    return list(search_services(office=office))


def get_service(*, office: Office, public_id: str) -> Service | None:
    try:
        return (
            Service.objects.filter(visible_to(office), status__in=OPEN_STATUSES)
            .select_related("organization")
            .get(public_id=public_id)
        )
    except (Service.DoesNotExist, ValueError):
        return None


def list_authorities(*, office: Office) -> list[Actor]:
    """The other actors of the office's jurisdiction (triage data): the ombud, the tribunal, the police."""
    return list(load_actors().get(office.jurisdiction, ()))


def authority_name(office: Office, code: str) -> str:
    for actor in list_authorities(office=office):
        if actor.code == code:
            return actor.name.in_language()
    return code


def receiver_name(referral: Referral) -> str:
    if referral.service is not None:
        return f"{referral.service.name} ({referral.service.organization.name})"
    return authority_name(referral.case.office, referral.authority)


def need_label(code: str) -> str:
    if code in OtherProblem.values:
        return str(OtherProblem(code).label)
    need = Need.objects.filter(code=code).first()
    return need.label if need is not None else code


def shareable_details(*, viewer: Viewer, referral: Referral) -> dict[str, str]:
    """What could be passed on, per SharedField, for the adviser to choose from with the person:
    read from the case and audited. Empty where the case does not have it."""
    case = referral.case
    person = case.parties.filter(role=PartyRole.PERSON).order_by("created_at", "id").first()
    known = person is not None and not person.is_anonymous
    details = {
        SharedField.NAME: person.name if known and person else "",
        SharedField.PHONE: person.phone if known and person else "",
        SharedField.EMAIL: person.email if known and person else "",
        SharedField.LANGUAGE: (
            (person.language + (" — " + _("needs an interpreter") if person.needs_interpreter else ""))
            if person is not None and person.language
            else ""
        ),
        SharedField.PROBLEM: need_label(referral.need) if referral.need else "",
        SharedField.SUMMARY: case.narrative.strip(),
        SharedField.CASE_DOCUMENTS: "",
    }
    _audit_view(viewer, referral, screen="referral_shareable")
    return {str(code): str(value) for code, value in details.items()}


def export_referrals(*, case: Case) -> list[dict[str, object]]:
    """The case's referrals for the person's right of access (GDPR art. 15(1)(c): to whom their
    data was disclosed): receiver, status, consent and exactly what was shared. The export
    itself is audited by its caller."""
    return [
        {
            "receiver": receiver_name(referral),
            "status": referral.status,
            "need": referral.need,
            "suggested_at": referral.created_at.isoformat(),
            "consent_given_by": referral.consent_given_by,
            "consent_given_at": referral.consent_given_at.isoformat() if referral.consent_given_at else "",
            "consent_method": referral.consent_method,
            "shared_fields": referral.shared,
            "shared_text": referral.shared_text,
            "note": referral.note,
        }
        for referral in list_referrals(case=case)
    ]
