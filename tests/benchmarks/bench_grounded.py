"""On-demand benchmark: grounded semantics on the 32,000-node workload.

Run from the project root (needs ../shared/bench/make_big_aif.py)::

    python tests/benchmarks/bench_grounded.py [--repeat N] [--fa-python PYTHON]

It generates the workload (20,000 I-nodes, 10,000 RA, 2,000 CA as AIFdb JSON),
builds the :class:`~argmap.ArgumentMap` from it with ``add_node``/``add_edge``
directly (no format reader involved), and times, best of N:

* building the ASPIC+ reading of the map (:func:`build_framework`: arguments,
  attacks, defeat graph);
* the grounded labelling of two Dung frameworks:

  - ``aspic``: the defeat graph of that reading (one argument per ASPIC+
    argument, defeats propagated to super-arguments);
  - ``direct``: the conflicts read directly as attacks between map nodes
    (attacker proposition -> attacked proposition or inference);

  each as *solve* (labelling a framework already built) and *build + solve*
  (constructing the framework from the list of attacks, then labelling).

With ``--fa-python PYTHON`` -- an interpreter of a throwaway virtual
environment with the PyPI package ``formal-argumentation`` (Python >= 3.11),
e.g. ``python3.11 -m venv /tmp/fa-venv && /tmp/fa-venv/bin/pip install
formal-argumentation``; ``/tmp/fa-venv/bin/python`` is used when it exists --
the same frameworks are handed to its ``grounded_extension`` in the same run
(as ICCMA ``p af n`` files written by argmap), timed the same way, and the two
grounded extensions are checked to be identical.  The target is argmap at
most 2x formal-argumentation's time.  The package is never installed into the
project's environment.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from argmap import ArgumentMap, Claim, Conflict, Edge, Inference
from argmap.reasoning._aspic import build_framework
from argmap.reasoning._framework import ArgumentationFramework
from argmap.reasoning._iccma import write_iccma

ROOT = Path(__file__).resolve().parents[2]
MAKE = ROOT.parent / "shared" / "bench" / "make_big_aif.py"
FA_VENV = Path("/tmp/fa-venv/bin/python")

# Runs in formal-argumentation's interpreter: argv = i23 file, repeat.
_FA_TIMER = """
import sys, time
from argumentation.core.dung import ArgumentationFramework, grounded_extension
path, repeat = sys.argv[1], int(sys.argv[2])
attacks = []
n = 0
for line in open(path, encoding="utf-8"):
    if line.startswith("#") or not line.strip():
        continue
    parts = line.split()
    if parts[0] == "p":
        n = int(parts[2])
    else:
        attacks.append((parts[0], parts[1]))
args = [str(i) for i in range(1, n + 1)]
solve = build = float("inf")
for _ in range(repeat):
    t0 = time.perf_counter()
    af = ArgumentationFramework(arguments=frozenset(args), defeats=frozenset(attacks))
    t1 = time.perf_counter()
    ext = grounded_extension(af)
    t2 = time.perf_counter()
    solve = min(solve, t2 - t1)
    build = min(build, t2 - t0)
