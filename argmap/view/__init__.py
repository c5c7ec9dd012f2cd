"""Seeing a map: Graphviz DOT text, and pictures (SVG/PNG/JPEG) drawn by a Graphviz engine.

:func:`to_dot` needs nothing beyond argmap; :func:`render` and
:func:`render_dot` run a Graphviz engine (the ``render`` extra brings one, see
:func:`dot_engine`).  :func:`render` is also available as :func:`argmap.render`.
"""

from __future__ import annotations

from argmap.view._dot import dot_engine, render, render_dot, to_dot

__all__ = ["dot_engine", "render", "render_dot", "to_dot"]
