"""Segmentation similarity and the alignment of propositions and locutions of two maps.

See :func:`argmap.reasoning.compare` and the module documentation of ``_agreement``.
"""

from __future__ import annotations

import bisect
import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence

import attrs

from argmap._map import ArgumentMap
from argmap._nodes import INode, Locution
from argmap._text import Span

_WORD = re.compile(r"\w+")



def _boundaries(m: ArgumentMap, mids: list[float], words: int, propositions_only: bool
                ) -> set[int]:
    out: set[int] = set()
    for n in (m.propositions if propositions_only else m.nodes.values()):
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


def _units(nodes: Iterable[INode | Locution]) -> list[_Unit]:
    """Alignment units of propositions (or of locutions), in map order."""
    out = []
    for n in nodes:
        iv = _intervals(n.spans)
        out.append(_Unit(n.id, n.text, _words(n.text), iv, iv[0][0] if iv else -1))
    return out


def _tokens(words: Counter[str]) -> list[tuple[str, int]]:
    # A word's k-th occurrence is its own token: multiset overlap becomes set overlap.
    return [(w, k) for w, n in words.items() for k in range(n)]


def _text_candidates(ua: list[_Unit], ub: list[_Unit], threshold: float
                     ) -> set[tuple[int, int]]:
    """Every pair whose word Dice can reach ``threshold``, and a few more (prefix filtering).

    Dice ``2o / (|x| + |y|) >= t`` with ``o <= min(|x|, |y|)`` needs an
    overlap ``o >= t|x| / (2 - t)`` (and the same for ``y``).  With tokens in
    one global order, two sets sharing at least ``alpha`` tokens share one
    among the first ``|x| - alpha + 1`` of each (Chaudhuri, Ganti & Kaushik
    2006), so a pair sharing no token of those prefixes cannot reach the
    threshold: the result is the same as comparing every pair.
    """
    toks_a = [_tokens(u.words) for u in ua]
    toks_b = [_tokens(u.words) for u in ub]
    freq: Counter[tuple[str, int]] = Counter()
    for toks in (*toks_a, *toks_b):
        freq.update(toks)

    def prefix(toks: list[tuple[str, int]]) -> list[tuple[str, int]]:
        ordered = sorted(toks, key=lambda t: (freq[t], t))
        alpha = max(1, math.ceil(threshold * len(toks) / (2 - threshold) - 1e-9))
        return ordered[: max(len(toks) - alpha + 1, 0)]

    index: dict[tuple[str, int], list[int]] = {}
    for j, toks in enumerate(toks_b):
        for t in prefix(toks):
            index.setdefault(t, []).append(j)
    out: set[tuple[int, int]] = set()
    for i, toks in enumerate(toks_a):
        for t in prefix(toks):
            out.update((i, j) for j in index.get(t, ()))
    # Two texts without words (Dice 1 by definition) share no token.
    empty_b = [j for j, toks in enumerate(toks_b) if not toks]
    out.update((i, j) for i, toks in enumerate(toks_a) if not toks for j in empty_b)
    return out


def _candidate_pairs(ua: list[_Unit], ub: list[_Unit], threshold: float
                     ) -> set[tuple[int, int]]:
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
    # Unanchored nodes are scored by text alone: every pair that can reach
    # the threshold is a candidate, found by prefix filtering.
    loose_a = {i for i, u in enumerate(ua) if not u.intervals}
    loose_b = {j for j, u in enumerate(ub) if not u.intervals}
    for i, j in _text_candidates(ua, ub, threshold):
        if i in loose_a or j in loose_b:
            pairs.add((i, j))
    return pairs


