"""AIF as RDF/XML in AIFdb's ``aif:`` vocabulary, with an argmap namespace for the rest.

AIFdb exports a map as OWL individuals: one per node, typed ``aif:I-node``,
``aif:RA-node``, ... (``aif`` = ``http://www.arg.tech/aif#``; the older
``http://www.arg.dundee.ac.uk/aif#`` is accepted on read), with
``aif:claimText``, ``aif:creationDate`` and relation properties
(``aif:Premise``, ``aif:Conclusion``, ``aif:Locution``, ``aif:Anchor``,
``aif:IllocutionaryContent``, ``aif:StartLocution``, ``aif:EndLocution``).
Node IRIs are ``http://www.aifdb.org/nodes/<id>``.

That vocabulary cannot carry edge ids, rephrase and preference edges, edges
between scheme nodes (undercuts), scheme names and ids, text spans,
participants or argmap's own fields.  The writer therefore adds, in the
namespace ``urn:argmap:aif-rdf:1#`` (prefix ``am``): one ``am:Edge`` per AIF
edge (``am:id``, ``am:from``, ``am:to``), and per node ``am:id``,
``am:scheme``, ``am:schemeID``, ``am:label``, ``am:evidenceType``,
``am:implicit``, ``am:span`` (``"start end"``), ``am:speaker``,
``am:saidAt``, ``am:nodeType`` (unknown nodes, typed ``am:UnknownNode``);
``am:Source`` and ``am:Participant`` resources; and ``am:extra`` (the
``extra`` data as one JSON object) on every resource, the map's on
``am:Map``.  A map written and read back is equal to the original.

The reader prefers ``am:Edge`` resources; a document without them (AIFdb's
own export, older AIF RDF in ``http://www.arg.dundee.ac.uk/aif#``) gets its
edges from the ``aif:`` relation properties, read by the subject's node type
(AIFdb states some of them on both ends, giving one edge), with ids ``e1``,
``e2``, ...; a relation that gives no edge is kept and reported.  An S-node's
``aif:claimText`` (``"Default Inference"``) is its label.  Properties it does
not know are kept in the node's ``extra`` under ``aif-rdf:properties``
(``{predicate IRI: [values]}``).

Read from such a document, each node also keeps its IRI (or blank node) and
every triple about it, with languages and datatypes, under ``aif-rdf:rdf``,
and the map keeps the triples about other subjects under
``aif-rdf:document``: node ids are the IRI's last segment (the IRI itself if
two nodes would share one), and while the map is unchanged the writer gives
back exactly these triples -- the same RDF graph.  A changed map is written
in argmap's vocabulary, still with the nodes' own IRIs and blank nodes.

The reader handles the RDF/XML that AIF tools write -- node elements at the
top level or nested in properties, with ``rdf:about``/``rdf:ID``/``rdf:nodeID``
or none (a blank node), property elements with ``rdf:resource`` or literal
text (with ``xml:lang`` or ``rdf:datatype``), property attributes -- not every
abbreviation RDF/XML allows.  AIFdb's export declares entities in a DOCTYPE:
like every XML reader in argmap, this one refuses them unless the caller
passes ``trust_dtd=True`` (internal general entities only, bounded).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any
from urllib.parse import quote, unquote

import attrs
from lxml import etree

from argmap._errors import ArgmapError, ParseError
from argmap._extra import dumps as dump_json
from argmap._extra import thaw_json
from argmap._map import ArgumentMap
from argmap._nodes import (
    Claim,
    Conflict,
    Edge,
    Evidence,
    Illocution,
    Inference,
    Locution,
    Node,
    NodeKind,
    Participant,
    Preference,
    Rephrase,
    Transition,
    UnknownNode,
)
from argmap._problem import Problem
from argmap._text import Source, Span
from argmap.formats._dtdsubset import check_doctype
from argmap.formats._format import Format
from argmap.formats._jsonsafe import loads_strict
from argmap.formats._sniff import xml_root, xml_root_namespaces
from argmap.formats._xmlsafe import parse_xml

__all__ = ["AIF_NS", "AM_NS", "FORMAT", "NODE_BASE", "from_rdf", "problems", "to_rdf"]

RDF_NS = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
OWL_NS = "http://www.w3.org/2002/07/owl#"
#: AIFdb's AIF namespace.
AIF_NS = "http://www.arg.tech/aif#"
_AIF_OLD = "http://www.arg.dundee.ac.uk/aif#"
#: argmap's namespace for what the AIF vocabulary cannot carry.
AM_NS = "urn:argmap:aif-rdf:1#"
#: Base of node IRIs, as AIFdb writes them.
NODE_BASE = "http://www.aifdb.org/nodes/"
_EDGE_BASE = "urn:argmap:edge:"
_PARTICIPANT_BASE = "urn:argmap:participant:"
_SOURCE_IRI = "urn:argmap:source"
_MAP_IRI = "urn:argmap:map"

_R, _O, _A, _M = (f"{{{ns}}}" for ns in (RDF_NS, OWL_NS, AIF_NS, AM_NS))
_SCHEME_CLASSES: dict[NodeKind, type[Any]] = {
    cls.kind: cls for cls in (Inference, Conflict, Rephrase, Preference, Illocution, Transition)
}
_SOURCE_FIELDS = ("title", "author", "publisher", "url", "published", "language")

#: A node read from a file without argmap terms: its IRI and every triple, as read.
K_RECORD = "aif-rdf:rdf"
#: Such a file's triples about other subjects (the ontology header, ...).
K_DOCUMENT = "aif-rdf:document"
#: ``aif:`` relations that gave no edge: ``[subject, property, object]``.
K_UNPLACED = "aif-rdf:unplaced"


def _iri(base: str, ident: str) -> str:
    return base + quote(ident, safe="")


# --------------------------------------------------------------------- writer
def _literal(parent: etree._Element, tag: str, value: str | None) -> None:
    if value is not None:
        etree.SubElement(parent, tag).text = value


def _resource(parent: etree._Element, tag: str, iri: str) -> None:
    etree.SubElement(parent, tag, {_R + "resource": iri})


def _extra(parent: etree._Element, extra: Any) -> None:
    if extra:
        _literal(parent, _M + "extra", dump_json(extra))


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


def _node_iri(node: Node | None, nid: str) -> str:
    """A node's IRI: the one it was read with, else one under :data:`NODE_BASE`."""
    record = node.extra.get(K_RECORD) if node is not None else None
    iri = record.get("iri") if isinstance(record, Mapping) else None
    return iri if isinstance(iri, str) and iri else _iri(NODE_BASE, nid)


