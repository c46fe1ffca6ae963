import re
import xml.etree.ElementTree as ET

from django.utils import translation

from likeverd.statistics import charts
from likeverd.statistics.charts import chart_svg
from likeverd.statistics.tables import Row, Table
from likeverd.statistics.tests import tables_for_tests as made
from tests.model_report_2019 import AREAS_2019

SVG = "{http://www.w3.org/2000/svg}"


def _texts(svg: str) -> list[str]:
    root = ET.fromstring(svg)  # noqa: S314 - our own output
    return ["".join(element.itertext()) for element in root.iter(f"{SVG}text")]


def test_a_category_table_is_drawn_as_bars_with_its_labels_as_text() -> None:
    svg = chart_svg(made.categories())
    assert svg is not None
    texts = _texts(svg)
    assert "Bolig og nabokonflikter" in texts
    assert "15" in texts
    # One bar a category (and no bar for the total row, which the table shows).
    root = ET.fromstring(svg)  # noqa: S314
    bars = [p for p in root.iter(f"{SVG}path") if p.get("fill") == "#0072b2"]
    assert len(bars) == len(AREAS_2019)


def test_a_suppressed_cell_is_drawn_as_hidden_never_as_zero() -> None:
    table = Table(
        id="t",
        title="T",
        columns=("Cases",),
        rows=(Row("Zero", (0,)), Row("Hidden", (None,)), Row("Seven", (7,))),
        suppressed=True,
    )
    with translation.override("en"):
        svg = chart_svg(table)
    assert svg is not None
    texts = _texts(svg)
    assert texts.count("0") == 1  # the true zero
    assert "· hidden" in texts  # the suppressed cell says so
    # The hidden cell has a hatched outline, not a filled bar.
    assert "pattern" in svg


def test_charts_obey_the_pages_content_security_policy() -> None:
    """No <style> element and no style attribute: `style-src 'self'` would drop them."""
    for table in made.all_tables():
        svg = chart_svg(table)
        if svg is None:
            continue
        assert "<style" not in svg
        assert not re.search(r"\sstyle=", svg)
        assert "<script" not in svg


def test_the_same_table_gives_the_same_chart() -> None:
    first = chart_svg(made.months(hidden=(2,)))
    charts._DRAWN.clear()  # drawn again, not taken from the charts kept
    assert chart_svg(made.months(hidden=(2,))) == first


def test_ids_are_unique_across_the_charts_of_one_page() -> None:
    ids: list[str] = []
    for table in made.all_tables():
        svg = chart_svg(table)
        if svg is not None:
            ids += re.findall(r'\sid="([^"]+)"', svg)
            for reference in re.findall(r"url\(#([^)]+)\)", svg):
                assert f'id="{reference}"' in svg  # every reference resolves inside its own chart
    assert ids
    assert len(ids) == len(set(ids))


def test_a_chart_is_hidden_from_screen_readers_and_titled() -> None:
    svg = chart_svg(made.categories())
    assert svg is not None
    root = ET.fromstring(svg)  # noqa: S314
    assert root.get("aria-hidden") == "true"
    assert root.find(f"{SVG}title") is not None
    assert root.find(f"{SVG}title").text == "Saker etter samfunnsområde"  # type: ignore[union-attr]
    assert root.get("width") is None  # scales to its container (a phone's width)
    assert root.get("viewBox")


def test_a_month_that_is_hidden_is_a_gap_in_the_line() -> None:
    svg = chart_svg(made.months(hidden=(5,)))
    assert svg is not None
    root = ET.fromstring(svg)  # noqa: S314
    lines = [
        p.get("d", "")
        for p in root.iter(f"{SVG}path")
        if p.get("stroke") == "#0072b2" and p.get("fill") == "none"
    ]
    assert lines
    # The line is drawn in two pieces: before and after the hidden month.
    assert max(d.count("M") for d in lines) == 2


def test_labels_are_escaped_and_never_read_as_markup_or_mathematics() -> None:
    table = Table(
        id="t",
        title="T",
        columns=("Cases",),
        rows=(Row("<script>alert(1)</script>", (3,)), Row("Prices $5 and $6", (2,))),
    )
    svg = chart_svg(table)
    assert svg is not None
    assert "<script>" not in svg
    texts = _texts(svg)
    assert "<script>alert(1)</script>" in texts
    assert "Prices $5 and $6" in texts


def test_money_tables_get_no_chart() -> None:
    assert chart_svg(made.income()) is None


def test_a_table_with_a_row_total_column_charts_the_totals() -> None:
    svg = chart_svg(made.mediation_outcomes())
    assert svg is not None
    texts = _texts(svg)
    assert {"1", "2", "3"} <= set(texts)
    assert "Megling holdt" not in texts  # one series: no legend
