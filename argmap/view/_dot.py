"""Graphviz DOT text of a map (pure Python, no dependency): boxes, edges, clusters, a key."""

from __future__ import annotations

import itertools
from collections.abc import Mapping
from typing import Literal

import attrs

from argmap._errors import RenderError
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
    Preference,
    Rephrase,
    Transition,
    UnknownNode,
)
from argmap.view._style import (
    EDGE_STYLE,
    FONT,
    PALETTE,
    dot_html,
    dot_quote,
    short_scheme,
    wrap_lines,
)
from argmap.view._views import DialogueView, PictureView, View, neighbourhood, paragraph_of

__all__ = [
    "to_dot",
]


@attrs.frozen
class _Box:
    """One drawn node: its DOT id, map id, style key and label parts."""

    dot_id: str
    node: Node
    style: str
    title: str | None
    body: str
    caption: str | None


@attrs.frozen
class _Line:
    """One drawn edge between two drawn nodes."""

    tail: str
    head: str
    style: str
    label: str | None = None


def _node_box(
    view: View, node: Node, dot_id: str, *, main: set[str], wrap: int, max_lines: int | None
) -> _Box:
    m = view.m
    if isinstance(node, (Claim, Evidence)):
        if node.implicit:
            style = "implicit"
        elif node.id in main:
            style = "main"
        elif isinstance(node, Evidence):
            style = "evidence"
        else:
            style = "claim"
        tags: list[str] = []
        if isinstance(node, Evidence):
            tags.append(f"evidence: {node.evidence_type.value}")
        if node.implicit:
            tags.append("implicit premise" if not m.supporters(node) else "implicit")
        if node.id in main:
            tags.append("main claim")
        if view.dialogue != "full":
            tags.extend(f.lower() for f in view.forces_of(node))
        if view.badges:
            tags.extend(f"said by {name}" for name in view.said_by(node))
        return _Box(dot_id, node, style, None, _wrapped(node.text, wrap, max_lines),
                    " · ".join(tags) or None)
    if isinstance(node, Locution):
        speaker = view.speaker_name(node) or "unknown speaker"
        style = "reported" if node.id in view.reported else "L"
        # Words anchored in the text are quoted; a paraphrase (no anchor) is not.
        words = f"“{node.text}”" if node.spans else node.text
        return _Box(dot_id, node, style, speaker, _wrapped(words, wrap, max_lines),
                    node.said_at)
    if isinstance(node, UnknownNode):
        text = f"{node.type}: {node.text}" if node.text else node.type
        return _Box(dot_id, node, "unknown", None, _wrapped(text, wrap, max_lines), None)
    assert isinstance(node, (Inference, Conflict, Rephrase, Preference, Illocution, Transition))
    label = node.label or (short_scheme(node.scheme) if node.scheme else node.display)
    caption: str | None = None
    if isinstance(node, Conflict):
        kind = m.conflict_kind(node).value
        caption = kind if kind != "other" else None
    if view.dialogue != "full":
        who = view.arguers(node)
        if who:
            caption = "argued by " + ", ".join(who) if caption is None else (
                f"{caption} · argued by {', '.join(who)}"
            )
    return _Box(dot_id, node, node.kind.value, None, _wrapped(label, 24, None), caption)


def _wrapped(text: str, wrap: int, max_lines: int | None) -> str:
    return "<br/>".join(dot_html(line) for line in wrap_lines(text, wrap, max_lines))


def _edge_style(m: ArgumentMap, tail: Node, head: Node) -> str:
    kinds = (tail.kind, head.kind)
    if NodeKind.CA in kinds:
        return "attack"
    if NodeKind.PA in kinds:
        return "preference"
    if NodeKind.MA in kinds:
        return "rephrase"
    if NodeKind.YA in kinds:
        return "speech"
    if NodeKind.TA in kinds:
        return "transition"
    if NodeKind.RA in kinds:
        return "support"
    return "other"


