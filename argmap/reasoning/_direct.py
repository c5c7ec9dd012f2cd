"""Grounded statuses straight from the theory, without building arguments.

Where argument preferences cannot change which attacks succeed, the defeat
graph of the ASPIC+ reading (see :mod:`._aspic`) is that of a flat
assumption-based framework (Bondarenko, Dung, Kowalski & Toni 1997; the
translation of Prakken 2010 and Heyninck & Straßer 2016):

* every premise ``p`` is an assumption, attacked by whatever concludes a
  contrary of ``p`` (undermining);
* every defeasible rule ``r: p1, ..., pn => c`` is the strict rule
  ``p1, ..., pn, ok(r) -> c`` with an assumption ``ok(r)``, attacked by
  whatever concludes a contrary of ``c`` (rebutting) or of the rule's name
  (undercutting); strict rules have no assumption, as they cannot be
  attacked.

An ASPIC+ argument then defeats another exactly when its conclusion is a
contrary of one of the other's assumptions, so the grounded extension is
characterised by a set of assumptions (Dung, Mancarella & Toni 2007): the
least fixpoint of ``F(S) = {a | no contrary of a follows from the
assumptions that S does not attack}``.  Each application of ``F`` is two
forward-chaining passes over the rules (linear in the size of the map), and
``F`` is applied until nothing changes, so the cost is the size of the map
times the depth of the grounded computation -- never the number of
arguments, which grows multiplicatively with linked premises.  From the
fixpoint ``G``:

* a proposition is ``IN`` when it follows from ``G`` (it has an argument
  using only assumptions in ``G``, and those are exactly the ``IN``
  arguments);
* ``OUT`` when it follows from all assumptions (it has an argument) but not
  from those that ``G`` leaves unattacked (every argument for it uses an
  assumption an ``IN`` argument attacks);
* ``UNDEC`` otherwise.

Circular arguments, which the construction leaves out, change nothing here:
each has a non-circular sub-argument with the same conclusion and fewer
assumptions.

Preferences decide only attacks between contradictories, and there the
comparison is made argument by argument.  Under the orderings argmap offers
the comparison is monotone in the two arguments' premise and rule sets, so
:mod:`._settle` bounds those sets over all the arguments for a formula and
settles each such conflict for all its attacks at once where the bounds
agree: every attack succeeds (an ordinary contrary) or none does (the
conflict is set aside).  With every conflict settled, the reading above
holds again and the fixpoint is exact, with preferences (weakest- or
last-link, either reading of preferences between conclusions).  A conflict
the bounds cannot settle and c-consistent arguments (``consistent_premises``)
need the arguments: :func:`plan` names the reason and
:func:`~argmap.evaluate` builds them instead.

Attacks on attacks (AFRA, see :mod:`._afra`) fit the reading: a conflict
that is itself attacked attacks through a formula of its own, concluded
from its attacker by a defeasible rule of its own, and each conflict aimed
at it undercuts that rule.  The argument for that formula is defeated
exactly when AFRA defeats the attack -- its source is defeated, or an attack
on it succeeds -- so the grounded statuses are AFRA's.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterable, Sequence

import attrs

from argmap.reasoning._arguments import support_components
from argmap.reasoning._framework import Status
from argmap.reasoning._settle import settle
from argmap.reasoning._theory import _Theory


@attrs.frozen(slots=True)
class Plan:
    """Whether the direct method is exact for a theory, and the conflicts it sets aside.

    Attributes:
        reason: why the direct method would not be exact, or None when it is.
        fails: ids of conflicts between contradictories none of whose
            attacks succeeds under the preferences (see :mod:`._settle`).
    """

    reason: str | None
    fails: frozenset[str] = frozenset()


def plan(th: _Theory, ordering: str, *, consistent_premises: bool,
         conclusion_preferences: str = "lift") -> Plan:
    """Decide whether the direct method is exact for the theory (see the module documentation)."""
    if consistent_premises:
        return Plan("consistent_premises: c-consistent arguments need the arguments' premise sets")
    pairs = {(c.attacker, c.target) for c in th.conflicts if c.on == "formula"}
    contradictory = [(c.id, c.attacker, c.target) for c in th.conflicts
                     if c.on == "formula" and (c.target, c.attacker) in pairs]
    if not contradictory:
        return Plan(None)  # preferences decide only attacks between contradictories
    if ordering == "weakest-link" and not th.prop_pref and not th.rule_pref:
        return Plan(None)  # nothing ranked: no argument is weaker than another
    # The first conflict left unsettled decides: the arguments are built then.
    settled = settle(th, ordering, conclusion_preferences, contradictory, first=True)
    if settled.depends:
        return Plan(f"preferences decide the attacks of conflict {settled.depends[0]!r} "
                    "argument by argument: some succeed and others fail, depending on the "
                    "arguments' premises and rules", settled.fails)
    return Plan(None, settled.fails)


@attrs.frozen(slots=True)
class DirectGrounded:
    """The grounded fixpoint of a theory read as assumption-based argumentation.

    Attributes:
        statuses: the status of each formula that is not synthetic, in the
            theory's order.
        accepted: the assumptions in the grounded set: premise formulas and
            defeasible rule ids.
        defeated: the assumptions some ``IN`` argument attacks.
        rounds: how many times the fixpoint operator was applied.
        undecided: how many assumptions are neither accepted nor defeated;
            when none is, the grounded statuses are also the preferred and
            the stable ones (see :func:`grounded_direct`).
    """

    statuses: dict[str, Status]
    accepted: frozenset[str]
    defeated: frozenset[str]
    rounds: int
    undecided: int = 0
    # The program and the three derivations, kept for explanations (see _explain).
    program: _Program | None = attrs.field(default=None, eq=False, repr=False)
    grounded: _Growing | None = attrs.field(default=None, eq=False, repr=False)
    possible: _Growing | None = attrs.field(default=None, eq=False, repr=False)
    still: _Growing | None = attrs.field(default=None, eq=False, repr=False)


# Suffix of the formula standing for "this conflict's attack stands".
_HOLDS = "#holds"


def _csr(n: int, keys: array[int], values: array[int]) -> tuple[array[int], array[int]]:
    """The values grouped by key ``0 .. n-1``: offsets and one flat array (a counting sort).

    Flat arrays of machine integers rather than a list per key: on a large map,
    hundreds of thousands of small lists would each be scanned by the garbage
    collector, whose full passes then cost more than the reasoning.
    """
    starts = array("q", bytes(8 * (n + 1)))
    for k in keys:
        starts[k + 1] += 1
    for i in range(n):
        starts[i + 1] += starts[i]
    fill = array("q", starts)
    flat = array("q", bytes(8 * len(values)))
    for k, v in zip(keys, values, strict=True):
        flat[fill[k]] = v
        fill[k] += 1
    return starts, flat


class _Program:
    """The theory as integers: formulas, rules with their assumption, contraries.

    Assumptions ``0 .. n_premises - 1`` are the premises, the others the
    defeasible rules.  Lists of lists are flattened (see :func:`_csr`).
    """

    def __init__(self, th: _Theory, fails: frozenset[str] = frozenset()) -> None:
        # An attacked conflict attacks only while its attack stands: its
        # attacker concludes, by a defeasible rule of its own, a formula
        # that attacks in its place, and conflicts on it undercut that rule.
        attacked = {c.target for c in th.conflicts
                    if c.on == "conflict" and c.target not in fails}
        self.holds = {c.id + _HOLDS: c.attacker for c in th.conflicts if c.id in attacked}
        self._extra = {h: ((x,), h, False) for h, x in self.holds.items()}
        rules = th.rules if not self._extra else {**th.rules, **self._extra}
        self.formulas = list(th.formulas)
        self.formulas.extend(self.holds)
        self.rule_ids = list(rules)
        nf = len(self.formulas)
        index = {f: i for i, f in enumerate(self.formulas)}
        # Rules first, numbering their assumptions from 0; premises are
        # numbered before them once known (the formulas no rule concludes).
        rule_names: list[str] = []
        self.heads = array("q")
        self.rule_asm = array("q")  # -1 for a strict rule
        self.body_len = array("q")
        not_premise = bytearray(nf)
        keys, values = array("q"), array("q")
        for r, (rid, (prem, concl, strict)) in enumerate(rules.items()):
            for p in prem:
                keys.append(index[p])
                values.append(r)
            self.body_len.append(len(prem))
            h = index[concl]
            self.heads.append(h)
            not_premise[h] = 1
            if strict:
                self.rule_asm.append(-1)
            else:
                self.rule_asm.append(len(rule_names))
                rule_names.append(rid)
        for i in {index[f] for f in th.excluded if f in index}:
            not_premise[i] = 1  # outside the knowledge base (a perspective)
        self.premise_formula = array("q", [i for i in range(nf) if not not_premise[i]])
        self.assumptions: list[str] = [self.formulas[i] for i in self.premise_formula]
        self.n_premises = n_premises = len(self.assumptions)
        self.assumptions.extend(rule_names)
        self.rule_asm = array("q", [a + n_premises if a >= 0 else -1 for a in self.rule_asm])
        # Assumption numbers only for what conflicts target: dictionaries over
        # every premise and rule would cost more than the rest on a large map.
        targets = {c.target if c.on != "conflict" else c.target + _HOLDS
                   for c in th.conflicts if c.id not in fails}
        asm_of_premise = {self.formulas[i]: k for k, i in enumerate(self.premise_formula)
                          if self.formulas[i] in targets}
        rule_targets = set(targets)
        for t in targets:
            rule_targets.update(th.concluded_by.get(t, ()))
        asm_of_rule = {rid: n_premises + j for j, rid in enumerate(rule_names)
                       if rid in rule_targets}
        self.asm_rule = array("q", [r for r, a in enumerate(self.rule_asm) if a >= 0])
        self.watch_start, self.watch = _csr(len(self.formulas), keys, values)
        # The assumptions each formula is a contrary of, and through which
        # conflict (an index into self.conflicts, kept for explanations).
        keys, values = array("q"), array("q")
        self.conflicts: list[str] = []
        through = array("q")
        for c in th.conflicts:
            if c.id in fails:
                continue  # the preferences defeat every attack it makes
            x = index[c.id + _HOLDS] if c.id in attacked else index[c.attacker]
            k = len(self.conflicts)
            self.conflicts.append(c.id)
            if c.on != "formula":
                target = c.target if c.on == "rule" else c.target + _HOLDS
                if target in asm_of_rule:  # a strict rule cannot be undercut
                    keys.append(x)
                    values.append(asm_of_rule[target])
                    through.append(k)
                continue
            if c.target in asm_of_premise:
                keys.append(x)
                values.append(asm_of_premise[c.target])
                through.append(k)
            for rid in th.concluded_by.get(c.target, ()):
                if rid in asm_of_rule:
                    keys.append(x)
                    values.append(asm_of_rule[rid])
                    through.append(k)
        self.attack_start, self.attack = _csr(len(self.formulas), keys, values)
        self.attack_keys, self.attack_values, self.attack_through = keys, values, through
        self.synthetic = {index[f] for f in (*th.synthetic, *self.holds) if f in index}
        self._th = th
        self._index: dict[str, int] | None = None
        self._by_head: dict[int, list[int]] | None = None
        self._attackers: dict[int, list[tuple[int, int]]] | None = None
        self._cyclic: set[int] | None = None
        self._premise_asm: dict[int, int] | None = None

    # Lookups for explanations (see _explain), made when first asked for.
    def index(self) -> dict[str, int]:
        """Formula index by id."""
        if self._index is None:
            self._index = {f: i for i, f in enumerate(self.formulas)}
        return self._index

    def body(self, r: int) -> list[int]:
        """The premises of rule ``r``, as formula indices."""
        index = self.index()
        rid = self.rule_ids[r]
        rule = self._extra[rid] if rid in self._extra else self._th.rules[rid]
        return [index[p] for p in rule[0]]

    def rules_of(self, f: int) -> list[int]:
        """The rules concluding formula ``f``."""
        if self._by_head is None:
            self._by_head = {}
            for r, h in enumerate(self.heads):
                self._by_head.setdefault(h, []).append(r)
        return self._by_head.get(f, [])

    def attackers(self) -> dict[int, list[tuple[int, int]]]:
        """For each assumption, the formulas attacking it and through which conflict."""
        if self._attackers is None:
            self._attackers = {}
            for x, a, c in zip(self.attack_keys, self.attack_values, self.attack_through,
                               strict=True):
                self._attackers.setdefault(a, []).append((x, c))
        return self._attackers

    def in_cycle(self, f: int) -> bool:
        """Whether formula ``f`` lies on a support cycle."""
        if self._cyclic is None:
            index = self.index()
            self._cyclic = {index[g] for comp in support_components(self._th)
                            if len(comp) > 1 for g in comp}
        return f in self._cyclic

    def premise_assumption(self) -> dict[int, int]:
        """The assumption of each premise formula."""
        if self._premise_asm is None:
            self._premise_asm = {f: k for k, f in enumerate(self.premise_formula)}
        return self._premise_asm


class _Growing:
    """What follows from a growing set of assumptions, kept up to date as it grows.

    The grounded set only grows from one round to the next, so what follows
    from it is extended rather than derived again: over all rounds, every
    rule is looked at once per premise.
    """

    def __init__(self, prog: _Program) -> None:
        self.prog = prog
        self.allowed = bytearray(len(prog.assumptions))
        self.derived = bytearray(len(prog.formulas))
        self.attacked = bytearray(len(prog.assumptions))
        self.missing = array("q", prog.body_len)
        # The rule each formula was first derived by (-1: a premise), so that
        # an argument for it can be read back without building any other.
        self.via = array("q", bytes(8 * len(prog.formulas)))

    def copy(self) -> _Growing:
        """An independent copy, to be grown further (flat copies of the arrays)."""
        out = _Growing.__new__(_Growing)
        out.prog = self.prog
        out.allowed, out.derived = bytearray(self.allowed), bytearray(self.derived)
        out.attacked = bytearray(self.attacked)
        out.missing, out.via = array("q", self.missing), array("q", self.via)
        return out

    def allow(self, new: list[int]) -> None:
        """Add assumptions, and derive what now follows (and what it attacks)."""
        prog, derived, missing, allowed = self.prog, self.derived, self.missing, self.allowed
        heads, rule_asm, ws, watch = prog.heads, prog.rule_asm, prog.watch_start, prog.watch
        starts, attack, attacked = prog.attack_start, prog.attack, self.attacked
        via = self.via
        stack: list[int] = []
        for k in new:
            allowed[k] = 1
            if k < prog.n_premises:
                f = prog.premise_formula[k]
            else:
                r = prog.asm_rule[k - prog.n_premises]
                if missing[r]:
                    continue
                f = heads[r]
                if not derived[f]:
                    via[f] = r + 1
            if not derived[f]:
                derived[f] = 1
                stack.append(f)
        while stack:
            f = stack.pop()
            for j in range(starts[f], starts[f + 1]):
                attacked[attack[j]] = 1
            for j in range(ws[f], ws[f + 1]):
                r = watch[j]
                missing[r] -= 1
                if missing[r] == 0:
                    h = heads[r]
                    a = rule_asm[r]
                    if not derived[h] and (a < 0 or allowed[a]):
                        derived[h] = 1
                        via[h] = r + 1
                        stack.append(h)


def _follows(prog: _Program, assumptions: Iterable[int]) -> _Growing:
    """What follows from a set of assumptions (and what that attacks), from scratch."""
    out = _Growing(prog)
    out.allow(list(assumptions))
    return out


def grounded_direct(th: _Theory, fails: frozenset[str] = frozenset()) -> DirectGrounded:
    """The grounded statuses of a theory's formulas, by the assumption fixpoint.

    Only exact when :func:`plan` finds no reason against it; ``fails`` are
    the conflicts it found to make no successful attack.

    When the grounded set ``G`` attacks every assumption outside it
    (``undecided == 0``), ``G`` is the only complete set: a complete set
    contains ``G`` and, being conflict-free, none of what ``G`` attacks.  Then
    every argument is ``IN`` or attacked by an ``IN`` one, the grounded
    labelling is the only complete labelling, hence the only preferred and
    the only stable one, and the statuses here hold under those semantics too.
    """
    prog = _Program(th, fails)
    # What follows from the assumptions nothing can attack is the same in
    # every round: derive it once and grow copies of it, so that a round
    # costs what the attackable assumptions add, not the whole map.
    can_fall = bytearray(len(prog.assumptions))
    for a in prog.attack:
        can_fall[a] = 1
    attackable = [k for k, v in enumerate(can_fall) if v]
    base = _follows(prog, [k for k, v in enumerate(can_fall) if not v])
    possible = base.copy()
    possible.allow(attackable)
    # The unattackable assumptions belong to the grounded set from the start
    # (no round can exclude them), which changes nothing in its fixpoint.
    grounded = base.copy()
    rounds = 0
    while True:
        rounds += 1
        hit = grounded.attacked
        still = base.copy()  # what follows from the assumptions the set does not attack
        still.allow([k for k in attackable if not hit[k]])
        out, allowed = still.attacked, grounded.allowed
        new = [k for k in attackable if not out[k] and not allowed[k]]
        if not new:
            break
        grounded.allow(new)
    derived = grounded.derived
    statuses: dict[str, Status] = {}
    n = len(prog.assumptions)
    # Flags are 0 or 1 per byte, so the bytes' union is the integers' (at C speed).
    decided = (int.from_bytes(grounded.allowed, "little")
               | int.from_bytes(grounded.attacked, "little")).to_bytes(n, "little")
    synthetic = prog.synthetic
    for i, f in enumerate(prog.formulas):
        if synthetic and i in synthetic:
            continue
        if derived[i]:
            statuses[f] = Status.IN
        elif possible.derived[i] and not still.derived[i]:
            statuses[f] = Status.OUT
        else:
            statuses[f] = Status.UNDEC
    return DirectGrounded(
        statuses=statuses,
        accepted=_names(prog.assumptions, grounded.allowed),
        defeated=_names(prog.assumptions, grounded.attacked),
        rounds=rounds,
        undecided=decided.count(0),
        program=prog,
        grounded=grounded,
        possible=possible,
        still=still,
    )


def _names(names: Sequence[str], flags: bytearray) -> frozenset[str]:
    return frozenset(a for a, v in zip(names, flags, strict=True) if v)
