"""The client's address behind the TLS proxy (README.md, Running in production).

gunicorn sees every request come from the proxy, so login throttling would lock a username for
everyone at once. Behind the proxy (LIKEVERD_BEHIND_PROXY), the address is the one the proxy
wrote last into X-Forwarded-For: the nginx example sets it to the address it was connected from;
addresses a client wrote in front of it are not believed. gunicorn listens on the loopback only,
so nothing but the proxy can set the header.
"""

from django.conf import settings
from django.http import HttpRequest


def client_address(request: HttpRequest) -> str:
    remote = str(request.META.get("REMOTE_ADDR", ""))
    if not settings.BEHIND_PROXY:
        return remote
    forwarded = [part.strip() for part in str(request.META.get("HTTP_X_FORWARDED_FOR", "")).split(",")]
    return forwarded[-1] or remote
