"""Pictures of argument maps: Graphviz DOT export (pure Python) and SVG/PNG rendering.

:func:`to_dot` writes a map as Graphviz DOT text with no dependency at all.
:func:`render` and :func:`render_dot` turn DOT into SVG, PNG or JPEG by running
a Graphviz ``dot`` engine in a subprocess; :func:`dot_engine` says which one.

Which engine
------------
Two engines were tried on the seed article's map (278 nodes; about 105 in the
compact, folded picture of ``examples/annotate_seed.py``):

* ``graphviz-pure`` (PyPI, in the ``render`` extra: ``pip install
  'argmap[render]'``): a pure-Rust port of Graphviz 16.1 shipped as one
  executable in a wheel, with its own fonts (Arimo, Tinos, Cousine).  It needs
  no system package, writes the same bytes on every platform (so committed
  pictures and CI agree) and lays out like current Graphviz.  It warns about
  the glyph width of non-ASCII characters (curly quotes, dashes), which it
  estimates; argmap drops that warning.  Its ``pack`` mode misplaces edge
  labels, so argmap stacks separate arguments itself (``stack=True``).
* the Debian ``graphviz`` package (``apt-get install graphviz``, 2.42.2 on
  Debian 12, reporting itself as 2.43.0): needs root, depends on the fonts
  installed, so its pictures differ between machines, and it crashed
  (segmentation fault) on the seed map with ``pack`` set.

argmap therefore prefers ``graphviz-pure`` and falls back to a system ``dot``:

1. the ``engine`` argument, when given (a command name or a path);
2. else the ``ARGMAP_DOT`` environment variable, when set;
3. else ``graphviz-pure`` next to the running Python (a virtual environment's
   ``bin``/``Scripts``), then on ``PATH``;
4. else ``dot`` on ``PATH``.

A name given in 1 or 2 that cannot be run is an error, never silently replaced
by another engine.

Views
-----
``dialogue="full"`` draws every node.  ``dialogue="compact"`` keeps the
argument and the reported speech but folds the rest of the dialogue layer: a
locution nobody reports and that takes no part in an argument (typically the
author's own words, which the propositions already quote) is hidden; each
illocution (YA) becomes a dotted edge labelled with its force; transitions
become dotted edges between the locutions they join; an inference anchored in
a transition is captioned with who argued it; a proposition anchored by a
hidden locution with a force other than *Asserting* (e.g. *Conceding*) is
captioned with that force.  ``dialogue="argument"`` drops the dialogue layer
except for locutions that are premises, attackers or targets.

The ``view`` option picks one of three ready-made pictures: ``"argument"``
(``dialogue="argument"`` with who said what as badges on the propositions),
``"dialogue"`` (everything) and ``"focus"`` (one node's neighbourhood).  In
the argument and focus views, and with ``fold``, two propositions that attack
each other are drawn once, as a double-headed edge.  A ``.html`` target gets
the reader view of :mod:`argmap._htmlview` instead of a picture.

For large maps, ``fold=True`` draws single-premise inferences and plain
conflicts as labelled edges, ``stagger`` spreads unsupported premises over
several rows, and ``stack=True`` puts separate arguments one after another
instead of side by side.
"""

from __future__ import annotations

import collections
import itertools
import os
import shutil
import subprocess
import sys
import textwrap
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Literal

import attrs

from argmap._errors import RenderError
from argmap._io import atomic_write
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
from argmap._reasoning.aspic import Evaluation

__all__ = [
    "RENDER_FORMATS", "DialogueView", "PictureView", "dot_engine", "render", "render_dot", "to_dot",
]

#: How much of the dialogue layer (L, YA, TA nodes) :func:`to_dot` draws.
DialogueView = Literal["full", "compact", "argument"]

#: Ready-made views: the argument layer with speakers as badges, everything, or
#: one node's neighbourhood.
PictureView = Literal["argument", "dialogue", "focus"]