def _lines(view: View, ids: Mapping[str, str]) -> list[_Line]:
    m = view.m
    out: list[_Line] = []
    seen: set[tuple[str, str, str]] = set()

    def add(tail: str, head: str, style: str, label: str | None = None) -> None:
        key = (tail, head, style)
        if key not in seen:
            seen.add(key)
            out.append(_Line(ids[tail], ids[head], style, label))

    for edge in m.edges.values():
        tail, head = m.nodes.get(edge.from_id), m.nodes.get(edge.to_id)
        if tail is None or head is None or tail.id == head.id:
            continue
        if tail.id in ids and head.id in ids:
            add(tail.id, head.id, _edge_style(m, tail, head))
            continue
        if head.id in view.folded:
            if tail.id not in ids:
                continue
            style = "attack" if head.kind is NodeKind.CA else "support"
            for after in m.successors(head):
                if after.id in ids:
                    add(tail.id, after.id, style, view.folded[head.id])
            continue
        # Fold a hidden YA or TA into an edge between the drawn nodes it joins.
        if head.id in view.hidden and head.kind in (NodeKind.YA, NodeKind.TA):
            if tail.id not in ids:
                continue
            for after in m.successors(head):
                if after.id not in ids:
                    continue
                if isinstance(head, Illocution):
                    force = head.force or head.display
                    add(tail.id, after.id, "speech", force.lower())
                elif isinstance(after, Locution):
                    scheme = head.display if isinstance(head, Transition) else None
                    label = None if scheme in (None, "Default Transition") else scheme
                    add(tail.id, after.id, "transition", label)
    for a, b in view.mutual:
        if a in ids and b in ids:
            add(a, b, "contradiction", "contradict")
    return out


