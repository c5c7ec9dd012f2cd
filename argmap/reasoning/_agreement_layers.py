"""The labelled layers :func:`argmap.reasoning.compare` scores, one confusion table each.

Every layer is a list of *items* (an ordered pair of units, or one unit), each
labelled once by each map.  A *unit* is a proposition (or locution) of one
map together with its aligned counterpart in the other, or an unmatched node
of one map.  Unit keys carry a one-letter prefix (``m:`` matched, ``a:`` only
in the first map, ``b:`` only in the second) so that ids of the two maps never
collide; :func:`_show` drops it for display, and :func:`_named` keeps the
side of an unmatched unit where a unit is part of a label.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence

import attrs

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
    Transition,
)
from argmap.reasoning._questions import scheme_of
from argmap.reasoning._schemes import SchemeCatalogue

# The label of an item a map leaves unrelated or unannotated.
NONE = "none"
# The label of a relation or transition that no illocution anchors.
UNANCHORED = "unanchored"
# Where an illocution without a locution or transition is anchored.
NOWHERE = "no locution"


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
        disagreements: every item the two maps label differently, as
            ``(item, label in a, label in b)``, sorted; an item names its
            unit or ordered pair of units (``a=b`` for a matched pair).
    """

    name: str
    items: int
    observed: float | None
    expected: float | None
    kappa: float | None
    confusion: Mapping[tuple[str, str], int]
    disagreements: tuple[tuple[str, str, str], ...] = ()


@attrs.frozen(slots=True, kw_only=True)
class Relation:
    """A relation between two propositions of one map.

    Attributes:
        source: id of the premise, attacker or original.
        target: id of the conclusion, attacked proposition or rephrasing.
        type: ``"support"``, ``"attack"`` or ``"rephrase"``.
        label: the finer label: scheme name, conflict kind, or ``"rephrase"``.
        node: id of the inference, conflict or rephrase node it comes from.
    """

    source: str
    target: str
    type: str
    label: str
    node: str = ""


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
    name: str, items: Iterable[tuple[str, str, str]], agreed_none: int = 0
) -> LayerAgreement:
    """A layer from ``(item, label a, label b)`` triples and a count of agreed-none items."""
    confusion: Counter[tuple[str, str]] = Counter()
    disagree = []
    for item, la, lb in items:
        confusion[(la, lb)] += 1
        if la != lb:
            disagree.append((item, la, lb))
    if agreed_none:
        confusion[(NONE, NONE)] += agreed_none
    kappa, po, pe = _kappa_of_counts(confusion)
    return LayerAgreement(name=name, items=sum(confusion.values()), observed=po, expected=pe,
                          kappa=kappa, confusion=dict(confusion),
                          disagreements=tuple(sorted(disagree)))


def _show(unit: str) -> str:
    """A unit for display: ``a=b`` for a matched pair, one id when both maps use it."""
    a, eq, b = unit[2:].partition("=")
    return a if eq and a == b and unit.startswith("m:") else unit[2:]


def _named(unit: str) -> str:
    """A unit as part of a label: an unmatched node says which map it is in.

    Two unmatched nodes that happen to share an id are different units, so
    a label naming one must not equal a label naming the other.
    """
    return _show(unit) if unit.startswith("m:") else f"{unit[2:]} (only in {unit[0].upper()})"


def _pair(key: tuple[str, str]) -> str:
    return f"{_show(key[0])} -> {_show(key[1])}"


def _agreed_none(keys: Iterable[tuple[str, str]], matched: int) -> int:
    related = sum(1 for s, t in set(keys) if s != t and s.startswith("m:") and t.startswith("m:"))
    return matched * (matched - 1) - related


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
                    out.append(Relation(source=p.id, target=concl.id, type="support", label=label,
                                        node=n.id))
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
                                    label=kind, node=n.id))
        elif isinstance(n, Rephrase):
            src = [p for p in m.predecessors(n) if p.kind is NodeKind.I]
            dst = [s for s in m.successors(n) if s.kind is NodeKind.I]
            if len(src) == 1 and len(dst) == 1:
                out.append(Relation(source=src[0].id, target=dst[0].id, type="rephrase",
                                    label="rephrase", node=n.id))
    return out


def _relation_table(
    rels: Sequence[Relation], unit: Mapping[str, str], fine: bool
) -> dict[tuple[str, str], str]:
    labels: dict[tuple[str, str], set[str]] = {}
    for r in rels:
        key = (unit[r.source], unit[r.target])
        labels.setdefault(key, set()).add(f"{r.type}:{r.label}" if fine else r.type)
    return {k: "+".join(sorted(v)) for k, v in labels.items()}


