"""Argdown (``.argdown``) and the JSON the Argdown tools export (``argdown json``), read only.

Argdown is a Markdown-like language for argument maps.  The part of it read
here, and what each construct becomes:

==============================================  ==========================================
Argdown                                         AIF in argmap
==============================================  ==========================================
``[Title]: text`` (statement, may span lines)   :class:`~argmap.Claim` ``[Title]``
a paragraph of plain text                       :class:`~argmap.Claim` ``Untitled <n>``
``[Title]`` again with other text               same node, the last text its text; the
                                                earlier ones in ``extra["argdown:members"]``
``<Title>: text`` (argument)                    :class:`~argmap.Claim` ``<Title>`` (the
                                                argument's gist), ``argdown:kind`` =
                                                ``"argument"``
``(1) …`` ``--`` ``(2) …`` (premise–conclusion  a Claim per statement and an
structure after ``<Title>``)                    :class:`~argmap.Inference` per inference
                                                line, its premises being the statements
                                                since the previous inference line
inference rule between the lines                the inference's ``scheme``; ``{...}``
(``-- Modus ponens --``, or on its own lines)   data in ``extra["argdown:data"]``
``+ X`` / ``<+ X`` under ``P``                  inference X → P
``- X`` / ``<- X`` under ``P``                  conflict X → P
``_ X`` / ``<_ X`` under argument ``P``         conflict X → P's main inference (undercut);
                                                to P's gist when P has no structure
``+> X``, ``-> X``, ``_> X``                    the same, from P to X
relation from an argument with structure       from its main conclusion (a support of
                                                that conclusion itself: none; an attack
                                                on it: from the gist)
``>< X``                                        two conflicts, P → X and X → P
``#tag``, ``#(two words)``                      ``extra["argdown:tags"]`` (text unchanged)
``# Heading``                                   ``extra["argdown:section"]`` of what follows
front matter between ``===`` lines              the map's ``extra["argdown:front-matter"]``
                                                (parsed YAML; no aliases)
``//``, ``/* */``, ``<!-- -->`` comments        skipped
==============================================  ==========================================

Text is kept as written (Markdown emphasis, links and ``@[mentions]``
included), its lines joined by single spaces.  Each node records where it was
defined, ``extra["argdown:line"]``.  Relations are ``support <n>``,
``attack <n>``, ``undercut <n>`` and ``contradiction <n>`` nodes with AIF edges
``<id>/in`` and ``<id>/out``; a relation stated twice is read once.  Argdown
maps have no analysed source text, so no node has spans.

Errors name ``file:line:column``: an unclosed comment, title or front matter,
a relation with nothing after its arrow or no element above it, an undercut
of a statement, or a premise–conclusion structure without a conclusion.

The JSON export carries the same structure (``statements`` with their members,
``arguments`` with their premise–conclusion structure, ``relations``) and is
read into the same nodes; its ``sections`` and ``tags`` are kept in the map's
``extra``.  Exports before Argdown 1.0 (``type`` for ``relationType``,
``entails`` for a support) are read too; relations of another kind are kept in
``extra["argdown:unused"]`` and reported, as are ``@include`` lines, which are
not followed (``extra["argdown:includes"]``).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import attrs

from argmap._errors import ArgmapError, ParseError
from argmap._extra import FrozenJSONDict
from argmap._map import ArgumentMap
from argmap._nodes import Claim, Conflict, Edge, Inference
from argmap._problem import Problem
from argmap.formats._argdown_parse import _DATA, ArgdownParser, parse_yaml
from argmap.formats._format import Format
from argmap.formats._jsonsafe import decode_json_bytes
from argmap.formats._registry import described
from argmap.formats._sniff import json_shape

__all__ = [
    "FORMAT",
    "JSON_FORMAT",
    "problems",
    "read_argdown",
    "read_argdown_json",
]


def problems(m: ArgumentMap) -> list[Problem]:
    """What an Argdown map could not read: ``@include`` directives, relations of the export."""
    out: list[Problem] = []
    includes = m.extra.get("argdown:includes")
    for entry in includes if isinstance(includes, tuple) else ():
        if isinstance(entry, tuple) and len(entry) == 2 and isinstance(entry[0], tuple):
            names = ", ".join(str(f) for f in entry[0])
            out.append(Problem(
                "dangling-reference",
                f"line {entry[1]}: @include({names}) is not read (argmap reads one Argdown "
                "file): what those files hold is not in the map"))
    front = m.extra.get("argdown:front-matter")
    parser = front.get("parser") if isinstance(front, FrozenJSONDict) else None
    syntax = parser.get("syntax") if isinstance(parser, FrozenJSONDict) else None
    if syntax is not None and str(syntax).strip().lower() != "argdown":
        out.append(Problem(
            "malformed-record",
            f"the front matter declares the syntax {str(syntax)[:40]!r}; argmap reads Argdown, "
            "so what only that syntax means is read as text"))
    foreign = m.extra.get("argdown:foreign-relations")
    for entry in foreign if isinstance(foreign, tuple) else ():
        if isinstance(entry, tuple) and len(entry) == 2:
            out.append(Problem(
                "malformed-record",
                f"line {entry[1]}: {entry[0]!r} is not an Argdown relation (another dialect's?); "
                "the line is read as text"))
    unused = m.extra.get("argdown:unused")
    for index, rel in enumerate(unused if isinstance(unused, tuple) else ()):
        out.append(Problem(
            "malformed-record",
            f"relation {index + 1} of the export ({str(rel)[:80]}) is of no relation type "
            "argmap knows; kept outside the graph"))
    return out


def _build(statements: dict[str, dict[str, Any]], arguments: dict[str, dict[str, Any]], *,
           order: list[str], pcs: dict[str, list[tuple[str, Any]]],
           relations: list[tuple[str, str, str, int]], name: str) -> ArgumentMap:
    m = ArgumentMap()
    for node_id in order:
        entry = statements.get(node_id) or arguments[node_id]
        is_arg = node_id in arguments
        texts = [t for t in entry["texts"] if t.strip()]
        extra: dict[str, Any] = {"argdown:title": entry["title"]}
        if is_arg:
            extra["argdown:kind"] = "argument"
        if len(texts) > 1:
            # As in Argdown, the last definition is the canonical one.
            extra["argdown:members"] = texts[:-1]
        if entry.get("tags"):
            extra["argdown:tags"] = entry["tags"]
        if entry.get("section"):
            extra["argdown:section"] = entry["section"]
        if entry.get("line") is not None:
            extra["argdown:line"] = entry["line"]
        m.add_node(Claim(id=node_id, text=texts[-1] if texts else entry["title"], extra=extra))
    main_inference: dict[str, str] = {}
    for arg, items in pcs.items():
        premises: list[str] = []
        pending: tuple[str, int, Any] | None = None
        count = 0
        for kind, value in items:
            if kind == "inference":
                count += 1
                rule, line, data = _rule(value, name)
                pending = (rule, line, data)
                continue
            if pending is not None:
                rule, line, data = pending
                extra = {"argdown:argument": arg, "argdown:line": line}
                if data is not None:
                    extra["argdown:data"] = data
                ra = Inference(id=f"{arg} inference {count}", scheme=rule or None, extra=extra)
                used = list(dict.fromkeys(p for p in premises if p != value))
                if len(used) < len([p for p in premises if p != value]):
                    # A statement listed twice among the premises is one premise
                    # (one edge); the list as written is kept.
                    ra = attrs.evolve(ra, extra={**extra, "argdown:premises": premises})
                _add_relation(m, ra, used, value, name=name, line=line)
                main_inference[arg] = ra.id
                premises = []
                pending = None
            premises.append(value)
    seen: set[tuple[str, str, str]] = set()
    counts: dict[str, int] = {}
    # As Argdown's model does, what a reconstructed argument supports or attacks
    # its main conclusion (the last statement of its structure) does: the same
    # relation stated on both is one relation.
    main = {arg: items[-1][1] for arg, items in pcs.items()
            if items and items[-1][0] == "statement"}
    for kind, written, trg, line in relations:
        src = written
        if kind in ("support", "attack", "undercut") and written in main:
            if main[written] != trg:
                src = main[written]
            elif kind == "support":
                continue  # the structure itself concludes the target: nothing to add
            # (an argument attacking its own conclusion keeps the attack on its gist)
        if (kind, src, trg) in seen:
            continue
        seen.add((kind, src, trg))
        counts[kind] = counts.get(kind, 0) + 1
        rel_id = f"{kind} {counts[kind]}"
        extra = {"argdown:relation": kind, "argdown:line": line}
        if src != written:
            extra["argdown:argument"] = written  # stated on the argument
        if kind == "support":
            _add_relation(m, Inference(id=rel_id, extra=extra), [src], trg, name=name, line=line)
            continue
        target = trg
        if kind == "undercut":
            if trg not in arguments:
                raise ParseError(f"only arguments can be undercut, not the statement {trg}",
                                 source=name, line=line)
            target = main_inference.get(trg, trg)
        _add_relation(m, Conflict(id=rel_id, extra=extra), [src], target, name=name, line=line)
    return m


def _rule(value: Any, name: str) -> tuple[str, int, Any]:
    text, line = value[0], value[1]
    data = None
    match = _DATA.search(text)
    if match:
        data = parse_yaml(match.group(1), name, line)
        text = text[:match.start()].rstrip()
    return text, line, data


def _add_relation(m: ArgumentMap, node: Inference | Conflict, sources: list[str], target: str,
                  *, name: str, line: int | None) -> None:
    try:
        m.add_node(node)
        for k, src in enumerate(sources):
            suffix = "/in" if len(sources) == 1 else f"/in{k + 1}"
            m.add_edge(Edge(id=f"{node.id}{suffix}", from_id=src, to_id=node.id))
        m.add_edge(Edge(id=f"{node.id}/out", from_id=node.id, to_id=target))
    except ArgmapError as exc:
        raise ParseError(f"{node.id}: {exc}", source=name, line=line) from None


def read_argdown(text: str | bytes, name: str = "<argdown>") -> ArgumentMap:
    """Read an Argdown document (see the module documentation for what it becomes).

    Example:
        >>> m = read_argdown('''
        ... [Legal]: Soft drugs should be legal.
        ...   + <Freedom>: People may harm themselves. #pro
        ...   - <Harm>: Drugs harm others.
        ... ''')
        >>> m.conclusion("support 1").id, m.target("attack 1").id
        ('[Legal]', '[Legal]')

    Raises:
        ParseError: for a construct that is not Argdown, with ``file:line:column``.
    """
    if isinstance(text, bytes):
        try:
            text = text.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise ParseError(f"not UTF-8 (byte {exc.start})", source=name) from None
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    p = ArgdownParser(text, name)
    p.parse()
    m = _build(p.statements, p.arguments, order=p.order, pcs=p.pcs, relations=p.relations,
               name=name)
    extra: dict[str, Any] = {}
    if p.front is not None:
        extra["argdown:front-matter"] = p.front
    if p.includes:
        extra["argdown:includes"] = [[files, line] for files, line in p.includes]
    if p.foreign:
        extra["argdown:foreign-relations"] = [[op, line] for op, line in p.foreign]
    if extra:
        m.set_extra(extra)
    return m


# ------------------------------------------------------------- JSON export
def read_argdown_json(data: bytes | str, name: str = "<argdown-json>") -> ArgumentMap:
    """Read the JSON the Argdown tools export (``argdown json``).

    Raises:
        ParseError: if the input is not JSON or lacks the export's structure.
    """
    raw = data.encode("utf-8") if isinstance(data, str) else data
    doc = decode_json_bytes(raw, name)
    if not isinstance(doc, dict) or not isinstance(doc.get("statements"), dict) \
            or not isinstance(doc.get("arguments"), dict):
        raise ParseError("not an Argdown JSON export: no 'statements' and 'arguments' objects",
                         source=name)
    statements: dict[str, dict[str, Any]] = {}
    arguments: dict[str, dict[str, Any]] = {}
    order: list[str] = []
    pcs: dict[str, list[tuple[str, Any]]] = {}

    def members(entry: dict[str, Any]) -> tuple[list[str], list[str], int | None, Any]:
        texts: list[str] = []
        line = None
        section = None
        # Argument descriptions were "descriptions" before Argdown 1.0, "members" since.
        for member in [*(entry.get("members") or ()), *(entry.get("descriptions") or ())]:
            if not isinstance(member, dict):
                continue
            text = member.get("text")
            if isinstance(text, str) and text.strip() and not member.get("isReference"):
                texts.append(text.strip())
            if line is None and isinstance(member.get("startLine"), int):
                line = member["startLine"]
        tags = [t for t in entry.get("tags") or () if isinstance(t, str)]
        if isinstance(entry.get("section"), str):
            section = entry["section"]
        return texts, tags, line, section

    for key, entry in doc["statements"].items():
        if not isinstance(entry, dict):
            raise ParseError(f"statement {key!r} is not an object", source=name)
        texts, tags, line, section = members(entry)
        statements[f"[{key}]"] = {"title": key, "texts": texts, "tags": tags, "line": line,
                                  "section": section}
        order.append(f"[{key}]")
    for key, entry in doc["arguments"].items():
        if not isinstance(entry, dict):
            raise ParseError(f"argument {key!r} is not an object", source=name)
        texts, tags, line, section = members(entry)
        node_id = f"<{key}>"
        arguments[node_id] = {"title": key, "texts": texts, "tags": tags, "line": line,
                              "section": section}
        order.append(node_id)
        items: list[tuple[str, Any]] = []
        for st in entry.get("pcs") or ():
            if not isinstance(st, dict) or not isinstance(st.get("title"), str):
                raise ParseError(f"argument {key!r}: a premise-conclusion item has no title",
                                 source=name)
            inf = st.get("inference")
            if isinstance(inf, dict):
                rules = [r for r in inf.get("inferenceRules") or () if isinstance(r, str)]
                rule = ", ".join(rules)
                if isinstance(inf.get("data"), dict):
                    rule += " " + json.dumps(inf["data"])
                items.append(("inference", (rule, inf.get("startLine"))))
            sid = f"[{st['title']}]"
            if sid not in statements:
                text = st.get("text")
                statements[sid] = {"title": st["title"],
                                   "texts": [text.strip()] if isinstance(text, str) else [],
                                   "tags": [], "line": st.get("startLine"),
                                   "section": st.get("section")}
                order.append(sid)
            items.append(("statement", sid))
        if items:
            pcs[node_id] = items
    relations: list[tuple[str, str, str, int]] = []
    # Exports of Argdown before 1.0 say "type" and call a support between
    # statements "entails".
    kinds = {"support": "support", "attack": "attack", "undercut": "undercut",
             "contradictory": "contradiction", "contrary": "attack", "entails": "support"}
    unused: list[Any] = []
    for rel in doc.get("relations") or ():
        rtype = (rel.get("relationType", rel.get("type")) if isinstance(rel, dict) else None)
        if not isinstance(rtype, str) or rtype not in kinds:
            unused.append(rel)
            continue
        ends = []
        for side in ("from", "to"):
            kind = rel.get(f"{side}Type")
            title = rel.get(side)
            # Argdown 2 exports a relation to a reconstructed argument as one to its
            # (last) inference, named by the argument's title.
            node_id = f"<{title}>" if kind in ("argument", "inference") else f"[{title}]"
            ends.append(node_id)
        if any(e not in statements and e not in arguments for e in ends):
            raise ParseError(f"relation {rel.get('from')!r} -> {rel.get('to')!r} names an "
                             "unknown statement or argument", source=name)
        kind = kinds[rtype]
        relations.append((kind, ends[0], ends[1], 0))
    m = _build(statements, arguments, order=order, pcs=pcs, relations=relations, name=name)
    extra: dict[str, Any] = {}
    for key in ("sections", "tags"):
        if doc.get(key):
            extra[f"argdown:{key}"] = doc[key]
    if unused:
        extra["argdown:unused"] = unused
    m.set_extra(extra)
    return m


def _load(data: bytes, *, name: str, path: Path | None) -> ArgumentMap:
    return read_argdown(data, name)


def _load_json(data: bytes, *, name: str, path: Path | None) -> ArgumentMap:
    return read_argdown_json(data, name)


def _sniff_json(data: bytes) -> bool:
    shape = json_shape(data)
    return shape is not None and bool(shape.keys) and shape.keys[:2] in (
        ["arguments", "statements"], ["statements", "arguments"])


FORMAT = Format(
    **described("argdown"),
    load=_load,
)


JSON_FORMAT = Format(
    **described("argdown-json"),
    load=_load_json,
    sniff=_sniff_json,
)
