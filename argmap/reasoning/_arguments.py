"""ASPIC+ arguments built from a theory (see :mod:`.aspic` for the construction)."""

from __future__ import annotations

import itertools
from collections.abc import Sequence

import attrs

from argmap.reasoning._framework import FrameworkError
from argmap.reasoning._graph import strongly_connected
from argmap.reasoning._theory import _Theory

# Arguments through a support cycle are enumerated path by path (recursively).
_MAX_CYCLE = 200


@attrs.define
class _Args:
    conc: list[str] = attrs.Factory(list)
    rule: list[str | None] = attrs.Factory(list)
    subs: list[tuple[int, ...]] = attrs.Factory(list)
    prem: list[frozenset[str]] = attrs.Factory(list)
    rules: list[frozenset[str]] = attrs.Factory(list)
    defrules: list[frozenset[str]] = attrs.Factory(list)
    lastdef: list[frozenset[str]] = attrs.Factory(list)
    strict_top: list[bool] = attrs.Factory(list)
    key: dict[tuple[str | None, str, tuple[int, ...]], int] = attrs.Factory(dict)


def build_arguments(
    th: _Theory, limit: int, *, consistent_premises: bool = False
) -> tuple[_Args, dict[str, list[int]]]:
    """Every argument of the theory, and argument indices by conclusion.

    With ``consistent_premises``, an argument whose premises include a formula
    and one of its contraries or contradictories is not built (the
    c-consistent arguments of Modgil & Prakken 2013).
    """
    out = _Args()
    by_conc: dict[str, list[int]] = {f: [] for f in th.formulas}
    clash: dict[str, set[str]] = {}
    if consistent_premises:
        for _, x, t in th.contraries:
            clash.setdefault(x, set()).add(t)
            clash.setdefault(t, set()).add(x)

    def consistent(subs: tuple[int, ...]) -> bool:
        prem: set[str] = set()
        for sub in subs:
            prem |= out.prem[sub]
        return not any(clash.get(p, set()) & prem for p in prem)

    def make(conc: str, rule: str | None, subs: tuple[int, ...]) -> int:
        k = (rule, conc, subs)
        if k in out.key:
            return out.key[k]
        if clash and not consistent(subs):
            return -1
        idx = len(out.conc)
        if idx >= limit:
            raise FrameworkError(
                f"the map yields more than {limit:,} arguments (linked premises with several "
                "arguments each multiply); raise max_arguments to evaluate it anyway"
            )
        out.key[k] = idx
        out.conc.append(conc)
        out.rule.append(rule)
        out.subs.append(subs)
        if rule is None:
            out.prem.append(frozenset((conc,)))
            out.rules.append(frozenset())
            out.defrules.append(frozenset())
            out.lastdef.append(frozenset())
            out.strict_top.append(False)
        else:
            strict = th.rules[rule][2]
            prem: set[str] = set()
            used: set[str] = {rule}
            defr: set[str] = set() if strict else {rule}
            last: set[str] = set()
            for s in subs:
                prem |= out.prem[s]
                used |= out.rules[s]
                defr |= out.defrules[s]
                if strict:
                    last |= out.lastdef[s]
            out.prem.append(frozenset(prem))
            out.rules.append(frozenset(used))
            out.defrules.append(frozenset(defr))
            out.lastdef.append(frozenset(last) if strict else frozenset((rule,)))
            out.strict_top.append(strict)
        by_conc[conc].append(idx)
        return idx

    components = support_components(th)
    for comp in components:
        members = set(comp)
        # A one-formula component is acyclic: _theory drops rules concluding a premise.
        if len(comp) == 1:
            f = comp[0]
            if f not in th.concluded_by:
                if f not in th.excluded:
                    make(f, None, ())
                continue
            for rid in th.concluded_by[f]:
                prem = th.rules[rid][0]
                for combo in itertools.product(*(by_conc[p] for p in prem)):
                    make(f, rid, combo)  # -1 (not built) needs no handling here
            continue
        if len(comp) > _MAX_CYCLE:
            raise FrameworkError(
                f"{len(comp)} propositions support each other in one circle (e.g. "
                f"{', '.join(map(repr, comp[:3]))}); argmap builds arguments through support "
                f"cycles of at most {_MAX_CYCLE} propositions (see lint's support-cycle)"
            )
        memo: dict[tuple[str, frozenset[str]], list[int]] = {}

        def within(f: str, path: frozenset[str], members: set[str] = members,
                   memo: dict[tuple[str, frozenset[str]], list[int]] = memo) -> list[int]:
            key = (f, path)
            if key in memo:
                return memo[key]
            found: list[int] = []
            inner = path | {f}
            for rid in th.concluded_by.get(f, ()):
                lists: list[Sequence[int]] = []
                for p in th.rules[rid][0]:
                    if p in members:
                        if p in inner:
                            break
                        lists.append(within(p, inner))
                    else:
                        lists.append(by_conc[p])
                else:
                    built = (make(f, rid, combo) for combo in itertools.product(*lists))
                    found.extend(i for i in built if i >= 0)
            memo[key] = found
            return found

        for f in comp:
            within(f, frozenset())
    return out, by_conc


def support_components(th: _Theory) -> list[list[str]]:
    """Strongly connected components of 'conclusion depends on premise', premises first."""
    graph: dict[str, list[str]] = {f: [] for f in th.formulas}
    for prem, concl, _ in th.rules.values():
        graph[concl].extend(prem)
    return strongly_connected(graph, th.formulas)
