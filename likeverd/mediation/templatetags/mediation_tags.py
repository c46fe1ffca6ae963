"""Labels of the bench's codes in templates: {{ "agreement"|bench_choice:"outcome" }}."""

from typing import Any

from django import template
from django.db import models
from django.utils.translation import gettext_lazy as _

from likeverd.mediation.models import BenchKind, BenchOutcome, ConsentManner, PlaceKind, Side, Stage

register = template.Library()

CHOICES: dict[str, type[models.TextChoices]] = {
    "kind": BenchKind,
    "outcome": BenchOutcome,
    "side": Side,
    "stage": Stage,
    "manner": ConsentManner,
    "place": PlaceKind,
}

# The steps the bench writes to the case's timeline (services' `timeline(..., step)`).
STEPS = {
    "referred": _("Sent to the mediation bench"),
    "consent": _("Consent to mediation recorded"),
    "withdrawn": _("Consent withdrawn: the bench stopped"),
    "meeting_planned": _("Mediation meeting planned"),
    "meeting_cancelled": _("Mediation meeting cancelled"),
    "meeting_held": _("Mediation meeting held"),
    "outcome": _("The bench's outcome recorded"),
    "followed_up": _("Follow-up made"),
    "returned": _("Returned from the bench to the adviser"),
    "closed": _("Case closed after the bench"),
    "imported": _("Mediation bench recorded from an earlier registration"),
}


@register.filter
def bench_choice(value: Any, kind: str) -> str:
    if value in (None, ""):
        return ""
    try:
        return str(CHOICES[kind](value).label)
    except ValueError:
        return str(value)


@register.filter
def bench_step(value: Any) -> str:
    return str(STEPS.get(str(value), value))