# ------------------------------------------------------------------- public API
def to_dot(
    m: ArgumentMap,
    *,
    dialogue: DialogueView = "full",
    wrap: int = 34,
    max_lines: int | None = 12,
    rankdir: Literal["BT", "TB", "LR", "RL"] = "BT",
    title: str | bool = True,
    legend: bool = False,
    stagger: int = 1,
    fold: bool = False,
    stack: bool = False,
    graph_attrs: Mapping[str, str] | None = None,
    view: PictureView | None = None,
    focus: str | Node | None = None,
    depth: int = 2,
    clusters: bool = False,
) -> str:
    """Write a map as Graphviz DOT text (no dependency needed).

    Nodes are styled by kind: claims (blue), evidence (light blue, with its
    evidence type), implicit premises (dashed), main claims (bold), inferences
    (green), conflicts (red, with rebut/undermine/undercut), preferences
    (teal), rephrases (orange), locutions (yellow, speaker in bold; grey when
    reported) and illocutions and transitions.  Support edges are green,
    attacks red, preferences dashed teal, speech (illocutions) dotted.  The
    output depends only on the map, so it is stable from run to run.

    Args:
        m: the map.
        dialogue: ``"full"`` draws every node; ``"compact"`` folds the
            dialogue layer (see the module documentation); ``"argument"``
            leaves it out.
        wrap: characters per label line.
        max_lines: cut a label after this many lines (the full text stays in
            the node's tooltip); None never cuts.
        rankdir: layout direction; ``"BT"`` puts conclusions above premises.
        title: a graph title; True uses the source's title and author.
        legend: add a key to node and edge styles.
        stagger: spread the nodes nothing points at (plain premises and
            evidence) over this many rows, as Graphviz's ``unflatten -l``
            does, so that wide, shallow maps come out less wide; 1 keeps
            them in one row.
        fold: draw an inference with a single premise as an edge labelled
            with its scheme, and a conflict as a red edge labelled with its
            kind, when nothing else attaches to them (linked inferences,
            undercut inferences and compared nodes stay nodes).
        stack: put the disconnected parts of the picture (and the key) one
            after the other along the layout direction, largest first, instead
            of side by side; makes a map of several separate arguments less
            wide.
        graph_attrs: further Graphviz graph attributes, e.g. ``{"ratio": "0.7"}``.
        view: a ready-made view, which sets ``dialogue``: ``"argument"``
            draws the argument layer with who said what as badges on the
            propositions instead of locution notes; ``"dialogue"`` draws
            everything; ``"focus"`` draws the node ``focus`` and its
            neighbourhood to ``depth``.  In the argument and focus views (and
            with ``fold``), two propositions that attack each other are drawn
            once, as a double-headed edge.
        focus: the node a ``"focus"`` view centres on (a node or its id).
        depth: how many propositions or locutions away from ``focus`` to
            draw (steps through inferences and conflicts are free).
        clusters: box the propositions and locutions of each paragraph of
            the source text together.

    Returns:
        The DOT text, ending in a newline.

    Raises:
        RenderError: for an unknown ``dialogue`` view or ``view``, a
            ``"focus"`` view without a node of the map, or ``wrap``,
            ``stagger`` or ``depth`` out of range.

    Example:
        >>> from argmap import ArgumentMap, Source
        >>> m = ArgumentMap(source=Source(text="Rain is due. Take an umbrella."))
        >>> claim = m.add_claim(quote="Take an umbrella")
        >>> reason = m.add_claim(quote="Rain is due")
        >>> _ = m.add_inference([reason], claim, scheme="Practical Reasoning")
        >>> dot = to_dot(m, title=False)
        >>> dot.startswith("digraph argmap {")
        True
        >>> "Practical Reasoning" in dot
        True
    """
    if wrap < 8:
        raise RenderError(f"wrap must be at least 8 characters, got {wrap}")
    if stagger < 1:
        raise RenderError(f"stagger must be at least 1, got {stagger}")
    only: set[str] | None = None
    if view is not None:
        if view not in ("argument", "dialogue", "focus"):
            raise RenderError(f"view must be 'argument', 'dialogue' or 'focus', got {view!r}")
        dialogue = {"argument": "argument", "dialogue": "full", "focus": "compact"}[view]  # type: ignore[assignment]
        if view == "focus":
            centre = focus if isinstance(focus, str) or focus is None else focus.id
            if centre is None or centre not in m.nodes:
                raise RenderError(
                    f"a focus view needs a node of the map to focus on, got {focus!r}"
                )
            if depth < 0:
                raise RenderError(f"depth must be at least 0, got {depth}")
            only = neighbourhood(m, centre, depth)
    pictured = View(m, dialogue, fold, only=only,
                     contradictions=view in ("argument", "focus") or fold,
                     badges=view == "argument")
    main = pictured.main_claims()
    ids: dict[str, str] = {}
    boxes: list[_Box] = []
    for index, node in enumerate(m.nodes.values()):
        if node.id in pictured.hidden:
            continue
        dot_id = f"n{index}"
        ids[node.id] = dot_id
        boxes.append(_node_box(pictured, node, dot_id, main=main, wrap=wrap, max_lines=max_lines))

    lines = _lines(pictured, ids)
    out: list[str] = ["digraph argmap {"]
    gattrs: dict[str, str] = {
        "rankdir": rankdir,
        "newrank": "true",
        "nodesep": "0.22",
        "ranksep": "0.32",
        "fontname": FONT,
        "fontsize": "20",
        "bgcolor": "white",
        "pad": "0.3",
    }
    heading = _title(m, title)
    if heading:
        gattrs["label"] = heading
        gattrs["labelloc"] = "t"
    gattrs.update(graph_attrs or {})
    out.append("  graph [" + ", ".join(f"{k}={dot_quote(v)}" for k, v in gattrs.items()) + "];")
    out.append(f'  node [fontname="{FONT}", fontsize="11", margin="0.12,0.06"];')
    out.append(f'  edge [fontname="{FONT}", fontsize="9", arrowsize="0.7"];')
    for box in boxes:
        out.append(f"  {box.dot_id} [{_box_attrs(box)}];")
    if clusters:
        out.extend(_clusters(m, boxes))
    fed = {line.head for line in lines}
    leaves = [b.dot_id for b in boxes if b.dot_id not in fed]
    minlen = {dot_id: 1 + i % stagger for i, dot_id in enumerate(leaves)}
    for line in lines:
        attrs_ = dict(EDGE_STYLE[line.style])
        if minlen.get(line.tail, 1) > 1:
            attrs_["minlen"] = str(minlen[line.tail])
        if line.label:
            attrs_["label"] = line.label
            attrs_["fontcolor"] = attrs_["color"]
        joined = ", ".join(f"{k}={dot_quote(v)}" for k, v in attrs_.items())
        out.append(f"  {line.tail} -> {line.head} [{joined}];")
    if legend:
        out.extend(_legend())
    if stack:
        parts = _components(boxes, lines)
        if legend:
            parts.append((["legend"], ["legend"]))
        out.extend(_stacking(parts, reverse=rankdir in ("BT", "RL")))
    out.append("}")
    return "\n".join(out) + "\n"


