"""The ASPIC+ argumentation theory read from a map (see :mod:`.aspic` for the reading).

This module turns nodes into formulas, rules, contraries and preferences, and
names every node it cannot read, with the reason, so that :func:`evaluate`
and :func:`lint` can report it instead of dropping it.
"""

from __future__ import annotations

import attrs

from argmap._map import ArgumentMap
from argmap._map_queries import PREMISE_KINDS
from argmap._nodes import (
    Conflict,
    Illocution,
    Inference,
    Locution,
    Node,
    NodeKind,
    Preference,
    Rephrase,
)
from argmap.reasoning._framework import FrameworkError
from argmap.reasoning._questions import scheme_of
from argmap.reasoning._schemes import SchemeCatalogue

_FORMULA_KINDS = (NodeKind.I, NodeKind.L, NodeKind.UNKNOWN)

# Rule ids made up for the conjunction of a linked conflict's attackers; '#'
# cannot clash with the map's own ids, which AIF forbids to contain it only
# by convention, so the suffix is long enough to make a clash implausible.
_AND = "#and"


@attrs.define
class _Conflict:
    id: str
    attacker: str  # a formula (for a linked conflict, the conjunction formula)
    target: str
    on: str  # "formula", "rule" or "conflict"


@attrs.define
class _Theory:
    formulas: list[str]
    rules: dict[str, tuple[tuple[str, ...], str, bool]]  # id -> (premises, conclusion, strict)
    concluded_by: dict[str, list[str]]
    conflicts: list[_Conflict]
    prop_pref: dict[str, set[str]]
    rule_pref: dict[str, set[str]]
    # Formulas that stand for the conjunction of a linked conflict's attackers.
    synthetic: set[str] = attrs.Factory(set)
    # Formulas no rule concludes that are not in the knowledge base (perspective).
    excluded: set[str] = attrs.Factory(set)
    # node id -> why evaluate() does not read it
    unread: dict[str, str] = attrs.Factory(dict)

    @property
    def contraries(self) -> list[tuple[str, str, str]]:
        """(conflict, attacker, target) of the conflicts on formulas and rules."""
        return [(c.id, c.attacker, c.target) for c in self.conflicts if c.on != "conflict"]

    def premises(self) -> frozenset[str]:
        """The knowledge base: formulas no rule concludes, less those excluded."""
        return frozenset(f for f in self.formulas
                         if f not in self.concluded_by and f not in self.excluded)


def unread_nodes(m: ArgumentMap, catalogue: SchemeCatalogue) -> dict[str, str]:
    """Scheme nodes :func:`evaluate` cannot read, with the reason (for :func:`lint`)."""
    return read_theory(m, catalogue).unread


