"""On-demand benchmark: ``argmap validate`` over a corpus against the same reads in a Python loop.

Run from the project root (needs ../shared/corpora)::

    python tests/benchmarks/bench_cli_batch.py [--repeat N] [FOLDER ...]

By default it takes the AIFdb JSON corpora of ../shared/corpora (QT30, DialAM,
AraucariaDB).  It reports best-of-N wall times, interleaved so that both sides
see the same machine load, for

* the floor: one Python process that reads every file with ``argmap.read`` and
  validates it (``m.validate()``, which includes the checks of records the
  readers kept aside), timed inside the process;
* ``argmap validate --quiet FOLDER...`` as one subprocess, timed from outside
  (interpreter start-up included);

and their ratio (target: at most 2x).  The CLI must stay one process: the
benchmark counts the processes it starts (one).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CORPORA = ROOT.parent / "shared" / "corpora"
DEFAULT = ("aifdb-qt30", "dialam2024-qt30-test", "aifdb-araucariadb")

_LOOP = """
import sys, time
from pathlib import Path
import argmap
files = [line for line in sys.stdin.read().splitlines() if line]
start = time.perf_counter()
problems = 0
for name in files:
    m = argmap.read(name)
    problems += len(m.validate())
print(time.perf_counter() - start, len(files), problems)
"""


def files_of(folders: list[Path]) -> list[str]:
    out: list[str] = []
    for folder in folders:
        out.extend(str(p) for p in sorted(folder.rglob("*.json")))
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folders", nargs="*", type=Path)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    folders = args.folders or [CORPORA / name for name in DEFAULT]
    missing = [f for f in folders if not f.is_dir()]
    if missing:
        print(f"not found: {', '.join(map(str, missing))}", file=sys.stderr)
        return 2
    files = files_of(folders)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    loop_best = cli_best = float("inf")
    for _ in range(args.repeat):
        out = subprocess.run([sys.executable, "-c", _LOOP], input="\n".join(files), text=True,
                             capture_output=True, check=True, env=env).stdout.split()
        loop_best = min(loop_best, float(out[0]))
        start = time.perf_counter()
        result = subprocess.run([sys.executable, "-m", "argmap", "validate", "--quiet",
                                 *map(str, folders)], capture_output=True, env=env, check=False)
        cli_best = min(cli_best, time.perf_counter() - start)
        if result.returncode not in (0, 1):
            print(result.stderr.decode(), file=sys.stderr)
            return 1
    print(f"{len(files)} files in {', '.join(f.name for f in folders)}")
    print(f"python loop (read + validate, in-process): {loop_best:.2f} s")
    print(f"argmap validate --quiet (one process, start-up included): {cli_best:.2f} s")
    print(f"ratio: {cli_best / loop_best:.2f}x (target <= 2x)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
