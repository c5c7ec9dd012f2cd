"""The Argdown parser: lines into statements, arguments, premise-conclusion structures and
relations, with file:line:column errors (the grammar only; :mod:`._argdown` builds the map)."""

from __future__ import annotations

import itertools
import json
import re
from typing import Any

from argmap._errors import ParseError

__all__ = [
    "OPERATORS",
    "ArgdownParser",
    "Element",
    "parse_yaml",
    "strip_comments",
]


# A relation operator opens a line; as in Argdown, text may follow it without a
# blank ("+<B>", "->[C]").  A dash followed by a dash starts an inference line
# instead, and argmap's bare "_" (undercut) needs a blank, so that "_italic_" text
# stays text.
_RELATION = re.compile(r"(<\+|<-|<_|\+>|->|_>|><|\+|-(?!-)|_(?=\s|\Z))")


# An indented list item: each is a statement of its own, as in Argdown.
_LIST_ITEM = re.compile(r"(?:\d+\.|\*)(?=\s)\s*")


# Relation operators of dialects argmap does not read (Argdown+: answers,
# questions, entailment, equality, ...): a line opening with one is text here,
# and is reported rather than read silently as text.
_FOREIGN_RELATION = re.compile(r"(<[!?%@:=]|[!?%@:=]>|~=|==)(?=\s|\[|<|\Z)")


# Argdown's directive to read other files in place of the line.
_INCLUDE = re.compile(r"@include\((.*)\)\s*\Z")


# A backslash escapes the character after it (Argdown's EscapedChar).
_ESCAPE = re.compile(r"\\(\S)")


_PCS_ITEM = re.compile(r"\((\d+)\)\s+")


_SEPARATOR = re.compile(r"-{2,}\s*\Z")


_INLINE_RULE = re.compile(r"-{2,}\s+(.*?)\s+-{2,}\s*\Z")


_HEADING = re.compile(r"(#{1,6})\s+(.*)")


_TAG = re.compile(r"(?:^|(?<=\s))#(?:\(([^)]*)\)|([\w-]+))")


_DATA = re.compile(r"\s*(\{.*\})\s*\Z")


# operator -> (relation type, True when the line's element is the source)
OPERATORS = {
    "+": ("support", True), "<+": ("support", True), "-": ("attack", True),
    "<-": ("attack", True), "_": ("undercut", True), "<_": ("undercut", True),
    "+>": ("support", False), "->": ("attack", False), "_>": ("undercut", False),
    "><": ("contradiction", False),
}


class Element:
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
    def raw(self) -> str:
        """The text as written, escapes included (where tags are looked for)."""
        return " ".join(p.strip() for p in self.parts if p.strip())

    @property
    def text(self) -> str:
        """The text, each escaped character standing for itself."""
        return unescape(self.raw)


