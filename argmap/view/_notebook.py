"""How maps and evaluations show themselves in a notebook (Jupyter's ``_repr_html_``).

Small maps are drawn inline; big ones are summarised, so that a cell never
holds megabytes of picture.
"""

from __future__ import annotations

from html import escape

from argmap._errors import RenderError
from argmap._map import ArgumentMap
from argmap.reasoning._aspic import Evaluation

__all__ = ["INLINE_NODES", "evaluation_html", "notebook_html", "notebook_svg", "summary_html"]

#: Maps up to this many nodes are drawn inline in a notebook; bigger ones are summarised.
INLINE_NODES = 150


def summary_html(m: ArgumentMap) -> str:
    """A short HTML summary of a map (for big maps in notebooks)."""
    counts = ", ".join(f"{k.value} {n}" for k, n in m.counts().items())
    title = m.source.title if m.source is not None and m.source.title else None
    rows = [f"<b>ArgumentMap</b>: {len(m)} nodes ({escape(counts)}), {len(m.edges)} edges"]
    if title:
        rows.append(f"source: {escape(title)}")
    if m.participants:
        names = ", ".join(p.name for p in list(m.participants.values())[:8])
        more = " …" if len(m.participants) > 8 else ""
        rows.append(f"participants: {escape(names)}{more}")
    rows.append(
        "too big to draw inline; write the reader view with "
        "<code>argmap.render(m, 'map.html')</code>"
    )
    return "<div>" + "<br>".join(rows) + "</div>"


def notebook_svg(m: ArgumentMap) -> str | None:
    """The map as SVG for a notebook, or None when it is big or no engine is installed."""
    from argmap.view._dot import to_dot
    from argmap.view._engine import dot_engine, render_dot

    if len(m) > INLINE_NODES or dot_engine() is None:
        return None
    dot = to_dot(m, dialogue="argument" if len(m) > 40 else "compact")
    try:
        return render_dot(dot, "svg").decode("utf-8")
    except RenderError:
        return None


def notebook_html(m: ArgumentMap) -> str:
    """What a notebook shows for a map: the picture when small, else a summary."""
    svg = notebook_svg(m)
    if svg is None:
        return summary_html(m)
    start = svg.find("<svg")
    return f'<div style="max-width:100%;overflow:auto">{svg[start:]}</div>'


def evaluation_html(ev: Evaluation, limit: int = 40) -> str:
    """A table of an evaluation's statuses (the first ``limit`` rows), for notebooks."""
    counts = dict.fromkeys(("IN", "OUT", "UNDEC"), 0)
    for st in ev.statuses.values():
        counts[st.value] += 1
    head = (
        f"<b>Evaluation</b> ({escape(ev.semantics)}, {escape(ev.ordering)}): "
        + ", ".join(f"{k} {v}" for k, v in counts.items())
    )
    rows = "".join(
        f"<tr><td>{escape(st.value)}</td><td><code>{escape(nid)}</code></td></tr>"
        for nid, st in list(ev.statuses.items())[:limit]
    )
    more = len(ev.statuses) - limit
    tail = f"<p>… and {more} more</p>" if more > 0 else ""
    return f"<div>{head}<table>{rows}</table>{tail}</div>"
