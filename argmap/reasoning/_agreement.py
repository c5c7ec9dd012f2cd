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

**Node alignment.**  Propositions (I-nodes) of the two maps, and then
their locutions, are paired
greedily, best score first.  Ties (identical texts without spans) are broken
by what both maps share: first the number of neighbours (propositions and
locutions linked directly or through one other node) a first pass matched
to each other, then the word Dice of those neighbours, then position in
the text and order in the file; the result does not depend on argument
order.  The score of a pair is the mean
of the character overlap of their spans (intersection over union) and the
similarity of their texts (Dice coefficient over lower-cased word
multisets); when either node has no span, the text similarity alone.  Pairs
below ``threshold`` (default 0.5) are never matched.  Candidate pairs are
those whose spans overlap, and, for a node without a span, those whose
texts can reach the threshold (found by prefix filtering, which provably
keeps every such pair, however large the maps).  Node F1 is
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
evidence type).

**Dialogue layers**, scored when either map has locutions, illocutions or
transitions (else named in ``skipped``): locutions are aligned like
propositions; **illocutions** compares the illocutionary forces anchoring
each proposition in locutions (``none`` when a node has none) over matched
pairs and, for an unmatched proposition, against ``none`` (a force is
:attr:`Illocution.force`: the scheme, else the node text, else AIF's
default); **locution illocutions** labels every locution unit with the
illocutions anchored in it whose content is a locution (reported speech,
``L -> YA -> L``), each as its force and the content's unit, ``none``
without one (skipped, and named in ``skipped``, when neither map has such an
illocution); **transitions** labels ordered pairs of locution units
``transition`` or ``none``, like relations (agreed ``none`` counted);
**anchoring** labels each relation both maps draw with the illocutions
anchoring its scheme node and where they are anchored; **transition
anchoring** labels each transition both maps draw with the forces anchored
in it; **proposition anchoring** labels each matched proposition with the
units of the locutions (or transitions) anchoring its illocutions.

**Cohen's kappa** per layer: ``(p_o - p_e) / (1 - p_e)`` with ``p_o`` the
observed agreement and ``p_e`` the agreement expected from each map's label
frequencies; 1 when both maps use one and the same label throughout; None
when a layer has no items.

