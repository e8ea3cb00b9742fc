"""Every rule fires exactly where its definition says, and nowhere else."""

from dataclasses import replace

import pandas as pd
import pytest
from conftest import KOMMUN, write_map

import actormap
from actormap.analysis.rules import RULES, find_all, find_facts
from actormap.analysis.wording import WORDING_KEYS, localize, number_word
from actormap.i18n import catalog
from actormap.schema import LANGUAGES


def summary(findings):
    return [(f.rule, f.level, f.to_level, f.target_group, f.efforts, f.actors) for f in findings.itertuples()]


def test_hand_built_map_has_exactly_the_expected_findings(kommun):
    assert summary(find_all(kommun)) == [
        ("uncovered", "prevention", "", "adults", (), ()),
        ("no_lead", "early_intervention", "", "youth", ("early2",), ("polis", "skola")),
        ("broken_handover", "early_intervention", "treatment", "adults", ("early1", "treat1"), ("ifo", "polis", "vc")),
        ("multiple_leads", "treatment", "", "youth", ("treat2",), ("vc", "ifo")),
        ("no_follow_up", "prevention", "", "youth", ("prev2",), ("fritid", "ngo")),  # prom1 is the NGO's own
        ("uncoordinated_overlap", "prevention", "", "youth", ("prev1", "prev2"), ("skola", "fritid")),
        ("no_user_voice", "early_intervention", "", "", (), ()),
        ("no_user_voice", "treatment", "", "", (), ()),
        ("fragmented", "", "", "", (), ("ngo", "fritid")),
        ("single_point", "", "", "", (), ("ifo",)),
        ("informal_only", "promotion", "", "youth,adults", ("prom1",), ("ngo",)),
        ("informal_only", "prevention", "", "youth", ("prev2",), ("fritid", "ngo")),
        ("isolated_actor", "", "", "", (), ("orphan",)),
    ]


@pytest.mark.parametrize(
    "participation, followed_up_elsewhere",
    [
        ("d,t,lead,agreement\n", True),  # the health centre's own care: its principal follows it up
        ("d,t,lead,agreement\nb,t,partner,agreement\n", True),  # with the police: still other principals'
        ("d,t,lead,agreement\nc,t,partner,agreement\n", False),  # IFO takes part: the municipality's gap
        ("d,t,lead,agreement\nf,t,funder,mandate\n", False),  # a committee's sub-unit pays: the municipality's
    ],
)
def test_an_effort_only_other_principals_take_part_in_is_not_the_municipalitys_to_follow_up(
    participation, followed_up_elsewhere
):
    actors = PEOPLE + "n,Socialnämnden,committee,\nf,Finansieringsenheten,other,n\n"
    findings = find_all(small("t,Beroendevård,treatment,youth,,,,\n", participation, actors=actors))
    assert (not about(findings, "no_follow_up")) == followed_up_elsewhere


def test_severities_follow_the_rules():
    assert {name: rule.severity for name, rule in RULES.items()} == {
        "uncovered": "high",
        "planned_only": "medium",
        "no_lead": "high",
        "multiple_leads": "medium",
        "no_follow_up": "medium",
        "no_performer": "medium",
        "expired": "medium",
        "grant_only": "medium",
        "informal_only": "low",
        "uncoordinated_overlap": "medium",
        "broken_handover": "high",
        "missing_agreement": "high",
        "no_user_voice": "medium",
        "isolated_actor": "low",
        "fragmented": "medium",
        "single_point": "medium",
    }


