"""A password someone else set must be replaced: after an administrator made or reset it, the
person's next login leads to the change screen, every other staff page sends them back there
until they have chosen their own, and logging out still works."""

import io
from collections.abc import Callable
from typing import TYPE_CHECKING

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from likeverd.accounts import services
from likeverd.accounts.models import Office, User
from likeverd.accounts.tests.factories import viewer_of
from likeverd.accounts.tests.test_login import code_for, post_login
from likeverd.audit.models import AuditAction, AuditEvent

if TYPE_CHECKING:
    from django.test.client import _MonkeyPatchedWSGIResponse

pytestmark = pytest.mark.django_db
ClientFor = Callable[[User], Client]

NEW = "lilac tram umbrella harbour"
CHANGE = "accounts:change_password"


def change(
    client: Client, current: str, new: str = NEW, again: str | None = None, **extra: str
) -> "_MonkeyPatchedWSGIResponse":
    second = new if again is None else again
    data = {"current_password": current, "new_password1": new, "new_password2": second}
    return client.post(reverse(CHANGE), {**data, **extra})


@pytest.fixture
def reset(office_admin: User, adviser: User) -> str:
    """The adviser's password as their administrator reset it."""
    return services.reset_password(viewer=viewer_of(office_admin), person=adviser)


def test_after_a_reset_every_staff_page_leads_to_the_change_screen_until_done(
    client: Client, adviser: User, reset: str
) -> None:
    response = post_login(client, adviser.username, reset, code_for(adviser))
    assert response.status_code == 302
    landing = client.get(response["Location"])
    assert landing.status_code == 302
    assert landing["Location"].startswith(reverse(CHANGE))

    for name in ("cases:dashboard", "cases:case_list", "accounts:profile"):
        answer = client.get(reverse(name))
        assert answer.status_code == 302, name
        assert answer["Location"].startswith(reverse(CHANGE) + "?next=")
    # A form sent from a page opened before the reset is not acted on either.
    assert client.post(reverse("accounts:profile_language"), {"language": "sv"}).status_code == 302
    adviser.refresh_from_db()
    assert adviser.preferred_language == ""

    page = client.get(reverse(CHANGE)).content.decode()
    assert "Your password was set by an administrator" in page

    done = change(client, reset, next=reverse("cases:case_list"))
    assert done.status_code == 302
    assert done["Location"] == reverse("cases:case_list")
    assert client.get(reverse("cases:case_list")).status_code == 200  # the same session goes on
    adviser.refresh_from_db()
    assert not adviser.must_change_password
    assert adviser.check_password(NEW)
    assert not adviser.check_password(reset)
    event = AuditEvent.objects.get(action=AuditAction.CHANGE_PASSWORD)
    assert (event.actor_id, event.target_id) == (adviser.pk, str(adviser.public_id))
    assert event.detail == {"required": True}


def test_logging_out_still_works_and_the_next_login_asks_again(
    client: Client, adviser: User, reset: str
) -> None:
    post_login(client, adviser.username, reset, code_for(adviser))
    assert client.post(reverse("accounts:logout")).status_code == 302
    assert client.get(reverse("cases:dashboard"))["Location"].startswith(reverse("accounts:login"))


def test_the_change_screen_refuses_what_would_not_do(client: Client, adviser: User, reset: str) -> None:
    post_login(client, adviser.username, reset, code_for(adviser))
    refusals = {
        "That is not your current password.": change(client, "not the one"),
        "Choose a password different from the current one.": change(client, reset, new=reset),
        "The two passwords differ": change(client, reset, again=NEW + "x"),
        "This password is too short": change(client, reset, new="short tram"),
        "This password is too common": change(client, reset, new="password1234"),
    }
    for message, response in refusals.items():
        assert response.status_code == 200
        assert message in response.content.decode()
    adviser.refresh_from_db()
    assert adviser.must_change_password
    assert adviser.check_password(reset)
    assert not AuditEvent.objects.filter(action=AuditAction.CHANGE_PASSWORD).exists()


def test_a_person_added_in_the_browser_chooses_their_own_password_but_not_their_colleagues(
    office_admin: User, adviser: User
) -> None:
    credentials = services.create_staff_member(
        viewer=viewer_of(office_admin),
        member=services.NewStaffMember(username="nina", first_name="Nina", last_name="Ny", roles=["adviser"]),
    )
    assert credentials.person.must_change_password
    adviser.refresh_from_db()
    office_admin.refresh_from_db()
    assert not adviser.must_change_password
    assert not office_admin.must_change_password


def test_anyone_may_change_their_password_from_their_account_page(
    adviser: User, client_for: ClientFor
) -> None:
    client = client_for(adviser)
    assert reverse(CHANGE) in client.get(reverse("accounts:profile")).content.decode()
    assert "set by an administrator" not in client.get(reverse(CHANGE)).content.decode()
    assert change(client, "correct horse battery staple").status_code == 302
    adviser.refresh_from_db()
    assert adviser.check_password(NEW)
    assert AuditEvent.objects.get(action=AuditAction.CHANGE_PASSWORD).detail == {"required": False}


def test_the_installers_generated_password_is_replaced_at_first_login_a_chosen_one_is_not(
    office: Office,
) -> None:
    for username, extra in (("first", []), ("second", ["--password", "a long chosen password here"])):
        call_command(
            "createstaff",
            "--office",
            office.code,
            "--username",
            username,
            "--first-name",
            "F",
            "--last-name",
            "L",
            "--role",
            "office_admin",
            "--no-qr",
            *extra,
            stdout=io.StringIO(),
        )
    assert User.objects.get(username="first").must_change_password
    assert not User.objects.get(username="second").must_change_password
