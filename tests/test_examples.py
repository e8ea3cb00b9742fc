"""The example maps validate cleanly and show what their documents say."""

import pytest
from conftest import DATA, EXAMPLES

import actormap
from actormap.analysis.rules import RULES, find_all


def subjects(findings, rule):
    """What each finding of ``rule`` is about, in report order."""
    rows = findings[findings["rule"] == rule].itertuples()
    if rule in ("uncovered", "planned_only"):
        return [f"{r.level}/{r.target_group}" for r in rows]
    if rule == "broken_handover":
        return [f"{r.target_group}:{r.level}>{r.to_level}" for r in rows]
    if rule == "no_user_voice":
        return [r.level for r in rows]
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
        "no_performer": [],
        "expired": [],
        "grant_only": [],
        "informal_only": ["polis_samverkan", "ungdomsmottagning", "primarvard_samarbete"],
        "uncoordinated_overlap": [],
        "broken_handover": [],
        "missing_agreement": [],  # expect_off: the agreement on misuse care is outside the document
        "no_user_voice": ["early_intervention"],
        "isolated_actor": [],
        "fragmented": [],
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
        ],  # the region's own care and assignment are the region's to follow up
        "no_performer": [],
        "expired": [],
        "grant_only": [],
        "informal_only": [],
        "uncoordinated_overlap": ["beroendevard_region,missbruksvard,uppdrag"],
        "broken_handover": [],
        "missing_agreement": [
            "kf,ks,srn,slk,srf,kunskapskallarn,sdf,srf_utforare,ifo,myndighet,sdf_utforare,vgr,beroendevard"
        ],
        "no_user_voice": [],
        "isolated_actor": ["civilsamhallet"],
        "fragmented": ["vgr,beroendevard"],
        "single_point": [],
    },
    "herning": {
        "uncovered": ["early_intervention/children", "early_intervention/adults"],
        "planned_only": [],
        "no_lead": [],
        "multiple_leads": ["satspulje"],
        "no_follow_up": ["sundhedsfremme", "fou_forebyggelse", "bu_forebyggelse", "bu_tidlig", "misbrugsbehandling"],
        "no_performer": [],
        "expired": [],
        "grant_only": ["satspulje"],
        "informal_only": [],
        "uncoordinated_overlap": ["bu_forebyggelse,fou_forebyggelse"],
        "broken_handover": ["youth:early_intervention>treatment"],
        "missing_agreement": [],  # expect_off: the health agreement with the region is outside the document
        "no_user_voice": ["early_intervention", "treatment"],
        "isolated_actor": [],
        "fragmented": ["fou,lokalraadet,politiet"],
        "single_point": [],
    },
    "nacka": {
        "uncovered": [],
        "planned_only": [],
        "no_lead": ["informellt_framjande", "informellt_forebyggande"],
        "multiple_leads": [],
        "no_follow_up": ["informellt_framjande", "ungdomsmottagning", "informellt_forebyggande"],
        "no_performer": [],
        "expired": [],
        "grant_only": [],
        "informal_only": ["informellt_framjande", "informellt_forebyggande"],
        "uncoordinated_overlap": [],
        "broken_handover": [],
        "missing_agreement": [],  # expect_off: the agreement on misuse care is outside the report
        "no_user_voice": ["early_intervention"],
        "isolated_actor": [],
        "fragmented": [],
        "single_point": ["sn"],
    },
    "norway-plan": {
        "uncovered": ["treatment/youth"],
        "planned_only": ["promotion/population", "promotion/children", "promotion/youth", "promotion/families"],
        "no_lead": ["oppvekstmiljo", "frivillig_adhoc"],
        "multiple_leads": [],
        "no_follow_up": [  # the police's, the health trust's and the prison's own efforts are theirs to follow up
            "oppvekstmiljo",
            "barnevern_tiltak",
            "nav_oppfolging",
            "individuelle_planer",
            "frivillig_adhoc",
        ],
        "no_performer": [],
        "expired": [],
        "grant_only": [],
        "informal_only": ["frivillig_adhoc"],
        "uncoordinated_overlap": ["behandlingsplasser,individuelle_planer,nav_oppfolging"],
        "broken_handover": ["families:early_intervention>treatment", "released_prisoners:treatment>treatment"],
        "missing_agreement": [
            "kommunestyret,kultur,planmyndighet,nav,barnevern,rustjenester,helseforetak",
            "barnevern,nav",
        ],
        "no_user_voice": ["early_intervention", "treatment"],
        "isolated_actor": [],
        "fragmented": ["helseforetak,fengsel,politiet"],
        "single_point": ["rustjenester"],
    },
}


@pytest.mark.parametrize("name", EXPECTED)
def test_example_findings(name):
    assert list(EXPECTED[name]) == list(RULES)  # every rule pinned, in the registry's order
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
        "I forløbet “Fra børne- og ungeområdet til voksenområdet” sørger ingen for, at borgerne kommer videre fra "
        "tidlig indsats for unge til behandling for unge: ingen aktør arbejder i begge led, og ingen henvisning "
        "eller samarbejdsaftale forbinder aktørerne."
    )
    assert handover["efforts"] == ("bu_tidlig", "misbrugsbehandling")  # the strategy is planned
    assert {"bu", "misbrugscenteret"} <= set(handover["actors"])


