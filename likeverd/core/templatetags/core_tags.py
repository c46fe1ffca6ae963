"""Presentation helpers with no domain words, for every app's templates: a person by name, an
item of a mapping, and a model label ("cases.Document") as its translated name."""

from typing import Any

from django import template
from django.apps import apps
from django.utils.html import format_html

from likeverd.core.once import FIELD_NAME, issue_token

register = template.Library()


@register.filter
def person(user: Any) -> str:
    if user is None:
        return ""
    return str(user.get_full_name() or user.get_username())


@register.filter
def get_item(mapping: dict[str, Any] | None, key: Any) -> Any:
    return (mapping or {}).get(str(key)) if key not in (None, "") else None


@register.filter
def target_label(model_label: str) -> str:
    """ "cases.Document" as "document", in the active language."""
    try:
        return str(apps.get_model(model_label)._meta.verbose_name)
    except (LookupError, ValueError):
        return model_label


@register.simple_tag(takes_context=True)
def once_field(context: template.Context) -> str:
    """The hidden one-time token of a form (likeverd.core.once): a second POST gets the first's result."""
    return format_html(
        '<input type="hidden" name="{}" value="{}">', FIELD_NAME, issue_token(context["request"])
    )
