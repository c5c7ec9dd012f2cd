"""AIF RDF/XML: lossless for argmap's own output, AIFdb's shape read by node type."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from lxml import etree

import argmap
from argmap import ArgumentMap, Locution, ParseError, Source
from argmap.formats._rdf import AIF_NS, AM_NS, from_rdf, to_rdf
from argmap.strategies import argument_maps

GOLDEN = Path(__file__).parent / "golden" / "formats"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(argument_maps())
def test_any_map_round_trips(m: ArgumentMap) -> None:
    assert from_rdf(to_rdf(m)) == m


def small_map() -> ArgumentMap:
    m = ArgumentMap(source=Source(text="Ann: taxes should rise. Pollution harms health."))
    ann = m.add_speaker("Ann", id="p 1")
    loc = m.add_locution(ann, quote="taxes should rise", id="L/1")
    claim = m.add_claim("Taxes should rise", id="1")
    ev = m.add_evidence(quote="Pollution harms health", evidence_type="statistics", id="2")
    ra = m.add_inference(ev, claim, scheme="Argument From Consequences", id="3")
    m.add_illocution(loc, claim, id="4")
    m.add_preference(ev, claim, id="5")
    m.add_conflict(ev, ra, id="6")  # an undercut: no aif: property can say it
    return m


def test_aif_vocabulary_for_aifdb_consumers() -> None:
    root = etree.fromstring(to_rdf(small_map()))
    ns = {"aif": AIF_NS, "am": AM_NS, "rdf": RDF}
    ra = root.find(".//*[@rdf:about='http://www.aifdb.org/nodes/3']", ns)
    assert ra is not None
    assert ra.find("rdf:type", ns).get(f"{{{RDF}}}resource") == AIF_NS + "RA-node"  # type: ignore[union-attr]
    assert ra.find("aif:Premise", ns).get(f"{{{RDF}}}resource").endswith("/nodes/2")  # type: ignore[union-attr]
    assert ra.find("aif:Conclusion", ns).get(f"{{{RDF}}}resource").endswith("/nodes/1")  # type: ignore[union-attr]
    assert ra.findtext("am:scheme", namespaces=ns) == "Argument From Consequences"
    loc = root.find(".//*[@rdf:about='http://www.aifdb.org/nodes/L%2F1']", ns)
    assert loc is not None and loc.findtext("aif:claimText", namespaces=ns) == "taxes should rise"
    assert len(root.findall("am:Edge", ns)) == len(small_map().edges)
    assert from_rdf(to_rdf(small_map())) == small_map()


def test_aifdb_export_without_argmap_terms() -> None:
    m = argmap.read(GOLDEN / "aifdb_export.rdf")
    assert [n.kind.value for n in m.nodes.values()] == ["I", "I", "RA", "L", "YA"]
    assert m.nodes["277"].timestamp == "2012-04-12 18:18:26"
    # Relations stated on both ends give one edge each, read by the subject's type.
    assert sorted((e.from_id, e.to_id) for e in m.edges.values()) == [
        ("278", "281"), ("281", "277"), ("290", "291"), ("291", "277")]
    loc = m.nodes["290"]
    assert isinstance(loc, Locution) and loc.text == "Ann says taxes should rise"
    assert loc.extra["aif-rdf:properties"] == {"http://www.arg.dundee.ac.uk/aif#source": ("Ann",)}
    assert m.validate() == []


def test_entities_as_aifdb_declares_them_are_refused() -> None:
    data = (b'<?xml version="1.0"?><!DOCTYPE rdf:RDF [<!ENTITY http "http://">]>'
            b'<rdf:RDF xmlns:rdf="' + RDF.encode() + b'"/>')
    with pytest.raises(argmap.UnsafeInputError, match="DOCTYPE"):
        from_rdf(data)


def test_not_rdf_and_bad_argmap_terms() -> None:
    with pytest.raises(ParseError, match="not RDF/XML"):
        from_rdf(b"<rdf/>")
    bad = to_rdf(small_map()).replace(b"<am:span>", b"<am:span>x ")
    with pytest.raises(ParseError, match="am:span must be two offsets"):
        from_rdf(bad, name="bad.rdf")


def test_write_by_suffix(tmp_path: Path) -> None:
    path = tmp_path / "map.rdf"
    argmap.write(small_map(), path)
    assert argmap.read(path) == small_map()


def test_invalid_map_extra_is_a_parse_error() -> None:
    doc = (b'<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" '
           b'xmlns:am="urn:argmap:aif-rdf:1#">\n<am:Map rdf:about="urn:argmap:map">'
           b'<am:extra>{"k":"\\u0001"}</am:extra></am:Map></rdf:RDF>')
    with pytest.raises(argmap.ParseError, match=r"^m\.rdf:2: invalid map extra: .*U\+0001"):
        argmap.loads(doc, "aif-rdf", name="m.rdf")


def test_aifdb_exports_typed_as_named_individuals_keep_that_type() -> None:
    # AIFdb writes each node as an owl:NamedIndividual with its AIF type beside it:
    # both types are triples of the graph, and both come back.
    rdflib = pytest.importorskip("rdflib")
    from rdflib.compare import isomorphic

    data = b"""<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
         xmlns:owl="http://www.w3.org/2002/07/owl#" xmlns:aif="http://www.arg.tech/aif#">
  <owl:NamedIndividual rdf:about="http://www.aifdb.org/nodes/1">
    <rdf:type rdf:resource="http://www.arg.tech/aif#I-node"/>
    <aif:claimText>Cats purr</aif:claimText>
  </owl:NamedIndividual>
</rdf:RDF>"""
    m = from_rdf(data)
    assert m.nodes["1"].text == "Cats purr"  # type: ignore[union-attr]
    written = to_rdf(m)
    assert isomorphic(rdflib.Graph().parse(data=data, format="xml"),
                      rdflib.Graph().parse(data=written, format="xml"))


def test_an_unescaped_ampersand_is_called_what_it_is() -> None:
    data = b'<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">\nPunjab & Haryana'
    with pytest.raises(ParseError, match=r":2: malformed XML: an '&' that is not escaped"):
        argmap.loads(data + b"</rdf:RDF>", "aif-rdf", name="x.rdf")
    # An entity no DTD declares is malformed XML too, not a forbidden DTD.
    with pytest.raises(ParseError, match=r"malformed XML: an undefined entity"):
        argmap.loads(data.replace(b"&", b"&nbsp;") + b"</rdf:RDF>", "aif-rdf")


def test_types_beyond_the_nodes_kind_are_kept() -> None:
    m = ArgumentMap()
    m.add_claim("Cats purr", id="a")
    own = to_rdf(m).decode()
    kind = '<rdf:type rdf:resource="http://www.arg.tech/aif#I-node"/>'
    assert kind in own
    more = own.replace(kind, kind + '<rdf:type rdf:resource="http://ex.org/Foo"/>'
                       '<rdf:type rdf:resource="http://www.arg.tech/aif#L-node"/>', 1)
    read = from_rdf(more.encode())
    assert read.nodes["a"].extra["aif-rdf:properties"] == {
        "http://www.w3.org/1999/02/22-rdf-syntax-ns#type": (
            "http://ex.org/Foo", "http://www.arg.tech/aif#L-node")}
    assert from_rdf(to_rdf(read)) == read
