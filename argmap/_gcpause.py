"""Pausing the cyclic garbage collector while a large, acyclic structure is built."""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator

__all__ = ["collector_paused"]


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while many acyclic objects are made at once.

    A map read from a file, or the theory and fixpoint of an evaluation, is
    hundreds of thousands of containers without reference cycles.  Collecting
    while they are made only costs time, and the full collections walk every
    object alive, so their cost grows faster than the map.  When the collector
    is switched back on, the new objects would all sit in its youngest
    generation, and the next collection -- wherever it happens -- would walk
    every one of them just to promote it.  They are moved straight to the
    oldest generation instead (``gc.freeze`` then ``gc.unfreeze``, each a
    constant-time splice of the collector's lists) -- unless the application
    froze objects itself, which is then left alone.  Nested pauses are one.

    That move takes every young object, not only the new ones, and cycles
    moved that way wait for the next full collection.  So the young
    generations are collected first: the application's unreachable cycles go
    now (a pass over a few thousand objects at most), and only what is built
    here, and what the application still holds, is moved.
    """
    if not gc.isenabled():
        yield
        return
    gc.collect(1)
    gc.disable()
    try:
        yield
    finally:
        if gc.get_freeze_count() == 0:
            gc.freeze()
            gc.unfreeze()
        gc.enable()
