"""Registering a case (with its number) and changing its details.

`open_case` is the permission-free way in, for a given office and any actor: the staff
`register_case` calls it after its permission check; the public form (a reporter) and imports
(the system) call it directly, having decided the office themselves.
"""

import datetime as dt
from collections.abc import Sequence
from typing import Any

from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from likeverd.accounts.actors import Actor, StaffActor
from likeverd.accounts.models import Office, User
from likeverd.accounts.roles import Permission
from likeverd.accounts.viewer import Viewer
from likeverd.audit.models import AuditAction
from likeverd.cases import events, search
from likeverd.cases.models import Case, CaseNumberSequence, Channel, DatePrecision, PlaceKind, Wish
from likeverd.cases.services.assignment import check_assignee, record_assignment
from likeverd.cases.services.common import audit, audit_as, check_choice, office_of, own_category, require
from likeverd.cases.services.inputs import CaseDetails, PersonDetails
from likeverd.cases.services.parties import create_party
from likeverd.core import clock
from likeverd.taxonomy.models import ReportingCategory, Term, TermKind


def next_case_number(office: Office, year: int) -> tuple[int, str]:
    """The next serial for office and year, safe under concurrent registration.

    The increment is one UPDATE ... RETURNING, which holds the row lock (PostgreSQL) or the
    database write lock (SQLite, IMMEDIATE transactions) until the surrounding transaction
    ends; the year's first case creates the counter.
    """
    table = CaseNumberSequence._meta.db_table  # the model's own table name; values are parameters
    for _attempt in range(2):
        with connection.cursor() as cursor:
            cursor.execute(
                f"UPDATE {table} SET last_serial = last_serial + 1 "  # noqa: S608
                "WHERE office_id = %s AND year = %s RETURNING last_serial",
                [office.pk, year],
            )
            row = cursor.fetchone()
        if row is not None:
            serial = int(row[0])
            return serial, f"{office.code}-{year}-{serial:04d}"
        CaseNumberSequence.objects.get_or_create(office=office, year=year)
    raise RuntimeError("the case number counter could not be created")


def check_details(details: CaseDetails) -> None:
    """Refuse a channel, kind of place, date precision or wish that is not one of the choices."""
    check_choice(details.channel, Channel)
    check_choice(details.place_kind, PlaceKind, blank=True)
    check_choice(details.incident_date.precision, DatePrecision)
    check_wishes(details.wishes)


def check_grounds(office: Office, grounds: Sequence[Term]) -> None:
    for term in grounds:
        if term.kind != TermKind.GROUND or term.jurisdiction != office.jurisdiction:
            raise ValidationError(
                _("%(term)s cannot be used here: it is not a %(kind)s of this office's jurisdiction."),
                params={"term": term.label, "kind": TermKind.GROUND.label},
            )


def check_wishes(wishes: list[str]) -> list[str]:
    unknown = [w for w in wishes if w not in Wish.values]
    if unknown:
        raise ValidationError(_("Unknown choice: %(value)s"), params={"value": ", ".join(unknown)})
    return list(dict.fromkeys(wishes))


@transaction.atomic
def register_case(
    *,
    viewer: Viewer,
    details: CaseDetails,
    person: PersonDetails | None = None,
    assign_to: User | None = None,
    reporting_category: ReportingCategory | None = None,
) -> Case:
    """A case registered by staff of the viewer's office (and assigned, if `assign_to`)."""
    require(viewer, Permission.REGISTER_CASE)
    office = office_of(viewer)
    if assign_to is not None:
        require(viewer, Permission.ASSIGN_CASE)
        check_assignee(office, assign_to)
    return open_case(
        actor=StaffActor.of(viewer),
        office=office,
        details=details,
        person=person,
        reporting_category=reporting_category,
        assign_to=assign_to,
    )


@transaction.atomic
def open_case(
    *,
    actor: Actor,
    office: Office,
    details: CaseDetails,
    person: PersonDetails | None = None,
    reporting_category: ReportingCategory | None = None,
    assign_to: User | None = None,
    grounds: Sequence[Term] = (),
    suspected_spam: bool = False,
) -> Case:
    """Write a new case of `office` with its number, timeline event, audit row naming `actor`,
    the person (if given) and its search index. No permission check: the caller decides that
    `actor` may open a case in `office` (register_case checks staff; the public form and imports
    choose the office themselves). `assign_to` is set on insert; the caller has checked that
    the person may take cases of `office` (`assignment.check_assignee`).

    `grounds` are the grounds the person named (grounds of the office's jurisdiction, several
    allowed); `suspected_spam` puts the case in the "suspected spam" folder instead of the list."""
    check_details(details)
    check_grounds(office, grounds)
    received_at = details.received_at or clock.now()
    if received_at > clock.now() + dt.timedelta(minutes=5):
        raise ValidationError(_("The time received cannot be in the future."))
    year = timezone.localtime(received_at).year
    serial, number = next_case_number(office, year)
    case = Case.objects.create(
        office=office,
        year=year,
        serial=serial,
        number=number,
        channel=details.channel,
        received_at=received_at,
        narrative=details.narrative,
        incident_date_from=details.incident_date.date_from,
        incident_date_to=details.incident_date.date_to,
        incident_date_precision=details.incident_date.precision,
        incident_date_text=details.incident_date.text,
        incident_municipality=details.incident_municipality.strip(),
        place_kind=details.place_kind,
        residence_municipality=details.residence_municipality.strip(),
        wishes=check_wishes(details.wishes),
        reporting_category=own_category(office, reporting_category),
        assigned_to=assign_to,
        suspected_spam=suspected_spam,
    )
    if grounds:
        case.grounds.set(grounds)
    events.case_registered(case=case, actor=actor)
    audit_as(actor, office, AuditAction.CREATE, case, case, channel=details.channel)
    # A new case's words are all here: they are indexed at once, in one insert, rather than
    # read back from the rows just written.
    terms = search.stems(office, case.narrative)
    if person is not None:
        party = create_party(actor, case, person_role=person.role, details=person, index=False)
        if party.name:
            terms |= search.name_terms(office, party.name)
    if assign_to is not None:
        record_assignment(actor, case, assign_to)
    search.index_terms(case, terms)
    return case


@transaction.atomic
def update_case_details(*, viewer: Viewer, case: Case, details: CaseDetails) -> Case:
    require(viewer, Permission.EDIT_CASE, case)
    check_details(details)
    new_values: dict[str, Any] = {
        "channel": details.channel,
        "narrative": details.narrative,
        "incident_date_from": details.incident_date.date_from,
        "incident_date_to": details.incident_date.date_to,
        "incident_date_precision": details.incident_date.precision,
        "incident_date_text": details.incident_date.text,
        "incident_municipality": details.incident_municipality.strip(),
        "place_kind": details.place_kind,
        "residence_municipality": details.residence_municipality.strip(),
        "wishes": check_wishes(details.wishes),
    }
    if details.received_at is not None:
        new_values["received_at"] = details.received_at
    changed = [name for name, value in new_values.items() if getattr(case, name) != value]
    if not changed:
        return case
    for name in changed:
        setattr(case, name, new_values[name])
    case.updated_at = clock.now()
    case.save(update_fields=[*changed, "updated_at"])
    events.details_changed(case=case, actor=StaffActor.of(viewer), fields=changed)
    audit(viewer, AuditAction.CHANGE, case, case, fields=changed)
    if "narrative" in changed:
        search.reindex_case(case)
    elif "received_at" in changed:
        search.move_in_date_order(case)
    return case
