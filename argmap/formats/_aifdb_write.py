"""Writing a map as an AIFdb JSON object, restoring what the reader kept."""

from __future__ import annotations

import collections
import json
import warnings
from collections.abc import Callable, Mapping
from typing import Any

from argmap._errors import ArgmapWarning
from argmap._extra import FrozenJSONDict, thaw_json
from argmap._map import ArgumentMap
from argmap._nodes import (
    Claim,
    Evidence,
    Locution,
    Node,
)
from argmap.formats._aifdb_records import (
    EXPORT_KEYS,
    K_EDGE,
    K_EDGE_DEFAULTS,
    K_FULFILMENT,
    K_KEPT,
    K_KEYS,
    K_LOCUTION,
    K_NODE,
    K_NUMERIC,
    K_ORDER,
    K_OTHER,
    K_PARTICIPANT,
    K_SYNTHESIZED,
    NS,
    SchemeNodes,
    render_edge,
    render_fulfilment,
    render_locution,
    render_participant,
    render_written,
)
from argmap.formats._records import (
    apply_delta,
    foreign_extra,
)

__all__ = [
    "AifWriter",
    "dump_aifdb",
    "encode",
    "fresh_keys",
    "write_aif",
]


# -------------------------------------------------------------------- writing
class AifWriter:
    """Writes the AIF object of a map; collects what the target format cannot carry.

    Args:
        m: the map.
        fmt: the format's name, for the warning.
        default_keys: the AIF object's keys for a map not read from AIF JSON.
        carried: the ``extra`` key prefixes the format holds.
        required: collections of which at least one is always written as a list.
        synthesized: whether to write the participants an AIFdb export lacked
            and the reader made from its locutions (``aifdb:synthesized``) into
            the AIF object's participants list, when it has one: not in AIFdb
            JSON, whose reader makes them again, but in formats whose documents
            list their participants (OVA3, xAIF).
    """

    def __init__(self, m: ArgumentMap, fmt: str, default_keys: tuple[str, ...],
                 carried: tuple[str, ...] = (NS,), required: tuple[str, ...] = (), *,
                 synthesized: bool = False) -> None:
        self.m = m
        self.fmt = fmt
        self.synthesized = synthesized
        self.listed = False  # whether this document lists the synthesized ones (see aif)
        self.default_keys = default_keys
        self.required = required
        self.carried = carried
        self.losses: collections.Counter[str] = collections.Counter()
        extra = m.extra
        numeric = extra.get(K_NUMERIC)
        self.numeric: dict[str, frozenset[str]] = {
            k: frozenset(f for f in v if isinstance(f, str))
            for k, v in (numeric.items() if isinstance(numeric, Mapping) else ())
            if isinstance(v, tuple)
        }
        kept = extra.get(K_KEPT)
        self.kept: Mapping[str, Any] = kept if isinstance(kept, Mapping) else {}
        order = extra.get(K_ORDER)
        self.order: Mapping[str, Any] = order if isinstance(order, Mapping) else {}

    def note_extra(self, extra: Mapping[str, Any], what: str) -> None:
        if foreign_extra(extra, self.carried):
            self.losses[f"extra data of other formats on {what}"] += 1

    def with_kept(self, collection: str, out: list[Any]) -> list[Any]:
        """Merge the records kept as ``(position, record)`` back into ``out``, in one pass.

        Each kept record lands at its position in the result (or at the end when
        the list is shorter), as if inserted in ascending order of position.
        """
        entries = self.kept.get(collection)
        if not isinstance(entries, tuple) or not entries:
            return out
        kept = sorted(
            (entry for entry in entries
             if isinstance(entry, tuple) and len(entry) == 2 and type(entry[0]) is int),
            key=lambda entry: entry[0])
        merged: list[Any] = []
        rest = iter(out)
        remaining = len(out)
        for position, record in kept:
            while len(merged) < position and remaining:
                merged.append(next(rest))
                remaining -= 1
            merged.append(thaw_json(record))
        merged.extend(rest)
        return merged

    def nodes(self) -> list[Any]:
        numeric = self.numeric.get("nodes", frozenset())
        out = []
        losses = self.losses
        for n in self.m.nodes.values():
            extra = n.extra._data  # a plain dict: the Mapping mixin's get is slow
            out.append(apply_delta(render_written(n), extra.get(K_NODE), numeric))
            if isinstance(n, (Claim, Evidence)):
                if isinstance(n, Evidence):
                    losses["evidence types"] += 1
                if n.implicit:
                    losses["implicit flags"] += 1
            if extra:
                self.note_extra(extra, "nodes")
        return self.with_kept("nodes", out)

    def edges(self) -> list[Any]:
        numeric = self.numeric.get("edges", frozenset())
        stored = self.m.extra.get(K_EDGE_DEFAULTS)
        defaults = thaw_json(stored) if isinstance(stored, FrozenJSONDict) else {}
        out = []
        for e in self.m.edges.values():
            extra = e.extra._data
            out.append(apply_delta(render_edge(e, defaults), extra.get(K_EDGE), numeric))
            if extra:
                self.note_extra(extra, "edges")
        return self.with_kept("edges", out)

    def participants(self) -> list[Any]:
        numeric = self.numeric.get("participants", frozenset())
        out = []
        for p in self.m.participants.values():
            if p.extra.get(K_SYNTHESIZED) is True and not self.listed:
                continue
            out.append(apply_delta(render_participant(p), p.extra.get(K_PARTICIPANT), numeric))
            if p.description is not None:
                self.losses["participant descriptions"] += 1
            if p.extra:
                self.note_extra(p.extra, "participants")
        return self.with_kept("participants", out)

    def attached(self, collection: str, key: str, wanted: Callable[[Node], bool],
                 render: Callable[[Node], dict[str, Any]]) -> list[Any]:
        nodes = self.m.nodes
        numeric = self.numeric.get(collection, frozenset())
        out = []
        seen: set[str] = set()
        order = self.order.get(collection)
        if not isinstance(order, tuple):
            # Node order, each node once: no lookups and no set of those seen.
            for n in nodes.values():
                if wanted(n):
                    out.append(apply_delta(render(n), n.extra._data.get(key), numeric))
            return self.with_kept(collection, out)
        for nid in [*order, *nodes]:
            node = nodes.get(nid) if isinstance(nid, str) else None
            if node is None or nid in seen or not wanted(node):
                continue
            seen.add(nid)
            out.append(apply_delta(render(node), node.extra._data.get(key), numeric))
        return self.with_kept(collection, out)

    def locutions(self) -> list[Any]:
        def wanted(n: Node) -> bool:
            return isinstance(n, Locution) and (
                K_LOCUTION in n.extra._data or n.speaker is not None or n.said_at is not None
            )

        return self.attached("locutions", K_LOCUTION, wanted, render_locution)  # type: ignore[arg-type]

    def fulfilments(self, fresh: bool) -> list[Any]:
        def wanted(n: Node) -> bool:
            return K_FULFILMENT in n.extra._data or (
                fresh and isinstance(n, SchemeNodes) and n.scheme_id is not None
            )

        return self.attached("schemefulfillments", K_FULFILMENT, wanted, render_fulfilment)

    def aif(self) -> dict[str, Any]:
        """The AIF object of the map."""
        m = self.m
        stored = m.extra.get(K_KEYS)
        fresh = not isinstance(stored, tuple)
        keys: list[Any]
        if fresh:
            keys = list(self.default_keys)
            if "participants" not in keys and any(
                p.extra.get(K_SYNTHESIZED) is not True for p in m.participants.values()
            ):
                keys.append("participants")
        else:
            keys = list(stored)  # type: ignore[arg-type]
        other = m.extra.get(K_OTHER)
        other_values = other if isinstance(other, FrozenJSONDict) else FrozenJSONDict()
        # Participants the reader made itself go only into a participants list the
        # document has anyway: a document read without one (or with a value that
        # is not a list) is written so again.
        self.listed = (self.synthesized and "participants" in keys
                       and "participants" not in other_values)
        with_fulfilments = fresh and "schemefulfillments" in keys
        builders: dict[str, Callable[[], list[Any]]] = {
            "nodes": self.nodes, "edges": self.edges, "participants": self.participants,
            "locutions": self.locutions,
            "schemefulfillments": lambda: self.fulfilments(with_fulfilments),
        }
        built: dict[str, list[Any]] = {}

        def collection(key: str) -> list[Any]:
            if key not in built:
                built[key] = builders[key]()
            return built[key]

        out: dict[str, Any] = {}
        for key in keys:
            if not isinstance(key, str):
                continue
            if key in builders:
                records = collection(key)
                # A collection read as null (or any non-list) stays so unless it gained records.
                out[key] = thaw_json(other_values[key]) if key in other_values and not records \
                    else records
            elif key in other_values:
                out[key] = thaw_json(other_values[key])
            elif fresh:
                out[key] = []
        # Never drop what the map has because the input lacked the key.
        for key in builders:
            if key not in out and collection(key):
                out[key] = collection(key)
        if self.required and not any(isinstance(out.get(k), list) for k in self.required):
            for key in self.required:
                out[key] = collection(key)
        self.note_extra(m.extra, "the map")
        return out

    def warn(self) -> None:
        """Warn once about everything the format could not carry."""
        if self.losses:
            parts = ", ".join(f"{what} ({n})" for what, n in sorted(self.losses.items()))
            warnings.warn(
                f"{self.fmt} cannot carry everything in this map; left out: {parts}",
                ArgmapWarning, stacklevel=4,
            )


