"""The bench's screens: the referral page lists what is missing, the case page's section, the
bench page and its forms, the agreement PDF and its signed copy, the mediator's view with its
week calendar; every page probed across offices, and forms posted twice."""

import datetime as dt
import re
from collections.abc import Callable

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from likeverd.accounts.models import Office, User
from likeverd.accounts.tests.factories import viewer_of
from likeverd.audit.models import AuditAction, AuditEvent
from likeverd.core import clock
from likeverd.core.once import issue_token
from likeverd.mediation import services
from likeverd.mediation.models import Agreement, BenchOutcome, BenchReferral, Consent, Meeting, Side, Stage
from likeverd.mediation.tests.helpers import (
    case_in_sorting,
    consented,
    mediator_in,
    meeting_plan,
    ready_case,
    referred,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("immediate_tasks")]
ClientFor = Callable[[User], Client]


def _day(day: dt.date) -> str:
    return day.strftime("%d.%m.%Y")


def test_the_case_page_shows_what_keeps_the_case_from_the_bench(
    office: Office, adviser: User, client_for: ClientFor
) -> None:
    case = case_in_sorting(viewer_of(adviser))
    client = client_for(adviser)
    page = client.get(reverse("cases:case_detail", args=[case.public_id])).content.decode()
    assert "Mediation bench" in page
    refer = reverse("mediation:refer", args=[case.public_id])
    assert refer in page
    page = client.get(refer).content.decode()
    assert "Not yet established:" in page
    assert "The sorting conversation is not complete." in page