def _clusters(m: ArgumentMap, boxes: list[_Box]) -> list[str]:
    """One dashed box per paragraph around the nodes anchored in it."""
    members: dict[int, list[str]] = {}
    for box in boxes:
        para = paragraph_of(m, box.node)
        if para is not None:
            members.setdefault(para, []).append(box.dot_id)
    out: list[str] = []
    for para, dot_ids in sorted(members.items()):
        out.append(f'  subgraph cluster_p{para} {{ label="¶ {para}"; style="dashed"; '
                   f'color="#94a3b8"; fontsize="10"; {"; ".join(dot_ids)}; }}')
    return out


def _stacking(parts: list[tuple[list[str], list[str]]], *, reverse: bool) -> list[str]:
    """Invisible nodes and edges that put each part of the picture after the one before.

    Each part is (its sources, its sinks); edges run from sources (premises) to
    sinks (conclusions), so every node of a part lies between them.  A spacer
    node between two parts, fed by every sink of one and feeding every source
    of the other, gives the two parts disjoint ranks: they end up one after the
    other along the layout direction instead of side by side.  When the
    drawing runs against the edges (bottom to top, right to left) the later
    part feeds the spacer.
    """
    out: list[str] = []
    for index, (first, second) in enumerate(itertools.pairwise(parts)):
        spacer = f"stack{index}"
        out.append(f'  {spacer} [shape="point", style="invis", width="0", height="0"];')
        before, after = (second, first) if reverse else (first, second)
        out.extend(f'  {sink} -> {spacer} [style="invis", weight="0"];' for sink in before[1])
        out.extend(f'  {spacer} -> {src} [style="invis", weight="0"];' for src in after[0])
    return out


def _components(boxes: list[_Box], lines: list[_Line]) -> list[tuple[list[str], list[str]]]:
    """The connected parts of the picture, largest first, each as (sources, sinks)."""
    parent = {b.dot_id: b.dot_id for b in boxes}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for line in lines:
        a, b = find(line.tail), find(line.head)
        if a != b:
            parent[max(a, b, key=_dot_index)] = min(a, b, key=_dot_index)
    members: dict[str, list[str]] = {}
    for box in boxes:
        members.setdefault(find(box.dot_id), []).append(box.dot_id)
    ranked = sorted(members.values(), key=lambda ms: (-len(ms), _dot_index(ms[0])))
    fed = {line.head for line in lines}
    feeding = {line.tail for line in lines}
    out: list[tuple[list[str], list[str]]] = []
    for ms in ranked:
        sources = [x for x in ms if x not in fed] or ms
        sinks = [x for x in ms if x not in feeding] or ms
        out.append((sources, sinks))
    return out


