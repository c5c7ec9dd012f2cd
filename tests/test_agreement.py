"""Agreement between two annotations of the same text."""

from __future__ import annotations

import math

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import argmap
from argmap import ArgumentMap, EvidenceType, MapError, Source
from argmap.reasoning._agreement import Agreement, cohen_kappa, compare
from argmap.strategies import argument_maps

TEXT = (
    "Taxes on fuel should rise. Pollution harms the health of children. "
    "Clean air saves money in the long run. Critics say prices will hurt the poor. "
    "Rebates can protect poor households. The plan is fair."
)


def annotate(src: Source, *, scheme: str = "Argument From Negative Consequences") -> ArgumentMap:
    m = ArgumentMap(source=src)
    claim = m.add_claim(quote="Taxes on fuel should rise")
    harm = m.add_evidence(quote="Pollution harms the health of children",
                          evidence_type=EvidenceType.COMMON_GROUND)
    money = m.add_claim(quote="Clean air saves money in the long run")
    m.add_inference(harm, claim, scheme=scheme)
    m.add_inference(money, claim)
    critics = m.add_claim(quote="Critics say prices will hurt the poor")
    m.add_conflict(critics, claim)
    rebate = m.add_claim(quote="Rebates can protect poor households")
    m.add_conflict(rebate, critics)
    return m


def test_a_map_agrees_perfectly_with_itself() -> None:
    src = Source(text=TEXT)
    a = annotate(src)
    ag = compare(a, a.copy())
    assert ag.segmentation is not None
    assert ag.segmentation.similarity == 1.0
    assert ag.segmentation.f1 == 1.0
    assert ag.node_f1 == 1.0
    assert not ag.only_a and not ag.only_b
    for layer in (ag.relations, ag.schemes, ag.node_labels):
        assert layer.kappa == 1.0
    assert ag.relation_f1 == ag.relation_precision == ag.relation_recall == 1.0
    assert ag.kappa_graph == 1.0
    assert ag.cass == 1.0
    assert ag.diff() == "no differences"
    # Another annotator with the same analysis and other ids agrees as well.
    b = annotate(src)
    assert compare(a, b).cass == 1.0


def test_disjoint_annotations_agree_in_nothing() -> None:
    src = Source(text=TEXT)
    a = ArgumentMap(source=src)
    a.add_inference(a.add_claim(quote="Pollution harms the health of children"),
                    a.add_claim(quote="Taxes on fuel should rise"))
    b = ArgumentMap(source=src)
    b.add_conflict(b.add_claim(quote="Rebates can protect poor households"),
                   b.add_claim(quote="Critics say prices will hurt the poor"))
    # Nothing matches: the maps share no unit, so no kappa would mean anything.
    with pytest.raises(MapError, match="no proposition or locution of one map matches"):
        compare(a, b)


def test_scheme_labels_are_a_separate_layer() -> None:
    src = Source(text=TEXT)
    a = annotate(src)
    b = annotate(src, scheme="Argument From Positive Consequences")
    ag = compare(a, b)
    assert ag.relations.kappa == 1.0
    assert ag.schemes.kappa is not None and ag.schemes.kappa < 1.0
    assert "NegativeConsequences" in ag.diff()
    # Spelling variants of one scheme are the same label.
    c = annotate(src, scheme="NegativeConsequences")
    assert compare(a, c).schemes.kappa == 1.0


def test_partial_agreement_and_kappa_by_hand() -> None:
    src = Source(text=TEXT)
    a = annotate(src)
    b = ArgumentMap(source=src)
    claim = b.add_claim(quote="Taxes on fuel should rise")
    harm = b.add_evidence(quote="Pollution harms the health of children",
                          evidence_type=EvidenceType.STATISTICS)
    b.add_inference(harm, claim)
    critics = b.add_claim(quote="Critics say prices will hurt the poor")
    b.add_inference(critics, claim)  # B reads the critics as support: a disagreement
    ag = compare(a, b)
    assert len(ag.matches) == 3
    assert ag.node_f1 == pytest.approx(2 * 3 / (5 + 3))
    # Items: harm->claim (support/support), money->claim (support/none),
    # critics->claim (attack/support), rebate->critics (attack/none), and the
    # 3 * 2 - 2 = 4 other ordered pairs of the three matched units (none/none).
    pairs = [("support", "support"), ("support", "none"), ("attack", "support"),
             ("attack", "none")] + [("none", "none")] * 4
    kappa, _, _ = cohen_kappa(pairs)
    assert ag.relations.kappa == pytest.approx(kappa)
    assert ag.relations.observed == pytest.approx(5 / 8)
    assert ag.relation_recall == pytest.approx(1 / 4)
    assert ag.relation_precision == pytest.approx(1 / 2)
    # Evidence types differ on the one evidence node.
    assert ag.node_labels.confusion[("evidence:common-ground", "evidence:statistics")] == 1
    assert "attack" in ag.diff() and "support" in ag.diff()
    summary = ag.summary()
    assert "kappa" in summary and "CASS" in summary


