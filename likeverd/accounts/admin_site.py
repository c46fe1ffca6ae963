"""The admin site, behind the same two-factor login as the rest of Likeverd.

Django's own admin login asks for a password only; here it sends people to the one login
page (password and authenticator code), and a session without the second factor is not let in.
"""

from typing import Any

from django.contrib.admin import AdminSite
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from likeverd.accounts.viewer import Viewer


def admin_viewer(request: HttpRequest) -> Viewer | None:
    """The viewer of an admin request: the same one the case screens use (ViewerMiddleware),
    so the admin shows the office chosen in the session, and nothing without both factors."""
    viewer = getattr(request, "viewer", None)
    return viewer if isinstance(viewer, Viewer) else None


def _is_verified(request: HttpRequest) -> bool:
    is_verified = getattr(request.user, "is_verified", None)
    return bool(callable(is_verified) and is_verified())


class LikeverdAdminSite(AdminSite):
    site_header = _("Likeverd administration")
    site_title = _("Likeverd administration")
    index_title = _("Set-up")

    def has_permission(self, request: HttpRequest) -> bool:
        return super().has_permission(request) and _is_verified(request)

    def login(self, request: HttpRequest, extra_context: dict[str, Any] | None = None) -> HttpResponse:
        if self.has_permission(request):
            return HttpResponseRedirect(reverse("admin:index", current_app=self.name))
        if request.user.is_authenticated and _is_verified(request):
            # Logged in properly, but not someone the admin is for: sending them to the login
            # page again would only bounce back here.
            raise PermissionDenied(_("The administration pages are for the people who install Likeverd."))
        next_url = request.GET.get("next") or reverse("admin:index", current_app=self.name)
        return redirect_to_login(next_url)
