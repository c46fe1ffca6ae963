"""The adviser's changes to an open referral from the case page: choosing another mediator and
recording a party's withdrawal. Probed across offices, posted twice, and posted from a form
opened before someone else changed the referral."""

import datetime as dt
from collections.abc import Callable

import pytest
from django.test import Client
from django.urls import reverse

from likeverd.accounts.models import Office, User
from likeverd.accounts.tests.factories import viewer_of
from likeverd.audit.models import AuditAction, AuditEvent
from likeverd.core import clock
from likeverd.core.once import issue_token
from likeverd.mediation import services
from likeverd.mediation.models import BenchOutcome, BenchReferral, Meeting, Side, Stage
from likeverd.mediation.tests.helpers import consented, mediator_in, meeting_plan, referred

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("immediate_tasks")]
ClientFor = Callable[[User], Client]


def _form(client: Client, url: str) -> dict[str, str]:
    """The hidden fields of the form as the page rendered them (the version seen, the once token)."""
    page = client.get(url)
    assert page.status_code == 200
    seen = page.context["form"]["seen"].value()
    return {"once_token": issue_token(page.wsgi_request), f"{page.context['form'].prefix}-seen": seen}


def test_the_adviser_changes_the_mediator_from_the_case_page(
    office: Office, adviser: User, client_for: ClientFor
) -> None:
    first, second = mediator_in(office, "first.mediator"), mediator_in(office, "second.mediator")
    referral = referred(viewer_of(adviser), mediator=first)
    client = client_for(adviser)
    case_page = client.get(reverse("cases:case_detail", args=[referral.case.public_id])).content.decode()
    url = reverse("mediation:change_mediator", args=[referral.public_id])
    assert url in case_page
    response = client.post(url, {**_form(client, url), "mediator-mediator": second.pk})
    assert response.status_code == 302
    referral.refresh_from_db()
    assert referral.mediator == second
    change = AuditEvent.objects.filter(action=AuditAction.CHANGE, target_id=str(referral.public_id)).last()
    assert change is not None
    assert change.detail["fields"] == ["mediator"]


def test_a_double_click_on_change_mediator_changes_it_once(
    office: Office, adviser: User, client_for: ClientFor
) -> None:
    first, second = mediator_in(office, "first.mediator"), mediator_in(office, "second.mediator")
    referral = referred(viewer_of(adviser), mediator=first)
    client = client_for(adviser)
    url = reverse("mediation:change_mediator", args=[referral.public_id])
    data = {**_form(client, url), "mediator-mediator": second.pk}
    assert client.post(url, data).status_code == client.post(url, data).status_code == 302
    changes = AuditEvent.objects.filter(action=AuditAction.CHANGE, target_id=str(referral.public_id))
    assert changes.count() == 1


def test_a_stale_mediator_form_is_refused_and_can_be_sent_again_after_checking(
    office: Office, adviser: User, client_for: ClientFor
) -> None:
    first, second = mediator_in(office, "first.mediator"), mediator_in(office, "second.mediator")
    referral = referred(viewer_of(adviser))
    client = client_for(adviser)
    url = reverse("mediation:change_mediator", args=[referral.public_id])
    opened = _form(client, url)
    services.assign_mediator(viewer=viewer_of(first), referral=referral, mediator=first)  # took it meanwhile
    refused = client.post(url, {**opened, "mediator-mediator": second.pk})
    assert refused.status_code == 400
    assert "Someone changed this referral since you opened the form." in refused.content.decode()
    referral.refresh_from_db()
    assert referral.mediator == first
    again = {
        "once_token": issue_token(refused.wsgi_request),
        "mediator-seen": refused.context["form"]["seen"].value(),
        "mediator-mediator": second.pk,
    }
    assert client.post(url, again).status_code == 302
    referral.refresh_from_db()
    assert referral.mediator == second


def test_a_mediator_of_another_office_cannot_be_chosen(
    office: Office, other_office: Office, adviser: User, client_for: ClientFor
) -> None:
    referral = referred(viewer_of(adviser))
    theirs = mediator_in(other_office, "their.mediator")
    client = client_for(adviser)
    url = reverse("mediation:change_mediator", args=[referral.public_id])
    response = client.post(url, {**_form(client, url), "mediator-mediator": theirs.pk})
    assert response.status_code == 400
    referral.refresh_from_db()
    assert referral.mediator is None


