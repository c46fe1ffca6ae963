"""A chart per `Table`, drawn on the server as SVG (matplotlib), so the report page and its PDF
show the same picture: horizontal bars for categories (each label above its bar, so long labels
fit a phone's width), a line over months, none for money tables.

The SVG is made for the page's strict Content-Security-Policy (`style-src 'self'`): matplotlib
writes its colours as `style` attributes and a `<style>` element, which the policy would drop,
so each style property is turned into the equivalent presentation attribute (`fill`, `stroke`,
`font-size`, ...), which the policy does not govern. Text stays text (`svg.fonttype = "none"`),
ids are fixed (`svg.hashsalt`) and prefixed with the table's id so several charts share a page,
and the same table always gives the same bytes.

A suppressed cell (None) is never drawn as zero: a bar's place says "hidden", a month is
hatched. Charts are decoration for sighted readers (`aria-hidden`): the table beside each one
carries the figures for everyone.
"""

from __future__ import annotations

import io
import math
import re
import textwrap
import threading
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from typing import Any, cast

import matplotlib
from django.utils.translation import gettext as _
from matplotlib.axes import Axes
from matplotlib.backends.backend_svg import FigureCanvasSVG
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Rectangle
from matplotlib.ticker import MaxNLocator

from likeverd.statistics.tables import Row, Table

SVG_NS = "http://www.w3.org/2000/svg"
XLINK_NS = "http://www.w3.org/1999/xlink"
ET.register_namespace("", SVG_NS)
ET.register_namespace("xlink", XLINK_NS)

# Width of every chart in SVG units (points): at a phone's 358 CSS pixels of content it scales
# to about 0.9, so 12-unit labels read at about 11 pixels; the page caps it at 32rem.
WIDTH = 400.0
FONT = 12.0
SMALL = 10.5
# Okabe and Ito's palette: told apart by people with any common colour-vision deficiency.
COLOURS = ("#0072b2", "#d55e00", "#009e73", "#cc79a7", "#56b4e9", "#e69f00", "#000000")
TEXT = "#1b1e22"
MUTED = "#4a5260"
GRID = "#d5d9df"
FONT_FAMILY = "system-ui, 'Segoe UI', Roboto, 'Noto Sans', 'DejaVu Sans', Arial, sans-serif"
# A suppressed cell, in the chart and in the table beside it.
HIDDEN_MARK = "·"

RC = {
    "svg.fonttype": "none",
    "svg.hashsalt": "likeverd",
    "svg.id": None,
    "text.parse_math": False,
    "font.size": FONT,
    "font.family": "DejaVu Sans",
    "text.color": TEXT,
    "axes.edgecolor": MUTED,
    "axes.labelcolor": TEXT,
    "xtick.color": MUTED,
    "ytick.color": MUTED,
    "xtick.labelcolor": TEXT,
    "ytick.labelcolor": TEXT,
    "hatch.color": MUTED,
}
# rcParams are global to the process: one chart at a time.
_LOCK = threading.Lock()


def chart_svg(table: Table) -> str | None:
    """The chart of `table` as an inline `<svg>` element, or None when it gets no chart."""
    if table.chart == "none" or not table.rows or not table.columns:
        return None
    with _LOCK, matplotlib.rc_context(cast(Any, RC)):
        figure = _line_chart(table) if table.chart == "line" else _bar_chart(table)
        out = io.StringIO()
        FigureCanvasSVG(figure)
        figure.savefig(out, format="svg", metadata={"Date": None, "Creator": None})
    return _fit_for_page(out.getvalue(), prefix=f"chart-{table.id}", title=table.title)


def charted_columns(table: Table) -> tuple[int, ...]:
    """The columns a chart draws: a row-total column alone when the table has one, else all."""
    if table.row_totals and len(table.columns) > 1:
        return (len(table.columns) - 1,)
    return tuple(range(len(table.columns)))


def _label_lines(label: str, *, font: float = FONT) -> list[str]:
    # DejaVu Sans averages about 0.58 em a character: wrap before the chart's right edge.
    return textwrap.wrap(label, width=max(12, int(WIDTH / (font * 0.58)))) or [""]


