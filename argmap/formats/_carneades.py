"""Carneades argument graphs: LKIF 2 and CAF 1.3, read only.

LKIF (``<lkif><argument-graphs><argument-graph>``, or in LKIF 2.0 as the
Carneades editor saved it, ``<lkif><argument-graph>``) and CAF (``<caf>``, the
Carneades Argument Format) hold *statements* and *arguments*; an argument has
one conclusion, a direction (pro or con) and premises, each positive or
negative, and -- in LKIF -- ordinary, an assumption or an exception.

Mapping (the one Carneades' own AIF export uses)
------------------------------------------------
* each statement becomes a :class:`~argmap.Claim` with the statement's id
  (LKIF: a ``<statement>`` element, or a formula such as ``<s id>`` written
  directly in ``<statements>`` -- one without an id gets ``<graph>/statement``,
  made unique; its text is the atom's words, connectives spelled out: ``It is
  not the case that: ...``, ``A and B``, ``If A, then B``, ``For all x: ...``,
  a part that is itself a connective in brackets, and a connective with the
  wrong number of parts as ``tag(part; part)``;
  a ``<statement>`` without a formula takes its first description; CAF: the
  English description, else the first one, without surrounding blanks);
* each argument becomes an :class:`~argmap.Inference` with the argument's id
  and its ``scheme`` (verbatim; none when empty), joined to its premises and
  conclusion by edges ``<id>/premise<N>`` and ``<id>/conclusion``;
* a *con* argument concludes the *complement* of its conclusion: an implicit
  claim ``<statement>#not`` ("It is not the case that: ...") that attacks the
  statement through a conflict ``<statement>#not-conflict``; a *negative*
  premise is the complement of its statement, made the same way;
* an *exception* premise (LKIF 2.1 ``type="exception"``, LKIF 2.0
  ``exception="true"``) attacks the argument instead of supporting it: a
  conflict ``<argument>#exception<N>`` from the premise to the inference (an
  undercut);
* an LKIF ``<stronger arg1 arg2>`` becomes a :class:`~argmap.Preference`
  ``stronger<N>`` of the first argument's inference over the second's;
* a CAF statement whose atom is ``(undercut <argument>)`` attacks that
  argument through a conflict ``<statement>#undercut``.

A premise or conclusion naming no statement of its own graph is left
dangling (and reported), never bound to another graph's statement.

Booleans are ``xsd:boolean`` (``true``/``false``/``1``/``0``) and
enumerations (``direction``, ``polarity``, ``type``) take only the values
the schemas list: anything else is a :class:`~argmap.ParseError` naming the
line, never read as the default.

Extra keys (``lkif:`` or ``caf:`` by format)
--------------------------------------------
``statement`` (claim)
    the statement's attributes other than ``id`` (``value``, ``assumption``,
    ``standard``, ``weight``, ``main``, ``atom``, ...); CAF also
    ``descriptions`` (``{lang: text}`` as written) and ``metadata``;
``formula`` (claim, LKIF)
    the statement's formula as read (``{"tag", "attributes", "text",
    "children"}``, each child with the ``"tail"`` of words after it), unless
    it is a plain ``<s>`` of text only: predicates, constants, variables and
    connectives are kept;
``children`` (claim, LKIF)
    the other elements of a ``<statement>`` (descriptions, metadata), as read;
``issue`` (claim, LKIF)
    the attributes of the graph's ``<issue>`` for the statement (``value``,
    ``assumption``, ``standard``);
``stronger`` (preference, LKIF)
    the attributes of the ``<stronger>`` element;
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
``titles`` (map, LKIF)
    ``[graph index, element]`` for each ``<title>`` of a graph (LKIF 2.2);
``id`` (claim, inference, LKIF)
    the id as written (null for a formula written without one), when a later
    argument graph reuses an id of an earlier one: each graph is its own id
    space, so the node gets the id ``<graph id>/<id>`` and that graph's
    references are resolved to it;
``kept`` (map, LKIF)
    ``[graph index, element, problem code]`` for what a graph holds that is
    not read, each reported: a statement or argument repeating an id within
    its own graph (``duplicate-id``), a second issue for one statement
    (``repeated-record``), an issue for no statement of the graph
    (``dangling-reference``), an element that is not part of an argument
    graph (``malformed-record``);
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
from argmap._nodes import Claim, Conflict, Edge, Inference, Preference
from argmap._problem import Problem
from argmap.formats._dtdsubset import check_doctype
from argmap.formats._format import Format
from argmap.formats._registry import described
from argmap.formats._sniff import xml_root
from argmap.formats._xmlsafe import parse_xml

__all__ = ["CAF_FORMAT", "LKIF_FORMAT", "problems", "read_caf", "read_lkif"]

_UNDERCUT = re.compile(r"\A\(\s*undercut\s+(\S+?)\s*\)\Z")


def element_json(el: etree._Element, *, tail: bool = False) -> dict[str, Any]:
    """An element as JSON: ``{"tag", "attributes", "text", "children"}``.

    In mixed content (text beside child elements, as in an LKIF formula
    ``<s><c>Max</c> is obligated</s>``) each child also keeps the text that
    follows it as ``"tail"``, so the words are not lost; elsewhere the blanks
    between elements are layout and are dropped.  Comments and processing
    instructions are dropped, the text around them kept.
    """
    text = el.text
    children: list[dict[str, Any]] = []
    nodes = list(el)
    mixed = bool((text or "").strip()) or any((c.tail or "").strip() for c in nodes)
    for child in nodes:
        if isinstance(child.tag, str):
            children.append(element_json(child, tail=mixed))
        elif child.tail:  # a comment's or instruction's tail continues the text before it
            if children:
                children[-1]["tail"] = (children[-1].get("tail") or "") + child.tail
            else:
                text = (text or "") + child.tail
    out: dict[str, Any] = {
        "tag": el.tag if isinstance(el.tag, str) else "",
        "attributes": dict(el.attrib),
        "text": text,
        "children": children,
    }
    if tail and el.tail:
        out["tail"] = el.tail
    return out


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


    def stronger(self, pid: str, el: etree._Element, local: dict[str, str]) -> None:
        """A ``<stronger arg1 arg2>``: a preference of the first argument over the second."""
        ends = []
        for attribute in ("arg1", "arg2"):
            ref = el.get(attribute, "")
            nid = local.get(ref)
            if nid is None or not isinstance(self.m.nodes.get(nid), Inference):
                raise ParseError(f"<stronger> {attribute}={ref!r} is not an argument of its "
                                 "graph", source=self.name, line=el.sourceline)
            ends.append(nid)
        if ends[0] == ends[1]:
            raise ParseError(f"<stronger> prefers argument {el.get('arg1')!r} to itself",
                             source=self.name, line=el.sourceline)
        pa = self.m.add_node(Preference(id=_fresh(self.m, pid),
                                        extra={self.ns + "stronger": dict(el.attrib)}))
        self.m.add_edge(Edge(id=f"{pa.id}/in", from_id=ends[0], to_id=pa.id))
        self.m.add_edge(Edge(id=f"{pa.id}/out", from_id=pa.id, to_id=ends[1]))


def _fresh(m: ArgumentMap, nid: str) -> str:
    """``nid``, or ``nid#N`` when a node of the map has it already."""
    out, n = nid, 1
    while out in m.nodes:
        n += 1
        out = f"{nid}#{n}"
    return out


