"""CASS layers scored against values computed by hand, and properties of compare."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import argmap
from argmap import ArgumentMap, Edge, EvidenceType, Illocution, Source
from argmap.reasoning import compare

TEXT = "Prices rise. Wages stall. People suffer."
QUOTES = ("Prices rise", "Wages stall", "People suffer")


def dialogue(*, second_transition: bool, last_force: str) -> ArgumentMap:
    """Three locutions each asserting one proposition; wages -> suffer anchored by Arguing.

    ``second_transition`` adds the transition L2 -> L3 and the Arguing that
    anchors the inference in it.
    """
    m = ArgumentMap(source=Source(text=TEXT))
    who = m.add_speaker("Bob", id="bob")
    locs, props = [], []
    for k, q in enumerate(QUOTES, 1):
        locs.append(m.add_locution(who, quote=q, id=f"L{k}"))
        props.append(m.add_claim(quote=q, id=f"p{k}"))
        force = last_force if k == 3 else "Asserting"
        m.add_illocution(locs[-1], props[-1], force, id=f"ya{k}")
    ra = m.add_inference(props[1], props[2], id="ra")
    m.add_transition(locs[0], locs[1], id="ta1")
    if second_transition:
        ta2 = m.add_transition(locs[1], locs[2], id="ta2")
        m.add_illocution(ta2, ra, "Arguing", id="ya-ra")
    return m


def test_every_layer_by_hand() -> None:
    a = dialogue(second_transition=True, last_force="Asserting")
    b = dialogue(second_transition=False, last_force="Challenging")
    ag = compare(a, b)
    # Relations: 3 matched units, 6 ordered pairs; the support in both, 5 "none" in both.
    assert ag.relations.kappa == 1.0 and ag.relations.items == 6
    # Illocutions: Asserting/Asserting twice, Asserting/Challenging once.
    # p_o = 2/3, p_e = (3 * 2) / 9 = 2/3, kappa = 0.
    assert ag.illocutions is not None
    assert ag.illocutions.kappa == pytest.approx(0.0)
    assert ag.illocutions.disagreements == (("p3", "Asserting", "Challenging"),)
    # Transitions: 3 matched locutions, 6 ordered pairs; A has L1>L2 and L2>L3, B only L1>L2.
    # p_o = 5/6, p_e = (2*1 + 4*5) / 36 = 22/36, kappa = (30 - 22) / (36 - 22) = 4/7.
    assert ag.transitions is not None
    assert ag.transitions.items == 6
    assert ag.transitions.kappa == pytest.approx(4 / 7)
    assert ag.transitions.disagreements == (("L2 -> L3", "transition", "none"),)
    # Anchoring: the one relation both draw; anchored by Arguing in A, by nothing in B.
    assert ag.anchoring is not None
    assert ag.anchoring.confusion == {("Arguing from L2 > L3", "unanchored"): 1}
    assert ag.anchoring.kappa == 0.0
    # Transition anchoring: the one transition both draw, unanchored in both:
    # nothing labelled in either map, so the layer is measured but skipped.
    assert ag.transition_anchoring is not None
    assert ag.transition_anchoring.confusion == {("unanchored", "unanchored"): 1}
    # Proposition anchoring: each proposition in its own locution in both maps.
    # p_o = 1, p_e = 3 * (1 * 1) / 9 = 1/3, kappa = 1.
    assert ag.proposition_anchoring is not None
    assert ag.proposition_anchoring.confusion == {
        ("L1", "L1"): 1, ("L2", "L2"): 1, ("L3", "L3"): 1}
    assert ag.proposition_anchoring.kappa == 1.0
    # No illocution on a locution in either map: that layer is skipped too.
    assert ag.locution_illocutions is None
    assert ag.skipped == ("locution illocutions", "transition anchoring")
    # M = (1 + 0 + 4/7 + 0 + 1) / 5 = 18/35; S = 1; CASS = 2M / (M + 1) = 36/53.
    assert ag.scored == ("relations", "illocutions", "transitions", "anchoring",
                         "proposition anchoring")
    assert ag.kappa_graph == pytest.approx(18 / 35)
    assert ag.cass == pytest.approx(36 / 53)
    assert compare(a, b, combination="arithmetic").cass == pytest.approx((18 / 35 + 1) / 2)
    diff = ag.diff()
    for line in ("~ illocutions: p3: Asserting in A, Challenging in B",
                 "~ transitions: L2 -> L3: transition in A, none in B",
                 "~ anchoring: p2 -> p3: Arguing from L2 > L3 in A, unanchored in B"):
        assert line in diff


def test_unmatched_units_count() -> None:
    a = dialogue(second_transition=True, last_force="Asserting")
    b = dialogue(second_transition=True, last_force="Asserting")
    b.remove_node("ya3")
    b.remove_node("p3")
    ag = compare(a, b)
    assert ag.only_a == ("p3",)
    # p3 is unmatched: its Asserting counts against "none".
    assert ag.illocutions is not None
    assert ag.illocutions.confusion == {("Asserting", "Asserting"): 2, ("Asserting", "none"): 1}
    # The relation p2 -> p3 has an unmatched end: related in A only, so counted.
    # 2 matched units: 2 ordered pairs, both "none"; plus the relation: p_o = 2/3,
    # p_e = (1*0 + 2*3) / 9 = 2/3, kappa = 0.
    assert ag.relations.items == 3
    assert ag.relations.kappa == pytest.approx(0.0)
    assert ("p2 -> p3", "support", "none") in ag.relations.disagreements


def _reanchored(m: ArgumentMap, proposition: str, ya: str, locution: str) -> None:
    """The illocution ``ya`` on ``proposition`` is anchored in ``locution`` instead."""
    force = m.nodes[ya].force  # type: ignore[union-attr]
    m.remove_node(ya)
    m.add_illocution(locution, proposition, force, id=ya)


def test_reported_speech_and_proposition_anchoring_by_hand() -> None:
    a = dialogue(second_transition=True, last_force="Asserting")
    b = dialogue(second_transition=True, last_force="Asserting")
    a.add_report("L1", "L2", id="yr")
    b.add_report("L1", "L2", "Analysing", id="yr")
    b.add_report("L2", "L3", id="yr2")
    _reanchored(b, "p1", "ya1", "L2")
    ag = compare(a, b)
    # Locution illocutions, one item per locution unit:
    # L1: "Asserting > L2" vs "Analysing > L2"; L2: none vs "Asserting > L3"; L3: none, none.
    # p_o = 1/3; only "none" is used by both (A twice, B once): p_e = 2/9;
    # kappa = (3/9 - 2/9) / (9/9 - 2/9) = 1/7.
    reports = ag.locution_illocutions
    assert reports is not None and reports.items == 3
    assert reports.kappa == pytest.approx(1 / 7)
    assert reports.disagreements == (
        ("L1", "Asserting > L2", "Analysing > L2"),
        ("L2", "none", "Asserting > L3"),
    )
    # Proposition anchoring: p1 in L1 (A) vs L2 (B); p2 in L2 and p3 in L3 in both.
    # p_o = 2/3; A uses L1, L2, L3 once each, B L2 twice and L3 once:
    # p_e = (1*2 + 1*1) / 9 = 1/3; kappa = (2/3 - 1/3) / (1 - 1/3) = 1/2.
    anchoring = ag.proposition_anchoring
    assert anchoring is not None and anchoring.items == 3
    assert anchoring.kappa == pytest.approx(1 / 2)
    assert anchoring.disagreements == (("p1", "L1", "L2"),)
    # Every other layer agrees: M = (5 + 1/7 + 1/2) / 7 = 79/98, CASS = 2M / (M + 1) = 158/177.
    assert ag.skipped == ()
    assert len(ag.scored) == 7
    assert ag.kappa_graph == pytest.approx(79 / 98)
    assert ag.cass == pytest.approx(158 / 177)
    diff = ag.diff()
    for line in ("~ locution illocutions: L1: Asserting > L2 in A, Analysing > L2 in B",
                 "~ locution illocutions: L2: none in A, Asserting > L3 in B",
                 "~ proposition anchoring: p1: L1 in A, L2 in B"):
        assert line in diff
    assert "locution illocutions: kappa = 0.143" in ag.summary()


def test_a_report_read_the_other_way_round_disagrees_twice() -> None:
    a = dialogue(second_transition=True, last_force="Asserting")
    b = dialogue(second_transition=True, last_force="Asserting")
    a.add_report("L1", "L2")
    b.add_report("L2", "L1")
    reports = compare(a, b).locution_illocutions
    # L1: "Asserting > L2" vs none; L2: none vs "Asserting > L1"; L3: none, none.
    # p_o = 1/3, p_e = (2 * 2) / 9 = 4/9, kappa = (3/9 - 4/9) / (5/9) = -1/5.
    assert reports is not None
    assert reports.kappa == pytest.approx(-1 / 5)
    assert len(reports.disagreements) == 2


def test_unmatched_locutions_and_transition_anchors() -> None:
    a = dialogue(second_transition=True, last_force="Asserting")
    b = dialogue(second_transition=True, last_force="Asserting")
    # B adds a locution of its own, not in the text, that reports L1.
    b.add_report(b.add_locution(b.participants["bob"], "Bob told me so", id="L4"), "L1", id="yr")
    # And B anchors p3 in the transition L2 -> L3 (an illocution readers can find in
    # AIFdb maps), not in L3.
    b.remove_node("ya3")
    b.add_node(Illocution(id="ya3", scheme="Asserting"))
    b.add_edge(Edge(id="e-ta", from_id="ta2", to_id="ya3"))
    b.add_edge(Edge(id="e-p3", from_id="ya3", to_id="p3"))
    ag = compare(a, b)
    assert ag.locutions_only_b == ("L4",)
    reports = ag.locution_illocutions
    # L1, L2, L3 agree on none; L4, only in B, reports L1: p_o = 3/4,
    # p_e = (4 * 3) / 16 = 3/4, kappa = 0.
    assert reports is not None and reports.items == 4
    assert reports.confusion == {("none", "none"): 3, ("none", "Asserting > L1"): 1}
    assert reports.kappa == pytest.approx(0.0)
    assert "~ locution illocutions: L4: none in A, Asserting > L1 in B" in ag.diff()
    anchoring = ag.proposition_anchoring
    assert anchoring is not None
    assert anchoring.disagreements == (("p3", "L3", "L2 > L3"),)


def test_unmatched_locutions_sharing_an_id_are_different_anchors() -> None:
    a = dialogue(second_transition=True, last_force="Asserting")
    b = dialogue(second_transition=True, last_force="Asserting")
    # Each map anchors p1 in a locution of its own, not in the text, under the same id.
    for m, words in ((a, "Bob repeats himself"), (b, "Nobody listens")):
        m.remove_node("ya1")
        m.add_illocution(m.add_locution(m.participants["bob"], words, id="Lx"), "p1", id="ya1")
    ag = compare(a, b)
    assert ag.locutions_only_a == ("Lx",) and ag.locutions_only_b == ("Lx",)
    assert ag.proposition_anchoring is not None
    assert ag.proposition_anchoring.disagreements == (
        ("p1", "Lx (only in A)", "Lx (only in B)"),)


def test_a_map_without_dialogue_is_scored_on_the_layers_it_has() -> None:
    src = Source(text=TEXT)
    a, b = ArgumentMap(source=src), ArgumentMap(source=src)
    for m, both in ((a, True), (b, False)):
        p, q, c = (m.add_claim(quote=x) for x in QUOTES)
        m.add_inference(p, c)
        if both:
            m.add_inference(q, c)
    ag = compare(a, b)
    assert ag.skipped == ("illocutions", "locution illocutions", "transitions", "anchoring",
                          "transition anchoring", "proposition anchoring")
    assert ag.illocutions is None and ag.transitions is None and ag.anchoring is None
    assert ag.locution_illocutions is None and ag.proposition_anchoring is None
    assert ag.scored == ("relations",)
    # p_o = 5/6, p_e = (2*1 + 4*5) / 36, kappa = 4/7 (as for the transitions above).
    assert ag.kappa_graph == pytest.approx(4 / 7)
    assert "not scored" in ag.summary()


def test_evidence_types_show_in_the_diff() -> None:
    src = Source(text=TEXT)
    a, b = ArgumentMap(source=src), ArgumentMap(source=src)
    for m, kind in ((a, EvidenceType.STATISTICS), (b, EvidenceType.ANECDOTE)):
        m.add_evidence(quote="Prices rise", evidence_type=kind)
        m.add_claim(quote="Wages stall")
        m.add_claim(quote="People suffer")
    ag = compare(a, b)
    # p_o = 2/3; A: statistics 1, claim 2; B: anecdote 1, claim 2: p_e = 4/9, kappa = 0.4.
    assert ag.node_labels.kappa == pytest.approx(0.4)
    assert "evidence:statistics in A, evidence:anecdote in B" in ag.diff()


# ----------------------------------------------------------------- properties
EDITS = ("force", "drop-transition", "drop-anchor", "drop-proposition", "retype", "reverse",
         "report", "report-back", "reanchor", "drop-locution")


def _edited(edits: list[str]) -> ArgumentMap:
    m = dialogue(second_transition=True, last_force="Asserting")
    for k, e in enumerate(edits):
        if e == "force" and "ya1" in m.nodes:
            m.remove_node("ya1")
            m.add_illocution("L1", "p1", "Conceding", id="ya1")
        elif e == "drop-transition" and "ta1" in m.nodes:
            m.remove_node("ta1")
        elif e == "drop-anchor" and "ya-ra" in m.nodes:
            m.remove_node("ya-ra")
        elif e == "drop-proposition" and "p1" in m.nodes:
            if "ya1" in m.nodes:
                m.remove_node("ya1")
            m.remove_node("p1")
        elif e == "retype" and "ra" in m.nodes and "p1" in m.nodes:
            m.add_conflict("p1", "p2", id=f"ca{k}")
        elif e == "reverse" and "p1" in m.nodes and "p3" in m.nodes:
            m.add_inference(m.nodes["p3"], m.nodes["p1"], id=f"ra{k}")
        elif e == "report" and "L1" in m.nodes and "L2" in m.nodes:
            m.add_report("L1", "L2", id=f"yr{k}")
        elif e == "report-back" and "L1" in m.nodes and "L3" in m.nodes:
            m.add_report("L3", "L1", "Analysing", id=f"yr{k}")
        elif e == "reanchor" and "ya1" in m.nodes and "L2" in m.nodes:
            force = m.nodes["ya1"].force  # type: ignore[union-attr]
            m.remove_node("ya1")
            m.add_illocution("L2", "p1", force, id="ya1")
        elif e == "drop-locution" and "L3" in m.nodes:
            m.remove_node("L3")
    return m


edit_lists = st.lists(st.sampled_from(EDITS), max_size=4)


@settings(max_examples=60, deadline=None)
@given(edit_lists, edit_lists)
def test_symmetry_identity_and_diff_cover_every_layer(xs: list[str], ys: list[str]) -> None:
    a, b = _edited(xs), _edited(ys)
    ab, ba = compare(a, b), compare(b, a)
    assert ab.kappa_graph == pytest.approx(ba.kappa_graph)
    assert ab.cass == pytest.approx(ba.cass)
    for x, y in zip(ab.layers(), ba.layers(), strict=True):
        assert x.name == y.name and x.kappa == pytest.approx(y.kappa)
    same = compare(a, a.copy())
    assert same.cass == 1.0 and same.diff() == "no differences"
    assert all(layer.kappa in (None, 1.0) for layer in same.layers())
    diff = ab.diff()
    for layer in ab.layers():
        if layer.kappa is not None and layer.kappa < 1:
            name = "relations" if layer.name == "schemes" else layer.name
            assert f"~ {name}: " in diff, layer.name


def test_a_boundary_only_one_map_draws_shows_in_the_diff() -> None:
    src = Source(text=TEXT)
    a, b = ArgumentMap(source=src), ArgumentMap(source=src)
    a.add_claim(quote="Prices rise. Wages stall")
    b.add_claim(quote="Prices rise")
    ag = compare(a, b)
    # 6 words, 5 gaps; A ends its unit after "stall" (gap 4), B after "rise" (gap 2):
    # two unmatched boundaries two gaps apart, S = 1 - 2/5.
    assert ag.segmentation is not None
    assert ag.segmentation.similarity == pytest.approx(3 / 5)
    assert ag.segmentation.only_a == ("stall | People",)
    assert ag.segmentation.only_b == ("rise | Wages",)
    assert "- A only: boundary 'stall | People'" in ag.diff()


def test_compare_command_runs_every_layer(tmp_path: Path) -> None:
    a = dialogue(second_transition=True, last_force="Asserting")
    b = dialogue(second_transition=False, last_force="Challenging")
    b.add_report("L1", "L2", id="yr")
    paths = []
    for name, m in (("a", a), ("b", b)):
        paths.append(tmp_path / f"{name}.aif.xml")
        argmap.write(m, paths[-1])
    run = [sys.executable, "-m", "argmap", "compare", *map(str, paths)]
    done = subprocess.run(run, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert "transitions: kappa = 0.571" in done.stdout
    assert "~ locution illocutions: L1: none in A, Asserting > L2 in B" in done.stdout
    assert "~ anchoring: p2 -> p3: Arguing from L2 > L3 in A, unanchored in B" \
        in done.stdout
    done = subprocess.run([*run, "--combination", "arithmetic", "--json"], capture_output=True,
                          text=True, check=False)
    figures = json.loads(done.stdout)["agreement"]
    assert figures["combination"] == "arithmetic"
    # As in test_every_layer_by_hand, with the report in B: its layer is
    # none / "Asserting > L2" on L1 and none on L2 and L3 in both: p_o = p_e = 2/3,
    # kappa 0; transition anchoring is skipped (nothing anchored in the one
    # transition both draw); M = (1 + 0 + 0 + 4/7 + 0 + 1) / 6 = 3/7.
    assert figures["locution_illocutions"]["kappa"] == pytest.approx(0.0)
    assert figures["proposition_anchoring"]["kappa"] == 1.0
    assert figures["cass"] == pytest.approx((3 / 7 + 1) / 2)
    assert "_texts_a" not in figures and "texts_a" not in figures
