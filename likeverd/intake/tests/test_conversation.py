"""The conversation between the reporter (with their code alone) and the office: status in plain
words, replies, answers with files cleaned of their metadata, notices without content, a short
session bound to one report, and office isolation."""

import datetime as dt
import io
from collections.abc import Callable
from typing import Any

import pytest
import time_machine
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import Client
from django.utils import translation
from PIL import Image

from conftest import SMTPServer
from likeverd.accounts.models import Office, User
from likeverd.accounts.roles import Role
from likeverd.accounts.tests.factories import make_staff, viewer_of
from likeverd.audit.models import AuditAction, AuditEvent
from likeverd.cases.models import Case, CaseEvent, CaseStatus, Document
from likeverd.cases.services.documents import document_purpose
from likeverd.cases.tests.factories import register
from likeverd.core import clock, files
from likeverd.intake import conversation
from likeverd.intake.conversation.views.reporter import STATUS_IN_PLAIN_WORDS
from likeverd.intake.models import MessageDirection, ReporterMessage
from likeverd.intake.receipts import issue_receipt
from likeverd.intake.tests import evidence_files
from likeverd.intake.tests.reports import open_with_code, public_report, url_in

CaptureCallbacks = Callable[..., Any]


@pytest.mark.django_db
def test_the_reporter_reads_the_status_and_the_reply_and_answers_with_the_code_alone(
    client: Client, office: Office, adviser: User, client_for: Callable[[User], Client]
) -> None:
    report = public_report(office)
    conversation.reply_to_reporter(
        viewer=viewer_of(adviser),
        case=report.case,
        body="Thank you. Can you tell us the tram line?",
        site_url="http://testserver/",
    )

    open_with_code(client, report.code, language="ar")
    page = client.get(url_in("intake:reporter-case", "ar"))
    text = page.content.decode()
    assert page.status_code == 200
    assert 'dir="rtl"' in text
    assert "Can you tell us the tram line?" in text
    assert "لقد استلمنا بلاغك" in text  # the status in plain words, in Arabic
    assert report.case.number not in text  # the reporter is not shown the office's case number

    posted = client.post(url_in("intake:reporter-case", "ar"), {"body": "الخط 17، في الساعة الثامنة"})
    assert posted.status_code == 302
    [answer] = ReporterMessage.objects.filter(direction=MessageDirection.FROM_REPORTER)
    assert answer.body == "الخط 17، في الساعة الثامنة"

    staff_page = client_for(adviser).get(f"/en/staff/cases/{report.case.public_id}/")
    assert "الخط 17، في الساعة الثامنة" in staff_page.content.decode()
    kinds = list(CaseEvent.objects.filter(case=report.case).values_list("kind", flat=True))
    assert conversation.FROM_REPORTER_KIND in kinds
    assert conversation.TO_REPORTER_KIND in kinds


@pytest.mark.django_db
def test_a_photo_the_reporter_adds_is_stored_encrypted_without_exif_or_gps(
    client: Client, office: Office
) -> None:
    report = public_report(office)
    open_with_code(client, report.code)
    photo = evidence_files.photo(size=(80, 60))
    assert Image.open(io.BytesIO(photo)).getexif().get_ifd(evidence_files.GPS_IFD)

    response = client.post(
        url_in("intake:reporter-case", "en"),
        {"body": "The photo from the tram", "file": SimpleUploadedFile("IMG_0042.jpg", photo, "image/jpeg")},
    )

    assert response.status_code == 302
    document = Document.objects.get(case=report.case)
    assert document.kind == "evidence"
    assert document.filename == "IMG_0042.jpg"
    on_disk = files.path_of(document.storage_name).read_bytes()
    assert b"Amina Hassan" not in on_disk
    assert b"JFIF" not in on_disk  # encrypted, not a JPEG
    assert not on_disk.startswith(b"\xff\xd8")
    stored = files.read(document.storage_name, purpose=document_purpose(document.public_id))
    image = Image.open(io.BytesIO(stored))
    assert len(image.getexif()) == 0
    assert image.getexif().get_ifd(evidence_files.GPS_IFD) == {}
    for word in evidence_files.SECRET_WORDS:
        assert word not in stored
    assert ReporterMessage.objects.get(direction=MessageDirection.FROM_REPORTER).document == document


