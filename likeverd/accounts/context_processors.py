from typing import Any

from django.http import HttpRequest


def viewer(request: HttpRequest) -> dict[str, Any]:
    return {"viewer": getattr(request, "viewer", None)}
