"""A map's storage: nodes, edges, participants and a source text, with adjacency indexes.

Everything here accepts what the model can represent, valid or not; the
builders (:mod:`argmap._map`) add AIF's rules on top.
"""

from __future__ import annotations

import itertools
import operator
from collections.abc import Iterable, Iterator, Mapping
from types import MappingProxyType
from typing import Any, TypeVar

from argmap._errors import AnchorError, MapError
from argmap._extra import FrozenJSONDict, to_extra
from argmap._nodes import NODE_CLASSES, Edge, Node, NodeKind, Participant
from argmap._text import Source, Span

__all__ = ["MapStore", "NodeRef"]

#: A node, or the id of a node, wherever the builder API takes one.
NodeRef = Node | str

_N = TypeVar("_N", bound=Any)
_edge_id = operator.attrgetter("id")
_S = TypeVar("_S", bound="MapStore")


class MapStore:
    """Nodes, edges and participants of one text, with adjacency indexes (see ArgumentMap)."""

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
        # Adjacency: node id -> [edge id, id of the node at the other end, edge
        # id, other end, ...], in insertion order.  The other end beside the
        # edge id lets a neighbour query skip the edge table (a cache miss per
        # neighbour on large maps), and a flat list takes a third of the memory
        # of the small dict most nodes' adjacency would be.  Removal finds the
        # edge with list.index, at C speed.
        self._out: dict[str, list[str]] = {}
        self._in: dict[str, list[str]] = {}
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
        if not isinstance(other, MapStore):
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
        return (f"<{type(self).__name__} {len(self._nodes)} nodes ({counts}), "
                f"{len(self._edges)} edges>")

    def counts(self) -> dict[NodeKind, int]:
        """Number of nodes of each kind present in the map."""
        out: dict[NodeKind, int] = {}
        for n in self._nodes.values():
            out[n.kind] = out.get(n.kind, 0) + 1
        return out

    def copy(self: _S) -> _S:
        """Return an independent copy (nodes are immutable and shared)."""
        new = type(self)(source=self._source, extra=self._extra)
        new._nodes = dict(self._nodes)
        new._edges = dict(self._edges)
        new._participants = dict(self._participants)
        new._out = {k: v.copy() for k, v in self._out.items()}
        new._in = {k: v.copy() for k, v in self._in.items()}
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
        if not isinstance(node, NODE_CLASSES):
            raise MapError(f"not a node: {node!r}")
        if node.id in self._nodes:
            raise MapError(f"a node with id {node.id!r} is already in the map")
        self._check_spans(node)
        self._nodes[node.id] = node
        return node

    def _put_trusted_many(self, nodes: Mapping[str, Node]) -> None:
        """Insert nodes a reader has checked (fresh ids, no spans or checked ones), in order.

        A reader's new map takes the reader's dictionary as it is (which the
        reader then no longer touches) rather than copying every entry.
        """
        if not self._nodes and type(nodes) is dict:
            self._nodes = nodes
        else:
            self._nodes.update(nodes)

    def replace_node(self, node: _N) -> _N:
        """Replace the node with the same id (e.g. to correct its text); edges stay.

        Raises:
            MapError: if there is no node with that id.
            AnchorError: if a span does not fit the source text.
        """
        if not isinstance(node, NODE_CLASSES):
            raise MapError(f"not a node: {node!r}")
        if node.id not in self._nodes:
            raise MapError(f"no node with id {node.id!r} to replace")
        self._check_spans(node)
        self._nodes[node.id] = node
        return node

    def remove_node(self, ref: NodeRef) -> Node:
        """Remove a node and every edge touching it; return the node."""
        node = self.node(ref)
        nid, edges = node.id, self._edges
        # The node's own lists go whole; only the other ends' lists are searched.
        for own, others in ((self._out, self._in), (self._in, self._out)):
            adj = own.pop(nid, None)
            if adj:
                for i in range(0, len(adj), 2):
                    eid, other = adj[i], adj[i + 1]
                    if edges.pop(eid, None) is not None and other != nid:
                        _unlink(others, other, eid)
        del self._nodes[nid]
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
        self._out.setdefault(edge.from_id, []).extend((edge.id, edge.to_id))
        self._in.setdefault(edge.to_id, []).extend((edge.id, edge.from_id))
        return edge

    def _add_edges(self, edges: list[Edge]) -> int | None:
        """Add many trusted edges at once (readers); return the index of a duplicate id.

        Edges before a duplicate are added, as :meth:`add_edge` would have
        added them one by one.  The table is filled in a pass of its own, before
        the indexes (see :meth:`_index_edges`).
        """
        table = self._edges
        added = edges
        duplicate: int | None = None
        filled = False
        if not table:  # a reader's new map: fill the table at C speed
            table.update(zip(map(_edge_id, edges), edges, strict=True))
            filled = len(table) == len(edges)
            if not filled:  # a repeated id: found one edge at a time below
                table.clear()
        if not filled:
            for i, edge in enumerate(edges):
                eid = edge.id
                if eid in table:
                    added, duplicate = edges[:i], i
                    break
                table[eid] = edge
        self._index_edges(added)
        return duplicate

    def _adopt_edges(self, table: dict[str, Edge]) -> bool:
        """Take a reader's table of trusted edges whole, if the map has none yet.

        False, changing nothing, when the map has edges (then use :meth:`_add_edges`).
        """
        if self._edges or type(table) is not dict:
            return False
        self._edges = table
        self._index_edges(table.values())
        return True

    def _index_edges(self, edges: Iterable[Edge]) -> None:
        """Put edges into the adjacency indexes, each index in a pass of its own.

        On a large map, one hash table at a time stays in the processor's cache
        far better than two touched in turn.
        """
        out_index = self._out
        for edge in edges:
            adj = out_index.get(edge.from_id)
            if adj is None:
                out_index[edge.from_id] = [edge.id, edge.to_id]
            else:
                adj += (edge.id, edge.to_id)
        in_index = self._in
        for edge in edges:
            adj = in_index.get(edge.to_id)
            if adj is None:
                in_index[edge.to_id] = [edge.id, edge.from_id]
            else:
                adj += (edge.id, edge.from_id)

    def remove_edge(self, edge_id: str) -> Edge:
        """Remove an edge by id and return it."""
        try:
            edge = self._edges.pop(edge_id)
        except KeyError:
            raise MapError(f"no edge with id {edge_id!r} in the map") from None
        _unlink(self._out, edge.from_id, edge_id)
        _unlink(self._in, edge.to_id, edge_id)
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
        out, inc = self._out.get(from_id, []), self._in.get(to_id, [])
        if len(out) <= len(inc):
            return to_id in out[1::2]
        return from_id in inc[1::2]

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

    # ---------------------------------------------------------------- queries
    def incoming(self, ref: NodeRef) -> tuple[Edge, ...]:
        """Edges entering the node (in insertion order)."""
        nid = ref if isinstance(ref, str) else ref.id
        return tuple(self._edges[e] for e in self._in.get(nid, [])[::2])

    def outgoing(self, ref: NodeRef) -> tuple[Edge, ...]:
        """Edges leaving the node (in insertion order)."""
        nid = ref if isinstance(ref, str) else ref.id
        return tuple(self._edges[e] for e in self._out.get(nid, [])[::2])

    def predecessors(self, ref: NodeRef) -> tuple[Node, ...]:
        """Nodes with an edge into this node (dangling ends skipped)."""
        nid = ref if isinstance(ref, str) else ref.id
        adj = self._in.get(nid)
        if not adj:
            return ()
        get = self._nodes.get
        return tuple(n for f in adj[1::2] if (n := get(f)) is not None)

    def successors(self, ref: NodeRef) -> tuple[Node, ...]:
        """Nodes this node has an edge into (dangling ends skipped)."""
        nid = ref if isinstance(ref, str) else ref.id
        adj = self._out.get(nid)
        if not adj:
            return ()
        get = self._nodes.get
        return tuple(n for t in adj[1::2] if (n := get(t)) is not None)


def _unlink(index: dict[str, list[str]], nid: str, eid: str) -> None:
    """Take edge ``eid`` out of node ``nid``'s adjacency list (dropping an emptied list)."""
    adj = index[nid]
    i = adj.index(eid)
    while i % 2:  # a node id equal to the edge id, at an other-end position: look further
        i = adj.index(eid, i + 1)
    del adj[i:i + 2]
    if not adj:
        del index[nid]
