"""The argumentative microtext corpus's ``arggraph`` XML (Peldszus & Stede), read only.

An ``arggraph`` has elementary discourse units (``edu``, the text segments),
argumentative discourse units (``adu``, proponent ``pro`` or opponent
``opp``), optional ``joint`` s of adjacent EDUs and ``edge`` s: ``seg``
(EDU or joint to ADU, or EDU to joint), ``sup`` (support), ``exa`` (support
by example), ``reb`` (rebuttal), ``und`` (undercut: an ADU attacks an edge)
and ``add`` (an extra premise joining an existing edge).

Mapping
-------
* each ADU becomes a :class:`~argmap.Claim` with the ADU's id; its text is
  the text of its EDUs (joined by a space) and it has one span per EDU;
* ``sup``, ``exa`` and ``reb`` edges become an :class:`~argmap.Inference`
  (support) or :class:`~argmap.Conflict` (rebuttal) node with the edge's id,
  joined to the two ADUs by AIF edges ``<id>/in`` and ``<id>/out``;
* ``und`` becomes a conflict whose target is the node of the edge it attacks
  (an undercut of an inference, or an attack on a conflict);
* ``add`` becomes an AIF edge with the ``add`` edge's id, from the ADU into
  the node of the edge it joins (a linked premise);
* a linked objection -- ``add`` joining a ``reb`` or ``und`` edge -- cannot
  be a conflict with several attackers (an AIF conflict has exactly one), so
  the attacking ADUs support, through an inference ``<edge>/link``, an
  implicit claim ``<edge>/joint`` (their conjunction: their texts joined),
  which is the conflict's one attacker; the ADUs' edges keep their ids;
* an EDU marked ``implicit="true"`` (part 2 of the corpus: a premise or
  claim the annotators reconstructed) is not looked up in the text; an ADU
  made only of implicit EDUs is an implicit claim, with no span.

The source text is the ``.txt`` file beside the XML (same name), read when the
map is read from a file; each EDU is looked up in it, in document order.  Read
from bytes, the map has no source and no spans.

Extra keys
----------
``microtext:graph`` (map)
    the ``arggraph`` element's attributes (``id``, ``topic_id``, ``stance``);
``microtext:text-file`` (map)
    the name of the text file the source was read from;
``microtext:unused`` (map)
    EDUs no ADU uses, and edges of unknown types, as read;
``microtext:adu`` (claim)
    ``{"type": "pro"|"opp", "edus": [...], "segments": [[edge, from, to], ...]}``,
    plus ``"unanchored": [...]`` for EDUs not found in the text and
    ``"implicit": [...]`` for implicit EDUs;
``microtext:linked`` (claim, inference)
    the conflict whose linked objection the node stands for;
``microtext:edge`` (inference, conflict)
    the edge's type (``sup``, ``exa``, ``reb``, ``und``).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from lxml import etree

from argmap._errors import ArgmapError, ParseError
from argmap._extra import FrozenJSONDict
from argmap._map import ArgumentMap
from argmap._nodes import Claim, Conflict, Edge, Inference
from argmap._problem import Problem
from argmap._text import Source, Span
from argmap.formats._dtdsubset import check_doctype
from argmap.formats._format import Format
from argmap.formats._registry import described
from argmap.formats._sniff import xml_root
from argmap.formats._xmlsafe import parse_xml, read_input

__all__ = ["FORMAT", "problems", "read_arggraph"]

_SUPPORT = ("sup", "exa")
_ATTACK = ("reb", "und")


def _text_beside(path: Path | None, name: str) -> tuple[str | None, str | None]:
    if path is None:
        return None, None
    txt = path.with_suffix(".txt")
    if not txt.is_file():
        return None, None
    data = read_input(txt)
    try:
        return data.decode("utf-8-sig"), txt.name
    except UnicodeDecodeError as exc:
        raise ParseError(f"the text file {txt.name!r} is not UTF-8 (byte {exc.start})",
                         source=name) from None


def read_arggraph(data: bytes, name: str = "<bytes>", text: str | None = None) -> ArgumentMap:
    """Read an ``arggraph`` document; ``text`` is the microtext's plain text, if known."""
    root = parse_xml(check_doctype(data, name), name, allow_doctype=True)
    if root.tag != "arggraph":
        raise ParseError(f"not a microtext arggraph: the root element is <{root.tag!s}>",
                         source=name, line=root.sourceline)
    try:
        source = Source(text=text) if text is not None else None
    except ValueError as exc:
        raise ParseError(f"the text file: {exc}", source=name) from None
    edus: dict[str, str] = {}
    implicit: set[str] = set()
    adus: dict[str, str] = {}
    joints: set[str] = set()
    edges: list[etree._Element] = []
    for el in root:
        tag = el.tag
        eid = el.get("id", "")
        if tag == "edu":
            edus[eid] = el.text or ""
            if el.get("implicit") == "true":
                implicit.add(eid)
        elif tag == "adu":
            adus[eid] = el.get("type", "")
        elif tag == "joint":
            joints.add(eid)
        elif tag == "edge":
            edges.append(el)
    spans = _locate({e: t for e, t in edus.items() if e not in implicit}, source)
    # Segmentation: which EDUs make up each ADU (directly or through a joint).
    seg_into: dict[str, list[etree._Element]] = {}
    for el in edges:
        if el.get("type") == "seg":
            seg_into.setdefault(el.get("trg", ""), []).append(el)
    m = ArgumentMap(source=source)
    used_edus: set[str] = set()
    unused: list[dict[str, Any]] = []
    position = {e: i for i, e in enumerate(edus)}
    try:
        for aid, kind in adus.items():
            parts: list[str] = []
            segments: list[list[str]] = []
            pending = [aid]
            seen = {aid}  # every ADU, joint and EDU is reached at most once
            while pending:
                target = pending.pop()
                for seg in seg_into.get(target, ()):
                    src = seg.get("src", "")
                    segments.append([seg.get("id", ""), src, target])
                    if src in joints or src in edus:
                        if src in seen:
                            raise ParseError(
                                f"ADU {aid!r}: segment {src!r} is reached twice (seg edge "
                                f"{seg.get('id', '')!r}): the seg edges form a cycle or reuse it",
                                source=name, line=seg.sourceline)
                        seen.add(src)
                        if src in joints:
                            pending.append(src)
                        else:
                            parts.append(src)
            parts.sort(key=position.__getitem__)
            used_edus.update(parts)
            info: dict[str, Any] = {"type": kind, "edus": parts, "segments": segments}
            missing = [e for e in parts if e not in spans and e not in implicit]
            if missing:
                info["unanchored"] = missing
            unsaid = [e for e in parts if e in implicit]
            if unsaid:
                info["implicit"] = unsaid
            m.add_node(Claim(
                id=aid, text=" ".join(edus[e] for e in parts),
                spans=[spans[e] for e in parts if e in spans],
                implicit=bool(parts) and len(unsaid) == len(parts),
                extra={"microtext:adu": info},
            ))
        relations = [el for el in edges if el.get("type") in (*_SUPPORT, *_ATTACK)]
        for el in relations:
            kind = el.get("type", "")
            cls = Inference if kind in _SUPPORT else Conflict
            m.add_node(cls(id=el.get("id", ""), extra={"microtext:edge": kind}))
        for el in edges:
            eid, src, trg, kind = (el.get(a, "") for a in ("id", "src", "trg", "type"))
            if kind in (*_SUPPORT, *_ATTACK):
                m.add_edge(Edge(id=f"{eid}/in", from_id=src, to_id=eid))
                m.add_edge(Edge(id=f"{eid}/out", from_id=eid, to_id=trg))
            elif kind == "add":
                m.add_edge(Edge(id=eid, from_id=src, to_id=trg))
            elif kind != "seg":
                unused.append({"edge": dict(el.attrib)})
        for node in list(m.nodes.values()):
            if isinstance(node, Conflict) and len(_attacking(m, node)) > 1:
                _link_objection(m, node)
    except ParseError:
        raise
    except (ArgmapError, ValueError) as exc:
        raise ParseError(str(exc), source=name) from None
    unused.extend({"edu": e, "text": edus[e]} for e in edus if e not in used_edus)
    extra: dict[str, Any] = {"microtext:graph": dict(root.attrib)}
    if unused:
        extra["microtext:unused"] = unused
    m.set_extra(extra)
    return m


