"""brat standoff annotation (``.ann`` with its ``.txt``), as the Persuasive Essays corpus uses it.

A brat document is a plain text file (``essay.txt``) and an annotation file
beside it (``essay.ann``) with one tab-separated annotation per line:

* ``T<n>\\t<Type> <start> <end>[;<start> <end>...]\\t<covered text>`` -- a
  text-bound annotation (an argument component: ``MajorClaim``, ``Claim``,
  ``Premise``, or any other type); offsets count code points of the text;
  several ``start end`` pairs make a discontinuous span;
* ``R<n>\\t<type> Arg1:<id> Arg2:<id>`` -- a binary relation (``supports``,
  ``attacks``, or any other type);
* ``A<n>\\t<name> <id> [<value>]`` -- an attribute (the Persuasive Essays
  ``Stance`` of a claim, ``For`` or ``Against`` the major claims);
* ``#<n>\\tAnnotatorNotes <id>\\t<text>`` -- a note; ``E``, ``M``, ``N`` and
  ``*`` lines are events, modifications, normalisations and equivalences.

Mapping (following the annotation guidelines of Stab & Gurevych, 2017)
------------------------------------------------------------------------
* every ``T`` line becomes a :class:`~argmap.Claim` with the annotation's id
  and covered text, anchored by one :class:`~argmap.Span` per fragment; each
  fragment is checked against the ``.txt``.  Its type (``MajorClaim``,
  ``Claim``, ``Premise`` ...) is kept as the unit's role in
  ``extra["brat:type"]``;
* ``R<n> supports Arg1:a Arg2:b`` (or ``support``, any case) becomes an
  :class:`~argmap.Inference` with
  id ``R<n>`` from ``a`` to ``b`` (one inference per relation: convergent
  support, as the guidelines annotate each premise separately);
  ``attacks`` (``attack``, ``partial-attack``, as AbstRCT writes them) becomes
  a :class:`~argmap.Conflict`; the type is kept as written; AIF edges are
  ``R<n>/in`` and ``R<n>/out``;
* ``A<n> Stance T<c> For`` (``Against``) becomes one inference (conflict) from
  claim ``T<c>`` to each major claim of the essay, with id ``A<n>/<major
  claim id>`` and ``extra["brat:stance"]`` naming the attribute; in the
  guidelines a claim's stance is its relation to the author's standpoint,
  which the major claims state.

Every line but a blank one must start with an annotation id (``T1``,
``R1``, ``E1``, ``A1``, ``M1``, ``N1``, ``#1`` or ``*``) and a tab; any other
line is a :class:`~argmap.ParseError` naming its line, so that a file that is
not brat (JSON or XML read with ``format="brat"``) is refused, not read as
an empty map.

Nothing is dropped: relations and attributes of other types, notes,
events and every line argmap does not model are kept in the map's
``extra["brat:kept"]`` exactly as read, and written back in their place.
Lines that cannot be placed in the graph (a relation to a missing
annotation, a span outside the text) are kept too and reported by
:func:`problems` (``dangling-reference``, ``anchor-mismatch``,
``malformed-record``).

A ``.ann`` file is read with the ``.txt`` of the same name beside it; given
the ``.txt`` and ``format="brat"``, :func:`~argmap.read` reads the ``.ann``
beside it.  Read from bytes, or without a ``.txt`` beside the ``.ann``, the map has no
source: components keep their covered text and their offsets (in
``extra["brat:offsets"]``) but no spans.

Extra keys
----------
``brat:type`` (claim)
    the annotation type (``MajorClaim``, ``Claim``, ``Premise`` ...);
``brat:offsets`` (claim)
    ``[[start, end], ...]`` when the offsets could not be checked against a text,
    or when a discontinuous annotation lists its fragments out of text order
    (the spans are in text order; the line is written back as it was);
``brat:relation`` (inference, conflict)
    the relation type as written (``supports``, ``attacks``);
``brat:arguments`` (inference, conflict)
    ``"Arg2 Arg1"`` when the line names its arguments in that order;
``brat:newline`` (map)
    ``"\r\n"`` when every line of the file ended so (written back the same);
``brat:line-ends`` (map)
    one letter per line, ``r`` (CRLF) or ``n`` (LF), when the file mixes them;
``brat:final-newline`` (map)
    ``false`` when the file's last line has no line end;
``brat:stance`` (inference, conflict)
    ``{"id": "A1", "value": "For"}`` for stance-derived relations;
``brat:kept`` (map)
    ``[[position, line], ...]``: lines kept as read, with their index among
    the annotation lines;
``brat:problems`` (map)
    ``[[position, code, message], ...]`` for the kept lines that could not be
    placed, which :func:`problems` reports;
``brat:order`` (map)
    the ids of the modelled annotations in file order;
``brat:text-file`` (map)
    the name of the ``.txt`` the source was read from.
"""

