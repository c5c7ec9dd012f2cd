"""The HTML reader view: one self-contained file with the text, the map and a unit panel.

:func:`to_html` turns a map (and, optionally, its evaluation) into one HTML
document that opens from disk with no network at all: the style sheet and the
script are inlined from package data (``argmap/data/htmlview/``), the map is
laid out here in Python (so the browser only draws it), and the map's content
travels as JSON inside a ``<script type="application/json">`` block.

Why it is safe with hostile maps
--------------------------------
Node texts, names and metadata come from files written by strangers.  They
never reach the HTML parser as markup: the JSON block escapes ``<``, ``>``,
``&`` and the line separators U+2028/U+2029, so no text can close the block,
and the script builds every element with ``textContent``.  A Content Security
Policy in the page allows only the inline script and style whose SHA-256
hashes it names and forbids every fetch (``default-src 'none'``), so even
markup that slipped through could neither run nor load anything.

Layout
------
The map is drawn in layers, conclusions on top: a node's row is the length of
the longest path from it to a sink (so premises sit just below what they
support), rows are ordered by a few barycentre sweeps, and x positions are
pulled towards neighbours while keeping nodes apart.  Connected parts are
packed in shelves.  Two layouts are computed: the argument layer alone and
the whole map with its dialogue layer, since hiding the dialogue nodes of one
layout would leave holes.
"""

from __future__ import annotations

import base64
import bisect
import hashlib
import html
import itertools
import json
import os
import re
import textwrap
from collections.abc import Callable, Iterable, Mapping, Sequence
from importlib import resources
from pathlib import Path
from typing import Any, Literal

from argmap._atomic import atomic_write
from argmap._errors import RenderError, SchemeError
from argmap._map import ArgumentMap
from argmap._nodes import (
    Claim,
    Conflict,
    Evidence,
    Illocution,
    Inference,
    Locution,
    Node,
    NodeKind,
    UnknownNode,
)
from argmap.reasoning._aspic import Evaluation
from argmap.reasoning._aspic import evaluate as _evaluate
from argmap.reasoning._questions import open_questions
from argmap.view._views import View

__all__ = ["HtmlView", "to_html", "write_html"]

#: Which layer the reader view shows first.
HtmlView = Literal["argument", "dialogue"]

#: Characters per line of a node's label in the map, and lines shown.
_WRAP = 30
_MAX_LINES = 4
_BOX_W = 210
_LINE_H = 15
_GAP_X = 24
_GAP_Y = 46

_ASSERTIVE = ("Asserting", "Default Illocuting")


# ------------------------------------------------------------------ escaping
def script_json(value: object) -> str:
    """JSON text safe inside an HTML ``<script>`` element.

    ``<``, ``>`` and ``&`` become ``\\u003c`` and so on, so the text can never
    contain ``</script>`` or ``<!--``; U+2028 and U+2029 are escaped because
    older JavaScript parsers read them as line ends.
    """
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return (
        text.replace("&", "\\u0026")
        .replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029")
    )


def _attr(text: str) -> str:
    """Escape text for an HTML attribute value or element content."""
    return html.escape(text, quote=True)


def _asset(name: str) -> str:
    folder = resources.files("argmap").joinpath("data").joinpath("htmlview")
    return folder.joinpath(name).read_text("utf-8")


def _csp_hash(text: str) -> str:
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


# -------------------------------------------------------------------- layout
def _wrap(text: str) -> list[str]:
    flat = " ".join(text.split())
    lines = textwrap.wrap(flat, width=_WRAP, break_long_words=True, break_on_hyphens=False)
    if not lines:
        return [""]
    if len(lines) > _MAX_LINES:
        lines = lines[:_MAX_LINES]
        lines[-1] = lines[-1][: _WRAP - 1].rstrip() + "…"
    return lines


def layout(
    ids: Sequence[int],
    edges: Iterable[tuple[int, int]],
    size: Callable[[int], tuple[float, float]],
) -> dict[int, tuple[float, float]]:
    """Top-left corners of the boxes of ``ids`` in a layered drawing.

    Args:
        ids: the nodes to place.
        edges: (tail, head) pairs; pairs with an end outside ``ids`` are skipped.
        size: a node's (width, height).

    Returns:
        (x, y) of each node's top-left corner; every coordinate is >= 0 and
        no two boxes overlap.
    """
    members = set(ids)
    succ: dict[int, list[int]] = {i: [] for i in ids}
    pred: dict[int, list[int]] = {i: [] for i in ids}
    for a, b in edges:
        if a in members and b in members and a != b:
            succ[a].append(b)
            pred[b].append(a)
    parent = {i: i for i in ids}

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a in ids:
        for b in succ[a]:
            ra, rb = find(a), find(b)
            if ra != rb:
                parent[max(ra, rb)] = min(ra, rb)
    parts: dict[int, list[int]] = {}
    for i in ids:
        parts.setdefault(find(i), []).append(i)
    placed: list[tuple[float, float, dict[int, tuple[float, float]]]] = []
    for part in parts.values():
        placed.append(_layout_part(part, succ, pred, size))
    return _pack(placed)


