import pytest
from django.core.exceptions import ValidationError

from likeverd.accounts.models import Office, User
from likeverd.accounts.tests.factories import viewer_of
from likeverd.cases import services
from likeverd.cases.models import EventKind
from likeverd.cases.services import Classification
from likeverd.cases.tests.factories import register, terms
from likeverd.taxonomy.models import TermKind

pytestmark = pytest.mark.django_db


def test_classification_takes_several_grounds_and_keeps_history(office: Office, adviser: User) -> None:
    viewer = viewer_of(adviser)
    case = register(viewer)
    grounds = sorted(terms("NO", TermKind.GROUND, "ETHNICITY", "RELIGION", "SEX"), key=lambda t: t.code)
    services.classify_case(viewer=viewer, case=case, classification=Classification(grounds=grounds[:2]))
    services.classify_case(viewer=viewer, case=case, classification=Classification(grounds=grounds))
    assert sorted(case.grounds.values_list("code", flat=True)) == ["ETHNICITY", "RELIGION", "SEX"]
    history = list(case.events.filter(kind=EventKind.CLASSIFICATION).order_by("occurred_at", "id"))
    assert [e.data["after"]["grounds"] for e in history] == [
        ["ETHNICITY", "RELIGION"],
        ["ETHNICITY", "RELIGION", "SEX"],
    ]
    assert history[1].data["before"]["grounds"] == ["ETHNICITY", "RELIGION"]


def test_a_swedish_ground_cannot_classify_a_norwegian_case(office: Office, adviser: User) -> None:
    viewer = viewer_of(adviser)
    case = register(viewer)
    with pytest.raises(ValidationError):
        services.classify_case(
            viewer=viewer,
            case=case,
            classification=Classification(grounds=terms("SE", TermKind.GROUND, "AGE")),
        )
