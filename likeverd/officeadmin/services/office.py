"""Writes of the office's own details and its reporting categories (areas of society)."""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _

from likeverd.accounts.models import Office
from likeverd.accounts.viewer import Viewer
from likeverd.audit.models import AuditAction
from likeverd.cases.models import ReportingCategory
from likeverd.core import clock
from likeverd.officeadmin.services.common import admin_office, audit
from likeverd.taxonomy.models import Term, TermKind


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


# --- reporting categories ------------------------------------------------------------------


@dataclass(frozen=True)
class CategoryLabels:
    label_nb: str
    label_sv: str
    label_en: str


def _check_areas(office: Office, areas: Iterable[Term]) -> list[Term]:
    chosen = list(areas)
    if any(term.kind != TermKind.AREA or term.jurisdiction != office.jurisdiction for term in chosen):
        raise ValidationError(_("Choose legal areas of the office's own jurisdiction."), code="areas")
    return chosen


def _free_code(office: Office, labels: CategoryLabels) -> str:
    base = slugify(labels.label_en or labels.label_nb or labels.label_sv)[:36] or "category"
    taken = set(
        ReportingCategory.objects.filter(office=office, code__startswith=base).values_list("code", flat=True)
    )
    code, n = base, 2
    while code in taken:
        code, n = f"{base}-{n}", n + 1
    return code


def _own_category(office: Office, category: ReportingCategory) -> ReportingCategory:
    if category.office_id != office.pk:
        raise PermissionDenied(_("This category belongs to another office."))
    return ReportingCategory.objects.select_for_update().get(pk=category.pk)


def _set_labels(category: ReportingCategory, labels: CategoryLabels) -> list[str]:
    changed = []
    for name in ("label_nb", "label_sv", "label_en"):
        value = getattr(labels, name).strip()
        if not value:
            raise ValidationError(_("Give the category a name in every language."), code=name)
        if getattr(category, name) != value:
            setattr(category, name, value)
            changed.append(name)
    return changed


@transaction.atomic
def add_reporting_category(
    *, viewer: Viewer, labels: CategoryLabels, areas: Iterable[Term] = ()
) -> ReportingCategory:
    office = admin_office(viewer)
    chosen = _check_areas(office, areas)
    last = ReportingCategory.objects.filter(office=office).order_by("-sort_order").first()
    category = ReportingCategory(
        office=office, code=_free_code(office, labels), sort_order=(last.sort_order + 10) if last else 10
    )
    _set_labels(category, labels)
    category.save()
    category.areas.set(chosen)
    audit(viewer, AuditAction.CREATE, category, code=category.code, areas=sorted(t.code for t in chosen))
    return category


@transaction.atomic
def rename_reporting_category(
    *, viewer: Viewer, category: ReportingCategory, labels: CategoryLabels, areas: Iterable[Term]
) -> ReportingCategory:
    """New names (and legal areas); the code, and so every report already counted, stays."""
    office = admin_office(viewer)
    category = _own_category(office, category)
    chosen = _check_areas(office, areas)
    changed = _set_labels(category, labels)
    before = set(category.areas.values_list("pk", flat=True))
    if before != {term.pk for term in chosen}:
        category.areas.set(chosen)
        changed.append("areas")
    if changed:
        category.updated_at = clock.now()
        category.save()
        audit(viewer, AuditAction.CHANGE, category, code=category.code, fields=changed)
    return category


@transaction.atomic
def retire_reporting_category(*, viewer: Viewer, category: ReportingCategory) -> ReportingCategory:
    """No longer offered for new classifications; cases that have it keep it."""
    office = admin_office(viewer)
    category = _own_category(office, category)
    if not category.is_active:
        raise ValidationError(_("This category is already retired."), code="retired")
    category.is_active = False
    category.updated_at = clock.now()
    category.save(update_fields=["is_active", "updated_at"])
    audit(viewer, AuditAction.RETIRE, category, code=category.code)
    return category


@transaction.atomic
def restore_reporting_category(*, viewer: Viewer, category: ReportingCategory) -> ReportingCategory:
    office = admin_office(viewer)
    category = _own_category(office, category)
    if category.is_active:
        raise ValidationError(_("This category is in use already."), code="active")
    category.is_active = True
    category.updated_at = clock.now()
    category.save(update_fields=["is_active", "updated_at"])
    audit(viewer, AuditAction.RESTORE, category, code=category.code)
    return category