def _ranks(part: list[int], succ: Mapping[int, list[int]]) -> dict[int, int]:
    """Longest path to a sink, with edges closing a cycle ignored."""
    rank: dict[int, int] = {}
    on_stack: set[int] = set()
    for start in part:
        if start in rank:
            continue
        stack: list[tuple[int, int]] = [(start, 0)]
        on_stack.add(start)
        while stack:
            node, i = stack[-1]
            nexts = succ[node]
            if i < len(nexts):
                stack[-1] = (node, i + 1)
                nxt = nexts[i]
                if nxt not in rank and nxt not in on_stack:
                    on_stack.add(nxt)
                    stack.append((nxt, 0))
                continue
            stack.pop()
            on_stack.discard(node)
            rank[node] = 1 + max((rank[s] for s in nexts if s in rank), default=-1)
    return rank


def _layout_part(
    part: list[int],
    succ: Mapping[int, list[int]],
    pred: Mapping[int, list[int]],
    size: Callable[[int], tuple[float, float]],
) -> tuple[float, float, dict[int, tuple[float, float]]]:
    rank = _ranks(part, succ)
    depth = max(rank.values()) + 1
    rows: list[list[int]] = [[] for _ in range(depth)]
    for i in part:  # map order first: the annotation's own order is a good start
        rows[rank[i]].append(i)
    pos = {i: float(k) for row in rows for k, i in enumerate(row)}

    def sweep(row: list[int], nbrs: Mapping[int, list[int]]) -> None:
        keys: dict[int, float] = {}
        for k, i in enumerate(row):
            near = [pos[j] for j in nbrs[i] if j in pos]
            keys[i] = sum(near) / len(near) if near else float(k)
        row.sort(key=lambda i: keys[i])
        for k, i in enumerate(row):
            pos[i] = float(k)

    for _ in range(3):
        for r in range(1, depth):
            sweep(rows[r], succ)
        for r in range(depth - 2, -1, -1):
            sweep(rows[r], pred)

    widths = {i: size(i)[0] for i in part}
    x: dict[int, float] = {}
    for row in rows:
        cursor = 0.0
        for i in row:
            x[i] = cursor + widths[i] / 2
            cursor += widths[i] + _GAP_X
    for _ in range(4):
        for r in list(range(depth)) + list(range(depth - 1, -1, -1)):
            _pull(rows[r], x, widths, succ, pred)
    left = min(x[i] - widths[i] / 2 for i in part)
    heights = [max(size(i)[1] for i in row) for row in rows]
    tops = [0.0]
    for h in heights[:-1]:
        tops.append(tops[-1] + h + _GAP_Y)
    out: dict[int, tuple[float, float]] = {}
    for r, row in enumerate(rows):
        for i in row:
            h = size(i)[1]
            out[i] = (x[i] - widths[i] / 2 - left, tops[r] + (heights[r] - h) / 2)
    width = max(out[i][0] + widths[i] for i in part)
    return width, tops[-1] + heights[-1], out


def _pull(
    row: list[int],
    x: dict[int, float],
    widths: Mapping[int, float],
    succ: Mapping[int, list[int]],
    pred: Mapping[int, list[int]],
) -> None:
    """Move a row's nodes towards their neighbours' centres, keeping order and gaps.

    The leftmost placement meeting the gaps and the rightmost one each satisfy
    every gap constraint; so does their average, which is what is used.
    """
    if not row:
        return
    want = []
    for i in row:
        near = [x[j] for j in (*succ[i], *pred[i])]
        want.append(sum(near) / len(near) if near else x[i])
    sep = [(widths[a] + widths[b]) / 2 + _GAP_X for a, b in itertools.pairwise(row)]
    fwd = [want[0]]
    for k in range(1, len(row)):
        fwd.append(max(want[k], fwd[-1] + sep[k - 1]))
    bwd = [want[-1]]
    for k in range(len(row) - 2, -1, -1):
        bwd.append(min(want[k], bwd[-1] - sep[k]))
    bwd.reverse()
    for k, i in enumerate(row):
        x[i] = (fwd[k] + bwd[k]) / 2


