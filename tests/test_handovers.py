"""Pathways, required agreements, project money, idle efforts, users' voice and a split network, each on a small map.

Every rule is shown firing exactly where its definition says, and not where it does not.
"""

import json

import pytest
from conftest import DATA, write_map

import actormap
from actormap.analysis.compare import new_findings
from actormap.analysis.rules import find_all
from actormap.cli import main

PEOPLE = """id,name,type,parent
kf,Kommunfullmäktige,committee,
sn,Socialnämnden,committee,kf
ifo,IFO,social_services,sn
skola,Skolan,school,
polis,Polisen,police,
vc,Vårdcentralen,health_care,
reg,Regionen,health_care,
krim,Kriminalvården,state_agency,
rsmh,RSMH,user_organisation,
"""


def build(efforts="", participation="", relations="", meta="", groups=("youth", "adults"), actors=PEOPLE):
    """A map of the actors above with these rows (headers added), read as uploads; it must have no errors."""
    header = "target_groups = [" + ", ".join(f'"{group}"' for group in groups) + "]"
    files = {
        "map.toml": f'{header}\nlanguage = "en"\nas_of = 2025-03-01\n{meta}',
        "actors.csv": actors,
        "efforts.csv": "id,name,level,target_groups,status,parent,start,end\n" + efforts,
        "participation.csv": "actor,effort,role,basis,funding\n" + participation,
        "relations.csv": "from,to,kind,basis\n" + relations,
    }
    actor_map, problems = actormap.read_map({name: text.encode() for name, text in files.items()})
    assert problems.loc[problems["severity"] == "error", "code"].tolist() == []
    return actor_map


def found(actor_map, rule, language="en"):
    """The findings of ``rule``: (level, to_level, target_group, efforts, actors, message)."""
    findings = find_all(actor_map, language)
    rows = findings[findings["rule"] == rule].itertuples()
    return [(f.level, f.to_level, f.target_group, f.efforts, f.actors, f.message) for f in rows]


def work(*rows: str) -> str:
    """Participation rows ``actor,effort,role`` on an agreement, no funding."""
    return "".join(f"{row},agreement,\n" for row in rows)


# --- pathways --------------------------------------------------------------------------------------------------

RELEASE = '[[pathway]]\nname = "Release to the municipality"\nsteps = ["4:prisoners", "treatment:adults"]\n'
RELEASE_EFFORTS = "ut,Release planning,treatment,prisoners,,,,\nvard,Addiction care,treatment,adults,,,,\n"
RELEASE_WORK = work("krim,ut,lead", "ifo,vard,lead")


def released(participation=RELEASE_WORK, relations="", efforts=RELEASE_EFFORTS):
    return build(efforts, participation, relations, RELEASE, groups=("prisoners", "adults"))


def test_a_pathway_carried_by_an_actor_working_at_both_steps_holds():
    assert found(released(RELEASE_WORK + work("ifo,ut,partner")), "broken_handover") == []


def test_a_pathway_linked_only_by_a_collaboration_is_broken_and_the_finding_names_it():
    assert found(released(relations="krim,ifo,collaboration,agreement\n"), "broken_handover") == [
        (
            "treatment",
            "treatment",
            "prisoners",
            ("ut", "vard"),
            ("ifo", "krim"),
            "On the pathway “Release to the municipality”, nobody carries people on from treatment for prisoners "
            "to treatment for adults: no actor does the work at both steps, and no referral or agreement links "
            "the actors.",
        )
    ]


@pytest.mark.parametrize(
    "relation", ["krim,ifo,referral,agreement", "ifo,krim,referral,agreement", "ifo,krim,agreement,agreement"]
)
def test_a_referral_or_agreement_either_way_carries_the_pathway(relation):
    assert found(released(relations=relation + "\n"), "broken_handover") == []


def test_a_funder_at_both_steps_carries_nobody():
    assert len(found(released(RELEASE_WORK + work("sn,ut,funder", "sn,vard,funder")), "broken_handover")) == 1


@pytest.mark.parametrize("planned", [False, True])
def test_a_step_without_a_running_effort_is_a_finding_of_its_own(planned):
    efforts, participation = "vard,Addiction care,treatment,adults,,,,\n", work("ifo,vard,lead")
    if planned:
        efforts += "ut,Release planning,treatment,prisoners,planned,,,\n"
        participation += work("krim,ut,lead")
    expected = (
        "treatment",
        "",
        "prisoners",
        (),
        (),
        "The pathway “Release to the municipality” has no running effort at the step treatment for prisoners, "
        "so it breaks there.",
    )
    assert found(released(participation, efforts=efforts), "broken_handover") == [expected]


