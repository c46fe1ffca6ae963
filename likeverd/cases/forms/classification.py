"""Classifying a case: the legal terms of the office's jurisdiction, and its reporting category."""

from typing import Any

from django.db.models import Q
from django.forms import CheckboxSelectMultiple
from django.utils.translation import gettext_lazy as _

from likeverd.accounts.viewer import Viewer
from likeverd.cases import selectors, services
from likeverd.cases.forms.common import CategoryChoiceField, TermChoiceField
from likeverd.cases.models import Case
from likeverd.core import clock
from likeverd.core.forms import BaseForm
from likeverd.taxonomy.models import ReportingCategory, Term, TermKind
from likeverd.taxonomy.selectors import list_terms

CLASSIFICATION_KINDS = {
    "grounds": (TermKind.GROUND, _("Grounds")),
    "areas": (TermKind.AREA, _("Areas")),
    "forms": (TermKind.FORM, _("Forms")),
    "tracks": (TermKind.TRACK, _("Tracks")),
}


class ClassifyForm(BaseForm):
    grounds = TermChoiceField(
        label=_("Grounds"), queryset=Term.objects.none(), required=False, widget=CheckboxSelectMultiple
    )
    areas = TermChoiceField(
        label=_("Areas"), queryset=Term.objects.none(), required=False, widget=CheckboxSelectMultiple
    )
    forms = TermChoiceField(
        label=_("Forms"), queryset=Term.objects.none(), required=False, widget=CheckboxSelectMultiple
    )
    tracks = TermChoiceField(
        label=_("Tracks"), queryset=Term.objects.none(), required=False, widget=CheckboxSelectMultiple
    )
    reporting_category = CategoryChoiceField(
        label=_("Area of society (for reports)"), queryset=ReportingCategory.objects.none(), required=False
    )

    def __init__(self, *args: Any, viewer: Viewer, case: Case, **kwargs: Any) -> None:
        kwargs.setdefault(
            "initial",
            {
                "grounds": list(case.grounds.all()),
                "areas": list(case.areas.all()),
                "forms": list(case.forms.all()),
                "tracks": list(case.tracks.all()),
                "reporting_category": case.reporting_category,
            },
        )
        super().__init__(*args, **kwargs)
        jurisdiction = viewer.office.jurisdiction if viewer.office else ""
        self.term_options: dict[str, list[Term]] = {}
        for name, (kind, _label) in CLASSIFICATION_KINDS.items():
            valid_today = [t.pk for t in list_terms(jurisdiction=jurisdiction, kind=kind, on=clock.today())]
            # A case keeps the term versions it was classified with, even once the law has moved on.
            in_use = [t.pk for t in getattr(case, name).all()]
            queryset = (
                Term.objects.filter(Q(pk__in=valid_today) | Q(pk__in=in_use))
                .prefetch_related("sources")
                .order_by("sort_order", "code")
            )
            field: Any = self.fields[name]
            field.queryset = queryset
            self.term_options[name] = list(queryset)
        category: Any = self.fields["reporting_category"]
        category.queryset = selectors.list_reporting_categories(
            viewer=viewer
        ) | ReportingCategory.objects.filter(pk=case.reporting_category_id or 0)

    def groups(self) -> list[dict[str, Any]]:
        """The checkbox groups for the template: each term with its citation and whether it is ticked."""
        chosen = {name: self._chosen(name) for name in CLASSIFICATION_KINDS}
        return [
            {
                "name": name,
                "legend": label,
                "field": self[name],
                "options": [
                    {
                        "term": term,
                        "id": f"id_{name}_{index}",
                        "checked": str(term.pk) in chosen[name],
                        "citation": "; ".join(str(source) for source in term.sources.all()),
                    }
                    for index, term in enumerate(self.term_options[name])
                ],
            }
            for name, (_kind, label) in CLASSIFICATION_KINDS.items()
        ]

    def _chosen(self, name: str) -> set[str]:
        if self.is_bound:
            return (
                set(self.data.getlist(name))
                if hasattr(self.data, "getlist")
                else set(self.data.get(name, []))
            )
        return {str(term.pk) for term in self.initial.get(name, [])}

    def to_classification(self) -> services.Classification:
        data = self.cleaned_data
        return services.Classification(
            grounds=list(data["grounds"]),
            areas=list(data["areas"]),
            forms=list(data["forms"]),
            tracks=list(data["tracks"]),
            reporting_category=data["reporting_category"],
        )
