"""Responses that no browser or proxy keeps: every page of the application may show personal
data (case pages, lists, the dashboard, forms filled in with a case's details), so each is sent
with `Cache-Control: no-store` unless the view chose its own caching. Static files are served
by WhiteNoise before this middleware and keep their long cache lifetimes."""

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.utils.cache import add_never_cache_headers


class NoStoreMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if not response.has_header("Cache-Control"):
            add_never_cache_headers(response)
        return response
