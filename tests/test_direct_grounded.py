"""Grounded statuses without building arguments agree with the ASPIC+ construction.

:func:`evaluate` picks the direct fixpoint over propositions and rules when
preferences cannot decide an attack (``Evaluation.method == "direct"``) and
builds every argument otherwise.  Wherever the direct method runs, its
statuses must be exactly those of the construction: checked on random maps
with linked premises, support cycles, one- and two-way conflicts, undercuts,
linked objections, attacks on attacks, deductive schemes and preferences, on
the maps of :func:`argmap.strategies.argument_maps`, and on the shared
corpora.
"""

from __future__ import annotations

import itertools
import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import argmap
from argmap import ArgumentMap, Conflict, FrameworkError
from argmap.reasoning._aspic import build_framework, evaluate, solve_structure
from argmap.reasoning._direct import grounded_direct, plan
from argmap.reasoning._extensions import MAX_GROUP
from argmap.reasoning._framework import Status
from argmap.reasoning._schemes import Scheme, SchemeCatalogue, schemes
from argmap.reasoning._size import count_arguments
from argmap.reasoning._statuses import _code_of, _node_status
from argmap.reasoning._theory import close_under_transposition, read_theory
from argmap.strategies import argument_maps

IN, OUT, UNDEC = Status.IN, Status.OUT, Status.UNDEC
DEDUCTION = "Deduction"
CORPORA = Path(__file__).resolve().parents[1].parent / "shared" / "corpora"


def _catalogue() -> SchemeCatalogue:
    cat = schemes().copy()
    cat.add(Scheme(name=DEDUCTION, kind="RA", premises=["p"], conclusion="q", deductive=True))
    return cat


CATALOGUE = _catalogue()


def _constructed(m: ArgumentMap, **options: Any) -> dict[str, Status]:
    """Grounded statuses from the arguments and defeat graph (the construction)."""
    sf = build_framework(m, **options)
    lab = sf.framework.grounded()
    return {f: _node_status([_code_of(lab[a]) for a in ids])
            for f, ids in sf.by_conclusion.items()}


def _agree(m: ArgumentMap, **options: Any) -> str:
    """Check the direct statuses against the construction; return the method that ran."""
    try:
        ev = evaluate(m, **options)
    except FrameworkError:
        with pytest.raises(FrameworkError):
            _constructed(m, **options)
        return "refused"
    try:
        expected = _constructed(m, **options)
    except FrameworkError as exc:
        if "support each other in one circle" in str(exc) or "arguments" in str(exc):
            return ev.method  # the construction gives up; the direct method need not
        raise
    assert dict(ev.statuses) == expected
    if ev.method == "construction":
        return ev.method
    # Where the direct method is exact it must also agree when forced to run.
    cat = options.get("catalogue") or schemes()
    th = read_theory(m, cat, perspective=options.get("perspective"))
    if options.get("transposition", True):
        close_under_transposition(th)
    how = plan(th, options.get("ordering", "weakest-link"),
               consistent_premises=options.get("consistent_premises", False),
               conclusion_preferences=options.get("conclusion_preferences", "lift"))
    assert how.reason is None
    assert grounded_direct(th, how.fails).statuses == expected
    return ev.method