def _fail(name: str, el: etree._Element, exc: Exception, node: str | None = None) -> ParseError:
    return ParseError(str(exc), source=name, line=el.sourceline, node=node)


# ----------------------------------------------------------------------- LKIF
# The formulas LKIF allows as a statement of its own (``<statements>`` holding
# them directly, without a ``<statement>`` around each).
_WFF_TAGS = frozenset(("s", "or", "and", "not", "if", "iff", "all", "exists"))
# What an argument graph holds; anything else in it is kept, as read.
_GRAPH_PARTS = frozenset(("statements", "arguments", "issues", "strengths", "title"))
_BOOLEAN = {"true": True, "1": True, "false": False, "0": False}


def _flag(name: str, el: etree._Element, attribute: str, default: bool) -> bool:
    """An ``xsd:boolean`` attribute (``default`` when absent); anything else is an error."""
    value = el.get(attribute)
    if value is None:
        return default
    try:
        return _BOOLEAN[value.strip()]
    except KeyError:
        raise ParseError(f"<{el.tag!s}> {attribute}={value!r} is not true or false",
                         source=name, line=el.sourceline) from None


def _choice(name: str, el: etree._Element, attribute: str, allowed: tuple[str, ...]) -> str:
    """An enumerated attribute (the first choice when absent); anything else is an error."""
    value = el.get(attribute)
    if value is None:
        return allowed[0]
    if value.strip() not in allowed:
        raise ParseError(f"<{el.tag!s}> {attribute}={value!r} is not one of "
                         + ", ".join(allowed), source=name, line=el.sourceline)
    return value.strip()


