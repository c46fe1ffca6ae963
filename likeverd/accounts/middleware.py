from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

from likeverd.accounts.viewer import viewer_for_request


class ViewerMiddleware:
    """Attaches `request.viewer` (None until the person has logged in with both factors)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        request.viewer = viewer_for_request(request)  # type: ignore[attr-defined]
        return self.get_response(request)