def test_messages_name_actors_and_efforts_by_name(kommun):
    findings = find_all(kommun)
    messages = dict(zip(zip(findings["rule"], findings["actors"]), findings["message"]))
    assert messages[("multiple_leads", ("vc", "ifo"))] == (
        "“Mini-Maria” has two leads (Vårdcentralen and IFO), so it is unclear who is responsible."
    )
    assert messages[("single_point", ("ifo",))] == (
        "Without IFO, the collaboration network falls apart: Vårdcentralen is cut off from the rest."
    )
    assert messages[("broken_handover", ("ifo", "polis", "vc"))] == (
        "Nobody carries adults on from early intervention to treatment: no actor does the work on both sides, "
        "and no referral or agreement links the actors."
    )
    assert messages[("fragmented", ("ngo", "fritid"))] == (
        "The collaboration network falls into two separate parts: five actors (Polisen, IFO, Skolan and two more) "
        "and two actors (Föreningen and Fritidsgården)."
    )
    assert messages[("no_follow_up", ("fritid", "ngo"))] == "Nobody is responsible for following up “Fritidskvällar”."


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
            actors="id,name,type\na,A,school\nb,B,social_services\nu,U,user_organisation\n",
            efforts="id,name,level,target_groups\n" + "".join(f"e{n},E{n},{n},youth\n" for n in range(1, 5)),
            participation="actor,effort,role,basis\n"
            + "".join(f"a,e{n},lead,agreement\nb,e{n},follow_up,mandate\n" for n in range(1, 5))
            + "u,e3,advisory,agreement\nu,e4,advisory,agreement\n",
        )
    )
    assert find_all(complete).empty


@pytest.mark.parametrize(
    "language, expected",
    [
        ("sv", "Ingen ser till att vuxna går vidare från tidiga insatser till behandling: "),
        ("da", "Ingen sørger for, at voksne kommer videre fra tidlig indsats til behandling: "),
        ("nb", "Ingen sørger for at voksne kommer videre fra tidlig innsats til behandling: "),
        ("en", "Nobody carries adults on from early intervention to treatment: "),
    ],
)
def test_messages_follow_the_language(kommun, language, expected):
    findings = find_all(kommun, language)
    handover = findings.loc[findings["rule"] == "broken_handover", "message"].iloc[0]
    assert handover.startswith(expected)


def test_the_map_language_is_the_default(kommun):
    swedish = replace(kommun, meta={**kommun.meta, "language": "sv"})
    assert find_all(swedish)["message"].tolist() == find_all(kommun, "sv")["message"].tolist()
    assert isinstance(find_all(kommun), pd.DataFrame)


def test_a_message_argument_of_unknown_kind_is_refused(kommun):
    facts = find_facts(kommun).head(1)
    facts["say"] = [("message", {"effort": ("efort", "prev1")})]
    with pytest.raises(ValueError, match="unknown message argument kind 'efort'; allowed: actors, cut_off, effort"):
        localize(facts, kommun)


# --- each new or changed rule on a small map of its own ------------------------------------------------------

PEOPLE = """id,name,type,parent
a,Skolan,school,
b,Polisen,police,
c,IFO,social_services,
d,Vårdcentralen,health_care,
e,Föreningen,ngo,
"""
EFFORTS = "id,name,level,target_groups,status,parent,start,end\n"
ROLES = "actor,effort,role,basis\n"


def small(efforts, participation, groups=("youth",), actors=PEOPLE, meta="", relations="", errors=()):
    """A map of the five actors above, with these effort and participation rows (headers added), read as uploads.

    ``errors`` lists the codes of the errors the map is meant to have (the rules still run on such a map).
    """
    header = f"target_groups = [{', '.join(f'{group!r}' for group in groups)}]".replace("'", '"')
    files = {
        "map.toml": f'{header}\nlanguage = "en"\nas_of = 2025-03-01\n{meta}',
        "actors.csv": actors,
        "efforts.csv": EFFORTS + efforts,
        "participation.csv": ROLES + participation,
        "relations.csv": "from,to,kind,basis\n" + relations,
    }
    actor_map, problems = actormap.read_map({name: text.encode() for name, text in files.items()})
    assert problems.loc[problems["severity"] == "error", "code"].tolist() == list(errors)
    return actor_map


