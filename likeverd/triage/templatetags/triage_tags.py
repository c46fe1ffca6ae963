"""Template filters of the triage screens: decision codes and checklist steps in words."""

from django import template
from django.utils import formats

from likeverd.triage.models import BureauStep, DecisionAction, OtherProblem, SortingRecord

register = template.Library()


@register.filter
def decision_labels(codes: object) -> str:
    """DecisionAction codes (a list, as stored in a timeline entry's data) in words."""
    if not isinstance(codes, list | tuple):
        return ""
    return ", ".join(str(DecisionAction(code).label) for code in codes if code in DecisionAction.values)


@register.filter
def step_label(code: object) -> str:
    return str(BureauStep(code).label) if code in BureauStep.values else ""


@register.filter
def saved_answer(record: object, name: str) -> str:
    """A saved answer of the sorting conversation as text, shown beside a stale form's field."""
    if not isinstance(record, SortingRecord):
        return ""
    if name == "other_problems":
        return ", ".join(str(OtherProblem(code).label) for code in record.problems)
    if name == "birth_date":
        day = record.birth_day
        return formats.date_format(day, "SHORT_DATE_FORMAT") if day else ""
    value = getattr(record, name, "")
    return value if isinstance(value, str) else ""
