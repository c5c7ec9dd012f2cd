"""Writing AIF RDF/XML: a map read unchanged as its original triples, else argmap's terms."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from lxml import etree

from argmap._errors import ArgmapError
from argmap._extra import dumps as dump_json
from argmap._extra import thaw_json
from argmap._map import ArgumentMap
from argmap._nodes import (
    Claim,
    Evidence,
    Locution,
    Node,
    NodeKind,
    UnknownNode,
)
from argmap.formats._rdf_read import from_rdf
from argmap.formats._rdf_vocab import (
    AIF_,
    AIF_NS,
    AM_,
    AM_NS,
    EDGE_BASE,
    K_DOCUMENT,
    K_RECORD,
    MAP_IRI,
    NODE_BASE,
    OWL_,
    OWL_NS,
    PARTICIPANT_BASE,
    RDF_,
    RDF_NS,
    SOURCE_FIELDS,
    SOURCE_IRI,
    XML_NS_BRACED,
    make_iri,
)

__all__ = [
    "node_iri",
    "to_rdf",
]


# --------------------------------------------------------------------- writer
def _literal(parent: etree._Element, tag: str, value: str | None) -> None:
    if value is not None:
        etree.SubElement(parent, tag).text = value


def _resource(parent: etree._Element, tag: str, iri: str) -> None:
    etree.SubElement(parent, tag, {RDF_ + "resource": iri})


def _extra(parent: etree._Element, extra: Any) -> None:
    if extra:
        _literal(parent, AM_ + "extra", dump_json(extra))


def _relations(m: ArgumentMap) -> dict[str, list[tuple[str, str]]]:
    """The ``aif:`` relation properties of each node, from the edges (S-node side)."""
    out: dict[str, list[tuple[str, str]]] = {}
    nodes = m.nodes
    for e in m.edges.values():
        a, b = nodes.get(e.from_id), nodes.get(e.to_id)
        if a is None or b is None:
            continue
        ka, kb = a.kind, b.kind
        if kb in (NodeKind.RA, NodeKind.CA) and ka in (NodeKind.I, NodeKind.L):
            out.setdefault(b.id, []).append(("Premise", a.id))
        elif ka in (NodeKind.RA, NodeKind.CA) and kb in (NodeKind.I, NodeKind.L):
            out.setdefault(a.id, []).append(("Conclusion", b.id))
        elif kb is NodeKind.YA and ka is NodeKind.L:
            out.setdefault(b.id, []).append(("Locution", a.id))
        elif kb is NodeKind.YA and ka is NodeKind.TA:
            out.setdefault(b.id, []).append(("Anchor", a.id))
        elif ka is NodeKind.YA:
            out.setdefault(a.id, []).append(("IllocutionaryContent", b.id))
        elif kb is NodeKind.TA and ka is NodeKind.L:
            out.setdefault(b.id, []).append(("StartLocution", a.id))
        elif ka is NodeKind.TA and kb is NodeKind.L:
            out.setdefault(a.id, []).append(("EndLocution", b.id))
    return out


def node_iri(node: Node | None, nid: str) -> str:
    """A node's IRI: the one it was read with, else one under :data:`NODE_BASE`."""
    record = node.extra.get(K_RECORD) if node is not None else None
    iri = record.get("iri") if isinstance(record, Mapping) else None
    return iri if isinstance(iri, str) and iri else make_iri(NODE_BASE, nid)


def _about(iri: str) -> dict[str, str]:
    if iri.startswith("_:"):
        return {RDF_ + "nodeID": iri[2:]}
    return {RDF_ + "about": iri}


def _ref(iri: str) -> dict[str, str]:
    if iri.startswith("_:"):
        return {RDF_ + "nodeID": iri[2:]}
    return {RDF_ + "resource": iri}


def _triples(parent: etree._Element, iri: str, triples: Iterable[Any]) -> None:
    el = etree.SubElement(parent, RDF_ + "Description", _about(iri))
    for pred, value, is_resource, note in triples:
        cut = max(pred.rfind("#"), pred.rfind("/")) + 1
        child = etree.SubElement(el, f"{{{pred[:cut]}}}{pred[cut:]}")
        if is_resource:
            child.attrib.update(_ref(value))
            continue
        child.text = value
        if isinstance(note, str) and note.startswith("@"):
            child.set(XML_NS_BRACED + "lang", note[1:])
        elif isinstance(note, str) and note.startswith("^^"):
            child.set(RDF_ + "datatype", note[2:])


def _to_foreign(m: ArgumentMap) -> bytes | None:
    """The triples a map read from a file without argmap terms was read from, if still true."""
    document = m.extra.get(K_DOCUMENT)
    if not isinstance(document, Mapping) or m.participants or m.source is not None:
        return None
    root = etree.Element(RDF_ + "RDF", nsmap={"rdf": RDF_NS, "owl": OWL_NS})
    try:
        for node in m.nodes.values():
            record = node.extra.get(K_RECORD)
            if not isinstance(record, Mapping):
                return None
            _triples(root, str(record.get("iri")), thaw_json(record.get("triples")))
        other: dict[str, list[Any]] = {}
        for entry in thaw_json(document.get("other")) or ():
            other.setdefault(entry[0], []).append(entry[1:])
        for subj, triples in other.items():
            _triples(root, subj, triples)
        data = etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)
    except (ValueError, TypeError):  # a predicate RDF/XML cannot spell as an element name
        return None
    try:
        same = from_rdf(data) == m
    except ArgmapError:
        same = False
    return data if same else None