def led(*efforts: str, by: str = "a") -> str:
    """Participation rows: ``by`` leads and follows up each effort, on an agreement."""
    return "".join(f"{by},{e},lead,agreement\n{by},{e},follow_up,agreement\n" for e in efforts)


def about(findings, rule: str) -> list[tuple]:
    return [(f.level, f.target_group, f.efforts, f.actors) for f in findings.itertuples() if f.rule == rule]


def messages(findings, rule: str) -> list[str]:
    return findings.loc[findings["rule"] == rule, "message"].tolist()


def test_a_population_wide_effort_covers_every_group_at_its_level():
    actor_map = small(
        "p,Alkoholpolicy,promotion,population,,,,\nf,Föräldraträff,prevention,youth,,,,\n",
        led("p", "f"),
        groups=("population", "children", "youth"),
    )
    cells = [(level, group) for level, group, _, _ in about(find_all(actor_map), "uncovered")]
    assert cells == [
        ("prevention", "population"),
        ("prevention", "children"),
        ("early_intervention", "children"),
        ("early_intervention", "youth"),
        ("treatment", "children"),
        ("treatment", "youth"),
    ]  # no promotion cell; early intervention and treatment for the population are not expected by default
    assert messages(find_all(actor_map), "uncovered")[:2] == [
        "There is no prevention effort for the general population.",
        "There is no prevention effort for children.",
    ]


def test_cells_the_map_does_not_expect_have_no_finding():
    meta = '[coverage]\nnot_expected = ["treatment:children", "Tidiga insatser:children"]\n'
    actor_map = small("", "", groups=("population", "children"), meta=meta)
    cells = [(level, group) for level, group, _, _ in about(find_all(actor_map), "uncovered")]
    assert cells == [  # the map's own list replaces the default: treatment for the population is expected now
        ("promotion", "population"),
        ("promotion", "children"),
        ("prevention", "population"),
        ("prevention", "children"),
        ("early_intervention", "population"),
        ("treatment", "population"),
    ]


@pytest.mark.parametrize(
    "language, expected",
    [
        ("en", "There is no health promotion for children."),
        ("sv", "Det finns ingen hälsofrämjande insats för barn."),
        ("da", "Der er ingen sundhedsfremmende indsats rettet mod børn."),
        ("nb", "Det finnes ikke noe helsefremmende tiltak for barn."),
    ],
)
def test_uncovered_names_the_level_as_a_native_writer_does(language, expected):
    actor_map = small("", "", groups=("children",))
    assert find_all(actor_map, language)["message"].iloc[0] == expected


def test_a_cell_with_only_planned_efforts_is_planned_only_not_uncovered():
    actor_map = small(
        "t1,Mini-Maria,treatment,youth,planned,,,\n"
        "t2,Öppenvård,treatment,youth,,,2026,\n"  # starts after as_of: planned too
        "e1,Tidig upptäckt,early_intervention,children,planned,,,\n"
        "r,Fältgruppen,early_intervention,youth,,,,\n",
        led("t1", "e1", "r") + "b,t2,lead,agreement\nc,t2,follow_up,agreement\n",
        groups=("children", "youth"),
    )
    findings = find_all(actor_map)
    assert about(findings, "planned_only") == [
        ("early_intervention", "children", ("e1",), ("a",)),
        ("treatment", "youth", ("t1", "t2"), ("a", "b", "c")),
    ]
    uncovered = {(level, group) for level, group, _, _ in about(findings, "uncovered")}
    assert uncovered == {("promotion", "children"), ("promotion", "youth"), ("prevention", "children")} | {
        ("prevention", "youth"),
        ("treatment", "children"),
    }
    assert messages(findings, "planned_only") == [
        "Early intervention for children exists only as a plan: “Tidig upptäckt”.",
        "Treatment for youth exists only as a plan: “Mini-Maria” and “Öppenvård”.",
    ]
    assert messages(find_all(actor_map, "nb"), "planned_only")[1] == (
        "Behandlingstilbud for ungdom er foreløpig bare planlagt: «Mini-Maria» og «Öppenvård»."
    )


