"""Input shapes of the public site (GET forms that work without JavaScript) and of the office
admin's page-text screen."""

from collections.abc import Sequence
from dataclasses import dataclass

from django import forms
from django.http import QueryDict
from django.utils.translation import gettext_lazy as _

from likeverd.accounts.models import Jurisdiction
from likeverd.intake.guide import ELSEWHERE, UNKNOWN, WhatHappened
from likeverd.intake.selectors import Municipality
from likeverd.intake.services import MAX_TEXT_LENGTH

OTHER_MUNICIPALITY = "-"
# The public pages' own words for the countries (accounts' names are translated for staff only).
COUNTRY_GROUPS = {Jurisdiction.NORWAY.value: _("In Norway"), Jurisdiction.SWEDEN.value: _("In Sweden")}


class MunicipalityForm(forms.Form):
    municipality = forms.ChoiceField(
        label=_("The municipality where you live, or where it happened"), required=False
    )

    def __init__(self, data: QueryDict | None, *, municipalities: Sequence[Municipality]) -> None:
        super().__init__(data)
        groups: dict[str, list[tuple[str, str]]] = {}
        for municipality in municipalities:
            groups.setdefault(municipality.jurisdiction, []).append((municipality.name, municipality.name))
        choices: list[tuple[object, object]] = [("", _("Choose a municipality"))]
        for jurisdiction, label in COUNTRY_GROUPS.items():
            if jurisdiction in groups:
                choices.append((label, groups[jurisdiction]))
        choices.append((OTHER_MUNICIPALITY, _("Another municipality")))
        self.fields["municipality"].choices = choices  # type: ignore[attr-defined]


WHAT_HAPPENED_CHOICES = [
    (WhatHappened.TREATED_WORSE.value, _("I was treated worse than others, or shut out")),
    (WhatHappened.HARASSED.value, _("I was insulted, harassed or mocked")),
    (WhatHappened.THREATENED.value, _("I was threatened or attacked, or I am in danger")),
    (WhatHappened.RULE.value, _("A rule or a practice shuts out people like me")),
    (WhatHappened.NOT_ADAPTED.value, _("I did not get the adaptation I need, for example for a disability")),
    (WhatHappened.PUNISHED.value, _("I was punished for complaining")),
    (WhatHappened.OTHER.value, _("Something else")),
]


@dataclass(frozen=True)
class GuideAnswers:
    """What the visitor has answered so far; each step's answer is None until it is valid."""

    what: WhatHappened | None
    where: str | None
    why: frozenset[str] | None
    submitted_step: int | None

    @property
    def step(self) -> int:
        """The step to show: the first without a valid answer, or 4 for the suggestion."""
        if self.what is None:
            return 1
        if self.where is None:
            return 2
        if self.why is None:
            return 3
        return 4

    @property
    def has_error(self) -> bool:
        return self.submitted_step == self.step

    @classmethod
    def from_query(cls, query: QueryDict, *, areas: Sequence[str], grounds: Sequence[str]) -> "GuideAnswers":
        what_raw = query.get("what", "")
        what = WhatHappened(what_raw) if what_raw in set(WhatHappened) else None
        where_raw = query.get("where", "")
        where = where_raw if where_raw in {*areas, ELSEWHERE} else None
        why_raw = [code for code in query.getlist("why") if code in {*grounds, UNKNOWN}]
        why = frozenset(why_raw) if why_raw else None
        step_raw = query.get("step", "")
        submitted = int(step_raw) if step_raw in {"1", "2", "3"} else None
        return cls(what=what, where=where, why=why, submitted_step=submitted)


class OfficePageTextForm(forms.Form):
    introduction = forms.CharField(
        label=_("Introduction"),
        required=False,
        max_length=MAX_TEXT_LENGTH,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Who you are and who can come to you, in a few sentences."),
    )
    offer = forms.CharField(
        label=_("What the office offers"),
        required=False,
        max_length=MAX_TEXT_LENGTH,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Advice, legal help, mediation, courses: what a person can get from you."),
    )
    opening_hours = forms.CharField(
        label=_("Opening hours"),
        required=False,
        max_length=MAX_TEXT_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("When you answer the phone and when people can drop in."),
    )
    directions = forms.CharField(
        label=_("How to find us"),
        required=False,
        max_length=MAX_TEXT_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("The way in, step-free access, the nearest stop."),
    )

    def __init__(self, *args: object, language: str, is_rtl: bool, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        # The texts are written in the language being edited, whatever the screen's language.
        for field in self.fields.values():
            field.widget.attrs.update({"lang": language, "dir": "rtl" if is_rtl else "ltr"})
