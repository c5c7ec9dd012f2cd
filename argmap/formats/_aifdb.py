"""AIFdb JSON, the de-facto "AIF JSON": the export (``/json/<nodeset>``) and upload shapes.

An AIF object is ``{"nodes": [...], "edges": [...], "locutions": [...]}`` as
AIFdb exports it, optionally with ``participants`` and ``schemefulfillments``
(the upload shape that OVA3 sends to AIFdb), ``descriptorfulfillments``,
``cqdescriptorfulfillments`` and any other key.  OVA3 and xAIF documents
carry the same object under their ``AIF`` key (see :mod:`argmap.formats._xaif`);
this module reads and writes it for all three formats.

Mapping
-------
* node ``type`` I becomes a :class:`~argmap.Claim`, L a
  :class:`~argmap.Locution`, RA/CA/MA/PA/YA/TA the matching scheme node, any
  other type an :class:`~argmap.UnknownNode` (kept, reported by ``validate``).
* ``text`` is an I/L node's text, and a scheme node's ``label`` (none when the
  text is what the writer renders for a node without one: its ``scheme``, else
  the kind's default such as ``"Default Inference"``); ``scheme`` and
  ``schemeID`` are kept as given in ``scheme`` and ``scheme_id`` -- scheme
  names are never rewritten (``"PureQuestioning"`` stays as it is even where
  the text says ``"Pure Questioning"``).  A scheme node without ``schemeID``
  takes the one of its scheme fulfilment, if any.
* a locution record gives its L-node's ``speaker`` (``personID``) and
  ``said_at`` (``start``); other fields stay in the node's ``extra``.
* ``participants`` become :class:`~argmap.Participant` s named
  ``"firstname surname"``.  An AIFdb export has no participants; then one
  participant is made per ``personID``, named after the ``"Name : words"``
  prefix of its locutions and marked ``aifdb:synthesized`` (never written).
* node ids are strings in the model; ids that were JSON numbers are written
  back as numbers.

Lossless round trip
-------------------
Reading then writing gives the same JSON document (key order aside): every
node, edge, id and its JSON type, text, type, scheme name and id, timestamp,
locution, participant, fulfilment and unknown key.  What the model has no
field for lives in ``extra`` under these keys:

=============================  ==========  ==============================================
key                            on          holds
=============================  ==========  ==============================================
``aifdb:node``                 node        delta of the node record (see below)
``aifdb:locution``             L-node      delta of its locution record (present = it has one)
``aifdb:schemefulfillment``    node        delta of its scheme-fulfilment record (same)
``aifdb:edge``                 edge        delta of the edge record
``aifdb:participant``          participant delta of the participant record
``aifdb:synthesized``          participant ``true``: made from a ``personID``, not written
``aifdb:keys``                 map         the AIF object's keys, in order (left out
                                           when the writer's own order)
``aifdb:other``                map         values of its keys the model does not hold
                                           (``descriptorfulfillments``, ``null``
                                           collections, unknown keys)
``aifdb:numeric``              map         per collection, the id fields written as numbers
``aifdb:edge-defaults``        map         fields every edge has unless its delta says
                                           otherwise (AIFdb's ``"formEdgeID": null``)
``aifdb:order``                map         node ids of the locution / fulfilment records
                                           in input order, when it differs from node order
``aifdb:kept``                 map         per collection, ``[index, record]`` pairs of
                                           records kept outside the graph (a repeated id,
                                           a record without an id, a locution of a missing
                                           node); ``validate`` reports each
=============================  ==========  ==============================================

A *delta* (:mod:`argmap.formats._records`) says what to change in the
writer's default rendering of a record: ``keys`` (values that differ, unknown
keys, ``null``), ``absent`` (keys the input lacked) and ``flip`` (ids whose
JSON type differs from the file's default).

What AIFdb JSON cannot carry
----------------------------
The source text and its spans, source metadata, evidence types (evidence is
written as a plain I-node), implicit flags, participant descriptions,
participants in the export shape, and ``extra`` data of other formats.
Writing a map that has any of these warns (:class:`~argmap.ArgmapWarning`).
"""

