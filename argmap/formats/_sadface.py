"""SADFace JSON (the Simple Argument Description Format of the Open Argumentation project).

Shape (version 0.2 and later): ``{"metadata": {"core": {"id", "version",
"analyst_name", "analyst_email", "created", "edited", ...}, <namespace>:
{...}}, "resources": [{"id", "type": "text", "content", "metadata"}],
"nodes": [...], "edges": [{"id", "source_id", "target_id"}]}``.  Version
0.1 documents keep ``analyst_*``, ``created``, ``edited`` and ``id`` at the
top level instead.  Nodes are atoms ``{"id", "type": "atom", "text",
"sources": [{"resource_id", "text", "offset", "length"}], "metadata"}`` or
schemes ``{"id", "type": "scheme", "name", "metadata"}``; the library also
writes ``"type": "conflict"`` nodes.

Mapping
-------
* an atom is a :class:`~argmap.Claim` (an :class:`~argmap.Evidence` when its
  ``metadata.argmap`` block says so, as argmap writes it); its ``text`` is the
  claim's text;
* a scheme node's ``name`` is the scheme node's ``label``; the name decides
  the kind: names about conflict (``conflict``, ``disagreement``, ``attack``,
  ``defeat``, ``rebut``, ``undercut``, ``undermine``, ``contrary``,
  ``contradiction``) give a :class:`~argmap.Conflict`, about rephrasing
  (``rephrase``, ``restate``) a :class:`~argmap.Rephrase`, about preference
  a :class:`~argmap.Preference`, and every other name (``support``,
  ``inference``, a scheme from a scheme set) an :class:`~argmap.Inference`;
  a ``conflict`` node is a conflict;
* a scheme node whose ``metadata.argmap.kind`` is ``RA``, ``CA``, ``MA`` or
  ``PA`` is of that kind whatever its name (argmap writes it when a node's
  label would say another kind);
* a node of any other type is an :class:`~argmap.UnknownNode`;
* an edge ``source_id -> target_id`` is an edge with the same id;
* when the document has exactly one text resource, its ``content`` is the
  map's source text and each atom source on it whose ``offset`` and
  ``length`` cover its ``text`` is a span.

Records a reader cannot place -- a node without a usable id or with a repeated
one, an edge without its ends or joining a node the file lacks -- are kept
under ``sadface:kept`` and reported by :func:`problems`; nothing is dropped.
An atom source on the text resource whose offset does not hold its text gives
no span; it stays in the node's ``sadface:node`` and is reported
(``anchor-mismatch``).

The writer renders each node and edge from the model and applies what the
reader kept (other keys, metadata, sources), so a file read and written
again is the same JSON value.  What SADFace has no field for -- an evidence
type, an implicit premise, a scheme node's scheme name and id, a label that
is absent or would be read as another kind, a timestamp -- goes in the
record's ``metadata.argmap`` block (``evidence_type``, ``implicit``,
``scheme``, ``scheme_id``, ``unlabelled``, ``kind``, ``timestamp``) and is
read back from it.  Locutions, illocutions and transitions (and their edges),
participants, source metadata and other formats' ``extra`` data have no
SADFace form: writing a map with them leaves them out and warns with an
:class:`~argmap.ArgmapWarning` that counts what was left out.

Extra keys
----------
``sadface:document`` (map)
    the top-level object without ``nodes`` and ``edges``;
``sadface:node`` / ``sadface:edge`` (node, edge)
    the other keys of the record; ``sadface:absent`` lists rendered keys the
    record lacked;
``sadface:kept`` (map)
    ``{"nodes": [[index, record], ...], "edges": [...]}``.
"""

from __future__ import annotations

import collections
import json
import re
import warnings
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import attrs

from argmap._errors import ArgmapError, ArgmapWarning, ParseError, WriteError
from argmap._extra import FrozenJSONDict, thaw_json
from argmap._map import ArgumentMap
from argmap._nodes import (
    Claim,
    Conflict,
    Edge,
    Evidence,
    EvidenceType,
    Illocution,
    Inference,
    Locution,
    Node,
    Preference,
    Rephrase,
    Transition,
    UnknownNode,
)
from argmap._problem import Problem
from argmap._text import Source, Span
from argmap.formats._aifdb_read import decode_object
from argmap.formats._format import Format
from argmap.formats._records import as_id, check_json, foreign_extra
from argmap.formats._registry import described
from argmap.formats._sniff import sadface_like

__all__ = ["FORMAT", "looks_like_sadface", "problems"]

