"""OVA3 JSON and xAIF: an AIF object plus the analysed text, layout and module outputs.

Both are ``{"AIF": {...}, "text": ..., ...}``.  OVA3 (the ARG-tech web
annotator) writes ``AIF``, ``text`` (the HTML of the analysed text) and
``OVA`` (analyst name and node positions); xAIF, the interlingua of the
argument-mining framework AMF, adds ``dialog`` and any module's output
(``propositionClassifier``, ``Skeptic``, ...).  The two formats are read by
the same code; they differ in what is written for a map that was not read
from either (the span-id convention, the ``dialog`` flag).

Mapping
-------
* ``AIF`` is read as AIFdb JSON (:mod:`argmap.formats._aifdb`): the same
  node, edge, locution, participant and fulfilment mapping, and the same
  ``aifdb:*`` extra keys.
* ``text`` (a string, or ``{"txt": ...}``) becomes the map's
  :class:`~argmap.Source`: the HTML is turned into plain text (``<br>`` as a
  newline, character references decoded, tags dropped) and every
  ``<span class="highlighted" id="...">`` becomes a span of its node -- OVA
  writes ``id="node<ID>"``, AMF ``id="<ID>"``; both are understood.
* every other top-level key (``OVA``/``ova`` layout, ``dialog``, module
  outputs) is kept as it is.

Extra keys (map level)
----------------------
``xaif:keys``
    the document's top-level keys, in order;
``xaif:text``
    the ``text`` value exactly as read; it is written back unchanged while the
    source text and spans still match it, and regenerated otherwise;
``xaif:top``
    the values of every other top-level key except ``AIF`` (layout, module
    outputs), as read.

What OVA3 and xAIF cannot carry
-------------------------------
Source metadata, evidence types, implicit flags, participant descriptions,
spans that cross (HTML highlights must nest), and ``extra`` data of other
formats.  Writing a map with any of these warns.  A map that was not read
from OVA3/xAIF gets a simple layered layout, so that OVA3 can open it.
"""

from __future__ import annotations

import json
import warnings
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import attrs

from argmap._errors import ArgmapError, ParseError
from argmap._extra import FrozenJSONDict, thaw_json
from argmap._gcpause import collector_paused
from argmap._map import ArgumentMap
from argmap._nodes import Claim, Evidence, Locution, Node
from argmap._problem import Problem
from argmap._text import Source, Span
from argmap.formats._aifdb_read import decode_object, read_aif, xml_safe
from argmap.formats._aifdb_write import AifWriter, encode
from argmap.formats._format import Format
from argmap.formats._html import Highlight, html_to_text, text_to_html
from argmap.formats._records import as_id, check_json, same_json
from argmap.formats._registry import described
from argmap.formats._sniff import json_shape

__all__ = ["OVA3_FORMAT", "XAIF_FORMAT", "highlight_spans", "problems", "read_document"]

K_KEYS = "xaif:keys"
K_TEXT = "xaif:text"
K_TOP = "xaif:top"
_CARRIED = ("aifdb:", "xaif:")
_AIF_KEYS = ("nodes", "edges", "schemefulfillments", "participants", "locutions",
             "descriptorfulfillments", "cqdescriptorfulfillments")
_OVA3_KEYS = ("AIF", "text", "OVA")
_XAIF_KEYS = ("AIF", "text", "dialog", "OVA")
_Anchored = (Claim, Evidence, Locution)


# -------------------------------------------------------------------- reading
def _markup(value: Any) -> str | None:
    if isinstance(value, str):
        return value
    if isinstance(value, Mapping) and isinstance(value.get("txt"), str):
        return value["txt"]  # type: ignore[no-any-return]
    return None


def _resolve(hid: str, nodes: Mapping[str, Node]) -> str | None:
    """The node a highlight id names: ``"node12"`` (OVA) or ``"12"`` (AMF)."""
    if hid in nodes:
        return hid
    if hid.startswith("node") and hid[4:] in nodes:
        return hid[4:]
    return None


def highlight_spans(text: str, highlights: list[Highlight],
                     nodes: Mapping[str, Node]) -> dict[str, list[Span]]:
    spans: dict[str, list[Span]] = {}
    for hid, start, end in highlights:
        nid = _resolve(hid, nodes)
        node = nodes.get(nid) if nid is not None else None
        if nid is None or not isinstance(node, _Anchored) or getattr(node, "implicit", False):
            continue
        spans.setdefault(nid, []).append(Span(start, end, text[start:end]))
    return spans


