"""Small presentation helpers for the case screens: codes stored in timeline data shown as
their translated labels. The generic filters of likeverd.core (person, get_item, target_label)
are registered here too, so a case template loads one library."""

from typing import Any

from django import template
from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from likeverd.cases import registry
from likeverd.cases.models import (
    Case,
    CaseStatus,
    Channel,
    CounterpartKind,
    DocumentKind,
    EventKind,
    Outcome,
    PartyRole,
    PlaceKind,
    Wish,
)
from likeverd.core.templatetags import core_tags

register = template.Library()

CHOICES: dict[str, type[models.TextChoices]] = {
    "status": CaseStatus,
    "channel": Channel,
    "counterpart": CounterpartKind,
    "document": DocumentKind,
    "event": EventKind,
    "outcome": Outcome,
    "role": PartyRole,
    "place": PlaceKind,
    "wish": Wish,
}


@register.filter
def choice(value: Any, kind: str) -> str:
    """The label of a stored code, e.g. {{ "closed"|choice:"status" }}; unknown codes as they are."""
    if value in (None, ""):
        return ""
    choices = CHOICES[kind]
    try:
        return str(choices(value).label)
    except ValueError:
        return str(value)


@register.filter
def status_badge(status: str) -> SafeString:
    """A case's status as a badge: its text, with the colour only repeating it. A filter, not an
    include, because lists show one per row (cases/_status_badge.html renders the same)."""
    label = choice(status, "status")
    return format_html('<span class="badge badge-status badge-{}">{}</span>', status, label)


_SOME_ID = "00000000-0000-4000-8000-000000000000"
_case_addresses: dict[tuple[str | None, str, object], str] = {}


@register.filter
def case_url(public_id: object) -> str:
    """The address of a case page, as {% url 'cases:case_detail' public_id %} gives it. Lists
    have one per row: the address is reversed once per language (and URL set), then filled in."""
    key = (get_language(), get_script_prefix(), get_urlconf())
    pattern = _case_addresses.get(key)
    if pattern is None:
        pattern = _case_addresses[key] = reverse("cases:case_detail", args=[_SOME_ID])
    return pattern.replace(_SOME_ID, str(public_id))


@register.filter
def choices(values: Any, kind: str) -> list[str]:
    return [choice(value, kind) for value in values or []]


@register.filter
def field_label(name: str) -> str:
    """The translated name of a case field, for "details changed" entries."""
    try:
        field = Case._meta.get_field(name)
    except FieldDoesNotExist:  # an old entry may name a field that is gone
        return name
    return str(getattr(field, "verbose_name", name))


CLASSIFICATION_PARTS = {
    "grounds": _("Grounds"),
    "areas": _("Areas"),
    "forms": _("Forms"),
    "tracks": _("Tracks"),
    "reporting_category": _("Area of society"),
}


@register.filter
def classification_changes(
    data: dict[str, Any], labels: dict[str, str] | None = None
) -> list[tuple[str, str, str]]:
    """(part, before, after) for each part of a classification entry that changed, with codes
    shown by their labels where `labels` knows them (a term since removed keeps its code)."""
    before, after = data.get("before", {}), data.get("after", {})
    changes = []
    for key, label in CLASSIFICATION_PARTS.items():
        old, new = before.get(key), after.get(key)
        if old != new:
            changes.append((str(label), _labels(old, labels or {}), _labels(new, labels or {})))
    return changes


def _labels(value: Any, labels: dict[str, str]) -> str:
    codes = value if isinstance(value, list) else [value] if value else []
    return ", ".join(labels.get(code) or code for code in codes) or "—"


@register.filter
def event_label(kind: str) -> str:
    """The label of a timeline entry's kind, as its app registered it."""
    entry = registry.event_kind(kind)
    return str(entry.label) if entry is not None else str(_("Entry"))


@register.filter
def event_template(kind: str) -> str:
    """The template of a timeline entry's kind; a neutral one for kinds nobody registers."""
    return registry.event_template(kind)


@register.simple_tag(takes_context=True)
def render_shown(context: template.Context, shown: registry.Shown) -> str:
    """A registered case section or dashboard box, its own context over the page's."""
    page = context.template
    if page is None:  # only outside a template render
        raise template.TemplateSyntaxError("render_shown needs a template being rendered")
    with context.push(dict(shown.context)):
        return page.engine.get_template(shown.template).render(context)


register.filter("person", core_tags.person)
register.filter("get_item", core_tags.get_item)
register.filter("target_label", core_tags.target_label)
register.filter("time_tag", core_tags.time_tag, expects_localtime=True)
