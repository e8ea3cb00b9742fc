"""What to show: the filters of the network page, the exports and the command line, in one class.

>>> filters = ViewFilters(levels=("treatment",), search="maria")
>>> filters.narrows(), ViewFilters(without=("polis",), highlight=("sn",)).narrows()
(True, False)
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["ViewFilters"]


@dataclass(frozen=True)
class ViewFilters:
    """What to show. Empty tuples mean "all".

    ``levels``, ``target_groups`` and ``actor_types`` keep those efforts and
    actors; ``roles`` and ``bases`` keep those participations. ``focus``
    keeps one actor's neighbourhood to ``depth`` steps. ``highlight`` and
    ``search`` (a part of a name) mark nodes and fade the rest. ``without``
    names the actors who leave in a what-if: :func:`actormap.view.selection.select`
    recomputes the map without them before the view is built.
    """

    levels: tuple[str, ...] = ()
    target_groups: tuple[str, ...] = ()
    actor_types: tuple[str, ...] = ()
    roles: tuple[str, ...] = ()
    bases: tuple[str, ...] = ()
    focus: str = ""
    depth: int = 2
    highlight: tuple[str, ...] = ()
    search: str = ""
    without: tuple[str, ...] = ()

    def narrows_efforts(self) -> bool:
        """Whether the filters leave out efforts or participations (and so the actors left with none)."""
        return bool(self.levels or self.target_groups or self.roles or self.bases)

    def narrows(self) -> bool:
        """Whether the filters leave out part of the network (a removal, a highlight or a search alone does not)."""
        return self.narrows_efforts() or bool(self.actor_types or self.focus)
