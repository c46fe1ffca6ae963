"""The office's advisers and coordinators hear of a new report by e-mail, through the real worker
and a real SMTP server, and the e-mail holds no word of the report."""

import subprocess
from collections.abc import Callable

import pytest
from django.test import Client

from conftest import SMTPServer
from likeverd.accounts.models import Jurisdiction
from likeverd.accounts.roles import Role
from likeverd.accounts.tests.factories import OfficeFactory, make_staff
from likeverd.cases.models import Case

RunWorker = Callable[..., subprocess.CompletedProcess[str]]

NARRATIVE = "Konduktøren kastet meg av trikken og kalte meg en stygg ting på grunn av hijaben min."
NAME = "Amina Hassan"
PHONE = "+47 400 12 345"


@pytest.mark.django_db(transaction=True)
def test_the_office_is_told_a_report_arrived_and_nothing_of_what_it_says(
    smtp_server: SMTPServer, run_task_worker: RunWorker
) -> None:
    oslo = OfficeFactory.create(name="DiMe Oslo", code="OSL", jurisdiction=Jurisdiction.NORWAY)
    bergen = OfficeFactory.create(name="DiMe Bergen", code="BGO", jurisdiction=Jurisdiction.NORWAY)
    adviser = make_staff(oslo, Role.ADVISER, email="adviser@oslo.example", preferred_language="nb")
    coordinator = make_staff(
        oslo, Role.COORDINATOR, email="coordinator@oslo.example", preferred_language="en"
    )
    make_staff(oslo, Role.MEDIATOR, email="mediator@oslo.example")
    make_staff(oslo, Role.ADVISER, email="gone@oslo.example", is_active=False)
    make_staff(bergen, Role.ADVISER, email="adviser@bergen.example")

    response = Client().post(
        "/nb/offices/osl/report/",
        {"narrative": NARRATIVE, "consent": "on", "contact": "reach_me", "name": NAME, "phone": PHONE},
    )
    assert response.status_code == 302
    case = Case.objects.get()
    assert smtp_server.received == []  # the request itself sends nothing

    worker = run_task_worker(env=smtp_server.env)

    by_recipient = {mail.rcpt_tos[0]: mail.message for mail in smtp_server.received}
    assert set(by_recipient) == {adviser.email, coordinator.email}
    norwegian, english = by_recipient[adviser.email], by_recipient[coordinator.email]
    assert norwegian["Subject"] == "Ny melding fra det offentlige skjemaet"
    assert english["Subject"] == "New report from the public form"
    assert "http://testserver/nb/staff/" in english.get_content()
    for message in (norwegian, english):
        body = message.get_content()
        assert "DiMe Oslo" in body
        for secret in (NARRATIVE, "trikken", "hijab", NAME, "Amina", PHONE, case.number):
            assert secret not in body
            assert secret not in str(message["Subject"])
    log = worker.stdout + worker.stderr
    assert "trikken" not in log
    assert adviser.email not in log


@pytest.mark.django_db(transaction=True)
def test_suspected_spam_waits_in_its_folder_without_an_e_mail(
    smtp_server: SMTPServer, run_task_worker: RunWorker
) -> None:
    oslo = OfficeFactory.create(code="OSL", jurisdiction=Jurisdiction.NORWAY)
    make_staff(oslo, Role.ADVISER, email="adviser@oslo.example")
    Client().post("/nb/offices/osl/report/", {"narrative": "Buy now", "consent": "on", "website": "x"})
    assert Case.objects.get().suspected_spam
    run_task_worker(env=smtp_server.env)
    assert smtp_server.received == []
