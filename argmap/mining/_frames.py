"""Views of a map for the scientific Python stack: a networkx graph and pandas tables.

Both libraries are optional (``pip install 'argmap[networkx]'``,
``'argmap[pandas]'``) and imported only when these functions are called.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from argmap._errors import ArgmapError, MapError
from argmap._map import ArgumentMap
from argmap._nodes import (
    Claim,
    Conflict,
    Edge,
    Evidence,
    Inference,
    Locution,
    Node,
    Participant,
    Preference,
    Rephrase,
    UnknownNode,
    _SchemeNode,
)
from argmap._text import Source

if TYPE_CHECKING:
    import networkx
    import pandas

__all__ = ["from_networkx", "to_frames", "to_networkx"]


def _need(module: str, extra: str) -> Any:
    try:
        return __import__(module)
    except ImportError:
        raise ArgmapError(f"this needs {module}, which is not installed: "
                          f"pip install 'argmap[{extra}]'") from None


def _node_attrs(node: Node) -> dict[str, Any]:
    attrs: dict[str, Any] = {"node": node, "kind": node.kind.value,
                             "type": type(node).__name__, "text": None, "scheme": None,
                             "spans": [], "implicit": False, "extra": node.extra.thaw()}
    if isinstance(node, (Claim, Evidence, Locution)):
        attrs["text"] = node.text
        attrs["spans"] = [(s.start, s.end) for s in node.spans]
    if isinstance(node, (Claim, Evidence)):
        attrs["implicit"] = node.implicit
    if isinstance(node, UnknownNode):
        attrs["text"] = node.text
    if isinstance(node, _SchemeNode):
        attrs["scheme"] = node.scheme
    if isinstance(node, Locution):
        attrs["speaker"] = node.speaker
    return attrs


def to_networkx(m: ArgumentMap) -> networkx.MultiDiGraph[str]:
    """The map as a :class:`networkx.MultiDiGraph`, one graph node per AIF node.

    Graph nodes are keyed by node id, graph edges by edge id (so parallel AIF
    edges survive).  Attributes:

    * node: ``node`` (the argmap :class:`~argmap.Node` itself), ``kind`` (the
      AIF type code, ``"I"``, ``"RA"`` ...), ``type`` (the class name),
      ``text``, ``scheme``, ``spans`` (``[(start, end), ...]``), ``implicit``,
      ``extra`` (a plain dict), and ``speaker`` for locutions;
    * edge: ``edge`` (the :class:`~argmap.Edge`), ``id``;
    * graph: ``source`` (the :class:`~argmap.Source` or None), ``extra`` and
      ``participants`` (``{id: Participant}``).

    Example:
        >>> m = ArgumentMap()
        >>> a, b = m.add_claim("Cats purr"), m.add_claim("Cats are happy")
        >>> ra = m.add_inference(a, b)
        >>> g = to_networkx(m)
        >>> sorted(g.successors(ra.id)), g.nodes[ra.id]["kind"]
        (['i2'], 'RA')
        >>> from_networkx(g) == m
        True

    Raises:
        ArgmapError: if networkx is not installed.
    """
    nx = _need("networkx", "networkx")
    g: networkx.MultiDiGraph[str] = nx.MultiDiGraph(
        source=m.source, extra=m.extra.thaw(), participants=dict(m.participants))
    for node in m.nodes.values():
        g.add_node(node.id, **_node_attrs(node))
    for edge in m.edges.values():
        g.add_edge(edge.from_id, edge.to_id, key=edge.id, edge=edge, id=edge.id)
    return g


_BUILDERS: dict[str, type[Node]] = {"I": Claim, "RA": Inference, "CA": Conflict,
                                     "MA": Rephrase, "PA": Preference}


def from_networkx(g: Any) -> ArgumentMap:
    """Build a map from a networkx directed graph made by :func:`to_networkx`, or by hand.

    A graph node with a ``node`` attribute becomes that node; otherwise its
    ``kind`` (``"I"``, ``"RA"``, ``"CA"``, ``"MA"`` or ``"PA"``) says what to
    build, with ``text`` (required for ``"I"``), ``scheme`` and ``extra``.
    A graph edge with an ``edge`` attribute becomes that edge; otherwise its
    key (multigraphs) or ``id`` attribute is its id, or one is generated.
    The graph attributes ``source``, ``extra`` and ``participants`` are used
    when present.

    Raises:
        MapError: for a node with neither ``node`` nor a buildable ``kind``,
            or a graph that breaks the map's rules (e.g. spans off the text).
    """
    source = g.graph.get("source")
    if source is not None and not isinstance(source, Source):
        raise MapError("the graph attribute 'source' must be an argmap Source")
    m = ArgumentMap(source=source, extra=g.graph.get("extra") or None)
    for p in (g.graph.get("participants") or {}).values():
        if not isinstance(p, Participant):
            raise MapError("the graph attribute 'participants' must map ids to Participants")
        m.add_participant(p)
    for nid, data in g.nodes(data=True):
        node = data.get("node")
        if node is None:
            cls = _BUILDERS.get(str(data.get("kind")))
            if cls is None:
                raise MapError(f"graph node {nid!r} has no 'node' attribute and its kind "
                               f"{data.get('kind')!r} is not one of {', '.join(_BUILDERS)}")
            fields: dict[str, Any] = {"id": str(nid), "extra": data.get("extra") or None}
            if cls is Claim:
                if not isinstance(data.get("text"), str):
                    raise MapError(f"graph node {nid!r} of kind I needs a 'text'")
                fields["text"] = data["text"]
            elif data.get("scheme") is not None:
                fields["scheme"] = data["scheme"]
            node = cls(**fields)
        elif not isinstance(node, Node) or node.id != str(nid):
            raise MapError(f"graph node {nid!r}: its 'node' attribute is not an argmap node "
                           "with that id")
        m.add_node(node)
    multi = g.is_multigraph()
    edges = g.edges(keys=True, data=True) if multi else (
        (a, b, None, d) for a, b, d in g.edges(data=True))
    for a, b, key, data in edges:
        edge = data.get("edge")
        if not isinstance(edge, Edge):
            eid = data.get("id") or (key if isinstance(key, str) else None) or m.new_id("e")
            edge = Edge(id=str(eid), from_id=str(a), to_id=str(b))
        m.add_edge(edge)
    return m


def to_frames(m: ArgumentMap) -> dict[str, pandas.DataFrame]:
    """The map as pandas tables: ``nodes``, ``edges``, ``spans`` and ``participants``.

    Columns:

    * ``nodes``: ``id``, ``kind`` (AIF code), ``type``, ``text``, ``scheme``,
      ``implicit``, ``speaker``, ``role`` (``extra["brat:type"]`` when present);
    * ``edges``: ``id``, ``from_id``, ``to_id``, ``from_kind``, ``to_kind``;
    * ``spans``: ``node_id``, ``start``, ``end``, ``text`` (one row per span);
    * ``participants``: ``id``, ``name``, ``description``.

    Example:
        >>> m = ArgumentMap(source=Source(text="Cats purr."))
        >>> _ = m.add_claim(quote="Cats purr")
        >>> frames = to_frames(m)
        >>> frames["spans"][["node_id", "start", "end"]].values.tolist()
        [['i1', 0, 9]]

    Raises:
        ArgmapError: if pandas is not installed.
    """
    pd = _need("pandas", "pandas")
    nodes: list[dict[str, Any]] = []
    spans: list[dict[str, Any]] = []
    for node in m.nodes.values():
        a = _node_attrs(node)
        role = node.extra.get("brat:type")
        nodes.append({"id": node.id, "kind": a["kind"], "type": a["type"], "text": a["text"],
                      "scheme": a["scheme"], "implicit": a["implicit"],
                      "speaker": a.get("speaker"), "role": role if isinstance(role, str) else None})
        if isinstance(node, (Claim, Evidence, Locution)):
            spans.extend({"node_id": node.id, "start": s.start, "end": s.end, "text": s.text}
                         for s in node.spans)
    edges = [{"id": e.id, "from_id": e.from_id, "to_id": e.to_id,
              "from_kind": m.nodes[e.from_id].kind.value,
              "to_kind": m.nodes[e.to_id].kind.value} for e in m.edges.values()]
    participants = [{"id": p.id, "name": p.name, "description": p.description}
                    for p in m.participants.values()]

    def frame(rows: list[dict[str, Any]], columns: list[str]) -> pandas.DataFrame:
        table: pandas.DataFrame = pd.DataFrame(rows, columns=columns)
        return table

    return {
        "nodes": frame(nodes, ["id", "kind", "type", "text", "scheme", "implicit", "speaker",
                               "role"]),
        "edges": frame(edges, ["id", "from_id", "to_id", "from_kind", "to_kind"]),
        "spans": frame(spans, ["node_id", "start", "end", "text"]),
        "participants": frame(participants, ["id", "name", "description"]),
    }
