"""Settling preference-dependent attacks per conflict, without building arguments.

Preferences decide only attacks between contradictories (see :mod:`._aspic`):
an argument *A* for ``x`` defeats the sub-argument *B'* for ``t`` unless
``A < B'``.  Under the orderings argmap offers, ``A < B'`` depends on *A*'s
and *B'*'s premise sets, defeasible-rule sets and last-defeasible-rule sets
(their *profiles*), and it is *monotone*: adding to *A*'s sets can only make
*A* weaker, adding to *B'*'s sets can only make *B'* weaker.  That holds for
the elitist set comparison (``G < G'`` when some member of ``G`` is below
every member of ``G'``, and ``G`` is not empty), for weakest-link (premises
and defeasible rules compared together, premises alone between strict
arguments) and for last-link (last defeasible rules; premises when both have
none), including their conventions for empty sets.

So a conflict ``x -> t`` is settled for *every* pair of arguments at once
when bounds on the profiles agree: with ``A+`` a profile containing every
argument for ``x``'s (the union over them) and ``B-`` one contained in every
attackable argument for ``t``'s (their intersection), ``not (A+ < B-)``
means every attack succeeds; with ``A-`` and ``B+`` the other way round,
``A- < B+`` means none does.  A settled conflict is then an ordinary
contrary, or no contrary at all, and the theory is again a flat
assumption-based framework (see :mod:`._direct`), whatever the preferences:
the same defeats between the same arguments as the construction, so the
same grounded statuses.  Only a conflict whose bounds disagree (some of the
attacks it makes succeed and others fail, or the bounds cannot tell) needs
the arguments.

The bounds are computed over propositions and rules: a premise's profile is
itself; an argument ending in rule ``r`` has the union of its
sub-arguments' profiles (plus ``r`` among its defeasible rules, and ``{r}``
as its last defeasible rules, when ``r`` is defeasible).  Unions over
arguments are joins over the rules concluding a formula; intersections are
meets.  Around a support cycle both are iterated to their fixpoints: the
meet from the top (every finite derivation tree counted, and a circular one
never has a smaller profile than the tree it contains), the join from the
bottom (circular trees can only enlarge it, which keeps it a bound).

Only the elements the orderings rank matter individually; all others are
below and above nothing, so a profile keeps the ranked elements it contains
and one flag for "contains an unranked element".
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

import attrs

from argmap.reasoning._arguments import support_components
from argmap.reasoning._theory import _Order, _textbook_orders, _Theory

# A set of theory elements as seen by an ordering: the ranked members, and
# whether it also holds an unranked one.
_Set = tuple[frozenset[str], bool]
_EMPTY: _Set = (frozenset(), False)
# The profile of an argument: premises, defeasible rules, last defeasible rules.
_Profile = tuple[_Set, _Set, _Set]
_BOTTOM: _Profile = (_EMPTY, _EMPTY, _EMPTY)
# How many passes over the whole theory settling may spend on questions
# about supports (see _Bounds.spend).
_BUDGET_PASSES = 20


@attrs.frozen(slots=True)
class Settled:
    """How each conflict between contradictories turns out for all its attacks.

    Attributes:
        fails: ids of conflicts none of whose attacks succeeds.
        depends: ids of conflicts whose attacks may succeed for some pairs
            of arguments and fail for others.
    """

    fails: frozenset[str]
    depends: tuple[str, ...]


def _join(a: _Set, b: _Set) -> _Set:
    if a is _EMPTY:
        return b
    if b is _EMPTY:
        return a
    return (a[0] | b[0], a[1] or b[1])


def _meet(a: _Set, b: _Set) -> _Set:
    return (a[0] & b[0], a[1] and b[1])


def _join3(a: _Profile, b: _Profile) -> _Profile:
    return (_join(a[0], b[0]), _join(a[1], b[1]), _join(a[2], b[2]))


def _meet3(a: _Profile | None, b: _Profile) -> _Profile:
    if a is None:  # the top: no argument seen yet
        return b
    return (_meet(a[0], b[0]), _meet(a[1], b[1]), _meet(a[2], b[2]))


class _Bounds:
    """Upper and lower profile bounds of the arguments for each formula."""

    def __init__(self, th: _Theory, ranked_formulas: frozenset[str],
                 ranked_rules: frozenset[str]) -> None:
        self.th = th
        self.upper: dict[str, _Profile] = {}
        self.lower: dict[str, _Profile] = {}
        premises = th.premises()
        self.premises = premises
        self.ranked_formulas, self.ranked_rules = ranked_formulas, ranked_rules
        self._cones: dict[str, tuple[set[str], list[str]]] = {}
        self._spent = 0
        self._budget = _BUDGET_PASSES * (len(th.formulas) + len(th.rules)) + 10_000
        for f in premises:
            p: _Profile = (((frozenset((f,)), False) if f in ranked_formulas
                            else (frozenset(), True)), _EMPTY, _EMPTY)
            self.upper[f] = self.lower[f] = p
        for comp in support_components(th):
            derived = [f for f in comp if f in th.concluded_by]
            if not derived:
                continue
            if len(comp) == 1:
                self._update(derived[0])
                continue
            changed = True
            while changed:  # a finite lattice: each round grows or shrinks some bound
                changed = False
                for f in derived:
                    changed = self._update(f) or changed

    def cone(self, goal: str) -> tuple[set[str], list[str]]:
        """The formulas and rules ``goal`` rests on (itself included)."""
        if goal not in self._cones:
            formulas, rules, stack = {goal}, [], [goal]
            while stack:
                for rid in self.th.concluded_by.get(stack.pop(), ()):
                    rules.append(rid)
                    for p in self.th.rules[rid][0]:
                        if p not in formulas:
                            formulas.add(p)
                            stack.append(p)
            self._cones[goal] = (formulas, rules)
        return self._cones[goal]

    def spend(self, goal: str) -> bool:
        """Charge one question about ``goal``'s support; False once over budget.

        Questions are answered within a support cone, which is small in
        annotated texts; the budget (a few passes over the whole theory)
        keeps settling linear even where cones are large.  Past it the
        remaining conflicts stay unsettled, and the arguments are built.
        """
        formulas, rules = self.cone(goal)
        self._spent += len(formulas) + len(rules)
        return self._spent <= self._budget

    def rule(self, rid: str) -> tuple[_Profile, _Profile] | None:
        """Bounds for the arguments whose last rule is ``rid`` (None: there are none)."""
        prem, _, strict = self.th.rules[rid]
        if any(p not in self.upper for p in prem):
            return None
        up, low = _BOTTOM, _BOTTOM
        for p in prem:
            up = _join3(up, self.upper[p])
            low = _join3(low, self.lower[p])
        if strict:
            return up, low
        own: _Set = (frozenset((rid,)), False) if rid in self.ranked_rules else (frozenset(), True)
        return ((up[0], _join(up[1], own), own), (low[0], _join(low[1], own), own))

    def _update(self, f: str) -> bool:
        up: _Profile | None = None
        low: _Profile | None = None
        for rid in self.th.concluded_by[f]:
            b = self.rule(rid)
            if b is None:
                continue
            up = b[0] if up is None else _join3(up, b[0])
            low = _meet3(low, b[1])
        if up is None or low is None:
            return False
        old_up, old_low = self.upper.get(f), self.lower.get(f)
        if old_up is not None:
            up = _join3(old_up, up)
        low = _meet3(old_low, low)
        if old_up == up and old_low == low:
            return False
        self.upper[f], self.lower[f] = up, low
        return True

    def targets(self, t: str) -> tuple[_Profile, _Profile] | None:
        """Bounds for the arguments for ``t`` that can be rebutted or undermined."""
        if t in self.premises:
            return self.upper[t], self.lower[t]
        up: _Profile | None = None
        low: _Profile | None = None
        for rid in self.th.concluded_by.get(t, ()):
            if self.th.rules[rid][2]:
                continue  # a strict last rule cannot be rebutted
            b = self.rule(rid)
            if b is None:
                continue
            up = b[0] if up is None else _join3(up, b[0])
            low = _meet3(low, b[1])
        return None if up is None or low is None else (up, low)


def _less(order: _Order, worse: _Set, better: _Set) -> bool:
    """The elitist comparison ``worse < better`` of two sets given as :data:`_Set`."""
    if not worse[0] and not worse[1]:
        return False
    if not better[0] and not better[1]:
        return True
    if better[1]:
        return False  # an unranked member is above nothing
    return any(all(order.better(y, x) for y in better[0]) for x in worse[0])


def _weaker(ordering: str, props: _Order, rules: _Order, a: _Profile, b: _Profile) -> bool:
    """``A < B`` for the argument ordering (see :mod:`._aspic`), from profiles."""
    pa, da, la = a
    pb, db, lb = b
    if ordering == "last-link":
        if not _nonempty(la) and not _nonempty(lb):
            return _less(props, pa, pb)
        return _less(rules, la, lb)
    if not _nonempty(da) and not _nonempty(db):
        return _less(props, pa, pb)
    return _less(props, pa, pb) and _less(rules, da, db)


def _nonempty(s: _Set) -> bool:
    return bool(s[0]) or s[1]


def _ranked(order: _Order) -> frozenset[str]:
    return frozenset(order.elements())


def settle(th: _Theory, ordering: str, conclusion_preferences: str,
           contradictory: Iterable[tuple[str, str, str]], *, first: bool = False) -> Settled:
    """Settle each ``(conflict, attacker, target)`` between contradictories, where bounds allow.

    With ``first``, stop at the first conflict left unsettled (the caller
    then builds the arguments anyway).
    """
    if conclusion_preferences == "decide":
        props, rules = _Order(th.prop_pref), _Order(th.rule_pref)
    else:
        props, rules = _textbook_orders(th)
    bounds: _Bounds | None = None  # made when a conflict first needs them
    fails: set[str] = set()
    depends: list[str] = []
    for cid, x, t in contradictory:
        if conclusion_preferences == "decide":
            # A preference between the two conclusions decides before the ordering.
            if props.better(t, x):
                fails.add(cid)
                continue
            if props.better(x, t):
                continue
        if bounds is None:
            bounds = _Bounds(th, _ranked(props), _ranked(rules))
            pairs = _Pairs(bounds, props, rules)
        target = bounds.targets(t)
        if x not in bounds.upper or target is None:
            continue  # no argument on one side: the conflict makes no attack
        t_up, t_low = target
        if not _weaker(ordering, props, rules, bounds.upper[x], t_low) \
                or _none_weaker(pairs, ordering, x, t):
            continue  # no attacker is weaker than any target: every attack succeeds
        if _weaker(ordering, props, rules, bounds.lower[x], t_up) \
                or _all_weaker(bounds, x, t_up, ordering=ordering, props=props, rules=rules):
            fails.add(cid)  # every attacker is weaker than even the weakest target
            continue
        depends.append(cid)
        if first:
            break
    return Settled(fails=frozenset(fails), depends=tuple(depends))


def _below(order: _Order, ranked: frozenset[str], above: _Set) -> frozenset[str] | None:
    """The ranked elements below every member of ``above`` (None: every element is)."""
    if not above[0] and not above[1]:
        return None
    if above[1]:
        return frozenset()
    return frozenset(x for x in ranked if all(order.better(y, x) for y in above[0]))


def _all_weaker(bounds: _Bounds, x: str, target: _Profile, *, ordering: str, props: _Order,
                rules: _Order) -> bool:
    """Is every argument for ``x`` weaker than a target with at most the profile ``target``?

    The elitist comparison needs *some* member of the attacker's set below
    every member of the target's, which an intersection of the attackers'
    sets does not tell; so ask instead whether any argument for ``x`` avoids
    the members that are below the target (forward chaining with them left
    out).
    """
    pb, db, lb = target
    if not (bounds.spend(x) and bounds.spend(x)):
        return False  # over budget: left unsettled
    w_p = _below(props, bounds.ranked_formulas, pb)
    if ordering == "last-link":
        if not _nonempty(lb):
            # Only arguments without a defeasible rule compare premises; the
            # others are weaker than a target without one anyway.
            if w_p is None:
                return True
            return not _derives(bounds, x, premise_ok=lambda f: f not in w_p,
                                rule_ok=lambda r, strict: "use" if strict else "no")
        w_l = _below(rules, bounds.ranked_rules, lb)
        assert w_l is not None
        # An argument avoids w_l when its last defeasible rules do: a
        # premise, a defeasible rule outside w_l, or strict rules over such.
        return not _derives(bounds, x, premise_ok=lambda f: True,
                            rule_ok=lambda r, strict: "use" if strict else
                            ("any" if r not in w_l else "no"))
    if w_p is not None and _derives(bounds, x,
                                    premise_ok=lambda f: f not in w_p,
                                    rule_ok=lambda r, strict: "use"):
        return False  # some argument has no premise below the target's
    if not _nonempty(db):
        return True
    w_d = _below(rules, bounds.ranked_rules, db)
    assert w_d is not None
    return not _derives(bounds, x, premise_ok=lambda f: True,
                        rule_ok=lambda r, strict: "use" if strict or r not in w_d else "no")


def _derives(bounds: _Bounds, goal: str, *,
             premise_ok: Callable[[str], bool], rule_ok: Callable[[str, bool], str]) -> bool:
    """Whether ``goal`` has an argument within limits (see :func:`_derived`)."""
    if goal in bounds.premises:
        return premise_ok(goal)
    return goal in _derived(bounds, goal, premise_ok=premise_ok, rule_ok=rule_ok)


def _derived(bounds: _Bounds, goal: str, *, premise_ok: Callable[[str], bool],
             rule_ok: Callable[[str, bool], str]) -> set[str]:
    """What ``goal`` rests on that has an argument within limits, by forward chaining.

    Only the formulas and rules ``goal`` rests on are looked at (its support
    cone), so a question costs the size of that cone, not of the map.
    Premises count where ``premise_ok``; ``rule_ok(rule, strict)`` is
    ``"use"`` (the rule applies once its premises are derived within the
    limits), ``"any"`` (it applies once its premises have any argument at
    all) or ``"no"``.
    """
    th, premises = bounds.th, bounds.premises
    unlimited = bounds.upper  # exactly the formulas with an argument
    cone, cone_rules = bounds.cone(goal)
    derived: set[str] = set()
    watch: dict[str, list[str]] = {}
    missing: dict[str, int] = {}
    stack: list[str] = []
    for rid in cone_rules:
        prem, concl, strict = th.rules[rid]
        how = rule_ok(rid, strict)
        if how == "no":
            continue
        if how == "any":
            if concl not in derived and all(p in unlimited for p in prem):
                derived.add(concl)
                stack.append(concl)
            continue
        missing[rid] = len(prem)
        for p in prem:
            watch.setdefault(p, []).append(rid)
    for f in cone:
        if f in premises and premise_ok(f) and f not in derived:
            derived.add(f)
            stack.append(f)
    while stack:
        f = stack.pop()
        for rid in watch.get(f, ()):
            missing[rid] -= 1
            if missing[rid] == 0:
                h = th.rules[rid][1]
                if h not in derived:
                    derived.add(h)
                    stack.append(h)
    return derived


def _defeasible_only(allowed: frozenset[str]) -> Callable[[str, bool], str]:
    """A ``rule_ok`` admitting strict rules and the defeasible rules in ``allowed``."""
    return lambda r, strict: "use" if strict or r in allowed else "no"


class _Pairs:
    """Whether *some* attacker is weaker than *some* target, element by element.

    ``A < B`` needs a ranked member of *A*'s premises (or defeasible rules)
    that every member of *B*'s is above.  For each candidate member -- taken
    from the union over the attackers, which holds exactly the members some
    attacker has -- the question is whether the target has an argument
    built only from what is above it: forward chaining over the target's
    support with everything else left out.
    """

    def __init__(self, bounds: _Bounds, props: _Order, rules: _Order) -> None:
        self.bounds, self.props, self.rules = bounds, props, rules
        self._above: dict[tuple[str, str], frozenset[str]] = {}

    def above(self, kind: str, element: str) -> frozenset[str]:
        """The ranked premises (or rules) preferred to ``element``."""
        key = (kind, element)
        if key not in self._above:
            order, ranked = ((self.props, self.bounds.ranked_formulas) if kind == "premise"
                             else (self.rules, self.bounds.ranked_rules))
            self._above[key] = frozenset(y for y in ranked if order.better(y, element))
        return self._above[key]

    def exists(self, kind: str, members: frozenset[str], t: str) -> bool | None:
        """Is some target for ``t`` above one of ``members`` entirely (None: over budget)?"""
        th = self.bounds.th
        for element in members:
            if not self.bounds.spend(t):
                return None
            above = self.above(kind, element)
            if kind == "premise":
                within = _derived(self.bounds, t, premise_ok=above.__contains__,
                                  rule_ok=lambda r, strict: "use")
            else:
                within = _derived(self.bounds, t, premise_ok=lambda f: True,
                                  rule_ok=_defeasible_only(above))
            if t in self.bounds.premises:
                if t in within:
                    return True
                continue
            for rid in th.concluded_by.get(t, ()):
                prem, _, strict = th.rules[rid]
                if strict or not all(p in within for p in prem):
                    continue
                if kind == "premise" or rid in above:
                    return True
        return False


def _none_weaker(pairs: _Pairs, ordering: str, x: str, t: str) -> bool:
    """Is no argument for ``x`` weaker than any attackable argument for ``t``?

    Exact for last-link; for weakest-link, premises and defeasible rules are
    asked about separately, so a pair found for each but not the same pair
    leaves the conflict unsettled.
    """
    bounds = pairs.bounds
    up = bounds.upper[x]
    if ordering == "last-link":
        if t in bounds.premises:
            if _nonempty(up[2]):
                return False  # an attacker with a defeasible rule is below a premise
            return pairs.exists("premise", up[0][0], t) is False
        # The target's last defeasible rule is its own: the attacker is
        # weaker when one of its last defeasible rules is below it.
        th = bounds.th
        for rid in th.concluded_by.get(t, ()):
            prem, _, strict = th.rules[rid]
            if strict or not all(p in bounds.upper for p in prem):
                continue
            if any(pairs.rules.better(rid, s) for s in up[2][0]):
                return False
        return True
    found = pairs.exists("premise", up[0][0], t)
    if found is None:
        return False
    if not found:
        return True
    if t in bounds.premises:
        return False  # a premise target has no defeasible rule: premises decide
    return pairs.exists("rule", up[1][0], t) is False
