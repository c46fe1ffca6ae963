"""Article text becomes HTML of a few safe tags: no markup an author types ever gets through."""

from html.parser import HTMLParser

from hypothesis import given
from hypothesis import strategies as st

from likeverd.knowledge.rendering import ALLOWED_TAGS, fold, index_text, render_article


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, attrs))


def tags_of(html: str) -> list[tuple[str, list[tuple[str, str | None]]]]:
    parser = _Tags()
    parser.feed(html)
    return parser.tags


def test_headings_lists_bold_and_links_render() -> None:
    html = render_article(
        "## Før du gjør noe\n1. **Ta skjermbilder**\n2. Kopier lenken\n\n- en\n- to\n\n"
        "Les [mer hos politiet](https://www.politiet.no/) eller [her](/nb/knowledge/)."
    )
    assert "<h2>Før du gjør noe</h2>" in html
    assert "<ol><li><strong>Ta skjermbilder</strong></li><li>Kopier lenken</li></ol>" in html
    assert "<ul><li>en</li><li>to</li></ul>" in html
    assert '<a href="https://www.politiet.no/" rel="noreferrer">mer hos politiet</a>' in html
    assert '<a href="/nb/knowledge/" rel="noreferrer">her</a>' in html


def test_typed_html_is_shown_as_text_never_run() -> None:
    html = render_article('<script>alert(1)</script> <img src=x onerror="alert(2)"> <b>bold</b>')
    assert "<script" not in html
    assert "<img" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert [tag for tag, _ in tags_of(html)] == ["p"]


def test_links_to_scripts_data_or_other_schemes_keep_only_their_words() -> None:
    for target in (
        "javascript:alert(1)",
        "JaVaScRiPt:alert(1)",
        "data:text/html,x",
        "//evil.example/",
        "vbscript:x",
    ):
        html = render_article(f"[klikk]({target})")
        assert "<a" not in html, target
        assert "klikk" in html


def test_a_quote_in_a_link_cannot_leave_the_attribute() -> None:
    html = render_article('[x](https://example.org/"onmouseover="alert(1))')
    for tag, attrs in tags_of(html):
        if tag == "a":
            assert [name for name, _ in attrs] == ["href", "rel"]


@given(st.text(max_size=300))
def test_any_text_renders_to_allowed_tags_and_safe_links_only(text: str) -> None:
    for tag, attrs in tags_of(render_article(text)):
        assert tag in ALLOWED_TAGS
        for name, value in attrs:
            assert (tag, name) in {("a", "href"), ("a", "rel")}
            if name == "href":
                assert value is not None
                assert value.lower().startswith(("http://", "https://", "mailto:", "tel:", "/"))
                assert not value.startswith("//")


def test_folding_makes_case_and_spacing_alike() -> None:
    assert fold("  ÅTAL  og\nBevis ") == "åtal og bevis"


def test_the_search_column_holds_each_word_once_without_marks() -> None:
    text = index_text(
        "**Ta** skjermbilder", "", "## Ta SKJERMBILDER, før «innlegget» slettes (straffeloven § 185)."
    )
    assert text == "ta skjermbilder før innlegget slettes straffeloven § 185"
