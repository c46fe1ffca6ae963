from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.utils import translation

from likeverd.accounts.viewer import viewer_for_request
from likeverd.core.languages import best_staff_language

STAFF_SEGMENT = "staff"


class ViewerMiddleware:
    """Attaches `request.viewer` (None until the person has logged in with both factors)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        request.viewer = viewer_for_request(request)  # type: ignore[attr-defined]
        return self.get_response(request)


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
        if len(parts) >= 3 and parts[2] == STAFF_SEGMENT and parts[1] not in settings.STAFF_LANGUAGES:
            language = staff_language_for(request)
            if request.method in {"GET", "HEAD"} and parts[1] in dict(settings.LANGUAGES):
                script_prefix = request.path[: len(request.path) - len(request.path_info)]
                target = script_prefix + "/".join(["", language, *parts[2:]])
                query = request.META.get("QUERY_STRING", "")
                return HttpResponseRedirect(f"{target}?{query}" if query else target)
            translation.activate(language)
            request.LANGUAGE_CODE = language
        return self.get_response(request)
