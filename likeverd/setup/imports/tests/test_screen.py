"""The import screen: upload, dry run, choices, import; posts once, stale forms, office isolation,
and no plaintext copy of the file."""

import re
from collections.abc import Callable

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import Client
from django.urls import reverse

from conftest import log_in
from likeverd.accounts.models import Office, User
from likeverd.accounts.roles import Role
from likeverd.accounts.tests.factories import make_staff
from likeverd.audit.models import AuditAction, AuditEvent
from likeverd.cases.models import Case, CaseStatus
from likeverd.setup.imports.models import ImportedCase, ImportRun, PendingUpload
from likeverd.setup.imports.tests.sheets import NB_HEADER, csv_bytes, rows_2019, xlsx_bytes

pytestmark = pytest.mark.django_db

ClientFor = Callable[[User], Client]
TOKEN = re.compile(r'name="once_token" value="([^"]+)"')
VERSION = re.compile(r'name="version" value="(\d+)"')


def _token(page: str, index: int = 0) -> str:
    tokens: list[str] = TOKEN.findall(page)
    return tokens[index]


def _upload(client: Client, data: bytes, name: str = "saker 2019.csv") -> tuple[PendingUpload, str]:
    page = client.get(reverse("imports:upload")).content.decode()
    response = client.post(
        reverse("imports:upload"), {"file": SimpleUploadedFile(name, data), "once_token": _token(page)}
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    pending = PendingUpload.objects.get()
    return pending, client.get(response["Location"]).content.decode()


def _choose_2019_channels(client: Client, pending: PendingUpload, page: str) -> str:
    """Answer the two unrecognised channels (m0, m1) as the office would."""
    labels = re.findall(r'<label for="id_(m\d)">([^<]+)</label>', page)
    answers = {field: ("drop_in" if "Skeiv" in label else "partner") for field, label in labels}
    forms_token = _token(page)
    response = client.post(
        reverse("imports:mapping", args=[pending.public_id]),
        {**answers, "version": VERSION.findall(page)[0], "once_token": forms_token},
    )
    assert response.status_code == 302
    return client.get(response["Location"]).content.decode()


@pytest.fixture
def coordinator(oslo: Office) -> User:
    return make_staff(oslo, Role.COORDINATOR, username="cora")


def test_an_office_admin_imports_the_2019_sheet_in_three_steps(
    oslo: Office, office_admin: User, client_for: ClientFor
) -> None:
    client = client_for(office_admin)
    pending, page = _upload(client, csv_bytes(rows_2019()))

    assert 'data-count="rows">60<' in page
    assert 'data-count="problems">30<' in page
    assert "Skeiv Kafé" in page
    assert "Antirasistisk Senter" in page
    assert reverse("imports:run", args=[pending.public_id]) not in page  # not while there are problems
    page = _choose_2019_channels(client, pending, page)
    assert 'data-count="problems">0<' in page
    assert 'data-count="new">60<' in page
    assert 'data-count="mediation">8<' in page

    response = client.post(
        reverse("imports:run", args=[pending.public_id]),
        {"version": VERSION.findall(page)[-1], "once_token": _token(page, 1)},
    )
    assert response.status_code == 302
    done = client.get(response["Location"]).content.decode()
    assert 'data-count="imported">60<' in done
    assert Case.objects.filter(office=oslo).count() == 60
    assert not PendingUpload.objects.exists()
    run_row = AuditEvent.objects.get(target_type="setup.ImportRun")
    assert run_row.actor == office_admin


def test_a_double_click_on_import_imports_once(
    oslo: Office, coordinator: User, client_for: ClientFor
) -> None:
    client = client_for(coordinator)
    rows = [list(NB_HEADER), ["1", "04.03.2019", "Telefon", "Helse", "", "", "", ""]]
    pending, page = _upload(client, csv_bytes(rows))
    form = {"version": VERSION.findall(page)[-1], "once_token": _token(page, 0)}
    url = reverse("imports:run", args=[pending.public_id])

    first = client.post(url, form)
    second = client.post(url, form)

    assert second.status_code == 302
    assert second["Location"] == first["Location"]
    assert Case.objects.filter(office=oslo).count() == 1
    assert ImportRun.objects.count() == 1


def test_a_form_from_an_earlier_step_is_refused_as_stale(
    oslo: Office, office_admin: User, client_for: ClientFor
) -> None:
    client = client_for(office_admin)
    pending, first_page = _upload(client, csv_bytes(rows_2019()))
    second_tab = client.get(reverse("imports:review", args=[pending.public_id])).content.decode()
    _choose_2019_channels(client, pending, second_tab)  # the second tab answered meanwhile
    pending.refresh_from_db()
    mapping = list(pending.mapping)

    response = client.post(
        reverse("imports:mapping", args=[pending.public_id]),
        {"m0": "phone", "m1": "phone", "version": "1", "once_token": _token(first_page)},
        follow=True,
    )

    assert "earlier step" in response.content.decode() or "tidligere steg" in response.content.decode()
    pending.refresh_from_db()
    assert pending.mapping == mapping
    old_import = client.post(reverse("imports:run", args=[pending.public_id]), {"version": "1"}, follow=True)
    assert old_import.status_code == 200
    assert not Case.objects.exists()


def test_the_file_is_kept_only_encrypted_and_removed_when_discarded(
    oslo: Office, office_admin: User, client_for: ClientFor, tmp_path: object
) -> None:
    client = client_for(office_admin)
    pending, page = _upload(client, csv_bytes(rows_2019(), encoding="utf-8"))
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT content FROM {PendingUpload._meta.db_table}")  # noqa: S608
        [(stored,)] = cursor.fetchall()
    assert b"Saksnr" not in bytes(stored)
    assert b"2019-001" not in bytes(stored)

    response = client.post(
        reverse("imports:discard", args=[pending.public_id]), {"once_token": _token(page, -1)}
    )
    assert response.status_code == 302
    assert not PendingUpload.objects.exists()
    assert not Case.objects.exists()


def test_another_office_cannot_see_or_import_the_file(
    oslo: Office, bergen: Office, office_admin: User, other_admin: User, client_for: ClientFor
) -> None:
    pending, _page = _upload(client_for(office_admin), csv_bytes(rows_2019()))
    stranger = client_for(other_admin)

    assert stranger.get(reverse("imports:review", args=[pending.public_id])).status_code == 404
    assert (
        stranger.post(reverse("imports:run", args=[pending.public_id]), {"version": "1"}).status_code == 404
    )
    denied = AuditEvent.objects.filter(action=AuditAction.DENIED, actor=other_admin)
    assert denied.count() == 2
    assert denied.first().detail["reason"] == "another_office"  # type: ignore[union-attr]
    assert not Case.objects.exists()


def test_an_adviser_may_not_import(oslo: Office, adviser: User, client_for: ClientFor) -> None:
    assert client_for(adviser).get(reverse("imports:upload")).status_code == 403


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"\xd0\xcf\x11\xe0" + b"\x00" * 64, ".xls"),
        (b"Navn;Telefon\nOla;123\n", "header"),
        (b"x" * (5 * 1024 * 1024 + 10), "5 MB"),
    ],
)
def test_a_file_that_cannot_be_read_is_refused_on_the_upload_page(
    oslo: Office, office_admin: User, client_for: ClientFor, data: bytes, message: str, settings: object
) -> None:
    client = client_for(office_admin)
    client.cookies["django_language"] = "en"
    response = client.post(
        reverse("imports:upload").replace("/nb/", "/en/"), {"file": SimpleUploadedFile("x.csv", data)}
    )
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not PendingUpload.objects.exists()


