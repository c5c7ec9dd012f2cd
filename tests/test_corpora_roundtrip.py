"""Every corpus file, written back in its own format, equals the original as data.

JSON formats are compared as JSON values, XML formats as element trees
(canonical XML), RDF as graphs (isomorphism, which tells blank nodes apart by
structure).  Formats argmap reads but does not write are checked by reading
them faithfully elsewhere (tests/test_corpora.py).  Known differences are
listed in docs/formats-roundtrip.rst.

Also: every reader, fed the files of the other formats, either refuses them
with a clean error or reads them without dropping a record silently.
"""

from __future__ import annotations

import json
import warnings
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

import argmap
from argmap.formats import format_problems
from argmap.formats._registry import choose_format

GOLDEN = Path(__file__).parent / "golden" / "formats"
CORPORA = Path(__file__).resolve().parents[1].parent / "shared" / "corpora"
SUFFIXES = (".json", ".xml", ".aml", ".rdf", ".scm", ".lkif", ".caf")


def _files() -> list[Path]:
    if not CORPORA.is_dir():
        return []
    return sorted(p for p in CORPORA.rglob("*") if p.suffix in SUFFIXES and p.is_file())


FILES = _files()
needs_corpora = pytest.mark.skipif(not FILES, reason=f"shared corpora not found at {CORPORA} "
                                                     "(../shared is absent)")
# Folders another reader handles (not AIF-family formats argmap reads as maps).
_NOT_MAPS = ("argdown",)


def _format_of(path: Path, data: bytes) -> str | None:
    try:
        return choose_format(None, path.name, data, "load").name
    except argmap.FormatError:
        return None


def _same_as_data(fmt: str, original: bytes, written: bytes) -> bool:
    if fmt in ("aifdb-json", "ova3", "xaif", "sadface"):
        return bool(json.loads(original) == json.loads(written))
    if fmt == "aif-xml":
        parser = etree.XMLParser(remove_blank_text=True, resolve_entities=False)
        a = etree.tostring(etree.fromstring(original, parser), method="c14n")
        b = etree.tostring(etree.fromstring(written, parser), method="c14n")
        return bool(a == b)
    if fmt == "aif-rdf":
        rdflib = pytest.importorskip("rdflib")
        from rdflib.compare import isomorphic

        return bool(isomorphic(rdflib.Graph().parse(data=original, format="xml"),
                               rdflib.Graph().parse(data=written, format="xml")))
    raise AssertionError(fmt)


_WRITABLE = ("aifdb-json", "ova3", "xaif", "sadface", "aif-xml", "aif-rdf")


@needs_corpora
@pytest.mark.corpus
@pytest.mark.parametrize("path", [p for p in FILES if p.relative_to(CORPORA).parts[0]
                                  not in _NOT_MAPS],
                         ids=lambda p: str(p.relative_to(CORPORA)))
def test_written_back_equals_the_original_as_data(path: Path) -> None:
    data = path.read_bytes()
    fmt = _format_of(path, data)
    if path.suffix == ".scm":
        catalogue = argmap.formats.read_scheme_set(path)
        root = etree.fromstring(data.split(b"?>", 1)[1].split(b">", 1)[1])  # after the DOCTYPE
        assert len(catalogue) == len(root.findall("SCHEMESET/SCHEME"))
        with pytest.raises(argmap.ParseError, match="Araucaria scheme set"):
            argmap.read(path)
        return
    assert fmt is not None
    m = argmap.read(path)
    if fmt not in _WRITABLE:
        pytest.skip(f"{fmt} is read only")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        written = argmap.dumps(m, fmt)
    assert _same_as_data(fmt, data, written)


def test_old_namespace_rdf_is_written_back_as_the_same_graph() -> None:
    path = GOLDEN / "aif_old_namespace.rdf"
    m = argmap.read(path)
    ra = m.nodes["_:b1"]
    assert isinstance(ra, argmap.Inference) and ra.label == "default support"
    ta = m.nodes["_:b2"]
    assert isinstance(ta, argmap.Transition) and ta.label == "selective quote"
    # Both TA edges, and a relation stated on both ends gives one edge.
    assert sorted((e.from_id, e.to_id) for e in m.edges.values()) == sorted([
        ("moore", "_:b1"), ("_:b1", "singularity"), ("limits", "_:conflict1"),
        ("_:conflict1", "moore"), ("moore", "_:b2"), ("_:b2", "limits")])
    assert m.nodes["moore"].timestamp == "2010-05-01T10:00:00"
    assert _same_as_data("aif-rdf", path.read_bytes(), argmap.dumps(m, "aif-rdf"))
    # Through AIF-XML and back, still the same graph.
    again = argmap.from_xml(argmap.to_xml(m))
    assert _same_as_data("aif-rdf", path.read_bytes(), argmap.dumps(again, "aif-rdf"))


def test_edited_rdf_keeps_iris_and_blank_nodes() -> None:
    m = argmap.read(GOLDEN / "aif_old_namespace.rdf")
    m.add_claim("A new claim", id="new")
    data = argmap.dumps(m, "aif-rdf")
    assert b'rdf:about="https://example.org/ai#singularity"' in data
    assert b'rdf:nodeID="conflict1"' in data
    assert b"http://www.aifdb.org/nodes/new" in data
    assert argmap.loads(data, "aif-rdf") == m


