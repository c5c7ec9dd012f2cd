"""Preferences without building arguments, and explanations for one node.

With preferences, :func:`evaluate` still takes the direct method when every
conflict between contradictories is settled for all its attacks (see
``argmap/reasoning/_settle.py``).  Checked against the construction on random
maps with preferences between premises, derived conclusions and inferences,
under both orderings and both readings of preferences between conclusions;
and :meth:`Evaluation.explain` checked against the built arguments, for both
methods.
"""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import argmap
from argmap import ArgumentMap, Conflict, FrameworkError
from argmap._nodes import NodeKind
from argmap.reasoning._aspic import Evaluation, build_framework, evaluate
from argmap.reasoning._framework import Status
from argmap.reasoning._schemes import Scheme, SchemeCatalogue, schemes
from argmap.reasoning._statuses import _code_of, _node_status
from argmap.reasoning._structures import Argument, StructuredFramework

IN, OUT, UNDEC = Status.IN, Status.OUT, Status.UNDEC


def _catalogue() -> SchemeCatalogue:
    cat = schemes().copy()
    cat.add(Scheme(name="Deduction", kind="RA", premises=["p"], conclusion="q", deductive=True))
    return cat


CATALOGUE = _catalogue()


def _random_map(rng: random.Random) -> ArgumentMap:
    """A small map with two-way conflicts and preferences of every kind."""
    m = ArgumentMap()
    n = rng.randint(3, 8)
    f = [m.add_claim(f"f{i}", id=f"f{i}") for i in range(n)]
    ras = []
    for k in range(rng.randint(1, 7)):
        concl = rng.randrange(n)
        others = [i for i in range(n) if i != concl]
        prem = rng.sample(others, rng.randint(1, min(3, len(others))))
        scheme = "Deduction" if rng.randrange(8) == 0 else None
        ras.append(m.add_inference([f[i] for i in prem], f[concl], id=f"r{k}", scheme=scheme))
    cas = []
    for _ in range(rng.randint(1, 4)):
        i, j = rng.sample(range(n), 2)
        cas.append(m.add_conflict(f[i], f[j]))
        if rng.randrange(4):
            m.add_conflict(f[j], f[i])
    if rng.randrange(8) == 0:  # an attack on an attack
        m.add_conflict(f[rng.randrange(n)], rng.choice(cas))
    if ras and rng.randrange(4) == 0:
        m.add_conflict(f[rng.randrange(n)], ras[rng.randrange(len(ras))])
    if n > 3 and rng.randrange(6) == 0:  # a linked objection
        parts = rng.sample(range(n), 2)
        target = rng.choice([i for i in range(n) if i not in parts])
        ca = m.add_node(Conflict(id="linked"))
        for p in parts:
            m.connect(f[p], ca)
        m.connect(ca, f[target])
    for _ in range(rng.randint(1, 4)):
        i, j = rng.sample(range(n), 2)
        m.add_preference(f[i], f[j])
    if len(ras) > 1 and rng.randrange(2) == 0:
        a, b = rng.sample(ras, 2)
        m.add_preference(a, b)
    return m


def _constructed(sf: StructuredFramework) -> dict[str, Status]:
    lab = sf.framework.grounded()
    return {f: _node_status([_code_of(lab[a]) for a in ids])
            for f, ids in sf.by_conclusion.items()}


def _options(rng: random.Random) -> dict[str, Any]:
    return {
        "ordering": rng.choice(["weakest-link", "last-link"]),
        "conclusion_preferences": rng.choice(["lift", "decide"]),
        "transposition": rng.choice([True, False]),
    }


def _check(m: ArgumentMap, options: dict[str, Any]) -> str:
    """Direct (or constructed) statuses and explanations against the construction."""
    try:
        sf = build_framework(m, catalogue=CATALOGUE, **options)
    except FrameworkError:
        return "refused"
    ev = evaluate(m, catalogue=CATALOGUE, **options)
    assert dict(ev.statuses) == _constructed(sf), ev.method
    assert (ev.fallback is None) == (ev.method == "direct")
    _check_explanations(ev, sf)
    return ev.method


def _subs(sf: StructuredFramework, a: str) -> list[Argument]:
    out, stack, seen = [], [a], {a}
    while stack:
        arg = sf.arguments[stack.pop()]
        out.append(arg)
        for s in arg.sub_arguments:
            if s not in seen:
                seen.add(s)
                stack.append(s)
    return out


