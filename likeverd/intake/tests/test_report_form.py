"""The public report form: what a person sends becomes one case of the right office, and nothing
they typed is lost when something must be fixed first."""

import io
import re
from typing import Any

import pytest
from django.core import signing
from django.core.files.uploadedfile import SimpleUploadedFile
from django.http import Http404
from django.test import Client
from PIL import Image
from pytest_django.fixtures import Settings

from likeverd.accounts.models import Jurisdiction, Office
from likeverd.accounts.roles import Role
from likeverd.accounts.tests.factories import OfficeFactory, make_staff, viewer_of
from likeverd.audit.models import AuditEvent
from likeverd.cases import selectors as case_selectors
from likeverd.cases.models import Case, Channel, DatePrecision, Document, DocumentKind, Party, PartyRole
from likeverd.cases.services import document_purpose
from likeverd.core import files
from likeverd.core.models import FormSubmission
from likeverd.intake import receipts
from likeverd.intake.models import ReportConfirmation, SubmissionCount, WebReport
from likeverd.intake.tests.evidence_files import GPS_IFD, SECRET_WORDS, photo
from likeverd.privacy.exports import export_case_record

pytestmark = pytest.mark.django_db


@pytest.fixture
def oslo() -> Office:
    return OfficeFactory.create(
        name="DiMe Oslo", code="OSL", jurisdiction=Jurisdiction.NORWAY, municipalities=["Oslo", "Bærum"]
    )


@pytest.fixture
def malmo() -> Office:
    return OfficeFactory.create(
        name="Byrån Malmö", code="MLM", jurisdiction=Jurisdiction.SWEDEN, municipalities=["Malmö"]
    )


def form_url(office: Office, language: str = "en") -> str:
    return f"/{language}/offices/{office.code.lower()}/report/"


def text_of(response: Any) -> str:
    return re.sub(r"\s+", " ", response.content.decode())


def once_token(client: Client, office: Office, language: str = "en") -> str:
    page = client.get(form_url(office, language)).content.decode()
    found = re.search(r'name="once_token" value="([^"]+)"', page)
    assert found is not None
    return found.group(1)


def full_report(**changes: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "reporter_kind": "myself",
        "narrative": "A man on the tram shouted at me because of my hijab and pulled at it.",
        "incident_date": "last week",
        "incident_municipality": "Oslo",
        "residence_municipality": "Bærum",
        "grounds": ["ETHNICITY", "RELIGION", "SEX"],
        "counterpart_kind": "private_person",
        "wishes": ["advice", "complaint"],
        "contact": "reach_me",
        "name": "Amina",
        "phone": "+47 400 00 000",
        "safe_voicemail": "on",
        "email": "amina@example.org",
        "best_time": "After 16 on weekdays",
        "language": "ar",
        "needs_interpreter": "on",
        "consent": "on",
        "website": "",
    }
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


def test_the_form_asks_in_five_steps_what_happened_and_links_from_the_office_page(
    client: Client, oslo: Office
) -> None:
    office_page = text_of(client.get(f"/en/offices/{oslo.code.lower()}/"))
    assert f'href="{form_url(oslo)}"' in office_page
    page = text_of(client.get(form_url(oslo)))
    for step in ("1 of 5", "2 of 5", "3 of 5", "4 of 5", "5 of 5"):
        assert step in page
    assert "What happened?" in page
    assert 'enctype="multipart/form-data"' in page
    assert "report-steps.js" in page
    # Strict CSP: nothing inline.
    assert "<script>" not in page
    assert "style=" not in page
    # The grounds are the plain words of the office's jurisdiction, several allowed.
    assert 'type="checkbox" name="grounds" value="RELIGION"' in page