#: Output formats :func:`render` accepts, by name (file suffixes map onto them).
RENDER_FORMATS: Mapping[str, str] = {
    "dot": "dot",
    "gv": "dot",
    "svg": "svg",
    "png": "png",
    "jpg": "jpeg",
    "jpeg": "jpeg",
    "html": "html",
    "htm": "html",
}

_ENV_VAR = "ARGMAP_DOT"
_PURE = "graphviz-pure"
_FONT = "Arial"
_NOISE = ("no value for width of non-ASCII character",)

# (fill, border, font colour) per style key, after the colours OVA uses for AIF kinds.
_PALETTE: dict[str, tuple[str, str, str]] = {
    "claim": ("#dbeafe", "#1d4ed8", "#0f172a"),
    "main": ("#bfdbfe", "#1e3a8a", "#0f172a"),
    "evidence": ("#e0f2fe", "#0369a1", "#0f172a"),
    "implicit": ("#f8fafc", "#64748b", "#334155"),
    "reported": ("#f1f5f9", "#475569", "#0f172a"),
    "RA": ("#dcfce7", "#15803d", "#14532d"),
    "CA": ("#fee2e2", "#b91c1c", "#7f1d1d"),
    "MA": ("#ffedd5", "#c2410c", "#7c2d12"),
    "PA": ("#ccfbf1", "#0f766e", "#134e4a"),
    "YA": ("#fef9c3", "#a16207", "#713f12"),
    "TA": ("#f3e8ff", "#7e22ce", "#581c87"),
    "L": ("#fefce8", "#a16207", "#1c1917"),
    "unknown": ("#e5e7eb", "#6b7280", "#111827"),
}

_EDGE_STYLE: dict[str, dict[str, str]] = {
    "support": {"color": "#15803d"},
    "attack": {"color": "#b91c1c", "penwidth": "1.6"},
    "preference": {"color": "#0f766e", "style": "dashed", "penwidth": "1.4"},
    "rephrase": {"color": "#c2410c"},
    "speech": {"color": "#a16207", "style": "dotted", "penwidth": "1.3"},
    "transition": {"color": "#7e22ce", "style": "dotted", "penwidth": "1.3"},
    "contradiction": {"color": "#b91c1c", "penwidth": "1.6", "dir": "both", "constraint": "false"},
    "other": {"color": "#6b7280"},
}

_SHORT_SCHEME_PREFIXES = ("Argument From ", "Argument from ")


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


# ---------------------------------------------------------------------- DOT text
def _html(text: str) -> str:
    """Escape text for a Graphviz HTML-like label."""
    return (
        text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace('"', "&quot;")
        .replace("'", "&#39;")
    )


def _quote(text: str) -> str:
    """A DOT double-quoted string whose escString reading is ``text`` itself."""
    out = text.replace("\\", "\\\\").replace('"', '\\"')
    out = out.replace("\r\n", "\n").replace("\r", "\n").replace("\n", "\\n")
    return f'"{out}"'


def _wrap(text: str, width: int, max_lines: int | None) -> list[str]:
    flat = " ".join(text.split())
    lines = textwrap.wrap(flat, width=width, break_long_words=True, break_on_hyphens=False)
    if not lines:
        return [""]
    if max_lines is not None and len(lines) > max_lines:
        lines = lines[:max_lines]
        last = lines[-1]
        if len(last) > width - 1:
            last = last[: width - 1].rstrip()
        lines[-1] = last + "…"
    return lines


def _short_scheme(scheme: str) -> str:
    for prefix in _SHORT_SCHEME_PREFIXES:
        if scheme.startswith(prefix) and len(scheme) > len(prefix):
            return scheme[len(prefix) :]
    return scheme


