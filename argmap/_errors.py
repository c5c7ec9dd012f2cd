"""The one exception hierarchy of argmap.

Every error argmap raises on purpose derives from :class:`ArgmapError`, so a caller
can catch bad input with a single ``except`` clause.  Messages say what was
expected, what was found and where (file, line, node or edge id).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from argmap._problem import Problem

__all__ = [
    "AnchorError",
    "ArgmapError",
    "ArgmapWarning",
    "FormatError",
    "FrameworkError",
    "MapError",
    "ParseError",
    "RenderError",
    "SchemeError",
    "UnsafeInputError",
    "ValidationError",
    "WriteError",
]


class ArgmapError(Exception):
    """Root of every error argmap raises on purpose."""


class ArgmapWarning(UserWarning):
    """Warns about data a target format cannot carry, or other lossy operations."""


class MapError(ArgmapError):
    """A map was changed in a way the model does not allow.

    Raised for an unknown or duplicate id, a node of the wrong kind passed to a
    builder method, or a structure the builder API refuses to create.
    """


class AnchorError(ArgmapError):
    """A text span does not fit the source text.

    Raised when a span lies outside the text, when its recorded text differs from
    the slice of the source it claims to cover, or when a quote cannot be found
    (or is ambiguous) in the source.
    """


class ValidationError(ArgmapError):
    """A map breaks one or more AIF rules and strict mode was asked for.

    Attributes:
        problems: every problem found, in a stable order.
    """

    def __init__(self, problems: Sequence[Problem], where: str | None = None) -> None:
        self.problems: tuple[Problem, ...] = tuple(problems)
        self.where = where
        head = f"{where}: " if where else ""
        lines = [f"{head}{len(self.problems)} AIF rule violation(s):"]
        lines.extend(f"  {p}" for p in self.problems)
        super().__init__("\n".join(lines))


class ParseError(ArgmapError):
    """Input could not be read as the format it claims to be.

    Attributes:
        message: what went wrong, without the location prefix.
        source: the file name (or ``"<bytes>"``) the input came from.
        line: the 1-based line of the offending construct, when known.
        column: the 1-based column on that line, when known (text formats).
        node: the id of the node or edge concerned, when known.
    """

    def __init__(
        self,
        message: str,
        *,
        source: str | None = None,
        line: int | None = None,
        node: str | None = None,
        column: int | None = None,
    ) -> None:
        self.message = message
        self.source = source
        self.line = line
        self.column = column
        self.node = node
        where = source or "<input>"
        if line is not None:
            where += f":{line}"
            if column is not None:
                where += f":{column}"
        if node is not None:
            # An id can be megabytes long: quote a bounded excerpt.
            shown = node if len(node) <= 80 else node[:60] + "…"
            where += f" (id {shown!r})"
        super().__init__(f"{where}: {message}")


class UnsafeInputError(ParseError):
    """Input uses a construct argmap refuses for safety.

    DOCTYPE declarations, entities, XInclude, compressed input, inputs over the
    size limit and over-deep nesting all raise this error; none of them is ever
    expanded or followed.
    """


class FormatError(ArgmapError):
    """A format name or file suffix is unknown, or cannot be guessed from the content."""


class WriteError(ArgmapError):
    """Saving a map failed; the previous file at the target path is left untouched."""


class RenderError(ArgmapError):
    """A map could not be drawn: no Graphviz engine, an engine error, or a bad option."""


class SchemeError(ArgmapError, LookupError):
    """A scheme is unknown, or a scheme definition is invalid or clashes with another."""


class FrameworkError(ArgmapError, ValueError):
    """An argumentation framework was built or used in a way that makes no sense.

    Raised for an attack on an unknown argument, an unknown semantics, an
    argument name a file format cannot carry, or a map that would yield more
    arguments than the limit allows.
    """
