"""Unit tests of the core model: nodes, spans, the builder API, queries and validation."""

from __future__ import annotations

import pytest

import argmap
from argmap import (
    AnchorError,
    ArgumentMap,
    Claim,
    ConflictKind,
    Edge,
    Evidence,
    EvidenceType,
    Inference,
    MapError,
    NodeKind,
    Source,
    Span,
    UnknownNode,
)

TEXT = (
    "It may be that the explosion was an accident. "
    "Taken together, however, Kazakhs will conclude that the Kremlin is displeased. "
    "Tokayev said “sanctions are sanctions” — and meant it."
)


@pytest.fixture
def m() -> ArgumentMap:
    return ArgumentMap(source=Source(text=TEXT, title="t", author="a"))


# ------------------------------------------------------------------ spans
def test_span_records_text_and_checks_length() -> None:
    assert Span(0, 2, "It").text == "It"
    with pytest.raises(AnchorError, match="covers 3 code points"):
        Span(0, 3, "It")
    with pytest.raises(AnchorError, match="before its start"):
        Span(3, 1, "")
    with pytest.raises(AnchorError, match=">= 0"):
        Span(-1, 1, "xx")


def test_find_quote_unicode_offsets_are_code_points() -> None:
    src = Source(text=TEXT)
    span = src.find("“sanctions are sanctions” — and")
    assert TEXT[span.start : span.end] == span.text
    assert span.text.startswith("“")


def test_find_rejects_missing_and_ambiguous_quotes() -> None:
    src = Source(text="a b a b")
    with pytest.raises(AnchorError, match="not found"):
        src.find("c")
    with pytest.raises(AnchorError, match="occurs 2 times"):
        src.find("a b")
    assert src.find("a b", occurrence=1).start == 4
    assert src.find("a b", after=1).start == 4
    with pytest.raises(AnchorError, match="occurrence 5 does not exist"):
        src.find("a", occurrence=5)
    with pytest.raises(AnchorError, match="empty"):
        src.find("")


def test_source_span_and_check() -> None:
    src = Source(text="hello")
    assert src.span(1, 3) == Span(1, 3, "el")
    with pytest.raises(AnchorError, match="outside"):
        src.span(2, 9)
    with pytest.raises(AnchorError, match="records 'xx' but the source has 'el'"):
        src.check(Span(1, 3, "xx"))
    with pytest.raises(AnchorError, match="outside"):
        src.check(Span(4, 7, "abc"))


def test_texts_xml_cannot_carry_are_refused() -> None:
    with pytest.raises(MapError, match=r"U\+0001 at offset 1"):
        Source(text="a\x01b")
    with pytest.raises(MapError, match=r"XML 1\.0"):
        Claim(id="c", text="bad\x00")


# ------------------------------------------------------------------ nodes
def test_nodes_are_frozen_and_hashable() -> None:
    c = Claim(id="c1", text="x", extra={"k": [1, {"a": None}]})
    with pytest.raises(AttributeError):
        c.text = "y"  # type: ignore[misc]
    assert hash(c) == hash(Claim(id="c1", text="x", extra={"k": [1, {"a": None}]}))
    assert c.extra["k"] == (1, {"a": None})


def test_implicit_nodes_carry_no_spans() -> None:
    with pytest.raises(AnchorError, match="implicit"):
        Claim(id="c", text="x", implicit=True, spans=[Span(0, 1, "x")])


def test_ids_must_be_non_empty_strings() -> None:
    with pytest.raises(MapError, match="non-empty"):
        Claim(id="", text="x")
    with pytest.raises(MapError, match="non-empty"):
        Edge(id="e", from_id=3, to_id="b")  # type: ignore[arg-type]


def test_extra_must_be_json() -> None:
    with pytest.raises(MapError, match="JSON"):
        Claim(id="c", text="x", extra={"k": object()})
    with pytest.raises(MapError, match="finite"):
        Claim(id="c", text="x", extra={"k": float("nan")})


def test_scheme_node_display() -> None:
    assert Inference(id="r").display == "Default Inference"
    assert Inference(id="r", scheme="Argument From Sign").display == "Argument From Sign"
    assert Inference(id="r", scheme="Sign", label="From Sign").display == "From Sign"
    assert argmap.Illocution(id="y", scheme="Asserting").force == "Asserting"


