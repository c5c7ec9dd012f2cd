"""Carneades argument graphs: LKIF 2 and CAF 1.3, read only.

LKIF (``<lkif><argument-graphs><argument-graph>``) and CAF (``<caf>``, the
Carneades Argument Format) hold *statements* and *arguments*; an argument has
one conclusion, a direction (pro or con) and premises, each positive or
negative, and -- in LKIF -- ordinary, an assumption or an exception.

Mapping (the one Carneades' own AIF export uses)
------------------------------------------------
* each statement becomes a :class:`~argmap.Claim` with the statement's id
  (LKIF text: the ``<s>`` element; CAF: the English description, else the
  first one, without surrounding blanks);
* each argument becomes an :class:`~argmap.Inference` with the argument's id
  and its ``scheme`` (verbatim; none when empty), joined to its premises and
  conclusion by edges ``<id>/premise<N>`` and ``<id>/conclusion``;
* a *con* argument concludes the *complement* of its conclusion: an implicit
  claim ``<statement>#not`` ("It is not the case that: ...") that attacks the
  statement through a conflict ``<statement>#not-conflict``; a *negative*
  premise is the complement of its statement, made the same way;
* an *exception* premise attacks the argument instead of supporting it: a
  conflict ``<argument>#exception<N>`` from the premise to the inference (an
  undercut);
* a CAF statement whose atom is ``(undercut <argument>)`` attacks that
  argument through a conflict ``<statement>#undercut``.

Extra keys (``lkif:`` or ``caf:`` by format)
--------------------------------------------
``statement`` (claim)
    the statement's attributes other than ``id`` (``value``, ``assumption``,
    ``standard``, ``weight``, ``main``, ``atom``, ...); CAF also
    ``descriptions`` (``{lang: text}`` as written) and ``metadata``;
``argument`` (inference)
    the argument's attributes other than ``id`` and ``scheme``, and for CAF its
    ``metadata``;
``premise`` (edge, conflict)
    the premise's attributes (``polarity``/``positive``, ``type``, ``role``,
    ``implicit``);
``complement-of`` (claim, conflict)
    the statement a complement negates;
``graphs`` (map, LKIF)
    the attributes of each ``argument-graph``;
``id`` (claim, inference, LKIF)
    the id as written, when a later argument graph reuses an id of an earlier
    one: each graph is its own id space, so the node gets the id
    ``<graph id>/<id>`` and that graph's references are resolved to it;
``kept`` (map, LKIF)
    ``[graph index, element]`` for a statement or argument repeating an id
    within its own graph, reported as ``duplicate-id``;
``metadata``, ``references`` (map, CAF)
    the document's metadata and references;
``other`` (map)
    any other top-level element, as ``{"tag", "attributes", "text", "children"}``.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from lxml import etree

from argmap._errors import ArgmapError, ParseError
from argmap._extra import FrozenJSONDict
from argmap._map import ArgumentMap
from argmap._nodes import Claim, Conflict, Edge, Inference
from argmap._problem import Problem
from argmap.formats._dtdsubset import check_doctype
from argmap.formats._format import Format
from argmap.formats._registry import described
from argmap.formats._sniff import xml_root
from argmap.formats._xmlsafe import parse_xml

__all__ = ["CAF_FORMAT", "LKIF_FORMAT", "problems", "read_caf", "read_lkif"]

_UNDERCUT = re.compile(r"\A\(\s*undercut\s+(\S+?)\s*\)\Z")


def element_json(el: etree._Element) -> dict[str, Any]:
    """An element as JSON: ``{"tag", "attributes", "text", "children"}`` (tails dropped)."""
    return {
        "tag": el.tag if isinstance(el.tag, str) else "",
        "attributes": dict(el.attrib),
        "text": el.text,
        "children": [element_json(c) for c in el if isinstance(c.tag, str)],
    }


class _Builder:
    def __init__(self, ns: str, name: str) -> None:
        self.ns = ns
        self.name = name
        self.m = ArgumentMap()
        self.complements: dict[str, str] = {}

    def complement(self, statement: str) -> str:
        """The implicit claim negating ``statement`` (made once), which attacks it."""
        if statement in self.complements:
            return self.complements[statement]
        m = self.m
        node = m.nodes.get(statement)
        shown = node.text if isinstance(node, Claim) else statement
        nid = f"{statement}#not"
        mark = {self.ns + "complement-of": statement}
        m.add_node(Claim(id=nid, text=f"It is not the case that: {shown}", implicit=True,
                         extra=mark))
        ca = m.add_node(Conflict(id=f"{statement}#not-conflict", extra=mark))
        m.add_edge(Edge(id=f"{ca.id}/in", from_id=nid, to_id=ca.id))
        m.add_edge(Edge(id=f"{ca.id}/out", from_id=ca.id, to_id=statement))
        self.complements[statement] = nid
        return nid

    def argument(
        self,
        aid: str,
        *,
        pro: bool,
        conclusion: str | None,
        premises: list[tuple[str, bool, bool, dict[str, str]]],
        scheme: str | None,
        extra: dict[str, Any],
    ) -> None:
        """Add one argument; premises are ``(statement, positive, exception, attributes)``."""
        m = self.m
        m.add_node(Inference(id=aid, scheme=scheme or None, extra={self.ns + "argument": extra}))
        if conclusion is not None:
            target = conclusion if pro else self.complement(conclusion)
            m.add_edge(Edge(id=f"{aid}/conclusion", from_id=aid, to_id=target))
        exceptions = 0
        for index, (statement, positive, exception, attributes) in enumerate(premises, 1):
            src = statement if positive else self.complement(statement)
            mark = {self.ns + "premise": attributes}
            if exception:
                exceptions += 1
                ca = m.add_node(Conflict(id=f"{aid}#exception{exceptions}", extra=mark))
                m.add_edge(Edge(id=f"{ca.id}/in", from_id=src, to_id=ca.id))
                m.add_edge(Edge(id=f"{ca.id}/out", from_id=ca.id, to_id=aid))
            else:
                m.add_edge(Edge(id=f"{aid}/premise{index}", from_id=src, to_id=aid, extra=mark))


def _fail(name: str, el: etree._Element, exc: Exception, node: str | None = None) -> ParseError:
    return ParseError(str(exc), source=name, line=el.sourceline, node=node)


# ----------------------------------------------------------------------- LKIF
def read_lkif(data: bytes, name: str = "<bytes>") -> ArgumentMap:
    """Read an LKIF 2 document's argument graphs into one map."""
    root = parse_xml(check_doctype(data, name), name, allow_doctype=True)
    if root.tag != "lkif":
        raise ParseError(f"not an LKIF document: the root element is <{root.tag!s}>",
                         source=name, line=root.sourceline)
    b = _Builder("lkif:", name)
    m = b.m
    graphs: list[dict[str, str]] = []
    other: list[dict[str, Any]] = []
    kept: list[list[Any]] = []
    # Each argument graph is its own id space: a later graph may reuse an id.
    arguments: list[tuple[etree._Element, dict[str, str], str]] = []
    for section in root:
        if not isinstance(section.tag, str):
            continue
        if section.tag != "argument-graphs":
            other.append(element_json(section))
            continue
        for gindex, graph in enumerate(section.iter("argument-graph")):
            graphs.append(dict(graph.attrib))
            local: dict[str, str] = {}
            scope = graph.get("id") or f"graph{gindex + 1}"
            for st in graph.iter("statement"):
                sid = st.get("id", "")
                if sid in local:
                    kept.append([gindex, element_json(st)])
                    continue
                nid = _scoped(m, sid, scope)
                local[sid] = nid
                s_el = st.find("s")
                text = "".join(s_el.itertext()) if s_el is not None else ""
                attributes = {k: v for k, v in st.attrib.items() if k != "id"}
                mark: dict[str, Any] = {"lkif:statement": attributes}
                if nid != sid:
                    mark["lkif:id"] = sid
                try:
                    m.add_node(Claim(id=nid, text=text, extra=mark))
                except (ArgmapError, ValueError) as exc:
                    raise _fail(name, st, exc, sid) from None
            seen_args: set[str] = set()
            for arg in graph.iter("argument"):
                aid = arg.get("id", "")
                if aid in seen_args or aid in local:
                    kept.append([gindex, element_json(arg)])
                    continue
                seen_args.add(aid)
                arguments.append((arg, local, scope))
    for arg, local, scope in arguments:
        aid = arg.get("id", "")
        nid = _scoped(m, aid, scope)
        concl = arg.find("conclusion")
        premises = [
            (local.get(p.get("statement", ""), p.get("statement", "")),
             p.get("polarity", "positive") != "negative",
             p.get("type") == "exception", dict(p.attrib))
            for p in arg.iter("premise")
        ]
        attributes = {k: v for k, v in arg.attrib.items() if k not in ("scheme",)
                      and (k != "id" or nid != aid)}
        conclusion = concl.get("statement") if concl is not None else None
        try:
            b.argument(nid, pro=arg.get("direction", "pro") != "con",
                       conclusion=local.get(conclusion, conclusion) if conclusion else conclusion,
                       premises=premises, scheme=arg.get("scheme"), extra=attributes)
        except (ArgmapError, ValueError) as exc:
            raise _fail(name, arg, exc, aid) from None
    extra: dict[str, Any] = {"lkif:graphs": graphs}
    if root.attrib:
        extra["lkif:attributes"] = dict(root.attrib)
    if other:
        extra["lkif:other"] = other
    if kept:
        extra["lkif:kept"] = kept
    m.set_extra(extra)
    return m


