"""DOCTYPE declarations of XML files from legacy tools: precise refusals, and a bounded opt-in.

lxml reports a refused DOCTYPE on line 1 and names only the root element; a
user needs the line and the declaration that made the file unsafe.  This
module scans the prolog itself (without a parser) to say exactly that.

With ``trust_dtd`` (:func:`trusting_dtd`, the ``trust_dtd=`` argument of
:func:`argmap.read` and :func:`argmap.loads`, the CLI's ``--trust-dtd``), a
file whose internal subset declares only *internal general entities* (plus
element, attribute-list and notation declarations, comments and processing
instructions, which are not used) is read: the entities are expanded here,
with bounds on the number of declarations, of references replaced and on the
size of the result, and the DOCTYPE is then removed (its lines kept, so
line numbers stay right up to the first multi-line replacement).  Parameter
entities, external entities and unparsed entities are refused even then, and
the parser never sees an entity.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Iterator
from contextvars import ContextVar

from argmap._errors import UnsafeInputError

__all__ = ["MAX_ENTITIES", "MAX_EXPANDED_BYTES", "MAX_REFERENCES", "check_doctype",
           "trusting_dtd"]

#: At most this many entity declarations in a trusted internal subset.
MAX_ENTITIES = 1_000
#: At most this many entity references replaced in one document (nested ones count).
MAX_REFERENCES = 100_000
#: The document after expansion may grow by at most this many bytes.
MAX_EXPANDED_BYTES = 8 * 1024 * 1024

_TRUST: ContextVar[bool] = ContextVar("argmap_trust_dtd", default=False)


@contextlib.contextmanager
def trusting_dtd(trust: bool = True) -> Iterator[None]:
    """Within the block, readers expand the internal general entities of a DOCTYPE."""
    token = _TRUST.set(trust)
    try:
        yield
    finally:
        _TRUST.reset(token)


_PROLOG_ITEM = re.compile(
    rb"""\s+|<\?.*?\?>|<!--.*?-->|(?P<doctype><!DOCTYPE)""", re.DOTALL | re.VERBOSE)
_NAME = rb"[A-Za-z_:][\w.:-]*"
_QUOTED = rb"(?:\"[^\"]*\"|'[^']*')"
_DOCTYPE_HEAD = re.compile(rb"<!DOCTYPE\s+(?P<root>" + _NAME + rb")(?P<ext>(?:\s+(?:SYSTEM|PUBLIC)"
                           rb"(?:\s+" + _QUOTED + rb"){1,2})?)\s*(?P<open>\[)?")
_SUBSET_ITEM = re.compile(
    rb"""(?P<space>\s+)
    |(?P<comment><!--.*?-->)
    |(?P<pi><\?.*?\?>)
    |(?P<entity><!ENTITY\s+(?P<pct>%\s+)?(?P<ename>""" + _NAME + rb""")\s+
        (?:(?P<value>""" + _QUOTED + rb""")|(?P<external>(?:SYSTEM|PUBLIC)[^>]*))\s*>)
    |(?P<decl><!(?P<dkind>ELEMENT|ATTLIST|NOTATION)\s(?:[^>"']|""" + _QUOTED + rb""")*>)
    |(?P<peref>%""" + _NAME + rb""";)
    |(?P<close>\]\s*>)""",
    re.DOTALL | re.VERBOSE)
_PREDEFINED = frozenset((b"lt", b"gt", b"amp", b"apos", b"quot"))
_BODY_ITEM = re.compile(rb"<!\[CDATA\[.*?\]\]>|<!--.*?-->|&(?P<ref>" + _NAME + rb");",
                        re.DOTALL)


def _line(data: bytes, at: int) -> int:
    return data.count(b"\n", 0, at) + 1


def _refuse(data: bytes, name: str, at: int, text: bytes, why: str) -> UnsafeInputError:
    shown = text.decode("utf-8", "replace")
    shown = " ".join(shown.split())
    if len(shown) > 80:
        shown = shown[:77] + "..."
    return UnsafeInputError(f"{why}: {shown}", source=name, line=_line(data, at))


def check_doctype(data: bytes, name: str, *, allow_bare: bool = False) -> bytes:
    """Check (and, when trusted, expand) the DOCTYPE of ``data``; return what to parse.

    Args:
        data: the document.
        name: its name for messages.
        allow_bare: tolerate a DOCTYPE without internal subset (legacy formats).

    Raises:
        UnsafeInputError: naming the line and the declaration that is refused.
    """
    text = data.lstrip(b"\xef\xbb\xbf")
    offset = len(data) - len(text)
    pos = 0
    while True:
        match = _PROLOG_ITEM.match(text, pos)
        if match is None:
            return data
        if match.group("doctype"):
            break
        pos = match.end()
    start = pos
    head = _DOCTYPE_HEAD.match(text, start)
    if head is None:
        raise _refuse(data, name, offset + start, text[start:start + 60],
                      "malformed DOCTYPE declaration")
    if not head.group("open"):
        end = text.find(b">", head.end())
        if end < 0:
            raise _refuse(data, name, offset + start, text[start:start + 60],
                          "unterminated DOCTYPE declaration")
        if allow_bare or _TRUST.get():
            # A bare declaration names a DTD that is never loaded.
            return data
        raise _refuse(data, name, offset + start, text[start:end + 1],
                      "a DOCTYPE declaration is not allowed here")
    trusted = _TRUST.get()
    entities: dict[bytes, bytes] = {}
    pos = head.end()
    while True:
        item = _SUBSET_ITEM.match(text, pos)
        if item is None:
            raise _refuse(data, name, offset + pos, text[pos:pos + 60],
                          "unexpected content in the DOCTYPE's internal subset")
        at = offset + item.start()
        if item.group("close"):
            end = item.end()
            break
        if item.group("entity"):
            what = item.group("entity")
            if not trusted:
                raise _refuse(
                    data, name, at, what,
                    "the DOCTYPE declares an entity (pass trust_dtd=True, or --trust-dtd, to "
                    "expand internal general entities)")
            if item.group("pct"):
                raise _refuse(data, name, at, what,
                              "parameter entities are never expanded, even with trust_dtd")
            if item.group("external"):
                raise _refuse(data, name, at, what,
                              "external entities are never loaded, even with trust_dtd")
            ename = item.group("ename")
            if len(entities) >= MAX_ENTITIES:
                raise _refuse(data, name, at, what,
                              f"more than {MAX_ENTITIES} entity declarations")
            # The first declaration of an entity binds (XML 1.0, 4.2).
            entities.setdefault(ename, item.group("value")[1:-1])
        elif item.group("peref"):
            raise _refuse(data, name, at, item.group("peref"),
                          "parameter entity references are never expanded")
        elif item.group("decl") and not trusted:
            raise _refuse(data, name, at, item.group("decl"),
                          "the DOCTYPE has an internal subset (pass trust_dtd=True, or "
                          "--trust-dtd, to read it)")
        pos = item.end()
    if not trusted:
        raise _refuse(data, name, offset + start, text[start:end],
                      "a DOCTYPE with an internal subset is not allowed")
    body = text[end:]
    expanded = _Expander(entities, data, name, offset + end, len(data) + MAX_EXPANDED_BYTES)
    blank = b"\n" * text.count(b"\n", start, end)
    return text[:start] + blank + expanded.expand(body, 0)


class _Expander:
    def __init__(self, entities: dict[bytes, bytes], data: bytes, name: str, base: int,
                 limit: int) -> None:
        self.entities = entities
        self.data = data
        self.name = name
        self.base = base
        self.limit = limit
        self.references = 0
        self.size = 0

    def expand(self, text: bytes, depth: int, stack: tuple[bytes, ...] = ()) -> bytes:
        out: list[bytes] = []
        pos = 0
        for match in _BODY_ITEM.finditer(text):
            ref = match.group("ref")
            if ref is None or ref in _PREDEFINED or ref not in self.entities:
                continue  # undeclared references are left for the parser to refuse
            out.append(text[pos:match.start()])
            self.references += 1
            at = self.base + match.start() if not stack else self.base
            if self.references > MAX_REFERENCES:
                raise _refuse(self.data, self.name, at, match.group(),
                              f"more than {MAX_REFERENCES} entity references")
            if ref in stack:
                raise _refuse(self.data, self.name, at, match.group(),
                              "an entity refers to itself")
            value = self.expand(self.entities[ref], depth + 1, (*stack, ref))
            self.size += len(value)
            if self.size > self.limit:
                raise _refuse(self.data, self.name, at, match.group(),
                              f"entity expansion would exceed {self.limit} bytes")
            out.append(value)
            pos = match.end()
        out.append(text[pos:])
        return b"".join(out)
