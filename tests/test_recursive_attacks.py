"""Attacks on attacks: AFRA against brute force, and conflicts on conflicts in maps."""

from __future__ import annotations

import itertools

from hypothesis import given, settings
from hypothesis import strategies as st

from argmap import ArgumentMap, Edge
from argmap._nodes import Claim, Conflict
from argmap.reasoning._afra import AttackSpec, afra_framework
from argmap.reasoning._aspic import evaluate
from argmap.reasoning._framework import SEMANTICS, Status
from argmap.reasoning._lint import lint

IN, OUT, UNDEC = Status.IN, Status.OUT, Status.UNDEC


# ------------------------------------------------------------ AFRA by definition
def _afra_extensions(
    args: list[str], attacks: list[AttackSpec], semantics: str
) -> set[frozenset[str]]:
    """AFRA extensions straight from Baroni et al. (2011), by enumerating sets of A ∪ R.

    Attacks here have one target each (the definition's R ⊆ A × (A ∪ R)).
    """
    src = {a: s for a, s, _ in attacks}
    trg = {a: t[0] for a, _, t in attacks}
    elements = args + list(src)

    def defeats(v: str, w: str) -> bool:
        if v not in src:
            return False  # only attacks defeat
        return trg[v] == w or (w in src and trg[v] == src[w])

    def conflict_free(s: frozenset[str]) -> bool:
        return not any(defeats(v, w) for v in s for w in s)

    def acceptable(w: str, s: frozenset[str]) -> bool:
        return all(any(defeats(v, z) for v in s) for z in elements if defeats(z, w))

    def admissible(s: frozenset[str]) -> bool:
        return conflict_free(s) and all(acceptable(w, s) for w in s)

    subsets = [frozenset(c) for k in range(len(elements) + 1)
               for c in itertools.combinations(elements, k)]
    adm = [s for s in subsets if admissible(s)]
    complete = [s for s in adm if all(w in s for w in elements if acceptable(w, s))]
    if semantics == "complete":
        chosen = complete
    elif semantics == "grounded":
        chosen = [min(complete, key=len)]
    elif semantics == "preferred":
        chosen = [s for s in adm if not any(s < t for t in adm)]
    else:
        chosen = [s for s in subsets if conflict_free(s) and all(
            any(defeats(v, w) for v in s) for w in elements if w not in s)]
    return {s & frozenset(args) for s in chosen}


@st.composite
def _recursive_frameworks(draw: st.DrawFn) -> tuple[list[str], list[AttackSpec]]:
    n = draw(st.integers(1, 4))
    args = [f"a{i}" for i in range(n)]
    attacks: list[AttackSpec] = []
    for k in range(draw(st.integers(0, 6))):
        targets = args + [a for a, _, _ in attacks]
        attacks.append((f"r{k}", draw(st.sampled_from(args)), (draw(st.sampled_from(targets)),)))
    return args, attacks


@settings(max_examples=300, deadline=None)
@given(_recursive_frameworks(), st.sampled_from(SEMANTICS))
def test_afra_reduction_matches_the_definition(
    framework: tuple[list[str], list[AttackSpec]], semantics: str
) -> None:
    args, attacks = framework
    af, lifted = afra_framework(args, attacks)
    assert set(lifted) <= {a for a, _, _ in attacks}
    got = {e & frozenset(args) for e in af.extensions(semantics)}
    assert got == _afra_extensions(args, attacks, semantics)


def test_attack_on_an_attack_reinstates_its_target() -> None:
    # b -> a, and c attacks that attack: a is back.
    af, lifted = afra_framework(["a", "b", "c"], [("r1", "b", ("a",)), ("r2", "c", ("r1",))])
    assert lifted == ("r1",)
    # r2 is not attacked, so c stands in for it; r1 is an argument of its own.
    lab = af.grounded()
    assert lab.in_arguments == {"a", "b", "c"}
    assert lab["r1"] is OUT


# ------------------------------------------------------------------------- maps
def _microtext_like(add: bool) -> tuple[ArgumentMap, dict[str, str]]:
    """micro_b002's shape: an opponent rebuts the thesis; the author undercuts the rebuttal."""
    m = ArgumentMap()
    r1, r2, thesis = m.add_claim("r1"), m.add_claim("r2"), m.add_claim("thesis")
    m.add_inference(r1, thesis)
    m.add_inference(r2, thesis)
    objection = m.add_claim("objection")
    rebut = m.add_conflict(objection, thesis)
    counter = m.add_claim("counter")
    undercut = m.add_conflict(counter, rebut)
    ids = {"thesis": thesis.id, "objection": objection.id, "counter": counter.id,
           "rebut": rebut.id, "undercut": undercut.id}
    if add:
        extra = m.add_claim("second part of the counter")
        m.add_edge(Edge(id="add1", from_id=extra.id, to_id=undercut.id))
        ids["extra"] = extra.id
    return m, ids


