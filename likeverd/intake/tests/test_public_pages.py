"""The public pages: found by municipality, in the visitor's language, strict about what they load."""

import re

import pytest
from django.test import Client

from likeverd.accounts.models import Jurisdiction, Office
from likeverd.accounts.tests.factories import OfficeFactory
from likeverd.core.languages import PUBLIC_LANGUAGES
from likeverd.intake.models import OfficePageText

pytestmark = pytest.mark.django_db


@pytest.fixture
def oslo() -> Office:
    return OfficeFactory.create(
        name="DiMe Oslo",
        code="OSL",
        jurisdiction=Jurisdiction.NORWAY,
        municipalities=["Oslo", "Bærum"],
        phone="+47 22 00 00 00",
        email="oslo@example.org",
        opening_hours="Mandag–fredag 10–15",
        languages=["nb", "ar", "so"],
    )


@pytest.fixture
def malmo() -> Office:
    return OfficeFactory.create(
        name="Byrån Malmö", code="MLM", jurisdiction=Jurisdiction.SWEDEN, municipalities=["Malmö"]
    )


def text_of(response: object) -> str:
    content: bytes = response.content  # type: ignore[attr-defined]
    return re.sub(r"\s+", " ", content.decode())


def test_the_site_root_sends_a_visitor_to_the_start_page_in_their_language(client: Client) -> None:
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="ar,en;q=0.5")
    assert response.status_code == 302
    assert response["Location"] == "/ar/"


def test_the_start_page_finds_the_office_of_a_municipality_whatever_its_case(
    client: Client, oslo: Office, malmo: Office
) -> None:
    page = text_of(client.get("/en/", {"municipality": "Bærum"}))
    assert "Offices that serve Bærum:" in page
    assert 'href="/en/offices/osl/"' in page
    found = page.split("Offices that serve Bærum:")[1].split("</ul>")[0]
    assert "Byrån Malmö" not in found


def test_a_municipality_without_an_office_is_told_where_else_to_turn(client: Client, oslo: Office) -> None:
    page = text_of(client.get("/en/", {"municipality": "-"}))
    assert "There is no office for your municipality yet" in page
    assert "DiMe Oslo" in page


def test_the_municipality_list_offers_every_served_municipality_by_country(
    client: Client, oslo: Office, malmo: Office
) -> None:
    page = text_of(client.get("/nb/"))
    assert '<optgroup label="I Norge">' in page
    assert '<option value="Bærum">Bærum</option>' in page
    assert '<optgroup label="I Sverige">' in page


def test_an_inactive_or_unknown_office_has_no_public_page(client: Client, oslo: Office) -> None:
    oslo.is_active = False
    oslo.save()
    assert client.get("/en/offices/osl/").status_code == 404
    assert client.get("/en/offices/xyz/").status_code == 404


def test_an_office_page_shows_contact_details_hours_and_languages_in_their_own_names(
    client: Client, oslo: Office
) -> None:
    page = text_of(client.get("/en/offices/osl/"))
    assert 'href="tel:+4722000000"' in page
    assert 'href="mailto:oslo@example.org"' in page
    assert "Mandag–fredag 10–15" in page
    assert '<li lang="ar">العربيّة</li>' in page
    assert '<li lang="so">Soomaali</li>' in page


def test_the_report_button_leads_to_the_report_form(client: Client, oslo: Office) -> None:
    page = text_of(client.get("/en/offices/osl/"))
    assert 'href="/en/offices/osl/report/"' in page
    assert 'id="contact"' in page
    form = client.get("/en/offices/osl/report/")
    assert form.status_code == 200


def test_an_office_page_in_arabic_reads_right_to_left(client: Client, oslo: Office) -> None:
    page = text_of(client.get("/ar/offices/osl/"))
    assert '<html lang="ar" dir="rtl">' in page
    assert "أبلِغ DiMe Oslo بما حدث" in page


@pytest.mark.parametrize("language", PUBLIC_LANGUAGES)
def test_every_public_language_has_a_start_page_and_a_picker_with_each_language_in_its_own_name(
    client: Client, oslo: Office, language: str
) -> None:
    response = client.get(f"/{language}/")
    assert response.status_code == 200
    page = text_of(response)
    assert f'<html lang="{language}" dir="{"rtl" if language in {"ar", "ur"} else "ltr"}">' in page
    for name in (
        "norsk (bokmål)",
        "svenska",
        "English",
        "العربيّة",
        "Soomaali",
        "polski",
        "Українська",
        "اردو",
        "ትግርኛ",
    ):
        assert f">{name}</a>" in page


def test_the_language_picker_keeps_the_choice_for_the_next_visit(client: Client, oslo: Office) -> None:
    page = text_of(client.get("/en/offices/osl/"))
    link = re.search(r'href="(/so/language/\?next=[^"]+)"', page)
    assert link is not None
    response = client.get(link.group(1).replace("&amp;", "&"))
    assert response.status_code == 302
    assert response["Location"] == "/so/offices/osl/"
    assert response.cookies["django_language"].value == "so"
    later = client.get("/", HTTP_ACCEPT_LANGUAGE="en")
    assert later["Location"] == "/so/"