def write_aif(m: ArgumentMap, fmt: str = "aifdb-json") -> dict[str, Any]:
    """The AIF object of a map as AIFdb JSON (export shape for maps not read from JSON)."""
    writer = AifWriter(m, fmt, EXPORT_KEYS, required=("nodes", "edges"))
    obj = writer.aif()
    src = m.source
    if src is not None:
        writer.losses["the source text"] += 1
        spans = sum(len(getattr(n, "spans", ())) for n in m.nodes.values())
        if spans:
            writer.losses["text spans"] += spans
        if src.metadata() or src.extra:
            writer.losses["source metadata"] += 1
    writer.warn()
    return obj


# -------------------------------------------------------------- format glue
def encode(obj: Any) -> bytes:
    """Compact UTF-8 JSON, as AIFdb and OVA write it."""
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def fresh_keys(m: ArgumentMap, extra: Mapping[str, Any], default: tuple[str, ...]) -> list[str]:
    """The AIF object keys :class:`AifWriter` writes for ``m`` when it has no stored order."""
    keys = list(default)
    if "participants" not in keys and any(
        p.extra.get(K_SYNTHESIZED) is not True for p in m.participants.values()
    ):
        keys.append("participants")
    return keys


def dump_aifdb(m: ArgumentMap) -> bytes:
    return encode(write_aif(m))