def test_a_running_effort_beside_a_planned_one_covers_the_cell():
    actor_map = small("t1,Mini-Maria,treatment,youth,planned,,,\nt2,Öppenvård,treatment,youth,,,,\n", led("t1", "t2"))
    assert about(find_all(actor_map), "planned_only") == []


def test_a_planned_effort_carries_no_handover():
    efforts = "tidig,Fältgruppen,early_intervention,youth,,,,\nt,Mini-Maria,treatment,youth,{status},,,\n"
    participation = led("tidig", by="a") + led("t", by="d")
    running = small(efforts.format(status=""), participation)
    assert about(find_all(running), "broken_handover") == [("early_intervention", "youth", ("tidig", "t"), ("a", "d"))]
    planned = small(efforts.format(status="planned"), participation)
    assert about(find_all(planned), "broken_handover") == []


def test_a_planned_effort_is_not_part_of_an_overlap():
    efforts = "p1,Drogfri skola,prevention,youth,,,,\np2,Fritidskvällar,prevention,youth,{status},,,\n"
    participation = led("p1", by="a") + led("p2", by="e")
    running = small(efforts.format(status=""), participation)
    assert about(find_all(running), "uncoordinated_overlap") == [("prevention", "youth", ("p1", "p2"), ("a", "e"))]
    planned = small(efforts.format(status="planned"), participation)
    assert about(find_all(planned), "uncoordinated_overlap") == []


def test_a_population_wide_effort_overlaps_every_groups_efforts_at_its_level():
    efforts = "p,Alkoholpolicy,prevention,population,,,,\nf,Föräldraträff,prevention,youth,,,,\n"
    groups = ("population", "children", "youth")
    apart = small(efforts, led("p", by="a") + led("f", by="e"), groups=groups)
    assert about(find_all(apart), "uncoordinated_overlap") == [("prevention", "youth", ("f", "p"), ("e", "a"))]
    together = small(efforts, led("p", by="a") + led("f", by="e") + "a,f,partner,agreement\n", groups=groups)
    assert about(find_all(together), "uncoordinated_overlap") == []


def test_measures_of_one_plan_are_coordinated_by_their_plan():
    efforts = (
        "plan,ANDT-plan,prevention,youth,,,,\n"
        "m1,Föräldramöten,prevention,youth,,plan,,\n"
        "m2,Tillsyn,prevention,youth,,m1,,\n"
        "other,Fritidskväll,prevention,youth,,,,\n"
    )
    participation = led("plan", by="a") + led("m1", by="b") + led("m2", by="c") + led("other", by="e")
    overlap = about(find_all(small(efforts, participation)), "uncoordinated_overlap")
    assert overlap == [("prevention", "youth", ("m1", "m2", "other", "plan"), ("b", "c", "e", "a"))]
    clusters = messages(find_all(small(efforts, participation)), "uncoordinated_overlap")[0]
    assert clusters.count("(led by") == 2  # the plan and its measures are one group, the other effort another


def test_a_planned_population_wide_effort_leaves_its_levels_empty_cells_planned():
    actor_map = small(
        "p,Alkoholpolicy,promotion,population,planned,,,\n", led("p"), groups=("population", "children", "youth")
    )
    findings = find_all(actor_map)
    promotion = [(f[0], f[1], f[2]) for f in about(findings, "planned_only") if f[0] == "promotion"]
    assert promotion == [("promotion", group, ("p",)) for group in ("population", "children", "youth")]
    assert not [f for f in about(findings, "uncovered") if f[0] == "promotion"]