def test_a_full_report_becomes_one_case_of_the_office_with_everything_in_its_place(
    client: Client, oslo: Office
) -> None:
    response = client.post(form_url(oslo), full_report(once_token=once_token(client, oslo)))
    assert response.status_code == 302
    assert re.fullmatch(r"/en/offices/osl/report/sent/[\w-]+/(\?booking=[\w%.-]+)?", response["Location"])

    case = Case.objects.get()
    assert case.office == oslo
    assert case.channel == Channel.WEB
    assert case.narrative.startswith("A man on the tram")
    assert case.incident_date_precision == DatePrecision.WEEK
    assert case.incident_date_text == "last week"
    assert (case.incident_municipality, case.residence_municipality) == ("Oslo", "Bærum")
    assert sorted(t.code for t in case.grounds.all()) == ["ETHNICITY", "RELIGION", "SEX"]
    assert case.wishes == ["advice", "complaint"]
    assert not case.suspected_spam
    person = Party.objects.get(case=case, role=PartyRole.PERSON)
    assert (person.name, person.phone, person.email) == ("Amina", "+47 400 00 000", "amina@example.org")
    assert person.safe_voicemail
    assert person.needs_interpreter
    assert person.language == "ar"
    assert Party.objects.get(case=case, role=PartyRole.COUNTERPART).counterpart_kind == "private_person"
    report = WebReport.objects.get(case=case)
    assert report.reporter_kind == "myself"
    assert report.best_time == "After 16 on weekdays"
    assert report.form_language == "en"
    assert report.consent_given_at is not None
    # Written by "the public form", audited.
    assert AuditEvent.objects.filter(
        case_id=case.public_id, action="create", actor_label="the public form"
    ).exists()

    confirmation = client.get(response["Location"])
    assert confirmation.status_code == 200
    assert "Your report has arrived" in text_of(confirmation)


def test_only_what_happened_and_the_consent_are_needed_and_anonymous_keeps_no_contact(
    client: Client, oslo: Office
) -> None:
    response = client.post(
        form_url(oslo),
        {"narrative": "Refused at the door of a club.", "consent": "on", "contact": "",
         "name": "Typed before choosing", "phone": "+47 999 99 999"},
    )  # fmt: skip
    assert response.status_code == 302
    case = Case.objects.get()
    person = Party.objects.get(case=case)
    assert person.is_anonymous
    assert (person.name, person.phone, person.email) == ("", "", "")
    assert case.incident_date_precision == DatePrecision.UNKNOWN


def test_without_consent_nothing_is_stored_and_everything_typed_is_shown_again(
    client: Client, oslo: Office
) -> None:
    response = client.post(form_url(oslo), full_report(consent=None, incident_date="spring 2025"))
    assert response.status_code == 200
    page = text_of(response)
    assert "We can only take your report if you agree." in page
    assert "A man on the tram shouted at me" in page
    assert 'value="spring 2025"' in page
    assert 'value="RELIGION" id="id_grounds_2" checked' in page or re.search(
        r'value="RELIGION"[^>]*checked', page
    )
    assert 'value="+47 400 00 000"' in page
    assert Case.objects.count() == 0


def test_an_empty_narrative_and_an_unreadable_date_are_refused_with_the_rest_kept(
    client: Client, oslo: Office
) -> None:
    page = text_of(
        client.post(form_url(oslo), full_report(narrative="  ", incident_date="the day after never"))
    )
    assert "Tell us what happened, in a few words or many." in page
    assert "We could not read" in page
    assert 'value="amina@example.org"' in page
    assert Case.objects.count() == 0


def test_a_double_post_of_the_same_form_makes_one_case(client: Client, oslo: Office) -> None:
    data = full_report(once_token=once_token(client, oslo))
    first = client.post(form_url(oslo), data)
    second = client.post(form_url(oslo), data)
    assert first.status_code == second.status_code == 302
    assert first["Location"] == second["Location"]
    assert Case.objects.count() == 1
    assert FormSubmission.objects.count() == 1


def test_the_confirmation_page_is_only_for_a_stored_report_of_that_office(
    client: Client, oslo: Office, malmo: Office
) -> None:
    location = client.post(form_url(oslo), full_report())["Location"]
    key = location.rstrip("/").rsplit("/", 1)[1]
    assert client.get(f"/en/offices/mlm/report/sent/{key}/").status_code == 404
    assert client.get("/en/offices/osl/report/sent/not-a-key/").status_code == 404