def test_unplaced_relation_is_reported() -> None:
    data = b"""<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
      xmlns:aif="http://www.arg.tech/aif#">
      <aif:RA-node rdf:about="urn:x:ra"><aif:Premise rdf:resource="urn:x:gone"/></aif:RA-node>
    </rdf:RDF>"""
    m = argmap.loads(data, "aif-rdf")
    assert [p.code for p in format_problems(m)] == ["dangling-reference"]


def _records(doc: Any) -> int:
    """Node and edge records in a JSON document of any AIF-family shape."""
    if not isinstance(doc, dict):
        return 0
    body = doc.get("AIF", doc) if isinstance(doc.get("AIF"), dict) else doc
    return sum(len(body[k]) for k in ("nodes", "edges") if isinstance(body.get(k), list))


def _samples() -> list[Path]:
    picked: dict[tuple[str, str], Path] = {}
    for p in [*FILES, *sorted(GOLDEN.iterdir())]:
        if p.suffix in (".json", ".xml", ".rdf", ".aml"):
            key = (p.parent.name if p.parent != GOLDEN else p.name, p.suffix)
            picked.setdefault(key, p)
    return sorted(picked.values())


@pytest.mark.parametrize("reader", ["aifdb-json", "ova3", "xaif", "ova2", "sadface",
                                    "microtext", "aml", "lkif", "caf", "aif-rdf", "aif-xml"])
def test_readers_fed_other_formats_refuse_or_keep_everything(reader: str) -> None:
    for path in _samples():
        data = path.read_bytes()
        try:
            m = argmap.loads(data, reader, name=path.name)
        except argmap.ArgmapError:
            continue
        if path.suffix == ".json":
            doc = json.loads(data)
            kept = len(m.nodes) + len(m.edges) + len(format_problems(m))
            assert kept >= _records(doc), (reader, path.name)


@st.composite
def _foreign_rdf(draw: st.DrawFn) -> bytes:
    """An AIF RDF/XML document as other tools write it: no argmap terms."""
    ns = draw(st.sampled_from(["http://www.arg.dundee.ac.uk/aif#", "http://www.arg.tech/aif#"]))
    words = st.text(alphabet="abcdefgh <>&'\"", min_size=1, max_size=12)
    n_i = draw(st.integers(1, 4))
    i_iris = [f"https://example.org/x#i{k}" for k in range(n_i)]
    parts = []

    def literal(tag: str) -> str:
        text = escape(draw(words))
        note = draw(st.sampled_from(["", ' xml:lang="en"', ' xml:lang="de-CH"',
                                     ' rdf:datatype="http://www.w3.org/2001/XMLSchema#string"']))
        return f"<{tag}{note}>{text}</{tag}>"

    def i_node(iri: str) -> str:
        return f'<aif:I-node rdf:about="{iri}">{literal("aif:claimText")}</aif:I-node>'

    nested = set(draw(st.sets(st.sampled_from(i_iris), max_size=1)))
    parts += [i_node(iri) for iri in i_iris if iri not in nested]
    for k in range(draw(st.integers(0, 4))):
        kind = draw(st.sampled_from(["RA", "CA", "MA", "TA", "YA"]))
        subject = draw(st.sampled_from([f' rdf:nodeID="s{k}"', "",
                                        f' rdf:about="https://example.org/x#s{k}"']))
        body = literal("aif:claimText") if draw(st.booleans()) else ""
        src, dst = draw(st.sampled_from(i_iris)), draw(st.sampled_from(i_iris))
        into, out = (("aif:StartLocution", "aif:EndLocution") if kind == "TA"
                     else ("aif:Premise", "aif:Conclusion"))
        if src in nested:
            body += f"<{into}>{i_node(src)}</{into}>"
            nested.discard(src)
        else:
            body += f'<{into} rdf:resource="{src}"/>'
        body += f'<{out} rdf:resource="{dst}"/>'
        if draw(st.booleans()):
            body += literal("dc:note")
        parts.append(f"<aif:{kind}-node{subject}>{body}</aif:{kind}-node>")
    parts += [i_node(iri) for iri in nested]
    return (f'<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" '
            f'xmlns:aif="{ns}" xmlns:dc="http://purl.org/dc/elements/1.1/">'
            + "".join(parts) + "</rdf:RDF>").encode()


@settings(max_examples=60, deadline=None)
@given(_foreign_rdf())
def test_property_foreign_rdf_is_written_back_as_the_same_graph(data: bytes) -> None:
    pytest.importorskip("rdflib")
    m = argmap.loads(data, "aif-rdf")
    assert _same_as_data("aif-rdf", data, argmap.dumps(m, "aif-rdf"))
    # Through AIF-XML, too.
    assert _same_as_data("aif-rdf", data, argmap.dumps(argmap.from_xml(argmap.to_xml(m)),
                                                       "aif-rdf"))