def test_a_planned_effort_links_nobody_in_the_collaboration_network():
    efforts = "x,Samverkan,prevention,youth,,,,\ny,Ny samverkan,prevention,youth,{status},,,\n"
    participation = led("x", by="a") + "b,x,partner,agreement\n" + led("y", by="b") + "c,y,partner,agreement\n"
    running = find_all(small(efforts.format(status=""), participation))
    assert [f[3] for f in about(running, "single_point")] == [("b",)]
    assert about(find_all(small(efforts.format(status="planned"), participation)), "single_point") == []


def test_only_actors_that_do_the_work_carry_a_handover():
    efforts = "tidig,Tidigt team,early_intervention,youth,,,,\nbeh,Behandling,treatment,youth,,,,\n"
    base = led("tidig", by="a") + led("beh", by="d")
    follow_up_only = find_all(small(efforts, base + "c,tidig,follow_up,mandate\nc,beh,follow_up,mandate\n"))
    assert [f[2] for f in about(follow_up_only, "broken_handover")] == [("tidig", "beh")]
    partner = find_all(small(efforts, base + "c,tidig,partner,mandate\nc,beh,follow_up,mandate\n"))
    assert about(partner, "broken_handover") == [("early_intervention", "youth", ("tidig", "beh"), ("a", "c", "d"))]
    both = find_all(small(efforts, base + "c,tidig,partner,mandate\nc,beh,performer,mandate\n"))
    assert about(both, "broken_handover") == []


def test_a_planned_effort_still_needs_a_lead_and_a_follow_up():
    actor_map = small("t,Mini-Maria,treatment,youth,planned,,,\n", "c,t,performer,agreement\n")
    findings = find_all(actor_map)
    assert about(findings, "no_lead") == about(findings, "no_follow_up") == [("treatment", "youth", ("t",), ("c",))]


def test_a_measure_takes_the_lead_and_follow_up_of_its_plans_plan():
    efforts = (
        "plan,ANDT-plan,prevention,youth,,,,\n"
        "prog,Skolprogrammet,prevention,youth,,plan,,\n"
        "m,Föräldramöten,prevention,youth,,prog,,\n"
        "own,Egen åtgärd,prevention,youth,,prog,,\n"
    )
    participation = "a,plan,lead,mandate\nb,plan,follow_up,mandate\ne,m,performer,agreement\nc,own,lead,agreement\n"
    findings = find_all(small(efforts, participation))
    assert about(findings, "no_lead") == about(findings, "no_follow_up") == []


def test_a_measure_whose_plans_have_no_lead_has_none_either():
    efforts = (
        "plan,ANDT-plan,prevention,youth,,,,\n"
        "m,Föräldramöten,prevention,youth,,plan,,\n"
        "x,Loop 1,prevention,youth,,y,,\n"
        "y,Loop 2,prevention,youth,,x,,\n"
    )
    participation = "b,plan,follow_up,mandate\ne,m,performer,agreement\n" + led("x")
    findings = find_all(small(efforts, participation, errors=["effort-parent-cycle"]))
    assert [f[2] for f in about(findings, "no_lead")] == [("plan", "m")]  # the plan's gap, named once
    message = findings.loc[findings["rule"] == "no_lead", "message"].item()
    assert (
        message
        == "No actor leads “ANDT-plan” or its measure “Föräldramöten”, so nobody is clearly responsible for them."
    )
    assert about(findings, "no_follow_up") == []  # m has its plan's; x and y follow each other up in a loop


