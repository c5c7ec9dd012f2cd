"""On-demand benchmark: argmap at corpus scale, against the floors of bare lxml and json.

Run from the project root (needs ../shared/bench/make_big_aif.py)::

    python tests/benchmarks/bench_scale.py [--sizes small,default,10x] [--repeat N]

or through pytest (small size only)::

    python -m pytest tests/benchmarks --benchmarks -s

For each size of the workload (small 2k/1k/200, default 20k/10k/2k = 32,000
nodes, 10x 200k/100k/20k I/RA/CA nodes) it generates the AIFdb JSON file,
reads it with argmap, writes the map as AIF-XML, and times, best of N, with
the operations of a row run in turns so both sides see the same machine load:

* ``evaluate`` (grounded) of the map, with the method that ran and how many
  ASPIC+ arguments the map yields (built by the construction, avoided by the
  direct method), and time(10x)/time(default) beside the same ratio for one
  forward-chaining pass over the inferences as bare dicts (:func:`horn_floor`);
  and, timed once, under preferred semantics, with the method and the number
  of labellings;
* AIF-XML read (``argmap.read``) against a bare lxml parse plus a walk reading
  every element's attributes and text, and the peak memory a fresh process
  adds while reading (with bare lxml's for comparison);
* AIFdb JSON read (``argmap.read``, format sniffed) against ``json.load``;
* ``to_xml`` and AIFdb JSON ``dumps`` against ``json.dumps`` of the same map's
  AIFdb dict (``etree.tostring`` of the parsed AIF-XML shown too);
* the query scan (neighbours of every node, a breadth-first walk, ``roots()``,
  supporters and attackers of every proposition) as time(10x)/time(default),
  beside the same ratio for the neighbour scan and walk over bare dicts of id
  lists (what the memory hierarchy alone costs) and over flat integer arrays
  (what the same work costs with no object per node);
* ``import argmap`` and ``argmap --help`` against ``python -c pass``.

Ratios are CPU-time ratios (this process's user+system time, best of N): on a
busy machine they are far steadier than wall time, and every operation timed
here is single-threaded.  Peers (arguebuf, formal-argumentation) are timed
only when importable in this interpreter; they are never installed by argmap.
"""

from __future__ import annotations

import argparse
import gc
import importlib.util
import json
import os
import platform
import re
import subprocess
import sys
import tempfile
import time
from array import array
from collections import deque
from collections.abc import Callable
from pathlib import Path
from typing import Any

from lxml import etree

import argmap
from argmap import NodeKind

ROOT = Path(__file__).resolve().parents[2]
MAKE = ROOT.parent / "shared" / "bench" / "make_big_aif.py"
SIZES: dict[str, tuple[int, int, int]] = {
    "small": (2_000, 1_000, 200),
    "default": (20_000, 10_000, 2_000),
    "10x": (200_000, 100_000, 20_000),
}

_PEAK = """
import re, sys
def hwm():
    with open('/proc/self/status') as f:
        return int(re.search(r'VmHWM:\\s+(\\d+)', f.read()).group(1)) / 1024
which, path = sys.argv[1], sys.argv[2]
if which == 'argmap':
    import argmap
    base = hwm()
    m = argmap.read(path)
else:
    from lxml import etree
    with open(path, 'rb') as f:
        data = f.read()
    base = hwm()
    root = etree.fromstring(data, etree.XMLParser(remove_blank_text=True))
print(base, hwm())
"""


def cpu_best(fns: dict[str, Callable[[], object]], repeat: int) -> dict[str, float]:
    """Best-of-``repeat`` CPU time of each function, running them in turns."""
    best = dict.fromkeys(fns, float("inf"))
    for _ in range(repeat):
        for name, fn in fns.items():
            gc.collect()
            t0 = time.process_time()
            result = fn()
            best[name] = min(best[name], time.process_time() - t0)
            del result  # freeing what was built is not part of building it
    return best


def bare_walk(path: Path) -> int:
    """The least any AIF-XML reader does: parse, then read every attribute and text."""
    data = path.read_bytes()
    root = etree.fromstring(data, etree.XMLParser(remove_blank_text=True))
    count = 0
    for el in root.iter():
        for _k, _v in el.items():
            count += 1
        if el.text:
            count += 1
    return count


def json_load(path: Path) -> Any:
    with path.open("rb") as f:
        return json.load(f)


