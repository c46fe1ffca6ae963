"""What the draft and referral tests share: a case with a person, a counterpart, grounds and a
sorting conversation; reading the printed files back."""

import io
import re

import docx
import pypdf
from django.test import Client

from likeverd.accounts.models import User
from likeverd.accounts.tests.factories import viewer_of
from likeverd.cases import services as case_services
from likeverd.cases.models import Case, CounterpartKind, PartyRole
from likeverd.cases.services import Classification, PersonDetails
from likeverd.cases.tests.factories import register, terms
from likeverd.taxonomy.models import TermKind
from likeverd.triage import services as sorting_services
from likeverd.triage.services import SortingAnswers

TOKEN = re.compile(r'name="once_token" value="([^"]+)"')


def token_on(page: bytes) -> str:
    found = TOKEN.search(page.decode())
    assert found is not None
    return found.group(1)


def case_with_facts(user: User, *, problems: tuple[str, ...] = ()) -> Case:
    viewer = viewer_of(user)
    assert viewer.office is not None
    jurisdiction = viewer.office.jurisdiction
    case = register(
        viewer,
        narrative="Nektet adgang ved døren fordi han bar turban.",
        person_name="Amir Haddad",
        incident_municipality="Oslo",
    )
    person = case.parties.get(role=PartyRole.PERSON)
    person.phone = "+47 400 00 000"
    person.email = "amir@example.org"
    person.save()
    case_services.add_party(
        viewer=viewer,
        case=case,
        role=PartyRole.COUNTERPART,
        details=PersonDetails(name="Club Nordlys AS", role=PartyRole.COUNTERPART),
        counterpart_kind=CounterpartKind.NIGHTLIFE,
    )
    grounds = terms(jurisdiction, TermKind.GROUND, "ETHNICITY", "RELIGION")
    case_services.classify_case(viewer=viewer, case=case, classification=Classification(grounds=grounds))
    sorting_services.save_sorting(
        viewer=viewer,
        case=case,
        answers=SortingAnswers(
            what_happened="Dørvakten sa at «folk som deg» ikke kom inn.",
            who_was_present="To venner",
            other_problems=list(problems),
        ),
    )
    return case


def docx_text(content: bytes) -> str:
    document = docx.Document(io.BytesIO(content))
    return "\n".join(paragraph.text for paragraph in document.paragraphs)


def pdf_text(content: bytes) -> str:
    reader = pypdf.PdfReader(io.BytesIO(content))
    return "\n".join(page.extract_text() or "" for page in reader.pages)


def download(client: Client, url: str) -> bytes:
    response = client.get(url)
    assert response.status_code == 200
    return b"".join(response.streaming_content) if response.streaming else response.content  # type: ignore[attr-defined]
