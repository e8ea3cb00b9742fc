"""The example maps validate cleanly and show what their documents say."""

import pytest
from conftest import DATA, EXAMPLES

import actormap
from actormap.analysis.rules import find_all


def subjects(findings, rule):
    """What each finding of ``rule`` is about, in report order."""
    rows = findings[findings["rule"] == rule].itertuples()
    if rule in ("uncovered", "planned_only"):
        return [f"{r.level}/{r.target_group}" for r in rows]
    if rule == "broken_handover":
        return [f"{r.target_group}:{r.level}>{r.to_level}" for r in rows]
    return [",".join(r.efforts or r.actors) for r in rows]


def test_there_is_one_example_per_seed_document():
    assert [path.name for path in EXAMPLES] == ["ale", "goteborg", "herning", "nacka", "norway-plan"]


@pytest.mark.parametrize("folder", EXAMPLES, ids=lambda path: path.name)
def test_example_validates_without_errors_and_cites_its_document(folder):
    loaded = actormap.load_map(folder)
    for table in ("actors", "efforts", "participation"):
        assert (loaded.clean(table)["document"] != "").all(), table
    assert loaded.language in {"sv", "da", "nb"}


def test_only_goteborg_has_a_warning_the_unused_civil_society():
    warnings = {path.name: actormap.load_map(path).warnings for path in EXAMPLES}
    assert {name: list(w["message"]) for name, w in warnings.items() if not w.empty} == {
        "goteborg": [
            'the actor "civilsamhallet" takes part in no effort and has no relation, '
            "and none of its sub-units takes part in anything"
        ]
    }


# Every finding of every example map, by rule: data/README.md gives the phrase of its document behind each.
EXPECTED = {
    "ale": {
        "uncovered": [],
        "planned_only": ["prevention/families"],
        "no_lead": [],
        "multiple_leads": ["drogforebyggande"],
        "no_follow_up": [
            "hallbar_utveckling,tsi,drogforebyggande,vastbus,polis_samverkan,ungdomsmottagning,primarvard_samarbete,ungdomsinflytande,foraldrastod"
        ],
        "expired": [],
        "informal_only": ["polis_samverkan", "ungdomsmottagning", "primarvard_samarbete"],
        "uncoordinated_overlap": [],
        "broken_handover": [],
        "isolated_actor": [],
        "single_point": [],
    },
    "goteborg": {
        "uncovered": [],
        "planned_only": ["early_intervention/risky_use", "treatment/children", "treatment/relatives"],
        "no_lead": ["plan_missbruk,inforande"],
        "multiple_leads": [],
        "no_follow_up": [
            "andt_plan,riskbruk",
            "plan_missbruk,inforande",
            "missbruksvard",
            "beroendevard_region",
            "riktlinjer_region",
        ],
        "expired": [],
        "informal_only": [],
        "uncoordinated_overlap": ["beroendevard_region,missbruksvard,uppdrag"],
        "broken_handover": [],
        "isolated_actor": ["civilsamhallet"],
        "single_point": [],
    },
    "herning": {
        "uncovered": ["early_intervention/children", "early_intervention/adults"],
        "planned_only": [],
        "no_lead": [],
        "multiple_leads": ["satspulje"],
        "no_follow_up": ["sundhedsfremme", "fou_forebyggelse", "bu_forebyggelse", "bu_tidlig", "misbrugsbehandling"],
        "expired": [],
        "informal_only": [],
        "uncoordinated_overlap": ["bu_forebyggelse,fou_forebyggelse"],
        "broken_handover": ["youth:early_intervention>treatment"],
        "isolated_actor": [],
        "single_point": [],
    },
    "nacka": {
        "uncovered": [],
        "planned_only": [],
        "no_lead": ["informellt_framjande", "informellt_forebyggande"],
        "multiple_leads": [],
        "no_follow_up": ["informellt_framjande", "ungdomsmottagning", "informellt_forebyggande"],
        "expired": [],
        "informal_only": ["informellt_framjande", "informellt_forebyggande"],
        "uncoordinated_overlap": [],
        "broken_handover": [],
        "isolated_actor": [],
        "single_point": ["sn"],
    },
    "norway-plan": {
        "uncovered": ["treatment/youth"],
        "planned_only": ["promotion/population", "promotion/children", "promotion/youth", "promotion/families"],
        "no_lead": ["oppvekstmiljo", "frivillig_adhoc"],
        "multiple_leads": [],
        "no_follow_up": [
            "politi_sentrum",
            "oppvekstmiljo",
            "barnevern_tiltak",
            "nav_oppfolging",
            "individuelle_planer",
            "behandlingsplasser",
            "frivillig_adhoc",
            "loslatelse",
        ],
        "expired": [],
        "informal_only": ["frivillig_adhoc"],
        "uncoordinated_overlap": [
            "behandlingsplasser,individuelle_planer,nav_oppfolging",
            "individuelle_planer,loslatelse",
        ],
        "broken_handover": ["families:early_intervention>treatment"],
        "isolated_actor": [],
        "single_point": ["rustjenester"],
    },
}


@pytest.mark.parametrize("name", EXPECTED)
def test_example_findings(name):
    findings = find_all(actormap.load_map(DATA / name), "en")
    for rule, expected in EXPECTED[name].items():
        assert subjects(findings, rule) == expected, rule


def test_nacka_prevention_runs_on_informal_collaboration_and_formal_agreements_are_followed_up():
    findings = find_all(actormap.load_map(DATA / "nacka"))
    followed_up = {"horisonten", "unga_i_riskzon", "ungdomar_narkotika"}
    assert not followed_up & set(subjects(findings, "no_follow_up"))
    informal = set(subjects(findings, "informal_only"))
    assert informal == {"informellt_framjande", "informellt_forebyggande"}


def test_herning_actors_plan_independently_and_youth_fall_between_chairs():
    findings = find_all(actormap.load_map(DATA / "herning"))
    handover = findings[findings["rule"] == "broken_handover"].iloc[0]
    assert handover["message"] == (
        "Ingen sørger for, at unge kommer videre fra tidlig indsats til behandling: ingen aktør arbejder i begge "
        "led, og ingen relation forbinder aktørerne."
    )
    assert handover["efforts"] == ("bu_tidlig", "misbrugsbehandling")  # the strategy is planned
    assert {"bu", "misbrugscenteret"} <= set(handover["actors"])


def test_norway_release_from_prison_is_not_coordinated_with_the_municipality():
    findings = find_all(actormap.load_map(DATA / "norway-plan"), "en")
    overlap = findings[
        (findings["rule"] == "uncoordinated_overlap") & (findings["target_group"] == "released_prisoners")
    ]
    assert list(overlap["efforts"]) == [("individuelle_planer", "loslatelse")]