# ------------------------------------------------------------- random theories
@st.composite
def _maps(draw: st.DrawFn) -> ArgumentMap:
    """Small maps with every construct the reading knows, cycles included."""
    m = ArgumentMap()
    n = draw(st.integers(2, 8))
    f = [m.add_claim(f"f{i}", id=f"f{i}") for i in range(n)]
    ras = []
    for k in range(draw(st.integers(0, 7))):
        concl = draw(st.integers(0, n - 1))
        others = [i for i in range(n) if i != concl]
        prem = draw(st.lists(st.sampled_from(others), min_size=1, max_size=3, unique=True))
        scheme = DEDUCTION if draw(st.integers(0, 5)) == 0 else None
        ras.append(m.add_inference([f[i] for i in prem], f[concl], id=f"r{k}", scheme=scheme))
    if draw(st.integers(0, 4)) == 0:
        a, b = draw(st.lists(st.integers(0, n - 1), min_size=2, max_size=2, unique=True))
        m.add_rephrase(f[a], f[b])
    cas = []
    for i, j, both in draw(st.lists(st.tuples(st.integers(0, n - 1), st.integers(0, n - 1),
                                              st.booleans()), max_size=5)):
        if i == j:
            continue
        cas.append(m.add_conflict(f[i], f[j]))
        if both:
            m.add_conflict(f[j], f[i])
    for i, k in draw(st.lists(st.tuples(st.integers(0, n - 1), st.integers(0, 6)), max_size=2)):
        if k < len(ras):
            cas.append(m.add_conflict(f[i], ras[k]))
    if n > 2 and draw(st.integers(0, 3)) == 0:  # a linked objection
        parts = draw(st.lists(st.integers(0, n - 1), min_size=2, max_size=3, unique=True))
        target = draw(st.integers(0, n - 1))
        if target not in parts:
            ca = m.add_node(Conflict(id="linked"))
            for p in parts:
                m.connect(f[p], ca)
            m.connect(ca, f[target])
    if cas and draw(st.integers(0, 4)) == 0:  # an attack on an attack
        m.add_conflict(f[draw(st.integers(0, n - 1))], cas[draw(st.integers(0, len(cas) - 1))])
    for i, j in draw(st.lists(st.tuples(st.integers(0, n - 1), st.integers(0, n - 1)),
                              max_size=2)):
        if i != j and draw(st.booleans()):
            m.add_preference(f[i], f[j])
    if len(ras) > 1 and draw(st.integers(0, 3)) == 0:
        m.add_preference(ras[0], ras[1])
    return m


_OPTIONS = st.fixed_dictionaries({
    "ordering": st.sampled_from(["weakest-link", "last-link"]),
    "conclusion_preferences": st.sampled_from(["lift", "decide"]),
    "transposition": st.booleans(),
    "consistent_premises": st.booleans(),
})


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_maps(), _OPTIONS)
def test_direct_statuses_are_the_constructed_ones(m: ArgumentMap, options: dict[str, Any]
                                                   ) -> None:
    _agree(m, catalogue=CATALOGUE, **options)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(argument_maps())
def test_direct_statuses_on_generated_maps(m: ArgumentMap) -> None:
    _agree(m)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_maps())
def test_direct_method_runs_without_preferences(m: ArgumentMap) -> None:
    _agree(m)
    th = read_theory(m, schemes())
    close_under_transposition(th)
    plain = not th.prop_pref and not th.rule_pref
    afra = any(c.on == "conflict" for c in th.conflicts)
    if plain and not afra:
        assert evaluate(m).method == "direct"
        assert evaluate(m, "complete").method == "direct"
        # The other semantics take the fixpoint unless it leaves much undecided.
        small = grounded_direct(th).undecided <= MAX_GROUP
        expected = "direct" if small else "construction"
        assert evaluate(m, "preferred").method == expected
        assert evaluate(m, "complete", count_labellings=True).method == expected


# ---------------------------------------------------- other semantics, direct
_SEMANTICS = st.sampled_from([("preferred", False), ("stable", False), ("complete", True)])


def _agree_beyond_grounded(m: ArgumentMap, semantics: str, count: bool,
                           **options: Any) -> str:
    """Preferred, stable or counted complete: the evaluation is the construction's."""
    try:
        ev = evaluate(m, semantics, count_labellings=count, **options)
    except FrameworkError:
        return "refused"
    try:
        sf = build_framework(m, **options)
    except FrameworkError:
        assert ev.method == "direct"  # the construction gives up; the fixpoint need not
        return ev.method
    built = solve_structure(sf, semantics, ordering=options.get("ordering", "weakest-link"),
                            count_labellings=count)
    assert dict(ev.statuses) == dict(built.statuses)
    assert ev.labellings == built.labellings
    if ev.method == "direct":
        assert ev.fallback is None
        total = set(sf.framework.grounded().values()) <= {IN, OUT}
        if total:
            assert ev.labellings == 1
        first = next(iter(ev.statuses), None)
        if first is not None and (semantics == "complete" or total):
            assert ev.explain(first).status is ev.statuses[first]
        elif first is not None:
            with pytest.raises(FrameworkError, match="grounded labelling is its only one"):
                ev.explain(first)
        assert ev.arguments == built.arguments  # built on demand, by the construction
    else:
        assert ev.fallback
    return ev.method


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_maps(), _OPTIONS, _SEMANTICS)
def test_other_semantics_take_the_fixpoint_only_when_it_is_their_only_labelling(
        m: ArgumentMap, options: dict[str, Any], semantics: tuple[str, bool]) -> None:
    _agree_beyond_grounded(m, *semantics, catalogue=CATALOGUE, **options)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(argument_maps(), _SEMANTICS)
