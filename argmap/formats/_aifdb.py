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
  takes the one of its scheme fulfilment, if any.  A ``scheme`` that is a
  number equal to the node's ``schemeID`` is that id (OVA3's database writes
  it so), and the scheme's name is then the node's text.
* a locution record gives its L-node's ``speaker`` (``personID``) and
  ``said_at`` (``start``); other fields stay in the node's ``extra``.
* ``participants`` become :class:`~argmap.Participant` s named
  ``"firstname surname"``.  An AIFdb export has no participants; then one
  participant is made per ``personID``, named after the ``"Name : words"``
  prefix of its locutions and marked ``aifdb:synthesized``: not written back
  to AIFdb JSON (reading it makes them again), but written by OVA3 and xAIF,
  whose documents list their participants.
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
                                           back to AIFdb JSON
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

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from argmap._gcpause import collector_paused
from argmap._map import ArgumentMap
from argmap._nodes import (
    Locution,
    Node,
)
from argmap._problem import Problem
from argmap.formats._aifdb_read import read_aifdb
from argmap.formats._aifdb_records import K_KEPT, K_OTHER
from argmap.formats._aifdb_write import dump_aifdb
from argmap.formats._format import Format
from argmap.formats._records import (
    as_id,
)
from argmap.formats._registry import described
from argmap.formats._sniff import json_shape, sadface_like

__all__ = [
    "FORMAT",
    "problems",
]


def _load(data: bytes, *, name: str, path: Path | None) -> ArgumentMap:
    with collector_paused():
        return read_aifdb(data, name)


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
    **described("aifdb-json"),
    load=_load,
    dump=dump_aifdb,
    sniff=_sniff,
)
