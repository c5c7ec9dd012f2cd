"""The CLI's inputs: files, folders and globs expanded into paths; each read the same way.

Every command reads its maps through :func:`load`, so a file that cannot be
read gets the same message and exit code whichever command reads it.
"""

from __future__ import annotations

import glob
import os
import sys
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import IO, Any, TypeVar

from argmap._errors import ParseError, UnsafeInputError
from argmap._io import run_reader
from argmap._map import ArgumentMap
from argmap.formats._registry import choose_format, formats
from argmap.formats._xmlsafe import MAX_INPUT_BYTES, read_input

__all__ = ["STDIN", "expand", "load", "progress"]

#: How standard input is named in messages.
STDIN = "<stdin>"

_T = TypeVar("_T")

def _is_glob(text: str) -> bool:
    return any(ch in text for ch in "*?[")


def _map_suffixes() -> tuple[str, ...]:
    return tuple(sorted({s.lower() for f in formats() if f.load for s in f.suffixes}))


def expand(inputs: Sequence[str]) -> tuple[list[str], bool]:
    """Expand files, folders (recursively) and glob patterns into paths, in a stable order.

    A folder contributes the files whose names end with a suffix of a format
    argmap reads; a pattern that matches nothing, and a path that does not
    exist, are kept as they are so that reading them reports the problem.

    Returns:
        The paths, and whether the inputs named more than one map (several
        arguments, a folder or a pattern), which switches the commands to
        their corpus form with a summary.
    """
    out: list[str] = []
    several = len(inputs) > 1
    suffixes: tuple[str, ...] | None = None
    for item in inputs:
        if item == "-":
            out.append(item)
        elif os.path.isdir(item):
            several = True
            suffixes = suffixes or _map_suffixes()
            found: list[str] = []
            for root, dirs, files in os.walk(item):
                dirs.sort()
                dirs[:] = [d for d in dirs if not d.startswith(".")]
                found.extend(os.path.join(root, f) for f in sorted(files)
                             if f.lower().endswith(suffixes) and not f.startswith("."))
            # A folder without maps stays in the list, so that reading it says so.
            out.extend(found or [item])
        elif _is_glob(item) and not os.path.exists(item):
            several = True
            matches = sorted(p for p in glob.glob(item, recursive=True) if os.path.isfile(p))
            out.extend(matches or [item])
        else:
            out.append(item)
    return out, several


def not_one_file(path: str, command: str) -> str | None:
    """Why ``path`` cannot be the one input file of ``command`` (None when it can).

    A folder or a pattern where a command reads one map would have it pick a
    file silently; it is a usage error, the same for every such command.
    """
    if path != "-" and (os.path.isdir(path) or (_is_glob(path) and not os.path.exists(path))):
        return f"{path}: {command} reads a file (or '-'), not a folder or a pattern"
    return None


def load(path: str, fmt: str | None) -> tuple[ArgumentMap, str]:
    """Read a map from a file or ``-``; return it and the name of its format.

    Raises:
        FormatError: the format is unknown or cannot be told from the input.
        ParseError: the input cannot be read, is empty, malformed or unsafe (a
            damaged file gets the parser's message rather than "cannot tell
            the format").
    """
    if path == "-":
        data = sys.stdin.buffer.read(MAX_INPUT_BYTES + 1)
        if len(data) > MAX_INPUT_BYTES:
            raise UnsafeInputError(f"input is larger than the limit of {MAX_INPUT_BYTES} bytes",
                                   source=STDIN)
        chosen = choose_format(fmt, None, data, "load", name=STDIN)
        return run_reader(chosen, data, STDIN, None), chosen.name
    if os.path.isdir(path):
        raise ParseError("is a folder, not a file, and holds no files of a format argmap reads",
                         source=path)
    data = read_input(path)
    chosen = choose_format(fmt, path, data, "load")
    # The bytes already read go to the reader: each file is read once.
    return run_reader(chosen, data, path, Path(path)), chosen.name


def progress(items: Iterable[_T], total: int, *, label: str,
             stream: IO[str] | None = None) -> Iterator[_T]:
    """Iterate over ``items``, showing a progress bar on standard error when it is a terminal.

    Nothing is drawn when standard error is piped or redirected, or for fewer
    than two items.
    """
    stream = stream if stream is not None else sys.stderr
    if total < 2 or not _is_terminal(stream):
        yield from items
        return
    from tqdm import tqdm

    bar: Any = tqdm(items, total=total, desc=label, unit="file", file=stream, leave=False,
                    dynamic_ncols=True)
    try:
        yield from bar
    finally:
        bar.close()


def _is_terminal(stream: IO[str]) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False

