"""The commands about maps themselves: convert, validate, info, render, formats."""

from __future__ import annotations

import argparse
import collections
import os
import sys
import warnings
from collections.abc import Iterator
from typing import Any

import argmap.formats  # noqa: F401  (registers the checks of kept records with validate())
from argmap._cli._common import (
    EXIT_OK,
    EXIT_OUTPUT,
    EXIT_PROBLEMS,
    EXIT_USAGE,
    Loaded,
    add_input_options,
    add_report_options,
    each_map,
    exit_code,
    print_json,
    say,
    thousands,
)
from argmap._cli._exits import COMMANDS, shell_message
from argmap._cli._inputs import load, not_one_file
from argmap._errors import ArgmapError, ArgmapWarning, WriteError
from argmap._io import dumps, write
from argmap._map import ArgumentMap
from argmap._nodes import Illocution, Locution, NodeKind
from argmap._problem import Problem
from argmap._validation import FORMAT_RULES
from argmap.formats._registry import formats, get_format

__all__ = ["add_commands"]

_KIND_ORDER = ("I", "RA", "CA", "MA", "PA", "L", "YA", "TA", "?")


def problems_of(m: ArgumentMap) -> list[tuple[str, Problem]]:
    """Every problem as ``(severity, problem)``.

    AIF rule violations are errors; records a reader kept outside the graph
    (:data:`~argmap.formats.FORMAT_RULES`) are warnings.
    """
    # validate() includes the checks of kept records: the formats package registered them.
    return [("warning" if p.code in FORMAT_RULES else "error", p) for p in m.validate()]


# ------------------------------------------------------------------ convert
def _stem(path: str) -> str:
    name = os.path.basename(path)
    lowered = name.lower()
    best = max((len(s) for f in formats() for s in f.suffixes if lowered.endswith(s.lower())),
               default=len(os.path.splitext(name)[1]))
    return name[: len(name) - best] or name


def _cmd_convert(args: argparse.Namespace) -> int:
    inputs: list[str] = list(args.files)
    output = args.output
    if output is None:
        if len(inputs) != 2:
            say("error", "name the output: 'argmap convert IN OUT', or 'argmap convert IN... "
                         "-o FOLDER --to FORMAT'")
            return EXIT_USAGE
        output = inputs.pop()
    loaded, total, several = each_map(inputs, args.from_format, label="convert")
    to_folder = several or os.path.isdir(output)
    if to_folder:
        return _convert_to_folder(args, loaded, total, output)
    worst = EXIT_OK
    for item in loaded:
        if item.map is None:
            return exit_code(item.error) if item.error else EXIT_USAGE
        worst = max(worst, _convert_one(item.map, output, args.to_format))
    return worst


def _convert_one(m: ArgumentMap, output: str, target: str | None) -> int:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", ArgmapWarning)
        if output == "-":
            data: bytes | None = dumps(m, target or "aif-xml")
        else:
            write(m, output, target)
            data = None
    for w in caught:
        if issubclass(w.category, ArgmapWarning):
            say("warning", str(w.message))
    if data is not None:
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
    return EXIT_OK


def _convert_to_folder(args: argparse.Namespace, loaded: Any, total: int, folder: str) -> int:
    target = get_format(args.to_format or "aif-xml")
    if target.dump is None or not target.suffixes:
        say("error", f"format {target.name!r} cannot be written to files; see 'argmap formats'")
        return EXIT_USAGE
    try:
        os.makedirs(folder, exist_ok=True)
    except OSError as exc:
        say("error", f"cannot create the folder {folder!r}: {exc.strerror or exc}")
        return EXIT_OUTPUT
    written: dict[str, str] = {}
    worst, done, failed = EXIT_OK, 0, 0
    item: Loaded
    for item in loaded:
        if item.map is None:
            worst, failed = max(worst, exit_code(item.error) if item.error else 3), failed + 1
            continue
        out = os.path.join(folder, _stem(item.path) + target.suffixes[0])
        try:
            if out in written:
                raise WriteError(f"{out!r} was already written from {written[out]!r}; "
                                 f"not overwritten with {item.name!r}")
            code = _convert_one(item.map, out, target.name)
            written[out] = item.name
            done += 1
            worst = max(worst, code)
        except ArgmapError as exc:
            say("error", f"{item.name}: {shell_message(exc)}")
            worst, failed = max(worst, exit_code(exc)), failed + 1
    if not getattr(args, "quiet", False):
        print(f"{thousands(total)} file(s): {thousands(done)} converted to {target.name} in "
              f"{folder}, {thousands(failed)} failed", file=sys.stderr)
    return worst


