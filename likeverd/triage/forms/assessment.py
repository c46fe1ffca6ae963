"""The decision of the assessment: what the office will do, and why."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from likeverd.core.forms import BaseForm, long_text_validator
from likeverd.triage.forms.conversation import parse_version
from likeverd.triage.models import AssessmentDecision, DecisionAction


class DecisionForm(BaseForm):
    updated_at = forms.CharField(widget=forms.HiddenInput, required=False)
    actions = forms.MultipleChoiceField(
        label=_("What the office will do"),
        choices=DecisionAction.choices,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Several may be chosen, except “Advice only”."),
        error_messages={"required": _("Choose what the office will do.")},
    )
    reasons = forms.CharField(
        label=_("Reasons"),
        widget=forms.Textarea(attrs={"rows": 4}),
        validators=[long_text_validator()],
        error_messages={"required": _("Give the reasons for the decision.")},
    )

    def clean_updated_at(self) -> Any:
        return parse_version(self.cleaned_data.get("updated_at") or "")

    @classmethod
    def initial_for(cls, decision: AssessmentDecision | None) -> dict[str, Any]:
        if decision is None:
            return {"updated_at": ""}
        return {
            "updated_at": decision.updated_at.isoformat(),
            "actions": decision.action_codes,
            "reasons": decision.reasons,
        }
