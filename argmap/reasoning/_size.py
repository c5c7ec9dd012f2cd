"""How many ASPIC+ arguments a theory yields, counted before any is built.

Arguments multiply along linked premises: a rule with premises that have
``a`` and ``b`` arguments yields ``a * b`` arguments, so a map of a few
hundred thousand nodes can need millions.  Counting them takes one pass over
the rules, so :func:`~argmap.evaluate` can refuse early, naming the size,
instead of running out of memory part-way through the construction.
"""

from __future__ import annotations

import math

from argmap.reasoning._arguments import support_components
from argmap.reasoning._theory import _Theory

#: Counts are capped here: past it, the exact figure does not matter.
COUNT_CAP = 10**15


def count_arguments(th: _Theory) -> int:
    """A lower bound on the arguments :func:`build_arguments` builds, capped at :data:`COUNT_CAP`.

    Exact (up to the cap) for theories without support cycles and without
    c-consistency; formulas inside a support cycle count as having no
    argument, so the bound stays a lower bound there.
    """
    count: dict[str, int] = {}
    total = 0
    for comp in support_components(th):
        if len(comp) > 1:
            for f in comp:
                count[f] = 0
            continue
        f = comp[0]
        if f not in th.concluded_by:
            n = 0 if f in th.excluded else 1
        else:
            n = 0
            for rid in th.concluded_by[f]:
                n += math.prod(count[p] for p in th.rules[rid][0])
                if n >= COUNT_CAP:
                    break
        count[f] = min(n, COUNT_CAP)
        total = min(total + count[f], COUNT_CAP)
    return total
