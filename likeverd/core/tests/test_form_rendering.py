"""The form renderer writes the stock select and input widgets itself: the HTML must be Django's
own, byte for byte, whatever the values (escaping, selection, groups, attributes)."""

import datetime as dt
from typing import Any

import pytest
from django import forms
from django.forms.renderers import DjangoTemplates
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy, override
from hypothesis import given
from hypothesis import strategies as st

from likeverd.cases.forms import CaseFilterForm
from likeverd.core.form_rendering import FormRenderer

STOCK = DjangoTemplates()
FAST = FormRenderer()


def _both(
    widget: forms.Widget, name: str, value: Any, attrs: dict[str, Any] | None = None
) -> tuple[str, str]:
    return (
        widget.render(name, value, attrs=attrs, renderer=STOCK),
        widget.render(name, value, attrs=attrs, renderer=FAST),
    )


class _OwnOption(forms.Select):
    option_template_name = "django/forms/widgets/radio_option.html"


WIDGETS: list[tuple[forms.Widget, Any]] = [
    (forms.Select(choices=[("", "—"), ("a", "Ann & <Bo>"), ("b", gettext_lazy("Status"))]), "a"),
    (forms.Select(choices=[("x", mark_safe("<b>safe</b>")), (3, 3), (None, "none")]), 3),
    (
        forms.Select(choices=[("Group <1>", [("1", "One"), ("2", "Two")]), ("3", "Three")]),
        "2",
    ),
    (forms.SelectMultiple(choices=[("a", "A"), ("b", "B"), ("c", "C")]), ["a", "c"]),
    (forms.NullBooleanSelect(), True),
    (forms.Select(attrs={"disabled": True, "class": 'x"y', "data-off": False}, choices=[("a", "A")]), None),
    (_OwnOption(choices=[("a", "A")]), "a"),
    (forms.TextInput(attrs={"maxlength": 200, "placeholder": "Navn & <tlf>"}), 'O\'Neil "x" <y>'),
    (forms.TextInput(), None),
    (forms.TextInput(), ""),
    (forms.EmailInput(attrs={"required": True}), "a@b.no"),
    (forms.NumberInput(), 1234567),
    (forms.PasswordInput(render_value=True), "secret"),
    (forms.HiddenInput(), mark_safe("&amp;")),
    (forms.DateInput(attrs={"type": "date"}), dt.date(2026, 11, 29)),
    (forms.DateTimeInput(), dt.datetime(2026, 11, 29, 12, 30, tzinfo=dt.UTC)),
    (forms.TimeInput(), dt.time(9, 5)),
    (forms.URLInput(), "https://example.org/?a=1&b=2"),
    (forms.Textarea(), "a <text> & more"),
    (forms.Textarea(), ""),
    (forms.CheckboxInput(), False),
    (forms.FileInput(attrs={"accept": "image/*"}), None),
    (forms.ClearableFileInput(), None),
    (forms.CheckboxInput(), True),
]


@pytest.mark.parametrize(("widget", "value"), WIDGETS, ids=lambda item: type(item).__name__)
@pytest.mark.parametrize("language", ["en", "nb", "ar"])
def test_every_widget_renders_exactly_as_the_stock_templates_do(
    widget: forms.Widget, value: Any, language: str
) -> None:
    with override(language):
        stock, fast = _both(widget, "field", value, attrs={"id": "id_field", "aria-describedby": "h"})
    assert fast == stock


@given(
    label=st.text(max_size=20),
    value=st.text(max_size=10),
    attribute=st.one_of(st.booleans(), st.text(max_size=10), st.integers()),
)
def test_any_text_in_a_select_or_an_input_is_escaped_as_the_templates_escape_it(
    label: str, value: str, attribute: Any
) -> None:
    select = forms.Select(choices=[(value, label), ("other", label + "!")], attrs={"data-x": attribute})
    stock, fast = _both(select, "s", value)
    assert fast == stock
    stock, fast = _both(forms.TextInput(attrs={"data-x": attribute}), label or "t", value)
    assert fast == stock