def test_a_confirmation_shows_a_receipt_code_once(client: Client, oslo: Office) -> None:
    confirmation = ReportConfirmation(office=oslo, key="k" * 20, receipt_code="1234 5678 9012 3456")
    confirmation.expires_at = confirmation.created_at + __import__("datetime").timedelta(minutes=5)
    confirmation.save()
    url = "/en/offices/osl/report/sent/" + "k" * 20 + "/"
    assert "1234 5678 9012 3456" in text_of(client.get(url))
    again = text_of(client.get(url))
    assert "1234 5678 9012 3456" not in again
    assert "shown only once" in again


def test_the_honeypot_puts_the_report_in_the_spam_folder_which_staff_can_empty(
    client: Client, client_for: Any, oslo: Office
) -> None:
    response = client.post(form_url(oslo), full_report(website="http://cheap-pills.example"))
    assert response.status_code == 302  # a robot is not told
    case = Case.objects.get()
    assert case.suspected_spam

    adviser = make_staff(oslo, Role.ADVISER)
    viewer = viewer_of(adviser, oslo)
    assert list(case_selectors.list_cases(viewer=viewer)) == []
    assert list(case_selectors.list_cases(viewer=viewer, filters=case_selectors.CaseFilters(spam=True))) == [
        case
    ]

    staff = client_for(adviser)
    # The case list shows it only in the "Suspected spam" folder (a filter).
    assert case.number not in text_of(staff.get("/en/staff/cases/"))
    assert case.number in text_of(staff.post("/en/staff/cases/", {"spam": "on"}, follow=True))
    detail = text_of(staff.get(f"/en/staff/cases/{case.public_id}/"))
    assert "Suspected spam" in detail
    answer = staff.post(f"/en/staff/cases/{case.public_id}/not-spam/")
    assert answer.status_code == 302
    assert not Case.objects.get(pk=case.pk).suspected_spam
    assert list(case_selectors.list_cases(viewer=viewer)) == [case]
    assert AuditEvent.objects.filter(
        case_id=case.public_id, action="change", detail__fields=["suspected_spam"]
    ).exists()


def test_the_honeypot_field_is_hidden_without_inline_style(client: Client, oslo: Office) -> None:
    page = client.get(form_url(oslo)).content.decode()
    honeypot = page.split('<div class="hp-field" aria-hidden="true">')[1].split("</div>")[0]
    assert 'name="website"' in honeypot
    assert 'tabindex="-1"' in honeypot


def test_too_many_reports_from_one_address_get_a_clear_message_and_keep_the_text(
    client: Client, oslo: Office, settings: Settings
) -> None:
    settings.INTAKE_REPORTS_PER_HOUR = 2
    for _ in range(2):
        assert client.post(form_url(oslo), full_report()).status_code == 302
    refused = client.post(form_url(oslo), full_report(narrative="The third report today."))
    assert refused.status_code == 429
    page = text_of(refused)
    assert "Many reports have been sent from your internet connection" in page
    assert "The third report today." in page
    assert Case.objects.count() == 2
    # Only a keyed hash is kept, never the address.
    [row] = SubmissionCount.objects.all()
    assert "127.0.0.1" not in row.key
    assert re.fullmatch(r"[0-9a-f]{64}", row.key)
    # Another address may still report.
    other = Client(REMOTE_ADDR="192.0.2.7")
    assert other.post(form_url(oslo), full_report()).status_code == 302


def test_a_report_to_one_office_is_never_seen_by_another(client: Client, oslo: Office, malmo: Office) -> None:
    client.post(form_url(oslo), full_report())
    case = Case.objects.get()
    other = viewer_of(make_staff(malmo, Role.ADVISER), malmo)
    assert list(case_selectors.list_cases(viewer=other)) == []
    with pytest.raises(Http404):
        case_selectors.get_case(viewer=other, public_id=str(case.public_id))


def test_grounds_of_another_jurisdiction_are_not_offered_nor_taken(client: Client, malmo: Office) -> None:
    page = client.get(form_url(malmo)).content.decode()
    assert 'name="grounds"' in page
    client.post(form_url(malmo), full_report(grounds=["NOT_A_GROUND"]))
    assert Case.objects.count() == 0  # an unknown choice is a form error


def test_a_tampered_once_token_does_not_stop_the_report(client: Client, oslo: Office) -> None:
    token = signing.TimestampSigner(salt="elsewhere").sign_object({"t": "x", "o": ""})
    assert client.post(form_url(oslo), full_report(once_token=token)).status_code == 302
    assert Case.objects.count() == 1