def test_undercut_of_a_rebuttal_reinstates_the_thesis() -> None:
    m, ids = _microtext_like(add=False)
    for semantics in SEMANTICS:
        ev = evaluate(m, semantics)
        assert ev.status(ids["thesis"]) is IN, semantics
        assert ev.status(ids["objection"]) is IN  # the objection is true but beside the point
    ev = evaluate(m)
    on_attack = [a for a in ev.structure.attacks if a.on_attack]
    assert on_attack and all(a.conflict == ids["undercut"] for a in on_attack)
    assert ev.structure.attack_arguments
    assert ev.unread == {}


def test_attacking_the_undercutter_restores_the_rebuttal() -> None:
    m, ids = _microtext_like(add=False)
    m.add_conflict(m.add_claim("no"), ids["counter"])
    assert evaluate(m).status(ids["thesis"]) is OUT


def test_undercut_of_an_undercut_of_a_rebuttal() -> None:
    m, ids = _microtext_like(add=False)
    m.add_conflict(m.add_claim("but that is irrelevant"), ids["undercut"])
    ev = evaluate(m)
    assert ev.status(ids["thesis"]) is OUT
    assert ev.status(ids["counter"]) is IN


def test_linked_objection_needs_all_its_parts() -> None:
    m, ids = _microtext_like(add=True)
    assert evaluate(m).status(ids["thesis"]) is IN
    # Knock out one part of the linked counter: the rebuttal stands again.
    m.add_conflict(m.add_claim("the second part is false"), ids["extra"])
    ev = evaluate(m)
    assert ev.status(ids["extra"]) is OUT
    assert ev.status(ids["counter"]) is IN
    assert ev.status(ids["thesis"]) is OUT
    # The conjunction is not a proposition of the map.
    assert ids["undercut"] not in ev.statuses


def test_linked_rebuttal_needs_all_its_parts() -> None:
    m = ArgumentMap()
    thesis, x, y = m.add_claim("t"), m.add_claim("x"), m.add_claim("y")
    ca = m.add_conflict(x, thesis)
    m.add_edge(Edge(id="add", from_id=y.id, to_id=ca.id))
    assert evaluate(m).status(thesis) is OUT
    m.add_conflict(m.add_claim("not y"), y)
    assert evaluate(m).status(thesis) is IN


def test_what_evaluate_cannot_read_is_named_in_the_result_and_by_lint() -> None:
    m = ArgumentMap()
    a, b = m.add_claim("a"), m.add_claim("b")
    pa = m.add_preference(a, b)
    on_pref = m.add_conflict(m.add_claim("the preference is biased"), pa)
    dangling = m.add_node(Conflict(id="ca_dangling"))
    m.add_edge(Edge(id="e1", from_id=a.id, to_id=dangling.id))
    ev = evaluate(m)
    assert set(ev.unread) == {on_pref.id, dangling.id}
    assert "preference" in ev.unread[on_pref.id]
    found = {p.nodes[0] for p in lint(m) if p.code == "unevaluated"}
    assert found == {on_pref.id, dangling.id}


def test_circle_of_conflicts_on_conflicts_is_named() -> None:
    m = ArgumentMap()
    x, y = m.add_node(Claim(id="x", text="x")), m.add_node(Claim(id="y", text="y"))
    c1, c2 = m.add_node(Conflict(id="c1")), m.add_node(Conflict(id="c2"))
    m.add_edge(Edge(id="e1", from_id=x.id, to_id=c1.id))
    m.add_edge(Edge(id="e2", from_id=c1.id, to_id=c2.id))
    m.add_edge(Edge(id="e3", from_id=y.id, to_id=c2.id))
    m.add_edge(Edge(id="e4", from_id=c2.id, to_id=c1.id))
    ev = evaluate(m)
    assert set(ev.unread) == {"c1", "c2"}
    assert ev.status("x") is IN and ev.status("y") is IN


def test_lint_names_an_undercut_of_a_conflict() -> None:
    m, ids = _microtext_like(add=True)
    found = [p for p in lint(m) if p.code == "undefended-attack"]
    # The rebuttal is answered (its attack is undercut); the linked undercut is not.
    assert [p.nodes[0] for p in found] == [ids["undercut"]]
    assert "undercut of a conflict" in found[0].message
    assert ids["extra"] in found[0].nodes and ids["counter"] in found[0].nodes
    assert "(other)" not in " ".join(p.message for p in lint(m))
