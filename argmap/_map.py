"""The :class:`ArgumentMap`: nodes, edges, participants and a source text, with indexes."""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator, Mapping, Sequence
from types import MappingProxyType, UnionType
from typing import Any, TypeVar, overload

from argmap._errors import AnchorError, MapError, ValidationError
from argmap._extra import FrozenJSONDict, to_extra
from argmap._nodes import (
    NODE_CLASSES,
    Claim,
    Conflict,
    ConflictKind,
    Edge,
    Evidence,
    EvidenceType,
    Illocution,
    Inference,
    INode,
    Locution,
    Node,
    NodeKind,
    Participant,
    Preference,
    Rephrase,
    Transition,
)
from argmap._text import Source, Span
from argmap._validation import Problem, validate

_NODE_TYPES = NODE_CLASSES
def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


# Kinds that can be the premise of an inference or the attacker in a conflict.
_PREMISE_KINDS = frozenset((NodeKind.I, NodeKind.L, NodeKind.UNKNOWN))

__all__ = ["ArgumentMap", "NodeRef"]

#: A node, or the id of a node, wherever the builder API takes one.
NodeRef = Node | str

_N = TypeVar("_N", bound=Any)

_ID_PREFIX: dict[NodeKind, str] = {
    NodeKind.I: "i",
    NodeKind.RA: "ra",
    NodeKind.CA: "ca",
    NodeKind.MA: "ma",
    NodeKind.PA: "pa",
    NodeKind.L: "l",
    NodeKind.YA: "ya",
    NodeKind.TA: "ta",
    NodeKind.UNKNOWN: "n",
}

SpanLike = Span | str | tuple[int, int]


