"""Writes of offices: setting one up (the installer, at the command line) and the office
administrator's changes to what the office tells the public, audited."""

from collections.abc import Sequence
from dataclasses import dataclass

from django.db import transaction

from likeverd.accounts.models import Office
from likeverd.accounts.services.common import admin_office, audit
from likeverd.accounts.viewer import Viewer
from likeverd.audit.models import AuditAction
from likeverd.core import clock


@transaction.atomic
def create_office(
    *,
    name: str,
    code: str,
    jurisdiction: str,
    municipalities: Sequence[str] = (),
    phone: str = "",
    email: str = "",
    address: str = "",
    opening_hours: str = "",
    languages: Sequence[str] = (),
) -> Office:
    """Create an office; raises ValidationError for a bad code, jurisdiction or e-mail.

    Reporting categories are the cases app's concern: its entry points add them afterwards.
    """
    office = Office(
        name=name.strip(),
        code=code.strip().upper(),
        jurisdiction=jurisdiction.strip().upper(),
        municipalities=[m.strip() for m in municipalities if m.strip()],
        phone=phone.strip(),
        email=email.strip(),
        address=address.strip(),
        opening_hours=opening_hours.strip(),
        languages=[lang.strip() for lang in languages if lang.strip()],
    )
    office.full_clean()
    office.save()
    return office


@dataclass(frozen=True)
class OfficeDetails:
    name: str
    phone: str = ""
    email: str = ""
    address: str = ""
    opening_hours: str = ""
    languages: Sequence[str] = ()
    municipalities: Sequence[str] = ()


@transaction.atomic
def change_office_details(*, viewer: Viewer, details: OfficeDetails) -> Office:
    """Change what the office tells the public; the code and jurisdiction are the network's."""
    office = admin_office(viewer)
    values = {
        "name": details.name.strip(),
        "phone": details.phone.strip(),
        "email": details.email.strip(),
        "address": details.address.strip(),
        "opening_hours": details.opening_hours.strip(),
        "languages": list(dict.fromkeys(code.strip() for code in details.languages if code.strip())),
        "municipalities": list(
            dict.fromkeys(name.strip() for name in details.municipalities if name.strip())
        ),
    }
    changed = sorted(name for name, value in values.items() if getattr(office, name) != value)
    for name, value in values.items():
        setattr(office, name, value)
    office.full_clean()
    if changed:
        office.updated_at = clock.now()
        office.save(update_fields=[*changed, "updated_at"])
        audit(viewer, AuditAction.CHANGE, office, fields=changed)
    return office
