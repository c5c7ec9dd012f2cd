"""Reading AIFdb JSON objects (export and upload shapes, and the ``AIF`` block of OVA3
and xAIF) into a map, keeping every record that does not fit the graph."""

from __future__ import annotations

import collections
import operator
import re
from collections.abc import Callable, Mapping
from typing import Any

import attrs

from argmap._errors import ArgmapError, ParseError
from argmap._extra import FrozenJSONDict
from argmap._gcpause import collector_paused
from argmap._map import ArgumentMap
from argmap._nodes import (
    DEFAULT_LABELS,
    Claim,
    Edge,
    Locution,
    Node,
    Participant,
    UnknownNode,
    unchecked,
    unchecked_maker,
)
from argmap.formats._aifdb_records import (
    COLLECTIONS,
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
    NODE_KEYS,
    SCHEME_CLASSES,
    SCHEME_NODE_KEYS,
    kind_of_value,
    render_edge,
    render_fulfilment,
    render_locution,
    render_node,
    render_participant,
    scheme_label,
)
from argmap.formats._aifdb_write import fresh_keys
from argmap.formats._jsonsafe import decode_json_bytes
from argmap.formats._records import (
    as_id,
    as_value_id,
    check_json,
    delta,
    numeric_fields,
)

__all__ = [
    "decode_object",
    "read_aif",
    "read_aifdb",
    "xml_safe",
]


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
            if key in COLLECTIONS and isinstance(value, list):
                lists[key] = value
            else:
                try:
                    check_json(value, f"key {key!r}")
                except ValueError as exc:
                    raise self.fail(str(exc)) from None
                other[key] = value
        for key, value in lists.items():
            num = numeric_fields(value[0] if value else None, COLLECTIONS[key])
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
        numeric = self.numeric.get("nodes", frozenset())
        fast = not numeric and self.trusted
        present = self.m.nodes
        # The nodes read, in input order, put into the map at once at the end.  None
        # has spans (AIF JSON has no source text), so add_node would check nothing.
        built: dict[str, Node] = {}
        statements = _statement_makers()
        schemes = _scheme_makers()
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
                    and (size == 3 or type(ts) is str) and nid and nid not in built
                    and nid not in present
                ):
                    make = statements.get(typ)
                    if make is not None:
                        built[nid] = make(id=nid, text=text, timestamp=ts)
                        continue
                    scheme = schemes.get(typ)
                    if scheme is not None and nid not in fulfilment:
                        make, default = scheme
                        built[nid] = make(id=nid, label=None if text == default else text,
                                          timestamp=ts)
                        continue
            self.node_record(index, raw, fulfilment, built, numeric=numeric, fast=fast)
        self.m._put_trusted_many(built)

    def node_record(self, index: int, raw: Any, fulfilment: Mapping[str, Mapping[str, Any]],
                    built: dict[str, Node], *, numeric: frozenset[str], fast: bool) -> None:
        """Read one node record of any shape into ``built``, or keep it outside the graph."""
        nid = raw.get("nodeID") if type(raw) is dict else None
        if type(nid) is not str:
            nid = as_id(nid)
        if not nid or nid in built or nid in self.m.nodes:
            self.keep("nodes", index, raw)
            return
        try:
            node = self.node(nid, raw, fulfilment.get(nid))
            if not (fast and _plain_node(raw, nid, fulfilment)):
                change = delta(raw, render_node(node), numeric)
                if change is not None:
                    if not self.trusted:
                        check_json(change, "node")
                    node = attrs.evolve(node, extra={K_NODE: change})
        except (ArgmapError, ValueError, TypeError) as exc:
            raise self.fail(str(exc), node=nid) from None
        built[nid] = node

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
                if _scheme_is_id(scheme, scheme_id, text):
                    # OVA3's database writes the scheme's id in "scheme" (and the
                    # name only in the text): the name is the text, not the number.
                    scheme = None if text == DEFAULT_LABELS[cls.kind] else text
                fields["scheme"] = scheme if type(scheme) is str else None
                fields["label"] = (scheme_label(text, fields["scheme"], cls.kind)
                                   if type(text) is str else None)
                fields["scheme_id"] = scheme_id
        if self.trusted:
            return unchecked(cls, fields)
        return cls(**fields)

    # edges ------------------------------------------------------------------
    def edges(self, records: list[Any]) -> None:
        numeric = self.numeric.get("edges", frozenset())
        fast = not numeric and self.trusted
        if fast:
            bulk = _plain_edges(records)
            if bulk is not None and self.m._adopt_edges(bulk[0]):
                if bulk[1]:  # every record has a null formEdgeID: the file's default
                    self.extra[K_EDGE_DEFAULTS] = {"formEdgeID": None}
                return
        nulls = _null_forms(records)
        defaults: dict[str, Any] = {"formEdgeID": None} if nulls * 2 > len(records) else {}
        if defaults:
            self.extra[K_EDGE_DEFAULTS] = defaults
        make: Any = unchecked_maker(Edge) if self.trusted else Edge
        size = 4 if defaults else 3
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
    with collector_paused():
        reader.read(obj)
    return reader.extra


