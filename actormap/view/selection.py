"""What an export shows: the view's filters, a what-if removal included, applied once for every format.

:func:`select` applies :class:`~actormap.view.filters.ViewFilters` to a map and returns a
:class:`Selection`: the map as if the removed actors had left, the styled
and placed network view, the findings about what is shown, and the lines
that name the map, the export date and the filters used (so a printed
page is never ambiguous). Every export format reads a selection.

>>> from actormap.model import ActorMap
>>> import datetime, pandas as pd
>>> m = ActorMap({"actors": pd.DataFrame({"id": ["sn", "polis"], "name": ["Socialnämnden", "Polisen"],
...                                       "type": ["committee", "police"]}),
...               "efforts": pd.DataFrame({"id": ["mm"], "name": ["Mini-Maria"], "level": ["4"],
...                                        "target_groups": ["youth"]}),
...               "participation": pd.DataFrame({"actor": ["sn", "polis"], "effort": ["mm", "mm"],
...                                              "role": ["lead", "partner"]})}, {"name": "Testkommun"})
>>> chosen = select(m, ViewFilters(without=("polis",)), "en", datetime.date(2025, 3, 1))
>>> chosen.actors, chosen.efforts
(['sn'], ['mm'])
>>> chosen.notes[-1]
'Filters: as if Polisen had left'
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from functools import cached_property

import pandas as pd

from actormap.analysis.compare import compare_findings, filter_findings
from actormap.analysis.rules import SEVERITIES, find_all
from actormap.analysis.slices import without_actors
from actormap.i18n import code_label, join_names, t, tn
from actormap.model import ActorMap
from actormap.schema import ACTOR_TYPES, LEVELS
from actormap.view.filters import ViewFilters
from actormap.view.labels import level_labels, target_group_labels
from actormap.view.layout import FORCE_LIMIT, force_fits, force_layout, levels_layout
from actormap.view.network import MAX_DRAWN_NODES, NetworkView, network_view

__all__ = ["LAYOUTS", "Selection", "describe_filters", "filter_errors", "filter_parts", "select"]

LAYOUTS = ("levels", "force")


def filter_errors(actor_map: ActorMap, filters: ViewFilters) -> dict[str, list[str]]:
    """The values of ``filters`` that the map does not know, by field; empty when all is well.

    ``focus`` is also wrong when it names an actor that ``without`` removes.

    Examples
    --------
    >>> from actormap.model import ActorMap
    >>> m = ActorMap({"actors": pd.DataFrame({"id": ["sn"], "name": ["Socialnämnden"], "type": ["committee"]})}, {})
    >>> filter_errors(m, ViewFilters(focus="sn", without=("sn", "x"), target_groups=("pets",)))
    {'target_groups': ['pets'], 'focus': ['sn'], 'without': ['x']}
    """
    actors = set(actor_map.actors["id"])
    errors = {
        "target_groups": [group for group in filters.target_groups if group not in actor_map.target_groups],
        "focus": [filters.focus]
        if filters.focus and (filters.focus not in actors or filters.focus in filters.without)
        else [],
        "without": [actor for actor in filters.without if actor not in actors],
        "depth": [str(filters.depth)] if filters.depth < 0 else [],
    }
    return {name: values for name, values in errors.items() if values}


@dataclass(frozen=True)
class Selection:
    """A map with the view's filters applied: what every format draws, lists and names.

    ``actor_map`` is the map after the what-if removal, ``source`` the map as
    loaded. Build one with :func:`select`.
    """

    source: ActorMap
    actor_map: ActorMap
    filters: ViewFilters
    language: str
    date: datetime.date
    layout: str
    positions: dict = field(repr=False)
    view: NetworkView = field(repr=False)

    @property
    def title(self) -> str:
        return self.source.name

    @property
    def actors(self) -> list[str]:
        """Ids of the actors shown, in the actors table's order."""
        return self.view.ids("actor")

    @property
    def efforts(self) -> list[str]:
        """Ids of the efforts shown (not ended, kept by the filters)."""
        return self.view.ids("effort")

    @property
    def description(self) -> str:
        """The notes on one line, for a file's metadata."""
        return " · ".join(self.notes)

    @property
    def figures(self) -> list[tuple[str, int]]:
        """The headline figures, (label, number): actors and efforts shown, findings by severity."""
        language, severities = self.language, self.findings["severity"]
        return [
            (t("ui.actors", language), len(self.actors)),
            (t("ui.efforts", language), len(self.efforts)),
            *((t(f"ui.findings_{s}", language), int((severities == s).sum())) for s in SEVERITIES),
        ]

    @property
    def shown_levels(self) -> list[str]:
        """The levels the filters keep, in the schema's order."""
        return [level for level in LEVELS if not self.filters.levels or level in self.filters.levels]

    @property
    def shown_target_groups(self) -> list[str]:
        """The target groups the filters keep, in the map's order."""
        groups = self.filters.target_groups
        return [group for group in self.actor_map.target_groups if not groups or group in groups]

    @cached_property
    def drawing(self) -> NetworkView:
        """What the drawn formats show: :attr:`view`, or its most connected part above MAX_DRAWN_NODES nodes."""
        if len(self.actors) + len(self.efforts) <= MAX_DRAWN_NODES:
            return self.view
        return network_view(
            self.actor_map,
            self.positions,
            self.filters,
            self.language,
            level_headings=self.layout == "levels",
            max_nodes=MAX_DRAWN_NODES,
        )

    @property
    def drawing_notes(self) -> list[str]:
        """:attr:`notes`, and what the drawing leaves out when the view is too large to draw whole."""
        hidden = self.drawing.hidden_actors, self.drawing.hidden_efforts
        if not any(hidden):
            return self.notes
        return [
            *self.notes,
            t(
                "export.limited",
                self.language,
                actors=tn("count.actors", hidden[0], self.language),
                efforts=tn("count.efforts", hidden[1], self.language),
                limit=MAX_DRAWN_NODES,
            ),
        ]

    @cached_property
    def findings(self) -> pd.DataFrame:
        """The findings about what is shown, most severe first; ``new`` marks those a removal creates.

        Levels and target groups filter as in :func:`actormap.analysis.coverage.filter_findings`;
        actor types and a focus keep the findings that name a shown actor or effort.
        """
        findings = find_all(self.actor_map, self.language)
        if self.filters.without:  # actor_map is the source without them: compare, do not remove again
            created = compare_findings(find_all(self.source, self.language), findings, self.filters.without)[0]
            made = set(zip(created["rule"], created["message"]))
            findings["new"] = [key in made for key in zip(findings["rule"], findings["message"])]
        else:
            findings["new"] = False
        findings = filter_findings(findings, level=self.filters.levels, target_group=self.filters.target_groups)
        if self.filters.actor_types or self.filters.focus:
            shown = set(self.actors) | set(self.efforts)
            keep = [
                bool(shown & (set(efforts) | set(actors)))
                for efforts, actors in zip(findings["efforts"], findings["actors"])
            ]
            findings = findings[keep].reset_index(drop=True)
        return findings

    @cached_property
    def notes(self) -> list[str]:
        """The lines printed under the title: municipality and year, when exported and last saved, filters."""
        facts = [str(self.source.meta[key]) for key in ("municipality", "year") if self.source.meta.get(key)]
        exported = [t("export.exported", self.language, date=self.date.isoformat())]
        if self.source.saved:
            exported.append(t("export.saved", self.language, date=self.source.saved.isoformat()))
        return ([" · ".join(facts)] if facts else []) + [" · ".join(exported), describe_filters(self)]


