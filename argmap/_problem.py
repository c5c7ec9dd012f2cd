"""A problem found in a map: the rule broken and the ids involved."""

from __future__ import annotations

import attrs

__all__ = ["MAX_MESSAGE", "Problem"]

#: Longest problem message kept whole; a longer one (an id or value of
#: megabytes quoted in it) keeps its start and end around a note of the cut.
MAX_MESSAGE = 300


def _bounded(message: str) -> str:
    if len(message) <= MAX_MESSAGE:
        return message
    head, tail = 200, 60
    omitted = len(message) - head - tail
    return f"{message[:head]} …[{omitted} characters omitted]… {message[-tail:]}"


@attrs.frozen(slots=True)
class Problem:
    """One AIF rule violation found by :meth:`ArgumentMap.validate`.

    Attributes:
        code: the rule broken, a key of :data:`argmap.RULES`.
        message: a readable explanation naming the ids.
        nodes: ids of the nodes involved.
        edges: ids of the edges involved.
    """

    code: str
    message: str = attrs.field(converter=_bounded)
    nodes: tuple[str, ...] = ()
    edges: tuple[str, ...] = ()

    def __str__(self) -> str:
        return f"[{self.code}] {self.message}"
