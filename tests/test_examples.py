"""The example maps validate cleanly and show what their documents say."""

import pytest
from conftest import DATA, EXAMPLES

import actormap
from actormap.analysis.rules import find_all


def subjects(findings, rule):
    """What each finding of ``rule`` is about, in report order."""
    rows = findings[findings["rule"] == rule].itertuples()
    if rule == "uncovered":
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


EXPECTED = {
    "ale": {
        "no_lead": [
            "ungdomsinflytande",
            "polis_samverkan",
            "ungdomsmottagning",
            "foraldrastod",
            "primarvard_samarbete",
        ],
        "multiple_leads": ["drogforebyggande"],
        "informal_only": [
            "ungdomsinflytande",
            "polis_samverkan",
            "ungdomsmottagning",
            "foraldrastod",
            "primarvard_samarbete",
        ],
        "uncoordinated_overlap": [],
        "broken_handover": [],
        "isolated_actor": [],
        "single_point": ["oan", "sektor_ks"],
    },
    "goteborg": {
        "no_lead": ["inforande"],
        "multiple_leads": [],
        "no_follow_up": [
            "andt_plan",
            "riskbruk",
            "missbruksvard",
            "beroendevard_region",
            "riktlinjer_region",
            "inforande",
        ],
        "informal_only": [],
        "uncoordinated_overlap": ["beroendevard_region,missbruksvard,plan_missbruk,riktlinjer_region"],
        "broken_handover": [],
        "isolated_actor": ["civilsamhallet"],
        "single_point": ["slk"],
    },
    "herning": {
        "uncovered": [
            "promotion/children",
            "promotion/youth",
            "promotion/adults",
            "promotion/families",
            "early_intervention/population",
            "early_intervention/children",
            "early_intervention/adults",
            "treatment/population",
            "treatment/children",
        ],
        "no_lead": [],
        "multiple_leads": ["satspulje"],
        "no_follow_up": ["sundhedsfremme", "fou_forebyggelse", "bu_forebyggelse", "bu_tidlig", "misbrugsbehandling"],
        "informal_only": [],
        "uncoordinated_overlap": ["bu_forebyggelse,fou_forebyggelse"],
        "broken_handover": ["youth:early_intervention>treatment"],
        "isolated_actor": [],
        "single_point": ["familiecenteret", "lokalraadet"],
    },
    "nacka": {
        "no_lead": ["informellt_framjande", "informellt_forebyggande"],
        "multiple_leads": [],
        "no_follow_up": [
            "informellt_framjande",
            "ungdomsmottagning",
            "informellt_forebyggande",
            "minimaria_mottagning",
        ],
        "informal_only": ["informellt_framjande", "informellt_forebyggande"],
        "uncoordinated_overlap": [],
        "broken_handover": [],
        "isolated_actor": [],
        "single_point": ["sn"],
    },
    "norway-plan": {
        "no_lead": ["oppvekstmiljo", "frivillig_adhoc"],
        "multiple_leads": [],
        "informal_only": ["frivillig_adhoc"],
        "uncoordinated_overlap": [
            "handlingsplan,politi_sentrum",
            "barnevern_tiltak,nav_oppfolging",
            "arbeidstrening,individuelle_planer,loslatelse",
        ],
        "broken_handover": [],
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
        "Ingen sørger for at unge kommer videre fra niveauet Tidlig indsats til niveauet Behandling: ingen aktør "
        "deltager på begge niveauer, og aktørerne på de to niveauer har ingen relation til hinanden."
    )
    assert handover["efforts"] == ("bu_tidlig", "misbrugsbehandling", "strategi")
    assert {"bu", "misbrugscenteret"} <= set(handover["actors"])


def test_norway_release_from_prison_is_not_coordinated_with_the_municipality():
    findings = find_all(actormap.load_map(DATA / "norway-plan"), "en")
    overlap = findings[
        (findings["rule"] == "uncoordinated_overlap") & (findings["target_group"] == "released_prisoners")
    ]
    assert list(overlap["efforts"]) == [("arbeidstrening", "individuelle_planer", "loslatelse")]