@pytest.mark.django_db
def test_a_file_that_cannot_be_cleaned_is_refused_and_the_text_is_kept(
    client: Client, office: Office
) -> None:
    report = public_report(office)
    open_with_code(client, report.code)
    response = client.post(
        url_in("intake:reporter-case", "en"),
        {
            "body": "Here is the letter",
            "file": SimpleUploadedFile("letter.pdf", evidence_files.pdf_with_javascript()),
        },
    )
    text = response.content.decode()
    assert response.status_code == 200
    assert "scripts or attached files" in text
    assert "Here is the letter" in text
    assert ReporterMessage.objects.count() == 0
    assert Document.objects.count() == 0


@pytest.mark.django_db
def test_a_double_post_of_the_same_form_sends_one_message(client: Client, office: Office) -> None:
    report = public_report(office)
    open_with_code(client, report.code)
    page = client.get(url_in("intake:reporter-case", "en")).content.decode()
    token = page.split('name="once_token" value="', 1)[1].split('"', 1)[0]
    for _ in range(2):
        assert (
            client.post(
                url_in("intake:reporter-case", "en"), {"body": "Once", "once_token": token}
            ).status_code
            == 302
        )
    assert ReporterMessage.objects.count() == 1


@pytest.mark.django_db
def test_messages_are_encrypted_at_rest(office: Office, adviser: User) -> None:
    report = public_report(office)
    conversation.reply_to_reporter(
        viewer=viewer_of(adviser), case=report.case, body="A secret reply", site_url="http://x/"
    )
    with connection.cursor() as cursor:
        cursor.execute("SELECT body FROM intake_reportermessage")
        [(stored,)] = cursor.fetchall()
    assert b"A secret reply" not in bytes(stored)


@pytest.mark.django_db
def test_the_session_key_changes_when_the_code_is_entered(client: Client, office: Office) -> None:
    report = public_report(office)
    client.get(url_in("intake:return", "en"))
    session = client.session
    session["planted"] = "by someone else"
    session.save()
    before = client.cookies["sessionid"].value
    open_with_code(client, report.code)
    assert client.cookies["sessionid"].value != before


@pytest.mark.django_db
def test_the_session_ends_after_a_few_idle_minutes(client: Client, office: Office) -> None:
    report = public_report(office)
    start = clock.now()
    with time_machine.travel(start, tick=False) as traveller:
        open_with_code(client, report.code)
        traveller.shift(dt.timedelta(minutes=9))
        assert client.get(url_in("intake:reporter-case", "en")).status_code == 200
        traveller.shift(dt.timedelta(minutes=10, seconds=30))
        response = client.get(url_in("intake:reporter-case", "en"))
    assert response.status_code == 302
    assert response["Location"] == url_in("intake:return", "en")


@pytest.mark.django_db
def test_the_session_ends_after_an_hour_even_when_used(client: Client, office: Office) -> None:
    report = public_report(office)
    start = clock.now()
    with time_machine.travel(start, tick=False) as traveller:
        open_with_code(client, report.code)
        for _ in range(6):  # 54 minutes, never idle for long
            traveller.shift(dt.timedelta(minutes=9))
            assert client.get(url_in("intake:reporter-case", "en")).status_code == 200
        traveller.shift(dt.timedelta(minutes=9))  # 63 minutes in all
        assert client.get(url_in("intake:reporter-case", "en")).status_code == 302


@pytest.mark.django_db
def test_leave_ends_the_session_at_once(client: Client, office: Office) -> None:
    report = public_report(office)
    open_with_code(client, report.code)
    assert client.post(url_in("intake:reporter-leave", "en")).status_code == 302
    assert client.get(url_in("intake:reporter-case", "en")).status_code == 302


@pytest.mark.django_db
def test_a_new_code_for_the_case_ends_the_old_session(client: Client, office: Office) -> None:
    report = public_report(office)
    open_with_code(client, report.code)
    issue_receipt(report.case)
    assert client.get(url_in("intake:reporter-case", "en")).status_code == 302


@pytest.mark.django_db
def test_without_a_code_the_report_page_sends_to_the_code_page(client: Client, office: Office) -> None:
    public_report(office)
    response = client.get(url_in("intake:reporter-case", "en"))
    assert response.status_code == 302
    assert ReporterMessage.objects.count() == 0
    assert client.post(url_in("intake:reporter-case", "en"), {"body": "sneaky"}).status_code == 302
    assert ReporterMessage.objects.count() == 0


