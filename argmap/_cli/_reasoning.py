"""The reasoning commands: evaluate, compare, lint."""

from __future__ import annotations

import argparse
import collections
from typing import Any

from argmap._cli._common import (
    EXIT_OK,
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
from argmap._cli._inputs import not_one_file
from argmap._errors import ArgmapError
from argmap.reasoning._agreement import PRESETS, _selected, compare
from argmap.reasoning._aspic import ORDERINGS, evaluate
from argmap.reasoning._explain import Explanation
from argmap.reasoning._framework import SEMANTICS, Status
from argmap.reasoning._lint import LINT_RULES, _short, lint

__all__ = ["add_commands"]


def _cmd_evaluate(args: argparse.Namespace) -> int:
    loaded, total, several = each_map(args.files, args.from_format, label="evaluate")
    worst = EXIT_OK
    results: list[dict[str, Any]] = []
    overall: collections.Counter[str] = collections.Counter()
    item: Loaded
    for item in loaded:
        if item.map is None:
            worst = max(worst, exit_code(item.error) if item.error else 3)
            continue
        m = item.map
        try:
            ev = evaluate(m, args.semantics, ordering=args.ordering,
                          perspective=args.perspective)
        except ArgmapError as exc:
            say("error", f"{item.name}: {shell_message(exc)}")
            worst = max(worst, EXIT_PROBLEMS)
            continue
        counts = dict.fromkeys(Status, 0)
        for st in ev.statuses.values():
            counts[st] += 1
            overall[st.value] += 1
        # The direct grounded computation builds no arguments; counting them would build them.
        built = ev.method != "direct"
        sf = ev.structure if built else None
        result: dict[str, Any] = {
                  "file": item.name, "semantics": ev.semantics, "ordering": ev.ordering,
                  "method": ev.method, "fallback": ev.fallback,
                  "arguments": len(sf.arguments) if sf else None,
                  "defeats": sf.framework.attack_count() if sf else None,
                  "labellings": ev.labellings, "perspective": ev.perspective,
                  "unread": dict(ev.unread),
                  "counts": {s.value: counts[s] for s in Status},
                  "statuses": {nid: st.value for nid, st in ev.statuses.items()}}
        try:
            explained = {nid: ev.explain(nid) for nid in args.explain or ()}
        except ArgmapError as exc:
            say("error", f"{item.name}: {shell_message(exc)}")
            worst = max(worst, EXIT_PROBLEMS)
            continue
        if explained:
            result["explanations"] = {
                nid: {"status": why.status.value, "rule": why.rule,
                      "premises": sorted(why.premises), "rules": sorted(why.rules),
                      "defeats": [list(d) for d in why.defeats]}
                for nid, why in explained.items()}
        results.append(result)
        if args.json or args.quiet:
            continue
        whose = "" if ev.perspective is None else f", from {ev.perspective}'s perspective"
        how = (f"{len(sf.arguments)} arguments, {sf.framework.attack_count()} defeats" if sf
               else "computed without building arguments")
        print(f"{item.name}: {ev.semantics} semantics, {ev.ordering} ordering{whose}; {how}")
        for nid, why in ev.unread.items():
            print(f"left out {nid}: {why}")
        if ev.fallback is not None:
            print(f"arguments built because {ev.fallback}")
        if ev.labellings is None:
            print(f"statuses are sceptical; under {ev.semantics} semantics they are the "
                  "grounded ones")
        elif ev.semantics != "grounded":
            print(f"{ev.labellings} {ev.semantics} labelling(s); statuses are sceptical"
                  + (" (none exists, so nothing is decided)" if ev.labellings == 0 else ""))
        print(", ".join(f"{counts[s]} {s.value}" for s in Status))
        width = max((len(k) for k in ev.statuses), default=0)
        for nid, st in ev.statuses.items():
            text = getattr(m.nodes[nid], "text", None) or ""
            print(f"{st.value:<5} {nid:<{width}}  {_short(text, 80)}")
        for nid, reason in explained.items():
            print(_explanation(nid, reason))
    if args.json:
        print_json(results if several else (results[0] if results else None))
    elif several and not args.quiet:
        print(f"{thousands(total)} file(s): {thousands(len(results))} evaluated; "
              + ", ".join(f"{thousands(overall[s.value])} {s.value}" for s in Status))
    return worst


def _explanation(nid: str, why: Explanation) -> str:
    """One line saying why a proposition has its status."""
    if why.status is Status.IN:
        how = ("it is a premise" if why.rule is None else
               f"an IN argument ends with {why.rule} and rests on "
               + ", ".join(sorted(why.premises)))
    elif why.status is Status.OUT:
        how = "; ".join(f"{attacker} attacks {target} through {conflict}"
                        for conflict, attacker, target in why.defeats)
    else:
        how = "no argument for it is IN, and not every one is defeated by an IN one"
    return f"why {nid} is {why.status.value}: {how}"


def _cmd_compare(args: argparse.Namespace) -> int:
    for path in (args.first, args.second):
        problem = not_one_file(path, "compare")
        if problem:
            say("error", problem)
            return EXIT_USAGE
    if args.first == args.second == "-":
        say("error", "standard input can be read once: name at least one file")
        return EXIT_USAGE
    loaded, _total, _several = each_map([args.first, args.second], args.from_format,
                                        label="compare")
    items = list(loaded)
    failed = [i for i in items if i.map is None]
    if failed:
        return max(exit_code(i.error) if i.error else 3 for i in failed)
    a, b = items[0].map, items[1].map
    assert a is not None and b is not None
    try:
        ag = compare(a, b, threshold=args.threshold, combination=args.combination,
                     layers=args.layers)
    except ArgmapError as exc:
        say("error", shell_message(exc))
        return EXIT_PROBLEMS
    if args.json:
        print_json({"first": items[0].name, "second": items[1].name, "agreement": ag,
                    "summary": ag.summary()})
    elif not args.quiet:
        print(f"A = {items[0].name}\nB = {items[1].name}")
        print(ag.summary())
        if not args.no_diff:
            print()
            print(ag.diff())
    return EXIT_OK


def _threshold(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
    if not 0 < value <= 1:
        raise argparse.ArgumentTypeError(f"must be in (0, 1], got {text}")
    return value


def _layers(text: str) -> str | tuple[str, ...]:
    chosen: str | tuple[str, ...] = (
        text if text in PRESETS else tuple(x.strip() for x in text.split(",")))
    try:
        _selected(chosen)
    except ArgmapError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None
    return chosen


def _cmd_lint(args: argparse.Namespace) -> int:
    loaded, total, several = each_map(args.files, args.from_format, label="lint")
    worst = EXIT_OK
    clean = flagged = findings = 0
    by_rule: collections.Counter[str] = collections.Counter()
    results: list[dict[str, Any]] = []
    for item in loaded:
        if item.map is None:
            worst = max(worst, exit_code(item.error) if item.error else 3)
            continue
        problems = lint(item.map)
        findings += len(problems)
        by_rule.update(p.code for p in problems)
        if problems:
            flagged += 1
            if not args.exit_zero:
                worst = max(worst, EXIT_PROBLEMS)
        else:
            clean += 1
        results.append({"file": item.name, "findings": [
            {"code": p.code, "message": p.message, "nodes": list(p.nodes)} for p in problems]})
        if not (args.json or args.quiet or args.summary):
            for p in problems:
                print(f"{item.name}: {p}")
    if args.json:
        print_json(results if several else (results[0] if results else None))
        return worst
    if args.quiet:
        return worst
    if args.summary:
        for code, n in by_rule.most_common():
            print(f"{code}: {thousands(n)}")
    if several:
        print(f"{thousands(total)} file(s): {thousands(clean)} clean, {thousands(flagged)} "
              f"with findings; {thousands(findings)} finding(s)")
    else:
        print(f"{findings} finding(s)")
    return worst


def add_commands(sub: argparse._SubParsersAction[Any]) -> None:
    """Register evaluate, compare and lint."""
    p = sub.add_parser(
        "evaluate", help=COMMANDS["evaluate"],
        description="Read each map as an ASPIC+ theory, build its Dung framework and print "
                    "the status of every proposition.")
    add_input_options(p)
    add_report_options(p)
    p.add_argument("--semantics", default="grounded",
                   choices=[*SEMANTICS, "GR", "CO", "PR", "ST"],
                   help="Dung semantics (default: grounded)")
    p.add_argument("--ordering", default="weakest-link", choices=ORDERINGS,
                   help="argument ordering for preferences (default: weakest-link)")
    p.add_argument("--perspective", metavar="NAME",
                   help="a participant's id: only what NAME asserts or concedes is taken as "
                        "premise; what others said counts only as the fact that they said it "
                        "(default: the whole map, whoever said it)")
    p.add_argument("--explain", metavar="NODE", action="append",
                   help="say why NODE has its status: an IN argument for it, or the attacks "
                        "that defeat each of its arguments (grounded and complete semantics; "
                        "repeatable)")
    p.set_defaults(run=_cmd_evaluate)

    p = sub.add_parser(
        "compare", help=COMMANDS["compare"],
        description="Align the propositions and locutions of two maps of the same text and "
                    "report segmentation, relation, label and dialogue-layer agreement, the "
                    "CASS score and a diff.")
    p.add_argument("first", metavar="FIRST", help="the first annotation ('-' for standard input)")
    p.add_argument("second", metavar="SECOND", help="the second annotation")
    add_input_options(p, several=False)
    add_report_options(p)
    p.add_argument("--threshold", type=_threshold, default=0.5,
                   help="lowest alignment score for two propositions (or locutions) to match "
                        "(default 0.5)")
    p.add_argument("--combination", choices=("harmonic", "arithmetic"), default="harmonic",
                   help="how CASS combines the graph kappa M and the segmentation S: "
                        "2MS/(M+S) (default) or (M+S)/2")
    p.add_argument("--layers", type=_layers, default="all", metavar="LAYERS",
                   help="the layers that enter the graph kappa: 'all' (default), 'argument' "
                        "(relations only, for a map without a dialogue layer) or "
                        "comma-separated layer names")
    p.add_argument("--no-diff", action="store_true", help="print the figures only")
    p.set_defaults(run=_cmd_compare)

    p = sub.add_parser(
        "lint", help=COMMANDS["lint"],
        description="Report annotation weaknesses: " + "; ".join(sorted(LINT_RULES))
                    + ". Exits with 1 when there are findings.")
    add_input_options(p)
    add_report_options(p)
    p.add_argument("--summary", action="store_true", help="count the findings by rule")
    p.add_argument("--exit-zero", action="store_true", help="exit with 0 even with findings")
    p.set_defaults(run=_cmd_lint)
