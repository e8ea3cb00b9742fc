"""Every registry entry has its words in every language, and the README says where the registries are."""

from dataclasses import MISSING, fields

import pytest
from conftest import ROOT

from actormap.analysis.rules import RULES, SEVERITIES, Rule
from actormap.export.formats import EXPORT_FORMATS, Format
from actormap.i18n import catalog, level_names
from actormap.schema import LANGUAGES, LEVELS, Language
from actormap.validation.problems import CODES

LOCALES = ROOT / "actormap" / "locales"
HOW_TO = "## How to add a rule, an export format or a language"


def missing(keys, language: str) -> list[str]:
    """The keys that ``language``'s own catalog lacks (a lookup would fall back to English)."""
    return sorted(set(keys) - catalog(language).keys())


def test_every_language_has_its_catalog_file_and_every_file_a_language():
    assert sorted(path.stem for path in LOCALES.glob("*.json")) == sorted(LANGUAGES)
    for code, language in LANGUAGES.items():
        assert language.code == code and language.name, code


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_rule_has_its_title_and_messages(language):
    assert missing((key for rule in RULES.values() for key in rule.message_keys), language) == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_export_format_has_its_label(language):
    assert missing((export.label_key for export in EXPORT_FORMATS.values()), language) == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_problem_code_has_its_message(language):
    assert missing((entry.message_key for entry in CODES.values()), language) == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_language_names_every_level(language):
    assert missing((f"level.{level}" for level in LEVELS), language) == []
    names = [names[language] for names in level_names().values()]
    assert len(set(names)) == len(LEVELS) and all(names), names


def test_entries_are_filed_under_their_own_names_with_known_severities():
    assert all(name == rule.name and rule.severity in SEVERITIES for name, rule in RULES.items())
    assert all(name == export.name for name, export in EXPORT_FORMATS.items())
    assert all(code == entry.code and entry.severity in ("error", "warning") for code, entry in CODES.items())


def test_the_readme_says_how_to_add_to_each_registry():
    readme = (ROOT / "README.md").read_text("utf-8")
    assert HOW_TO in readme
    section = readme.split(HOW_TO, 1)[1].split("\n## ", 1)[0]
    for name, path in [
        ("RULES", "actormap/analysis/rules.py"),
        ("EXPORT_FORMATS", "actormap/export/formats.py"),
        ("LANGUAGES", "actormap/schema.py"),
        ("CODES", "actormap/validation/problems.py"),
    ]:
        assert f"`{name}`" in section and f"`{path}`" in section, name
        assert f"\n{name} = " in (ROOT / path).read_text("utf-8"), f"{name} is not defined in {path}"
    required = {
        Rule: [field.name for field in fields(Rule) if field.default is MISSING],
        Format: [field.name for field in fields(Format)],
        Language: list(Language._fields),
    }
    for entry, names in required.items():
        assert f"`{entry.__name__}({', '.join(names)})`" in section, entry.__name__