from __future__ import annotations

import re
import warnings
from pathlib import Path
from typing import Any

from argmap._atomic import atomic_write
from argmap._errors import ArgmapError, ArgmapWarning, ParseError
from argmap._extra import FrozenJSONDict
from argmap._map import ArgumentMap
from argmap._nodes import Claim, Conflict, Edge, Evidence, Inference, INode, Node, NodeKind
from argmap._problem import Problem
from argmap._text import Source, Span
from argmap.formats._format import Format
from argmap.formats._records import foreign_extra
from argmap.formats._registry import described
from argmap.formats._xmlsafe import read_input

__all__ = ["FORMAT", "problems", "read_brat", "write_brat"]

# Relation types by what they become, compared without case: the Persuasive
# Essays write supports/attacks, AbstRCT Support/Attack/Partial-Attack.
_SUPPORT = frozenset({"supports", "support"})
_ATTACK = frozenset({"attacks", "attack", "partial-attack"})
_STANCE_VALUES = ("For", "Against")
_T_LINE = re.compile(r"T\d+\Z")
_R_LINE = re.compile(r"R\d+\Z")
_RANGE = re.compile(r"(\d+) (\d+)\Z")
_ARG = re.compile(r"(\w+):(\S+)\Z")
_TYPE = re.compile(r"[^\s:]+\Z")
# Every brat line starts with an annotation id: T1, R1, E1, A1, M1, N1, #1 or *.
_ID = re.compile(r"[TRAEMN#*]\w*\Z")


def _decode(data: bytes, name: str) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ParseError(f"not UTF-8 (byte {exc.start})", source=name) from None


def _clean(text: str) -> str:
    # brat writes the covered text on one line: line breaks inside a span become spaces.
    return text.replace("\r", " ").replace("\n", " ").replace("\t", " ")


