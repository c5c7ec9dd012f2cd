"""A problem found in a map: the rule broken and the ids involved."""

from __future__ import annotations

import attrs

__all__ = ["Problem"]


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
    message: str
    nodes: tuple[str, ...] = ()
    edges: tuple[str, ...] = ()

    def __str__(self) -> str:
        return f"[{self.code}] {self.message}"
