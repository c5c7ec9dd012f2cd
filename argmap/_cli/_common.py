"""What every command shares: exit codes, messages, the options of the contract, the file loop."""

from __future__ import annotations

import argparse
import enum
import json
import sys
from collections.abc import Iterator, Mapping, Sequence
from typing import Any

import attrs

from argmap._cli._exits import (
    EXIT_INPUT,
    EXIT_INTERRUPTED,
    EXIT_OK,
    EXIT_OUTPUT,
    EXIT_PROBLEMS,
    EXIT_USAGE,
    exit_code,
    say,
    shell_message,
)
from argmap._cli._inputs import STDIN, expand, load, progress
from argmap._errors import (
    ArgmapError,
)
from argmap._map import ArgumentMap

__all__ = [
    "EXIT_INPUT",
    "EXIT_INTERRUPTED",
    "EXIT_OK",
    "EXIT_OUTPUT",
    "EXIT_PROBLEMS",
    "EXIT_USAGE",
    "Loaded",
    "add_input_options",
    "add_report_options",
    "each_map",
    "exit_code",
    "print_json",
    "say",
    "shown",
    "thousands",
]

def shown(path: str) -> str:
    """How a path is named in output (``-`` is standard input)."""
    return STDIN if path == "-" else path


def thousands(n: int) -> str:
    """``1478`` -> ``1,478``."""
    return f"{n:,}"


def print_json(value: Any) -> None:
    """Machine output: one JSON document on standard output."""
    json.dump(plain(value), sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def plain(value: Any) -> Any:
    """``value`` as JSON data: attrs classes as objects, enums by value, tuple keys joined."""
    if value is None or isinstance(value, (str, bool, int, float)):
        return value
    if isinstance(value, enum.Enum):
        return plain(value.value)
    if attrs.has(type(value)):
        # Private fields are working data, not part of the documented result.
        return {f.name: plain(getattr(value, f.name)) for f in attrs.fields(type(value))
                if not f.name.startswith("_")}
    if isinstance(value, Mapping):
        return {_key(k): plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, set, frozenset)):
        items = [plain(v) for v in value]
        return sorted(items, key=repr) if isinstance(value, (set, frozenset)) else items
    return str(value)


def _key(key: Any) -> str:
    if isinstance(key, tuple):
        return " -> ".join(_key(k) for k in key)
    if isinstance(key, enum.Enum):
        return str(key.value)
    return str(key)


def add_input_options(p: argparse.ArgumentParser, *, several: bool = True,
                      what: str = "maps") -> None:
    """The inputs of a command: FILE... (files, folders, globs, ``-``) and ``--from``."""
    if several:
        p.add_argument("files", metavar="FILE", nargs="+",
                       help=f"{what}: files, folders (searched recursively for files of a "
                            "known format) or glob patterns; '-' for standard input")
    p.add_argument("--from", dest="from_format", metavar="FORMAT", default=None,
                   help="format of the input (default: from the name and content; see "
                        "'argmap formats')")
    p.add_argument("--trust-dtd", action="store_true",
                   help="expand the internal general entities a DOCTYPE declares (bounded; "
                        "parameter and external entities stay refused)")


def add_report_options(p: argparse.ArgumentParser, *, summary: bool = False) -> None:
    """The options of a command that reports: ``--json``, ``--quiet`` (and the corpus ones)."""
    p.add_argument("--json", action="store_true", help="machine output: one JSON document")
    p.add_argument("-q", "--quiet", action="store_true",
                   help="print nothing on standard output; the exit code tells the result")
    if summary:
        p.add_argument("--summary", action="store_true",
                       help="group the problems by rule instead of listing each")
        p.add_argument("--errors-only", action="store_true",
                       help="show errors only, not warnings")


@attrs.frozen
class Loaded:
    """One input of a command: its map and format, or the error reading it."""

    path: str
    map: ArgumentMap | None = None
    format: str | None = None
    error: ArgmapError | None = None

    @property
    def name(self) -> str:
        return shown(self.path)


def each_map(inputs: Sequence[str], fmt: str | None, *, label: str,
             report_errors: bool = True) -> tuple[Iterator[Loaded], int, bool]:
    """Read every input in turn; errors are reported (``argmap: error: ...``) and yielded.

    Returns:
        The loaded inputs (lazily, one map in memory at a time), how many there
        are and whether the inputs named several maps (the corpus form).
    """
    paths, several = expand(inputs)

    def run() -> Iterator[Loaded]:
        for path in progress(paths, len(paths), label=label):
            try:
                m, name = load(path, fmt)
            except ArgmapError as exc:
                if report_errors:
                    say("error", _with_file(exc, path))
                yield Loaded(path, error=exc)
                continue
            yield Loaded(path, m, name)

    return run(), len(paths), several


def _with_file(exc: ArgmapError, path: str) -> str:
    message = shell_message(exc)
    name = shown(path)
    # Parse errors name their file (and line) already; others get it in front.
    return message if name in message else f"{name}: {message}"
