"""Referrals: suggested from the conversation's other problems (urgent help first), made only
with the person's recorded consent, showing exactly what was shared; every status change on
the timeline with who and when; audited; office-bound; forms post once."""

import datetime as dt
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, connection, transaction
from django.urls import reverse
from django.utils import timezone

from likeverd.accounts.models import Office, User
from likeverd.accounts.tests.factories import viewer_of
from likeverd.audit.models import AuditAction, AuditEvent
from likeverd.cases.models import Case, CaseEvent
from likeverd.core import clock
from likeverd.directory.models import Service
from likeverd.triage.referrals import selectors, services
from likeverd.triage.referrals.models import ConsentMethod, Referral, ReferralStatus, SharedField
from likeverd.triage.tests.drafting import case_with_facts, token_on

pytestmark = pytest.mark.django_db


def a_service(need: str = "housing") -> Service:
    return Service.objects.filter(office__isnull=True, needs__code=need).order_by("name").first()  # type: ignore[return-value]


def consent(**changes: Any) -> services.Consent:
    values: dict[str, Any] = {
        "given_by": "Amir Haddad",
        "given_at": clock.now(),
        "method": ConsentMethod.PHONE,
    }
    values.update(changes)
    return services.Consent(**values)


def suggested(user: User, case: Case) -> Referral:
    return services.suggest_referral(viewer=viewer_of(user), case=case, service=a_service(), need="housing")


def test_suggestions_come_from_the_persons_other_problems_urgent_help_first(
    office: Office, adviser: User
) -> None:
    case = case_with_facts(adviser, problems=("housing", "violence_at_home"))
    suggestions = selectors.list_suggestions(viewer=viewer_of(adviser), case=case)
    assert [s.need for s in suggestions] == ["housing", "violence_at_home"]
    violence = suggestions[1].services
    assert violence, "the network directory has help for violence at home"
    urgent = [service.is_urgent for service in violence]
    assert urgent == sorted(urgent, reverse=True)
    assert all(service.office_id in (None, office.pk) for s in suggestions for service in s.services)


def test_a_suggested_referral_shares_nothing_and_is_on_the_timeline(office: Office, adviser: User) -> None:
    case = case_with_facts(adviser)
    referral = suggested(adviser, case)
    assert referral.status == ReferralStatus.SUGGESTED
    assert not referral.has_consent
    assert referral.shared == []
    entry = CaseEvent.objects.get(case=case, kind="referral")
    assert entry.data == {"referral": str(referral.public_id), "from": "", "to": "suggested"}
    assert entry.author == adviser
    assert referral.service is not None
    assert referral.service.name in entry.body
    assert AuditEvent.objects.filter(action=AuditAction.CREATE, target_type="triage.Referral").count() == 1


def test_without_consent_a_referral_can_only_be_suggested_advised_or_withdrawn(
    office: Office, adviser: User
) -> None:
    case = case_with_facts(adviser)
    referral = suggested(adviser, case)
    viewer = viewer_of(adviser)
    for status in (ReferralStatus.MADE, ReferralStatus.ACCEPTED, ReferralStatus.COMPLETED):
        with pytest.raises(ValidationError):
            services.change_referral_status(viewer=viewer, referral=referral, to_status=status)
    advised = services.change_referral_status(
        viewer=viewer, referral=referral, to_status=ReferralStatus.ADVISED
    )
    assert advised.status == ReferralStatus.ADVISED
    assert not advised.has_consent


@pytest.mark.parametrize(
    ("change", "code"),
    [
        ({"given_by": " "}, "consent_given_by"),
        ({"method": "telepathy"}, "consent_method"),
        ({"given_at": timezone.now() + dt.timedelta(days=2)}, "consent_given_at"),
    ],
)
def test_making_a_referral_needs_who_when_and_how_consent_was_given(
    office: Office, adviser: User, change: dict[str, Any], code: str
) -> None:
    referral = suggested(adviser, case_with_facts(adviser))
    with pytest.raises(ValidationError) as refused:
        services.make_referral(
            viewer=viewer_of(adviser),
            referral=referral,
            consent=consent(**change),
            shared_fields=[SharedField.NAME],
            shared_text="Amir Haddad",
        )
    assert refused.value.error_list[0].code == code
    referral.refresh_from_db()
    assert referral.status == ReferralStatus.SUGGESTED
    assert not referral.has_consent


def test_what_was_shared_must_be_written_down_and_ticked(office: Office, adviser: User) -> None:
    referral = suggested(adviser, case_with_facts(adviser))
    viewer = viewer_of(adviser)
    with pytest.raises(ValidationError):
        services.make_referral(
            viewer=viewer,
            referral=referral,
            consent=consent(),
            shared_fields=[SharedField.NAME],
            shared_text="",
        )
    with pytest.raises(ValidationError):
        services.make_referral(
            viewer=viewer, referral=referral, consent=consent(), shared_fields=[], shared_text="x"
        )