def _about(iri: str) -> dict[str, str]:
    if iri.startswith("_:"):
        return {_R + "nodeID": iri[2:]}
    return {_R + "about": iri}


def _ref(iri: str) -> dict[str, str]:
    if iri.startswith("_:"):
        return {_R + "nodeID": iri[2:]}
    return {_R + "resource": iri}


def _triples(parent: etree._Element, iri: str, triples: Iterable[Any]) -> None:
    el = etree.SubElement(parent, _R + "Description", _about(iri))
    for pred, value, is_resource, note in triples:
        cut = max(pred.rfind("#"), pred.rfind("/")) + 1
        child = etree.SubElement(el, f"{{{pred[:cut]}}}{pred[cut:]}")
        if is_resource:
            child.attrib.update(_ref(value))
            continue
        child.text = value
        if isinstance(note, str) and note.startswith("@"):
            child.set(_XML + "lang", note[1:])
        elif isinstance(note, str) and note.startswith("^^"):
            child.set(_R + "datatype", note[2:])


def _to_foreign(m: ArgumentMap) -> bytes | None:
    """The triples a map read from a file without argmap terms was read from, if still true."""
    document = m.extra.get(K_DOCUMENT)
    if not isinstance(document, Mapping) or m.participants or m.source is not None:
        return None
    root = etree.Element(_R + "RDF", nsmap={"rdf": RDF_NS, "owl": OWL_NS})
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
    root = etree.Element(_R + "RDF", nsmap={"rdf": RDF_NS, "owl": OWL_NS, "aif": AIF_NS,
                                            "am": AM_NS})
    if m.extra:
        el = etree.SubElement(root, _M + "Map", {_R + "about": _MAP_IRI})
        _extra(el, m.extra)
    src = m.source
    if src is not None:
        el = etree.SubElement(root, _M + "Source", {_R + "about": _SOURCE_IRI})
        _literal(el, _M + "text", src.text)
        for field in _SOURCE_FIELDS:
            _literal(el, _M + field, getattr(src, field))
        _extra(el, src.extra)
    for p in m.participants.values():
        el = etree.SubElement(root, _M + "Participant",
                              {_R + "about": _iri(_PARTICIPANT_BASE, p.id)})
        _literal(el, _M + "id", p.id)
        _literal(el, _M + "name", p.name)
        _literal(el, _M + "description", p.description)
        _extra(el, p.extra)
    relations = _relations(m)
    iris = {nid: _node_iri(node, nid) for nid, node in m.nodes.items()}
    for node in m.nodes.values():
        el = etree.SubElement(root, _O + "NamedIndividual", _about(iris[node.id]))
        _node(el, node, [(prop, iris[target]) for prop, target in relations.get(node.id, ())])
    for e in m.edges.values():
        el = etree.SubElement(root, _M + "Edge", {_R + "about": _iri(_EDGE_BASE, e.id)})
        _literal(el, _M + "id", e.id)
        etree.SubElement(el, _M + "from", _ref(iris.get(e.from_id, _iri(NODE_BASE, e.from_id))))
        etree.SubElement(el, _M + "to", _ref(iris.get(e.to_id, _iri(NODE_BASE, e.to_id))))
        _extra(el, e.extra)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def _node(el: etree._Element, node: Node, relations: Iterable[tuple[str, str]]) -> None:
    if isinstance(node, UnknownNode):
        _resource(el, _R + "type", AM_NS + "UnknownNode")
    else:
        _resource(el, _R + "type", f"{AIF_NS}{node.kind.value}-node")
        if node.kind is NodeKind.TA:
            _resource(el, _R + "type", AIF_NS + "Transition")
    if isinstance(node, (Claim, Evidence, Locution)):
        _literal(el, _A + "claimText", node.text)
    _literal(el, _A + "creationDate", node.timestamp)
    for prop, target in relations:
        etree.SubElement(el, _A + prop, _ref(target))
    _literal(el, _M + "id", node.id)
    if isinstance(node, (Claim, Evidence)):
        if isinstance(node, Evidence):
            _literal(el, _M + "evidenceType", node.evidence_type.value)
        if node.implicit:
            _literal(el, _M + "implicit", "true")
    if isinstance(node, (Claim, Evidence, Locution)):
        for s in node.spans:
            _literal(el, _M + "span", f"{s.start} {s.end}")
    if isinstance(node, Locution):
        if node.speaker is not None:
            _resource(el, _M + "speaker", _iri(_PARTICIPANT_BASE, node.speaker))
        _literal(el, _M + "saidAt", node.said_at)
    elif isinstance(node, UnknownNode):
        _literal(el, _M + "nodeType", node.type)
        _literal(el, _M + "text", node.text)
    elif not isinstance(node, (Claim, Evidence)):
        _literal(el, _M + "scheme", node.scheme)
        _literal(el, _M + "schemeID", node.scheme_id)
        _literal(el, _M + "label", node.label)
    _extra(el, node.extra)


