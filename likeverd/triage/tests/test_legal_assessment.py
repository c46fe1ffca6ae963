"""The legal assessment on the case page, per jurisdiction and from the data files: whether the
law covers the area, the provisions that apply (with their links), the criminal track, and the
running deadlines, recomputed when the incident date or the classification changes; labels the
reference could not verify are shown as such, and a minors' rule asks for the birth date."""

import datetime as dt
from pathlib import Path

import pytest
import time_machine

from likeverd.accounts.models import Office, User
from likeverd.accounts.roles import Role
from likeverd.accounts.tests.factories import make_staff, viewer_of
from likeverd.cases import services as case_services
from likeverd.cases.dates import parse_incident_date
from likeverd.cases.models import Case, Channel
from likeverd.cases.services import CaseDetails, Classification
from likeverd.cases.tests.pages import ClientFor, url
from likeverd.taxonomy.models import Term, TermKind
from likeverd.triage import services
from likeverd.triage.datafile import TriageDataError
from likeverd.triage.scope import parse_scope_text, scope_for, scope_path
from likeverd.triage.services import SortingAnswers

pytestmark = pytest.mark.django_db

TODAY = dt.date(2026, 11, 29)
NOW = dt.datetime(2026, 11, 29, 12, tzinfo=dt.UTC)


def register(user: User, incident: str) -> Case:
    details = CaseDetails(channel=Channel.PHONE, incident_date=parse_incident_date(incident, today=TODAY))
    return case_services.register_case(viewer=viewer_of(user), details=details)


def classify(user: User, case: Case, **codes: tuple[str, ...]) -> None:
    def terms(kind: TermKind, wanted: tuple[str, ...]) -> list[Term]:
        return list(
            Term.objects.filter(
                jurisdiction=case.office.jurisdiction, kind=kind, code__in=wanted, valid_to__isnull=True
            )
        )

    classification = Classification(
        grounds=terms(TermKind.GROUND, codes.get("grounds", ())),
        areas=terms(TermKind.AREA, codes.get("areas", ())),
        forms=terms(TermKind.FORM, codes.get("forms", ())),
        tracks=terms(TermKind.TRACK, codes.get("tracks", ())),
    )
    case_services.classify_case(viewer=viewer_of(user), case=case, classification=classification)


def page(client_for: ClientFor, user: User, case: Case) -> str:
    return str(client_for(user).get(url("case_detail", case.public_id)).content.decode())


@time_machine.travel(NOW, tick=False)
def test_a_norwegian_nightclub_refusal_is_covered_with_its_provisions_linked(
    office: Office, adviser: User, client_for: ClientFor
) -> None:
    case = register(adviser, "14.03.2025")
    classify(adviser, case, grounds=("ETHNICITY",), areas=("GOODS_SERVICES",), forms=("DIRECT",))

    shown = page(client_for, adviser, case)
    assert "Is it covered by the law?" in shown
    assert "The Equality and Anti-Discrimination Act" in shown
    assert "covered" in shown
    assert 'href="https://lovdata.no/dokument/NLE/lov/2017-06-16-51"' in shown
    assert "§ 7" in shown  # the form's provision, from the taxonomy
    assert "A criminal track may also be open" in shown
    assert "Discrimination in business or a profession" in shown  # straffeloven § 186
    assert "Hateful statements" not in shown  # § 185 is for statements (harassment), not a refusal

    classify(adviser, case, areas=("GOODS_SERVICES",), forms=("HARASSMENT",))
    harassed = page(client_for, adviser, case)
    assert "Hateful statements" in harassed
    assert "Discrimination in business or a profession" not in harassed


@time_machine.travel(NOW, tick=False)
def test_private_life_is_not_covered_in_norway(office: Office, adviser: User, client_for: ClientFor) -> None:
    case = register(adviser, "14.03.2025")
    classify(adviser, case, areas=("PRIVATE_LIFE",))
    shown = page(client_for, adviser, case)
    assert "not covered" in shown
    assert "family life and other purely personal matters" in shown


