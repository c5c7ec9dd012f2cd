"""The ``export`` command: training data for argument mining from maps, files or corpora."""

from __future__ import annotations

import argparse
import os
import sys
import warnings
from typing import Any

from argmap._atomic import atomic_write
from argmap._cli._common import (
    EXIT_OK,
    add_input_options,
    each_map,
    exit_code,
    say,
    thousands,
)
from argmap._cli._exits import COMMANDS
from argmap._errors import ArgmapWarning
from argmap._map import ArgumentMap
from argmap.mining._training import TRAINING_FORMATS, dumps_training

__all__ = ["add_commands"]


def _ratio(text: str) -> float:
    """A ratio >= 0, for ``--negatives``."""
    try:
        value = float(text)
    except ValueError:
        value = -1.0
    if not value >= 0 or value == float("inf"):
        raise argparse.ArgumentTypeError(f"expected a number >= 0, got {text!r}")
    return value


def _record_name(path: str, roots: list[str]) -> str:
    """How a map is named in the records: its path below the folder given, else its file name."""
    if path == "-":
        return "<stdin>"
    for root in roots:
        if os.path.isdir(root) and os.path.commonpath([root, path]) == os.path.normpath(root):
            return os.path.relpath(path, root)
    return os.path.basename(path)


def _cmd_export(args: argparse.Namespace) -> int:
    loaded, total, _several = each_map(args.files, args.from_format, label="export")
    maps: list[tuple[str, ArgumentMap]] = []
    worst = EXIT_OK
    for item in loaded:
        if item.map is None:
            worst = max(worst, exit_code(item.error) if item.error else 3)
            continue
        maps.append((_record_name(item.path, args.files), item.map))
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", ArgmapWarning)
        text = dumps_training(maps, args.to_format, negatives=args.negatives, seed=args.seed,
                              tokenizer=None)
    for w in caught:
        if issubclass(w.category, ArgmapWarning):
            say("warning", str(w.message))
    data = text.encode("utf-8")
    if args.output == "-":
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
    else:
        atomic_write(args.output, data)
    if not args.quiet and args.output != "-":
        print(f"{thousands(total)} file(s): {thousands(len(maps))} exported as {args.to_format} "
              f"to {args.output}", file=sys.stderr)
    return worst


def add_commands(sub: argparse._SubParsersAction[Any]) -> None:
    """Register ``export``."""
    p = sub.add_parser(
        "export", help=COMMANDS["export"],
        description="Write training data for the maps in FILE... (files, folders, globs; '-' "
                    "for standard input) to OUT ('-' for standard output).")
    add_input_options(p)
    p.add_argument("--to", dest="to_format", required=True, choices=TRAINING_FORMATS,
                   help="CoNLL token tags (bio, bioes), relation pairs or one record per map "
                        "(JSON lines)")
    p.add_argument("-o", "--output", required=True, metavar="OUT")
    p.add_argument("--negatives", type=_ratio, default=None, metavar="RATIO",
                   help="relations: sample RATIO x (positive pairs) 'none' pairs per map "
                        "(default: every unrelated pair)")
    p.add_argument("--seed", type=int, default=0, help="seed of the negative sampling")
    p.add_argument("-q", "--quiet", action="store_true", help="no summary line")
    p.set_defaults(run=_cmd_export)
