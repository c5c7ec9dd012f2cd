"""On-demand benchmark: brat and Argdown reading, brat writing, token tags, relation pairs.

Run from the project root::

    python tests/benchmarks/bench_ecosystem.py

It builds a brat document of 4,000 units and 3,000 relations over a 200,000
character text, and an Argdown document of 2,000 arguments under one claim,
and reports best-of-N wall times.
"""

from __future__ import annotations

import time
from collections.abc import Callable

import argmap
from argmap.formats._argdown import read_argdown
from argmap.formats._brat import dump_ann, read_brat

UNITS = 4000
RELATIONS = 3000
ARGUMENTS = 2000


def brat_workload() -> tuple[str, str]:
    sentence = "Cats purr loudly because they are happy, say many owners. "
    text = sentence * UNITS
    lines = []
    for i in range(UNITS):
        start = i * len(sentence) + 5
        end = start + 30
        kind = "Premise" if i % 4 else "Claim"
        lines.append(f"T{i + 1}\t{kind} {start} {end}\t{text[start:end]}")
    for r in range(RELATIONS):
        kind = "supports" if r % 5 else "attacks"
        lines.append(f"R{r + 1}\t{kind} Arg1:T{r + 2} Arg2:T{(r // 4) * 4 + 1}\t")
    return "\n".join(lines) + "\n", text


def argdown_workload() -> str:
    parts = ["[Claim]: The claim."]
    for i in range(ARGUMENTS):
        op = "+" if i % 3 else "-"
        parts.append(f"  {op} <A{i}>: Reason number {i}, stated over")
        parts.append("    two lines. #tag")
    return "\n".join(parts) + "\n"


def best(fn: Callable[[], object], n: int = 5) -> float:
    times = []
    for _ in range(n):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times)


def main() -> None:
    ann, text = brat_workload()
    m = read_brat(ann, text)
    print(f"brat read   ({UNITS} units, {RELATIONS} relations): "
          f"{best(lambda: read_brat(ann, text)):.3f} s")
    print(f"brat write:                                    {best(lambda: dump_ann(m)):.3f} s")
    print(f"BIO tags    ({len(text)} characters):          "
          f"{best(lambda: argmap.mining.tag_tokens(m)):.3f} s")
    print(f"relation pairs, negatives=1:                   "
          f"{best(lambda: argmap.mining.relation_pairs(m, negatives=1.0)):.3f} s")
    doc = argdown_workload()
    print(f"Argdown read ({ARGUMENTS} arguments):            "
          f"{best(lambda: read_argdown(doc)):.3f} s")


if __name__ == "__main__":
    main()