# ----------------------------------------------------------------- validate
def _cmd_validate(args: argparse.Namespace) -> int:
    loaded, total, _several = each_map(args.files, args.from_format, label="validate")
    listing = not (args.quiet or args.json or args.summary)
    files_json: list[dict[str, Any]] = []
    clean = warned = failed = unreadable = 0
    n_errors = n_warnings = 0
    by_rule: dict[tuple[str, str], list[int]] = {}
    worst = EXIT_OK
    for item in loaded:
        if item.map is None:
            unreadable += 1
            worst = max(worst, exit_code(item.error) if item.error else 3)
            files_json.append({"file": item.name,
                               "error": shell_message(item.error) if item.error else None})
            continue
        found = problems_of(item.map)
        if args.errors_only:
            found = [(s, p) for s, p in found if s == "error"]
        errors = sum(1 for s, _ in found if s == "error")
        warns = len(found) - errors
        n_errors, n_warnings = n_errors + errors, n_warnings + warns
        if errors:
            failed += 1
        elif warns:
            warned += 1
        else:
            clean += 1
        if errors or (args.strict and warns):
            worst = max(worst, EXIT_PROBLEMS)
        seen: set[tuple[str, str]] = set()
        for severity, p in found:
            key = (p.code, severity)
            counts = by_rule.setdefault(key, [0, 0])
            counts[0] += 1
            if key not in seen:
                counts[1] += 1
                seen.add(key)
            if listing:
                print(f"{item.name}: {severity}: {p}")
        files_json.append({"file": item.name, "format": item.format, "problems": [
            {"severity": s, "code": p.code, "message": p.message, "nodes": list(p.nodes),
             "edges": list(p.edges)} for s, p in found]})
    summary = {"files": total, "clean": clean, "warnings_only": warned, "with_errors": failed,
               "unreadable": unreadable, "errors": n_errors, "warnings": n_warnings}
    if args.json:
        print_json({"files": files_json, "summary": summary, "by_rule": [
            {"code": c, "severity": s, "count": n, "files": f}
            for (c, s), (n, f) in sorted(by_rule.items())]})
        return worst
    if args.quiet:
        return worst
    if args.summary:
        width = max((len(c) for c, _ in by_rule), default=4)
        for (code, severity), (n, files) in sorted(by_rule.items(),
                                                   key=lambda kv: (-kv[1][0], kv[0])):
            print(f"{code:<{width}}  {severity:<7}  {thousands(n):>9} in {thousands(files)} "
                  f"file(s)")
    line = (f"{thousands(total)} file(s): {thousands(clean)} clean, {thousands(warned)} "
            f"warnings only, {thousands(failed)} with errors")
    if unreadable:
        line += f", {thousands(unreadable)} unreadable"
    print(f"{line}; {thousands(n_errors)} error(s), {thousands(n_warnings)} warning(s)")
    return worst


# --------------------------------------------------------------------- info
def info_of(m: ArgumentMap, path: str, fmt: str | None) -> dict[str, Any]:
    """The summary ``argmap info`` prints of one map, as JSON-ready data."""
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
            # An illocution's force is in its text where a format has no scheme field.
            label = n.force if isinstance(n, Illocution) else getattr(n, "scheme", None)
            schemes[(n.kind.value, label or "")] += 1
    problems = problems_of(m)
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


