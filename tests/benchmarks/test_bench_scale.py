"""The scale benchmark through pytest, at the small size only (run with ``--benchmarks -s``).

The full table (all three sizes) comes from running ``bench_scale.py`` itself.
"""

from __future__ import annotations

import pytest
from bench_scale import MAKE, run

pytestmark = pytest.mark.benchmark


def test_scale_table_at_the_small_size() -> None:
    if not MAKE.exists():
        pytest.skip(f"needs the workload generator {MAKE}")
    table = run(["small"], repeat=3)
    print(table)
    rows = [line for line in table.splitlines() if line.startswith("| ")]
    assert rows[0] == "| operation | small |"
    assert len(rows) >= 9
    assert all("nan" not in row and "inf" not in row for row in rows)
