"""The ``argmap`` command line: convert, validate, inspect and draw argument maps.

Usage::

    argmap convert IN OUT [--from FORMAT] [--to FORMAT]
    argmap validate FILE... [--from FORMAT] [--strict]
    argmap info FILE [--from FORMAT] [--json]
    argmap render FILE -o OUT.svg [--from FORMAT] [--format F] [--dialogue VIEW]
    argmap formats
    argmap evaluate | compare | lint ...   (see argmap._reasoning.cli)

``-`` stands for standard input (IN, FILE) or standard output (OUT).  Formats
are guessed from the file name and content unless ``--from``/``--to`` name
them (``argmap formats`` lists them).

Exit codes
----------
0
    success (``validate``: no problem found).
1
    ``validate`` found problems: an AIF rule violation, or (with ``--strict``)
    also a record a reader had to keep outside the graph; ``lint`` had
    findings; ``evaluate`` or ``compare`` failed on a readable map.
2
    usage error: bad arguments, an unknown format, or a format that cannot be
    guessed from a well-formed input.
3
    an input could not be read: missing, unreadable, malformed (including a
    ``.json``/``.xml`` file no format recognises because it is not well-formed)
    or unsafe.  ``validate`` goes on with the other files.
4
    an output could not be produced: the file or standard output cannot be
    written, or drawing failed (e.g. no Graphviz engine).
130
    interrupted.

Messages go to standard error as ``argmap: error: ...`` (or ``warning``);
there are no tracebacks for bad input.
"""

from __future__ import annotations

import argparse
import collections
import json
import os
import sys
import warnings
from collections.abc import Sequence
from typing import Any

import argmap
from argmap._errors import (
    ArgmapError,
    ArgmapWarning,
    FormatError,
    ParseError,
    RenderError,
    UnsafeInputError,
    WriteError,
)
from argmap._formats import FORMAT_RULES, format_problems
from argmap._formats._dtdsubset import trusting_dtd
from argmap._formats._jsonsafe import decode_json_bytes
from argmap._formats._xmlsafe import MAX_INPUT_BYTES, parse_xml, read_input
from argmap._map import ArgumentMap
from argmap._nodes import Locution, NodeKind
from argmap._reasoning.cli import add_commands as add_reasoning_commands
from argmap._validation import Problem

__all__ = ["EXIT_INPUT", "EXIT_OK", "EXIT_OUTPUT", "EXIT_PROBLEMS", "EXIT_USAGE", "main"]

EXIT_OK = 0
EXIT_PROBLEMS = 1
EXIT_USAGE = 2
EXIT_INPUT = 3
EXIT_OUTPUT = 4
EXIT_INTERRUPTED = 130

_KIND_ORDER = ("I", "RA", "CA", "MA", "PA", "L", "YA", "TA", "?")


def _say(kind: str, message: str) -> None:
    print(f"argmap: {kind}: {message}", file=sys.stderr)


# ---------------------------------------------------------------- reading
def _load(path: str, fmt: str | None) -> tuple[ArgumentMap, str | None]:
    """Read a map from a file or ``-``; return it and its format's name, when known."""
    if path == "-":
        data = sys.stdin.buffer.read(MAX_INPUT_BYTES + 1)
        if len(data) > MAX_INPUT_BYTES:
            raise UnsafeInputError(f"input is larger than the limit of {MAX_INPUT_BYTES} bytes",
                                   source="<stdin>")
        try:
            name = fmt or _guess(None, data)
        except FormatError:
            _explain_unknown(data, "<stdin>", None)
            raise
        return argmap.loads(data, name, name="<stdin>"), name
    if os.path.isdir(path):
        raise ParseError("is a directory, not a file", source=path)
    try:
        return argmap.read(path, fmt), fmt
    except FormatError:
        if fmt is None and os.path.isfile(path):
            _explain_unknown(read_input(path), path, path)
        raise


def _explain_unknown(data: bytes, name: str, path: str | None) -> None:
    """Raise the parse error of input no format recognised, if it is malformed JSON or XML.

    A damaged ``.json`` file matches no format's sniffer; saying why it is not
    JSON is more useful than saying its format cannot be told.
    """
    head = data.lstrip()[:1]
    suffix = os.path.splitext(path)[1].lower() if path else ""
    if suffix == ".json" or (not suffix and head in (b"{", b"[")):
        decode_json_bytes(data, name)
    elif suffix == ".xml" or (not suffix and head == b"<"):
        parse_xml(data, name)


def _guess(path: str | None, data: bytes | None) -> str:
    """The name of the format :func:`argmap.read` picks for a file or bytes."""
    from argmap._io import _choose

    if data is None and path is not None:
        data = read_input(path)
    return _choose(None, path, data, "load").name


