"""The network as a static image for slides and print: PNG, SVG or PDF, 1920x1080 unless asked otherwise.

The image carries a title (the map's name), the notes of the selection
(municipality, export date and version, the filters used), the network in
the app's colours with the level headings, the app's legend, and a caption
that says which nodes are named. Sizes are chosen for a projector at
1920x1080 and scale with the image.
"""

from __future__ import annotations

import io
import textwrap
from dataclasses import replace
from typing import Any

from matplotlib import rc_context
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.typing import RcKeyType

from actormap.export.drawing import LINE_POINTS, MARKERS, draw_network
from actormap.i18n import t, tn
from actormap.view.network import HEADING_PREFIX, NetworkView
from actormap.view.selection import Selection
from actormap.view.style import legend_rows

__all__ = ["DEFAULT_SIZE", "IMAGE_FORMATS", "caption", "drawn_view", "network_figure", "network_image", "parse_size"]

DEFAULT_SIZE = (1920, 1080)
IMAGE_FORMATS = ("png", "svg", "pdf")
DPI = 100
RC: dict[RcKeyType, Any] = {
    "svg.fonttype": "path",
    "svg.hashsalt": "actormap",
    "pdf.fonttype": 42,
    "font.family": "DejaVu Sans",
}
"""Text drawn as paths in SVG (no font needed where it is opened), fonts embedded in PDF, stable ids."""


def parse_size(text: str) -> tuple[int, int]:
    """``"1920x1080"`` as ``(1920, 1080)``.

    Raises
    ------
    ValueError
        When the text is not WIDTHxHEIGHT with sides from 200 to 10000 pixels.

    Examples
    --------
    >>> parse_size("1280x720")
    (1280, 720)
    """
    parts = text.lower().replace("×", "x").split("x")
    if len(parts) != 2 or not all(part.strip().isdigit() for part in parts):
        raise ValueError(f"size {text!r} is not WIDTHxHEIGHT, e.g. 1920x1080")
    width, height = (int(part) for part in parts)
    if not (200 <= width <= 10000 and 200 <= height <= 10000):
        raise ValueError(f"size {text!r}: each side must be 200 to 10000 pixels")
    return width, height


def caption(selection: Selection, labelled) -> str:
    """What is drawn and which nodes carry their name, in one or two sentences."""
    language = selection.language
    shown = t(
        "export.shown",
        language,
        actors=tn("count.actors", labelled.actors, language),
        efforts=tn("count.efforts", labelled.efforts, language),
    )
    if labelled.everything:
        return f"{shown} {t('export.labels_all', language)}"
    return f"{shown} " + t(
        "export.labels_some",
        language,
        actors=tn("export.labels_actors", labelled.actors, language, named=labelled.named_actors),
        efforts=tn("export.labels_efforts", labelled.efforts, language, named=labelled.named_efforts),
    )


def network_figure(
    selection: Selection, size: tuple[int, int] = DEFAULT_SIZE, inches: tuple[float, float] | None = None
) -> Figure:
    """The whole image as a Matplotlib figure of ``size`` pixels (or ``inches``, for a printed page)."""
    width_in, height_in = inches or (size[0] / DPI, size[1] / DPI)
    scale = min(width_in / 19.2, height_in / 10.8)
    figure = Figure(figsize=(width_in, height_in), dpi=DPI, facecolor="white")
    canvas = FigureCanvasAgg(figure)  # measures text while the legend and the labels are placed
    page_pt = height_in * 72
    margin = 0.018
    top = 1 - 16 * scale / page_pt
    top = _text_block(figure, [selection.title], 24 * scale, top, margin, bold=True, max_lines=2)
    top = _text_block(
        figure,
        [" · ".join(selection.drawing_notes)],
        13 * scale,
        top - 4 * scale / page_pt,
        margin,
        color="#444444",
        max_lines=3,
    )
    bottom = 12 * scale / page_pt
    caption_box = figure.text(margin, bottom, "", fontsize=11 * scale, color="#444444", va="bottom", parse_math=False)
    bottom += 22 * scale / page_pt
    legend = legend_rows(selection.drawing.actor_types, selection.language)
    bottom = _legend(figure, canvas.get_renderer(), legend, 13 * scale, bottom, margin)
    ax = figure.add_axes((margin, bottom + 8 * scale / page_pt, 1 - 2 * margin, top - bottom - 20 * scale / page_pt))
    if selection.drawing.nodes:
        labelled = draw_network(ax, drawn_view(selection), scale, lanes=selection.layout == "levels")
        caption_box.set_text(caption(selection, labelled))
    else:
        ax.set_axis_off()
        ax.text(
            0.5,
            0.5,
            t("ui.network_empty", selection.language),
            fontsize=20 * scale,
            ha="center",
            va="center",
            color="#555555",
            transform=ax.transAxes,
            parse_math=False,
        )
    return figure