from __future__ import annotations

import collections
import contextlib
import gc
import json
import re
import warnings
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import Any

import attrs

from argmap._errors import ArgmapError, ArgmapWarning, ParseError
from argmap._extra import FrozenJSONDict, thaw_json
from argmap._map import ArgumentMap
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
    unchecked,
    unchecked_maker,
)
from argmap._problem import Problem
from argmap.formats._format import Format
from argmap.formats._jsonsafe import decode_json_bytes
from argmap.formats._records import (
    apply_delta,
    as_id,
    as_value_id,
    check_json,
    delta,
    numeric_fields,
)
from argmap.formats._sniff import json_shape, sadface_like

__all__ = [
    "FORMAT", "SCHEME_CLASSES", "AifWriter", "problems", "read_aif", "write_aif", "xml_safe",
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
_COLLECTIONS: dict[str, tuple[str, ...]] = {
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
_SchemeNodes = (Inference, Conflict, Rephrase, Preference, Illocution, Transition)


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
    if isinstance(n, _SchemeNodes):
        if n.scheme is not None:
            d["scheme"] = n.scheme
        if n.scheme_id is not None:
            d["schemeID"] = n.scheme_id
    return d


_TYPE_CODES: dict[type[Any], str] = {cls: code for code, cls in SCHEME_CLASSES.items()}


def _render_written(n: Node) -> dict[str, Any]:
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
    code = _TYPE_CODES.get(kind)
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
_NODE_KEYS = frozenset(("nodeID", "text", "type", "timestamp"))
_SCHEME_NODE_KEYS = _NODE_KEYS | {"scheme", "schemeID"}

# In raw JSON bytes: anything that may decode to a character XML 1.0 cannot carry
# (U+FFFE/U+FFFF, or an escape of a control character, surrogate or U+FFFE/U+FFFF;
# JSON's short escapes \b and \f are control characters too).
_SUSPICIOUS = re.compile(
    rb"\xef\xbf[\xbe\xbf]|\\[bf]"
    rb"|\\u(?:00[01][0-9A-Fa-f]|[Dd][89A-Fa-f][0-9A-Fa-f]{2}|[Ff]{3}[EeFf])"
)
_SHORT_CONTROL_ESCAPES = (b"\\b", b"\\f")


def xml_safe(data: bytes) -> bool:
    """True when no string in the JSON bytes can hold a character XML 1.0 cannot carry.

    Conservative: a legal escape such as ``\\u000a`` also answers False.
    Readers then skip the per-string check the model's converters make.
    """
    if b"\\" in data and (
        b"\\u" in data or any(e in data for e in _SHORT_CONTROL_ESCAPES)
    ):
        return _SUSPICIOUS.search(data) is None
    if data.isascii() or b"\xef\xbf" not in data:
        return True
    return _SUSPICIOUS.search(data) is None


class _Reader:
    """Builds a map from one AIF object; collects the map-level ``extra``."""

    def __init__(self, m: ArgumentMap, name: str, trusted: bool) -> None:
        self.m = m
        self.name = name
        self.trusted = trusted
        self.extra: dict[str, Any] = {}
        self.numeric: dict[str, frozenset[str]] = {}
        self.kept: dict[str, list[list[Any]]] = {}
        self.order: dict[str, list[str]] = {}
        self.attached: dict[str, list[str]] = {}  # node ids with a record, in input order

    def fail(self, message: str, node: str | None = None) -> ParseError:
        return ParseError(message, source=self.name, node=node)

    def keep(self, collection: str, index: int, raw: Any) -> None:
        try:
            if not self.trusted:
                check_json(raw, "record")
        except ValueError as exc:
            raise self.fail(f"{collection}[{index}]: {exc}") from None
        self.kept.setdefault(collection, []).append([index, raw])

    def read(self, obj: Mapping[str, Any]) -> None:
        lists: dict[str, list[Any]] = {}
        other: dict[str, Any] = {}
        for key, value in obj.items():
            if key in _COLLECTIONS and isinstance(value, list):
                lists[key] = value
            else:
                try:
                    check_json(value, f"key {key!r}")
                except ValueError as exc:
                    raise self.fail(str(exc)) from None
                other[key] = value
        for key, value in lists.items():
            num = numeric_fields(value[0] if value else None, _COLLECTIONS[key])
            self.numeric[key] = num
        fulfilments = lists.get("schemefulfillments", [])
        first_fulfilment: dict[str, Mapping[str, Any]] = {}
        for raw in fulfilments:
            if isinstance(raw, dict):
                nid = as_id(raw.get("nodeID"))
                if nid is not None:
                    first_fulfilment.setdefault(nid, raw)
        self.nodes(lists.get("nodes", []), first_fulfilment)
        self.edges(lists.get("edges", []))
        if "participants" in lists:
            self.participants(lists["participants"])
        if "schemefulfillments" in lists:
            self.fulfilments(fulfilments)
        if "locutions" in lists:
            self.locutions(lists["locutions"])
        if not isinstance(obj.get("participants"), list):
            self.synthesize_participants()
        self.extra[K_KEYS] = list(obj)
        if other:
            self.extra[K_OTHER] = other
        numeric = {k: sorted(v) for k, v in self.numeric.items() if v}
        if numeric:
            self.extra[K_NUMERIC] = numeric
        if self.order:
            self.extra[K_ORDER] = self.order
        if self.kept:
            self.extra[K_KEPT] = self.kept

    # nodes ------------------------------------------------------------------
    def nodes(self, records: list[Any], fulfilment: Mapping[str, Mapping[str, Any]]) -> None:
        m = self.m
        numeric = self.numeric.get("nodes", frozenset())
        fast = not numeric and self.trusted
        add = m.add_node
        put = m._put_trusted
        present = m.nodes
        statements = {"I": unchecked_maker(Claim), "L": unchecked_maker(Locution)}
        schemes = {code: unchecked_maker(cls) for code, cls in SCHEME_CLASSES.items()}
        for index, raw in enumerate(records):
            if fast and type(raw) is dict and 3 <= (size := len(raw)) <= 4:
                # The common record: nodeID, text, type (and timestamp), all strings.  With
                # these three (four) keys and no more, there is no other key.
                try:
                    nid, text, typ = raw["nodeID"], raw["text"], raw["type"]
                    ts = raw["timestamp"] if size == 4 else None
                except KeyError:
                    nid = text = typ = ts = None
                if (
                    type(nid) is str and type(text) is str and type(typ) is str
                    and (size == 3 or type(ts) is str) and nid
                ):
                    make = statements.get(typ)
                    if make is not None:
                        node = make(id=nid, text=text, timestamp=ts)
                    else:
                        make = schemes.get(typ)
                        node = (make(id=nid, label=_label(text, None, SCHEME_CLASSES[typ].kind),
                                      timestamp=ts)
                                if make is not None and nid not in fulfilment else None)
                    if node is not None and nid not in present:
                        put(node)  # a fresh id and no spans: nothing for add_node to check
                        continue
            nid = raw.get("nodeID") if type(raw) is dict else None
            if type(nid) is not str:
                nid = as_id(nid)
            if not nid or nid in present:
                self.keep("nodes", index, raw)
                continue
            try:
                node = self.node(nid, raw, fulfilment.get(nid))
                if not (fast and _plain_node(raw, nid, fulfilment)):
                    change = delta(raw, render_node(node), numeric)
                    if change is not None:
                        if not self.trusted:
                            check_json(change, "node")
                        node = attrs.evolve(node, extra={K_NODE: change})
                add(node)
            except (ArgmapError, ValueError, TypeError) as exc:
                raise self.fail(str(exc), node=nid) from None

    def node(self, nid: str, raw: Mapping[str, Any], fulfilment: Mapping[str, Any] | None
             ) -> Node:
        typ = raw.get("type")
        text = raw.get("text")
        ts = raw.get("timestamp")
        fields: dict[str, Any] = {"id": nid, "timestamp": ts if type(ts) is str else None}
        cls: type[Any] | None
        if typ in ("I", "L"):
            cls = Claim if typ == "I" else Locution
            fields["text"] = text if type(text) is str else ""
        else:
            cls = SCHEME_CLASSES.get(typ) if type(typ) is str else None
            if cls is None:
                cls = UnknownNode
                fields["type"] = typ if type(typ) is str else ""
                fields["text"] = text if type(text) is str else None
            else:
                scheme = raw.get("scheme")
                if "schemeID" in raw:
                    scheme_id = as_value_id(raw["schemeID"])
                else:
                    scheme_id = (None if fulfilment is None
                                 else as_value_id(fulfilment.get("schemeID")))
                fields["scheme"] = scheme if type(scheme) is str else None
                fields["label"] = (_label(text, fields["scheme"], cls.kind)
                                   if type(text) is str else None)
                fields["scheme_id"] = scheme_id
        if self.trusted:
            return unchecked(cls, fields)
        return cls(**fields)

    # edges ------------------------------------------------------------------
    def edges(self, records: list[Any]) -> None:
        numeric = self.numeric.get("edges", frozenset())
        nulls = sum(1 for r in records if type(r) is dict and r.get("formEdgeID", 0) is None)
        defaults: dict[str, Any] = {"formEdgeID": None} if nulls * 2 > len(records) else {}
        if defaults:
            self.extra[K_EDGE_DEFAULTS] = defaults
        size = 4 if defaults else 3
        fast = not numeric and self.trusted
        make: Any = unchecked_maker(Edge) if self.trusted else Edge
        seen: set[str] = set()
        used: set[str | None] | None = None  # every edgeID of the input, when needed
        counter = 0
        edges: list[Edge] = []
        append = edges.append
        for index, raw in enumerate(records):
            if fast and type(raw) is dict and len(raw) == size:
                # The common record: edgeID, fromID, toID as strings (and formEdgeID null);
                # with that many keys, those are all of them.
                try:
                    eid, src, dst = raw["edgeID"], raw["fromID"], raw["toID"]
                    plain = not defaults or raw["formEdgeID"] is None
                except KeyError:
                    plain = False
                if (
                    plain and type(eid) is str and type(src) is str and type(dst) is str
                    and eid and src and dst and eid not in seen
                ):
                    seen.add(eid)
                    append(make(id=eid, from_id=src, to_id=dst))
                    continue
            if type(raw) is not dict:
                self.keep("edges", index, raw)
                continue
            src, dst, eid = raw.get("fromID"), raw.get("toID"), raw.get("edgeID")
            if type(src) is not str:
                src = as_id(src)
            if type(dst) is not str:
                dst = as_id(dst)
            if not src or not dst:
                self.keep("edges", index, raw)
                continue
            if type(eid) is not str:
                eid = as_id(eid)
            if not eid or eid in seen:
                if used is None:
                    used = {as_id(r.get("edgeID")) for r in records if type(r) is dict}
                while True:
                    counter += 1
                    eid = f"e{counter}"
                    if eid not in used and eid not in seen:
                        break
            seen.add(eid)
            try:
                edge = make(id=eid, from_id=src, to_id=dst)
                change = delta(raw, render_edge(edge, defaults), numeric)
                if change is not None:
                    if not self.trusted:
                        check_json(change, "edge")
                    edge = make(id=eid, from_id=src, to_id=dst,
                                extra=FrozenJSONDict({K_EDGE: change}))
            except (ArgmapError, ValueError, TypeError) as exc:
                raise self.fail(f"edges[{index}]: {exc}", node=eid) from None
            append(edge)
        self.m._add_edges(edges)

    # participants -----------------------------------------------------------
    def participants(self, records: list[Any]) -> None:
        m = self.m
        numeric = self.numeric.get("participants", frozenset())
        for index, raw in enumerate(records):
            pid = as_id(raw.get("participantID")) if isinstance(raw, dict) else None
            if pid is None or pid in m.participants:
                self.keep("participants", index, raw)
                continue
            parts = [v for v in (raw.get("firstname"), raw.get("surname"))
                     if type(v) is str and v]
            try:
                p = Participant(id=pid, name=" ".join(parts))
                change = delta(raw, render_participant(p), numeric)
                if change is not None:
                    check_json(change, "participant")
                    p = attrs.evolve(p, extra={K_PARTICIPANT: change})
                m.add_participant(p)
            except (ArgmapError, ValueError, TypeError) as exc:
                raise self.fail(f"participants[{index}]: {exc}", node=pid) from None

    def synthesize_participants(self) -> None:
        m = self.m
        names: dict[str, collections.Counter[str]] = {}
        for nid in self.attached.get("locutions", ()):
            node = m.nodes[nid]
            if isinstance(node, Locution) and node.speaker is not None:
                counter = names.setdefault(node.speaker, collections.Counter())
                head, sep, _ = node.text.partition(":")
                if sep and head.strip():
                    counter[head.strip()] += 1
        for pid, counter in names.items():
            if not pid or pid in m.participants:
                continue
            name = counter.most_common(1)[0][0] if counter else f"person {pid}"
            m.add_participant(Participant(id=pid, name=name, extra={K_SYNTHESIZED: True}))

    # records attached to nodes ---------------------------------------------
    def attach(
        self,
        collection: str,
        records: list[Any],
        *,
        key: str,
        fits: Callable[[Node], bool],
        update: Callable[[Node, Mapping[str, Any]], Node],
        render: Callable[[Node], dict[str, Any]],
    ) -> None:
        m = self.m
        numeric = self.numeric.get(collection, frozenset())
        done: set[str] = set()
        order: list[str] = []
        for index, raw in enumerate(records):
            nid = as_id(raw.get("nodeID")) if isinstance(raw, dict) else None
            node = m.nodes.get(nid) if nid is not None else None
            if nid is None or node is None or nid in done or not fits(node):
                self.keep(collection, index, raw)
                continue
            done.add(nid)
            order.append(nid)
            try:
                node = update(node, raw)
                change = delta(raw, render(node), numeric)
                if change is not None:
                    check_json(change, collection)
                extra: dict[str, Any] = dict(node.extra)
                extra[key] = change if change is not None else {}
                m.replace_node(attrs.evolve(node, extra=extra))
            except (ArgmapError, ValueError, TypeError) as exc:
                raise self.fail(f"{collection}[{index}]: {exc}", node=nid) from None
        self.attached[collection] = order
        if order and order != [n for n in m.nodes if n in done]:
            self.order[collection] = order

    def locutions(self, records: list[Any]) -> None:
        def update(node: Node, raw: Mapping[str, Any]) -> Node:
            assert isinstance(node, Locution)
            start = raw.get("start")
            # An empty personID names nobody; the record delta restores "" on write.
            return attrs.evolve(node, speaker=as_value_id(raw.get("personID")) or None,
                                said_at=start if type(start) is str else None)

        self.attach("locutions", records, key=K_LOCUTION, fits=lambda n: isinstance(n, Locution),
                    update=update, render=render_locution)  # type: ignore[arg-type]

    def fulfilments(self, records: list[Any]) -> None:
        self.attach("schemefulfillments", records, key=K_FULFILMENT, fits=lambda n: True,
                    update=lambda n, raw: n, render=render_fulfilment)


def read_aif(obj: Mapping[str, Any], m: ArgumentMap, name: str, *, trusted: bool = False
             ) -> dict[str, Any]:
    """Add the nodes, edges and participants of an AIF object to ``m``.

    Args:
        obj: the decoded AIF object.
        m: the map to fill.
        name: the input's name for messages.
        trusted: the input is known to hold no text XML cannot carry
            (:func:`xml_safe`), so model objects are built without re-checking it.

    Returns:
        The map-level ``extra`` entries describing the object (``aifdb:*``).

    Raises:
        ParseError: for text XML cannot carry, naming the record.
    """
    reader = _Reader(m, name, trusted)
    with no_gc():
        reader.read(obj)
    return reader.extra


@contextlib.contextmanager
def no_gc() -> Iterator[None]:
    """Pause the cyclic garbage collector while a reader builds a map.

    A map is tens of thousands of acyclic objects made at once: collecting
    while they are made only costs time.  When the collector is switched back
    on they would all sit in its youngest generation, and the first collection
    would walk every one of them just to promote it; the objects of the
    finished map are long-lived, so they are moved straight to the oldest
    generation instead (``gc.freeze`` then ``gc.unfreeze``) -- unless the
    application froze objects itself, which is then left alone.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            if gc.get_freeze_count() == 0:
                gc.freeze()
                gc.unfreeze()
            gc.enable()


def _plain_node(raw: Mapping[str, Any], nid: str,
                fulfilment: Mapping[str, Mapping[str, Any]]) -> bool:
    """True when the writer's default rendering of the node is exactly ``raw``."""
    if "text" not in raw or "type" not in raw or raw.get("nodeID") is not nid:
        return False
    for value in raw.values():
        if type(value) is not str:
            return False
    typ = raw["type"]
    if typ in SCHEME_CLASSES:
        return raw.keys() <= _SCHEME_NODE_KEYS and ("schemeID" in raw or nid not in fulfilment)
    return raw.keys() <= _NODE_KEYS


# -------------------------------------------------------------------- writing
class AifWriter:
    """Writes the AIF object of a map; collects what the target format cannot carry.

    Args:
        m: the map.
        fmt: the format's name, for the warning.
        default_keys: the AIF object's keys for a map not read from AIF JSON.
        carried: the ``extra`` key prefixes the format holds.
        required: collections of which at least one is always written as a list.
    """

    def __init__(self, m: ArgumentMap, fmt: str, default_keys: tuple[str, ...],
                 carried: tuple[str, ...] = (NS,), required: tuple[str, ...] = ()) -> None:
        self.m = m
        self.fmt = fmt
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
        if any(not k.startswith(self.carried) for k in extra):
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
            out.append(apply_delta(_render_written(n), extra.get(K_NODE), numeric))
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
            if p.extra.get(K_SYNTHESIZED) is True:
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
                fresh and isinstance(n, _SchemeNodes) and n.scheme_id is not None
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


def decode_object(data: bytes, name: str) -> dict[str, Any]:
    """Decode strict JSON and check that the top level is an object."""
    doc = decode_json_bytes(data, name)
    if not isinstance(doc, dict):
        raise ParseError(f"expected a JSON object at the top level, found {_kind(doc)}",
                         source=name)
    return doc


def _kind(value: Any) -> str:
    if isinstance(value, list):
        return "an array"
    if value is None:
        return "null"
    return f"a {type(value).__name__}"


def _load(data: bytes, *, name: str, path: Path | None) -> ArgumentMap:
    with no_gc():
        return _read(data, name)


def _read(data: bytes, name: str) -> ArgumentMap:
    doc = decode_object(data, name)
    if not isinstance(doc.get("nodes"), list) and not isinstance(doc.get("edges"), list):
        raise ParseError("not AIFdb JSON: no 'nodes' or 'edges' array at the top level",
                         source=name)
    m = ArgumentMap()
    extra = read_aif(doc, m, name, trusted=xml_safe(data))
    if _fresh_keys(m, extra, EXPORT_KEYS) == extra.get(K_KEYS):
        del extra[K_KEYS]  # the writer's own order: a map that never saw AIF JSON has none
    m.set_extra(extra)
    return m


def _label(text: str, scheme: str | None, kind: NodeKind) -> str | None:
    """A scheme node's label from its text: None when the text is what the writer
    renders for a node without a label, so that reading back a written map gives
    the map that was written."""
    return None if text == (scheme or DEFAULT_LABELS[kind]) else text


def _fresh_keys(m: ArgumentMap, extra: Mapping[str, Any], default: tuple[str, ...]) -> list[str]:
    """The AIF object keys :class:`AifWriter` writes for ``m`` when it has no stored order."""
    keys = list(default)
    if "participants" not in keys and any(
        p.extra.get(K_SYNTHESIZED) is not True for p in m.participants.values()
    ):
        keys.append("participants")
    return keys


def _dump(m: ArgumentMap) -> bytes:
    return encode(write_aif(m))


def _sniff(data: bytes) -> bool:
    shape = json_shape(data)
    if shape is None or "AIF" in shape.keys or sadface_like(data):
        return False
    if not ("nodes" in shape.keys or "edges" in shape.keys):
        return False
    first = shape.first_node
    return first is None or "id" not in first or "nodeID" in first


# ------------------------------------------------------------------ problems
def problems(m: ArgumentMap) -> list[Problem]:
    """Problems with the AIF JSON records a map keeps outside its graph."""
    out: list[Problem] = []
    nodes = m.nodes
    other = m.extra.get(K_OTHER)
    if isinstance(other, Mapping):
        for key in ("descriptorfulfillments", "cqdescriptorfulfillments"):
            records = other.get(key)
            for index, raw in enumerate(records if isinstance(records, tuple) else ()):
                if not isinstance(raw, Mapping):
                    continue
                for field in ("nodeID", "selectedID"):
                    rid = as_id(raw.get(field))
                    if rid is not None and rid not in nodes:
                        out.append(Problem(
                            "dangling-reference",
                            f"{key}[{index}].{field} refers to node {rid!r}, which is not in "
                            "the map"))
    kept = m.extra.get(K_KEPT)
    if not isinstance(kept, Mapping):
        return out
    for collection, entries in kept.items():
        if not isinstance(entries, tuple):
            continue
        for entry in entries:
            if not (isinstance(entry, tuple) and len(entry) == 2):
                continue
            position, record = entry
            out.append(_kept_problem(str(collection), position, record, nodes, m))
    return out


def _kept_problem(collection: str, index: Any, raw: Any, nodes: Mapping[str, Node],
                  m: ArgumentMap) -> Problem:
    where = f"{collection}[{index}]"
    if not isinstance(raw, Mapping):
        return Problem("malformed-record", f"{where} is not an object; kept as it is")
    if collection in ("nodes", "edges", "participants"):
        field = {"nodes": "nodeID", "edges": "edgeID", "participants": "participantID"}[
            collection]
        rid = as_id(raw.get(field))
        if collection == "edges":
            return Problem("malformed-record",
                           f"{where} lacks a usable fromID or toID; kept outside the graph")
        if rid is None:
            return Problem("malformed-record",
                           f"{where} has no usable {field}; kept outside the graph")
        present = nodes if collection == "nodes" else m.participants
        return Problem("duplicate-id",
                       f"{where} repeats {field} {rid!r}; the first record is used, this one "
                       "is kept outside the graph",
                       nodes=(rid,) if collection == "nodes" and rid in present else ())
    rid = as_id(raw.get("nodeID"))
    if rid is None:
        return Problem("malformed-record", f"{where} has no usable nodeID; kept as it is")
    node = nodes.get(rid)
    if node is None:
        return Problem("dangling-reference",
                       f"{where} refers to node {rid!r}, which is not in the map")
    if collection == "locutions" and not isinstance(node, Locution):
        return Problem("dangling-reference",
                       f"{where} is a locution record for {node.kind.value} node {rid!r}, "
                       "which is not a locution", nodes=(rid,))
    return Problem("repeated-record",
                   f"{where} is a further {collection} record for node {rid!r}; the first "
                   "one is used, this one is kept as it is", nodes=(rid,))


FORMAT = Format(
    name="aifdb-json",
    suffixes=(".json",),
    description="AIFdb JSON, export and upload shapes (lossless)",
    load=_load,
    dump=_dump,
    sniff=_sniff,
)
