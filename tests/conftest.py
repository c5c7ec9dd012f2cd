"""Test-suite settings shared by every test module."""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, settings

# Property tests check correctness, not speed (speed is measured in tests/benchmarks/).
# A per-example deadline only makes results depend on how busy the machine is, so CI on a
# loaded 2-core machine runs them without one.
settings.register_profile(
    "argmap", deadline=None, suppress_health_check=[HealthCheck.too_slow], print_blob=True
)
settings.load_profile("argmap")


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--fuzz-minutes", type=float, default=0.0, metavar="N",
        help="run each fuzz test for about N minutes (default: a small fixed budget)",
    )
    parser.addoption("--benchmarks", action="store_true", default=False,
                     help="run the on-demand benchmarks (tests marked 'benchmark')")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if config.getoption("--benchmarks"):
        return
    skip = pytest.mark.skip(reason="on-demand benchmark: run pytest with --benchmarks")
    for item in items:
        if "benchmark" in item.keywords:
            item.add_marker(skip)


def pytest_terminal_summary(terminalreporter: Any) -> None:
    # The fuzz tests record inputs tried and the worst time and memory seen.
    support = sys.modules.get("fuzz_support")
    if support is not None and support.STATS.inputs:
        terminalreporter.write_line(f"fuzzing: {support.STATS.line()}")
        slowest = Path(tempfile.gettempdir()) / "argmap-fuzz-slowest.bin"
        slowest.write_bytes(support.STATS.worst_seconds_input)
        terminalreporter.write_line(
            f"fuzzing: slowest input ({support.STATS.worst_seconds_format}) saved to {slowest}")
