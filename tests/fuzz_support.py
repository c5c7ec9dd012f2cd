"""Shared machinery of the fuzz tests: seeds, strategies and the one check every input gets.

Kept apart from the test module so the ``--fuzz-minutes`` run and the default
run use the very same strategies and checks.
"""

from __future__ import annotations

import hashlib
import json
import random
import resource
import time
import tracemalloc
import warnings
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from hypothesis import strategies as st
from lxml import etree

import argmap
from argmap.formats._registry import choose_format, get_format

ROOT = Path(__file__).resolve().parent.parent
SEED_MAP = ROOT / "examples" / "output" / "seed.aif.xml"
CORPORA = ROOT.parent / "shared" / "corpora"

#: Generous per-input bounds: a linear reader on these small inputs needs
#: milliseconds and a few megabytes; a quadratic or exploding one blows far past them.
TIME_LIMIT_S = 10.0
PY_MEMORY_LIMIT = 256 * 1024 * 1024
RSS_GROWTH_LIMIT_MB = 512
#: Every how many inputs the Python heap peak is measured.
TRACE_EVERY = 4

READ_FORMATS = tuple(f.name for f in argmap.formats.formats() if f.load is not None)


class Case:
    """One fuzz input, with a short repr (hypothesis prints failing inputs)."""

    __slots__ = ("data", "fmt")

    def __init__(self, fmt: str, data: bytes) -> None:
        self.fmt = fmt
        self.data = data

    def __repr__(self) -> str:
        digest = hashlib.sha256(self.data).hexdigest()[:12]
        return f"Case({self.fmt!r}, {len(self.data)} bytes, sha256 {digest}…, {self.data[:60]!r}…)"


@dataclass
class Stats:
    """What the fuzz run saw, for the report at the end of the session."""

    inputs: int = 0
    loaded: int = 0
    worst_seconds: float = 0.0
    worst_seconds_input: bytes = b""
    worst_seconds_format: str = ""
    worst_py_bytes: int = 0
    worst_rss_growth_mb: int = 0
    by_format: dict[str, int] = field(default_factory=dict)

    def line(self) -> str:
        return (f"{self.inputs} inputs ({self.loaded} loaded); worst time "
                f"{self.worst_seconds * 1000:.1f} ms, worst Python heap peak "
                f"{self.worst_py_bytes / 1e6:.1f} MB, worst RSS growth "
                f"{self.worst_rss_growth_mb} MB")


STATS = Stats()


def _rss_mb() -> int:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024


def check_input(data: bytes, fmt: str | None) -> None:
    """Read ``data``; only ArgmapError may escape, within bounds; what loads round-trips.

    ``fmt`` None reads through content sniffing, as :func:`argmap.loads` does.
    """
    STATS.inputs += 1
    key = fmt or "sniffed"
    STATS.by_format[key] = STATS.by_format.get(key, 0) + 1
    rss_before = _rss_mb()
    # tracemalloc slows reading five- to sevenfold: trace one input in a few.
    traced = STATS.inputs % TRACE_EVERY == 1
    if traced:
        tracemalloc.start()
    start = time.perf_counter()
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            m = argmap.loads(data, fmt, name="fuzz-input")
    except argmap.ParseError as exc:
        assert exc.source == "fuzz-input", f"error names no input: {exc}"
        m = None
    except argmap.FormatError:
        m = None
    finally:
        elapsed = time.perf_counter() - start
        peak = 0
        if traced:
            _, peak = tracemalloc.get_traced_memory()
            tracemalloc.stop()
    grown = _rss_mb() - rss_before
    if elapsed > STATS.worst_seconds and STATS.inputs > 1 and not traced:
        # (the first input pays for imports; traced ones for tracemalloc)
        STATS.worst_seconds, STATS.worst_seconds_input = elapsed, data
        STATS.worst_seconds_format = key
    STATS.worst_py_bytes = max(STATS.worst_py_bytes, peak)
    STATS.worst_rss_growth_mb = max(STATS.worst_rss_growth_mb, grown)
    assert elapsed < TIME_LIMIT_S, f"{elapsed:.1f} s for {len(data)} bytes"
    assert peak < PY_MEMORY_LIMIT + 50 * len(data), f"Python heap peak {peak} bytes"
    assert grown < RSS_GROWTH_LIMIT_MB, f"process grew by {grown} MB"
    if m is None:
        return
    STATS.loaded += 1
    chosen = fmt or choose_format(None, None, data, "load").name
    check_round_trips(m, chosen)


def check_round_trips(m: argmap.ArgumentMap, fmt: str) -> None:
    """A loaded map survives AIF-XML unchanged, and its own format unchanged or with a warning."""
    xml = argmap.dumps(m)
    assert argmap.loads(xml, "aif-xml") == m, "AIF-XML round trip changed the map"
    if get_format(fmt).dump is None or fmt == "aif-xml":
        return
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        own = argmap.dumps(m, fmt)
        back = argmap.loads(own, fmt)
    warned = any(issubclass(w.category, argmap.ArgmapWarning) for w in caught)
    assert warned or back == m, f"{fmt} round trip changed the map without a warning"


