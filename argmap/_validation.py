"""AIF rule checks.  Each problem names the rule (a stable code) and the ids involved."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

import attrs

from argmap._formats import FORMAT_RULES, format_problems
from argmap._nodes import Locution, NodeKind

if TYPE_CHECKING:
    from argmap._map import ArgumentMap

__all__ = ["GRAPH_RULES", "RULES", "Problem", "validate"]

#: The AIF rules on the graph itself, by code.
GRAPH_RULES: Mapping[str, str] = {
    "dangling-edge": "Both ends of every edge are nodes of the map.",
    "self-loop": "No edge joins a node to itself (an AIF graph is a simple digraph).",
    "duplicate-edge": "No two edges join the same two nodes in the same direction.",
    "forbidden-edge": (
        "Edges join only kinds AIF allows: never I to I, I to L, L to I or L to L directly "
        "(propositions meet through S-nodes, locutions through transitions and illocutions); "
        "see the format specification for the full table."
    ),
    "scheme-node-without-input": "Every S-node (RA, CA, MA, PA, YA, TA) has an incoming edge.",
    "scheme-node-without-output": "Every S-node (RA, CA, MA, PA, YA, TA) has an outgoing edge.",
    "inference-premises": (
        "An inference (RA) has at least one premise (a proposition or locution)."
    ),
    "inference-conclusions": "An inference (RA) has exactly one conclusion.",
    "conflict-arity": "A conflict (CA) has exactly one attacker and one target.",
    "rephrase-arity": "A rephrase (MA) joins exactly one proposition to exactly one other.",
    "preference-arity": "A preference (PA) has exactly one preferred and one dispreferred side.",
    "preference-mixed": (
        "A preference compares two propositions or two inferences, not one of each."
    ),
    "illocution-anchor": (
        "An illocution (YA) is anchored in exactly one locution or transition."
    ),
    "transition-ends": (
        "A transition (TA) leads from one or more locutions to one or more locutions."
    ),
    "unknown-participant": "A locution's speaker is a participant of the map.",
    "unknown-node-type": "Every node is of an AIF kind (I, RA, CA, MA, PA, L, YA, TA).",
}

#: Every rule :meth:`ArgumentMap.validate` checks, by code, with what it requires: the AIF
#: rules on the graph, then the checks on records that readers of other formats kept
#: outside the graph (duplicate ids, locutions of missing nodes, ...).
RULES: Mapping[str, str] = {**GRAPH_RULES, **FORMAT_RULES}

_I, _RA, _CA, _MA, _PA, _L, _YA, _TA = (
    NodeKind.I, NodeKind.RA, NodeKind.CA, NodeKind.MA, NodeKind.PA, NodeKind.L, NodeKind.YA,
    NodeKind.TA,
)

#: Which (from, to) kind pairs an edge may join.
ALLOWED_EDGES: frozenset[tuple[NodeKind, NodeKind]] = frozenset(
    [(_I, k) for k in (_RA, _CA, _MA, _PA)]
    + [(_RA, k) for k in (_I, _RA, _CA, _PA)]
    + [(_CA, k) for k in (_I, _RA, _CA, _PA, _L)]
    + [(_PA, k) for k in (_I, _RA, _CA, _PA)]
    + [(_MA, _I)]
    + [(_L, k) for k in (_YA, _TA, _RA, _CA)]
    + [(_YA, k) for k in (_I, _RA, _CA, _MA, _PA, _L)]
    + [(_TA, k) for k in (_L, _YA)]
)

_SCHEME_KINDS = frozenset((_RA, _CA, _MA, _PA, _YA, _TA))
_PREMISE_KINDS = frozenset((_I, _L, NodeKind.UNKNOWN))


#: Longest problem message kept whole; a longer one (an id or value of
#: megabytes quoted in it) keeps its start and end around a note of the cut.
MAX_MESSAGE = 300


def _bounded(message: str) -> str:
    if len(message) <= MAX_MESSAGE:
        return message
    head, tail = 200, 60
    omitted = len(message) - head - tail
    return f"{message[:head]} …[{omitted} characters omitted]… {message[-tail:]}"


@attrs.frozen(slots=True)
class Problem:
    """One AIF rule violation found by :meth:`ArgumentMap.validate`.

    Attributes:
        code: the rule broken, a key of :data:`argmap.RULES`.
        message: a readable explanation naming the ids.
        nodes: ids of the nodes involved.
        edges: ids of the edges involved.
    """

    code: str
    message: str = attrs.field(converter=_bounded)
    nodes: tuple[str, ...] = ()
    edges: tuple[str, ...] = ()

    def __str__(self) -> str:
        return f"[{self.code}] {self.message}"


def validate(m: ArgumentMap) -> list[Problem]:
    """Return every AIF rule violation in ``m`` (see :data:`RULES`), in a stable order."""
    problems: list[Problem] = []
    add = problems.append
    nodes = m.nodes
    seen_pairs: dict[tuple[str, str], str] = {}

    for edge in m.edges.values():
        a, b = nodes.get(edge.from_id), nodes.get(edge.to_id)
        missing = [x for x, n in ((edge.from_id, a), (edge.to_id, b)) if n is None]
        if missing:
            add(Problem("dangling-edge",
                        f"edge {edge.id!r} refers to missing node(s) "
                        f"{', '.join(map(repr, missing))}",
                        edges=(edge.id,)))
        if edge.from_id == edge.to_id:
            add(Problem("self-loop", f"edge {edge.id!r} joins node {edge.from_id!r} to itself",
                        nodes=(edge.from_id,), edges=(edge.id,)))
            continue
        pair = (edge.from_id, edge.to_id)
        if pair in seen_pairs:
            add(Problem("duplicate-edge",
                        f"edges {seen_pairs[pair]!r} and {edge.id!r} both join "
                        f"{edge.from_id!r} to {edge.to_id!r}",
                        nodes=pair, edges=(seen_pairs[pair], edge.id)))
        else:
            seen_pairs[pair] = edge.id
        if a is None or b is None or NodeKind.UNKNOWN in (a.kind, b.kind):
            continue
        if (a.kind, b.kind) not in ALLOWED_EDGES:
            add(Problem("forbidden-edge",
                        f"edge {edge.id!r} joins {a.kind.value} node {a.id!r} to "
                        f"{b.kind.value} node {b.id!r}, which AIF does not allow",
                        nodes=pair, edges=(edge.id,)))

    for node in nodes.values():
        kind = node.kind
        if kind is NodeKind.UNKNOWN:
            add(Problem("unknown-node-type",
                        f"node {node.id!r} has type {getattr(node, 'type', '?')!r}, "
                        "which is not an AIF kind",
                        nodes=(node.id,)))
            continue
        if isinstance(node, Locution):
            if node.speaker is not None and node.speaker not in m.participants:
                add(Problem("unknown-participant",
                            f"locution {node.id!r} names speaker {node.speaker!r}, who is not a "
                            "participant of the map", nodes=(node.id,)))
            continue
        if kind not in _SCHEME_KINDS:
            continue
        preds = m.predecessors(node)
        succs = m.successors(node)
        nid = node.id
        if not preds:
            add(Problem("scheme-node-without-input",
                        f"{kind.value} node {nid!r} has no incoming edge", nodes=(nid,)))
        if not succs:
            add(Problem("scheme-node-without-output",
                        f"{kind.value} node {nid!r} has no outgoing edge", nodes=(nid,)))
        if kind is _RA:
            premises = [p for p in preds if p.kind in _PREMISE_KINDS]
            if preds and not premises:
                add(Problem("inference-premises",
                            f"inference {nid!r} has incoming edges but no premise", nodes=(nid,)))
            concl = [s for s in succs if s.kind is not _PA]
            if succs and len(concl) != 1:
                add(Problem("inference-conclusions",
                            f"inference {nid!r} has {len(concl)} conclusions"
                            + (f" ({', '.join(repr(s.id) for s in concl)})" if concl else "")
                            + "; it must have one",
                            nodes=(nid, *(s.id for s in concl))))
            continue
        if kind is _CA:
            inputs = [p for p in preds if p.kind in _PREMISE_KINDS]
        elif kind is _MA:
            inputs = [p for p in preds if p.kind not in (_YA, _CA, _PA)]
        else:  # a preference over this preference is not one of its sides
            inputs = [p for p in preds if p.kind not in (_YA, _CA, _PA)]
        if kind in (_CA, _MA, _PA):
            code = {_CA: "conflict-arity", _MA: "rephrase-arity", _PA: "preference-arity"}[kind]
            if (preds or succs) and (len(inputs) != 1 or len(succs) != 1):
                add(Problem(code,
                            f"{kind.value} node {nid!r} has {len(inputs)} input(s) and "
                            f"{len(succs)} output(s); it must have exactly one of each",
                            nodes=(nid,)))
            elif kind is _PA and len(inputs) == 1 and len(succs) == 1:
                pk, dk = inputs[0].kind, succs[0].kind
                if {pk, dk} <= {_I, _RA} and pk is not dk:
                    add(Problem("preference-mixed",
                                f"preference {nid!r} compares {pk.value} node {inputs[0].id!r} "
                                f"with {dk.value} node {succs[0].id!r}",
                                nodes=(nid, inputs[0].id, succs[0].id)))
        elif kind is _YA:
            anchors = [p for p in preds if p.kind in (_L, _TA)]
            if preds and len(anchors) != 1:
                add(Problem("illocution-anchor",
                            f"illocution {nid!r} is anchored in {len(anchors)} locutions or "
                            "transitions; it must be anchored in exactly one", nodes=(nid,)))
        elif (kind is _TA and preds and succs) and (
            not any(p.kind is _L for p in preds) or not any(s.kind is _L for s in succs)
        ):
            add(Problem("transition-ends",
                        f"transition {nid!r} does not lead from a locution to a locution",
                        nodes=(nid,)))
    if m.extra or any(n.extra for n in nodes.values()):
        problems.extend(format_problems(m))
    return problems
