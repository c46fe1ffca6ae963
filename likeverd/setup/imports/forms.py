"""The import screen's forms: the upload, a choice per unrecognised value, and the import."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from likeverd.setup.imports.headers import Column
from likeverd.setup.imports.mapping import ValueMapping
from likeverd.setup.imports.selectors import Unrecognised
from likeverd.setup.imports.vocabulary import EMPTY, Vocabulary

# Columns a value may be left empty in (the row is imported without it).
MAY_BE_EMPTY = (Column.AREA, Column.GROUNDS, Column.MEDIATION_AREA)


class UploadForm(forms.Form):
    file = forms.FileField(
        label=_("Spreadsheet (CSV or XLSX)"),
        help_text=_(
            "One row per case, with a header row: for example Saksnr, Mottatt, Kanal, Samfunnsområde, "
            "Diskrimineringsgrunnlag, Meglingsbenken, Meglingsområde, Meglingsresultat (or the same in "
            "Swedish or English). Nothing is imported before you have seen what will be."
        ),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,.txt,.xlsx"}),
    )


class StepForm(forms.Form):
    """What every later step carries: the version of the upload it was made for (stale check)."""

    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)


class MappingForm(StepForm):
    """One select per unrecognised value; the fields are named m0, m1, ... in the plan's order."""

    def __init__(
        self, *args: Any, unrecognised: list[Unrecognised], vocabulary: Vocabulary, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.unrecognised = unrecognised
        for index, entry in enumerate(unrecognised):
            choices: list[tuple[str, str]] = [("", str(_("Choose…")))]
            if entry.column in MAY_BE_EMPTY:
                choices.append((EMPTY, str(_("None (leave it empty)"))))
            choices += [(choice.code, choice.label) for choice in vocabulary.choices.get(entry.column, [])]
            self.fields[f"m{index}"] = forms.ChoiceField(
                label=_("“%(value)s” in %(column)s") % {"value": entry.value, "column": entry.header},
                choices=choices,
                required=False,
                help_text=_("Rows %(rows)s") % {"rows": _rows(entry.rows)},
            )

    def to_mapping(self) -> ValueMapping:
        mapping: ValueMapping = {}
        for index, entry in enumerate(self.unrecognised):
            code = self.cleaned_data.get(f"m{index}") or ""
            if code:
                mapping[(entry.column, entry.folded)] = code
        return mapping


def _rows(numbers: list[int], shown: int = 12) -> str:
    text = ", ".join(str(number) for number in numbers[:shown])
    return f"{text}, …" if len(numbers) > shown else text