# ------------------------------------------------------------------ seeds
def _corpus_seeds(per_folder: int = 3) -> list[tuple[str, bytes]]:
    seeds: list[tuple[str, bytes]] = []
    if not CORPORA.is_dir():
        return seeds
    for folder in sorted(p for p in CORPORA.iterdir() if p.is_dir()):
        files = sorted((p for p in folder.rglob("*") if p.is_file() and p.stat().st_size < 40_000
                        and p.suffix in (".json", ".xml", ".aml", ".lkif", ".caf", ".rdf")),
                       key=lambda p: (p.stat().st_size, p.name))
        taken = 0
        for path in files:
            data = path.read_bytes()
            try:
                name = choose_format(None, str(path), data, "load").name
                argmap.loads(data, name)
            except argmap.ArgmapError:
                continue
            seeds.append((name, data))
            taken += 1
            if taken == per_folder:
                break
    return seeds


def _map_seeds() -> list[tuple[str, bytes]]:
    m = argmap.read(SEED_MAP)
    out = [("aif-xml", SEED_MAP.read_bytes())]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for fmt in argmap.formats.formats():
            if fmt.dump is not None and fmt.load is not None and fmt.name != "aif-xml":
                out.append((fmt.name, argmap.dumps(m, fmt.name)))
    return out


SEEDS: list[tuple[str, bytes]] = _map_seeds() + _corpus_seeds()
JSON_SEEDS = [s for s in SEEDS if s[1].lstrip()[:1] == b"{"]
XML_SEEDS = [s for s in SEEDS if s[1].lstrip()[:1] == b"<"]

# ------------------------------------------------------ byte-level mutation
_TOKENS = [
    b"{", b"}", b"[", b"]", b'"', b"\\", b"\\b", b"\\u0000", b"\\ud800", b"\\uffff", b",", b":",
    b"null", b"1e999", b"NaN", b"-0", b"9" * 500, b"<", b">", b"</", b"/>", b"&amp;", b"&x;",
    b"<!DOCTYPE a [<!ENTITY x 'y'>]>", b"<![CDATA[x]]>", b"\x00", b"\xff\xfe", b"\xef\xbb\xbf",
    b"\xc3", b"\xed\xa0\x80", b'xmlns="urn:x"', b"<?xml version='1.0'?>", b"\x08", b"\r\n",
    "\u2028\U0001f600".encode(), b'xi:include href="/etc/hostname"',
]


@st.composite
def mutated_bytes(draw: st.DrawFn, kind: str = "all") -> Case:
    """A seed with a few random byte-level edits: cut, duplicate, overwrite, insert tokens."""
    fmt, data = draw(st.sampled_from({"all": SEEDS, "json": JSON_SEEDS, "xml": XML_SEEDS}[kind]))
    buf = bytearray(data)
    for _ in range(draw(st.integers(1, 6))):
        n = len(buf)
        op = draw(st.integers(0, 5))
        i = draw(st.integers(0, n))
        j = min(n, i + draw(st.integers(0, 64)))
        if op == 0:
            del buf[i:j]
        elif op == 1:
            buf[i:i] = buf[i:j] * draw(st.integers(1, 50))
        elif op == 2 and n:
            buf[min(i, n - 1)] = draw(st.integers(0, 255))
        elif op == 3:
            buf[i:i] = draw(st.sampled_from(_TOKENS)) * draw(st.integers(1, 20))
        elif op == 4:
            buf[i:i] = draw(st.binary(max_size=16))
        else:
            buf = buf[:i]  # truncation
    return Case(fmt, bytes(buf))


# ------------------------------------------------- structure-aware JSON
_IDS = st.one_of(
    st.sampled_from(["1", "2", "3", "4", "5", "a", "", " ", "1.0", "01"]),
    st.integers(-2, 6), st.none(), st.booleans(), st.floats(allow_nan=False, width=16),
    st.text(max_size=4),
)
_TEXT = st.one_of(st.text(max_size=12), st.none(), st.integers(), st.sampled_from(
    ["Default Inference", "Default Conflict", "\b", "x\ud800", "\ufffe", "Bob: hi"]))
_TYPES = st.one_of(st.sampled_from(
    ["I", "L", "RA", "CA", "MA", "PA", "YA", "TA", "X", "", "i"]), st.none(), st.integers())
_JUNK = st.recursive(st.one_of(st.none(), st.booleans(), st.integers(), st.text(max_size=5)),
                     lambda inner: st.one_of(st.lists(inner, max_size=3),
                                             st.dictionaries(st.text(max_size=4), inner,
                                                             max_size=3)),
                     max_leaves=6)


