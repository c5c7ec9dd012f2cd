"""CASS as published: the harmonic combination, illocutions of unmatched units, forces in text."""

from __future__ import annotations

import collections
import math
from pathlib import Path

import attrs
import pytest

from argmap import ArgumentMap, Edge, EvidenceType, Illocution, MapError, Source
from argmap.reasoning._agreement import compare

TEXT = "Prices rise. Wages stall. People suffer."


def _pair() -> tuple[ArgumentMap, ArgumentMap]:
    """A: p -> c and q -> c; B: p -> c only, on the same three spans."""
    src = Source(text=TEXT)
    maps = []
    for both in (True, False):
        m = ArgumentMap(source=src)
        p, q = m.add_claim(quote="Prices rise"), m.add_claim(quote="Wages stall")
        c = m.add_claim(quote="People suffer")
        m.add_inference(p, c)
        if both:
            m.add_inference(q, c)
        maps.append(m)
    return maps[0], maps[1]


def test_cass_by_hand() -> None:
    # Six ordered pairs of the three matched units.  A labels two "support",
    # B one; the other pairs are "none" in both.  p_o = 5/6,
    # p_e = 2/6 * 1/6 + 4/6 * 5/6 = 22/36, kappa = (30 - 22) / (36 - 22) = 4/7.
    # The spans are identical, so S = 1.
    a, b = _pair()
    ag = compare(a, b)
    assert ag.segmentation is not None and ag.segmentation.similarity == 1.0
    assert ag.relations.kappa == pytest.approx(4 / 7)
    assert ag.kappa_graph == pytest.approx(4 / 7)
    assert ag.combination == "harmonic"
    assert ag.cass == pytest.approx(2 * (4 / 7) / (4 / 7 + 1))  # 8/11
    arithmetic = compare(a, b, combination="arithmetic")
    assert arithmetic.cass == pytest.approx((4 / 7 + 1) / 2)  # 11/14
    with pytest.raises(MapError, match="unknown combination"):
        compare(a, b, combination="geometric")


def test_harmonic_of_zero_parts() -> None:
    src = Source(text=TEXT)
    a, b = ArgumentMap(source=src), ArgumentMap(source=src)
    p, c = a.add_claim(quote="Prices rise"), a.add_claim(quote="People suffer")
    a.add_inference(p, c)
    b.add_claim(quote="Prices rise")
    b.add_claim(quote="People suffer")
    ag = compare(a, b)
    assert ag.relations.kappa == 0.0  # B relates nothing: no agreement beyond chance
    assert ag.cass == 0.0
    assert math.isclose(compare(a, b, combination="arithmetic").cass or 0, 0.5)


def _speaker_map(src: Source, *, extra: bool, force: str | None, label: str | None) -> ArgumentMap:
    m = ArgumentMap(source=src)
    who = m.add_speaker("Author")
    c = m.add_claim(quote="Prices rise")
    loc = m.add_locution(who, quote="Prices rise")
    ya = m.add_node(Illocution(id="ya1", scheme=force, label=label))
    m.add_edge(Edge(id="e1", from_id=loc.id, to_id=ya.id))
    m.add_edge(Edge(id="e2", from_id=ya.id, to_id=c.id))
    if extra:
        w = m.add_claim(quote="Wages stall")
        m.add_illocution(m.add_locution(who, quote="Wages stall"), w, "Asserting")
    return m


def test_force_read_from_text_when_the_scheme_is_missing() -> None:
    src = Source(text=TEXT)
    a = _speaker_map(src, extra=False, force="Asserting", label=None)
    b = _speaker_map(src, extra=False, force=None, label="Asserting")
    assert b.nodes["ya1"].force == "Asserting"  # type: ignore[union-attr]
    ag = compare(a, b)
    assert ag.illocutions is not None
    assert ag.illocutions.confusion == {("Asserting", "Asserting"): 1}
    c = _speaker_map(src, extra=False, force=None, label="Conceding")
    assert compare(a, c).illocutions.confusion == {  # type: ignore[union-attr]
        ("Asserting", "Conceding"): 1}


def test_unmatched_propositions_count_against_none() -> None:
    src = Source(text=TEXT)
    a = _speaker_map(src, extra=True, force="Asserting", label=None)
    b = _speaker_map(src, extra=False, force="Asserting", label=None)
    ag = compare(a, b)
    assert ag.illocutions is not None
    assert ag.illocutions.confusion == {("Asserting", "Asserting"): 1, ("Asserting", "none"): 1}
    assert ag.illocutions.kappa is not None and ag.illocutions.kappa < 1


def test_diff_lists_label_and_force_disagreements() -> None:
    src = Source(text=TEXT)
    a, b = ArgumentMap(source=src), ArgumentMap(source=src)
    a.add_evidence(quote="Prices rise", evidence_type=EvidenceType.STATISTICS)
    b.add_evidence(quote="Prices rise", evidence_type=EvidenceType.ANECDOTE)
    ag = compare(a, b)
    assert ag.node_labels.kappa is not None and ag.node_labels.kappa < 1
    assert "evidence:statistics in A, evidence:anecdote in B" in ag.diff()
    c = _speaker_map(src, extra=False, force="Asserting", label=None)
    d = _speaker_map(src, extra=False, force="Conceding", label=None)
    assert "illocutions: i2: Asserting in A, Conceding in B" in compare(c, d).diff()


