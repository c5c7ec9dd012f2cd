"""Every real corpus file in ../shared/corpora: loads, round-trips, and has the right node counts.

The node counts are taken here from the raw files with the standard library,
independently of argmap's readers, following each format's documented mapping.
"""

from __future__ import annotations

import collections
import json
import warnings
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest

import argmap
from argmap.formats import format_problems

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
CORPORA = SHARED / "corpora"
MAP_SUFFIXES = (".json", ".xml", ".aml", ".ann", ".argdown")  # .scm: test_corpora_roundtrip.py


def corpus_files() -> list[Path]:
    if not CORPORA.is_dir():
        return []
    return sorted(p for p in CORPORA.rglob("*") if p.suffix in MAP_SUFFIXES and p.is_file())


FILES = corpus_files()
pytestmark = [
    pytest.mark.corpus,
    pytest.mark.skipif(not FILES, reason=f"shared corpora not found at {CORPORA} "
                                         "(../shared is absent)"),
]

_AIF_KINDS = {"I", "L", "RA", "CA", "MA", "PA", "YA", "TA"}


def _aif_counts(doc: dict[str, Any]) -> collections.Counter[str]:
    aif = doc.get("AIF", doc)
    counts: collections.Counter[str] = collections.Counter()
    seen: set[str] = set()
    for node in aif.get("nodes") or ():
        nid = node.get("nodeID")
        if isinstance(nid, bool) or not isinstance(nid, (str, int)) or str(nid) in ("", *seen):
            continue
        seen.add(str(nid))
        counts[node["type"] if node.get("type") in _AIF_KINDS else "?"] += 1
    return counts


def _microtext_counts(root: ET.Element) -> collections.Counter[str]:
    types = collections.Counter(e.get("type") for e in root.iter("edge"))
    # A linked objection (add on a reb/und edge) adds an implicit conjunction and its inference.
    attacks = {e.get("id") for e in root.iter("edge") if e.get("type") in ("reb", "und")}
    linked = len({e.get("trg") for e in root.iter("edge")
                  if e.get("type") == "add" and e.get("trg") in attacks})
    return collections.Counter({"I": len(root.findall("adu")) + linked,
                                "RA": types["sup"] + types["exa"] + linked,
                                "CA": types["reb"] + types["und"]})


def _aml_counts(root: ET.Element) -> collections.Counter[str]:
    return collections.Counter({
        "I": len(list(root.iter("PROP"))),
        "RA": sum(len(ca.findall("AU")) for ca in root.iter("CA")) + len(list(root.iter("LA"))),
        "CA": sum(len(r.findall("AU")) for r in root.iter("REFUTATION")),
    })


def _carneades_counts(root: ET.Element) -> collections.Counter[str]:
    complements: set[str | None] = set()
    exceptions = undercuts = 0
    for arg in root.iter("argument"):
        conclusion = arg.find("conclusion")
        if arg.get("direction") == "con" or arg.get("pro") == "false":
            complements.add(conclusion.get("statement") if conclusion is not None else None)
        for premise in arg.iter("premise"):
            if premise.get("type") == "exception" or premise.get("exception") in ("true", "1"):
                exceptions += 1
            if premise.get("polarity") == "negative" or premise.get("positive") == "false":
                complements.add(premise.get("statement"))
    for st in root.iter("statement"):
        if st.get("atom", "").startswith("(undercut "):
            undercuts += 1
    return collections.Counter({
        "I": len(list(root.iter("statement"))) + len(complements),
        "RA": len(list(root.iter("argument"))),
        "CA": len(complements) + exceptions + undercuts,
    })


def _brat_counts(data: bytes) -> collections.Counter[str]:
    lines = [ln.split("\t") for ln in data.decode("utf-8").splitlines()]
    majors = sum(1 for ln in lines if ln[0].startswith("T") and ln[1].startswith("MajorClaim "))
    stances = collections.Counter(ln[1].split()[2] for ln in lines
                                  if ln[0].startswith("A") and ln[1].startswith("Stance "))
    relations = collections.Counter(ln[1].split()[0] for ln in lines if ln[0].startswith("R"))
    return collections.Counter({
        "I": sum(1 for ln in lines if ln[0].startswith("T")),
        "RA": relations["supports"] + stances["For"] * majors,
        "CA": relations["attacks"] + stances["Against"] * majors,
    })


def _argdown_json_counts(doc: dict[str, Any]) -> collections.Counter[str]:
    pcs_titles = {st["title"] for arg in doc["arguments"].values() for st in arg.get("pcs") or ()}
    inferences = sum(1 for arg in doc["arguments"].values() for st in arg.get("pcs") or ()
                     if "inference" in st)
    kinds = collections.Counter(r["relationType"] for r in doc["relations"])
    undercuts = kinds["undercut"]
    return collections.Counter({
        "I": len(doc["arguments"]) + len(set(doc["statements"]) | pcs_titles),
        "RA": kinds["support"] + inferences,
        "CA": kinds["attack"] + kinds["contrary"] + undercuts + 2 * kinds["contradictory"],
    })


def raw_counts(path: Path, data: bytes) -> collections.Counter[str]:
    """Node counts by AIF kind, from the raw file."""
    if path.suffix == ".ann":
        return _brat_counts(data)
    if path.suffix == ".argdown":
        # The Argdown tools' own export of the same document says what it contains.
        return _argdown_json_counts(json.loads(path.with_suffix(".json").read_bytes()))
    if path.suffix == ".json":
        doc = json.loads(data)
        if "statements" in doc and "arguments" in doc:
            return _argdown_json_counts(doc)
        return _aif_counts(doc)
    root = ET.fromstring(data)
    counter = {"arggraph": _microtext_counts, "ARG": _aml_counts, "lkif": _carneades_counts,
               "caf": _carneades_counts}[root.tag]
    return counter(root)


@pytest.mark.parametrize("path", FILES, ids=lambda p: str(p.relative_to(CORPORA)))
def test_corpus_file(path: Path) -> None:
    data = path.read_bytes()
    clean = path.parent.parent.name == "aifdb-araucariadb"
    # Tolerant by default; the clean AraucariaDB maps also load in strict mode.
    m = argmap.read(path, strict=clean)
    if clean:
        assert m.validate() == [] and format_problems(m) == []
    counts = collections.Counter({k.value: n for k, n in m.counts().items()})
    assert counts == +raw_counts(path, data)
    # AIF-XML (and RDF/XML) carry every map without change.
    assert argmap.from_xml(argmap.to_xml(m), name=path.name) == m
    assert argmap.loads(argmap.dumps(m, "aif-rdf"), "aif-rdf") == m
    if path.suffix == ".ann":  # brat writes back the file it read
        assert argmap.dumps(m, "brat") == data
        assert argmap.read(path.with_suffix(".txt"), "brat") == m
    writer = next((f for f in argmap.formats.formats() if f.sniff and f.sniff(data)), None)
    if path.suffix == ".json" and writer is not None and writer.dump is not None:
        fmt = writer.name
        original = json.loads(data)
        with warnings.catch_warnings():
            warnings.simplefilter("error")  # a map read from JSON loses nothing writing it back
            assert json.loads(argmap.dumps(m, fmt)) == original
            via_xml = argmap.from_xml(argmap.to_xml(m))
            assert json.loads(argmap.dumps(via_xml, fmt)) == original


def test_every_corpus_folder_is_covered() -> None:
    folders = {p.relative_to(CORPORA).parts[0] for p in FILES}
    assert folders == {d.name for d in CORPORA.iterdir() if d.is_dir()}
