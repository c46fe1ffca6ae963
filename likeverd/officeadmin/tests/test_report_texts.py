"""The office's texts in its annual report: written by the coordinator or the office
administrator, audited without their content, never overwritten unseen, never another office's."""

import re
from collections.abc import Callable

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client
from django.urls import reverse

from likeverd.accounts.models import Office, User
from likeverd.accounts.roles import Role
from likeverd.accounts.tests.factories import make_staff, viewer_of
from likeverd.audit.models import AuditAction, AuditEvent
from likeverd.core import clock
from likeverd.officeadmin import selectors
from likeverd.officeadmin.models import ReportText
from likeverd.officeadmin.services import ReportTexts, save_report_texts

pytestmark = pytest.mark.django_db
ClientFor = Callable[[User], Client]


@pytest.fixture
def coordinator(office: Office) -> User:
    return make_staff(office, Role.COORDINATOR, username="cora")


def _texts(introduction: str, reflections: str = "", *, version: ReportText | None = None) -> ReportTexts:
    return ReportTexts(
        year=2019,
        language="nb",
        introduction=introduction,
        reflections=reflections,
        opened_version=version.updated_at if version is not None else None,
    )


def _edit_url(year: int = 2019, language: str = "nb") -> str:
    return reverse("officeadmin:report_text_edit", args=[year, language])


def _hidden(page: str, name: str) -> str:
    found = re.search(rf'name="{name}" value="([^"]*)"', page)
    return found.group(1) if found else ""


def test_the_coordinator_writes_the_texts_and_the_audit_row_holds_no_words(coordinator: User) -> None:
    viewer = viewer_of(coordinator)
    text = save_report_texts(viewer=viewer, texts=_texts("  Et godt år.  ", "Vi lærte mye."))
    assert (text.introduction, text.reflections) == ("Et godt år.", "Vi lærte mye.")
    changed = save_report_texts(
        viewer=viewer, texts=_texts("Et godt år.", "Vi lærte enda mer.", version=text)
    )
    assert changed.pk == text.pk

    rows = list(AuditEvent.objects.filter(target_type="officeadmin.ReportText").order_by("id"))
    assert [row.action for row in rows] == [AuditAction.CREATE, AuditAction.CHANGE]
    assert rows[1].detail == {"year": 2019, "language": "nb", "fields": ["reflections"]}
    assert "lærte" not in str([row.detail for row in rows])


def test_a_role_without_the_permission_is_refused(
    office: Office, adviser: User, client_for: ClientFor
) -> None:
    with pytest.raises(PermissionDenied):
        save_report_texts(viewer=viewer_of(adviser), texts=_texts("Nei."))
    assert client_for(adviser).get(_edit_url()).status_code == 403
    assert not ReportText.objects.exists()


def test_the_office_administrator_may_write_them_too(office_admin: User, client_for: ClientFor) -> None:
    client = client_for(office_admin)
    page = client.get(_edit_url()).content.decode()
    response = client.post(
        _edit_url(),
        {"introduction": "Innledning.", "reflections": "", "updated_at": _hidden(page, "updated_at")},
    )
    assert response.status_code == 302
    assert ReportText.objects.get().introduction == "Innledning."


def test_a_text_saved_meanwhile_is_not_overwritten_unseen(coordinator: User, client_for: ClientFor) -> None:
    client = client_for(coordinator)
    opened = client.get(_edit_url()).content.decode()
    # Someone else saves first.
    save_report_texts(viewer=viewer_of(coordinator), texts=_texts("Their words."))

    stale = client.post(
        _edit_url(),
        {"introduction": "My words.", "reflections": "", "updated_at": _hidden(opened, "updated_at")},
    )

    assert stale.status_code == 200
    page = stale.content.decode()
    assert "Someone else saved these texts since you opened the form." in page
    assert "Their words." in page  # what is saved now, beside the form
    assert "My words." in page  # what this person typed is kept
    assert ReportText.objects.get().introduction == "Their words."
    again = client.post(
        _edit_url(),
        {"introduction": "My words.", "reflections": "", "updated_at": _hidden(page, "updated_at")},
    )
    assert again.status_code == 302
    assert ReportText.objects.get().introduction == "My words."


def test_two_people_starting_the_first_text_at_once_do_not_both_win(
    coordinator: User, office: Office
) -> None:
    viewer = viewer_of(coordinator)
    save_report_texts(viewer=viewer, texts=_texts("First."))
    with pytest.raises(ValidationError) as refused:
        save_report_texts(viewer=viewer, texts=_texts("Second, opened before the first was saved."))
    assert refused.value.error_list[0].code == "stale"


def test_texts_stay_in_their_office(
    office: Office, other_office: Office, coordinator: User, client_for: ClientFor
) -> None:
    ReportText.objects.create(office=other_office, year=2019, language="nb", introduction="Bergens ord.")
    page = client_for(coordinator).get(_edit_url()).content.decode()
    assert "Bergens ord." not in page
    assert selectors.get_report_text(viewer=viewer_of(coordinator), year=2019, language="nb") is None
    save_report_texts(viewer=viewer_of(coordinator), texts=_texts("Oslos ord."))
    assert ReportText.objects.get(office=other_office).introduction == "Bergens ord."


def test_an_odd_year_or_language_is_not_found(coordinator: User, client_for: ClientFor) -> None:
    client = client_for(coordinator)
    assert client.get(_edit_url(1850)).status_code == 404
    assert client.get(_edit_url(2019, "de")).status_code == 404


def test_the_list_offers_this_year_and_last_in_every_language(
    office: Office, coordinator: User, client_for: ClientFor
) -> None:
    ReportText.objects.create(office=office, year=2015, language="sv", introduction="Förr.")
    page = client_for(coordinator).get(reverse("officeadmin:report_text_list")).content.decode()
    this_year = clock.today().year
    for year in (this_year, this_year - 1):
        for language in ("nb", "sv", "en"):
            assert reverse("officeadmin:report_text_edit", args=[year, language]) in page
    assert "Edit the texts in Swedish" in page  # 2015's, written
    assert "Write the texts in Swedish" in page  # this year's, not yet


def test_a_double_click_saves_once(coordinator: User, client_for: ClientFor) -> None:
    client = client_for(coordinator)
    page = client.get(_edit_url()).content.decode()
    data = {
        "introduction": "Once.",
        "reflections": "",
        "updated_at": _hidden(page, "updated_at"),
        "once_token": _hidden(page, "once_token"),
    }
    first = client.post(_edit_url(), data)
    second = client.post(_edit_url(), data)
    assert first.status_code == second.status_code == 302
    assert second["Location"] == first["Location"]
    assert AuditEvent.objects.filter(target_type="officeadmin.ReportText").count() == 1


def test_the_report_falls_back_to_the_offices_own_language(office: Office, swedish_office: Office) -> None:
    ReportText.objects.create(office=office, year=2019, language="nb", introduction="Norsk.")
    chosen = selectors.choose_report_text(office=office, year=2019, language="en")
    assert chosen is not None
    assert (chosen.introduction, chosen.language, chosen.is_fallback) == ("Norsk.", "nb", True)
    ReportText.objects.create(office=swedish_office, year=2019, language="en", introduction="English.")
    ReportText.objects.create(office=swedish_office, year=2019, language="sv", introduction="Svenska.")
    swedish = selectors.choose_report_text(office=swedish_office, year=2019, language="nb")
    assert swedish is not None
    assert swedish.introduction == "Svenska."
    assert selectors.choose_report_text(office=office, year=2020, language="nb") is None
