"""AIFdb JSON records: the keys argmap keeps in ``extra`` and how a node, locution,
fulfilment, edge or participant is rendered as a record (the reader compares what it
read with this rendering and keeps only the differences)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from argmap._nodes import (
    DEFAULT_LABELS,
    Claim,
    Conflict,
    Edge,
    Evidence,
    Illocution,
    Inference,
    Locution,
    Node,
    NodeKind,
    Participant,
    Preference,
    Rephrase,
    Transition,
    UnknownNode,
)

__all__ = [
    "COLLECTIONS",
    "EXPORT_KEYS",
    "K_EDGE",
    "K_EDGE_DEFAULTS",
    "K_FULFILMENT",
    "K_KEPT",
    "K_KEYS",
    "K_LOCUTION",
    "K_NODE",
    "K_NUMERIC",
    "K_ORDER",
    "K_OTHER",
    "K_PARTICIPANT",
    "K_SYNTHESIZED",
    "NODE_KEYS",
    "NS",
    "SCHEME_CLASSES",
    "SCHEME_NODE_KEYS",
    "TYPE_CODES",
    "UPLOAD_KEYS",
    "SchemeNodes",
    "kind_of_value",
    "render_edge",
    "render_fulfilment",
    "render_locution",
    "render_node",
    "render_participant",
    "render_written",
    "scheme_label",
    "split_name",
]


NS = "aifdb:"


K_NODE = "aifdb:node"


K_LOCUTION = "aifdb:locution"


K_FULFILMENT = "aifdb:schemefulfillment"


K_EDGE = "aifdb:edge"


K_PARTICIPANT = "aifdb:participant"


K_SYNTHESIZED = "aifdb:synthesized"


K_KEYS = "aifdb:keys"


K_OTHER = "aifdb:other"


K_NUMERIC = "aifdb:numeric"


K_EDGE_DEFAULTS = "aifdb:edge-defaults"


K_ORDER = "aifdb:order"


K_KEPT = "aifdb:kept"


#: The collections the model holds, with their id fields.
COLLECTIONS: dict[str, tuple[str, ...]] = {
    "nodes": ("nodeID", "schemeID"),
    "edges": ("edgeID", "fromID", "toID", "formEdgeID"),
    "locutions": ("nodeID", "personID"),
    "participants": ("participantID",),
    "schemefulfillments": ("nodeID", "schemeID"),
}


#: Top-level keys written for a map that was not read from AIF JSON.
EXPORT_KEYS = ("nodes", "edges", "locutions")


UPLOAD_KEYS = ("nodes", "edges", "schemefulfillments", "participants", "locutions")


#: The scheme-node classes by AIF type code.
SCHEME_CLASSES: dict[str, type[Any]] = {
    "RA": Inference, "CA": Conflict, "MA": Rephrase, "PA": Preference, "YA": Illocution,
    "TA": Transition,
}


SchemeNodes = (Inference, Conflict, Rephrase, Preference, Illocution, Transition)


# ------------------------------------------------------------------ rendering
def render_node(n: Node) -> dict[str, Any]:
    """The default JSON record of a node (ids as strings)."""
    if isinstance(n, (Claim, Evidence)):
        d: dict[str, Any] = {"nodeID": n.id, "text": n.text, "type": "I"}
    elif isinstance(n, Locution):
        d = {"nodeID": n.id, "text": n.text, "type": "L"}
    elif isinstance(n, UnknownNode):
        d = {"nodeID": n.id}
        if n.text is not None:
            d["text"] = n.text
        d["type"] = n.type
    else:
        d = {"nodeID": n.id, "text": n.display if n.label is None else n.label,
             "type": n.kind.value}
    if n.timestamp is not None:
        d["timestamp"] = n.timestamp
    if isinstance(n, SchemeNodes):
        if n.scheme is not None:
            d["scheme"] = n.scheme
        if n.scheme_id is not None:
            d["schemeID"] = n.scheme_id
    return d


TYPE_CODES: dict[type[Any], str] = {cls: code for code, cls in SCHEME_CLASSES.items()}


def render_written(n: Node) -> dict[str, Any]:
    """:func:`render_node`, with a shortcut for claims and scheme nodes (the writer's bulk).

    The shortcut skips the isinstance chain and the enum lookup of the type code;
    subclasses and other kinds go through :func:`render_node`.
    """
    kind = type(n)
    if kind is Claim:
        d: dict[str, Any] = {"nodeID": n.id, "text": n.text, "type": "I"}  # type: ignore[union-attr]
        if n.timestamp is not None:
            d["timestamp"] = n.timestamp
        return d
    code = TYPE_CODES.get(kind)
    if code is None:
        return render_node(n)
    s: Any = n
    d = {"nodeID": s.id, "text": s.display if s.label is None else s.label, "type": code}
    if s.timestamp is not None:
        d["timestamp"] = s.timestamp
    if s.scheme is not None:
        d["scheme"] = s.scheme
    if s.scheme_id is not None:
        d["schemeID"] = s.scheme_id
    return d


def render_locution(n: Locution) -> dict[str, Any]:
    """The default locution record of an L-node."""
    d: dict[str, Any] = {"nodeID": n.id}
    if n.speaker is not None:
        d["personID"] = n.speaker
    if n.said_at is not None:
        d["start"] = n.said_at
    return d


def render_fulfilment(n: Node) -> dict[str, Any]:
    """The default scheme-fulfilment record of a node."""
    d: dict[str, Any] = {"nodeID": n.id}
    scheme_id = getattr(n, "scheme_id", None)
    if scheme_id is not None:
        d["schemeID"] = scheme_id
    return d


def render_edge(e: Edge, defaults: Mapping[str, Any]) -> dict[str, Any]:
    """The default JSON record of an edge."""
    d: dict[str, Any] = {"edgeID": e.id, "fromID": e.from_id, "toID": e.to_id}
    if defaults:
        d.update(defaults)
    return d


def split_name(name: str) -> tuple[str, str]:
    """Split a display name into (firstname, surname) at its last space."""
    first, _, last = name.rpartition(" ")
    return (first, last) if first and last else (name, "")


def render_participant(p: Participant) -> dict[str, Any]:
    """The default JSON record of a participant."""
    first, last = split_name(p.name)
    return {"participantID": p.id, "firstname": first, "surname": last}


# -------------------------------------------------------------------- reading
NODE_KEYS = frozenset(("nodeID", "text", "type", "timestamp"))


SCHEME_NODE_KEYS = NODE_KEYS | {"scheme", "schemeID"}


def kind_of_value(value: Any) -> str:
    if isinstance(value, list):
        return "an array"
    if value is None:
        return "null"
    return f"a {type(value).__name__}"


def scheme_label(text: str, scheme: str | None, kind: NodeKind) -> str | None:
    """A scheme node's label from its text: None when the text is what the writer
    renders for a node without a label, so that reading back a written map gives
    the map that was written."""
    return None if text == (scheme or DEFAULT_LABELS[kind]) else text