def test_a_plan_without_follow_up_names_its_measures_in_one_finding_in_every_language():
    efforts = (
        "plan,ANDT-plan,prevention,youth,,,,\n"
        "m1,Föräldramöten,prevention,youth,,plan,,\n"
        "m2,Tillsyn,prevention,youth,,plan,,\n"
        "m3,Kampanj,prevention,youth,,m1,,\n"
    )
    actor_map = small(efforts, "a,plan,lead,agreement\nb,m1,lead,mandate\n")
    assert [f[2] for f in about(find_all(actor_map), "no_follow_up")] == [("plan", "m1", "m2", "m3")]
    expected = {
        "en": "Nobody is responsible for following up “ANDT-plan” or its three measures (“Föräldramöten”, “Tillsyn”"
        " and “Kampanj”).",
        "sv": "Ingen ansvarar för att följa upp ”ANDT-plan” eller de tre åtgärder som ingår i den (”Föräldramöten”,"
        " ”Tillsyn” och ”Kampanj”).",
        "nb": "Ingen har ansvar for å følge opp «ANDT-plan» eller de tre deltiltakene («Föräldramöten», «Tillsyn» og"
        " «Kampanj»).",
    }
    for language, sentence in expected.items():
        assert messages(find_all(actor_map, language), "no_follow_up") == [sentence]


@pytest.mark.parametrize(
    "end, status, expected",
    [
        ("2024", "", "“Mini-Maria” was to end in 2024 according to the plan but is not marked as ended: "),
        ("2024-12", "", "“Mini-Maria” was to end in December 2024 according to the plan"),
        ("2024-12-31", "planned", "“Mini-Maria” was to end on 31 December 2024 according to the plan"),
        ("2025-02", "active", "“Mini-Maria” was to end in February 2025 according to the plan"),
        ("2025", "", None),  # runs until 31 December 2025
        ("2025-03", "", None),
        ("2025-03-01", "", None),  # the map's own day: not yet over
        ("2024", "ended", None),
        ("", "", None),
    ],
)
def test_an_effort_past_its_planned_end_but_not_ended_has_expired(end, status, expected):
    actor_map = small(f"t,Mini-Maria,treatment,youth,{status},,,{end}\n", led("t", by="d"))
    findings = find_all(actor_map)
    if expected is None:
        assert about(findings, "expired") == []
    else:
        assert about(findings, "expired") == [("treatment", "youth", ("t",), ("d",))]
        (message,) = messages(findings, "expired")
        assert message.startswith(expected) and message.endswith("renew it, end it or correct the date.")


@pytest.mark.parametrize(
    "language, expected",
    [
        ("sv", "Enligt planen skulle ”Mini-Maria” avslutas den 31 december 2024, men insatsen är inte markerad"),
        ("da", "Ifølge planen skulle “Mini-Maria” afsluttes den 31. december 2024, men indsatsen er ikke markeret"),
        ("nb", "Ifølge planen skulle «Mini-Maria» avsluttes 31. desember 2024, men tiltaket er ikke markert"),
    ],
)
def test_the_end_date_is_written_as_the_language_writes_a_date(language, expected):
    actor_map = small("t,Mini-Maria,treatment,youth,,,,2024-12-31\n", led("t", by="d"))
    assert messages(find_all(actor_map, language), "expired")[0].startswith(expected)


def test_an_overlap_names_its_groups_and_never_parts_efforts_that_share_an_actor():
    efforts = (
        "p1,Drogfri skola,prevention,youth,,,,\n"
        "p2,Skolpolis,prevention,youth,,,,\n"
        "p3,Fritidskvällar,prevention,youth,,,,\n"
    )
    participation = led("p1", by="a") + led("p2", by="b") + "c,p1,partner,agreement\nc,p2,partner,agreement\n"
    participation += led("p3", by="e")
    findings = find_all(small(efforts, participation))
    assert messages(findings, "uncoordinated_overlap") == [
        "The prevention efforts for youth fall into two groups that do not work together: "
        "“Drogfri skola” and “Skolpolis” (led by Skolan and Polisen), and “Fritidskvällar” (led by Föreningen)."
    ]
    facts = find_facts(small(efforts, participation))
    _, say = facts.loc[facts["rule"] == "uncoordinated_overlap", "say"].iloc[0]
    clusters = [set(efforts) for efforts, _ in say["clusters"][1][0]]
    shared = [("p1", "p2")]  # IFO takes part in both
    assert all(any({first, second} <= cluster for cluster in clusters) for first, second in shared)
    assert messages(find_all(small(efforts, participation), "sv"), "uncoordinated_overlap") == [
        "De förebyggande insatserna för unga bildar två grupper som inte samverkar med varandra: "
        "”Drogfri skola” och ”Skolpolis” (leds av Skolan och Polisen), och ”Fritidskvällar” (leds av Föreningen)."
    ]


