"""Reading and writing maps: files and bytes in any registered format, saved atomically."""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

from argmap._atomic import atomic_write
from argmap._errors import AnchorError, MapError, ParseError
from argmap._map import ArgumentMap
from argmap.formats._dtdsubset import trusting_dtd
from argmap.formats._format import Format, finish_read
from argmap.formats._registry import choose_format
from argmap.formats._xmlsafe import MAX_INPUT_BYTES, read_input

__all__ = ["dumps", "loads", "read", "run_reader", "write"]


def loads(
    data: bytes | str,
    format: str | None = None,
    *,
    strict: bool = False,
    name: str = "<bytes>",
    trust_dtd: bool = False,
) -> ArgumentMap:
    """Read a map from bytes (or text, encoded as UTF-8).

    Args:
        data: the document.
        format: a registered format name; sniffed from the content if None.
        strict: raise :class:`~argmap.ValidationError` if the map breaks AIF rules.
        name: what to call the input in error messages.
        trust_dtd: expand the internal general entities a DOCTYPE declares
            (bounded; parameter and external entities stay refused).

    Raises:
        FormatError: if the format is unknown or cannot be guessed.
        ParseError: if the input is malformed or unsafe.
        ValidationError: in strict mode, for AIF rule violations.
    """
    try:
        raw = data.encode("utf-8") if isinstance(data, str) else data
    except UnicodeEncodeError as exc:
        raise ParseError(f"text input holds an unencodable character at offset {exc.start}",
                         source=name) from None
    fmt = choose_format(format, None, raw, "load", name=name)
    with trusting_dtd() if trust_dtd else contextlib.nullcontext():
        return finish_read(run_reader(fmt, raw, name, None), strict, name)


def read(
    path: str | os.PathLike[str],
    format: str | None = None,
    *,
    strict: bool = False,
    max_bytes: int = MAX_INPUT_BYTES,
    trust_dtd: bool = False,
) -> ArgumentMap:
    """Read a map from a file; the format comes from ``format``, the suffix or the content.

    Args:
        path: the file to read (read as bytes under a size limit; never
            handed to a parser as a path).
        format: a registered format name, e.g. ``"aif-xml"``.
        strict: raise :class:`~argmap.ValidationError` if the map breaks AIF rules.
        max_bytes: refuse files larger than this.
        trust_dtd: expand the internal general entities a DOCTYPE declares
            (bounded; parameter and external entities stay refused).

    Example:
        >>> import tempfile, os
        >>> m = ArgumentMap(source=Source(text="Cats purr."))
        >>> _ = m.add_claim(quote="Cats purr")
        >>> path = os.path.join(tempfile.mkdtemp(), "cats.aif.xml")
        >>> write(m, path)
        >>> read(path) == m
        True

    Raises:
        FormatError: if the format is unknown or cannot be guessed.
        ParseError: if the file cannot be read, is malformed or unsafe.
        ValidationError: in strict mode, for AIF rule violations.
    """
    name = os.fspath(path)
    data = read_input(name, max_bytes)
    fmt = choose_format(format, name, data, "load")
    with trusting_dtd() if trust_dtd else contextlib.nullcontext():
        return finish_read(run_reader(fmt, data, name, Path(name)), strict, name)


def run_reader(fmt: Format, data: bytes, name: str, path: Path | None) -> ArgumentMap:
    """Run a format's reader; a model check failing inside it still names the input."""
    assert fmt.load is not None
    try:
        return fmt.load(data, name=name, path=path)
    except (MapError, AnchorError) as exc:
        raise ParseError(str(exc), source=name) from exc


def dumps(m: ArgumentMap, format: str = "aif-xml") -> bytes:
    """Serialise a map to bytes in a registered format (AIF-XML by default)."""
    fmt = choose_format(format, None, None, "dump")
    assert fmt.dump is not None
    return fmt.dump(m)


def write(m: ArgumentMap, path: str | os.PathLike[str], format: str | None = None) -> None:
    """Write a map to a file, atomically; the format comes from ``format`` or the suffix.

    The document is serialised in memory first, then written to a temporary
    file beside the target, flushed and synced, and moved over the target in
    one step.  If anything fails (or the process is killed) the previous file
    is left byte-for-byte as it was.

    Raises:
        FormatError: if the format is unknown or cannot be guessed from the suffix.
        WriteError: if the file cannot be written.
    """
    name = os.fspath(path)
    fmt = choose_format(format, name, None, "dump")
    assert fmt.dump is not None
    atomic_write(name, fmt.dump(m))
