"""One private module per file format; :func:`builtin_formats` lists them for the registry."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from argmap._io import Format


def builtin_formats() -> list[Format]:
    """The formats argmap ships, in the order they are tried when sniffing."""
    from argmap._formats import aifxml

    return [aifxml.FORMAT]
