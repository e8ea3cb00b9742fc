"""The actor map format as data: tables, columns, allowed values, levels and languages.

Everything that describes the format lives here, so the loader, the validator,
the README check and the UI read the same definitions.
"""

from __future__ import annotations

from typing import NamedTuple

__all__ = [
    "ACTOR_TYPES",
    "MUNICIPAL_TYPES",
    "BASES",
    "DEFAULT_NOT_EXPECTED",
    "DEFAULT_TARGET_GROUPS",
    "DEFAULT_USER_VOICE_LEVELS",
    "FUNDINGS",
    "LANGUAGES",
    "LEVELS",
    "META_FILE",
    "POPULATION",
    "RELATION_KINDS",
    "REQUIRED_TABLES",
    "ROLES",
    "STATUSES",
    "TABLES",
    "WORKING_ROLES",
    "Column",
    "Language",
]

LEVELS = ("promotion", "prevention", "early_intervention", "treatment")
"""The four levels of intervention, in order from health promotion to treatment (names: ``level.<id>`` keys)."""


class Language(NamedTuple):
    """A language of the texts: its code (a catalog ``actormap/locales/<code>.json``) and its name in itself."""

    code: str
    name: str


LANGUAGES = {
    language.code: language
    for language in (
        Language("en", "English"),
        Language("sv", "Svenska"),
        Language("da", "Dansk"),
        Language("nb", "Norsk bokmål"),
    )
}
"""Every language by code; its catalog holds every word, the level names too (``level.<id>``)."""

ACTOR_TYPES = (
    "committee",
    "administration",
    "school",
    "social_services",
    "health_care",
    "police",
    "ngo",
    "user_organisation",
    "state_agency",
    "other",
)
ROLES = ("lead", "funder", "performer", "partner", "follow_up", "advisory")
MUNICIPAL_TYPES = ("committee", "administration", "school", "social_services")
"""The types of the municipality's own bodies; their sub-units (``parent`` chains) belong to it too."""
WORKING_ROLES = ("lead", "performer", "partner")
"""The roles of the actors that do an effort's work, and so carry people on to the next level."""
BASES = ("agreement", "mandate", "informal")
FUNDINGS = ("budget", "grant")
"""What a funder's money is: the ordinary budget, or a time-limited grant (project money)."""
STATUSES = ("planned", "active", "ended")
RELATION_KINDS = ("agreement", "collaboration", "commission", "referral")
DEFAULT_TARGET_GROUPS = ("population", "children", "youth", "adults", "families", "relatives")
POPULATION = "population"
"""The target group of population-wide efforts: such an effort reaches every group at its level."""
DEFAULT_USER_VOICE_LEVELS = ("early_intervention", "treatment")
"""The levels at which people are served as users, so user organisations should take part (``user_voice_levels``)."""
DEFAULT_NOT_EXPECTED = (("early_intervention", POPULATION), ("treatment", POPULATION))
"""Cells no effort is expected in when ``map.toml`` does not say: early intervention and treatment are
for people with signs or problems, not for everyone."""


class Column(NamedTuple):
    """One column of a map table.

    ``allowed`` names the vocabulary a cell must come from: a tuple of values,
    ``"level"``, ``"target_groups"`` (the map's own list), ``"actor"`` or
    ``"effort"`` (an id of that table), ``"date"`` (see :mod:`actormap.dates`),
    or ``None`` for free text.
    """

    name: str
    required: bool
    allowed: tuple[str, ...] | str | None
    help: str
    default: str = ""


TABLES: dict[str, tuple[Column, ...]] = {
    "actors": (
        Column("id", True, None, "Unique id of the actor, used by the other files."),
        Column("name", True, None, "The actor's name as the documents write it."),
        Column("type", True, ACTOR_TYPES, "What kind of actor this is."),
        Column("sector", False, None, "Free text, e.g. municipality, region, state, civil society."),
        Column("parent", False, "actor", "Id of the actor this one belongs to (no cycles)."),
        Column("description", False, None, "Free text."),
        Column("document", False, None, "Where this fact comes from, e.g. a case number."),
        Column("contact", False, None, "Contact person or address (may hold personal data)."),
        Column("municipality", False, None, "The actor's municipality, in a map of several; blank for regional ones."),
    ),
    "efforts": (
        Column("id", True, None, "Unique id of the effort."),
        Column("name", True, None, "The effort's name."),
        Column("level", True, "level", "Level of intervention: a level id, 1-4, or its name in en/sv/da/nb."),
        Column("target_groups", True, "target_groups", "One or more of the map's target groups, comma-separated."),
        Column("status", False, STATUSES, "Whether the effort runs; blank means active.", "active"),
        Column("parent", False, "effort", "Id of the plan or programme this effort is a measure of (no cycles)."),
        Column(
            "start", False, "date", "When the effort starts: YYYY, YYYY-MM or YYYY-MM-DD; later than as_of: planned."
        ),
        Column("end", False, "date", "When the effort ends by its plan: YYYY, YYYY-MM or YYYY-MM-DD."),
        Column("goal", False, None, "What the plan says the effort should achieve."),
        Column("indicator", False, None, "How the plan measures whether the goal is reached."),
        Column("description", False, None, "Free text."),
        Column("document", False, None, "Where this fact comes from."),
    ),
    "participation": (
        Column("actor", True, "actor", "Id of the actor taking part."),
        Column("effort", True, "effort", "Id of the effort."),
        Column("role", True, ROLES, "The actor's role in the effort; one row per role."),
        Column("basis", False, BASES, "What the participation rests on; blank means informal.", "informal"),
        Column("funding", False, FUNDINGS, "For a funder: ordinary budget or a time-limited grant; blank if unknown."),
        Column("description", False, None, "Free text, e.g. that the mapper inferred the row rather than read it."),
        Column("document", False, None, "Where this fact comes from."),
    ),
    "relations": (
        Column("from", True, "actor", "Id of the first actor."),
        Column("to", True, "actor", "Id of the second actor."),
        Column("kind", True, RELATION_KINDS, "What links the two actors."),
        Column("basis", False, BASES, "What the relation rests on; blank means informal.", "informal"),
        Column("description", False, None, "Free text."),
        Column("document", False, None, "Where this fact comes from."),
    ),
}
"""The columns of each table, in the order a new file is written."""

META_FILE = "map.toml"
"""The metadata's file name in a map folder."""

REQUIRED_TABLES = ("actors", "efforts", "participation")
