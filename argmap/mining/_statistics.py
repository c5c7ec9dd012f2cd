"""Corpus statistics as the corpus papers report them: units, relations, schemes, speakers,
coverage of the text."""

from __future__ import annotations

import collections
from collections.abc import Iterable
from typing import Any

from argmap._map import ArgumentMap
from argmap._nodes import Claim, Conflict, Evidence, Inference, Locution, Preference, Rephrase

__all__ = ["corpus_statistics"]


def corpus_statistics(maps: Iterable[ArgumentMap]) -> dict[str, Any]:
    """Counts as argument-mining corpus papers report them, over ``maps``.

    Returns a JSON-ready dict: ``maps``; ``units`` (I-nodes) by role (the
    format's unit type, e.g. ``MajorClaim``, else ``Claim``/``Evidence``) and
    ``implicit_units``; ``relations`` by type (``support``, ``attack``,
    ``rephrase``, ``preference``); ``schemes`` (inference schemes, with
    ``None`` counted as ``"(none)"``); ``speakers`` (distinct participant
    names) and ``locutions``; and over the maps with a source text:
    ``characters``, ``covered_characters`` (inside at least one unit's span)
    and ``coverage`` (their ratio), the share of argumentative text.

    Example:
        >>> m = ArgumentMap(source=Source(text="Cats purr. So?"))
        >>> _ = m.add_claim(quote="Cats purr")
        >>> stats = corpus_statistics([m])
        >>> stats["units"], stats["coverage"]
        ({'Claim': 1}, 0.643)
    """
    units: collections.Counter[str] = collections.Counter()
    relations: collections.Counter[str] = collections.Counter()
    schemes: collections.Counter[str] = collections.Counter()
    speakers: set[str] = set()
    count = implicit = locutions = chars = covered = 0
    for m in maps:
        count += 1
        for node in m.nodes.values():
            if isinstance(node, (Claim, Evidence)):
                role = node.extra.get("brat:type")
                units[role if isinstance(role, str) else type(node).__name__] += 1
                implicit += node.implicit
            elif isinstance(node, Inference):
                relations["support"] += 1
                schemes[node.scheme or "(none)"] += 1
            elif isinstance(node, Conflict):
                relations["attack"] += 1
            elif isinstance(node, Rephrase):
                relations["rephrase"] += 1
            elif isinstance(node, Preference):
                relations["preference"] += 1
            elif isinstance(node, Locution):
                locutions += 1
        speakers.update(p.name for p in m.participants.values())
        if m.source is not None:
            chars += len(m.source.text)
            marks = bytearray(len(m.source.text))
            for node in m.nodes.values():
                if isinstance(node, (Claim, Evidence)):
                    for s in node.spans:
                        marks[s.start:s.end] = b"\x01" * (s.end - s.start)
            covered += sum(marks)
    return {
        "maps": count,
        "units": dict(sorted(units.items())),
        "implicit_units": implicit,
        "relations": dict(sorted(relations.items())),
        "schemes": dict(schemes.most_common()),
        "speakers": len(speakers),
        "locutions": locutions,
        "characters": chars,
        "covered_characters": covered,
        "coverage": round(covered / chars, 3) if chars else None,
    }
