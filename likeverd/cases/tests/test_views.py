import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from likeverd.accounts.models import Office, User
from likeverd.accounts.roles import Role
from likeverd.accounts.tests.factories import make_staff, viewer_of
from likeverd.audit.models import AuditAction, AuditEvent
from likeverd.cases import services
from likeverd.cases.models import Case, CaseStatus, Channel, DatePrecision, EventKind, Party, PartyRole, Task
from likeverd.cases.services import Classification, PersonDetails
from likeverd.cases.tests.factories import register
from likeverd.core import clock
from likeverd.taxonomy.models import Term, TermKind, VerificationStatus

pytestmark = pytest.mark.django_db

ClientFor = Callable[[User], Client]


def url(name: str, *args: Any) -> str:
    """Addresses in English, so that the pages' messages can be read by the assertions."""
    with translation.override("en"):
        return reverse(f"cases:{name}", args=args)


def term(kind: TermKind, code: str, jurisdiction: str = "NO") -> Term:
    """The current version of a term from the loaded taxonomy, or a stand-in if none is loaded."""
    found = Term.objects.filter(
        jurisdiction=jurisdiction, kind=kind, code=code, valid_to__isnull=True
    ).first()
    return found or Term.objects.create(
        jurisdiction=jurisdiction,
        kind=kind,
        code=code,
        label_nb=code,
        label_sv=code,
        label_en=code.title(),
        valid_from=dt.date(2000, 1, 1),
        status=VerificationStatus.LAW,
    )


def call_form(**overrides: Any) -> dict[str, Any]:
    form = {
        "channel": Channel.PHONE,
        "name": "Amina Hassan",
        "phone": "+47 400 00 000",
        "email": "",
        "safe_to_call": "on",
        "language": "ar",
        "needs_interpreter": "on",
        "narrative": "Harassed on the tram for wearing a hijab",
        "incident_date": "mars 2025",
        "incident_municipality": "Oslo",
        "place_kind": "transport",
        "residence_municipality": "Oslo",
        "wishes": ["advice", "complaint"],
        "assign_to_me": "on",
    }
    form.update(overrides)
    return form


def upload(
    client: Client, case: Case, content: bytes, *, name: str = "note.txt", kind: str = "evidence"
) -> Any:
    return client.post(
        url("case_upload", case.public_id),
        {"upload-kind": kind, "upload-file": SimpleUploadedFile(name, content, content_type="text/plain")},
    )


# --- registering ----------------------------------------------------------------------------------


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


# --- office isolation -----------------------------------------------------------------------------


def test_another_office_cannot_open_a_case_its_document_or_its_task(
    office: Office, adviser: User, other_adviser: User, client_for: ClientFor
) -> None:
    case = register(viewer_of(adviser), narrative="Refused a flat")
    upload(client_for(adviser), case, b"the landlord's message")
    document = case.documents.get()
    task = services.add_task(viewer=viewer_of(adviser), case=case, title="Call back", due_date=clock.today())
    bergen = client_for(other_adviser)

    assert bergen.get(url("case_detail", case.public_id)).status_code == 404
    assert bergen.get(url("document_download", document.public_id)).status_code == 404
    assert bergen.post(url("task_done", task.public_id)).status_code == 404
    assert bergen.post(url("case_edit", case.public_id), {"narrative": "x"}).status_code == 404
    task.refresh_from_db()
    assert task.done_at is None


def test_another_offices_cases_are_not_listed_or_found(
    office: Office, adviser: User, other_adviser: User, client_for: ClientFor
) -> None:
    case = register(viewer_of(adviser), narrative="Harassed on the tram")
    link = url("case_detail", case.public_id)
    oslo, bergen = client_for(adviser), client_for(other_adviser)

    assert link in oslo.get(url("case_list")).content.decode()
    assert link in oslo.get(url("case_list"), {"q": "tram"}).content.decode()
    assert link not in bergen.get(url("case_list")).content.decode()
    assert link not in bergen.get(url("case_list"), {"q": "tram"}).content.decode()
    assert link not in bergen.get(url("case_list"), {"q": case.number}).content.decode()


# --- the list -------------------------------------------------------------------------------------


def test_the_list_filters_and_keeps_its_filters_in_page_links(
    office: Office, adviser: User, client_for: ClientFor
) -> None:
    viewer = viewer_of(adviser)
    for _ in range(26):
        register(viewer, channel=Channel.EMAIL)
    phoned = register(viewer, channel=Channel.PHONE)

    page = client_for(adviser).get(url("case_list"), {"channel": "email"}).content.decode()
    assert phoned.number not in page
    assert "26 cases" in page
    assert "?channel=email&amp;page=2" in page
    assert 'aria-current="page"' in page