def _exception(name: str, premise: etree._Element) -> bool:
    """Whether a premise is an exception: LKIF 2.1 says ``type``, LKIF 2.0 ``exception``."""
    kind = _choice(name, premise, "type", ("ordinary", "exception", "assumption"))
    flagged = _flag(name, premise, "exception", False)
    if premise.get("type") is not None and premise.get("exception") is not None and (
            flagged != (kind == "exception")):
        raise ParseError(f"<premise> type={kind!r} contradicts exception="
                         f"{premise.get('exception')!r}", source=name, line=premise.sourceline)
    return flagged or kind == "exception"


def _graph_elements(root: etree._Element, other: list[dict[str, Any]]) -> list[etree._Element]:
    """The argument graphs, in ``<argument-graphs>`` or directly in ``<lkif>`` (LKIF 2.0)."""
    graphs: list[etree._Element] = []
    for section in root:
        if not isinstance(section.tag, str):
            continue
        if section.tag == "argument-graphs":
            graphs.extend(section.iter("argument-graph"))
        elif section.tag == "argument-graph":
            graphs.append(section)
        else:
            other.append(element_json(section))
    return graphs


_Statement = tuple[etree._Element, etree._Element | None]


def _statement_elements(graph: etree._Element) -> list[_Statement]:
    """Each statement and its formula: ``<statement>`` elements, or formulas held directly."""
    out: list[_Statement] = []
    for st in graph.iter("statement"):
        out.append((st, next((c for c in st if isinstance(c.tag, str) and c.tag in _WFF_TAGS),
                             None)))
    for statements in graph.iterfind("statements"):
        out.extend((wff, wff) for wff in statements
                   if isinstance(wff.tag, str) and wff.tag in _WFF_TAGS)
    return out


_CONNECTIVES = {"and": " and ", "or": " or "}


def _formula_text(wff: etree._Element) -> str:
    """A statement's text from its formula: an atom's words; connectives spelled out.

    The claim's text must not say something other than the statement, so a
    negation or a conjunction is written as one, a part that is itself a
    connective in brackets, and a connective with the wrong number of parts
    as ``tag(part; part; ...)`` (the formula itself is kept as read).
    """
    parts = [c for c in wff if isinstance(c.tag, str) and c.tag in _WFF_TAGS]
    if wff.tag == "s":
        return "".join(wff.itertext())
    if parts:
        words = [_part_text(p) for p in parts]
    else:  # a connective around bare text: the text is its one part
        bare = " ".join("".join(wff.itertext()).split())
        words = [bare] if bare else []
    tag = str(wff.tag)
    if tag == "not" and len(words) == 1:
        return f"It is not the case that: {words[0]}"
    if tag in _CONNECTIVES and len(words) >= 2:
        return _CONNECTIVES[tag].join(words)
    if tag == "if" and len(words) == 2:
        return f"If {words[0]}, then {words[1]}"
    if tag == "iff" and len(words) == 2:
        return f"{words[0]} if and only if {words[1]}"
    names = [(v.text or "").strip() for v in wff.iterfind("v")]
    if tag in ("all", "exists") and len(words) == 1 and names and all(names):
        quantifier = "For all" if tag == "all" else "For some"
        return f"{quantifier} {', '.join(names)}: {words[0]}"
    return f"{tag}({'; '.join(words)})"


