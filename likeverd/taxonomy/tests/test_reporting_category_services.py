"""An office's reporting categories, kept by its administrator: added, renamed, retired and
restored, each audited, never across offices."""

from collections.abc import Iterator

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import translation

from likeverd.accounts.models import Membership, Office, User
from likeverd.accounts.roles import Role
from likeverd.accounts.tests.factories import viewer_of
from likeverd.audit.models import AuditAction, AuditEvent
from likeverd.taxonomy import services
from likeverd.taxonomy.models import ReportingCategory, Term, TermKind
from likeverd.taxonomy.selectors import list_reporting_categories as categories_offered

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _messages_in_english() -> Iterator[None]:
    with translation.override("en"):
        yield


LABELS = services.CategoryLabels(label_nb="Idrett", label_sv="Idrott", label_en="Sport")


def test_an_admin_adds_renames_retires_and_restores_a_category(office: Office, office_admin: User) -> None:
    viewer = viewer_of(office_admin)
    areas = list(Term.objects.filter(jurisdiction="NO", kind=TermKind.AREA, valid_to=None)[:2])
    assert len(areas) == 2, "the Norwegian taxonomy is not in the test database"

    category = services.add_reporting_category(viewer=viewer, labels=LABELS, areas=areas[:1])
    assert category.code == "sport"
    assert category.office == office
    assert list(categories_offered(viewer=viewer)) == [category]

    renamed = services.rename_reporting_category(
        viewer=viewer,
        category=category,
        labels=services.CategoryLabels(label_nb="Idrett og fritid", label_sv="Idrott", label_en="Sport"),
        areas=areas,
    )
    assert renamed.code == "sport"
    assert renamed.label_nb == "Idrett og fritid"
    assert set(renamed.areas.all()) == set(areas)

    services.retire_reporting_category(viewer=viewer, category=renamed)
    assert list(categories_offered(viewer=viewer)) == []
    with pytest.raises(ValidationError, match="already retired"):
        services.retire_reporting_category(viewer=viewer, category=renamed)
    services.restore_reporting_category(viewer=viewer, category=renamed)
    assert list(categories_offered(viewer=viewer)) == [renamed]

    events = AuditEvent.objects.filter(target_id=str(category.public_id)).order_by("id")
    assert [(e.action, e.actor) for e in events] == [
        (AuditAction.CREATE, office_admin),
        (AuditAction.CHANGE, office_admin),
        (AuditAction.RETIRE, office_admin),
        (AuditAction.RESTORE, office_admin),
    ]
    assert events[1].detail == {"code": "sport", "fields": ["label_nb", "areas"]}


def test_a_second_category_of_the_same_name_gets_its_own_code(office_admin: User) -> None:
    viewer = viewer_of(office_admin)
    first = services.add_reporting_category(viewer=viewer, labels=LABELS)
    second = services.add_reporting_category(viewer=viewer, labels=LABELS)
    assert (first.code, second.code) == ("sport", "sport-2")
    assert second.sort_order > first.sort_order


def test_a_category_needs_every_name_and_areas_of_its_own_jurisdiction(office_admin: User) -> None:
    viewer = viewer_of(office_admin)
    with pytest.raises(ValidationError, match="every language"):
        services.add_reporting_category(
            viewer=viewer, labels=services.CategoryLabels(label_nb="Idrett", label_sv="", label_en="Sport")
        )
    swedish = list(Term.objects.filter(jurisdiction="SE", kind=TermKind.AREA, valid_to=None)[:1])
    assert swedish, "the Swedish taxonomy is not in the test database"
    with pytest.raises(ValidationError, match="own jurisdiction"):
        services.add_reporting_category(viewer=viewer, labels=LABELS, areas=swedish)
    assert not ReportingCategory.objects.exists()


def test_an_admin_cannot_change_the_categories_of_another_office(
    office_admin: User, other_admin: User
) -> None:
    theirs = services.add_reporting_category(viewer=viewer_of(other_admin), labels=LABELS)
    viewer = viewer_of(office_admin)
    with pytest.raises(PermissionDenied):
        services.rename_reporting_category(
            viewer=viewer,
            category=theirs,
            labels=services.CategoryLabels(label_nb="Hacket", label_sv="Hackad", label_en="Hacked"),
            areas=[],
        )
    with pytest.raises(PermissionDenied):
        services.retire_reporting_category(viewer=viewer, category=theirs)
    with pytest.raises(PermissionDenied):
        services.restore_reporting_category(viewer=viewer, category=theirs)
    theirs.refresh_from_db()
    assert (theirs.label_en, theirs.is_active) == ("Sport", True)
    assert AuditEvent.objects.filter(target_id=str(theirs.public_id)).count() == 1  # its creation only


def test_only_an_admin_adds_categories(adviser: User) -> None:
    with pytest.raises(PermissionDenied):
        services.add_reporting_category(viewer=viewer_of(adviser), labels=LABELS)


def test_an_admin_cannot_add_categories_to_an_office_where_they_only_advise(
    office: Office, other_office: Office, office_admin: User
) -> None:
    Membership.objects.create(user=office_admin, office=other_office, role=Role.ADVISER)
    with pytest.raises(PermissionDenied):
        services.add_reporting_category(viewer=viewer_of(office_admin, other_office), labels=LABELS)
    assert not ReportingCategory.objects.exists()
