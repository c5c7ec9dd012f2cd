"""AIF-XML: argmap's own lossless XML form of the AIF (namespace ``urn:argmap:aif-xml:1``).

The format is specified in the documentation (``docs/format.rst``) and by the
XML Schema shipped at ``argmap/schema/argmap-aif-1.xsd``.  Every document read
is checked against that schema; every document written validates against it.
"""

from __future__ import annotations

import functools
from importlib import resources
from pathlib import Path
from typing import Any

from lxml import etree

from argmap._errors import ArgmapError, ParseError, ValidationError
from argmap._extra import FrozenJSONDict, dumps
from argmap._formats._jsonsafe import loads_strict
from argmap._formats._xmlsafe import parse_xml
from argmap._io import Format
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
    Participant,
    Preference,
    Rephrase,
    Transition,
    UnknownNode,
)
from argmap._text import Source, Span

__all__ = ["AIF_XML_NAMESPACE", "FORMAT", "aif_xml_schema", "from_xml", "to_xml"]

#: The XML namespace of argmap AIF-XML, version 1.
AIF_XML_NAMESPACE = "urn:argmap:aif-xml:1"
_VERSION = "1.0"
_NS = "{" + AIF_XML_NAMESPACE + "}"
_NSLEN = len(_NS)
_SCHEMA_FILE = "argmap-aif-1.xsd"

_SCHEME_TAGS: dict[type[Any], str] = {
    Inference: "inference",
    Conflict: "conflict",
    Rephrase: "rephrase",
    Preference: "preference",
    Illocution: "illocution",
    Transition: "transition",
}
_SCHEME_CLASSES: dict[str, type[Any]] = {tag: cls for cls, tag in _SCHEME_TAGS.items()}


# ------------------------------------------------------------------- schema
def aif_xml_schema() -> str:
    """Return the text of the published AIF-XML Schema (XSD 1.0).

    Example:
        >>> "urn:argmap:aif-xml:1" in aif_xml_schema()
        True
    """
    return resources.files("argmap").joinpath("schema").joinpath(_SCHEMA_FILE).read_text("utf-8")


@functools.cache
def _schema() -> etree.XMLSchema:
    data = resources.files("argmap").joinpath("schema").joinpath(_SCHEMA_FILE).read_bytes()
    return etree.XMLSchema(etree.fromstring(data))


# ------------------------------------------------------------------- writer
def _extras(parent: etree._Element, extra: FrozenJSONDict) -> None:
    for key, value in extra.items():
        el = etree.SubElement(parent, _NS + "extra", key=key)
        el.text = dumps(value)


def _spans(parent: etree._Element, spans: tuple[Span, ...]) -> None:
    for s in spans:
        el = etree.SubElement(parent, _NS + "span", start=str(s.start), end=str(s.end))
        el.text = s.text


def _text(parent: etree._Element, text: str) -> None:
    etree.SubElement(parent, _NS + "text").text = text


def _opt(attrib: dict[str, str], name: str, value: str | None) -> None:
    if value is not None:
        attrib[name] = value


def _node_element(parent: etree._Element, node: Node) -> None:
    attrib: dict[str, str] = {"id": node.id}
    if isinstance(node, (Claim, Evidence)):
        if node.implicit:
            attrib["implicit"] = "true"
        if isinstance(node, Evidence):
            attrib["evidence-type"] = node.evidence_type.value
        _opt(attrib, "timestamp", node.timestamp)
        el = etree.SubElement(parent, _NS + ("evidence" if isinstance(node, Evidence) else "claim"),
                              attrib)
        _text(el, node.text)
        _spans(el, node.spans)
    elif isinstance(node, Locution):
        _opt(attrib, "speaker", node.speaker)
        _opt(attrib, "said-at", node.said_at)
        _opt(attrib, "timestamp", node.timestamp)
        el = etree.SubElement(parent, _NS + "locution", attrib)
        _text(el, node.text)
        _spans(el, node.spans)
    elif isinstance(node, UnknownNode):
        attrib["type"] = node.type
        _opt(attrib, "timestamp", node.timestamp)
        el = etree.SubElement(parent, _NS + "unknown", attrib)
        if node.text is not None:
            _text(el, node.text)
    else:
        _opt(attrib, "scheme", node.scheme)
        _opt(attrib, "scheme-id", node.scheme_id)
        _opt(attrib, "label", node.label)
        _opt(attrib, "timestamp", node.timestamp)
        el = etree.SubElement(parent, _NS + _SCHEME_TAGS[type(node)], attrib)
    _extras(el, node.extra)


