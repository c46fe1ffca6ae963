"""Who is looking, in which office, with which permissions: built once per request.

`scope_to_office` is the one gate every query of office data goes through (selectors,
admin, exports, search): it keeps a queryset to the viewer's active office, or empties it.
"""

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, TypeVar

from django.db.models import Model, QuerySet

from likeverd.accounts.models import Membership, Office, User
from likeverd.accounts.roles import Permission, Role, permissions_for

if TYPE_CHECKING:
    from django.http import HttpRequest

M = TypeVar("M", bound=Model)
ACTIVE_OFFICE_SESSION_KEY = "likeverd_active_office"


@dataclass(frozen=True)
class Viewer:
    user: User
    office: Office | None
    roles: frozenset[Role] = field(default_factory=frozenset)
    offices: tuple[Office, ...] = ()
    # Rows read once per request and used by several parts of a page (the office's people).
    # A viewer is built for each request, so nothing outlives the request it was read for.
    memo: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)

    @property
    def permissions(self) -> frozenset[Permission]:
        return permissions_for(self.roles)

    def can(self, permission: Permission) -> bool:
        return self.office is not None and permission in self.permissions

    @property
    def office_id(self) -> int | None:
        return self.office.pk if self.office else None


def build_viewer(user: User, *, office_public_id: str | None = None) -> Viewer:
    """The viewer for `user`, in the office they chose (or their first office)."""
    memberships = list(
        Membership.objects.filter(user=user, is_active=True, office__is_active=True)
        .select_related("office")
        .order_by("office__name", "role")
    )
    offices: dict[int, Office] = {}
    for membership in memberships:
        offices.setdefault(membership.office_id, membership.office)
    chosen: Office | None = None
    if office_public_id:
        chosen = next((o for o in offices.values() if str(o.public_id) == office_public_id), None)
    if chosen is None and offices:
        chosen = next(iter(offices.values()))
    roles = frozenset(Role(m.role) for m in memberships if chosen is not None and m.office_id == chosen.pk)
    return Viewer(user=user, office=chosen, roles=roles, offices=tuple(offices.values()))


def viewer_for_request(request: "HttpRequest") -> Viewer | None:
    user = request.user
    # django-otp's middleware adds is_verified() to the request's user; the stubs do not know it.
    if not isinstance(user, User) or not user.is_verified():  # type: ignore[attr-defined]
        return None
    return build_viewer(user, office_public_id=request.session.get(ACTIVE_OFFICE_SESSION_KEY))


def scope_to_office(queryset: "QuerySet[M]", viewer: Viewer, *, office_path: str = "office") -> "QuerySet[M]":
    """Keep `queryset` to rows of the viewer's active office; no office means no rows."""
    if viewer.office is None:
        return queryset.none()
    return queryset.filter(**{office_path: viewer.office})