@pytest.mark.django_db
def test_the_case_lists_filters_are_the_same_html_as_before(office: Any, adviser: Any) -> None:
    from likeverd.accounts.tests.factories import viewer_of

    form = CaseFilterForm({"status": "advice", "q": "<script>"}, viewer=viewer_of(adviser))
    for name in form.fields:
        form.renderer = STOCK
        stock = str(form[name])
        form.renderer = FAST
        assert str(form[name]) == stock


CHOICES = [("a", "Ann & <Bo>"), ("b", gettext_lazy("Status")), ("c", mark_safe("<b>safe</b>")), (4, 4)]
GROUPED = [("Group <1>", [("1", "One"), ("2", "Two")]), ("3", "Three")]

CHOICE_WIDGETS: list[tuple[forms.Widget, Any]] = [
    (forms.RadioSelect(choices=CHOICES), "b"),
    (forms.RadioSelect(choices=GROUPED, attrs={"class": "choices"}), "2"),
    (forms.RadioSelect(choices=CHOICES), None),
    (forms.CheckboxSelectMultiple(choices=CHOICES), ["a", "c"]),
    (forms.CheckboxSelectMultiple(choices=GROUPED), ["1", "3"]),
    (forms.CheckboxSelectMultiple(choices=CHOICES, attrs={"disabled": True}), []),
]


@pytest.mark.parametrize(("widget", "value"), CHOICE_WIDGETS, ids=lambda item: type(item).__name__)
@pytest.mark.parametrize("attrs", [{"id": "id_field", "aria-describedby": "h"}, {}])
@pytest.mark.parametrize("language", ["en", "ar"])
def test_radio_buttons_and_check_boxes_render_exactly_as_the_stock_templates_do(
    widget: forms.Widget, value: Any, attrs: dict[str, Any], language: str
) -> None:
    with override(language):
        stock, fast = _both(widget, "field", value, attrs=attrs)
    assert fast == stock


@pytest.mark.parametrize(("widget", "value"), CHOICE_WIDGETS, ids=lambda item: type(item).__name__)
@pytest.mark.parametrize("wrap_label", [False, True])
def test_each_radio_button_or_check_box_on_its_own_is_the_stock_html(
    widget: forms.Widget, value: Any, wrap_label: bool
) -> None:
    """A form's template walks the options one by one (`{% for choice in field %}{{ choice.tag }}`)."""

    class Form(forms.Form):
        field = forms.MultipleChoiceField(widget=widget, choices=widget.choices, required=False)  # type: ignore[attr-defined]

    for renderer_pair in [(STOCK, FAST)]:
        stock_form = Form({"field": value}, renderer=renderer_pair[0])
        fast_form = Form({"field": value}, renderer=renderer_pair[1])
        stock = [choice.tag(wrap_label=wrap_label) for choice in stock_form["field"]]
        fast = [choice.tag(wrap_label=wrap_label) for choice in fast_form["field"]]
        assert fast == stock
        assert [str(choice) for choice in fast_form["field"]] == [str(c) for c in stock_form["field"]]


@pytest.mark.parametrize(
    "value", ["", None, "one line", 'two\nlines & "quotes" <b>', mark_safe("<i>safe</i>"), 0, 12.5]
)
def test_a_text_area_renders_exactly_as_the_stock_template_does(value: Any) -> None:
    with override("nb"):
        stock, fast = _both(forms.Textarea(attrs={"rows": 4, "dir": "auto"}), "narrative", value)
    assert fast == stock


@given(label=st.text(max_size=20), value=st.text(max_size=10), checked=st.booleans())
def test_any_text_in_a_radio_button_or_text_area_is_escaped_as_the_templates_escape_it(
    label: str, value: str, checked: bool
) -> None:
    radio = forms.RadioSelect(choices=[(value, label), ("other", label + "!")])
    stock, fast = _both(radio, "r", value if checked else "other", attrs={"id": label or "x"})
    assert fast == stock
    stock, fast = _both(forms.Textarea(), "t", label)
    assert fast == stock
    stock, fast = _both(forms.CheckboxInput(attrs={"data-x": label}), "c", checked)
    assert fast == stock