def drawn_view(selection: Selection) -> NetworkView:
    """The selection's drawing; with levels chosen, only their headings, so their columns get the width."""
    levels, drawing = selection.filters.levels, selection.drawing
    if not levels:
        return drawing
    nodes = [
        node for node in drawing.nodes if node["kind"] != "heading" or node["id"].removeprefix(HEADING_PREFIX) in levels
    ]
    return replace(drawing, nodes=nodes)


def _text_block(
    figure: Figure,
    lines: list[str],
    size: float,
    top: float,
    margin: float,
    bold: bool = False,
    color: str = "#1B1B1B",
    max_lines: int = 2,
) -> float:
    """Write wrapped lines from ``top`` down (figure fractions); return where the block ends."""
    width_pt = figure.get_figwidth() * 72 * (1 - 2 * margin)
    per_line = max(int(width_pt / (size * (0.62 if bold else 0.56))), 20)
    wrapped = [part for line in lines for part in textwrap.wrap(line, per_line)][:max_lines]
    text = "\n".join(wrapped)
    figure.text(
        margin,
        top,
        text,
        fontsize=size,
        fontweight="bold" if bold else "normal",
        color=color,
        va="top",
        linespacing=1.25,
        parse_math=False,
    )
    return top - len(wrapped) * size * 1.3 / (figure.get_figheight() * 72)


def _legend(figure: Figure, renderer, rows, size: float, bottom: float, margin: float) -> float:
    """Draw the legend rows from ``bottom`` up, wrapping items that do not fit; return its top."""
    page_w, page_h = figure.bbox.width, figure.bbox.height
    line_h = size * 1.9 * figure.dpi / 72 / page_h
    key_w = size * 2.0 * figure.dpi / 72 / page_w
    lines: list[list] = []
    for title, items in rows:
        title_text = figure.text(0, 0, title, fontsize=size, fontweight="bold", va="center", parse_math=False)
        title_w = max(title_text.get_window_extent(renderer).width / page_w, 0.075)
        x, current = margin + title_w + 0.01, [(title_text, margin)]
        for label, style in items:
            text = figure.text(0, 0, label, fontsize=size, va="center", parse_math=False)
            width = key_w + 0.004 + text.get_window_extent(renderer).width / page_w + 0.016
            if x + width > 1 - margin and len(current) > 1:
                lines.append(current)
                x, current = margin + title_w + 0.01, []
            current.append((style, x))
            current.append((text, x + key_w + 0.004))
            x += width
        lines.append(current)
    y = bottom + line_h * (len(lines) - 0.5)
    for line in lines:
        for artist, x in line:
            if isinstance(artist, dict):
                _key(figure, artist, x, y, key_w, size)
            else:
                artist.set_position((x, y))
        y -= line_h
    return bottom + line_h * len(lines)


def _key(figure: Figure, style: dict, x: float, y: float, width: float, size: float) -> None:
    if "shape" in style:
        figure.add_artist(
            Line2D(
                [x + width / 2],
                [y],
                marker=MARKERS[style["shape"]],
                markersize=size * 0.95,
                markerfacecolor=style["color"],
                markeredgecolor="#333333",
                linestyle="none",
                transform=figure.transFigure,
            )
        )
    else:
        figure.add_artist(
            Line2D(
                [x, x + width],
                [y, y],
                color=style["line"],
                linewidth=style["width"] * LINE_POINTS * size / 13,
                linestyle=(0, (4, 2.5)) if style["dashed"] else "solid",
                transform=figure.transFigure,
            )
        )


def network_image(selection: Selection, image_format: str = "png", size: tuple[int, int] = DEFAULT_SIZE) -> bytes:
    """The image as PNG, SVG or PDF bytes; the SVG's width and height are ``size`` in pixels.

    The file's metadata name the map, the date and the filters too.
    """
    if image_format not in IMAGE_FORMATS:
        raise ValueError(f"unknown image format {image_format!r}; allowed: {', '.join(IMAGE_FORMATS)}")
    with rc_context(RC):
        figure = network_figure(selection, size)
        buffer = io.BytesIO()
        figure.savefig(buffer, format=image_format, dpi=DPI, metadata=_metadata(selection, image_format))
    data = buffer.getvalue()
    if image_format == "svg":
        data = _svg_pixels(data, size)
    return data


def _metadata(selection: Selection, image_format: str) -> dict:
    description = selection.description
    if image_format == "png":
        return {"Title": selection.title, "Description": description, "Software": "actormap"}
    if image_format == "svg":
        return {
            "Title": selection.title,
            "Description": description,
            "Date": selection.date.isoformat(),
            "Creator": "actormap",
        }
    return {"Title": selection.title, "Subject": description, "Creator": "actormap", "CreationDate": None}


def _svg_pixels(data: bytes, size: tuple[int, int]) -> bytes:
    """Matplotlib writes the size in points; a slide tool should see the pixels asked for."""
    head, rest = data.split(b"<svg", 1)
    tag, body = rest.split(b">", 1)
    start = tag.index(b'width="')
    end = tag.index(b'viewBox="')
    tag = tag[:start] + f'width="{size[0]}" height="{size[1]}" '.encode() + tag[end:]
    return head + b"<svg" + tag + b">" + body
