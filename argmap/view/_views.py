"""Which nodes a picture shows and how: the dialogue layer in full, compact or left out.

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
the reader view of :mod:`argmap.view._html` instead of a picture.

For large maps, ``fold=True`` draws single-premise inferences and plain
conflicts as labelled edges, ``stagger`` spreads unsupported premises over
several rows, and ``stack=True`` puts separate arguments one after another
instead of side by side.
"""

from __future__ import annotations

import collections
from collections.abc import Iterable
from typing import Literal

from argmap._errors import RenderError
from argmap._map import ArgumentMap
from argmap._nodes import (
    Conflict,
    Illocution,
    Inference,
    Locution,
    Node,
    NodeKind,
    Transition,
)
from argmap.view._style import short_scheme

__all__ = [
    "DialogueView",
    "PictureView",
    "View",
    "neighbourhood",
    "paragraph_of",
]


#: How much of the dialogue layer (L, YA, TA nodes) :func:`to_dot` draws.
DialogueView = Literal["full", "compact", "argument"]


#: Ready-made views: the argument layer with speakers as badges, everything, or
#: one node's neighbourhood.
PictureView = Literal["argument", "dialogue", "focus"]


# ------------------------------------------------------------------------ views
class View:
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
                label = short_scheme(node.scheme) if node.scheme else node.display
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
        for node in m.propositions:
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


def neighbourhood(m: ArgumentMap, centre: str, depth: int) -> set[str]:
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


def paragraph_of(m: ArgumentMap, node: Node) -> int | None:
    spans = getattr(node, "spans", ())
    if not spans or m.source is None:
        return None
    return m.source.text.count("\n\n", 0, spans[0].start) + 1