def read_document(data: bytes, name: str) -> ArgumentMap:
    """Read an OVA3 or xAIF document."""
    doc = decode_object(data, name)
    if "AIF" not in doc:
        raise ParseError("not OVA3/xAIF JSON: no 'AIF' key at the top level", source=name)
    extra: dict[str, Any] = {K_KEYS: list(doc)}
    top: dict[str, Any] = {}
    for key, value in doc.items():
        if key == "text" or (key == "AIF" and isinstance(value, dict)):
            continue
        try:
            check_json(value, f"key {key!r}")
        except ValueError as exc:
            raise ParseError(str(exc), source=name) from None
        top[key] = value
    source: Source | None = None
    highlights: list[Highlight] = []
    if "text" in doc:
        raw_text = doc["text"]
        try:
            check_json(raw_text, "text")
        except ValueError as exc:
            raise ParseError(str(exc), source=name) from None
        extra[K_TEXT] = raw_text
        markup = _markup(raw_text)
        if markup:
            plain, highlights = html_to_text(markup)
            try:
                source = Source(text=plain)
            except ValueError as exc:
                raise ParseError(f"text: {exc}", source=name) from None
    m = ArgumentMap(source=source)
    aif = doc["AIF"]
    if isinstance(aif, dict):
        extra.update(read_aif(aif, m, name, trusted=xml_safe(data)))
    if top:
        extra[K_TOP] = top
    if source is not None and highlights:
        for nid, spans in highlight_spans(source.text, highlights, m.nodes).items():
            node = m.nodes[nid]
            assert isinstance(node, _Anchored)
            try:
                m.replace_node(attrs.evolve(node, spans=spans))
            except (ArgmapError, ValueError) as exc:
                raise ParseError(f"text highlight: {exc}", source=name, node=nid) from None
    m.set_extra(extra)
    return m


def _load_ova3(data: bytes, *, name: str, path: Path | None) -> ArgumentMap:
    with collector_paused():
        m = read_document(data, name)
    _drop_writer_defaults(m, data, "ova3")
    return m


def _load_xaif(data: bytes, *, name: str, path: Path | None) -> ArgumentMap:
    with collector_paused():
        m = read_document(data, name)
    _drop_writer_defaults(m, data, "xaif")
    return m


_OTHER = "aifdb:other"
_EMPTY_BY_DEFAULT = ("descriptorfulfillments", "cqdescriptorfulfillments")


def _drop_writer_defaults(m: ArgumentMap, data: bytes, fmt: str) -> None:
    """Forget the file-describing ``extra`` of a document argmap's own writer would write.

    A map written as OVA3/xAIF gains a key order, a layout, the text's markup
    and empty collections; reading it back must give the map that was written,
    so those entries are dropped when writing the map without them gives the
    same document.  Cheap checks rule out files from other tools first; only a
    document that passes them is written once more to confirm.
    """
    extra = dict(m.extra)
    default_keys, prefix = (_OVA3_KEYS, "node") if fmt == "ova3" else (_XAIF_KEYS, "")
    if extra.get(K_KEYS) != default_keys or extra.get("aifdb:keys") != _AIF_KEYS:
        return
    top = extra.get(K_TOP)
    top_values = dict(top) if isinstance(top, Mapping) else {}
    for key in ("OVA", "dialog"):
        if key in top_values:
            fresh: Any = (_layout(m) if key == "OVA"
                          else any(isinstance(n, Locution) for n in m.nodes.values()))
            if not same_json(thaw_json(top_values[key]), fresh):
                return
            del top_values[key]
    dropped = (K_KEYS, "aifdb:keys", K_TOP)
    candidate: dict[str, Any] = {k: v for k, v in extra.items() if k not in dropped}
    if top_values:
        candidate[K_TOP] = top_values
    other = extra.get(_OTHER)
    if isinstance(other, Mapping):
        rest = {k: v for k, v in other.items() if not (k in _EMPTY_BY_DEFAULT and v == ())}
        if rest:
            candidate[_OTHER] = rest
        else:
            candidate.pop(_OTHER)
    text = candidate.pop(K_TEXT, None)
    if text is not None and not isinstance(text, str):
        candidate[K_TEXT] = text  # an object (AMF's {"txt": ...}) is kept as it came
    original = m.extra
    m.set_extra(candidate)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            again = json.loads(_write(m, fmt, default_keys, prefix))
        same = same_json(again, json.loads(data.decode("utf-8-sig")))
    except (ArgmapError, ValueError):
        same = False
    if not same:
        m.set_extra(original)


# -------------------------------------------------------------------- writing
def _node_spans(m: ArgumentMap) -> dict[str, tuple[Span, ...]]:
    return {n.id: n.spans for n in m.nodes.values()
            if isinstance(n, _Anchored) and n.spans}


def _text_still_matches(raw: Any, m: ArgumentMap) -> bool:
    markup = _markup(raw)
    if markup is None:
        # Not a text we understand (null, a number, ...): it gave no source.
        return m.source is None
    plain, highlights = html_to_text(markup)
    if m.source is None:
        return not plain
    if plain != m.source.text:
        return False
    found = {nid: tuple(sorted(spans, key=lambda s: (s.start, s.end)))
             for nid, spans in highlight_spans(plain, highlights, m.nodes).items()}
    return found == _node_spans(m)


def _text_value(m: ArgumentMap, writer: AifWriter, prefix: str) -> Any:
    raw = m.extra.get(K_TEXT)
    if K_TEXT in m.extra and _text_still_matches(raw, m):
        return thaw_json(raw)
    if m.source is None:
        return ""
    highlights = [(prefix + nid, s.start, s.end) for nid, spans in _node_spans(m).items()
                  for s in spans]
    markup, skipped = text_to_html(m.source.text, highlights)
    if skipped:
        writer.losses["text spans that cross other spans"] += len(skipped)
    if isinstance(raw, FrozenJSONDict) and isinstance(raw.get("txt"), str):
        value = raw.thaw()
        value["txt"] = markup
        return value
    return markup


