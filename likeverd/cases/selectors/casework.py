"""Reads for the case-work screens' choices: the office's people and reporting categories, and
the labels that make a timeline's codes read as words."""

from django.db.models import Model, QuerySet

from likeverd.accounts.models import Membership, User
from likeverd.accounts.roles import Role
from likeverd.accounts.viewer import Viewer, scope_to_office
from likeverd.taxonomy.models import Term
from likeverd.taxonomy.selectors import list_reporting_categories


def list_caseworkers(*, viewer: Viewer) -> QuerySet[User]:
    """People of the viewer's office who can be given cases (advisers and mediators)."""
    memberships = scope_to_office(Membership.objects.all(), viewer).filter(
        is_active=True, role__in=[Role.ADVISER, Role.MEDIATOR]
    )
    return User.objects.filter(pk__in=memberships.values("user_id"), is_active=True).order_by(
        "first_name", "last_name", "username"
    )


def list_office_people(*, viewer: Viewer) -> QuerySet[User]:
    """Everyone active in the viewer's office (a task can go to any of them)."""
    memberships = scope_to_office(Membership.objects.all(), viewer).filter(is_active=True)
    return User.objects.filter(pk__in=memberships.values("user_id"), is_active=True).order_by(
        "first_name", "last_name", "username"
    )


def _office_people(viewer: Viewer) -> list[tuple[User, set[str]]]:
    """Everyone active in the viewer's office with their roles there, in name order: one query
    per request, however many lists and choice fields of the page need them."""
    if "office_people" not in viewer.memo:
        people: dict[int, tuple[User, set[str]]] = {}
        memberships = (
            scope_to_office(Membership.objects.all(), viewer)
            .filter(is_active=True, user__is_active=True)
            .select_related("user")
        )
        for membership in memberships:
            people.setdefault(membership.user_id, (membership.user, set()))[1].add(membership.role)
        viewer.memo["office_people"] = sorted(
            people.values(), key=lambda entry: (entry[0].first_name, entry[0].last_name, entry[0].username)
        )
    people_list: list[tuple[User, set[str]]] = viewer.memo["office_people"]
    return people_list


def caseworkers(*, viewer: Viewer) -> list[User]:
    """`list_caseworkers`, read once per request."""
    return [user for user, roles in _office_people(viewer) if roles & {Role.ADVISER, Role.MEDIATOR}]


def office_people(*, viewer: Viewer) -> list[User]:
    """`list_office_people`, read once per request."""
    return [user for user, _roles in _office_people(viewer)]


def with_people[M: Model](viewer: Viewer, rows: list[M], field: str) -> list[M]:
    """`rows` with the person their foreign key `field` names (a task's assignee, an entry's
    author) set from the office's people, which the page reads once anyway, instead of a join
    per list; people no longer in the office are read in one more statement, when there are any."""
    people = {user.pk: user for user, _roles in _office_people(viewer)}
    missing = {getattr(row, f"{field}_id") for row in rows} - people.keys() - {None}
    if missing:
        people.update(User.objects.in_bulk(missing))
    for row in rows:
        person_id = getattr(row, f"{field}_id")
        if person_id in people:
            setattr(row, field, people[person_id])
    return rows


def office_terms(viewer: Viewer) -> dict[int, Term]:
    """Id -> term for every term of the office's jurisdiction: one statement per request,
    however many parts of the page (the case's classification, the timeline's labels) need them."""
    if viewer.office is None:
        return {}
    if "office_terms" not in viewer.memo:
        viewer.memo["office_terms"] = {
            term.pk: term for term in Term.objects.filter(jurisdiction=viewer.office.jurisdiction)
        }
    terms: dict[int, Term] = viewer.memo["office_terms"]
    return terms


def get_classification_labels(*, viewer: Viewer) -> dict[str, str]:
    """Code -> label (active language) for the office's terms and reporting categories, so a
    timeline's classification changes read as words, not codes."""
    if viewer.office is None:
        return {}
    labels = {term.code: term.label for term in office_terms(viewer).values()}
    labels.update({category.code: category.label for category in list_reporting_categories(viewer=viewer)})
    return labels
