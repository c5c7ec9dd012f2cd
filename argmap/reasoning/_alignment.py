"""Segmentation similarity and the alignment of propositions and locutions of two maps.

See :func:`argmap.reasoning.compare` and the module documentation of ``_agreement``.
"""

from __future__ import annotations

import bisect
import math
import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from typing import TypeVar

import attrs

from argmap._map import ArgumentMap
from argmap._nodes import INode, Locution, Node
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


_K = TypeVar("_K")


def _dice(x: Counter[_K], y: Counter[_K]) -> float:
    total = x.total() + y.total()
    if not total:
        return 1.0
    small, large = (x, y) if len(x) <= len(y) else (y, x)
    common = sum(min(n, large[w]) for w, n in small.items() if w in large)
    return 2 * common / total


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
    # File order, the words of the propositions and locutions around the node
    # and their ids: what tells apart two nodes of identical text without a span.
    order: int = 0
    context: Counter[tuple[str, str]] = attrs.field(eq=False, factory=Counter)
    near: frozenset[str] = frozenset()


def _units(nodes: Iterable[INode | Locution], m: ArgumentMap | None = None) -> list[_Unit]:
    """Alignment units of propositions (or of locutions), in map order."""
    out = []
    for k, n in enumerate(nodes):
        iv = _intervals(n.spans)
        context: Counter[tuple[str, str]] = Counter()
        near: set[str] = set()
        if m is not None:
            for side, step in (("<", m.predecessors), (">", m.successors)):
                for x in _around(n.id, step):
                    near.add(x.id)
                    context.update((side, w) for w in _words(x.text).elements())
        out.append(_Unit(n.id, n.text, _words(n.text), iv, iv[0][0] if iv else -1, k, context,
                         frozenset(near)))
    return out


def _around(nid: str, step: Callable[[str], tuple[Node, ...]]) -> list[INode | Locution]:
    """The propositions and locutions one step away, directly or through one other node."""
    out: list[INode | Locution] = []
    for x in step(nid):
        if isinstance(x, (INode, Locution)):
            out.append(x)
            continue
        out.extend(y for y in step(x.id) if isinstance(y, (INode, Locution)) and y.id != nid)
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
    # |y| outside [t|x| / (2 - t), (2 - t)|x| / t] cannot reach Dice t either.
    low, high = threshold / (2 - threshold) - 1e-9, (2 - threshold) / threshold + 1e-9
    for i, toks in enumerate(toks_a):
        size = len(toks)
        for t in prefix(toks):
            out.update((i, j) for j in index.get(t, ())
                       if low * size <= len(toks_b[j]) <= high * size)
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
_Scored = list[tuple[float, int, int, NodeMatch]]


def _scored(ua: list[_Unit], ub: list[_Unit], threshold: float) -> _Scored:
    """Every candidate pair that reaches the threshold, with its score."""
    out: _Scored = []
    for i, j in _candidate_pairs(ua, ub, threshold):
        x, y = ua[i], ub[j]
        text = _dice(x.words, y.words)
        overlap = _overlap(x.intervals, y.intervals) if x.intervals and y.intervals else None
        score = text if overlap is None else (overlap + text) / 2
        if score < threshold or score <= 0:
            continue
        out.append((score, i, j, NodeMatch(a=x.id, b=y.id, score=score, overlap=overlap,
                                           text_similarity=text)))
    return out


def _greedy(scored: _Scored, ua: list[_Unit], ub: list[_Unit],
            matched: dict[str, str] | None = None) -> list[NodeMatch]:
    """Pairs taken best score first; ties broken by what both annotators share.

    Among pairs of equal score, first those with more neighbours matched to
    each other (``matched``: an earlier alignment of the propositions and
    locutions of both maps), then those whose neighbours' words agree more,
    then by position in the text, file order, text and id -- each key read
    the same whichever map comes first.
    """
    def key(t: tuple[float, int, int, NodeMatch]) -> tuple[object, ...]:
        score, i, j, _ = t
        x, y = ua[i], ub[j]
        linked = 0
        if matched is not None:
            linked = sum(1 for n in x.near if matched.get(n) in y.near)
        ctx = _dice(x.context, y.context) if x.context or y.context else 0.0
        sides = sorted([(x.position, x.order, x.text, x.id), (y.position, y.order, y.text, y.id)])
        return (-score, -linked, -ctx, sides)

    # Only pairs whose score another pair shares need the tie-break keys.
    counts = Counter(t[0] for t in scored)
    ranked = sorted(scored, key=lambda t: (-t[0],) if counts[t[0]] == 1 else key(t))
    used_a: set[int] = set()
    used_b: set[int] = set()
    out = []
    for _, i, j, match in ranked:
        if i in used_a or j in used_b:
            continue
        used_a.add(i)
        used_b.add(j)
        out.append(match)
    return out


def _align(ua: list[_Unit], ub: list[_Unit], threshold: float) -> list[NodeMatch]:
    return _greedy(_scored(ua, ub, threshold), ua, ub)
