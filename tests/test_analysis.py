"""Coverage, profiles, per-level summaries, the responsibility matrix and what-if, on the hand-built map."""

from conftest import TWO_MUNICIPALITIES, write_map

import actormap
from actormap.analysis.compare import filter_findings, new_findings
from actormap.analysis.coverage import actor_profiles, coverage, level_summary, responsibility_matrix
from actormap.analysis.rules import find_all
from actormap.analysis.slices import for_municipality, municipalities, without_actors
from actormap.export import file_name


def test_coverage_counts_efforts_actors_and_leads_per_cell(kommun):
    assert coverage(kommun).values.tolist() == [
        ["promotion", "youth", 1, 1, 1, 0, "covered"],
        ["promotion", "adults", 1, 1, 1, 0, "covered"],
        ["prevention", "youth", 2, 5, 2, 0, "covered"],
        ["prevention", "adults", 0, 0, 0, 0, "uncovered"],
        ["early_intervention", "youth", 2, 3, 1, 0, "covered"],
        ["early_intervention", "adults", 1, 2, 1, 0, "covered"],
        ["treatment", "youth", 1, 2, 2, 0, "covered"],
        ["treatment", "adults", 1, 1, 1, 0, "covered"],
    ]


def test_actor_profiles_list_levels_roles_efforts_and_partners(kommun):
    profiles = actor_profiles(kommun).set_index("actor")
    assert profiles.loc["polis"].tolist() == [
        "Polisen",
        "police",
        ("prevention", "early_intervention"),
        ("performer", "partner"),
        3,
        3,
    ]
    assert profiles.loc["ifo", "roles"] == ("lead", "follow_up")
    assert profiles.loc["orphan"].tolist()[2:] == [(), (), 0, 0]  # only in an ended effort


def test_level_summary(kommun):
    assert level_summary(kommun).values.tolist() == [
        ["promotion", 1, 1, 1, 1],  # the NGO's own course needs no follow-up from the municipality
        ["prevention", 2, 5, 2, 4],
        ["early_intervention", 2, 3, 1, 3],
        ["treatment", 2, 2, 2, 2],
    ]


def test_responsibility_matrix_orders_efforts_by_level_then_name(kommun):
    matrix = responsibility_matrix(kommun)
    assert list(matrix.columns) == ["prom1", "prev1", "prev2", "early1", "early2", "treat1", "treat2"]
    assert list(matrix.index) == ["sn", "ifo", "skola", "polis", "vc", "ngo", "fritid"]
    assert matrix.loc["ifo"].tolist() == ["", "", "", "lead,follow_up", "", "", "lead"]


def test_without_actors_drops_their_rows_and_orphans_their_units(kommun):
    reduced = without_actors(kommun, ["sn"])
    assert "sn" not in set(reduced.actors["id"])
    assert reduced.actors.set_index("id").at["ifo", "parent"] == ""
    assert "sn" not in set(reduced.participation["actor"])
    assert len(kommun.actors) == 9  # the original map is untouched


def test_what_if_reports_only_the_findings_the_leaving_creates(kommun):
    created = new_findings(kommun, ["ifo"], "en")
    assert [(f.rule, f.efforts) for f in created.itertuples()] == [
        ("no_lead", ("early1",)),
        ("broken_handover", ("early1", "early2", "treat2")),
        ("fragmented", ()),  # without IFO, Vårdcentralen works alone; the police follow up their own work
    ]
    assert new_findings(kommun, ["orphan"], "en").empty


def test_filter_findings_combines_filters(kommun):
    findings = find_all(kommun, "en")
    assert len(filter_findings(findings, level="prevention")) == 4
    assert filter_findings(findings, target_group="adults", rule=["uncovered", "broken_handover"])["rule"].tolist() == [
        "uncovered",
        "broken_handover",
    ]
    assert filter_findings(findings, actor="ngo", severity="low")["efforts"].tolist() == [("prom1",), ("prev2",)]


def test_one_municipality_keeps_its_actors_their_efforts_everyone_in_them_and_their_parents(tmp_path):
    whole = actormap.load_map(write_map(tmp_path / "two", **TWO_MUNICIPALITIES))
    assert municipalities(whole) == ("Mora", "Ale")
    mora = for_municipality(whole, "Mora")
    assert mora.actors["id"].tolist() == ["mks", "mifo", "mskola", "region", "polis"]
    assert mora.efforts["id"].tolist() == ["m1", "m2"]
    assert mora.participation["effort"].tolist() == ["m1", "m1", "m2", "m2"]
    assert list(zip(mora.relations["from"], mora.relations["to"])) == [("mifo", "region")]
    assert (mora.name, mora.meta["municipality"]) == ("Två kommuner · Mora", "Mora")
    assert mora.version == whole.version + ":Mora" and file_name(mora.label, "png") == "two-mora-network.png"
    # both led; early intervention and treatment for the population are not expected
    assert find_all(mora)["rule"].value_counts().to_dict() == {
        "uncovered": 20,
        "no_follow_up": 2,
        "no_user_voice": 1,
        "fragmented": 1,
    }
    assert mora.actors.index.tolist() == [2, 3, 4, 7, 8]  # the rows of actors.csv, so problems stay located
