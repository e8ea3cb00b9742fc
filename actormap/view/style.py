"""Colours, shapes and line styles of the network and the coverage grid, shared by the app and every export.

Actor colours are Tableau 10 (distinct, readable on a projector); efforts
are squares coloured by level on a light-to-dark scale, so the two kinds
of node never look alike. In the coverage grid each cell state has its
colour (:data:`CELL_COLORS`): a covered cell is green, deeper as its count
nears the highest; one reached only by a population-wide effort light
blue; one with only planned efforts light amber; an empty one red; one
where no effort is expected grey. The grid also writes each state in text
(:func:`actormap.view.labels.cell_text`), so it reads in greyscale.
"""

from __future__ import annotations

from actormap.i18n import code_label, level_name, t
from actormap.schema import LEVELS

__all__ = [
    "ACTOR_SHAPE",
    "CELL_COLORS",
    "CELL_INK",
    "CELL_TEXT_COLORS",
    "EFFORT_SHAPE",
    "EMPTY_CELL_COLOR",
    "EMPTY_CELL_TEXT_COLOR",
    "FILLED_CELL_COLOR",
    "FULL_CELL_COLOR",
    "LEVEL_COLORS",
    "NODE_SHAPES",
    "NOT_EXPECTED_CELL_COLOR",
    "PLANNED_CELL_COLOR",
    "POPULATION_CELL_COLOR",
    "RELATION_COLOR",
    "ROLE_COLORS",
    "TYPE_COLORS",
    "actor_color",
    "cell_color",
    "cell_css",
    "cell_text_color",
    "edge_style",
    "effort_color",
    "faded",
    "heat_color",
    "hex_rgb",
    "legend_rows",
    "relation_style",
]

TYPE_COLORS = {
    "committee": "#4E79A7",
    "administration": "#76B7B2",
    "school": "#59A14F",
    "social_services": "#F28E2B",
    "health_care": "#E15759",
    "police": "#B07AA1",
    "ngo": "#EDC948",
    "user_organisation": "#FF9DA7",
    "state_agency": "#9C755F",
    "other": "#BAB0AC",
}
LEVEL_COLORS = {
    "promotion": "#C6DBEF",
    "prevention": "#8FBCDB",
    "early_intervention": "#4A90C2",
    "treatment": "#1F5A96",
}
ROLE_COLORS = {
    "lead": "#222222",
    "funder": "#2E7D32",
    "performer": "#616161",
    "partner": "#8D8D8D",
    "follow_up": "#6A1B9A",
    "advisory": "#B0B0B0",
}
RELATION_COLOR = "#C0392B"
ACTOR_SHAPE = "dot"
EFFORT_SHAPE = "square"
NODE_SHAPES = {"actor": ACTOR_SHAPE, "effort": EFFORT_SHAPE}
"""The vis-network shape of each kind of node."""
ROLE_WEIGHT = {"lead": 4.0, "follow_up": 2.5, "funder": 2.0}
"""Line width by role; roles not named draw at 1.2. The lead is the heaviest line."""
EMPTY_CELL_COLOR = "#F5B7B1"
"""A coverage cell with nothing in it, in the app, the brief and the workbook."""
EMPTY_CELL_TEXT_COLOR = "#7B241C"
FILLED_CELL_COLOR = "#E8F5E9"
"""A coverage cell with something in it; in the app it deepens to FULL_CELL_COLOR at the highest count."""
FULL_CELL_COLOR = "#1B5E20"
POPULATION_CELL_COLOR = "#DCEBF7"
"""A coverage cell reached only by an effort for the whole population at its level: lighter than a covered one."""
PLANNED_CELL_COLOR = "#FCE8C3"
"""A coverage cell with only planned efforts."""
NOT_EXPECTED_CELL_COLOR = "#E4E4E4"
"""A coverage cell where the map expects no effort."""
CELL_COLORS = {
    "covered": FILLED_CELL_COLOR,
    "population": POPULATION_CELL_COLOR,
    "planned": PLANNED_CELL_COLOR,
    "uncovered": EMPTY_CELL_COLOR,
    "not_expected": NOT_EXPECTED_CELL_COLOR,
}
"""The fill of a coverage cell by its state (see :mod:`actormap.analysis.cells`), in the app and every export."""
CELL_TEXT_COLORS = {"uncovered": EMPTY_CELL_TEXT_COLOR, "not_expected": "#5F5F5F"}
"""The text colour of a coverage cell by its state; the states not named here write in near black."""
CELL_INK = "#1B1B1B"


def actor_color(kind: str) -> str:
    """The colour of an actor of type ``kind`` (an unknown type as "other")."""
    return TYPE_COLORS.get(kind, TYPE_COLORS["other"])


def effort_color(level: str) -> str:
    """The colour of an effort at ``level`` (grey for an unknown level)."""
    return LEVEL_COLORS.get(level, "#CCCCCC")


def relation_style(basis: str) -> dict:
    """Width, colour and dashes of a relation between two actors: thin, red, dashed when informal."""
    return {"width": 1.5, "color": RELATION_COLOR, "dashes": basis == "informal"}