# ------------------------------------------------------------------ builder
def test_linked_versus_convergent(m: ArgumentMap) -> None:
    c = m.add_claim(quote="the Kremlin is displeased")
    p1 = m.add_evidence("explosion", evidence_type=EvidenceType.ANECDOTE, quote="the explosion")
    p2 = m.add_claim("timing", implicit=True)
    p3 = m.add_claim("other", implicit=True)
    linked = m.add_inference([p1, p2], c, scheme="Argument From Sign")
    convergent = m.add_inference(p3, c)
    assert set(m.premises(linked)) == {p1, p2}
    assert m.premises(convergent) == (p3,)
    assert m.conclusion(linked) == c
    assert set(m.supporters(c)) == {linked, convergent}
    assert m.validate() == []


def test_claim_text_defaults_to_quote_and_multiple_spans(m: ArgumentMap) -> None:
    c = m.add_claim(quote="Kazakhs will conclude", spans=["the Kremlin is displeased"])
    assert c.text == "Kazakhs will conclude … the Kremlin is displeased"
    assert [s.text for s in c.spans] == ["Kazakhs will conclude", "the Kremlin is displeased"]
    d = m.add_claim("x", spans=(0, 2))
    assert d.spans == (Span(0, 2, "It"),)
    with pytest.raises(MapError, match="give the node's text"):
        m.add_claim()


def test_anchoring_without_source_fails() -> None:
    bare = ArgumentMap()
    with pytest.raises(AnchorError, match="no source"):
        bare.add_claim(quote="x")
    with pytest.raises(AnchorError, match="no source"):
        bare.add_node(Claim(id="c", text="x", spans=[Span(0, 1, "x")]))


def test_add_node_checks_spans_against_source(m: ArgumentMap) -> None:
    with pytest.raises(AnchorError, match=r"node 'c'.*records 'XX'"):
        m.add_node(Claim(id="c", text="x", spans=[Span(0, 2, "XX")]))


def test_conflict_kinds(m: ArgumentMap) -> None:
    concl = m.add_claim("C", implicit=True)
    prem = m.add_claim("P", implicit=True)
    inf = m.add_inference(prem, concl)
    a1, a2, a3 = (m.add_claim(f"A{i}", implicit=True) for i in range(3))
    rebut = m.add_conflict(a1, concl)
    undermine = m.add_conflict(a2, prem)
    undercut = m.add_conflict(a3, inf)
    assert m.conflict_kind(rebut) is ConflictKind.REBUT
    assert m.conflict_kind(undermine) is ConflictKind.UNDERMINE
    assert m.conflict_kind(undercut) is ConflictKind.UNDERCUT
    assert m.attackers(inf) == (undercut,)
    assert m.premises(inf) == (prem,)  # the undercutting conflict is not a premise
    assert m.attacker(undercut) == a3 and m.target(undercut) == inf
    assert m.validate() == []


def test_preference_direction(m: ArgumentMap) -> None:
    a, b = m.add_claim("A", implicit=True), m.add_claim("B", implicit=True)
    pa = m.add_preference(a, b)
    assert m.preferred(pa) == a and m.dispreferred(pa) == b
    assert [e.from_id for e in m.incoming(pa)] == [a.id]
    ra1 = m.add_inference(a, b)
    with pytest.raises(MapError, match="two propositions or two inferences"):
        m.add_preference(a, ra1)


def test_builder_refuses_wrong_kinds_and_self_relations(m: ArgumentMap) -> None:
    a, b = m.add_claim("A", implicit=True), m.add_claim("B", implicit=True)
    inf = m.add_inference(a, b)
    with pytest.raises(MapError, match="conclusion must be a I/RA node"):
        m.add_inference(a, m.add_conflict(b, a))
    with pytest.raises(MapError, match="premise and conclusion"):
        m.add_inference([a], a)
    with pytest.raises(MapError, match="at least one premise"):
        m.add_inference([], b)
    with pytest.raises(MapError, match="listed twice"):
        m.add_inference([a, a], b)
    with pytest.raises(MapError, match="cannot attack itself"):
        m.add_conflict(a, a)
    with pytest.raises(MapError, match="a premise must be"):
        m.add_premise(inf, inf)
    with pytest.raises(MapError, match="no node with id 'nope'"):
        m.add_conflict("nope", a)
    with pytest.raises(MapError, match="already in the map"):
        m.add_claim("again", implicit=True, id=a.id)
    with pytest.raises(MapError, match="already joined"):
        m.connect(a, inf)
    with pytest.raises(MapError, match="to itself"):
        m.connect(a, a)