def test_a_step_without_an_effort_in_every_language():
    actor_map = released(work("ifo,vard,lead"), efforts="vard,Addiction care,treatment,adults,,,,\n")
    messages = {language: found(actor_map, "broken_handover", language)[0][-1] for language in ("sv", "da", "nb")}
    assert messages == {
        "sv": "Kedjan ”Release to the municipality” har ingen pågående insats i ledet behandling för prisoners, "
        "så den bryts där.",
        "da": "Forløbet “Release to the municipality” har ingen igangværende indsats i leddet behandling for "
        "prisoners, så forløbet brydes dér.",
        "nb": "Forløpet «Release to the municipality» har ikke noe pågående tiltak i leddet behandling for "
        "prisoners, så forløpet brytes der.",
    }


def test_pathways_replace_the_default_chains_and_a_population_wide_effort_counts_at_every_step():
    efforts = (
        "fore,Alcohol policy,prevention,population,,,,\n"
        "tidig,Field team,early_intervention,youth,,,,\n"
        "beh,Mini-Maria,treatment,youth,,,,\n"
    )
    participation = work("polis,fore,lead", "polis,tidig,partner", "skola,tidig,lead", "vc,beh,lead")
    default = build(efforts, participation, groups=("population", "youth"))
    assert [(f[0], f[1], f[2]) for f in found(default, "broken_handover")] == [
        ("early_intervention", "treatment", "youth")
    ]
    pathway = '[[pathway]]\nname = "Youth"\nsteps = ["prevention:youth", "early_intervention:youth"]\n'
    declared = build(efforts, participation, meta=pathway, groups=("population", "youth"))
    assert found(declared, "broken_handover") == []  # the police carry youth from the population-wide effort on


def test_a_collaboration_no_longer_mends_a_default_chain_but_a_referral_does():
    efforts = "tidig,Field team,early_intervention,youth,,,,\nbeh,Mini-Maria,treatment,youth,,,,\n"
    participation = work("skola,tidig,lead", "vc,beh,lead")
    assert len(found(build(efforts, participation, "skola,vc,collaboration,agreement\n"), "broken_handover")) == 1
    assert found(build(efforts, participation, "vc,skola,referral,agreement\n"), "broken_handover") == []


# --- required agreements ----------------------------------------------------------------------------------------

SOL = '[[expect]]\nid = "sol"\nfrom = {source}\nto = {target}\nkind = "{kind}"\nbasis = "SoL 5 kap. 9 a §"\n'
CARE = "vard,Addiction care,treatment,adults,,,,\n"
CARE_WORK = work("ifo,vard,lead", "reg,vard,partner")


def expecting(relations="", source="social_services", target="health_care", kind="agreement"):
    """The care map required to have a relation of ``kind`` from ``source`` to ``target`` (ids, types or lists)."""
    sides = {
        side: value if value.startswith("[") else f'"{value}"'
        for side, value in (("source", source), ("target", target))
    }
    return build(CARE, CARE_WORK, relations, SOL.format(kind=kind, **sides))


def test_an_agreement_in_the_other_direction_meets_the_expectation():
    assert found(expecting("reg,ifo,agreement,agreement\n"), "missing_agreement") == []


def test_a_referral_is_directed_so_one_the_other_way_does_not_count():
    assert found(expecting("ifo,reg,referral,mandate\n", kind="referral"), "missing_agreement") == []
    assert [f[-1] for f in found(expecting("reg,ifo,referral,mandate\n", kind="referral"), "missing_agreement")] == [
        "There is no referral route from IFO to Vårdcentralen or Regionen, although SoL 5 kap. 9 a § requires one."
    ]


def test_an_agreement_met_only_informally_is_a_finding():
    assert found(expecting("ifo,reg,agreement,informal\n"), "missing_agreement") == [
        (
            "",
            "",
            "",
            (),
            ("ifo", "vc", "reg"),
            "The agreement between Vårdcentralen or Regionen and IFO is only informal, "
            "although SoL 5 kap. 9 a § requires a formal one.",
        )
    ]


def test_an_expectation_by_type_names_the_topmost_actors_and_lists_every_matching_one():
    actor_map = expecting("polis,reg,agreement,agreement\n", source='["committee", "social_services"]')
    ((*_, actors, message),) = found(actor_map, "missing_agreement", "sv")
    assert actors == ("kf", "sn", "ifo", "vc", "reg")
    assert message == (
        "Det finns ingen överenskommelse mellan Vårdcentralen eller Regionen och Kommunfullmäktige, "
        "som SoL 5 kap. 9 a § kräver."
    )