def _part_text(part: etree._Element) -> str:
    """A formula's text as part of a larger one: a connective in brackets."""
    text = " ".join(_formula_text(part).split())
    return text if part.tag == "s" else f"({text})"


def read_lkif(data: bytes, name: str = "<bytes>") -> ArgumentMap:
    """Read an LKIF 2 document's argument graphs into one map."""
    root = parse_xml(check_doctype(data, name), name, allow_doctype=True)
    if root.tag != "lkif":
        raise ParseError(f"not an LKIF document: the root element is <{root.tag!s}>",
                         source=name, line=root.sourceline)
    b = _Builder("lkif:", name)
    m = b.m
    graphs: list[dict[str, str]] = []
    titles: list[list[Any]] = []
    other: list[dict[str, Any]] = []
    kept: list[list[Any]] = []
    # Each argument graph is its own id space: a later graph may reuse an id.
    arguments: list[tuple[etree._Element, dict[str, str], str, dict[str, str]]] = []
    strengths: list[tuple[etree._Element, dict[str, str]]] = []
    for gindex, graph in enumerate(_graph_elements(root, other)):
        graphs.append(dict(graph.attrib))
        local: dict[str, str] = {}  # the graph's statement ids -> node ids
        local_args: dict[str, str] = {}  # and its argument ids
        scope = graph.get("id") or f"graph{gindex + 1}"
        issues: dict[str, tuple[etree._Element, dict[str, str]]] = {}
        for part in graph:
            if not isinstance(part.tag, str):
                continue
            if part.tag not in _GRAPH_PARTS:
                kept.append([gindex, element_json(part), "malformed-record"])
            elif part.tag == "issues":
                for issue in part.iterfind("issue"):
                    sid = issue.get("statement", "")
                    if sid in issues:
                        kept.append([gindex, element_json(issue), "repeated-record"])
                    else:
                        issues[sid] = (issue, {k: v for k, v in issue.attrib.items()
                                               if k != "statement"})
            elif part.tag == "strengths":
                strengths.extend((s, local_args) for s in part.iterfind("stronger"))
        for title in graph.iterfind("title"):
            titles.append([gindex, element_json(title)])
        for st, wff in _statement_elements(graph):
            sid = st.get("id", "")
            mark: dict[str, Any] = {}
            if not sid and st is wff:
                # LKIF 2.0 formulas need no id (nothing can refer to one without).
                nid = _fresh(m, f"{scope}/statement")
                mark["lkif:id"] = None
            elif sid in local:
                kept.append([gindex, element_json(st), "duplicate-id"])
                continue
            else:
                nid = _scoped(m, sid, scope)
                local[sid] = nid
            if st is not wff:
                mark["lkif:statement"] = {k: v for k, v in st.attrib.items() if k != "id"}
                others = [element_json(c) for c in st if isinstance(c.tag, str) and c is not wff]
                if others:  # descriptions, metadata: kept as read
                    mark["lkif:children"] = others
            if wff is not None and not (wff.tag == "s" and not len(wff)
                                        and set(wff.attrib) <= {"id"}):
                # Markup (predicates, constants, variables, connectives): kept as read.
                mark["lkif:formula"] = element_json(wff)
            if sid in issues:
                mark["lkif:issue"] = issues.pop(sid)[1]
            if sid and nid != sid:
                mark["lkif:id"] = sid
            if wff is not None:
                text = _formula_text(wff)
            else:  # no formula: the first description, if any, says what it is
                text = next(("".join(d.itertext()) for d in st.iterfind("description")), "")
            try:
                m.add_node(Claim(id=nid, text=text, extra=mark))
            except (ArgmapError, ValueError) as exc:
                raise _fail(name, st, exc, sid) from None
        kept.extend([gindex, element_json(issue), "dangling-reference"]
                    for issue, _ in issues.values())
        seen_args: set[str] = set()
        for arg in graph.iter("argument"):
            aid = arg.get("id", "")
            if aid in seen_args or aid in local:
                kept.append([gindex, element_json(arg), "duplicate-id"])
                continue
            seen_args.add(aid)
            arguments.append((arg, local, scope, local_args))
    def resolve(ref: str, local: dict[str, str], scope: str) -> str:
        if ref in local:
            return local[ref]
        # No statement of this graph: each graph is its own id space, so the
        # reference must not bind to another graph's node (or to an id made for
        # a formula written without one); it stays dangling, and is reported.
        return ref if ref not in m.nodes else f"{ref} (not in graph {scope})"

    for arg, local, scope, local_args in arguments:
        aid = arg.get("id", "")
        nid = _scoped(m, aid, scope)
        concl = arg.find("conclusion")
        premises = [
            (resolve(p.get("statement", ""), local, scope),
             _choice(name, p, "polarity", ("positive", "negative")) == "positive",
             _exception(name, p), dict(p.attrib))
            for p in arg.iter("premise")
        ]
        attributes = {k: v for k, v in arg.attrib.items() if k not in ("scheme",)
                      and (k != "id" or nid != aid)}
        conclusion = concl.get("statement") if concl is not None else None
        pro = _choice(name, arg, "direction", ("pro", "con")) == "pro"
        try:
            b.argument(nid, pro=pro,
                       conclusion=resolve(conclusion, local, scope) if conclusion else conclusion,
                       premises=premises, scheme=arg.get("scheme"), extra=attributes)
        except (ArgmapError, ValueError) as exc:
            raise _fail(name, arg, exc, aid) from None
        local_args[aid] = nid
    for index, (stronger, local_args) in enumerate(strengths, 1):
        b.stronger(f"stronger{index}", stronger, local_args)
    extra: dict[str, Any] = {"lkif:graphs": graphs}
    if root.attrib:
        extra["lkif:attributes"] = dict(root.attrib)
    if other:
        extra["lkif:other"] = other
    if kept:
        extra["lkif:kept"] = kept
    if titles:
        extra["lkif:titles"] = titles
    m.set_extra(extra)
    return m


