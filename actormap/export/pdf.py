"""The meeting brief as a PDF handout: the brief on one A4 page, then the network on a landscape page.

Page 1 holds what :func:`actormap.export.brief.brief_content` says (title,
notes, headline figures, coverage matrix with each cell's state in colour
and in text and the key below it, the most severe findings about efforts
and actors in sentences, the empty cells summed up level by level) and
the network drawn small; page 2 the
network image at full size. Matplotlib lays out the text (DejaVu Sans, so
Nordic letters are kept) and embeds the fonts.
"""

from __future__ import annotations

import datetime
import io
import textwrap

from matplotlib import rc_context
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.backends.backend_pdf import PdfPages
from matplotlib.figure import Figure
from matplotlib.patches import Rectangle

from actormap.export.brief import BriefContent, brief_content, findings_heading
from actormap.export.drawing import draw_network
from actormap.export.image import RC, drawn_view, network_figure
from actormap.i18n import t, tn
from actormap.view.labels import wrapped
from actormap.view.selection import Selection
from actormap.view.style import cell_color, cell_text_color

__all__ = ["brief_pdf"]

A4 = (8.27, 11.69)
LEFT, RIGHT = 0.07, 0.93
INK, GREY = "#1B1B1B", "#555555"
SEVERITY_COLORS = {"high": "#C0392B", "medium": "#E67E22", "low": "#D4AC0D"}


def brief_pdf(selection: Selection) -> bytes:
    """The handout as PDF bytes: the one-page brief and the network on its own page."""
    with rc_context(RC):
        buffer = io.BytesIO()
        created = datetime.datetime.combine(selection.date, datetime.time(12, 0), tzinfo=datetime.UTC)
        metadata = {
            "Title": selection.title,
            "Subject": selection.description,
            "Creator": "actormap",
            "CreationDate": created,
        }
        with PdfPages(buffer, metadata=metadata) as pages:
            pages.savefig(_brief_page(selection))
            pages.savefig(network_figure(selection, inches=(A4[1], A4[0])))
    return buffer.getvalue()


class _Cursor:
    """Writes blocks of text down a page, in figure fractions from the top."""

    def __init__(self, figure: Figure):
        self.figure = figure
        self.y = 0.955
        self.points = figure.get_figheight() * 72

    def down(self, points: float) -> None:
        self.y -= points / self.points

    def text(
        self,
        text: str,
        size: float,
        bold: bool = False,
        color: str = INK,
        x: float = LEFT,
        gap: float = 1.3,
        max_lines: int = 4,
    ) -> None:
        """Wrap ``text`` to the page's width, cut at ``max_lines`` (DejaVu Sans: about 0.55 em a letter, bold 0.62)."""
        room = (RIGHT - x) * self.figure.get_figwidth() * 72
        lines = textwrap.wrap(
            text, int(room / (size * (0.64 if bold else 0.56))), max_lines=max_lines, placeholder=" …"
        ) or [""]
        self.figure.text(
            x,
            self.y,
            "\n".join(lines),
            fontsize=size,
            fontweight="bold" if bold else "normal",
            color=color,
            va="top",
            linespacing=gap,
            parse_math=False,
        )
        self.down(size * gap * len(lines) + size * 0.35)


def _brief_page(selection: Selection) -> Figure:
    content = brief_content(selection)
    language = selection.language
    figure = Figure(figsize=A4, facecolor="white")
    FigureCanvasAgg(figure)
    page = _Cursor(figure)
    page.text(t("export.brief_title", language).upper(), 8, bold=True, color=GREY)
    page.text(content.title, 15, bold=True, gap=1.2)
    for note in content.notes:
        page.text(note, 8.5, color=GREY, gap=1.2)
    page.down(6)
    _figures(page, content)
    page.down(8)
    page.text(t("export.brief_coverage", language), 11, bold=True)
    _coverage(page, content)
    _key(page, content, language)
    page.text(t("export.brief_coverage_help", language), 7.5, color=GREY)
    page.down(4)
    _findings(page, content, language)
    page.down(2)
    figure.text(
        RIGHT,
        page.y,
        t("export.brief_network_page", language),
        fontsize=7.5,
        color=GREY,
        ha="right",
        va="top",
        parse_math=False,
    )
    page.text(t("export.brief_network", language), 11, bold=True)
    ax = figure.add_axes((LEFT - 0.02, 0.03, RIGHT - LEFT + 0.04, max(page.y - 0.035, 0.05)))
    if selection.drawing.nodes and page.y > 0.2:
        draw_network(ax, drawn_view(selection), scale=0.5, lanes=selection.layout == "levels")
    else:
        ax.set_axis_off()
        ax.text(
            0.5,
            0.5,
            t("export.brief_network_page", language),
            ha="center",
            va="center",
            fontsize=9,
            color=GREY,
            transform=ax.transAxes,
            parse_math=False,
        )
    return figure


def _figures(page: _Cursor, content: BriefContent) -> None:
    """The headline figures as a row of boxes: a large number over its label."""
    width = (RIGHT - LEFT) / len(content.figures)
    height = 42 / page.points
    for index, (label, value) in enumerate(content.figures):
        x = LEFT + index * width
        page.figure.add_artist(
            Rectangle(
                (x + 0.004, page.y - height),
                width - 0.008,
                height,
                facecolor="#F3F5F8",
                edgecolor="#D5DBE3",
                linewidth=0.6,
                transform=page.figure.transFigure,
            )
        )
        page.figure.text(
            x + width / 2,
            page.y - 4 / page.points,
            str(value),
            fontsize=16,
            fontweight="bold",
            ha="center",
            va="top",
            color=INK,
        )
        page.figure.text(
            x + width / 2,
            page.y - 26 / page.points,
            wrapped(label, 22, cut_words=True),
            fontsize=6.5,
            ha="center",
            va="top",
            color=GREY,
            linespacing=1.1,
            parse_math=False,
        )
    page.down(42)


