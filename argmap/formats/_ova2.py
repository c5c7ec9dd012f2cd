"""OVA2 ("OVA+") JSON, read only: the format of the previous OVA annotator.

Shape: ``{"nodes": [{"id", "x", "y", "text", "type", "scheme", "participantID",
...}], "edges": [{"from": <node>, "to": <node>, "visible"}], "participants":
[{"id", "firstname", "surname"}], "analysis": {"txt": <HTML>, ...}}``; edges
embed whole node objects, of which only ``id`` matters.

Mapping: node types as in AIFdb JSON (I, L, RA, CA, MA, PA, YA, TA; others are
kept as unknown nodes); a scheme node's ``text`` is its ``label`` and a
``scheme`` other than ``"0"`` its ``scheme_id``; an L-node's
``participantID`` naming a participant is its ``speaker``; ``analysis.txt``
is the source text, with ``<span class="highlighted" id="node<ID>">`` giving
node spans.  Edges get ids ``e1``, ``e2``, ... in order.

Extra keys: ``ova2:node`` / ``ova2:edge`` / ``ova2:participant`` hold every
other field of the record (layout, colours, descriptors, ReCAP's
``text_begin``/``text_end``); ``ova2:analysis`` the ``analysis`` object;
``ova2:other`` other top-level keys; ``ova2:kept`` ``[index, record]`` pairs
of node records without a usable or with a repeated ``id``; ``ova2:kept-edges``
the same for edge records without both ends, joining a node the file lacks, or
repeating an edge.  Nothing is dropped without a problem record.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

import attrs

from argmap._errors import ArgmapError, ParseError
from argmap._map import ArgumentMap
from argmap._nodes import (
    Claim,
    Edge,
    Locution,
    Node,
    Participant,
    UnknownNode,
)
from argmap._problem import Problem
from argmap._text import Source
from argmap.formats._aifdb_read import decode_object
from argmap.formats._aifdb_records import SCHEME_CLASSES
from argmap.formats._format import Format
from argmap.formats._html import html_to_text
from argmap.formats._records import as_id, check_json
from argmap.formats._registry import described
from argmap.formats._sadface import looks_like_sadface
from argmap.formats._sniff import json_shape, sadface_like
from argmap.formats._xaif import highlight_spans

__all__ = ["FORMAT", "problems"]


def _rest(raw: Mapping[str, Any], used: tuple[str, ...]) -> dict[str, Any]:
    rest = {k: v for k, v in raw.items() if k not in used}
    check_json(rest, "record")
    return rest


def _node(nid: str, raw: Mapping[str, Any], participants: Mapping[str, Participant]) -> Node:
    typ, text = raw.get("type"), raw.get("text")
    text_s = text if isinstance(text, str) else ""
    if typ == "I":
        return Claim(id=nid, text=text_s, extra={"ova2:node": _rest(raw, ("id", "type", "text"))})
    if typ == "L":
        speaker = as_id(raw.get("participantID"))
        used: tuple[str, ...] = ("id", "type", "text")
        if speaker in participants:
            used += ("participantID",)
        else:
            speaker = None
        return Locution(id=nid, text=text_s, speaker=speaker,
                        extra={"ova2:node": _rest(raw, used)})
    cls = SCHEME_CLASSES.get(typ) if isinstance(typ, str) else None
    if cls is None:
        return UnknownNode(id=nid, type=typ if isinstance(typ, str) else "",
                           text=text if isinstance(text, str) else None,
                           extra={"ova2:node": _rest(raw, ("id", "text"))})
    scheme = as_id(raw.get("scheme"))
    used = ("id", "type", "text")
    if scheme is not None:
        used += ("scheme",)
        if scheme == "0":
            scheme = None
    return cls(id=nid, label=text if isinstance(text, str) else None,  # type: ignore[no-any-return]
               scheme_id=scheme, extra={"ova2:node": _rest(raw, used)})


def _end(value: Any) -> str | None:
    return as_id(value.get("id")) if isinstance(value, Mapping) else as_id(value)


def _load(data: bytes, *, name: str, path: Path | None) -> ArgumentMap:
    doc = decode_object(data, name)
    nodes = doc.get("nodes")
    if not isinstance(nodes, list):
        raise ParseError("not OVA2 JSON: no 'nodes' array at the top level", source=name)
    if looks_like_sadface(doc):
        raise ParseError("not OVA2 JSON: this is SADFace (atoms and schemes joined by "
                         "source_id/target_id edges); read it as format 'sadface'", source=name)
    extra: dict[str, Any] = {}
    source: Source | None = None
    highlights: list[tuple[str, int, int]] = []
    analysis = doc.get("analysis")
    try:
        check_json({k: v for k, v in doc.items() if k not in ("nodes", "edges",
                                                               "participants")}, "document")
        if isinstance(analysis, Mapping):
            extra["ova2:analysis"] = analysis
            if isinstance(analysis.get("txt"), str) and analysis["txt"]:
                plain, highlights = html_to_text(analysis["txt"])
                source = Source(text=plain)
        other = {k: v for k, v in doc.items()
                 if k not in ("nodes", "edges", "participants", "analysis")}
        if other:
            extra["ova2:other"] = other
    except ValueError as exc:
        raise ParseError(str(exc), source=name) from None
    m = ArgumentMap(source=source)
    parts = doc.get("participants")
    for index, raw in enumerate(parts if isinstance(parts, list) else ()):
        pid = as_id(raw.get("id")) if isinstance(raw, Mapping) else None
        if pid is None or pid in m.participants:
            continue
        names = [v for v in (raw.get("firstname"), raw.get("surname")) if isinstance(v, str) and v]
        try:
            m.add_participant(Participant(id=pid, name=" ".join(names), extra={
                "ova2:participant": _rest(raw, ("id",))}))
        except (ArgmapError, ValueError) as exc:
            raise ParseError(f"participants[{index}]: {exc}", source=name, node=pid) from None
    kept: list[list[Any]] = []
    for index, raw in enumerate(nodes):
        nid = as_id(raw.get("id")) if isinstance(raw, Mapping) else None
        if nid is None or nid in m.nodes:
            try:
                check_json(raw, "record")
            except ValueError as exc:
                raise ParseError(f"nodes[{index}]: {exc}", source=name) from None
            kept.append([index, raw])
            continue
        try:
            m.add_node(_node(nid, raw, m.participants))
        except (ArgmapError, ValueError) as exc:
            raise ParseError(str(exc), source=name, node=nid) from None
    if kept:
        extra["ova2:kept"] = kept
    edges = doc.get("edges")
    kept_edges: list[list[Any]] = []
    for index, raw in enumerate(edges if isinstance(edges, list) else ()):
        src, dst = (_end(raw.get("from")), _end(raw.get("to"))) if isinstance(
            raw, Mapping) else (None, None)
        if src is None or dst is None or src not in m.nodes or dst not in m.nodes or (
                src == dst or m._joined(src, dst)):
            try:
                check_json(raw, "record")
            except ValueError as exc:
                raise ParseError(f"edges[{index}]: {exc}", source=name) from None
            kept_edges.append([index, raw])
            continue
        try:
            m.add_edge(Edge(id=f"e{index + 1}", from_id=src, to_id=dst,
                            extra={"ova2:edge": _rest(raw, ("from", "to"))}))
        except (ArgmapError, ValueError) as exc:
            raise ParseError(f"edges[{index}]: {exc}", source=name) from None
    if kept_edges:
        extra["ova2:kept-edges"] = kept_edges
    if source is not None:
        for nid, spans in highlight_spans(source.text, highlights, m.nodes).items():
            node = m.nodes[nid]
            assert isinstance(node, (Claim, Locution))
            m.replace_node(attrs.evolve(node, spans=spans))
    m.set_extra(extra)
    return m


def _sniff(data: bytes) -> bool:
    shape = json_shape(data)
    if shape is None or "AIF" in shape.keys or sadface_like(data):
        return False
    if "analysis" in shape.keys and "nodes" in shape.keys:
        return True
    return shape.first_node is not None and "id" in shape.first_node and (
        "nodeID" not in shape.first_node)


def problems(m: ArgumentMap) -> list[Problem]:
    """Node records an OVA2 map kept outside its graph."""
    kept = m.extra.get("ova2:kept")
    out = []
    for entry in kept if isinstance(kept, tuple) else ():
        if isinstance(entry, tuple) and len(entry) == 2:
            raw = entry[1]
            rid = as_id(raw.get("id")) if isinstance(raw, Mapping) else None
            message = (f"nodes[{entry[0]}] repeats id {rid!r}; kept outside the graph"
                       if rid is not None else
                       f"nodes[{entry[0]}] has no usable id; kept outside the graph")
            out.append(Problem("duplicate-id" if rid else "malformed-record", message))
    kept_edges = m.extra.get("ova2:kept-edges")
    for entry in kept_edges if isinstance(kept_edges, tuple) else ():
        if not (isinstance(entry, tuple) and len(entry) == 2):
            continue
        raw = entry[1]
        ends = [_end(raw.get(k)) for k in ("from", "to")] if isinstance(raw, Mapping) else []
        if None in ends or not ends:
            out.append(Problem("malformed-record", f"edges[{entry[0]}] has no usable 'from' "
                               "and 'to' node; kept outside the graph"))
        elif any(end not in m.nodes for end in ends):
            missing = next(end for end in ends if end not in m.nodes)
            out.append(Problem("dangling-reference", f"edges[{entry[0]}] joins node "
                               f"{missing!r}, which is not in the map; kept outside the graph"))
        else:
            out.append(Problem("repeated-record", f"edges[{entry[0]}] repeats or loops an edge "
                               "of the map; kept outside the graph"))
    return out


FORMAT = Format(
    **described("ova2"),
    load=_load,
    sniff=_sniff,
)
