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

Deciding one candidate costs two derivations grown from the grounded set's
(what ``T`` adds, and what the unattacked assumptions add), so the search
tries every ``T`` when ``U`` is small and gives up, naming its size, when it
is not: then :func:`~argmap.evaluate` builds the arguments.
"""

from __future__ import annotations

import itertools

from argmap.reasoning._direct import DirectGrounded, _Growing
from argmap.reasoning._framework import Status

# The search tries 2 ** |U| candidates; past this many undecided assumptions
# the arguments are built instead.
MAX_UNDECIDED = 12


def extension_statuses(found: DirectGrounded, semantics: str
                       ) -> tuple[dict[str, Status], int] | None:
    """The sceptical statuses and the number of labellings, or None when ``U`` is too large.

    ``semantics`` is ``"complete"``, ``"preferred"`` or ``"stable"``.  With no
    labelling at all (stable semantics only), every status is ``UNDEC``.
    """
    prog, grounded, possible = found.program, found.grounded, found.possible
    assert prog is not None and grounded is not None and possible is not None
    undecided = [k for k, (a, h) in enumerate(zip(grounded.allowed, grounded.attacked,
                                                  strict=True)) if not a and not h]
    if len(undecided) > MAX_UNDECIDED:
        return None
    complete: list[tuple[frozenset[int], _Growing, _Growing]] = []
    for size in range(len(undecided) + 1):
        for chosen in itertools.combinations(undecided, size):
            picked = _complete(grounded, undecided, chosen)
            if picked is not None:
                complete.append((frozenset(chosen), *picked))
    if semantics == "preferred":
        complete = [c for c in complete if not any(c[0] < d[0] for d in complete)]
    elif semantics == "stable":
        complete = [c for c in complete
                    if all(k in c[0] or c[1].attacked[k] for k in undecided)]
    if not complete:
        return dict.fromkeys(found.statuses, Status.UNDEC), 0
    # What the grounded set derives is IN under every complete set, and what it
    # cuts off is OUT under each (a complete set attacks all G attacks): only
    # the grounded UNDEC formulas can differ from one set to another.
    statuses = dict(found.statuses)
    index = prog.index()
    for f, status in found.statuses.items():
        if status is Status.UNDEC:
            i = index[f]
            seen = {_status(i, inside, unattacked, possible)
                    for _, inside, unattacked in complete}
            statuses[f] = seen.pop() if len(seen) == 1 else Status.UNDEC
    return statuses, len(complete)


def _complete(grounded: _Growing, undecided: list[int], chosen: tuple[int, ...]
              ) -> tuple[_Growing, _Growing] | None:
    """What ``G ∪ chosen`` and what it leaves unattacked derive, if it is complete."""
    inside = grounded.copy()
    inside.allow(list(chosen))
    hit = inside.attacked
    if any(hit[k] for k in chosen):
        return None  # it attacks one of its own assumptions
    # G's own assumptions need no check: every way of attacking one uses an
    # assumption that G attacks, which the candidate leaves out.
    unattacked = grounded.copy()
    unattacked.allow([k for k in undecided if not hit[k]])
    defended = [k for k in undecided if not unattacked.attacked[k]]
    return (inside, unattacked) if defended == list(chosen) else None


def _status(i: int, inside: _Growing, unattacked: _Growing, possible: _Growing) -> Status:
    """Formula ``i`` under one complete set: derived from it, cut off by it, or neither."""
    if inside.derived[i]:
        return Status.IN
    if possible.derived[i] and not unattacked.derived[i]:
        return Status.OUT
    return Status.UNDEC
