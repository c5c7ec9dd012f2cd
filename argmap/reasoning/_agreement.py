"""Inter-annotator agreement between two maps of the same text.

:func:`compare` measures how far two annotations of one source text agree, in
layers, and combines the layers into one CASS-style score.  Every figure is
symmetric: comparing *b* with *a* gives the same numbers as *a* with *b*,
except that ``only_a`` and ``only_b``, and relation precision and recall,
trade places.

**Segmentation.**  The text is split into words (``\\w+`` runs); the gaps
between consecutive words are the *potential boundaries* (``W - 1`` of them
for ``W`` words).  Every span of a proposition or locution contributes a
boundary at its start and at its end, rounded to the nearest gap (a word
belongs to a span when its midpoint does).  The two boundary sets are
compared as in Fournier & Inkpen's segmentation similarity *S* with a
transposition window of one gap (``n_t = 2``) and all edit weights 1:
identical boundaries cost nothing, a boundary one gap away from an unmatched
boundary of the other map is a near miss costing 1, every other unmatched
boundary costs 1, and ``S = 1 - cost / potential boundaries``.  This is
argmap's re-implementation of the definition, not a port of ``segeval``:
near misses are paired greedily from the start of the text, and span edges
at the very start or end of the text are not boundaries.  A boundary F1
(exact matches only) is reported beside *S*.

**Node alignment.**  Propositions (I-nodes) of the two maps are paired
greedily, best score first (ties broken by position and text, so that the
result does not depend on argument order).  The score of a pair is the mean
of the character overlap of their spans (intersection over union) and the
similarity of their texts (Dice coefficient over lower-cased word
multisets); when either node has no span, the text similarity alone.  Pairs
below ``threshold`` (default 0.5) are never matched.  Node F1 is
``2 * matched / (|A| + |B|)``.

**Relations.**  Each map's relations are read at the level of propositions:
an inference gives one *support* relation from each premise to the
conclusion; a conflict gives an *attack* from the attacker to the target
(an undercut, whose target is an inference, is an attack on that inference's
conclusion); a rephrase gives a *rephrase* from the original to the
rephrasing.  Propositions are replaced by their aligned unit (a matched pair,
or an unmatched node of one map).  The items compared are all ordered pairs
of distinct matched units, plus the pairs with an unmatched end that are
related in at least one map; each map labels an item with its relation type
or ``none``, so a pair both maps leave unrelated agrees on ``none`` (as in
CASS's confusion matrices).  Those agreeing pairs are counted, not
enumerated, so the cost is linear in the number of relations.
The ``schemes`` layer does the same with finer labels: the scheme of the
inference (catalogue name when known) for supports, and rebut, undermine or
undercut for attacks.

**Node labels** compares, over matched pairs, claim vs evidence (with the
evidence type); **illocutions** compares the illocutionary forces anchoring
each proposition (``none`` when a node has none) over matched pairs and, for
an unmatched proposition, against ``none``; it is only reported when either
map has illocutions.  A force is the illocution's scheme, else its text.

**Cohen's kappa** per layer: ``(p_o - p_e) / (1 - p_e)`` with ``p_o`` the
observed agreement and ``p_e`` the agreement expected from each map's label
frequencies; 1 when both maps use one and the same label throughout; None
when a layer has no items.

**CASS-style score.**  Following CASS (Duthie, Lawrence, Budzynska & Reed,
2016) as implemented in arg-tech's evaluation code: ``kappa_graph`` (*M*) is
the mean kappa of the structural layers (relations, and illocutions when
present) and ``cass`` is their harmonic mean with *S*, ``2MS / (M + S)``
(``combination="arithmetic"``: ``(M + S) / 2``).  Departures from CASS: its
graph kappa averages six confusion matrices (S-node anchoring, propositional
relations, illocutions on locutions and on propositions, transitions,
illocution anchoring), of which argmap has the propositional relations and
the illocutions on propositions; its alignment uses a fuzzy string ratio on
texts only, argmap's uses spans and texts; its segmentation is that of
locutions, argmap's uses the spans of propositions and locutions together.
Kappa can be negative (agreement below chance), so the score can be too.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence

import attrs

from argmap._errors import MapError
from argmap._map import ArgumentMap
from argmap._nodes import (
    Conflict,
    Evidence,
    Illocution,
    Inference,
    INode,
    Locution,
    NodeKind,
    Rephrase,
)
from argmap.reasoning._alignment import (
    _WORD,
    _boundaries,
    _candidate_pairs,
    _dice,
    _overlap,
    _Unit,
    _units,
)
from argmap.reasoning._questions import scheme_of
from argmap.reasoning._schemes import SchemeCatalogue, schemes

__all__ = [
    "Agreement",
    "LayerAgreement",
    "NodeMatch",
    "Relation",
    "Segmentation",
    "cohen_kappa",
    "compare",
]


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
    """

    similarity: float
    potential: int
    boundaries_a: int
    boundaries_b: int
    matched: int
    near_misses: int
    f1: float


