"""Test-suite settings shared by every test module."""

from __future__ import annotations

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
    parser.addoption("--benchmarks", action="store_true", default=False,
                     help="run the on-demand benchmarks (tests marked 'benchmark')")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if config.getoption("--benchmarks"):
        return
    skip = pytest.mark.skip(reason="on-demand benchmark: run pytest with --benchmarks")
    for item in items:
        if "benchmark" in item.keywords:
            item.add_marker(skip)
