"""Django's form renderer, with its most frequent widgets written out in Python.

A staff page's forms render Django's stock widget templates once per widget, and a select
once per option and once more per option's attributes: the case list's filters alone are about
130 template renders, a third of the page's time. For the stock templates of a select (with
its stock options) and of the one-line inputs, `FormRenderer` writes the very same HTML in
Python (the tests compare both, byte for byte). Anything else (another template, a project's
own copy of a stock template, an option with a template of its own) goes through the templates
as before.
"""

from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

import django.forms
from django.forms.renderers import DjangoTemplates
from django.http import HttpRequest
from django.utils.formats import localize
from django.utils.html import conditional_escape, escape
from django.utils.safestring import SafeData, SafeString, mark_safe
from django.utils.timezone import template_localtime  # type: ignore[attr-defined]

_STOCK = Path(django.forms.__file__).parent / "templates"
_OPTION = "django/forms/widgets/select_option.html"
_INPUTS = {
    f"django/forms/widgets/{name}.html"
    for name in ("input", "text", "email", "number", "url", "password", "hidden", "date", "datetime", "time")
}


def _shown(value: Any) -> str:
    """`{{ value }}`, as a template with autoescaping shows it."""
    return str(conditional_escape(str(localize(template_localtime(value)))))


def _as_string(value: Any) -> str:
    """`{{ value|stringformat:'s' }}`: the filter keeps a safe value safe, anything else is escaped."""
    try:
        text = "%s" % value  # noqa: UP031 (the filter's own formatting)
    except (ValueError, TypeError):
        return ""
    return text if isinstance(value, SafeData) else str(escape(text))


def _attrs(attrs: Mapping[str, Any]) -> str:
    """django/forms/widgets/attrs.html."""
    parts = []
    for name, value in attrs.items():
        if value is not False:
            parts.append(f" {_shown(name)}" + ("" if value is True else f'="{_as_string(value)}"'))
    return "".join(parts)


def _option(option: Mapping[str, Any]) -> str:
    """django/forms/widgets/select_option.html (with its trailing newline)."""
    value, attrs, label = _as_string(option["value"]), _attrs(option["attrs"]), _shown(option["label"])
    return f'<option value="{value}"{attrs}>{label}</option>\n'


def _select(widget: Mapping[str, Any]) -> str | None:
    """django/forms/widgets/select.html; None when an option has a template of its own."""
    html = [f'<select name="{_shown(widget["name"])}"{_attrs(widget["attrs"])}>']
    for group_name, group_choices, _index in widget["optgroups"]:
        if group_name:
            html.append(f'\n  <optgroup label="{_shown(group_name)}">')
        for option in group_choices:
            if option["template_name"] != _OPTION:
                return None
            html.append("\n  " + _option(option))
        if group_name:
            html.append("\n  </optgroup>")
    html.append("\n</select>\n")
    return "".join(html)


def _input(widget: Mapping[str, Any]) -> str:
    """django/forms/widgets/input.html and the input widgets that include only it."""
    value = "" if widget["value"] is None else f' value="{_as_string(widget["value"])}"'
    kind, name, attrs = _shown(widget["type"]), _shown(widget["name"]), _attrs(widget["attrs"])
    return f'<input type="{kind}" name="{name}"{value}{attrs}>\n'


class FormRenderer(DjangoTemplates):
    """Django's default renderer (the same templates, found the same way), with the stock
    select and input templates written out in Python."""

    def __init__(self) -> None:
        super().__init__()
        self._is_stock: dict[str, bool] = {}

    def _stock(self, template_name: str) -> bool:
        """Whether `template_name` (and what it includes) is Django's own file, not a project's copy."""
        known = self._is_stock.get(template_name)
        if known is None:
            names = [template_name, "django/forms/widgets/attrs.html"]
            is_select = template_name.endswith("/select.html")
            names.append(_OPTION if is_select else "django/forms/widgets/input.html")
            known = all(
                Path(str(self.get_template(name).origin.name)).is_relative_to(_STOCK) for name in names
            )
            self._is_stock[template_name] = known
        return known

    def render(
        self, template_name: str, context: dict[str, Any], request: HttpRequest | None = None
    ) -> SafeString:
        fast: Callable[[Mapping[str, Any]], str | None] | None = None
        if template_name == "django/forms/widgets/select.html":
            fast = _select
        elif template_name in _INPUTS:
            fast = _input
        if fast is not None and self._stock(template_name):
            html = fast(context["widget"])
            if html is not None:
                return mark_safe(html.strip())  # noqa: S308 (every value above is escaped)
        return mark_safe(super().render(template_name, context, request))  # noqa: S308 (a template render)