def _pack(
    parts: list[tuple[float, float, dict[int, tuple[float, float]]]],
) -> dict[int, tuple[float, float]]:
    """Shelf-pack the parts, biggest first, into rows about as wide as the whole is tall."""
    if not parts:
        return {}
    parts = sorted(parts, key=lambda p: (-p[1] * p[0], min(p[2])))
    area = sum((w + _GAP_X * 2) * (h + _GAP_Y) for w, h, _ in parts)
    limit = max(max(w for w, _, _ in parts), area**0.5 * 1.6)  # noqa: PLW3301
    out: dict[int, tuple[float, float]] = {}
    cx = cy = shelf = 0.0
    for w, h, pos in parts:
        if cx > 0 and cx + w > limit:
            cx, cy, shelf = 0.0, cy + shelf + _GAP_Y * 1.5, 0.0
        for i, (px, py) in pos.items():
            out[i] = (px + cx, py + cy)
        cx += w + _GAP_X * 2
        shelf = max(shelf, h)
    return out


# ------------------------------------------------------------------- payload
_PARAGRAPH_BREAK = re.compile(r"\r?\n(?:[ \t]*\r?\n)+")


def _utf16(text: str) -> Callable[[int], int] | None:
    """Code-point offset -> UTF-16 offset in ``text`` (what JavaScript's strings count),
    or None when the two agree (no character outside the Basic Multilingual Plane)."""
    astral = [i for i, ch in enumerate(text) if ord(ch) > 0xFFFF]
    if not astral:
        return None
    return lambda offset: offset + bisect.bisect_left(astral, offset)


def _segments(text: str, spans: Mapping[int, list[tuple[int, int]]]) -> list[list[list[Any]]]:
    """The text cut into paragraphs of [start, end, [node indexes]] segments."""
    cuts = {0, len(text)}
    for ranges in spans.values():
        for s, e in ranges:
            cuts.update((s, e))
    starts: dict[int, list[int]] = {}
    ends: dict[int, list[int]] = {}
    for idx, ranges in spans.items():
        for s, e in ranges:
            if e > s:
                starts.setdefault(s, []).append(idx)
                ends.setdefault(e, []).append(idx)
    breaks: list[tuple[int, int]] = []
    # A paragraph ends at an empty line, whatever the line ends (LF or CRLF).
    for gap in _PARAGRAPH_BREAK.finditer(text):
        breaks.append((gap.start(), gap.end()))
        cuts.update((gap.start(), gap.end()))
    inside: dict[int, int] = {}  # node -> how many of its ranges are open here
    paras: list[list[list[Any]]] = [[]]
    order = sorted(cuts)
    brk = dict(breaks)
    skip_to = -1
    for a, b in itertools.pairwise(order):
        for idx in ends.get(a, ()):
            inside[idx] -= 1
            if not inside[idx]:
                del inside[idx]
        for idx in starts.get(a, ()):
            inside[idx] = inside.get(idx, 0) + 1
        if a < skip_to:
            continue
        if a in brk:
            skip_to = brk[a]
            if paras[-1]:
                paras.append([])
            continue
        paras[-1].append([a, b, sorted(inside)])
    if not paras[-1]:
        paras.pop()
    return paras


def _role(view: View, node: Node, main: set[str], forces: list[str]) -> str:
    if isinstance(node, (Claim, Evidence)):
        if node.implicit:
            return "implicit"
        if node.id in main:
            return "main"
        anchors = [
            p for ya in view.m.predecessors(node) if ya.kind is NodeKind.YA
            for p in view.m.predecessors(ya) if isinstance(p, Locution)
        ]
        if anchors and all(a.id in view.reported for a in anchors):
            return "reported"
        if any(f == "Conceding" for f in forces) and not any(f in _ASSERTIVE for f in forces):
            return "conceded"
        return "evidence" if isinstance(node, Evidence) else "claim"
    if isinstance(node, Locution):
        return "reported" if node.id in view.reported else "L"
    if isinstance(node, UnknownNode):
        return "unknown"
    return node.kind.value


