"""The layouts a draft is printed with, and printing it: .docx with docxtpl, PDF with WeasyPrint.

A layout is a pair of files per kind of draft, `<kind>.docx` (a Word document holding Jinja
tags, read by docxtpl) and `<kind>.html` (a Jinja template, printed to PDF by WeasyPrint). The
package ships defaults per language in `layouts/<language>/`; an office replaces any of them by
putting files of the same names in `<LIKEVERD_DRAFT_TEMPLATES>/<OFFICE CODE>/` (README, "Draft
templates"). Both get the same context: every field of models.DRAFT_FIELDS as edited by the
adviser, plus `date` (the day of the save, written out) and `case_number`.

The edited text is escaped in both outputs; the HTML may not load anything from outside (no
network, no files): only `data:` addresses, so a layout carries its own images.
"""

import datetime as dt
import io
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import jinja2
import weasyprint
from django.conf import settings
from django.utils import formats, translation
from docxtpl import DocxTemplate, Listing
from jinja2.sandbox import SandboxedEnvironment

from likeverd.triage.drafts.models import DRAFT_FIELDS

DEFAULT_ROOT = Path(__file__).resolve().parent / "layouts"
FALLBACK_LANGUAGE = "en"


class LayoutError(Exception):
    """A layout file is missing or cannot be printed (an office's replacement with an error)."""


@dataclass(frozen=True)
class Layout:
    docx: Path
    html: Path
    source: str  # "office" or "default"


def _office_dir(office_code: str) -> Path | None:
    root = getattr(settings, "DRAFT_TEMPLATE_DIR", None)
    if not root:
        return None
    # Office codes are letters (OSL, BGO, MAL); anything else cannot name a folder here.
    if not office_code.isalnum():
        return None
    return Path(root) / office_code.upper()


def find_layout(*, kind: str, office_code: str, language: str) -> Layout:
    """The office's own files where it has them (each file on its own), else the defaults."""
    default_dir = DEFAULT_ROOT / language
    if not (default_dir / f"{kind}.docx").is_file():
        default_dir = DEFAULT_ROOT / FALLBACK_LANGUAGE
    office_dir = _office_dir(office_code)
    found: dict[str, Path] = {}
    source = "default"
    for suffix in ("docx", "html"):
        own = office_dir / f"{kind}.{suffix}" if office_dir is not None else None
        if own is not None and own.is_file():
            found[suffix] = own
            source = "office"
        else:
            found[suffix] = default_dir / f"{kind}.{suffix}"
        if not found[suffix].is_file():
            raise LayoutError(f"no layout {kind}.{suffix}")
    return Layout(docx=found["docx"], html=found["html"], source=source)


def written_date(day: dt.date, language: str) -> str:
    with translation.override(language):
        return str(formats.date_format(day, "DATE_FORMAT"))


def _context(fields: Mapping[str, str], *, day: dt.date, language: str, case_number: str) -> dict[str, str]:
    context = {name: fields.get(name, "").strip() for name in DRAFT_FIELDS}
    context["date"] = written_date(day, language)
    context["case_number"] = case_number
    return context


def render_docx(
    layout: Layout, fields: Mapping[str, str], *, day: dt.date, language: str, case_number: str
) -> bytes:
    context: dict[str, object] = {
        # Listing keeps the adviser's line breaks and escapes the text.
        name: Listing(value) if value else ""
        for name, value in _context(fields, day=day, language=language, case_number=case_number).items()
    }
    try:
        document = DocxTemplate(str(layout.docx))
        document.render(context, jinja_env=SandboxedEnvironment(), autoescape=True)
        out = io.BytesIO()
        document.save(out)
    except (jinja2.TemplateError, ValueError, KeyError, OSError) as error:
        raise LayoutError(f"{layout.docx.name}: {type(error).__name__}") from error
    return out.getvalue()


def _refuse_fetch(url: str, *args: object, **kwargs: object) -> dict[str, object]:
    if url.startswith("data:"):
        return weasyprint.default_url_fetcher(url)  # type: ignore[no-any-return]
    raise ValueError("a draft's layout loads nothing from outside")


def render_pdf(
    layout: Layout, fields: Mapping[str, str], *, day: dt.date, language: str, case_number: str
) -> bytes:
    environment = SandboxedEnvironment(autoescape=True, undefined=jinja2.ChainableUndefined)
    try:
        template = environment.from_string(layout.html.read_text(encoding="utf-8"))
        html = template.render(_context(fields, day=day, language=language, case_number=case_number))
        pdf = weasyprint.HTML(string=html, url_fetcher=_refuse_fetch).write_pdf()
    except (jinja2.TemplateError, OSError, UnicodeDecodeError) as error:
        raise LayoutError(f"{layout.html.name}: {type(error).__name__}") from error
    if not isinstance(pdf, bytes):
        raise LayoutError(f"{layout.html.name}: no PDF")
    return pdf