@pytest.mark.django_db
def test_a_wrong_code_says_so_and_is_not_shown_back(client: Client, office: Office) -> None:
    report = public_report(office)
    wrong = report.code[:6] + ("0000000000" if report.code[6:] != "0000000000" else "1111111111")
    response = client.post(url_in("intake:return", "en"), {"code": wrong})
    text = response.content.decode()
    assert response.status_code == 200
    assert "does not match a report" in text
    assert wrong not in text


@pytest.mark.django_db
def test_brute_force_through_the_page_meets_the_wait(client: Client, office: Office) -> None:
    public_report(office)
    for guess in range(5):
        assert client.post(url_in("intake:return", "en"), {"code": f"{guess:016d}"}).status_code == 200
    response = client.post(url_in("intake:return", "en"), {"code": f"{9:016d}"})
    assert response.status_code == 429
    assert "Too many wrong codes" in response.content.decode()


@pytest.mark.django_db
def test_a_short_code_is_a_typing_mistake_not_a_guess(client: Client, office: Office) -> None:
    public_report(office)
    for _ in range(8):
        response = client.post(url_in("intake:return", "en"), {"code": "1234 5678 9012"})
        assert response.status_code == 200
        assert "16 digits" in response.content.decode()


@pytest.mark.django_db
def test_a_staff_reply_sends_the_reporter_a_notice_with_no_content(
    office: Office,
    adviser: User,
    client_for: Callable[[User], Client],
    smtp_server: SMTPServer,
    immediate_tasks: None,
    django_capture_on_commit_callbacks: CaptureCallbacks,
) -> None:
    report = public_report(office, email="amina@example.org", language="ar")
    staff = client_for(adviser)
    page = staff.get(f"/en/staff/cases/{report.case.public_id}/").content.decode()
    token = (
        page.split('action="/en/staff/reporter-messages/', 1)[1]
        .split('name="once_token" value="', 1)[1]
        .split('"', 1)[0]
    )

    with django_capture_on_commit_callbacks(execute=True):
        response = staff.post(
            f"/en/staff/reporter-messages/{report.case.public_id}/reply/",
            {"body": "We can meet on Tuesday about the tram", "once_token": token},
        )

    assert response.status_code == 302
    [mail] = smtp_server.received
    assert mail.rcpt_tos == ["amina@example.org"]
    body = mail.message.get_body(("plain",))
    assert body is not None
    content = body.get_content()
    assert "http://testserver/ar/receipt/" in content
    for secret in ("Tuesday", "tram", report.case.number, office.name, "discrimination"):
        assert secret not in content
        assert secret not in str(mail.message["Subject"])
    event = AuditEvent.objects.get(target_type="intake.ReporterMessage", action=AuditAction.CREATE)
    assert event.actor_id == adviser.pk


@pytest.mark.django_db
def test_a_reporter_without_an_e_mail_gets_no_notice(
    office: Office,
    adviser: User,
    smtp_server: SMTPServer,
    immediate_tasks: None,
    django_capture_on_commit_callbacks: CaptureCallbacks,
) -> None:
    report = public_report(office)
    with django_capture_on_commit_callbacks(execute=True):
        conversation.reply_to_reporter(
            viewer=viewer_of(adviser), case=report.case, body="Hello", site_url="http://x/"
        )
    assert smtp_server.received == []


@pytest.mark.django_db
def test_another_offices_staff_cannot_read_or_answer_the_messages(
    office: Office, other_adviser: User, client_for: Callable[[User], Client]
) -> None:
    report = public_report(office)
    other = client_for(other_adviser)

    assert other.get(f"/en/staff/cases/{report.case.public_id}/").status_code == 404
    reply = other.post(
        f"/en/staff/reporter-messages/{report.case.public_id}/reply/", {"body": "Hi from elsewhere"}
    )
    assert reply.status_code == 404
    assert ReporterMessage.objects.count() == 0
    denied = AuditEvent.objects.filter(action=AuditAction.DENIED, actor_id=other_adviser.pk)
    assert denied.count() == 2
    assert {row.detail["target_id"] for row in denied} == {str(report.case.public_id)}
    with pytest.raises(PermissionDenied):
        conversation.staff_conversation(viewer=viewer_of(other_adviser), case=report.case)