def test_other_semantics_on_generated_maps(m: ArgumentMap, semantics: tuple[str, bool]) -> None:
    _agree_beyond_grounded(m, *semantics)


def test_preferred_and_stable_without_arguments() -> None:
    # A one-way rebuttal decides everything: the grounded labelling is the only one.
    m = _explosion(30)  # 2**30 arguments for c
    (linked,) = m.predecessors("c")
    m.add_conflict(m.add_claim("o", id="o"), "c", id="rebut")
    for semantics in ("preferred", "stable"):
        ev = evaluate(m, semantics)
        assert (ev.method, ev.labellings, ev.fallback) == ("direct", 1, None)
        assert ev.status("c") is OUT and set(ev.statuses.values()) == {IN, OUT}
        assert ev.explain("c").defeats == (("rebut", "o", linked.id),)
    assert evaluate(m, "complete", count_labellings=True).labellings == 1
    # Two propositions rebutting each other: a search over the two undecided assumptions.
    m.add_conflict("c", "o")
    expected = {"preferred": 2, "stable": 2, "complete": 3}
    for semantics, count in expected.items():
        ev = evaluate(m, semantics, count_labellings=True)
        assert (ev.method, ev.labellings) == ("direct", count)
        assert ev.status("c") is UNDEC and ev.status("o") is UNDEC
        assert list(ev.statuses.values()).count(IN) == len(ev.statuses) - 2
    with pytest.raises(FrameworkError, match="grounded labelling is its only one"):
        evaluate(m, "preferred").explain("c")
    # An odd cycle has no stable labelling, and its only preferred one is empty.
    odd = ArgumentMap()
    a, b, c = (odd.add_claim(x, id=x) for x in "abc")
    for x, y in ((a, b), (b, c), (c, a)):
        odd.add_conflict(x, y)
    assert evaluate(odd, "stable").labellings == 0
    assert set(evaluate(odd, "stable").statuses.values()) == {UNDEC}
    assert evaluate(odd, "preferred").labellings == 1
    # Seven independent pairs: fourteen undecided assumptions in groups of two.
    pairs = ArgumentMap()
    for i in range(7):
        u, v = pairs.add_claim(f"u{i}", id=f"u{i}"), pairs.add_claim(f"v{i}", id=f"v{i}")
        pairs.add_conflict(u, v)
        pairs.add_conflict(v, u)
    for semantics, count in (("preferred", 2 ** 7), ("stable", 2 ** 7), ("complete", 3 ** 7)):
        assert _agree_beyond_grounded(pairs, semantics, True) == "direct"
        assert evaluate(pairs, semantics, count_labellings=True).labellings == count
    # Many independent pairs: cheap to search, each group on its own.
    many = ArgumentMap()
    for i in range(4000):
        u, v = many.add_claim(f"u{i}", id=f"u{i}"), many.add_claim(f"v{i}", id=f"v{i}")
        many.add_conflict(u, v)
        many.add_conflict(v, u)
    ev = evaluate(many, "preferred")
    assert (ev.method, ev.labellings) == ("direct", 2 ** 4000)
    assert set(ev.statuses.values()) == {UNDEC}
    for i in range(4000, 4100):  # more candidates than are searched
        u, v = many.add_claim(f"u{i}", id=f"u{i}"), many.add_claim(f"v{i}", id=f"v{i}")
        many.add_conflict(u, v)
        many.add_conflict(v, u)
    assert evaluate(many, "stable").fallback == (
        "the grounded labelling leaves 8,200 assumptions undecided in 4,100 groups, 16,400 "
        "candidates, more than are searched without arguments on a map this size")
    # Thirteen undecided assumptions that all interact: the arguments are built.
    ev = evaluate(_undecided(ArgumentMap()), "preferred")
    assert ev.method == "construction"
    assert ev.fallback == ("the grounded labelling leaves 13 assumptions undecided, 13 of them "
                           f"interacting, more than the {MAX_GROUP} searched without arguments")
    assert _agree_beyond_grounded(_undecided(ArgumentMap()), "stable", False) == "construction"
    with pytest.raises(FrameworkError, match="grounded labelling is its only one"):
        ev.explain("u0")