def _payload(
    m: ArgumentMap, evaluation: Evaluation | None, initial: HtmlView, focus: str | None
) -> dict[str, Any]:
    view = View(m, "full")
    main = view.main_claims()
    index = {nid: k for k, nid in enumerate(m.nodes)}
    people = list(m.participants)
    pindex = {pid: k for k, pid in enumerate(people)}
    nodes: list[dict[str, Any]] = []
    spans: dict[int, list[tuple[int, int]]] = {}
    argument_layer: list[int] = []
    sizes: list[tuple[float, float]] = []
    for k, node in enumerate(m.nodes.values()):
        rec: dict[str, Any] = {"id": node.id, "k": node.kind.value}
        by: list[list[Any]] = []
        forces: list[str] = []
        for ya in m.predecessors(node):
            if not isinstance(ya, Illocution):
                continue
            force = ya.force or ya.display
            for loc in m.predecessors(ya):
                if isinstance(loc, Locution):
                    forces.append(force)
                    who = pindex.get(loc.speaker) if loc.speaker is not None else None
                    by.append([who, force, index[loc.id]])
        if by:
            rec["by"] = by
        role = _role(view, node, main, forces)
        rec["r"] = role
        text: str | None
        if isinstance(node, (Claim, Evidence, Locution)):
            text = node.text
        elif isinstance(node, UnknownNode):
            text = f"{node.type}: {node.text}" if node.text else node.type
        else:
            text = node.display
        rec["t"] = text
        if isinstance(node, Evidence):
            rec["et"] = node.evidence_type.value
        if isinstance(node, Locution):
            if node.speaker is not None:
                rec["spk"] = pindex.get(node.speaker)
                if rec["spk"] is None:
                    rec["spkid"] = node.speaker
            if node.said_at:
                rec["at"] = node.said_at
        node_spans = getattr(node, "spans", ())
        if node_spans and m.source is not None:
            ranges = [(s.start, s.end) for s in node_spans if s.end <= len(m.source.text)]
            if ranges:
                rec["sp"] = ranges
                spans[k] = ranges
        if isinstance(node, (Inference, Conflict)) or node.kind in (NodeKind.MA, NodeKind.PA):
            scheme = getattr(node, "scheme", None)
            if scheme:
                rec["sch"] = scheme
            who_ids = _arguer_ids(m, node, pindex)
            if who_ids:
                rec["arg"] = who_ids
        if isinstance(node, Conflict):
            rec["ck"] = m.conflict_kind(node).value
        if isinstance(node, Inference):
            try:
                rec["cq"] = [q.text for q in open_questions(m, node)]
            except SchemeError:
                rec["cq"] = None
        if evaluation is not None and node.id in evaluation.statuses:
            rec["st"] = evaluation.statuses[node.id].value
        in_argument = node.kind not in (NodeKind.YA, NodeKind.TA) and (
            not isinstance(node, Locution) or view._argumentative(node)
        )
        rec["ly"] = "a" if in_argument else "d"
        if in_argument:
            argument_layer.append(k)
        lines = _wrap(text or "") if node.kind in (NodeKind.I, NodeKind.L, NodeKind.UNKNOWN) \
            else _wrap(_short(text or ""))[:2]
        rec["ln"] = lines
        if node.kind in (NodeKind.I, NodeKind.L, NodeKind.UNKNOWN):
            w, h = float(_BOX_W), 26.0 + _LINE_H * len(lines)
        else:
            w = float(min(190, max(84, 7 * max(len(line) for line in lines) + 20)))
            h = 20.0 + _LINE_H * len(lines)
        rec["w"], rec["h"] = w, h
        sizes.append((w, h))
        nodes.append(rec)
    edges: list[list[Any]] = []
    for edge in m.edges.values():
        a, b = index.get(edge.from_id), index.get(edge.to_id)
        if a is None or b is None or a == b:
            continue
        edges.append([a, b])
    pairs = [(a, b) for a, b in edges]
    full = layout(range(len(nodes)), pairs, lambda i: sizes[i])
    arg = layout(argument_layer, pairs, lambda i: sizes[i])
    for k, rec in enumerate(nodes):
        rec["pd"] = [round(full[k][0], 1), round(full[k][1], 1)]
        if k in arg:
            rec["pa"] = [round(arg[k][0], 1), round(arg[k][1], 1)]
    source = m.source
    data: dict[str, Any] = {
        "v": 1,
        "nodes": nodes,
        "edges": edges,
        "people": [
            {"id": p.id, "name": p.name, "desc": p.description} for p in m.participants.values()
        ],
        "view": initial,
        "sem": evaluation.semantics if evaluation is not None else None,
        "focus": index.get(focus) if focus is not None else None,
    }
    if source is not None:
        data["title"] = source.title
        data["meta"] = [
            [label, value]
            for label, value in (
                ("Author", source.author),
                ("Publisher", source.publisher),
                ("Published", source.published),
                ("Source", source.url),
            )
            if value
        ]
        data["text"] = source.text
        data["paras"] = _segments(source.text, spans)
        to16 = _utf16(source.text)
        if to16 is not None:
            # The page slices the text in JavaScript, which counts UTF-16 code units:
            # after an emoji, a code-point offset would land one unit short.
            for para in data["paras"]:
                for seg in para:
                    seg[0], seg[1] = to16(seg[0]), to16(seg[1])
            for ranges in spans.values():
                ranges[:] = [(to16(a), to16(b)) for a, b in ranges]
    return data


