"""Acceptability: the AIF -> ASPIC+ -> Dung reading of maps, and the seed regression."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

from argmap import ArgumentMap, Locution, Source
from argmap.reasoning._aspic import build_framework, evaluate
from argmap.reasoning._framework import FrameworkError, Status
from argmap.reasoning._schemes import Scheme, schemes
from argmap.strategies import argument_maps

IN, OUT, UNDEC = Status.IN, Status.OUT, Status.UNDEC
ROOT = Path(__file__).resolve().parents[1]

# The Tengiz passage of the seed article (Lautman, CEPA, July 2022), abridged.
PASSAGE = (
    "It may be that a July 6 explosion at Kazakhstan’s enormous Tengiz Field was an accident. "
    "And it may be a coincidence that two days earlier, Kazakhstan’s President Kasym-Zhomart "
    "Tokayev, made a series of statements about plans to increase oil supply to Europe from "
    "the Tengiz field. It’s possible too that on July 6, a Russian court ordered the Caspian "
    "Pipeline Consortium (CPC) to suspend operations for 30 days. Taken together, however, "
    "Kazakhs will reasonably conclude that the Kremlin is expressing its displeasure at "
    "signals of independence."
)


def tengiz(preference: bool) -> tuple[ArgumentMap, dict[str, str]]:
    """The passage as theory.md §6 analyses it: linked RA, coincidence undercutter, CA pair, PA."""
    m = ArgumentMap(source=Source(text=PASSAGE))
    p1 = m.add_evidence("An explosion hit the Tengiz field on 6 July.",
                        quote="a July 6 explosion at Kazakhstan’s enormous Tengiz Field")
    p2 = m.add_evidence("On 4 July Tokayev spoke of raising oil supply to Europe from Tengiz.",
                        quote="made a series of statements about plans to increase oil supply "
                              "to Europe from the Tengiz field")
    p3 = m.add_evidence("On 6 July a Russian court ordered the CPC to suspend operations.",
                        quote="a Russian court ordered the Caspian Pipeline Consortium (CPC) to "
                              "suspend operations for 30 days")
    e1 = m.add_claim("Tokayev's statements signal independence from Moscow.", implicit=True)
    e2 = m.add_claim("Three such blows within two days are unlikely to be coincidental.",
                     implicit=True)
    a1 = m.add_claim(quote="It may be that a July 6 explosion at Kazakhstan’s enormous Tengiz "
                           "Field was an accident")
    a2 = m.add_claim(quote="it may be a coincidence that two days earlier")
    a3 = m.add_claim("The court order's timing may be innocent.", implicit=True)
    c = m.add_claim(quote="the Kremlin is expressing its displeasure at signals of independence")
    main = m.add_inference([p1, p2, p3, e1, e2], c, scheme="Argument From Evidence To Hypothesis")
    coincidence = m.add_claim("The clustering of the three events is mere coincidence.",
                              implicit=True)
    m.add_inference([a1, a2, a3], coincidence)
    m.add_conflict(coincidence, main)
    m.add_conflict(e2, coincidence)
    m.add_conflict(coincidence, e2)
    if preference:
        m.add_preference(e2, coincidence)
    return m, {"C": c.id, "E2": e2.id, "A*": coincidence.id, "P1": p1.id, "main": main.id}


@pytest.mark.parametrize("semantics", ["grounded", "complete", "preferred", "stable"])
def test_tengiz_passage_needs_the_authors_preference(semantics: str) -> None:
    m, ids = tengiz(preference=False)
    ev = evaluate(m, semantics)
    assert ev.status(ids["C"]) is UNDEC
    assert ev.status(ids["E2"]) is UNDEC
    assert ev.status(ids["P1"]) is IN

    m, ids = tengiz(preference=True)
    ev = evaluate(m, semantics)
    assert ev.status(ids["C"]) is IN
    assert ev.status(ids["E2"]) is IN
    assert ev.status(ids["A*"]) is OUT


def test_tengiz_attacks_are_read_as_aspic_attacks() -> None:
    m, ids = tengiz(preference=True)
    sf = build_framework(m)
    kinds = {(a.kind.value, a.contradictory, a.defeat) for a in sf.attacks}
    # A* undercuts the main inference; E2 rebuts A*; A* undermines E2 but loses on preference.
    assert kinds == {("undercut", False, True), ("rebut", True, True),
                     ("undermine", True, False)}
    (main_arg,) = sf.by_conclusion[ids["C"]]
    assert sf.arguments[main_arg].rule == ids["main"]
    assert len(sf.arguments[main_arg].premises) == 5


def test_last_link_favours_premises_over_derived_conclusions() -> None:
    # Documented: under last-link a premise never loses to a defeasibly derived conclusion.
    m, ids = tengiz(preference=False)
    assert evaluate(m, ordering="last-link").status(ids["C"]) is IN


def _load_seed_example() -> object:
    path = ROOT / "examples" / "annotate_seed.py"
    if not path.exists():
        pytest.skip("examples/annotate_seed.py is not there")
    if not (ROOT / "examples" / "seed_article.txt").exists():
        pytest.skip("the seed article text is not there")
    spec = importlib.util.spec_from_file_location("annotate_seed_for_aspic", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    if not hasattr(module, "build"):
        pytest.skip("examples/annotate_seed.py has no build()")
    return module


def test_full_seed_map_regression() -> None:
    module = _load_seed_example()
    m: ArgumentMap = module.build()  # type: ignore[attr-defined]
    conclusion = "kremlin_displeasure"
    preference = "pa_however_pattern"
    if conclusion not in m.nodes or preference not in m.nodes:
        pytest.skip("the seed annotation no longer has the Tengiz nodes this test names")
    assert evaluate(m).status(conclusion) is IN
    m.remove_node(preference)
    assert evaluate(m).status(conclusion) is UNDEC


# ------------------------------------------------------------------ small maps
def test_support_chain_is_accepted() -> None:
    m = ArgumentMap()
    a, b, c = m.add_claim("a"), m.add_claim("b"), m.add_claim("c")
    m.add_inference(a, b)
    m.add_inference(b, c)
    ev = evaluate(m)
    assert ev.accepted() == [a.id, b.id, c.id]
    assert ev.structure.premises == {a.id}
    assert len(ev.structure.arguments) == 3


def test_one_way_conflict_is_a_contrary_and_ignores_preferences() -> None:
    m = ArgumentMap()
    target, attacker = m.add_claim("t"), m.add_claim("x")
    m.add_conflict(attacker, target)
    m.add_preference(target, attacker)
    ev = evaluate(m)
    assert ev.status(target) is OUT
    assert ev.status(attacker) is IN


def test_contradictories_without_preference_stay_open() -> None:
    m = ArgumentMap()
    x, y = m.add_claim("x"), m.add_claim("y")
    m.add_conflict(x, y)
    m.add_conflict(y, x)
    assert evaluate(m).undecided() == [x.id, y.id]
    ev = evaluate(m, "preferred")
    assert ev.labellings == 2
    assert ev.undecided() == [x.id, y.id]
    # A preference between the two premises decides.
    m.add_preference(y, x)
    ev = evaluate(m)
    assert (ev.status(x), ev.status(y)) == (OUT, IN)


def test_preference_is_transitive_and_cycles_cancel() -> None:
    m = ArgumentMap()
    x, y, z = m.add_claim("x"), m.add_claim("y"), m.add_claim("z")
    m.add_conflict(x, z)
    m.add_conflict(z, x)
    m.add_preference(x, y)
    m.add_preference(y, z)
    assert evaluate(m).status(x) is IN
    m.add_preference(z, x)  # x > y > z > x: no strict preference left
    assert evaluate(m).status(x) is UNDEC


def test_undercut_keeps_premises_but_not_conclusion() -> None:
    m = ArgumentMap()
    p, c, u = m.add_claim("p"), m.add_claim("c"), m.add_claim("u")
    ra = m.add_inference(p, c)
    m.add_conflict(u, ra)
    ev = evaluate(m)
    assert (ev.status(p), ev.status(c), ev.status(u)) == (IN, OUT, IN)


def test_undermining_a_linked_premise_defeats_the_conclusion() -> None:
    m = ArgumentMap()
    p, q, c, x = (m.add_claim(t) for t in "pqcx")
    m.add_inference([p, q], c)
    m.add_conflict(x, q)
    ev = evaluate(m)
    assert (ev.status(p), ev.status(q), ev.status(c)) == (IN, OUT, OUT)
    # A convergent second reason keeps the conclusion.
    m.add_inference(m.add_claim("r"), c)
    assert evaluate(m).status(c) is IN


def test_rule_preferences_need_last_link() -> None:
    m = ArgumentMap()
    p, q, c, d = (m.add_claim(t) for t in "pqcd")
    r1 = m.add_inference(p, c)
    r2 = m.add_inference(q, d)
    m.add_conflict(c, d)
    m.add_conflict(d, c)
    m.add_preference(r1, r2)
    last = evaluate(m, ordering="last-link")
    assert (last.status(c), last.status(d)) == (IN, OUT)
    # Weakest-link also compares the (unordered) premises, so nothing is decided.
    weakest = evaluate(m, ordering="weakest-link")
    assert (weakest.status(c), weakest.status(d)) == (UNDEC, UNDEC)
    # Ordering the premises too lets weakest-link decide.
    m.add_preference(p, q)
    weakest = evaluate(m, ordering="weakest-link")
    assert (weakest.status(c), weakest.status(d)) == (IN, OUT)


def test_deductive_schemes_are_strict_rules() -> None:
    cat = schemes().copy()
    cat.add(Scheme(name="ModusPonens", kind="RA", premises=["p", "if p then q"],
                   conclusion="q", deductive=True))
    m = ArgumentMap()
    p, pq, q, x, u = (m.add_claim(t) for t in ("p", "p->q", "q", "not q", "u"))
    ra = m.add_inference([p, pq], q, scheme="Modus Ponens")
    m.add_conflict(x, q)
    m.add_conflict(u, ra)
    ev = evaluate(m, catalogue=cat)
    # Neither rebut nor undercut applies to a strict rule's conclusion.
    assert ev.status(q) is IN
    (arg,) = ev.structure.by_conclusion[q.id]
    assert ev.structure.arguments[arg].strict
    # The default catalogue does not know the scheme: the rule is defeasible.
    assert evaluate(m).status(q) is OUT


def test_rephrase_carries_support_and_can_be_attacked() -> None:
    m = ArgumentMap()
    orig, reph, x = m.add_claim("o"), m.add_claim("r"), m.add_claim("x")
    m.add_rephrase(orig, reph)
    assert evaluate(m).status(reph) is IN
    m.add_conflict(x, reph)
    ev = evaluate(m)
    assert (ev.status(orig), ev.status(reph)) == (IN, OUT)


def test_circular_support_builds_no_circular_arguments() -> None:
    m = ArgumentMap()
    a, b = m.add_claim("a"), m.add_claim("b")
    m.add_inference(a, b)
    m.add_inference(b, a)
    ev = evaluate(m)
    # Only derivable in a circle: no argument at all.
    assert ev.structure.by_conclusion == {a.id: (), b.id: ()}
    assert ev.undecided() == [a.id, b.id]
    # With an independent premise for a, each gets exactly one argument.
    m.add_inference(m.add_claim("p"), a)
    sf = build_framework(m)
    assert [len(sf.by_conclusion[x.id]) for x in (a, b)] == [1, 1]
    assert evaluate(m).status(b) is IN


def test_larger_support_cycle_with_entries() -> None:
    m = ArgumentMap()
    a, b, c, p, q = (m.add_claim(t) for t in "abcpq")
    m.add_inference(a, b)
    m.add_inference(b, c)
    m.add_inference([c, q], a)
    m.add_inference(p, a)
    sf = build_framework(m)
    for ids in sf.by_conclusion.values():
        for arg_id in ids:
            arg = sf.arguments[arg_id]
            seen = [arg.conclusion]
            stack = list(arg.sub_arguments)
            while stack:
                sub = sf.arguments[stack.pop()]
                seen.append(sub.conclusion)
                stack.extend(sub.sub_arguments)
            assert seen.count(arg.conclusion) == 1, "circular argument"
    assert len(sf.by_conclusion[a.id]) == 1  # only via p: via c would need a itself


def test_reported_speech_locution_as_premise() -> None:
    m = ArgumentMap()
    said = m.add_node(Locution(id="l1", text="Tokayev: we will supply Europe"))
    plan = m.add_claim("Kazakhstan plans to supply Europe")
    m.add_inference(said, plan, scheme="Position To Know")
    ev = evaluate(m)
    assert ev.status("l1") is IN
    assert ev.status(plan) is IN
    m.add_conflict(m.add_claim("The quote was invented"), said)
    assert evaluate(m).status(plan) is OUT


def test_floating_conclusion_is_sceptically_accepted_under_preferred() -> None:
    m = ArgumentMap()
    x, y, c = m.add_claim("x"), m.add_claim("y"), m.add_claim("c")
    m.add_conflict(x, y)
    m.add_conflict(y, x)
    m.add_inference(x, c)
    m.add_inference(y, c)
    assert evaluate(m).status(c) is UNDEC
    ev = evaluate(m, "preferred")
    assert ev.status(c) is IN
    # Each argument for c is IN in one preferred labelling only.
    assert {ev.arguments[a] for a in ev.structure.by_conclusion[c.id]} == {UNDEC}


def test_odd_cycle_has_no_stable_labelling() -> None:
    m = ArgumentMap()
    a, b, c = m.add_claim("a"), m.add_claim("b"), m.add_claim("c")
    m.add_conflict(a, b)
    m.add_conflict(b, c)
    m.add_conflict(c, a)
    ev = evaluate(m, "stable")
    assert ev.labellings == 0
    assert ev.undecided() == [a.id, b.id, c.id]
    assert evaluate(m, "ST").semantics == "stable"


def test_errors() -> None:
    m = ArgumentMap()
    a = m.add_claim("a")
    for i in range(4):
        m.add_inference([m.add_claim(f"p{i}"), m.add_claim(f"q{i}")], a)
    with pytest.raises(FrameworkError, match="more than 3 arguments"):
        build_framework(m, max_arguments=3)
    with pytest.raises(FrameworkError, match="unknown ordering"):
        evaluate(m, ordering="best-link")
    with pytest.raises(FrameworkError, match="unknown semantics"):
        evaluate(m, "ideal")
    with pytest.raises(FrameworkError, match="not a proposition"):
        evaluate(m).status("nope")


def test_huge_support_cycles_are_refused() -> None:
    m = ArgumentMap()
    claims = [m.add_claim(f"c{i}") for i in range(250)]
    for x, y in zip(claims, [*claims[1:], claims[0]], strict=True):
        m.add_inference(x, y)
    with pytest.raises(FrameworkError, match="support each other in one circle"):
        build_framework(m)


def test_argument_explosion_is_counted_not_built_blindly() -> None:
    # 12 linked premises with 2 arguments each: 4,096 arguments for the conclusion.
    m = ArgumentMap()
    c = m.add_claim("c")
    prem = []
    for i in range(12):
        p = m.add_claim(f"p{i}")
        m.add_inference(m.add_claim(f"r{i}"), p)
        m.add_inference(m.add_claim(f"s{i}"), p)
        prem.append(p)
    m.add_inference(prem, c)
    sf = build_framework(m)
    assert len(sf.by_conclusion[c.id]) == 2**12
    with pytest.raises(FrameworkError, match="max_arguments"):
        build_framework(m, max_arguments=1000)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(argument_maps())
def test_random_maps_evaluate_consistently(m: ArgumentMap) -> None:
    grounded = evaluate(m)
    af = grounded.structure.framework
    assert af.is_complete(grounded.arguments)
    preferred = evaluate(m, "preferred")
    # What grounded semantics decides, every preferred labelling decides the same way.
    for nid, st in grounded.statuses.items():
        if st is not UNDEC:
            assert preferred.statuses[nid] is st
    for arg_id, arg in grounded.structure.arguments.items():
        assert arg_id in grounded.structure.by_conclusion[arg.conclusion]
        # A defeated sub-argument defeats the whole argument.
        for sub in arg.sub_arguments:
            if grounded.arguments[sub] is OUT:
                assert grounded.arguments[arg_id] is OUT


def test_complete_statuses_are_grounded_without_enumeration() -> None:
    # k independent even cycles have 3**k complete labellings; the sceptical
    # complete statuses are the grounded ones and must not enumerate them.
    m = ArgumentMap()
    pairs = []
    for i in range(12):
        x, y = m.add_claim(f"x{i}", id=f"x{i}"), m.add_claim(f"y{i}", id=f"y{i}")
        m.add_conflict(x, y)
        m.add_conflict(y, x)
        pairs.append((x, y))
    free = m.add_claim("free", id="free")
    ev = evaluate(m, "complete")
    assert ev.labellings is None
    grounded = evaluate(m)
    assert ev.statuses == grounded.statuses
    assert ev.status(free) is IN and ev.status("x0") is UNDEC
    assert ev.arguments == grounded.arguments
    af = ev.structure.framework
    assert af.summary("complete") == af.grounded()
    small = ArgumentMap()
    a, b = small.add_claim("a"), small.add_claim("b")
    small.add_conflict(a, b)
    small.add_conflict(b, a)
    assert evaluate(small, "complete", count_labellings=True).labellings == 3