def test_reported_speech_and_commitments(m: ArgumentMap) -> None:
    author = m.add_speaker("Author")
    tokayev = m.add_speaker("Tokayev", description="President of Kazakhstan")
    report = m.add_locution(author, quote="Tokayev said “sanctions are sanctions”")
    said = m.add_locution(tokayev, "sanctions are sanctions")
    prop = m.add_claim("Sanctions must be respected", implicit=True)
    m.add_report(report, said)
    m.add_illocution(said, prop)
    assert m.commitments(author) == [said]
    assert m.commitments(tokayev) == [prop]
    assert m.speakers(prop) == (tokayev,)
    assert m.validate() == []
    with pytest.raises(MapError, match="unknown participant"):
        m.add_locution("ghost", "boo")


def test_transition_and_arguing(m: ArgumentMap) -> None:
    p = m.add_speaker("A")
    l1, l2 = m.add_locution(p, "one"), m.add_locution(p, "two")
    c1, c2 = m.add_claim("one", implicit=True), m.add_claim("two", implicit=True)
    m.add_illocution(l1, c1)
    m.add_illocution(l2, c2)
    inf = m.add_inference(c1, c2)
    ta = m.add_transition(l1, l2)
    arguing = m.add_illocution(ta, inf, "Arguing")
    assert arguing.force == "Arguing"
    assert m.premises(inf) == (c1,)  # the YA anchoring the inference is no premise
    assert m.validate() == []
    with pytest.raises(MapError, match="anchored content"):
        m.add_illocution(ta, c1)


def test_roots_nodes_at_and_counts(m: ArgumentMap) -> None:
    thesis = m.add_claim(quote="Kazakhs will conclude")
    reason = m.add_claim(quote="the explosion was an accident")
    m.add_inference(reason, thesis)
    assert m.roots == [thesis]
    pos = TEXT.index("explosion")
    assert m.nodes_at(pos) == [reason]
    assert m.nodes_at(0) == []
    assert m.counts() == {NodeKind.I: 2, NodeKind.RA: 1}
    assert m.nodes_of(Claim) == [thesis, reason]
    assert m.nodes_of(NodeKind.RA)[0].kind is NodeKind.RA
    assert "ArgumentMap 3 nodes" in repr(m)


def test_remove_replace_copy_and_equality(m: ArgumentMap) -> None:
    a, b = m.add_claim("A", implicit=True), m.add_claim("B", implicit=True)
    inf = m.add_inference(a, b)
    copy = m.copy()
    assert copy == m
    m.replace_node(Claim(id=a.id, text="A'", implicit=True))
    assert copy != m
    assert m.premises(inf) == (Claim(id=a.id, text="A'", implicit=True),)
    m.remove_node(inf)
    assert len(m.edges) == 0
    assert inf.id not in m
    assert m.node(a.id) == Claim(id=a.id, text="A'", implicit=True)
    with pytest.raises(MapError, match="no node with id"):
        m.replace_node(Evidence(id="zzz", text="q"))
    with pytest.raises(MapError, match="no edge"):
        m.remove_edge("nope")
    assert copy.validate() == []


# ------------------------------------------------------------------ validation
def _rule_codes(m: ArgumentMap) -> set[str]:
    return {p.code for p in m.validate()}


