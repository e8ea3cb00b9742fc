"""The shipped checklists: what the law requires, each with its basis and a checked source, and how maps use them."""

import datetime
from importlib import resources

import pytest
from conftest import ROOT, write_map

import actormap
from actormap.checklists import COUNTRIES, shipped_expectations
from actormap.dates import as_date
from actormap.expected import held_expectations
from actormap.schema import ACTOR_TYPES, RELATION_KINDS
from actormap.validation.expected import check_expectations

README = (ROOT / "README.md").read_text("utf-8")
KEYS = {"id", "from", "to", "kind", "basis", "source", "source_title"}
ENTRIES = [(country, entry) for country in COUNTRIES for entry in shipped_expectations(country)]


@pytest.mark.parametrize("country", COUNTRIES)
def test_each_country_ships_a_checked_checklist(country):
    text = resources.files("actormap.checklists").joinpath(f"{country.lower()}.toml").read_text("utf-8")
    assert text.startswith("# Agreements") and "\n# Checked 20" in text.split("\n[[expect]]", 1)[0]
    assert shipped_expectations(country), country


@pytest.mark.parametrize("country, entry", ENTRIES, ids=[entry["id"] for _, entry in ENTRIES])
def test_each_requirement_has_types_a_kind_a_basis_and_a_source(country, entry):
    assert KEYS <= set(entry) <= KEYS | {"until"}
    assert entry["id"].startswith(f"{country.lower()}-")
    for side in ("from", "to"):
        types = entry[side] if isinstance(entry[side], list) else [entry[side]]
        assert types and set(types) <= set(ACTOR_TYPES), (side, types)
    assert entry["kind"] == "agreement" and entry["kind"] in RELATION_KINDS
    assert "§" in entry["basis"]
    assert entry["source"].startswith("https://") and entry["source_title"].strip()
    assert "until" not in entry or as_date(entry["until"]) is not None
    assert check_expectations({"expect": [entry]}, "checklist.toml") == []  # a map could write it as it is


def test_ids_are_unique_across_countries_and_each_is_in_the_readme_with_its_law_and_source():
    ids = [entry["id"] for _, entry in ENTRIES]
    assert len(ids) == len(set(ids))
    table = README.split("| country | requirement | law | source |", 1)[1]
    for _, entry in ENTRIES:
        assert f"`{entry['id']}`" in table and entry["basis"] in table and entry["source"] in table, entry["id"]


def test_a_country_without_a_checklist_has_none_whatever_it_is_written_as():
    assert shipped_expectations("fi") == shipped_expectations(["SE"]) == shipped_expectations(None) == ()
    assert shipped_expectations(" se ") == shipped_expectations("SE")


def test_the_municipality_and_the_region_sides_never_share_a_type():
    def types(side) -> set[str]:
        return set(side) if isinstance(side, list) else {side}

    for _, entry in ENTRIES:  # else an agreement inside the region would count as the municipality's
        assert not types(entry["from"]) & types(entry["to"]), entry["id"]


def test_a_map_is_held_to_its_countrys_checklist_unless_it_switches_an_entry_off():
    held = held_expectations({"country": "se"}, datetime.date(2026, 1, 1))
    assert [(e.id, e.source_actor, e.target, e.kind) for e in held] == [
        (
            "se-missbruk-overenskommelse",
            ("committee", "administration", "social_services"),
            ("health_care",),
            "agreement",
        )
    ]
    assert held[0].basis.startswith("socialtjänstlagen (2001:453) 5 kap. 9 a §") and held[0].source.startswith("https")
    assert (
        held_expectations({"country": "SE", "expect_off": ["se-missbruk-overenskommelse"]}, datetime.date.today()) == ()
    )


def test_a_requirement_holds_until_the_day_before_its_until(monkeypatch):
    ended = {**shipped_expectations("DK")[0], "until": datetime.date(2027, 1, 1)}
    monkeypatch.setattr("actormap.expected.shipped_expectations", lambda country: (ended,))
    assert [e.until for e in held_expectations({"country": "DK"}, datetime.date(2026, 12, 31))] == [ended["until"]]
    assert held_expectations({"country": "DK"}, datetime.date(2027, 1, 1)) == ()


@pytest.mark.parametrize(
    "as_of, held", [("2026-12-31", ["dk-sundhedsaftale", "own"]), ("2027-01-01", ["dk-sundhedsaftale"])]
)
def test_a_maps_own_requirement_ends_on_its_until_against_the_maps_as_of(tmp_path, as_of, held):
    meta = (
        f'country = "DK"\nas_of = {as_of}\n\n[[expect]]\nid = "own"\nfrom = "sos"\nto = ["police"]\n'
        'kind = "collaboration"\nbasis = "Byrådet 2015"\nuntil = 2027-01-01\n'
    )
    files = dict(
        actors="id,name,type\nsos,Social- og Sundhedsudvalget,committee\n",
        efforts="id,name,level,target_groups\ne1,Misbrugsbehandling,4,adults\n",
        participation="actor,effort,role\nsos,e1,lead\n",
    )
    loaded = actormap.load_map(write_map(tmp_path / "m", **files, meta=meta))
    assert [e.id for e in loaded.expectations] == held
