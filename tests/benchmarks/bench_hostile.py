"""On-demand benchmark: how reading time grows with the size of hostile inputs.

Run from the project root::

    python tests/benchmarks/bench_hostile.py [--repeat N]

For each hostile shape (deep JSON, unterminated strings, repeated XML
comments, many attributes, deep XML) it reads inputs of 1x, 2x and 4x a base
size through :func:`argmap.loads` (format guessed, as ``read`` does) and
prints the best-of-N time and the ratio to the previous size.  Linear work
shows ratios near 2; quadratic work shows ratios near 4.
"""

from __future__ import annotations

import argparse
import contextlib
import time
from collections.abc import Callable

import argmap

SHAPES: dict[str, Callable[[int], bytes]] = {
    "open braces": lambda n: b"{" * n,
    "deep valid JSON": lambda n: b'{"a":' * (n // 6) + b"1" + b"}" * (n // 6),
    "unterminated strings": lambda n: b'{"a"' + b'\\"' * (n // 2),
    "XML comments": lambda n: b"<!---->" * (n // 7) + b"x",
    "many attributes": lambda n: b"<a " + b'b="1" ' * (n // 6) + b"/>",
    "deep XML": lambda n: b"<a>" * (n // 7) + b"</a>" * (n // 7),
}


def _best(data: bytes, repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        with contextlib.suppress(argmap.ArgmapError):
            argmap.loads(data)
        best = min(best, time.perf_counter() - start)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--base", type=int, default=16 * 1024, help="base size in bytes")
    args = parser.parse_args()
    for name, make in SHAPES.items():
        previous = None
        cells = []
        for factor in (1, 2, 4):
            seconds = _best(make(args.base * factor), args.repeat)
            ratio = f" (x{seconds / previous:.1f})" if previous else ""
            cells.append(f"{args.base * factor // 1024} KiB {seconds * 1000:.2f} ms{ratio}")
            previous = seconds
        print(f"{name:22} " + "   ".join(cells))


if __name__ == "__main__":
    main()
