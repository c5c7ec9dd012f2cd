"""The map store's adjacency index against a plain model of the same changes."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap import ArgumentMap, Claim, Edge, Inference, MapError
from argmap._map_store import MapStore

# Node and edge ids come from one small pool, so that an edge id often equals a
# node id: the index must never take one for the other.
IDS = st.sampled_from(["1", "2", "3", "4", "5", "6"])

STEP = st.one_of(
    st.tuples(st.just("node"), IDS, st.booleans()),
    st.tuples(st.just("edge"), IDS, IDS, IDS),
    st.tuples(st.just("drop-edge"), IDS),
    st.tuples(st.just("drop-node"), IDS),
    st.tuples(st.just("copy")),
    # A reader's bulk insertion.
    st.tuples(st.just("bulk"), st.lists(st.tuples(IDS, IDS, IDS), max_size=4), st.booleans()),
)


def _expected(edges: dict[str, tuple[str, str]], nodes: set[str], nid: str
              ) -> tuple[list[str], list[str], list[str], list[str]]:
    """Incoming/outgoing edge ids and predecessor/successor ids, in insertion order."""
    inc = [e for e, (_f, t) in edges.items() if t == nid]
    out = [e for e, (f, _t) in edges.items() if f == nid]
    preds = [edges[e][0] for e in inc if edges[e][0] in nodes]
    succs = [edges[e][1] for e in out if edges[e][1] in nodes]
    return inc, out, preds, succs


@settings(max_examples=400, deadline=None)
@given(st.lists(STEP, max_size=40))
def test_adjacency_follows_every_change(steps: list[tuple[Any, ...]]) -> None:
    m = ArgumentMap()
    nodes: set[str] = set()
    edges: dict[str, tuple[str, str]] = {}
    for step in steps:
        if step[0] == "node" and step[1] not in nodes:
            m.add_node(Claim(id=step[1], text="t") if step[2] else Inference(id=step[1]))
            nodes.add(step[1])
        elif step[0] == "edge" and step[1] not in edges:
            m.add_edge(Edge(id=step[1], from_id=step[2], to_id=step[3]))
            edges[step[1]] = (step[2], step[3])
        elif step[0] == "drop-edge" and step[1] in edges:
            m.remove_edge(step[1])
            del edges[step[1]]
        elif step[0] == "drop-node" and step[1] in nodes:
            # Plain removal: every edge touching the node goes, nothing else.
            m.remove_node(step[1])
            nodes.discard(step[1])
            edges = {e: ft for e, ft in edges.items() if step[1] not in ft}
        elif step[0] == "copy":
            m = m.copy()
        elif step[0] == "bulk":
            batch = [Edge(id=e, from_id=f, to_id=t) for e, f, t in step[1]]
            first_repeat = None
            seen = set(edges)
            for i, e in enumerate(batch):
                if e.id in seen:
                    first_repeat = i
                    break
                seen.add(e.id)
            assert m._add_edges(batch) == first_repeat
            for e in batch[:first_repeat]:
                edges[e.id] = (e.from_id, e.to_id)
            if step[2]:  # change the map again before querying it
                continue
        assert list(m.edges) == list(edges)
        for nid in ["1", "2", "3", "4", "5", "6"]:
            inc, out, preds, succs = _expected(edges, nodes, nid)
            assert [e.id for e in m.incoming(nid)] == inc
            assert [e.id for e in m.outgoing(nid)] == out
            assert [n.id for n in m.predecessors(nid)] == preds
            assert [n.id for n in m.successors(nid)] == succs


def test_removing_leaves_of_a_hub_and_then_the_hub() -> None:
    m = ArgumentMap()
    m.add_node(Claim(id="hub", text="hub"))
    for i in range(20_000):
        m.add_node(Claim(id=f"n{i}", text="leaf"))
        m.add_edge(Edge(id=f"e{i}", from_id=f"n{i}", to_id="hub"))
    for i in range(0, 20_000, 2):
        m.remove_node(f"n{i}")
    assert len(m.predecessors("hub")) == 10_000
    m.remove_node("hub")
    assert not m.edges and all(not m.successors(f"n{i}") for i in range(1, 20_000, 2))


def test_bulk_edges_are_indexed_before_any_change_or_query() -> None:
    """Edges a reader added in bulk are found by every later change and query."""
    def fresh() -> ArgumentMap:
        m = ArgumentMap()
        for nid in "ab":
            m.add_node(Claim(id=nid, text=nid))
        m.add_node(Inference(id="r"))
        assert m._add_edges([Edge(id="e1", from_id="a", to_id="r"),
                             Edge(id="e2", from_id="r", to_id="b")]) is None
        return m

    m = fresh()
    m.remove_edge("e1")
    assert m.predecessors("r") == () and [n.id for n in m.successors("r")] == ["b"]
    m = fresh()
    m.remove_node("r")
    assert not m.edges and m.successors("a") == ()
    m = fresh()
    m.add_edge(Edge(id="e3", from_id="b", to_id="r"))
    assert [e.id for e in m.incoming("r")] == ["e1", "e3"]
    m = fresh()
    assert [n.id for n in m.copy().predecessors("r")] == ["a"]
    m = fresh()
    with pytest.raises(MapError, match="already joined"):
        m.connect("a", "r")
    m = fresh()
    assert [n.id for n in m.roots] == ["b"]
    m = fresh()
    assert [e.id for e in m.outgoing("r")] == ["e2"]
    for query, expected in ((ArgumentMap.incoming, ["e1"]), (ArgumentMap.outgoing, ["e2"]),
                            (ArgumentMap.predecessors, ["a"]), (ArgumentMap.successors, ["b"])):
        m = fresh()
        assert [x.id for x in query(m, "r")] == expected, query.__name__
    m = fresh()
    m._add_edges([Edge(id="e9", from_id="a", to_id="x1")])  # a dangling end, as readers keep
    assert m.new_id("x") == "x2"
    m = fresh()
    MapStore.remove_node(m, "r")  # the store's own removal, without the builders' cascade
    assert not m.edges and m.successors("a") == ()