def compact(obj: Any) -> bytes:
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def plain_adjacency(m: argmap.ArgumentMap) -> tuple[dict[str, list[str]], dict[str, list[str]]]:
    """The map's edges as bare dicts of id lists: what the floor of the query scan walks."""
    pred: dict[str, list[str]] = {nid: [] for nid in m.nodes}
    succ: dict[str, list[str]] = {nid: [] for nid in m.nodes}
    for e in m.edges.values():
        succ[e.from_id].append(e.to_id)
        pred[e.to_id].append(e.from_id)
    return pred, succ


def queries_floor(pred: dict[str, list[str]], succ: dict[str, list[str]]) -> int:
    """The neighbour scan and breadth-first walk of :func:`queries` over bare dicts.

    No object is touched but the id strings, so its growth from the default
    size to 10x is what the memory hierarchy alone costs a Python program.
    """
    count = 0
    for nid, out in succ.items():
        count += len(pred[nid]) + len(out)
    seen: set[str] = set()
    for start in succ:
        if start in seen:
            continue
        seen.add(start)
        todo = deque([start])
        while todo:
            nid = todo.popleft()
            for other in (*pred[nid], *succ[nid]):
                if other not in seen:
                    seen.add(other)
                    todo.append(other)
    return count


def array_adjacency(m: argmap.ArgumentMap) -> tuple[array[int], array[int], array[int],
                                                    array[int]]:
    """The map's edges as integer arrays (node numbers, grouped by node): no object at all."""
    number = {nid: i for i, nid in enumerate(m.nodes)}
    n = len(number)
    edges = [(number[e.from_id], number[e.to_id]) for e in m.edges.values()]

    def grouped(pairs: list[tuple[int, int]]) -> tuple[array[int], array[int]]:
        starts = array("q", bytes(8 * (n + 1)))
        for k, _ in pairs:
            starts[k + 1] += 1
        for i in range(n):
            starts[i + 1] += starts[i]
        fill, flat = array("q", starts), array("q", bytes(8 * len(pairs)))
        for k, v in pairs:
            flat[fill[k]] = v
            fill[k] += 1
        return starts, flat

    ps, pf = grouped([(b, a) for a, b in edges])
    ss, sf = grouped(edges)
    return ps, pf, ss, sf


def queries_array_floor(ps: array[int], pf: array[int], ss: array[int], sf: array[int]) -> int:
    """The neighbour scan and walk of :func:`queries_floor` over integer arrays.

    No Python object per node or edge is touched at all: how the same work
    grows when the graph is laid out as flat arrays of machine integers.
    """
    n = len(ps) - 1
    count = 0
    for i in range(n):
        count += ps[i + 1] - ps[i] + ss[i + 1] - ss[i]
    seen = bytearray(n)
    for start in range(n):
        if seen[start]:
            continue
        seen[start] = 1
        todo = deque([start])
        while todo:
            i = todo.popleft()
            for j in (*pf[ps[i]:ps[i + 1]], *sf[ss[i]:ss[i + 1]]):
                if not seen[j]:
                    seen[j] = 1
                    todo.append(j)
    return count


def queries(m: argmap.ArgumentMap) -> int:
    """Neighbours of every node, a breadth-first walk, roots(), supporters+attackers scan."""
    count = 0
    for nid in m.nodes:
        count += len(m.predecessors(nid)) + len(m.successors(nid))
    seen: set[str] = set()
    for start in m.nodes:
        if start in seen:
            continue
        seen.add(start)
        todo = deque([start])
        while todo:
            nid = todo.popleft()
            for nb in (*m.predecessors(nid), *m.successors(nid)):
                if nb.id not in seen:
                    seen.add(nb.id)
                    todo.append(nb.id)
    count += len(m.roots)
    for p in m.propositions:
        count += len(m.supporters(p)) + len(m.attackers(p))
    return count


def peak_mib(which: str, path: Path) -> float:
    # Run outside the project folder: `python -c` puts the working directory first on
    # the path, which would shadow a --baseline tree given in PYTHONPATH.
    out = subprocess.run([sys.executable, "-c", _PEAK, which, str(path)], capture_output=True,
                         text=True, check=True, cwd=path.parent)
    base, peak = (float(x) for x in out.stdout.split())
    return peak - base


def startup(repeat: int) -> dict[str, float]:
    """Best-of-``repeat`` wall time of fresh interpreters (CPU time of children is noisier)."""
    cli = [sys.executable, "-c", "import sys; from argmap._cli import main; "
           "sys.argv = ['argmap', '--help']; main()"]
    runs = {
        "pass": [sys.executable, "-c", "pass"],
        "import": [sys.executable, "-c", "import argmap"],
        "help": cli,
    }
    best = dict.fromkeys(runs, float("inf"))
    for _ in range(repeat):
        for name, cmd in runs.items():
            t0 = time.perf_counter()
            subprocess.run(cmd, check=False, capture_output=True, cwd=tempfile.gettempdir())
            best[name] = min(best[name], time.perf_counter() - t0)
    return best