def test_an_expectation_by_actor_id_and_a_collaboration_of_another_kind_does_not_count():
    actor_map = expecting("sn,reg,collaboration,agreement\n", source="sn", target="reg")
    assert [f[4] for f in found(actor_map, "missing_agreement")] == [("sn", "reg")]
    assert found(expecting("sn,reg,agreement,mandate\n", source="sn", target="reg"), "missing_agreement") == []


def test_a_side_that_matches_no_actor_is_said_not_skipped():
    actor_map = expecting(source="social_services", target="ngo", kind="collaboration")
    assert found(actor_map, "missing_agreement") == [
        (
            "",
            "",
            "",
            (),
            ("ifo",),
            "There can be no collaboration between IFO and voluntary organisation, although SoL 5 kap. 9 a § "
            "requires it: the map has no actor of the type voluntary organisation.",
        )
    ]


# --- project money ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "end, funding, expected",
    [
        ("2025-12", "hdir,p,funder,agreement,grant\n", "that ends in December 2025; no ordinary budget"),
        ("2026-03-01", "hdir,p,funder,agreement,grant\n", "that ends on 1 March 2026;"),  # twelve months: still in
        ("2025", "hdir,p,funder,agreement,grant\n", "that ends in 2025;"),
        ("", "hdir,p,funder,agreement,grant\n", "with no end date written down;"),
        ("2026-03-02", "hdir,p,funder,agreement,grant\n", None),  # a day past twelve months
        ("2024-12", "hdir,p,funder,agreement,grant\n", None),  # already over: expired says it
        ("2025-12", "hdir,p,funder,agreement,grant\nsn,p,funder,mandate,budget\n", None),
        ("2025-12", "hdir,p,funder,agreement,\n", None),  # funding not known
        ("2025-12", "", None),  # nobody funds it
    ],
)
def test_an_effort_only_on_a_grant_that_ends_within_a_year_lives_on_project_money(end, funding, expected):
    actors = PEOPLE + "hdir,Helsedirektoratet,state_agency,\n"
    actor_map = build(f"p,Housing First,treatment,adults,,,,{end}\n", work("ifo,p,lead") + funding, actors=actors)
    findings = found(actor_map, "grant_only")
    if expected is None:
        assert findings == []
    else:
        ((level, _, group, efforts, _, message),) = findings
        assert (level, group, efforts) == ("treatment", "adults", ("p",))
        assert message.startswith("“Housing First” lives only on project money (Helsedirektoratet) " + expected)


def test_a_planned_effort_is_not_on_project_money_yet():
    actors = PEOPLE + "hdir,Helsedirektoratet,state_agency,\n"
    actor_map = build("p,Housing First,treatment,adults,planned,,,\n", "hdir,p,funder,agreement,grant\n", actors=actors)
    assert found(actor_map, "grant_only") == []


@pytest.mark.parametrize(
    "language, expected",
    [
        ("sv", "”P” finansieras bara med projektmedel (Kriminalvården) som tar slut i december 2025, och ingen"),
        ("da", "“P” lever kun af projektmidler (Kriminalvården), som udløber i december 2025, og indsatsen er ikke"),
        ("nb", "«P» er bare finansiert med prosjektmidler (Kriminalvården) som tar slutt i desember 2025, og"),
    ],
)
def test_project_money_in_every_language(language, expected):
    actor_map = build("p,P,treatment,adults,,,,2025-12\n", "krim,p,funder,agreement,grant\n" + work("ifo,p,lead"))
    assert found(actor_map, "grant_only", language)[0][-1].startswith(expected)


# --- nobody does the work ---------------------------------------------------------------------------------------


def test_an_effort_only_funded_and_followed_up_has_nobody_doing_the_work():
    actor_map = build("p,Parenting course,prevention,youth,,,,\n", work("sn,p,funder", "kf,p,follow_up"))
    assert found(actor_map, "no_performer") == [
        (
            "prevention",
            "",
            "youth",
            ("p",),
            ("sn", "kf"),
            "Nobody does the work of “Parenting course”: no actor leads it, performs it or is a partner, "
            "and Socialnämnden and Kommunfullmäktige only fund, advise or follow up.",
        )
    ]
    one = build("p,Parenting course,prevention,youth,planned,,,\n", work("sn,p,advisory"))
    assert found(one, "no_performer")[0][-1].endswith("and Socialnämnden only funds, advises or follows up.")