def _scoped(m: ArgumentMap, rid: str, scope: str) -> str:
    """``rid`` if the map has no such node yet, else ``<scope>/<rid>`` (made unique)."""
    if rid not in m.nodes:
        return rid
    base = f"{scope}/{rid}"
    nid, n = base, 1
    while nid in m.nodes:
        n += 1
        nid = f"{base}#{n}"
    return nid


def problems(m: ArgumentMap) -> list[Problem]:
    """Statements and arguments an LKIF map kept outside its graph (a repeated id in one graph)."""
    out: list[Problem] = []
    kept = m.extra.get("lkif:kept")
    for entry in kept if isinstance(kept, tuple) else ():
        if not (isinstance(entry, tuple) and len(entry) == 2):
            continue
        graph, record = entry
        if not (isinstance(graph, int) and isinstance(record, FrozenJSONDict)):
            continue
        attributes = record.get("attributes")
        rid = attributes.get("id") if isinstance(attributes, FrozenJSONDict) else None
        out.append(Problem(
            "duplicate-id",
            f"argument graph {graph + 1}: <{record.get('tag')}> repeats id {rid!r} within "
            "the graph; kept outside the map"))
    return out


# ------------------------------------------------------------------------ CAF
def _descriptions(el: etree._Element | None) -> dict[str, str]:
    if el is None:
        return {}
    return {d.get("lang", ""): d.text or "" for d in el.iter("description")}


