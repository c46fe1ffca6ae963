"""Who may open a screen: logged in with both factors, and holding a permission in the active office.

Lacking a permission in one's own office gives 403 with a short explanation: the screen exists
and the person may ask for the role. Objects of other offices are a different matter: views
look them up through `scope_to_office`, so they are simply not found (404), and nobody learns
that another office has a case with that id.
"""

from collections.abc import Callable
from functools import wraps
from typing import Concatenate, ParamSpec, TypeVar

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponseBase
from django.utils.translation import gettext as _

from likeverd.accounts.roles import Permission
from likeverd.accounts.viewer import Viewer

P = ParamSpec("P")
R = TypeVar("R", bound=HttpResponseBase)
type GuardedView[**Params] = Callable[Concatenate[HttpRequest, Params], HttpResponseBase]


def get_viewer(request: HttpRequest) -> Viewer:
    """The viewer of a request that passed `viewer_required` (typed, unlike `request.viewer`)."""
    viewer = getattr(request, "viewer", None)
    if not isinstance(viewer, Viewer):
        raise PermissionDenied(_("Log in to see this page."))
    return viewer


def viewer_required(
    permission: Permission | None = None,
) -> Callable[[Callable[Concatenate[HttpRequest, P], R]], GuardedView[P]]:
    """Only for people logged in with password and code (and holding `permission`, if given).

    Not logged in (or only with the password): redirect to the login page, then back.
    Logged in without `permission` in the active office: 403.
    """

    def decorate(
        view: Callable[Concatenate[HttpRequest, P], R],
    ) -> GuardedView[P]:
        @wraps(view)
        def wrapped(request: HttpRequest, /, *args: P.args, **kwargs: P.kwargs) -> HttpResponseBase:
            viewer = getattr(request, "viewer", None)
            if not isinstance(viewer, Viewer):
                return redirect_to_login(request.get_full_path())
            if permission is not None and not viewer.can(permission):
                raise PermissionDenied(_("Your role in this office does not allow this."))
            return view(request, *args, **kwargs)

        return wrapped

    return decorate