@pytest.mark.django_db
def test_every_read_of_the_messages_is_audited(
    office: Office, adviser: User, client: Client, client_for: Callable[[User], Client]
) -> None:
    report = public_report(office)
    conversation.reply_to_reporter(
        viewer=viewer_of(adviser), case=report.case, body="Hello", site_url="http://x/"
    )
    client_for(adviser).get(f"/en/staff/cases/{report.case.public_id}/")
    staff_reads = AuditEvent.objects.filter(
        action=AuditAction.VIEW, actor_id=adviser.pk, detail__screen="reporter_messages"
    )
    assert staff_reads.count() == 1
    open_with_code(client, report.code)
    client.get(url_in("intake:reporter-case", "en"))
    reporter_reads = AuditEvent.objects.filter(
        action=AuditAction.VIEW, actor_kind="reporter", case_id=str(report.case.public_id)
    )
    assert reporter_reads.count() == 1
    assert ReporterMessage.objects.get().read_at is not None


@pytest.mark.django_db
def test_a_case_registered_by_phone_has_no_conversation(
    office: Office, adviser: User, client_for: Callable[[User], Client]
) -> None:
    case = register(viewer_of(adviser))
    page = client_for(adviser).get(f"/en/staff/cases/{case.public_id}/").content.decode()
    assert "did not come with a receipt code" in page
    with pytest.raises(ValidationError, match="receipt code"):
        conversation.reply_to_reporter(
            viewer=viewer_of(adviser), case=case, body="Hello", site_url="http://x/"
        )


def test_every_status_has_plain_words_for_the_reporter() -> None:
    assert set(STATUS_IN_PLAIN_WORDS) == set(CaseStatus)
    with translation.override("ar"):
        assert all(
            str(text) != str(STATUS_IN_PLAIN_WORDS[CaseStatus.NEW])
            for s, text in STATUS_IN_PLAIN_WORDS.items()
            if s != CaseStatus.NEW
        )
        assert "بلاغك" in str(STATUS_IN_PLAIN_WORDS[CaseStatus.NEW])


@pytest.mark.django_db
def test_markup_in_a_message_is_shown_as_text_on_both_sides(
    client: Client, office: Office, adviser: User, client_for: Callable[[User], Client]
) -> None:
    report = public_report(office)
    open_with_code(client, report.code)
    client.post(url_in("intake:reporter-case", "en"), {"body": "<script>alert('x')</script>"})
    conversation.reply_to_reporter(
        viewer=viewer_of(adviser), case=report.case, body="<img src=x onerror=alert(1)>", site_url="http://x/"
    )
    reporter_page = client.get(url_in("intake:reporter-case", "en")).content.decode()
    staff_page = client_for(adviser).get(f"/en/staff/cases/{report.case.public_id}/").content.decode()
    for page in (reporter_page, staff_page):
        assert "<script>alert('x')</script>" not in page
        assert "<img src=x onerror" not in page
    assert "&lt;img src=x onerror=alert(1)&gt;" in reporter_page


@pytest.mark.django_db
def test_a_message_too_long_is_refused_and_kept(client: Client, office: Office) -> None:
    report = public_report(office)
    open_with_code(client, report.code)
    long_text = "Det skjedde igjen. " * 600
    response = client.post(url_in("intake:reporter-case", "en"), {"body": long_text})
    assert response.status_code == 200
    assert "at most" in response.content.decode()
    assert long_text.strip() in response.content.decode()
    assert ReporterMessage.objects.count() == 0


@pytest.mark.django_db
def test_staff_who_may_not_answer_cannot_reply(office: Office, client_for: Callable[[User], Client]) -> None:
    report = public_report(office)
    url = f"/en/staff/reporter-messages/{report.case.public_id}/reply/"
    coordinator = make_staff(office, Role.COORDINATOR)  # registers cases, reads none
    assert client_for(coordinator).post(url, {"body": "Hello"}).status_code == 403
    mediator = make_staff(office, Role.MEDIATOR)  # only cases at the mediation bench
    assert client_for(mediator).post(url, {"body": "Hello"}).status_code == 404
    assert AuditEvent.objects.filter(action=AuditAction.DENIED, actor_id=mediator.pk).count() == 1
    with pytest.raises(PermissionDenied):
        conversation.reply_to_reporter(
            viewer=viewer_of(mediator), case=report.case, body="Hello", site_url="http://x/"
        )
    assert ReporterMessage.objects.count() == 0