K_DOCUMENT = "sadface:document"
K_NODE = "sadface:node"
K_EDGE = "sadface:edge"
K_ABSENT = "sadface:absent"
K_KEPT = "sadface:kept"

# Dialogue (AIF+) nodes have no SADFace form.
_DIALOGUE = (Locution, Illocution, Transition)

_CONFLICT = re.compile(
    r"conflict|disagree|attack|defeat|rebut|undercut|undermin|contrar|contradict", re.IGNORECASE)
_REPHRASE = re.compile(r"rephras|restat", re.IGNORECASE)
_PREFER = re.compile(r"prefer", re.IGNORECASE)

# The name argmap writes for a scheme node with neither label nor scheme name.
_DEFAULT_NAME = {Inference: "support", Conflict: "conflict", Rephrase: "rephrase",
                 Preference: "preference"}

_BY_KIND: dict[str, type[Inference | Conflict | Rephrase | Preference]] = {
    "RA": Inference, "CA": Conflict, "MA": Rephrase, "PA": Preference}


def scheme_class(name: str) -> type[Inference | Conflict | Rephrase | Preference]:
    """The kind of scheme node a SADFace scheme ``name`` stands for."""
    if _CONFLICT.search(name):
        return Conflict
    if _REPHRASE.search(name):
        return Rephrase
    if _PREFER.search(name):
        return Preference
    return Inference


def looks_like_sadface(doc: Mapping[str, Any]) -> bool:
    """True when a decoded JSON object has SADFace's shape (node types or edge keys)."""
    meta = doc.get("metadata")
    if "resources" in doc and (isinstance(meta, Mapping) or "analyst_name" in doc):
        return True
    nodes, edges = doc.get("nodes"), doc.get("edges")
    for raw in edges if isinstance(edges, list) else ():
        if isinstance(raw, Mapping):
            return "source_id" in raw or "target_id" in raw
    for raw in nodes if isinstance(nodes, list) else ():
        if isinstance(raw, Mapping):
            return raw.get("type") in ("atom", "scheme", "conflict") and "nodeID" not in raw
    return False


# ------------------------------------------------------------------ reading


def _text_resource(resources: Any) -> tuple[str, str] | None:
    """The id and content of the document's only text resource, if it has exactly one."""
    found = [r for r in resources if isinstance(r, Mapping) and r.get("type") == "text"
             and isinstance(r.get("content"), str) and as_id(r.get("id")) is not None] \
        if isinstance(resources, list) else []
    if len(found) != 1:
        return None
    return str(found[0]["id"]), found[0]["content"]


def _spans(raw: Mapping[str, Any], resource: tuple[str, str] | None) -> list[Span]:
    sources = raw.get("sources")
    if resource is None or not isinstance(sources, list):
        return []
    rid, content = resource
    spans = []
    for src in sources:
        if not isinstance(src, Mapping) or as_id(src.get("resource_id")) != rid:
            continue
        offset, text = src.get("offset"), src.get("text")
        if type(offset) is not int or not isinstance(text, str) or offset < 0:
            continue
        if content[offset:offset + len(text)] == text:
            spans.append(Span(offset, offset + len(text), text))
    return spans


def _own_text(own: Any, key: str) -> str | None:
    value = own.get(key) if isinstance(own, Mapping) else None
    return value if isinstance(value, str) else None


def _node(nid: str, raw: Mapping[str, Any], resource: tuple[str, str] | None) -> Node:
    meta = raw.get("metadata")
    own = meta.get("argmap") if isinstance(meta, Mapping) else None
    stamp = _own_text(own, "timestamp")
    typ = raw.get("type")
    if typ == "atom" and isinstance(raw.get("text"), str):
        rest = {k: v for k, v in raw.items() if k not in ("id", "type", "text")}
        spans = _spans(raw, resource)
        if isinstance(own, Mapping) and isinstance(own.get("evidence_type"), str):
            try:
                etype = EvidenceType(own["evidence_type"])
            except ValueError:
                etype = None
            if etype is not None:
                return Evidence(id=nid, text=raw["text"], spans=spans, evidence_type=etype,
                                implicit=own.get("implicit") is True, timestamp=stamp,
                                extra={K_NODE: rest})
        implicit = isinstance(own, Mapping) and own.get("implicit") is True
        return Claim(id=nid, text=raw["text"], spans=spans, implicit=implicit,
                     timestamp=stamp, extra={K_NODE: rest})
    name = raw.get("name")
    if typ in ("scheme", "conflict") and isinstance(name, str):
        cls: type[Inference | Conflict | Rephrase | Preference] = (
            Conflict if typ == "conflict" else scheme_class(name))
        kind = _own_text(own, "kind")
        cls = _BY_KIND.get(kind, cls) if kind is not None else cls
        rest = {k: v for k, v in raw.items() if k not in ("id", "name")}
        if typ == "scheme":
            rest.pop("type")
        unlabelled = isinstance(own, Mapping) and own.get("unlabelled") is True
        return cls(id=nid, label=None if unlabelled else name, timestamp=stamp,
                   scheme=_own_text(own, "scheme"), scheme_id=_own_text(own, "scheme_id"),
                   extra={K_NODE: rest})
    text = raw.get("text") if isinstance(raw.get("text"), str) else name
    return UnknownNode(
        id=nid, type=typ if isinstance(typ, str) and typ else "?",
        text=text if isinstance(text, str) else None,
        extra={K_NODE: {k: v for k, v in raw.items() if k != "id"}})


