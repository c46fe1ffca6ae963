"""Write the shipped default layouts of drafts: likeverd/triage/drafts/layouts/<language>/<kind>.docx
and .html (see likeverd/triage/drafts/layouts.py for what they receive).

Run it after changing a heading below: `.venv/bin/python scripts/build_draft_layouts.py`. The
files are committed, so an office can copy one, change it in Word or an editor, and put it in
its own folder (README, "Draft templates").
"""

import html
from pathlib import Path

import docx
from docx.shared import Pt

ROOT = Path(__file__).resolve().parent.parent / "likeverd" / "triage" / "drafts" / "layouts"
KINDS = ("complaint", "police_report", "explanation_request")

# Headings per language; "person" per kind (who the person is to the reader).
HEADINGS: dict[str, dict[str, str]] = {
    "nb": {
        "complaint": "Klager",
        "police_report": "Fornærmede",
        "explanation_request": "Vi skriver på vegne av",
        "counterpart": "Motpart",
        "incident": "Tid og sted",
        "grounds": "Diskrimineringsgrunnlag",
        "area": "Samfunnsområde",
        "facts": "Hva skjedde",
        "evidence": "Bevis",
        "request": "Hva vi ber om",
        "closing": "Med vennlig hilsen",
        "reference": "Vår referanse",
    },
    "sv": {
        "complaint": "Anmälare",
        "police_report": "Målsägande",
        "explanation_request": "Vi skriver för",
        "counterpart": "Motpart",
        "incident": "Tid och plats",
        "grounds": "Diskrimineringsgrund",
        "area": "Samhällsområde",
        "facts": "Vad som hände",
        "evidence": "Bevisning",
        "request": "Vad vi begär",
        "closing": "Med vänliga hälsningar",
        "reference": "Vår referens",
    },
    "en": {
        "complaint": "Complainant",
        "police_report": "The injured party",
        "explanation_request": "We write on behalf of",
        "counterpart": "Counterpart",
        "incident": "When and where",
        "grounds": "Grounds of discrimination",
        "area": "Area of society",
        "facts": "What happened",
        "evidence": "Evidence",
        "request": "What we ask",
        "closing": "Yours sincerely",
        "reference": "Our reference",
    },
}

SECTIONS = ("person", "counterpart", "incident", "grounds", "area", "facts", "evidence", "request")


def _heading(words: dict[str, str], kind: str, name: str) -> str:
    return words[kind] if name == "person" else words[name]


def build_docx(path: Path, words: dict[str, str], kind: str) -> None:
    document = docx.Document()
    document.styles["Normal"].font.name = "Liberation Serif"
    document.styles["Normal"].font.size = Pt(11)
    document.add_paragraph("{{ sender }}")
    document.add_paragraph("")
    document.add_paragraph("{{ recipient }}")
    document.add_paragraph("")
    document.add_paragraph("{{ date }}")
    document.add_paragraph(f"{words['reference']}: {{{{ case_number }}}}")
    document.add_heading("{{ subject }}", level=1)
    for name in SECTIONS:
        document.add_paragraph(f"{{%p if {name} %}}")
        document.add_heading(_heading(words, kind, name), level=2)
        document.add_paragraph(f"{{{{ {name} }}}}")
        document.add_paragraph("{%p endif %}")
    document.add_paragraph("")
    document.add_paragraph(words["closing"])
    document.add_paragraph("{{ signature }}")
    document.save(str(path))


CSS = """
@page { size: A4; margin: 25mm 22mm;
        @bottom-right { content: counter(page) " / " counter(pages); font-size: 9pt; } }
body { font-family: "Liberation Serif", "DejaVu Serif", serif; font-size: 11pt; line-height: 1.4; }
.text { white-space: pre-wrap; margin: 0 0 0.8em; }
h1 { font-size: 15pt; margin: 1.2em 0 0.6em; }
h2 { font-size: 12pt; margin: 1em 0 0.3em; }
.meta { margin: 1.2em 0; }
"""


def build_html(path: Path, language: str, words: dict[str, str], kind: str) -> None:
    sections = "\n".join(
        f"{{% if {name} %}}<h2>{html.escape(_heading(words, kind, name))}</h2>"
        f'<p class="text">{{{{ {name} }}}}</p>{{% endif %}}'
        for name in SECTIONS
    )
    path.write_text(
        f"""<!doctype html>
<html lang="{language}">
<head><meta charset="utf-8"><title>{{{{ subject }}}}</title><style>{CSS}</style></head>
<body>
<p class="text">{{{{ sender }}}}</p>
<p class="text">{{{{ recipient }}}}</p>
<p class="meta">{{{{ date }}}}<br>{html.escape(words["reference"])}: {{{{ case_number }}}}</p>
<h1>{{{{ subject }}}}</h1>
{sections}
<p>{html.escape(words["closing"])}</p>
<p class="text">{{{{ signature }}}}</p>
</body>
</html>
""",
        encoding="utf-8",
    )


def main() -> None:
    for language, words in HEADINGS.items():
        folder = ROOT / language
        folder.mkdir(parents=True, exist_ok=True)
        for kind in KINDS:
            build_docx(folder / f"{kind}.docx", words, kind)
            build_html(folder / f"{kind}.html", language, words, kind)
            print(f"wrote {folder.relative_to(ROOT.parent)}/{kind}.docx and .html")


if __name__ == "__main__":
    main()
