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

When preferences decide attacks (a preference between propositions or rules,
or the last-link ordering, which ranks a premise above any defeasible
argument, for an attack between contradictories), attacks between arguments
with the same assumptions can succeed or fail depending on how the arguments
were built, and the reading above no longer holds; so do c-consistent
arguments (``consistent_premises``) and attacks on attacks.  :func:`why_not`
names the reason and :func:`~argmap.evaluate` builds the arguments instead.
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from argmap.reasoning._framework import Status
from argmap.reasoning._theory import _Theory


def why_not(th: _Theory, ordering: str, *, consistent_premises: bool) -> str | None:
    """Why the direct method would not be exact for this theory, or None when it is."""
    if consistent_premises:
        return "consistent_premises: c-consistent arguments need the arguments' premise sets"
    if any(c.on == "conflict" for c in th.conflicts):
        return "attacks on attacks (AFRA) are read on the arguments"
    pairs = {(c.attacker, c.target) for c in th.conflicts if c.on == "formula"}
    contradictory = any((t, x) in pairs for x, t in pairs)
    if not contradictory:
        return None  # preferences decide only attacks between contradictories
    if th.prop_pref or th.rule_pref:
        return "preferences decide attacks between contradictories, argument by argument"
    if ordering == "last-link":
        return ("last-link ranks premise arguments above defeasible ones in attacks between "
                "contradictories")
    return None


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
    """

    statuses: dict[str, Status]
    accepted: frozenset[str]
    defeated: frozenset[str]
    rounds: int


class _Program:
    """The theory as integers: formulas, rules with their assumption, contraries."""

    def __init__(self, th: _Theory) -> None:
        self.formulas = list(th.formulas)
        index = {f: i for i, f in enumerate(self.formulas)}
        self.index = index
        premises = th.premises()
        # Assumptions: premises first, then defeasible rules.
        self.assumptions: list[str] = [f for f in self.formulas if f in premises]
        self.premise_asm: list[tuple[int, int]] = [
            (index[f], k) for k, f in enumerate(self.assumptions)]
        asm_of_premise = {f: k for k, f in enumerate(self.assumptions)}
        rule_ids = list(th.rules)
        self.bodies: list[tuple[int, ...]] = []
        self.heads: list[int] = []
        self.rule_asm: list[int] = []  # -1 for a strict rule
        asm_of_rule: dict[str, int] = {}
        for rid in rule_ids:
            prem, concl, strict = th.rules[rid]
            self.bodies.append(tuple(index[p] for p in prem))
            self.heads.append(index[concl])
            if strict:
                self.rule_asm.append(-1)
            else:
                asm_of_rule[rid] = len(self.assumptions)
                self.rule_asm.append(len(self.assumptions))
                self.assumptions.append(rid)
        self.watch: list[list[int]] = [[] for _ in self.formulas]
        for r, body in enumerate(self.bodies):
            for p in body:
                self.watch[p].append(r)
        # attacks[x]: the assumptions a formula x is a contrary of.
        self.attacks: list[list[int]] = [[] for _ in self.formulas]
        for c in th.conflicts:
            x = index[c.attacker]
            if c.on == "rule":
                if c.target in asm_of_rule:  # a strict rule cannot be undercut
                    self.attacks[x].append(asm_of_rule[c.target])
                continue
            if c.target in asm_of_premise:
                self.attacks[x].append(asm_of_premise[c.target])
            for rid in th.concluded_by.get(c.target, ()):
                if rid in asm_of_rule:
                    self.attacks[x].append(asm_of_rule[rid])
        self.synthetic = th.synthetic

    def derive(self, allowed: bytearray) -> bytearray:
        """The formulas that follow from the allowed assumptions (forward chaining)."""
        derived = bytearray(len(self.formulas))
        missing = [len(b) for b in self.bodies]
        stack = [i for i, k in self.premise_asm if allowed[k]]
        for i in stack:
            derived[i] = 1
        heads, rule_asm, watch = self.heads, self.rule_asm, self.watch
        while stack:
            f = stack.pop()
            for r in watch[f]:
                missing[r] -= 1
                if missing[r] == 0:
                    h = heads[r]
                    a = rule_asm[r]
                    if not derived[h] and (a < 0 or allowed[a]):
                        derived[h] = 1
                        stack.append(h)
        return derived

    def attacked(self, derived: bytearray) -> bytearray:
        """The assumptions some derived formula is a contrary of."""
        out = bytearray(len(self.assumptions))
        attacks = self.attacks
        for x, d in enumerate(derived):
            if d:
                for a in attacks[x]:
                    out[a] = 1
        return out


def _complement(flags: bytearray) -> bytearray:
    return bytearray(1 - v for v in flags)


def grounded_direct(th: _Theory) -> DirectGrounded:
    """The grounded statuses of a theory's formulas, by the assumption fixpoint.

    Only exact when :func:`why_not` returns None for the theory.
    """
    prog = _Program(th)
    n = len(prog.assumptions)
    everything = bytearray(b"\x01" * n)
    possible = prog.derive(everything)
    accepted = bytearray(n)  # S_0: nothing
    rounds = 0
    while True:
        rounds += 1
        defeated = prog.attacked(prog.derive(accepted))
        not_defeated = _complement(defeated)
        still = prog.derive(not_defeated)
        nxt = _complement(prog.attacked(still))
        if nxt == accepted:
            break
        accepted = nxt
    derived = prog.derive(accepted)
    statuses: dict[str, Status] = {}
    for i, f in enumerate(prog.formulas):
        if f in prog.synthetic:
            continue
        if derived[i]:
            statuses[f] = Status.IN
        elif possible[i] and not still[i]:
            statuses[f] = Status.OUT
        else:
            statuses[f] = Status.UNDEC
    return DirectGrounded(
        statuses=statuses,
        accepted=_names(prog.assumptions, accepted),
        defeated=_names(prog.assumptions, defeated),
        rounds=rounds,
    )


def _names(names: Sequence[str], flags: bytearray) -> frozenset[str]:
    return frozenset(a for a, v in zip(names, flags, strict=True) if v)
