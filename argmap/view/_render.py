"""One entry point for every picture and the reader view: the target's suffix picks the format."""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import Literal

from argmap._atomic import atomic_write
from argmap._errors import RenderError
from argmap._map import ArgumentMap
from argmap._nodes import (
    Node,
)
from argmap.reasoning._aspic import Evaluation
from argmap.view._dot import to_dot
from argmap.view._engine import RENDER_FORMATS, render_dot
from argmap.view._views import DialogueView, PictureView

__all__ = [
    "render",
]


def render(
    m: ArgumentMap,
    path: str | os.PathLike[str],
    format: str | None = None,
    *,
    engine: str | os.PathLike[str] | None = None,
    dialogue: DialogueView = "full",
    wrap: int = 34,
    max_lines: int | None = 12,
    rankdir: Literal["BT", "TB", "LR", "RL"] = "BT",
    title: str | bool = True,
    legend: bool = False,
    stagger: int = 1,
    fold: bool = False,
    stack: bool = False,
    graph_attrs: Mapping[str, str] | None = None,
    view: PictureView | None = None,
    focus: str | Node | None = None,
    depth: int = 2,
    clusters: bool = False,
    evaluate: str | Evaluation | None = None,
) -> Path:
    """Draw a map into a file: DOT text, SVG/PNG/JPEG through a Graphviz engine,
    or the HTML reader view.

    The file is replaced atomically (:func:`argmap.write` does the same): on
    error, a previous file at ``path`` is left as it was.

    A ``.html`` file is the reader view: one self-contained page (no network
    needed or used) with the source text, its spans highlighted by role, the
    map beside it with pan and zoom, a panel for the selected unit and
    filters by layer, speaker and status (see :doc:`/viewing`).  It needs no
    Graphviz engine.

    Args:
        m: the map.
        path: where to write; the suffix gives the format unless ``format`` does.
        format: ``"dot"``/``"gv"``, ``"svg"``, ``"png"``, ``"jpeg"`` or ``"html"``.
        engine: the Graphviz engine to run (see :func:`dot_engine`).
        dialogue: as for :func:`to_dot`.
        wrap: as for :func:`to_dot`.
        max_lines: as for :func:`to_dot`.
        rankdir: as for :func:`to_dot`.
        title: as for :func:`to_dot`.
        legend: as for :func:`to_dot`.
        stagger: as for :func:`to_dot`.
        fold: as for :func:`to_dot`.
        stack: as for :func:`to_dot`.
        graph_attrs: as for :func:`to_dot`.
        view: as for :func:`to_dot`; for HTML, the layer shown first
            (``"argument"``, the default, or ``"dialogue"``; ``"focus"`` opens
            the argument layer with ``focus`` selected).
        focus: as for :func:`to_dot`; for HTML, the node selected on opening.
        depth: as for :func:`to_dot`.
        clusters: as for :func:`to_dot`.
        evaluate: HTML only: a semantics (``"grounded"``, ...) or an
            :class:`~argmap.reasoning.Evaluation`, to show each proposition's status
            and filter by it.

    Returns:
        The path written.

    Raises:
        RenderError: for an unknown format or view, ``evaluate`` with a
            picture format, or when rendering fails.
        WriteError: if the file cannot be written.
        FrameworkError: for an unknown semantics in ``evaluate``.

    Example:
        >>> import tempfile, pathlib
        >>> from argmap import ArgumentMap, Source
        >>> m = ArgumentMap(source=Source(text="Rain is due. Take an umbrella."))
        >>> _ = m.add_inference([m.add_claim(quote="Rain is due")],
        ...                     m.add_claim(quote="Take an umbrella"))
        >>> out = pathlib.Path(tempfile.mkdtemp()) / "map.html"
        >>> render(m, out, evaluate="grounded").read_text("utf-8").startswith("<!DOCTYPE html>")
        True
    """
    target = Path(path)
    name = (format or target.suffix.lstrip(".")).lower()
    if name not in RENDER_FORMATS:
        known = ", ".join(sorted(RENDER_FORMATS))
        raise RenderError(f"cannot tell the picture format of {str(target)!r}: use one of {known}")
    fmt = RENDER_FORMATS[name]
    if fmt == "html":
        from argmap.view._html import write_html

        if view not in (None, "argument", "dialogue", "focus"):
            raise RenderError(f"view must be 'argument', 'dialogue' or 'focus', got {view!r}")
        centre = focus if isinstance(focus, str) or focus is None else focus.id
        return write_html(m, target, evaluate=evaluate,
                          view="dialogue" if view == "dialogue" else "argument", focus=centre)
    if evaluate is not None:
        raise RenderError(
            "evaluate= applies to the HTML reader view only; write a .html file, or evaluate "
            "the map with argmap.evaluate()"
        )
    dot = to_dot(m, dialogue=dialogue, wrap=wrap, max_lines=max_lines, rankdir=rankdir,
                 title=title, legend=legend, stagger=stagger, fold=fold, stack=stack,
                 graph_attrs=graph_attrs, view=view, focus=focus, depth=depth, clusters=clusters)
    data = dot.encode("utf-8") if fmt == "dot" else render_dot(dot, fmt, engine=engine)
    atomic_write(target, data)
    return target
