"""Questions a map answers: premises, conclusions, attackers, roots, speakers, validity."""

from __future__ import annotations

from types import UnionType
from typing import Any, TypeVar, overload

from argmap._errors import MapError, ValidationError
from argmap._map_store import MapStore, NodeRef
from argmap._nodes import (
    Claim,
    Conflict,
    ConflictKind,
    Evidence,
    Inference,
    INode,
    Locution,
    Node,
    NodeKind,
    Participant,
)
from argmap._problem import Problem
from argmap._validation import validate

__all__ = ["PREMISE_KINDS", "MapQueries"]

# Kinds that can be the premise of an inference or the attacker in a conflict.
PREMISE_KINDS = frozenset((NodeKind.I, NodeKind.L, NodeKind.UNKNOWN))

_N = TypeVar("_N", bound=Any)


class MapQueries(MapStore):
    """The queries of a map (see ArgumentMap)."""

    __slots__ = ()

    def _require(self, ref: NodeRef, kinds: tuple[NodeKind, ...], role: str) -> Node:
        node = self.node(ref)
        if node.kind not in kinds:
            allowed = "/".join(k.value for k in kinds)
            raise MapError(
                f"{role} must be a {allowed} node, but {node.id!r} is {node.kind.value}"
            )
        return node

    @overload
    def nodes_of(self, kind: type[_N]) -> list[_N]: ...
    @overload
    def nodes_of(self, kind: NodeKind | UnionType) -> list[Node]: ...
    def nodes_of(self, kind: type[_N] | NodeKind | UnionType) -> list[Any]:
        """All nodes of a kind (``NodeKind.RA``), class (``Claim``) or union (``INode``).

        Nodes come in insertion order.
        """
        if isinstance(kind, NodeKind):
            return [n for n in self._nodes.values() if n.kind is kind]
        return [n for n in self._nodes.values() if isinstance(n, kind)]

    def remove_node(self, ref: NodeRef, *, cascade: bool = False) -> Node:
        """Remove a node and every edge touching it; return the node.

        Plain removal leaves the scheme nodes that joined the node to others in
        place, possibly without a part they need: removing an attacker leaves
        its conflict without an attacker, which :meth:`validate` then reports.
        With ``cascade=True`` every scheme node that thereby loses a part it
        needs goes too, and so on: an inference left without premises or
        conclusion, a conflict without attacker or target, a rephrase or
        preference without either side, an illocution without its locution or
        content, a transition without a locution on either side -- so a conflict
        that attacked a removed inference goes with it.  Propositions and
        locutions are never removed by the cascade.

        Example:
            >>> m = ArgumentMap(source=Source(text="Cats purr. Dogs bark."))
            >>> purr, bark = m.add_claim(quote="Cats purr"), m.add_claim(quote="Dogs bark")
            >>> ca = m.add_conflict(bark, purr)
            >>> _ = m.remove_node(bark, cascade=True)
            >>> ca.id in m, len(m)
            (False, 1)
        """
        node = self.node(ref)
        pending = [node.id]
        while pending:
            nid = pending.pop()
            if nid not in self._nodes:
                continue
            neighbours = {n.id for n in (*self.predecessors(nid), *self.successors(nid))}
            super().remove_node(nid)
            if cascade:
                pending.extend(other for other in neighbours if self._meaningless(other))
        return node

    def _meaningless(self, nid: str) -> bool:
        """Whether a scheme node lacks a part its kind needs (see :meth:`remove_node`)."""
        kind = self._nodes[nid].kind
        preds, succs = self.predecessors(nid), self.successors(nid)
        if kind is NodeKind.RA:
            return not self.premises(nid) or self.conclusion(nid) is None
        if kind in (NodeKind.CA, NodeKind.MA, NodeKind.PA):
            return not preds or not succs
        if kind is NodeKind.YA:
            return not any(p.kind in (NodeKind.L, NodeKind.TA) for p in preds) or not succs
        if kind is NodeKind.TA:
            return not any(p.kind is NodeKind.L for p in preds) or not any(
                s.kind is NodeKind.L for s in succs)
        return False

    @property
    def propositions(self) -> list[INode]:
        """All I-nodes (claims and evidence), in order (a new list on each access)."""
        return [n for n in self._nodes.values() if isinstance(n, (Claim, Evidence))]

    def premises(self, inference: NodeRef) -> tuple[Node, ...]:
        """The premises of an inference: its proposition (and locution) predecessors.

        Conflicts (undercutters), illocutions and supporting inferences that
        also point at the inference are not premises.
        """
        ra = self._require(inference, (NodeKind.RA,), "the inference")
        return tuple(n for n in self.predecessors(ra) if n.kind in PREMISE_KINDS)

    def conclusion(self, inference: NodeRef) -> Node | None:
        """The conclusion of an inference, or None if it has none (invalid AIF)."""
        ra = self._require(inference, (NodeKind.RA,), "the inference")
        succ = [n for n in self.successors(ra) if n.kind is not NodeKind.PA]
        return succ[0] if succ else None

    def supporters(self, ref: NodeRef) -> tuple[Inference, ...]:
        """Inferences whose conclusion is this node."""
        return tuple(n for n in self.predecessors(ref) if isinstance(n, Inference))

    def attackers(self, ref: NodeRef) -> tuple[Conflict, ...]:
        """Conflicts that target this node."""
        return tuple(n for n in self.predecessors(ref) if isinstance(n, Conflict))

    def attacker(self, conflict: NodeRef) -> Node | None:
        """The attacking node of a conflict (None if missing)."""
        ca = self._require(conflict, (NodeKind.CA,), "the conflict")
        pred = [n for n in self.predecessors(ca) if n.kind in PREMISE_KINDS]
        return pred[0] if pred else None

    def target(self, conflict: NodeRef) -> Node | None:
        """The attacked node of a conflict (None if missing)."""
        ca = self._require(conflict, (NodeKind.CA,), "the conflict")
        succ = self.successors(ca)
        return succ[0] if succ else None

    def conflict_kind(self, conflict: NodeRef) -> ConflictKind:
        """Whether a conflict rebuts, undermines or undercuts, from what it targets."""
        t = self.target(conflict)
        if t is None:
            return ConflictKind.OTHER
        if t.kind is NodeKind.RA:
            return ConflictKind.UNDERCUT
        if t.kind is NodeKind.I:
            return ConflictKind.REBUT if self.supporters(t) else ConflictKind.UNDERMINE
        if t.kind is NodeKind.L:
            return ConflictKind.UNDERMINE
        return ConflictKind.OTHER

    def preferred(self, preference: NodeRef) -> Node | None:
        """The preferred side of a preference (its predecessor)."""
        pa = self._require(preference, (NodeKind.PA,), "the preference")
        pred = [n for n in self.predecessors(pa)
                if n.kind not in (NodeKind.YA, NodeKind.CA, NodeKind.PA)]
        return pred[0] if pred else None

    def dispreferred(self, preference: NodeRef) -> Node | None:
        """The dispreferred side of a preference (its successor)."""
        pa = self._require(preference, (NodeKind.PA,), "the preference")
        succ = self.successors(pa)
        return succ[0] if succ else None

    @property
    def roots(self) -> list[INode]:
        """The main claims -- propositions that are argued for and not used as reasons.

        A proposition is a root when it is not a premise of any inference and,
        unless an inference supports it, does not merely attack something or
        get restated (a counter-claim or a rephrased original is not a main
        claim; a supported thesis that also strikes back at a counter-claim
        is).  Preferences play no part.  Isolated propositions count as roots.
        """
        nodes, outgoing, incoming = self._nodes, self._out, self._in
        out: list[INode] = []
        for n in self.propositions:
            targets = outgoing.get(n.id)
            if targets:
                kinds = {t.kind for tid in targets[1::2] if (t := nodes.get(tid)) is not None}
                if NodeKind.RA in kinds:
                    continue
                if (NodeKind.CA in kinds or NodeKind.MA in kinds) and not any(
                    isinstance(nodes.get(f), Inference) for f in incoming.get(n.id, [])[1::2]
                ):
                    continue
            out.append(n)
        return out

    def nodes_at(self, position: int) -> list[Node]:
        """Propositions and locutions anchored at a code-point offset of the text."""
        return [
            n
            for n in self._nodes.values()
            if any(s.contains(position) for s in getattr(n, "spans", ()))
        ]

    def speakers(self, ref: NodeRef) -> tuple[Participant, ...]:
        """Participants whose locutions anchor this node through an illocution."""
        out: dict[str, Participant] = {}
        for ya in self.predecessors(ref):
            if ya.kind is not NodeKind.YA:
                continue
            for loc in self.predecessors(ya):
                if isinstance(loc, Locution) and loc.speaker in self._participants:
                    out[loc.speaker] = self._participants[loc.speaker]
        return tuple(out.values())

    def commitments(self, participant: Participant | str) -> list[Node]:
        """What a participant's locutions anchor: the nodes they are committed to.

        For reported speech this is the reported locution (that the other
        person said something), not the reported proposition itself.
        """
        pid = participant.id if isinstance(participant, Participant) else participant
        out: dict[str, Node] = {}
        for loc in self.nodes_of(Locution):
            if loc.speaker != pid:
                continue
            for ya in self.successors(loc):
                if ya.kind is NodeKind.YA:
                    for content in self.successors(ya):
                        out[content.id] = content
        return list(out.values())

    # ------------------------------------------------------------- validation
    def validate(self, *, strict: bool = False) -> list[Problem]:
        """Check the map against the AIF rules; return every problem found.

        Args:
            strict: raise :class:`ValidationError` instead of returning
                problems, when there are any.

        Returns:
            The problems, each naming the node and edge ids involved; an empty
            list for a valid map.
        """
        problems = validate(self)
        if strict and problems:
            raise ValidationError(problems)
        return problems

    def check(self) -> None:
        """Raise :class:`ValidationError` if :meth:`validate` finds any problem."""
        self.validate(strict=True)


