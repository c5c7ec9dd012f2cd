"""How pictures look: the colour-blind-safe palette, edge styles, text wrapping and escaping."""

from __future__ import annotations

import textwrap

__all__ = [
    "EDGE_STYLE",
    "FONT",
    "PALETTE",
    "SHORT_SCHEME_PREFIXES",
    "dot_html",
    "dot_quote",
    "short_scheme",
    "wrap_lines",
]


FONT = "Arial"


# (fill, border, font colour) per style key, after the colours OVA uses for AIF kinds.
PALETTE: dict[str, tuple[str, str, str]] = {
    "claim": ("#dbeafe", "#1d4ed8", "#0f172a"),
    "main": ("#bfdbfe", "#1e3a8a", "#0f172a"),
    "evidence": ("#e0f2fe", "#0369a1", "#0f172a"),
    "implicit": ("#f8fafc", "#64748b", "#334155"),
    "reported": ("#f1f5f9", "#475569", "#0f172a"),
    "RA": ("#dcfce7", "#15803d", "#14532d"),
    "CA": ("#fee2e2", "#b91c1c", "#7f1d1d"),
    "MA": ("#ffedd5", "#c2410c", "#7c2d12"),
    "PA": ("#ccfbf1", "#0f766e", "#134e4a"),
    "YA": ("#fef9c3", "#a16207", "#713f12"),
    "TA": ("#f3e8ff", "#7e22ce", "#581c87"),
    "L": ("#fefce8", "#a16207", "#1c1917"),
    "unknown": ("#e5e7eb", "#6b7280", "#111827"),
}


EDGE_STYLE: dict[str, dict[str, str]] = {
    "support": {"color": "#15803d"},
    "attack": {"color": "#b91c1c", "penwidth": "1.6"},
    "preference": {"color": "#0f766e", "style": "dashed", "penwidth": "1.4"},
    "rephrase": {"color": "#c2410c"},
    "speech": {"color": "#a16207", "style": "dotted", "penwidth": "1.3"},
    "transition": {"color": "#7e22ce", "style": "dotted", "penwidth": "1.3"},
    "contradiction": {"color": "#b91c1c", "penwidth": "1.6", "dir": "both", "constraint": "false"},
    "other": {"color": "#6b7280"},
}


SHORT_SCHEME_PREFIXES = ("Argument From ", "Argument from ")


# ---------------------------------------------------------------------- DOT text
def dot_html(text: str) -> str:
    """Escape text for a Graphviz HTML-like label."""
    return (
        text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace('"', "&quot;")
        .replace("'", "&#39;")
    )


def dot_quote(text: str) -> str:
    """A DOT double-quoted string whose escString reading is ``text`` itself."""
    out = text.replace("\\", "\\\\").replace('"', '\\"')
    out = out.replace("\r\n", "\n").replace("\r", "\n").replace("\n", "\\n")
    return f'"{out}"'


def wrap_lines(text: str, width: int, max_lines: int | None) -> list[str]:
    flat = " ".join(text.split())
    lines = textwrap.wrap(flat, width=width, break_long_words=True, break_on_hyphens=False)
    if not lines:
        return [""]
    if max_lines is not None and len(lines) > max_lines:
        lines = lines[:max_lines]
        last = lines[-1]
        if len(last) > width - 1:
            last = last[: width - 1].rstrip()
        lines[-1] = last + "…"
    return lines


def short_scheme(scheme: str) -> str:
    for prefix in SHORT_SCHEME_PREFIXES:
        if scheme.startswith(prefix) and len(scheme) > len(prefix):
            return scheme[len(prefix) :]
    return scheme