def to_xml(m: ArgumentMap) -> bytes:
    """Serialise a map as AIF-XML: UTF-8, pretty-printed and deterministic.

    The same map always gives the same bytes; nodes, edges and participants
    appear in insertion order.

    Example:
        >>> m = ArgumentMap(source=Source(text="Cats purr."))
        >>> _ = m.add_claim(quote="Cats purr", id="c1")
        >>> print(to_xml(m).decode())  # doctest: +NORMALIZE_WHITESPACE
        <?xml version='1.0' encoding='UTF-8'?>
        <argmap xmlns="urn:argmap:aif-xml:1" version="1.0">
          <source>
            <text>Cats purr.</text>
          </source>
          <nodes>
            <claim id="c1">
              <text>Cats purr</text>
              <span start="0" end="9">Cats purr</span>
            </claim>
          </nodes>
          <edges/>
        </argmap>
        >>> from_xml(to_xml(m)) == m
        True
    """
    root = etree.Element(_NS + "argmap", nsmap={None: AIF_XML_NAMESPACE})
    root.set("version", _VERSION)
    src = m.source
    if src is not None:
        attrib: dict[str, str] = {}
        for name in ("title", "author", "publisher", "url", "published", "language"):
            _opt(attrib, name, getattr(src, name))
        el = etree.SubElement(root, _NS + "source", attrib)
        _text(el, src.text)
        _extras(el, src.extra)
    if m.participants:
        parts = etree.SubElement(root, _NS + "participants")
        for p in m.participants.values():
            attrib = {"id": p.id, "name": p.name}
            _opt(attrib, "description", p.description)
            el = etree.SubElement(parts, _NS + "participant", attrib)
            _extras(el, p.extra)
    nodes = etree.SubElement(root, _NS + "nodes")
    for node in m.nodes.values():
        _node_element(nodes, node)
    edges = etree.SubElement(root, _NS + "edges")
    sub = etree.SubElement
    tag = _NS + "edge"
    for e in m.edges.values():
        el = sub(edges, tag, {"id": e.id, "from": e.from_id, "to": e.to_id})
        if e.extra:
            _extras(el, e.extra)
    _extras(root, m.extra)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


# ------------------------------------------------------------------- reader
class _Reader:
    """Turns a schema-valid AIF-XML tree into an :class:`ArgumentMap`."""

    def __init__(self, name: str) -> None:
        self.name = name

    def fail(self, message: str, el: etree._Element, node: str | None = None) -> ParseError:
        return ParseError(message, source=self.name, line=el.sourceline, node=node)

    def extras(self, el: etree._Element, owner: str | None) -> FrozenJSONDict:
        data: dict[str, Any] = {}
        for child in el:
            if child.tag != _NS + "extra":
                continue
            key = child.get("key", "")
            if key in data:
                raise self.fail(f"extra key {key!r} appears twice", child, owner)
            try:
                data[key] = loads_strict(child.text or "", self.name)
            except ParseError as exc:
                raise self.fail(f"extra {key!r} is not valid JSON: {exc.message}", child,
                                owner) from None
        return FrozenJSONDict(data)

    def statement_parts(
        self, el: etree._Element
    ) -> tuple[str, tuple[Span, ...]]:
        text = ""
        spans: list[Span] = []
        for child in el:
            local = _local(child)
            if local == "text":
                text = child.text or ""
            elif local == "span":
                try:
                    spans.append(Span(int(child.get("start", "")), int(child.get("end", "")),
                                      child.text or ""))
                except ArgmapError as exc:
                    raise self.fail(str(exc), child, el.get("id")) from None
        return text, tuple(spans)

    def node(self, el: etree._Element) -> Node:
        local = _local(el)
        get = el.get
        nid = get("id", "")
        common: dict[str, Any] = {"id": nid, "timestamp": get("timestamp")}
        has_extra = any(True for c in el if c.tag == _NS + "extra")
        if has_extra:
            common["extra"] = self.extras(el, nid)
        if local in _SCHEME_CLASSES:
            return _SCHEME_CLASSES[local](  # type: ignore[no-any-return]
                scheme=get("scheme"), scheme_id=get("scheme-id"), label=get("label"), **common
            )
        if local in ("claim", "evidence"):
            text, spans = self.statement_parts(el)
            implicit = get("implicit") in ("true", "1")
            if local == "claim":
                return Claim(text=text, spans=spans, implicit=implicit, **common)
            return Evidence(text=text, spans=spans, implicit=implicit,
                            evidence_type=get("evidence-type", "other"), **common)
        if local == "locution":
            text, spans = self.statement_parts(el)
            return Locution(text=text, spans=spans, speaker=get("speaker"),
                            said_at=get("said-at"), **common)
        text_el = el.find(_NS + "text")
        unknown_text = None if text_el is None else (text_el.text or "")
        return UnknownNode(type=get("type", ""), text=unknown_text, **common)

    def read(self, root: etree._Element) -> ArgumentMap:
        source: Source | None = None
        sections: dict[str, etree._Element] = {}
        map_extra: dict[str, Any] = {}
        for child in root:
            local = _local(child)
            if local == "extra":
                continue
            sections[local] = child
        if any(c.tag == _NS + "extra" for c in root):
            map_extra = dict(self.extras(root, None))
        src_el = sections.get("source")
        if src_el is not None:
            text_el = src_el.find(_NS + "text")
            try:
                source = Source(
                    text=(text_el.text or "") if text_el is not None else "",
                    extra=self.extras(src_el, None),
                    **{k: src_el.get(k) for k in ("title", "author", "publisher", "url",
                                                  "published", "language")},
                )
            except (ArgmapError, ValueError) as exc:
                raise self.fail(f"invalid source: {exc}", src_el) from None
        m = ArgumentMap(source=source, extra=map_extra)
        part_el = sections.get("participants")
        if part_el is not None:
            for el in part_el:
                pid = el.get("id", "")
                try:
                    m.add_participant(Participant(
                        id=pid, name=el.get("name", ""), description=el.get("description"),
                        extra=self.extras(el, pid)))
                except (ArgmapError, ValueError) as exc:
                    raise self.fail(str(exc), el, pid) from None
        nodes_el = sections.get("nodes")
        if nodes_el is not None:
            for el in nodes_el:
                try:
                    m.add_node(self.node(el))
                except ParseError:
                    raise
                except (ArgmapError, ValueError) as exc:
                    raise self.fail(str(exc), el, el.get("id")) from None
        edges_el = sections.get("edges")
        if edges_el is not None:
            add_edge = m.add_edge
            extra_tag = _NS + "extra"
            for el in edges_el:
                get = el.get
                eid = get("id", "")
                try:
                    if len(el) and any(c.tag == extra_tag for c in el):
                        edge = Edge(id=eid, from_id=get("from", ""), to_id=get("to", ""),
                                    extra=self.extras(el, eid))
                    else:
                        edge = Edge(id=eid, from_id=get("from", ""), to_id=get("to", ""))
                    add_edge(edge)
                except ParseError:
                    raise
                except (ArgmapError, ValueError) as exc:
                    raise self.fail(str(exc), el, eid) from None
        return m


