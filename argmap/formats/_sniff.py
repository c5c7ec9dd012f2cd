"""Cheap content sniffing for the format registry.

Sniffers run on every candidate format when a suffix is shared (``.json``,
``.xml``) or unknown, so they look only at the first few kilobytes and never
parse the whole input.
"""

from __future__ import annotations

import functools
import re

__all__ = [
    "explain_unrecognised",
    "json_shape",
    "sadface_like",
    "xml_root",
    "xml_root_namespace",
    "xml_root_namespaces",
]

_PREFIX = 64 * 1024

_NAME = re.compile(rb"[A-Za-z_][\w.:-]*")
# The attributes of a start tag; each alternative starts with a different
# character, so matching is linear (no backtracking between alternatives).
_ATTRS = re.compile(rb"""(?:[^<>"']|"[^"<]*"|'[^'<]*')*""")
_BLANK = re.compile(rb"\s*")
_XMLNS = re.compile(
    rb"""\sxmlns(?::(?P<prefix>[\w.-]+))?\s*=\s*(?:"(?P<dq>[^"]*)"|'(?P<sq>[^']*)')"""
)


def _utf8_head(data: bytes) -> bytes:
    """The sniffing window of ``data`` as UTF-8: UTF-16 input (with or without a BOM) is transcoded.

    XML may be UTF-16 and a reader accepts it, so the sniffer must too; a
    document declaring any other non-ASCII-compatible encoding is left to the
    parser to judge.
    """
    head = data[:_PREFIX]
    codec = None
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        codec = "utf-16"
    elif head.startswith(b"<\x00"):
        codec = "utf-16-le"
    elif head.startswith(b"\x00<"):
        codec = "utf-16-be"
    if codec is None:
        return head
    return head.decode(codec, "replace").encode("utf-8", "replace")


def _root_tag(data: bytes) -> tuple[bytes, bytes] | None:
    """The root element's qualified name and the attribute text of its start tag.

    Every XML format's sniffer asks about the same input in turn, so the last
    few answers are remembered (by the window's bytes).
    """
    return _scan_prolog(_utf8_head(data))


@functools.lru_cache(maxsize=4)
def _scan_prolog(head: bytes) -> tuple[bytes, bytes] | None:
    """The root's name and start-tag attributes in a UTF-8 window (see :func:`_root_tag`).

    Skips the prolog (XML declaration, comments, processing instructions, a
    DOCTYPE) with plain substring searches: one pass, linear in the window,
    where a regular expression over repeated prolog items backtracks
    exponentially on input like ``<!---->`` repeated thousands of times.
    """
    pos = 3 if head.startswith(b"\xef\xbb\xbf") else 0
    while True:
        pos = _BLANK.match(head, pos).end()  # type: ignore[union-attr]
        if head.startswith(b"<?", pos):
            end = head.find(b"?>", pos + 2)
            pos = -1 if end < 0 else end + 2
        elif head.startswith(b"<!--", pos):
            end = head.find(b"-->", pos + 4)
            pos = -1 if end < 0 else end + 3
        elif head.startswith(b"<!DOCTYPE", pos):
            close = head.find(b">", pos)
            subset = head.find(b"[", pos, close if close >= 0 else len(head))
            if subset >= 0:
                close = head.find(b"]", subset)
                close = -1 if close < 0 else head.find(b">", close)
            pos = -1 if close < 0 else close + 1
        elif head.startswith(b"<", pos):
            name = _NAME.match(head, pos + 1)
            if name is None:
                return None
            attrs = _ATTRS.match(head, name.end())
            return name.group(), attrs.group() if attrs else b""
        else:
            return None
        if pos < 0:
            return None


def xml_root(data: bytes) -> str | None:
    """The qualified name of the root element (``"rdf:RDF"``), or None if not XML-like."""
    found = _root_tag(data)
    return found[0].decode("ascii", "replace") if found else None


def xml_root_namespace(data: bytes) -> str | None:
    """The namespace URI the root element's start tag binds to the root's prefix.

    Looks only at the root start tag (however long the prolog before it, within
    the sniffing window), so a large comment or DOCTYPE does not hide it.
    Returns None when the input is not XML-like or the namespace is not
    declared on the root element.
    """
    found = _root_tag(data)
    if found is None:
        return None
    tag, attrs = found
    prefix = tag.partition(b":")[0] if b":" in tag else None
    for decl in _XMLNS.finditer(attrs):
        if decl.group("prefix") == prefix:
            value = decl.group("dq") if decl.group("dq") is not None else decl.group("sq")
            return value.decode("utf-8", "replace")
    return None