def test_a_made_referral_shows_consent_and_exactly_what_was_shared_encrypted(
    office: Office, adviser: User
) -> None:
    case = case_with_facts(adviser)
    referral = suggested(adviser, case)
    made = services.make_referral(
        viewer=viewer_of(adviser),
        referral=referral,
        consent=consent(method=ConsentMethod.IN_PERSON),
        shared_fields=[SharedField.PHONE, SharedField.NAME],
        shared_text="Amir Haddad, +47 400 00 000, trenger bolig",
    )
    assert made.status == ReferralStatus.MADE
    assert made.shared == ["name", "phone"]
    assert made.consent_given_by == "Amir Haddad"
    assert made.consent_method == ConsentMethod.IN_PERSON
    assert made.consent_recorded_by == adviser
    with connection.cursor() as cursor:
        cursor.execute("SELECT shared_text, consent_given_by FROM triage_referral WHERE id = %s", [made.pk])
        row = cursor.fetchone()
    assert "Amir" not in str(row[0])
    assert "Amir" not in str(row[1])
    change = AuditEvent.objects.get(action=AuditAction.CHANGE, target_type="triage.Referral")
    assert change.detail["shared"] == ["name", "phone"]
    assert "Amir" not in str(change.detail)


def test_the_whole_way_made_accepted_completed_is_on_the_timeline(office: Office, adviser: User) -> None:
    case = case_with_facts(adviser)
    viewer = viewer_of(adviser)
    referral = suggested(adviser, case)
    services.make_referral(
        viewer=viewer,
        referral=referral,
        consent=consent(),
        shared_fields=[SharedField.PROBLEM],
        shared_text="Bolig",
    )
    services.change_referral_status(viewer=viewer, referral=referral, to_status=ReferralStatus.ACCEPTED)
    done = services.change_referral_status(
        viewer=viewer, referral=referral, to_status=ReferralStatus.COMPLETED
    )
    assert done.status == ReferralStatus.COMPLETED
    steps = [
        (e.data["from"], e.data["to"])
        for e in CaseEvent.objects.filter(case=case, kind="referral").order_by("id")
    ]
    assert steps == [
        ("", "suggested"),
        ("suggested", "made"),
        ("made", "accepted"),
        ("accepted", "completed"),
    ]
    with pytest.raises(ValidationError):
        services.change_referral_status(viewer=viewer, referral=referral, to_status=ReferralStatus.WITHDRAWN)


def test_the_database_refuses_shared_details_without_consent(office: Office, adviser: User) -> None:
    referral = suggested(adviser, case_with_facts(adviser))
    with pytest.raises(IntegrityError), transaction.atomic():
        Referral.objects.filter(pk=referral.pk).update(shared_fields=["name"])


def test_a_referral_goes_to_a_service_or_an_authority_the_office_knows(office: Office, adviser: User) -> None:
    case = case_with_facts(adviser)
    viewer = viewer_of(adviser)
    with pytest.raises(ValidationError):
        services.suggest_referral(viewer=viewer, case=case)
    with pytest.raises(ValidationError):
        services.suggest_referral(viewer=viewer, case=case, authority="NOBODY")
    with pytest.raises(ValidationError):
        services.suggest_referral(viewer=viewer, case=case, service=a_service(), need="astrology")
    to_ldo = services.suggest_referral(viewer=viewer, case=case, authority="LDO")
    assert "LDO" in selectors.receiver_name(to_ldo)


def test_another_office_cannot_touch_the_referral(
    office: Office, adviser: User, other_adviser: User, client_for: Any
) -> None:
    case = case_with_facts(adviser)
    referral = suggested(adviser, case)
    with pytest.raises(PermissionDenied):
        services.change_referral_status(
            viewer=viewer_of(other_adviser), referral=referral, to_status=ReferralStatus.WITHDRAWN
        )
    client = client_for(other_adviser)
    for name in ("referrals:detail", "referrals:make"):
        assert client.get(reverse(name, args=[referral.public_id])).status_code == 404
    assert (
        client.post(
            reverse("referrals:status", args=[referral.public_id]), {"to_status": "withdrawn"}
        ).status_code
        == 404
    )
    assert client.get(reverse("referrals:case_referrals", args=[case.public_id])).status_code == 404
    denied = AuditEvent.objects.filter(action=AuditAction.DENIED, detail__target_type="triage.Referral")
    assert denied.count() == 3
    referral.refresh_from_db()
    assert referral.status == ReferralStatus.SUGGESTED