class _Reader:
    def __init__(self, name: str, text: str | None) -> None:
        self.name = name
        try:
            self.source = Source(text=text) if text is not None else None
        except ValueError as exc:
            raise ParseError(f"the text file: {exc}", source=name) from None
        self.m = ArgumentMap(source=self.source)
        self.kept: list[list[Any]] = []
        self.order: list[str] = []
        self.problems: list[tuple[int, str, str]] = []

    def keep(self, index: int, line: str, code: str | None = None, why: str = "") -> None:
        self.kept.append([index, line])
        if code is not None:
            self.problems.append((index, code, why))

    def entity(self, index: int, line: str, fields: list[str]) -> None:
        tid = fields[0]
        head = fields[1].split(" ", 1) if len(fields) > 1 else []
        if len(fields) != 3 or len(head) != 2 or not _TYPE.match(head[0]):
            self.keep(index, line, "malformed-record",
                      f"text-bound annotation {tid!r} is not 'id<TAB>type start end<TAB>text'")
            return
        kind, ranges = head
        offsets: list[tuple[int, int]] = []
        for part in ranges.split(";"):
            match = _RANGE.match(part)
            if not match or int(match.group(1)) > int(match.group(2)):
                self.keep(index, line, "malformed-record",
                          f"text-bound annotation {tid!r} has a bad range {part!r}")
                return
            offsets.append((int(match.group(1)), int(match.group(2))))
        covered = fields[2]
        extra: dict[str, Any] = {"brat:type": kind}
        spans: list[Span] = []
        if self.source is None or offsets != sorted(set(offsets)):
            # Without the text, the offsets are all there is; with it, the spans
            # are kept in order, so the fragments' written order is kept here.
            extra["brat:offsets"] = [list(o) for o in offsets]
        if self.source is not None:
            text = self.source.text
            if any(end > len(text) for _, end in offsets):
                self.keep(index, line, "anchor-mismatch",
                          f"text-bound annotation {tid!r} reaches past the end of the text "
                          f"({len(text)} characters)")
                return
            spans = [Span(s, e, text[s:e]) for s, e in offsets]
            joined = " ".join(_clean(s.text) for s in spans)
            if joined != covered:
                self.keep(index, line, "anchor-mismatch",
                          f"text-bound annotation {tid!r} records {covered[:40]!r} but the "
                          f"text has {joined[:40]!r} there")
                return
        try:
            self.m.add_node(Claim(id=tid, text=covered, spans=spans, extra=extra))
        except ArgmapError as exc:
            self.keep(index, line, "duplicate-id" if tid in self.m else "malformed-record",
                      f"text-bound annotation {tid!r}: {exc}")
            return
        self.order.append(tid)

    def relation(self, index: int, line: str, fields: list[str]) -> bool:
        """Add a supports/attacks relation; False when the line is not one."""
        rid = fields[0]
        parts = fields[1].split(" ") if len(fields) > 1 else []
        if not parts or parts[0].lower() not in _SUPPORT | _ATTACK:
            return False  # another kind of relation: kept as it is
        args = {}
        for part in parts[1:]:
            match = _ARG.match(part)
            if match:
                args[match.group(1)] = match.group(2)
        if len(parts) != 3 or set(args) != {"Arg1", "Arg2"} or any(
                f.strip() for f in fields[2:]):
            self.keep(index, line, "malformed-record",
                      f"relation {rid!r} ({parts[0]}) is not 'Arg1:<id> Arg2:<id>' and nothing "
                      "after it; kept outside the graph")
            return True
        src, trg = args["Arg1"], args["Arg2"]
        for end in (src, trg):
            if not isinstance(self.m.nodes.get(end), Claim):
                self.keep(index, line, "dangling-reference",
                          f"relation {rid!r} refers to {end!r}, which is no text-bound "
                          "annotation")
                return True
        extra: dict[str, Any] = {"brat:relation": parts[0]}
        if parts[1].startswith("Arg2:"):
            extra["brat:arguments"] = "Arg2 Arg1"  # written in that order
        node = (Inference(id=rid, extra=extra) if parts[0].lower() in _SUPPORT
                else Conflict(id=rid, extra=extra))
        self._link(index, line, node, src, trg)
        return True

    def _link(self, index: int, line: str, node: Inference | Conflict, src: str,
              trg: str) -> bool:
        try:
            self.m.add_node(node)
        except ArgmapError as exc:
            self.keep(index, line, "duplicate-id", f"annotation {node.id!r}: {exc}")
            return False
        try:
            self.m.add_edge(Edge(id=f"{node.id}/in", from_id=src, to_id=node.id))
            self.m.add_edge(Edge(id=f"{node.id}/out", from_id=node.id, to_id=trg))
        except ArgmapError as exc:
            self.m.remove_node(node.id)
            self.keep(index, line, "malformed-record", f"annotation {node.id!r}: {exc}")
            return False
        self.order.append(node.id)
        return True

    def stance(self, index: int, line: str, fields: list[str], majors: list[str]) -> bool:
        """Add the relations a Stance attribute stands for; False when the line is not one."""
        aid = fields[0]
        parts = fields[1].split(" ") if len(fields) > 1 else []
        if not parts or parts[0] != "Stance":
            return False  # another attribute: kept as it is
        value = parts[2].capitalize() if len(parts) == 3 else ""
        if value not in _STANCE_VALUES or (len(fields) > 2 and any(f.strip() for f in fields[2:])):
            self.keep(index, line, "malformed-record",
                      f"attribute {aid!r} is not 'Stance <id> For' or 'Stance <id> Against'; "
                      "kept outside the graph")
            return True
        claim = parts[1]
        node = self.m.nodes.get(claim)
        if not isinstance(node, Claim):
            self.keep(index, line, "dangling-reference",
                      f"attribute {aid!r} refers to {claim!r}, which is no text-bound annotation")
            return True
        targets = [t for t in majors if t != claim]
        if not targets:
            self.keep(index, line, "dangling-reference",
                      f"attribute {aid!r} gives a stance toward the major claims, but the "
                      "document has none (other than the claim itself)")
            return True
        info = {"id": aid, "value": parts[2]}
        placed = False
        for target in targets:
            rel_id, rel_extra = f"{aid}/{target}", {"brat:stance": info}
            rel = (Inference(id=rel_id, extra=rel_extra) if value == "For"
                   else Conflict(id=rel_id, extra=rel_extra))
            ok = self._link(index, line, rel, claim, target)
            if ok:
                placed = True
                self.order.pop()
            elif placed:
                break
        if placed:
            self.order.append(aid)
        return True