def test_an_overlap_of_single_efforts_reads_as_a_plain_list():
    efforts = "".join(f"p{n},P{n},treatment,youth,,,,\n" for n in range(1, 4))
    findings = find_all(small(efforts, led("p1", by="a") + led("p2", by="b") + led("p3", by="e")))
    assert messages(findings, "uncoordinated_overlap") == [
        "The treatment efforts for youth fall into three groups that do not work together: "
        "“P1” (led by Skolan), “P2” (led by Polisen) and “P3” (led by Föreningen)."
    ]


@pytest.mark.parametrize(
    "language, ending",
    [
        ("en", "“P3” (led by IFO) and two other groups."),
        ("sv", "”P3” (leds av IFO) och två andra grupper."),
        ("da", "“P3” (ledet af IFO) og to andre grupper."),
        ("nb", "«P3» (ledet av IFO) og to andre grupper."),
    ],
)
def test_an_overlap_of_many_groups_names_the_first_three_and_counts_the_rest(language, ending):
    efforts = "".join(f"p{n},P{n},treatment,youth,,,,\n" for n in range(1, 6))
    participation = "".join(led(f"p{n}", by=actor) for n, actor in enumerate("abcde", start=1))
    (message,) = messages(find_all(small(efforts, participation), language), "uncoordinated_overlap")
    assert message.endswith(ending) and "P4" not in message and "P5" not in message


def test_an_overlap_group_with_many_leads_names_three_and_counts_the_rest():
    efforts = "".join(f"p{n},P{n},treatment,youth,,,,\n" for n in range(1, 6))
    shared = led("p1", by="a") + "".join(
        led(f"p{n}", by=actor) + f"a,p{n},partner,agreement\n" for n, actor in zip((2, 3, 4), "bcd")
    )
    findings = find_all(small(efforts, shared + led("p5", by="e")))
    assert messages(findings, "uncoordinated_overlap") == [
        "The treatment efforts for youth fall into two groups that do not work together: "
        "“P1”, “P2”, “P3” and one more (led by Skolan, Polisen, IFO and one more), and “P5” (led by Föreningen)."
    ]


def test_health_promotion_hands_nobody_over():
    efforts = (
        "h,Hälsoveckan,promotion,youth,,,,\np,Drogfri skola,prevention,youth,,,,\ntidig,Fältgruppen,{level},youth,,,,\n"
    )
    participation = led("h", by="a") + led("p", by="b") + led("tidig", by="c")
    without = small(efforts.format(level="promotion"), participation)
    assert about(find_all(without), "broken_handover") == []
    with_early = small(efforts.format(level="early_intervention"), participation)
    assert [(f.level, f.to_level) for f in find_all(with_early).itertuples() if f.rule == "broken_handover"] == [
        ("prevention", "early_intervention")
    ]


STAR = """id,name,type,parent
h,Socialtjänsten,social_services,
x1,X1,other,
x2,X2,other,
x3,X3,other,
x4,X4,other,
x5,X5,other,
p1,P1,other,
p2,P2,other,
q1,Q1,other,
q2,Q2,other,
q3,Q3,other,
"""


