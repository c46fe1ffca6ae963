import datetime as dt

import pytest
from django.db import connection

from likeverd.accounts.models import Office, User
from likeverd.accounts.roles import Role
from likeverd.accounts.tests.factories import make_staff
from likeverd.cases.models import Case, Channel, DatePrecision, PartyRole
from likeverd.cases.tests.pages import ClientFor, call_form, url

pytestmark = pytest.mark.django_db


def test_registering_a_call_creates_the_case_and_opens_it(
    office: Office, adviser: User, client_for: ClientFor
) -> None:
    response = client_for(adviser).post(url("register_call"), call_form(), follow=True)

    case = Case.objects.get()
    assert response.redirect_chain[-1][0] == url("case_detail", case.public_id)
    assert f"Registered {case.number}" in response.content.decode()
    assert case.channel == Channel.PHONE
    assert case.assigned_to == adviser
    assert (case.incident_date_precision, case.incident_date_from) == (
        DatePrecision.MONTH,
        dt.date(2025, 3, 1),
    )
    assert case.wishes == ["advice", "complaint"]
    person = case.parties.get()
    assert person.role == PartyRole.PERSON
    assert person.name == "Amina Hassan"
    assert person.safe_to_call
    with connection.cursor() as cursor:
        cursor.execute("SELECT name, phone FROM cases_party WHERE id = %s", [person.pk])
        name, phone = cursor.fetchone()
    assert b"Amina" not in bytes(name)
    assert b"400" not in bytes(phone)


def test_the_same_form_registers_an_anonymous_drop_in(
    office: Office, adviser: User, client_for: ClientFor
) -> None:
    form = call_form(channel=Channel.DROP_IN, name="Someone", is_anonymous="on", assign_to_me="")
    client_for(adviser).post(url("register_call"), form)

    case = Case.objects.get()
    assert case.channel == Channel.DROP_IN
    assert case.assigned_to is None
    person = case.parties.get()
    assert person.is_anonymous
    assert person.name == ""


def test_a_date_that_cannot_be_read_keeps_what_was_typed_and_says_why(
    office: Office, adviser: User, client_for: ClientFor
) -> None:
    response = client_for(adviser).post(url("register_call"), call_form(incident_date="sometime in the fall"))

    page = response.content.decode()
    assert response.status_code == 200
    assert not Case.objects.exists()
    assert "Harassed on the tram for wearing a hijab" in page
    assert "Amina Hassan" in page
    assert "We could not read" in page
    assert 'href="#id_incident_date"' in page  # the summary at the top leads to the field
    assert 'aria-describedby="id_incident_date_helptext id_incident_date_error"' in page


def test_a_coordinator_registers_calls_but_is_not_shown_cases(
    office: Office, adviser: User, client_for: ClientFor
) -> None:
    coordinator = make_staff(office, Role.COORDINATOR)
    client = client_for(coordinator)

    response = client.post(url("register_call"), call_form(assign_to_me=""))
    case = Case.objects.get()
    assert response.status_code == 302
    assert response["Location"] == url("dashboard")
    assert client.get(url("case_detail", case.public_id)).status_code == 404
    assert client.get(url("case_list")).status_code == 403