def read_theory(
    m: ArgumentMap, catalogue: SchemeCatalogue, *, perspective: str | None = None
) -> _Theory:
    """Read the map as an ASPIC+ theory; ``perspective`` limits the knowledge base."""
    nodes = m.nodes
    formulas: dict[str, None] = {n.id: None for n in nodes.values() if n.kind is NodeKind.I}
    rules: dict[str, tuple[tuple[str, ...], str, bool]] = {}
    conflicts: list[_Conflict] = []
    unread: dict[str, str] = {}
    synthetic: set[str] = set()

    # Whether a scheme is deductive depends only on the node's scheme and
    # label, which few distinct values cover: look each pair up once.
    deductive: dict[tuple[str | None, str | None], bool] = {}
    predecessors, successors = m.predecessors, m.successors
    preferences: list[Preference] = []
    n_props = len(formulas)
    for n in nodes.values():
        if n.kind is NodeKind.I:
            continue
        if isinstance(n, Preference):
            preferences.append(n)
        elif isinstance(n, Inference):
            # As m.premises and m.conclusion, without checking the node again.
            concl = next((s for s in successors(n) if s.kind is not NodeKind.PA), None)
            # The node objects at hand decide kinds: on a large map, every lookup of
            # an id in the map is likely a cache miss.
            prem_nodes = [p for p in predecessors(n) if p.kind in PREMISE_KINDS]
            prem = tuple(dict.fromkeys(p.id for p in prem_nodes))
            if concl is None:
                unread[n.id] = "inference without a conclusion"
            elif not prem:
                unread[n.id] = "inference without a premise"
            elif concl.kind is NodeKind.RA:
                unread[n.id] = ("inference supporting another inference (backing of a rule): "
                                "ASPIC+ has no arguments for rules")
            elif concl.kind not in _FORMULA_KINDS:
                unread[n.id] = f"inference concluding a {concl.kind.value} node"
            elif concl.id in prem:
                unread[n.id] = "inference whose conclusion is one of its premises"
            else:
                key = (n.scheme, n.label)
                strict = deductive.get(key)
                if strict is None:
                    scheme = scheme_of(m, n, catalogue=catalogue)
                    strict = deductive[key] = bool(scheme is not None and scheme.deductive)
                rules[n.id] = (prem, concl.id, strict)
                for node in (*prem_nodes, concl):
                    if node.kind is not NodeKind.I:  # every proposition is a formula already
                        formulas.setdefault(node.id, None)
        elif isinstance(n, Rephrase):
            src = [p.id for p in m.predecessors(n) if p.kind is NodeKind.I]
            dst = [s.id for s in m.successors(n) if s.kind is NodeKind.I]
            if len(src) == 1 and len(dst) == 1 and src[0] != dst[0]:
                rules[n.id] = ((src[0],), dst[0], False)
            else:
                unread[n.id] = "rephrase without exactly one original and one rephrased proposition"
        elif isinstance(n, Conflict):
            parts = [p.id for p in predecessors(n) if p.kind in _FORMULA_KINDS]
            succ = successors(n)
            target = succ[0] if len(succ) == 1 else None
            if not parts:
                unread[n.id] = "conflict without an attacking proposition"
                continue
            if target is None:
                unread[n.id] = ("conflict without a target" if not succ
                                else "conflict with several targets")
                continue
            if target.kind in _FORMULA_KINDS:
                on = "formula"
            elif target.kind in (NodeKind.RA, NodeKind.MA):
                on = "rule"
            elif target.kind is NodeKind.CA:
                on = "conflict"
            elif target.kind is NodeKind.PA:
                unread[n.id] = ("attack on a preference: argmap reads preferences as given, "
                                "not as defeasible")
                continue
            else:
                unread[n.id] = f"conflict targeting a {target.kind.value} node"
                continue
            for f in parts:
                formulas.setdefault(f, None)
            if on == "formula":
                formulas.setdefault(target.id, None)
            attacker = parts[0]
            if len(parts) > 1:
                # A linked objection attacks only with all its parts together: the
                # conjunction is a formula of its own, derived by a strict rule.
                attacker = n.id
                synthetic.add(attacker)
                formulas[attacker] = None
                rules[n.id + _AND] = (tuple(parts), attacker, True)
            conflicts.append(_Conflict(n.id, attacker, target.id, on))
    _drop_unreadable_targets(conflicts, rules, unread)
    concluded_by: dict[str, list[str]] = {}
    for rid, (_, concl_id, _) in rules.items():
        concluded_by.setdefault(concl_id, []).append(rid)
    prop_pref: dict[str, set[str]] = {}
    rule_pref: dict[str, set[str]] = {}
    for pa in preferences:
        a, b = m.preferred(pa), m.dispreferred(pa)
        if a is None or b is None or a.id == b.id:
            unread[pa.id] = "preference without two different sides"
        elif a.id in formulas and b.id in formulas:
            prop_pref.setdefault(a.id, set()).add(b.id)
        elif a.id in rules and b.id in rules:
            rule_pref.setdefault(a.id, set()).add(b.id)
        else:
            unread[pa.id] = ("preference between nodes that are not both propositions or both "
                             "read inferences")
    if len(formulas) == n_props + len(synthetic):
        # Only propositions (in map order) and conjunctions, which come last.
        order = [f for f in formulas if f not in synthetic]
    else:  # locutions used as formulas: back into map order
        order = [nid for nid in nodes if nid in formulas and nid not in synthetic]
    order.extend(f for f in formulas if f in synthetic)
    th = _Theory(order, rules, concluded_by, conflicts, prop_pref, rule_pref,
                 synthetic=synthetic, unread=unread)
    if perspective is not None:
        th.excluded = _not_committed(m, th, perspective)
    return th


