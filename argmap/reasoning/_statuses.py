"""A proposition's status from the statuses of its arguments (see :mod:`.aspic`)."""

from __future__ import annotations

import itertools
from collections.abc import Sequence

from argmap.reasoning._framework import _IN, _OUT, _UNDEC, Status

# Above this many combinations of component labellings, a proposition's status
# under a multi-labelling semantics is taken from its arguments' summary.
_MAX_COMBINATIONS = 4096


def _code_of(status: Status) -> int:
    return {Status.IN: _IN, Status.OUT: _OUT, Status.UNDEC: _UNDEC}[status]


def _node_status(codes: Sequence[int]) -> Status:
    if _IN in codes:
        return Status.IN
    if codes and all(c == _OUT for c in codes):
        return Status.OUT
    return Status.UNDEC


def _multi_status(
    ids: list[int],
    grounded: list[int],
    summary: list[int],
    comp_of: dict[int, tuple[int, int]],
    labellings: list[list[tuple[int, ...]]],
) -> Status:
    """Sceptical status of a proposition: the same in every labelling, else UNDEC."""
    if any(grounded[i] == _IN for i in ids):
        return Status.IN
    open_ids = [i for i in ids if grounded[i] == _UNDEC]
    if not open_ids:
        return _node_status([grounded[i] for i in ids])
    comps = sorted({comp_of[i][0] for i in open_ids})
    combos = 1
    for c in comps:
        combos *= len(labellings[c])
    if combos > _MAX_COMBINATIONS:
        # Sound but possibly less decisive: decided only when an argument is.
        return _node_status([summary[i] for i in ids])
    seen: set[Status] = set()
    for choice in itertools.product(*(labellings[c] for c in comps)):
        chosen = dict(zip(comps, choice, strict=True))
        codes = [
            chosen[comp_of[i][0]][comp_of[i][1]] if i in comp_of else grounded[i] for i in ids
        ]
        seen.add(_node_status(codes))
        if len(seen) > 1:
            return Status.UNDEC
    return seen.pop()