def measure(size: str, repeat: int, tmp: Path, *, evaluate: bool, memory: bool
            ) -> dict[str, Any]:
    n_i, n_ra, n_ca = SIZES[size]
    folder = tmp / size
    subprocess.run([sys.executable, str(MAKE), "--inodes", str(n_i), "--ra", str(n_ra), "--ca",
                    str(n_ca), "--out-dir", str(folder)], check=True, capture_output=True)
    jpath = folder / "big.json"
    xpath = folder / "big.aif.xml"
    m = argmap.read(jpath)
    argmap.write(m, xpath)
    r: dict[str, Any] = {"nodes": len(m.nodes), "edges": len(m.edges),
                         "xml_mb": xpath.stat().st_size / 1e6,
                         "json_mb": jpath.stat().st_size / 1e6}
    # Each operation is timed with only its own inputs alive: at 10x, copies of the
    # map left over from other rows would slow every allocation, floors included.
    del m
    big = size == "10x"
    rep = max(1, repeat // 2) if big else repeat
    t = cpu_best({"read": lambda: argmap.read(xpath), "floor": lambda: bare_walk(xpath)}, rep)
    r["xml_read"], r["xml_floor"] = t["read"], t["floor"]
    t = cpu_best({"read": lambda: argmap.read(jpath), "floor": lambda: json_load(jpath)}, rep)
    r["json_read"], r["json_floor"] = t["read"], t["floor"]
    m = argmap.read(jpath)
    r.update(writing(m, xpath, rep))
    r.update(scanning(m, rep))
    if memory:
        r["mem_read"] = peak_mib("argmap", xpath)
        r["mem_lxml"] = peak_mib("lxml", xpath)
    if evaluate:
        r.update(evaluation(m, rep))
    if importlib.util.find_spec("arguebuf") is not None:
        import arguebuf  # type: ignore[import-not-found]

        r["arguebuf"] = cpu_best({"a": lambda: arguebuf.load.file(jpath)}, 1)["a"]
    return r


def writing(m: argmap.ArgumentMap, xpath: Path, rep: int) -> dict[str, float]:
    """Both writers against json.dumps of the AIFdb dict (and lxml's tostring of the file)."""
    aif = json.loads(argmap.dumps(m, "aifdb-json"))
    tree = etree.fromstring(xpath.read_bytes())
    t = cpu_best({
        "to_xml": lambda: argmap.dumps(m, "aif-xml"),
        "dumps": lambda: argmap.dumps(m, "aifdb-json"),
        "json": lambda: compact(aif),
        "tostring": lambda: etree.tostring(tree, xml_declaration=True, encoding="UTF-8"),
    }, rep)
    return {f"w_{k}": v for k, v in t.items()}


def scanning(m: argmap.ArgumentMap, rep: int) -> dict[str, float]:
    """The query scan against its bare-dict floor and the same over integer arrays."""
    pred, succ = plain_adjacency(m)
    arrays = array_adjacency(m)
    t = cpu_best({"q": lambda: queries(m), "floor": lambda: queries_floor(pred, succ),
                  "arrays": lambda: queries_array_floor(*arrays)}, rep)
    return {"queries": t["q"], "queries_floor": t["floor"], "queries_arrays": t["arrays"]}


def evaluation(m: argmap.ArgumentMap, repeat: int) -> dict[str, Any]:
    """Grounded evaluation: best-of time, the method that ran, the arguments it did not build."""
    from argmap.reasoning._aspic import _theory
    from argmap.reasoning._size import count_arguments

    t0 = time.process_time()
    try:
        ev = argmap.evaluate(m)
    except (argmap.ArgmapError, MemoryError) as exc:
        return {"evaluate": None,
                "evaluate_note": f"fails after {time.process_time() - t0:.0f} s: "
                                 f"{type(exc).__name__}: {str(exc).partition(' (')[0][:70]}"}
    first = time.process_time() - t0
    pred, succ = plain_adjacency(m)
    kinds = {nid: n.kind for nid, n in m.nodes.items()}
    t = cpu_best({"e": lambda: argmap.evaluate(m),
                  "floor": lambda: horn_floor(kinds, pred, succ)}, max(1, repeat - 1))
    best = min(first, t["e"])
    th = _theory(m, ordering="weakest-link", catalogue=None, perspective=None,
                 conclusion_preferences="lift", transposition=True)
    size = count_arguments(th)
    if ev.method == "direct":
        note = f"direct; {size:,} arguments not built"
    else:
        note = f"construction; {size:,} arguments"
    out = {"evaluate": best, "evaluate_note": note, "evaluate_floor": t["floor"]}
    # Preferred semantics once: the fixpoint, plus a search over what it leaves undecided.
    t0 = time.process_time()
    try:
        pr = argmap.evaluate(m, "preferred")
    except (argmap.ArgmapError, MemoryError) as exc:
        out["preferred"] = None
        out["preferred_note"] = (f"fails after {time.process_time() - t0:.0f} s: "
                                 f"{type(exc).__name__}: {str(exc).partition(' (')[0][:70]}")
    else:
        out["preferred"] = time.process_time() - t0
        out["preferred_note"] = f"{pr.method}; {pr.labellings:,} labelling(s)"
    return out


def horn_floor(kinds: dict[str, NodeKind], pred: dict[str, list[str]],
               succ: dict[str, list[str]]) -> int:
    """The least a grounded evaluation of the map does, over bare dicts of id lists.

    One forward-chaining pass over the inferences with a counter per rule,
    conflicts left out: every evaluation reads each inference's premises and
    conclusion and fires each rule once.  Its growth from the default size to
    10x is what the memory hierarchy costs this kind of work.
    """
    rules = [(pred[nid], succ[nid][0]) for nid, kind in kinds.items()
             if kind is NodeKind.RA and succ[nid]]
    watch: dict[str, list[int]] = {}
    for r, (premises, _) in enumerate(rules):
        for p in premises:
            watch.setdefault(p, []).append(r)
    missing = [len(premises) for premises, _ in rules]
    supported = {conclusion for _, conclusion in rules}
    derived = {nid for nid, kind in kinds.items() if kind is NodeKind.I and nid not in supported}
    todo = list(derived)
    while todo:
        for r in watch.get(todo.pop(), ()):
            missing[r] -= 1
            if missing[r] == 0 and rules[r][1] not in derived:
                derived.add(rules[r][1])
                todo.append(rules[r][1])
    return len(derived)


def _ms(seconds: float | None) -> str:
    return "—" if seconds is None else f"{seconds * 1000:,.0f} ms"


def table(results: dict[str, dict[str, Any]], start: dict[str, float]) -> str:
    sizes = list(results)
    rows: list[tuple[str, list[str]]] = []

    def row(label: str, cell: Callable[[dict[str, Any]], str]) -> None:
        rows.append((label, [cell(results[s]) for s in sizes]))

    def ev(r: dict[str, Any]) -> str:
        if "evaluate" not in r:
            return "not run"
        if r["evaluate"] is None:
            return str(r["evaluate_note"])
        note = f" ({r['evaluate_note']})" if r["evaluate_note"] else ""
        return f"{_ms(r['evaluate'])}{note}"

    row("`evaluate` (grounded)", ev)

    def preferred(r: dict[str, Any]) -> str:
        if "preferred" not in r:
            return "not run"
        if r["preferred"] is None:
            return str(r["preferred_note"])
        return f"{_ms(r['preferred'])} ({r['preferred_note']})"

    row("`evaluate` (preferred, one run)", preferred)
    if "default" in results and "10x" in results and results["default"].get("evaluate") \
            and results["10x"].get("evaluate"):
        d, x = results["default"], results["10x"]
        rows.append(("`evaluate` (bare-dict floor): time(10x)/time(default)",
                     [f"{x['evaluate'] / d['evaluate']:.1f}× (floor "
                      f"{x['evaluate_floor'] / d['evaluate_floor']:.1f}×)"
                      if s == "10x" else "" for s in sizes]))
    row("AIF-XML read / lxml parse+walk",
        lambda r: f"{r['xml_read'] / r['xml_floor']:.2f}× ({_ms(r['xml_read'])})")
    row("AIF-XML read, peak memory (lxml parse alone)",
        lambda r: f"{r['mem_read']:.0f} MiB ({r['mem_lxml']:.0f})" if "mem_read" in r else "—")
    row("AIFdb JSON read / `json.load`",
        lambda r: f"{r['json_read'] / r['json_floor']:.2f}× ({_ms(r['json_read'])})")
    row("`to_xml` / `json.dumps` of the AIFdb dict",
        lambda r: f"{r['w_to_xml'] / r['w_json']:.2f}× ({r['w_to_xml'] / r['w_tostring']:.1f}× "
                  "tostring)")
    row("AIFdb JSON `dumps` / `json.dumps`", lambda r: f"{r['w_dumps'] / r['w_json']:.2f}×")
    if any("arguebuf" in r for r in results.values()):
        row("arguebuf load / argmap JSON read",
            lambda r: f"{r['arguebuf'] / r['json_read']:.1f}×" if "arguebuf" in r else "—")
    scale = ""
    if "default" in results and "10x" in results:
        d, x = results["default"], results["10x"]
        scale = (f"{x['queries'] / d['queries']:.1f}× (floor "
                 f"{x['queries_floor'] / d['queries_floor']:.1f}×; integer arrays "
                 f"{x['queries_arrays'] / d['queries_arrays']:.1f}×)")
    rows.append(("queries scan (bare-dict floor; integer arrays): time(10x)/time(default)",
                 [f"{_ms(results[s]['queries'])} ({_ms(results[s]['queries_floor'])}; "
                  f"{_ms(results[s]['queries_arrays'])})"
                  + (f"; {scale}" if s == "10x" and scale else "") for s in sizes]))
    rows.append(("`import argmap` / `argmap --help` (`python -c pass`)",
                 [f"{_ms(start['import'])} / {_ms(start['help'])} ({_ms(start['pass'])})"]
                 + ["" for _ in sizes[1:]]))
    head = ["operation", *sizes]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    lines += ["| " + " | ".join([label, *cells]) + " |" for label, cells in rows]
    return "\n".join(lines)


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        with open("/proc/cpuinfo") as f:
            found = re.search(r"model name\s*:\s*(.+)", f.read())
        if found:
            cpu = str(found.group(1).strip())
    except OSError:
        pass
    return (f"{cpu}, {os.cpu_count()} cores; Python {platform.python_version()}, "
            f"lxml {'.'.join(map(str, etree.LXML_VERSION))}, libxml2 "
            f"{'.'.join(map(str, etree.LIBXML_VERSION))}")


def collect(sizes: list[str], repeat: int, *, evaluate: bool = True, memory: bool = True,
            quiet: bool = False) -> tuple[dict[str, dict[str, Any]], dict[str, float]]:
    results: dict[str, dict[str, Any]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for size in sizes:
            results[size] = measure(size, repeat, Path(tmp), evaluate=evaluate, memory=memory)
            r = results[size]
            if not quiet:
                print(f"# {size}: {r['nodes']:,} nodes, {r['edges']:,} edges; AIF-XML "
                      f"{r['xml_mb']:.1f} MB, AIFdb JSON {r['json_mb']:.1f} MB", flush=True)
    return results, startup(max(repeat, 5))


def run(sizes: list[str], repeat: int, *, evaluate: bool = True, memory: bool = True) -> str:
    results, start = collect(sizes, repeat, evaluate=evaluate, memory=memory)
    return f"{machine()}\n\n{table(results, start)}"


def baseline(path: Path, sizes: list[str], repeat: int, evaluate: bool) -> str:
    """The same measurements with another argmap source tree first on the path."""
    cmd = [sys.executable, __file__, "--json", "--sizes", ",".join(sizes), "--repeat",
           str(repeat)]
    if not evaluate:
        cmd.append("--no-evaluate")
    env = {**os.environ, "PYTHONPATH": str(path)}
    out = subprocess.run(cmd, capture_output=True, text=True, check=True, env=env).stdout
    results, start = json.loads(out)
    return table(results, start)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="small,default,10x",
                    help="comma-separated sizes among: " + ", ".join(SIZES))
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--no-evaluate", action="store_true", help="skip the evaluate row")
    ap.add_argument("--baseline", type=Path,
                    help="also measure the argmap package found in this folder (e.g. an "
                         "unpacked `git archive` of an older commit), after this one")
    ap.add_argument("--json", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if not MAKE.exists():
        print(f"skipped: {MAKE} not found (needs the shared/ folder beside the project)")
        return 0
    sizes = [s.strip() for s in args.sizes.split(",") if s.strip()]
    unknown = [s for s in sizes if s not in SIZES]
    if unknown:
        ap.error(f"unknown size(s): {', '.join(unknown)}")
    if args.json:
        print(json.dumps(collect(sizes, args.repeat, evaluate=not args.no_evaluate, quiet=True)))
        return 0
    print(run(sizes, args.repeat, evaluate=not args.no_evaluate))
    if args.baseline is not None:
        print(f"\nbaseline ({args.baseline}), measured right after:\n")
        print(baseline(args.baseline, sizes, args.repeat, not args.no_evaluate))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
