"""Inviting a new colleague by e-mail: the message goes out through the real worker to a real SMTP
server in the office's language, with a link that works once; expired, used and replaced links
say so and whom to ask; and another office's administrator can neither see nor resend it."""

import copy
import re
import subprocess
from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.timezone import localtime
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from conftest import SMTPServer
from likeverd.accounts import services
from likeverd.accounts.models import Invitation, Office, User
from likeverd.accounts.roles import Role
from likeverd.accounts.selectors import InvitationState, invitation_state, invitation_token
from likeverd.accounts.tasks import invitation_link, send_invitation_task
from likeverd.accounts.tests.factories import make_staff, viewer_of
from likeverd.audit.models import AuditAction, AuditEvent
from likeverd.core import clock

RunWorker = Callable[..., subprocess.CompletedProcess[str]]
ClientFor = Callable[[User], Client]
PASSWORD = "lilac tram umbrella harbour"
SITE = "http://testserver/"
NINA = {
    "first_name": "Nina",
    "last_name": "Ny",
    "username": "nina",
    "email": "nina@example.org",
    "roles": ["adviser"],
    "how": "invite",
}


def code_now(person: User) -> str:
    device = TOTPDevice.objects.filter(user=person).latest("pk")
    return f"{TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift).token():06d}"


def accept(client: Client, link: str, person: User, **changes: str) -> Any:
    data = {"new_password1": PASSWORD, "new_password2": PASSWORD, "otp_token": code_now(person), **changes}
    return client.post(link, data)


def invite(
    admin: User, email: str = "nina@example.org", username: str = "nina", first_name: str = "Nina"
) -> Invitation:
    member = services.NewStaffMember(
        username=username, first_name=first_name, last_name="Ny", email=email, roles=[Role.ADVISER]
    )
    return services.invite_staff_member(viewer=viewer_of(admin), member=member, site_url=SITE)


def link_of(invitation: Invitation) -> str:
    """The e-mail's link (in the office's language, nb), opened in English for these tests."""
    link = invitation_link(invitation, site_url="")
    assert link.startswith("/nb/staff/account/welcome/")
    return "/en/" + link.removeprefix("/nb/")


@pytest.mark.django_db(transaction=True)
def test_an_invited_colleague_gets_the_mail_in_the_offices_language_and_sets_up_their_account(
    swedish_office: Office, smtp_server: SMTPServer, run_task_worker: RunWorker, client_for: ClientFor
) -> None:
    admin = make_staff(swedish_office, Role.OFFICE_ADMIN, first_name="Sara", last_name="Admin")
    response = client_for(admin).post(reverse("officeadmin:staff_add"), NINA)
    nina = User.objects.get(username="nina")
    assert response["Location"] == reverse("officeadmin:staff_detail", args=[nina.public_id])
    assert not nina.has_usable_password()
    assert smtp_server.received == []  # the request sends nothing itself

    run_task_worker(env=smtp_server.env, timeout=240)  # a loaded machine is slow to start it

    [mail] = smtp_server.received
    assert mail.rcpt_tos == ["nina@example.org"]
    assert mail.message["Subject"] == "Ditt konto hos Antidiskrimineringsbyrån Malmö"
    body = mail.message.get_content()
    assert "Sara Admin" in body
    assert "Ditt användarnamn: nina" in body
    [link] = re.findall(r"http://testserver(/sv/staff/account/welcome/\S+/)", body)
    invitation = Invitation.objects.get(person=nina)
    assert invitation_token(invitation) in link
    assert AuditEvent.objects.filter(action=AuditAction.INVITE, target_id=str(nina.public_id)).count() == 1

    person = Client()
    page = person.get(link).content.decode()
    assert "Välkommen till Antidiskrimineringsbyrån Malmö" in page
    assert 'id="invited-secret"' in page
    done = accept(person, link, nina)
    assert done.status_code == 302
    home = person.get(done["Location"], follow=True)
    assert home.status_code == 200
    assert "Nina Ny" in home.content.decode()
    nina.refresh_from_db()
    assert nina.check_password(PASSWORD)
    assert not nina.must_change_password
    assert TOTPDevice.objects.get(user=nina).confirmed
    accepted = AuditEvent.objects.get(action=AuditAction.ACCEPT_INVITATION)
    assert (accepted.actor_id, accepted.office_id) == (nina.pk, swedish_office.pk)

    # The link works once: opened again (by anyone), it says so, and whom to ask.
    again = Client().get(link)
    assert again.status_code == 410
    assert "Sara Admin" in again.content.decode()


