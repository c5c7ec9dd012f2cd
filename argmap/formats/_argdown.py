"""Argdown (``.argdown``) and the JSON the Argdown tools export (``argdown json``), read only.

Argdown is a Markdown-like language for argument maps.  The part of it read
here, and what each construct becomes:

==============================================  ==========================================
Argdown                                         AIF in argmap
==============================================  ==========================================
``[Title]: text`` (statement, may span lines)   :class:`~argmap.Claim` ``[Title]``
a paragraph of plain text                       :class:`~argmap.Claim` ``Untitled <n>``
``[Title]`` again with other text               same node; the other texts in
                                                ``extra["argdown:members"]``
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
``>< X``                                        two conflicts, P → X and X → P
``#tag``, ``#(two words)``                      ``extra["argdown:tags"]`` (text unchanged)
``# Heading``                                   ``extra["argdown:section"]`` of what follows
front matter between ``===`` lines              the map's ``extra["argdown:front-matter"]``
                                                (parsed YAML; needs ``argmap[argdown]``)
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
``extra``.
"""

from __future__ import annotations

import itertools
import json
import re
from pathlib import Path
from typing import Any

from argmap._errors import ArgmapError, ParseError
from argmap._map import ArgumentMap
from argmap._nodes import Claim, Conflict, Edge, Inference
from argmap.formats._format import Format
from argmap.formats._jsonsafe import decode_json_bytes
from argmap.formats._sniff import json_shape

__all__ = ["FORMAT", "JSON_FORMAT", "read_argdown", "read_argdown_json"]

_RELATION = re.compile(r"(<\+|<-|<_|\+>|->|_>|><|\+|-|_)(?=\s|\Z)")
_PCS_ITEM = re.compile(r"\((\d+)\)\s+")
_SEPARATOR = re.compile(r"-{2,}\s*\Z")
_INLINE_RULE = re.compile(r"-{2,}\s+(.*?)\s+-{2,}\s*\Z")
_HEADING = re.compile(r"(#{1,6})\s+(.*)")
_TAG = re.compile(r"(?:^|(?<=\s))#(?:\(([^)]*)\)|([\w-]+))")
_DATA = re.compile(r"\s*(\{.*\})\s*\Z")

# operator -> (relation type, True when the line's element is the source)
_OPERATORS = {
    "+": ("support", True), "<+": ("support", True), "-": ("attack", True),
    "<-": ("attack", True), "_": ("undercut", True), "<_": ("undercut", True),
    "+>": ("support", False), "->": ("attack", False), "_>": ("undercut", False),
    "><": ("contradiction", False),
}


class _Element:
    """A statement or argument as written on one or more lines."""

    def __init__(self, kind: str, title: str | None, text: str, *, line: int, column: int,
                 section: str | None) -> None:
        self.kind = kind  # "statement" or "argument"
        self.title = title
        self.parts = [text] if text else []
        self.line = line
        self.column = column
        self.section = section

    @property
    def text(self) -> str:
        return " ".join(p.strip() for p in self.parts if p.strip())