def _load(data: bytes, *, name: str, path: Path | None) -> ArgumentMap:
    doc = decode_object(data, name)
    nodes, edges = doc.get("nodes"), doc.get("edges")
    if not isinstance(nodes, list) or not isinstance(edges, list):
        raise ParseError("not SADFace JSON: no 'nodes' and 'edges' arrays at the top level",
                         source=name)
    if not looks_like_sadface(doc):
        raise ParseError("not SADFace JSON: its nodes are not atoms and schemes, its edges "
                         "have no 'source_id'/'target_id', and it has no metadata.core",
                         source=name)
    document = {k: v for k, v in doc.items() if k not in ("nodes", "edges")}
    try:
        check_json(document, "document")
    except ValueError as exc:
        raise ParseError(str(exc), source=name) from None
    resource = _text_resource(doc.get("resources"))
    try:
        m = ArgumentMap(source=Source(text=resource[1]) if resource else None)
    except ValueError as exc:
        raise ParseError(f"resources: {exc}", source=name) from None
    kept: dict[str, list[list[Any]]] = {"nodes": [], "edges": []}
    for index, raw in enumerate(nodes):
        nid = as_id(raw.get("id")) if isinstance(raw, Mapping) else None
        try:
            check_json(raw, "record")
            if nid is None or nid in m.nodes:
                kept["nodes"].append([index, raw])
                continue
            m.add_node(_node(nid, raw, resource))
        except (ArgmapError, ValueError) as exc:
            raise ParseError(f"nodes[{index}]: {exc}", source=name, node=nid) from None
    for index, raw in enumerate(edges):
        if not isinstance(raw, Mapping):
            kept["edges"].append([index, raw])
            continue
        eid, src, dst = (as_id(raw.get(k)) for k in ("id", "source_id", "target_id"))
        try:
            check_json(raw, "record")
            if (eid is None or src is None or dst is None or eid in m.edges
                    or src not in m.nodes or dst not in m.nodes or src == dst
                    or m._joined(src, dst)):
                kept["edges"].append([index, raw])
                continue
            rest = {k: v for k, v in raw.items() if k not in ("id", "source_id", "target_id")}
            m.add_edge(Edge(id=eid, from_id=src, to_id=dst,
                            extra={K_EDGE: rest} if rest else None))
        except (ArgmapError, ValueError) as exc:
            raise ParseError(f"edges[{index}]: {exc}", source=name) from None
    extra: dict[str, Any] = {K_DOCUMENT: document}
    if kept["nodes"] or kept["edges"]:
        extra[K_KEPT] = {k: v for k, v in kept.items() if v}
    m.set_extra(extra)
    return m


# ------------------------------------------------------------------ writing


def _mapping(value: Any) -> dict[str, Any]:
    thawed = thaw_json(value) if value is not None else None
    return thawed if isinstance(thawed, dict) else {}


def _set_own(rest: dict[str, Any], key: str, value: Any) -> None:
    """Set (or, for None, remove) ``key`` in the record's ``metadata.argmap`` block."""
    meta = rest.get("metadata")
    meta = dict(meta) if isinstance(meta, dict) else {}
    own = dict(meta["argmap"]) if isinstance(meta.get("argmap"), dict) else {}
    if value is None:
        own.pop(key, None)
    else:
        own[key] = value
    if own:
        meta["argmap"] = own
    else:
        meta.pop("argmap", None)
    if meta or "metadata" in rest:
        rest["metadata"] = meta


