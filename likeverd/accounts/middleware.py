import time
from collections.abc import Callable

from django.conf import settings
from django.contrib.auth import logout
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import Resolver404, resolve, reverse
from django.utils import translation
from django.utils.http import urlencode

from likeverd.accounts.viewer import viewer_for_request
from likeverd.core.languages import best_staff_language

STAFF_SEGMENT = "staff"

# The session key holding when the person last did something (seconds since the epoch).
LAST_SEEN = "likeverd_last_seen"
# How often the time is written back: not on every request, to spare the session store.
_LAST_SEEN_RESOLUTION = 60


class IdleTimeoutMiddleware:
    """Logs a staff member out after LIKEVERD_IDLE_MINUTES without a request (shared office
    computers): the next request finds them logged out and the login page asks again."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.user.is_authenticated:
            now = time.time()
            last_seen = request.session.get(LAST_SEEN)
            if isinstance(last_seen, int | float) and now - last_seen > settings.SESSION_IDLE_TIMEOUT:
                logout(request)
            elif not isinstance(last_seen, int | float) or now - last_seen >= _LAST_SEEN_RESOLUTION:
                request.session[LAST_SEEN] = now
        return self.get_response(request)


class ViewerMiddleware:
    """Attaches `request.viewer` (None until the person has logged in with both factors)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        request.viewer = viewer_for_request(request)  # type: ignore[attr-defined]
        return self.get_response(request)


# What a person who must choose a new password may still open: the change screen, and logging out.
_OPEN_BEFORE_PASSWORD_CHANGE = {"accounts:change_password", "accounts:logout"}


def _is_staff_path(path_info: str) -> bool:
    # ["", "<language>", "staff", ...]
    parts = path_info.split("/", 3)
    return len(parts) >= 3 and parts[2] == STAFF_SEGMENT


class PasswordChangeRequiredMiddleware:
    """Sends every staff page to the password change screen while the person's password is one
    someone else set (`User.must_change_password`). Logging out still works; a GET keeps its
    address as `next`, so the person goes on to where they were going."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        viewer = getattr(request, "viewer", None)
        if viewer is None or not viewer.user.must_change_password or not _is_staff_path(request.path_info):
            return self.get_response(request)
        try:
            match = resolve(request.path_info)
        except Resolver404:
            return self.get_response(request)
        if match.view_name in _OPEN_BEFORE_PASSWORD_CHANGE:
            return self.get_response(request)
        target = reverse("accounts:change_password")
        if request.method in {"GET", "HEAD"}:
            target = f"{target}?{urlencode({'next': request.get_full_path()})}"
        return HttpResponseRedirect(target)


def staff_language_for(request: HttpRequest) -> str:
    """The staff language for a request in a language staff screens do not speak.

    The person's own preference first, then what their browser asks for, then the installation's
    default: an Arabic-speaking adviser who read the public pages in Arabic gets their screens
    in the staff language they chose, not in a language nobody translated them into.
    """
    preferred = getattr(request.user, "preferred_language", "") or ""
    accepted = [
        part.split(";")[0] for part in request.headers.get("Accept-Language", "").split(",") if part.strip()
    ]
    return best_staff_language([preferred, *accepted], default=settings.LANGUAGE_CODE)


class StaffLanguageMiddleware:
    """Keeps staff screens (/<language>/staff/...) in a staff language.

    The public pages speak more languages than the staff screens; a staff address in one of the
    others is sent to the same address in a staff language (GET), or answered in it (other methods,
    so that no form is lost to a redirect).
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        parts = request.path_info.split("/", 3)
        # ["", "<language>", "staff", rest]
        if _is_staff_path(request.path_info) and parts[1] not in settings.STAFF_LANGUAGES:
            language = staff_language_for(request)
            if request.method in {"GET", "HEAD"} and parts[1] in dict(settings.LANGUAGES):
                script_prefix = request.path[: len(request.path) - len(request.path_info)]
                target = script_prefix + "/".join(["", language, *parts[2:]])
                query = request.META.get("QUERY_STRING", "")
                return HttpResponseRedirect(f"{target}?{query}" if query else target)
            translation.activate(language)
            request.LANGUAGE_CODE = language
        return self.get_response(request)
