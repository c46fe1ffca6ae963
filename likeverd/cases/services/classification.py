"""Classifying a case: grounds, areas, forms, tracks and the office's reporting category."""

from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection, transaction
from django.utils.translation import gettext as _

from likeverd.accounts.actors import Actor, StaffActor
from likeverd.accounts.models import Office
from likeverd.accounts.roles import Permission
from likeverd.accounts.viewer import Viewer
from likeverd.audit.models import AuditAction
from likeverd.cases import events
from likeverd.cases.models import Case
from likeverd.cases.services.common import audit_as, office_of, own_category, require
from likeverd.cases.services.inputs import Classification
from likeverd.core import clock
from likeverd.taxonomy.models import Term, TermKind


def _codes(terms: Any) -> list[str]:
    return sorted(t.code for t in terms)


def _linked(case: Case, names: list[str]) -> dict[str, dict[int, str]]:
    """The case's terms now, per relation, as {term id: code}: from the relations' prefetched
    rows when a page read them already, else in one statement (a UNION of the link tables),
    where reading each relation (and `set` reading it again) costs eight."""
    cached = getattr(case, "_prefetched_objects_cache", {})
    if all(name in cached for name in names):
        return {name: {term.pk: term.code for term in getattr(case, name).all()} for name in names}
    # One plain statement: the ORM's UNION of four annotated querysets took longer to compile
    # than the statements it saved. Table names are the models' own, the part a number; the
    # case is a parameter.
    one = (
        "SELECT {part} AS part, link.term_id, term.code FROM {links} link "
        "JOIN {terms} term ON term.id = link.term_id WHERE link.case_id = %s"
    )
    sql = " UNION ALL ".join(
        one.format(part=part, links=getattr(Case, name).through._meta.db_table, terms=Term._meta.db_table)
        for part, name in enumerate(names)
    )
    linked: dict[str, dict[int, str]] = {name: {} for name in names}
    with connection.cursor() as cursor:
        cursor.execute(sql, [case.pk] * len(names))
        for part, term_id, code in cursor.fetchall():
            linked[names[part]][term_id] = code
    return linked


@transaction.atomic
def classify_case(*, viewer: Viewer, case: Case, classification: Classification) -> Case:
    """Set grounds (several at once), areas, forms and tracks; the change is kept in the timeline."""
    require(viewer, Permission.CLASSIFY_CASE, case)
    return classify_case_as(
        actor=StaffActor.of(viewer), office=office_of(viewer), case=case, classification=classification
    )


@transaction.atomic
def classify_case_as(*, actor: Actor, office: Office, case: Case, classification: Classification) -> Case:
    """`classify_case` for any actor, without a permission check: the caller has decided that
    `actor` may classify cases of `office` (an import of earlier registrations, as the system)."""
    if case.office_id != office.pk:
        raise PermissionDenied(_("You do not have permission to do this."))
    expected = {
        "grounds": TermKind.GROUND,
        "areas": TermKind.AREA,
        "forms": TermKind.FORM,
        "tracks": TermKind.TRACK,
    }
    for attribute, kind in expected.items():
        for term in getattr(classification, attribute):
            if term.kind != kind or term.jurisdiction != office.jurisdiction:
                raise ValidationError(
                    _("%(term)s cannot be used here: it is not a %(kind)s of this office's jurisdiction."),
                    params={"term": term.label, "kind": TermKind(kind).label},
                )
    category = own_category(office, classification.reporting_category)
    linked = _linked(case, list(expected))
    before: dict[str, list[str] | str] = {name: sorted(linked[name].values()) for name in expected}
    before["reporting_category"] = case.reporting_category.code if case.reporting_category else ""
    after: dict[str, list[str] | str] = {name: _codes(getattr(classification, name)) for name in expected}
    after["reporting_category"] = category.code if category else ""
    if before == after:
        return case
    for name in expected:
        # What `set` does, from the links read above: remove the terms no longer chosen, add
        # the new ones (a statement each, only when there are any).
        chosen = {term.pk: term for term in getattr(classification, name)}
        relation = getattr(case, name)
        if gone := [term_id for term_id in linked[name] if term_id not in chosen]:
            relation.remove(*gone)
        if new := [term for term_id, term in chosen.items() if term_id not in linked[name]]:
            relation.add(*new)
    case.reporting_category = category
    case.updated_at = clock.now()
    case.save(update_fields=["reporting_category", "updated_at"])
    events.case_classified(case=case, actor=actor, before=before, after=after)
    audit_as(actor, office, AuditAction.CHANGE, case, case, fields=["classification"])
    return case