def _drop_unreadable_targets(
    conflicts: list[_Conflict], rules: dict[str, tuple[tuple[str, ...], str, bool]],
    unread: dict[str, str],
) -> None:
    """Drop, with a reason, conflicts on unread nodes and circles of conflicts on conflicts."""
    changed = True
    while changed:
        changed = False
        readable = {c.id for c in conflicts}
        for c in list(conflicts):
            why = None
            if c.on == "rule" and c.target not in rules:
                why = f"conflict on an inference argmap does not read ({c.target!r})"
            elif c.on == "conflict" and c.target not in readable:
                why = f"conflict on a conflict argmap does not read ({c.target!r})"
            if why is not None:
                unread[c.id] = why
                conflicts.remove(c)
                changed = True
    by_id = {c.id: c for c in conflicts}
    for c in list(conflicts):
        seen = [c.id]
        cur = c
        while cur.on == "conflict":
            cur = by_id[cur.target]
            if cur.id in seen:
                unread[c.id] = ("conflict in a circle of conflicts attacking conflicts ("
                                + " -> ".join(seen) + ")")
                conflicts.remove(c)
                break
            seen.append(cur.id)
    # Conflicts aimed at a conflict just dropped are dropped in turn.
    if any(c.on == "conflict" and c.target not in {d.id for d in conflicts} for c in conflicts):
        _drop_unreadable_targets(conflicts, rules, unread)


def _not_committed(m: ArgumentMap, th: _Theory, participant: str) -> set[str]:
    """Premise formulas outside the participant's knowledge base.

    A formula is in the participant's knowledge base when one of the
    participant's locutions anchors it (asserted, conceded, or -- for a
    reported locution -- the fact that someone said it), when it is one of
    the participant's own locutions, or when no locution of anyone anchors
    it (an implicit premise the analyst reconstructed).
    """
    own = committed(m, participant)
    excluded: set[str] = set()
    for f in th.formulas:
        if f in th.concluded_by or f in own or f in th.synthetic:
            continue
        node = m.nodes[f]
        if isinstance(node, Locution):
            if node.speaker != participant:
                excluded.add(f)
            continue
        if m.speakers(f):
            excluded.add(f)
    return excluded


# Forces under which the speaker does not take the content on: asking and
# challenging put it up for discussion without asserting it.
_NON_COMMITTING = frozenset({
    "pure questioning", "directive questioning", "challenging", "pure challenging",
    "assertive challenging", "rhetorical challenging",
})


def committed(m: ArgumentMap, participant: str) -> set[str]:
    """Ids of the nodes the participant's locutions anchor with a committing force.

    The force is the illocution's scheme or, where a format leaves the scheme
    empty (OVA3, xAIF, DialAM), its text.
    """
    out: set[str] = set()
    for loc in m.nodes_of(Locution):
        if loc.speaker != participant:
            continue
        for ya in m.successors(loc):
            if ya.kind is not NodeKind.YA:
                continue
            force = illocution_force(ya)
            if force is not None and force.strip().lower() in _NON_COMMITTING:
                continue
            out.update(c.id for c in m.successors(ya))
    return out


def illocution_force(ya: Node) -> str | None:
    """An illocution's force: its scheme, else its text (OVA3, xAIF and DialAM keep it there)."""
    return ya.force if isinstance(ya, Illocution) else None


class _Order:
    """A strict order from the transitive closure of direct preferences."""

    def __init__(self, edges: dict[str, set[str]]) -> None:
        self._edges = edges
        self._reach: dict[str, frozenset[str]] = {}

    def _reachable(self, x: str) -> frozenset[str]:
        if x not in self._reach:
            seen: set[str] = set()
            stack = list(self._edges.get(x, ()))
            while stack:
                y = stack.pop()
                if y not in seen:
                    seen.add(y)
                    stack.extend(self._edges.get(y, ()))
            self._reach[x] = frozenset(seen)
        return self._reach[x]

    def elements(self) -> set[str]:
        """Everything the order ranks (named in some preference)."""
        out = set(self._edges)
        for worse in self._edges.values():
            out.update(worse)
        return out

    def better(self, x: str, y: str) -> bool:
        """True when x is strictly preferred to y."""
        if not self._edges or x == y:
            return False
        return y in self._reachable(x) and x not in self._reachable(y)

    def set_less(self, worse: frozenset[str], better: frozenset[str]) -> bool:
        """The elitist set comparison: is ``worse`` strictly below ``better``?"""
        if not worse:
            return False
        if not better:
            return True
        return any(all(self.better(y, x) for y in better) for x in worse)