def test_a_photo_is_stored_encrypted_as_evidence_without_its_gps_position(
    client: Client, oslo: Office
) -> None:
    image = photo()
    assert b"59.91" in image or b"Amina Hassan" in image  # the photo carries identifying metadata
    upload = SimpleUploadedFile("tram.jpg", image, content_type="image/jpeg")
    response = client.post(form_url(oslo), {**full_report(), "evidence": [upload]})
    assert response.status_code == 302
    case = Case.objects.get()
    [document] = Document.objects.filter(case=case)
    assert document.kind == DocumentKind.EVIDENCE
    assert document.filename == "tram.jpg"
    on_disk = files.path_of(document.storage_name).read_bytes()
    assert b"\xff\xd8" not in on_disk[:2]  # encrypted at rest
    stored = files.read(document.storage_name, purpose=document_purpose(document.public_id))
    assert stored.startswith(b"\xff\xd8")
    for secret in SECRET_WORDS:
        assert secret not in stored
    assert Image.open(io.BytesIO(stored)).getexif().get_ifd(GPS_IFD) == {}


def test_a_file_that_cannot_be_cleaned_is_refused_with_a_reason_and_the_rest_is_kept(
    client: Client, oslo: Office
) -> None:
    page_file = SimpleUploadedFile(
        "chat.html", b"<html><script>alert(1)</script></html>", content_type="text/html"
    )
    response = client.post(form_url(oslo), {**full_report(), "evidence": [page_file]})
    assert response.status_code == 200
    page = text_of(response)
    assert "chat.html:" in page
    assert "A man on the tram shouted at me" in page
    assert "choose your files again" in page
    assert Case.objects.count() == 0
    assert Document.objects.count() == 0


def test_more_files_than_allowed_are_refused(client: Client, oslo: Office, settings: Settings) -> None:
    settings.INTAKE_EVIDENCE_MAX_FILES = 1
    uploads = [SimpleUploadedFile(f"p{i}.jpg", photo(), content_type="image/jpeg") for i in range(2)]
    page = text_of(client.post(form_url(oslo), {**full_report(), "evidence": uploads}))
    assert "You can send at most 1 files with a report." in page
    assert Case.objects.count() == 0


def test_the_confirmation_shows_a_receipt_code_once_that_finds_the_report(
    client: Client, oslo: Office
) -> None:
    response = client.post(form_url(oslo), full_report(), follow=True)
    page = text_of(response)
    found = re.search(r'class="receipt-code" dir="ltr">(\d{4} \d{4} \d{4} \d{4})<', page)
    assert found is not None
    code = found.group(1)
    assert receipts.find_by_receipt(code, address="192.0.2.1") == Case.objects.get()
    # Reloading the page does not show the code again.
    assert code not in text_of(client.get(response.redirect_chain[-1][0]))


def test_staff_see_what_the_form_said_beyond_the_case_and_the_read_is_audited(
    client: Client, client_for: Any, oslo: Office
) -> None:
    client.post(form_url(oslo), full_report(reporter_kind="patrol"))
    case = Case.objects.get()
    reporter = Party.objects.exclude(role=PartyRole.COUNTERPART).get(case=case)
    assert reporter.role == PartyRole.REPORTER  # a patrol reports for someone else
    staff = client_for(make_staff(oslo, Role.ADVISER))
    page = text_of(staff.get(f"/en/staff/cases/{case.public_id}/"))
    assert "From the public form" in page
    assert "I am a volunteer on patrol" in page
    assert "After 16 on weekdays" in page
    report = WebReport.objects.get(case=case)
    assert AuditEvent.objects.filter(action="view", target_id=str(report.public_id)).exists()


def test_the_full_record_export_includes_what_the_form_said(client: Client, oslo: Office) -> None:
    client.post(form_url(oslo), full_report())
    case = Case.objects.get()
    dpo = viewer_of(make_staff(oslo, Role.DATA_PROTECTION_OFFICER), oslo)
    record = export_case_record(viewer=dpo, public_id=str(case.public_id))
    assert record["web_report"]["best_time"] == "After 16 on weekdays"
    assert record["web_report"]["reporter_kind"] == "myself"