@pytest.mark.django_db
def test_the_data_protection_officer_reads_the_messages_but_has_no_reply_box(
    office: Office, adviser: User, client_for: Callable[[User], Client]
) -> None:
    report = public_report(office)
    conversation.reply_to_reporter(
        viewer=viewer_of(adviser), case=report.case, body="Visible to the DPO", site_url="http://x/"
    )
    dpo = make_staff(office, Role.DATA_PROTECTION_OFFICER)
    page = client_for(dpo).get(f"/en/staff/cases/{report.case.public_id}/").content.decode()
    assert "Visible to the DPO" in page
    assert "/en/staff/reporter-messages/" not in page


@pytest.mark.django_db
def test_a_staff_reply_clicked_twice_is_sent_once(
    office: Office, adviser: User, client_for: Callable[[User], Client]
) -> None:
    report = public_report(office)
    staff = client_for(adviser)
    page = staff.get(f"/en/staff/cases/{report.case.public_id}/").content.decode()
    form = page.split('action="/en/staff/reporter-messages/', 1)[1]
    token = form.split('name="once_token" value="', 1)[1].split('"', 1)[0]
    url = f"/en/staff/reporter-messages/{report.case.public_id}/reply/"
    first = staff.post(url, {"body": "Once only", "once_token": token})
    second = staff.post(url, {"body": "Once only", "once_token": token})
    assert first.status_code == second.status_code == 302
    assert ReporterMessage.objects.filter(direction=MessageDirection.TO_REPORTER).count() == 1


@pytest.mark.django_db
def test_a_new_reporter_message_tells_the_assigned_adviser_without_content(
    client: Client,
    office: Office,
    adviser: User,
    smtp_server: SMTPServer,
    immediate_tasks: None,
    django_capture_on_commit_callbacks: CaptureCallbacks,
) -> None:
    report = public_report(office)
    User.objects.filter(pk=adviser.pk).update(email="aisha.adviser@dime.example.org")
    adviser.refresh_from_db()
    Case.objects.filter(pk=report.case.pk).update(assigned_to=adviser)
    open_with_code(client, report.code)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url_in("intake:reporter-case", "en"), {"body": "The driver laughed"})
    [mail] = smtp_server.received
    assert mail.rcpt_tos == [adviser.email]
    body = mail.message.get_body(("plain",))
    assert body is not None
    assert report.case.number in body.get_content()
    assert "laughed" not in body.get_content()


@pytest.mark.django_db
def test_too_many_messages_from_one_address_get_a_clear_message_and_keep_the_text(
    client: Client, office: Office, settings: Any
) -> None:
    from likeverd.intake.models import SubmissionCount

    settings.INTAKE_MESSAGES_PER_HOUR = 2
    report = public_report(office)
    open_with_code(client, report.code)
    for number in range(2):
        sent = client.post(url_in("intake:reporter-case", "en"), {"body": f"Message {number}"})
        assert sent.status_code == 302
    refused = client.post(url_in("intake:reporter-case", "en"), {"body": "A third <b>message</b> today."})
    assert refused.status_code == 429
    page = refused.content.decode()
    assert "Many messages have been sent from your internet connection" in page
    assert "A third &lt;b&gt;message&lt;/b&gt; today." in page
    assert ReporterMessage.objects.count() == 2
    # Only keyed hashes are kept, never the address; reports are counted apart from messages.
    assert all("127.0.0.1" not in row.key for row in SubmissionCount.objects.all())
    # The limit is per address: someone else (another reporter's connection) may still write.
    other = Client(REMOTE_ADDR="192.0.2.7")
    open_with_code(other, report.code)
    assert other.post(url_in("intake:reporter-case", "en"), {"body": "From elsewhere"}).status_code == 302
    assert ReporterMessage.objects.count() == 3


@pytest.mark.django_db
def test_the_message_limit_message_is_in_the_reporters_language(
    client: Client, office: Office, settings: Any
) -> None:
    settings.INTAKE_MESSAGES_PER_HOUR = 1
    report = public_report(office)
    open_with_code(client, report.code)
    client.post(url_in("intake:reporter-case", "ar"), {"body": "أولى"})
    refused = client.post(url_in("intake:reporter-case", "ar"), {"body": "الرسالة الثانية"})
    assert refused.status_code == 429
    page = refused.content.decode()
    assert "Many messages have been sent" not in page
    assert "الرسالة الثانية" in page
