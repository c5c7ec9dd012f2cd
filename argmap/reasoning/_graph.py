"""Graph helpers shared by the reasoning modules."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence

__all__ = ["strongly_connected"]


def strongly_connected(
    graph: Mapping[str, Sequence[str]], roots: Iterable[str] | None = None
) -> list[list[str]]:
    """Strongly connected components, by an iterative Tarjan (no recursion limit).

    A component is listed only after every component reachable from it, so
    with edges pointing from a node to what it depends on, dependencies come
    first.

    Args:
        graph: successors of each node; nodes only named as successors count too.
        roots: the order in which to start searches (default: the graph's keys).
    """
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    out: list[list[str]] = []
    counter = 0
    for root in graph if roots is None else roots:
        if root in index:
            continue
        index[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on_stack.add(root)
        work: list[tuple[str, Iterator[str]]] = [(root, iter(graph.get(root, ())))]
        while work:
            v, children = work[-1]
            pushed = False
            for w in children:
                if w not in index:
                    index[w] = low[w] = counter
                    counter += 1
                    stack.append(w)
                    on_stack.add(w)
                    work.append((w, iter(graph.get(w, ()))))
                    pushed = True
                    break
                if w in on_stack:
                    low[v] = min(low[v], index[w])
            if pushed:
                continue
            work.pop()
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[v])
            if low[v] == index[v]:
                comp: list[str] = []
                while True:
                    w = stack.pop()
                    on_stack.discard(w)
                    comp.append(w)
                    if w == v:
                        break
                out.append(comp)
    return out