class _Parser:
    def __init__(self, text: str, name: str) -> None:
        self.name = name
        self.lines = _strip_comments(text, name).split("\n")
        self.front: Any = None
        self.section: str | None = None
        self.untitled = 0
        self.statements: dict[str, dict[str, Any]] = {}
        self.arguments: dict[str, dict[str, Any]] = {}
        self.order: list[str] = []
        # (type, source id, target id, line)
        self.relations: list[tuple[str, str, str, int]] = []
        self.pcs: dict[str, list[tuple[str, Any]]] = {}
        self.untitled_args = 0

    def error(self, message: str, line: int, column: int = 1) -> ParseError:
        return ParseError(message, source=self.name, line=line, column=column)

    # -- elements -------------------------------------------------------
    def element(self, content: str, line: int, column: int) -> _Element:
        """Parse the start of a statement or argument: ``[T]: text``, ``<T>``, or plain text."""
        opener = content[:1]
        if opener in "[<":
            closer = "]" if opener == "[" else ">"
            end = content.find(closer)
            if end < 0:
                raise self.error(f"unclosed title: {opener!r} without {closer!r}", line, column)
            title = content[1:end].strip()
            rest = content[end + 1:]
            kind = "statement" if opener == "[" else "argument"
            if not title:
                raise self.error(f"empty {kind} title", line, column)
            if rest.startswith(":"):
                return _Element(kind, title, rest[1:].strip(), line=line, column=column,
                                section=self.section)
            if not rest.strip() or rest.lstrip().startswith("#"):
                return _Element(kind, title, rest.strip(), line=line, column=column,
                                section=self.section)
            if opener == "<":
                raise self.error(f"expected ':' or the end of the line after <{title}>", line,
                                 column + end + 1)
        return _Element("statement", None, content.strip(), line=line, column=column,
                        section=self.section)

    def register(self, el: _Element) -> str:
        """Record an element (definition or reference); return its node id."""
        if el.kind == "argument":
            assert el.title is not None
            node_id = f"<{el.title}>"
            store = self.arguments
        else:
            if el.title is None:
                self.untitled += 1
                el.title = f"Untitled {self.untitled}"
            node_id = f"[{el.title}]"
            store = self.statements
        entry = store.get(node_id)
        text = el.text
        if entry is None:
            entry = store[node_id] = {"title": el.title, "texts": [], "tags": [],
                                      "line": el.line, "section": el.section}
            self.order.append(node_id)
        if text:
            entry["texts"].append(text)
            for match in _TAG.finditer(text):
                tag = match.group(1) or match.group(2)
                if tag not in entry["tags"]:
                    entry["tags"].append(tag)
        return node_id

    # -- the document ---------------------------------------------------
    def parse(self) -> None:
        i = self.front_matter()
        # stack of (indent, node id) for relation nesting; the element being continued
        stack: list[tuple[int, str]] = []
        current: _Element | None = None
        current_id: str | None = None
        last_argument: str | None = None
        blank_before = True
        pcs_arg: str | None = None
        n = len(self.lines)
        while i < n:
            raw = self.lines[i]
            lineno = i + 1
            stripped = raw.strip()
            indent = len(raw) - len(raw.lstrip())
            column = indent + 1
            if not stripped:
                if current is not None and current_id is not None:
                    self.update(current, current_id)
                current, blank_before = None, True
                i += 1
                continue
            heading = _HEADING.match(stripped) if indent == 0 else None
            if heading and blank_before:
                self.section = heading.group(2).strip()
                stack, current, pcs_arg = [], None, None
                i += 1
                continue
            pcs_item = _PCS_ITEM.match(stripped)
            if pcs_item or (pcs_arg is not None and stripped.startswith("--")):
                if current is not None and current_id is not None:
                    self.update(current, current_id)
                    current = None
                if pcs_arg is None:
                    if last_argument is None:
                        self.untitled_args += 1
                        last_argument = self.register(_Element(
                            "argument", f"Untitled argument {self.untitled_args}", "",
                            line=lineno, column=column, section=self.section))
                    pcs_arg = last_argument
                    if pcs_arg in self.pcs:
                        raise self.error(f"argument {pcs_arg} has a second premise-conclusion "
                                         "structure", lineno, column)
                    self.pcs[pcs_arg] = []
                if pcs_item:
                    el = self.element(stripped[pcs_item.end():], lineno,
                                      column + pcs_item.end())
                    if el.kind != "statement":
                        raise self.error("a premise or conclusion must be a statement", lineno,
                                         column + pcs_item.end())
                    current, current_id = el, self.register(el)
                    self.pcs[pcs_arg].append(("statement", current_id))
                    stack = [(indent, current_id)]
                    i += 1
                else:
                    i = self.inference(i, pcs_arg)
                    stack, current = [], None
                blank_before = False
                continue
            op = _RELATION.match(stripped)
            if op and current is None and not stack:
                op = None  # a paragraph that starts with a dash is text
            if op:
                if current is not None and current_id is not None:
                    self.update(current, current_id)
                while stack and stack[-1][0] >= indent:
                    stack.pop()
                if not stack:
                    raise self.error("this relation has no element above it", lineno, column)
                parent = stack[-1][1]
                rest = stripped[op.end():]
                body = rest.lstrip()
                if not body:
                    raise self.error(f"nothing after the relation {op.group(1)!r}", lineno,
                                     column)
                el = self.element(body, lineno, column + op.end() + len(rest) - len(body))
                child = self.register(el)
                kind, child_is_source = _OPERATORS[op.group(1)]
                src, trg = (child, parent) if child_is_source else (parent, child)
                self.relations.append((kind, src, trg, lineno))
                if kind == "contradiction":
                    self.relations.append((kind, trg, src, lineno))
                current, current_id = el, child
                stack.append((indent, child))
                blank_before = False
                i += 1
                continue
            if current is not None and not blank_before:
                current.parts.append(stripped)
                i += 1
                continue
            if pcs_arg is not None and blank_before:
                self.close_pcs(pcs_arg, lineno)
                pcs_arg = None
            el = self.element(stripped, lineno, column)
            current, current_id = el, self.register(el)
            last_argument = current_id if el.kind == "argument" else None
            stack = [(indent, current_id)]
            blank_before = False
            i += 1
        if current is not None and current_id is not None:
            self.update(current, current_id)
        if pcs_arg is not None:
            last = max((k for k, ln in enumerate(self.lines) if ln.strip()), default=0)
            self.close_pcs(pcs_arg, last + 1)

    def update(self, el: _Element, node_id: str) -> None:
        """Record the full text of an element once its last line is read."""
        store = self.arguments if el.kind == "argument" else self.statements
        entry = store[node_id]
        text = el.text
        first = el.parts[0].strip() if el.parts else ""
        if first and first in entry["texts"]:
            entry["texts"].remove(first)
        if text:
            entry["texts"].append(text)
            for match in _TAG.finditer(text):
                tag = match.group(1) or match.group(2)
                if tag not in entry["tags"]:
                    entry["tags"].append(tag)

    def inference(self, i: int, arg: str) -> int:
        """Read an inference line (``--``, ``-- rule --`` or a rule between two ``--`` lines)."""
        lineno = i + 1
        stripped = self.lines[i].strip()
        inline = _INLINE_RULE.match(stripped)
        if inline:
            self.pcs[arg].append(("inference", (inline.group(1), lineno)))
            return i + 1
        if not _SEPARATOR.match(stripped):
            raise self.error(f"expected an inference line of dashes, found {stripped[:30]!r}",
                             lineno, 1 + len(self.lines[i]) - len(self.lines[i].lstrip()))
        j = i + 1
        rule: list[str] = []
        while j < len(self.lines):
            s = self.lines[j].strip()
            if _SEPARATOR.match(s):
                self.pcs[arg].append(("inference", (" ".join(rule), lineno)))
                return j + 1
            if _PCS_ITEM.match(s) or not s:
                break
            rule.append(s)
            j += 1
        if rule:
            raise self.error("the inference rule is not closed by a line of dashes", lineno)
        self.pcs[arg].append(("inference", ("", lineno)))
        return i + 1

    def close_pcs(self, arg: str, line: int) -> None:
        items = self.pcs[arg]
        if not items or items[-1][0] != "statement" or not any(
                k == "inference" for k, _ in items):
            raise self.error(f"the premise-conclusion structure of {arg} ends without a "
                             "conclusion (an inference line followed by a statement)", line)
        for a, b in itertools.pairwise(items):
            if a[0] == b[0] == "inference":
                raise self.error(f"two inference lines in a row in {arg}", b[1][1])
        if items[0][0] == "inference":
            raise self.error(f"{arg} starts with an inference line, not a premise",
                             items[0][1][1])

    def front_matter(self) -> int:
        i = 0
        while i < len(self.lines) and not self.lines[i].strip():
            i += 1
        if i >= len(self.lines) or self.lines[i].strip() != "===":
            return 0
        start = i
        for j in range(i + 1, len(self.lines)):
            if self.lines[j].strip() == "===":
                self.front = _yaml("\n".join(self.lines[start + 1:j]), self.name, start + 2)
                return j + 1
        raise self.error("the front matter opened here is not closed by '==='", start + 1)