@pytest.mark.parametrize("role", ["lead", "performer", "partner"])
def test_one_actor_in_a_working_role_does_the_work(role):
    actor_map = build("p,Parenting course,prevention,youth,,,,\n", work("sn,p,funder", f"skola,p,{role}"))
    assert found(actor_map, "no_performer") == []


def test_a_measure_without_participants_is_carried_by_its_plan_but_one_with_only_a_funder_is_not():
    efforts = "plan,ANDT plan,prevention,youth,,,,\nm1,Parent evenings,prevention,youth,,plan,,\n"
    efforts += "m2,Alcohol checks,prevention,youth,,plan,,\n"
    actor_map = build(efforts, work("sn,plan,lead", "ifo,plan,performer", "kf,m2,funder"))
    assert [f[3] for f in found(actor_map, "no_performer")] == [("m2",)]
    assert [f[3] for f in found(build(efforts, work("sn,plan,lead")), "no_performer")] == []


def test_an_ended_effort_needs_nobody():
    assert found(build("p,Old project,prevention,youth,ended,,,\n", work("sn,p,funder")), "no_performer") == []


def test_the_what_if_removal_of_the_only_doer_reports_nobody_doing_the_work():
    actor_map = build(
        "p,Parenting course,prevention,youth,,,,\n", work("skola,p,lead", "sn,p,funder", "sn,p,follow_up")
    )
    appeared = new_findings(actor_map, ["skola"])
    assert appeared.loc[appeared["rule"] == "no_performer", "efforts"].tolist() == [("p",)]
    assert new_findings(actor_map, ["sn"])["rule"].tolist().count("no_performer") == 0


def test_gaps_without_the_only_doer_shows_the_new_finding(tmp_path, capsys):
    folder = write_map(
        tmp_path / "kommun",
        meta='target_groups = ["youth"]\n',
        actors=PEOPLE,
        efforts="id,name,level,target_groups\np,Parenting course,prevention,youth\n",
        participation="actor,effort,role,basis\nskola,p,lead,mandate\nsn,p,funder,mandate\nsn,p,follow_up,mandate\n",
    )
    assert main(["gaps", str(folder), "--format", "json", "--without", "skola"]) == 0
    findings = json.loads(capsys.readouterr().out)
    assert [(f["rule"], f["efforts"]) for f in findings] == [("no_lead", ["p"]), ("no_performer", ["p"])]


@pytest.mark.parametrize(
    "name, leaving, created",
    [
        ("goteborg", "ks", []),  # the agreement is still missing: the same finding, one actor fewer
        ("goteborg", "vgr", ["no_lead", "no_lead", "no_follow_up"]),  # its own assignment is left with nobody
        ("herning", "politiet", []),  # a network in fewer pieces is no new finding
        ("norway-plan", "kommunestyret", ["no_lead", "no_lead", "no_follow_up", "no_follow_up", "fragmented"]),
    ],
)
def test_a_removal_creates_only_what_it_makes_worse(name, leaving, created):
    appeared = new_findings(actormap.load_map(DATA / name), [leaving])
    assert appeared["rule"].tolist() == created


# --- users' voice -----------------------------------------------------------------------------------------------

LEVELS_EFFORTS = (
    "fore,Drug-free school,prevention,youth,,,,\n"
    "tidig,Field team,early_intervention,youth,,,,\n"
    "beh,Mini-Maria,treatment,youth,,,,\n"
)
LEVELS_WORK = work("skola,fore,lead", "ifo,tidig,lead", "vc,beh,lead")


def test_each_level_where_users_are_served_needs_a_user_organisation():
    assert [(f[0], f[-1]) for f in found(build(LEVELS_EFFORTS, LEVELS_WORK), "no_user_voice")] == [
        (
            "early_intervention",
            "No user organisation takes part in early intervention, so the people it serves have no say in it.",
        ),
        ("treatment", "No user organisation takes part in treatment, so the people it serves have no say in it."),
    ]
    heard = build(LEVELS_EFFORTS, LEVELS_WORK + work("rsmh,beh,advisory"))
    assert [f[0] for f in found(heard, "no_user_voice")] == ["early_intervention"]