def _metadata(el: etree._Element | None) -> dict[str, Any] | None:
    if el is None:
        return None
    return {"attributes": dict(el.attrib), "descriptions": _descriptions(el)}


def read_caf(data: bytes, name: str = "<bytes>") -> ArgumentMap:
    """Read a Carneades Argument Format (CAF) document."""
    root = parse_xml(check_doctype(data, name), name, allow_doctype=True)
    if root.tag != "caf":
        raise ParseError(f"not a CAF document: the root element is <{root.tag!s}>",
                         source=name, line=root.sourceline)
    b = _Builder("caf:", name)
    m = b.m
    extra: dict[str, Any] = {}
    if root.attrib:
        extra["caf:attributes"] = dict(root.attrib)
    undercuts: list[tuple[str, str, etree._Element]] = []
    other: list[dict[str, Any]] = []
    for section in root:
        tag = section.tag
        if tag == "metadata":
            extra["caf:metadata"] = _metadata(section)
        elif tag == "references":
            extra["caf:references"] = [_metadata(r) for r in section if r.tag == "metadata"]
        elif tag == "statements":
            for st in section.iter("statement"):
                sid = st.get("id", "")
                descriptions = _descriptions(st.find("descriptions"))
                text = descriptions.get("en", next(iter(descriptions.values()), "")).strip()
                info: dict[str, Any] = {k: v for k, v in st.attrib.items() if k != "id"}
                info["descriptions"] = descriptions
                metadata = _metadata(st.find("metadata"))
                if metadata is not None:
                    info["metadata"] = metadata
                match = _UNDERCUT.match(st.get("atom", ""))
                if match:
                    undercuts.append((sid, match.group(1), st))
                try:
                    m.add_node(Claim(id=sid, text=text, extra={"caf:statement": info}))
                except (ArgmapError, ValueError) as exc:
                    raise _fail(name, st, exc, sid) from None
        elif tag == "arguments":
            for arg in section.iter("argument"):
                aid = arg.get("id", "")
                concl = arg.find("conclusion")
                premises = [
                    (p.get("statement", ""), p.get("positive", "true") != "false", False,
                     dict(p.attrib))
                    for p in arg.iter("premise")
                ]
                info = {k: v for k, v in arg.attrib.items() if k not in ("id", "scheme")}
                metadata = _metadata(arg.find("metadata"))
                if metadata is not None:
                    info["metadata"] = metadata
                try:
                    b.argument(aid, pro=arg.get("pro", "true") != "false",
                               conclusion=concl.get("statement") if concl is not None else None,
                               premises=premises, scheme=arg.get("scheme"), extra=info)
                except (ArgmapError, ValueError) as exc:
                    raise _fail(name, arg, exc, aid) from None
        elif isinstance(tag, str):
            other.append(element_json(section))
    for sid, target, el in undercuts:
        try:
            ca = m.add_node(Conflict(id=f"{sid}#undercut"))
            m.add_edge(Edge(id=f"{ca.id}/in", from_id=sid, to_id=ca.id))
            m.add_edge(Edge(id=f"{ca.id}/out", from_id=ca.id, to_id=target))
        except (ArgmapError, ValueError) as exc:
            raise _fail(name, el, exc, sid) from None
    if other:
        extra["caf:other"] = other
    m.set_extra(extra)
    return m


def _load_lkif(data: bytes, *, name: str, path: Path | None) -> ArgumentMap:
    return read_lkif(data, name)


def _load_caf(data: bytes, *, name: str, path: Path | None) -> ArgumentMap:
    return read_caf(data, name)


LKIF_FORMAT = Format(
    **described("lkif"),
    load=_load_lkif,
    sniff=lambda data: xml_root(data) == "lkif",
)

CAF_FORMAT = Format(
    **described("caf"),
    load=_load_caf,
    sniff=lambda data: xml_root(data) == "caf",
)
