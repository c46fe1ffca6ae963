"""The report form's radio buttons, check boxes, text areas and inputs are written out in Python
by the project's form renderer (likeverd/core/form_rendering.py): a person must get the very
same page, byte for byte, as Django's own templates give, in every language (right to left
too), empty, and after an error with everything typed kept."""

import re
from typing import Any

import pytest
from django.test import Client
from pytest_django.fixtures import Settings

from likeverd.accounts.models import Jurisdiction, Office
from likeverd.accounts.tests.factories import OfficeFactory
from likeverd.cases.models import Case
from likeverd.intake.tests.test_report_form import form_url, full_report

pytestmark = pytest.mark.django_db


@pytest.fixture
def oslo() -> Office:
    return OfficeFactory.create(
        name="DiMe Oslo", code="OSL", jurisdiction=Jurisdiction.NORWAY, municipalities=["Oslo", "Bærum"]
    )


STOCK = "django.forms.renderers.DjangoTemplates"
FAST = "likeverd.core.form_rendering.FormRenderer"
# The tokens differ from one response to the next; everything else must not.
TOKENS = re.compile(r'(name="(?:csrfmiddlewaretoken|once_token)" value=")[^"]+"')


def _page(client: Client, settings: Settings, renderer: str, method: str, url: str, **data: Any) -> str:
    settings.FORM_RENDERER = renderer
    response = client.get(url) if method == "get" else client.post(url, data)
    return TOKENS.sub(r'\1…"', response.content.decode())


def _same_with_both_renderers(client: Client, settings: Settings, method: str, url: str, **data: Any) -> str:
    stock = _page(client, settings, STOCK, method, url, **data)
    fast = _page(client, settings, FAST, method, url, **data)
    assert fast == stock
    return fast


@pytest.mark.parametrize("language", ["en", "nb", "ar", "ur"])
def test_the_empty_report_form_is_the_same_page_as_djangos_templates_give(
    client: Client,
    settings: Settings,
    oslo: Office,
    language: str,
) -> None:
    page = _same_with_both_renderers(client, settings, "get", form_url(oslo, language))
    for kind in ('type="radio"', 'type="checkbox"', "<textarea", 'type="file"', 'type="email"'):
        assert kind in page


@pytest.mark.parametrize("language", ["en", "ar"])
def test_a_refused_report_keeps_everything_typed_exactly_as_djangos_templates_show_it(
    client: Client,
    settings: Settings,
    oslo: Office,
    language: str,
) -> None:
    typed = full_report(
        consent=None,
        incident_date="the day after never",
        narrative='He said "go home" & <b>laughed</b>\n\nThen: it\'s over.',
        best_time="بعد الساعة 4 مساءً",
        wishes=["advice", "talk"],
        grounds=["RELIGION", "UNKNOWN"],
    )
    page = _same_with_both_renderers(client, settings, "post", form_url(oslo, language), **typed)
    assert "&quot;go home&quot; &amp; &lt;b&gt;laughed&lt;/b&gt;" in page
    assert re.search(r'value="RELIGION"[^>]*checked', page)
    assert re.search(r'value="reach_me"[^>]*checked', page)
    assert 'value="بعد الساعة 4 مساءً"' in page
    assert Case.objects.count() == 0