def _attacking(m: ArgumentMap, ca: Conflict) -> list[Edge]:
    """The edges from ADUs into a conflict (not attacks on it), the ``reb``/``und`` one first."""
    # An edge from an id the file never declared is dangling: validate() reports it.
    return sorted((e for e in m.incoming(ca.id) if isinstance(m.nodes.get(e.from_id), Claim)),
                  key=lambda e: (not e.id.endswith("/in"), e.id))


def _link_objection(m: ArgumentMap, ca: Conflict) -> None:
    """Turn a conflict with ``add`` ed premises into a valid AIF linked objection.

    An AIF conflict has one attacker, so the ADUs that attack together first
    support (through an inference ``<id>/link``) an implicit claim ``<id>/joint``
    -- their conjunction, the text of the ADUs joined -- and that claim
    attacks.  The ADUs' edges keep their ids and now end at the inference.
    """
    incoming = _attacking(m, ca)
    attackers = [m.nodes[e.from_id] for e in incoming]
    joint = f"{ca.id}/joint"
    link = f"{ca.id}/link"
    m.add_node(Claim(id=joint, implicit=True,
                     text=" ".join(a.text for a in attackers if isinstance(a, Claim)),
                     extra={"microtext:linked": ca.id}))
    m.add_node(Inference(id=link, extra={"microtext:linked": ca.id}))
    for e in incoming:
        m.remove_edge(e.id)
        m.add_edge(Edge(id=e.id, from_id=e.from_id, to_id=link))
    m.add_edge(Edge(id=f"{link}/out", from_id=link, to_id=joint))
    m.add_edge(Edge(id=f"{joint}/out", from_id=joint, to_id=ca.id))