def _legend(columns: Sequence[str], palette: Sequence[str]) -> list[tuple[str, str, float]]:
    """Each series' name, colour and the line it sits on (for several series)."""
    placed: list[tuple[str, str, float]] = []
    x = 0.0
    line = 0
    for name, colour in zip(columns, palette, strict=False):
        width = 18 + len(name) * SMALL * 0.6
        if x and x + width > WIDTH:
            x, line = 0.0, line + 1
        placed.append((name, colour, line))
        x += width + 12
    return placed


def _bar_chart(table: Table) -> Figure:
    columns = charted_columns(table)
    series = len(columns)
    palette = COLOURS if series > 1 else (COLOURS[0],)
    bar = 14.0 if series == 1 else 10.0
    line_height = FONT * 1.3
    values = [v for row in table.rows for v in (row.values[c] for c in columns) if v is not None]
    largest = max([*values, 1])
    legend = _legend([table.columns[c] for c in columns], palette) if series > 1 else []
    legend_height = (max(line for *_rest, line in legend) + 1) * 18 + 6 if legend else 0.0
    blocks = [(row, _label_lines(row.label)) for row in table.rows]
    height = legend_height + sum(len(lines) * line_height + series * (bar + 2) + 12 for _row, lines in blocks)
    figure, axes = _canvas(height)
    x_offsets: dict[int, float] = {}
    for name, colour, line in legend:
        x = x_offsets.get(int(line), 0.0)
        y = line * 18 + 4
        axes.add_patch(Rectangle((x, y), 12, 12, facecolor=colour, edgecolor="none"))
        axes.text(x + 16, y + 10, name, fontsize=SMALL, va="baseline")
        x_offsets[int(line)] = x + 18 + len(name) * SMALL * 0.6 + 12
    room = WIDTH - 70  # the longest bar leaves room for its figure
    y = legend_height
    for row, lines in blocks:
        for text in lines:
            y += line_height
            axes.text(0, y - 3, text, fontsize=FONT, va="baseline")
        y += 2
        for index, column in enumerate(columns):
            value = row.values[column]
            colour = palette[index % len(palette)]
            if value is None:
                axes.add_patch(
                    Rectangle((0, y), 24, bar, facecolor="none", edgecolor=MUTED, hatch="///", linewidth=0.8)
                )
                axes.text(
                    30,
                    y + bar - 2.5,
                    f"{HIDDEN_MARK} {_('hidden')}",
                    fontsize=SMALL,
                    color=MUTED,
                    style="italic",
                    va="baseline",
                )
            else:
                length = room * value / largest
                if length > 0:
                    axes.add_patch(
                        Rectangle((0, y), max(length, 1.5), bar, facecolor=colour, edgecolor="none")
                    )
                axes.text(length + 5, y + bar - 2.5, _number(value), fontsize=SMALL, va="baseline")
            y += bar + 2
        y += 10
    axes.add_line(Line2D([0, 0], [legend_height, height - 6], color=MUTED, linewidth=0.8))
    return figure


def _line_chart(table: Table) -> Figure:
    columns = charted_columns(table)
    count = len(table.rows)
    rotate = count > 6
    longest = max(len(row.label) for row in table.rows)
    bottom = 24 + (min(longest, 14) * SMALL * 0.45 if rotate else 0)
    hidden = [i for i, row in enumerate(table.rows) if any(row.values[c] is None for c in columns)]
    note = 18.0 if hidden else 0.0
    legend = _legend([table.columns[c] for c in columns], COLOURS) if len(columns) > 1 else []
    top = ((max(line for *_rest, line in legend) + 1) * 18 + 8) if legend else 14.0
    plot_height = 170.0
    height = top + plot_height + bottom + note
    figure = Figure(figsize=(WIDTH / 72, height / 72), dpi=72)
    left = 34.0
    axes = figure.add_axes(
        (left / WIDTH, (bottom + note) / height, (WIDTH - left - 8) / WIDTH, plot_height / height)
    )
    values = [v for row in table.rows for v in (row.values[c] for c in columns) if v is not None]
    largest = max([*values, 1])
    axes.set_xlim(-0.5, count - 0.5)
    axes.set_ylim(0, largest * 1.18)
    axes.yaxis.set_major_locator(MaxNLocator(nbins=5, integer=True))
    axes.grid(axis="y", color=GRID, linewidth=0.8)
    axes.set_axisbelow(True)
    for side in ("top", "right"):
        axes.spines[side].set_visible(False)
    axes.tick_params(labelsize=SMALL)
    axes.set_xticks(
        range(count),
        labels=[_short(row) for row in table.rows],
        rotation=45 if rotate else 0,
        ha="right" if rotate else "center",
        rotation_mode="anchor",
    )
    for index in hidden:
        axes.axvspan(index - 0.4, index + 0.4, facecolor="none", edgecolor=MUTED, hatch="///", linewidth=0)
        axes.text(index, largest * 1.1, HIDDEN_MARK, ha="center", fontsize=FONT, color=MUTED)
    for number, column in enumerate(columns):
        colour = COLOURS[number % len(COLOURS)]
        ys: list[float] = [math.nan if (v := row.values[column]) is None else float(v) for row in table.rows]
        axes.plot(range(count), ys, color=colour, linewidth=2, marker="o", markersize=4)
        if len(columns) == 1 and count <= 24:
            for x, value in enumerate(row.values[column] for row in table.rows):
                if value is not None:
                    axes.annotate(
                        _number(value),
                        (x, value),
                        xytext=(0, 5),
                        textcoords="offset points",
                        ha="center",
                        fontsize=SMALL - 1,
                    )
    for name, colour, line in legend:
        figure.text(0, 1 - (line * 18 + 14) / height, f"— {name}", color=colour, fontsize=SMALL)
    if hidden:
        figure.text(0, 4 / height, f"▨ {_('hatched: hidden (too few to show)')}", color=MUTED, fontsize=SMALL)
    return figure


