"""The case screens as a test sees them: their addresses, and what their forms post."""

from collections.abc import Callable
from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils import translation

from likeverd.accounts.models import User
from likeverd.cases.models import Case, Channel

ClientFor = Callable[[User], Client]


def url(name: str, *args: Any) -> str:
    """Addresses in English, so that the pages' messages can be read by the assertions.

    A bare name is one of the case screens ("case_list"); other apps' names carry their
    namespace ("privacy:office_audit_log")."""
    with translation.override("en"):
        return reverse(name if ":" in name else f"cases:{name}", args=args)


def search(client: Client, **filters: Any) -> Any:
    """The case list as its filter form shows it: posted, then followed to the list's address."""
    return client.post(url("case_list"), filters, follow=True)


def call_form(**overrides: Any) -> dict[str, Any]:
    form = {
        "channel": Channel.PHONE,
        "name": "Amina Hassan",
        "phone": "+47 400 00 000",
        "email": "",
        "safe_to_call": "on",
        "language": "ar",
        "needs_interpreter": "on",
        "narrative": "Harassed on the tram for wearing a hijab",
        "incident_date": "mars 2025",
        "incident_municipality": "Oslo",
        "place_kind": "transport",
        "residence_municipality": "Oslo",
        "wishes": ["advice", "complaint"],
        "assign_to_me": "on",
    }
    form.update(overrides)
    return form


def upload(
    client: Client, case: Case, content: bytes, *, name: str = "note.txt", kind: str = "evidence"
) -> Any:
    return client.post(
        url("case_upload", case.public_id),
        {"upload-kind": kind, "upload-file": SimpleUploadedFile(name, content, content_type="text/plain")},
    )
