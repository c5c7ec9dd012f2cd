"""Pausing the garbage collector while maps and evaluations are built leaves the application's
collector as it was, and none of the application's garbage behind."""

from __future__ import annotations

import gc

import pytest

import argmap
from argmap._gcpause import collector_paused


class _Cycle:
    me: _Cycle


def _small_map() -> argmap.ArgumentMap:
    m = argmap.ArgumentMap()
    a, b = m.add_claim("a"), m.add_claim("b")
    m.add_conflict(a, b)
    return m


@pytest.mark.parametrize("work", ["evaluate", "read"])
def test_the_applications_cycles_are_still_collected(work: str) -> None:
    m = _small_map()
    data = argmap.dumps(m, "aifdb-json")
    gc.collect()
    for _ in range(3_000):
        garbage = _Cycle()
        garbage.me = garbage
        del garbage
        if work == "evaluate":
            argmap.evaluate(m)
        else:
            argmap.loads(data, "aifdb-json")
    # A pause that moved the young generations to the oldest without collecting
    # them first would leave about one cycle per call for the next full collection.
    assert gc.collect() < 100


def test_the_collectors_state_comes_back_even_after_an_error() -> None:
    assert gc.isenabled() and gc.get_freeze_count() == 0
    with pytest.raises(argmap.ParseError):
        argmap.loads(b'{"nodes": [}', "aifdb-json")
    assert gc.isenabled() and gc.get_freeze_count() == 0
    gc.disable()
    try:
        with collector_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()  # left as the application had it
    finally:
        gc.enable()
    gc.freeze()
    try:
        frozen = gc.get_freeze_count()
        with collector_paused(), collector_paused():
            assert not gc.isenabled()
        assert gc.isenabled() and gc.get_freeze_count() == frozen
    finally:
        gc.unfreeze()
