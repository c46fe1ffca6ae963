"""The people of a case: adding the person, reporters, representatives, counterparts, witnesses."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from likeverd.accounts.actors import Actor, StaffActor
from likeverd.accounts.roles import Permission
from likeverd.accounts.viewer import Viewer
from likeverd.audit.models import AuditAction
from likeverd.cases import events, search
from likeverd.cases.models import Case, CounterpartKind, Party, PartyRole
from likeverd.cases.services.common import audit_as, require, touch
from likeverd.cases.services.inputs import PersonDetails


def create_party(
    actor: Actor,
    case: Case,
    *,
    person_role: PartyRole,
    details: PersonDetails,
    counterpart_kind: str = "",
    notes: str = "",
    represents: Party | None = None,
    index: bool = True,
) -> Party:
    """Write a party with its timeline event, audit row and index entries (no permission check:
    for services that have checked already). `index=False`: the caller indexes the name itself."""
    if (
        person_role == PartyRole.COUNTERPART
        and counterpart_kind
        and counterpart_kind not in CounterpartKind.values
    ):
        raise ValidationError(_("Unknown kind of counterpart."))
    party = Party.objects.create(
        case=case,
        role=person_role,
        counterpart_kind=counterpart_kind if person_role == PartyRole.COUNTERPART else "",
        is_anonymous=details.is_anonymous,
        name="" if details.is_anonymous else details.name.strip(),
        phone=details.phone.strip(),
        email=details.email.strip(),
        notes=notes.strip(),
        name_key=None if details.is_anonymous else search.name_key(case.office, details.name),
        safe_to_call=details.safe_to_call,
        safe_voicemail=details.safe_voicemail,
        safe_email=details.safe_email,
        language=details.language,
        needs_interpreter=details.needs_interpreter,
        represents=represents,
    )
    events.party_added(case=case, actor=actor, role=person_role)
    audit_as(actor, case.office, AuditAction.CREATE, party, case, role=person_role)
    if index and party.name:
        search.index_text(case, party.name, is_name=True)
    if index and party.notes:
        search.index_text(case, party.notes)
    return party


@transaction.atomic
def add_party(
    *,
    viewer: Viewer,
    case: Case,
    role: PartyRole,
    details: PersonDetails,
    counterpart_kind: str = "",
    notes: str = "",
    represents: Party | None = None,
) -> Party:
    require(viewer, Permission.EDIT_CASE, case)
    if represents is not None and represents.case_id != case.pk:
        raise ValidationError(_("A representative can only represent a party of the same case."))
    party = create_party(
        StaffActor.of(viewer),
        case,
        person_role=role,
        details=details,
        counterpart_kind=counterpart_kind,
        notes=notes,
        represents=represents,
    )
    touch(case)
    return party
