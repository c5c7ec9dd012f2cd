"""Microtext arggraph XML, part 2 features: implicit EDUs and linked objections."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import argmap
from argmap import Claim, Conflict, Inference

GOLDEN = Path(__file__).parent / "golden" / "formats"


def test_implicit_edu_is_an_implicit_claim_without_anchor_problem() -> None:
    m = argmap.read(GOLDEN / "microtext_part2.xml", strict=True)
    a6 = m.nodes["a6"]
    assert isinstance(a6, Claim) and a6.implicit and a6.spans == ()
    assert a6.extra.thaw()["microtext:adu"]["implicit"] == ["e6"]
    assert not m.nodes["a1"].implicit  # type: ignore[union-attr]
    assert [s.text for s in m.nodes["a1"].spans] == [  # type: ignore[union-attr]
        "Cyclists should wear helmets."]
    # The implicit premise joins the support it was added to.
    assert m.premises("c7") == (m.nodes["a2"], m.nodes["a6"])


def test_linked_objection_is_valid_aif() -> None:
    m = argmap.read(GOLDEN / "microtext_part2.xml", strict=True)
    assert m.validate() == []
    joint, link = m.nodes["c9/joint"], m.nodes["c9/link"]
    assert isinstance(joint, Claim) and joint.implicit
    assert joint.text == ("Some say helmets make drivers careless, "
                          "and careless drivers cause crashes.")
    assert isinstance(link, Inference) and m.premises(link) == (m.nodes["a3"], m.nodes["a4"])
    assert m.conclusion(link) == joint
    assert m.attacker("c9") == joint and m.target("c9") == m.nodes["c7"]
    # The ADUs' edges keep their ids; the undercut of the objection stays an attack on it.
    assert m.edges["c10"].to_id == "c9/link" and m.edges["c9/in"].to_id == "c9/link"
    assert isinstance(m.nodes["c11"], Conflict) and m.target("c11") == m.nodes["c9"]
    assert m.conflict_kind("c9").value == "undercut"
    assert argmap.from_xml(argmap.to_xml(m)) == m


def test_linked_rebuttal() -> None:
    data = b"""<arggraph id="x">
      <edu id="e1">A.</edu><edu id="e2">B.</edu><edu id="e3">C.</edu>
      <adu id="a1" type="pro"/><adu id="a2" type="opp"/><adu id="a3" type="opp"/>
      <edge id="s1" src="e1" trg="a1" type="seg"/><edge id="s2" src="e2" trg="a2" type="seg"/>
      <edge id="s3" src="e3" trg="a3" type="seg"/>
      <edge id="r" src="a2" trg="a1" type="reb"/><edge id="d" src="a3" trg="r" type="add"/>
    </arggraph>"""
    m = argmap.loads(data, "microtext", strict=True)
    assert m.attacker("r") == m.nodes["r/joint"] and m.target("r") == m.nodes["a1"]
    assert m.nodes["r/joint"].text == "B. C."  # type: ignore[union-attr]
    assert m.validate() == []


def test_every_corpus_graph_is_valid() -> None:
    corpora = Path(__file__).resolve().parents[1].parent / "shared" / "corpora" / "arg-microtexts"
    files = sorted(corpora.glob("*/*.xml"))
    if not files:
        pytest.skip(f"shared corpora not found at {corpora} (../shared is absent)")
    for path in files:
        m = argmap.read(path, strict=True)
        assert [p.code for p in m.validate()] == [], path.name


def test_unknown_edge_type_is_kept_and_reported() -> None:
    data = b"""<arggraph id="x"><edu id="e1">A.</edu><adu id="a1" type="pro"/>
      <edge id="c1" src="e1" trg="a1" type="seg"/><edge id="c2" src="a1" trg="a1" type="odd"/>
    </arggraph>"""
    m = argmap.loads(data, "microtext")
    assert [p.code for p in m.validate()] == ["malformed-record"]
    assert m.extra.thaw()["microtext:unused"] == [
        {"edge": {"id": "c2", "src": "a1", "trg": "a1", "type": "odd"}}]


def test_an_adu_restated_in_two_edus_and_an_edu_in_two_adus() -> None:
    data = b"""<arggraph id="x">
      <edu id="e1">Taxes must rise.</edu><edu id="e2">Schools need money.</edu>
      <edu id="e3">So, again, taxes must rise.</edu>
      <adu id="a1" type="pro"/><adu id="a2" type="pro"/>
      <edge id="c1" src="e1" trg="a1" type="seg"/><edge id="c2" src="e3" trg="a1" type="seg"/>
      <edge id="c3" src="e2" trg="a2" type="seg"/><edge id="c4" src="a2" trg="a1" type="sup"/>
    </arggraph>"""
    m = argmap.loads(data, "microtext", strict=True)
    assert m.nodes["a1"].text == "Taxes must rise. So, again, taxes must rise."  # type: ignore[union-attr]


@st.composite
def _arggraphs(draw: st.DrawFn) -> bytes:
    n = draw(st.integers(2, 7))
    parts = [f'<edu id="e{i}">Unit {i}.</edu>' for i in range(1, n + 1)]
    parts += [f'<adu id="a{i}" type="pro"/>' for i in range(1, n + 1)]
    parts += [f'<edge id="s{i}" src="e{i}" trg="a{i}" type="seg"/>' for i in range(1, n + 1)]
    relations: list[str] = []
    for i in range(2, n + 1):
        kind = draw(st.sampled_from(["sup", "exa", "reb", "und", "add"]))
        if kind in ("und", "add") and relations:
            target = draw(st.sampled_from(relations))
        else:
            kind = "sup" if kind in ("und", "add") else kind
            target = f"a{draw(st.integers(1, i - 1))}"
        parts.append(f'<edge id="r{i}" src="a{i}" trg="{target}" type="{kind}"/>')
        if kind != "add":
            relations.append(f"r{i}")
    return f'<arggraph id="g">{"".join(parts)}</arggraph>'.encode()


@given(_arggraphs())
def test_property_arggraphs_give_valid_aif(data: bytes) -> None:
    m = argmap.loads(data, "microtext")
    assert [p.code for p in m.validate()] == []
    assert all(len(m.incoming(n.id)) >= 1 for n in m.nodes_of(Conflict))


def test_an_edge_from_an_undeclared_adu_is_reported_not_a_crash() -> None:
    doc = b"""<?xml version='1.0' encoding='UTF-8'?>
<arggraph id="x"><edu id="e1">A.</edu><edu id="e2">B.</edu>
<adu id="a1" type="pro"/><adu id="a2" type="opp"/>
<edge id="c1" src="e1" trg="a1" type="seg"/><edge id="c2" src="e2" trg="a2" type="seg"/>
<edge id="c3" src="a2" trg="a1" type="reb"/><edge id="c4" src="a3" trg="c3" type="add"/>
</arggraph>"""
    m = argmap.loads(doc, "microtext")
    assert "dangling-edge" in {p.code for p in m.validate()}
