"""Django's form renderer, with its most frequent templates written out in Python.

A staff page's forms render Django's stock widget templates once per widget, and a select
once per option and once more per option's attributes: the case list's filters alone are about
130 template renders, a third of the page's time. Around each widget, `{{ field.as_field_group }}`
renders three more (the field's, its label's and its errors'): 7 ms for a case page's 12 fields.
The public report form is mostly radio buttons and check boxes, each its own three nested
templates (option, input_option, input), about 40% of the form's GET. For the stock templates of
a select (with its stock options), the one-line inputs, a text area, radio buttons and check
boxes (whole, or option by option as a form's template walks them), and a field's group, label
and error list, `FormRenderer` writes the very same HTML in Python (the tests compare both, byte
for byte). Anything else (another template, a project's own copy of a stock template, an option
with a template of its own) goes through the templates as before.
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
_WIDGETS = "django/forms/widgets/"
_INPUT = _WIDGETS + "input.html"
_ATTRS = _WIDGETS + "attrs.html"
_INPUT_OPTION = _WIDGETS + "input_option.html"
_MULTIPLE_INPUT = _WIDGETS + "multiple_input.html"
# Stock templates that are only `{% include "django/forms/widgets/input.html" %}` (or input.html).
_INPUTS = {
    f"{_WIDGETS}{name}.html"
    for name in (
        "input", "text", "email", "number", "url", "password", "hidden", "date", "datetime", "time",
        "checkbox", "color", "search", "tel", "file",
    )
}  # fmt: skip
# Stock options that are only `{% include "django/forms/widgets/input_option.html" %}`.
_INPUT_OPTIONS = {_WIDGETS + "radio_option.html", _WIDGETS + "checkbox_option.html"}
# Stock widgets that are only `{% include "django/forms/widgets/multiple_input.html" %}`.
_MULTIPLE_INPUTS = {_WIDGETS + "radio.html", _WIDGETS + "checkbox_select.html"}
_TEXTAREA = _WIDGETS + "textarea.html"
_FIELD = "django/forms/field.html"  # a field's label, help text, errors and widget
_LABEL = "django/forms/label.html"
_ERRORS = "django/forms/errors/list/default.html"
# Each fast template with the stock templates it includes: all must be Django's own files.
_INCLUDES: dict[str, tuple[str, ...]] = {
    _WIDGETS + "select.html": (_OPTION, _ATTRS),
    _TEXTAREA: (_ATTRS,),
    **dict.fromkeys(_INPUTS, (_INPUT, _ATTRS)),
    **dict.fromkeys(_INPUT_OPTIONS, (_INPUT_OPTION, _INPUT, _ATTRS)),
    **dict.fromkeys(_MULTIPLE_INPUTS, (_MULTIPLE_INPUT, *_INPUT_OPTIONS, _INPUT_OPTION, _INPUT, _ATTRS)),
    _FIELD: (),  # its label, errors and widget are rendered (and checked) on their own
    _LABEL: (_ATTRS,),
    _ERRORS: ("django/forms/errors/list/ul.html",),
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


def _input_option(widget: Mapping[str, Any]) -> str:
    """django/forms/widgets/input_option.html (a radio button or a check box, its label wrapped
    around it when the option is rendered on its own)."""
    if not widget.get("wrap_label"):
        return _input(widget) + "\n"
    label_id = widget["attrs"].get("id")
    opening = f'<label for="{_shown(label_id)}">' if label_id else "<label>"
    return f"{opening}{_input(widget)} {_shown(widget['label'])}</label>\n"


def _multiple_input(widget: Mapping[str, Any]) -> str | None:
    """django/forms/widgets/multiple_input.html; None when an option has a template of its own."""
    attrs = widget["attrs"]
    html = ["<div"]
    if attrs.get("id"):
        html.append(f' id="{_shown(attrs["id"])}"')
    if attrs.get("class"):
        html.append(f' class="{_shown(attrs["class"])}"')
    html.append(">")
    for group_name, group_choices, _index in widget["optgroups"]:
        if group_name:
            html.append(f"\n  <div><label>{_shown(group_name)}</label>")
        for option in group_choices:
            if option["template_name"] not in _INPUT_OPTIONS:
                return None
            # radio_option.html and checkbox_option.html add their own trailing newline.
            html.append(f"<div>\n    {_input_option(option)}\n</div>")
        if group_name:
            html.append("\n  </div>")
    html.append("\n</div>\n")
    return "".join(html)


def _textarea(widget: Mapping[str, Any]) -> str:
    """django/forms/widgets/textarea.html."""
    value = _shown(widget["value"]) if widget["value"] else ""
    return f'<textarea name="{_shown(widget["name"])}"{_attrs(widget["attrs"])}>\n{value}</textarea>\n'


def _field(context: Mapping[str, Any]) -> str:
    """django/forms/field.html, `{{ field.as_field_group }}`: the label (or a fieldset and its
    legend), the help text, the errors and the widget, each line as the template writes it."""
    field = context["field"]
    fieldset = field.use_fieldset
    if fieldset:
        described = field.aria_describedby
        aria = f' aria-describedby="{_shown(described)}"' if described else ""
        head = f"\n  <fieldset{aria}>\n  {_shown(field.legend_tag()) if field.label else ''}\n"
    else:
        head = f"\n  {_shown(field.label_tag()) if field.label else ''}\n"
    helptext = ""
    if field.help_text:
        help_id = f' id="{_shown(field.auto_id)}_helptext"' if field.auto_id else ""
        helptext = f'<div class="helptext"{help_id}>{_shown(mark_safe(field.help_text))}</div>'  # noqa: S308 (as |safe)
    closing = "</fieldset>" if fieldset else ""
    return f"{head}\n{helptext}\n{_shown(field.errors)}\n{_shown(field)}{closing}\n"


def _label(context: Mapping[str, Any]) -> str:
    """django/forms/label.html: a field's <label> (or <legend>), or only its text without an id."""
    if not context["use_tag"]:
        return _shown(context["label"])
    tag = _shown(context["tag"])
    return f"<{tag}{_attrs(context['attrs'] or {})}>{_shown(context['label'])}</{tag}>"