@attrs.frozen(slots=True, kw_only=True)
class Segmentation:
    """Agreement on where units begin and end.

    Attributes:
        similarity: the segmentation similarity S (1 = identical).
        potential: the number of potential boundaries (word gaps).
        boundaries_a: boundaries of the first map.
        boundaries_b: boundaries of the second map.
        matched: boundaries in both.
        near_misses: pairs of boundaries one gap apart.
        f1: boundary F1 with exact matches only.
        only_a: the first map's boundaries the second lacks (near misses
            included), each shown as the words either side, ``"drivers | though"``.
        only_b: the same for the second map.
    """

    similarity: float
    potential: int
    boundaries_a: int
    boundaries_b: int
    matched: int
    near_misses: int
    f1: float
    only_a: tuple[str, ...] = ()
    only_b: tuple[str, ...] = ()


@attrs.frozen(slots=True, kw_only=True)
class NodeMatch:
    """Two propositions (or two locutions), one per map, taken to be the same unit.

    Attributes:
        a: node id in the first map.
        b: node id in the second map.
        score: the alignment score.
        overlap: span overlap (intersection over union), None if either is unanchored.
        text_similarity: Dice coefficient of the word multisets.
    """

    a: str
    b: str
    score: float
    overlap: float | None
    text_similarity: float


# ------------------------------------------------------------ segmentation
def _segmentation(a: ArgumentMap, b: ArgumentMap, *, propositions_only: bool = False
                  ) -> Segmentation | None:
    if a.source is None or b.source is None:
        return None
    text = a.source.text
    found = list(_WORD.finditer(text))
    words = [(w.start() + w.end()) / 2 for w in found]
    potential = max(len(words) - 1, 0)
    ba = _boundaries(a, words, len(words), propositions_only)
    bb = _boundaries(b, words, len(words), propositions_only)
    same = ba & bb
    rest_a, rest_b = sorted(ba - same), sorted(bb - same)
    near = 0
    i = j = 0
    unpaired = 0
    while i < len(rest_a) and j < len(rest_b):
        x, y = rest_a[i], rest_b[j]
        if abs(x - y) == 1:
            near += 1
            i += 1
            j += 1
        elif x < y:
            unpaired += 1
            i += 1
        else:
            unpaired += 1
            j += 1
    unpaired += (len(rest_a) - i) + (len(rest_b) - j)
    cost = near + unpaired
    similarity = 1.0 if potential == 0 else max(0.0, 1.0 - cost / potential)
    total = len(ba) + len(bb)
    f1 = 1.0 if total == 0 else 2 * len(same) / total

    def show(gap: int) -> str:
        return f"{found[gap - 1].group()} | {found[gap].group()}"

    return Segmentation(similarity=similarity, potential=potential, boundaries_a=len(ba),
                        boundaries_b=len(bb), matched=len(same), near_misses=near, f1=f1,
                        only_a=tuple(map(show, rest_a)), only_b=tuple(map(show, rest_b)))


# --------------------------------------------------------------- alignment
def _align(ua: list[_Unit], ub: list[_Unit], threshold: float) -> list[NodeMatch]:
    scored: list[tuple[tuple[object, ...], int, int, NodeMatch]] = []
    for i, j in _candidate_pairs(ua, ub, threshold):
        x, y = ua[i], ub[j]
        text = _dice(x.words, y.words)
        overlap = _overlap(x.intervals, y.intervals) if x.intervals and y.intervals else None
        score = text if overlap is None else (overlap + text) / 2
        if score < threshold or score <= 0:
            continue
        # A tie-break that reads the same whichever map comes first.
        sides = sorted([(x.position, x.text, x.id), (y.position, y.text, y.id)])
        scored.append(((-score, sides), i, j,
                       NodeMatch(a=x.id, b=y.id, score=score, overlap=overlap,
                                 text_similarity=text)))
    scored.sort(key=lambda t: t[0])
    used_a: set[int] = set()
    used_b: set[int] = set()
    out = []
    for _, i, j, match in scored:
        if i in used_a or j in used_b:
            continue
        used_a.add(i)
        used_b.add(j)
        out.append(match)
    return out


