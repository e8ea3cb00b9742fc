"""The random structure of a synthetic map, as numpy arrays: actors, efforts, participations, relations.

:mod:`actormap.synthetic.generator` turns these arrays into files and documents what
is planted. Every function draws from the one generator it is given, in a
fixed order, so a seed gives the same map. Actors are indices ``0..n-1``,
contiguous per municipality, each municipality's core actors first.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from actormap.schema import ACTOR_TYPES, BASES, DEFAULT_TARGET_GROUPS, LEVELS, RELATION_KINDS, ROLES
from actormap.synthetic.params import (
    ACTOR_TEMPLATES,
    BASIS_SHARES,
    CORE_ACTORS,
    EFFORT_TEMPLATES,
    GROUP_WEIGHTS,
    KIND_SHARES,
    LEAD_WEIGHTS,
    LEVEL_SHARES,
    OTHER_ROLES,
    PARENT_OF_TYPE,
    PARTICIPATIONS_PER_EFFORT,
    PLACE_PREFIXES,
    PLACE_SUFFIXES,
    PLANNED_SHARE,
    TYPE_ACTIVITY,
    TYPE_SHARES,
    UNCOVERED_CELLS,
)

__all__ = ["CORE", "draw_actors", "draw_efforts", "draw_participation", "draw_relations"]

CORE = len(CORE_ACTORS)
"""Core actors per municipality."""


def draw_actors(n: int, municipalities: int, isolated: int, rng: np.random.Generator) -> dict:
    """``n`` actors split evenly between municipalities, ``isolated`` of them (never core, never a parent) idle.

    Returns arrays by actor: ``town``, ``kind`` (index into ``ACTOR_TYPES``),
    ``parent`` (actor index or -1), ``isolated``, ``names`` and
    ``popularity`` (draw weight, 0 for the isolated); and by municipality:
    ``first`` (its first actor) and ``sizes``.
    """
    sizes = np.full(municipalities, n // municipalities) + (np.arange(municipalities) < n % municipalities)
    first = np.concatenate([[0], np.cumsum(sizes)[:-1]])
    town = np.repeat(np.arange(municipalities), sizes)
    position = np.arange(n) - first[town]
    core = position < CORE
    core_type = np.array([ACTOR_TYPES.index(kind) for _, kind, _ in CORE_ACTORS])
    random_type = rng.choice(len(ACTOR_TYPES), n, p=[TYPE_SHARES[kind] for kind in ACTOR_TYPES])
    kind = np.where(core, core_type[np.minimum(position, CORE - 1)], random_type)
    core_parent = np.array([parent for _, _, parent in CORE_ACTORS])
    type_parent = np.array([PARENT_OF_TYPE.get(kind, -1) for kind in ACTOR_TYPES])
    parent_position = np.where(core, core_parent[np.minimum(position, CORE - 1)], type_parent[kind])
    committee = rng.integers(0, 4, n)
    parent_position = np.where(~core & (kind == ACTOR_TYPES.index("administration")), committee, parent_position)
    loose = ~core & (kind == ACTOR_TYPES.index("other")) & (rng.random(n) < 0.5)
    parent_position[loose] = -1
    parent = np.where(parent_position >= 0, first[town] + parent_position, -1)
    is_isolated = np.zeros(n, bool)
    is_isolated[rng.choice(np.flatnonzero(~core), isolated, replace=False)] = True
    names = [CORE_ACTORS[p][0] if p < CORE else "" for p in position.tolist()]
    templates = [ACTOR_TEMPLATES[kind_name] for kind_name in ACTOR_TYPES]
    picks, prefixes, suffixes = rng.integers(0, 1 << 30, n), rng.integers(0, 30, n), rng.integers(0, 12, n)
    for i in np.flatnonzero(~core).tolist():
        options = templates[kind[i]]
        prefix = PLACE_PREFIXES[prefixes[i] % len(PLACE_PREFIXES)]
        names[i] = options[picks[i] % len(options)].format(p=prefix, q=prefix + PLACE_SUFFIXES[suffixes[i]])
    popularity = np.array([TYPE_ACTIVITY[kind_name] for kind_name in ACTOR_TYPES])[kind]
    popularity = popularity * rng.lognormal(0.0, 0.8, n) * np.where(core, 5.0, 1.0) * ~is_isolated
    return dict(
        n=n,
        town=town,
        first=first,
        sizes=sizes,
        kind=kind,
        parent=parent,
        isolated=is_isolated,
        names=_numbered(names, town),
        popularity=popularity,
    )


def _numbered(names: list[str], town: np.ndarray) -> list[str]:
    """Names made unique within each municipality: the second "Länkarna" becomes "Länkarna 2"."""
    repeat = pd.Series(names).groupby([town, np.asarray(names, dtype=object)]).cumcount().to_numpy()
    return [f"{name} {count + 1}" if count else name for name, count in zip(names, repeat.tolist())]


def draw_efforts(counts: dict, act: dict, rng: np.random.Generator) -> dict:
    """``counts["efforts"]`` efforts, split between municipalities as the actors are.

    Returns arrays by effort: ``town``, ``level`` (index into ``LEVELS``),
    ``status``, ``ended``, ``groups`` (target groups' text), ``names``,
    ``documents``, and one mask per planted gap (``no_lead``,
    ``multiple_leads``, ``informal_only``), disjoint and never ended.
    """
    total = counts["efforts"]
    bounds = np.round(np.cumsum(act["sizes"]) * total / act["n"]).astype(int)
    town = np.repeat(np.arange(len(act["sizes"])), np.diff(np.concatenate([[0], bounds])))
    level = rng.choice(len(LEVELS), total, p=LEVEL_SHARES)
    order = rng.permutation(total)
    status = np.full(total, "active", dtype=object)
    ended, planned = order[: counts["ended"]], order[counts["ended"] : counts["ended"] + round(PLANNED_SHARE * total)]
    status[ended], status[planned] = "ended", "planned"
    running = rng.permutation(np.sort(order[counts["ended"] :]))
    planted = {}
    start = 0
    for gap in ("no_lead", "multiple_leads", "informal_only"):
        planted[gap] = np.zeros(total, bool)
        planted[gap][running[start : start + counts[gap]]] = True
        start += counts[gap]
    groups = _target_groups(level, rng)
    template_pick, prefixes, suffixes = (
        rng.integers(0, 1 << 30, total),
        rng.integers(0, 30, total),
        rng.integers(0, 12, total),
    )
    names = []
    for lvl, pick, p, s in zip(level.tolist(), template_pick.tolist(), prefixes.tolist(), suffixes.tolist()):
        options = EFFORT_TEMPLATES[LEVELS[lvl]]
        names.append(options[pick % len(options)].format(q=PLACE_PREFIXES[p] + PLACE_SUFFIXES[s]))
    documents = np.array([f"Dnr SN {2020 + e % 5}/{100 + e}" for e in range(total)], dtype=object)
    return dict(
        n=total,
        town=town,
        level=level,
        status=status,
        ended=status == "ended",
        groups=groups,
        names=_numbered(names, town),
        documents=documents,
        **planted,
    )


def _target_groups(level: np.ndarray, rng: np.random.Generator) -> list[str]:
    """One target group per effort, a second one for about a third, by the level's weights."""
    weights = np.array([GROUP_WEIGHTS[name] for name in LEVELS], dtype=float)
    for uncovered_level, group in UNCOVERED_CELLS:
        weights[LEVELS.index(uncovered_level), DEFAULT_TARGET_GROUPS.index(group)] = 0.0
    cumulative = np.cumsum(weights / weights.sum(axis=1, keepdims=True), axis=1)
    first = (rng.random(len(level))[:, None] > cumulative[level]).sum(axis=1)
    second = (rng.random(len(level))[:, None] > cumulative[level]).sum(axis=1)
    both = (rng.random(len(level)) < 0.35) & (second != first)
    names = DEFAULT_TARGET_GROUPS
    return [
        f"{names[a]},{names[b]}" if two else names[a]
        for a, b, two in zip(first.tolist(), second.tolist(), both.tolist())
    ]


def _draw(weights: np.ndarray, act: dict, town: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """For each entry of ``town``, an actor of that municipality drawn with probability ∝ ``weights``.

    Returns -1 where the municipality has no actor of positive weight.
    """
    cumulative = np.cumsum(weights)
    last = act["first"] + act["sizes"] - 1
    base = np.where(act["first"] > 0, cumulative[np.maximum(act["first"] - 1, 0)], 0.0)
    span = cumulative[last] - base
    target = base[town] + rng.random(len(town)) * span[town]
    chosen = np.clip(np.searchsorted(cumulative, target, side="right"), act["first"][town], last[town])
    return np.where((span[town] > 0) & (weights[chosen] > 0), chosen, -1)


def draw_participation(act: dict, eff: dict, rng: np.random.Generator) -> dict:
    """Participants of each effort: slot 0 the lead, slot 1 mostly the follow-up, then others.

    Returns arrays by row (``effort``, ``actor``, ``role``, ``basis``), in
    effort order, with no repeated (actor, effort, role). Slot 0 rests on a
    formal basis except in planted informal-only efforts, so exactly those
    are informal only; planted no-lead efforts have a performer in slot 0.
    """
    sizes = 2 + rng.poisson(PARTICIPATIONS_PER_EFFORT - 2, eff["n"])
    effort = np.repeat(np.arange(eff["n"]), sizes)
    slot = np.arange(len(effort)) - np.repeat(np.cumsum(sizes) - sizes, sizes)
    town = eff["town"][effort]
    actor = _draw(act["popularity"], act, town, rng)
    first_slots = np.flatnonzero(slot == 0)
    second_lead = first_slots + 1
    second_lead = second_lead[eff["multiple_leads"][effort[second_lead]]]
    for number, level in enumerate(LEVELS):
        lead_weights = np.array(LEAD_WEIGHTS[level], dtype=float)[act["kind"]] * act["popularity"]
        for slots in (first_slots, second_lead):
            at_level = slots[eff["level"][effort[slots]] == number]
            drawn = _draw(lead_weights, act, town[at_level], rng)
            actor[at_level] = np.where(drawn >= 0, drawn, actor[at_level])
    same = actor[second_lead] == actor[second_lead - 1]
    core_other = np.where(actor[second_lead - 1] == act["first"][town[second_lead]] + 1, 4, 1)
    actor[second_lead[same]] = (act["first"][town[second_lead]] + core_other)[same]
    effort, actor, slot = _guarantee(act, eff, effort, actor, slot, rng)
    role = np.array([name for name, _ in OTHER_ROLES], dtype=object)[
        rng.choice(len(OTHER_ROLES), len(effort), p=[share for _, share in OTHER_ROLES])
    ]
    follow_up = rng.random(len(effort)) < 0.75
    role[(slot == 1) & follow_up] = "follow_up"
    role[slot == 0] = np.where(eff["no_lead"][effort[slot == 0]], "performer", "lead")
    role[(slot == 1) & eff["multiple_leads"][effort]] = "lead"
    role[slot < 0] = "partner"
    basis = np.array(BASES, dtype=object)[rng.choice(3, len(effort), p=BASIS_SHARES)]
    basis[slot == 0] = np.where(rng.random(int((slot == 0).sum())) < 0.55, "agreement", "mandate")
    basis[eff["informal_only"][effort]] = "informal"
    basis[(basis == "informal") & (rng.random(len(effort)) < 0.3)] = ""
    key = (effort.astype(np.int64) * act["n"] + actor) * len(ROLES) + np.array([ROLES.index(r) for r in role])
    keep = np.sort(np.unique(key, return_index=True)[1])
    return dict(effort=effort[keep], actor=actor[keep], role=role[keep], basis=basis[keep])


def _guarantee(act: dict, eff: dict, effort, actor, slot, rng) -> tuple:
    """Give every actor that is not planted as isolated a place in a not ended effort of its municipality.

    Each such actor takes over one slot past the second of a not ended
    effort (so leads and planted gaps stay as drawn); actors left over when
    a municipality has too few slots get an extra ``partner`` row (slot -1).
    """
    candidates = np.flatnonzero((slot >= 2) & ~eff["ended"][effort])
    candidates = candidates[np.lexsort((rng.random(len(candidates)), eff["town"][effort[candidates]]))]
    town = eff["town"][effort[candidates]]
    starts = np.searchsorted(town, np.arange(len(act["sizes"])), side="left")
    ends = np.searchsorted(town, np.arange(len(act["sizes"])), side="right")
    extra_effort, extra_actor = [], []
    for number in range(len(act["sizes"])):
        lo = act["first"][number]
        members = lo + rng.permutation(np.flatnonzero(~act["isolated"][lo : lo + act["sizes"][number]]))
        places = candidates[starts[number] : ends[number]]
        taken = min(len(members), len(places))
        actor[places[:taken]] = members[:taken]
        if len(members) > taken:
            running = np.flatnonzero((eff["town"] == number) & ~eff["ended"])
            extra_actor.append(members[taken:])
            extra_effort.append(running[rng.integers(0, len(running), len(members) - taken)])
    if extra_actor:
        effort = np.concatenate([effort, *extra_effort])
        actor = np.concatenate([actor, *extra_actor])
        slot = np.concatenate([slot, np.full(len(effort) - len(slot), -1)])
    return effort, actor, slot


def draw_relations(act: dict, count: int, rng: np.random.Generator) -> dict:
    """About ``count`` relations within municipalities between actors not planted as isolated."""
    active = np.flatnonzero(~act["isolated"])
    source = active[rng.integers(0, len(active), count)]
    target = _draw(act["popularity"], act, act["town"][source], rng)
    fine = (target >= 0) & (source != target)
    source, target = source[fine], target[fine]
    keep = np.sort(np.unique(source.astype(np.int64) * act["n"] + target, return_index=True)[1])
    source, target = source[keep], target[keep]
    kind = np.array(RELATION_KINDS, dtype=object)[rng.choice(len(RELATION_KINDS), len(source), p=KIND_SHARES)]
    basis = np.array(BASES, dtype=object)[rng.choice(3, len(source), p=BASIS_SHARES)]
    return dict(source=source, target=target, kind=kind, basis=basis)