def read_brat(ann: bytes | str, text: str | None = None, name: str = "<bytes>") -> ArgumentMap:
    """Read a brat ``.ann`` document; ``text`` is the content of its ``.txt``, if known.

    Example:
        >>> text = "Cats purr. So they are happy."
        >>> ann = ("T1\\tMajorClaim 14 28\\tthey are happy\\n"
        ...        "T2\\tPremise 0 9\\tCats purr\\n"
        ...        "R1\\tsupports Arg1:T2 Arg2:T1\\t\\n")
        >>> m = read_brat(ann, text)
        >>> m.node("T1").extra["brat:type"], m.conclusion("R1").id
        ('MajorClaim', 'T1')

    Raises:
        ParseError: if the annotation file is not UTF-8 text, or has a line
            (other than a blank one) that does not start with an annotation
            id and a tab.
    """
    content = _decode(ann, name) if isinstance(ann, bytes) else ann
    reader = _Reader(name, text)
    lines = content.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    ends = ["\r\n" if ln.endswith("\r") else "\n" for ln in lines]
    final = content.endswith("\n") or not lines
    lines = [ln[:-1] if ln.endswith("\r") else ln for ln in lines]
    for index, line in enumerate(lines):
        # A line that is not an annotation means the input is not brat (a JSON
        # or XML file read with the wrong format, say): refuse it rather than
        # keep it aside and return a map with nothing in it.
        if line.strip() and (not _ID.match(line.split("\t", 1)[0]) or "\t" not in line):
            raise ParseError(
                "not a brat annotation line (an id such as T1, R1, A1 or #1, a tab, then "
                f"the annotation): {_clean(line)[:60]!r}", source=name, line=index + 1)
    entities = [(i, ln) for i, ln in enumerate(lines) if ln.startswith("T")]
    # Text-bound annotations first: relations and attributes may come before them.
    for index, line in entities:
        fields = line.split("\t")
        if _T_LINE.match(fields[0]):
            reader.entity(index, line, fields)
        else:
            reader.keep(index, line)
    majors = [n.id for n in reader.m.nodes.values()
              if isinstance(n, Claim) and n.extra.get("brat:type") == "MajorClaim"]
    for index, line in enumerate(lines):
        if line.startswith("T"):
            continue
        fields = line.split("\t")
        head = fields[0]
        done = False
        if head.startswith("R"):
            done = reader.relation(index, line, fields)
        elif head.startswith("A"):
            done = reader.stance(index, line, fields, majors)
        if not done:
            reader.keep(index, line)
    # The graph was filled entities first; the order list says where each line was.
    positions: dict[str, int] = {}
    for index, line in enumerate(lines):
        positions.setdefault(line.split("\t")[0], index)
    order = sorted(reader.order, key=lambda i: positions.get(i, len(lines)))
    extra: dict[str, Any] = {"brat:order": order}
    # Line ends as the file has them: CRLF throughout, or a mix (kept line by line),
    # and no line end after the last line when the file has none.
    ended = ends if final else ends[:-1]
    if ended and all(e == "\r\n" for e in ended):
        extra["brat:newline"] = "\r\n"
    elif "\r\n" in ended:
        extra["brat:line-ends"] = "".join("r" if e == "\r\n" else "n" for e in ends)
    if not final:
        extra["brat:final-newline"] = False
    if reader.kept:
        extra["brat:kept"] = sorted(reader.kept, key=lambda k: int(k[0]))
    if reader.problems:
        extra["brat:problems"] = [[i, c, w] for i, c, w in sorted(reader.problems)]
    reader.m.set_extra(extra)
    return reader.m


