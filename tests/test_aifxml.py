"""AIF-XML: lossless round trips, schema validity, determinism and hardened reading."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

import argmap
from argmap import ArgmapError, ArgumentMap, ParseError, Source, UnsafeInputError
from argmap.strategies import argument_maps

GOLDEN = Path(__file__).parent / "golden" / "aifxml"
NS = argmap.AIF_XML_NAMESPACE


def _schema() -> etree.XMLSchema:
    return etree.XMLSchema(etree.fromstring(argmap.aif_xml_schema().encode()))


SCHEMA = _schema()


def golden_map() -> ArgumentMap:
    """A small map touching every element and attribute of the format."""
    src = Source(
        text="Taken together, however, the Kremlin is “displeased” — clearly.\r\nIt may be chance.",
        title="Golden", author="A. Author", publisher="P", url="https://example.org/a",
        published="2022-07-14", language="en", extra={"corpus": "golden"},
    )
    m = ArgumentMap(source=src, extra={"annotator": "test"})
    author = m.add_speaker("A. Author", id="p1", description="the writer")
    quoted = m.add_speaker("Someone", id="p2")
    c = m.add_claim(quote="the Kremlin is “displeased”", id="c1", timestamp="2022-07-14 10:00:00")
    e = m.add_evidence("a fact", evidence_type="anecdote", spans=["Taken together"], id="e1")
    imp = m.add_claim("three events in two days are no chance", implicit=True, id="c2")
    ra = m.add_inference([e, imp], c, scheme="Argument From Sign", scheme_id="30", id="ra1")
    alt = m.add_claim(quote="It may be chance", id="c3")
    ca = m.add_conflict(alt, ra, id="ca1")
    m.add_conflict(imp, alt, id="ca2")
    m.add_preference(imp, alt, id="pa1")
    m.add_rephrase(c, m.add_claim("Moscow is unhappy", implicit=True, id="c4"), id="ma1")
    l1 = m.add_locution(author, quote="Taken together, however", id="l1", said_at="2022-07-14")
    l2 = m.add_locution(quoted, "chance", id="l2")
    m.add_report(l1, l2)
    m.add_illocution(l2, alt, "Conceding", id="ya2")
    ta = m.add_transition(l1, l2, id="ta1", scheme="Default Transition")
    m.add_illocution(ta, ca, "Disagreeing", id="ya3", label="Disagreeing")
    m.add_node(argmap.UnknownNode(id="x1", type="EN", text="free text", extra={"k": [1, None]}))
    m.add_edge(argmap.Edge(id="ex", from_id="x1", to_id="c1", extra={"formEdgeID": None}))
    return m


# ------------------------------------------------------------------ golden & determinism
def test_golden_file_is_reproduced_exactly() -> None:
    data = argmap.to_xml(golden_map())
    expected = (GOLDEN / "golden.aif.xml").read_bytes()
    assert data == expected, "writer output changed; if intended, regenerate the golden file"


def test_golden_file_reads_back_equal() -> None:
    m = argmap.from_xml((GOLDEN / "golden.aif.xml").read_bytes(), name="golden.aif.xml")
    assert m == golden_map()
    assert m.validate() == golden_map().validate()


def test_output_is_utf8_with_declaration_and_pretty() -> None:
    data = argmap.to_xml(golden_map())
    assert data.startswith(b"<?xml version='1.0' encoding='UTF-8'?>\n")
    assert "“displeased”".encode() in data
    assert b"\n  <nodes>\n" in data


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow])
@given(argument_maps())
def test_any_valid_map_round_trips_exactly(m: ArgumentMap) -> None:
    data = argmap.to_xml(m)
    assert SCHEMA.validate(etree.fromstring(data)), SCHEMA.error_log
    back = argmap.from_xml(data)
    assert back == m
    assert argmap.to_xml(back) == data  # deterministic
    assert argmap.to_xml(m) == data


@settings(max_examples=30, suppress_health_check=[HealthCheck.too_slow])
@given(argument_maps())
def test_generated_maps_are_valid(m: ArgumentMap) -> None:
    assert m.validate() == []


# ------------------------------------------------------------------ fuzzing the reader
@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_mutated_documents_only_raise_argmap_errors(data: st.DataObject) -> None:
    doc = bytearray(argmap.to_xml(golden_map()))
    how = data.draw(st.sampled_from(["truncate", "flip", "insert", "delete"]))
    pos = data.draw(st.integers(0, len(doc) - 1))
    if how == "truncate":
        doc = doc[:pos]
    elif how == "flip":
        doc[pos] = data.draw(st.integers(0, 255))
    elif how == "insert":
        doc[pos:pos] = data.draw(st.sampled_from(
            [b"<", b">", b"&", b'"', b"<x/>", b"&amp;", b"\xff", b"</nodes>", b" id='z'", b"\x00"]))
    else:
        end = data.draw(st.integers(pos, min(len(doc), pos + 40)))
        del doc[pos:end]
    try:
        argmap.from_xml(bytes(doc), name="mutant.xml")
    except ArgmapError as exc:
        assert str(exc).startswith("mutant.xml")


# ------------------------------------------------------------------ hostile input
HOSTILE: dict[str, bytes] = {
    "billion-laughs": b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
    b'<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">'
    b'<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>'
    b'<argmap xmlns="urn:argmap:aif-xml:1" version="1.0"><extra key="k">&lol3;</extra></argmap>',
    "xxe-file": b'<?xml version="1.0"?><!DOCTYPE a [<!ENTITY xxe SYSTEM "file:///etc/hostname">]>'
    b'<argmap xmlns="urn:argmap:aif-xml:1" version="1.0"><extra key="k">&xxe;</extra></argmap>',
    "xxe-http": b'<?xml version="1.0"?><!DOCTYPE a [<!ENTITY xxe SYSTEM "http://127.0.0.1:9/x">]>'
    b'<argmap xmlns="urn:argmap:aif-xml:1" version="1.0"><extra key="k">&xxe;</extra></argmap>',
    "parameter-entity": b'<?xml version="1.0"?><!DOCTYPE a [<!ENTITY % pe SYSTEM "evil.dtd"> %pe;]>'
    b'<argmap xmlns="urn:argmap:aif-xml:1" version="1.0"/>',
    "external-dtd": b'<?xml version="1.0"?><!DOCTYPE argmap SYSTEM "http://127.0.0.1:9/evil.dtd">'
    b'<argmap xmlns="urn:argmap:aif-xml:1" version="1.0"/>',
    "xinclude": b'<argmap xmlns="urn:argmap:aif-xml:1" version="1.0" '
    b'xmlns:xi="http://www.w3.org/2001/XInclude"><xi:include href="/etc/hostname" '
    b'parse="text"/></argmap>',
    "deep-nesting": b'<argmap xmlns="urn:argmap:aif-xml:1" version="1.0">' + b"<a>" * 5000
    + b"</a>" * 5000 + b"</argmap>",
    "gzip": gzip.compress(argmap.to_xml(ArgumentMap())),
}


@pytest.mark.parametrize("case", sorted(HOSTILE))
def test_hostile_input_is_refused(case: str) -> None:
    with pytest.raises(UnsafeInputError) as info:
        argmap.from_xml(HOSTILE[case], name=f"{case}.xml")
    assert str(info.value).startswith(f"{case}.xml")
    assert "hostname" not in str(info.value).lower() or case.startswith("xxe")


def test_an_undefined_entity_is_malformed_xml() -> None:
    # Nothing declares it, so nothing can expand it: the document is not XML.
    data = (b'<argmap xmlns="urn:argmap:aif-xml:1" version="1.0">'
            b'<extra key="k">&nope;</extra></argmap>')
    with pytest.raises(argmap.ParseError, match=r"undefined-entity\.xml:1: malformed XML: an "
                                                r"undefined entity"):
        argmap.from_xml(data, name="undefined-entity.xml")


def test_oversized_input_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "big.aif.xml"
    argmap.write(golden_map(), path)
    with pytest.raises(UnsafeInputError, match="larger than the limit of 100 bytes"):
        argmap.read(path, max_bytes=100)


def _doc(body: str) -> bytes:
    return (f'<?xml version="1.0"?>\n<argmap xmlns="{NS}" version="1.0">\n{body}\n</argmap>\n'
            ).encode()


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ('<nodes><claim id="c"><text>x</text><bogus/></claim></nodes>',
         r"bad\.xml:3: does not match the AIF-XML schema: Element 'bogus'"),
        ('<nodes><claim id="c" colour="red"><text>x</text></claim></nodes>',
         r"bad\.xml:3: .*attribute 'colour' is not allowed"),
        ('<nodes><claim id="c"><text>x</text></claim><claim id="c"><text>y</text></claim></nodes>',
         r"bad\.xml:3 \(id 'c'\): a node with id 'c' is already in the map"),
        ('<nodes/><edges><edge id="e" from="a" to="b"/>\n<edge id="e" from="b" to="a"/></edges>',
         r"bad\.xml:4 \(id 'e'\): an edge with id 'e' is already in the map"),
        ('<participants><participant id="p" name="A"/>\n<participant id="p" name="B"/>'
         '</participants>', r"bad\.xml:4 \(id 'p'\): a participant with id 'p' is already"),
        ('<source><text>abc</text></source>\n<nodes><claim id="c7" implicit="true"><text>x</text>'
         '<span start="0" end="1">a</span></claim></nodes>',
         r"bad\.xml:4 \(id 'c7'\): an implicit .* cannot carry text spans"),
        ('<nodes><claim id=""><text>x</text></claim></nodes>',
         r"bad\.xml:3: does not match the AIF-XML schema: .*'id'"),
        ('<source><text>abc</text></source>\n<nodes><claim id="c7"><text>x</text>'
         '<span start="1" end="9">bcdefghi</span></claim></nodes>',
         r"bad\.xml:4 \(id 'c7'\): .*outside the source text"),
        ('<source><text>abc</text></source>\n<nodes><claim id="c7"><text>x</text>'
         '<span start="0" end="2">xy</span></claim></nodes>',
         r"bad\.xml:4 \(id 'c7'\): .*records 'xy' but the source has 'ab'"),
        ('<nodes><claim id="c7"><text>x</text><span start="0" end="1">x</span></claim></nodes>',
         r"\(id 'c7'\): .*no source text"),
        ('<nodes><claim id="c7" implicit="true"><text>x</text></claim></nodes>\n'
         '<edges><edge id="e" from="c7" to="c8"><extra key="k">NaN</extra></edge></edges>',
         r"bad\.xml:4 \(id 'e'\): extra 'k' is not valid JSON"),
        ('<nodes><evidence id="c" evidence-type="rumour"><text>x</text></evidence></nodes>',
         r"evidence-type.*rumour"),
    ],
)
def test_bad_documents_name_file_line_and_node(body: str, message: str) -> None:
    with pytest.raises(ParseError, match=message):
        argmap.from_xml(_doc(body), name="bad.xml")


def test_wrong_root_namespace_and_version() -> None:
    with pytest.raises(ParseError, match="root element is <aif>"):
        argmap.from_xml(b"<aif/>", name="x.xml")
    with pytest.raises(ParseError, match="unsupported AIF-XML namespace 'urn:argmap:aif-xml:2'"):
        argmap.from_xml(b'<argmap xmlns="urn:argmap:aif-xml:2" version="2.0"/>')
    with pytest.raises(ParseError, match=r"unsupported AIF-XML version '2\.0'"):
        argmap.from_xml(f'<argmap xmlns="{NS}" version="2.0"/>'.encode())
    with pytest.raises(ParseError, match="input is empty"):
        argmap.from_xml(b"   ")
    with pytest.raises(ParseError, match="malformed XML"):
        argmap.from_xml(b"<argmap")


def test_newer_minor_version_is_read_if_it_fits_and_named_if_not() -> None:
    ok = f'<argmap xmlns="{NS}" version="1.7"><nodes/></argmap>'.encode()
    assert len(argmap.from_xml(ok)) == 0
    newer = f'<argmap xmlns="{NS}" version="1.7"><nodes><claim id="c" weight="2">'
    newer += "<text>x</text></claim></nodes></argmap>"
    with pytest.raises(ParseError, match=r"newer than the 1\.0 this argmap reads"):
        argmap.from_xml(newer.encode())


def test_strict_mode_names_violations() -> None:
    doc = _doc('<nodes><inference id="r1"/></nodes><edges>'
               '<edge id="e1" from="r1" to="ghost"/></edges>')
    m = argmap.from_xml(doc)  # tolerant
    assert {p.code for p in m.validate()} == {
        "dangling-edge", "scheme-node-without-input", "scheme-node-without-output"}
    with pytest.raises(argmap.ValidationError, match=r"s\.xml: 3 AIF rule violation") as info:
        argmap.from_xml(doc, name="s.xml", strict=True)
    assert "'ghost'" in str(info.value)
    assert "r1" in str(info.value)


def test_text_input_is_accepted() -> None:
    m = golden_map()
    assert argmap.from_xml(argmap.to_xml(m).decode("utf-8")) == m


def test_comments_and_processing_instructions_are_ignored() -> None:
    doc = _doc('<!-- hi --><?pi x?><nodes><claim id="c"><text>x</text></claim></nodes>')
    assert list(argmap.from_xml(doc).nodes) == ["c"]
