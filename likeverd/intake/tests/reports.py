"""Reports as the public form leaves them (a web case with a receipt code), for the tests of the
reporter's pages and of the conversation."""

from dataclasses import dataclass

from django.test import Client
from django.urls import reverse
from django.utils import translation

from likeverd.accounts.actors import ReporterActor
from likeverd.accounts.models import Office
from likeverd.cases.models import Case, Channel
from likeverd.cases.services import CaseDetails, PersonDetails, open_case
from likeverd.intake.receipts import issue_receipt


@dataclass(frozen=True)
class Report:
    case: Case
    code: str


def public_report(
    office: Office, *, email: str = "", language: str = "ar", narrative: str = "Harassed on the tram"
) -> Report:
    """An anonymous web report with a receipt code, as the report form makes it."""
    case = open_case(
        actor=ReporterActor("the public form", office),
        office=office,
        details=CaseDetails(channel=Channel.WEB, narrative=narrative),
        person=PersonDetails(is_anonymous=True, email=email, safe_email=bool(email), language=language),
    )
    return Report(case=case, code=issue_receipt(case))


def open_with_code(client: Client, code: str, *, language: str = "en") -> None:
    """Enter the code on the code page, as the reporter does; fails unless it opened the report."""
    response = client.post(url_in("intake:return", language), {"code": code})
    assert response.status_code == 302, response.content.decode()[:2000]
    assert response["Location"].endswith("/receipt/report/")


def url_in(name: str, language: str) -> str:
    with translation.override(language):
        return reverse(name)