def _text_beside(path: Path, name: str) -> tuple[str | None, str | None]:
    txt = path.with_suffix(".txt")
    if not txt.is_file():
        return None, None
    return _decode(read_input(txt), str(txt)), txt.name


def _load(data: bytes, *, name: str, path: Path | None) -> ArgumentMap:
    if path is not None and path.suffix.lower() == ".txt":
        # Asked to read the text as brat (format="brat"): read the annotations beside it.
        ann = path.with_suffix(".ann")
        if not ann.is_file():
            raise ParseError(f"no annotation file {ann.name!r} beside the text", source=name)
        m = read_brat(read_input(ann), _decode(data, name), str(ann))
        m.set_extra({**m.extra, "brat:text-file": path.name})
        return m
    if path is None:
        return read_brat(data, None, name)
    text, text_name = _text_beside(path, name)
    m = read_brat(data, text, name)
    if text_name is not None:
        m.set_extra({**m.extra, "brat:text-file": text_name})
    return m


# ------------------------------------------------------------------ writing
class _Writer:
    def __init__(self, m: ArgumentMap) -> None:
        self.m = m
        self.lost: dict[str, int] = {}
        self.used: set[str] = set()
        self.tids: dict[str, str] = {}
        for node in m.nodes.values():
            if isinstance(node, (Claim, Evidence)) and _T_LINE.match(node.id):
                self.tids[node.id] = node.id
                self.used.add(node.id)
        self.counters = {"T": 0, "R": 0, "A": 0}
        for ident in (*m.nodes, *self._kept_ids()):
            head = ident.split("/", 1)[0]
            if head[:1] in self.counters and head[1:].isdigit():
                self.used.add(head)
                self.counters[head[:1]] = max(self.counters[head[:1]], int(head[1:]))

    def _kept_ids(self) -> list[str]:
        out = []
        for entry in _kept(self.m):
            out.append(str(entry[1]).split("\t", 1)[0])
        return out

    def fresh(self, letter: str) -> str:
        self.counters[letter] += 1
        ident = f"{letter}{self.counters[letter]}"
        self.used.add(ident)
        return ident

    def lose(self, what: str) -> None:
        self.lost[what] = self.lost.get(what, 0) + 1

    def entity(self, node: INode) -> str | None:
        if node.implicit:
            self.lose("implicit propositions (no text)")
            return None
        if node.spans:
            by_range = {(s.start, s.end): s for s in node.spans}
            written = node.extra.get("brat:offsets")
            order = [tuple(o) for o in written if isinstance(o, tuple)] \
                if isinstance(written, tuple) else []
            # The fragments as written (a repeated one included) when they are
            # still the spans; else the spans in text order.
            spans = ([by_range[o] for o in order]  # type: ignore[index]
                     if order and set(order) == set(by_range) else list(node.spans))
            ranges = ";".join(f"{s.start} {s.end}" for s in spans)
            covered = " ".join(_clean(s.text) for s in spans)
        else:
            offsets = node.extra.get("brat:offsets")
            if not isinstance(offsets, tuple) or not offsets:
                self.lose("propositions without text spans")
                return None
            ranges = ";".join(f"{o[0]} {o[1]}" for o in offsets if isinstance(o, tuple))
            covered = _clean(node.text)
        kind = node.extra.get("brat:type")
        if not isinstance(kind, str) or not _TYPE.match(kind):
            kind = self._default_type(node)
        tid = self.tids.get(node.id) or self.fresh("T")
        self.tids[node.id] = tid
        return f"{tid}\t{kind} {ranges}\t{covered}"

    def _default_type(self, node: INode) -> str:
        # Something that supports or attacks is a premise; what only receives is a claim.
        return "Premise" if self.m.outgoing(node) else "Claim"

    def relations(self, node: Inference | Conflict) -> list[str]:
        kind = "supports" if isinstance(node, Inference) else "attacks"
        written = node.extra.get("brat:relation")
        if isinstance(written, str) and written.lower() in (
                _SUPPORT if isinstance(node, Inference) else _ATTACK):
            kind = written
        if isinstance(node, Inference):
            sources = list(self.m.premises(node))
            target = self.m.conclusion(node)
        else:
            attacker = self.m.attacker(node)
            sources = [attacker] if attacker is not None else []
            target = self.m.target(node)
        if target is None or target.id not in self.tids or not sources:
            self.lose(f"{kind} relations whose ends are not text-bound propositions")
            return []
        ends = [s for s in sources if s.id in self.tids]
        if not ends:
            self.lose(f"{kind} relations whose ends are not text-bound propositions")
            return []
        if len(ends) != len(sources):
            self.lose("premises that are not text-bound propositions")
        if len(ends) > 1:
            self.lose("linked inferences (written as one relation per premise)")
        out = []
        for i, src in enumerate(ends):
            rid = node.id if i == 0 and _R_LINE.match(node.id) else self.fresh("R")
            args = [f"Arg1:{self.tids[src.id]}", f"Arg2:{self.tids[target.id]}"]
            if node.extra.get("brat:arguments") == "Arg2 Arg1":
                args.reverse()
            out.append(f"{rid}\t{kind} {' '.join(args)}\t")
        return out