def _argmap_meta(n: Claim | Evidence, rest: dict[str, Any]) -> None:
    """Put what SADFace has no field for (evidence type, implicit) in the ``argmap`` block."""
    _set_own(rest, "evidence_type",
             n.evidence_type.value if isinstance(n, Evidence) else None)
    _set_own(rest, "implicit", True if n.implicit else None)
    _set_own(rest, "timestamp", n.timestamp)


def _sources(n: Claim | Evidence, rest: dict[str, Any],
             resource: tuple[str, str] | None) -> None:
    existing = rest.get("sources")
    if not isinstance(existing, list):
        if n.spans:
            raise WriteError(f"node {n.id!r}: its 'sources' field is not a list")
        return
    if tuple(_spans(rest | {"text": n.text}, resource)) == n.spans:
        return  # the kept sources still say what the spans say
    rid = resource[0] if resource else "source"
    rest["sources"] = [s for s in existing if not (
        isinstance(s, dict) and s.get("resource_id") == rid)] + [
        {"resource_id": rid, "text": s.text, "offset": s.start, "length": s.end - s.start}
        for s in n.spans]


def _render_node(n: Node, resource: tuple[str, str] | None) -> dict[str, Any]:
    rest = _mapping(n.extra.get(K_NODE))
    if isinstance(n, (Claim, Evidence)):
        out: dict[str, Any] = {"id": n.id, "type": "atom", "text": n.text}
        rest.setdefault("sources", [])
        rest.setdefault("metadata", {"core": {}})
        _sources(n, rest, resource)
        _argmap_meta(n, rest)
        out.update(rest)
        return out
    if isinstance(n, (Inference, Conflict, Rephrase, Preference)):
        # An empty label is a label: written as it is, it reads back as itself.
        name = n.label if n.label is not None else n.scheme or _DEFAULT_NAME[type(n)]
        if K_NODE not in n.extra:
            rest = {"type": "scheme", "metadata": {"core": {}}}
        out = {"id": n.id, "name": name}
        rest.setdefault("type", "scheme")
        # SADFace tells scheme kinds by name; when the name would be read as
        # another kind, the kind goes in argmap's own metadata block.
        natural = Conflict if rest["type"] == "conflict" else scheme_class(name)
        _set_own(rest, "kind", None if natural is type(n) else n.kind.value)
        _set_own(rest, "unlabelled", True if n.label is None else None)
        _set_own(rest, "scheme", n.scheme)
        _set_own(rest, "scheme_id", n.scheme_id)
        _set_own(rest, "timestamp", n.timestamp)
        out.update(rest)
        return out
    if isinstance(n, UnknownNode):
        out = {"id": n.id}
        out.update(rest or {"type": n.type, "text": n.text})
        return out
    raise AssertionError(n)  # dialogue nodes are left out before rendering


def write_sadface(m: ArgumentMap) -> dict[str, Any]:
    """The SADFace document for ``m``, as a JSON-ready dict."""
    document = _mapping(m.extra.get(K_DOCUMENT))
    if not document:
        document = {"metadata": {"core": {"version": "0.5"}}, "resources": []}
    resource = _text_resource(document.get("resources"))
    if m.source is not None and (resource is None or resource[1] != m.source.text):
        resources = [r for r in document.get("resources", [])
                     if not (resource and isinstance(r, dict) and r.get("id") == resource[0])] \
            if isinstance(document.get("resources"), list) else []
        rid = resource[0] if resource else "source"
        resources.append({"id": rid, "type": "text", "content": m.source.text,
                          "metadata": {"core": {}}})
        document["resources"] = resources
        resource = (rid, m.source.text)
    losses: collections.Counter[str] = collections.Counter()
    nodes = []
    for n in m.nodes.values():
        if isinstance(n, _DIALOGUE):
            losses[f"{n.kind.value}-nodes"] += 1
            continue
        if isinstance(n, UnknownNode) and n.timestamp is not None:
            losses["timestamps of unknown nodes"] += 1
        if foreign_extra(n.extra, "sadface:"):
            losses["extra data of other formats on nodes"] += 1
        nodes.append(_render_node(n, resource))
    if m.participants:
        losses["participants"] += len(m.participants)
    if foreign_extra(m.extra, "sadface:"):
        losses["extra data of other formats on the map"] += 1
    if m.source is not None and attrs.evolve(m.source, text="") != Source(text=""):
        losses["source metadata"] += 1
    edges = []
    for e in m.edges.values():
        if isinstance(m.nodes[e.from_id], _DIALOGUE) or isinstance(m.nodes[e.to_id], _DIALOGUE):
            losses["edges of dialogue nodes"] += 1
            continue
        if foreign_extra(e.extra, "sadface:"):
            losses["extra data of other formats on edges"] += 1
        rec = {"id": e.id, "source_id": e.from_id, "target_id": e.to_id}
        rec.update(_mapping(e.extra.get(K_EDGE)))
        edges.append(rec)
    kept = m.extra.get(K_KEPT)
    if isinstance(kept, FrozenJSONDict):
        for key, out in (("nodes", nodes), ("edges", edges)):
            entries = kept.get(key)
            for entry in sorted((thaw_json(x) for x in entries), key=lambda x: x[0]) \
                    if isinstance(entries, tuple) else ():
                out.insert(min(entry[0], len(out)), entry[1])
    document["nodes"] = nodes
    document["edges"] = edges
    if losses:
        parts = ", ".join(f"{what} ({k})" for what, k in sorted(losses.items()))
        warnings.warn(f"sadface cannot carry everything in this map; left out: {parts}",
                      ArgmapWarning, stacklevel=4)
    return document