def _short(label: str) -> str:
    for prefix in ("Argument From ", "Argument from "):
        if label.startswith(prefix) and len(label) > len(prefix):
            return label[len(prefix):]
    return label


def _arguer_ids(m: ArgumentMap, node: Node, pindex: Mapping[str, int]) -> list[int]:
    out: list[int] = []
    for ya in m.predecessors(node):
        if ya.kind is not NodeKind.YA:
            continue
        for ta in m.predecessors(ya):
            if ta.kind is not NodeKind.TA:
                continue
            for loc in (*m.predecessors(ta), *m.successors(ta)):
                if isinstance(loc, Locution) and loc.speaker is not None \
                        and loc.speaker in pindex:
                    who = pindex[loc.speaker]
                    if who not in out:
                        out.append(who)
    return out


# ---------------------------------------------------------------- public API
def to_html(
    m: ArgumentMap,
    *,
    evaluate: str | Evaluation | None = None,
    view: HtmlView = "argument",
    focus: str | None = None,
    title: str | None = None,
) -> str:
    """The reader view of a map as one self-contained HTML document.

    Args:
        m: the map.
        evaluate: a semantics name (``"grounded"``, ...) to evaluate the map
            with, or an :class:`~argmap.reasoning.Evaluation` already made; the view
            then shows each proposition's status and offers an IN/OUT/UNDEC
            filter.  None shows no statuses.
        view: the layer shown first: ``"argument"`` or ``"dialogue"`` (the
            reader can switch).
        focus: id of a node to select when the page opens.
        title: the page title; default: the source's title, else "Argument map".

    Returns:
        The HTML text.

    Raises:
        RenderError: for an unknown view or a focus node not in the map.
        FrameworkError: for an unknown semantics.
    """
    if view not in ("argument", "dialogue"):
        raise RenderError(f"the HTML view must be 'argument' or 'dialogue', got {view!r}")
    if focus is not None and focus not in m.nodes:
        raise RenderError(f"cannot focus on {focus!r}: no such node in the map")
    evaluation = _evaluate(m, evaluate) if isinstance(evaluate, str) else evaluate
    data = _payload(m, evaluation, view, focus)
    css = _asset("view.css")
    js = _asset("view.js")
    heading = title or (m.source.title if m.source is not None and m.source.title else None)
    page_title = heading or "Argument map"
    csp = (
        "default-src 'none'; "
        f"script-src {_csp_hash(js)}; style-src {_csp_hash(css)}; "
        "img-src 'none'; connect-src 'none'; font-src 'none'; media-src 'none'; "
        "object-src 'none'; frame-src 'none'; form-action 'none'; base-uri 'none'"
    )
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{csp}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="referrer" content="no-referrer">\n'
        f"<title>{_attr(page_title)}</title>\n"
        f"<style>{css}</style>\n</head>\n<body>\n"
        '<noscript><p class="noscript">This reader view needs JavaScript to draw the map; '
        "the map data is in this file as JSON.</p></noscript>\n"
        f'<script type="application/json" id="argmap-data">{script_json(data)}</script>\n'
        f"<script>{js}</script>\n</body>\n</html>\n"
    )


def write_html(
    m: ArgumentMap,
    path: str | os.PathLike[str],
    *,
    evaluate: str | Evaluation | None = None,
    view: HtmlView = "argument",
    focus: str | None = None,
) -> Path:
    """Write the reader view of :func:`to_html` to ``path`` atomically."""
    target = Path(path)
    atomic_write(target, to_html(m, evaluate=evaluate, view=view, focus=focus).encode("utf-8"))
    return target