print(solve, build, len(ext), ",".join(sorted(ext, key=int)))
"""


def best(fn: Callable[[], object], repeat: int) -> tuple[float, object]:
    """Best-of-``repeat`` wall time of ``fn`` and its last result."""
    times = []
    result: object = None
    for _ in range(repeat):
        t0 = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - t0)
    return min(times), result


def load_map(path: Path) -> ArgumentMap:
    """The AIFdb JSON workload as an ArgumentMap, built node by node."""
    doc = json.loads(path.read_text(encoding="utf-8"))
    m = ArgumentMap()
    for n in doc["nodes"]:
        kind = n["type"]
        if kind == "I":
            m.add_node(Claim(id=n["nodeID"], text=n["text"], timestamp=n.get("timestamp")))
        elif kind == "RA":
            m.add_node(Inference(id=n["nodeID"], scheme=n["text"], timestamp=n.get("timestamp")))
        elif kind == "CA":
            m.add_node(Conflict(id=n["nodeID"], scheme=n["text"], timestamp=n.get("timestamp")))
    for e in doc["edges"]:
        m.add_edge(Edge(id=e["edgeID"], from_id=e["fromID"], to_id=e["toID"]))
    return m


def direct_framework(m: ArgumentMap) -> ArgumentationFramework:
    """Conflicts as attacks between nodes: attacker -> target (a proposition or inference)."""
    af = ArgumentationFramework(n.id for n in m.nodes.values() if n.kind.value in ("I", "RA"))
    for ca in m.nodes_of(Conflict):
        a, t = m.attacker(ca), m.target(ca)
        if a is not None and t is not None:
            af.add_attack(a.id, t.id)
    return af


def time_ours(af: ArgumentationFramework, repeat: int) -> tuple[float, float, set[int]]:
    names = list(af.arguments)
    attacks = af.attacks
    solve, lab = best(af.grounded, repeat)

    def build_and_solve() -> object:
        return ArgumentationFramework(names, attacks).grounded()

    build, _ = best(build_and_solve, repeat)
    position = {n: i for i, n in enumerate(names, start=1)}
    ins = {position[a] for a in lab.in_arguments}  # type: ignore[attr-defined]
    return solve, build, ins


def time_theirs(python: Path, i23: Path, repeat: int) -> tuple[float, float, set[int]] | str:
    proc = subprocess.run([str(python), "-c", _FA_TIMER, str(i23), str(repeat)],
                          capture_output=True, text=True, check=False)
    if proc.returncode != 0:
        return proc.stderr.strip().splitlines()[-1] if proc.stderr.strip() else "failed"
    solve, build, _, ext = proc.stdout.split()
    return float(solve), float(build), {int(x) for x in ext.split(",") if x}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--fa-python", type=Path, default=FA_VENV if FA_VENV.exists() else None,
                    help="interpreter of a venv with formal-argumentation installed")
    args = ap.parse_args()
    if not MAKE.exists():
        sys.exit(f"the workload generator is missing: {MAKE}")

    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        subprocess.run([sys.executable, str(MAKE), "--out-dir", tmp], check=True,
                       stdout=subprocess.DEVNULL)
        t0 = time.perf_counter()
        m = load_map(work / "big.json")
        print(f"map built with add_node/add_edge: {len(m.nodes):,} nodes, {len(m.edges):,} "
              f"edges in {time.perf_counter() - t0:.2f} s")
        t_struct, sf = best(lambda: build_framework(m), max(1, min(args.repeat, 3)))
        structure = sf.framework  # type: ignore[attr-defined]
        print(f"ASPIC+ reading (build_framework): {len(structure):,} arguments, "
              f"{structure.attack_count():,} defeats, {len(sf.attacks):,} direct attacks "  # type: ignore[attr-defined]
              f"in {t_struct:.2f} s (best of {max(1, min(args.repeat, 3))})")
        workloads = {"aspic": structure, "direct": direct_framework(m)}
        if args.fa_python is None:
            print("formal-argumentation: not compared (no --fa-python and no /tmp/fa-venv)")
        print(f"\ngrounded labelling, best of {args.repeat} (seconds):")
        print(f"{'framework':<8} {'args':>8} {'attacks':>8} | {'argmap solve':>12} "
              f"{'build+solve':>11} | {'f-a solve':>9} {'build+solve':>11} | ratio")
        for name, af in workloads.items():
            solve, build, ins = time_ours(af, args.repeat)
            row = (f"{name:<8} {len(af):>8,} {af.attack_count():>8,} | {solve:>12.4f} "
                   f"{build:>11.4f} |")
            if args.fa_python is not None:
                i23 = work / f"{name}.i23"
                write_iccma(af, i23)
                theirs = time_theirs(args.fa_python, i23, args.repeat)
                if isinstance(theirs, str):
                    row += f" formal-argumentation failed: {theirs}"
                else:
                    f_solve, f_build, f_ins = theirs
                    same = "same extension" if f_ins == ins else "DIFFERENT EXTENSIONS"
                    row += (f" {f_solve:>9.4f} {f_build:>11.4f} | solve {solve / f_solve:.2f}x, "
                            f"build+solve {build / f_build:.2f}x ({same})")
            print(row)


if __name__ == "__main__":
    main()
