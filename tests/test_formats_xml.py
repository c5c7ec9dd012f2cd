"""Read-only XML formats: microtext arggraph, Araucaria AML, Carneades LKIF and CAF."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import argmap
from argmap import Claim, Conflict, Inference, ParseError, UnsafeInputError
from argmap.formats import format_problems

GOLDEN = Path(__file__).parent / "golden" / "formats"


def spans(m: argmap.ArgumentMap, nid: str) -> list[tuple[int, int, str]]:
    return [(s.start, s.end, s.text) for s in getattr(m.nodes[nid], "spans", ())]


# ------------------------------------------------------------------ microtext
def test_microtext_with_its_text_file() -> None:
    m = argmap.read(GOLDEN / "micro_x001.xml")
    assert m.source is not None and m.source.text.startswith("Cats should be allowed outside,")
    assert m.counts() == {argmap.NodeKind.I: 4, argmap.NodeKind.RA: 1, argmap.NodeKind.CA: 2}
    # A joint of two segments: one claim, one span per segment.
    assert m.nodes["a4"].text == "But bells help and collars too."  # type: ignore[union-attr]
    assert spans(m, "a4") == [(81, 95, "But bells help"), (96, 112, "and collars too.")]
    assert m.nodes["a3"].extra.thaw()["microtext:adu"]["type"] == "opp"
    # sup -> inference; und -> conflict on that inference (an undercut); add -> a linked premise.
    assert isinstance(m.nodes["c7"], Inference)
    assert m.conflict_kind("c8") is argmap.ConflictKind.UNDERCUT
    assert {n.id for n in m.premises("c7")} == {"a2", "a3"}
    assert m.target("c9") == m.nodes["c8"]
    assert m.extra["microtext:graph"] == {"id": "micro_x001", "topic_id": "cats", "stance": "pro"}
    assert m.extra["microtext:text-file"] == "micro_x001.txt"
    assert argmap.from_xml(argmap.to_xml(m)) == m


def test_microtext_without_text_file(tmp_path: Path) -> None:
    path = tmp_path / "micro_x001.xml"
    shutil.copy(GOLDEN / "micro_x001.xml", path)
    m = argmap.read(path)
    assert m.source is None and spans(m, "a1") == []
    assert m.nodes["a1"].text == "Cats should be allowed outside,"  # type: ignore[union-attr]
    assert argmap.loads(path.read_bytes(), "microtext") == m


def test_microtext_segment_missing_from_the_text(tmp_path: Path) -> None:
    shutil.copy(GOLDEN / "micro_x001.xml", tmp_path / "m.xml")
    (tmp_path / "m.txt").write_text("Cats should be allowed outside, because they are hunters.")
    m = argmap.read(tmp_path / "m.xml")
    codes = [p.code for p in format_problems(m)]
    assert codes == ["anchor-mismatch", "anchor-mismatch"]  # a3 and a4 are not in the text


# ------------------------------------------------------------------------ AML
def test_aml_offsets_refutation_linked_and_schemes() -> None:
    m = argmap.read(GOLDEN / "sample.aml")
    assert spans(m, "C") == [(56, 69, "a bear passed")]
    assert spans(m, "A") == [(0, 27, "Bear tracks are in the snow")]
    implicit = m.nodes["E"]
    assert isinstance(implicit, Claim) and implicit.implicit and not implicit.spans
    conflict = m.attackers("C")
    assert len(conflict) == 1 and m.attacker(conflict[0]) == m.nodes["D"]
    linked = [ra for ra in m.supporters("C") if len(m.premises(ra)) == 2]
    assert len(linked) == 1
    assert linked[0].scheme == " Argument From Sign "  # verbatim, padding and all
    assert len(m.supporters("C")) == 3
    assert m.nodes["A"].extra.thaw()["aml:prop"]["attributes"] == {"supportlabel": "sign"}
    assert m.nodes["C"].extra.thaw()["aml:prop"]["owners"] == ["Ranger"]
    assert m.extra.thaw()["aml:schemeset"][0]["name"] == " Argument From Sign "
    assert m.extra.thaw()["aml:edata"]["DATE"] == "2003-05-09"
    # A PROPTEXT offset that does not fit is kept and reported, never guessed.
    assert spans(m, "F") == []
    assert [str(p) for p in format_problems(m)] == [
        "[anchor-mismatch] PROP 'F': PROPTEXT offset 5 does not locate its text in TEXT"]
    assert m.validate() == format_problems(m)  # validate() includes kept-record checks
    assert argmap.from_xml(argmap.to_xml(m)) == m


def test_aml_doctype_is_tolerated_but_never_loaded(tmp_path: Path) -> None:
    data = (GOLDEN / "sample.aml").read_bytes()
    evil = data.replace(b'<!DOCTYPE ARG SYSTEM "argument.dtd">',
                        b'<!DOCTYPE ARG [<!ENTITY x "boom">]>')
    with pytest.raises(UnsafeInputError, match="DOCTYPE"):
        argmap.loads(evil, "aml")
    # The DTD beside the file is never opened: a poisoned one changes nothing.
    (tmp_path / "argument.dtd").write_text('<!ATTLIST PROP missing (yes|no) "yes">')
    (tmp_path / "s.aml").write_bytes(data)
    assert argmap.read(tmp_path / "s.aml") == argmap.read(GOLDEN / "sample.aml")


def test_aml_root_must_be_arg() -> None:
    with pytest.raises(ParseError, match="not an AML document: the root element is <TEXT>"):
        argmap.loads(b"<TEXT>hi</TEXT>", "aml")


# ----------------------------------------------------------------- LKIF / CAF
def test_lkif_arguments_con_negation_and_exceptions() -> None:
    m = argmap.read(GOLDEN / "tweety.lkif.xml")
    assert m.nodes["s3"].text == "Tweety is a penguin."  # type: ignore[union-attr]
    a1 = m.nodes["a1"]
    assert isinstance(a1, Inference) and a1.scheme == "Defeasible Modus Ponens"
    assert [n.id for n in m.premises("a1")] == ["s2"]
    # An exception premise undercuts the argument.
    undercut = m.nodes["a1#exception1"]
    assert isinstance(undercut, Conflict)
    assert m.conflict_kind(undercut) is argmap.ConflictKind.UNDERCUT
    assert m.attacker(undercut) == m.nodes["s3"]
    # A con argument concludes the complement, which attacks the statement.
    assert m.conclusion("a2") == m.nodes["s1#not"]
    assert m.nodes["s1#not"].implicit  # type: ignore[union-attr]
    assert m.target("s1#not-conflict") == m.nodes["s1"]
    # A negative premise is the complement of its statement.
    assert {n.id for n in m.premises("a2")} == {"s4", "s2#not"}
    edge = m.edges["a1/premise1"]
    assert edge.extra.thaw()["lkif:premise"]["role"] == "minor"
    assert m.nodes["s1"].extra.thaw()["lkif:statement"]["standard"] == "PE"
    assert m.extra.thaw()["lkif:graphs"][0]["main-issue"] == "s1"
    assert m.validate() == []
    assert argmap.from_xml(argmap.to_xml(m)) == m


def test_caf_descriptions_and_undercut_statements() -> None:
    m = argmap.read(GOLDEN / "copyright.caf.xml")
    assert m.nodes["urn:s1"].text == "Harmonise the exceptions."  # type: ignore[union-attr]
    assert m.nodes["urn:s1"].extra.thaw()["caf:statement"]["descriptions"]["de"] == (
        "Ausnahmen harmonisieren.")
    assert m.nodes["urn:a1"].scheme == "Practical"  # type: ignore[union-attr]
    undercut = m.nodes["urn:s3#undercut"]
    assert m.target(undercut) == m.nodes["urn:a1"]
    assert m.conflict_kind(undercut) is argmap.ConflictKind.UNDERCUT
    assert m.extra.thaw()["caf:references"][0]["attributes"]["key"] == "K"
    assert argmap.from_xml(argmap.to_xml(m)) == m


@pytest.mark.parametrize(("name", "fmt"), [
    ("micro_x001.xml", "microtext"), ("sample.aml", "aml"), ("tweety.lkif.xml", "lkif"),
    ("copyright.caf.xml", "caf"), ("aifdb_export.rdf", "aif-rdf"),
])
def test_sniffing_tells_the_xml_formats_apart(name: str, fmt: str) -> None:
    data = (GOLDEN / name).read_bytes()
    assert [f.name for f in argmap.formats.formats() if f.sniff and f.sniff(data)] == [fmt]


@pytest.mark.parametrize("fmt", ["microtext", "aml", "lkif", "caf", "aif-rdf"])
def test_hostile_xml_is_refused(fmt: str) -> None:
    xxe = (b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/hostname">]>'
           b"<r>&x;</r>")
    with pytest.raises(UnsafeInputError):
        argmap.loads(xxe, fmt)
    with pytest.raises(ParseError, match="malformed XML"):
        argmap.loads(b"<r><unclosed></r>", fmt)


@pytest.mark.parametrize("segs", [
    # a joint segmenting itself: a cycle
    '<edge id="c1" src="j1" trg="a1" type="seg"/><edge id="c2" src="j1" trg="j1" type="seg"/>',
    # two joints segmenting each other
    '<edge id="c1" src="j1" trg="a1" type="seg"/><edge id="c2" src="j2" trg="j1" type="seg"/>'
    '<edge id="c3" src="j1" trg="j2" type="seg"/>',
    # one EDU reached twice through two joints (a DAG)
    '<edge id="c1" src="j1" trg="a1" type="seg"/><edge id="c2" src="j2" trg="a1" type="seg"/>'
    '<edge id="c3" src="e1" trg="j1" type="seg"/><edge id="c4" src="e1" trg="j2" type="seg"/>',
])
def test_microtext_seg_cycles_and_reuse_are_refused(segs: str) -> None:
    doc = ('<arggraph id="x"><edu id="e1">Hi</edu><joint id="j1"/><joint id="j2"/>'
           f'<adu id="a1" type="pro"/>{segs}</arggraph>').encode()
    with pytest.raises(ParseError, match=r"ADU 'a1': segment '(j1|j2|e1)' is reached twice"):
        argmap.loads(doc, "microtext")


def test_microtext_joints_still_join_edus() -> None:
    doc = (b'<arggraph id="x"><edu id="e1">Hi</edu><edu id="e2">there</edu><joint id="j1"/>'
           b'<adu id="a1" type="pro"/><edge id="c1" src="j1" trg="a1" type="seg"/>'
           b'<edge id="c2" src="e2" trg="j1" type="seg"/>'
           b'<edge id="c3" src="e1" trg="j1" type="seg"/>'
           b'</arggraph>')
    assert argmap.loads(doc, "microtext").nodes["a1"].text == "Hi there"  # type: ignore[union-attr]


def test_elements_with_too_many_attributes_are_refused() -> None:
    from argmap.formats._xmlsafe import MAX_ATTRIBUTES

    def doc(n: int) -> bytes:
        attributes = " ".join(f'a{i}="1"' for i in range(n))
        return f'<arggraph id="x">\n<edu id="e1" {attributes}>Hi</edu></arggraph>'.encode()

    accepted = argmap.loads(doc(MAX_ATTRIBUTES - 1), "microtext")
    assert accepted.extra["microtext:graph"] == {"id": "x"}
    with pytest.raises(UnsafeInputError, match=r":2: element <edu> has more than 256 attributes"):
        argmap.loads(doc(MAX_ATTRIBUTES + 1), "microtext")