def xml_root_namespaces(data: bytes) -> frozenset[str]:
    """Every namespace URI declared on the root element's start tag."""
    found = _root_tag(data)
    if found is None:
        return frozenset()
    return frozenset(
        (d.group("dq") if d.group("dq") is not None else d.group("sq")).decode("utf-8", "replace")
        for d in _XMLNS.finditer(found[1])
    )


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


# A string token may lack its closing quote (the window cut it, or the input is
# broken): it then runs to the end, so no position is scanned twice.
_TOKEN = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"?|[{}\[\]:,]|[^\s{}\[\]:,"]+', re.DOTALL)
# Containers nested deeper than this end the scan: nothing a sniffer asks about
# lies deeper, and readers refuse such nesting anyway.
_MAX_SCAN_DEPTH = 64


def json_shape(data: bytes) -> JsonShape | None:
    """Scan the prefix of a JSON document: top-level keys and the first node's keys.

    Returns None unless the input starts (after an optional BOM and blanks)
    with an object.  Every JSON format's sniffer asks about the same input in
    turn, so the last few answers are remembered (by the prefix's bytes).
    """
    return _json_shape(data[:_PREFIX])


@functools.lru_cache(maxsize=4)
def _json_shape(data: bytes) -> JsonShape | None:
    text = data.decode("utf-8-sig", "replace").lstrip()
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
            if len(stack) >= _MAX_SCAN_DEPTH:
                break
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
    # Only the top four entries are looked at, so each call takes constant time.
    depth = len(stack)
    if depth not in (3, 4):
        return False
    bracket, key = stack[-2]
    return key == "nodes" and bracket == "[" and (depth == 3 or stack[1][1] == "AIF")


def explain_unrecognised(data: bytes, name: str) -> str:
    """Say what is wrong with input that no format's sniffer recognised.

    Raises the specific error when the input is empty, compressed, malformed
    or unsafe JSON or XML (so the caller does not answer "could be any of ...");
    otherwise returns a short description of what the input is, for the
    caller's :class:`~argmap.FormatError`.  Runs only after sniffing failed, and
    the decoding it does is the readers' own bounded, linear pre-parse work.

    Raises:
        ParseError: for empty or malformed input.
        UnsafeInputError: for compressed input or nesting beyond the readers' limits.
    """
    from argmap._errors import ParseError
    from argmap.formats._jsonsafe import decode_json_bytes
    from argmap.formats._xmlsafe import check_not_compressed, parse_xml

    if not data.strip():
        raise ParseError("input is empty" if not data else "input holds only whitespace",
                         source=name)
    check_not_compressed(data, name)
    head = _utf8_head(data).lstrip(b"\xef\xbb\xbf").lstrip()[:1]
    if head in (b"{", b"["):
        value = decode_json_bytes(data, name)
        if not isinstance(value, dict):
            raise ParseError("the JSON top level is an array, not an object", source=name, line=1)
        keys = ", ".join(repr(k)[:40] for k in list(value)[:8]) or "none"
        return f"a JSON object with top-level keys {keys}"
    if head == b"<":
        root = parse_xml(data, name)
        tag = root.tag if isinstance(root.tag, str) else "?"
        return f"XML whose root element is {tag[:120]}"
    return "neither JSON nor XML"


_SADFACE_EDGE_KEY = re.compile(rb'"(?:source_id|target_id)"\s*:')
_SADFACE_NODE_TYPE = re.compile(rb'"type"\s*:\s*"(?:atom|scheme)"')


def sadface_like(data: bytes) -> bool:
    """True when the start of a JSON document looks like SADFace.

    SADFace has ``nodes`` and ``edges`` with a ``metadata`` (or, in version
    0.1, ``analyst_name``) or ``resources`` block, or edges keyed
    ``source_id``/``target_id`` or nodes typed ``atom``/``scheme``; AIFdb,
    OVA and xAIF records use ``nodeID``, ``from``/``to`` or an ``AIF`` block.
    """
    shape = json_shape(data)
    if shape is None or "AIF" in shape.keys or "analysis" in shape.keys:
        return False
    if "nodes" not in shape.keys and "edges" not in shape.keys:
        return False
    if shape.first_node is not None and "nodeID" in shape.first_node:
        return False
    if {"resources", "metadata", "analyst_name"} & set(shape.keys):
        return True
    prefix = data[:_PREFIX]
    return bool(_SADFACE_EDGE_KEY.search(prefix) or _SADFACE_NODE_TYPE.search(prefix))