**CASS.**  Following Duthie, Lawrence, Budzynska & Reed (2016):
``kappa_graph`` (*M*) is the mean kappa of the structural layers with items
(relations and the six dialogue layers) and ``cass`` is its harmonic mean
with *S*, ``2MS / (M + S)``, where a negative *M* (agreement below chance)
counts as 0 -- the harmonic mean is defined for non-negative values only,
and without the floor a negative *M* near ``-S`` gives scores far outside
[-1, 1] -- so the harmonic CASS lies in [0, 1]; ``kappa_graph`` itself is
reported as measured.  ``combination="arithmetic"`` gives ``(M + S) / 2``
(arg-tech's CASSi), in [-0.5, 1].  Where argmap departs from arg-tech's implementation, and
why, is documented beside the agreement section of the reasoning guide.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence

import attrs

from argmap._errors import MapError
from argmap._map import ArgumentMap
from argmap._nodes import INode, Locution
from argmap.reasoning._agreement_layers import (
    _COMPONENT,
    NONE,
    UNANCHORED,
    LayerAgreement,
    Relation,
    _component_label,
    _dialogue_layers,
    _forces,
    _has_dialogue,
    _kappa_of_counts,
    _layer_of,
    _locution_illocutions,
    _node_label,
    _proposition_anchoring,
    _relation_layers,
    _relations,
    _show,
)
from argmap.reasoning._alignment import (
    NodeMatch,
    Segmentation,
    _greedy,
    _scored,
    _segmentation,
    _units,
)
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

# The layers a map without locutions, illocutions and transitions cannot be scored on.
DIALOGUE_LAYERS = ("illocutions", "locution illocutions", "transitions", "anchoring",
                   "transition anchoring", "proposition anchoring")
# The structural layers that may enter ``kappa_graph``, in order.
LAYERS = ("relations", *DIALOGUE_LAYERS)
# Named selections of layers for ``compare(..., layers=...)``.
PRESETS: dict[str, tuple[str, ...]] = {"all": LAYERS, "argument": ("relations",)}


@attrs.frozen(slots=True, kw_only=True)
class Agreement:
    """How far two maps of the same text agree (see :func:`compare`).

    Attributes:
        segmentation: span agreement; None when the maps have no source text.
        matches: the aligned propositions.
        only_a: ids of propositions of the first map left unmatched.
        only_b: ids of propositions of the second map left unmatched.
        node_f1: ``2 * matched / (|A| + |B|)`` (1 for two empty maps).
        relations: support / attack / rephrase agreement between propositions.
        schemes: the same with scheme and conflict-kind labels.
        node_labels: claim / evidence-type agreement on matched propositions
            (between two brat annotations: their component types, such as
            ``MajorClaim``, ``Claim`` and ``Premise``).
        illocutions: the forces anchoring each proposition in locutions.
        locution_illocutions: the illocutions anchored in each locution
            whose content is a locution (reported speech), with that locution.
        relation_precision: share of the second map's relations found in the first.
        relation_recall: share of the first map's relations found in the second.
        relation_f1: harmonic mean of the two (symmetric).
        kappa_graph: mean kappa of the structural layers (``scored``).
        cass: ``kappa_graph`` and ``S`` combined as ``combination`` says;
            None when either part is missing.
        relations_a: the first map's relations.
        relations_b: the second map's relations.
        combination: ``"harmonic"`` or ``"arithmetic"`` (see :func:`compare`).
        locution_matches: the aligned locutions.
        locutions_only_a: ids of locutions of the first map left unmatched.
        locutions_only_b: ids of locutions of the second map left unmatched.
        transitions: transitions (TA) between ordered pairs of locutions.
        anchoring: the illocutions anchoring the relations both maps draw.
        transition_anchoring: the illocutions anchored in the transitions
            both maps draw.
        proposition_anchoring: where each matched proposition is anchored:
            the aligned locutions (or transitions) of its illocutions.
        scored: names of the structural layers averaged into ``kappa_graph``.
        skipped: names of the selected layers not scored because neither map
            has anything they label (every item ``none`` or ``unanchored``,
            or no item) -- every dialogue layer when neither map has a
            dialogue layer -- and ``"segmentation"`` when neither map has a
            span (then ``segmentation`` is None).
        selected: the structural layers selected (``compare(..., layers=...)``).
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
    locution_matches: tuple[NodeMatch, ...] = ()
    locutions_only_a: tuple[str, ...] = ()
    locutions_only_b: tuple[str, ...] = ()
    transitions: LayerAgreement | None = None
    anchoring: LayerAgreement | None = None
    transition_anchoring: LayerAgreement | None = None
    scored: tuple[str, ...] = ()
    skipped: tuple[str, ...] = ()
    locution_illocutions: LayerAgreement | None = None
    proposition_anchoring: LayerAgreement | None = None
    selected: tuple[str, ...] = LAYERS

    def layers(self) -> tuple[LayerAgreement, ...]:
        """Every layer measured, structural and reported, in a fixed order."""
        found = (self.relations, self.schemes, self.node_labels, *self._dialogue())
        return tuple(x for x in found if x is not None)

    def _dialogue(self) -> tuple[LayerAgreement | None, ...]:
        return (self.illocutions, self.locution_illocutions, self.transitions, self.anchoring,
                self.transition_anchoring, self.proposition_anchoring)

    def summary(self) -> str:
        """The figures as a few readable lines."""
        lines = []
        seg = self.segmentation
        if seg is None:
            why = ("no span in either map" if "segmentation" in self.skipped
                   else "no source text in one map or both")
            lines.append(f"segmentation: not measured ({why})")
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
        if self.locution_matches or self.locutions_only_a or self.locutions_only_b:
            lines.append(
                f"locutions: {len(self.locution_matches)} matched, "
                f"{len(self.locutions_only_a)} only in A, {len(self.locutions_only_b)} only in B"
            )
        lines.append(f"relations: {_layer(self.relations)}; F1 = {_num(self.relation_f1)}")
        lines.append(f"relations with scheme labels: {_layer(self.schemes)}")
        lines.append(f"node labels: {_layer(self.node_labels)}")
        for layer in self._dialogue():
            if layer is not None:
                lines.append(f"{layer.name}: {_layer(layer)}")
        skipped = [n for n in self.skipped if n != "segmentation"]
        if skipped:
            lines.append("not scored (neither map has anything they label): "
                         + ", ".join(skipped))
        left_out = [n for n in LAYERS if n not in self.selected]
        if left_out:
            lines.append("not selected: " + ", ".join(left_out))
        lines.append(f"kappa (graph) = {_num(self.kappa_graph)} over "
                     f"{', '.join(self.scored) or 'no layer'}; CASS = {_num(self.cass)}")
        return "\n".join(lines)

    def diff(self) -> str:
        """A readable diff: what only one map has, and every item two layers label differently.

        Each layer's disagreements (``LayerAgreement.disagreements``)
        are listed, so a layer whose kappa is below 1 always has a line
        here; relations are listed with their scheme labels, which also
        show a disagreement on the relation type.
        """
        out: list[str] = []
        ta, tb = self._texts_a, self._texts_b
        for nid in self.only_a:
            out.append(f"- A only: {nid} {_quote(ta[nid])}")
        for nid in self.only_b:
            out.append(f"+ B only: {nid} {_quote(tb[nid])}")
        for mt in self.matches:
            if ta[mt.a] != tb[mt.b]:
                out.append(
                    f"~ {_pair_name(mt)} (score {mt.score:.2f}): {_quotes(ta[mt.a], tb[mt.b])}"
                )
        if self.segmentation is not None:
            for where in self.segmentation.only_a:
                out.append(f"- A only: boundary {where!r}")
            for where in self.segmentation.only_b:
                out.append(f"+ B only: boundary {where!r}")
        for mt in self.locution_matches:
            if ta[mt.a] != tb[mt.b]:
                out.append(
                    f"~ locution {_pair_name(mt)} (score {mt.score:.2f}): "
                    f"{_quotes(ta[mt.a], tb[mt.b])}"
                )
        for nid in self.locutions_only_a:
            out.append(f"- A only: locution {nid} {_quote(ta[nid])}")
        for nid in self.locutions_only_b:
            out.append(f"+ B only: locution {nid} {_quote(tb[nid])}")
        for layer in (self.node_labels, self.schemes, *self._dialogue()):
            if layer is None:
                continue
            name = "relations" if layer is self.schemes else layer.name
            for item, la, lb in layer.disagreements:
                out.append(f"~ {name}: {item}: {la} in A, {lb} in B")
        return "\n".join(out) if out else "no differences"


def _pair_name(mt: NodeMatch) -> str:
    return mt.a if mt.a == mt.b else f"{mt.a} = {mt.b}"


def _num(x: float | None) -> str:
    return "n/a" if x is None else f"{x:.3f}"


def _layer(layer: LayerAgreement) -> str:
    if layer.kappa is None:
        return "no items"
    return f"kappa = {layer.kappa:.3f} (agreement {layer.observed:.3f} on {layer.items} items)"


def _quotes(x: str, y: str) -> str:
    """Two texts that differ, shortened so that the difference still shows."""
    qx, qy = _quote(x), _quote(y)
    if qx == qy:
        # The same start: show the ends instead.
        tail = [" ".join(t.split())[-69:] for t in (x, y)]
        qx, qy = (repr("…" + t) for t in tail)
    return f"{qx} vs {qy}"


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
    return _kappa_of_counts(Counter(pairs))


def _unit_keys(
    ua: Sequence[str], ub: Sequence[str], matches: Sequence[NodeMatch]
) -> tuple[dict[str, str], dict[str, str], tuple[str, ...], tuple[str, ...]]:
    """Unit keys for the nodes of both maps, and the unmatched ids of each."""
    unit_a = {mt.a: f"m:{mt.a}={mt.b}" for mt in matches}
    unit_b = {mt.b: f"m:{mt.a}={mt.b}" for mt in matches}
    only_a = tuple(nid for nid in ua if nid not in unit_a)
    only_b = tuple(nid for nid in ub if nid not in unit_b)
    unit_a.update((nid, f"a:{nid}") for nid in only_a)
    unit_b.update((nid, f"b:{nid}") for nid in only_b)
    return unit_a, unit_b, only_a, only_b


# ------------------------------------------------------------------ compare
def compare(
    a: ArgumentMap,
    b: ArgumentMap,
    *,
    threshold: float = 0.5,
    catalogue: SchemeCatalogue | None = None,
    combination: str = "harmonic",
    layers: str | Sequence[str] = "all",
) -> Agreement:
    """Measure the agreement of two annotations of the same text.

    See the module documentation for exactly how each figure is computed.

    Args:
        a: the first annotation.
        b: the second annotation.
        threshold: the lowest alignment score at which two propositions (or
            two locutions) can be matched (0 < threshold <= 1).
        catalogue: scheme catalogue used to name schemes (spelling variants
            of one scheme count as the same label).
        combination: how ``cass`` combines ``kappa_graph`` (*M*) and the
            segmentation similarity *S*: ``"harmonic"`` (default),
            ``2MS / (M + S)`` as in arg-tech's implementation since October
            2024 (after Duthie et al. 2016), with a negative *M* counted as 0
            so that the score stays in [0, 1]; ``"arithmetic"``,
            ``(M + S) / 2``, its earlier formula (which it calls CASSi).
        layers: the structural layers that may enter ``kappa_graph``:
            ``"all"`` (default), ``"argument"`` (relations only, and
            segment boundaries of propositions only: for comparing with a
            map that has no dialogue layer, such as an argument miner's
            output), or a sequence of layer names among ``"relations"``,
            ``"illocutions"``, ``"locution illocutions"``, ``"transitions"``,
            ``"anchoring"``, ``"transition anchoring"`` and
            ``"proposition anchoring"``.
            Layers left out are not computed (None), and named in neither
            ``scored`` nor ``skipped``.

    Raises:
        MapError: if the two maps have different source texts, if both have
            propositions or locutions but not one of them matches (they are
            not annotations of one text), for a threshold outside (0, 1], an
            unknown combination or an unknown layer.

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
    selected = _selected(layers)
    if a.source is not None and b.source is not None and a.source.text != b.source.text:
        raise MapError(
            "the two maps annotate different source texts; agreement needs the same text"
        )
    cat = catalogue if catalogue is not None else schemes()
    ua, ub = _units(a.propositions, a), _units(b.propositions, b)
    la, lb = _units(a.nodes_of(Locution), a), _units(b.nodes_of(Locution), b)
    props, locs = _scored(ua, ub, threshold), _scored(la, lb, threshold)
    # Twice: the second pass breaks ties by the neighbours the first one matched.
    first = {mt.a: mt.b for mt in (*_greedy(props, ua, ub), *_greedy(locs, la, lb))}
    matches = sorted(_greedy(props, ua, ub, first), key=lambda mt: mt.a)
    loc_matches = sorted(_greedy(locs, la, lb, first), key=lambda mt: mt.a)
    unit_a, unit_b, only_a, only_b = _unit_keys([u.id for u in ua], [u.id for u in ub], matches)
    if (ua or la) and (ub or lb) and not matches and not loc_matches:
        # No unit in common: every kappa would measure two unrelated maps.
        raise MapError(
            "no proposition or locution of one map matches one of the other (alignment "
            f"threshold {threshold}): they do not look like annotations of the same text")
    total = len(ua) + len(ub)
    node_f1 = 1.0 if total == 0 else 2 * len(matches) / total

    rels_a, rels_b = _relations(a, cat), _relations(b, cat)
    relations, scheme_layer, (rel_p, rel_r, rel_f1) = _relation_layers(
        rels_a, rels_b, unit_a, unit_b, len(matches))

    nodes_a, nodes_b = a.nodes, b.nodes
    node_a: dict[str, INode] = {u.id: nodes_a[u.id] for u in ua}  # type: ignore[misc]
    node_b: dict[str, INode] = {u.id: nodes_b[u.id] for u in ub}  # type: ignore[misc]
    # Two brat annotations (the Persuasive Essays and other mining corpora) label
    # each unit with a component type -- MajorClaim, Claim, Premise -- which is
    # then what their labels are compared on.
    typed = any(isinstance(node_a[mt.a].extra.get(_COMPONENT), str) for mt in matches) and any(
        isinstance(node_b[mt.b].extra.get(_COMPONENT), str) for mt in matches)
    label = _component_label if typed else _node_label
    node_labels = _layer_of("node labels", (
        (_show(unit_a[mt.a]), label(node_a[mt.a]), label(node_b[mt.b])) for mt in matches))

    texts_a = {u.id: u.text for u in (*ua, *la)}
    texts_b = {u.id: u.text for u in (*ub, *lb)}
    lunit_a, lunit_b, loc_only_a, loc_only_b = _unit_keys(
        [u.id for u in la], [u.id for u in lb], loc_matches)
    found: dict[str, LayerAgreement | None] = dict.fromkeys(LAYERS)
    found["relations"] = relations
    if set(selected) & set(DIALOGUE_LAYERS) and (_has_dialogue(a) or _has_dialogue(b)):
        # Unmatched propositions count too: the other map has "none" for them.
        found["illocutions"] = _layer_of("illocutions", [
            *((_show(unit_a[mt.a]), _forces(a, node_a[mt.a]), _forces(b, node_b[mt.b]))
              for mt in matches),
            *((nid, _forces(a, node_a[nid]), NONE) for nid in only_a),
            *((nid, NONE, _forces(b, node_b[nid])) for nid in only_b),
        ])
        (found["transitions"], found["anchoring"],
         found["transition anchoring"]) = _dialogue_layers(
            a, b, lunit_a=lunit_a, lunit_b=lunit_b, matched_locutions=len(loc_matches),
            rels_a=rels_a, rels_b=rels_b, unit_a=unit_a, unit_b=unit_b)
        found["locution illocutions"] = _locution_illocutions(a, b, lunit_a, lunit_b)
        found["proposition anchoring"] = _proposition_anchoring(a, b, (
            (_show(unit_a[mt.a]), node_a[mt.a], node_b[mt.b]) for mt in matches),
            lunit_a, lunit_b)
    for name in LAYERS:
        if name not in selected:
            found[name] = None
    # A layer neither map labels anything in (every item "none") says nothing
    # about agreement; scoring it 1 would reward two empty annotations.
    scored = tuple(n for n in selected if _informative(found[n]))
    skipped = tuple(n for n in selected if n not in scored)
    kappas = [k for n in scored if (k := found[n].kappa) is not None]  # type: ignore[union-attr]
    kappa_graph = sum(kappas) / len(kappas) if kappas else None
    seg = _segmentation(a, b, propositions_only=not set(selected) & set(DIALOGUE_LAYERS))
    if seg is not None and seg.boundaries_a == seg.boundaries_b == 0:
        # No span in either map: there are no boundaries to agree on.
        seg, skipped = None, ("segmentation", *skipped)
    cass = None
    if kappa_graph is not None and seg is not None:
        cass = _combine(kappa_graph, seg.similarity, combination)
    return Agreement(
        segmentation=seg, matches=tuple(matches), only_a=only_a, only_b=only_b,
        node_f1=node_f1, relations=relations, schemes=scheme_layer, node_labels=node_labels,
        illocutions=found["illocutions"], relation_precision=rel_p, relation_recall=rel_r,
        relation_f1=rel_f1, kappa_graph=kappa_graph, cass=cass,
        relations_a=tuple(rels_a), relations_b=tuple(rels_b),
        texts_a=texts_a, texts_b=texts_b, combination=combination,
        locution_matches=tuple(loc_matches), locutions_only_a=loc_only_a,
        locutions_only_b=loc_only_b, transitions=found["transitions"],
        anchoring=found["anchoring"], transition_anchoring=found["transition anchoring"],
        locution_illocutions=found["locution illocutions"],
        proposition_anchoring=found["proposition anchoring"],
        scored=scored, skipped=skipped, selected=selected,
    )


def _informative(layer: LayerAgreement | None) -> bool:
    """Whether a layer has an item either map gives a label other than none."""
    return layer is not None and any(
        x not in _EMPTY or y not in _EMPTY for x, y in layer.confusion)


_EMPTY = frozenset({NONE, UNANCHORED})


def _selected(layers: str | Sequence[str]) -> tuple[str, ...]:
    chosen = PRESETS.get(layers) if isinstance(layers, str) else tuple(layers)
    if chosen is None or not chosen or any(n not in LAYERS for n in chosen):
        raise MapError(f"unknown layers {layers!r}: name a preset ({', '.join(PRESETS)}) or "
                       f"layers among: {', '.join(LAYERS)}")
    return tuple(n for n in LAYERS if n in chosen)


_COMBINATIONS = ("harmonic", "arithmetic")


def _combine(kappa: float, similarity: float, combination: str) -> float:
    """CASS from the graph kappa and the segmentation similarity."""
    if combination == "arithmetic":
        return (kappa + similarity) / 2
    # A harmonic mean is defined for non-negative values only: with a negative
    # M, 2MS/(M+S) changes sign or grows without bound as M+S nears 0.  Agreement
    # at or below chance therefore counts as none (M itself stays as measured).
    m = max(kappa, 0.0)
    total = m + similarity
    return 0.0 if total == 0 else 2 * m * similarity / total