def _errors(context: Mapping[str, Any]) -> str:
    """django/forms/errors/list/default.html (ul.html): a field's or a form's errors, if any."""
    errors = context["errors"]
    if not errors:
        return ""
    field_id = getattr(errors, "field_id", None)
    list_id = f' id="{_shown(field_id)}_error"' if field_id else ""
    items = "".join(f"<li>{_shown(error)}</li>" for error in errors)
    return f'<ul class="{_shown(context["error_class"])}"{list_id}>{items}</ul>'


_WHOLE: dict[str, Callable[[Mapping[str, Any]], str]] = {_FIELD: _field, _LABEL: _label, _ERRORS: _errors}


class FormRenderer(DjangoTemplates):
    """Django's default renderer (the same templates, found the same way), with the stock
    select, input, text area, radio and check box templates written out in Python."""

    def __init__(self) -> None:
        super().__init__()
        self._is_stock: dict[str, bool] = {}

    def _stock(self, template_name: str) -> bool:
        """Whether `template_name` (and what it includes) is Django's own file, not a project's copy."""
        known = self._is_stock.get(template_name)
        if known is None:
            names = [template_name, *_INCLUDES[template_name]]
            known = all(
                Path(str(self.get_template(name).origin.name)).is_relative_to(_STOCK) for name in names
            )
            self._is_stock[template_name] = known
        return known

    def render(
        self, template_name: str, context: dict[str, Any], request: HttpRequest | None = None
    ) -> SafeString:
        whole = _WHOLE.get(template_name)
        if whole is not None and self._stock(template_name):
            return mark_safe(whole(context).strip())  # noqa: S308 (every value is shown as {{ }} shows it)
        fast: Callable[[Mapping[str, Any]], str | None] | None = None
        if template_name == "django/forms/widgets/select.html":
            fast = _select
        elif template_name in _INPUTS:
            fast = _input
        elif template_name in _INPUT_OPTIONS:
            fast = _input_option
        elif template_name in _MULTIPLE_INPUTS:
            fast = _multiple_input
        elif template_name == _TEXTAREA:
            fast = _textarea
        if fast is not None and self._stock(template_name):
            html = fast(context["widget"])
            if html is not None:
                return mark_safe(html.strip())  # noqa: S308 (every value above is escaped)
        return mark_safe(super().render(template_name, context, request))  # noqa: S308 (a template render)