def _relation_layers(
    rels_a: Sequence[Relation], rels_b: Sequence[Relation],
    unit_a: Mapping[str, str], unit_b: Mapping[str, str], matched: int,
) -> tuple[LayerAgreement, LayerAgreement, tuple[float | None, float | None, float | None]]:
    """The relations and schemes layers, and relation precision, recall and F1."""
    layers = []
    for fine in (False, True):
        ta = _relation_table(rels_a, unit_a, fine)
        tb = _relation_table(rels_b, unit_b, fine)
        keys = sorted(ta.keys() | tb.keys())
        items = [(_pair(k), ta.get(k, NONE), tb.get(k, NONE)) for k in keys]
        layers.append(_layer_of("relations" if not fine else "schemes", items,
                                _agreed_none(keys, matched)))
        if not fine:
            coarse = items
    items_a = sum(1 for _, x, _ in coarse if x != NONE)
    items_b = sum(1 for _, _, y in coarse if y != NONE)
    tp = sum(1 for _, x, y in coarse if x == y)
    prf = (tp / items_b if items_b else None, tp / items_a if items_a else None,
           2 * tp / (items_a + items_b) if items_a + items_b else None)
    return layers[0], layers[1], prf


# -------------------------------------------------------- node labels, forces
def _node_label(n: INode) -> str:
    if isinstance(n, Evidence):
        return f"evidence:{n.evidence_type.value}"
    return "claim"


# The extra key in which the brat reader keeps a unit's annotation type.
_COMPONENT = "brat:type"


def _component_label(n: INode) -> str:
    """The unit's component type as annotated (``MajorClaim``, ``Claim``, ``Premise``).

    A unit without one (added or edited elsewhere) is labelled ``none``, so that
    it disagrees with a typed one rather than hiding the other units' labels.
    """
    kind = n.extra.get(_COMPONENT)
    return kind if isinstance(kind, str) else "none"


def _forces(m: ArgumentMap, n: INode) -> str:
    """The forces anchoring a proposition in locutions (``L -> YA -> I``), or "none"."""
    forces = sorted(
        ya.force
        for ya in m.predecessors(n)
        if isinstance(ya, Illocution) and any(isinstance(p, Locution) for p in m.predecessors(ya))
    )
    return "+".join(forces) if forces else NONE


def _has_dialogue(m: ArgumentMap) -> bool:
    """Whether a map has a dialogue layer: a locution, illocution or transition."""
    return bool(m.nodes_of(Locution) or m.nodes_of(Illocution) or m.nodes_of(Transition))


# --------------------------------------------------------- dialogue layers
def _transitions(m: ArgumentMap, lunit: Mapping[str, str]) -> dict[tuple[str, str], list[str]]:
    """Transition ids by the ordered pair of locution units they join (``L -> TA -> L``)."""
    out: dict[tuple[str, str], list[str]] = {}
    for ta in m.nodes_of(Transition):
        froms = [p.id for p in m.predecessors(ta) if isinstance(p, Locution)]
        tos = [s.id for s in m.successors(ta) if isinstance(s, Locution)]
        for f in froms:
            for t in tos:
                out.setdefault((lunit[f], lunit[t]), []).append(ta.id)
    return out


def _anchor_of(m: ArgumentMap, ya: Illocution, lunit: Mapping[str, str]) -> str:
    """Where an illocution is anchored: its transition's locution pair, or its locution."""
    spots = []
    for p in m.predecessors(ya):
        if isinstance(p, Transition):
            froms = [_named(lunit[x.id]) for x in m.predecessors(p) if isinstance(x, Locution)]
            tos = [_named(lunit[x.id]) for x in m.successors(p) if isinstance(x, Locution)]
            spots.append(f"{'+'.join(sorted(froms))} > {'+'.join(sorted(tos))}")
        elif isinstance(p, Locution):
            spots.append(_named(lunit[p.id]))
    return ", ".join(sorted(spots)) or NOWHERE


def _anchoring_label(
    m: ArgumentMap, node_ids: Iterable[str], lunit: Mapping[str, str], where: bool
) -> str:
    """The illocutions anchoring scheme nodes (``YA -> RA``) or anchored in transitions.

    A relation's scheme node is the *content* of its illocution, so the
    illocution is a predecessor; a transition is the *anchor* of its
    illocutions (``TA -> YA``), so they are its successors.
    """
    labels = set()
    for nid in node_ids:
        node = m.nodes[nid]
        around = m.successors(nid) if isinstance(node, Transition) else m.predecessors(nid)
        for ya in around:
            if isinstance(ya, Illocution):
                force = ya.force
                labels.add(f"{force} from {_anchor_of(m, ya, lunit)}" if where else force)
    return "+".join(sorted(labels)) or UNANCHORED


