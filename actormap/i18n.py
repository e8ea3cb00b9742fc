"""One catalog for every word actormap shows: labels, codes and finding messages in en/sv/da/nb.

The catalogs are JSON files in ``actormap/locales/``; a key missing from a
language falls back to English, and an unknown code is shown as written.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources

from actormap.schema import LANGUAGES, LEVEL_NAMES

__all__ = ["LANGUAGE_NAMES", "catalog", "code_label", "codes_text", "join_names", "level_name", "t"]

LANGUAGE_NAMES = {"en": "English", "sv": "Svenska", "da": "Dansk", "nb": "Norsk bokmål"}


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
    >>> t("rule.no_follow_up.message", "en", effort="Mini-Maria")
    'Nobody follows up or evaluates “Mini-Maria”.'
    """
    template = catalog(language).get(key) or catalog("en")[key]
    return template.format(**fields) if fields else template


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
    """The glossary's name of a level of intervention.

    Examples
    --------
    >>> level_name("early_intervention", "da")
    'Tidlig indsats'
    """
    return LEVEL_NAMES[level][language] if level in LEVEL_NAMES else level


def join_names(names: list[str], language: str = "en") -> str:
    """``a, b and c`` in the language's words.

    Examples
    --------
    >>> join_names(["Polisen", "Skolan", "IFO"])
    'Polisen, Skolan and IFO'
    """
    if len(names) < 2:
        return "".join(names)
    return f"{', '.join(names[:-1])} {t('list.and', language)} {names[-1]}"
