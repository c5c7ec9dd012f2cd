"""Test-suite settings shared by every test module."""

from __future__ import annotations

from hypothesis import HealthCheck, settings

# Property tests check correctness, not speed (speed is measured in tests/benchmarks/).
# A per-example deadline only makes results depend on how busy the machine is, so CI on a
# loaded 2-core machine runs them without one.
settings.register_profile(
    "argmap", deadline=None, suppress_health_check=[HealthCheck.too_slow], print_blob=True
)
settings.load_profile("argmap")
