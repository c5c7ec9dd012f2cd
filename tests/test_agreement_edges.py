"""Agreement on inputs that once gave wrong figures: each test fails without its fix."""

from __future__ import annotations

import json
from pathlib import Path

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import argmap
from argmap import ArgumentMap, MapError, Source, Transition
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
    assert layer.disagreements == (("L2 -> L3", "Arguing", "Disagreeing"),)


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


QT30 = SHARED / "aifdb-qt30" / "nodesets"
XAIF = SHARED / "xaif-ova-samples" / "amf_ari_data_2023-04-11_full_xaif.json"


@pytest.mark.corpus
@pytest.mark.skipif(not (QT30 / "nodeset17940.json").is_file(), reason=f"QT30 not found at {QT30}")
def test_a_layer_neither_map_labels_is_skipped_not_scored_1() -> None:
    # A QT30 nodeset whose illocutions anchor no proposition in a locution.
    a = argmap.read(QT30 / "nodeset17940.json")
    b = a.copy()
    b.remove_node(b.propositions[0])
    ag = compare(a, b)
    assert "illocutions" in ag.skipped and "illocutions" not in ag.scored
    assert ag.only_a


@pytest.mark.corpus
@pytest.mark.skipif(not XAIF.is_file(), reason=f"xAIF samples not found at {XAIF}")
def test_half_the_propositions_deleted_is_not_full_agreement() -> None:
    a = argmap.read(XAIF)
    b = a.copy()
    for p in a.propositions[::2]:
        b.remove_node(p.id)
    ag = compare(a, b)
    # No span and no relation in either map: S and relations say nothing.
    assert ag.segmentation is None and "segmentation" in ag.skipped
    assert "relations" in ag.skipped
    assert ag.cass is None and ag.kappa_graph is None
    assert ag.node_f1 < 1
    assert "segmentation: not measured (no span in either map)" in ag.summary()


def test_a_changed_locution_text_is_in_the_diff() -> None:
    a = _dialogue("Arguing")
    b = _dialogue("Arguing")
    loc = b.nodes["L3"]
    b.replace_node(attrs.evolve(loc, text="People suffer a lot"))  # type: ignore[arg-type]
    diff = compare(a, b).diff()
    assert "~ locution L3 (score" in diff and "'People suffer a lot'" in diff


@pytest.mark.corpus
@needs_dialam
def test_maps_with_nothing_in_common_are_refused() -> None:
    a = argmap.read(DIALAM / "test_map1.json")
    b = argmap.read(DIALAM / "test_map10.json")
    with pytest.raises(MapError, match="do not look like annotations of the same text"):
        compare(a, b)


def test_layers_argument_scores_only_the_argument_structure() -> None:
    a = _dialogue("Arguing")
    b = ArgumentMap(source=a.source)
    for p in a.propositions:
        b.add_node(attrs.evolve(p))
    for rel in a.nodes_of(argmap.Inference):
        b.add_inference([a.premises(rel)[0].id], a.conclusion(rel).id)  # type: ignore[union-attr]
    full = compare(a, b)
    assert full.kappa_graph is not None and full.kappa_graph < 1
    arg = compare(a, b, layers="argument")
    assert arg.scored == ("relations",) and arg.kappa_graph == 1.0 and arg.cass == 1.0
    assert arg.illocutions is None and arg.skipped == ()
    assert arg.selected == ("relations",)
    assert "not selected: illocutions" in arg.summary()
    by_name = compare(a, b, layers=["relations", "illocutions"])
    assert by_name.scored == ("relations", "illocutions")
    with pytest.raises(MapError, match="unknown layers"):
        compare(a, b, layers=["relation"])


def test_matched_units_with_one_id_are_named_once() -> None:
    ag = compare(_dialogue("Arguing"), _dialogue("Disagreeing"))
    assert "L2 -> L3: Arguing in A, Disagreeing in B" in ag.diff()
    c = _dialogue("Arguing")
    for e in c.incoming("ra"):
        if c.nodes[e.from_id].kind.value == "YA":
            for ee in c.incoming(e.from_id):
                c.remove_edge(ee.id)  # the illocution keeps no anchor
    diff = compare(_dialogue("Arguing"), c).diff()
    assert "Arguing from no locution in B" in diff and "from ?" not in diff


WORDS = ("ab", "cd", "ef", "gh", "ij", "kl")


@settings(max_examples=150, deadline=None)
@given(st.lists(st.lists(st.sampled_from(WORDS), max_size=6), max_size=8),
       st.lists(st.lists(st.sampled_from(WORDS), max_size=6), max_size=8),
       st.sampled_from([0.3, 0.5, 0.7, 0.9, 1.0]))
def test_pruned_text_candidates_give_the_same_matches_as_every_pair(
        xs: list[list[str]], ys: list[list[str]], threshold: float) -> None:
    from argmap.reasoning import _alignment as al

    ua = [al._Unit(f"a{k}", " ".join(w), al._words(" ".join(w)), [], -1)
          for k, w in enumerate(xs)]
    ub = [al._Unit(f"b{k}", " ".join(w), al._words(" ".join(w)), [], -1)
          for k, w in enumerate(ys)]
    every = {(i, j) for i in range(len(ua)) for j in range(len(ub))
             if al._dice(ua[i].words, ub[j].words) >= threshold}
    assert every <= al._text_candidates(ua, ub, threshold)


def test_a_one_word_edit_in_a_large_map_still_matches() -> None:
    words = [f"w{k}" for k in range(400)]
    texts = [" ".join(words[(7 * k + d) % 400] for d in range(8)) for k in range(1600)]
    a, b = ArgumentMap(), ArgumentMap()
    for k, t in enumerate(texts):
        a.add_claim(t, id=f"p{k}")
        b.add_claim(t if k else t.rsplit(" ", 1)[0], id=f"p{k}")
    ag = compare(a, b, layers="argument")
    assert ag.only_a == () and ag.only_b == () and len(ag.matches) == 1600


@pytest.mark.corpus
@needs_dialam
def test_identical_texts_pair_by_structure_not_by_id(tmp_path: Path) -> None:
    # test_map2 has two propositions "the guidance was followed", each with
    # identically worded locutions; renaming them into each other's ids is the
    # same annotation under other names.
    data = json.loads((DIALAM / "test_map2.json").read_text(encoding="utf-8"))
    groups: dict[tuple[str, str], list[str]] = {}
    for n in data["nodes"]:
        if n["type"] in ("I", "L"):
            groups.setdefault((n["type"], n["text"]), []).append(n["nodeID"])
    swap = {}
    for ids in groups.values():
        if len(ids) == 2:
            swap[ids[0]], swap[ids[1]] = ids[1], ids[0]
    assert len(swap) >= 4
    for n in data["nodes"]:
        n["nodeID"] = swap.get(n["nodeID"], n["nodeID"])
    for e in data["edges"]:
        e["fromID"], e["toID"] = swap.get(e["fromID"], e["fromID"]), swap.get(e["toID"], e["toID"])
    for loc in data.get("locutions", []):
        loc["nodeID"] = swap.get(loc["nodeID"], loc["nodeID"])
    path = tmp_path / "swapped.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    a, b = argmap.read(DIALAM / "test_map2.json"), argmap.read(path)
    for ag in (compare(a, b), compare(b, a)):
        assert ag.kappa_graph == 1.0, ag.summary()
        assert ag.diff() == "no differences"
