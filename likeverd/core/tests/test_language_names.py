import pytest
from django.template import Context, Template
from django.utils import translation

from likeverd.core.templatetags.language_names import name_of_language


def render(code: str, interface_language: str) -> str:
    with translation.override(interface_language):
        return Template("{% load language_names %}{{ code|language_name }}").render(Context({"code": code}))


@pytest.mark.parametrize(
    ("interface_language", "name"), [("nb", "arabisk"), ("sv", "arabiska"), ("en", "Arabic")]
)
def test_a_language_code_is_shown_by_its_name_in_the_interface_language(
    interface_language: str, name: str
) -> None:
    assert render("ar", interface_language) == name


@pytest.mark.parametrize(
    ("code", "name"),
    [("se", "nordsamisk"), ("prs", "dari"), ("pt-BR", "portugisisk"), ("TI", "tigrinja"), ("so", "somali")],
)
def test_regional_three_letter_and_upper_case_codes_have_names(code: str, name: str) -> None:
    assert name_of_language(code, in_language="nb") == name


def test_a_code_without_a_name_is_shown_as_given_and_an_empty_one_as_nothing() -> None:
    assert render("xq", "nb") == "xq"
    assert render("", "sv") == ""
