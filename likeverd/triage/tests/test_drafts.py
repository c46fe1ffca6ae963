"""Drafts: prefilled from the case in the office's language, edited, printed to .docx and PDF
that hold the edited text, stored encrypted on the case, one version per save, audited, on the
timeline; office-bound; an office's own layout replaces the default."""

from pathlib import Path
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.http import Http404
from django.urls import reverse
from pytest_django.fixtures import Settings

from likeverd.accounts.models import Office, User
from likeverd.accounts.roles import Role
from likeverd.accounts.tests.factories import make_staff, viewer_of
from likeverd.audit.models import AuditAction, AuditEvent
from likeverd.cases.models import CaseEvent, Document, DocumentKind
from likeverd.core import files
from likeverd.triage.drafts import selectors, services
from likeverd.triage.drafts.layouts import DEFAULT_ROOT
from likeverd.triage.drafts.models import DraftKind, DraftVersion
from likeverd.triage.tests.drafting import case_with_facts, docx_text, download, pdf_text, token_on

pytestmark = pytest.mark.django_db


def prefilled(user: User, kind: DraftKind = DraftKind.COMPLAINT, *, person: bool = False) -> dict[str, str]:
    case = case_with_facts(user)
    return selectors.prefill_draft(viewer=viewer_of(user), case=case, kind=kind, include_person=person)


def test_a_complaint_is_prefilled_from_the_case_in_norwegian_without_the_person(
    office: Office, adviser: User
) -> None:
    fields = prefilled(adviser)
    assert fields["recipient"] == "Diskrimineringsnemnda"
    assert fields["subject"] == "Klage på diskriminering"
    assert "Etnisitet" in fields["grounds"] or "ETHNICITY" in fields["grounds"]
    assert "folk som deg" in fields["facts"]
    assert "To venner" in fields["facts"]
    assert "Club Nordlys AS" in fields["counterpart"]
    assert "Oslo" in fields["incident"]
    assert fields["person"] == ""  # only when the adviser asks for it
    assert "DiMe Oslo" in fields["sender"]


def test_the_person_is_named_only_when_the_adviser_chooses(office: Office, adviser: User) -> None:
    fields = prefilled(adviser, person=True)
    assert "Amir Haddad" in fields["person"]
    assert "+47 400 00 000" in fields["person"]
    read = AuditEvent.objects.filter(action=AuditAction.VIEW, detail__screen="draft_prefill").get()
    assert read.detail["person"] is True


def test_a_swedish_office_reports_to_the_equality_ombudsman_in_swedish(swedish_office: Office) -> None:
    adviser = make_staff(swedish_office, Role.ADVISER)
    fields = prefilled(adviser)
    assert fields["recipient"].startswith("Diskrimineringsombudsmannen")
    assert fields["subject"] == "Anmälan om diskriminering"
    assert "Diskrimineringsgrund" not in fields["grounds"]


def test_a_saved_draft_holds_the_edited_text_in_word_and_pdf(office: Office, adviser: User) -> None:
    case = case_with_facts(adviser)
    viewer = viewer_of(adviser)
    fields = selectors.prefill_draft(viewer=viewer, case=case, kind=DraftKind.COMPLAINT, include_person=False)
    fields["facts"] += "\nRettet av rådgiveren: han ble bedt om å gå kl. 23.40."
    version = services.save_draft(viewer=viewer, case=case, kind=DraftKind.COMPLAINT, fields=fields)

    word = docx_text(files.read(version.docx.storage_name, purpose=f"document:{version.docx.public_id}"))
    pdf = pdf_text(files.read(version.pdf.storage_name, purpose=f"document:{version.pdf.public_id}"))
    for text in (word, pdf):
        assert "Klage på diskriminering" in text
        assert "Rettet av rådgiveren" in text
        assert "Hva skjedde" in text  # the Norwegian layout's heading
        assert case.number in text
        assert "Amir Haddad" not in text
    assert version.number == 1
    assert version.docx.kind == version.pdf.kind == DocumentKind.COMPLAINT
    assert version.docx.filename.endswith(".docx")
    assert version.pdf.filename.endswith(".pdf")
    assert version.layout_source == "default"