def _locate(edus: dict[str, str], source: Source | None) -> dict[str, Span]:
    """Find each EDU in the text, in document order (each after the previous one)."""
    spans: dict[str, Span] = {}
    if source is None:
        return spans
    text = source.text
    pos = 0
    for eid, edu in edus.items():
        if not edu:
            continue
        at = text.find(edu, pos)
        if at < 0:
            at = text.find(edu)
        if at < 0:
            continue
        spans[eid] = Span(at, at + len(edu), edu)
        pos = at + len(edu)
    return spans


def _load(data: bytes, *, name: str, path: Path | None) -> ArgumentMap:
    text, text_name = _text_beside(path, name)
    m = read_arggraph(data, name, text)
    if text_name is not None:
        m.set_extra({**m.extra, "microtext:text-file": text_name})
    return m


def _sniff(data: bytes) -> bool:
    return xml_root(data) == "arggraph"


def problems(m: ArgumentMap) -> list[Problem]:
    """Edges of unknown types a microtext map kept, and EDUs not found in its text."""
    out: list[Problem] = []
    unused = m.extra.get("microtext:unused")
    for entry in unused if isinstance(unused, tuple) else ():
        edge = entry.get("edge") if isinstance(entry, FrozenJSONDict) else None
        if isinstance(edge, FrozenJSONDict):
            out.append(Problem(
                "malformed-record",
                f"edge {edge.get('id')!r} has type {edge.get('type')!r}, which arggraph does not "
                "define; kept outside the graph"))
    if m.source is None:
        return out
    for node in m.nodes.values():
        info = node.extra.get("microtext:adu")
        missing = info.get("unanchored") if isinstance(info, FrozenJSONDict) else None
        if isinstance(missing, tuple) and missing:
            out.append(Problem(
                "anchor-mismatch",
                f"ADU {node.id!r}: segment(s) {', '.join(map(str, missing))} not found in the "
                "text", nodes=(node.id,)))
    return out


FORMAT = Format(
    **described("microtext"),
    load=_load,
    sniff=_sniff,
)
