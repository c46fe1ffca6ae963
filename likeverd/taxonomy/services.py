"""Writes of the taxonomy app: an office's reporting categories, the defaults of its
jurisdiction, created when the office is set up."""

from django.db import transaction

from likeverd.accounts.models import Office
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
