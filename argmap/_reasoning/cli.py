"""The ``evaluate``, ``compare`` and ``lint`` commands of the ``argmap`` CLI.

:func:`add_commands` registers them on the CLI's sub-command parsers; each
sub-parser's ``func`` default is its handler, which takes the parsed
arguments and returns the process exit code.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from argmap._errors import ArgmapError, FormatError
from argmap._map import ArgumentMap
from argmap._reasoning.agreement import compare
from argmap._reasoning.aspic import ORDERINGS, evaluate
from argmap._reasoning.framework import SEMANTICS, Status
from argmap._reasoning.lint import LINT_RULES, _short, lint

__all__ = ["add_commands", "run_compare", "run_evaluate", "run_lint"]

#: Exit code for a command that failed (bad input, unreadable file).
EXIT_ERROR = 1
#: Exit code of ``lint`` when it has findings.
EXIT_FINDINGS = 1
#: An unknown format (as ``argmap convert`` and friends).
EXIT_USAGE = 2
#: Input that cannot be read, is malformed or unsafe.
EXIT_INPUT = 3


def add_commands(subparsers: argparse._SubParsersAction[Any]) -> None:
    """Register ``evaluate``, ``compare`` and ``lint`` on a sub-command parser set.

    Each sub-parser gets ``func`` set to its handler (``handler(args) -> int``).

    Example:
        >>> import argparse
        >>> parser = argparse.ArgumentParser(prog="argmap")
        >>> add_commands(parser.add_subparsers(dest="command"))
        >>> args = parser.parse_args(["evaluate", "map.aif.xml", "--semantics", "preferred"])
        >>> args.func is run_evaluate, args.semantics
        (True, 'preferred')
    """
    p = subparsers.add_parser(
        "evaluate",
        help="which propositions are acceptable (IN / OUT / UNDEC) under a semantics",
        description="Read the map as an ASPIC+ theory, build its Dung framework and print "
        "the status of every proposition.",
    )
    p.add_argument("file", help="the map to evaluate")
    p.add_argument("--format", help="input format (default: from the suffix or content)")
    p.add_argument("--semantics", default="grounded",
                   choices=[*SEMANTICS, "GR", "CO", "PR", "ST"],
                   help="Dung semantics (default: grounded)")
    p.add_argument("--ordering", default="weakest-link", choices=ORDERINGS,
                   help="argument ordering for preferences (default: weakest-link)")
    p.add_argument("--perspective", metavar="NAME",
                   help="a participant's id: only what NAME asserts or concedes is taken as "
                        "premise; what others said counts only as the fact that they said it "
                        "(default: the whole map, whoever said it)")
    p.set_defaults(func=run_evaluate)

    p = subparsers.add_parser(
        "compare",
        help="agreement of two annotations of the same text (kappa, CASS, diff)",
        description="Align the propositions of two maps of the same text and report "
        "segmentation, relation and label agreement, a CASS-style score and a diff.",
    )
    p.add_argument("first", help="the first annotation")
    p.add_argument("second", help="the second annotation")
    p.add_argument("--format", help="input format of both files")
    p.add_argument("--threshold", type=float, default=0.5,
                   help="lowest alignment score for two propositions to match (default 0.5)")
    p.add_argument("--no-diff", action="store_true", help="print the figures only")
    p.set_defaults(func=run_compare)

    p = subparsers.add_parser(
        "lint",
        help="structural warnings for annotators (unsupported claims, missing schemes, ...)",
        description="Report annotation weaknesses: "
        + "; ".join(sorted(LINT_RULES)) + ". Exits with 1 when there are findings.",
    )
    p.add_argument("file", help="the map to check")
    p.add_argument("--format", help="input format (default: from the suffix or content)")
    p.add_argument("--exit-zero", action="store_true", help="exit with 0 even with findings")
    p.set_defaults(func=run_lint)


class _LoadError(Exception):
    def __init__(self, code: int, exc: Exception) -> None:
        super().__init__(str(exc))
        self.code = code


def _load(path: str, fmt: str | None) -> ArgumentMap:
    # Exit codes as the other commands: 2 for an unknown format, 3 for unreadable input.
    import argmap

    try:
        return argmap.read(path, fmt)
    except FormatError as exc:
        raise _LoadError(EXIT_USAGE, exc) from None
    except (ArgmapError, OSError) as exc:
        raise _LoadError(EXIT_INPUT, exc) from None


def _fail(command: str, exc: Exception) -> int:
    print(f"argmap {command}: error: {exc}", file=sys.stderr)
    return exc.code if isinstance(exc, _LoadError) else EXIT_ERROR


def run_evaluate(args: argparse.Namespace) -> int:
    """Handler of ``argmap evaluate``: print each proposition's status."""
    try:
        m = _load(args.file, args.format)
        ev = evaluate(m, args.semantics, ordering=args.ordering, perspective=args.perspective)
    except (_LoadError, ArgmapError, OSError) as exc:
        return _fail("evaluate", exc)
    counts = dict.fromkeys(Status, 0)
    for st in ev.statuses.values():
        counts[st] += 1
    sf = ev.structure
    whose = "" if ev.perspective is None else f", from {ev.perspective}'s perspective"
    print(f"{args.file}: {ev.semantics} semantics, {ev.ordering} ordering{whose}; "
          f"{len(sf.arguments)} arguments, {sf.framework.attack_count()} defeats")
    if ev.labellings is None:
        print(f"statuses are sceptical; under {ev.semantics} semantics they are the grounded ones")
    elif ev.semantics != "grounded":
        print(f"{ev.labellings} {ev.semantics} labelling(s); statuses are sceptical"
              + (" (none exists, so nothing is decided)" if ev.labellings == 0 else ""))
    print(", ".join(f"{counts[s]} {s.value}" for s in Status))
    width = max((len(k) for k in ev.statuses), default=0)
    for nid, st in ev.statuses.items():
        node = m.nodes[nid]
        text = getattr(node, "text", None) or ""
        print(f"{st.value:<5} {nid:<{width}}  {_short(text, 80)}")
    for nid, why in ev.unread.items():
        print(f"left out {nid}: {why}")
    return 0


def run_compare(args: argparse.Namespace) -> int:
    """Handler of ``argmap compare``: print agreement figures and a diff."""
    try:
        a = _load(args.first, args.format)
        b = _load(args.second, args.format)
        ag = compare(a, b, threshold=args.threshold)
    except (_LoadError, ArgmapError, OSError) as exc:
        return _fail("compare", exc)
    print(f"A = {args.first}\nB = {args.second}")
    print(ag.summary())
    if not args.no_diff:
        print()
        print(ag.diff())
    return 0


def run_lint(args: argparse.Namespace) -> int:
    """Handler of ``argmap lint``: print findings; exit 1 when there are any."""
    try:
        m = _load(args.file, args.format)
        problems = lint(m)
    except (_LoadError, ArgmapError, OSError) as exc:
        return _fail("lint", exc)
    for p in problems:
        print(f"{args.file}: {p}")
    print(f"{len(problems)} finding(s)")
    if problems and not args.exit_zero:
        return EXIT_FINDINGS
    return 0