def _local(el: etree._Element) -> str:
    tag = el.tag
    return tag[_NSLEN:] if isinstance(tag, str) else ""


def _check_root(root: etree._Element, name: str) -> None:
    tag = root.tag
    if not isinstance(tag, str) or (not tag.endswith("}argmap") and tag != "argmap"):
        raise ParseError(f"not an argmap AIF-XML document: the root element is <{tag!s}>",
                         source=name, line=root.sourceline)
    if tag != _NS + "argmap":
        ns = tag[1:].split("}", 1)[0] if tag.startswith("{") else "(none)"
        raise ParseError(
            f"unsupported AIF-XML namespace {ns!r}; this version of argmap reads "
            f"{AIF_XML_NAMESPACE!r}", source=name, line=root.sourceline)
    version = root.get("version", "")
    if version.split(".", 1)[0] != "1":
        raise ParseError(f"unsupported AIF-XML version {version!r}; expected 1.x",
                         source=name, line=root.sourceline)


def from_xml(data: bytes | str, *, name: str = "<bytes>", strict: bool = False) -> ArgumentMap:
    """Read a map from AIF-XML bytes (or text), safely.

    The input is parsed with a hardened parser (no DTDs, entities, network
    or XInclude), checked against the published schema, then turned into a
    map.  AIF rule violations are tolerated unless ``strict`` is set.

    Args:
        data: the document.
        name: what to call the input in error messages (e.g. its file name).
        strict: raise :class:`~argmap.ValidationError` for AIF rule violations.

    Raises:
        ParseError: malformed XML, a schema violation, or a span that does not
            fit the source text -- with the line and node id.
        UnsafeInputError: a DOCTYPE, entity, XInclude, compressed input, ...
        ValidationError: in strict mode, for AIF rule violations.
    """
    raw = data.encode("utf-8") if isinstance(data, str) else data
    root = parse_xml(raw, name)
    _check_root(root, name)
    schema = _schema()
    if not schema.validate(root):
        err = schema.error_log[0]
        message = err.message.replace(_NS, "")
        raise ParseError(f"does not match the AIF-XML schema: {message}", source=name,
                         line=err.line or None)
    m = _Reader(name).read(root)
    if strict:
        problems = m.validate()
        if problems:
            raise ValidationError(problems, where=name)
    return m


def _load(data: bytes, *, name: str, path: Path | None) -> ArgumentMap:
    return from_xml(data, name=name)


def _sniff(data: bytes) -> bool:
    return AIF_XML_NAMESPACE.encode() in data[:4096]


FORMAT = Format(
    name="aif-xml",
    suffixes=(".aif.xml", ".xml", ".aifxml"),
    description="argmap AIF-XML (lossless; schema-validated)",
    load=_load,
    dump=to_xml,
    sniff=_sniff,
)
