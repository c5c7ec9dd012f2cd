"""Complete, preferred and stable statuses from the grounded fixpoint, without arguments.

In the assumption-based reading of :mod:`._direct`, every complete set of
assumptions ``S`` contains the grounded set ``G`` and none of the assumptions
``G`` attacks (``S`` is conflict-free), so ``S = G ∪ T`` for some ``T``
among the assumptions ``U`` that ``G`` leaves undecided.  ``S`` is complete
when it attacks none of its own members and holds exactly the assumptions
it defends -- those whose contraries do not follow from the assumptions
``S`` leaves unattacked (Dung, Mancarella & Toni 2007); preferred sets are the
maximal complete ones, stable sets those that attack every assumption outside
them.  Each complete set labels the arguments as the construction would:
``IN`` when built from ``S``, ``OUT`` when using an assumption ``S`` attacks,
``UNDEC`` otherwise.

Only what follows from ``G ∪ U`` but not from ``G`` (the *open* formulas) can
change with ``T``.  The undecided assumptions fall into groups that no
derivation or attack joins: which assumptions of one group ``S`` attacks, and
what it derives from them, does not depend on the others.  So the complete
sets are the combinations of each group's own, the preferred ones of each
group's maximal ones, the stable ones of each group's stable ones, and each
open formula's status depends on its group alone.  Within a group every
subset is tried, at the cost of two derivations grown from ``G``'s (what the
candidate derives, and what the assumptions it leaves unattacked derive);
past a bound on the candidates the search gives up and
:func:`~argmap.evaluate` builds the arguments.
"""

from __future__ import annotations

import itertools

from argmap.reasoning._direct import DirectGrounded, _Growing, _Program
from argmap.reasoning._framework import FrameworkError, Status

#: The largest group of interacting undecided assumptions searched (2 ** 12 candidates).
MAX_GROUP = 12
# Candidates tried over all groups, and bytes of arrays copied for them,
# before the arguments are built instead.
_MAX_CANDIDATES = 1 << 14
_MAX_COPIED = 4 << 30


class SearchTooLargeError(FrameworkError):
    """The search would try too many candidates (the message says how many assumptions).

    :func:`~argmap.evaluate` catches it and builds the arguments instead.
    """


def extension_statuses(found: DirectGrounded, semantics: str) -> tuple[dict[str, Status], int]:
    """The sceptical statuses and the number of labellings of a semantics.

    ``semantics`` is ``"complete"``, ``"preferred"`` or ``"stable"``.  With no
    labelling at all (stable semantics only), every status is ``UNDEC``.

    Raises:
        SearchTooLargeError: when a group of undecided assumptions is larger
            than :data:`MAX_GROUP`, or the groups together need too many
            candidates for the size of the map.
    """
    prog, grounded, possible = found.program, found.grounded, found.possible
    assert prog is not None and grounded is not None and possible is not None
    groups, group_of = _groups(prog, grounded)
    largest = max(map(len, groups), default=0)
    left = (f"the grounded labelling leaves {found.undecided:,} "
            f"assumption{'s' if found.undecided != 1 else ''} undecided")
    if largest > MAX_GROUP:
        raise SearchTooLargeError(
            f"{left}, {largest:,} of them interacting, more than the {MAX_GROUP} searched "
            "without arguments")
    candidates = sum(1 << len(g) for g in groups)
    # Each candidate copies the fixpoint's arrays twice: bound the bytes copied too.
    copied = 2 * (9 * len(prog.formulas) + 2 * len(prog.assumptions) + 8 * len(prog.heads))
    if candidates > _MAX_CANDIDATES or candidates * copied > _MAX_COPIED:
        raise SearchTooLargeError(
            f"{left} in {len(groups):,} groups, {candidates:,} candidates, more than are "
            "searched without arguments on a map this size")
    # Per group: the grounded UNDEC formulas it decides, and for each of its
    # complete sets their statuses (kept instead of the derivations, which are
    # as large as the map).
    undec: list[list[int]] = [[] for _ in groups]
    index = prog.index()
    for f, status in found.statuses.items():
        if status is Status.UNDEC and (g := group_of.get(index[f])) is not None:
            undec[g].append(index[f])
    per_group: list[list[tuple[Status, ...]]] = []
    count = 1
    for group, formulas in zip(groups, undec, strict=True):
        complete: list[tuple[frozenset[int], bool, tuple[Status, ...]]] = []
        for size in range(len(group) + 1):
            for t in itertools.combinations(group, size):
                picked = _complete(grounded, group, t)
                if picked is None:
                    continue
                inside, unattacked = picked
                stable = all(k in t or inside.attacked[k] for k in group)
                complete.append((frozenset(t), stable, tuple(
                    _status(i, inside, unattacked, possible) for i in formulas)))
        if semantics == "preferred":
            complete = [c for c in complete if not any(c[0] < d[0] for d in complete)]
        elif semantics == "stable":
            complete = [c for c in complete if c[1]]
        per_group.append([c[2] for c in complete])
        count *= len(complete)
    if count == 0:
        return dict.fromkeys(found.statuses, Status.UNDEC), 0
    # What G derives is IN under every complete set, and what it cuts off OUT
    # under each (a complete set attacks all G attacks): only the grounded
    # UNDEC formulas can differ, and each with its own group only.
    statuses = dict(found.statuses)
    names = prog.formulas
    for formulas, sets in zip(undec, per_group, strict=True):
        for j, i in enumerate(formulas):
            seen = {labels[j] for labels in sets}
            statuses[names[i]] = seen.pop() if len(seen) == 1 else Status.UNDEC
    return statuses, count


