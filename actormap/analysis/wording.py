"""Finding messages in words: the sentences a politician reads, in any of the four languages.

A finding's ``say`` holds its message's arguments as ids and codes
(``("actors", ids)``, ``("effort", id)``, ``("level", code)``,
``("groups", codes)``, ``("effort_leads", ((effort, leads), ...))``) so one
analysis serves every language.
"""

from __future__ import annotations

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

    def names(self, actors) -> str:
        return join_names([self.actors.get(actor, actor) for actor in actors], self.language)

    def __call__(self, value):
        if not isinstance(value, tuple):
            return value
        kind, content = value
        if kind == "actors":
            return self.names(content)
        if kind == "effort":
            return self.efforts.get(content, content)
        if kind == "level":
            return level_name(content, self.language)
        if kind == "groups":
            return join_names([code_label("target_group", group, self.language) for group in content], self.language)
        return "; ".join(
            t(
                "rule.uncoordinated_overlap.effort",
                self.language,
                effort=self.efforts.get(effort, effort),
                leads=self.names(leads),
            )
            for effort, leads in content
        )
