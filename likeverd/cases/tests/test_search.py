import pytest
from django.db import connection

from likeverd.accounts.models import Office, User
from likeverd.accounts.tests.factories import make_staff, viewer_of
from likeverd.audit.models import AuditAction, AuditEvent
from likeverd.cases import selectors, services
from likeverd.cases.models import Case, EventKind
from likeverd.cases.selectors import CaseFilters
from likeverd.cases.tests.factories import register

pytestmark = pytest.mark.django_db


def test_search_finds_words_of_narrative_notes_and_names_but_stores_no_words(
    office: Office, adviser: User
) -> None:
    viewer = viewer_of(adviser)
    case = register(viewer, person_name="Amina Hassan", narrative="Bouncer refused entry at Club Nova")
    other = register(viewer, narrative="Landlord refused to rent")
    services.add_timeline_entry(
        viewer=viewer, case=other, kind=EventKind.CALL, body="Talked about the deposit"
    )

    def found(query: str) -> list[Case]:
        return list(selectors.list_cases(viewer=viewer, filters=CaseFilters(query=query)))

    assert found("nova") == [case]
    assert found("Ami") == [case]  # the first letters of a name
    assert found("refused") == [other, case]
    assert found("deposit landlord") == [other]
    assert found("deposit nova") == []
    assert found(case.number) == [case]
    with connection.cursor() as cursor:
        cursor.execute("SELECT token FROM cases_searchtoken")
        assert all(isinstance(row[0], int) for row in cursor.fetchall())


def test_a_search_is_audited_without_the_search_text(office: Office, adviser: User) -> None:
    viewer = viewer_of(adviser)
    list(selectors.list_cases(viewer=viewer, filters=CaseFilters(query="Amina")))
    event = AuditEvent.objects.get(action=AuditAction.SEARCH)
    assert "Amina" not in str(event.detail)


def test_search_finds_inflected_forms_of_a_word(
    office: Office, adviser: User, swedish_office: Office
) -> None:
    viewer = viewer_of(adviser)
    case = register(viewer, narrative="Dørvakten sa at utestedet var fullt")
    assert list(selectors.list_cases(viewer=viewer, filters=CaseFilters(query="dørvakt"))) == [case]
    assert list(selectors.list_cases(viewer=viewer, filters=CaseFilters(query="dørvakter"))) == [case]
    swedish = viewer_of(make_staff(swedish_office))
    ärende = register(swedish, narrative="Hyresvärden vägrade visa lägenheten")
    assert list(selectors.list_cases(viewer=swedish, filters=CaseFilters(query="lägenhet"))) == [ärende]