def _short(row: Row) -> str:
    return row.label if len(row.label) <= 14 else row.label[:13] + "…"


def _number(value: int) -> str:
    return f"{value:,}".replace(",", "\u202f")


def _canvas(height: float) -> tuple[Figure, Axes]:
    """A figure whose data coordinates are its points, y growing downwards, without axes."""
    figure = Figure(figsize=(WIDTH / 72, height / 72), dpi=72)
    axes = figure.add_axes((0, 0, 1, 1))
    axes.set_xlim(0, WIDTH)
    axes.set_ylim(height, 0)
    axes.axis("off")
    return figure, axes


_STYLE_PROPERTY = re.compile(r"\s*([a-z-]+)\s*:\s*([^;]+)")
_REFERENCE = re.compile(r"url\(#([^)]+)\)")


def _fit_for_page(svg: str, *, prefix: str, title: str) -> str:
    """matplotlib's SVG as an element for a page under a strict CSP (see the module's doc)."""
    root = ET.fromstring(svg.encode("utf-8"))  # noqa: S314 - matplotlib's own output, not input
    parents = {child: parent for parent in root.iter() for child in parent}
    for element in list(root.iter()):
        tag = element.tag.rsplit("}", 1)[-1]
        if tag in {"metadata", "style"}:
            parents[element].remove(element)
            continue
        style = element.attrib.pop("style", "")
        for name, value in _STYLE_PROPERTY.findall(style):
            if name != "font-family":  # the page's font (the root's attribute, below)
                element.set(name, value.strip())
    referenced = set()
    for element in root.iter():
        for name, value in element.attrib.items():
            referenced.update(_REFERENCE.findall(value))
            if name == f"{{{XLINK_NS}}}href" and value.startswith("#"):
                referenced.add(value[1:])
    for element in root.iter():
        if "id" in element.attrib:
            if element.attrib["id"] in referenced:
                element.set("id", f"{prefix}-{element.attrib['id']}")
            else:
                del element.attrib["id"]
        for name, value in list(element.attrib.items()):
            value = _REFERENCE.sub(lambda match: f"url(#{prefix}-{match.group(1)})", value)
            if name == f"{{{XLINK_NS}}}href" and value.startswith("#"):
                value = f"#{prefix}-{value[1:]}"
            element.set(name, value)
    for name in ("width", "height", "version"):
        root.attrib.pop(name, None)
    root.set("class", "chart-svg")
    root.set("aria-hidden", "true")
    root.set("focusable", "false")
    root.set("font-family", FONT_FAMILY)
    root.set("stroke-linejoin", "round")
    root.set("stroke-linecap", "butt")
    title_element = ET.Element(f"{{{SVG_NS}}}title")
    title_element.text = title
    root.insert(0, title_element)
    text = ET.tostring(root, encoding="unicode")
    # Coordinates are written one per line by matplotlib: join them (a third smaller page).
    return re.sub(r"\s*\n\s*", " ", text)
