"""Reading AIF RDF/XML: every triple about a node kept with it, so that an unchanged map is
written back as the same graph."""

from __future__ import annotations

from typing import Any
from urllib.parse import unquote

import attrs
from lxml import etree

from argmap._errors import ArgmapError, ParseError
from argmap._map import ArgumentMap
from argmap._nodes import (
    Claim,
    Edge,
    Evidence,
    Locution,
    Node,
    NodeKind,
    Participant,
    UnknownNode,
)
from argmap._text import Source, Span
from argmap.formats._dtdsubset import check_doctype
from argmap.formats._jsonsafe import loads_strict
from argmap.formats._rdf_vocab import (
    AIF_NS,
    AIF_OLD,
    AM_NS,
    EDGE_BASE,
    K_DOCUMENT,
    K_RECORD,
    K_UNPLACED,
    NODE_BASE,
    OWL_NS,
    PARTICIPANT_BASE,
    RDF_,
    RDF_NS,
    SCHEME_CLASSES,
    SOURCE_FIELDS,
    XML_NS_BRACED,
)
from argmap.formats._xmlsafe import parse_xml

__all__ = [
    "Value",
    "from_rdf",
]


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
        about = el.get(RDF_ + "about")
        if about is not None:
            return about
        ident = el.get(RDF_ + "ID")
        if ident is not None:
            return "#" + ident
        node_id = el.get(RDF_ + "nodeID")
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
        if isinstance(tag, str) and tag != RDF_ + "Description":
            self.add(subj, RDF_NS + "type", (_qualified(tag), True))
        for key, value in el.attrib.items():
            if key.startswith(RDF_) or key.startswith(XML_NS_BRACED):
                continue
            self.add(subj, _qualified(key), (value, False), _lang(el))
        for child in el:
            if not isinstance(child.tag, str):
                continue
            pred = _qualified(child.tag)
            resource = child.get(RDF_ + "resource")
            if resource is None and child.get(RDF_ + "nodeID") is not None:
                resource = "_:" + child.get(RDF_ + "nodeID", "")
            if resource is not None:
                self.add(subj, pred, (resource, True))
                continue
            nested = [c for c in child if isinstance(c.tag, str)]
            if nested:
                for inner in nested:
                    self.add(subj, pred, (self.describe(inner), True))
            else:
                datatype = child.get(RDF_ + "datatype")
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


def _lang(el: etree._Element) -> str | None:
    """``"@<lang>"`` for the ``xml:lang`` in scope at ``el`` (inherited), else None."""
    node: etree._Element | None = el
    while node is not None:
        lang = node.get(XML_NS_BRACED + "lang")
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
        for ns in (AIF_NS, AIF_OLD):
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
    + [ns + p for ns in (AIF_NS, AIF_OLD) for p in (
        "claimText", "creationDate", "Premise", "Conclusion", "Locution", "Anchor",
        "IllocutionaryContent", "StartLocution", "EndLocution")]
    + [AM_NS + p for p in ("id", "evidenceType", "implicit", "span", "speaker", "saidAt",
                           "nodeType", "text", "scheme", "schemeID", "label", "extra")]
)


# The types argmap's writer gives every node besides its kind.
_WRITTEN_TYPES = frozenset((OWL_NS + "NamedIndividual", AIF_NS + "Transition"))


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
        return value if value is not None else _first(props, AIF_OLD + name)

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
                        **{f: _first(props, AM_NS + f) for f in SOURCE_FIELDS},
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
            pid = _first(props, AM_NS + "id") or _ident(subj, PARTICIPANT_BASE)
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
                eid = _first(props, AM_NS + "id") or _ident(subj, EDGE_BASE)
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
        # Types beyond the node's kind and the ones argmap writes itself (another
        # ontology's class, a second AIF node type) are kept like any property.
        types = [v for v, _ in props.get(RDF_NS + "type", ())]
        first_kind = next((v for v in types if _kind([(v, True)])[1]), None)
        others = [v for v in types if v != first_kind and v not in _WRITTEN_TYPES]
        if others:
            unknown[RDF_NS + "type"] = others
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
                                speaker=_ident(speaker, PARTICIPANT_BASE) if speaker else None,
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
        return SCHEME_CLASSES[kind](  # type: ignore[no-any-return]
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
                elif pred.startswith(AIF_OLD):
                    local = pred[len(AIF_OLD):]
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
    if root.tag != RDF_ + "RDF":
        raise ParseError(f"not RDF/XML: the root element is <{root.tag!s}>", source=name,
                         line=root.sourceline)
    graph = _Graph(name)
    for el in root:
        if isinstance(el.tag, str):
            graph.describe(el)
    return _Reader(graph).read()