def _kept(m: ArgumentMap) -> list[tuple[Any, ...]]:
    kept = m.extra.get("brat:kept")
    if not isinstance(kept, tuple):
        return []
    return [k for k in kept if isinstance(k, tuple) and len(k) == 2
            and isinstance(k[0], int) and isinstance(k[1], str)]


def dump_ann(m: ArgumentMap) -> bytes:
    """The ``.ann`` document for ``m`` (its text goes in the ``.txt``: see :func:`write_brat`).

    Annotations read from brat keep their ids, order and kept lines, so a brat
    file is written back as it was read.  Anything brat cannot carry (implicit
    or unanchored propositions, relations between other nodes, linked
    inferences, dialogue, other formats' ``extra`` data) is reported with one
    :class:`~argmap.ArgmapWarning`.
    """
    w = _Writer(m)
    blocks: dict[str, list[str]] = {}
    stance_lines: dict[str, str] = {}
    stance_sources: dict[str, str] = {}
    for node in m.nodes.values():
        if isinstance(node, (Claim, Evidence)):
            line = w.entity(node)
            if line is not None:
                blocks[node.id] = [line]
    for node in m.nodes.values():
        if isinstance(node, (Inference, Conflict)):
            info = node.extra.get("brat:stance")
            if isinstance(info, FrozenJSONDict) and _stance_ok(m, node, info):
                aid = str(info["id"])
                src = m.premises(node)[0] if isinstance(node, Inference) else m.attacker(node)
                assert src is not None
                if src.id in w.tids and stance_sources.get(aid, src.id) == src.id:
                    stance_sources[aid] = src.id
                    stance_lines[aid] = f"{aid}\tStance {w.tids[src.id]} {info['value']}"
                    continue
            blocks[node.id] = w.relations(node)
        elif not isinstance(node, (Claim, Evidence)):
            w.lose(f"{node.kind.value} nodes" if node.kind is not NodeKind.UNKNOWN
                   else "nodes of unknown kind")
    for aid, line in stance_lines.items():
        blocks[aid] = [line]
    for what, extras in (("nodes", [n.extra for n in m.nodes.values()]),
                         ("edges", [e.extra for e in m.edges.values()]), ("the map", [m.extra])):
        for extra in extras:
            if foreign_extra(extra, "brat:"):
                w.lose(f"extra data of other formats on {what}")
    order = m.extra.get("brat:order")
    ids = [i for i in order if isinstance(i, str) and i in blocks] if isinstance(
        order, tuple) else []
    seen = set(ids)
    ids.extend(i for i in blocks if i not in seen)
    lines = [ln for i in ids for ln in blocks[i]]
    for position, line in _kept(m):
        lines.insert(min(position, len(lines)), line)
    if w.lost:
        what = "; ".join(f"{n} {k}" for k, n in w.lost.items())
        warnings.warn(f"brat cannot carry part of this map; left out: {what}",
                      ArgmapWarning, stacklevel=3)
    newline = "\r\n" if m.extra.get("brat:newline") == "\r\n" else "\n"
    ends = [newline] * len(lines)
    mixed = m.extra.get("brat:line-ends")
    if isinstance(mixed, str) and len(mixed) == len(lines):  # the lines as read
        ends = ["\r\n" if c == "r" else "\n" for c in mixed]
    if m.extra.get("brat:final-newline") is False and ends:
        ends[-1] = ""
    return "".join(f"{ln}{end}" for ln, end in zip(lines, ends, strict=True)).encode("utf-8")