def edge_style(role: str, basis: str) -> dict:
    """Width, colour and dashes of a participation edge: lead heavier, informal dashed.

    Examples
    --------
    >>> edge_style("lead", "informal")
    {'width': 4.0, 'color': '#222222', 'dashes': True}
    """
    return {
        "width": ROLE_WEIGHT.get(role, 1.2),
        "color": ROLE_COLORS.get(role, "#8D8D8D"),
        "dashes": basis == "informal",
    }


def faded(color: str, alpha: float = 0.18) -> str:
    """A hex colour as a see-through ``rgba`` for nodes outside a highlight.

    Examples
    --------
    >>> faded("#4E79A7")
    'rgba(78,121,167,0.18)'
    """
    red, green, blue = hex_rgb(color)
    return f"rgba({red},{green},{blue},{alpha})"


def hex_rgb(color: str) -> tuple[int, int, int]:
    """The red, green and blue of a ``#RRGGBB`` colour.

    Examples
    --------
    >>> hex_rgb("#4E79A7")
    (78, 121, 167)
    """
    red, green, blue = (int(color[i : i + 2], 16) for i in (1, 3, 5))
    return red, green, blue


def cell_color(state: str) -> str:
    """The fill of a coverage cell in ``state`` (an unknown state as an empty cell).

    Examples
    --------
    >>> cell_color("population"), cell_color("not_expected")
    ('#DCEBF7', '#E4E4E4')
    """
    return CELL_COLORS.get(state, EMPTY_CELL_COLOR)


def cell_text_color(state: str) -> str:
    """The text colour of a coverage cell in ``state``."""
    return CELL_TEXT_COLORS.get(state, CELL_INK)


def heat_color(share: float) -> str:
    """The green of a coverage cell whose count is ``share`` of the highest, as CSS ``rgb``.

    Examples
    --------
    >>> heat_color(0.0), heat_color(1.0)
    ('rgb(232,245,233)', 'rgb(27,94,32)')
    """
    light, dark = hex_rgb(FILLED_CELL_COLOR), hex_rgb(FULL_CELL_COLOR)
    red, green, blue = (round(a + (b - a) * share) for a, b in zip(light, dark))
    return f"rgb({red},{green},{blue})"


def cell_css(state: str, share: float = 0.0) -> str:
    """The CSS of a coverage cell in ``state``; a covered one in the green of ``share`` (its count of the highest).

    An empty cell's mark is bold, so it stands out without its colour too.

    Examples
    --------
    >>> cell_css("not_expected")
    'background-color: #E4E4E4; color: #5F5F5F; text-align: center'
    >>> cell_css("covered", 1.0)
    'background-color: rgb(27,94,32); color: #FFFFFF; text-align: center'
    """
    if state == "covered":
        fill, ink = heat_color(share), "#FFFFFF" if share > 0.55 else CELL_INK
    else:
        fill, ink = cell_color(state), cell_text_color(state)
    bold = "; font-weight: bold" if state == "uncovered" else ""
    return f"background-color: {fill}; color: {ink}; text-align: center{bold}"


def legend_rows(actor_types, language: str) -> list[tuple[str, list[tuple[str, dict]]]]:
    """The network's legend in ``language``, as the app, the page and the images show it.

    Rows are (title, [(label, style)]) for the ``actor_types`` drawn, the
    levels and the links. A node's style is ``{"shape": "dot" | "square",
    "color": ...}``, a link's ``{"line": colour, "width": pixels, "dashed": bool}``.

    Examples
    --------
    >>> [(title, [label for label, _ in items]) for title, items in legend_rows(["police"], "sv")][:1]
    [('Aktörer', ['Polis'])]
    """
    actors = [
        (code_label("type", kind, language), {"shape": ACTOR_SHAPE, "color": color})
        for kind, color in TYPE_COLORS.items()
        if kind in actor_types
    ]
    levels = [(level_name(level, language), {"shape": EFFORT_SHAPE, "color": LEVEL_COLORS[level]}) for level in LEVELS]

    def link(label: str, color: str, width: float, dashed: bool = False) -> tuple[str, dict]:
        return label, {"line": color, "width": width, "dashed": dashed}

    links = [
        link(code_label("role", "lead", language), ROLE_COLORS["lead"], ROLE_WEIGHT["lead"]),
        link(code_label("role", "follow_up", language), ROLE_COLORS["follow_up"], ROLE_WEIGHT["follow_up"]),
        link(code_label("role", "funder", language), ROLE_COLORS["funder"], ROLE_WEIGHT["funder"]),
        link(t("ui.legend_other_roles", language), ROLE_COLORS["partner"], 1.5),
        link(code_label("basis", "informal", language), ROLE_COLORS["partner"], 1.5, dashed=True),
        link(t("ui.legend_relation", language), RELATION_COLOR, 1.5),
    ]
    rows = [(t("ui.actors", language), actors), (t("ui.efforts", language), levels), (t("ui.links", language), links)]
    return [(title, items) for title, items in rows if items]
