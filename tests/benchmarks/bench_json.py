"""On-demand benchmark: AIFdb JSON load and dump of the 32,000-node workload against bare json.

Run from the project root (needs ../shared/bench/make_big_aif.py)::

    python tests/benchmarks/bench_json.py [--repeat N] [--arguebuf PYTHON]

It generates the workload (20,000 I-nodes, 10,000 RA, 2,000 CA; 8.8 MB of
AIFdb JSON) and reports best-of-N wall times, interleaved so that both sides
see the same machine load, for

* ``argmap.read(path, "aifdb-json")`` against ``json.load`` of the same file
  (target: at most 4x);
* ``argmap.write(m, path, "aifdb-json")`` against ``json.dump`` of the decoded
  document to a file (target: at most 2x); ``json.dumps`` is shown too.

With ``--arguebuf PYTHON`` (an interpreter of a throwaway virtual environment
with arguebuf installed, e.g. ``python -m venv /tmp/ab && /tmp/ab/bin/pip
install arguebuf``; ``/tmp/arguebuf-venv/bin/python`` is used when it exists)
it also times ``arguebuf.load.file`` on the same file, in that interpreter,
in the same run.  arguebuf is never installed into the project's environment.
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

import argmap

ROOT = Path(__file__).resolve().parents[2]
MAKE = ROOT.parent / "shared" / "bench" / "make_big_aif.py"
ARGUEBUF_VENV = Path("/tmp/arguebuf-venv/bin/python")

_ARGUEBUF_TIMER = """
import sys, time
from pathlib import Path
import arguebuf
times = []
for _ in range(int(sys.argv[2])):
    t0 = time.perf_counter()
    graph = arguebuf.load.file(Path(sys.argv[1]))
    times.append(time.perf_counter() - t0)
print(min(times), len(graph.nodes), arguebuf.__name__)
"""


def interleaved(fns: dict[str, Callable[[], object]], repeat: int
                ) -> dict[str, tuple[float, float]]:
    """Best-of-``repeat`` (wall, CPU) time of each function, running them in turns.

    CPU time (of this process) is shown beside wall time because it is far less
    disturbed by other work on a busy machine.
    """
    best = dict.fromkeys(fns, (float("inf"), float("inf")))
    for _ in range(repeat):
        for name, fn in fns.items():
            w0, c0 = time.perf_counter(), time.process_time()
            result = fn()
            wall, cpu = time.perf_counter() - w0, time.process_time() - c0
            best[name] = (min(best[name][0], wall), min(best[name][1], cpu))
            del result  # freeing what was loaded is not part of loading it
    return best


def _row(label: str, ours: tuple[float, float], base_label: str, base: tuple[float, float],
         note: str) -> str:
    return (f"{label:<13} {ours[0] * 1000:7.1f} ms   {base_label:<10} {base[0] * 1000:7.1f} ms"
            f"   ratio {ours[0] / base[0]:5.2f}x wall, {ours[1] / base[1]:5.2f}x CPU  {note}")


def arguebuf_time(python: Path, path: Path, repeat: int) -> tuple[float, int] | str:
    try:
        result = subprocess.run([str(python), "-c", _ARGUEBUF_TIMER, str(path), str(repeat)],
                                capture_output=True, text=True, check=False, timeout=1800)
    except OSError as exc:
        return f"cannot run {python}: {exc.strerror or exc}"
    if result.returncode != 0:
        return result.stderr.strip().splitlines()[-1] if result.stderr else "failed"
    seconds, nodes, _ = result.stdout.split()
    return float(seconds), int(nodes)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=9)
    parser.add_argument("--arguebuf", type=Path, default=None, metavar="PYTHON",
                        help="interpreter of a throwaway venv with arguebuf installed")
    args = parser.parse_args(argv)
    if not MAKE.exists():
        print(f"skipped: {MAKE} not found (needs the shared/ folder beside the project)")
        return 0
    arguebuf_python = args.arguebuf or (ARGUEBUF_VENV if ARGUEBUF_VENV.exists() else None)
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run([sys.executable, str(MAKE), "--out-dir", tmp], check=True,
                       capture_output=True)
        path = Path(tmp) / "big.json"
        size = path.stat().st_size
        out_bare, out_argmap = Path(tmp) / "bare.json", Path(tmp) / "argmap.json"
        with path.open(encoding="utf-8") as fh:
            doc = json.load(fh)
        m = argmap.read(path, "aifdb-json")
        argmap.write(m, out_argmap, "aifdb-json")
        assert json.loads(out_argmap.read_bytes()) == doc, "the round trip changed the document"

        def bare_load() -> object:
            with path.open(encoding="utf-8") as fh:
                return json.load(fh)

        def bare_dump() -> None:
            with out_bare.open("w", encoding="utf-8") as fh:
                json.dump(doc, fh, ensure_ascii=False)

        times = interleaved({
            "json.load": bare_load,
            "argmap.read": lambda: argmap.read(path, "aifdb-json"),
            "json.dump": bare_dump,
            "json.dumps": lambda: json.dumps(doc, ensure_ascii=False),
            "argmap.write": lambda: argmap.write(m, out_argmap, "aifdb-json"),
        }, args.repeat)
        foreign = (arguebuf_time(arguebuf_python, path, 3) if arguebuf_python is not None
                   else "not measured (pass --arguebuf PYTHON)")
    print(f"workload: {len(m.nodes)} nodes, {len(m.edges)} edges "
          f"({size / 1e6:.1f} MB AIFdb JSON); best of {args.repeat}, interleaved")
    print(_row("argmap.read", times["argmap.read"], "json.load", times["json.load"],
               "(target <= 4x)"))
    print(_row("argmap.write", times["argmap.write"], "json.dump", times["json.dump"],
               "(target <= 2x)"))
    print(_row("", times["argmap.write"], "json.dumps", times["json.dumps"],
               "(in memory, C encoder)"))
    if isinstance(foreign, tuple):
        seconds, nodes = foreign
        print(f"arguebuf.load.file  {seconds * 1000:7.1f} ms wall   ({nodes} nodes; "
              f"{seconds / times['argmap.read'][0]:.1f}x argmap.read)")
    else:
        print(f"arguebuf: {foreign}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