def _layout(m: ArgumentMap) -> dict[str, Any]:
    """A simple layered layout OVA3 can open: conclusions on top, premises below."""
    nodes = m.nodes
    level: dict[str, int] = {}  # longest path down to a node with no successor

    def below(nid: str) -> list[str]:
        return [s.id for s in m.successors(nid)]

    for root in nodes:
        if root in level:
            continue
        on_path = {root}
        stack = [(root, iter(below(root)))]
        while stack:
            nid, pending = stack[-1]
            for nxt in pending:
                if nxt not in level and nxt not in on_path:
                    on_path.add(nxt)
                    stack.append((nxt, iter(below(nxt))))
                    break
            else:
                stack.pop()
                on_path.discard(nid)
                level[nid] = 1 + max((level[s] for s in below(nid) if s in level), default=-1)
    columns: dict[int, int] = {}
    placed = []
    for nid in nodes:
        row = level[nid]
        col = columns.get(row, 0)
        columns[row] = col + 1
        placed.append({"nodeID": nid, "visible": True, "x": 50 + 260 * col,
                       "y": 50 + 140 * row, "timestamp": ""})
    edges = [{"fromID": e.from_id, "toID": e.to_id, "visible": True}
             for e in m.edges.values()]
    return {"firstname": "", "surname": "", "url": "", "nodes": placed, "edges": edges}


def _write(m: ArgumentMap, fmt: str, default_keys: tuple[str, ...], prefix: str) -> bytes:
    writer = AifWriter(m, fmt, _AIF_KEYS, carried=_CARRIED, synthesized=True)
    stored = m.extra.get(K_KEYS)
    keys = list(stored) if isinstance(stored, tuple) else list(default_keys)
    top = m.extra.get(K_TOP)
    top_values = top if isinstance(top, FrozenJSONDict) else FrozenJSONDict()
    doc: dict[str, Any] = {}
    for key in keys:
        if not isinstance(key, str):
            continue
        if key in top_values:
            doc[key] = thaw_json(top_values[key])
        elif key == "AIF":
            doc[key] = writer.aif()
        elif key == "text":
            doc[key] = _text_value(m, writer, prefix)
        elif key == "OVA":
            doc[key] = _layout(m)
        elif key == "dialog":
            doc[key] = any(isinstance(n, Locution) for n in m.nodes.values())
    src = m.source
    if src is not None and (src.metadata() or src.extra):
        writer.losses["source metadata"] += 1
    if "text" not in doc and src is not None:
        writer.losses["the source text"] += 1
    writer.warn()
    return encode(doc)


def _dump_ova3(m: ArgumentMap) -> bytes:
    return _write(m, "ova3", _OVA3_KEYS, "node")


def _dump_xaif(m: ArgumentMap) -> bytes:
    return _write(m, "xaif", _XAIF_KEYS, "")


# ------------------------------------------------------------------ sniffing
def _sniff_ova3(data: bytes) -> bool:
    shape = json_shape(data)
    return shape is not None and "AIF" in shape.keys and "OVA" in shape.keys and set(
        shape.keys) <= {"AIF", "text", "OVA"}


def _sniff_xaif(data: bytes) -> bool:
    shape = json_shape(data)
    return shape is not None and "AIF" in shape.keys and not _sniff_ova3(data)


# ------------------------------------------------------------------ problems
def problems(m: ArgumentMap) -> list[Problem]:
    """Dangling references in the layout and text highlights an OVA3/xAIF map keeps."""
    out: list[Problem] = []
    nodes = m.nodes
    top = m.extra.get(K_TOP)
    if isinstance(top, Mapping):
        for key in ("OVA", "ova"):
            layout = top.get(key)
            if not isinstance(layout, Mapping):
                continue
            for part, fields in (("nodes", ("nodeID",)), ("edges", ("fromID", "toID"))):
                records = layout.get(part)
                for index, raw in enumerate(records if isinstance(records, tuple) else ()):
                    if not isinstance(raw, Mapping):
                        continue
                    for field in fields:
                        rid = as_id(raw.get(field))
                        if rid is not None and rid not in nodes:
                            out.append(Problem(
                                "dangling-reference",
                                f"layout {key}.{part}[{index}].{field} refers to node {rid!r}, "
                                "which is not in the map"))
    markup = _markup(m.extra.get(K_TEXT))
    if markup:
        for hid, _start, _end in html_to_text(markup)[1]:
            if _resolve(hid, nodes) is None:
                out.append(Problem(
                    "dangling-reference",
                    f"the text highlights span id {hid!r}, which names no node of the map"))
    return out


OVA3_FORMAT = Format(
    **described("ova3"),
    load=_load_ova3,
    dump=_dump_ova3,
    sniff=_sniff_ova3,
)

XAIF_FORMAT = Format(
    **described("xaif"),
    load=_load_xaif,
    dump=_dump_xaif,
    sniff=_sniff_xaif,
)