_EDGE_KEYS = ("edgeID", "fromID", "toID")
_FORM_EDGE = operator.methodcaller("get", "formEdgeID", 0)


def _statement_makers() -> dict[str, Any]:
    return {"I": unchecked_maker(Claim), "L": unchecked_maker(Locution)}


def _scheme_makers() -> dict[str, tuple[Any, str]]:
    """By type code: the unchecked maker and the text that means "no label"."""
    return {code: (unchecked_maker(cls), DEFAULT_LABELS[cls.kind])
            for code, cls in SCHEME_CLASSES.items()}


def _null_forms(records: list[Any]) -> int:
    """How many records are objects with ``"formEdgeID": null``."""
    try:  # at C speed when every record is an object, as in any real file
        return list(map(_FORM_EDGE, records)).count(None)
    except (AttributeError, TypeError):
        return sum(1 for r in records if type(r) is dict and r.get("formEdgeID", 0) is None)


def _plain_edges(records: list[Any]) -> tuple[dict[str, Edge], bool] | None:
    """The edges of the records by id when every one is plain, and whether they hold a null form.

    Plain: an object holding ``edgeID``, ``fromID`` and ``toID`` and nothing
    else -- or, in every record, also ``"formEdgeID": null`` (which then is the
    file's default) -- the three non-empty strings, the edge ids distinct: a
    record the writer renders exactly, so it needs no delta.  Each check runs
    over a whole column at C speed (``len`` and ``itemgetter`` fail on
    anything but an object, and an object of the right size holding every key
    holds no other).  None when any check fails: then the caller reads the
    records one by one.
    """
    if not records:
        return None
    try:
        sizes = set(map(len, records))
        if sizes not in ({3}, {4}):
            return None
        null_form = sizes == {4}
        ids, sources, targets = (list(map(operator.itemgetter(key), records))
                                 for key in _EDGE_KEYS)
        if null_form and list(map(operator.itemgetter("formEdgeID"), records)).count(
                None) != len(records):
            return None
    except (KeyError, TypeError):
        return None
    for column in (ids, sources, targets):
        if set(map(type, column)) != {str} or not all(column):
            return None
    make = unchecked_maker(Edge)  # Edge's fields by position: id, from, to
    table = dict(zip(ids, map(make, ids, sources, targets), strict=True))
    if len(table) != len(ids):
        return None
    return table, null_form


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
        return raw.keys() <= SCHEME_NODE_KEYS and ("schemeID" in raw or nid not in fulfilment) \
            and not _scheme_is_id(raw.get("scheme"), raw.get("schemeID"), raw["text"])
    return raw.keys() <= NODE_KEYS


def _scheme_is_id(scheme: Any, scheme_id: Any, text: Any) -> bool:
    """Whether a record's ``scheme`` is its scheme's id (a number, as ``schemeID``), not a name."""
    return (type(scheme) is str and scheme.isascii() and scheme.isdigit()
            and scheme == scheme_id and type(text) is str and bool(text))


def decode_object(data: bytes, name: str) -> dict[str, Any]:
    """Decode strict JSON and check that the top level is an object."""
    doc = decode_json_bytes(data, name)
    if not isinstance(doc, dict):
        raise ParseError(f"expected a JSON object at the top level, found {kind_of_value(doc)}",
                         source=name)
    return doc


def read_aifdb(data: bytes, name: str) -> ArgumentMap:
    doc = decode_object(data, name)
    if not isinstance(doc.get("nodes"), list) and not isinstance(doc.get("edges"), list):
        raise ParseError("not AIFdb JSON: no 'nodes' or 'edges' array at the top level",
                         source=name)
    m = ArgumentMap()
    extra = read_aif(doc, m, name, trusted=xml_safe(data))
    if fresh_keys(m, extra, EXPORT_KEYS) == extra.get(K_KEYS):
        del extra[K_KEYS]  # the writer's own order: a map that never saw AIF JSON has none
    m.set_extra(extra)
    return m
