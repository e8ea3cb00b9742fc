"""Finding messages in words: the sentences a politician reads, in any of the four languages.

A finding's ``say`` holds its message's arguments as ids and codes
(``("actors", ids)``, ``("effort", id)``, ``("level", code)``,
``("groups", codes)``, ``("effort_leads", ((effort, leads), ...))``) so one
analysis serves every language.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pandas as pd

from actormap.i18n import code_label, join_names, level_name, t
from actormap.model import ActorMap

__all__ = ["localize"]


def localize(facts: pd.DataFrame, actor_map: ActorMap, language: str | None = None) -> pd.DataFrame:
    """The findings with their ``message`` written in ``language`` (default: the map's)."""
    language = language or actor_map.language
    words = _Words(actor_map, language)
    messages = [
        t(f"rule.{rule}.{variant}", language, **{key: words(value) for key, value in say.items()})
        for rule, (variant, say) in zip(facts["rule"], facts["say"])
    ]
    return facts.drop(columns="say").assign(message=messages)


class _Words:
    """Puts a message argument into words: names for ids, the language's labels for codes."""

    def __init__(self, actor_map: ActorMap, language: str):
        self.language = language
        self.actors = actor_map.actor_names
        self.efforts = actor_map.effort_names
        self.kinds: dict[str, Callable[[Any], str]] = {
            "actors": self.names,
            "effort": self.effort,
            "level": self.level,
            "groups": self.groups,
            "effort_leads": self.effort_leads,
        }

    def __call__(self, value):
        """A message argument in words: a ``(kind, content)`` pair by its kind, any other value as it is.

        Raises
        ------
        ValueError
            When the kind is none of :attr:`kinds`.
        """
        if not isinstance(value, tuple):
            return value
        kind, content = value
        if kind not in self.kinds:
            raise ValueError(f"unknown message argument kind {kind!r}; allowed: {', '.join(self.kinds)}")
        return self.kinds[kind](content)

    def names(self, actors) -> str:
        return join_names([self.actors.get(actor, actor) for actor in actors], self.language)

    def effort(self, effort: str) -> str:
        return self.efforts.get(effort, effort)

    def level(self, level: str) -> str:
        return level_name(level, self.language)

    def groups(self, groups) -> str:
        return join_names([code_label("target_group", group, self.language) for group in groups], self.language)

    def effort_leads(self, pairs) -> str:
        """Each (effort, its leads) pair as ``“effort” (led by a and b)``, joined by semicolons."""
        return "; ".join(
            t("rule.uncoordinated_overlap.effort", self.language, effort=self.effort(e), leads=self.names(leads))
            for e, leads in pairs
        )