def test_the_language_picker_does_not_send_anyone_to_another_site(client: Client) -> None:
    response = client.get("/en/language/", {"next": "https://evil.example/"})
    assert response["Location"] == "/en/"


def test_office_texts_in_the_visitors_language_with_the_offices_own_language_where_missing(
    client: Client, oslo: Office
) -> None:
    OfficePageText.objects.create(
        office=oslo, language="nb", introduction="Vi hjelper deg.", offer="Gratis råd."
    )
    OfficePageText.objects.create(office=oslo, language="ar", introduction="نحن نساعدك.")
    page = text_of(client.get("/ar/offices/osl/"))
    assert '<p class="lead" lang="ar" dir="auto">نحن نساعدك.</p>' in page
    assert '<p lang="nb" dir="auto">Gratis råd.</p>' in page
    assert "بعض أجزاء هذه الصفحة لم تُكتب بلغتك بعد" in page


def test_public_pages_run_no_inline_script_or_style_under_a_strict_policy(
    client: Client, oslo: Office
) -> None:
    for path in ("/ar/", "/ar/offices/osl/", "/ar/offices/osl/guide/"):
        response = client.get(path)
        policy = response["Content-Security-Policy"]
        assert "default-src 'self'" in policy
        assert "'unsafe-inline'" not in policy
        assert "'unsafe-eval'" not in policy
        page = response.content.decode()
        assert re.findall(r"<script(?![^>]*\ssrc=)[^>]*>", page) == []
        assert " style=" not in page
        assert "<style" not in page


def test_every_public_page_has_the_quick_exit_to_the_configured_neutral_site(
    client: Client, oslo: Office, settings: object
) -> None:
    settings.QUICK_EXIT_URL = "https://weather.example/"  # type: ignore[attr-defined]
    for path in ("/nb/", "/nb/offices/osl/", "/nb/offices/osl/guide/?what=other&step=1"):
        page = text_of(client.get(path))
        assert 'id="quick-exit" href="https://weather.example/"' in page
        assert "/static/intake/quick-exit.js" in page


def test_public_pages_are_not_kept_in_the_browser_cache(client: Client, oslo: Office) -> None:
    for path in ("/en/", "/en/offices/osl/", "/en/offices/osl/guide/"):
        assert "no-store" in client.get(path)["Cache-Control"]


def test_a_staff_screen_asked_for_in_a_public_only_language_answers_in_a_staff_language(
    client: Client,
) -> None:
    response = client.get(
        "/ar/staff/account/login/", {"next": "/ar/staff/"}, HTTP_ACCEPT_LANGUAGE="ar,sv;q=0.8"
    )
    assert response.status_code == 302
    assert response["Location"] == "/sv/staff/account/login/?next=%2Far%2Fstaff%2F"
    fallback = client.get("/ti/staff/account/login/", HTTP_ACCEPT_LANGUAGE="ti")
    assert fallback["Location"] == "/nb/staff/account/login/"


def test_staff_screens_offer_only_the_staff_languages(client: Client) -> None:
    page = text_of(client.get("/en/staff/account/login/"))
    assert 'value="sv"' in page
    assert 'value="ar"' not in page


def test_a_public_address_that_leads_nowhere_answers_in_the_visitors_language(client: Client) -> None:
    response = client.get("/ar/offices/nowhere/")
    assert response.status_code == 404
    page = text_of(response)
    assert '<html lang="ar" dir="rtl">' in page
    assert "الصفحة غير موجودة" in page
    assert 'id="quick-exit"' in page
    staff = client.get("/en/staff/cases/00000000-0000-0000-0000-000000000000/")
    assert staff.status_code in {302, 404}


@pytest.mark.parametrize(
    "url",
    [
        "/ar/offices/osl/report/",
        "/ur/offices/osl/guide/?step=where&what=work#top",
        "/en/receipt/",
        "/nb/?municipality=Oslo",
        "/en/no/such/page/",
        "/en/offices/osl/book/?kind=callback&report=x%20y",
    ],
)
def test_the_picker_links_each_page_to_the_same_page_in_every_language_as_django_would(
    url: str, oslo: Office
) -> None:
    """The picker resolves the page once for all languages; each link is Django's translate_url."""
    from django.urls import translate_url
    from django.utils import translation

    from likeverd.intake.templatetags.intake_tags import _translated

    with translation.override(url.split("/")[1]):
        expected = {code: translate_url(url, code) for code in PUBLIC_LANGUAGES}
        assert _translated(url, PUBLIC_LANGUAGES) == expected
    if "no/such" not in url:
        assert expected["ar"].startswith("/ar/")
