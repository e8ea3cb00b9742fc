"""Finding messages in words: the sentences a politician reads, in any of the four languages.

A finding's ``say`` holds its message's arguments as ids and codes, each a
``(kind, value)`` pair that :class:`_Words` puts into words by its kind, so
one analysis serves every language:

- ``("actors", ids)``: the actors' names, ``a, b and c``;
- ``("cut_off", (ids, count))``: up to three names of ``count`` actors, then "and four others";
- ``("effort", id)`` and ``("efforts", ids)``: effort names in the language's quotes (``rule.quote``);
- ``("groups", codes)``: target groups;
- ``("count", n)``: a count, as a word from one to ten (:func:`number_word`);
- ``("month", n)``: a month's name;
- ``("clusters", (((efforts, leads), ...), total))``: the first groups of efforts with their leads, and how
  many groups in all, for an overlap;
- ``("some_actors", ids)``: the first actors by name, then how many more ("a, b, c and two more");
- ``("parts", (ids, ...))``: parts of the network, each its size and its first actors;
- ``("pathway", name)``: a pathway's name in the language's quotes;
- ``("step", (level, group))``: a step of a pathway, "treatment for youth";
- ``("side", entries)``: a side of a required relation: actor ids by name, actor types in words.

Any other value is written as it is. Besides the rules' own keys (see
:attr:`actormap.analysis.rules.Rule.message_keys`) the wording uses the
catalog keys of :data:`WORDING_KEYS`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pandas as pd

from actormap.i18n import code_label, first_of, join_names, t
from actormap.model import ActorMap
from actormap.schema import ACTOR_TYPES

__all__ = ["WORDING_KEYS", "localize", "number_word"]

NUMBER_WORDS = 10
"""Counts up to this are written as words."""

WORDING_KEYS = (
    "rule.quote",
    *(f"number.{n}" for n in range(1, NUMBER_WORDS + 1)),
    *(f"month.{n}" for n in range(1, 13)),
)
"""The catalog keys the wording itself needs in every language: quotes, number words and month names."""


def localize(facts: pd.DataFrame, actor_map: ActorMap, language: str | None = None) -> pd.DataFrame:
    """The findings with their ``message`` written in ``language`` (default: the map's)."""
    language = language or actor_map.language
    words = _Words(actor_map, language)
    messages = [
        t(f"rule.{rule}.{variant}", language, **{key: words(value) for key, value in say.items()})
        for rule, (variant, say) in zip(facts["rule"].tolist(), facts["say"].tolist())
    ]
    return facts.drop(columns="say").assign(message=messages)


def number_word(count: int, language: str = "en", capital: bool = False) -> str:
    """A count as a word from one to ten (catalog keys ``number.<n>``), in digits above; ``capital`` starts a sentence.

    The words are the common-gender forms (sv "en", nb "en"): build the
    sentence so that fits, or give the count of one its own message.

    Examples
    --------
    >>> number_word(4, "sv"), number_word(2, "nb", capital=True), number_word(12, "da")
    ('fyra', 'To', '12')
    """
    word = t(f"number.{count}", language) if 1 <= count <= NUMBER_WORDS else str(count)
    return word[:1].upper() + word[1:] if capital else word


LISTED = 3
"""How many efforts, actors or groups a message names before it says how many more there are."""


class _Words:
    """Puts a message argument into words: names for ids, the language's labels for codes."""

    def __init__(self, actor_map: ActorMap, language: str):
        self.language = language
        self.actors = actor_map.actor_names
        self.efforts = actor_map.effort_names
        self.kinds: dict[str, Callable[[Any], str]] = {
            "actors": self.names,
            "cut_off": self.cut_off,
            "effort": self.effort,
            "efforts": self.effort_list,
            "groups": self.groups,
            "count": self.count,
            "month": self.month,
            "clusters": self.clusters,
            "some_actors": self.some_actors,
            "parts": self.parts,
            "pathway": self.pathway,
            "step": self.step,
            "side": self.side,
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

    def cut_off(self, content) -> str:
        """The first actors cut off by name, then how many more: ``a, b, c and four others``."""
        actors, count = content
        names = [self.actors.get(actor, actor) for actor in actors]
        more = count - len(names)
        if more == 1:
            names.append(t("rule.single_point.more_one", self.language))
        elif more > 1:
            names.append(t("rule.single_point.more", self.language, count=self.count(more)))
        return join_names(names, self.language)

    def effort(self, effort: str) -> str:
        return t("rule.quote", self.language, text=self.efforts.get(effort, effort))

    def effort_list(self, efforts) -> str:
        """The efforts' names; past :data:`LISTED` the first ones and how many more (``“a”, “b”, “c” and two more``)."""
        return join_names(first_of(efforts, self.language, self.effort, self.count, LISTED), self.language)

    def groups(self, groups) -> str:
        return join_names([code_label("target_group", group, self.language) for group in groups], self.language)

    def count(self, count: int) -> str:
        return number_word(count, self.language)

    def month(self, month: int) -> str:
        return t(f"month.{month}", self.language)

    def clusters(self, content) -> str:
        """The groups of efforts named, each with its leads (``“a” and “b” (led by X)``), then how many more.

        ``content`` is the named groups and how many groups there are in all.
        When a group holds several efforts, the last group follows a comma
        and "and", so the "and" between groups stands apart from those inside one.
        """
        shown, total = content
        parts = [
            t(
                "rule.uncoordinated_overlap.cluster",
                self.language,
                efforts=self.effort_list(e),
                leads=self.some_actors(leads),
            )
            for e, leads in shown
        ]
        more = total - len(shown)
        if more:
            key = "more_groups_one" if more == 1 else "more_groups"
            parts.append(t(f"rule.uncoordinated_overlap.{key}", self.language, count=self.count(more)))
        if len(parts) < 2 or all(len(efforts) == 1 for efforts, _ in shown):
            return join_names(parts, self.language)
        return f"{', '.join(parts[:-1])}, {t('list.and', self.language)} {parts[-1]}"

    def some_actors(self, actors) -> str:
        """The first :data:`LISTED` actors by name, then how many more (``a, b, c and two more``)."""
        named = first_of(actors, self.language, lambda actor: self.actors.get(actor, actor), self.count, LISTED)
        return join_names(named, self.language)

    def parts(self, parts) -> str:
        """Each part of the network as its size and first actors, ``twelve actors (a, b, c and nine more)``."""
        written = [
            t("rule.fragmented.part", self.language, count=self.count(len(part)), names=self.some_actors(part))
            for part in parts
        ]
        return join_names(written, self.language)

    def pathway(self, name: str) -> str:
        return t("rule.quote", self.language, text=name)

    def step(self, step) -> str:
        level, group = step
        return t(f"rule.broken_handover.step_{level}", self.language, group=self.groups([group]))

    def side(self, entries) -> str:
        """A side of a required relation: actors by name, types as words (``social services``); "or" before the last.

        Past :data:`LISTED` entries, the first ones and how many more (``a, b, c or two more``).
        """
        words = first_of(entries, self.language, self._side_entry, self.count, LISTED)
        if len(words) < 2:
            return "".join(words)
        separator = "; " if any("," in word for word in words[:-1]) else ", "
        return t("rule.missing_agreement.or", self.language, first=separator.join(words[:-1]), last=words[-1])

    def _side_entry(self, entry: str) -> str:
        if entry in self.actors:
            return self.actors[entry]
        if entry in ACTOR_TYPES:
            label = code_label("type", entry, self.language)
            return label[:1].lower() + label[1:]
        return entry
