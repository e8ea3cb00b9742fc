"""The README states the format as the code defines it, and the library stays free of the UI."""

import re

from conftest import ROOT

from actormap.analysis.listing import LISTING_FORMATS
from actormap.analysis.rules import RULES
from actormap.cli import COMMANDS
from actormap.export.formats import FORMATS
from actormap.files.csvfile import parse_csv
from actormap.i18n import catalog, level_names
from actormap.schema import LANGUAGES, TABLES
from actormap.validation.problems import MESSAGES

README = (ROOT / "README.md").read_text("utf-8")


def readme_table(title: str) -> list[list[str]]:
    lines = README.split(f"#### `{title}`", 1)[1].strip().splitlines()
    rows = lines[: next((i for i, line in enumerate(lines) if not line.startswith("|")), len(lines))]
    return [[cell.strip() for cell in row.strip("|").split("|")] for row in rows[2:]]


def test_every_table_and_column_is_documented_as_the_schema_says():
    for name, columns in TABLES.items():
        rows = readme_table(f"{name}.csv")
        assert [row[0].strip("`") for row in rows] == [column.name for column in columns], name
        for row, column in zip(rows, columns):
            assert row[1] == ("yes" if column.required else "no")
            assert row[3] == column.help
            if isinstance(column.allowed, tuple):
                assert row[2] == ", ".join(f"`{value}`" for value in column.allowed)


def test_readme_examples_have_the_schema_columns_and_real_rows():
    examples = re.findall(r"```csv\n(.*?)```", README, re.S)
    assert len(examples) == 4
    for text, (table, columns) in zip(examples, TABLES.items()):
        parsed = parse_csv(text.encode(), f"{table}.csv")
        assert parsed.header == [column.name for column in columns]
        assert len(parsed.rows) == 1 and not parsed.problems


def test_every_problem_code_and_rule_is_documented():
    for code in MESSAGES:
        if code != "not-a-map":
            assert f"`{code}`" in README, code
    for rule in RULES.values():
        assert f"| `{rule.name}` | {rule.severity} |" in README, rule.name


def test_every_command_and_format_is_in_the_command_line_section():
    section = README.split("## The command line", 1)[1].split("\n## ", 1)[0]
    for command in COMMANDS:
        assert f"actormap {command} " in section, command
    assert "--format table|csv|json|md" in section and "|".join(LISTING_FORMATS) == "table|csv|json|md"
    export = section.split("`export` writes the map for a meeting", 1)[1]
    for name in FORMATS:
        assert f"`{name}`" in export, name


def test_every_target_group_the_catalog_translates_is_named_in_the_readme():
    section = README.split("#### `map.toml`", 1)[1].split("#### `actors.csv`", 1)[0]
    groups = [key.split(".", 1)[1] for key in catalog("en") if key.startswith("target_group.")]
    assert groups and all(f"`{group}`" in section for group in groups)


def test_levels_table_matches_the_glossary_names():
    assert f"| id | number | {' | '.join(LANGUAGES)} |" in README
    for number, (level, names) in enumerate(level_names().items(), start=1):
        assert f"| `{level}` | {number} | {' | '.join(names.values())} |" in README, level


def test_library_imports_no_streamlit_or_pyvis_outside_its_ui():
    for path in (ROOT / "actormap").rglob("*.py"):
        relative = path.relative_to(ROOT / "actormap").as_posix()
        if relative.startswith("ui/"):
            continue
        source = path.read_text("utf-8")
        assert not re.search(r"^\s*(import|from)\s+(streamlit|pyvis)\b", source, re.M), relative
