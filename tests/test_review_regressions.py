"""Regression tests for issues found in review of the core (each was reproduced first)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

import argmap
from argmap import (
    AnchorError,
    ArgumentMap,
    Claim,
    Edge,
    Inference,
    MapError,
    ParseError,
    Preference,
    Source,
    Span,
    UnsafeInputError,
    WriteError,
)

NS = argmap.AIF_XML_NAMESPACE


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("\x01", r"U\+0001"),
        ("\ufffe", r"U\+FFFE"),
        ("\ud800", r"U\+D800"),
        (10**500, "400 digits"),
        (float("inf"), "finite"),
    ],
)
def test_extra_refuses_what_aif_xml_cannot_carry(value: object, message: str) -> None:
    with pytest.raises(MapError, match=message):
        Claim(id="c", text="x", extra={"k": value})


def test_extra_refuses_bad_keys_and_deep_nesting() -> None:
    with pytest.raises(MapError, match="extra key"):
        Claim(id="c", text="x", extra={"\x02": 1})
    deep: list[object] = []
    for _ in range(300):
        deep = [deep]
    with pytest.raises(MapError, match="deeper than 200"):
        Claim(id="c", text="x", extra={"k": deep})


def test_reader_refuses_extra_json_that_could_not_be_written_back() -> None:
    doc = (f'<argmap xmlns="{NS}" version="1.0"><nodes><claim id="c"><text>x</text>'
           '<extra key="k">"\\ufffe"</extra></claim></nodes></argmap>')
    with pytest.raises(ParseError, match=r"x\.xml:1 \(id 'c'\): invalid extra data"):
        argmap.from_xml(doc, name="x.xml")


def test_extra_equality_is_type_exact() -> None:
    assert ArgumentMap(extra={"k": True}) != ArgumentMap(extra={"k": 1})
    assert ArgumentMap(extra={"k": 1.0}) != ArgumentMap(extra={"k": 1})
    assert ArgumentMap(extra={"a": 1, "b": 2}) == ArgumentMap(extra={"b": 2, "a": 1})
    assert hash(Claim(id="c", text="x", extra={"a": [1]})) == hash(
        Claim(id="c", text="x", extra={"a": (1,)}))


def test_text_with_lone_surrogate_is_a_parse_error() -> None:
    with pytest.raises(ParseError, match="unencodable"):
        argmap.from_xml("\ud800")
    with pytest.raises(ParseError, match="unencodable"):
        argmap.loads("\ud800")


def test_huge_version_or_offsets_are_parse_errors() -> None:
    doc = f'<argmap xmlns="{NS}" version="1.{"9" * 5000}"><bogus/></argmap>'
    with pytest.raises(ParseError, match=r"newer than the 1\.0"):
        argmap.from_xml(doc)
    doc = (f'<argmap xmlns="{NS}" version="1.0"><source><text>abc</text></source><nodes>'
           f'<claim id="c"><text>x</text><span start="{"9" * 5000}" end="1">a</span></claim>'
           '</nodes></argmap>')
    with pytest.raises(ParseError, match="span offset is too large"):
        argmap.from_xml(doc)


def test_implicit_attribute_whitespace_is_collapsed_like_xsd_boolean() -> None:
    doc = (f'<argmap xmlns="{NS}" version="1.0"><source><text>abc</text></source><nodes>'
           '<claim id="c" implicit=" true "><text>x</text></claim></nodes></argmap>')
    node = argmap.from_xml(doc).node("c")
    assert isinstance(node, Claim)
    assert node.implicit


def test_inference_whose_only_output_is_a_preference_has_no_conclusion() -> None:
    m = ArgumentMap()
    for i in "ab":
        m.add_node(Claim(id=i, text=i))
    m.add_node(Inference(id="r1"))
    m.add_node(Inference(id="r2"))
    m.add_node(Preference(id="pa"))
    for n, (f, t) in enumerate([("a", "r1"), ("r1", "pa"), ("pa", "r2"), ("b", "r2"),
                                ("r2", "a")]):
        m.add_edge(Edge(id=f"e{n}", from_id=f, to_id=t))
    codes = [p.code for p in m.validate()]
    assert codes == ["inference-conclusions"]
    assert m.conclusion("r1") is None


def test_preference_over_a_preference_is_not_counted_as_a_side() -> None:
    m = ArgumentMap()
    a, b, c = (m.add_claim(x, implicit=True) for x in "abc")
    pa = m.add_preference(a, b)
    m.add_node(Preference(id="pa2"))
    m.add_edge(Edge(id="x1", from_id=c.id, to_id="pa2"))
    m.add_edge(Edge(id="x2", from_id="pa2", to_id=pa.id))
    assert m.validate() == []
    assert m.preferred(pa) == a


def test_new_ids_avoid_ids_that_dangling_edges_point_to() -> None:
    m = ArgumentMap()
    m.add_edge(Edge(id="e9", from_id="i1", to_id="gone"))
    c = m.add_claim("brand-new claim")
    assert c.id not in ("i1", "gone")
    assert m.outgoing(c) == ()


def test_model_refuses_values_the_schema_refuses() -> None:
    with pytest.raises(MapError, match="non-empty"):
        argmap.Locution(id="l", text="x", speaker="")
    with pytest.raises(AnchorError, match="must be an int"):
        Span(False, True, "x")
    m = ArgumentMap(source=Source(text="abc"))
    with pytest.raises(AnchorError, match="pair of ints"):
        m.add_claim("x", spans=[(0, 1.0)])  # type: ignore[list-item]
    with pytest.raises(MapError, match="unknown evidence type 'bogus'"):
        m.add_evidence("x", evidence_type="bogus")
    with pytest.raises(MapError, match="True or False"):
        Claim(id="c", text="x", implicit="yes")  # type: ignore[arg-type]
    with pytest.raises(MapError, match="expected a node or a node id"):
        m.node(None)  # type: ignore[arg-type]


def test_builder_conveniences() -> None:
    m = ArgumentMap(source=Source(text="a b a z second first"))
    c = m.add_claim(quote="a", spans=["z"], occurrence=1)
    assert [s.start for s in c.spans] == [4, 6]
    d = m.add_claim(quote="first", spans=["second"])
    assert d.text == "second … first"  # in text order, as the spans are
    assert m.nodes_of(argmap.INode) == [c, d]
    p = m.add_speaker("A", extra={"k": 1})
    assert p.extra == {"k": 1}
    l1 = m.add_locution(p, "x")
    l2 = m.add_locution(None, "y")
    ya = m.add_report(l1, l2, id="rep", timestamp="t", extra={"z": None})
    assert (ya.id, ya.timestamp) == ("rep", "t")
    assert ya.extra == {"z": None}
    ta = m.add_transition(l1, l2)
    assert ta.scheme is None
    assert ta.display == "Default Transition"


def test_roots_survive_symmetric_conflicts() -> None:
    m = ArgumentMap()
    thesis = m.add_claim("thesis", implicit=True)
    reason = m.add_claim("reason", implicit=True)
    m.add_inference(reason, thesis)
    counter = m.add_claim("counter", implicit=True)
    m.add_conflict(counter, thesis)
    m.add_conflict(thesis, counter)
    assert m.roots == [thesis]


def test_subclassed_nodes_are_written_as_their_base_kind() -> None:
    class MyInference(Inference):
        pass

    m = ArgumentMap()
    a, b = m.add_claim("a", implicit=True), m.add_claim("b", implicit=True)
    m.add_node(MyInference(id="r"))
    m.connect(a, "r")
    m.connect("r", b)
    back = argmap.from_xml(argmap.to_xml(m))
    assert type(back.node("r")) is Inference


def test_ambiguous_suffix_without_a_sniff_match_is_refused(tmp_path: Path) -> None:
    from argmap.formats import _registry

    def load(data: bytes, *, name: str, path: Path | None) -> ArgumentMap:
        return ArgumentMap()

    for n in ("t-one", "t-two"):
        argmap.formats.register_format(
            argmap.formats.Format(name=n, suffixes=(".twin",), load=load))
    try:
        path = tmp_path / "x.twin"
        path.write_bytes(b"data")
        with pytest.raises(argmap.FormatError, match="could be any of t-one, t-two"):
            argmap.read(path)
        assert len(argmap.read(path, format="t-one")) == 0
    finally:
        _registry._REGISTRY.pop("t-one")
        _registry._REGISTRY.pop("t-two")


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX special files")
def test_read_refuses_fifos_and_devices(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    with pytest.raises(ParseError, match="not a regular file"):
        argmap.read(fifo, format="aif-xml")
    with pytest.raises(ParseError, match="not a regular file"):
        argmap.read("/dev/zero", format="aif-xml")


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX symlinks")
def test_write_symlink_loop_and_long_names(tmp_path: Path) -> None:
    loop = tmp_path / "loop"
    os.symlink(loop, loop)
    with pytest.raises(WriteError, match="cannot write"):
        argmap.write(ArgumentMap(), loop, format="aif-xml")
    long_name = tmp_path / ("x" * 240 + ".aif.xml")
    argmap.write(ArgumentMap(), long_name)
    assert argmap.read(long_name) == ArgumentMap()


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0,
                    reason="root may write read-only files")
def test_write_refuses_read_only_target(tmp_path: Path) -> None:
    path = tmp_path / "ro.aif.xml"
    path.write_bytes(b"old")
    os.chmod(path, 0o444)
    with pytest.raises(WriteError, match="read-only"):
        argmap.write(ArgumentMap(), path)
    assert path.read_bytes() == b"old"


@pytest.mark.parametrize(
    ("text", "ok"),
    [
        ("true", True),
        ("3", True),
        ('"s"', True),
        ('{"a": 1, "a": 2}', False),
        ('{"a" : 1, "a" : 2}', False),
        ('[{"x": {"y": 1, "y": 1}}]', False),
        ('{"t": "\\":", "a": 1}', True),
        ('{"a:b": "c:d", "e\\\\": [1, {"f": null}]}', True),
    ],
)
def test_strict_json_finds_repeated_keys_anywhere(text: str, ok: bool) -> None:
    from argmap.formats._jsonsafe import loads_strict

    if ok:
        loads_strict(text)
    else:
        with pytest.raises(ParseError, match="duplicate key"):
            loads_strict(text)


def test_aif_xml_with_very_many_attributes_is_refused_before_the_schema() -> None:
    def doc(n: int) -> str:
        attributes = " ".join(f'a{i}="1"' for i in range(n))
        return (f'<argmap xmlns="{NS}" version="1.0"><nodes><claim id="c" {attributes}>'
                "<text>x</text></claim></nodes></argmap>")

    with pytest.raises(ParseError, match="attribute 'a0' is not allowed"):
        argmap.from_xml(doc(7))
    with pytest.raises(UnsafeInputError, match=":1: element <claim> has more than 256 attributes"):
        argmap.from_xml(doc(5000))
