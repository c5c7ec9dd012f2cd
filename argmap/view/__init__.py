"""Seeing a map: the HTML reader view, Graphviz DOT text, and pictures (SVG/PNG/JPEG).

:func:`to_html` writes the reader view (the text beside its map) and needs
nothing beyond argmap; so does :func:`to_dot`.  :func:`render` and
:func:`render_dot` run a Graphviz engine for pictures (the ``render`` extra
brings one, see :func:`dot_engine`).  :func:`render` picks the format from the
target's suffix (``.html`` for the reader view) and is also available as
:func:`argmap.render`.
"""

from __future__ import annotations

from argmap.view._dot import to_dot
from argmap.view._engine import RENDER_FORMATS, dot_engine, render_dot
from argmap.view._html import HtmlView, to_html, write_html
from argmap.view._render import render
from argmap.view._views import DialogueView, PictureView

__all__ = [
    "RENDER_FORMATS",
    "DialogueView",
    "HtmlView",
    "PictureView",
    "dot_engine",
    "render",
    "render_dot",
    "to_dot",
    "to_html",
    "write_html",
]