def test_the_map_says_where_users_are_served_and_a_level_without_efforts_is_left_to_coverage():
    meta = 'user_voice_levels = ["prevention", "promotion"]\n'
    actor_map = build(LEVELS_EFFORTS, LEVELS_WORK, meta=meta)
    assert [f[0] for f in found(actor_map, "no_user_voice")] == ["prevention"]
    assert found(build(LEVELS_EFFORTS, LEVELS_WORK, meta="user_voice_levels = []\n"), "no_user_voice") == []


def test_a_user_organisation_in_a_planned_effort_is_not_heard_yet():
    efforts = LEVELS_EFFORTS + "rad,User council,treatment,youth,planned,,,\n"
    actor_map = build(efforts, LEVELS_WORK + work("rsmh,rad,lead"), meta='user_voice_levels = ["treatment"]\n')
    assert [f[-1] for f in found(actor_map, "no_user_voice", "sv")] == [
        "Ingen brukarorganisation deltar i behandlingen, så det saknas brukarinflytande där."
    ]


# --- a split network --------------------------------------------------------------------------------------------

SPLIT_EFFORTS = (
    "a,School team,prevention,youth,,,,\n"
    "b,Care,treatment,adults,,,,\n"
    "c,Town centre,prevention,youth,,,,\n"
    "d,Release,treatment,adults,,,,\n"
)
SPLIT_WORK = work("skola,a,lead", "ifo,a,partner", "vc,b,lead", "reg,b,partner", "polis,c,lead", "krim,d,lead")


def test_two_parts_and_actors_working_alone_are_one_finding():
    assert found(build(SPLIT_EFFORTS, SPLIT_WORK), "fragmented") == [
        (
            "",
            "",
            "",
            (),
            ("polis", "vc", "reg", "krim"),  # everyone outside the largest part (IFO, Skolan), in table order
            "The collaboration network falls into two separate parts: two actors (IFO and Skolan) and two actors "
            "(Vårdcentralen and Regionen). Polisen and Kriminalvården work alone.",
        )
    ]


def test_parts_name_their_busiest_actors_first():
    efforts = SPLIT_EFFORTS + "e,Pupil health,early_intervention,youth,,,,\n"
    participation = SPLIT_WORK + work("skola,e,lead", "kf,a,partner", "sn,e,partner", "rsmh,b,partner")
    participation += work("polis,d,partner")
    ((*_, message),) = found(build(efforts, participation), "fragmented", "nb")
    assert message == (
        "Samarbeidsnettverket består av tre atskilte deler: fire aktører (Skolan, Kommunfullmäktige, Socialnämnden "
        "og én til); tre aktører (Vårdcentralen, Regionen og RSMH) og to aktører (Polisen og Kriminalvården)."
    )


def test_one_network_and_actors_alone():
    joined = build(SPLIT_EFFORTS, SPLIT_WORK, "vc,skola,referral,\n")
    assert [f[4:] for f in found(joined, "fragmented", "da")] == [
        (
            ("polis", "krim"),
            "Polisen og Kriminalvården arbejder alene og deler hverken igangværende indsats, relation eller "
            "overordnet organisation med nogen anden aktør.",
        )
    ]
    police = build(SPLIT_EFFORTS, SPLIT_WORK + work("polis,b,partner"), "vc,skola,referral,\n")
    assert [f[4:] for f in found(police, "fragmented")] == [
        (
            ("krim",),
            "Kriminalvården works alone: it shares no running effort, relation or parent body with any other actor.",
        )
    ]
    everyone = build(SPLIT_EFFORTS, SPLIT_WORK + work("polis,b,partner", "krim,b,partner"), "vc,skola,referral,\n")
    assert found(everyone, "fragmented") == []


def test_parent_links_join_the_parts_and_actors_taking_part_in_nothing_are_not_counted():
    efforts = "a,Board work,prevention,youth,,,,\nb,Intake,early_intervention,youth,,,,\n"
    participation = work("sn,a,lead", "ifo,b,lead", "vc,b,partner")  # IFO belongs to SN
    assert found(build(efforts, participation), "fragmented") == []  # Kommunfullmäktige and others take no part


def test_a_planned_effort_joins_nobody():
    efforts = "a,School team,prevention,youth,,,,\nb,Intake,early_intervention,youth,{status},,,\n"
    efforts += "c,Care,treatment,adults,,,,\n"
    participation = work("skola,a,lead", "ifo,a,partner", "ifo,b,lead", "vc,b,partner", "vc,c,lead", "reg,c,partner")
    assert found(build(efforts.format(status=""), participation), "fragmented") == []
    planned = found(build(efforts.format(status="planned"), participation), "fragmented")
    assert [f[4] for f in planned] == [("vc", "reg")]
