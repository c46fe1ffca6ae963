"""Article text to HTML: a small, safe subset of Markdown.

Coordinators write plain text with a few marks: `## heading`, `### subheading`, lines starting
`- ` (a list) or `1. ` (a numbered list), `**bold**` and `[words](https://...)` links. Everything
else is text. The text is escaped before any mark is read, so no HTML an author types ever
reaches a page; a link keeps only http(s), mailto, tel and this site's own addresses.
"""

import re

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

ALLOWED_TAGS = frozenset({"h2", "h3", "p", "ul", "ol", "li", "strong", "a", "br"})
_SAFE_LINK = re.compile(r"^(https?://|mailto:|tel:|/(?!/))", re.IGNORECASE)
_LINK = re.compile(r"\[([^\]\n]+)\]\(([^)\s]+)\)")
_BOLD = re.compile(r"\*\*(?=\S)(.+?)(?<=\S)\*\*")
_BULLET = re.compile(r"^[-*] +(.*)$")
_NUMBERED = re.compile(r"^\d{1,3}[.)] +(.*)$")


def _inline(escaped: str) -> str:
    """Bold and links in a line that is already escaped."""

    def link(match: re.Match[str]) -> str:
        words, target = match.group(1), match.group(2)
        if not _SAFE_LINK.match(target):
            return words
        return f'<a href="{target}" rel="noreferrer">{words}</a>'

    return _BOLD.sub(r"<strong>\1</strong>", _LINK.sub(link, escaped))


def render_article(text: str) -> SafeString:
    """The article's text as HTML (headings, paragraphs, lists, bold, links)."""
    blocks: list[str] = []
    paragraph: list[str] = []
    items: list[str] = []
    list_tag = ""

    def close_paragraph() -> None:
        if paragraph:
            blocks.append("<p>" + "<br>".join(paragraph) + "</p>")
            paragraph.clear()

    def close_list() -> None:
        nonlocal list_tag
        if items:
            blocks.append(f"<{list_tag}>" + "".join(f"<li>{item}</li>" for item in items) + f"</{list_tag}>")
            items.clear()
        list_tag = ""

    for raw in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        line = raw.strip()
        if not line:
            close_paragraph()
            close_list()
            continue
        heading = re.match(r"^(#{2,3}) +(.*)$", line)
        bullet = _BULLET.match(line)
        listed = bullet or _NUMBERED.match(line)
        if heading:
            close_paragraph()
            close_list()
            tag = "h2" if len(heading.group(1)) == 2 else "h3"
            blocks.append(f"<{tag}>{_inline(escape(heading.group(2)))}</{tag}>")
        elif listed is not None:
            close_paragraph()
            wanted = "ul" if bullet else "ol"
            if list_tag and list_tag != wanted:
                close_list()
            list_tag = wanted
            items.append(_inline(escape(listed.group(1))))
        else:
            close_list()
            paragraph.append(_inline(escape(line)))
    close_paragraph()
    close_list()
    # Every tag above is built here from escaped text: nothing typed becomes markup.
    return mark_safe("".join(blocks))  # noqa: S308


# Marks around a word that a search should not see: punctuation, quotes and Markdown marks.
WORD_EDGES = ".,;:!?\"'()[]{}*#«»“”\u2018\u2019<>-–—/"


def fold(text: str) -> str:
    """Text as search compares it: case-folded, with runs of white space made one space."""
    return " ".join(text.casefold().split())


def words_in(text: str) -> list[str]:
    """The case-folded words of `text` without the marks around them, each once, in order."""
    words = (word.strip(WORD_EDGES) for word in text.casefold().split())
    return list(dict.fromkeys(word for word in words if word))


def index_text(*parts: str) -> str:
    """What search looks words up in: every distinct word of `parts` once (docs/adr/0013)."""
    return " ".join(words_in(" ".join(parts)))