def test_sending_too_early_is_refused_with_the_missing_facts_listed(
    office: Office, adviser: User, client_for: ClientFor
) -> None:
    case = case_in_sorting(viewer_of(adviser))
    response = client_for(adviser).post(
        reverse("mediation:refer", args=[case.public_id]),
        {"refer-kind": "discrimination", "refer-reasons": "They want to meet."},
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "The case cannot go to the bench yet. Missing:" in page
    missing = re.findall(r'data-missing="([^"]+)"', page)
    assert missing[0] == "sorting"
    assert missing[-1] == "routes"
    assert not BenchReferral.objects.exists()


def test_sending_a_ready_case_once_even_when_posted_twice(
    office: Office, adviser: User, client_for: ClientFor
) -> None:
    case = ready_case(viewer_of(adviser))
    client = client_for(adviser)
    url = reverse("mediation:refer", args=[case.public_id])
    token = issue_token(client.get(url).wsgi_request)
    data = {
        "refer-kind": "discrimination",
        "refer-reasons": "They want to meet.",
        "refer-routes_told_on": _day(clock.today()),
        "once_token": token,
    }
    first = client.post(url, data)
    second = client.post(url, data)
    assert first.status_code == second.status_code == 302
    assert BenchReferral.objects.count() == 1
    page = client.get(reverse("cases:case_detail", args=[case.public_id])).content.decode()
    assert 'data-bench-stage="referred"' in page


def test_the_mediator_runs_the_bench_page(office: Office, adviser: User, client_for: ClientFor) -> None:
    mediator = mediator_in(office)
    referral = referred(viewer_of(adviser), mediator=mediator)
    client = client_for(mediator)
    page_url = reverse("mediation:referral", args=[referral.public_id])
    assert client.get(page_url).status_code == 200
    for side in Side.values:
        response = client.post(
            reverse("mediation:consent", args=[referral.public_id]),
            {"consent-side": side, "consent-given_on": _day(clock.today()), "consent-manner": "phone"},
        )
        assert response.status_code == 302
    assert Consent.objects.filter(referral=referral).count() == 2
    start = (clock.now() + dt.timedelta(days=2)).replace(hour=10, minute=0)
    response = client.post(
        reverse("mediation:meeting", args=[referral.public_id]),
        {
            "meeting-starts_at": start.strftime("%d.%m.%Y 10:00"),
            "meeting-ends_at": start.strftime("%d.%m.%Y 12:00"),
            "meeting-place_kind": "party_premises",
            "meeting-invitees": "amina@example.org",
        },
    )
    assert response.status_code == 400  # at a party's premises: needs the other's agreement and a note
    assert "needs the other party&#x27;s agreement" in response.content.decode()
    response = client.post(
        reverse("mediation:meeting", args=[referral.public_id]),
        {
            "meeting-starts_at": start.strftime("%d.%m.%Y 10:00"),
            "meeting-ends_at": start.strftime("%d.%m.%Y 12:00"),
            "meeting-place_kind": "neutral",
            "meeting-place": "The library, group room",
            "meeting-invitees": "amina@example.org",
        },
    )
    assert response.status_code == 302
    assert Meeting.objects.get().place == "The library, group room"
    page = client.get(page_url).content.decode()
    assert "The library, group room" in page


def test_agreement_printed_as_pdf_and_the_signed_copy_kept_encrypted(
    office: Office, adviser: User, client_for: ClientFor
) -> None:
    mediator = mediator_in(office)
    referral = consented(viewer_of(adviser), mediator)
    meeting = services.schedule_meeting(
        viewer=viewer_of(mediator), referral=referral, plan=meeting_plan(days=1)
    )
    client = client_for(mediator)
    with time_machine.travel(meeting.ends_at, tick=False):
        services.mark_meeting_held(viewer=viewer_of(mediator), meeting=meeting)
    page = client.get(reverse("mediation:referral", args=[referral.public_id])).content.decode()
    assert "Agreement reached at the mediation bench" in page  # the template's starting text
    response = client.post(
        reverse("mediation:agreement", args=[referral.public_id]),
        {"agreement-text": "1. Kari apologises.\n2. Both greet each other in the stairwell."},
    )
    assert response.status_code == 302
    pdf = client.get(reverse("mediation:agreement_pdf", args=[referral.public_id]))
    assert pdf["Content-Type"] == "application/pdf"
    assert pdf.content.startswith(b"%PDF")
    signed = SimpleUploadedFile("signed.pdf", pdf.content, "application/pdf")
    response = client.post(reverse("mediation:signed", args=[referral.public_id]), {"signed-file": signed})
    assert response.status_code == 302
    agreement = Agreement.objects.get()
    assert agreement.signed_content_type == "application/pdf"
    download = client.get(reverse("mediation:signed_download", args=[referral.public_id]))
    assert download.content == pdf.content
    downloads = AuditEvent.objects.filter(action=AuditAction.DOWNLOAD, target_id=str(agreement.public_id))
    assert downloads.count() == 2  # the print and the download of the signed copy


def test_the_mediators_view_shows_stages_meetings_and_the_week(
    office: Office, adviser: User, client_for: ClientFor
) -> None:
    mediator = mediator_in(office)
    referral = consented(viewer_of(adviser), mediator)
    referred(viewer_of(adviser))  # waits for a mediator
    meeting = services.schedule_meeting(
        viewer=viewer_of(mediator), referral=referral, plan=meeting_plan(days=1)
    )
    client = client_for(mediator)
    page = client.get(
        reverse("mediation:workbench"), {"week": meeting.starts_at.date().isoformat()}
    ).content.decode()
    assert "<h1>Mediator" in page
    assert referral.case.number in page
    assert 'data-stage="preparing"' in page or 'data-stage="meeting"' in page
    assert "Waiting for a mediator" in page
    assert page.count(referral.case.number) >= 2  # in the week and among the stages
    assert (
        client.get(reverse("mediation:workbench"), {"week": "31.02.2026"}).status_code == 200
    )  # odd week: this week
    assert AuditEvent.objects.filter(action=AuditAction.LIST, detail__list="mediation_workbench").exists()


def test_adviser_may_not_open_the_bench_page_nor_the_mediators_view(
    office: Office, adviser: User, client_for: ClientFor
) -> None:
    referral = referred(viewer_of(adviser))
    client = client_for(adviser)
    assert client.get(reverse("mediation:referral", args=[referral.public_id])).status_code == 403
    assert client.get(reverse("mediation:workbench")).status_code == 403


def test_another_offices_ids_are_404_with_a_denied_row(
    office: Office, other_office: Office, adviser: User, other_adviser: User, client_for: ClientFor
) -> None:
    mediator = mediator_in(office)
    referral = consented(viewer_of(adviser), mediator)
    meeting = services.schedule_meeting(viewer=viewer_of(mediator), referral=referral, plan=meeting_plan())
    stranger = mediator_in(other_office)
    client = client_for(stranger)
    for url in (
        reverse("mediation:referral", args=[referral.public_id]),
        reverse("mediation:agreement_pdf", args=[referral.public_id]),
        reverse("mediation:meeting_change", args=[meeting.public_id]),
    ):
        assert client.get(url).status_code == 404
    assert client.post(reverse("mediation:meeting_cancel", args=[meeting.public_id])).status_code == 404
    assert (
        client.post(reverse("mediation:note", args=[referral.public_id]), {"note-body": "x"}).status_code
        == 404
    )
    assert (
        client_for(other_adviser).get(reverse("mediation:refer", args=[referral.case.public_id])).status_code
        == 404
    )
    denied = AuditEvent.objects.filter(action=AuditAction.DENIED, office=other_office)
    assert denied.count() == 6
    meeting.refresh_from_db()
    assert meeting.cancelled_at is None


def test_the_adviser_closes_the_case_after_the_bench(
    office: Office, adviser: User, client_for: ClientFor
) -> None:
    mediator = mediator_in(office)
    referral = consented(viewer_of(adviser), mediator)
    services.record_outcome(viewer=viewer_of(mediator), referral=referral, outcome=BenchOutcome.NO_AGREEMENT)
    services.return_to_adviser(viewer=viewer_of(mediator), referral=referral)
    assert client_for(mediator).get(reverse("mediation:close", args=[referral.public_id])).status_code == 403
    client = client_for(adviser)
    case_page = client.get(reverse("cases:case_detail", args=[referral.case.public_id])).content.decode()
    assert 'data-bench-outcome="no_agreement"' in case_page
    assert reverse("mediation:close", args=[referral.public_id]) in case_page
    response = client.post(reverse("mediation:close", args=[referral.public_id]), {"close-outcome": "other"})
    assert response.status_code == 302
    referral.refresh_from_db()
    assert referral.stage == Stage.CLOSED


def test_the_mediators_overview_has_the_bench_box(
    office: Office, adviser: User, client_for: ClientFor
) -> None:
    mediator = mediator_in(office)
    referred(viewer_of(adviser), mediator=mediator)
    referred(viewer_of(adviser))
    page = client_for(mediator).get(reverse("cases:dashboard")).content.decode()
    assert "1 bench case is yours." in page
    assert "1 waits for a mediator." in page
    assert reverse("mediation:workbench") in page
    adviser_page = client_for(adviser).get(reverse("cases:dashboard")).content.decode()
    assert "bench case is yours" not in adviser_page


def test_a_refused_print_or_held_mark_says_why_on_the_bench_page(
    office: Office, adviser: User, client_for: ClientFor
) -> None:
    mediator = mediator_in(office)
    referral = consented(viewer_of(adviser), mediator)
    meeting = services.schedule_meeting(viewer=viewer_of(mediator), referral=referral, plan=meeting_plan())
    client = client_for(mediator)
    printed = client.get(reverse("mediation:agreement_pdf", args=[referral.public_id]), follow=True)
    assert printed.redirect_chain[-1][0] == reverse("mediation:referral", args=[referral.public_id])
    assert "Write the agreement first." in printed.content.decode()
    held = client.post(reverse("mediation:meeting_held", args=[meeting.public_id]), follow=True)
    assert "The meeting has not started yet." in held.content.decode()
    meeting.refresh_from_db()
    assert meeting.held_at is None