# -------------------------------------------------------------- chosen cases
def test_which_method_runs() -> None:
    m = ArgumentMap()
    a, b, c = m.add_claim("a"), m.add_claim("b"), m.add_claim("c")
    m.add_inference(a, c)
    m.add_conflict(b, c)
    assert evaluate(m).method == "direct"
    # A preference is harmless while every conflict is one-way...
    m.add_preference(c, b)
    assert evaluate(m).method == "direct"
    assert evaluate(m, ordering="last-link").method == "direct"
    # ...and once the two conflict both ways, the preference settles the
    # conflict for all its attacks: still no argument is built.
    m.add_conflict(c, b)
    ev = evaluate(m, conclusion_preferences="decide")
    assert ev.method == "direct" and ev.fallback is None
    assert ev.status(c) is IN and ev.status(b) is OUT
    assert _constructed(m, conclusion_preferences="decide") == dict(ev.statuses)
    ev = evaluate(m, consistent_premises=True)
    assert ev.method == "construction"
    assert ev.fallback is not None and "consistent_premises" in ev.fallback


def test_last_link_without_preferences() -> None:
    # Under last-link a premise outranks a defeasible argument, so a
    # contradictory undermine from a derived conclusion fails -- for every
    # argument alike, so the direct method still runs.
    m = ArgumentMap()
    p, q, x = m.add_claim("p"), m.add_claim("q"), m.add_claim("x")
    m.add_inference(p, x)
    m.add_conflict(x, q)
    m.add_conflict(q, x)
    ev = evaluate(m, ordering="last-link")
    assert ev.method == "direct"
    assert ev.status(q) is IN and ev.status(x) is OUT
    direct = evaluate(m)
    assert direct.method == "direct"
    assert direct.status(q) is UNDEC and direct.status(x) is UNDEC


def _two_ways_to_x() -> ArgumentMap:
    """``x`` from p1 or from p2, contradicting the premise ``t`` ranked above p1 only."""
    m = ArgumentMap()
    x, t = m.add_claim("x", id="x"), m.add_claim("t", id="t")
    p1, p2 = m.add_claim("p1", id="p1"), m.add_claim("p2", id="p2")
    m.add_inference(p1, x, id="r1")
    m.add_inference(p2, x, id="r2")
    m.add_conflict(x, t, id="xt")
    m.add_conflict(t, x, id="tx")
    m.add_preference(t, p1)
    return m


def test_preferences_that_split_a_conflict_need_the_arguments() -> None:
    # The argument from p1 is weaker than [t] and its undermining fails; the
    # one from p2 is not and succeeds: the conflict has no single outcome.
    m = _two_ways_to_x()
    ev = evaluate(m)
    assert ev.method == "construction"
    assert ev.fallback is not None and "'xt'" in ev.fallback
    assert ev.status("t") is UNDEC and ev.status("x") is UNDEC
    # Ranking t above both premises settles it again.
    m.add_preference("t", "p2")
    ev = evaluate(m)
    assert ev.method == "direct"
    assert ev.status("t") is IN and ev.status("x") is OUT
    assert _constructed(m) == dict(ev.statuses)


def test_a_split_conflict_too_big_to_build_names_the_size_and_the_reason() -> None:
    m = _explosion(25)
    m.add_conflict("c", m.add_claim("t", id="t"), id="ct")
    m.add_conflict("t", "c", id="tc")
    m.add_preference("t", next(n.id for n in m.nodes.values() if getattr(n, "text", "") == "r0"))
    m.add_inference(m.add_claim("u"), "c", id="other")
    with pytest.raises(FrameworkError, match=r"ASPIC\+ arguments.*does not apply.*'ct'"):
        evaluate(m)


