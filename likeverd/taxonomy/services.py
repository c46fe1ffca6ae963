"""Writes of the taxonomy app: an office's reporting categories, the defaults of its
jurisdiction created when the office is set up, and the office administrator's additions,
renamings, retirements and restorations, each audited in the office's locked row."""

from collections.abc import Iterable
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _

from likeverd.accounts.actors import StaffActor
from likeverd.accounts.models import Office
from likeverd.accounts.services import admin_office
from likeverd.accounts.viewer import Viewer
from likeverd.audit.models import AuditAction
from likeverd.audit.services import record_event
from likeverd.core import clock
from likeverd.taxonomy.loader import default_reporting_categories
from likeverd.taxonomy.models import ReportingCategory, Term, TermKind


@transaction.atomic
def create_default_reporting_categories(*, office: Office) -> list[ReportingCategory]:
    """The 2019 annual report's areas of society, mapped to the office's legal areas."""
    created = []
    for default in default_reporting_categories(office.jurisdiction):
        category, was_created = ReportingCategory.objects.get_or_create(
            office=office,
            code=default.code,
            defaults={
                "label_nb": default.label_nb,
                "label_sv": default.label_sv,
                "label_en": default.label_en,
                "sort_order": default.sort_order,
            },
        )
        if was_created:
            category.areas.set(
                Term.objects.filter(
                    jurisdiction=office.jurisdiction,
                    kind=TermKind.AREA,
                    code__in=default.area_codes,
                    valid_to__isnull=True,
                )
            )
            created.append(category)
    return created


def _audit(viewer: Viewer, action: AuditAction, category: ReportingCategory, **detail: object) -> None:
    record_event(
        actor=StaffActor.of(viewer), office=viewer.office, action=action, target=category, detail=detail
    )


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
    _audit(viewer, AuditAction.CREATE, category, code=category.code, areas=sorted(t.code for t in chosen))
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
        _audit(viewer, AuditAction.CHANGE, category, code=category.code, fields=changed)
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
    _audit(viewer, AuditAction.RETIRE, category, code=category.code)
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
    _audit(viewer, AuditAction.RESTORE, category, code=category.code)
    return category
