import time
from collections.abc import Callable

from django.conf import settings
from django.contrib.auth import logout
from django.http import HttpRequest, HttpResponse

from likeverd.accounts.viewer import viewer_for_request

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