# ------------------------------------------------------------------------ views
class _View:
    """Decides which nodes and edges of a map are drawn, and how."""

    def __init__(
        self,
        m: ArgumentMap,
        dialogue: DialogueView,
        fold: bool = False,
        *,
        only: set[str] | None = None,
        contradictions: bool = False,
        badges: bool = False,
    ) -> None:
        if dialogue not in ("full", "compact", "argument"):
            raise RenderError(
                f"dialogue must be 'full', 'compact' or 'argument', got {dialogue!r}"
            )
        self.m = m
        self.dialogue = dialogue
        self.badges = badges
        self._voices: set[str] | None = None
        self.reported: set[str] = set()
        for node in m.nodes_of(Locution):
            if any(isinstance(p, Locution) for ya in self._ya_in(node) for p in m.predecessors(ya)):
                self.reported.add(node.id)
        self.hidden: set[str] = set()
        if dialogue != "full":
            self._hide()
        if only is not None:
            self.hidden.update(nid for nid in m.nodes if nid not in only)
        self.mutual: list[tuple[str, str]] = []
        if contradictions:
            self._contradictions()
        self.folded: dict[str, str] = {}
        if fold:
            self._fold()

    def _contradictions(self) -> None:
        """Find pairs of conflicts where two propositions attack each other.

        Each pair is drawn once, as a double-headed edge, when nothing else
        attaches to either conflict (no undercutter, preference or anchor
        drawn): two arcs labelled differently (one "rebut", one "undermine")
        would suggest two disagreements where the text has one.
        """
        m = self.m
        plain: dict[tuple[str, str], str] = {}
        for ca in m.nodes_of(Conflict):
            if ca.id in self.hidden:
                continue
            preds = self._drawn(m.predecessors(ca))
            succs = self._drawn(m.successors(ca))
            if len(preds) != 1 or len(succs) != 1:
                continue
            a, t = preds[0], succs[0]
            if a.kind not in (NodeKind.I, NodeKind.L) or t.kind not in (NodeKind.I, NodeKind.L):
                continue
            back = plain.pop((t.id, a.id), None)
            if back is not None:
                self.mutual.append((t.id, a.id))
                self.hidden.update((back, ca.id))
            else:
                plain.setdefault((a.id, t.id), ca.id)

    def _ya_in(self, node: Node) -> list[Node]:
        return [p for p in self.m.predecessors(node) if p.kind is NodeKind.YA]

    def _argumentative(self, loc: Node) -> bool:
        """True when a locution is itself a premise, attacker or target."""
        m = self.m
        kinds = (NodeKind.RA, NodeKind.CA, NodeKind.PA, NodeKind.MA)
        return any(s.kind in kinds for s in m.successors(loc)) or any(
            p.kind is NodeKind.CA for p in m.predecessors(loc)
        )

    def _hide(self) -> None:
        m = self.m
        for node in m.nodes.values():
            if node.kind in (NodeKind.YA, NodeKind.TA):
                self.hidden.add(node.id)
            elif isinstance(node, Locution):
                keep = self._argumentative(node) or (
                    self.dialogue == "compact" and node.id in self.reported
                )
                if not keep:
                    self.hidden.add(node.id)

    def _drawn(self, nodes: Iterable[Node]) -> list[Node]:
        return [n for n in nodes if n.id not in self.hidden]

    def _fold(self) -> None:
        """Pick inferences and conflicts to draw as labelled edges.

        An inference with one drawn premise and one drawn conclusion, that
        nothing attacks, prefers or anchors, becomes an edge labelled with its
        scheme; a conflict with one attacker and one target, itself neither
        attacked nor compared, becomes a red edge labelled with its kind.
        """
        m = self.m
        for node in m.nodes.values():
            if node.id in self.hidden or not isinstance(node, (Inference, Conflict)):
                continue
            preds = self._drawn(m.predecessors(node))
            succs = self._drawn(m.successors(node))
            if len(preds) != 1 or len(succs) != 1:
                continue
            if preds[0].kind not in (NodeKind.I, NodeKind.L):
                continue
            if isinstance(node, Inference):
                if succs[0].kind is not NodeKind.I:
                    continue
                label = _short_scheme(node.scheme) if node.scheme else node.display
                if node.label:
                    label = node.label
                who = self.arguers(node)
                if who:
                    label += f" ({', '.join(who)})"
            else:
                if succs[0].id in self.folded or succs[0].kind not in (
                    NodeKind.I, NodeKind.L, NodeKind.RA
                ):
                    continue
                kind = m.conflict_kind(node).value
                label = node.label or kind
            self.folded[node.id] = label
        self.hidden.update(self.folded)

    def said_by(self, node: Node) -> list[str]:
        """Who said ``node``, for a badge when the locutions saying it are not drawn.

        Reported speech always gets a badge.  The author's own words get none
        when only one voice speaks unreported (an article), since every
        unmarked claim is then hers; in a debate every speaker is named.
        """
        if self._voices is None:
            self._voices = {
                loc.speaker for loc in self.m.nodes_of(Locution)
                if loc.id not in self.reported and loc.speaker is not None
            }
        voices = self._voices
        names: list[str] = []
        for ya in self._ya_in(node):
            for loc in self.m.predecessors(ya):
                if not isinstance(loc, Locution) or loc.id not in self.hidden:
                    continue
                if loc.id not in self.reported and len(voices) <= 1:
                    continue
                name = self.speaker_name(loc)
                if name and name not in names:
                    names.append(name)
        return names

    def speaker_name(self, loc: Locution) -> str | None:
        if loc.speaker is None:
            return None
        p = self.m.participants.get(loc.speaker)
        return p.name if p is not None else loc.speaker

    def main_claims(self) -> set[str]:
        """Conclusions the text's own voice argues for and uses as no premise.

        A main claim has a supporting inference, is not a premise of one, is
        not reconstructed, and is not solely the content of reported speech.
        (Attacking or being preferred to another claim does not demote it.)
        """
        out: set[str] = set()
        m = self.m
        for node in m.propositions():
            if node.implicit or not m.supporters(node):
                continue
            if any(s.kind is NodeKind.RA for s in m.successors(node)):
                continue
            anchors = [
                p for ya in self._ya_in(node) for p in m.predecessors(ya)
                if isinstance(p, Locution)
            ]
            if anchors and all(a.id in self.reported for a in anchors):
                continue
            out.add(node.id)
        return out

    def forces_of(self, node: Node) -> list[str]:
        """Non-assertive forces with which hidden locutions anchor ``node``."""
        out: list[str] = []
        for ya in self._ya_in(node):
            if not isinstance(ya, Illocution):
                continue
            anchors = self.m.predecessors(ya)
            if not anchors or any(a.id not in self.hidden for a in anchors):
                continue
            force = ya.force or ya.display
            if force not in ("Asserting", "Default Illocuting") and force not in out:
                out.append(force)
        return out

    def arguers(self, node: Node) -> list[str]:
        """Speakers whose transition anchors ``node`` (an inference, conflict...)."""
        names: list[str] = []
        for ya in self._ya_in(node):
            for ta in self.m.predecessors(ya):
                if not isinstance(ta, Transition):
                    continue
                for loc in (*self.m.predecessors(ta), *self.m.successors(ta)):
                    if isinstance(loc, Locution):
                        name = self.speaker_name(loc)
                        if name and name not in names:
                            names.append(name)
        return names