def _problems(m: ArgumentMap) -> list[tuple[str, Problem]]:
    """Every problem as ``(severity, problem)``.

    AIF rule violations are errors; records a reader kept outside the graph
    (:data:`~argmap._formats.FORMAT_RULES`) are warnings.
    """
    rules = m.validate()
    out = [("warning" if p.code in FORMAT_RULES else "error", p) for p in rules]
    out.extend(("warning", p) for p in format_problems(m) if p not in rules)
    return out


# --------------------------------------------------------------- commands
def _cmd_convert(args: argparse.Namespace) -> int:
    m, _ = _load(args.input, args.from_format)
    target = args.to_format
    if target is None and args.output == "-":
        target = "aif-xml"
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", ArgmapWarning)
        if args.output == "-":
            data = argmap.dumps(m, target or "aif-xml")
        else:
            argmap.write(m, args.output, target)
            data = None
    for w in caught:
        if issubclass(w.category, ArgmapWarning):
            _say("warning", str(w.message))
    if data is not None:
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
    return EXIT_OK


def _cmd_validate(args: argparse.Namespace) -> int:
    worst = EXIT_OK
    total = 0
    for path in args.files:
        shown = "<stdin>" if path == "-" else path
        try:
            m, _ = _load(path, args.from_format)
        except FormatError as exc:
            _say("error", str(exc))
            worst = max(worst, EXIT_USAGE)
            continue
        except ArgmapError as exc:  # malformed, unsafe or unreadable: go on with the next file
            _say("error", str(exc))
            worst = max(worst, EXIT_INPUT)
            continue
        for severity, p in _problems(m):
            print(f"{shown}: {severity}: {p}")
            total += 1
            if severity == "error" or args.strict:
                worst = max(worst, EXIT_PROBLEMS)
    if total:
        print(f"argmap: {total} problem(s) found", file=sys.stderr)
    return worst


def _info(m: ArgumentMap, path: str, fmt: str) -> dict[str, Any]:
    counts = {k.value: n for k, n in m.counts().items()}
    kinds = {k: counts[k] for k in _KIND_ORDER if k in counts}
    said: collections.Counter[str] = collections.Counter(
        n.speaker for n in m.nodes.values() if isinstance(n, Locution) and n.speaker is not None)
    participants = [
        {"id": p.id, "name": p.name, "locutions": said.get(p.id, 0)}
        for p in m.participants.values()
    ]
    schemes: collections.Counter[tuple[str, str]] = collections.Counter()
    for n in m.nodes.values():
        if n.kind not in (NodeKind.I, NodeKind.L, NodeKind.UNKNOWN):
            schemes[(n.kind.value, getattr(n, "scheme", None) or "")] += 1
    problems = _problems(m)
    by_code = collections.Counter(p.code for _, p in problems)
    src = m.source
    return {
        "file": path,
        "format": fmt,
        "source": None if src is None else {"characters": len(src.text), **src.metadata()},
        "nodes": len(m.nodes),
        "kinds": kinds,
        "edges": len(m.edges),
        "participants": participants,
        "schemes": [{"kind": k, "scheme": s or None, "count": c}
                    for (k, s), c in sorted(schemes.items(), key=lambda x: (-x[1], x[0]))],
        "problems": {code: by_code[code] for code in sorted(by_code)},
        "problem_list": [{"severity": sev, "code": p.code, "message": p.message}
                         for sev, p in problems],
    }


