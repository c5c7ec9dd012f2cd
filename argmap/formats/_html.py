"""The HTML text of OVA and xAIF documents: plain text plus highlighted spans, and back.

OVA stores the analysed text as the HTML of an editable ``div``, in which the
words a node was made from are wrapped in ``<span class="highlighted"
id="node<ID>">`` (OVA) or ``id="<ID>"`` (AMF/xAIF).  :func:`html_to_text` turns
that into plain text with code-point offsets for every highlight;
:func:`text_to_html` writes it back.  Parsing is a small single-pass
tokenizer for the markup OVA writes (tags, comments, character references):
it never fetches anything, never fails and takes time linear in the input.
"""

from __future__ import annotations

import html
import re

__all__ = ["Highlight", "html_to_text", "looks_like_html", "text_to_html"]

#: ``(span id, start, end)``: a highlighted range of the plain text.
Highlight = tuple[str, int, int]

_MARKUP = re.compile(r"<[A-Za-z/!]|&(?:[A-Za-z][A-Za-z0-9]*|#[0-9]+|#[xX][0-9A-Fa-f]+);")
_BLOCK = frozenset(("p", "div", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6"))


def looks_like_html(text: str) -> bool:
    """True when the text contains something that looks like a tag or a character reference."""
    return _MARKUP.search(text) is not None


# One token at a time, each consumed in time linear in its own length: a tag runs
# to the next ``>`` (OVA escapes ``>`` in attribute values), a comment to ``-->``.
_TAG_NAME = re.compile(r"</?([A-Za-z][^\t\n\r\f />\x00]*)")
_ATTR = re.compile(r"""([^\s=/>][^\s=>]*)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]*)))?""")


class _Extractor:
    """A small single-pass tokenizer for the HTML OVA writes (spans, breaks, blocks)."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.length = 0
        self.open: list[tuple[str | None, int]] = []  # one per open <span>
        self.found: list[Highlight] = []

    def _add(self, text: str) -> None:
        if text:
            self.parts.append(text)
            self.length += len(text)

    def _break(self) -> None:
        if self.parts and not self.parts[-1].endswith("\n"):
            self._add("\n")

    def _start(self, tag: str, body: str) -> None:
        if tag == "br":
            self._add("\n")
        elif tag in _BLOCK:
            self._break()
        elif tag == "span" and not body.rstrip().endswith("/"):
            values: dict[str, str] = {}
            for m in _ATTR.finditer(body):
                key = m.group(1).lower()
                value = next((g for g in m.groups()[1:] if g is not None), "")
                values.setdefault(key, html.unescape(value))
            classes = values.get("class", "").split()
            span_id = values.get("id")
            hid = span_id if "highlighted" in classes and span_id else None
            self.open.append((hid, self.length))

    def _end(self, tag: str) -> None:
        if tag == "span" and self.open:
            hid, start = self.open.pop()
            if hid is not None:
                self.found.append((hid, start, self.length))
        elif tag in _BLOCK:
            self._break()

    def feed(self, markup: str) -> None:
        pos = 0
        size = len(markup)
        next_gt = -2  # cached position of the next ">" (-1: none left; -2: not looked up)
        while pos < size:
            lt = markup.find("<", pos)
            if lt < 0:
                self._add(html.unescape(markup[pos:]))
                return
            self._add(html.unescape(markup[pos:lt]))
            if markup.startswith("<!--", lt):
                close = markup.find("-->", lt + 4)
                pos = size if close < 0 else close + 3
                continue
            name = _TAG_NAME.match(markup, lt)
            after = markup[lt + 1:lt + 2]
            if name is None and after not in ("!", "?", "/"):  # a "<" that starts no tag
                self._add("<")
                pos = lt + 1
                continue
            if next_gt != -1 and next_gt < lt:
                next_gt = markup.find(">", lt)
            if next_gt < 0:  # an unfinished tag: the rest is text
                self._add(html.unescape(markup[lt:]))
                return
            if name is not None:
                tag = name.group(1).lower()
                if after == "/":
                    self._end(tag)
                else:
                    self._start(tag, markup[name.end():next_gt])
            # declarations, processing instructions and bogus end tags are dropped
            pos = next_gt + 1

    def close_all(self) -> None:
        while self.open:  # unclosed highlights run to the end of the text
            hid, start = self.open.pop()
            if hid is not None:
                self.found.append((hid, start, self.length))


def html_to_text(markup: str) -> tuple[str, list[Highlight]]:
    """Plain text of an OVA/xAIF HTML text and its highlighted spans, in text order.

    ``<br>`` becomes a newline, the start and end of a block element (``p``,
    ``div``, ...) a newline unless the text already ends with one, character
    references are decoded and every other tag is dropped.  Text without any
    tag or character reference is plain text and returned as it is.

    Example:
        >>> html_to_text('Hi <span class="highlighted" id="node7">there</span>!<br>')
        ('Hi there!\\n', [('node7', 3, 8)])
    """
    if not looks_like_html(markup):
        return markup, []
    parser = _Extractor()
    parser.feed(markup)
    parser.close_all()
    spans = sorted(parser.found, key=lambda h: (h[1], -h[2]))
    return "".join(parser.parts), spans


def text_to_html(text: str, highlights: list[Highlight]) -> tuple[str, list[Highlight]]:
    """Write plain text as OVA HTML with highlights; return it and the highlights left out.

    Highlights must nest or be disjoint to be written; one that crosses an
    earlier one is left out and returned.  Newlines become
    ``<br>``.  Text with no highlights and nothing that could be read as markup
    is written as it is, so :func:`html_to_text` always gives the text back.

    Example:
        >>> text_to_html("Hi there!", [("node7", 3, 8)])
        ('Hi <span class="highlighted" id="node7">there</span>!', [])
    """
    ordered = sorted(highlights, key=lambda h: (h[1], -h[2]))
    kept: list[Highlight] = []
    skipped: list[Highlight] = []
    stack: list[int] = []  # ends of open highlights
    for h in ordered:
        _, start, end = h
        while stack and stack[-1] <= start:
            stack.pop()
        if end < start or (stack and end > stack[-1]):
            skipped.append(h)
            continue
        kept.append(h)
        stack.append(end)
    if not kept and not looks_like_html(text):
        return text, skipped
    # (offset, order, markup): at one offset, spans close (inner first), then empty
    # spans come, then spans open (outer first, as ``kept`` is ordered).
    events: list[tuple[int, int, str]] = []
    for rank, (hid, start, end) in enumerate(kept):
        tag = f'<span class="highlighted" id="{html.escape(hid, quote=True)}">'
        if start == end:
            events.append((start, 0, tag + "</span>"))
            continue
        events.append((start, 1, tag))
        events.append((end, -rank - 1, "</span>"))
    events.sort(key=lambda e: (e[0], e[1] if e[1] <= 0 else 1))
    out: list[str] = []
    pos = 0
    for offset, _, markup in events:
        out.append(_escape(text[pos:offset]))
        out.append(markup)
        pos = offset
    out.append(_escape(text[pos:]))
    return "".join(out), skipped


def _escape(text: str) -> str:
    return html.escape(text, quote=False).replace("\n", "<br>")