# Transposition can multiply rules when formulas have several contradictories.
_MAX_TRANSPOSED = 20_000
_NOT = "#not"


def close_under_transposition(th: _Theory) -> None:
    """Close the strict rules of deductive schemes under transposition (in place).

    For a strict rule ``p1, ..., pn -> q`` and each ``i``, the rule
    ``p1, ..., -q, ..., pn -> -pi`` (``-q`` in place of ``pi``) is added, where
    ``-f`` is any contradictory of ``f`` in the map or, when ``f`` has none, a
    made-up negation ``f#not`` that contradicts ``f``, is no premise and is
    not a proposition of the map.  Without this closure a strict rule can
    leave two contradictories both acceptable (Caminada & Amgoud 2007); with
    it, ASPIC+'s rationality postulates hold for well-formed theories
    (Modgil & Prakken 2013).  The conjunction rules of linked conflicts are
    technical, not deductive schemes, and are left alone.
    """
    strict = [(rid, prem, concl) for rid, (prem, concl, s) in th.rules.items()
              if s and not rid.endswith(_AND)]
    if not strict:
        return
    contra: dict[str, list[str]] = {}
    pairs = {(c.attacker, c.target) for c in th.conflicts if c.on == "formula"}
    for x, t in sorted(pairs):
        if (t, x) in pairs:
            contra.setdefault(t, []).append(x)

    def neg(f: str) -> list[str]:
        if not contra.get(f):
            n = f + _NOT
            th.formulas.append(n)
            th.synthetic.add(n)
            th.excluded.add(n)
            th.conflicts.append(_Conflict(n, n, f, "formula"))
            th.conflicts.append(_Conflict(n, f, n, "formula"))
            contra[f] = [n]
            contra[n] = [f]
        return contra[f]

    seen = {(frozenset(prem), concl) for _, prem, concl in strict}
    queue = list(strict)
    made = 0
    while queue:
        rid, prem, concl = queue.pop()
        for i, p in enumerate(prem):
            for nq in list(neg(concl)):
                for np_ in list(neg(p)):
                    body = (*prem[:i], nq, *prem[i + 1:])
                    key = (frozenset(body), np_)
                    if key in seen or np_ in body:
                        continue
                    seen.add(key)
                    made += 1
                    if made > _MAX_TRANSPOSED:
                        raise FrameworkError(
                            f"closing the strict rules under transposition makes more than "
                            f"{_MAX_TRANSPOSED:,} rules; evaluate with transposition=False"
                        )
                    new_id = f"{rid}#t{made}"
                    th.rules[new_id] = (tuple(dict.fromkeys(body)), np_, True)
                    th.concluded_by.setdefault(np_, []).append(new_id)
                    queue.append((new_id, tuple(dict.fromkeys(body)), np_))


def _textbook_orders(th: _Theory) -> tuple[_Order, _Order]:
    """Premise and rule orderings when preferences between conclusions lift to rules.

    See :func:`evaluate` (``conclusion_preferences="lift"``).
    """
    premises = th.premises()
    prem_pref: dict[str, set[str]] = {}
    rule_pref: dict[str, set[str]] = {k: set(v) for k, v in th.rule_pref.items()}

    def rests_on(f: str) -> set[str]:
        seen, stack, found = {f}, [f], set()
        while stack:
            g = stack.pop()
            if g in premises:
                found.add(g)
            for r in th.concluded_by.get(g, ()):
                for p in th.rules[r][0]:
                    if p not in seen:
                        seen.add(p)
                        stack.append(p)
        return found

    for x, worse in th.prop_pref.items():
        for y in worse:
            if x in premises and y in premises:
                prem_pref.setdefault(x, set()).add(y)
            elif x in premises:
                prem_pref.setdefault(x, set()).update(rests_on(y) - {x})
            elif y not in premises:
                # Weakest-link compares premises too: what x alone rests on
                # is preferred to what y alone rests on.
                below_x, below_y = rests_on(x), rests_on(y)
                for px in below_x - below_y:
                    prem_pref.setdefault(px, set()).update(below_y - below_x)
            for rx in th.concluded_by.get(x, ()):
                for ry in th.concluded_by.get(y, ()):
                    if not th.rules[rx][2] and not th.rules[ry][2]:
                        rule_pref.setdefault(rx, set()).add(ry)
    return _Order(prem_pref), _Order(rule_pref)