def _cmd_info(args: argparse.Namespace) -> int:
    m, fmt = _load(args.file, args.from_format)
    if fmt is None:
        fmt = _guess(args.file, None)
    info = _info(m, "<stdin>" if args.file == "-" else args.file, fmt)
    if args.json:
        json.dump(info, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return EXIT_OK
    out = sys.stdout
    print(f"{info['file']} ({fmt})", file=out)
    src = info["source"]
    if src is not None:
        meta = ", ".join(f"{k} {v!r}" for k, v in src.items() if k != "characters")
        print(f"source: {src['characters']} characters" + (f"; {meta}" if meta else ""), file=out)
    else:
        print("source: none", file=out)
    kinds = ", ".join(f"{k} {n}" for k, n in info["kinds"].items())
    print(f"nodes: {info['nodes']}" + (f" ({kinds})" if kinds else ""), file=out)
    print(f"edges: {info['edges']}", file=out)
    print(f"participants: {len(info['participants'])}", file=out)
    for p in info["participants"]:
        print(f"  {p['id']}: {p['name']} ({p['locutions']} locution(s))", file=out)
    print(f"schemes: {len(info['schemes'])}", file=out)
    for s in info["schemes"]:
        print(f"  {s['kind']} {s['scheme'] or '(none)'}: {s['count']}", file=out)
    print(f"problems: {sum(info['problems'].values())}", file=out)
    for code, n in info["problems"].items():
        print(f"  {code}: {n}", file=out)
    return EXIT_OK


def _cmd_render(args: argparse.Namespace) -> int:
    from argmap._render import render, render_dot, to_dot

    m, _ = _load(args.file, args.from_format)
    if args.output == "-":
        fmt = (args.format or "svg").lower()
        dot = to_dot(m, dialogue=args.dialogue)
        data = dot.encode("utf-8") if fmt in ("dot", "gv") else render_dot(dot, fmt)
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
    else:
        render(m, args.output, args.format, dialogue=args.dialogue)
    return EXIT_OK


def _cmd_formats(args: argparse.Namespace) -> int:
    for f in argmap.formats():
        modes = ("read" if f.load else "") + ("/write" if f.dump and f.load else
                                              "write" if f.dump else "")
        suffixes = " ".join(f.suffixes)
        print(f"{f.name:<12} {modes:<11} {suffixes:<28} {f.description}")
    return EXIT_OK


# ----------------------------------------------------------------- parser
def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="argmap",
        description="Convert, validate, inspect and draw argument maps (AIF).",
        epilog="Exit codes: 0 ok, 1 problems or findings (validate, lint), 2 usage error, "
               "3 input cannot be read, 4 output cannot be produced.",
    )
    parser.add_argument("--version", action="version", version=f"argmap {argmap.__version__}")
    parser.add_argument("--trust-dtd", action="store_true",
                        help="expand the internal general entities a DOCTYPE declares (bounded; "
                             "parameter and external entities stay refused)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    def fmt_option(p: argparse.ArgumentParser, flag: str, dest: str, what: str) -> None:
        p.add_argument(flag, dest=dest, metavar="FORMAT", default=None,
                       help=f"format of the {what} (default: from the name and content)")

    p = sub.add_parser("convert", help="convert a map from one format to another",
                       description="Read IN and write it to OUT ('-' for stdin/stdout).")
    p.add_argument("input", metavar="IN")
    p.add_argument("output", metavar="OUT")
    fmt_option(p, "--from", "from_format", "input")
    p.add_argument("--to", dest="to_format", metavar="FORMAT", default=None,
                   help="format of the output (default: from OUT's name; aif-xml for '-')")
    p.set_defaults(run=_cmd_convert)

    p = sub.add_parser("validate", help="check maps against the AIF rules",
                       description="Print one line per problem; exit 1 if any error is found "
                                   "(with --strict, also for warnings).")
    p.add_argument("files", metavar="FILE", nargs="+")
    fmt_option(p, "--from", "from_format", "inputs")
    p.add_argument("--strict", action="store_true",
                   help="also fail on warnings (records a reader kept outside the graph)")
    p.set_defaults(run=_cmd_validate)

    p = sub.add_parser("info", help="summarise a map",
                       description="Counts by node kind, participants, schemes and problems.")
    p.add_argument("file", metavar="FILE")
    fmt_option(p, "--from", "from_format", "input")
    p.add_argument("--json", action="store_true", help="print the summary as JSON")
    p.set_defaults(run=_cmd_info)

    p = sub.add_parser("render", help="draw a map (SVG, PNG or DOT)",
                       description="Draw FILE with Graphviz into OUT ('-' for stdout).")
    p.add_argument("file", metavar="FILE")
    p.add_argument("-o", "--output", required=True, metavar="OUT")
    fmt_option(p, "--from", "from_format", "input")
    p.add_argument("--format", default=None, metavar="F",
                   help="svg, png, jpeg or dot (default: from OUT's suffix; svg for '-')")
    p.add_argument("--dialogue", choices=("full", "compact", "argument"), default="full",
                   help="how much of the dialogue layer to draw (default: full)")
    p.set_defaults(run=_cmd_render)

    p = sub.add_parser("formats", help="list the formats argmap reads and writes")
    p.set_defaults(run=_cmd_formats)

    add_reasoning_commands(sub)  # evaluate, compare, lint (their handlers are ``func``)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``argmap`` command line; return its exit code.

    Example:
        >>> main(["formats"]) == 0  # doctest: +ELLIPSIS
        aif-xml ...
        True
    """
    parser = _parser()
    args = parser.parse_args(argv)
    handler = getattr(args, "run", None) or getattr(args, "func", None)
    if handler is None:
        parser.print_help(sys.stderr)
        return EXIT_USAGE
    try:
        with trusting_dtd(args.trust_dtd):
            code = int(handler(args))
        sys.stdout.flush()
        return code
    except FormatError as exc:
        _say("error", str(exc))
        return EXIT_USAGE
    except (ParseError, UnsafeInputError) as exc:
        _say("error", str(exc))
        return EXIT_INPUT
    except (WriteError, RenderError) as exc:
        _say("error", str(exc))
        return EXIT_OUTPUT
    except ArgmapError as exc:
        _say("error", str(exc))
        return EXIT_INPUT
    except KeyboardInterrupt:
        _say("error", "interrupted")
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        _quiet_stdout()
        return EXIT_OUTPUT
    except OSError as exc:  # standard output failed (e.g. a full disk); inputs raise ParseError
        _say("error", f"cannot write the output: {exc.strerror or exc}")
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