def test_files_and_text_are_encrypted_at_rest(office: Office, adviser: User, settings: Settings) -> None:
    case = case_with_facts(adviser)
    viewer = viewer_of(adviser)
    fields = selectors.prefill_draft(
        viewer=viewer, case=case, kind=DraftKind.POLICE_REPORT, include_person=True
    )
    version = services.save_draft(viewer=viewer, case=case, kind=DraftKind.POLICE_REPORT, fields=fields)
    for document in (version.docx, version.pdf):
        raw = files.path_of(document.storage_name).read_bytes()
        assert b"PK" not in raw[:4]
        assert b"%PDF" not in raw[:8]
    with connection.cursor() as cursor:
        cursor.execute("SELECT content FROM triage_draftversion WHERE id = %s", [version.pk])
        stored = str(cursor.fetchone()[0])
    assert "Amir" not in stored
    assert "folk som deg" not in stored
    assert "Amir Haddad" in version.fields["person"]


def test_each_save_is_a_new_version_on_the_timeline_and_in_the_audit_log(
    office: Office, adviser: User
) -> None:
    case = case_with_facts(adviser)
    viewer = viewer_of(adviser)
    fields = selectors.prefill_draft(
        viewer=viewer, case=case, kind=DraftKind.EXPLANATION_REQUEST, include_person=False
    )
    first = services.save_draft(viewer=viewer, case=case, kind=DraftKind.EXPLANATION_REQUEST, fields=fields)
    second = services.save_draft(
        viewer=viewer, case=case, kind=DraftKind.EXPLANATION_REQUEST, fields={**fields, "subject": "Ny tekst"}
    )
    assert (first.number, second.number) == (1, 2)
    assert first.fields["subject"] == "Anmodning om redegjørelse"
    assert second.fields["subject"] == "Ny tekst"
    assert "Club Nordlys AS" in first.fields["recipient"]  # the letter goes to the counterpart
    assert Document.objects.filter(case=case).count() == 4  # two files per version, none replaced
    entries = CaseEvent.objects.filter(case=case, kind="draft_saved").order_by("id")
    assert [entry.data["version"] for entry in entries] == ["1", "2"]
    assert entries[1].data["docx"] == str(second.docx.public_id)
    created = AuditEvent.objects.filter(action=AuditAction.CREATE, target_type="triage.DraftVersion")
    assert created.count() == 2


def test_a_draft_needs_a_subject_or_facts_and_refuses_unknown_kinds(office: Office, adviser: User) -> None:
    case = case_with_facts(adviser)
    viewer = viewer_of(adviser)
    with pytest.raises(ValidationError):
        services.save_draft(viewer=viewer, case=case, kind=DraftKind.COMPLAINT, fields={"subject": " "})
    with pytest.raises(ValidationError):
        services.save_draft(viewer=viewer, case=case, kind="summons", fields={"subject": "x"})
    assert not DraftVersion.objects.exists()


def test_markup_and_template_tags_in_the_text_are_printed_as_text(office: Office, adviser: User) -> None:
    case = case_with_facts(adviser)
    viewer = viewer_of(adviser)
    typed = "<b>fet</b> {{ 7*7 }} {% if true %}x{% endif %} & co"
    version = services.save_draft(
        viewer=viewer, case=case, kind=DraftKind.COMPLAINT, fields={"subject": "Klage", "facts": typed}
    )
    word = docx_text(files.read(version.docx.storage_name, purpose=f"document:{version.docx.public_id}"))
    pdf = pdf_text(files.read(version.pdf.storage_name, purpose=f"document:{version.pdf.public_id}"))
    assert typed in word
    assert "{{ 7*7 }}" in pdf
    assert "<b>fet</b>" in pdf
    assert "49" not in pdf


def test_another_office_cannot_draft_on_the_case(office: Office, adviser: User, other_adviser: User) -> None:
    case = case_with_facts(adviser)
    with pytest.raises(PermissionDenied):
        services.save_draft(
            viewer=viewer_of(other_adviser), case=case, kind=DraftKind.COMPLAINT, fields={"subject": "x"}
        )
    with pytest.raises(Http404):
        selectors.prefill_draft(
            viewer=viewer_of(other_adviser), case=case, kind=DraftKind.COMPLAINT, include_person=True
        )