@time_machine.travel(NOW, tick=False)
def test_deadlines_follow_a_changed_incident_date_and_classification(
    office: Office, adviser: User, client_for: ClientFor
) -> None:
    case = register(adviser, "14.03.2025")
    assert 'datetime="2028-03-14"' in page(client_for, adviser, case)  # the tribunal's three years

    case_services.update_case_details(
        viewer=viewer_of(adviser),
        case=case,
        details=CaseDetails(
            channel=Channel.PHONE, incident_date=parse_incident_date("02.06.2025", today=TODAY)
        ),
    )
    moved = page(client_for, adviser, case)
    assert 'datetime="2028-06-02"' in moved
    assert 'datetime="2028-03-14"' not in moved

    classify(adviser, case, tracks=("CRIMINAL",))
    criminal = page(client_for, adviser, case)
    assert "The case is on the criminal track." in criminal
    assert 'datetime="2028-06-02"' not in criminal  # the tribunal's rule is on the civil track
    assert 'datetime="2027-06-02"' in criminal  # two years of straffeloven § 86 a


@time_machine.travel(NOW, tick=False)
def test_the_swedish_minors_rule_asks_for_the_birth_date_then_counts_from_the_18th_birthday(
    swedish_office: Office, client_for: ClientFor
) -> None:
    adviser = make_staff(swedish_office, Role.ADVISER, username="handlaggare")
    case = register(adviser, "14.03.2025")
    classify(adviser, case, areas=("EDUCATION",), tracks=("CIVIL",))

    without = page(client_for, adviser, case)
    assert "Birth date needed:" in without
    assert 'datetime="2027-03-14"' in without  # counted from the incident until the birth date is known
    assert "Diskrimineringslag (2008:567)" in without
    assert "section number not confirmed" in without  # 2 kap. 5 § is PARTIAL in the reference

    services.save_sorting(
        viewer=viewer_of(adviser), case=case, answers=SortingAnswers(birth_date="2010-06-01")
    )
    withbirth = page(client_for, adviser, case)
    assert "Birth date needed:" not in withbirth
    assert 'datetime="2030-06-01"' in withbirth  # two years from the 18th birthday


def test_every_taxonomy_area_has_a_scope_row_in_both_jurisdictions() -> None:
    for jurisdiction in ("NO", "SE"):
        scope = scope_for(jurisdiction)
        assert scope is not None
        assert scope.areas
        assert scope.criminal


def test_a_scope_file_citing_an_unknown_source_or_area_is_refused() -> None:
    text = scope_path("NO").read_text(encoding="utf-8")
    with pytest.raises(TriageDataError, match="unknown source key"):
        parse_scope_text(text.replace('"NO-STRL-186"', '"NO-STRL-999"'), origin="x.toml", jurisdiction="NO")
    with pytest.raises(TriageDataError, match="code"):
        parse_scope_text(
            text.replace('code = "HOUSING"', 'code = "CASTLES"'), origin="x.toml", jurisdiction="NO"
        )
    with pytest.raises(TriageDataError, match="note"):
        parse_scope_text(
            text.replace(
                'covered = "yes"\nstatus = "V-LAW"\nsources = ["NO-LDL-2"]\n\n[[area]]\ncode = "GOODS',
                'covered = "no"\nstatus = "V-LAW"\nsources = ["NO-LDL-2"]\n\n[[area]]\ncode = "GOODS',
                1,
            ),
            origin="x.toml",
            jurisdiction="NO",
        )


def test_the_scope_files_hold_no_status_better_than_the_reference_gives() -> None:
    # Every status is one of the reference's labels; the code holds none of the legal facts.
    code = (Path(__file__).resolve().parents[1] / "scope.py").read_text(encoding="utf-8")
    for fact in ("§", "kap.", "lovdata", "riksdagen", "2008:567"):
        assert fact not in code
