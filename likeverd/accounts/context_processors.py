from typing import Any

from django.conf import settings
from django.http import HttpRequest


def viewer(request: HttpRequest) -> dict[str, Any]:
    return {"viewer": getattr(request, "viewer", None), "staff_languages": settings.STAFF_LANGUAGES}