def _dump(m: ArgumentMap) -> bytes:
    # Indented with sorted keys, as the SADFace library saves its documents.
    return json.dumps(write_sadface(m), indent=4, sort_keys=True,
                      ensure_ascii=False).encode("utf-8") + b"\n"


def _sniff(data: bytes) -> bool:
    return sadface_like(data)


def problems(m: ArgumentMap) -> list[Problem]:
    """Records a SADFace map kept outside its graph, and atom sources that gave no span."""
    out = _unplaced_sources(m)
    kept = m.extra.get(K_KEPT)
    if not isinstance(kept, FrozenJSONDict):
        return out
    for collection in ("nodes", "edges"):
        entries = kept.get(collection)
        for entry in entries if isinstance(entries, tuple) else ():
            if not (isinstance(entry, tuple) and len(entry) == 2):
                continue
            index, raw = entry
            where = f"{collection}[{index}]"
            if not isinstance(raw, FrozenJSONDict):
                out.append(Problem("malformed-record", f"{where} is not an object; kept"))
                continue
            rid = as_id(raw.get("id"))
            if collection == "nodes":
                out.append(Problem("duplicate-id", f"{where} repeats id {rid!r}; kept") if rid
                           else Problem("malformed-record", f"{where} has no usable id; kept"))
                continue
            ends = [as_id(raw.get(k)) for k in ("source_id", "target_id")]
            if rid is None or None in ends:
                out.append(Problem("malformed-record",
                                   f"{where} lacks its id, source_id or target_id; kept"))
            elif any(end not in m.nodes for end in ends):
                missing = [end for end in ends if end not in m.nodes]
                out.append(Problem("dangling-reference",
                                   f"{where} ({rid!r}) joins node {missing[0]!r}, which is not "
                                   "in the map; kept"))
            elif rid in m.edges:
                out.append(Problem("duplicate-id", f"{where} repeats edge id {rid!r}; kept"))
            else:
                out.append(Problem("repeated-record",
                                   f"{where} ({rid!r}) repeats or loops an edge of the map; "
                                   "kept"))
    return out


def _unplaced_sources(m: ArgumentMap) -> list[Problem]:
    """Sources on the text resource whose offset does not hold their text (no span made)."""
    document = m.extra.get(K_DOCUMENT)
    resource = _text_resource(thaw_json(document.get("resources"))) \
        if isinstance(document, FrozenJSONDict) else None
    if resource is None:
        return []
    rid, content = resource
    out: list[Problem] = []
    for node in m.nodes.values():
        record = node.extra.get(K_NODE)
        sources = record.get("sources") if isinstance(record, FrozenJSONDict) else None
        for src in sources if isinstance(sources, tuple) else ():
            if not isinstance(src, FrozenJSONDict) or as_id(src.get("resource_id")) != rid:
                continue
            offset, text = src.get("offset"), src.get("text")
            if type(offset) is int and isinstance(text, str) and offset >= 0 and \
                    content[offset:offset + len(text)] == text:
                continue
            found = (repr(content[offset:offset + len(text)][:60])
                     if type(offset) is int and offset >= 0 and isinstance(text, str)
                     else "nothing usable")
            out.append(Problem(
                "anchor-mismatch",
                f"node {node.id!r}: its source on resource {rid!r} at offset {offset!r} says "
                f"{str(text)[:60]!r}, but the resource holds {found} there; no span made "
                "(the source is kept)", nodes=(node.id,)))
    return out


FORMAT = Format(
    **described("sadface"),
    load=_load,
    dump=_dump,
    sniff=_sniff,
)