def _node_box(
    view: _View, node: Node, dot_id: str, *, main: set[str], wrap: int, max_lines: int | None
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
    label = node.label or (_short_scheme(node.scheme) if node.scheme else node.display)
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
    return "<br/>".join(_html(line) for line in _wrap(text, wrap, max_lines))


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


def _lines(view: _View, ids: Mapping[str, str]) -> list[_Line]:
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


def _neighbourhood(m: ArgumentMap, centre: str, depth: int) -> set[str]:
    """Nodes within ``depth`` steps of ``centre``, counting only steps onto I- or L-nodes.

    A step through an inference or a conflict is free, so depth 1 is the
    node with its premises, conclusions, attackers and targets.
    """
    dist = {centre: 0}
    queue: collections.deque[str] = collections.deque([centre])
    while queue:
        nid = queue.popleft()
        for nxt in (*m.predecessors(nid), *m.successors(nid)):
            cost = 1 if nxt.kind in (NodeKind.I, NodeKind.L) else 0
            d = dist[nid] + cost
            if d > depth or dist.get(nxt.id, depth + 1) <= d:
                continue
            dist[nxt.id] = d
            if cost:
                queue.append(nxt.id)
            else:
                queue.appendleft(nxt.id)
    # An inference or conflict at the edge of the neighbourhood with nothing drawn on
    # one side would look like a claim supported (or attacked) by nothing.
    kept = set(dist)
    for nid in dist:
        node = m.nodes[nid]
        if node.kind in (NodeKind.I, NodeKind.L) or nid == centre:
            continue
        if not any(p.id in kept for p in m.predecessors(nid)) or not any(
            s.id in kept for s in m.successors(nid)
        ):
            kept.discard(nid)
    return kept


def _paragraph_of(m: ArgumentMap, node: Node) -> int | None:
    spans = getattr(node, "spans", ())
    if not spans or m.source is None:
        return None
    return m.source.text.count("\n\n", 0, spans[0].start) + 1


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
            only = _neighbourhood(m, centre, depth)
    pictured = _View(m, dialogue, fold, only=only,
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
        "fontname": _FONT,
        "fontsize": "20",
        "bgcolor": "white",
        "pad": "0.3",
    }
    heading = _title(m, title)
    if heading:
        gattrs["label"] = heading
        gattrs["labelloc"] = "t"
    gattrs.update(graph_attrs or {})
    out.append("  graph [" + ", ".join(f"{k}={_quote(v)}" for k, v in gattrs.items()) + "];")
    out.append(f'  node [fontname="{_FONT}", fontsize="11", margin="0.12,0.06"];')
    out.append(f'  edge [fontname="{_FONT}", fontsize="9", arrowsize="0.7"];')
    for box in boxes:
        out.append(f"  {box.dot_id} [{_box_attrs(box)}];")
    if clusters:
        out.extend(_clusters(m, boxes))
    fed = {line.head for line in lines}
    leaves = [b.dot_id for b in boxes if b.dot_id not in fed]
    minlen = {dot_id: 1 + i % stagger for i, dot_id in enumerate(leaves)}
    for line in lines:
        attrs_ = dict(_EDGE_STYLE[line.style])
        if minlen.get(line.tail, 1) > 1:
            attrs_["minlen"] = str(minlen[line.tail])
        if line.label:
            attrs_["label"] = line.label
            attrs_["fontcolor"] = attrs_["color"]
        joined = ", ".join(f"{k}={_quote(v)}" for k, v in attrs_.items())
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
        para = _paragraph_of(m, box.node)
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
    fill, border, fontcolor = _PALETTE[box.style]
    node = box.node
    rows: list[str] = []
    if box.title:
        rows.append(f"<b>{_html(box.title)}</b>")
    if isinstance(node, (Claim, Evidence)) and node.implicit:
        rows.append(f"<i>{box.body}</i>")
    else:
        rows.append(box.body)
    if box.caption:
        rows.append(f'<font point-size="8" color="{border}">{_html(box.caption)}</font>')
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
    parts = [f"label={label}"] + [f"{k}={_quote(v)}" for k, v in attrs_]
    parts.append(f"tooltip={_quote(_tooltip(node))}")
    parts.append(f"id={_quote('argmap-' + node.id)}")
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
        f'<tr><td bgcolor="{_PALETTE[k][0]}" border="1" color="{_PALETTE[k][1]}">'
        f"{_html(text)}</td></tr>"
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


# --------------------------------------------------------------------- engines
def dot_engine(engine: str | os.PathLike[str] | None = None) -> str | None:
    """Find the Graphviz engine :func:`render` would run, as an executable path.

    Args:
        engine: a command name or path to use instead of the default search.

    Returns:
        The path of the executable, or None when no engine is installed (and
        none was asked for).

    Raises:
        RenderError: if ``engine`` or the ``ARGMAP_DOT`` environment variable
            names an executable that cannot be found.

    Example:
        >>> path = dot_engine()
        >>> path is None or isinstance(path, str)
        True
    """
    if engine is not None:
        return _resolve(os.fspath(engine), "the engine argument")
    env = os.environ.get(_ENV_VAR)
    if env:
        return _resolve(env, f"the {_ENV_VAR} environment variable")
    bindir = Path(sys.executable).parent
    for name in (_PURE, _PURE + ".exe"):
        candidate = bindir / name
        if candidate.is_file() and os.access(candidate, os.X_OK):
            return str(candidate)
    return shutil.which(_PURE) or shutil.which("dot")


def _resolve(name: str, where: str) -> str:
    found = shutil.which(name)
    if found is None and Path(name).is_file() and os.access(name, os.X_OK):
        found = str(Path(name))
    if found is None:
        raise RenderError(f"{where} names a Graphviz engine that cannot be run: {name!r}")
    return found


def render_dot(
    source: str,
    format: str = "svg",
    *,
    engine: str | os.PathLike[str] | None = None,
    timeout: float = 120.0,
) -> bytes:
    """Lay out DOT text with a Graphviz engine and return the picture's bytes.

    Args:
        source: DOT text, e.g. from :func:`to_dot`.
        format: ``"svg"``, ``"png"`` or ``"jpeg"`` (any ``-T`` format the
            engine knows).
        engine: the engine to run (see :func:`dot_engine`).
        timeout: seconds to wait for the engine.

    Raises:
        RenderError: if no engine is installed, it fails, times out or
            writes nothing; the message carries the engine's own error text.
    """
    exe = dot_engine(engine)
    if exe is None:
        raise RenderError(
            "no Graphviz engine found: install argmap's 'render' extra "
            "(pip install 'argmap[render]', which brings graphviz-pure), or the system "
            f"package 'graphviz', or point {_ENV_VAR} at a dot executable"
        )
    fmt = format.lower().lstrip(".")
    if not fmt.isalnum():
        raise RenderError(f"not an output format: {format!r}")
    try:
        done = subprocess.run(
            [exe, f"-T{fmt}"],
            input=source.encode("utf-8"),
            capture_output=True,
            timeout=timeout,
            check=False,
        )
    except subprocess.TimeoutExpired:
        raise RenderError(f"{exe} did not finish within {timeout:g} s") from None
    except OSError as exc:
        raise RenderError(f"could not run {exe}: {exc}") from None
    errors = _engine_errors(done.stderr)
    if done.returncode != 0:
        raise RenderError(
            f"{exe} -T{fmt} failed with exit status {done.returncode}: "
            f"{errors or 'no error message'}"
        )
    if not done.stdout:
        raise RenderError(f"{exe} -T{fmt} wrote no output: {errors or 'no error message'}")
    return done.stdout


def _engine_errors(stderr: bytes) -> str:
    lines = stderr.decode("utf-8", "replace").splitlines()
    kept = [ln for ln in lines if ln.strip() and not any(n in ln for n in _NOISE)]
    return "\n".join(kept)


def render(
    m: ArgumentMap,
    path: str | os.PathLike[str],
    format: str | None = None,
    *,
    engine: str | os.PathLike[str] | None = None,
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
    evaluate: str | Evaluation | None = None,
) -> Path:
    """Draw a map into a file: DOT text, SVG/PNG/JPEG through a Graphviz engine,
    or the HTML reader view.

    The file is replaced atomically (:func:`argmap.write` does the same): on
    error, a previous file at ``path`` is left as it was.

    A ``.html`` file is the reader view: one self-contained page (no network
    needed or used) with the source text, its spans highlighted by role, the
    map beside it with pan and zoom, a panel for the selected unit and
    filters by layer, speaker and status (see :doc:`/viewing`).  It needs no
    Graphviz engine.

    Args:
        m: the map.
        path: where to write; the suffix gives the format unless ``format`` does.
        format: ``"dot"``/``"gv"``, ``"svg"``, ``"png"``, ``"jpeg"`` or ``"html"``.
        engine: the Graphviz engine to run (see :func:`dot_engine`).
        dialogue: as for :func:`to_dot`.
        wrap: as for :func:`to_dot`.
        max_lines: as for :func:`to_dot`.
        rankdir: as for :func:`to_dot`.
        title: as for :func:`to_dot`.
        legend: as for :func:`to_dot`.
        stagger: as for :func:`to_dot`.
        fold: as for :func:`to_dot`.
        stack: as for :func:`to_dot`.
        graph_attrs: as for :func:`to_dot`.
        view: as for :func:`to_dot`; for HTML, the layer shown first
            (``"argument"``, the default, or ``"dialogue"``; ``"focus"`` opens
            the argument layer with ``focus`` selected).
        focus: as for :func:`to_dot`; for HTML, the node selected on opening.
        depth: as for :func:`to_dot`.
        clusters: as for :func:`to_dot`.
        evaluate: HTML only: a semantics (``"grounded"``, ...) or an
            :class:`~argmap.Evaluation`, to show each proposition's status
            and filter by it.

    Returns:
        The path written.

    Raises:
        RenderError: for an unknown format or view, ``evaluate`` with a
            picture format, or when rendering fails.
        WriteError: if the file cannot be written.
        FrameworkError: for an unknown semantics in ``evaluate``.

    Example:
        >>> import tempfile, pathlib
        >>> from argmap import ArgumentMap, Source
        >>> m = ArgumentMap(source=Source(text="Rain is due. Take an umbrella."))
        >>> _ = m.add_inference([m.add_claim(quote="Rain is due")],
        ...                     m.add_claim(quote="Take an umbrella"))
        >>> out = pathlib.Path(tempfile.mkdtemp()) / "map.html"
        >>> render(m, out, evaluate="grounded").read_text("utf-8").startswith("<!DOCTYPE html>")
        True
    """
    target = Path(path)
    name = (format or target.suffix.lstrip(".")).lower()
    if name not in RENDER_FORMATS:
        known = ", ".join(sorted(RENDER_FORMATS))
        raise RenderError(f"cannot tell the picture format of {str(target)!r}: use one of {known}")
    fmt = RENDER_FORMATS[name]
    if fmt == "html":
        from argmap._htmlview import write_html

        if view not in (None, "argument", "dialogue", "focus"):
            raise RenderError(f"view must be 'argument', 'dialogue' or 'focus', got {view!r}")
        centre = focus if isinstance(focus, str) or focus is None else focus.id
        return write_html(m, target, evaluate=evaluate,
                          view="dialogue" if view == "dialogue" else "argument", focus=centre)
    if evaluate is not None:
        raise RenderError(
            "evaluate= applies to the HTML reader view only; write a .html file, or evaluate "
            "the map with argmap.evaluate()"
        )
    dot = to_dot(m, dialogue=dialogue, wrap=wrap, max_lines=max_lines, rankdir=rankdir,
                 title=title, legend=legend, stagger=stagger, fold=fold, stack=stack,
                 graph_attrs=graph_attrs, view=view, focus=focus, depth=depth, clusters=clusters)
    data = dot.encode("utf-8") if fmt == "dot" else render_dot(dot, fmt, engine=engine)
    atomic_write(target, data)
    return target
