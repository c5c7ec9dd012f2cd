"""Building the argument graph: arguments from the theory, then attacks and defeats under an
ordering (the construction that the direct grounded method avoids where it can)."""

from __future__ import annotations

from argmap._nodes import ConflictKind
from argmap.reasoning._afra import AttackSpec, afra_framework
from argmap.reasoning._arguments import build_arguments
from argmap.reasoning._framework import (
    FrameworkError,
)
from argmap.reasoning._size import COUNT_CAP, count_arguments
from argmap.reasoning._structures import Argument, Attack, StructuredFramework
from argmap.reasoning._theory import (
    _Order,
    _textbook_orders,
    _Theory,
)

__all__ = [
    "ancestors",
    "construct_framework",
]


def construct_framework(
    th: _Theory, *, ordering: str, max_arguments: int, perspective: str | None,
    conclusion_preferences: str, consistent_premises: bool,
) -> StructuredFramework:
    """Build the arguments and defeat graph of a theory (see :func:`build_framework`)."""
    if not consistent_premises:
        # Counting is one pass over the rules: refuse before building anything.
        size = count_arguments(th)
        if size > max_arguments:
            figure = f"at least {COUNT_CAP:,}" if size >= COUNT_CAP else f"{size:,}"
            raise FrameworkError(
                f"the map yields {figure} ASPIC+ arguments, more than {max_arguments:,} "
                "arguments (linked premises with several arguments each multiply); grounded "
                "semantics is computed without building them unless preferences split a "
                "conflict or consistent premises are asked for; raise max_arguments to build "
                "them anyway"
            )
    args, by_conc = build_arguments(th, max_arguments, consistent_premises=consistent_premises)
    n = len(args.conc)
    names = [f"A{i + 1}" for i in range(n)]

    by_rule: dict[str, list[int]] = {}
    parents: list[list[int]] = [[] for _ in range(n)]
    for i in range(n):
        r = args.rule[i]
        if r is not None:
            by_rule.setdefault(r, []).append(i)
        for s in set(args.subs[i]):
            parents[s].append(i)

    direct_conclusions = conclusion_preferences == "decide"
    if direct_conclusions:
        props = _Order(th.prop_pref)
        rules_order = _Order(th.rule_pref)
    else:
        props, rules_order = _textbook_orders(th)

    def weaker(a: int, b: int) -> bool:
        ca, cb = args.conc[a], args.conc[b]
        if direct_conclusions and props.better(cb, ca):
            return True
        if direct_conclusions and props.better(ca, cb):
            return False
        if ordering == "last-link":
            la, lb = args.lastdef[a], args.lastdef[b]
            if not la and not lb:
                return props.set_less(args.prem[a], args.prem[b])
            return rules_order.set_less(la, lb)
        da, db = args.defrules[a], args.defrules[b]
        if not da and not db:
            return props.set_less(args.prem[a], args.prem[b])
        return props.set_less(args.prem[a], args.prem[b]) and rules_order.set_less(da, db)

    pairs = {(x, t) for _, x, t in th.contraries}
    direct: list[Attack] = []
    specs: list[AttackSpec] = []
    # attack ids (that succeed) by the conflict they come from
    made: dict[str, list[str]] = {}
    for c in th.conflicts:
        if c.on == "conflict":
            continue
        cid, x, t = c.id, c.attacker, c.target
        made[cid] = []
        attackers = by_conc.get(x, [])
        if not attackers:
            continue
        if c.on == "rule":
            if th.rules[t][2]:
                continue  # a strict rule cannot be undercut
            targets = [(b, ConflictKind.UNDERCUT) for b in by_rule.get(t, ())]
            contradictory = False
        else:
            contradictory = (t, x) in pairs
            targets = [
                (b, ConflictKind.UNDERMINE if args.rule[b] is None else ConflictKind.REBUT)
                for b in by_conc.get(t, ())
                if args.rule[b] is None or not args.strict_top[b]
            ]
        for b, kind in targets:
            for a in attackers:
                ok = kind is ConflictKind.UNDERCUT or not contradictory or not weaker(a, b)
                aid = f"{cid}:{names[a]}>{names[b]}"
                direct.append(Attack(id=aid, attacker=names[a], target=names[b], kind=kind,
                                     conflict=cid, contradictory=contradictory, defeat=ok))
                if ok:
                    made[cid].append(aid)
                    specs.append((aid, names[a], tuple(names[k] for k in ancestors(b, parents))))
    # Conflicts on conflicts, each after the conflict it targets (read_theory
    # has removed circles): every argument for the attacker defeats every
    # attack the targeted conflict makes.
    pending = [c for c in th.conflicts if c.on == "conflict"]
    while pending:
        ready = [c for c in pending if c.target in made]
        for c in ready:
            pending.remove(c)
            made[c.id] = []
            for d in by_conc.get(c.attacker, []):
                for target_attack in made[c.target]:
                    aid = f"{c.id}:{names[d]}>({target_attack})"
                    direct.append(Attack(id=aid, attacker=names[d], target=target_attack,
                                         kind=ConflictKind.UNDERCUT, conflict=c.id,
                                         contradictory=False, defeat=True, on_attack=True))
                    made[c.id].append(aid)
                    specs.append((aid, names[d], (target_attack,)))
        if not ready:  # pragma: no cover - read_theory drops circles of conflicts
            raise FrameworkError("conflicts attack each other in a circle")

    af, lifted = afra_framework(names, specs)

    arguments = {
        names[i]: Argument(
            id=names[i], conclusion=args.conc[i], rule=args.rule[i],
            sub_arguments=tuple(names[s] for s in args.subs[i]), premises=args.prem[i],
            rules=args.rules[i], strict=args.strict_top[i],
        )
        for i in range(n)
    }
    return StructuredFramework(
        arguments=arguments,
        attacks=tuple(direct),
        framework=af,
        by_conclusion={f: tuple(names[i] for i in by_conc[f])
                       for f in th.formulas if f not in th.synthetic},
        premises=th.premises() - th.synthetic,
        ordering=ordering,
        attack_arguments=lifted,
        unread=dict(th.unread),
        perspective=perspective,
    )


def ancestors(b: int, parents: list[list[int]]) -> list[int]:
    """``b`` and every argument that contains it as a sub-argument."""
    seen = {b}
    out = [b]
    stack = [b]
    while stack:
        for p in parents[stack.pop()]:
            if p not in seen:
                seen.add(p)
                out.append(p)
                stack.append(p)
    return out