def _scoped(m: ArgumentMap, rid: str, scope: str) -> str:
    """``rid`` if the map has no such node yet, else ``<scope>/<rid>`` (made unique)."""
    return rid if rid not in m.nodes else _fresh(m, f"{scope}/{rid}")


def problems(m: ArgumentMap) -> list[Problem]:
    """What an LKIF map kept outside its graph (``lkif:kept``), one problem per element."""
    out: list[Problem] = []
    kept = m.extra.get("lkif:kept")
    for entry in kept if isinstance(kept, tuple) else ():
        if not (isinstance(entry, tuple) and len(entry) in (2, 3)):
            continue
        graph, record = entry[0], entry[1]
        code = entry[2] if len(entry) == 3 else "duplicate-id"
        if not (isinstance(graph, int) and isinstance(record, FrozenJSONDict)
                and isinstance(code, str)):
            continue
        attributes = record.get("attributes")
        if not isinstance(attributes, FrozenJSONDict):
            attributes = FrozenJSONDict()
        where = f"argument graph {graph + 1}: <{record.get('tag')}>"
        if code == "duplicate-id":
            message = (f"{where} repeats id {attributes.get('id')!r} within the graph; kept "
                       "outside the map")
        elif code == "repeated-record":
            message = (f"{where} repeats the issue of statement {attributes.get('statement')!r};"
                       " the first is used, this one kept outside the map")
        elif code == "dangling-reference":
            message = (f"{where} names statement {attributes.get('statement')!r}, which is not "
                       "in the graph; kept outside the map")
        else:
            message = f"{where} is not part of an LKIF argument graph; kept outside the map"
        out.append(Problem(code, message))
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
                    (p.get("statement", ""), _flag(name, p, "positive", True), False,
                     dict(p.attrib))
                    for p in arg.iter("premise")
                ]
                info = {k: v for k, v in arg.attrib.items() if k not in ("id", "scheme")}
                metadata = _metadata(arg.find("metadata"))
                if metadata is not None:
                    info["metadata"] = metadata
                try:
                    b.argument(aid, pro=_flag(name, arg, "pro", True),
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