def test_every_rule_has_a_test_case() -> None:
    m = ArgumentMap()
    c = {i: m.add_node(Claim(id=f"i{i}", text=str(i))) for i in range(8)}
    ra_no_concl = m.add_node(Inference(id="ra-nc"))
    m.add_edge(Edge(id="e1", from_id="i0", to_id="ra-nc"))
    ra_two = m.add_node(Inference(id="ra-2"))
    for n, (f, t) in enumerate([("i1", "ra-2"), ("ra-2", "i2"), ("ra-2", "i3")]):
        m.add_edge(Edge(id=f"e2{n}", from_id=f, to_id=t))
    m.add_edge(Edge(id="dangle", from_id="i4", to_id="nowhere"))
    m.add_edge(Edge(id="loop", from_id="i5", to_id="i5"))
    m.add_edge(Edge(id="ii", from_id="i5", to_id="i6"))
    m.add_edge(Edge(id="ii-again", from_id="i5", to_id="i6"))
    ca = m.add_node(argmap.Conflict(id="ca"))
    for n, f in enumerate(["i1", "i2"]):
        m.add_edge(Edge(id=f"ca-in{n}", from_id=f, to_id="ca"))
    m.add_edge(Edge(id="ca-out", from_id="ca", to_id="i7"))
    ma = m.add_node(argmap.Rephrase(id="ma"))
    m.add_edge(Edge(id="ma-in", from_id="i3", to_id="ma"))
    pa = m.add_node(argmap.Preference(id="pa"))
    m.add_edge(Edge(id="pa-in", from_id="i3", to_id="pa"))
    m.add_edge(Edge(id="pa-out", from_id="pa", to_id="ra-2"))
    m.add_node(argmap.Locution(id="l1", text="x", speaker="ghost"))
    m.add_node(argmap.Locution(id="l2", text="y"))
    ya = m.add_node(argmap.Illocution(id="ya"))
    m.add_edge(Edge(id="ya1", from_id="l1", to_id="ya"))
    m.add_edge(Edge(id="ya2", from_id="l2", to_id="ya"))
    m.add_edge(Edge(id="ya3", from_id="ya", to_id="i0"))
    ta = m.add_node(argmap.Transition(id="ta"))
    m.add_edge(Edge(id="ta1", from_id="ya", to_id="ta"))
    m.add_edge(Edge(id="ta2", from_id="ta", to_id="ma"))
    ra_nop = m.add_node(Inference(id="ra-np"))
    m.add_edge(Edge(id="np1", from_id="ca", to_id="ra-np"))
    m.add_edge(Edge(id="np2", from_id="ra-np", to_id="i7"))
    m.add_node(UnknownNode(id="en", type="EN", text="enthymeme"))
    m.add_node(Inference(id="ra-orphan"))
    pa2 = m.add_node(argmap.Preference(id="pa2"))
    m.add_edge(Edge(id="pa2-out", from_id="pa2", to_id="i0"))
    codes = _rule_codes(m)
    from argmap._validation import GRAPH_RULES

    assert codes == set(GRAPH_RULES), set(GRAPH_RULES) - codes
    by_code: dict[str, argmap.Problem] = {}
    for p in m.validate():
        by_code.setdefault(p.code, p)
    assert by_code["dangling-edge"].edges == ("dangle",)
    assert "'nowhere'" in by_code["dangling-edge"].message
    assert by_code["inference-conclusions"].nodes[0] == "ra-2"
    assert by_code["scheme-node-without-output"].nodes == ("ra-nc",)
    assert by_code["duplicate-edge"].edges == ("ii", "ii-again")
    assert by_code["unknown-participant"].nodes == ("l1",)
    assert by_code["preference-mixed"].nodes == ("pa", "i3", "ra-2")
    assert str(by_code["self-loop"]).startswith("[self-loop] edge 'loop'")
    with pytest.raises(argmap.ValidationError) as info:
        m.check()
    assert len(info.value.problems) == len(m.validate())
    assert "AIF rule violation" in str(info.value)
    _ = (c, ra_no_concl, ra_two, ca, ma, pa, ya, ta, ra_nop, pa2)


def test_builder_maps_are_valid_by_construction(m: ArgumentMap) -> None:
    a = m.add_claim(quote="It may be")
    b = m.add_claim(quote="Kazakhs will conclude")
    inf = m.add_inference(a, b)
    m.add_conflict(m.add_claim("x", implicit=True), inf)
    m.add_rephrase(a, m.add_claim("It might be", implicit=True))
    assert m.validate(strict=True) == []