def test_cohen_kappa() -> None:
    assert cohen_kappa([]) == (None, None, None)
    assert cohen_kappa([("x", "x")] * 4)[0] == 1.0
    k, po, pe = cohen_kappa([("x", "y"), ("y", "x")])
    assert (k, po, pe) == (-1.0, 0.0, 0.5)
    k, _, _ = cohen_kappa([("a", "a"), ("a", "a"), ("b", "b"), ("a", "b")])
    assert k == pytest.approx(0.5)


def test_near_miss_boundaries() -> None:
    src = Source(text="One two three four five six seven eight nine ten.")
    a, b = ArgumentMap(source=src), ArgumentMap(source=src)
    a.add_claim(quote="three four five")
    b.add_claim(quote="three four five six")  # the end boundary is one word later
    ag = compare(a, b)
    seg = ag.segmentation
    assert seg is not None
    assert (seg.matched, seg.near_misses, seg.potential) == (1, 1, 9)
    assert seg.similarity == pytest.approx(1 - 1 / 9)
    assert len(ag.matches) == 1  # overlapping spans, similar texts


def test_unanchored_nodes_align_by_text() -> None:
    src = Source(text=TEXT)
    a, b = ArgumentMap(source=src), ArgumentMap(source=src)
    a.add_claim("Fuel taxes are fair to the poor", implicit=True)
    b.add_claim("fuel taxes are fair to the poor!", implicit=True)
    b.add_claim("Something else entirely", implicit=True)
    ag = compare(a, b)
    assert len(ag.matches) == 1
    assert ag.matches[0].overlap is None
    assert ag.matches[0].text_similarity == 1.0
    assert len(ag.only_b) == 1


def test_illocutions_layer() -> None:
    src = Source(text=TEXT)
    maps = []
    for force in ("Asserting", "Conceding"):
        m = ArgumentMap(source=src)
        who = m.add_speaker("Author")
        c = m.add_claim(quote="The plan is fair")
        m.add_illocution(m.add_locution(who, quote="The plan is fair"), c, force)
        maps.append(m)
    ag = compare(maps[0], maps[1])
    assert ag.illocutions is not None
    assert ag.illocutions.confusion == {("Asserting", "Conceding"): 1}
    assert ag.kappa_graph is not None
    assert compare(maps[0], maps[0]).illocutions is not None
    assert compare(annotate(src), annotate(src)).illocutions is None


def test_maps_without_source_and_errors() -> None:
    a, b = ArgumentMap(), ArgumentMap()
    a.add_inference(a.add_claim("x"), a.add_claim("y"))
    b.add_inference(b.add_claim("x"), b.add_claim("y"))
    ag = compare(a, b)
    assert ag.segmentation is None
    assert ag.cass is None
    assert ag.relations.kappa == 1.0
    assert "not measured" in ag.summary()
    with pytest.raises(MapError, match="different source texts"):
        compare(ArgumentMap(source=Source(text="a")), ArgumentMap(source=Source(text="b")))
    with pytest.raises(MapError, match="threshold"):
        compare(a, b, threshold=0)
    empty = compare(ArgumentMap(), ArgumentMap())
    assert empty.node_f1 == 1.0
    assert empty.relation_f1 is None
    assert empty.kappa_graph is None


# ------------------------------------------------------------------- symmetry
def _figures(ag: Agreement) -> tuple[object, ...]:
    seg = ag.segmentation
    return (
        None if seg is None else (seg.similarity, seg.matched, seg.near_misses, seg.f1),
        len(ag.matches), ag.node_f1, ag.relations.kappa, ag.schemes.kappa,
        ag.node_labels.kappa, None if ag.illocutions is None else ag.illocutions.kappa,
        ag.relation_f1, ag.kappa_graph, ag.cass,
    )