def _reports(m: ArgumentMap, lunit: Mapping[str, str]) -> dict[str, str]:
    """Per locution unit, each illocution anchored in it whose content is a locution.

    ``L -> YA -> L`` is reported speech (and, in DialAM, the analyst's
    *Analysing* of a locution); the label names the force and the content's
    unit, ``"Asserting > L2=L2"``, so that reporting a different locution, or
    the same report read the other way round, is a disagreement.
    """
    out: dict[str, set[str]] = {}
    for ya in m.nodes_of(Illocution):
        contents = [_named(lunit[s.id]) for s in m.successors(ya) if isinstance(s, Locution)]
        if not contents:
            continue
        for anchor in m.predecessors(ya):
            if isinstance(anchor, Locution):
                out.setdefault(lunit[anchor.id], set()).update(
                    f"{ya.force} > {c}" for c in contents)
    return {k: "+".join(sorted(v)) for k, v in out.items()}


def _locution_illocutions(
    a: ArgumentMap, b: ArgumentMap, lunit_a: Mapping[str, str], lunit_b: Mapping[str, str],
) -> LayerAgreement | None:
    """Illocutions on locutions, one item per locution unit; None when neither map has one."""
    ra, rb = _reports(a, lunit_a), _reports(b, lunit_b)
    if not ra and not rb:
        return None
    units = sorted(set(lunit_a.values()) | set(lunit_b.values()))
    return _layer_of("locution illocutions", (
        (_show(u), ra.get(u, NONE), rb.get(u, NONE)) for u in units))


def _anchors(m: ArgumentMap, n: INode, lunit: Mapping[str, str]) -> str:
    """Where a proposition is anchored: the locution units (or transitions) of its illocutions."""
    spots = {_anchor_of(m, ya, lunit) for ya in m.predecessors(n) if isinstance(ya, Illocution)}
    spots.discard(NOWHERE)
    return "+".join(sorted(spots)) or UNANCHORED


def _proposition_anchoring(
    a: ArgumentMap, b: ArgumentMap, pairs: Iterable[tuple[str, INode, INode]],
    lunit_a: Mapping[str, str], lunit_b: Mapping[str, str],
) -> LayerAgreement:
    """Which locution anchors each matched proposition, through the locution alignment."""
    return _layer_of("proposition anchoring", (
        (item, _anchors(a, x, lunit_a), _anchors(b, y, lunit_b)) for item, x, y in pairs))


def _dialogue_layers(
    a: ArgumentMap, b: ArgumentMap, *,
    lunit_a: Mapping[str, str], lunit_b: Mapping[str, str], matched_locutions: int,
    rels_a: Sequence[Relation], rels_b: Sequence[Relation],
    unit_a: Mapping[str, str], unit_b: Mapping[str, str],
) -> tuple[LayerAgreement, LayerAgreement, LayerAgreement]:
    """The transitions, anchoring and transition-anchoring layers."""
    tr_a, tr_b = _transitions(a, lunit_a), _transitions(b, lunit_b)
    keys = sorted(tr_a.keys() | tr_b.keys())
    transitions = _layer_of(
        "transitions",
        ((_pair(k), "transition" if k in tr_a else NONE, "transition" if k in tr_b else NONE)
         for k in keys),
        _agreed_none(keys, matched_locutions))

    def nodes_by_pair(
        rels: Sequence[Relation], unit: Mapping[str, str]
    ) -> dict[tuple[str, str], set[str]]:
        out: dict[tuple[str, str], set[str]] = {}
        for r in rels:
            out.setdefault((unit[r.source], unit[r.target]), set()).add(r.node)
        return out

    sa, sb = nodes_by_pair(rels_a, unit_a), nodes_by_pair(rels_b, unit_b)
    # Only relations both maps draw: a relation one map lacks is already
    # counted against it in the relations layer.
    anchoring = _layer_of("anchoring", (
        (_pair(k), _anchoring_label(a, sa[k], lunit_a, True),
         _anchoring_label(b, sb[k], lunit_b, True))
        for k in sorted(sa.keys() & sb.keys())))
    transition_anchoring = _layer_of("transition anchoring", (
        (_pair(k), _anchoring_label(a, tr_a[k], lunit_a, False),
         _anchoring_label(b, tr_b[k], lunit_b, False))
        for k in sorted(tr_a.keys() & tr_b.keys())))
    return transitions, anchoring, transition_anchoring
