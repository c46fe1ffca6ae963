"""Reads for the public site: offices and the municipalities they serve, an office's page in the
visitor's language, and the page texts an office admin edits.

Offices, their contact details and their page texts are public by design, so the public reads
need no viewer; the office admin's reads are scoped to the viewer's office like every staff read.
"""

from dataclasses import dataclass

from django.db.models import QuerySet

from likeverd.accounts.actors import StaffActor
from likeverd.accounts.models import Office
from likeverd.accounts.selectors import office_language as office_language
from likeverd.accounts.viewer import Viewer, scope_to_office
from likeverd.audit.models import AuditAction
from likeverd.audit.services import record_event
from likeverd.cases.access import visible_cases
from likeverd.cases.models import Case
from likeverd.core.languages import PUBLIC_LANGUAGES
from likeverd.intake.models import OfficePageText, WebReport

PAGE_TEXT_FIELDS = ("introduction", "offer", "opening_hours", "directions")


def list_public_offices() -> QuerySet[Office]:
    return Office.objects.filter(is_active=True).order_by("name")


def get_public_office(code: str) -> Office | None:
    return list_public_offices().filter(code=code.upper()).first()


@dataclass(frozen=True)
class Municipality:
    name: str
    jurisdiction: str


def list_municipalities() -> list[Municipality]:
    """Every municipality an active office serves, by country and name (no duplicates)."""
    seen: dict[tuple[str, str], Municipality] = {}
    for office in list_public_offices():
        for name in office.municipalities:
            key = (office.jurisdiction, name.casefold())
            seen.setdefault(key, Municipality(name=name, jurisdiction=office.jurisdiction))
    return sorted(seen.values(), key=lambda m: (m.jurisdiction, m.name.casefold()))


def list_offices_for_municipality(name: str) -> list[Office]:
    """The active offices serving the municipality `name` (case and spacing do not matter)."""
    wanted = " ".join(name.split()).casefold()
    if not wanted:
        return []
    return [
        office
        for office in list_public_offices()
        if any(" ".join(m.split()).casefold() == wanted for m in office.municipalities)
    ]


@dataclass(frozen=True)
class PageText:
    """One text of an office page, and the language it is written in (for the `lang` attribute)."""

    text: str
    language: str

    def __bool__(self) -> bool:
        return bool(self.text.strip())


@dataclass(frozen=True)
class OfficePage:
    office: Office
    language: str
    introduction: PageText
    offer: PageText
    opening_hours: PageText
    directions: PageText

    @property
    def has_fallback(self) -> bool:
        texts = (self.introduction, self.offer, self.opening_hours, self.directions)
        return any(text and text.language != self.language for text in texts)


def get_office_page(office: Office, *, language: str) -> OfficePage:
    """The office's page texts in `language`; each empty text falls back to the office's own language.

    Opening hours fall back once more, to the hours written on the office itself.
    """
    own = office_language(office)
    rows = {
        row.language: row
        for row in OfficePageText.objects.filter(office=office, language__in={language, own})
    }
    texts: dict[str, PageText] = {}
    for field in PAGE_TEXT_FIELDS:
        text = PageText("", language)
        for candidate in (language, own):
            row = rows.get(candidate)
            value = getattr(row, field) if row is not None else ""
            if value.strip():
                text = PageText(value, candidate)
                break
        texts[field] = text
    if not texts["opening_hours"] and office.opening_hours.strip():
        texts["opening_hours"] = PageText(office.opening_hours, own)
    return OfficePage(office=office, language=language, **texts)


def list_page_texts_for_office_admin(viewer: Viewer) -> dict[str, OfficePageText | None]:
    """Every public language, with the viewer's office's text in it (None where none is written)."""
    rows = {row.language: row for row in scope_to_office(OfficePageText.objects.all(), viewer)}
    return {language: rows.get(language) for language in PUBLIC_LANGUAGES}


def get_page_text_for_office_admin(viewer: Viewer, *, language: str) -> OfficePageText | None:
    return scope_to_office(OfficePageText.objects.all(), viewer).filter(language=language).first()


def get_web_report(*, viewer: Viewer, case: Case) -> WebReport | None:
    """What the public form said beyond the case (who reported, the best time to call, the
    consent), for a viewer who may see the case; the read is audited. None for other cases."""
    if not visible_cases(viewer).filter(pk=case.pk).exists():
        return None
    report = WebReport.objects.filter(case=case).first()
    if report is not None:
        record_event(
            actor=StaffActor.of(viewer),
            office=viewer.office,
            action=AuditAction.VIEW,
            target=report,
            case=case,
        )
    return report
