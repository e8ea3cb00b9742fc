"""One catalog for every word actormap shows: labels, codes, level names and finding messages in en/sv/da/nb.

The catalogs are JSON files in ``actormap/locales/``, one per language of
:data:`actormap.schema.LANGUAGES`; a key missing from a language falls back
to English, and an unknown code is shown as written.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources

from actormap.schema import LANGUAGES, LEVELS

__all__ = [
    "LANGUAGE_NAMES",
    "catalog",
    "code_label",
    "codes_text",
    "first_of",
    "join_names",
    "level_aliases",
    "level_name",
    "level_names",
    "read_cell",
    "split_cell",
    "t",
    "tn",
]

LANGUAGE_NAMES = {code: language.name for code, language in LANGUAGES.items()}
"""Each language's name in itself, by code, for a language picker."""


@cache
def catalog(language: str) -> dict[str, str]:
    """The catalog of ``language`` (one of en, sv, da, nb)."""
    if language not in LANGUAGES:
        raise ValueError(f"unknown language {language!r}; allowed: {', '.join(LANGUAGES)}")
    return json.loads(resources.files("actormap").joinpath("locales", f"{language}.json").read_text("utf-8"))


def t(key: str, language: str = "en", **fields) -> str:
    """The text for ``key`` in ``language``, with ``fields`` filled in.

    Examples
    --------
    >>> t("rule.quote", "nb", text="Mini-Maria")
    '«Mini-Maria»'
    """
    template = catalog(language).get(key) or catalog("en")[key]
    return template.format(**fields) if fields else template


def tn(key: str, count: int, language: str = "en", **fields) -> str:
    """The text for ``count`` things: ``key.one`` when ``count`` is 1, else ``key.other``, with ``{count}`` filled in.

    Sentences with two counts take each count as a part of its own (e.g. ``count.actors`` and
    ``count.efforts``), so that each part agrees with its own number.

    Parameters
    ----------
    key : str
        The catalog key without its ``.one`` / ``.other`` ending.
    count : int
        The number that chooses the form; it fills ``{count}``.
    language : str
        One of en, sv, da, nb.
    **fields
        Any other placeholders of the text.

    Examples
    --------
    >>> tn("count.findings", 1), tn("count.findings", 2), tn("count.findings", 0)
    ('1 finding', '2 findings', '0 findings')
    >>> tn("count.actors", 1, "sv"), tn("count.efforts", 3, "da")
    ('1 aktör', '3 indsatser')
    """
    return t(f"{key}.{'one' if count == 1 else 'other'}", language, count=count, **fields)


def code_label(kind: str, code: str, language: str = "en") -> str:
    """The label of a code (``kind`` is type, role, basis, status, kind or target_group).

    Examples
    --------
    >>> code_label("role", "follow_up"), code_label("target_group", "pensioners")
    ('Follow-up', 'pensioners')
    """
    key = f"{kind}.{code}"
    return catalog(language).get(key) or catalog("en").get(key) or code.replace("_", " ")


def codes_text(kind: str, codes: str, language: str = "en") -> str:
    """A comma-separated list of codes of ``kind`` as their labels.

    Examples
    --------
    >>> codes_text("role", "lead,follow_up")
    'Lead, Follow-up'
    """
    return ", ".join(code_label(kind, code, language) for code in codes.split(",") if code)


def level_name(level: str, language: str = "en") -> str:
    """The glossary's name of a level of intervention (catalog key ``level.<id>``); any other text as it is.

    Examples
    --------
    >>> level_name("early_intervention", "da")
    'Tidlig indsats'
    """
    return t(f"level.{level}", language) if level in LEVELS else level


def level_names() -> dict[str, dict[str, str]]:
    """Each level's name in every language, as ``{level: {language: name}}``.

    Examples
    --------
    >>> level_names()["treatment"]
    {'en': 'Treatment', 'sv': 'Behandling', 'da': 'Behandling', 'nb': 'Behandling'}
    """
    return {level: {language: level_name(level, language) for language in LANGUAGES} for level in LEVELS}


@cache
def level_aliases() -> dict[str, str]:
    """Map every accepted spelling of a level (lower-cased) to its id: the id, its number, its names.

    Examples
    --------
    >>> aliases = level_aliases()
    >>> aliases["behandling"], aliases["3"], aliases["tidlig indsats"]
    ('treatment', 'early_intervention', 'early_intervention')
    """
    aliases = {}
    for number, (level, names) in enumerate(level_names().items(), start=1):
        aliases[level] = level
        aliases[str(number)] = level
        for name in names.values():
            aliases[name.lower()] = level
    return aliases


def first_of(items, language: str, name=str, count=str, first: int = 3) -> list[str]:
    """The first ``first`` items in words (``name``), then how many more there are, counted by ``count``.

    Examples
    --------
    >>> first_of(["a", "b", "c", "d", "e"], "sv", str.upper)
    ['A', 'B', 'C', '2 till']
    >>> first_of(["a", "b", "c", "d"], "en")
    ['a', 'b', 'c', 'one more']
    """
    shown = [name(item) for item in items[:first]]
    more = len(items) - len(shown)
    if more:
        shown.append(t("list.more_one" if more == 1 else "list.more", language, count=count(more)))
    return shown


def join_names(names: list[str], language: str = "en") -> str:
    """``a, b and c`` in the language's words; ``a; b and c`` when a name holds a comma of its own.

    Examples
    --------
    >>> join_names(["Polisen", "Skolan", "IFO"])
    'Polisen, Skolan and IFO'
    >>> join_names(["Kriminalvården, frivården Lindköping", "Samordningsförbundet"], "sv")
    'Kriminalvården, frivården Lindköping och Samordningsförbundet'
    >>> join_names(["Kriminalvården, frivården", "IFO", "Polisen"], "sv")
    'Kriminalvården, frivården; IFO och Polisen'
    """
    if len(names) < 2:
        return "".join(names)
    separator = "; " if any("," in name for name in names[:-1]) else ", "
    return f"{separator.join(names[:-1])} {t('list.and', language)} {names[-1]}"


def split_cell(text) -> tuple[str, str] | None:
    """A ``"level:group"`` text split at its last colon, both sides trimmed; None for no text or an empty side.

    Examples
    --------
    >>> split_cell(" Behandling : youth"), split_cell("treatment:"), split_cell(4)
    (('Behandling', 'youth'), None, None)
    """
    if not isinstance(text, str):
        return None
    level, colon, group = text.rpartition(":")
    level, group = level.strip(), group.strip()
    return (level, group) if colon and level and group else None


def read_cell(text) -> tuple[str, str] | None:
    """A ``"level:group"`` text as (level id, group), the level an id, a number or a name in any language.

    Examples
    --------
    >>> read_cell("Behandling:youth"), read_cell("4:adults"), read_cell("care:adults")
    (('treatment', 'youth'), ('treatment', 'adults'), None)
    """
    parts = split_cell(text)
    level = level_aliases().get(parts[0].lower()) if parts else None
    return (level, parts[1]) if parts and level else None