def test_an_office_replaces_a_layout_with_its_own_file(
    office: Office, adviser: User, settings: Settings, tmp_path: Path
) -> None:
    own = tmp_path / "layouts" / "OSL"
    own.mkdir(parents=True)
    (own / "complaint.html").write_text(
        "<html><body><p>DIME OSLO EGEN MAL</p><p>{{ subject }}</p><p>{{ facts }}</p></body></html>",
        encoding="utf-8",
    )
    settings.DRAFT_TEMPLATE_DIR = str(tmp_path / "layouts")
    case = case_with_facts(adviser)
    version = services.save_draft(
        viewer=viewer_of(adviser),
        case=case,
        kind=DraftKind.COMPLAINT,
        fields={"subject": "Klage", "facts": "Fakta"},
    )
    pdf = pdf_text(files.read(version.pdf.storage_name, purpose=f"document:{version.pdf.public_id}"))
    assert "DIME OSLO EGEN MAL" in pdf
    assert "Fakta" in pdf
    assert version.layout_source == "office"
    # The office replaced only the PDF's layout: the Word file still comes from the default.
    word = docx_text(files.read(version.docx.storage_name, purpose=f"document:{version.docx.public_id}"))
    assert "Hva skjedde" in word


def test_a_broken_office_layout_is_refused_and_stores_nothing(
    office: Office, adviser: User, settings: Settings, tmp_path: Path
) -> None:
    own = tmp_path / "OSL"
    own.mkdir()
    (own / "complaint.html").write_text("{% if %}", encoding="utf-8")
    settings.DRAFT_TEMPLATE_DIR = str(tmp_path)
    case = case_with_facts(adviser)
    with pytest.raises(ValidationError) as refused:
        services.save_draft(
            viewer=viewer_of(adviser), case=case, kind=DraftKind.COMPLAINT, fields={"subject": "x"}
        )
    assert refused.value.error_list[0].code == "layout"
    assert not DraftVersion.objects.exists()
    assert not Document.objects.exists()


def test_the_shipped_layouts_cover_every_kind_in_every_language() -> None:
    for language in ("nb", "sv", "en"):
        for kind in DraftKind.values:
            assert (DEFAULT_ROOT / language / f"{kind}.docx").is_file()
            assert (DEFAULT_ROOT / language / f"{kind}.html").is_file()


def test_an_adviser_writes_saves_and_downloads_a_draft_on_the_screens(
    office: Office, adviser: User, client_for: Any
) -> None:
    case = case_with_facts(adviser)
    client = client_for(adviser)
    start = client.get(reverse("drafts:start", args=[case.public_id]), {"kind": "complaint", "person": "1"})
    assert start.status_code == 302
    page = client.get(start["Location"])
    assert page.status_code == 200
    assert "Amir Haddad" in page.content.decode()
    form = dict(page.context["form"].initial.items())
    form["facts"] = "Redigert på skjermen: nektet adgang."
    form["once_token"] = token_on(page.content)
    url = reverse("drafts:edit", args=[case.public_id, "complaint"])
    saved = client.post(url, form)
    again = client.post(url, form)  # a double click
    assert saved.status_code == again.status_code == 302
    version = DraftVersion.objects.get()
    assert saved["Location"] == reverse("drafts:version", args=[version.public_id])
    shown = client.get(saved["Location"])
    assert "Redigert på skjermen" in shown.content.decode()
    word = docx_text(download(client, reverse("cases:document_download", args=[version.docx.public_id])))
    pdf = pdf_text(download(client, reverse("cases:document_download", args=[version.pdf.public_id])))
    assert "Redigert på skjermen" in word
    assert "Redigert på skjermen" in pdf
    assert "Amir Haddad" in word
    case_page = client.get(reverse("cases:case_detail", args=[case.public_id])).content.decode()
    assert reverse("drafts:version", args=[version.public_id]) in case_page


def test_another_offices_draft_is_a_404_and_the_probe_is_recorded(
    office: Office, adviser: User, other_adviser: User, client_for: Any
) -> None:
    case = case_with_facts(adviser)
    version = services.save_draft(
        viewer=viewer_of(adviser), case=case, kind=DraftKind.COMPLAINT, fields={"subject": "Klage"}
    )
    client = client_for(other_adviser)
    assert client.get(reverse("drafts:version", args=[version.public_id])).status_code == 404
    assert client.get(reverse("drafts:edit", args=[case.public_id, "complaint"])).status_code == 404
    assert (
        client.post(reverse("drafts:edit", args=[case.public_id, "complaint"]), {"subject": "x"}).status_code
        == 404
    )
    denied = AuditEvent.objects.filter(
        action=AuditAction.DENIED, office_id=other_adviser.memberships.get().office_id
    )
    assert {event.detail["target_type"] for event in denied} == {"triage.DraftVersion", "cases.Case"}
    assert DraftVersion.objects.count() == 1