def test_herning_satspulje_project_lives_on_state_grants_and_awaits_forankring():
    loaded = actormap.load_map(DATA / "herning")
    findings = find_all(loaded)
    grant = findings[findings["rule"] == "grant_only"]
    assert list(grant["efforts"]) == [("satspulje",)]
    assert grant.iloc[0]["message"] == (
        "“Satspuljeprojektet 'Kvalitet i alkoholbehandlingen'” lever kun af projektmidler (Staten (satspuljen)) "
        "uden en angivet slutdato, og indsatsen er ikke forankret i driften."
    )
    # the strategy is the municipality's own coordination: the region's health agreement is switched off
    assert "dk-sundhedsaftale" not in {expected.id for expected in loaded.expectations}


def test_norway_release_from_prison_is_a_broken_pathway_to_the_municipality():
    findings = find_all(actormap.load_map(DATA / "norway-plan"))
    release = findings[(findings["rule"] == "broken_handover") & (findings["target_group"] == "released_prisoners")]
    assert len(release) == 1
    handover = release.iloc[0]
    assert handover["message"].startswith("I forløpet «Løslatelse fra fengsel» sørger ingen for at personer kommer")
    assert (handover["level"], handover["to_level"]) == ("treatment", "treatment")
    assert handover["efforts"][0] == "loslatelse"
    assert {"fengsel", "rustjenester", "nav"} <= set(handover["actors"])
    # the individual plans were for "den enkelte rusmisbruker": released prisoners have only the prison's effort,
    # whose follow-up is the prison's own; what the municipality lacks is being told
    released = findings[findings["target_group"].str.split(",").map(lambda groups: "released_prisoners" in groups)]
    assert set(released["rule"]) == {"broken_handover"}


def test_norway_nav_and_barnevern_lack_the_cooperation_the_law_requires():
    findings = find_all(actormap.load_map(DATA / "norway-plan"))
    agreements = findings[findings["rule"] == "missing_agreement"]
    lacking = agreements[agreements["actors"] == ("barnevern", "nav")].iloc[0]
    assert lacking["message"] == (
        "Det finnes ikke noe samarbeid mellom Barnevernet og NAV-kontoret, selv om barnevernloven (1992) § 3-2 "
        "annet ledd krever det."
    )
    # the closer cooperation with the health trust came only with the reform, after the plan
    health_trust = agreements[agreements["actors"].map(lambda actors: "helseforetak" in actors)].iloc[0]
    assert health_trust["message"].startswith(
        "Det finnes ingen samarbeidsavtale mellom Kommunestyret eller NAV-kontoret og Det regionale helseforetaket"
    )


def test_goteborg_city_and_region_work_apart_without_the_agreement_the_law_requires():
    findings = find_all(actormap.load_map(DATA / "goteborg"))
    fragmented = findings[findings["rule"] == "fragmented"].iloc[0]
    assert fragmented["actors"] == ("vgr", "beroendevard")
    assert fragmented["message"].endswith(
        "och två aktörer (Västra Götalandsregionen och Hälso- och sjukvårdens beroendevård)."
    )
    agreement = findings[findings["rule"] == "missing_agreement"].iloc[0]
    assert agreement["message"] == (
        "Det finns ingen överenskommelse mellan Kommunfullmäktige eller Stadsdelsförvaltningarna och "
        "Västra Götalandsregionen, som socialtjänstlagen (2001:453) 5 kap. 9 a § och hälso- och sjukvårdslagen "
        "(2017:30) 16 kap. 3 § kräver."
    )
    assert {"ifo", "myndighet", "beroendevard"} <= set(agreement["actors"])


def test_goteborg_user_organisations_take_part_so_users_are_heard():
    loaded = actormap.load_map(DATA / "goteborg")
    types = dict(zip(loaded.actors["id"], loaded.actors["type"]))
    assert types["brukarradet"] == types["brukarorg"] == "user_organisation"
    assert "no_user_voice" not in set(find_all(loaded)["rule"])


@pytest.mark.parametrize("name", ["ale", "nacka"])
def test_prevention_for_children_is_not_held_to_the_agreement_on_misuse_care(name):
    loaded = actormap.load_map(DATA / name)
    assert "se-missbruk-overenskommelse" not in {expected.id for expected in loaded.expectations}


def test_norway_police_and_prison_work_alone():
    findings = find_all(actormap.load_map(DATA / "norway-plan"))
    alone = findings[findings["rule"] == "fragmented"].iloc[0]
    assert alone["message"] == (
        "Det regionale helseforetaket, Fengselet (kriminalomsorgen) og Politiet arbeider alene og deler verken "
        "pågående tiltak, relasjon eller overordnet organisasjon med noen annen aktør."
    )
