import pytest
from django.utils import translation

from likeverd.accounts.models import Office, User
from likeverd.accounts.roles import Role
from likeverd.accounts.tests.factories import make_staff, viewer_of
from likeverd.cases import services
from likeverd.cases.models import EventKind, PartyRole
from likeverd.cases.services import PersonDetails
from likeverd.cases.tests.factories import register, term
from likeverd.cases.tests.pages import ClientFor, url
from likeverd.taxonomy.models import TermKind

pytestmark = pytest.mark.django_db


def test_the_case_page_shows_everything_and_warns_of_a_conflict(
    office: Office, adviser: User, client_for: ClientFor
) -> None:
    viewer = viewer_of(adviser)
    earlier = register(viewer, person_name="Ola Nordmann")
    case = register(viewer, person_name="Amina Hassan", narrative="Refused entry at the door")
    services.add_party(
        viewer=viewer,
        case=case,
        role=PartyRole.COUNTERPART,
        details=PersonDetails(name="Ola Nordmann"),
        counterpart_kind="nightlife",
    )
    services.add_timeline_entry(
        viewer=viewer, case=case, kind=EventKind.CALL, body="Called back, she will send photos"
    )

    page = client_for(adviser).get(url("case_detail", case.public_id)).content.decode()
    assert "Refused entry at the door" in page
    assert "Possible conflict of interest" in page
    assert earlier.number in page
    assert '<strong class="warning">Not safe to call</strong>' in page
    assert "Called back, she will send photos" in page
    assert url("case_access_history", case.public_id) in page


def test_classifying_with_two_grounds_shows_both_on_the_case(
    office: Office, adviser: User, client_for: ClientFor
) -> None:
    case = register(viewer_of(adviser))
    ethnicity, religion = term(TermKind.GROUND, "ETHNICITY"), term(TermKind.GROUND, "RELIGION")
    client = client_for(adviser)

    form_page = client.get(url("case_classify", case.public_id)).content.decode()
    assert f'value="{ethnicity.pk}"' in form_page
    response = client.post(url("case_classify", case.public_id), {"grounds": [ethnicity.pk, religion.pk]})

    assert response.status_code == 302
    with translation.override("en"):
        labels = (ethnicity.label, religion.label)
    page = client.get(url("case_detail", case.public_id)).content.decode()
    assert all(label in page for label in labels)
    # The timeline tells the change in words: "Grounds: — → Ethnicity, Religion".
    assert f"→ {labels[0]}, {labels[1]}" in page
    assert "ETHNICITY" not in page


def test_an_edit_over_someone_elses_change_keeps_the_typed_text(
    office: Office, adviser: User, client_for: ClientFor
) -> None:
    case = register(viewer_of(adviser), narrative="First version")
    client = client_for(adviser)
    client.get(url("case_edit", case.public_id))
    opened_at = case.updated_at.isoformat()
    colleague = make_staff(office, Role.ADVISER)
    services.add_timeline_entry(
        viewer=viewer_of(colleague), case=case, kind=EventKind.NOTE, body="Colleague's note"
    )
    form = {
        "channel": "phone",
        "narrative": "My careful rewrite",
        "incident_date": "2025",
        "updated_at": opened_at,
    }

    response = client.post(url("case_edit", case.public_id), form)
    page = response.content.decode()
    assert "changed by someone else since you opened the form" in page
    assert "My careful rewrite" in page
    case.refresh_from_db()
    assert case.narrative == "First version"

    form["updated_at"] = case.updated_at.isoformat()
    assert client.post(url("case_edit", case.public_id), form).status_code == 302
    case.refresh_from_db()
    assert case.narrative == "My careful rewrite"


def test_the_access_history_lists_who_opened_the_case(
    office: Office, adviser: User, client_for: ClientFor
) -> None:
    case = register(viewer_of(adviser))
    client = client_for(adviser)
    client.get(url("case_detail", case.public_id))

    page = client.get(url("case_access_history", case.public_id)).content.decode()
    assert "Aisha Adviser" in page
    assert "viewed" in page


@pytest.mark.parametrize("opened_at", ["2026-02-30T10:00:00+00:00", "2026-13-01T10:00:00", "yesterday"])
def test_an_impossible_opened_at_in_the_edit_form_is_a_form_error_not_a_crash(
    adviser: User, client_for: ClientFor, opened_at: str
) -> None:
    case = register(viewer_of(adviser), narrative="First version")
    form = {"channel": "phone", "narrative": "Rewrite", "incident_date": "2025", "updated_at": opened_at}

    response = client_for(adviser).post(url("case_edit", case.public_id), form)

    assert response.status_code == 200
    assert "The form is out of date. Open it again." in response.content.decode()
    case.refresh_from_db()
    assert case.narrative == "First version"


def test_a_long_timeline_shows_its_newest_entries_and_links_to_the_whole_of_it(
    office: Office, adviser: User, client_for: ClientFor
) -> None:
    viewer = viewer_of(adviser)
    case = register(viewer, narrative="Refused a flat")  # its first entries: registered, assigned
    for number in range(1, 25):
        services.add_timeline_entry(
            viewer=viewer, case=case, kind=EventKind.NOTE, body=f"Note number {number}."
        )
    client = client_for(adviser)
    total = case.events.count()
    assert total > 24

    page = client.get(url("case_detail", case.public_id)).content.decode()
    assert "Note number 24." in page
    assert "Note number 5." in page  # the 20 newest: notes 24 down to 5
    assert "Note number 4." not in page
    assert f'<ol class="timeline" reversed start="{total}">' in page
    assert f"Show the whole timeline ({total} entries)" in page

    whole = client.get(url("case_detail", case.public_id) + "?timeline=all").content.decode()
    assert all(f"Note number {number}." in whole for number in range(1, 25))
    assert "Show the whole timeline" not in whole
    norwegian = client.get(url("case_detail", case.public_id).replace("/en/", "/nb/", 1)).content.decode()
    assert f"Vis hele tidslinjen ({total} oppføringer)" in norwegian
