"""Every rule fires exactly where its definition says, and nowhere else."""

from dataclasses import replace

import pandas as pd
import pytest
from conftest import KOMMUN, write_map

import actormap
from actormap.analysis.rules import find_all, find_facts
from actormap.analysis.wording import localize


def summary(findings):
    return [(f.rule, f.level, f.to_level, f.target_group, f.efforts, f.actors) for f in findings.itertuples()]


def test_hand_built_map_has_exactly_the_expected_findings(kommun):
    assert summary(find_all(kommun)) == [
        ("uncovered", "prevention", "", "adults", (), ()),
        ("no_lead", "early_intervention", "", "youth", ("early2",), ("polis", "skola")),
        ("broken_handover", "early_intervention", "treatment", "adults", ("early1", "treat1"), ("ifo", "polis", "vc")),
        ("multiple_leads", "treatment", "", "youth", ("treat2",), ("vc", "ifo")),
        ("no_follow_up", "promotion", "", "youth,adults", ("prom1",), ("ngo",)),
        ("no_follow_up", "prevention", "", "youth", ("prev2",), ("fritid", "ngo")),
        ("uncoordinated_overlap", "prevention", "", "youth", ("prev1", "prev2"), ("skola", "fritid")),
        ("single_point", "", "", "", (), ("polis",)),
        ("single_point", "", "", "", (), ("ifo",)),
        ("informal_only", "promotion", "", "youth,adults", ("prom1",), ("ngo",)),
        ("informal_only", "prevention", "", "youth", ("prev2",), ("fritid", "ngo")),
        ("isolated_actor", "", "", "", (), ("orphan",)),
    ]


def test_severities_follow_the_rules(kommun):
    findings = find_all(kommun)
    assert dict(zip(findings["rule"], findings["severity"])) == {
        "uncovered": "high",
        "no_lead": "high",
        "broken_handover": "high",
        "multiple_leads": "medium",
        "no_follow_up": "medium",
        "uncoordinated_overlap": "medium",
        "single_point": "medium",
        "informal_only": "low",
        "isolated_actor": "low",
    }


def test_messages_name_actors_and_efforts_by_name(kommun):
    messages = dict(zip(zip(find_all(kommun)["rule"], find_all(kommun)["actors"]), find_all(kommun)["message"]))
    assert messages[("multiple_leads", ("vc", "ifo"))] == (
        "“Mini-Maria” has 2 lead actors (Vårdcentralen and IFO), so it is unclear who is responsible."
    )
    assert messages[("single_point", ("polis",))] == (
        "If Polisen drops out, the collaboration network falls apart and 2 actors are cut off from the rest."
    )
    assert messages[("single_point", ("ifo",))] == (
        "If IFO drops out, the collaboration network falls apart and 1 actor is cut off from the rest."
    )
    assert messages[("broken_handover", ("ifo", "polis", "vc"))] == (
        "Nobody carries adults from Early intervention to Treatment: no actor takes part at both levels "
        "and no relation links them."
    )


def with_files(tmp_path, **changes):
    return actormap.load_map(write_map(tmp_path / "variant", **{**KOMMUN, **changes}))


def rules_about(findings, rule):
    return [f.efforts or f.actors for f in findings.itertuples() if f.rule == rule]


def test_a_relation_between_leads_coordinates_overlapping_efforts(tmp_path):
    variant = with_files(tmp_path, relations="from,to,kind,basis\nfritid,skola,collaboration,informal\n")
    assert rules_about(find_all(variant), "uncoordinated_overlap") == []


def test_a_shared_participant_coordinates_overlapping_efforts(tmp_path):
    participation = KOMMUN["participation"] + "polis,prev2,partner,informal\n"
    assert rules_about(find_all(with_files(tmp_path, participation=participation)), "uncoordinated_overlap") == []


def test_a_relation_across_levels_mends_the_handover(tmp_path):
    variant = with_files(tmp_path, relations="from,to,kind,basis\nvc,polis,referral,agreement\n")
    assert rules_about(find_all(variant), "broken_handover") == []


def test_ended_efforts_do_not_count(tmp_path):
    efforts = KOMMUN["efforts"].replace(
        "treat1,Beroendemottagning,treatment,adults,", "treat1,Beroendemottagning,treatment,adults,ended"
    )
    findings = find_all(with_files(tmp_path, efforts=efforts))
    assert ("uncovered", "treatment", "adults") in {(f.rule, f.level, f.target_group) for f in findings.itertuples()}
    assert rules_about(findings, "broken_handover") == []
    assert ("treat1",) not in rules_about(findings, "no_follow_up")


def test_a_parent_whose_unit_takes_part_is_not_isolated_but_one_whose_unit_does_not_is(tmp_path):
    actors = KOMMUN["actors"] + "kf,Kommunfullmäktige,committee,\nks,Kommunstyrelsen,committee,kf\n"
    findings = find_all(with_files(tmp_path, actors=actors))
    assert rules_about(findings, "isolated_actor") == [("orphan",), ("kf",), ("ks",)]


def test_no_findings_in_a_complete_well_run_map(tmp_path):
    complete = actormap.load_map(
        write_map(
            tmp_path / "complete",
            meta='target_groups = ["youth"]\n',
            actors="id,name,type\na,A,school\nb,B,social_services\n",
            efforts="id,name,level,target_groups\n" + "".join(f"e{n},E{n},{n},youth\n" for n in range(1, 5)),
            participation="actor,effort,role,basis\n"
            + "".join(f"a,e{n},lead,agreement\nb,e{n},follow_up,mandate\n" for n in range(1, 5)),
        )
    )
    assert find_all(complete).empty


@pytest.mark.parametrize(
    "language, expected",
    [
        ("sv", "Tidiga insatser"),
        ("da", "Tidlig indsats"),
        ("nb", "Tidlig innsats"),
        ("en", "Early intervention"),
    ],
)
def test_messages_follow_the_language(kommun, language, expected):
    findings = find_all(kommun, language)
    handover = findings.loc[findings["rule"] == "broken_handover", "message"].iloc[0]
    assert expected in handover


def test_the_map_language_is_the_default(kommun):
    swedish = replace(kommun, meta={**kommun.meta, "language": "sv"})
    assert find_all(swedish)["message"].tolist() == find_all(kommun, "sv")["message"].tolist()
    assert isinstance(find_all(kommun), pd.DataFrame)


def test_a_message_argument_of_unknown_kind_is_refused(kommun):
    facts = find_facts(kommun).head(1)
    facts["say"] = [("message", {"effort": ("efort", "prev1")})]
    with pytest.raises(ValueError, match="unknown message argument kind 'efort'; allowed: actors, effort, level"):
        localize(facts, kommun)
