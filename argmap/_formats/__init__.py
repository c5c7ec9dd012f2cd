"""One private module per file format; :func:`builtin_formats` lists them for the registry.

Readers keep records they cannot place in the graph (a repeated id, a
locution of a missing node, a layout entry of a removed node) in ``extra``
rather than dropping them; :func:`format_problems` reports them, with the
codes in :data:`FORMAT_RULES`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from argmap._io import Format
    from argmap._map import ArgumentMap
    from argmap._validation import Problem

__all__ = ["FORMAT_RULES", "builtin_formats", "format_problems"]

#: Problems with records a reader kept outside the graph, by code.
FORMAT_RULES: Mapping[str, str] = {
    "duplicate-id": (
        "Ids are unique within a file; a node, edge or participant record that repeats an id "
        "is kept outside the graph, as it was read."
    ),
    "malformed-record": (
        "Every record has the fields its format requires (a node id, both ends of an edge); "
        "a record without them is kept outside the graph, as it was read."
    ),
    "dangling-reference": (
        "Records outside the graph (locutions, scheme and descriptor fulfilments, layout "
        "entries, text highlights) refer to nodes of the map, of the right kind."
    ),
    "repeated-record": (
        "A node has at most one locution record and one scheme fulfilment; further ones are "
        "kept as they were read."
    ),
    "anchor-mismatch": (
        "Text positions a file gives (an AML PROPTEXT offset, a microtext segment) fit the "
        "source text; those that do not are kept but give no span."
    ),
}


def builtin_formats() -> list[Format]:
    """The formats argmap ships, in the order they are tried when sniffing."""
    from argmap._formats import aifdb, aifxml, aml, carneades, microtext, ova2, rdf, sadface, xaif

    return [
        aifxml.FORMAT,
        aifdb.FORMAT,
        xaif.OVA3_FORMAT,
        xaif.XAIF_FORMAT,
        ova2.FORMAT,
        sadface.FORMAT,
        rdf.FORMAT,
        microtext.FORMAT,
        aml.FORMAT,
        carneades.LKIF_FORMAT,
        carneades.CAF_FORMAT,
    ]


def _checkers() -> list[Callable[[ArgumentMap], list[Problem]]]:
    from argmap._formats import aifdb, aml, carneades, microtext, ova2, rdf, sadface, xaif

    return [aifdb.problems, xaif.problems, ova2.problems, microtext.problems, aml.problems,
            sadface.problems, carneades.problems, rdf.problems]


def format_problems(m: ArgumentMap) -> list[Problem]:
    """Problems with the records readers kept outside the graph of ``m`` (see :data:`FORMAT_RULES`).

    These complement :meth:`ArgumentMap.validate`, which checks the graph itself.
    """
    out: list[Problem] = []
    for check in _checkers():
        out.extend(check(m))
    return out