def _check_explanations(ev: Evaluation, sf: StructuredFramework) -> None:
    lab = sf.framework.grounded()
    for node, status in ev.statuses.items():
        why = ev.explain(node)
        assert why.node == node and why.status is status
        if status is IN:
            assert not why.defeats
            assert any(a.rule == why.rule and a.premises == why.premises
                       and a.rules == why.rules and lab[a.id] is IN
                       for a in (sf.arguments[i] for i in sf.by_conclusion[node])), why
        elif status is OUT:
            assert why.rule is None and not why.premises
            assert why.defeats
            # Each named attacker is IN and attacks through the named conflict.
            defeats = {(x.conflict, sf.arguments[x.attacker].conclusion, x.target)
                       for x in sf.attacks if x.defeat and lab[x.attacker] is IN}
            for conflict, attacker, _ in why.defeats:
                assert any(c == conflict and x == attacker for c, x, _ in defeats)
            # Every argument for the node has a part the named attacks defeat.
            for a in sf.by_conclusion[node]:
                assert any(
                    (conflict, attacker, b.id) in defeats
                    and target == (b.rule if b.rule is not None else b.conclusion)
                    for b in _subs(sf, a) for conflict, attacker, target in why.defeats
                ), (node, a, why)
        else:
            assert why.rule is None and not why.defeats


@settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.randoms(use_true_random=False))
def test_direct_with_preferences_is_the_construction(rng: random.Random) -> None:
    _check(_random_map(rng), _options(rng))


def test_the_direct_method_runs_on_most_maps_with_preferences() -> None:
    rng = random.Random(20261206)
    methods: dict[str, int] = {}
    for _ in range(400):
        method = _check(_random_map(rng), _options(rng))
        methods[method] = methods.get(method, 0) + 1
    # Every map here has preferences and nearly all a two-way conflict;
    # without settling conflicts none of them took the direct method.
    assert methods.get("direct", 0) > 0.6 * sum(methods.values()), methods
    assert methods.get("construction", 0) > 0, methods


def test_explain_after_the_construction() -> None:
    m = ArgumentMap()
    claim = m.add_claim("claim", id="claim")
    m.add_inference(m.add_claim("reason", id="reason"), claim, id="ra")
    ca = m.add_conflict(m.add_claim("objection", id="objection"), claim, id="ca")
    m.add_conflict(m.add_claim("rejoinder", id="rejoinder"), ca, id="on-ca")
    for consistent in (False, True):  # direct, then the construction
        ev = evaluate(m, consistent_premises=consistent)
        assert ev.method == ("construction" if consistent else "direct")
        assert ev.explain("claim").status is IN and ev.explain("claim").rule == "ra"
        assert ev.explain("objection").status is IN
    m.add_conflict(m.add_claim("rebuttal", id="rebuttal"), "reason", id="cb")
    for consistent in (False, True):
        ev = evaluate(m, consistent_premises=consistent)
        assert ev.explain("claim").defeats == (("cb", "rebuttal", "reason"),)
    # Preferred: the grounded labelling decides everything, so it is the only one.
    assert evaluate(m, "preferred").explain("claim").defeats == (("cb", "rebuttal", "reason"),)
    m.add_conflict("claim", "rebuttal", id="back")
    m.add_conflict("rebuttal", "claim", id="forth")
    ev = evaluate(m, "preferred")
    assert ev.method == "direct" and ev.labellings == 2  # the undecided assumptions searched
    with pytest.raises(FrameworkError, match="grounded labelling is its only one"):
        ev.explain("claim")


# ------------------------------------------------------------------- corpora
CORPORA = Path(__file__).resolve().parents[1].parent / "shared" / "corpora"
_FILES = (sorted((CORPORA / "arg-microtexts" / "en").glob("*.xml"))
          + sorted((CORPORA / "aifdb-qt30").rglob("*.json")))


def _with_preferences(m: ArgumentMap) -> bool:
    """Make each conflict between two propositions two-way; every other one gets a preference."""
    pairs = []
    for ca in [n for n in m.nodes.values() if n.kind is NodeKind.CA]:
        parts = [p for p in m.predecessors(ca) if p.kind is NodeKind.I]
        targets = m.successors(ca)
        if len(parts) == 1 and len(targets) == 1 and targets[0].kind is NodeKind.I:
            pairs.append((parts[0].id, targets[0].id))
    for k, (x, t) in enumerate(pairs):
        m.add_conflict(t, x)
        if k % 2 == 0:
            m.add_preference(*((x, t) if k % 4 == 0 else (t, x)))
    return bool(pairs)


@pytest.mark.corpus
@pytest.mark.skipif(not _FILES, reason=f"corpora not found at {CORPORA} (../shared is absent)")
def test_corpora_with_preferences_agree() -> None:
    methods: dict[str, int] = {}
    for path in _FILES:
        try:
            m = argmap.read(path)
        except argmap.ArgmapError:
            continue
        if not _with_preferences(m):
            continue
        for options in ({"ordering": "weakest-link", "conclusion_preferences": "lift"},
                        {"ordering": "last-link", "conclusion_preferences": "decide"}):
            method = _check(m, {**options, "transposition": True})
            methods[method] = methods.get(method, 0) + 1
    assert methods.get("direct", 0) > 0.9 * sum(methods.values()), methods