# --------------------------------------------------------------------- reader
Value = tuple[str, bool]  # (IRI or literal, is a resource)


def _qualified(tag: str) -> str:
    """``{ns}local`` -> ``ns + local``."""
    if tag.startswith("{"):
        ns, local = tag[1:].split("}", 1)
        return ns + local
    return tag


class _Graph:
    """The triples of an RDF/XML document, grouped by subject in document order."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.subjects: dict[str, dict[str, list[Value]]] = {}
        self.lines: dict[str, int] = {}
        self.blank = 0
        # (subject, predicate, index) -> "@lang" or "^^datatype" of a literal value
        self.notes: dict[tuple[str, str, int], str] = {}
        self.foreign = True  # no argmap terms seen

    def add(self, subj: str, pred: str, value: Value, note: str | None = None) -> None:
        values = self.subjects[subj].setdefault(pred, [])
        if note:
            self.notes[(subj, pred, len(values))] = note
        values.append(value)
        if pred.startswith(AM_NS) or (pred == RDF_NS + "type" and value[0].startswith(AM_NS)):
            self.foreign = False

    def subject(self, el: etree._Element) -> str:
        about = el.get(_R + "about")
        if about is not None:
            return about
        ident = el.get(_R + "ID")
        if ident is not None:
            return "#" + ident
        node_id = el.get(_R + "nodeID")
        if node_id is not None:
            return "_:" + node_id
        self.blank += 1
        return f"_:b{self.blank}"

    def describe(self, el: etree._Element) -> str:
        subj = self.subject(el)
        props = self.subjects.setdefault(subj, {})
        self.lines.setdefault(subj, el.sourceline or 0)
        del props  # filled through add()
        tag = el.tag
        if isinstance(tag, str) and tag not in (_R + "Description", _O + "NamedIndividual"):
            self.add(subj, RDF_NS + "type", (_qualified(tag), True))
        for key, value in el.attrib.items():
            if key.startswith(_R) or key.startswith(_XML):
                continue
            self.add(subj, _qualified(key), (value, False), _lang(el))
        for child in el:
            if not isinstance(child.tag, str):
                continue
            pred = _qualified(child.tag)
            resource = child.get(_R + "resource")
            if resource is None and child.get(_R + "nodeID") is not None:
                resource = "_:" + child.get(_R + "nodeID", "")
            if resource is not None:
                self.add(subj, pred, (resource, True))
                continue
            nested = [c for c in child if isinstance(c.tag, str)]
            if nested:
                for inner in nested:
                    self.add(subj, pred, (self.describe(inner), True))
            else:
                datatype = child.get(_R + "datatype")
                self.add(subj, pred, (child.text or "", False),
                         f"^^{datatype}" if datatype else _lang(child))
        return subj

    def record(self, subj: str) -> list[list[Any]]:
        """Every triple of ``subj`` as ``[predicate, value, is_resource, note]``."""
        out: list[list[Any]] = []
        for pred, values in self.subjects.get(subj, {}).items():
            for index, (value, is_resource) in enumerate(values):
                out.append([pred, value, is_resource, self.notes.get((subj, pred, index))])
        return out


_XML = "{http://www.w3.org/XML/1998/namespace}"


def _lang(el: etree._Element) -> str | None:
    """``"@<lang>"`` for the ``xml:lang`` in scope at ``el`` (inherited), else None."""
    node: etree._Element | None = el
    while node is not None:
        lang = node.get(_XML + "lang")
        if lang is not None:
            return f"@{lang}" if lang else None
        node = node.getparent()
    return None


def _first(props: dict[str, list[Value]], pred: str, *, resource: bool = False) -> str | None:
    for value, is_resource in props.get(pred, ()):
        if is_resource == resource:
            return value
    return None


def _ident(iri: str, base: str) -> str:
    if iri.startswith(base):
        return unquote(iri[len(base):])
    if "#" in iri:
        return unquote(iri.rsplit("#", 1)[1]) or iri
    tail = iri.rstrip("/").rsplit("/", 1)[-1]
    return unquote(tail) or iri


def _kind(types: list[Value]) -> tuple[NodeKind | None, bool]:
    """The node kind named by the ``rdf:type`` values; second: whether it is a node at all."""
    for value, _ in types:
        for ns in (AIF_NS, _AIF_OLD):
            if value.startswith(ns) and value.lower().endswith("-node"):
                code = value[len(ns):-5]
                try:
                    return NodeKind(code), True
                except ValueError:
                    return None, True
        if value == AM_NS + "UnknownNode":
            return None, True
    return None, False


_KNOWN_NODE_PREDICATES = frozenset(
    [RDF_NS + "type"]
    + [ns + p for ns in (AIF_NS, _AIF_OLD) for p in (
        "claimText", "creationDate", "Premise", "Conclusion", "Locution", "Anchor",
        "IllocutionaryContent", "StartLocution", "EndLocution")]
    + [AM_NS + p for p in ("id", "evidenceType", "implicit", "span", "speaker", "saidAt",
                           "nodeType", "text", "scheme", "schemeID", "label", "extra")]
)


class _Reader:
    def __init__(self, graph: _Graph) -> None:
        self.g = graph
        self.name = graph.name
        self.text: str | None = None  # the source text, once read

    def fail(self, message: str, subject: str | None = None, node: str | None = None
             ) -> ParseError:
        line = self.g.lines.get(subject) if subject is not None else None
        return ParseError(message, source=self.name, line=line or None, node=node)

    def extra(self, subj: str, props: dict[str, list[Value]]) -> dict[str, Any]:
        text = _first(props, AM_NS + "extra")
        if text is None:
            return {}
        try:
            value = loads_strict(text, self.name)
        except ParseError as exc:
            raise self.fail(f"am:extra is not valid JSON: {exc.message}", subj) from None
        if not isinstance(value, dict):
            raise self.fail("am:extra must hold a JSON object", subj)
        return value

    @staticmethod
    def aif(props: dict[str, list[Value]], name: str) -> str | None:
        """A literal ``aif:`` property, in either AIF namespace."""
        value = _first(props, AIF_NS + name)
        return value if value is not None else _first(props, _AIF_OLD + name)

    def read(self) -> ArgumentMap:
        subjects = self.g.subjects
        source: Source | None = None
        map_extra: dict[str, Any] = {}
        map_subject: str | None = None
        participants: list[tuple[str, dict[str, list[Value]]]] = []
        nodes: list[tuple[str, dict[str, list[Value]], NodeKind | None]] = []
        edges: list[tuple[str, dict[str, list[Value]]]] = []
        for subj, props in subjects.items():
            types = {v for v, _ in props.get(RDF_NS + "type", ())}
            if AM_NS + "Map" in types:
                map_extra = self.extra(subj, props)
                map_subject = subj
            elif AM_NS + "Source" in types:
                try:
                    source = Source(
                        text=_first(props, AM_NS + "text") or "",
                        extra=self.extra(subj, props),
                        **{f: _first(props, AM_NS + f) for f in _SOURCE_FIELDS},
                    )
                except (ArgmapError, ValueError) as exc:
                    raise self.fail(f"invalid source: {exc}", subj) from None
                self.text = source.text
            elif AM_NS + "Participant" in types:
                participants.append((subj, props))
            elif AM_NS + "Edge" in types:
                edges.append((subj, props))
            else:
                kind, is_node = _kind(props.get(RDF_NS + "type", []))
                if is_node:
                    nodes.append((subj, props, kind))
        try:
            m = ArgumentMap(source=source, extra=map_extra)
        except (ArgmapError, ValueError, TypeError) as exc:
            raise self.fail(f"invalid map extra: {exc}", map_subject) from None
        for subj, props in participants:
            pid = _first(props, AM_NS + "id") or _ident(subj, _PARTICIPANT_BASE)
            try:
                m.add_participant(Participant(
                    id=pid, name=_first(props, AM_NS + "name") or "",
                    description=_first(props, AM_NS + "description"),
                    extra=self.extra(subj, props)))
            except (ArgmapError, ValueError) as exc:
                raise self.fail(str(exc), subj, pid) from None
        ids: dict[str, str] = {}
        foreign = self.g.foreign
        node_subjects = {subj for subj, _, _ in nodes}
        for subj, props, kind in nodes:
            nid = _first(props, AM_NS + "id") or _ident(subj, NODE_BASE)
            if nid in m.nodes:  # two IRIs ending alike: the IRI itself tells them apart
                nid = subj
            ids[subj] = nid
            try:
                node = self.node(subj, nid, props, kind)
                if foreign:
                    record = {"iri": subj, "triples": self.g.record(subj)}
                    node = attrs.evolve(node, extra={**node.extra.thaw(), K_RECORD: record})
                m.add_node(node)
            except ParseError:
                raise
            except (ArgmapError, ValueError) as exc:
                raise self.fail(str(exc), subj, nid) from None

        def node_id(iri: str) -> str:
            return ids.get(iri) or _ident(iri, NODE_BASE)

        if edges:
            for subj, props in edges:
                eid = _first(props, AM_NS + "id") or _ident(subj, _EDGE_BASE)
                src = _first(props, AM_NS + "from", resource=True)
                dst = _first(props, AM_NS + "to", resource=True)
                if src is None or dst is None:
                    raise self.fail("an am:Edge needs am:from and am:to", subj, eid)
                try:
                    m.add_edge(Edge(id=eid, from_id=node_id(src), to_id=node_id(dst),
                                    extra=self.extra(subj, props)))
                except (ArgmapError, ValueError) as exc:
                    raise self.fail(str(exc), subj, eid) from None
        else:
            unplaced = self.aif_edges(m, nodes, node_id)
            if unplaced:
                m.set_extra({**m.extra.thaw(), K_UNPLACED: unplaced})
        if foreign and subjects:
            other = [[subj, *t] for subj in subjects if subj not in node_subjects
                     for t in self.g.record(subj)]
            m.set_extra({**m.extra.thaw(), K_DOCUMENT: {"other": other}})
        return m

    def node(self, subj: str, nid: str, props: dict[str, list[Value]],
             kind: NodeKind | None) -> Node:
        extra = self.extra(subj, props)
        unknown = {p: [v for v, _ in values] for p, values in props.items()
                   if p not in _KNOWN_NODE_PREDICATES}
        if unknown:
            extra["aif-rdf:properties"] = unknown
        common: dict[str, Any] = {"id": nid, "timestamp": self.aif(props, "creationDate"),
                                  "extra": extra}
        text = self.aif(props, "claimText")
        if kind is NodeKind.I or kind is NodeKind.L:
            spans = [self.span(v, nid) for v, r in props.get(AM_NS + "span", ()) if not r]
            if kind is NodeKind.L:
                speaker = _first(props, AM_NS + "speaker", resource=True)
                return Locution(text=text or "", spans=spans,
                                speaker=_ident(speaker, _PARTICIPANT_BASE) if speaker else None,
                                said_at=_first(props, AM_NS + "saidAt"), **common)
            implicit = _first(props, AM_NS + "implicit") == "true"
            evidence = _first(props, AM_NS + "evidenceType")
            if evidence is not None:
                return Evidence(text=text or "", spans=spans, implicit=implicit,
                                evidence_type=evidence, **common)
            return Claim(text=text or "", spans=spans, implicit=implicit, **common)
        if kind is None:
            return UnknownNode(type=_first(props, AM_NS + "nodeType") or "",
                               text=_first(props, AM_NS + "text") or text, **common)
        # AIF names an S-node's scheme in its claimText ("Default Inference").
        label = _first(props, AM_NS + "label") if not self.g.foreign else text
        return _SCHEME_CLASSES[kind](  # type: ignore[no-any-return]
            scheme=_first(props, AM_NS + "scheme"), scheme_id=_first(props, AM_NS + "schemeID"),
            label=label, **common)

    def span(self, value: str, nid: str) -> Span:
        parts = value.split()
        try:
            start, end = (int(p) for p in parts)
        except ValueError:
            raise self.fail(f"am:span must be two offsets 'start end', got {value!r}",
                            node=nid) from None
        text = self.text
        if text is None or not 0 <= start <= end <= len(text):
            raise self.fail(f"am:span {value!r} lies outside the source text", node=nid)
        return Span(start, end, text[start:end])

    def aif_edges(self, m: ArgumentMap, nodes: list[tuple[str, dict[str, list[Value]],
                                                          NodeKind | None]],
                  node_id: Any) -> list[list[str]]:
        """Edges from AIFdb's relation properties, read by the subject's node type.

        Returns the ``aif:`` relations that gave no edge, as ``[subject, property, object]``.
        """
        pairs: dict[tuple[str, str], None] = {}
        unplaced: list[list[str]] = []
        known = {subj for subj, _, _ in nodes}
        s_kinds = (NodeKind.RA, NodeKind.CA, NodeKind.MA, NodeKind.PA)
        for subj, props, kind in nodes:
            me = node_id(subj)
            for pred, values in props.items():
                if pred.startswith(AIF_NS):
                    local = pred[len(AIF_NS):]
                elif pred.startswith(_AIF_OLD):
                    local = pred[len(_AIF_OLD):]
                else:
                    continue
                for value, is_resource in values:
                    if not is_resource:
                        continue
                    other = node_id(value)
                    pair = _direction(kind, local, me, other, s_kinds)
                    if pair is not None and value in known and pair[0] != pair[1]:
                        pairs.setdefault(pair, None)
                    else:
                        unplaced.append([subj, pred, value])
        for n, (a, b) in enumerate(pairs, 1):
            m.add_edge(Edge(id=f"e{n}", from_id=a, to_id=b))
        return unplaced


def _direction(kind: NodeKind | None, prop: str, me: str, other: str,
               s_kinds: tuple[NodeKind, ...]) -> tuple[str, str] | None:
    """Which way an ``aif:`` relation between ``me`` (of ``kind``) and ``other`` points."""
    if kind in s_kinds:
        return {"Premise": (other, me), "Conclusion": (me, other),
                "IllocutionaryContent": (other, me), "StartLocution": (other, me),
                "EndLocution": (me, other)}.get(prop)
    if kind is NodeKind.YA:
        return {"Locution": (other, me), "Anchor": (other, me),
                "IllocutionaryContent": (me, other)}.get(prop)
    if kind is NodeKind.TA:
        return {"StartLocution": (other, me), "EndLocution": (me, other),
                "Anchor": (me, other), "Premise": (other, me),
                "Conclusion": (me, other)}.get(prop)
    if kind in (NodeKind.I, NodeKind.L, None):
        return {"Premise": (me, other), "Conclusion": (other, me),
                "IllocutionaryContent": (other, me), "Locution": (me, other),
                "StartLocution": (me, other), "EndLocution": (other, me)}.get(prop)
    return None


def from_rdf(data: bytes | str, *, name: str = "<bytes>") -> ArgumentMap:
    """Read AIF RDF/XML written by argmap or by AIFdb (safely; no DTDs or entities).

    Raises:
        ParseError: malformed XML, not RDF, or an argmap value that does not fit.
        UnsafeInputError: a DOCTYPE, entity, XInclude, compressed input, ...
    """
    raw = data.encode("utf-8") if isinstance(data, str) else data
    root = parse_xml(check_doctype(raw, name), name, allow_doctype=True)
    if root.tag != _R + "RDF":
        raise ParseError(f"not RDF/XML: the root element is <{root.tag!s}>", source=name,
                         line=root.sourceline)
    graph = _Graph(name)
    for el in root:
        if isinstance(el.tag, str):
            graph.describe(el)
    return _Reader(graph).read()


def _load(data: bytes, *, name: str, path: Path | None) -> ArgumentMap:
    return from_rdf(data, name=name)


def problems(m: ArgumentMap) -> list[Problem]:
    """``aif:`` relations of an RDF file that gave no edge (kept in the node records)."""
    out: list[Problem] = []
    unplaced = m.extra.get(K_UNPLACED)
    iris = {_node_iri(n, nid): nid for nid, n in m.nodes.items()}
    for entry in unplaced if isinstance(unplaced, tuple) else ():
        if not (isinstance(entry, tuple) and len(entry) == 3):
            continue
        subj, pred, obj = (str(x) for x in entry)
        if obj not in iris:
            out.append(Problem("dangling-reference",
                               f"<{subj}> {pred} refers to <{obj}>, which is not a node; kept"))
        else:
            out.append(Problem("malformed-record",
                               f"<{subj}> {pred} <{obj}> does not say which way an edge runs "
                               "between nodes of these kinds; kept, no edge made"))
    return out


def _sniff(data: bytes) -> bool:
    root = xml_root(data)
    if root is None or root.rsplit(":", 1)[-1] != "RDF":
        return False
    head = data[:8192]
    declared = xml_root_namespaces(data)  # on the root tag, however far in; UTF-16 too
    return any(ns in declared or ns.encode() in head for ns in (AIF_NS, _AIF_OLD, AM_NS))


FORMAT = Format(
    name="aif-rdf",
    suffixes=(".rdf", ".owl", ".aif.rdf", ".xml"),
    description="AIF RDF/XML, AIFdb vocabulary plus an argmap namespace (lossless)",
    load=_load,
    dump=to_rdf,
    sniff=_sniff,
)