def _record(fields: dict[str, st.SearchStrategy[Any]]) -> st.SearchStrategy[dict[str, Any]]:
    return st.fixed_dictionaries({}, optional={**fields, "extra": _JUNK})


_NODE = _record({"nodeID": _IDS, "id": _IDS, "text": _TEXT, "type": _TYPES,
                 "timestamp": _TEXT, "scheme": _TEXT, "schemeID": _IDS})
_EDGE = _record({"edgeID": _IDS, "fromID": _IDS, "toID": _IDS, "formEdgeID": _IDS,
                 "from": _JUNK, "to": _JUNK})
_LOC = _record({"nodeID": _IDS, "personID": _IDS, "timestamp": _TEXT, "start": _TEXT,
                "end": _TEXT, "source": _TEXT})
_PART = _record({"participantID": _IDS, "firstname": _TEXT, "surname": _TEXT})
_FULFIL = _record({"nodeID": _IDS, "schemeID": _IDS})


def _collection(record: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    return st.one_of(st.lists(st.one_of(record, _JUNK), max_size=6), _JUNK)


_AIF = st.fixed_dictionaries({}, optional={
    "nodes": _collection(_NODE), "edges": _collection(_EDGE),
    "locutions": _collection(_LOC), "participants": _collection(_PART),
    "schemefulfillments": _collection(_FULFIL), "descriptorfulfillments": _JUNK,
})


@st.composite
def aif_json(draw: st.DrawFn) -> bytes:
    """AIF-shaped JSON: AIFdb, OVA3/xAIF wrappers and OVA2-like node lists, with bad values."""
    aif = draw(_AIF)
    shape = draw(st.integers(0, 3))
    doc: Any = aif
    if shape == 1:
        doc = {"AIF": aif, "text": draw(_TEXT), "OVA": draw(_JUNK)}
    elif shape == 2:
        doc = {"AIF": aif, "dialog": draw(_JUNK)}
    elif shape == 3:
        doc = {"nodes": [{"id": draw(_IDS), "text": draw(_TEXT), "type": draw(_TYPES)}],
               "edges": draw(_collection(_EDGE)), "analysis": draw(_JUNK)}
    text = json.dumps(doc, ensure_ascii=draw(st.booleans()))
    return text.encode("utf-8", "surrogatepass")


# -------------------------------------------------- structure-aware XML
_XML_TEXT = st.text(st.characters(codec="utf-8", exclude_characters="\x00"), max_size=10)


def _legal(text: str) -> str:
    return "".join(c for c in text if c in "\t\n\r" or (c >= " " and c not in "\ufffe\uffff"))


@st.composite
def mutated_xml(draw: st.DrawFn) -> Case:
    """A well-formed XML seed with tree-level edits: attributes, elements and text changed."""
    fmt, data = draw(st.sampled_from(XML_SEEDS))
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
    root = etree.fromstring(data, parser)
    elements = [el for el in root.iter() if isinstance(el.tag, str)]
    rnd = random.Random(draw(st.integers(0, 2**32 - 1)))
    for _ in range(draw(st.integers(1, 5))):
        el = rnd.choice(elements)
        op = draw(st.integers(0, 6))
        if op == 0 and el.attrib:
            del el.attrib[rnd.choice(list(el.attrib))]
        elif op == 1 and el.attrib:
            el.set(rnd.choice(list(el.attrib)), _legal(draw(_XML_TEXT)))
        elif op == 2:
            el.set(draw(st.sampled_from(["id", "from", "to", "type", "ref", "x", "{urn:x}y"])),
                   _legal(draw(_XML_TEXT)))
        elif op == 3 and (parent := el.getparent()) is not None:
            parent.remove(el)
            elements = [e for e in root.iter() if isinstance(e.tag, str)]
        elif op == 4 and el.getparent() is not None:
            el.addnext(etree.fromstring(etree.tostring(el)))
        elif op == 5:
            el.text = _legal(draw(_XML_TEXT))
        else:
            other = rnd.choice(elements)
            other_parent = other.getparent()
            if other_parent is not None and other is not el and other not in set(
                el.iterancestors()
            ):
                other_parent.remove(other)
                el.append(other)
                elements = [e for e in root.iter() if isinstance(e.tag, str)]
    encoding = draw(st.sampled_from(["UTF-8", "UTF-16", "ISO-8859-1", "ASCII"]))
    return Case(fmt, etree.tostring(root.getroottree(), encoding=encoding,
                                    xml_declaration=True))


def run_for(minutes: float, test: Callable[[], None]) -> None:
    """Call a hypothesis test again and again (fresh random seeds) until ``minutes`` pass."""
    end = time.monotonic() + minutes * 60
    while time.monotonic() < end:
        test()