def test_the_list_answers_htmx_with_the_table_alone(
    office: Office, adviser: User, client_for: ClientFor
) -> None:
    case = register(viewer_of(adviser))
    response = client_for(adviser).get(
        url("case_list"), HTTP_HX_REQUEST="true", HTTP_HX_TARGET="case-results"
    )

    page = response.content.decode()
    assert case.number in page
    assert "<html" not in page
    assert "HX-Request" in response["Vary"]


def test_the_list_needs_the_same_number_of_queries_for_many_cases(
    office: Office, adviser: User, client_for: ClientFor, django_assert_max_num_queries: Any
) -> None:
    viewer = viewer_of(adviser)
    grounds = [term(TermKind.GROUND, "ETHNICITY"), term(TermKind.GROUND, "RELIGION")]

    def add_cases(count: int) -> None:
        for _ in range(count):
            case = register(viewer)
            services.classify_case(viewer=viewer, case=case, classification=Classification(grounds=grounds))
            services.assign_case(viewer=viewer, case=case, assignee=adviser)

    client = client_for(adviser)
    add_cases(2)
    with CaptureQueriesContext(connection) as few:
        client.get(url("case_list"), {"q": "nightclub"})
    add_cases(30)
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(url("case_list"), {"q": "nightclub"})
    assert "32 cases" in response.content.decode()


# --- one case -------------------------------------------------------------------------------------


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