def _dot_index(dot_id: str) -> int:
    return int(dot_id[1:])


def _title(m: ArgumentMap, title: str | bool) -> str | None:
    if isinstance(title, str):
        return title or None
    if not title or m.source is None:
        return None
    parts = [p for p in (m.source.title, m.source.author) if p]
    return " — ".join(parts) if parts else None


def _box_attrs(box: _Box) -> str:
    fill, border, fontcolor = PALETTE[box.style]
    node = box.node
    rows: list[str] = []
    if box.title:
        rows.append(f"<b>{dot_html(box.title)}</b>")
    if isinstance(node, (Claim, Evidence)) and node.implicit:
        rows.append(f"<i>{box.body}</i>")
    else:
        rows.append(box.body)
    if box.caption:
        rows.append(f'<font point-size="8" color="{border}">{dot_html(box.caption)}</font>')
    label = "<" + "<br/>".join(rows) + ">"
    attrs_: list[tuple[str, str]] = []
    kind = node.kind
    if kind in (NodeKind.I, NodeKind.L) or isinstance(node, UnknownNode):
        shape = "box"
        style = "rounded,filled"
        if isinstance(node, Evidence):
            style = "filled"
        if isinstance(node, (Claim, Evidence)) and node.implicit:
            style = "rounded,filled,dashed"
        if isinstance(node, Locution):
            shape = "note"
            style = "filled"
        if isinstance(node, UnknownNode):
            shape = "octagon"
            style = "filled"
        penwidth = "2.6" if box.style == "main" else "1.2"
        attrs_ += [("shape", shape), ("style", style), ("penwidth", penwidth)]
    else:
        shape = {
            NodeKind.RA: "ellipse",
            NodeKind.CA: "hexagon",
            NodeKind.PA: "diamond",
            NodeKind.MA: "parallelogram",
            NodeKind.YA: "invtrapezium",
            NodeKind.TA: "trapezium",
        }[kind]
        attrs_ += [
            ("shape", shape),
            ("style", "filled"),
            ("penwidth", "1.2"),
            ("fontsize", "9"),
            ("margin", "0.04,0.02"),
        ]
    attrs_ += [("fillcolor", fill), ("color", border), ("fontcolor", fontcolor)]
    parts = [f"label={label}"] + [f"{k}={dot_quote(v)}" for k, v in attrs_]
    parts.append(f"tooltip={dot_quote(_tooltip(node))}")
    parts.append(f"id={dot_quote('argmap-' + node.id)}")
    return ", ".join(parts)


def _tooltip(node: Node) -> str:
    kind = node.kind.value
    text: str | None = getattr(node, "text", None)
    if text is None and not isinstance(node, (Claim, Evidence, Locution, UnknownNode)):
        text = node.display
    return f"{kind} {node.id}: {text}" if text else f"{kind} {node.id}"


def _legend() -> list[str]:
    rows = [
        ("main", "main claim"),
        ("claim", "claim"),
        ("evidence", "evidence"),
        ("implicit", "implicit (reconstructed)"),
        ("reported", "reported locution"),
        ("RA", "inference (scheme)"),
        ("CA", "conflict"),
        ("PA", "preference"),
    ]
    cells = "".join(
        f'<tr><td bgcolor="{PALETTE[k][0]}" border="1" color="{PALETTE[k][1]}">'
        f"{dot_html(text)}</td></tr>"
        for k, text in rows
    )
    edges = (
        '<tr><td><font color="#15803d">→ support</font>  '
        '<font color="#b91c1c">→ attack</font>  '
        '<font color="#0f766e">⇢ preference</font>  '
        '<font color="#a16207">⋯ speech</font></td></tr>'
    )
    table = (
        f'<<table border="0" cellspacing="3" cellpadding="4"><tr><td><b>Key</b></td></tr>'
        f"{cells}{edges}</table>>"
    )
    return [f'  legend [shape="plaintext", fontsize="10", label={table}];']