def test_the_case_page_shows_the_sheets_case_number(
    oslo: Office, office_admin: User, adviser: User, client_for: ClientFor
) -> None:
    client = client_for(office_admin)
    rows = [list(NB_HEADER), ["DH-2019-17", "04.03.2019", "Telefon", "Helse", "", "ja", "Internett", ""]]
    pending, page = _upload(client, xlsx_bytes(rows), name="saker.xlsx")
    client.post(
        reverse("imports:run", args=[pending.public_id]),
        {"version": VERSION.findall(page)[-1], "once_token": _token(page, 0)},
    )
    case = ImportedCase.objects.get().case

    case_page = client_for(adviser).get(reverse("cases:case_detail", args=[case.public_id])).content.decode()
    assert "DH-2019-17" in case_page
    assert "saker.xlsx" in case_page
    assert case.status == CaseStatus.MEDIATION


def test_the_screen_sends_a_long_sheet_to_the_command_line(
    oslo: Office, office_admin: User, client_for: ClientFor
) -> None:
    rows = [list(NB_HEADER), *([str(n), "04.03.2019", "Telefon", "Helse"] for n in range(501))]
    client = client_for(office_admin)
    address = reverse("imports:upload").replace("/nb/", "/en/")
    response = client.post(address, {"file": SimpleUploadedFile("long.csv", csv_bytes(rows))})
    assert "likeverd importcases" in response.content.decode()
    assert not PendingUpload.objects.exists()


def test_an_upload_without_the_csrf_token_is_refused(oslo: Office, office_admin: User) -> None:
    client = log_in(Client(enforce_csrf_checks=True), office_admin)
    rows = [list(NB_HEADER), ["1", "04.03.2019", "Telefon", "Helse", "", "", "", ""]]
    response = client.post(reverse("imports:upload"), {"file": SimpleUploadedFile("s.csv", csv_bytes(rows))})
    assert response.status_code == 403
    assert not PendingUpload.objects.exists()
