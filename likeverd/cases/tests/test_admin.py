import pytest
from django.urls import reverse
from django.utils import translation

from likeverd.accounts.models import Office, User
from likeverd.accounts.roles import Role
from likeverd.accounts.tests.factories import viewer_of
from likeverd.audit.models import AuditAction, AuditEvent
from likeverd.cases import services
from likeverd.cases.tests.factories import register
from likeverd.cases.tests.pages import ClientFor

pytestmark = pytest.mark.django_db


def test_the_admin_shows_an_office_only_its_own_cases(
    office: Office, adviser: User, other_adviser: User, client_for: ClientFor
) -> None:
    ours, theirs = register(viewer_of(adviser)), register(viewer_of(other_adviser))
    adviser.is_staff = True
    adviser.save()

    with translation.override("en"):
        changelist = reverse("admin:cases_case_changelist")
    page = client_for(adviser).get(changelist).content.decode()
    assert ours.number in page
    assert theirs.number not in page


def test_the_admin_answers_not_found_for_another_offices_case_and_audits_its_own(
    office: Office, adviser: User, other_adviser: User, client_for: ClientFor
) -> None:
    ours, theirs = register(viewer_of(adviser)), register(viewer_of(other_adviser))
    adviser.is_staff = True
    adviser.save()
    client = client_for(adviser)
    with translation.override("en"):
        own_url = reverse("admin:cases_case_change", args=[str(ours.public_id)])
        their_url = reverse("admin:cases_case_change", args=[str(theirs.public_id)])
        changelist = reverse("admin:cases_case_changelist")
    assert own_url in client.get(changelist).content.decode()
    assert client.get(own_url).status_code == 200
    response = client.get(their_url, follow=True)
    assert theirs.number not in response.content.decode()
    assert AuditEvent.objects.filter(
        action=AuditAction.VIEW, case_id=str(ours.public_id), detail__via="admin"
    ).exists()


def test_an_office_admin_keeps_the_offices_reporting_categories_in_the_admin(
    office: Office, other_office: Office, client_for: ClientFor
) -> None:
    from likeverd.accounts.services import add_staff_member
    from likeverd.taxonomy.models import ReportingCategory

    services.create_default_reporting_categories(office=office)
    services.create_default_reporting_categories(office=other_office)
    admin_user, _device, _password = add_staff_member(
        office=office,
        username="office.admin",
        first_name="Olga",
        last_name="Admin",
        email="",
        roles=[Role.OFFICE_ADMIN],
        password="a long passphrase of her own choosing",
    )
    ours = ReportingCategory.objects.get(office=office, code="nightlife")
    theirs = ReportingCategory.objects.get(office=other_office, code="nightlife")
    client = client_for(admin_user)
    with translation.override("en"):
        own_url = reverse("admin:taxonomy_reportingcategory_change", args=[str(ours.public_id)])
        their_url = reverse("admin:taxonomy_reportingcategory_change", args=[str(theirs.public_id)])
        cases_url = reverse("admin:cases_case_changelist")
    form = client.get(own_url)
    assert form.status_code == 200
    response = client.post(
        own_url,
        {
            "code": "nightlife",
            "label_nb": "Uteliv og konserter",
            "label_sv": "Nöjesliv",
            "label_en": "Nightlife",
            "sort_order": 3,
            "is_active": "on",
        },
    )
    assert response.status_code == 302
    ours.refresh_from_db()
    assert ours.label_nb == "Uteliv og konserter"
    assert client.get(their_url, follow=True).request["PATH_INFO"] != their_url
    assert client.get(cases_url).status_code == 403


def test_the_admin_shows_the_cases_of_the_office_chosen_in_the_session(
    office: Office, other_office: Office, client_for: ClientFor
) -> None:
    from likeverd.accounts.models import Membership
    from likeverd.accounts.tests.factories import make_staff

    person = make_staff(office, Role.ADVISER, is_staff=True)
    Membership.objects.create(user=person, office=other_office, role=Role.ADVISER)
    in_office = register(viewer_of(person, office))
    in_other_office = register(viewer_of(person, other_office))
    client = client_for(person)
    with translation.override("en"):
        changelist = reverse("admin:cases_case_changelist")
        switch = reverse("accounts:switch_office")

    for chosen, shown, hidden in (
        (office, in_office, in_other_office),
        (other_office, in_other_office, in_office),
    ):
        client.post(switch, {"office": str(chosen.public_id)})
        page = client.get(changelist).content.decode()
        assert shown.number in page
        assert hidden.number not in page
