"""Agreement on inputs that once gave wrong figures: each test fails without its fix."""

from __future__ import annotations

from pathlib import Path

import pytest

import argmap
from argmap import ArgumentMap, Source, Transition
from argmap.reasoning import compare

SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "corpora"
DIALAM = SHARED / "dialam2024-qt30-test" / "maps"
needs_dialam = pytest.mark.skipif(not DIALAM.is_dir(), reason=f"DialAM maps not found at {DIALAM}")


def _dialogue(force: str) -> ArgumentMap:
    m = ArgumentMap(source=Source(text="Prices rise. Wages stall. People suffer."))
    bob = m.add_speaker("Bob", id="bob")
    locs, props = [], []
    for k, words in enumerate(("Prices rise", "Wages stall", "People suffer"), 1):
        locs.append(m.add_locution(bob, quote=words, id=f"L{k}"))
        props.append(m.add_claim(quote=words, id=f"p{k}"))
        m.add_illocution(locs[-1], props[-1], "Asserting")
    ra = m.add_inference(props[1], props[2], id="ra")
    m.add_illocution(m.add_transition(locs[1], locs[2], id="ta"), ra, force)
    return m


def test_transition_anchoring_reads_the_illocutions_a_transition_anchors() -> None:
    ag = compare(_dialogue("Arguing"), _dialogue("Disagreeing"))
    layer = ag.transition_anchoring
    assert layer is not None
    assert layer.disagreements == (("L2=L2 -> L3=L3", "Arguing", "Disagreeing"),)


@pytest.mark.corpus
@needs_dialam
def test_transition_anchoring_on_a_dialam_map() -> None:
    a = argmap.read(DIALAM / "test_map1.json")
    b = a.copy()
    removed = 0
    for ta in b.nodes_of(Transition):
        for e in b.outgoing(ta):
            if b.nodes[e.to_id].kind.value == "YA":
                b.remove_edge(e.id)
                removed += 1
    assert removed
    layer = compare(a, b).transition_anchoring
    assert layer is not None and layer.kappa is not None and layer.kappa < 1
    assert compare(a, a).transition_anchoring.kappa == 1.0  # type: ignore[union-attr]


def _reversed_pair() -> tuple[ArgumentMap, ArgumentMap]:
    src = Source(text="Taxes should rise now. Pollution harms health badly.")
    a, b = ArgumentMap(source=src), ArgumentMap(source=src)
    x = a.add_claim(quote="Taxes should rise now", id="x")
    y = a.add_claim(quote="Pollution harms health badly", id="y")
    a.add_inference([y], x)
    x = b.add_claim(quote="Taxes should rise", id="x")
    y = b.add_claim(quote="Pollution harms health badly", id="y")
    b.add_inference([x], y)
    return a, b


def test_harmonic_cass_is_bounded_when_kappa_is_negative() -> None:
    a, b = _reversed_pair()
    ag = compare(a, b)
    assert ag.kappa_graph == -1.0  # reported as measured
    assert ag.segmentation is not None and 0 < ag.segmentation.similarity < 1
    assert ag.cass == 0.0
    arithmetic = compare(a, b, combination="arithmetic").cass
    assert arithmetic == pytest.approx((-1.0 + ag.segmentation.similarity) / 2)