def test_closing_without_an_outcome_is_refused_next_to_the_outcome(
    office: Office, adviser: User, client_for: ClientFor
) -> None:
    case = register(viewer_of(adviser))
    client = client_for(adviser)

    response = client.post(
        url("case_status", case.public_id), {"status-to_status": "closed", "status-outcome": ""}
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "Choose the outcome before closing the case." in page
    assert 'id="id_status-outcome_error"' in page
    case.refresh_from_db()
    assert case.status == CaseStatus.NEW

    client.post(
        url("case_status", case.public_id), {"status-to_status": "closed", "status-outcome": "advice_given"}
    )
    case.refresh_from_db()
    assert (case.status, case.outcome) == (CaseStatus.CLOSED, "advice_given")


def test_only_the_moves_the_workflow_allows_are_offered(
    office: Office, adviser: User, client_for: ClientFor
) -> None:
    case = register(viewer_of(adviser))
    page = client_for(adviser).get(url("case_detail", case.public_id)).content.decode()
    assert 'value="sorting"' in page
    assert 'value="closed"' in page
    assert 'value="mediation"' not in page


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


def test_a_task_is_marked_done_in_place_with_htmx(
    office: Office, adviser: User, client_for: ClientFor
) -> None:
    case = register(viewer_of(adviser))
    task = services.add_task(
        viewer=viewer_of(adviser), case=case, title="Send the complaint", due_date=clock.today()
    )

    response = client_for(adviser).post(url("task_done", task.public_id), HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    assert f'id="task-{task.public_id}"' in response.content.decode()
    assert "Done" in response.content.decode()
    assert Task.objects.get(pk=task.pk).done_at is not None


def test_a_task_and_a_party_are_added_from_their_forms(
    office: Office, adviser: User, client_for: ClientFor
) -> None:
    case = register(viewer_of(adviser))
    client = client_for(adviser)

    client.post(
        url("case_add_task", case.public_id),
        {"task-title": "Ask for the CCTV", "task-due_date": clock.today().isoformat()},
    )
    client.post(
        url("case_add_party", case.public_id),
        {"role": "counterpart", "counterpart_kind": "nightlife", "name": "Club Nord", "language": ""},
    )

    assert case.tasks.get().title == "Ask for the CCTV"
    assert Party.objects.get(case=case, role=PartyRole.COUNTERPART).name == "Club Nord"


# --- documents ------------------------------------------------------------------------------------


def test_an_oversize_file_is_refused_with_a_message_and_the_kind_is_kept(
    office: Office, adviser: User, client_for: ClientFor, settings: Any
) -> None:
    settings.DOCUMENT_MAX_BYTES = 10
    case = register(viewer_of(adviser))

    response = upload(client_for(adviser), case, b"x" * 2000, kind="police_report")
    page = response.content.decode()
    assert response.status_code == 200
    assert "The file is too large" in page
    assert '<option value="police_report" selected>' in page
    assert not case.documents.exists()


def test_a_download_returns_the_original_bytes_as_an_attachment(
    office: Office, adviser: User, client_for: ClientFor
) -> None:
    case = register(viewer_of(adviser))
    client = client_for(adviser)
    original = "Skjermbilde av meldingen: «du hører ikke hjemme her»\n".encode()
    upload(client, case, original, name="melding.txt")

    document = case.documents.get()
    response = client.get(url("document_download", document.public_id))
    assert response.content == original
    assert response["Content-Type"] == "text/plain"
    assert response["Content-Disposition"].startswith("attachment")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "no-store" in response["Cache-Control"]


def test_the_access_history_lists_who_opened_the_case(
    office: Office, adviser: User, client_for: ClientFor
) -> None:
    case = register(viewer_of(adviser))
    client = client_for(adviser)
    client.get(url("case_detail", case.public_id))

    page = client.get(url("case_access_history", case.public_id)).content.decode()
    assert "Aisha Adviser" in page
    assert "viewed" in page


# --- dashboard and admin --------------------------------------------------------------------------


def test_the_dashboard_shows_my_tasks_and_new_cases(
    office: Office, adviser: User, client_for: ClientFor
) -> None:
    viewer = viewer_of(adviser)
    case = register(viewer)
    services.add_task(viewer=viewer, case=case, title="Call the person back", due_date=clock.today())

    page = client_for(adviser).get(url("dashboard")).content.decode()
    assert "Call the person back" in page
    assert case.number in page


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


def test_the_csv_export_downloads_the_filtered_list_of_the_own_office_only(
    office: Office, adviser: User, other_adviser: User, client_for: ClientFor
) -> None:
    ours = register(viewer_of(adviser), person_name="Amina Hassan")
    theirs = register(viewer_of(other_adviser))
    response = client_for(adviser).get(url("case_list_export"), {"status": "new"})
    body = b"".join(response.streaming_content).decode()  # type: ignore[attr-defined]
    assert response["Content-Type"].startswith("text/csv")
    assert ours.number in body
    assert theirs.number not in body
    assert "Amina" not in body


def test_the_json_record_is_not_found_for_another_office(
    office: Office, adviser: User, other_adviser: User, client_for: ClientFor
) -> None:
    case = register(viewer_of(adviser), person_name="Amina Hassan")
    own = client_for(adviser).get(url("case_export", case.public_id))
    assert own.status_code == 200
    assert own.json()["parties"][0]["name"] == "Amina Hassan"
    assert client_for(other_adviser).get(url("case_export", case.public_id)).status_code == 404


def test_an_office_admin_keeps_the_offices_reporting_categories_in_the_admin(
    office: Office, other_office: Office, client_for: ClientFor
) -> None:
    from likeverd.accounts.services import add_staff_member
    from likeverd.cases.models import ReportingCategory

    services.create_default_reporting_categories(office=office)
    services.create_default_reporting_categories(office=other_office)
    admin_user, _device, _password = add_staff_member(
        office=office,
        username="office.admin",
        first_name="Olga",
        last_name="Admin",
        email="",
        roles=[Role.OFFICE_ADMIN],
    )
    ours = ReportingCategory.objects.get(office=office, code="nightlife")
    theirs = ReportingCategory.objects.get(office=other_office, code="nightlife")
    client = client_for(admin_user)
    with translation.override("en"):
        own_url = reverse("admin:cases_reportingcategory_change", args=[ours.pk])
        their_url = reverse("admin:cases_reportingcategory_change", args=[theirs.pk])
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


def test_a_search_with_more_matches_than_the_cap_says_so(
    office: Office, adviser: User, client_for: ClientFor, monkeypatch: pytest.MonkeyPatch
) -> None:
    from likeverd.core.pagination import CappedPaginator

    monkeypatch.setattr(CappedPaginator.__init__, "__kwdefaults__", {"cap": 3})
    for _ in range(5):
        register(viewer_of(adviser), narrative="Refused at the door")
    page = client_for(adviser).get(url("case_list"), {"q": "door"}).content.decode()
    assert "More than 3 cases" in page
    few = client_for(adviser).get(url("case_list"), {"q": "door", "status": "closed"}).content.decode()
    assert "0 cases" in few


def test_the_data_protection_officer_reads_the_offices_audit_log_and_nothing_else(
    office: Office, adviser: User, other_adviser: User, client_for: ClientFor
) -> None:
    ours = register(viewer_of(adviser))
    theirs = register(viewer_of(other_adviser))
    dpo = make_staff(office, Role.DATA_PROTECTION_OFFICER)
    page = client_for(dpo).get(url("office_audit_log")).content.decode()
    assert url("office_audit_log") in page  # in the main navigation
    assert ours.number in page
    assert theirs.number not in page
    assert client_for(adviser).get(url("office_audit_log")).status_code == 403


def test_the_navigation_offers_only_what_the_role_may_do(office: Office, client_for: ClientFor) -> None:
    coordinator = make_staff(office, Role.COORDINATOR)
    page = client_for(coordinator).get(url("dashboard")).content.decode()
    assert f'href="{url("register_call")}"' in page
    assert f'href="{url("case_list")}"' not in page
    assert f'href="{url("office_audit_log")}"' not in page
