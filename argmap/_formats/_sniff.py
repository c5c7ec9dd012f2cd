"""Cheap content sniffing for the format registry.

Sniffers run on every candidate format when a suffix is shared (``.json``,
``.xml``) or unknown, so they look only at the first few kilobytes and never
parse the whole input.
"""

from __future__ import annotations

import functools
import re

__all__ = ["json_shape", "xml_root"]

_PREFIX = 64 * 1024

# The first element tag after the prolog (XML declaration, comments, processing
# instructions and a DOCTYPE without internal subset).
_PROLOG = re.compile(
    rb"""\A(?:\xef\xbb\xbf)?\s*
    (?:<\?xml[^>]*\?>\s*)?
    (?:(?:<!--.*?-->|<\?.*?\?>|<!DOCTYPE[^>\[]*(?:\[.*?\])?\s*>)\s*)*
    <(?P<tag>[A-Za-z_][\w.:-]*)""",
    re.VERBOSE | re.DOTALL,
)


def xml_root(data: bytes) -> str | None:
    """The qualified name of the root element (``"rdf:RDF"``), or None if not XML-like."""
    match = _PROLOG.match(data[:_PREFIX])
    return match.group("tag").decode("ascii", "replace") if match else None


class JsonShape:
    """What the start of a JSON document reveals.

    Attributes:
        keys: the keys of the top-level object seen in the prefix, in order.
        first_node: the keys of the first object in the top-level ``nodes`` array
            (or in ``AIF.nodes``), when the prefix reaches it.
    """

    __slots__ = ("first_node", "keys")

    def __init__(self) -> None:
        self.keys: list[str] = []
        self.first_node: list[str] | None = None


_TOKEN = re.compile(r'"(?:[^"\\]|\\.)*"|[{}\[\]:,]|[^\s{}\[\]:,"]+', re.DOTALL)


def json_shape(data: bytes) -> JsonShape | None:
    """Scan the prefix of a JSON document: top-level keys and the first node's keys.

    Returns None unless the input starts (after an optional BOM and blanks)
    with an object.  Treat the result as read-only: it is shared by the calls
    for the same prefix (every JSON format's sniffer asks about the same input).
    """
    return _prefix_shape(data[:_PREFIX])


@functools.lru_cache(maxsize=1)
def _prefix_shape(prefix: bytes) -> JsonShape | None:
    text = prefix.decode("utf-8-sig", "replace").lstrip()
    if not text.startswith("{"):
        return None
    shape = JsonShape()
    # One entry per open container: its bracket and the key it is the value of.
    stack: list[tuple[str, str | None]] = []
    key: str | None = None  # the key whose value comes next
    expect_key = False
    node_level = 0  # stack depth of the first node object, once found
    for match in _TOKEN.finditer(text):
        tok = match.group()
        if tok in "{[":
            stack.append((tok, key))
            key = None
            expect_key = tok == "{"
            if tok == "{" and not node_level and _is_node_list(stack):
                node_level = len(stack)
                shape.first_node = []
        elif tok in "}]":
            if node_level == len(stack):
                node_level = -1
            if stack:
                stack.pop()
            expect_key = False
        elif tok == ",":
            expect_key = bool(stack) and stack[-1][0] == "{"
        elif tok == ":":
            expect_key = False
        elif expect_key and tok.startswith('"'):
            key = tok[1:-1]
            if len(stack) == 1:
                shape.keys.append(key)
            elif node_level > 0 and len(stack) == node_level and shape.first_node is not None:
                shape.first_node.append(key)
            expect_key = False
        else:
            key = None
    return shape


def _is_node_list(stack: list[tuple[str, str | None]]) -> bool:
    # {"nodes": [ {...  or  {"AIF": {"nodes": [ {...
    keys = [k for _, k in stack]
    return keys[-2:-1] == ["nodes"] and stack[-2][0] == "[" and (
        len(stack) == 3 or (len(stack) == 4 and keys[1] == "AIF")
    )