def test_an_adviser_suggests_and_makes_a_referral_with_consent_on_the_screens(
    office: Office, adviser: User, client_for: Any
) -> None:
    case = case_with_facts(adviser, problems=("housing",))
    client = client_for(adviser)
    page = client.get(reverse("referrals:case_referrals", args=[case.public_id]))
    assert page.status_code == 200
    service = page.context["suggestions"][0].services[0]
    suggest = client.post(
        reverse("referrals:suggest_service", args=[case.public_id]),
        {"service": str(service.public_id), "need": "housing", "once_token": token_on(page.content)},
    )
    referral = Referral.objects.get()
    assert suggest["Location"] == reverse("referrals:detail", args=[referral.public_id])
    make_page = client.get(reverse("referrals:make", args=[referral.public_id]))
    assert "+47 400 00 000" in make_page.content.decode()  # offered, not shared
    form = {
        "consent_given_by": "Amir Haddad",
        "consent_method": "phone",
        "consent_given_at": timezone.localtime(clock.now()).strftime("%d.%m.%Y %H:%M"),
        "shared_fields": ["name", "problem"],
        "shared_text": "Amir Haddad trenger hjelp med bolig.",
        "once_token": token_on(make_page.content),
    }
    url = reverse("referrals:make", args=[referral.public_id])
    first = client.post(url, form)
    second = client.post(url, form)  # a double click
    assert first.status_code == second.status_code == 302
    referral.refresh_from_db()
    assert referral.status == ReferralStatus.MADE
    assert CaseEvent.objects.filter(case=case, kind="referral", data__to="made").count() == 1
    detail = client.get(reverse("referrals:detail", args=[referral.public_id])).content.decode()
    assert "Amir Haddad trenger hjelp med bolig." in detail
    assert "+47 400 00 000" not in detail
    reads = AuditEvent.objects.filter(action=AuditAction.VIEW, target_type="triage.Referral")
    assert reads.exists()


def test_a_make_form_without_consent_keeps_what_was_typed(
    office: Office, adviser: User, client_for: Any
) -> None:
    referral = suggested(adviser, case_with_facts(adviser))
    client = client_for(adviser)
    response = client.post(
        reverse("referrals:make", args=[referral.public_id]),
        {"consent_given_by": "", "shared_fields": ["name"], "shared_text": "Teksten min"},
    )
    assert response.status_code == 200
    assert "Teksten min" in response.content.decode()
    referral.refresh_from_db()
    assert referral.status == ReferralStatus.SUGGESTED


def test_the_case_page_reads_drafts_and_referrals_in_two_queries_however_many(
    office: Office, adviser: User, client_for: Any
) -> None:
    from django.test.utils import CaptureQueriesContext

    case = case_with_facts(adviser)
    client = client_for(adviser)
    page = reverse("cases:case_detail", args=[case.public_id])
    services.suggest_referral(viewer=viewer_of(adviser), case=case, authority="LDO")
    with CaptureQueriesContext(connection) as one:
        client.get(page)
    for _ in range(3):
        services.suggest_referral(viewer=viewer_of(adviser), case=case, authority="POLITIET")
        suggested(adviser, case)
    with CaptureQueriesContext(connection) as seven:
        response = client.get(page)
    assert len(seven.captured_queries) == len(one.captured_queries)
    shown = response.content.decode()
    assert all(str(referral.public_id) in shown for referral in Referral.objects.filter(case=case))


def test_the_case_page_asks_for_referrals_only_when_the_case_has_any(
    office: Office, adviser: User, client_for: Any
) -> None:
    from django.test.utils import CaptureQueriesContext

    case = case_with_facts(adviser)
    client = client_for(adviser)
    page = reverse("cases:case_detail", args=[case.public_id])
    with CaptureQueriesContext(connection) as none_yet:
        client.get(page)
    # The case's statement asks whether there are any (an EXISTS); no statement reads them.
    assert not any(q["sql"].startswith('SELECT "triage_referral"') for q in none_yet.captured_queries)
    referral = services.suggest_referral(viewer=viewer_of(adviser), case=case, authority="LDO")
    with CaptureQueriesContext(connection) as one:
        response = client.get(page)
    assert len(one.captured_queries) == len(none_yet.captured_queries) + 1
    assert str(referral.public_id) in response.content.decode()


def test_the_right_of_access_export_shows_to_whom_data_went_and_what(office: Office, adviser: User) -> None:
    from likeverd.privacy import exports

    case = case_with_facts(adviser)
    referral = suggested(adviser, case)
    services.make_referral(
        viewer=viewer_of(adviser),
        referral=referral,
        consent=consent(method=ConsentMethod.WRITING),
        shared_fields=[SharedField.NAME],
        shared_text="Amir Haddad",
    )
    record = exports.export_case_record(viewer=viewer_of(adviser), public_id=str(case.public_id))
    [exported] = record["referrals"]
    assert exported["status"] == "made"
    assert exported["consent_method"] == "writing"
    assert exported["shared_fields"] == ["name"]
    assert exported["shared_text"] == "Amir Haddad"
    assert referral.service is not None
    assert referral.service.name in exported["receiver"]
    assert record["drafts"] == []
