"""Word units, span overlaps and candidate pairs for aligning two maps (see :mod:`.agreement`)."""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Sequence

import attrs

from argmap._map import ArgumentMap
from argmap._text import Span

_WORD = re.compile(r"\w+")

# Beyond this many text-only comparisons, unanchored nodes match by identical text only.
_MAX_TEXT_COMPARISONS = 2_000_000


def _boundaries(m: ArgumentMap, mids: list[float], words: int) -> set[int]:
    out: set[int] = set()
    for n in m.nodes.values():
        spans: tuple[Span, ...] = getattr(n, "spans", ())
        for s in spans:
            for pos in (s.start, s.end):
                k = bisect.bisect_left(mids, pos)
                if 0 < k < words:
                    out.add(k)
    return out


def _words(text: str) -> Counter[str]:
    return Counter(w.lower() for w in _WORD.findall(text))


def _dice(x: Counter[str], y: Counter[str]) -> float:
    total = sum(x.values()) + sum(y.values())
    if not total:
        return 1.0
    return 2 * sum((x & y).values()) / total


def _intervals(spans: Sequence[Span]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for s in sorted(spans, key=lambda s: (s.start, s.end)):
        if s.start == s.end:
            continue
        if merged and s.start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], s.end))
        else:
            merged.append((s.start, s.end))
    return merged


def _overlap(x: list[tuple[int, int]], y: list[tuple[int, int]]) -> float:
    inter = 0
    i = j = 0
    while i < len(x) and j < len(y):
        lo, hi = max(x[i][0], y[j][0]), min(x[i][1], y[j][1])
        if lo < hi:
            inter += hi - lo
        if x[i][1] < y[j][1]:
            i += 1
        else:
            j += 1
    size = sum(e - s for s, e in x) + sum(e - s for s, e in y)
    return inter / (size - inter) if size - inter else 0.0


@attrs.frozen(slots=True)
class _Unit:
    id: str
    text: str
    words: Counter[str] = attrs.field(eq=False)
    intervals: list[tuple[int, int]] = attrs.field(eq=False)
    position: int


def _units(m: ArgumentMap) -> list[_Unit]:
    out = []
    for n in m.propositions:
        iv = _intervals(n.spans)
        out.append(_Unit(n.id, n.text, _words(n.text), iv, iv[0][0] if iv else -1))
    return out


def _candidate_pairs(ua: list[_Unit], ub: list[_Unit]) -> set[tuple[int, int]]:
    pairs: set[tuple[int, int]] = set()
    # Anchored pairs whose spans overlap: a sweep over interval starts.
    events: list[tuple[int, int, int, int]] = []
    for side, units in ((0, ua), (1, ub)):
        for idx, u in enumerate(units):
            for s, e in u.intervals:
                events.append((s, e, side, idx))
    events.sort()
    active: list[tuple[int, int, int]] = []  # (end, side, idx)
    for s, e, side, idx in events:
        active = [x for x in active if x[0] > s]
        for _, other_side, other in active:
            if other_side != side:
                pairs.add((idx, other) if side == 0 else (other, idx))
        active.append((e, side, idx))
    # Unanchored nodes: compare texts (or, for huge maps, identical texts only).
    loose_a = [i for i, u in enumerate(ua) if not u.intervals]
    loose_b = [j for j, u in enumerate(ub) if not u.intervals]
    if len(loose_a) * len(ub) + len(loose_b) * len(ua) <= _MAX_TEXT_COMPARISONS:
        pairs.update((i, j) for i in loose_a for j in range(len(ub)))
        pairs.update((i, j) for j in loose_b for i in range(len(ua)))
    else:
        by_text: dict[str, list[int]] = {}
        for j, u in enumerate(ub):
            by_text.setdefault(u.text, []).append(j)
        for i, u in enumerate(ua):
            pairs.update(
                (i, j) for j in by_text.get(u.text, ()) if not (u.intervals and ub[j].intervals)
            )
    return pairs