def _yaml(text: str, name: str, line: int) -> Any:
    try:
        import yaml
    except ImportError:  # pragma: no cover - depends on the installed extras
        raise ParseError("reading Argdown front matter needs PyYAML: "
                         "pip install 'argmap[argdown]'", source=name, line=line) from None
    try:
        value = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        at = line + mark.line if mark is not None else line
        col = mark.column + 1 if mark is not None else None
        raise ParseError(f"front matter is not valid YAML: {getattr(exc, 'problem', exc)}",
                         source=name, line=at, column=col) from None
    # JSON values only, so the map's extra can hold them (dates become ISO text).
    return json.loads(json.dumps(value, default=str))


def _strip_comments(text: str, name: str) -> str:
    """Blank out comments, keeping every other character where it was (for columns)."""
    out = list(text)
    i, n = 0, len(text)
    line, col = 1, 1
    while i < n:
        ch = text[i]
        for start, end in (("/*", "*/"), ("<!--", "-->")):
            if text.startswith(start, i):
                close = text.find(end, i + len(start))
                if close < 0:
                    raise ParseError(f"the comment {start!r} is not closed by {end!r}",
                                     source=name, line=line, column=col)
                for k in range(i, close + len(end)):
                    if out[k] != "\n":
                        out[k] = " "
                    else:
                        line, col = line + 1, 0
                i = close + len(end)
                col += 0
                break
        else:
            if ch == "/" and text.startswith("//", i) and (i == 0 or text[i - 1].isspace()):
                stop = text.find("\n", i)
                stop = n if stop < 0 else stop
                for k in range(i, stop):
                    out[k] = " "
                col += stop - i
                i = stop
                continue
            if ch == "\n":
                line, col = line + 1, 1
            else:
                col += 1
            i += 1
            continue
        # recompute the column after a block comment from the last newline
        last = text.rfind("\n", 0, i)
        col = i - last
    return "".join(out)


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
            extra["argdown:members"] = texts[1:]
        if entry.get("tags"):
            extra["argdown:tags"] = entry["tags"]
        if entry.get("section"):
            extra["argdown:section"] = entry["section"]
        if entry.get("line") is not None:
            extra["argdown:line"] = entry["line"]
        m.add_node(Claim(id=node_id, text=texts[0] if texts else entry["title"], extra=extra))
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
                used = [p for p in premises if p != value]
                _add_relation(m, ra, used, value, name=name, line=line)
                main_inference[arg] = ra.id
                premises = []
                pending = None
            premises.append(value)
    seen: set[tuple[str, str, str]] = set()
    counts: dict[str, int] = {}
    for kind, src, trg, line in relations:
        if (kind, src, trg) in seen:
            continue
        seen.add((kind, src, trg))
        counts[kind] = counts.get(kind, 0) + 1
        rel_id = f"{kind} {counts[kind]}"
        extra = {"argdown:relation": kind, "argdown:line": line}
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
        data = _yaml(match.group(1), name, line)
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
    p = _Parser(text, name)
    p.parse()
    m = _build(p.statements, p.arguments, order=p.order, pcs=p.pcs, relations=p.relations,
               name=name)
    if p.front is not None:
        m.set_extra({"argdown:front-matter": p.front})
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
        for member in entry.get("members") or ():
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
    kinds = {"support": "support", "attack": "attack", "undercut": "undercut",
             "contradictory": "contradiction", "contrary": "attack"}
    unused: list[Any] = []
    for rel in doc.get("relations") or ():
        if not isinstance(rel, dict) or rel.get("relationType") not in kinds:
            unused.append(rel)
            continue
        ends = []
        for side in ("from", "to"):
            kind = rel.get(f"{side}Type")
            title = rel.get(side)
            node_id = f"<{title}>" if kind == "argument" else f"[{title}]"
            ends.append(node_id)
        if any(e not in statements and e not in arguments for e in ends):
            raise ParseError(f"relation {rel.get('from')!r} -> {rel.get('to')!r} names an "
                             "unknown statement or argument", source=name)
        kind = kinds[str(rel["relationType"])]
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
    name="argdown",
    suffixes=(".argdown", ".ad"),
    description="Argdown source (read only)",
    load=_load,
)

JSON_FORMAT = Format(
    name="argdown-json",
    suffixes=(".argdown.json", ".json"),
    description="the JSON the Argdown tools export (read only)",
    load=_load_json,
    sniff=_sniff_json,
)