@pytest.mark.django_db
def test_the_link_works_once_and_a_wrong_code_or_weak_password_leaves_it_open(
    office: Office, office_admin: User
) -> None:
    invitation = invite(office_admin)
    nina, link = invitation.person, link_of(invitation)
    client = Client()
    wrong = accept(client, link, nina, otp_token=f"{(int(code_now(nina)) + 1) % 1_000_000:06d}")
    assert wrong.status_code == 200
    assert "That code did not work" in wrong.content.decode()
    weak = accept(client, link, nina, new_password1="password1234", new_password2="password1234")
    assert "This password is too common" in weak.content.decode()
    invitation.refresh_from_db()
    assert invitation_state(invitation) is InvitationState.OPEN
    assert not User.objects.get(pk=nina.pk).has_usable_password()
    # The wrong code counted towards the app's throttle; a moment later the right one works.
    TOTPDevice.objects.get(user=nina, confirmed=False).throttle_reset()

    assert accept(client, link, nina).status_code == 302
    # A second browser sending the same form later finds the link used up.
    late = accept(Client(), link, nina)
    assert late.status_code == 410
    assert "already been used" in late.content.decode()
    assert AuditEvent.objects.filter(action=AuditAction.ACCEPT_INVITATION).count() == 1


@pytest.mark.django_db
def test_an_expired_link_says_so_and_whom_to_ask(office: Office, office_admin: User) -> None:
    invitation = invite(office_admin)
    Invitation.objects.filter(pk=invitation.pk).update(expires_at=clock.now())
    response = Client().get(link_of(invitation))
    assert response.status_code == 410
    page = response.content.decode()
    assert "This invitation expired on" in page
    assert "Olga Admin (invited you)" in page
    assert accept(Client(), link_of(invitation), invitation.person).status_code == 410


@pytest.mark.django_db
def test_a_forged_or_cut_link_is_not_found(office: Office, office_admin: User) -> None:
    invitation = invite(office_admin)
    token = invitation_token(invitation)
    for bad in (token[:-1] + ("0" if token[-1] != "0" else "1"), token[:20]):
        url = reverse("accounts:invitation", kwargs={"public_id": invitation.public_id, "token": bad})
        response = Client().get(url)
        assert response.status_code == 404
        assert "This link does not work" in response.content.decode()
        assert "Olga" not in response.content.decode()  # a forged link learns nothing


@pytest.mark.django_db
def test_sending_again_replaces_the_link_and_may_correct_the_address(
    office: Office, office_admin: User, client_for: ClientFor
) -> None:
    first = invite(office_admin, email="nina@exmaple.org")
    old_key = TOTPDevice.objects.get(user=first.person, confirmed=False).key
    admin = client_for(office_admin)
    detail = admin.get(reverse("officeadmin:staff_detail", args=[first.person.public_id])).content.decode()
    assert "Send the invitation again" in detail
    answer = admin.post(
        reverse("officeadmin:staff_resend_invitation", args=[first.person.public_id]),
        {"email": "nina@example.org"},
    )
    assert answer.status_code == 302
    nina = User.objects.get(pk=first.person.pk)
    assert nina.email == "nina@example.org"
    second = Invitation.objects.filter(person=nina).exclude(pk=first.pk).get()
    # The old page's key is worthless too.
    assert TOTPDevice.objects.get(user=nina, confirmed=False).key != old_key

    old = Client().get(link_of(first))
    assert old.status_code == 410
    assert "A newer invitation has been sent to you" in old.content.decode()
    # The worker never sends the replaced one, even if it runs late.
    assert send_invitation_task.call(invitation=str(first.public_id), site_url=SITE) == 0
    assert accept(Client(), link_of(second), nina).status_code == 302
    event = AuditEvent.objects.get(action=AuditAction.RESEND_INVITATION)
    assert event.detail["replaces"] == str(first.public_id)
    assert event.detail["email_changed"] is True

    # Accepted: nothing left to send.
    page = admin.get(reverse("officeadmin:staff_detail", args=[nina.public_id])).content.decode()
    assert "Send the invitation again" not in page
    refused = admin.post(
        reverse("officeadmin:staff_resend_invitation", args=[nina.public_id]), {"email": nina.email}
    )
    assert refused.status_code == 302
    assert Invitation.objects.filter(person=nina).count() == 2