def _print_info(info: dict[str, Any]) -> None:
    print(f"{info['file']} ({info['format']})")
    src = info["source"]
    if src is not None:
        meta = ", ".join(f"{k} {v!r}" for k, v in src.items() if k != "characters")
        print(f"source: {src['characters']} characters" + (f"; {meta}" if meta else ""))
    else:
        print("source: none")
    kinds = ", ".join(f"{k} {n}" for k, n in info["kinds"].items())
    print(f"nodes: {info['nodes']}" + (f" ({kinds})" if kinds else ""))
    print(f"edges: {info['edges']}")
    print(f"participants: {len(info['participants'])}")
    for p in info["participants"]:
        print(f"  {p['id']}: {p['name']} ({p['locutions']} locution(s))")
    print(f"schemes: {len(info['schemes'])}")
    for s in info["schemes"]:
        print(f"  {s['kind']} {s['scheme'] or '(none)'}: {s['count']}")
    print(f"problems: {sum(info['problems'].values())}")
    for code, n in info["problems"].items():
        print(f"  {code}: {n}")


def _cmd_info(args: argparse.Namespace) -> int:
    loaded, total, several = each_map(args.files, args.from_format, label="info")
    if not several:
        worst = EXIT_OK
        for item in loaded:
            if item.map is None:
                worst = max(worst, exit_code(item.error) if item.error else 3)
            elif args.json:
                print_json(info_of(item.map, item.name, item.format))
            elif not args.quiet:
                _print_info(info_of(item.map, item.name, item.format))
        return worst
    return _corpus_info(args, loaded, total)


def _corpus_info(args: argparse.Namespace, loaded: Iterator[Loaded], total: int) -> int:
    """``info`` over several maps: a line each, then the corpus statistics."""
    from argmap.mining._statistics import corpus_statistics

    infos: list[dict[str, Any]] = []
    failed: list[int] = []
    formats_seen: collections.Counter[str] = collections.Counter()

    def maps() -> Iterator[ArgumentMap]:
        for item in loaded:
            if item.map is None:
                failed.append(exit_code(item.error) if item.error else 3)
                continue
            info = info_of(item.map, item.name, item.format)
            info.pop("problem_list")
            formats_seen[str(item.format)] += 1
            infos.append(info)
            if not (args.json or args.quiet):
                print(f"{info['file']} ({info['format']}): {info['nodes']} nodes, "
                      f"{info['edges']} edges, {sum(info['problems'].values())} problem(s)")
            yield item.map

    stats = corpus_statistics(maps())
    stats["files"], stats["unreadable"] = total, len(failed)
    stats["formats"] = dict(formats_seen.most_common())
    stats["problems"] = sum(sum(i["problems"].values()) for i in infos)
    if args.json:
        print_json({"files": infos, "total": stats})
    elif not args.quiet:
        for key in ("units", "relations", "schemes"):
            items = ", ".join(f"{k} {thousands(n)}" for k, n in stats[key].items())
            counted = thousands(sum(stats[key].values()))
            print(f"{key}: {counted}" + (f" ({items})" if items else ""))
        print(f"implicit units: {thousands(stats['implicit_units'])}; speakers: "
              f"{thousands(stats['speakers'])}; locutions: {thousands(stats['locutions'])}")
        if stats["coverage"] is not None:
            print(f"text covered by units: {thousands(stats['covered_characters'])} of "
                  f"{thousands(stats['characters'])} characters ({stats['coverage']:.1%})")
        print(f"{thousands(total)} file(s): {thousands(stats['maps'])} read, "
              f"{thousands(len(failed))} unreadable; {thousands(stats['problems'])} problem(s)")
    return max(failed, default=EXIT_OK)


# ------------------------------------------------------------------- render
def _cmd_render(args: argparse.Namespace) -> int:
    from argmap.view import render, render_dot, to_dot

    problem = not_one_file(args.file, "render")
    if problem:
        say("error", problem)
        return EXIT_USAGE
    m, _ = load(args.file, args.from_format)
    if args.evaluate and not _is_html(args.output, args.to_format):
        say("error", "--evaluate shows statuses in the HTML reader view only; write a .html "
                     "file or use --to html")
        return EXIT_USAGE
    if args.output == "-":
        fmt = (args.to_format or "svg").lower()
        if fmt in ("html", "htm"):
            from argmap.view._html import to_html

            page = to_html(m, view="dialogue" if args.view == "dialogue" else "argument",
                           evaluate=args.evaluate)
            data = page.encode("utf-8")
        else:
            dot = to_dot(m, dialogue=args.dialogue, view=args.view)
            data = dot.encode("utf-8") if fmt in ("dot", "gv") else render_dot(dot, fmt)
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
    else:
        extra: dict[str, Any] = {"evaluate": args.evaluate} if args.evaluate else {}
        render(m, args.output, args.to_format, dialogue=args.dialogue, view=args.view, **extra)
    return EXIT_OK