def to_rdf(m: ArgumentMap) -> bytes:
    """Serialise a map as AIF RDF/XML (AIFdb vocabulary plus the argmap namespace).

    A map read from an RDF file without argmap's terms (AIFdb's export, an
    older AIF RDF file) and not changed since is written back as the triples
    it was read from: the same IRIs, blank nodes, languages and properties.

    Example:
        >>> m = ArgumentMap(source=Source(text="Cats purr. So cats are happy."))
        >>> c = m.add_claim(quote="cats are happy", id="1")
        >>> p = m.add_claim(quote="Cats purr", id="2")
        >>> _ = m.add_inference([p], c, id="3")
        >>> from_rdf(to_rdf(m)) == m
        True
    """
    foreign = _to_foreign(m)
    if foreign is not None:
        return foreign
    root = etree.Element(RDF_ + "RDF", nsmap={"rdf": RDF_NS, "owl": OWL_NS, "aif": AIF_NS,
                                            "am": AM_NS})
    if m.extra:
        el = etree.SubElement(root, AM_ + "Map", {RDF_ + "about": MAP_IRI})
        _extra(el, m.extra)
    src = m.source
    if src is not None:
        el = etree.SubElement(root, AM_ + "Source", {RDF_ + "about": SOURCE_IRI})
        _literal(el, AM_ + "text", src.text)
        for field in SOURCE_FIELDS:
            _literal(el, AM_ + field, getattr(src, field))
        _extra(el, src.extra)
    for p in m.participants.values():
        el = etree.SubElement(root, AM_ + "Participant",
                              {RDF_ + "about": make_iri(PARTICIPANT_BASE, p.id)})
        _literal(el, AM_ + "id", p.id)
        _literal(el, AM_ + "name", p.name)
        _literal(el, AM_ + "description", p.description)
        _extra(el, p.extra)
    relations = _relations(m)
    iris = {nid: node_iri(node, nid) for nid, node in m.nodes.items()}
    for node in m.nodes.values():
        el = etree.SubElement(root, OWL_ + "NamedIndividual", _about(iris[node.id]))
        _node(el, node, [(prop, iris[target]) for prop, target in relations.get(node.id, ())])
    for e in m.edges.values():
        el = etree.SubElement(root, AM_ + "Edge", {RDF_ + "about": make_iri(EDGE_BASE, e.id)})
        _literal(el, AM_ + "id", e.id)
        source = iris.get(e.from_id, make_iri(NODE_BASE, e.from_id))
        etree.SubElement(el, AM_ + "from", _ref(source))
        etree.SubElement(el, AM_ + "to", _ref(iris.get(e.to_id, make_iri(NODE_BASE, e.to_id))))
        _extra(el, e.extra)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def _node(el: etree._Element, node: Node, relations: Iterable[tuple[str, str]]) -> None:
    if isinstance(node, UnknownNode):
        _resource(el, RDF_ + "type", AM_NS + "UnknownNode")
    else:
        _resource(el, RDF_ + "type", f"{AIF_NS}{node.kind.value}-node")
        if node.kind is NodeKind.TA:
            _resource(el, RDF_ + "type", AIF_NS + "Transition")
    if isinstance(node, (Claim, Evidence, Locution)):
        _literal(el, AIF_ + "claimText", node.text)
    _literal(el, AIF_ + "creationDate", node.timestamp)
    for prop, target in relations:
        etree.SubElement(el, AIF_ + prop, _ref(target))
    _literal(el, AM_ + "id", node.id)
    if isinstance(node, (Claim, Evidence)):
        if isinstance(node, Evidence):
            _literal(el, AM_ + "evidenceType", node.evidence_type.value)
        if node.implicit:
            _literal(el, AM_ + "implicit", "true")
    if isinstance(node, (Claim, Evidence, Locution)):
        for s in node.spans:
            _literal(el, AM_ + "span", f"{s.start} {s.end}")
    if isinstance(node, Locution):
        if node.speaker is not None:
            _resource(el, AM_ + "speaker", make_iri(PARTICIPANT_BASE, node.speaker))
        _literal(el, AM_ + "saidAt", node.said_at)
    elif isinstance(node, UnknownNode):
        _literal(el, AM_ + "nodeType", node.type)
        _literal(el, AM_ + "text", node.text)
    elif not isinstance(node, (Claim, Evidence)):
        _literal(el, AM_ + "scheme", node.scheme)
        _literal(el, AM_ + "schemeID", node.scheme_id)
        _literal(el, AM_ + "label", node.label)
    _extra(el, node.extra)