def _stance_ok(m: ArgumentMap, node: Node, info: FrozenJSONDict) -> bool:
    value = info.get("value")
    value = value.capitalize() if isinstance(value, str) else None
    expected = Inference if value == "For" else Conflict if value == "Against" else None
    if expected is None or not isinstance(node, expected) or not isinstance(info.get("id"), str):
        return False
    if isinstance(node, Inference):
        return len(m.premises(node)) == 1
    return m.attacker(node) is not None


def write_brat(m: ArgumentMap, path: str | Path) -> None:
    """Write ``m`` as ``<name>.ann`` and ``<name>.txt`` (its source text), atomically each.

    ``path`` may name either file; the other gets the same stem.

    Example:
        >>> import tempfile, pathlib
        >>> m = ArgumentMap(source=Source(text="Cats purr."))
        >>> _ = m.add_claim(quote="Cats purr", extra={"brat:type": "Claim"})
        >>> out = pathlib.Path(tempfile.mkdtemp(), "cats.ann")
        >>> write_brat(m, out)
        >>> out.read_text()
        'T1\\tClaim 0 9\\tCats purr\\n'

    Raises:
        WriteError: if the map has no source text, or a file cannot be written.
    """
    from argmap._errors import WriteError

    target = Path(path)
    if m.source is None:
        raise WriteError(f"cannot write {str(target)!r} as brat: the map has no source text")
    ann = dump_ann(m)
    atomic_write(target.with_suffix(".txt"), m.source.text.encode("utf-8"))
    atomic_write(target.with_suffix(".ann"), ann)


def problems(m: ArgumentMap) -> list[Problem]:
    """Lines of a brat map kept outside the graph because they could not be placed."""
    found = m.extra.get("brat:problems")
    if not isinstance(found, tuple):
        return []
    out = []
    for entry in found:
        if isinstance(entry, tuple) and len(entry) == 3:
            index, code, why = entry
            out.append(Problem(str(code), f"annotation line {int(str(index)) + 1}: {why}"))
    return out


def _sniff(data: bytes) -> bool:
    head = data[:4096].decode("utf-8", "replace").lstrip("\ufeff")
    first = head.split("\n", 1)[0]
    fields = first.split("\t")
    return (len(fields) >= 2 and re.match(r"[TRAEMN#*]\d*\Z", fields[0]) is not None
            and bool(fields[1]))


FORMAT = Format(
    **described("brat"),
    load=_load,
    dump=dump_ann,
    sniff=_sniff,
)