def describe_filters(selection: Selection) -> str:
    """The filters used, as one line in the selection's language."""
    parts = filter_parts(selection)
    return t(
        "export.filters",
        selection.language,
        filters="; ".join(parts) if parts else t("export.filters_none", selection.language),
    )


def filter_parts(selection: Selection) -> list[str]:
    """Each filter used, in words; empty when the whole map is shown."""
    filters, language = selection.filters, selection.language
    names = selection.source.actor_names
    parts = []
    if filters.levels:
        parts.append(
            t(
                "export.filter_levels",
                language,
                values=", ".join(name.lower() for name in level_labels(selection.shown_levels, language)),
            )
        )
    if filters.target_groups:
        parts.append(
            t(
                "export.filter_target_groups",
                language,
                values=", ".join(target_group_labels(selection.shown_target_groups, language)),
            )
        )
    if filters.actor_types:
        parts.append(
            t(
                "export.filter_actor_types",
                language,
                values=", ".join(
                    code_label("type", kind, language).lower() for kind in ACTOR_TYPES if kind in filters.actor_types
                ),
            )
        )
    if filters.focus:
        parts.append(tn("export.filter_focus", filters.depth, language, actor=names.get(filters.focus, filters.focus)))
    if filters.without:
        parts.append(
            t(
                "export.filter_without",
                language,
                actors=join_names([names.get(a, a) for a in filters.without], language),
            )
        )
    return parts


def select(
    actor_map: ActorMap,
    filters: ViewFilters | None = None,
    language: str | None = None,
    date: datetime.date | None = None,
    layout: str = "levels",
    positions: dict | None = None,
) -> Selection:
    """Apply ``filters`` (default: none) to ``actor_map`` for an export in ``language`` (default: the map's).

    Positions come from the map after the removal, in the ``levels`` or
    ``force`` layout, unless ``positions`` (of that map, in that layout) are
    given; ``date`` (default: today) is printed as the export date.

    Parameters
    ----------
    actor_map : ActorMap
        The map as loaded; it is not changed.
    filters : ViewFilters, optional
        Levels, target groups, actor types, a focus and the actors to remove (``without``).
    language : str, optional
        The language code of the labels and findings; default the map's.
    date : datetime.date, optional
        The export date; default today.
    layout : {"levels", "force"}, default "levels"
        How the network is placed (see :data:`LAYOUTS`).
    positions : dict, optional
        Node positions already computed for the reduced map in ``layout``.

    Returns
    -------
    Selection
        What every export format reads.

    Raises
    ------
    ValueError
        When ``layout`` is unknown, ``force`` for a map too large for it
        (see :data:`actormap.view.layout.FORCE_LIMIT`), or when ``filters``
        name what the map does not know (see :func:`filter_errors`).

    Examples
    --------
    See the module docstring.
    """
    if layout not in LAYOUTS:
        raise ValueError(f"unknown layout {layout!r}; allowed: {', '.join(LAYOUTS)}")
    if layout == "force" and positions is None and not force_fits(actor_map):
        raise ValueError(
            f"the force layout places at most {FORCE_LIMIT:,} actors and efforts; this map has "
            f"{len(actor_map.actors) + len(actor_map.active_efforts):,}: use the levels layout"
        )
    filters = filters or ViewFilters()
    errors = filter_errors(actor_map, filters)
    if errors:
        raise ValueError("; ".join(f"{name}: {', '.join(values)}" for name, values in errors.items()))
    language = language or actor_map.language
    reduced = without_actors(actor_map, filters.without) if filters.without else actor_map
    if positions is None:
        positions = force_layout(reduced) if layout == "force" else levels_layout(reduced)
    view = network_view(reduced, positions, filters, language, level_headings=layout == "levels")
    return Selection(actor_map, reduced, filters, language, date or datetime.date.today(), layout, positions, view)