def test_the_adviser_records_a_withdrawal_after_a_confirmation_page(
    office: Office, adviser: User, client_for: ClientFor
) -> None:
    mediator = mediator_in(office)
    referral = consented(viewer_of(adviser), mediator)
    meeting = services.schedule_meeting(viewer=viewer_of(mediator), referral=referral, plan=meeting_plan())
    client = client_for(adviser)
    url = reverse("mediation:withdraw_referral", args=[referral.public_id])
    case_page = client.get(reverse("cases:case_detail", args=[referral.case.public_id])).content.decode()
    assert url in case_page
    confirmation = client.get(url).content.decode()
    assert "This cannot be undone" in confirmation
    assert BenchReferral.objects.get(pk=referral.pk).is_open  # opening the page changes nothing
    response = client.post(
        url,
        {
            **_form(client, url),
            "withdraw-side": Side.COUNTERPART,
            "withdraw-withdrawn_on": clock.today().strftime("%d.%m.%Y"),
        },
    )
    assert response.status_code == 302
    referral.refresh_from_db()
    assert (referral.stage, referral.outcome) == (Stage.RETURNED, BenchOutcome.WITHDRAWN)
    assert Meeting.objects.get(pk=meeting.pk).cancelled_at is not None
    case_page = client.get(reverse("cases:case_detail", args=[referral.case.public_id])).content.decode()
    assert url not in case_page  # nothing more to withdraw


def test_a_double_click_on_withdraw_records_it_once_and_a_future_day_is_refused(
    office: Office, adviser: User, client_for: ClientFor
) -> None:
    referral = consented(viewer_of(adviser), mediator_in(office))
    client = client_for(adviser)
    url = reverse("mediation:withdraw_referral", args=[referral.public_id])
    tomorrow = (clock.today() + dt.timedelta(days=1)).strftime("%d.%m.%Y")
    future = client.post(
        url, {**_form(client, url), "withdraw-side": Side.PERSON, "withdraw-withdrawn_on": tomorrow}
    )
    assert future.status_code == 400
    assert BenchReferral.objects.get(pk=referral.pk).is_open
    data = {**_form(client, url), "withdraw-side": Side.PERSON}
    assert client.post(url, data).status_code == client.post(url, data).status_code == 302
    withdrawn = AuditEvent.objects.filter(
        action=AuditAction.CHANGE, target_id=str(referral.public_id), detail__fields=["outcome", "stage"]
    )
    assert withdrawn.count() == 1


def test_a_stale_withdrawal_form_is_refused(office: Office, adviser: User, client_for: ClientFor) -> None:
    mediator = mediator_in(office)
    referral = referred(viewer_of(adviser))
    client = client_for(adviser)
    url = reverse("mediation:withdraw_referral", args=[referral.public_id])
    opened = _form(client, url)
    services.assign_mediator(viewer=viewer_of(mediator), referral=referral, mediator=mediator)
    refused = client.post(url, {**opened, "withdraw-side": Side.PERSON})
    assert refused.status_code == 400
    assert "Someone changed this referral since you opened the form." in refused.content.decode()
    assert BenchReferral.objects.get(pk=referral.pk).is_open


def test_another_offices_referral_is_404_with_a_denied_row_and_mediators_may_not(
    office: Office, other_office: Office, adviser: User, other_adviser: User, client_for: ClientFor
) -> None:
    mediator = mediator_in(office)
    referral = referred(viewer_of(adviser), mediator=mediator)
    stranger = client_for(other_adviser)
    for name in ("mediation:change_mediator", "mediation:withdraw_referral"):
        url = reverse(name, args=[referral.public_id])
        assert stranger.get(url).status_code == 404
        assert stranger.post(url, {"withdraw-side": Side.PERSON, "mediator-mediator": ""}).status_code == 404
        assert client_for(mediator).get(url).status_code == 403
    denied = AuditEvent.objects.filter(action=AuditAction.DENIED, office=other_office)
    assert denied.count() == 4
    referral.refresh_from_db()
    assert referral.is_open
    assert referral.mediator == mediator
