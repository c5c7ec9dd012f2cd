"""The central claim of every English argumentative microtext, under grounded semantics.

The expectation is computed from the ``arggraph`` XML alone, independently of
argmap's reading: a claim holds when every objection to it (or to a support
it needs) is answered -- its attacker does not hold, one part of a linked
objection does not hold, or the attack itself is undercut by something that
holds.  Microtext graphs are trees, so this recursion is the grounded
labelling, and argmap's ASPIC+/AFRA evaluation must agree with it text by text.
"""

from __future__ import annotations

import collections
import xml.etree.ElementTree as ET
from functools import cache
from pathlib import Path

import pytest

import argmap
from argmap.reasoning._aspic import evaluate
from argmap.reasoning._framework import Status

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpora" / "arg-microtexts" / "en"
FILES = sorted(CORPUS.glob("*.xml")) if CORPUS.is_dir() else []

pytestmark = [
    pytest.mark.corpus,
    pytest.mark.skipif(not FILES, reason=f"microtexts not found at {CORPUS} (../shared is absent)"),
]


def _oracle(path: Path) -> tuple[str, bool, list[str]]:
    """(central claim, whether it holds, the objections standing unanswered against it)."""
    root = ET.parse(path).getroot()
    edges = [e.attrib for e in root.iter("edge") if e.get("type") != "seg"]
    adus = [a.get("id", "") for a in root.iter("adu")]
    relation = {e["id"]: e for e in edges if e["type"] != "add"}
    parts: dict[str, list[str]] = {eid: [e["src"]] for eid, e in relation.items()}
    for e in edges:
        if e["type"] == "add":
            parts[e["trg"]].append(e["src"])
    into: dict[str, list[str]] = collections.defaultdict(list)
    for eid, e in relation.items():
        into[e["trg"]].append(eid)

    @cache
    def edge_stands(eid: str) -> bool:
        if not all(adu_holds(p) for p in parts[eid]):
            return False
        return not any(edge_stands(u) for u in into[eid] if relation[u]["type"] == "und")

    @cache
    def adu_holds(aid: str) -> bool:
        if any(edge_stands(r) for r in into[aid] if relation[r]["type"] == "reb"):
            return False
        supports = [s for s in into[aid] if relation[s]["type"] in ("sup", "exa")]
        return not supports or any(edge_stands(s) for s in supports)

    sources = {e["src"] for e in edges}
    central = next(a for a in adus if a not in sources)
    standing = sorted(
        f"{eid} ({relation[eid]['type']} by {'+'.join(parts[eid])} on {relation[eid]['trg']})"
        for eid in relation
        if relation[eid]["type"] in ("reb", "und") and edge_stands(eid)
    )
    return central, adu_holds(central), standing


def test_central_claims_follow_the_answered_objections() -> None:
    counts: collections.Counter[str] = collections.Counter()
    unanswered: dict[str, list[str]] = {}
    for path in FILES:
        central, holds, standing = _oracle(path)
        status = evaluate(argmap.read(path)).status(central)
        counts[status.value] += 1
        assert status is (Status.IN if holds else Status.OUT), path.name
        if not holds:
            assert standing, path.name  # an OUT claim always has an objection left standing
            unanswered[path.stem] = standing
    if len(FILES) == 112:  # the published English corpus
        assert counts == {"IN": 81, "OUT": 31}
        assert len(unanswered) == 31