def _is_html(output: str, to_format: str | None) -> bool:
    if to_format is not None:
        return to_format.lower() in ("html", "htm")
    return output.lower().endswith((".html", ".htm"))


# ------------------------------------------------------------------ formats
def _cmd_formats(args: argparse.Namespace) -> int:
    listed = formats()
    if args.json:
        print_json([{"name": f.name, "read": f.load is not None, "write": f.dump is not None,
                     "suffixes": list(f.suffixes), "description": f.description}
                    for f in listed])
        return EXIT_OK
    for f in listed:
        modes = ("read" if f.load else "") + ("/write" if f.dump and f.load else
                                              "write" if f.dump else "")
        suffixes = " ".join(f.suffixes)
        print(f"{f.name:<12} {modes:<11} {suffixes:<28} {f.description}")
    return EXIT_OK


def add_commands(sub: argparse._SubParsersAction[Any]) -> None:
    """Register convert, validate, info, render and formats."""
    p = sub.add_parser(
        "convert", help=COMMANDS["convert"],
        description="Read each input and write it in another format: 'argmap convert IN OUT' "
                    "for one map ('-' for standard input/output), or 'argmap convert IN... -o "
                    "FOLDER --to FORMAT' for several (files, folders, globs).")
    p.add_argument("files", metavar="IN", nargs="+", help="the inputs (and OUT, without -o)")
    p.add_argument("-o", "--output", default=None, metavar="OUT",
                   help="the output file, or a folder for several inputs")
    add_input_options(p, several=False)
    p.add_argument("--to", dest="to_format", metavar="FORMAT", default=None,
                   help="format of the output (default: from OUT's name; aif-xml for '-' and "
                        "folders)")
    p.add_argument("-q", "--quiet", action="store_true", help="no summary line")
    p.set_defaults(run=_cmd_convert)

    p = sub.add_parser(
        "validate", help=COMMANDS["validate"],
        description="Print one line per problem and a summary line; exit 1 if any error is "
                    "found (with --strict, also for warnings).")
    add_input_options(p)
    add_report_options(p, summary=True)
    p.add_argument("--strict", action="store_true",
                   help="also fail on warnings (records a reader kept outside the graph)")
    p.set_defaults(run=_cmd_validate)

    p = sub.add_parser(
        "info", help=COMMANDS["info"],
        description="Counts by node kind, participants, schemes and problems; for several "
                    "maps, one line each and the totals.")
    add_input_options(p)
    add_report_options(p)
    p.set_defaults(run=_cmd_info)

    p = sub.add_parser(
        "render", help=COMMANDS["render"],
                       description="Draw FILE with Graphviz into OUT ('-' for standard output); "
                                   "an OUT ending in .html (or --to html) gets the "
                                   "self-contained reader view: the text beside its map.")
    p.add_argument("file", metavar="FILE", help="the map; '-' for standard input")
    p.add_argument("-o", "--output", required=True, metavar="OUT")
    add_input_options(p, several=False)
    p.add_argument("--to", dest="to_format", default=None, metavar="FORMAT",
                   help="svg, png, jpeg, dot or html (default: from OUT's suffix; svg for '-')")
    p.add_argument("--dialogue", choices=("full", "compact", "argument"), default="full",
                   help="how much of the dialogue layer to draw (default: full)")
    p.add_argument("--view", choices=("argument", "dialogue"), default=None,
                   help="argument: the argument layer, speakers as badges; dialogue: everything "
                        "(overrides --dialogue; for HTML, the layer shown first)")
    p.add_argument("--evaluate", choices=("grounded", "complete", "preferred", "stable"),
                   default=None, help="HTML only: show each proposition's status under this "
                                      "semantics")
    p.set_defaults(run=_cmd_render)

    p = sub.add_parser(
        "formats", help=COMMANDS["formats"])
    p.add_argument("--json", action="store_true", help="machine output: one JSON document")
    p.set_defaults(run=_cmd_formats)

