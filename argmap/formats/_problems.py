"""Problems with the records readers kept outside a map's graph.

Readers keep records they cannot place in the graph (a repeated id, a locution
of a missing node, a layout entry of a removed node) in ``extra`` rather than
dropping them; :func:`format_problems` reports them, with the codes in
:data:`~argmap.formats.FORMAT_RULES`.  Importing the formats package registers
it with the model, so that :meth:`~argmap.ArgumentMap.validate` includes them.
"""

from __future__ import annotations

from collections.abc import Callable

from argmap._map import ArgumentMap
from argmap._problem import Problem

__all__ = ["format_problems"]


def _checkers() -> list[Callable[[ArgumentMap], list[Problem]]]:
    from argmap.formats import (
        _aifdb,
        _aml,
        _argdown,
        _brat,
        _carneades,
        _microtext,
        _ova2,
        _rdf,
        _sadface,
        _xaif,
    )

    return [_aifdb.problems, _xaif.problems, _ova2.problems, _microtext.problems, _aml.problems,
            _brat.problems, _sadface.problems, _carneades.problems, _rdf.problems,
            _argdown.problems]


def format_problems(m: ArgumentMap) -> list[Problem]:
    """Problems with the records readers kept outside the graph of ``m`` (see :data:`FORMAT_RULES`).

    These complement :meth:`~argmap.ArgumentMap.validate`, which checks the graph itself.
    """
    out: list[Problem] = []
    for check in _checkers():
        out.extend(check(m))
    return out
