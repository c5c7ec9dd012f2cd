"""AIF-XML: argmap's own lossless XML form of the AIF (namespace ``urn:argmap:aif-xml:1``).

The format is specified in the documentation (``docs/format.rst``) and by the
XML Schema shipped at ``argmap/schema/argmap-aif-1.xsd``.  Every document read
is checked against that schema; every document written validates against it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from lxml import etree

from argmap._errors import ArgmapError, ParseError
from argmap._extra import FrozenJSONDict
from argmap._gcpause import collector_paused
from argmap._map import ArgumentMap
from argmap._nodes import (
    Claim,
    Edge,
    Evidence,
    EvidenceType,
    Locution,
    Node,
    Participant,
    UnknownNode,
    unchecked,
    unchecked_maker,
)
from argmap._text import Source, Span
from argmap.formats._aifxml_vocab import (
    AIF_XML_NAMESPACE,
    NS,
    NSLEN,
    SCHEME_CLASSES,
    VERSION,
    aif_xml_schema,
    load_schema,
)
from argmap.formats._aifxml_write import to_xml
from argmap.formats._format import Format, finish_read
from argmap.formats._jsonsafe import loads_strict
from argmap.formats._registry import described
from argmap.formats._sniff import xml_root, xml_root_namespace
from argmap.formats._xmlsafe import MAX_INPUT_BYTES, check_not_compressed, parse_xml
from argmap.formats._xmlscan import check_attribute_counts

__all__ = [
    "AIF_XML_NAMESPACE",
    "FORMAT",
    "aif_xml_schema",
    "from_xml",
    "to_xml",
]


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
            if child.tag != NS + "extra":
                continue
            key = child.get("key", "")
            if key in data:
                raise self.fail(f"extra key {key!r} appears twice", child, owner)
            try:
                data[key] = loads_strict(child.text or "", self.name)
            except ParseError as exc:
                raise self.fail(f"extra {key!r} is not valid JSON: {exc.message}", child,
                                owner) from None
        try:
            return FrozenJSONDict(data)
        except ArgmapError as exc:
            raise self.fail(f"invalid extra data: {exc}", el, owner) from None

    def statement_parts(self, el: etree._Element, fields: dict[str, Any]) -> None:
        spans: list[Span] = []
        for child in el:
            local = _local(child)
            if local == "text":
                fields["text"] = child.text or ""
            elif local == "span":
                start, end = child.get("start", "").strip(), child.get("end", "").strip()
                if len(start) > 15 or len(end) > 15:
                    raise self.fail("span offset is too large", child, el.get("id"))
                try:
                    spans.append(Span(int(start), int(end), child.text or ""))
                except ArgmapError as exc:
                    raise self.fail(str(exc), child, el.get("id")) from None
            elif local == "extra":
                fields["extra"] = self.extras(el, fields["id"])
                break
        if spans:
            if fields.get("implicit"):
                raise self.fail("an implicit (reconstructed) node cannot carry text spans", el,
                                fields["id"])
            spans.sort(key=_span_key)
            fields["spans"] = tuple(spans)

    def node(self, el: etree._Element) -> Node:
        # The schema has already checked the element names, the attributes
        # and their types, so the objects are built without re-running the
        # model's converters (see argmap._nodes.unchecked).
        local = _local(el)
        get = el.get
        nid = get("id", "")
        fields: dict[str, Any] = {"id": nid, "timestamp": get("timestamp")}
        cls = SCHEME_CLASSES.get(local)
        if cls is not None:
            fields["scheme"] = get("scheme")
            fields["scheme_id"] = get("scheme-id")
            fields["label"] = get("label")
            if len(el):
                fields["extra"] = self.extras(el, nid)
            return unchecked(cls, fields)  # type: ignore[no-any-return]
        if local in ("claim", "evidence"):
            fields["implicit"] = get("implicit", "").strip() in ("true", "1")
            self.statement_parts(el, fields)
            if local == "claim":
                return unchecked(Claim, fields)
            fields["evidence_type"] = EvidenceType(get("evidence-type", "other"))
            return unchecked(Evidence, fields)
        if local == "locution":
            fields["speaker"] = get("speaker")
            fields["said_at"] = get("said-at")
            self.statement_parts(el, fields)
            return unchecked(Locution, fields)
        text_el = el.find(NS + "text")
        fields["text"] = None if text_el is None else (text_el.text or "")
        fields["type"] = get("type", "")
        if any(True for c in el if c.tag == NS + "extra"):
            fields["extra"] = self.extras(el, nid)
        return unchecked(UnknownNode, fields)

    def source(self, el: etree._Element) -> Source:
        text_el = el.find(NS + "text")
        try:
            return Source(
                text=(text_el.text or "") if text_el is not None else "",
                extra=self.extras(el, None),
                **{k: el.get(k) for k in ("title", "author", "publisher", "url",
                                          "published", "language")},
            )
        except (ArgmapError, ValueError) as exc:
            raise self.fail(f"invalid source: {exc}", el) from None

    def participant(self, m: ArgumentMap, el: etree._Element) -> None:
        pid = el.get("id", "")
        try:
            m.add_participant(Participant(
                id=pid, name=el.get("name", ""), description=el.get("description"),
                extra=self.extras(el, pid)))
        except (ArgmapError, ValueError) as exc:
            raise self.fail(str(exc), el, pid) from None

    def read(self, root: etree._Element) -> ArgumentMap:
        source: Source | None = None
        sections: dict[str, etree._Element] = {}
        map_extra: dict[str, Any] = {}
        for child in root:
            local = _local(child)
            if local == "extra":
                continue
            sections[local] = child
        if any(c.tag == NS + "extra" for c in root):
            map_extra = dict(self.extras(root, None))
        src_el = sections.get("source")
        if src_el is not None:
            source = self.source(src_el)
        m = ArgumentMap(source=source, extra=map_extra)
        part_el = sections.get("participants")
        if part_el is not None:
            for el in part_el:
                self.participant(m, el)
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
            make = unchecked_maker(Edge)
            edges: list[Edge] = []
            append = edges.append
            for el in edges_el:
                get = el.get
                if len(el):
                    eid = get("id", "")
                    append(make(id=eid, from_id=get("from"), to_id=get("to"),
                                extra=self.extras(el, eid)))
                else:
                    append(make(id=get("id"), from_id=get("from"), to_id=get("to")))
            duplicate = m._add_edges(edges)
            if duplicate is not None:
                el = edges_el[duplicate]
                raise self.fail(f"an edge with id {el.get('id')!r} is already in the map", el,
                                el.get("id"))
        return m


def _span_key(span: Span) -> tuple[int, int]:
    return (span.start, span.end)


def _local(el: etree._Element) -> str:
    tag = el.tag
    return tag[NSLEN:] if isinstance(tag, str) else ""


def _as_bytes(data: bytes | str, name: str) -> bytes:
    if not isinstance(data, str):
        return data
    try:
        return data.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise ParseError(f"text input holds an unencodable character at offset {exc.start}",
                         source=name) from None


def _newer_minor(version: str) -> bool:
    minor = version.partition(".")[2]
    if not minor.isdigit():
        return False
    return len(minor) > 9 or int(minor) > int(VERSION.partition(".")[2])


def _check_root(root: etree._Element, name: str) -> None:
    tag = root.tag
    if not isinstance(tag, str) or (not tag.endswith("}argmap") and tag != "argmap"):
        raise ParseError(f"not an argmap AIF-XML document: the root element is <{tag!s}>",
                         source=name, line=root.sourceline)
    if tag != NS + "argmap":
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
    map.  AIF rule violations are tolerated unless ``strict`` is set.  A
    valid document is turned into the map while it is parsed, element by
    element, so reading takes little more memory than the map itself.

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
    raw = _as_bytes(data, name)
    # Before any parser sees it: the schema would refuse such an element too, but
    # only after libxml2 had built every attribute and logged an error for each.
    check_attribute_counts(raw, name)
    with collector_paused():
        m = _stream(raw, name)
        if m is None:
            m = _from_tree(raw, name)
    return finish_read(m, strict, name)


# The sections whose children the streaming reader turns into model objects.
_SECTIONS = tuple(NS + tag for tag in ("source", "participants", "nodes", "edges"))


# The streaming reader feeds the parser this many bytes at a time, then reads and
# frees the elements they completed.
_CHUNK = 1 << 16


_ENCODING = re.compile(rb"""encoding[ \t\r\n]*=[ \t\r\n]*["']([^"']*)["']""")


_ASCII_COMPATIBLE = frozenset((b"utf-8", b"utf8", b"us-ascii", b"ascii"))


def _streamable(raw: bytes) -> bool:
    """True when the document is UTF-8 (or ASCII) and has no DOCTYPE: see :func:`_stream`.

    The prolog (BOM, XML declaration, comments, processing instructions) is
    skipped with plain substring searches, one linear pass: a regular
    expression over repeated prolog items backtracks exponentially on input
    such as ``<!---->`` repeated thousands of times with no root after it.
    """
    pos = 3 if raw.startswith(b"\xef\xbb\xbf") else 0
    decl: bytes | None = None
    while True:
        while pos < len(raw) and raw[pos] in b" \t\r\n":
            pos += 1
        if raw.startswith(b"<?xml", pos) and decl is None and raw[pos + 5 : pos + 6] in (
                b" ", b"\t", b"\r", b"\n"):
            end = raw.find(b"?>", pos + 5)
            if end < 0:
                return False
            decl, pos = raw[pos + 5 : end], end + 2
        elif raw.startswith(b"<?", pos):
            end = raw.find(b"?>", pos + 2)
            if end < 0:
                return False
            pos = end + 2
        elif raw.startswith(b"<!--", pos):
            end = raw.find(b"-->", pos + 4)
            if end < 0:
                return False
            pos = end + 3
        elif raw.startswith(b"<", pos) and raw[pos + 1 : pos + 2] not in (b"!", b"?", b""):
            break  # the root element
        else:
            return False  # a DOCTYPE, text before the root, or no root at all
    if decl is None:
        return True
    encoding = _ENCODING.search(decl)
    return encoding is None or encoding.group(1).lower() in _ASCII_COMPATIBLE


class _UnstreamableError(Exception):
    """The document is not one the streaming reader takes as it comes."""


class _Stream:
    """Builds the map from the children of each section as the parser completes them."""

    def __init__(self, name: str) -> None:
        self.reader = _Reader(name)
        self.m: ArgumentMap | None = None
        self.open: etree._Element | None = None  # the section being parsed
        self.edges: list[Edge] = []
        # The nodes read, in document order, put into the map at once at the end
        # (those with spans checked against the source as they come).
        self.nodes: dict[str, Node] = {}
        self.make_edge = unchecked_maker(Edge)
        self.make_claim = unchecked_maker(Claim)
        # Scheme nodes without children (no extra data): every field is an attribute.
        self.bare_schemes: dict[Any, Any] = {
            NS + tag: unchecked_maker(cls) for tag, cls in SCHEME_CLASSES.items()}

    def map(self) -> ArgumentMap:
        if self.m is None:
            self.m = ArgumentMap()
        return self.m

    def events(self, events: Iterable[tuple[str, etree._Element]]) -> None:
        for event, section in events:
            if event == "start":
                self.open = section
                continue
            self.open = None
            if section.tag == NS + "source":
                if self.m is not None:
                    raise _UnstreamableError
                self.m = ArgumentMap(source=self.reader.source(section))
            else:
                self.take(section, len(section))

    def take_open(self) -> None:
        """Read the finished children of the open section: all but the last."""
        section = self.open
        if section is not None and section.tag != NS + "source":
            self.take(section, len(section) - 1)

    def take(self, section: etree._Element, count: int) -> None:
        if count <= 0:
            return
        children = section[:count]
        tag = section.tag
        if tag == NS + "edges":
            self.take_edges(children)
        elif tag == NS + "nodes":
            self.take_nodes(children)
        else:
            m = self.map()
            for el in children:
                self.reader.participant(m, el)
        del children
        del section[:count]  # frees them: nothing refers to them any more

    def take_edges(self, children: list[etree._Element]) -> None:
        make, append = self.make_edge, self.edges.append
        for el in children:
            get = el.get
            if len(el):
                eid = get("id", "")
                append(make(id=eid, from_id=get("from"), to_id=get("to"),
                            extra=self.reader.extras(el, eid)))
            else:
                append(make(get("id"), get("from"), get("to")))  # id, from, to by position

    def take_nodes(self, children: list[etree._Element]) -> None:
        # The schema is checked during the same parse: a document it refuses
        # fails at the end, and this map is then dropped.
        m = self.map()
        nodes = self.nodes
        claim_tag, make_claim, bare_schemes = NS + "claim", self.make_claim, self.bare_schemes
        for el in children:
            tag = el.tag
            get = el.get
            nid = get("id", "")
            if nid in nodes:
                raise _UnstreamableError
            if tag == claim_tag and len(el) == 1 and get("implicit") is None:
                # The schema puts <text> first, so a lone child is the text: no spans.
                nodes[nid] = make_claim(id=nid, text=el[0].text or "",
                                        timestamp=get("timestamp"))
                continue
            make = bare_schemes.get(tag)
            if make is not None and not len(el):
                nodes[nid] = make(id=nid, timestamp=get("timestamp"), scheme=get("scheme"),
                                  scheme_id=get("scheme-id"), label=get("label"))
                continue
            node = self.reader.node(el)
            m._check_spans(node)
            nodes[node.id] = node


def _chunk_end(raw: bytes, start: int) -> int:
    """Where the chunk of input from ``start`` ends: just after a ``>``, or at the end.

    libxml2 drops whitespace-only text as blank (``remove_blank_text``) unless
    the element holds nothing else, which it tells by looking for ``</`` right
    after the text.  Fed a chunk that ends between the ``<`` and the ``/``, it
    cannot see the ``/`` and drops the text: ``<text> </text>`` would be read
    as empty.  A chunk that ends with ``>`` ends neither inside a run of
    whitespace nor just after a ``<``, so the parser always sees what follows.
    """
    end = raw.find(b">", start + _CHUNK - 1)
    return len(raw) if end < 0 else end + 1


def _stream(raw: bytes, name: str) -> ArgumentMap | None:
    """Read a valid document while parsing it, freeing each element once it is read.

    Peak memory is the map plus the elements of one chunk of input, not the
    whole tree.  The parser is fed a chunk at a time; the children of a
    section that the chunk completed are turned into model objects and
    removed from the tree (a pull parser reporting only where sections start
    and end costs far less than an event per element).  The schema is checked
    during the same parse, but libxml2 reports a streaming schema error only
    when the parse ends, and without a line; so does a document this reader
    cannot take as it comes (a DOCTYPE, the wrong root, a duplicate id, a bad
    span).  For all of these it returns None and the caller reads the
    document again as a tree, which gives the precise error -- valid
    documents, the common case, are parsed once.
    """
    if len(raw) > MAX_INPUT_BYTES or not _streamable(raw):
        return None
    check_not_compressed(raw, name)
    # Entities are left to libxml2's defaults here, because lxml's iterparse with
    # resolve_entities=False accepts a truncated document without an error.  That
    # is safe only because _streamable admitted no DOCTYPE, so no entity can be
    # declared: an entity reference is then a parse error, and the tree reader
    # refuses it as unsafe.
    parser = etree.XMLPullParser(
        events=("start", "end"), tag=_SECTIONS, schema=load_schema(),
        no_network=True, load_dtd=False, dtd_validation=False,
        attribute_defaults=False, huge_tree=False, recover=False, remove_pis=True,
        remove_comments=True, remove_blank_text=True,
    )
    stream = _Stream(name)
    try:
        start = 0
        while start < len(raw):
            end = _chunk_end(raw, start)
            parser.feed(raw[start:end])
            start = end
            stream.events(parser.read_events())
            stream.take_open()
        root = parser.close()
        stream.events(parser.read_events())
    except Exception:  # the tree reader below reports it precisely (or reads it)
        return None
    if root is None or root.getroottree().docinfo.doctype:
        return None
    try:
        _check_root(root, name)
    except ParseError:
        return None
    m = stream.map()
    m._put_trusted_many(stream.nodes)
    if stream.edges and m._add_edges(stream.edges) is not None:
        return None
    if any(c.tag == NS + "extra" for c in root):
        try:
            m.set_extra(stream.reader.extras(root, None))
        except ArgmapError:
            return None
    return m


def _from_tree(raw: bytes, name: str) -> ArgumentMap:
    """Parse the whole document, validate it, then read it (gives errors with lines)."""
    # The attribute counts were bounded before parsing (check_attribute_counts).
    root = parse_xml(raw, name, remove_blank_text=True, check_attribute_counts=False)
    _check_root(root, name)
    schema = load_schema()
    if not schema.validate(root):
        err = schema.error_log[0]
        message = err.message.replace(NS, "")
        version = root.get("version", "")
        if _newer_minor(version):
            message += (f" (the document is AIF-XML {version}, newer than the {VERSION} this "
                        "argmap reads; upgrade argmap to read what it added)")
        raise ParseError(f"does not match the AIF-XML schema: {message}", source=name,
                         line=err.line or None)
    return _Reader(name).read(root)


def _load(data: bytes, *, name: str, path: Path | None) -> ArgumentMap:
    return from_xml(data, name=name)


def _sniff(data: bytes) -> bool:
    root = xml_root(data)
    return (root is not None and root.rpartition(":")[2] == "argmap"
            and xml_root_namespace(data) == AIF_XML_NAMESPACE)


FORMAT = Format(
    **described("aif-xml"),
    load=_load,
    dump=to_xml,
    sniff=_sniff,
)
