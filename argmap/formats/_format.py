"""What a file format is to argmap: a name, suffixes, a reader, a writer and a sniffer."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Protocol

import attrs

from argmap._errors import ValidationError
from argmap._map import ArgumentMap

__all__ = ["Format", "Loader", "finish_read"]


class Loader(Protocol):
    """Signature of a format's reader."""

    def __call__(self, data: bytes, *, name: str, path: Path | None) -> ArgumentMap: ...


@attrs.frozen(kw_only=True)
class Format:
    """A file format argmap can read and/or write.

    Args:
        name: the format's short name, e.g. ``"aif-xml"``.
        suffixes: file-name endings that select it, with the dot, e.g.
            ``(".aif.xml", ".xml")``; longer endings win over shorter ones.
        description: one line for listings.
        load: reader ``load(data, *, name, path) -> ArgumentMap``; ``path`` is
            the file read (None for bytes), for formats that need files beside it.
        dump: writer ``dump(map) -> bytes``.
        sniff: returns True when bytes look like this format; used when a
            suffix is shared by several formats or unknown.
    """

    name: str
    suffixes: tuple[str, ...] = ()
    description: str = ""
    load: Loader | None = None
    dump: Callable[[ArgumentMap], bytes] | None = None
    sniff: Callable[[bytes], bool] | None = None


def finish_read(m: ArgumentMap, strict: bool, name: str) -> ArgumentMap:
    """Return ``m``; in strict mode, raise ValidationError naming ``name`` on any problem."""
    if strict:
        problems = m.validate()
        if problems:
            raise ValidationError(problems, where=name)
    return m