def test_a_single_point_names_up_to_three_actors_it_cuts_off():
    efforts = "big,Big,treatment,youth,,,,\ns1,S1,treatment,youth,,,,\ns2,S2,treatment,youth,,,,\n"
    participation = "".join(f"{a},big,partner,agreement\n" for a in ("h", "x1", "x2", "x3", "x4", "x5"))
    participation += "h,s1,lead,agreement\np1,s1,partner,agreement\n"
    few = small(efforts, participation + "p2,s1,partner,agreement\n", actors=STAR)
    assert messages(find_all(few), "single_point") == [
        "Without Socialtjänsten, the collaboration network falls apart: P1 and P2 are cut off from the rest."
    ]
    many = (
        participation
        + "p2,s1,partner,agreement\nh,s2,lead,agreement\n"
        + "".join(f"{q},s2,partner,agreement\n" for q in ("q1", "q2", "q3"))
    )
    findings = find_all(small(efforts, many, actors=STAR))
    assert about(findings, "single_point") == [("", "", (), ("h",))]
    (message,) = messages(findings, "single_point")
    assert message.startswith("Without Socialtjänsten, the collaboration network falls apart: ")
    assert message.endswith(" and two others are cut off from the rest.") and message.count(", ") == 3
    assert "X" not in message.split(": ")[1]  # the largest part (X1 … X5) is not cut off
    (swedish,) = messages(find_all(small(efforts, many, actors=STAR), "sv"), "single_point")
    assert swedish.startswith("Utan Socialtjänsten faller samverkansnätverket isär: ")
    assert swedish.endswith(" och två andra tappar kontakten med resten.")


ORGANISATION = """id,name,type,parent
kf,Kommunfullmäktige,committee,
sn,Socialnämnden,committee,kf
ifo,Individ- och familjeomsorgen,social_services,sn
fn,Fritidsnämnden,committee,kf
pol,Polisen,police,
a,Skolan,school,
"""


def test_a_committee_is_not_cut_off_from_its_administration():
    efforts = "s,Ledningsgrupp,treatment,youth,,,,\ne1,Mottagningsgrupp,early_intervention,youth,,,,\n"
    participation = "sn,s,lead,mandate\nifo,e1,lead,agreement\npol,e1,follow_up,agreement\n"
    assert about(find_all(small(efforts, participation, actors=ORGANISATION)), "single_point") == []


def test_the_council_is_not_cut_off_from_its_committees():
    efforts = "k,Budget,promotion,youth,,,,\ns,Ledningsgrupp,treatment,youth,,,,\nf,Fritidsplan,prevention,youth,,,,\n"
    participation = "kf,k,lead,mandate\nsn,s,lead,mandate\nfn,f,lead,mandate\n"
    assert about(find_all(small(efforts, participation, actors=ORGANISATION)), "single_point") == []


def test_only_actors_outside_its_organisation_are_cut_off_and_only_actors_taking_part_drop_out():
    efforts = "e1,Mottagningsgrupp,early_intervention,youth,,,,\ne2,Fritidsgårdar,prevention,youth,,,,\n"
    participation = "ifo,e1,lead,agreement\npol,e1,follow_up,agreement\nfn,e2,lead,agreement\na,e2,partner,agreement\n"
    findings = find_all(small(efforts, participation, actors=ORGANISATION))
    cut = {f.actors[0]: f.message.split(": ")[1] for f in findings.itertuples() if f.rule == "single_point"}
    assert cut == {  # the two halves meet only in the council, which (like SN) takes part in nothing itself
        "fn": "Skolan is cut off from the rest.",
        "ifo": "Polisen is cut off from the rest.",
    }


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_catalogs_hold_exactly_the_rules_keys_and_the_wordings(language):
    keys = catalog(language).keys()
    used = {key for rule in RULES.values() for key in rule.message_keys} | set(WORDING_KEYS)
    assert {key for key in keys if key.startswith(("rule.", "number.", "month."))} == used


@pytest.mark.parametrize(
    "count, language, expected",
    [(1, "en", "one"), (2, "sv", "två"), (7, "nb", "sju"), (7, "da", "syv"), (10, "sv", "tio"), (11, "en", "11")],
)
def test_counts_up_to_ten_are_words(count, language, expected):
    assert number_word(count, language) == expected
