from collections.abc import Callable

import pytest
from django.http import HttpRequest, HttpResponse
from django.test import Client, RequestFactory
from django.urls import reverse

from likeverd.accounts.models import Membership, Office, User
from likeverd.accounts.permissions import viewer_required
from likeverd.accounts.roles import Permission, Role
from likeverd.accounts.tests.factories import make_staff, viewer_of
from likeverd.accounts.viewer import ACTIVE_OFFICE_SESSION_KEY

pytestmark = pytest.mark.django_db


def test_a_coordinator_registers_cases_but_cannot_read_them(office: Office) -> None:
    viewer = viewer_of(make_staff(office, Role.COORDINATOR))

    assert viewer.can(Permission.REGISTER_CASE)
    assert not viewer.can(Permission.VIEW_ALL_CASES)
    assert not viewer.can(Permission.VIEW_MEDIATION_CASES)


def test_roles_count_only_in_the_office_that_gave_them(office: Office, other_office: Office) -> None:
    person = make_staff(office, Role.COORDINATOR)
    Membership.objects.create(user=person, office=other_office, role=Role.ADVISER)

    assert not viewer_of(person, office).can(Permission.VIEW_ALL_CASES)
    assert viewer_of(person, other_office).can(Permission.VIEW_ALL_CASES)


def test_a_person_without_an_office_may_do_nothing(db: None) -> None:
    viewer = viewer_of(User.objects.create_user(username="newcomer"))
    assert viewer.office is None
    assert not any(viewer.can(permission) for permission in Permission)


def test_switching_to_an_own_office_changes_the_active_office(
    client_for: Callable[[User], Client], office: Office, other_office: Office
) -> None:
    person = make_staff(office, Role.ADVISER)
    Membership.objects.create(user=person, office=other_office, role=Role.MEDIATOR)
    client = client_for(person)

    response = client.post(reverse("accounts:switch_office"), {"office": str(other_office.public_id)})

    assert response.status_code == 302
    assert client.session[ACTIVE_OFFICE_SESSION_KEY] == str(other_office.public_id)
    page = client.get(reverse("accounts:profile"))
    assert page.context["viewer"].office == other_office
    assert page.context["viewer"].roles == frozenset({Role.MEDIATOR})


def test_switching_to_someone_elses_office_is_not_found(
    client_for: Callable[[User], Client], adviser: User, office: Office, other_office: Office
) -> None:
    client = client_for(adviser)

    response = client.post(reverse("accounts:switch_office"), {"office": str(other_office.public_id)})

    assert response.status_code == 404
    assert ACTIVE_OFFICE_SESSION_KEY not in client.session
    assert client.get(reverse("accounts:profile")).context["viewer"].office == office


def test_switching_office_needs_a_post_and_a_login(
    client: Client, client_for: Callable[[User], Client], adviser: User, office: Office
) -> None:
    assert client_for(adviser).get(reverse("accounts:switch_office")).status_code == 405
    response = client.post(reverse("accounts:switch_office"), {"office": str(office.public_id)})
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))


def test_the_office_switcher_appears_only_for_people_in_several_offices(
    client_for: Callable[[User], Client], adviser: User, office: Office, other_office: Office
) -> None:
    switcher = reverse("accounts:switch_office")
    assert switcher not in client_for(adviser).get(reverse("accounts:profile")).content.decode()

    Membership.objects.create(user=adviser, office=other_office, role=Role.ADVISER)
    html = client_for(adviser).get(reverse("accounts:profile")).content.decode()
    assert switcher in html
    assert other_office.name in html


def test_the_account_page_shows_offices_roles_and_authenticators(
    client_for: Callable[[User], Client], adviser: User, other_office: Office
) -> None:
    Membership.objects.create(user=adviser, office=other_office, role=Role.OFFICE_ADMIN)

    html = client_for(adviser).get(reverse("accounts:profile")).content.decode()

    assert "Aisha Adviser" in html
    assert "DiMe Oslo" in html
    assert "DiMe Bergen" in html
    assert str(Role.OFFICE_ADMIN.label) in html or "administrator" in html.lower()
    assert "default" in html  # the factory's device name


def test_the_layout_loads_only_local_styles_and_offers_the_languages(
    client_for: Callable[[User], Client], adviser: User
) -> None:
    html = client_for(adviser).get(reverse("accounts:profile")).content.decode()

    assert '<link rel="stylesheet" href="/static/likeverd/site.css">' in html
    assert "https://" not in html
    assert "http://" not in html
    assert "<script>" not in html
    assert 'href="#main"' in html
    assert 'role="status"' in html
    assert reverse("set_language") in html
    for code in ("nb", "sv", "en"):
        assert f'value="{code}"' in html
    assert reverse("cases:case_list") in html


def _page(request: HttpRequest) -> HttpResponse:
    return HttpResponse("ok")


guarded = viewer_required(Permission.VIEW_ALL_CASES)(_page)


def test_viewer_required_sends_strangers_to_log_in_and_refuses_a_missing_permission(
    office: Office, rf: RequestFactory
) -> None:
    from django.contrib.auth.models import AnonymousUser
    from django.core.exceptions import PermissionDenied

    request = rf.get("/somewhere/")
    request.user = AnonymousUser()
    request.viewer = None  # type: ignore[attr-defined]
    response = guarded(request)
    assert response.status_code == 302
    assert "next=/somewhere/" in response["Location"]

    request.viewer = viewer_of(make_staff(office, Role.COORDINATOR))  # type: ignore[attr-defined]
    with pytest.raises(PermissionDenied):
        guarded(request)

    request.viewer = viewer_of(make_staff(office, Role.ADVISER))  # type: ignore[attr-defined]
    assert guarded(request).status_code == 200
