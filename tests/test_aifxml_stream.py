"""The streaming AIF-XML reader, the byte-level attribute bound and the fast writers.

The streaming reader is the fast path of ``from_xml``; the tree reader is its
reference (and gives every error message), so most tests compare the two.
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from hypothesis import given
from hypothesis import strategies as st

import argmap
from argmap import (
    ArgumentMap,
    Claim,
    Conflict,
    Edge,
    Inference,
    ParseError,
    Source,
    UnsafeInputError,
)
from argmap._extra import FrozenJSONDict
from argmap.formats import _aifdb_records as aifdb_records
from argmap.formats import _aifxml as aifxml
from argmap.formats._records import apply_delta
from argmap.formats._xmlscan import check_attribute_counts
from argmap.strategies import argument_maps

NS = argmap.AIF_XML_NAMESPACE


@given(argument_maps())
def test_streaming_and_tree_readers_agree(m: ArgumentMap) -> None:
    data = aifxml.to_xml(m)
    streamed = aifxml._stream(data, "x.xml")
    assert streamed is not None
    assert streamed == aifxml._from_tree(data, "x.xml") == m


def _big_map(n: int) -> ArgumentMap:
    m = ArgumentMap(source=Source(text="Cats purr. Dogs bark."), extra={"k": [1, "two"]})
    m.add_claim(quote="Cats purr", id="q")
    for i in range(n):
        m.add_node(Claim(id=f"c{i}", text=f"claim & <{i}>\tend", timestamp="2024-01-01"))
    for i in range(0, n - 1, 2):
        m.add_node(Inference(id=f"r{i}", scheme="Argument From Sign", label=f'"{i}"'))
        m.add_edge(Edge(id=f"e{i}a", from_id=f"c{i + 1}", to_id=f"r{i}"))
        m.add_edge(Edge(id=f"e{i}b", from_id=f"r{i}", to_id=f"c{i}", extra={"w": i}))
    m.add_node(Conflict(id="x", extra={"note": "extra on a scheme node"}))
    return m


def test_streaming_reads_everything_across_many_chunks() -> None:
    m = _big_map(6000)
    data = aifxml.to_xml(m)
    assert len(data) > 4 * aifxml._CHUNK
    streamed = aifxml._stream(data, "big.xml")
    assert streamed is not None and streamed == m
    assert list(streamed.nodes) == list(m.nodes)
    assert list(streamed.edges) == list(m.edges)


@pytest.mark.parametrize(
    ("body", "error", "message"),
    [
        ('<nodes>\n<claim id="a"><text>x</text></claim>\n<claim id="a"><text>y</text></claim>'
         "\n</nodes><edges/>", ParseError,
         r"big\.xml:5 \(id 'a'\): a node with id 'a' is already"),
        ('<nodes>\n<claim id="a" colour="red"><text>x</text></claim></nodes><edges/>',
         ParseError, r"big\.xml:4: .*attribute 'colour' is not allowed"),
        ('<nodes><claim id="a"><text>x</text></claim></nodes><edges>\n<edge id="e" from="a" '
         'to="a"/>\n<edge id="e" from="a" to="a"/></edges>', ParseError,
         r"big\.xml:5 \(id 'e'\): an edge with id 'e' is already in the map"),
        ('<nodes><claim id="a"><text>x</text></claim></nodes>\n<edges>', ParseError,
         r"big\.xml:4: malformed XML"),
    ],
)
def test_errors_keep_file_and_line(body: str, error: type[Exception], message: str) -> None:
    doc = f'<?xml version="1.0"?>\n<argmap xmlns="{NS}" version="1.0">\n{body}\n</argmap>'
    if body.endswith("<edges>"):
        doc = doc.removesuffix("\n</argmap>")
    with pytest.raises(error, match=message):
        argmap.from_xml(doc, name="big.xml")


def test_doctype_is_refused_even_when_the_stream_would_read_it() -> None:
    doc = (f'<!DOCTYPE argmap [<!ENTITY x "y">]><argmap xmlns="{NS}" version="1.0">'
           "<nodes><claim id='a'><text>&x;</text></claim></nodes><edges/></argmap>")
    with pytest.raises(UnsafeInputError):
        argmap.from_xml(doc)


def test_element_with_150000_attributes_is_refused_with_little_memory() -> None:
    code = (
        "import re, argmap\n"
        "def hwm():\n"
        "    with open('/proc/self/status') as f:\n"
        "        return int(re.search(r'VmHWM:\\s+(\\d+)', f.read()).group(1)) / 1024\n"
        f"ns = {NS!r}\n"
        "attrs = ' '.join(f'a{i}=\"1\"' for i in range(150000))\n"
        "doc = (f'<argmap xmlns=\"{ns}\" version=\"1.0\">\\n<nodes><claim id=\"c\" {attrs}>'\n"
        "       '<text>x</text></claim></nodes><edges/></argmap>').encode()\n"
        "base = hwm()\n"
        "try:\n"
        "    argmap.from_xml(doc, name='wide.xml')\n"
        "except argmap.UnsafeInputError as exc:\n"
        "    print(exc)\n"
        "print(hwm() - base)\n"
    )
    if not sys.platform.startswith("linux"):
        pytest.skip("peak memory is read from /proc")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout.splitlines()
    assert out[0] == "wide.xml:2: element <claim> has more than 256 attributes"
    # Parsing it and checking it against the schema took over 90 MiB.
    assert float(out[1]) < 16


@pytest.mark.parametrize(
    ("attributes", "refused"),
    [
        (" ".join(f'a{i}="1"' for i in range(256)), False),
        (" ".join(f'a{i}="1"' for i in range(257)), True),
        (" ".join(f"a{i}='>'" for i in range(257)), True),  # '>' may sit in a value
        ("\n".join(f'a{i} =\t"x"' for i in range(257)), True),
        (f'label="{"x" * 5000}"', False),  # long, but one attribute
    ],
)
def test_attribute_bound_in_bytes(attributes: str, refused: bool) -> None:
    doc = f"<r>\n<p>text &gt; more</p>\n<e {attributes}/></r>".encode()
    if refused:
        with pytest.raises(UnsafeInputError, match=r"^f\.xml:3: element <e> has more"):
            check_attribute_counts(doc, "f.xml")
    else:
        check_attribute_counts(doc, "f.xml")


def test_long_text_is_not_mistaken_for_a_wide_element() -> None:
    doc = ("<r>" + 'x a="1" ' * 2000 + "</r>").encode()
    check_attribute_counts(doc, "f.xml")


@given(st.text(alphabet='ab&<>"\'\n\r\t ', max_size=12))
def test_writer_escapes_exactly_what_needs_it(value: str) -> None:
    m = ArgumentMap()
    m.add_node(Claim(id="a" + value, text=value))
    m.add_node(Inference(id="r" + value, label=value, scheme=value or None))
    m.add_edge(Edge(id="e" + value, from_id="a" + value, to_id="r" + value))
    assert aifxml.from_xml(aifxml.to_xml(m)) == m


@given(argument_maps())
def test_aifdb_writer_shortcuts_render_as_render_node(m: ArgumentMap) -> None:
    for node in m.nodes.values():
        assert aifdb_records.render_written(node) == aifdb_records.render_node(node)


@pytest.mark.parametrize(
    "numeric", [frozenset(), frozenset({"nodeID"}), frozenset({"nodeID", "text", "nonsense"})])
def test_apply_delta_without_a_delta_is_an_empty_delta(numeric: frozenset[str]) -> None:
    def record() -> dict[str, object]:
        return {"nodeID": "12", "text": "34", "type": "I", "schemeID": "x5"}

    assert apply_delta(record(), None, numeric) == apply_delta(record(), FrozenJSONDict(),
                                                               numeric)


def test_aifdb_round_trip_is_unchanged_by_the_fast_writer() -> None:
    doc = {"nodes": [{"nodeID": 1, "text": "A", "type": "I"},
                     {"nodeID": 2, "text": "Default Inference", "type": "RA",
                      "timestamp": "2024-01-01 10:00:00"},
                     {"nodeID": 3, "text": "L: A", "type": "L", "x": None}],
           "edges": [{"edgeID": 7, "fromID": 1, "toID": 2, "formEdgeID": None}],
           "locutions": [{"nodeID": 3, "personID": 9}]}
    raw = json.dumps(doc).encode()
    m = argmap.loads(raw, "aifdb-json")
    assert json.loads(argmap.dumps(m, "aifdb-json")) == doc


@pytest.mark.parametrize(
    ("prolog", "streamable"),
    [
        ("", True),
        ("\ufeff<?xml version='1.0' encoding='UTF-8'?>\n<!-- <!DOCTYPE x> -->\n<?pi x?>\n", True),
        ("<?xml version='1.0' encoding='ISO-8859-1'?>", False),
        ("<!DOCTYPE argmap>", False),
        ("<!-- c --><!DOCTYPE argmap [<!ENTITY e 'x'>]>", False),
    ],
)
def test_only_utf8_documents_without_doctype_are_streamed(prolog: str, streamable: bool) -> None:
    doc = f'{prolog}<argmap xmlns="{NS}" version="1.0"><nodes/><edges/></argmap>'
    assert aifxml._streamable(doc.encode("utf-8")) is streamable
    assert not aifxml._streamable(doc.encode("utf-16"))


@given(st.data())
def test_every_truncation_is_refused(data: st.DataObject) -> None:
    doc = aifxml.to_xml(_big_map(4))
    cut = data.draw(st.integers(1, len(doc.rstrip()) - 1))
    with pytest.raises(ParseError):
        argmap.from_xml(doc[:cut])


def test_a_prolog_of_many_comments_is_scanned_in_linear_time() -> None:
    # A backtracking prolog pattern took exponential time on this input; run it in a child
    # process with a time limit so that a regression fails instead of hanging the suite.
    import subprocess
    import sys

    code = ("from argmap.formats._aifxml import _streamable; "
            "assert not _streamable(b'<!---->' * 200_000); "
            "assert _streamable(b'<!---->' * 200_000 + b'<map/>')")
    subprocess.run([sys.executable, "-c", code], check=True, timeout=30)


@given(argument_maps(), st.integers(min_value=1, max_value=300))
def test_streaming_reads_the_same_whatever_the_chunk_size(m: ArgumentMap, chunk: int) -> None:
    # Every boundary between chunks is a place where the incremental parser could
    # see less than the whole document (libxml2 drops a whitespace-only text as
    # blank when it cannot see the end tag that follows it).
    data = aifxml.to_xml(m)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(aifxml, "_CHUNK", chunk)
        streamed = aifxml._stream(data, "x.xml")
    assert streamed == m


@pytest.mark.parametrize("chunk", [1, 7, 64, 1000])
def test_whitespace_only_texts_survive_chunk_boundaries(chunk: int) -> None:
    texts = ["   ", "\n", " \t ", "", "a b", "\r\n", "trail "]
    m = ArgumentMap(source=Source(text=" \n "))
    for i in range(400):
        m.add_node(Claim(id=f"c{i}", text=texts[i % len(texts)]))
    m.add_node(Inference(id="r", label="  "))
    data = aifxml.to_xml(m)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(aifxml, "_CHUNK", chunk)
        streamed = aifxml._stream(data, "x.xml")
    assert streamed == m