class ArgdownParser:
    def __init__(self, text: str, name: str) -> None:
        self.name = name
        self.lines = strip_comments(text, name).split("\n")
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
        # (files named, line) of each @include directive: argmap reads one file.
        self.includes: list[tuple[list[str], int]] = []
        # (operator, line) of each line opening with another dialect's relation.
        self.foreign: list[tuple[str, int]] = []

    def error(self, message: str, line: int, column: int = 1) -> ParseError:
        return ParseError(message, source=self.name, line=line, column=column)

    # -- elements -------------------------------------------------------
    def element(self, content: str, line: int, column: int) -> Element:
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
                return Element(kind, title, rest[1:].strip(), line=line, column=column,
                                section=self.section)
            if not rest.strip() or rest.lstrip().startswith("#"):
                return Element(kind, title, rest.strip(), line=line, column=column,
                                section=self.section)
            if opener == "<":
                raise self.error(f"expected ':' or the end of the line after <{title}>", line,
                                 column + end + 1)
        return Element("statement", None, content.strip(), line=line, column=column,
                        section=self.section)

    def register(self, el: Element) -> str:
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
            for match in _TAG.finditer(el.raw):
                tag = match.group(1) or match.group(2)
                if tag not in entry["tags"]:
                    entry["tags"].append(tag)
        return node_id

    # -- the document ---------------------------------------------------
    def parse(self) -> None:
        i = self.front_matter()
        # stack of (indent, node id) for relation nesting; the element being continued
        stack: list[tuple[int, str]] = []
        current: Element | None = None
        current_id: str | None = None
        last_argument: str | None = None
        blank_before = True
        pcs_arg: str | None = None
        in_list = False  # the last element read was a list item (or a relation under one)
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
            include = _INCLUDE.match(stripped)
            if include:
                self._leave(current, current_id, pcs_arg, lineno)
                pcs_arg = None
                files = [f.strip() for f in include.group(1).split(",") if f.strip()]
                self.includes.append((files, lineno))
                stack, current, blank_before = [], None, True
                i += 1
                continue
            heading = _HEADING.match(stripped) if indent == 0 else None
            if heading and blank_before:
                if pcs_arg is not None:
                    self.close_pcs(pcs_arg, lineno)
                # A heading runs to the next empty line, as a paragraph does, unless
                # a definition, relation or numbered statement starts first.
                words = [heading.group(2).strip()]
                i += 1
                while i < n and self.lines[i].strip() and not _starts_element(
                        self.lines[i].strip()):
                    words.append(self.lines[i].strip())
                    i += 1
                self.section = unescape(" ".join(w for w in words if w))
                stack, current, pcs_arg, in_list = [], None, None, False
                continue
            pcs_item = _PCS_ITEM.match(stripped)
            if pcs_item or (pcs_arg is not None and stripped.startswith("--")):
                if current is not None and current_id is not None:
                    self.update(current, current_id)
                    current = None
                if pcs_arg is None:
                    if last_argument is None:
                        self.untitled_args += 1
                        last_argument = self.register(Element(
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
                    in_list = False
                    i += 1
                else:
                    i = self.inference(i, pcs_arg)
                    stack, current = [], None
                blank_before = False
                continue
            # A list opens after an empty line and goes on while its items follow;
            # a marker on a statement's next line is that statement's text.
            item = _LIST_ITEM.match(stripped) if indent > 0 and (
                blank_before or (in_list and pcs_arg is None)) else None
            if item:
                self._leave(current, current_id, pcs_arg, lineno)
                pcs_arg = None
                in_list = True
                el = self.element(stripped[item.end():], lineno, column + item.end())
                current, current_id = el, self.register(el)
                last_argument = current_id if el.kind == "argument" else None
                stack = [(indent, current_id)]
                blank_before = False
                i += 1
                continue
            foreign = _FOREIGN_RELATION.match(stripped)
            if foreign:
                self.foreign.append((foreign.group(1), lineno))
            op = None if foreign else _RELATION.match(stripped)
            if op and current is None and not stack:
                if not stripped[op.end():].strip():  # an operator alone is no text
                    raise self.error("this relation has no element above it", lineno, column)
                op = None  # a paragraph that starts with a dash is text
            if op:
                if current is not None and current_id is not None:
                    self.update(current, current_id)
                # Levels as Argdown's lexer keeps them: a deeper line opens a level
                # (its own indentation); a shallower one closes levels while it is
                # shallower than the last open one, and takes the level it lands
                # on, as a sibling of the element there -- even when its own
                # indentation lies between two levels.
                level = indent
                if stack and indent <= stack[-1][0]:
                    while stack and indent < stack[-1][0]:
                        stack.pop()
                    if stack:
                        level = stack.pop()[0]
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
                kind, child_is_source = OPERATORS[op.group(1)]
                src, trg = (child, parent) if child_is_source else (parent, child)
                self.relations.append((kind, src, trg, lineno))
                if kind == "contradiction":
                    self.relations.append((kind, trg, src, lineno))
                current, current_id = el, child
                stack.append((level, child))
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
            in_list = False
            blank_before = False
            i += 1
        if current is not None and current_id is not None:
            self.update(current, current_id)
        if pcs_arg is not None:
            last = max((k for k, ln in enumerate(self.lines) if ln.strip()), default=0)
            self.close_pcs(pcs_arg, last + 1)

    def _leave(self, el: Element | None, node_id: str | None, pcs_arg: str | None,
               line: int) -> None:
        """Finish the element being read and close the open premise-conclusion structure."""
        if el is not None and node_id is not None:
            self.update(el, node_id)
        if pcs_arg is not None:
            self.close_pcs(pcs_arg, line)

    def update(self, el: Element, node_id: str) -> None:
        """Record the full text of an element once its last line is read."""
        store = self.arguments if el.kind == "argument" else self.statements
        entry = store[node_id]
        text = el.text
        first = unescape(el.parts[0].strip()) if el.parts else ""
        if first and first in entry["texts"]:
            entry["texts"].remove(first)
        if text:
            entry["texts"].append(text)
            for match in _TAG.finditer(el.raw):
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
                self.front = parse_yaml("\n".join(self.lines[start + 1:j]), self.name, start + 2)
                return j + 1
        raise self.error("the front matter opened here is not closed by '==='", start + 1)


#: Front matter longer than this is refused: it is metadata, and YAML is costly to parse.
MAX_FRONT_MATTER = 64 * 1024


def _starts_element(line: str) -> bool:
    """Whether a line (stripped) opens a statement, argument, relation or numbered statement."""
    return line[:1] in "[<" or bool(_RELATION.match(line) or _PCS_ITEM.match(line))


def unescape(text: str) -> str:
    """Argdown text with each backslash-escaped character standing for itself."""
    return _ESCAPE.sub(r"\1", text) if "\\" in text else text


def parse_yaml(text: str, name: str, line: int) -> Any:
    """Front matter as JSON values; YAML anchors and aliases are refused.

    An alias repeats a node without copying it, so a few lines can stand for a
    structure of exponential size once it is written out as JSON (the map's
    ``extra`` holds JSON values): refusing aliases keeps the result as large as
    the text.
    """
    import yaml

    if len(text) > MAX_FRONT_MATTER:
        raise ParseError(f"the front matter is longer than {MAX_FRONT_MATTER} characters",
                         source=name, line=line)

    class _NoAliases(yaml.SafeLoader):
        def compose_node(self, parent: Any, index: Any) -> Any:
            if self.check_event(yaml.AliasEvent):
                raise yaml.composer.ComposerError(
                    None, None, "YAML aliases are not allowed in front matter",
                    self.peek_event().start_mark)  # type: ignore[no-untyped-call]
            return super().compose_node(parent, index)

    try:
        value = yaml.load(text, Loader=_NoAliases)  # a SafeLoader: builds plain data only
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        at = line + mark.line if mark is not None else line
        col = mark.column + 1 if mark is not None else None
        raise ParseError(f"front matter is not valid YAML: {getattr(exc, 'problem', exc)}",
                         source=name, line=at, column=col) from None
    # JSON values only, so the map's extra can hold them (dates become ISO text).
    return json.loads(json.dumps(value, default=str))


def strip_comments(text: str, name: str) -> str:
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
