"""Reads of drafts: the words a new draft starts with (from the case, audited, the person's
details only when the adviser asks for them), a case's saved versions, and one version.

A draft is written in its office's language (nb in Norway, sv in Sweden), whatever the
adviser's screen language, because it goes to a Norwegian or Swedish body.
"""

import datetime as dt
import tomllib
from functools import cache
from pathlib import Path

from django.http import Http404
from django.utils import formats, translation
from django.utils.translation import gettext as _

from likeverd.accounts.actors import StaffActor
from likeverd.accounts.models import Office
from likeverd.accounts.viewer import Viewer
from likeverd.audit.models import AuditAction
from likeverd.audit.services import record_event
from likeverd.cases.access import visible_cases
from likeverd.cases.models import Case, Party, PartyRole
from likeverd.triage.drafts.models import DRAFT_FIELDS, DraftKind, DraftVersion
from likeverd.triage.models import SortingRecord

PREFILL_FILE = Path(__file__).resolve().parent / "prefill.toml"
OFFICE_LANGUAGES = {"NO": "nb", "SE": "sv"}


def draft_language(office: Office) -> str:
    return OFFICE_LANGUAGES.get(office.jurisdiction, "en")


@cache
def _prefill_texts() -> dict[str, dict[str, dict[str, str]]]:
    with PREFILL_FILE.open("rb") as stream:
        return tomllib.load(stream)


def prefill_text(kind: str, jurisdiction: str, name: str, language: str) -> str:
    entry = _prefill_texts().get(kind, {}).get(jurisdiction, {})
    return str(entry.get(f"{name}_{language}") or entry.get(f"{name}_en") or "")


def _lines(*values: str) -> str:
    return "\n".join(value.strip() for value in values if value and value.strip())


def _day(value: dt.date) -> str:
    return str(formats.date_format(value, "SHORT_DATE_FORMAT"))


def _incident(case: Case) -> str:
    when = ""
    if case.incident_date_from:
        when = _day(case.incident_date_from)
        if case.incident_date_to and case.incident_date_to != case.incident_date_from:
            when = f"{when}–{_day(case.incident_date_to)}"
    if case.incident_date_text and case.incident_date_text != when:
        when = f"{when} ({case.incident_date_text})" if when else case.incident_date_text
    where = ", ".join(part for part in (case.incident_municipality, case.get_place_kind_display()) if part)
    return _lines(
        _("When: %(when)s") % {"when": when} if when else "",
        _("Where: %(where)s") % {"where": where} if where else "",
    )


def _counterparts(parties: list[Party]) -> str:
    return "\n".join(
        f"{party.display_name} ({party.get_counterpart_kind_display()})"
        if party.counterpart_kind
        else party.display_name
        for party in parties
        if party.role == PartyRole.COUNTERPART
    )


def _person(parties: list[Party]) -> str:
    person = next((party for party in parties if party.role == PartyRole.PERSON), None)
    if person is None or person.is_anonymous:
        return ""
    return _lines(person.name, person.phone, person.email)


def _facts(case: Case, record: SortingRecord | None) -> str:
    if record is None:
        return str(case.narrative).strip()
    return _lines(
        record.what_happened or case.narrative,
        _("Where: %(where)s") % {"where": record.where} if record.where else "",
        _("Present: %(who)s") % {"who": record.who_was_present} if record.who_was_present else "",
    )


def _evidence(record: SortingRecord | None) -> str:
    if record is None:
        return ""
    items = [
        f"– {item.description}" + (f" ({item.held_by})" if item.held_by else "")
        for item in record.evidence_items.order_by("created_at", "id")
        if item.description
    ]
    return _lines(record.evidence, *items)


def _sender(office: Office) -> str:
    return _lines(office.name, office.address, office.phone, office.email)


def prefill_draft(*, viewer: Viewer, case: Case, kind: DraftKind, include_person: bool) -> dict[str, str]:
    """The fields of a new draft of `kind`, from the case and its sorting conversation, in the
    office's language. The read of the case's personal data is audited."""
    if not visible_cases(viewer).filter(pk=case.pk).exists():
        raise Http404
    office = case.office
    language = draft_language(office)
    parties = list(case.parties.order_by("created_at", "id"))
    record = SortingRecord.objects.filter(case=case).first()
    with translation.override(language):
        counterpart = _counterparts(parties)
        recipient = prefill_text(kind, office.jurisdiction, "recipient", language)
        if kind == DraftKind.EXPLANATION_REQUEST:
            recipient = counterpart
        fields = {
            "sender": _sender(office),
            "recipient": recipient,
            "subject": prefill_text(kind, office.jurisdiction, "subject", language),
            "person": _person(parties) if include_person else "",
            "counterpart": "" if kind == DraftKind.EXPLANATION_REQUEST else counterpart,
            "incident": _incident(case),
            "grounds": ", ".join(term.label for term in case.grounds.order_by("sort_order")),
            "area": ", ".join(term.label for term in case.areas.order_by("sort_order")),
            "facts": _facts(case, record),
            "evidence": _evidence(record),
            "request": prefill_text(kind, office.jurisdiction, "request", language),
            "signature": _lines(viewer.user.get_full_name() or viewer.user.get_username(), office.name),
        }
    record_event(
        actor=StaffActor.of(viewer),
        office=viewer.office,
        action=AuditAction.VIEW,
        target=case,
        case=case,
        detail={"screen": "draft_prefill", "kind": str(kind), "person": include_person},
    )
    return {name: fields.get(name, "") for name in DRAFT_FIELDS}


def list_drafts(*, case: Case) -> list[DraftVersion]:
    """Every saved version on the case, by kind, newest first (no personal data is decrypted)."""
    return list(
        DraftVersion.objects.filter(case=case)
        .select_related("docx", "pdf", "created_by")
        .order_by("kind", "-number")
    )


def latest_draft(*, case: Case, kind: str) -> DraftVersion | None:
    return DraftVersion.objects.filter(case=case, kind=kind).order_by("-number").first()


def refused(viewer: Viewer, public_id: str) -> Http404:
    """404 for a version the viewer may not see; a probe of one that exists is recorded (DENIED)."""
    found = DraftVersion.objects.select_related("case").filter(public_id=public_id).first()
    if found is not None:
        record_event(
            actor=StaffActor.of(viewer),
            office=viewer.office,
            action=AuditAction.DENIED,
            detail={
                "reason": "another_office" if found.case.office_id != viewer.office_id else "not_permitted",
                "target_type": DraftVersion._meta.label,
                "target_id": str(found.public_id),
            },
        )
    return Http404()


def get_draft_version(*, viewer: Viewer, public_id: str) -> DraftVersion:
    """One version on a case the viewer may see, its text decrypted for the screen: audited."""
    try:
        version = (
            DraftVersion.objects.select_related("case__office", "docx", "pdf", "created_by")
            .filter(case__in=visible_cases(viewer))
            .get(public_id=public_id)
        )
    except ValueError:
        raise Http404 from None
    except DraftVersion.DoesNotExist:
        raise refused(viewer, public_id) from None
    record_event(
        actor=StaffActor.of(viewer),
        office=viewer.office,
        action=AuditAction.VIEW,
        target=version,
        case=version.case,
    )
    return version


def export_drafts(*, case: Case) -> list[dict[str, object]]:
    """Every saved version with its text, for the person's right of access; audited by its caller."""
    return [
        {
            "kind": version.kind,
            "version": version.number,
            "saved_at": version.created_at.isoformat(),
            "language": version.language,
            "text": version.fields,
        }
        for version in list_drafts(case=case)
    ]