def _coverage(page: _Cursor, content: BriefContent) -> None:
    """The coverage matrix as a table of cells coloured by state, as in the app; an empty cell's mark in bold."""
    columns = len(content.coverage_header)
    first = 0.2
    cell_w = (RIGHT - LEFT - first) / max(columns - 1, 1)
    row_h = 15 / page.points
    header_h = 24 / page.points
    letters = max(int(cell_w * page.figure.get_figwidth() * 72 / (6.5 * 0.5)), 6)  # DejaVu Sans: ~0.5 em a letter
    for index, label in enumerate(content.coverage_header[1:]):
        page.figure.text(
            LEFT + first + (index + 0.5) * cell_w,
            page.y - header_h + 3 / page.points,
            _heading_lines(label, letters),
            fontsize=6.5,
            ha="center",
            va="bottom",
            color=INK,
            linespacing=1.05,
            parse_math=False,
        )
    page.down(24)
    for row, states in zip(content.coverage_rows, content.coverage_states):
        page.figure.text(LEFT, page.y - row_h / 2, row[0], fontsize=7.5, va="center", color=INK, parse_math=False)
        for index, (value, state) in enumerate(zip(row[1:], states)):
            x = LEFT + first + index * cell_w
            page.figure.add_artist(
                Rectangle(
                    (x + 0.002, page.y - row_h + 0.001),
                    cell_w - 0.004,
                    row_h - 0.002,
                    facecolor=cell_color(state),
                    edgecolor="white",
                    transform=page.figure.transFigure,
                )
            )
            page.figure.text(
                x + cell_w / 2,
                page.y - row_h / 2,
                value,
                fontsize=7.5,
                ha="center",
                va="center",
                fontweight="bold" if state == "uncovered" else "normal",
                color=cell_text_color(state),
                parse_math=False,
            )
        page.down(15)
    page.down(3)


def _heading_lines(label: str, letters: int) -> str:
    """A target group's heading on at most three lines of ``letters`` letters, whole words first, "…" if cut.

    >>> print(_heading_lines("voksne med rusmiddelproblemer og avhengighet", 18))
    voksne med
    rusmiddelproblemer
    og avhengighet
    >>> print(_heading_lines("personer med samtidig rus- og psykisk lidelse", 12))
    personer med
    samtidig
    rus- og …
    """
    return "\n".join(textwrap.wrap(label, letters, max_lines=3, placeholder=" …")) or label


def _key(page: _Cursor, content: BriefContent, language: str) -> None:
    """The key of the coverage matrix: a small cell in each state's colour with its mark, then its meaning.

    The entries run on from the word "Key" and wrap below it when the line is full.
    """
    size, figure = 6.8, page.figure
    canvas = figure.canvas
    assert isinstance(canvas, FigureCanvasAgg), "the brief page is drawn by Agg"
    renderer = canvas.get_renderer()
    page_w = figure.get_figwidth() * 72

    def width(text) -> float:
        return text.get_window_extent(renderer).width / figure.bbox.width

    middle = page.y - 5 / page.points

    def write(text: str, color: str, bold: bool = False, ha: str = "left"):
        weight = "bold" if bold else "normal"
        return figure.text(
            0, middle, text, fontsize=size, fontweight=weight, color=color, ha=ha, va="center", parse_math=False
        )

    label = write(f"{t('ui.cell_key', language)}:", GREY)
    label.set_x(LEFT)
    start = x = LEFT + width(label) + 6 / page_w
    for state, mark, meaning in content.coverage_key:
        shown = write(mark, cell_text_color(state), bold=state == "uncovered", ha="center")
        said = write(meaning, GREY)
        box = width(shown) + 8 / page_w
        if x > start and x + box + width(said) + 3 / page_w > RIGHT:
            page.down(13)
            middle, x = page.y - 5 / page.points, start
        figure.add_artist(
            Rectangle(
                (x, middle - 5 / page.points),
                box,
                10 / page.points,
                facecolor=cell_color(state),
                edgecolor="#C8C8C8",
                linewidth=0.4,
                transform=figure.transFigure,
            )
        )
        shown.set_position((x + box / 2, middle))
        said.set_position((x + box + 3 / page_w, middle))
        x += box + width(said) + 14 / page_w
    page.down(15)


def _findings(page: _Cursor, content: BriefContent, language: str) -> None:
    page.text(findings_heading(content, language), 11, bold=True)
    for number, finding in enumerate(content.findings, start=1):
        new = f" ({t('export.new', language)})" if finding.new else ""
        page.figure.add_artist(
            Rectangle(
                (LEFT, page.y - 8 / page.points),
                0.008,
                7 / page.points,
                facecolor=SEVERITY_COLORS[finding.severity],
                edgecolor="none",
                transform=page.figure.transFigure,
            )
        )
        page.text(
            f"{number}. {finding.label.capitalize()} · {finding.title}{new}: {finding.message}",
            7.8,
            x=LEFT + 0.015,
            gap=1.25,
        )
    if content.more:
        page.text(tn("export.brief_findings_more", content.more, language), 7.5, color=GREY)
    if content.cell_lines:
        page.down(2)
        page.text(t("reading.cells_heading", language), 9, bold=True)
        for line in content.cell_lines:
            page.text(f"• {line}", 7.8, x=LEFT + 0.015, gap=1.25, max_lines=2)