def test_structure_is_built_on_demand() -> None:
    m = ArgumentMap()
    claim, reason = m.add_claim("claim"), m.add_claim("reason")
    m.add_inference(reason, claim)
    objection = m.add_claim("objection")
    m.add_conflict(objection, claim)
    ev = evaluate(m)
    assert ev.method == "direct"
    assert ev.unread == {} and ev.perspective is None
    assert ev._structure is None  # nothing built yet
    sf = ev.structure
    assert ev.structure is sf
    assert {ev.arguments[a] for a in sf.by_conclusion[claim.id]} == {OUT}
    assert [ev.arguments[a] for a in sf.by_conclusion[objection.id]] == [IN]
    assert sf.framework.is_complete(ev.arguments)


def test_structure_on_demand_still_respects_the_limit() -> None:
    m = _explosion(12)
    ev = evaluate(m, max_arguments=1000)
    assert ev.method == "direct"
    assert ev.status("c") is IN
    with pytest.raises(FrameworkError, match=re.escape("4,144 ASPIC+ arguments")):
        _ = ev.structure


def _explosion(k: int) -> ArgumentMap:
    """``c`` from k linked premises with two arguments each: 2**k arguments for ``c``."""
    m = ArgumentMap()
    c = m.add_claim("c", id="c")
    prem = []
    for i in range(k):
        p = m.add_claim(f"p{i}")
        m.add_inference(m.add_claim(f"r{i}"), p)
        m.add_inference(m.add_claim(f"s{i}"), p)
        prem.append(p)
    m.add_inference(prem, c)
    return m


def _undecided(m: ArgumentMap) -> ArgumentMap:
    """The map with a row of 13 premises, each attacking its neighbours, left undecided."""
    row = [m.add_claim(f"u{i}", id=f"u{i}") for i in range(13)]
    for u, v in itertools.pairwise(row):
        m.add_conflict(u, v)
        m.add_conflict(v, u)
    return m


def test_other_semantics_refuse_early_naming_the_size() -> None:
    m = _undecided(_explosion(40))  # 2**40 arguments for c alone
    th = read_theory(m, schemes())
    assert count_arguments(th) == 2**40 + 40 * 2 + 40 * 2 + 13
    # Building them would never end: counting them is one pass over the rules.
    with pytest.raises(FrameworkError, match=re.escape("1,099,511,627,949 ASPIC+ arguments")
                       + ".*leaves 13 assumptions undecided"):
        evaluate(m, "preferred")
    assert evaluate(m).status("c") is IN


def test_counts_are_capped() -> None:
    with pytest.raises(FrameworkError, match="at least 1,000,000,000,000,000 ASPIC"):
        evaluate(_undecided(_explosion(60)), "stable")


def test_support_cycles_beyond_the_construction() -> None:
    # The construction refuses support cycles of more than 200 propositions;
    # the direct method has no such limit.
    m = ArgumentMap()
    claims = [m.add_claim(f"c{i}") for i in range(250)]
    for x, y in zip(claims, [*claims[1:], claims[0]], strict=True):
        m.add_inference(x, y)
    base = m.add_claim("base")
    m.add_inference(base, claims[0])
    ev = evaluate(m)
    assert ev.method == "direct"
    assert set(ev.statuses.values()) == {IN}
    assert evaluate(m, "preferred").method == "direct"  # everything IN: one labelling
    with pytest.raises(FrameworkError, match="support each other"):
        evaluate(_undecided(m), "preferred")


# ------------------------------------------------------------------- corpora
def _corpus_files(name: str, pattern: str) -> list[Path]:
    folder = CORPORA / name
    return sorted(folder.rglob(pattern)) if folder.is_dir() else []


_CORPUS_FILES = (
    _corpus_files("aifdb-araucariadb", "*.json")
    + _corpus_files("aifdb-qt30", "*.json")
    + _corpus_files("arg-microtexts", "*.xml")
)


@pytest.mark.corpus
@pytest.mark.skipif(not _CORPUS_FILES, reason=f"corpora not found at {CORPORA} "
                                              "(../shared is absent)")
def test_corpora_agree() -> None:
    methods: dict[str, int] = {}
    read = 0
    for path in _CORPUS_FILES:
        try:
            m = argmap.read(path)
        except argmap.ArgmapError:
            continue  # not a map (a DTD, a catalogue, ...); the readers' tests cover that
        read += 1
        method = _agree(m)
        methods[method] = methods.get(method, 0) + 1
        for who in list(m.participants)[:1]:
            _agree(m, perspective=who)
    assert read > 100
    assert methods.get("direct", 0) > read // 2, methods