def _groups(prog: _Program, grounded: _Growing) -> tuple[list[list[int]], dict[int, int]]:
    """The undecided assumptions in groups, and the group of each open formula.

    Joined: a premise and its formula, a rule's assumption, its open premises
    and its open conclusion (for rules that apply from ``G ∪ U``), and an open
    formula and each undecided assumption it attacks.
    """
    undecided = [k for k, (a, h) in enumerate(zip(grounded.allowed, grounded.attacked,
                                                  strict=True)) if not a and not h]
    wide = grounded.copy()  # what follows from G ∪ U
    wide.allow(undecided)
    nf = len(prog.formulas)
    derived, base = wide.derived, grounded.derived
    parent: dict[int, int] = {}

    def find(x: int) -> int:
        root = x
        while parent.get(root, root) != root:
            root = parent[root]
        while x != root:  # path compression
            parent[x], x = root, parent[x]
        return root

    def union(x: int, y: int) -> None:
        rx, ry = find(x), find(y)
        if rx != ry:
            parent[rx] = ry

    is_undecided = set(undecided)
    for k in undecided:
        parent.setdefault(nf + k, nf + k)  # assumptions after the formulas
        if k < prog.n_premises:
            union(nf + k, prog.premise_formula[k])
    heads, rule_asm, missing = prog.heads, prog.rule_asm, wide.missing
    allowed = wide.allowed
    for r, h in enumerate(heads):
        if not derived[h] or base[h] or missing[r]:
            continue  # not open, or the rule does not apply from G ∪ U
        a = rule_asm[r]
        if a >= 0 and not allowed[a]:
            continue
        if a >= 0 and a in is_undecided:
            union(h, nf + a)
        parent.setdefault(h, h)
    open_formulas = [f for f in range(nf) if derived[f] and not base[f]]
    for f in open_formulas:
        parent.setdefault(f, f)
        for j in range(prog.watch_start[f], prog.watch_start[f + 1]):
            r = prog.watch[j]
            h = heads[r]
            if derived[h] and not base[h] and not missing[r] and (
                    rule_asm[r] < 0 or allowed[rule_asm[r]]):
                union(f, h)
        for j in range(prog.attack_start[f], prog.attack_start[f + 1]):
            a = prog.attack[j]
            if a in is_undecided:
                union(f, nf + a)
    root_group: dict[int, int] = {}
    groups: list[list[int]] = []
    for k in undecided:
        root = find(nf + k)
        if root not in root_group:
            root_group[root] = len(groups)
            groups.append([])
        groups[root_group[root]].append(k)
    group_of = {f: root_group[r] for f in open_formulas if (r := find(f)) in root_group}
    return groups, group_of


def _complete(grounded: _Growing, group: list[int], chosen: tuple[int, ...]
              ) -> tuple[_Growing, _Growing] | None:
    """What ``G ∪ chosen`` and what it leaves unattacked derive, if it is complete in its group."""
    inside = grounded.copy()
    inside.allow(list(chosen))
    hit = inside.attacked
    if any(hit[k] for k in chosen):
        return None  # it attacks one of its own assumptions
    # G's own assumptions need no check: every way of attacking one uses an
    # assumption that G attacks, which the candidate leaves out.
    unattacked = grounded.copy()
    unattacked.allow([k for k in group if not hit[k]])
    defended = [k for k in group if not unattacked.attacked[k]]
    return (inside, unattacked) if defended == list(chosen) else None


def _status(i: int, inside: _Growing, unattacked: _Growing, possible: _Growing) -> Status:
    """Formula ``i`` under one complete set: derived from it, cut off by it, or neither."""
    if inside.derived[i]:
        return Status.IN
    if possible.derived[i] and not unattacked.derived[i]:
        return Status.OUT
    return Status.UNDEC