@attrs.frozen(slots=True, kw_only=True)
class LayerAgreement:
    """Agreement on one layer of labels.

    Attributes:
        name: the layer.
        items: how many items were labelled by both maps.
        observed: observed agreement ``p_o`` (None without items).
        expected: chance agreement ``p_e`` (None without items).
        kappa: Cohen's kappa (None without items).
        confusion: counts of ``(label in a, label in b)`` pairs.
    """

    name: str
    items: int
    observed: float | None
    expected: float | None
    kappa: float | None
    confusion: Mapping[tuple[str, str], int]


@attrs.frozen(slots=True, kw_only=True)
class NodeMatch:
    """Two propositions, one per map, taken to be the same unit.

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


@attrs.frozen(slots=True, kw_only=True)
class Relation:
    """A relation between two propositions of one map.

    Attributes:
        source: id of the premise, attacker or original.
        target: id of the conclusion, attacked proposition or rephrasing.
        type: ``"support"``, ``"attack"`` or ``"rephrase"``.
        label: the finer label: scheme name, conflict kind, or ``"rephrase"``.
    """

    source: str
    target: str
    type: str
    label: str


@attrs.frozen(slots=True, kw_only=True)
class Agreement:
    """How far two maps of the same text agree (see :func:`compare`).

    Attributes:
        segmentation: span agreement; None when the maps have no source text.
        matches: the aligned propositions.
        only_a: ids of propositions of the first map left unmatched.
        only_b: ids of propositions of the second map left unmatched.
        node_f1: ``2 * matched / (|A| + |B|)`` (1 for two empty maps).
        relations: support / attack / rephrase agreement.
        schemes: the same with scheme and conflict-kind labels.
        node_labels: claim / evidence-type agreement on matched propositions.
        illocutions: illocution agreement on matched propositions, or None
            when neither map has illocutions.
        relation_precision: share of the second map's relations found in the first.
        relation_recall: share of the first map's relations found in the second.
        relation_f1: harmonic mean of the two (symmetric).
        kappa_graph: mean kappa of the structural layers.
        cass: ``kappa_graph`` and ``S`` combined as ``combination`` says;
            None when either part is missing.
        relations_a: the first map's relations.
        relations_b: the second map's relations.
        combination: ``"harmonic"`` or ``"arithmetic"`` (see :func:`compare`).
    """

    segmentation: Segmentation | None
    matches: tuple[NodeMatch, ...]
    only_a: tuple[str, ...]
    only_b: tuple[str, ...]
    node_f1: float
    relations: LayerAgreement
    schemes: LayerAgreement
    node_labels: LayerAgreement
    illocutions: LayerAgreement | None
    relation_precision: float | None
    relation_recall: float | None
    relation_f1: float | None
    kappa_graph: float | None
    cass: float | None
    relations_a: tuple[Relation, ...]
    relations_b: tuple[Relation, ...]
    _texts_a: Mapping[str, str] = attrs.field(alias="texts_a", repr=False)
    _texts_b: Mapping[str, str] = attrs.field(alias="texts_b", repr=False)
    combination: str = "harmonic"
    _node_labels_a: Mapping[str, tuple[str, str]] = attrs.field(
        alias="node_labels_a", repr=False, factory=dict)
    _node_labels_b: Mapping[str, tuple[str, str]] = attrs.field(
        alias="node_labels_b", repr=False, factory=dict)

    def summary(self) -> str:
        """The figures as a few readable lines."""
        lines = []
        seg = self.segmentation
        if seg is None:
            lines.append("segmentation: not measured (no source text)")
        else:
            lines.append(
                f"segmentation: S = {seg.similarity:.3f} over {seg.potential} word gaps "
                f"({seg.boundaries_a} vs {seg.boundaries_b} boundaries, {seg.matched} identical, "
                f"{seg.near_misses} near misses; boundary F1 = {seg.f1:.3f})"
            )
        lines.append(
            f"propositions: {len(self.matches)} matched, {len(self.only_a)} only in A, "
            f"{len(self.only_b)} only in B (F1 = {self.node_f1:.3f})"
        )
        lines.append(f"relations: {_layer(self.relations)}; F1 = {_num(self.relation_f1)}")
        lines.append(f"relations with scheme labels: {_layer(self.schemes)}")
        lines.append(f"node labels: {_layer(self.node_labels)}")
        if self.illocutions is not None:
            lines.append(f"illocutions: {_layer(self.illocutions)}")
        lines.append(f"kappa (graph) = {_num(self.kappa_graph)}; CASS = {_num(self.cass)}")
        return "\n".join(lines)

    def diff(self) -> str:
        """A readable diff of the two maps: what only one has, and what differs."""
        out: list[str] = []
        ta, tb = self._texts_a, self._texts_b
        for nid in self.only_a:
            out.append(f"- A only: {nid} {_quote(ta[nid])}")
        for nid in self.only_b:
            out.append(f"+ B only: {nid} {_quote(tb[nid])}")
        for mt in self.matches:
            if ta[mt.a] != tb[mt.b]:
                out.append(
                    f"~ {mt.a} = {mt.b} (score {mt.score:.2f}): {_quote(ta[mt.a])} vs "
                    f"{_quote(tb[mt.b])}"
                )
            la, lb = self._node_labels_a.get(mt.a), self._node_labels_b.get(mt.b)
            if la is not None and lb is not None:
                if la[0] != lb[0]:
                    out.append(f"~ {mt.a} = {mt.b}: {la[0]} in A, {lb[0]} in B")
                if la[1] != lb[1]:
                    out.append(f"~ {mt.a} = {mt.b}: illocution {la[1]} in A, {lb[1]} in B")
        a_unit = {m.a: f"{m.a}={m.b}" for m in self.matches}
        b_unit = {m.b: f"{m.a}={m.b}" for m in self.matches}

        def keyed(rels: Iterable[Relation], unit: Mapping[str, str]) -> dict[tuple[str, str], str]:
            out_: dict[tuple[str, str], list[str]] = {}
            for r in rels:
                key = (unit.get(r.source, r.source), unit.get(r.target, r.target))
                out_.setdefault(key, []).append(f"{r.type} ({r.label})")
            return {k: " + ".join(sorted(v)) for k, v in out_.items()}

        ra = keyed(self.relations_a, a_unit)
        rb = keyed(self.relations_b, b_unit)
        for key in sorted(ra.keys() - rb.keys()):
            out.append(f"- A only: {key[0]} -> {key[1]}: {ra[key]}")
        for key in sorted(rb.keys() - ra.keys()):
            out.append(f"+ B only: {key[0]} -> {key[1]}: {rb[key]}")
        for key in sorted(ra.keys() & rb.keys()):
            if ra[key] != rb[key]:
                out.append(f"~ {key[0]} -> {key[1]}: {ra[key]} in A, {rb[key]} in B")
        return "\n".join(out) if out else "no differences"


def _num(x: float | None) -> str:
    return "n/a" if x is None else f"{x:.3f}"


def _layer(layer: LayerAgreement) -> str:
    if layer.kappa is None:
        return "no items"
    return f"kappa = {layer.kappa:.3f} (agreement {layer.observed:.3f} on {layer.items} items)"


def _quote(text: str, limit: int = 70) -> str:
    flat = " ".join(text.split())
    return repr(flat if len(flat) <= limit else flat[: limit - 1] + "…")


# ------------------------------------------------------------------- kappa
def cohen_kappa(
    pairs: Sequence[tuple[str, str]],
) -> tuple[float | None, float | None, float | None]:
    """Cohen's kappa of paired labels: ``(kappa, observed, expected)``.

    Returns ``(None, None, None)`` for no pairs.  When both raters use one and
    the same label for every item, kappa is 1.

    Example:
        >>> k, po, pe = cohen_kappa([("x", "x"), ("y", "y"), ("x", "y"), ("y", "y")])
        >>> round(k, 3), po, pe
        (0.5, 0.75, 0.5)
    """
    n = len(pairs)
    if not n:
        return None, None, None
    agree = sum(1 for a, b in pairs if a == b)
    ca = Counter(a for a, _ in pairs)
    cb = Counter(b for _, b in pairs)
    po = agree / n
    pe = sum(ca[k] * cb[k] for k in ca) / (n * n)
    if pe >= 1.0:
        return 1.0, po, pe
    return (po - pe) / (1 - pe), po, pe


def _kappa_of_counts(
    confusion: Mapping[tuple[str, str], int],
) -> tuple[float | None, float | None, float | None]:
    n = sum(confusion.values())
    if not n:
        return None, None, None
    agree = sum(c for (a, b), c in confusion.items() if a == b)
    ca: Counter[str] = Counter()
    cb: Counter[str] = Counter()
    for (a, b), c in confusion.items():
        ca[a] += c
        cb[b] += c
    po = agree / n
    pe = sum(ca[k] * cb[k] for k in ca) / (n * n)
    if pe >= 1.0:
        return 1.0, po, pe
    return (po - pe) / (1 - pe), po, pe


def _layer_of(
    name: str, pairs: Sequence[tuple[str, str]], unrelated: int = 0
) -> LayerAgreement:
    confusion = Counter(pairs)
    if unrelated:
        confusion[("none", "none")] += unrelated
    kappa, po, pe = _kappa_of_counts(confusion)
    return LayerAgreement(name=name, items=sum(confusion.values()), observed=po, expected=pe,
                          kappa=kappa, confusion=dict(confusion))


# ------------------------------------------------------------ segmentation
def _segmentation(a: ArgumentMap, b: ArgumentMap) -> Segmentation | None:
    if a.source is None or b.source is None:
        return None
    text = a.source.text
    words = [(w.start() + w.end()) / 2 for w in _WORD.finditer(text)]
    potential = max(len(words) - 1, 0)
    ba, bb = _boundaries(a, words, len(words)), _boundaries(b, words, len(words))
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
    return Segmentation(similarity=similarity, potential=potential, boundaries_a=len(ba),
                        boundaries_b=len(bb), matched=len(same), near_misses=near, f1=f1)


# --------------------------------------------------------------- alignment
def _align(ua: list[_Unit], ub: list[_Unit], threshold: float) -> list[NodeMatch]:
    scored: list[tuple[tuple[object, ...], int, int, NodeMatch]] = []
    for i, j in _candidate_pairs(ua, ub):
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


# --------------------------------------------------------------- relations
def _relations(m: ArgumentMap, catalogue: SchemeCatalogue) -> list[Relation]:
    out: list[Relation] = []
    for n in m.nodes.values():
        if isinstance(n, Inference):
            concl = m.conclusion(n)
            if concl is None or concl.kind is not NodeKind.I:
                continue
            scheme = scheme_of(m, n, catalogue=catalogue)
            label = scheme.name if scheme is not None else (n.scheme or n.label or "?")
            for p in m.premises(n):
                if p.kind is NodeKind.I:
                    out.append(Relation(source=p.id, target=concl.id, type="support", label=label))
        elif isinstance(n, Conflict):
            attacker, target = m.attacker(n), m.target(n)
            if attacker is None or target is None or attacker.kind is not NodeKind.I:
                continue
            kind = m.conflict_kind(n).value
            if target.kind is NodeKind.RA:
                target = m.conclusion(target)
                if target is None:
                    continue
            if target.kind is NodeKind.I:
                out.append(Relation(source=attacker.id, target=target.id, type="attack",
                                    label=kind))
        elif isinstance(n, Rephrase):
            src = [p for p in m.predecessors(n) if p.kind is NodeKind.I]
            dst = [s for s in m.successors(n) if s.kind is NodeKind.I]
            if len(src) == 1 and len(dst) == 1:
                out.append(Relation(source=src[0].id, target=dst[0].id, type="rephrase",
                                    label="rephrase"))
    return out


def _node_label(n: INode) -> str:
    if isinstance(n, Evidence):
        return f"evidence:{n.evidence_type.value}"
    return "claim"


def _forces(m: ArgumentMap, n: INode) -> str:
    forces = sorted(
        ya.force or "Default Illocuting"
        for ya in m.predecessors(n)
        if isinstance(ya, Illocution) and any(isinstance(p, Locution) for p in m.predecessors(ya))
    )
    return "+".join(forces) if forces else "none"


# ------------------------------------------------------------------ compare
def compare(
    a: ArgumentMap,
    b: ArgumentMap,
    *,
    threshold: float = 0.5,
    catalogue: SchemeCatalogue | None = None,
    combination: str = "harmonic",
) -> Agreement:
    """Measure the agreement of two annotations of the same text.

    See the module documentation for exactly how each figure is computed.

    Args:
        a: the first annotation.
        b: the second annotation.
        threshold: the lowest alignment score at which two propositions can
            be matched (0 < threshold <= 1).
        catalogue: scheme catalogue used to name schemes (spelling variants
            of one scheme count as the same label).
        combination: how ``cass`` combines ``kappa_graph`` (*M*) and the
            segmentation similarity *S*: ``"harmonic"`` (default),
            ``2MS / (M + S)`` as in arg-tech's implementation since October
            2024 (after Duthie et al. 2016); ``"arithmetic"``, ``(M + S) / 2``,
            its earlier formula (which it calls CASSi).

    Raises:
        MapError: if the two maps have different source texts, for a
            threshold outside (0, 1] or an unknown combination.

    Example:
        >>> from argmap import ArgumentMap, Source
        >>> src = Source(text="Taxes should rise. Pollution harms health. Costs fall.")
        >>> a, b = ArgumentMap(source=src), ArgumentMap(source=src)
        >>> for m in (a, b):
        ...     _ = m.add_inference(m.add_claim(quote="Pollution harms health"),
        ...                         m.add_claim(quote="Taxes should rise"))
        >>> _ = b.add_claim(quote="Costs fall")
        >>> ag = compare(a, b)
        >>> len(ag.matches), ag.only_b, ag.relations.kappa
        (2, ('i6',), 1.0)
    """
    if combination not in _COMBINATIONS:
        raise MapError(f"unknown combination {combination!r}; choose one of "
                       + ", ".join(_COMBINATIONS))
    if not 0 < threshold <= 1:
        raise MapError(f"the alignment threshold must be in (0, 1], got {threshold}")
    if a.source is not None and b.source is not None and a.source.text != b.source.text:
        raise MapError(
            "the two maps annotate different source texts; agreement needs the same text"
        )
    cat = catalogue if catalogue is not None else schemes()
    ua, ub = _units(a), _units(b)
    matches = sorted(_align(ua, ub, threshold), key=lambda mt: mt.a)
    unit_a = {mt.a: f"m:{mt.a}|{mt.b}" for mt in matches}
    unit_b = {mt.b: f"m:{mt.a}|{mt.b}" for mt in matches}
    only_a = tuple(u.id for u in ua if u.id not in unit_a)
    only_b = tuple(u.id for u in ub if u.id not in unit_b)
    for nid in only_a:
        unit_a[nid] = f"a:{nid}"
    for nid in only_b:
        unit_b[nid] = f"b:{nid}"
    total = len(ua) + len(ub)
    node_f1 = 1.0 if total == 0 else 2 * len(matches) / total

    rels_a, rels_b = _relations(a, cat), _relations(b, cat)

    def table(
        rels: list[Relation], unit: Mapping[str, str], fine: bool
    ) -> dict[tuple[str, str], str]:
        labels: dict[tuple[str, str], set[str]] = {}
        for r in rels:
            key = (unit[r.source], unit[r.target])
            labels.setdefault(key, set()).add(f"{r.type}:{r.label}" if fine else r.type)
        return {k: "+".join(sorted(v)) for k, v in labels.items()}

    layers = []
    related_keys: set[tuple[str, str]] = set()
    for fine in (False, True):
        ta, tb = table(rels_a, unit_a, fine), table(rels_b, unit_b, fine)
        related_keys = ta.keys() | tb.keys()
        keys = sorted(related_keys)
        layers.append([(ta.get(k, "none"), tb.get(k, "none")) for k in keys])
    # Ordered pairs of distinct matched units related in neither map agree on
    # "none"; they are counted, not enumerated, so this stays linear.
    aligned = len(matches)
    related_aligned = sum(
        1 for s, t in related_keys if s != t and s.startswith("m:") and t.startswith("m:")
    )
    unrelated = aligned * (aligned - 1) - related_aligned
    relations = _layer_of("relations", layers[0], unrelated)
    scheme_layer = _layer_of("schemes", layers[1], unrelated)

    items_a = sum(1 for x, _ in layers[0] if x != "none")
    items_b = sum(1 for _, y in layers[0] if y != "none")
    tp = sum(1 for x, y in layers[0] if x == y)
    rel_p = tp / items_b if items_b else None
    rel_r = tp / items_a if items_a else None
    rel_f1 = 2 * tp / (items_a + items_b) if items_a + items_b else None

    nodes_a, nodes_b = a.nodes, b.nodes
    label_pairs = [
        (_node_label(nodes_a[mt.a]), _node_label(nodes_b[mt.b]))  # type: ignore[arg-type]
        for mt in matches
    ]
    node_labels = _layer_of("node labels", label_pairs)
    # Per proposition, for the diff: node label and forces.
    labels_a = {nid: (_node_label(n), _forces(a, n))  # type: ignore[arg-type]
                for nid, n in ((u.id, nodes_a[u.id]) for u in ua)}
    labels_b = {nid: (_node_label(n), _forces(b, n))  # type: ignore[arg-type]
                for nid, n in ((u.id, nodes_b[u.id]) for u in ub)}
    illocutions: LayerAgreement | None = None
    if a.nodes_of(Illocution) or b.nodes_of(Illocution):
        # Unmatched propositions count too: the other map has "none" for them.
        illocutions = _layer_of("illocutions", [
            *((_forces(a, nodes_a[mt.a]), _forces(b, nodes_b[mt.b]))  # type: ignore[arg-type]
              for mt in matches),
            *((_forces(a, nodes_a[nid]), "none") for nid in only_a),  # type: ignore[arg-type]
            *(("none", _forces(b, nodes_b[nid])) for nid in only_b),  # type: ignore[arg-type]
        ])

    structural = [
        x.kappa for x in (relations, illocutions) if x is not None and x.kappa is not None
    ]
    kappa_graph = sum(structural) / len(structural) if structural else None
    seg = _segmentation(a, b)
    cass = None
    if kappa_graph is not None and seg is not None:
        cass = _combine(kappa_graph, seg.similarity, combination)
    return Agreement(
        segmentation=seg, matches=tuple(matches), only_a=only_a, only_b=only_b,
        node_f1=node_f1, relations=relations, schemes=scheme_layer, node_labels=node_labels,
        illocutions=illocutions, relation_precision=rel_p, relation_recall=rel_r,
        relation_f1=rel_f1, kappa_graph=kappa_graph, cass=cass,
        relations_a=tuple(rels_a), relations_b=tuple(rels_b),
        texts_a={u.id: u.text for u in ua}, texts_b={u.id: u.text for u in ub},
        combination=combination, node_labels_a=dict(labels_a), node_labels_b=dict(labels_b),
    )


_COMBINATIONS = ("harmonic", "arithmetic")


def _combine(kappa: float, similarity: float, combination: str) -> float:
    """CASS from the graph kappa and the segmentation similarity."""
    if combination == "arithmetic":
        return (kappa + similarity) / 2
    total = kappa + similarity
    # Both parts 0 (or cancelling out, kappa being negative): no agreement.
    return 0.0 if total == 0 else 2 * kappa * similarity / total

