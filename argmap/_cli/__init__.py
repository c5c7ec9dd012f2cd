"""The ``argmap`` command line: convert, validate, inspect, draw and reason about argument maps.

Usage::

    argmap convert IN OUT | IN... -o FOLDER  [--from FORMAT] [--to FORMAT]
    argmap validate FILE... [--from FORMAT] [--strict] [--summary] [--errors-only]
    argmap info FILE...     [--from FORMAT]
    argmap render FILE -o OUT [--from FORMAT] [--to FORMAT] [--dialogue VIEW]
    argmap evaluate FILE... [--from FORMAT] [--semantics S] [--ordering O]
    argmap compare FIRST SECOND [--from FORMAT]
    argmap lint FILE...     [--from FORMAT] [--summary] [--exit-zero]
    argmap export FILE... --to bio|bioes|relations|jsonl -o OUT [--from FORMAT]
    argmap formats

One contract for every command: ``--from FORMAT`` names the format of the
inputs, ``--to FORMAT`` that of the output; ``-`` stands for standard input
(a FILE) or standard output (OUT); a FILE may also be a folder (searched
recursively for files of a known format) or a glob pattern, and then the
command ends with one summary line; commands that report take ``--json``
(one JSON document on standard output) and ``--quiet``.  Formats are guessed
from the file name and content unless named (``argmap formats`` lists them).
A progress bar is drawn on standard error while many files are processed and
standard error is a terminal.

Exit codes
----------
0
    success (``validate``: no error found; ``lint``: no finding).
1
    ``validate`` found problems: an AIF rule violation, or (with ``--strict``)
    also a record a reader had to keep outside the graph; ``lint`` had
    findings; ``evaluate`` or ``compare`` failed on a readable map.
2
    usage error: bad arguments, an unknown format, or a format that cannot be
    guessed from a well-formed input.
3
    an input could not be read: missing, a folder where a file is needed,
    unreadable, empty, malformed (including a ``.json``/``.xml`` file no
    format recognises because it is not well-formed) or unsafe.  Commands
    that take several files go on with the others.
4
    an output could not be produced: the file or standard output cannot be
    written, or drawing failed (e.g. no Graphviz engine).
130
    interrupted.

With several inputs the exit code is the highest of them.  Messages go to
standard error as ``argmap: error: FILE:LINE: ...`` (or ``warning``); there
are no tracebacks for bad input.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

from argmap._cli._exits import (
    COMMANDS,
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
from argmap._errors import ArgmapError

__all__ = ["EXIT_INPUT", "EXIT_OK", "EXIT_OUTPUT", "EXIT_PROBLEMS", "EXIT_USAGE", "main"]


# ----------------------------------------------------------------- parser
def _parser() -> argparse.ArgumentParser:
    """The whole parser: every command with its options (imports what the commands need)."""
    from argmap._cli import _export, _maps, _reasoning

    parser, sub = _top()
    _maps.add_commands(sub)
    _reasoning.add_commands(sub)
    _export.add_commands(sub)
    return parser


def _overview() -> argparse.ArgumentParser:
    """The top-level parser alone, for ``argmap``, ``--help`` and ``--version``: it lists the
    commands without importing them, so that those answers come at once."""
    parser, sub = _top()
    for name, summary in COMMANDS.items():
        sub.add_parser(name, help=summary)
    return parser


def _top() -> tuple[argparse.ArgumentParser, argparse._SubParsersAction[argparse.ArgumentParser]]:
    parser = argparse.ArgumentParser(
        prog="argmap",
        description="Convert, validate, inspect, draw and reason about argument maps (AIF).",
        epilog="Every command takes --from FORMAT for its inputs, --to FORMAT for its output "
               "and '-' for standard input/output. Exit codes: 0 ok, 1 problems or findings "
               "(validate, lint), 2 usage error, 3 input cannot be read, 4 output cannot be "
               "produced.",
    )
    parser.add_argument("--version", action="version", version=f"argmap {_version()}")
    # Also accepted before the command (argmap --trust-dtd info FILE); each command takes it too.
    parser.add_argument("--trust-dtd", dest="trust_dtd_everywhere", action="store_true",
                        help="expand the internal general entities a DOCTYPE declares (bounded; "
                             "parameter and external entities stay refused)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    return parser, sub


def _version() -> str:
    from argmap import __version__

    return __version__


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``argmap`` command line; return its exit code.

    Example:
        >>> main(["formats"]) == 0  # doctest: +ELLIPSIS
        aif-xml ...
        True
    """
    words = list(sys.argv[1:] if argv is None else argv)
    light = not words or words[0] in ("-h", "--help", "--version")
    parser = _overview() if light else _parser()
    args = parser.parse_args(words)
    handler = getattr(args, "run", None)
    if handler is None:
        parser.print_help(sys.stderr)
        return EXIT_USAGE
    try:
        from argmap.formats._dtdsubset import trusting_dtd

        trust = args.trust_dtd_everywhere or getattr(args, "trust_dtd", False)
        with trusting_dtd(trust):
            code = int(handler(args))
        sys.stdout.flush()
        return code
    except ArgmapError as exc:
        say("error", shell_message(exc))
        return exit_code(exc)
    except KeyboardInterrupt:
        say("error", "interrupted")
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        _quiet_stdout()
        return EXIT_OUTPUT
    except OSError as exc:  # standard output failed (e.g. a full disk); inputs raise ParseError
        say("error", f"cannot write the output: {exc.strerror or exc}")
        _quiet_stdout()
        return EXIT_OUTPUT


def _quiet_stdout() -> None:
    # Python would complain again when flushing a closed pipe at exit.
    try:
        fileno = sys.stdout.fileno()
    except (OSError, ValueError):  # not a real file (e.g. captured by a test)
        return
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, fileno)
    os.close(devnull)