class _OwnRadioOption(forms.RadioSelect):
    option_template_name = "django/forms/widgets/select_option.html"


def test_an_option_with_a_template_of_its_own_goes_through_the_templates() -> None:
    stock, fast = _both(_OwnRadioOption(choices=CHOICES), "field", "a")
    assert fast == stock
    assert "<option" in fast


class _EveryKind(forms.Form):
    required_css_class = "required"
    name = forms.CharField(label="Name & <role>", help_text="Your <b>own</b> name", max_length=20)
    email = forms.EmailField(required=False, label=gettext_lazy("E-mail"))
    when = forms.DateField(label="When?", help_text=gettext_lazy("Day"))
    kind = forms.ChoiceField(choices=CHOICES, widget=forms.RadioSelect, label="Kind")
    tags = forms.MultipleChoiceField(choices=GROUPED, widget=forms.CheckboxSelectMultiple, required=False)
    agree = forms.BooleanField(label="I agree")
    note = forms.CharField(widget=forms.Textarea, label="", required=False)
    hidden = forms.CharField(widget=forms.HiddenInput, required=False)
    upload = forms.FileField(required=False)


@pytest.mark.parametrize(
    "data", [None, {}, {"name": "<x>" * 10, "when": "soon", "kind": "zz", "email": "no"}]
)
@pytest.mark.parametrize("options", [{}, {"auto_id": False}, {"auto_id": "f-%s", "label_suffix": " →"}])
@pytest.mark.parametrize("language", ["nb", "ar"])
def test_a_fields_label_help_text_and_errors_are_the_stock_html(
    data: dict[str, str] | None, options: dict[str, Any], language: str
) -> None:
    """`{{ field.as_field_group }}` (cases/_field.html), a label and an error list: fieldsets for
    radio buttons and check boxes, help text, errors, no id, another label suffix, no label."""
    with override(language):
        stock_form = _EveryKind(data, renderer=STOCK, **options)
        fast_form = _EveryKind(data, renderer=FAST, **options)
        for name in stock_form.fields:
            assert fast_form[name].as_field_group() == stock_form[name].as_field_group()
            assert fast_form[name].label_tag(attrs={"class": "x"}) == stock_form[name].label_tag(
                attrs={"class": "x"}
            )
            assert str(fast_form[name].errors) == str(stock_form[name].errors)
        assert str(fast_form.non_field_errors()) == str(stock_form.non_field_errors())
        if data:
            assert "errorlist" in fast_form["name"].as_field_group()


@given(label=st.text(max_size=15), help_text=st.text(max_size=15), error=st.text(min_size=1, max_size=15))
def test_any_text_in_a_label_help_text_or_error_is_escaped_as_the_templates_escape_it(
    label: str, help_text: str, error: str
) -> None:
    class Form(forms.Form):
        field = forms.CharField(label=label, help_text=help_text)

    stock_form, fast_form = Form({}, renderer=STOCK), Form({}, renderer=FAST)
    for form in (stock_form, fast_form):
        form.is_valid()
        form.add_error("field", error)
    assert fast_form["field"].as_field_group() == stock_form["field"].as_field_group()


def test_a_stock_field_group_renders_no_template_at_all(monkeypatch: pytest.MonkeyPatch) -> None:
    """The point of the fast paths: a field with its label, help text, errors and widget, and a
    fieldset of radio buttons, are written without one template render."""
    rendered: list[str] = []
    stock_render = DjangoTemplates.render

    def counting(self: DjangoTemplates, template_name: str, *args: Any, **kwargs: Any) -> str:
        rendered.append(template_name)
        return stock_render(self, template_name, *args, **kwargs)

    monkeypatch.setattr(DjangoTemplates, "render", counting)
    form = _EveryKind({"name": "x" * 30}, renderer=FormRenderer())
    with override("en"):
        html = form["name"].as_field_group() + form["kind"].as_field_group()
    assert rendered == []
    assert "Ensure this value has at most 20 characters" in html
    assert "<fieldset" in html