DIALAM = (Path(__file__).resolve().parents[1].parent / "shared" / "corpora"
          / "dialam2024-qt30-test" / "maps")


@pytest.mark.corpus
@pytest.mark.skipif(not DIALAM.is_dir(), reason=f"DialAM maps not found at {DIALAM}")
def test_a_changed_illocution_in_a_dialam_map_moves_kappa() -> None:
    import argmap

    a = argmap.read(sorted(DIALAM.glob("*.json"))[0])
    forces = {ya.force for ya in a.nodes_of(Illocution)}
    assert None not in forces and "Asserting" in forces  # read from the node text
    b = a.copy()
    ya = next(y for y in b.nodes_of(Illocution) if y.force == "Asserting"
              and any(s.kind.value == "I" for s in b.successors(y)))
    b.replace_node(attrs.evolve(ya, label="Challenging"))
    ag = compare(a, b)
    assert ag.illocutions is not None and ag.illocutions.kappa is not None
    assert ag.illocutions.kappa < 1
    assert "illocution" in ag.diff()


QT30 = DIALAM.parents[1] / "aifdb-qt30" / "nodesets"


@pytest.mark.corpus
@pytest.mark.skipif(not DIALAM.is_dir() or not QT30.is_dir(),
                    reason=f"QT30 maps not found at {DIALAM} / {QT30}")
def test_info_counts_forces_from_the_node_text() -> None:
    import json

    import argmap
    from argmap._cli._maps import info_of

    path = sorted(DIALAM.glob("*.json"))[0]
    raw = json.loads(path.read_text())
    said = collections.Counter(n["text"] for n in raw["nodes"] if n["type"] == "YA")
    counts = {s["scheme"]: s["count"] for s in info_of(argmap.read(path), str(path), None)[
        "schemes"] if s["kind"] == "YA"}
    assert counts == dict(said)  # every force, as the file's text names it
    # AIFdb nodesets: where a YA has no scheme, its force is the file's text, the default
    # ("Default Illocuting", which the reader keeps as no label) included.
    for nodeset in sorted(QT30.glob("*.json")):
        texts = {str(n["nodeID"]): n["text"] for n in json.loads(nodeset.read_text())["nodes"]}
        m = argmap.read(nodeset)
        for ya in m.nodes_of(Illocution):
            if ya.scheme is None:
                assert ya.force == texts[ya.id], (nodeset.name, ya.id)


@pytest.mark.corpus
@pytest.mark.skipif(not DIALAM.is_dir(), reason=f"DialAM maps not found at {DIALAM}")
def test_dialam_reports_and_anchoring_are_scored_through_the_alignment() -> None:
    import argmap
    from argmap import Locution

    a = argmap.read(sorted(DIALAM.glob("*.json"))[0])
    reports = [y for y in a.nodes_of(Illocution)
               if any(isinstance(s, Locution) for s in a.successors(y))]
    assert reports  # DialAM's analyst "Analysing" every locution, and reported speech
    same = compare(a, a.copy())
    assert same.locution_illocutions is not None and same.locution_illocutions.kappa == 1.0
    assert same.proposition_anchoring is not None and same.proposition_anchoring.kappa == 1.0
    # A changed force on a report moves the locution layer only.
    b = a.copy()
    b.replace_node(attrs.evolve(reports[0], scheme=None, label="Challenging"))
    ag = compare(a, b)
    assert ag.locution_illocutions is not None and ag.locution_illocutions.kappa is not None
    assert ag.locution_illocutions.kappa < 1
    assert ag.illocutions is not None and ag.illocutions.kappa == 1.0
    assert "~ locution illocutions: " in ag.diff()
    # A proposition anchored in another locution moves proposition anchoring only.
    c = a.copy()
    ya = next(y for y in c.nodes_of(Illocution) if any(s.kind.value == "I" for s in c.successors(y))
              and any(isinstance(p, Locution) for p in c.predecessors(y)))
    old = next(e for e in c.incoming(ya) if isinstance(c.nodes[e.from_id], Locution))
    other = next(loc for loc in c.nodes_of(Locution) if loc.id != old.from_id)
    c.remove_edge(old.id)
    c.add_edge(Edge(id=old.id, from_id=other.id, to_id=ya.id))
    ag = compare(a, c)
    assert ag.proposition_anchoring is not None and ag.proposition_anchoring.kappa is not None
    assert ag.proposition_anchoring.kappa < 1
    assert ag.relations.kappa == 1.0 and ag.illocutions is not None
    assert "~ proposition anchoring: " in ag.diff()


@pytest.mark.corpus
@pytest.mark.skipif(not QT30.is_dir(), reason=f"QT30 nodesets not found at {QT30}")
def test_the_locution_layer_is_skipped_exactly_where_no_map_has_a_report() -> None:
    import argmap
    from argmap import Locution

    scored = 0
    for nodeset in sorted(QT30.glob("*.json")):
        m = argmap.read(nodeset)
        has = any(isinstance(s, Locution)
                  and any(isinstance(p, Locution) for p in m.predecessors(y))
                  for y in m.nodes_of(Illocution) for s in m.successors(y))
        ag = compare(m, m.copy())
        if has:
            scored += 1
            assert ag.locution_illocutions is not None, nodeset.name
            assert ag.locution_illocutions.kappa == 1.0
        else:
            assert ag.locution_illocutions is None, nodeset.name
            assert "locution illocutions" in ag.skipped
    assert scored  # some QT30 nodesets report speech