@pytest.mark.django_db
def test_an_invitation_needs_an_address(office_admin: User, client_for: ClientFor) -> None:
    response = client_for(office_admin).post(reverse("officeadmin:staff_add"), {**NINA, "email": ""})
    assert response.status_code == 200
    assert "An invitation needs the person&#x27;s e-mail address." in response.content.decode()
    assert not User.objects.filter(username="nina").exists()


@pytest.mark.django_db
def test_a_deactivated_persons_link_is_withdrawn(office: Office, office_admin: User) -> None:
    invitation = invite(office_admin)
    services.deactivate_staff_member(viewer=viewer_of(office_admin), person=invitation.person)
    response = Client().get(link_of(invitation))
    assert response.status_code == 410
    assert "withdrawn" in response.content.decode()


@pytest.mark.django_db
def test_another_offices_admin_can_neither_see_nor_resend_an_invitation(
    office: Office, office_admin: User, other_admin: User, client_for: ClientFor
) -> None:
    invitation = invite(office_admin)
    nina = invitation.person
    intruder = client_for(other_admin)
    assert intruder.get(reverse("officeadmin:staff_detail", args=[nina.public_id])).status_code == 404
    answer = intruder.post(
        reverse("officeadmin:staff_resend_invitation", args=[nina.public_id]), {"email": "me@evil.example"}
    )
    assert answer.status_code == 404
    assert Invitation.objects.filter(person=nina).count() == 1
    assert User.objects.get(pk=nina.pk).email == "nina@example.org"
    denied = AuditEvent.objects.filter(action=AuditAction.DENIED, actor=other_admin)
    assert denied.count() == 2
    assert {event.detail["target_id"] for event in denied} == {str(nina.public_id)}
    assert {event.office_id for event in denied} == {other_admin.memberships.get().office_id}


@pytest.mark.django_db
def test_the_staff_list_shows_who_is_invited_who_must_change_their_password_and_who_is_active(
    office: Office, office_admin: User, adviser: User, client_for: ClientFor
) -> None:
    viewer = viewer_of(office_admin)
    waiting = invite(office_admin)
    late = invite(office_admin, email="per@example.org", username="per", first_name="Per")
    Invitation.objects.filter(pk=late.pk).update(expires_at=clock.now())
    reset = make_staff(office, Role.MEDIATOR, first_name="Rita", last_name="Reset")
    services.reset_password(viewer=viewer, person=reset)

    def states() -> dict[str, str]:
        page = client_for(office_admin).get(reverse("officeadmin:staff_list")).content.decode()
        found = re.findall(
            r'<th scope="row">(.*?)</th>.*?<td class="login-state">(.*?)</td>', page, flags=re.S
        )
        return {
            re.sub(r"<[^>]+>", "", name).strip(): " ".join(re.sub(r"<[^>]+>", "", state).split())
            for name, state in found
        }

    sent = date_format(localtime(waiting.sent_at), "SHORT_DATE_FORMAT")
    assert states() == {
        "Nina Ny": f"invited {sent}",
        "Per Ny": f"invited {sent}, expired",
        "Rita Reset": "must change password",
        "Aisha Adviser": "active",
        "Olga Admin": "active",
    }
    # Once Nina has accepted, she is simply active.
    assert accept(Client(), link_of(waiting), waiting.person).status_code == 302
    assert states()["Nina Ny"] == "active"


@pytest.mark.django_db
def test_a_double_click_on_save_acts_once_and_the_second_answer_is_not_an_error(
    office: Office, office_admin: User
) -> None:
    invitation = invite(office_admin)
    client = Client()
    page = client.get(link_of(invitation)).content.decode()
    [once] = re.findall(r'name="once_token" value="([^"]+)"', page)
    # The second click leaves before the first answer arrives: with the cookies of before.
    second_click = Client()
    second_click.cookies = copy.deepcopy(client.cookies)
    first = accept(client, link_of(invitation), invitation.person, once_token=once)
    second = accept(second_click, link_of(invitation), invitation.person, once_token=once)
    assert first.status_code == second.status_code == 302
    assert second["Location"] == first["Location"]
    assert AuditEvent.objects.filter(action=AuditAction.ACCEPT_INVITATION).count() == 1
