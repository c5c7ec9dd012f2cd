"""Why one proposition is IN or OUT, read from the grounded fixpoint or the arguments.

After the direct method (see :mod:`._direct`) nothing else is built: an
``IN`` proposition is explained by the argument its derivation in the
grounded set traced (each formula remembers the rule that first derived it,
and the premises of that rule were derived before it, so the trace is a
finite tree), and an ``OUT`` one by the successful attacks that cut every
argument for it, found by walking back from it through the rules only as far
as the first assumption (premise or defeasible rule) an ``IN`` proposition
attacks.  The walk looks at each formula of the proposition's support at most
once, so it costs at most the size of that support, never the number of
arguments.  After the construction the same explanation is read from the
arguments and their labels.
"""

from __future__ import annotations

from collections.abc import Mapping

import attrs

from argmap.reasoning._direct import DirectGrounded, _Program
from argmap.reasoning._framework import Labelling, Status
from argmap.reasoning._structures import Argument, StructuredFramework

__all__ = ["Explanation"]


@attrs.frozen(slots=True, kw_only=True)
class Explanation:
    """Why a proposition has its status under grounded semantics.

    Attributes:
        node: the proposition's id.
        status: its status.
        rule: for ``IN``: the last inference (RA) or rephrase (MA) of an
            ``IN`` argument for it, or None when that argument is the
            premise itself; None otherwise.
        premises: for ``IN``: the premises that argument rests on.
        rules: for ``IN``: every rule that argument uses.
        defeats: for ``OUT``: ``(conflict, attacker, target)`` triples --
            the conflict (CA) id, an ``IN`` proposition attacking through
            it, and the premise or inference it attacks -- such that every
            argument for the proposition rests on an attacked premise or
            uses an attacked inference.  Empty for ``IN`` and ``UNDEC``.
    """

    node: str
    status: Status
    rule: str | None = None
    premises: frozenset[str] = frozenset()
    rules: frozenset[str] = frozenset()
    defeats: tuple[tuple[str, str, str], ...] = ()


def explain_direct(found: DirectGrounded, node: str, status: Status) -> Explanation:
    """The explanation from the direct method's records (see the module documentation)."""
    prog, grounded, possible, still = found.program, found.grounded, found.possible, found.still
    assert prog is not None and grounded is not None and possible is not None
    assert still is not None
    f = prog.index()[node]
    if status is Status.IN:
        premises: set[str] = set()
        rules: set[str] = set()
        seen = {f}
        stack = [f]
        while stack:
            g = stack.pop()
            r = grounded.via[g] - 1
            if r < 0:
                premises.add(prog.formulas[g])
                continue
            rules.add(prog.rule_ids[r])
            for p in prog.body(r):
                if p not in seen:
                    seen.add(p)
                    stack.append(p)
        r = grounded.via[f] - 1
        return Explanation(node=node, status=status,
                           rule=None if r < 0 else prog.rule_ids[r],
                           premises=frozenset(premises), rules=frozenset(rules))
    if status is not Status.OUT:
        return Explanation(node=node, status=status)
    # Walk back from the node through rules whose assumption stands, into one
    # premise each that does not follow once the attacked assumptions are set
    # aside; every argument for the node contains such a path, so ends at a
    # recorded assumption.
    hit = grounded.attacked
    attackers = prog.attackers()
    premise_asm = prog.premise_assumption()
    cut: dict[int, None] = {}
    seen = {f}
    stack = [f]
    while stack:
        g = stack.pop()
        if g in premise_asm:
            cut[premise_asm[g]] = None
            continue
        for r in prog.rules_of(g):
            body = prog.body(r)
            if not all(possible.derived[p] for p in body) or not _has_argument(prog, body, g):
                continue  # no argument ends with this rule
            a = prog.rule_asm[r]
            if a >= 0 and hit[a]:
                cut[a] = None
                continue
            p = next(p for p in body if not still.derived[p])
            if p not in seen:
                seen.add(p)
                stack.append(p)
    defeats = []
    for a in cut:
        x, c = next((x, c) for x, c in attackers[a] if grounded.derived[x])
        attacker = prog.formulas[x]
        defeats.append((prog.conflicts[c], prog.holds.get(attacker, attacker),
                        prog.assumptions[a]))
    return Explanation(node=node, status=status, defeats=tuple(defeats))


def _has_argument(prog: _Program, body: list[int], g: int) -> bool:
    """Whether a rule for ``g`` with premises ``body`` yields a non-circular argument.

    Derivability from the knowledge base is enough outside support cycles;
    inside one, the premises must follow without ``g`` itself, which is
    checked by forward chaining over what they rest on.
    """
    if not prog.in_cycle(g):
        return True
    cone: set[int] = set()
    stack = list(body)
    while stack:
        f = stack.pop()
        if f == g or f in cone:
            continue
        cone.add(f)
        for r in prog.rules_of(f):
            stack.extend(prog.body(r))
    premise_asm = prog.premise_assumption()
    derived = {f for f in cone if f in premise_asm}
    changed = True
    while changed:
        changed = False
        for f in cone - derived:
            if any(all(p in derived for p in prog.body(r)) for r in prog.rules_of(f)):
                derived.add(f)
                changed = True
    return all(p in derived for p in body)


def explain_structure(sf: StructuredFramework, labels: Labelling, node: str,
                      status: Status) -> Explanation:
    """The explanation from the built arguments and their grounded labels."""
    args = sf.arguments
    ids = sf.by_conclusion.get(node, ())
    if status is Status.IN:
        a = args[next(i for i in ids if labels[i] is Status.IN)]
        return Explanation(node=node, status=status, rule=a.rule, premises=a.premises,
                           rules=a.rules)
    if status is not Status.OUT:
        return Explanation(node=node, status=status)
    on: dict[str, list[tuple[str, str]]] = {}
    for x in sf.attacks:
        if not x.defeat or x.on_attack or labels[x.attacker] is not Status.IN:
            continue
        if x.id in labels and labels[x.id] is not Status.IN:
            continue  # an attack that is itself attacked (AFRA) and does not stand
        on.setdefault(x.target, []).append((x.conflict, args[x.attacker].conclusion))
    found: dict[tuple[str, str, str], None] = {}
    for i in ids:
        hit = _first_hit(args, on, i)
        if hit is not None:
            found[hit] = None
    return Explanation(node=node, status=status, defeats=tuple(found))


def _first_hit(args: Mapping[str, Argument], on: dict[str, list[tuple[str, str]]],
               top: str) -> tuple[str, str, str] | None:
    """A successful attack by an ``IN`` argument on ``top`` or one of its sub-arguments."""
    stack, seen = [top], {top}
    while stack:
        i = stack.pop()
        a = args[i]
        if i in on:
            conflict, attacker = on[i][0]
            return conflict, attacker, a.rule if a.rule is not None else a.conclusion
        for s in a.sub_arguments:
            if s not in seen:
                seen.add(s)
                stack.append(s)
    return None