class ArgumentMap:
    """An argument map of one text, in the AIF ontology.

    A map holds a :class:`Source` (the analysed text), participants,
    nodes of every AIF kind and the untyped edges between them.  Nodes and
    edges are immutable; the map changes only through its methods.

    *Two ways to build a map.*  The builder methods (:meth:`add_claim`,
    :meth:`add_inference`, :meth:`add_conflict`, ...) check AIF's rules as they
    go, so a map authored with them is valid by construction.  The low-level
    methods (:meth:`add_node`, :meth:`add_edge`) accept anything the model can
    represent -- dangling edges, inferences without a conclusion -- because real
    corpora contain such things; :meth:`validate` then names every problem.

    Args:
        source: the analysed text and its metadata, if any.
        extra: map-level data from other formats, as JSON values.

    Example:
        >>> src = Source(text="Taxes should rise. Pollution harms health.")
        >>> m = ArgumentMap(source=src)
        >>> claim = m.add_claim(quote="Taxes should rise")
        >>> reason = m.add_evidence(quote="Pollution harms health",
        ...                         evidence_type=EvidenceType.COMMON_GROUND)
        >>> inference = m.add_inference([reason], claim)
        >>> [n.text for n in m.premises(inference)]
        ['Pollution harms health']
        >>> m.validate()
        []
    """

    __slots__ = ("_counter", "_edges", "_extra", "_in", "_nodes", "_out", "_participants",
                 "_source")
    __hash__ = None  # type: ignore[assignment]  # mutable

    def __init__(
        self, *, source: Source | None = None, extra: Mapping[str, Any] | None = None
    ) -> None:
        if source is not None and not isinstance(source, Source):
            raise MapError(f"source must be a Source, got {type(source).__name__}")
        self._source = source
        self._extra = to_extra(extra)
        self._nodes: dict[str, Node] = {}
        self._edges: dict[str, Edge] = {}
        self._participants: dict[str, Participant] = {}
        # Adjacency: node id -> edge ids, as insertion-ordered dicts (O(1) removal).
        self._out: dict[str, dict[str, None]] = {}
        self._in: dict[str, dict[str, None]] = {}
        self._counter = itertools.count(1)

    # ------------------------------------------------------------------ views
    @property
    def source(self) -> Source | None:
        """The analysed text, or None for a map without one."""
        return self._source

    @property
    def extra(self) -> FrozenJSONDict:
        """Map-level data from other formats (read-only)."""
        return self._extra

    @property
    def nodes(self) -> Mapping[str, Node]:
        """All nodes by id, in insertion order (a read-only view)."""
        return MappingProxyType(self._nodes)

    @property
    def edges(self) -> Mapping[str, Edge]:
        """All edges by id, in insertion order (a read-only view)."""
        return MappingProxyType(self._edges)

    @property
    def participants(self) -> Mapping[str, Participant]:
        """All participants by id, in insertion order (a read-only view)."""
        return MappingProxyType(self._participants)

    def node(self, ref: NodeRef) -> Node:
        """Return the node with this id (or check that a node belongs to the map).

        Raises:
            MapError: if there is no such node.
        """
        nid = ref if isinstance(ref, str) else getattr(ref, "id", None)
        if not isinstance(nid, str):
            raise MapError(f"expected a node or a node id, got {ref!r}")
        try:
            return self._nodes[nid]
        except KeyError:
            raise MapError(f"no node with id {nid!r} in the map") from None

    def __contains__(self, ref: object) -> bool:
        if isinstance(ref, str):
            return ref in self._nodes
        nid = getattr(ref, "id", None)
        return isinstance(nid, str) and self._nodes.get(nid) == ref

    def __len__(self) -> int:
        return len(self._nodes)

    def __iter__(self) -> Iterator[Node]:
        return iter(self._nodes.values())

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, ArgumentMap):
            return NotImplemented
        return (
            self._source == other._source
            and self._extra == other._extra
            and self._participants == other._participants
            and self._nodes == other._nodes
            and self._edges == other._edges
        )

    def __repr__(self) -> str:
        counts = ", ".join(f"{k.value}={v}" for k, v in self.counts().items())
        return f"<ArgumentMap {len(self._nodes)} nodes ({counts}), {len(self._edges)} edges>"

    def _repr_html_(self) -> str:
        """Jupyter display: the map drawn (small maps, with a Graphviz engine) or a summary."""
        from argmap._htmlview import notebook_html

        return notebook_html(self)

    def _repr_svg_(self) -> str | None:
        """Jupyter display as SVG; None (so not offered) for big maps or without an engine."""
        from argmap._htmlview import notebook_svg

        return notebook_svg(self)

    def counts(self) -> dict[NodeKind, int]:
        """Number of nodes of each kind present in the map."""
        out: dict[NodeKind, int] = {}
        for n in self._nodes.values():
            out[n.kind] = out.get(n.kind, 0) + 1
        return out

    def copy(self) -> ArgumentMap:
        """Return an independent copy (nodes are immutable and shared)."""
        new = ArgumentMap(source=self._source, extra=self._extra)
        new._nodes = dict(self._nodes)
        new._edges = dict(self._edges)
        new._participants = dict(self._participants)
        new._out = {k: dict(v) for k, v in self._out.items()}
        new._in = {k: dict(v) for k, v in self._in.items()}
        return new

    # ------------------------------------------------------- low-level changes
    def new_id(self, prefix: str) -> str:
        """Return an id ``prefix<N>`` not yet used by any node, edge or participant."""
        while True:
            candidate = f"{prefix}{next(self._counter)}"
            if (
                candidate not in self._nodes
                and candidate not in self._edges
                and candidate not in self._participants
                and candidate not in self._out  # ids that dangling edges point at
                and candidate not in self._in
            ):
                return candidate

    def set_extra(self, extra: Mapping[str, Any]) -> None:
        """Replace the map-level ``extra`` data."""
        self._extra = to_extra(extra)

    def add_node(self, node: _N) -> _N:
        """Add a node as it is (the tolerant, low-level way).

        Spans are checked against the source; AIF structure is not (see
        :meth:`validate`).

        Raises:
            MapError: if the id is taken.
            AnchorError: if a span does not fit the source text.
        """
        if not isinstance(node, _NODE_TYPES):
            raise MapError(f"not a node: {node!r}")
        if node.id in self._nodes:
            raise MapError(f"a node with id {node.id!r} is already in the map")
        self._check_spans(node)
        self._nodes[node.id] = node
        return node

    def _put_trusted(self, node: Node) -> None:
        """Insert a node a reader has checked: a fresh id, and no spans (or checked ones)."""
        self._nodes[node.id] = node

    def replace_node(self, node: _N) -> _N:
        """Replace the node with the same id (e.g. to correct its text); edges stay.

        Raises:
            MapError: if there is no node with that id.
            AnchorError: if a span does not fit the source text.
        """
        if not isinstance(node, _NODE_TYPES):
            raise MapError(f"not a node: {node!r}")
        if node.id not in self._nodes:
            raise MapError(f"no node with id {node.id!r} to replace")
        self._check_spans(node)
        self._nodes[node.id] = node
        return node

    def remove_node(self, ref: NodeRef) -> Node:
        """Remove a node and every edge touching it; return the node."""
        node = self.node(ref)
        for eid in list(self._out.get(node.id, ())) + list(self._in.get(node.id, ())):
            if eid in self._edges:
                self.remove_edge(eid)
        del self._nodes[node.id]
        return node

    def add_edge(self, edge: Edge) -> Edge:
        """Add an edge as it is; its ends need not exist (see :meth:`validate`).

        Raises:
            MapError: if the edge id is taken.
        """
        if not isinstance(edge, Edge):
            raise MapError(f"not an edge: {edge!r}")
        if edge.id in self._edges:
            raise MapError(f"an edge with id {edge.id!r} is already in the map")
        self._edges[edge.id] = edge
        self._out.setdefault(edge.from_id, {})[edge.id] = None
        self._in.setdefault(edge.to_id, {})[edge.id] = None
        return edge

    def _add_edges(self, edges: list[Edge]) -> int | None:
        """Add many trusted edges at once (readers); return the index of a duplicate id."""
        table, out_index, in_index = self._edges, self._out, self._in
        for i, edge in enumerate(edges):
            eid = edge.id
            if eid in table:
                return i
            table[eid] = edge
            f, t = edge.from_id, edge.to_id
            adj = out_index.get(f)
            if adj is None:
                out_index[f] = {eid: None}
            else:
                adj[eid] = None
            adj = in_index.get(t)
            if adj is None:
                in_index[t] = {eid: None}
            else:
                adj[eid] = None
        return None

    def remove_edge(self, edge_id: str) -> Edge:
        """Remove an edge by id and return it."""
        try:
            edge = self._edges.pop(edge_id)
        except KeyError:
            raise MapError(f"no edge with id {edge_id!r} in the map") from None
        del self._out[edge.from_id][edge_id]
        del self._in[edge.to_id][edge_id]
        return edge

    def connect(self, from_ref: NodeRef, to_ref: NodeRef, *, id: str | None = None) -> Edge:
        """Add an edge between two nodes that are in the map.

        Raises:
            MapError: if either node is missing, for a self-loop, or if the two
                nodes are already joined in this direction.
        """
        a, b = self.node(from_ref), self.node(to_ref)
        if a.id == b.id:
            raise MapError(f"an edge may not join node {a.id!r} to itself")
        if self._joined(a.id, b.id):
            raise MapError(f"nodes {a.id!r} and {b.id!r} are already joined")
        return self.add_edge(Edge(id=id or self.new_id("e"), from_id=a.id, to_id=b.id))

    def _joined(self, from_id: str, to_id: str) -> bool:
        # Scan the smaller side: O(min(out-degree, in-degree)).
        out, inc = self._out.get(from_id, {}), self._in.get(to_id, {})
        if len(out) <= len(inc):
            return any(self._edges[e].to_id == to_id for e in out)
        return any(self._edges[e].from_id == from_id for e in inc)

    def add_participant(self, participant: Participant) -> Participant:
        """Add a participant.

        Raises:
            MapError: if the id is taken.
        """
        if not isinstance(participant, Participant):
            raise MapError(f"not a participant: {participant!r}")
        if participant.id in self._participants:
            raise MapError(f"a participant with id {participant.id!r} is already in the map")
        self._participants[participant.id] = participant
        return participant

    def _check_spans(self, node: Node) -> None:
        spans: tuple[Span, ...] = getattr(node, "spans", ())
        if not spans:
            return
        if self._source is None:
            raise AnchorError(f"node {node.id!r} has text spans but the map has no source text")
        for span in spans:
            try:
                self._source.check(span)
            except AnchorError as exc:
                raise AnchorError(f"node {node.id!r}: {exc}") from None

    # ---------------------------------------------------------------- builder
    def _spans_for(
        self,
        quote: str | None,
        spans: SpanLike | Sequence[SpanLike],
        occurrence: int | None,
    ) -> tuple[Span, ...]:
        items: list[SpanLike]
        if isinstance(spans, (Span, str)) or (
            isinstance(spans, tuple) and len(spans) == 2 and all(_is_int(x) for x in spans)
        ):
            items = [spans]  # type: ignore[list-item]
        else:
            items = list(spans)  # type: ignore[arg-type]
        source = self._source
        if (items or quote is not None) and source is None:
            raise AnchorError("cannot anchor text: the map has no source text")
        out: list[Span] = []
        if quote is not None:
            assert source is not None
            out.append(source.find(quote, occurrence))  # occurrence= applies to quote only
        for item in items:
            assert source is not None
            if isinstance(item, Span):
                source.check(item)
                out.append(item)
            elif isinstance(item, str):
                out.append(source.find(item))
            elif isinstance(item, tuple) and len(item) == 2 and all(_is_int(x) for x in item):
                out.append(source.span(*item))
            else:
                raise AnchorError(
                    f"an anchor is a Span, a quote or a (start, end) pair of ints, not {item!r}"
                )
        return tuple(out)

    def _statement_args(
        self,
        text: str | None,
        quote: str | None,
        spans: SpanLike | Sequence[SpanLike],
        occurrence: int | None,
        implicit: bool,
    ) -> tuple[str, tuple[Span, ...]]:
        found = self._spans_for(quote, spans, occurrence)
        if implicit and found:
            raise AnchorError("an implicit (reconstructed) node cannot be anchored to the text")
        if text is None:
            if not found:
                raise MapError("give the node's text, or a quote to anchor it")
            text = " … ".join(s.text for s in sorted(found, key=lambda s: (s.start, s.end)))
        return text, found

    def add_claim(
        self,
        text: str | None = None,
        *,
        quote: str | None = None,
        spans: SpanLike | Sequence[SpanLike] = (),
        occurrence: int | None = None,
        implicit: bool = False,
        id: str | None = None,
        timestamp: str | None = None,
        extra: Mapping[str, Any] | None = None,
    ) -> Claim:
        """Add a :class:`Claim`, anchored to the text.

        Args:
            text: the proposition; defaults to the quoted text.
            quote: exact words of the source to anchor to (found with
                :meth:`Source.find`; must be unambiguous unless ``occurrence``
                is given).
            spans: further anchors: :class:`Span` objects, quotes, or
                ``(start, end)`` offsets (for discontinuous text).
            occurrence: which occurrence of ``quote`` to take.
            implicit: mark a reconstructed premise or conclusion (no anchors).
            id: the node id; generated when omitted.
            timestamp: creation time, free text.
            extra: data with no field of its own, as JSON values.

        Raises:
            AnchorError: if a quote is not found, ambiguous, or out of range.
            MapError: if the id is taken.
        """
        text, found = self._statement_args(text, quote, spans, occurrence, implicit)
        node = Claim(id=id or self.new_id("i"), text=text, spans=found, implicit=implicit,
                     timestamp=timestamp, extra=extra)
        return self.add_node(node)

    def add_evidence(
        self,
        text: str | None = None,
        *,
        evidence_type: EvidenceType | str = EvidenceType.OTHER,
        quote: str | None = None,
        spans: SpanLike | Sequence[SpanLike] = (),
        occurrence: int | None = None,
        implicit: bool = False,
        id: str | None = None,
        timestamp: str | None = None,
        extra: Mapping[str, Any] | None = None,
    ) -> Evidence:
        """Add an :class:`Evidence` node; arguments as :meth:`add_claim`, plus its type."""
        text, found = self._statement_args(text, quote, spans, occurrence, implicit)
        node = Evidence(id=id or self.new_id("i"), text=text, spans=found, implicit=implicit,
                        evidence_type=evidence_type, timestamp=timestamp,
                        extra=extra)
        return self.add_node(node)

    def _require(self, ref: NodeRef, kinds: tuple[NodeKind, ...], role: str) -> Node:
        node = self.node(ref)
        if node.kind not in kinds:
            allowed = "/".join(k.value for k in kinds)
            raise MapError(
                f"{role} must be a {allowed} node, but {node.id!r} is {node.kind.value}"
            )
        return node

    def add_inference(
        self,
        premises: NodeRef | Iterable[NodeRef],
        conclusion: NodeRef,
        *,
        scheme: str | None = None,
        scheme_id: str | None = None,
        label: str | None = None,
        id: str | None = None,
        timestamp: str | None = None,
        extra: Mapping[str, Any] | None = None,
    ) -> Inference:
        """Add one inference (RA) from ``premises``, *taken together*, to ``conclusion``.

        Several premises in one call make a **linked** argument.  For
        **convergent** support, call this once per independent reason.

        Args:
            premises: one or more propositions (I-nodes, or reported locutions).
            conclusion: the proposition inferred, or an inference (a reason
                for an inference rule).
            scheme: the argumentation scheme's name, e.g.
                ``"Argument From Sign"``; kept exactly as given.
            scheme_id: the scheme's id in an external catalogue.
            label: display text when it should differ from the scheme.
            id: the node id; generated when omitted.
            timestamp: creation time, free text.
            extra: data with no field of its own, as JSON values.

        Raises:
            MapError: for a missing node, a premise or conclusion of the wrong
                kind, no premises, or a premise that is also the conclusion.
        """
        refs: list[NodeRef] = (
            list(premises)
            if isinstance(premises, Iterable) and not isinstance(premises, str)
            else [premises]
        )
        if not refs:
            raise MapError("an inference needs at least one premise")
        prem = [self._require(p, (NodeKind.I, NodeKind.L), "a premise") for p in refs]
        concl = self._require(conclusion, (NodeKind.I, NodeKind.RA), "the conclusion")
        ids = [p.id for p in prem]
        if len(set(ids)) != len(ids):
            raise MapError(f"a premise is listed twice: {ids}")
        if concl.id in ids:
            raise MapError(f"node {concl.id!r} cannot be premise and conclusion of one inference")
        node = Inference(id=id or self.new_id("ra"), scheme=scheme, scheme_id=scheme_id,
                         label=label, timestamp=timestamp, extra=extra)
        self.add_node(node)
        for p in prem:
            self.connect(p, node)
        self.connect(node, concl)
        return node

    def add_premise(self, inference: NodeRef, premise: NodeRef) -> Edge:
        """Add one more linked premise to an existing inference."""
        ra = self._require(inference, (NodeKind.RA,), "the inference")
        p = self._require(premise, (NodeKind.I, NodeKind.L), "a premise")
        if self.conclusion(ra) == p:
            raise MapError(f"node {p.id!r} is the conclusion of inference {ra.id!r}")
        return self.connect(p, ra)

    def add_conflict(
        self,
        attacker: NodeRef,
        target: NodeRef,
        *,
        scheme: str | None = None,
        scheme_id: str | None = None,
        label: str | None = None,
        id: str | None = None,
        timestamp: str | None = None,
        extra: Mapping[str, Any] | None = None,
    ) -> Conflict:
        """Add a conflict (CA): ``attacker`` attacks ``target``.

        The attack is a *rebuttal* when the target is the conclusion of an
        inference, an *undermining* when it is an unsupported premise, and an
        *undercut* when the target is an :class:`Inference`.  For a symmetric
        contradiction, add a second conflict the other way round.

        Args:
            attacker: the attacking proposition (I-node, or a reported locution).
            target: a proposition, an inference (undercut), a locution, a
                conflict or a preference.
            scheme: conflict scheme name (default: none, i.e. Default Conflict).
            scheme_id: the scheme's id in an external catalogue.
            label: display text.
            id: the node id; generated when omitted.
            timestamp: creation time, free text.
            extra: data with no field of its own, as JSON values.

        Raises:
            MapError: for a missing node, a node of the wrong kind, or a node
                attacking itself.
        """
        a = self._require(attacker, (NodeKind.I, NodeKind.L), "the attacker")
        t = self._require(
            target,
            (NodeKind.I, NodeKind.RA, NodeKind.L, NodeKind.CA, NodeKind.PA),
            "the target",
        )
        if a.id == t.id:
            raise MapError(f"node {a.id!r} cannot attack itself")
        node = Conflict(id=id or self.new_id("ca"), scheme=scheme, scheme_id=scheme_id,
                        label=label, timestamp=timestamp, extra=extra)
        self.add_node(node)
        self.connect(a, node)
        self.connect(node, t)
        return node

    def add_rephrase(
        self,
        original: NodeRef,
        rephrased: NodeRef,
        *,
        scheme: str | None = None,
        scheme_id: str | None = None,
        label: str | None = None,
        id: str | None = None,
        timestamp: str | None = None,
        extra: Mapping[str, Any] | None = None,
    ) -> Rephrase:
        """Add a rephrase (MA): ``rephrased`` restates ``original``.

        Edges run ``original -> MA -> rephrased``.
        """
        a = self._require(original, (NodeKind.I,), "the original")
        b = self._require(rephrased, (NodeKind.I,), "the rephrasing")
        if a.id == b.id:
            raise MapError(f"node {a.id!r} cannot rephrase itself")
        node = Rephrase(id=id or self.new_id("ma"), scheme=scheme, scheme_id=scheme_id,
                        label=label, timestamp=timestamp, extra=extra)
        self.add_node(node)
        self.connect(a, node)
        self.connect(node, b)
        return node

    def add_preference(
        self,
        preferred: NodeRef,
        dispreferred: NodeRef,
        *,
        scheme: str | None = None,
        scheme_id: str | None = None,
        label: str | None = None,
        id: str | None = None,
        timestamp: str | None = None,
        extra: Mapping[str, Any] | None = None,
    ) -> Preference:
        """Add a preference (PA): ``preferred`` is preferred to ``dispreferred``.

        Both must be propositions, or both inferences.  Edges run
        ``preferred -> PA -> dispreferred``.
        """
        a = self._require(preferred, (NodeKind.I, NodeKind.RA), "the preferred node")
        b = self._require(dispreferred, (NodeKind.I, NodeKind.RA), "the dispreferred node")
        if a.kind != b.kind:
            raise MapError(
                f"a preference compares two propositions or two inferences, not "
                f"{a.kind.value} {a.id!r} and {b.kind.value} {b.id!r}"
            )
        if a.id == b.id:
            raise MapError(f"node {a.id!r} cannot be preferred to itself")
        node = Preference(id=id or self.new_id("pa"), scheme=scheme, scheme_id=scheme_id,
                          label=label, timestamp=timestamp, extra=extra)
        self.add_node(node)
        self.connect(a, node)
        self.connect(node, b)
        return node

    def add_speaker(
        self,
        name: str,
        *,
        description: str | None = None,
        id: str | None = None,
        extra: Mapping[str, Any] | None = None,
    ) -> Participant:
        """Add a :class:`Participant` (a speaker or writer) by name and return it."""
        return self.add_participant(Participant(
            id=id or self.new_id("p"), name=name, description=description, extra=extra))

    def add_locution(
        self,
        speaker: Participant | str | None,
        text: str | None = None,
        *,
        quote: str | None = None,
        spans: SpanLike | Sequence[SpanLike] = (),
        occurrence: int | None = None,
        said_at: str | None = None,
        id: str | None = None,
        timestamp: str | None = None,
        extra: Mapping[str, Any] | None = None,
    ) -> Locution:
        """Add a :class:`Locution`: ``speaker`` said ``text``.

        Args:
            speaker: the participant (or its id), or None if unknown.
            text: the words said; defaults to the quoted text.
            quote: anchor in the source text, as for :meth:`add_claim`.
            spans: further anchors.
            occurrence: which occurrence of ``quote`` to take.
            said_at: when it was said.
            id: the node id; generated when omitted.
            timestamp: creation time, free text.
            extra: data with no field of its own, as JSON values.

        Raises:
            MapError: if the speaker is not a participant of the map.
        """
        pid = speaker.id if isinstance(speaker, Participant) else speaker
        if pid is not None and pid not in self._participants:
            raise MapError(f"unknown participant {pid!r}; add it with add_speaker() first")
        text, found = self._statement_args(text, quote, spans, occurrence, False)
        node = Locution(id=id or self.new_id("l"), text=text, speaker=pid, spans=found,
                        said_at=said_at, timestamp=timestamp, extra=extra)
        return self.add_node(node)

    def add_illocution(
        self,
        anchor: NodeRef,
        content: NodeRef,
        force: str = "Asserting",
        *,
        scheme_id: str | None = None,
        label: str | None = None,
        id: str | None = None,
        timestamp: str | None = None,
        extra: Mapping[str, Any] | None = None,
    ) -> Illocution:
        """Anchor ``content`` in dialogue with an illocution (YA).

        ``Locution -> YA -> proposition`` (e.g. *Asserting*, *Conceding*,
        *Questioning*), ``Transition -> YA -> inference/conflict/rephrase``
        (e.g. *Arguing*, *Disagreeing*, *Restating*), or, for reported speech,
        ``Locution -> YA -> Locution`` (see :meth:`add_report`).

        Raises:
            MapError: for kinds that cannot be joined this way.
        """
        a = self._require(anchor, (NodeKind.L, NodeKind.TA), "the anchor")
        if a.kind is NodeKind.L:
            kinds: tuple[NodeKind, ...] = (NodeKind.I, NodeKind.L)
        else:
            kinds = (NodeKind.RA, NodeKind.CA, NodeKind.MA, NodeKind.PA)
        c = self._require(content, kinds, "the anchored content")
        if a.id == c.id:
            raise MapError(f"node {a.id!r} cannot anchor itself")
        node = Illocution(id=id or self.new_id("ya"), scheme=force, scheme_id=scheme_id,
                          label=label, timestamp=timestamp, extra=extra)
        self.add_node(node)
        self.connect(a, node)
        self.connect(node, c)
        return node

    def add_report(
        self,
        reporting: NodeRef,
        reported: NodeRef,
        force: str = "Asserting",
        *,
        scheme_id: str | None = None,
        label: str | None = None,
        id: str | None = None,
        timestamp: str | None = None,
        extra: Mapping[str, Any] | None = None,
    ) -> Illocution:
        """Record reported speech: locution ``reporting`` reports locution ``reported``.

        The reporter (usually the author) commits only to *the other person
        having said* it: ``L_author -> YA -> L_other``.  Anchor what the other
        person said in their own locution with :meth:`add_illocution`.
        """
        self._require(reporting, (NodeKind.L,), "the reporting locution")
        self._require(reported, (NodeKind.L,), "the reported locution")
        return self.add_illocution(reporting, reported, force, scheme_id=scheme_id, label=label,
                                   id=id, timestamp=timestamp, extra=extra)

    def add_transition(
        self,
        before: NodeRef,
        after: NodeRef,
        *,
        scheme: str | None = None,
        scheme_id: str | None = None,
        label: str | None = None,
        id: str | None = None,
        timestamp: str | None = None,
        extra: Mapping[str, Any] | None = None,
    ) -> Transition:
        """Add a transition (TA) from locution ``before`` to locution ``after``.

        Without a ``scheme`` the transition is a default transition (its
        :attr:`~Transition.display` text is ``"Default Transition"``).
        """
        a = self._require(before, (NodeKind.L,), "the earlier locution")
        b = self._require(after, (NodeKind.L,), "the later locution")
        if a.id == b.id:
            raise MapError(f"locution {a.id!r} cannot follow itself")
        node = Transition(id=id or self.new_id("ta"), scheme=scheme, scheme_id=scheme_id,
                          label=label, timestamp=timestamp, extra=extra)
        self.add_node(node)
        self.connect(a, node)
        self.connect(node, b)
        return node

    # ---------------------------------------------------------------- queries
    def incoming(self, ref: NodeRef) -> tuple[Edge, ...]:
        """Edges entering the node (in insertion order)."""
        nid = ref if isinstance(ref, str) else ref.id
        return tuple(self._edges[e] for e in self._in.get(nid, ()))

    def outgoing(self, ref: NodeRef) -> tuple[Edge, ...]:
        """Edges leaving the node (in insertion order)."""
        nid = ref if isinstance(ref, str) else ref.id
        return tuple(self._edges[e] for e in self._out.get(nid, ()))

    def predecessors(self, ref: NodeRef) -> tuple[Node, ...]:
        """Nodes with an edge into this node (dangling ends skipped)."""
        nid = ref if isinstance(ref, str) else ref.id
        nodes = self._nodes
        return tuple(
            nodes[f] for e in self._in.get(nid, ()) if (f := self._edges[e].from_id) in nodes
        )

    def successors(self, ref: NodeRef) -> tuple[Node, ...]:
        """Nodes this node has an edge into (dangling ends skipped)."""
        nid = ref if isinstance(ref, str) else ref.id
        nodes = self._nodes
        return tuple(
            nodes[t] for e in self._out.get(nid, ()) if (t := self._edges[e].to_id) in nodes
        )

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

    def propositions(self) -> list[INode]:
        """All I-nodes (claims and evidence), in order."""
        return [n for n in self._nodes.values() if isinstance(n, (Claim, Evidence))]

    def premises(self, inference: NodeRef) -> tuple[Node, ...]:
        """The premises of an inference: its proposition (and locution) predecessors.

        Conflicts (undercutters), illocutions and supporting inferences that
        also point at the inference are not premises.
        """
        ra = self._require(inference, (NodeKind.RA,), "the inference")
        return tuple(n for n in self.predecessors(ra) if n.kind in _PREMISE_KINDS)

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
        pred = [n for n in self.predecessors(ca) if n.kind in _PREMISE_KINDS]
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

    def roots(self) -> list[INode]:
        """The main claims: propositions that are argued for and not used as reasons.

        A proposition is a root when it is not a premise of any inference and,
        unless an inference supports it, does not merely attack something or
        get restated (a counter-claim or a rephrased original is not a main
        claim; a supported thesis that also strikes back at a counter-claim
        is).  Preferences play no part.  Isolated propositions count as roots.
        """
        out: list[INode] = []
        for n in self.propositions():
            kinds = {s.kind for s in self.successors(n)}
            if NodeKind.RA in kinds:
                continue
            if kinds & {NodeKind.CA, NodeKind.MA} and not self.supporters(n):
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