def _close(x: tuple[object, ...], y: tuple[object, ...]) -> bool:
    for u, v in zip(x, y, strict=True):
        if isinstance(u, tuple) and isinstance(v, tuple):
            if not _close(u, v):
                return False
        elif isinstance(u, float) and isinstance(v, float):
            if not math.isclose(u, v, abs_tol=1e-12):
                return False
        elif u != v:
            return False
    return True


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(argument_maps(), st.data())
def test_agreement_is_symmetric(m: ArgumentMap, data: st.DataObject) -> None:
    other = m.copy()
    ids = sorted(other.nodes)
    removed = data.draw(st.lists(st.sampled_from(ids), unique=True), label="removed") if ids else []
    for nid in removed:
        other.remove_node(nid)
    forward, backward = compare(m, other), compare(other, m)
    assert _close(_figures(forward), _figures(backward))
    assert forward.relation_precision == backward.relation_recall
    assert {(x.a, x.b) for x in forward.matches} == {(x.b, x.a) for x in backward.matches}
    # And a map with itself is perfect, whatever it holds.
    same = compare(m, m)
    assert same.node_f1 == 1.0
    assert same.relations.kappa in (None, 1.0)
    if same.segmentation is not None:
        assert same.segmentation.similarity == 1.0


def _supports(src: Source, words: list[str], n: int, extra: bool) -> ArgumentMap:
    m = ArgumentMap(source=src)
    cl = [m.add_claim(quote=words[i], id=f"c{i}") for i in range(n + 2)]
    for i in range(n):
        m.add_inference(cl[i], cl[n + 1] if i % 2 else cl[n])
    if extra:
        m.add_inference(cl[0], cl[1])
    return m


def test_agreeing_none_counts_in_relation_kappa() -> None:
    # Regression: 20 shared supports plus one extra support in B used to give
    # kappa 0 because only pairs related in some map were items.
    words = [f"word{chr(97 + i % 26)}{chr(97 + i // 26)}x" for i in range(30)]
    src = Source(text=" ".join(words) + ".")
    n = 20
    ag = compare(_supports(src, words, n, False), _supports(src, words, n, True))
    units = n + 2
    assert ag.relations.items == units * (units - 1)
    assert ag.relations.confusion[("none", "none")] == units * (units - 1) - (n + 1)
    assert ag.relations.confusion[("none", "support")] == 1
    pairs = ([("support", "support")] * n + [("none", "support")]
             + [("none", "none")] * (units * (units - 1) - n - 1))
    assert ag.relations.kappa == pytest.approx(cohen_kappa(pairs)[0])
    assert ag.relations.kappa is not None and ag.relations.kappa > 0.9
    assert ag.cass is not None and ag.cass > 0.9


def test_two_brat_annotations_are_compared_on_their_component_types() -> None:
    from argmap.formats._brat import read_brat

    text = "Cats purr. So they are happy."
    one = read_brat("T1\tMajorClaim 14 28\tthey are happy\nT2\tPremise 0 9\tCats purr\n", text)
    two = read_brat("T1\tClaim 14 28\tthey are happy\nT2\tPremise 0 9\tCats purr\n", text)
    ag = compare(one, two)
    assert sorted(ag.node_labels.confusion.items()) == [
        (("MajorClaim", "Claim"), 1), (("Premise", "Premise"), 1)]
    # Against a map without component types, the claim / evidence labels are used.
    plain = argmap.from_xml(argmap.to_xml(one))
    for node in list(plain.nodes.values()):
        plain.replace_node(attrs.evolve(node, extra={}))
    assert set(compare(one, plain).node_labels.confusion) == {
        ("claim", "claim")}


def test_a_brat_unit_without_a_type_disagrees_instead_of_hiding_the_others() -> None:
    from argmap.formats._brat import read_brat

    text = "Cats purr. So they are happy. Dogs bark loudly."
    a = read_brat("T1\tMajorClaim 14 28\tthey are happy\nT2\tPremise 0 9\tCats purr\n"
                  "T3\tClaim 30 39\tDogs bark\n", text)
    b = read_brat("T1\tMajorClaim 14 28\tthey are happy\nT2\tClaim 0 9\tCats purr\n"
                  "T3\tPremise 30 39\tDogs bark\n", text)
    b.replace_node(attrs.evolve(b.nodes["T3"], extra={}))
    assert sorted(compare(a, b).node_labels.confusion.items()) == [
        (("Claim", "none"), 1), (("MajorClaim", "MajorClaim"), 1), (("Premise", "Claim"), 1)]
