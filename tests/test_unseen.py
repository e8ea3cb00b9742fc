"""An unseen map: Lindköpings kommun (fictional), written by its ANDT coordinator as Excel saves it.

The map was made from the README alone, without looking at the example maps or the rules. Its files are
what a Swedish Excel writes as "CSV UTF-8": semicolons, a BOM and CRLF line endings. The findings asserted
here are the ones the coordinator would sign; those judged wrong are deliberately left unasserted
(see ``NOT_SIGNED``), so fixing them does not break this test.
"""

from conftest import CORPUS

import actormap
from actormap.analysis.rules import find_all

LINDKOPING = CORPUS / "lindkoping"

# rule -> subjects the coordinator signs, in report order. A subject is "level/target_group" for cells,
# otherwise the effort ids (or, for actor findings, the actor ids) joined by commas.
SIGNED = {
    "uncovered": [
        "early_intervention/parents",  # nothing for parents whose teenager has started drinking
        "early_intervention/children_in_misuse_families",  # the support group closed in June 2024
    ],
    "planned_only": [
        "promotion/parents",  # the family centre opens in 2026 at the earliest
        "early_intervention/relatives",  # CRAFT is still on paper
    ],
    "no_lead": ["est"],  # the safety coordinator's post is vacant since March 2025
    "no_follow_up": ["effekt", "est"],
    "expired": ["bryggan"],  # grant money ran out 30 June 2025, no decision on permanent funding
    "informal_only": ["effekt", "nattvandring"],
    # Ungdomsteamet and the young adults' care never meet: Socialnämnden only follows up one side, which carries
    # nobody over (before the rule counted only those who do the work, this went unsaid)
    "broken_handover": ["youth:early_intervention>treatment"],
    "single_point": ["ifo_vuxen"],  # the prison-release link hangs on IFO Vuxen alone
    "isolated_actor": ["lankarna"],  # named in the plan, given no role
}
# Both committees have decided to lead TSI: signed. (The joint police agreement's two leads are not.)
SIGNED_AMONG = {"multiple_leads": ["tsi"]}

# Current findings the coordinator would not sign; reported, never asserted.
NOT_SIGNED = {
    "multiple_leads": ["samverkan_polis"],  # a bilateral agreement is co-signed by design
    "uncoordinated_overlap": [
        "fritidsgardar,halsosamtal",  # complementary, and fritid and elevhälsan meet weekly in EST
        "andt_plan,ansvarsfull,effekt,komet,samverkan_polis,tillsyn_alkohol,tillsyn_tobak",  # the plan itself
    ],
}


def subjects(findings, rule):
    """What each finding of ``rule`` is about, in report order."""
    rows = findings[findings["rule"] == rule].itertuples()
    if rule in ("uncovered", "planned_only"):
        return [f"{r.level}/{r.target_group}" for r in rows]
    if rule == "broken_handover":
        return [f"{r.target_group}:{r.level}>{r.to_level}" for r in rows]
    return [",".join(r.efforts or r.actors) for r in rows]


def test_the_files_are_as_a_swedish_excel_saves_them():
    for name in ("actors.csv", "efforts.csv", "participation.csv", "relations.csv"):
        raw = (LINDKOPING / name).read_bytes()
        assert raw.startswith(b"\xef\xbb\xbf"), name
        header = raw[3:].split(b"\r\n", 1)[0]
        assert b";" in header and b"," not in header, name
        assert raw.count(b"\n") == raw.count(b"\r\n"), name


def test_the_map_loads_and_validates_without_errors():
    loaded = actormap.load_map(LINDKOPING)
    assert loaded.language == "sv"
    assert str(loaded.as_of) == "2025-10-01"
    assert len(loaded.clean("actors")) == 27
    assert len(loaded.clean("efforts")) == 24
    # The user organisation named in the plan but given no role is the only warning.
    assert list(loaded.warnings["code"]) == ["unused-actor"]
    assert "lankarna" in loaded.warnings["message"].iloc[0]


def test_the_findings_the_coordinator_signs():
    findings = find_all(actormap.load_map(LINDKOPING), language="sv")
    for rule, expected in SIGNED.items():
        assert subjects(findings, rule) == expected, rule
    for rule, expected in SIGNED_AMONG.items():
        found = subjects(findings, rule)
        assert all(subject in found for subject in expected), (rule, found)
    assert (findings["message"] != "").all()


def test_signed_findings_sit_where_the_coordinator_expects():
    findings = find_all(actormap.load_map(LINDKOPING), language="sv")
    where = {
        ("no_lead", "est"): ("prevention", "at_risk_youth"),
        ("expired", "bryggan"): ("treatment", "released_prisoners"),
        ("multiple_leads", "tsi"): ("early_intervention", "children,youth,at_risk_youth"),
    }
    for (rule, effort), (level, group) in where.items():
        rows = findings[(findings["rule"] == rule) & findings["efforts"].map(lambda e, x=effort: list(e) == [x])]
        assert len(rows) == 1, (rule, effort)
        assert (rows["level"].iloc[0], rows["target_group"].iloc[0]) == (level, group)
    leads = findings[findings["rule"] == "multiple_leads"]
    tsi = leads[leads["efforts"].map(lambda e: list(e) == ["tsi"])]
    assert sorted(tsi["actors"].iloc[0]) == ["sn", "un"]
    bryggan = findings[findings["rule"] == "expired"]
    assert sorted(bryggan["actors"].iloc[0]) == ["ifo_vuxen", "krim", "samordningsforbund"]
