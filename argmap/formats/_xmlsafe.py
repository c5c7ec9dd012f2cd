"""Hardened XML parsing shared by every XML reader in argmap.

Users load files from strangers, so this module never hands lxml a path or a
URL, never resolves entities, never loads a DTD or touches the network, and
rejects compressed input, DOCTYPEs (unless a format needs the legacy
declaration), entity references, XInclude and over-deep nesting.  Every failure
becomes a :class:`~argmap.ParseError` (or :class:`~argmap.UnsafeInputError`)
naming the input and the line.
"""

from __future__ import annotations

import os
import stat
from typing import Any

from lxml import etree

from argmap._errors import ParseError, UnsafeInputError

__all__ = ["MAX_ATTRIBUTES", "MAX_INPUT_BYTES", "parse_xml", "read_input"]

#: Inputs larger than this are refused before parsing (bytes).
MAX_INPUT_BYTES = 256 * 1024 * 1024
#: Elements with more attributes than this are refused (no supported format comes close).
MAX_ATTRIBUTES = 256

_COMPRESSED_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x1f\x8b", "gzip"),
    (b"BZh", "bzip2"),
    (b"\xfd7zXZ\x00", "xz"),
    (b"PK\x03\x04", "zip"),
    (b"\x28\xb5\x2f\xfd", "zstd"),
)
_XINCLUDE_PREFIXES = ("{http://www.w3.org/2001/XInclude}", "{http://www.w3.org/2003/XInclude}")


class _RefuseAll(etree.Resolver):
    """A second line of defence: refuse every external load lxml might attempt."""

    def resolve(self, system_url: str | None, public_id: str | None, context: Any) -> Any:
        raise UnsafeInputError(f"refusing to load external resource {system_url!r}")


def read_input(path: str | os.PathLike[str], limit: int = MAX_INPUT_BYTES) -> bytes:
    """Read a file's bytes under a size limit, turning OS errors into :class:`ParseError`.

    Raises:
        ParseError: if the file cannot be read.
        UnsafeInputError: if it is larger than ``limit`` bytes.
    """
    name = os.fspath(path)
    try:
        # O_NONBLOCK: opening a FIFO must not hang; only regular files are read.
        fd = os.open(name, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        try:
            if not stat.S_ISREG(os.fstat(fd).st_mode):
                raise ParseError("not a regular file", source=name)
            with os.fdopen(fd, "rb", closefd=False) as fh:
                data = fh.read(limit + 1)
        finally:
            os.close(fd)
    except OSError as exc:
        raise ParseError(f"cannot read file: {exc.strerror or exc}", source=name) from None
    except ValueError:  # the OS cannot take the name at all
        raise ParseError("cannot read file: the name contains a NUL character",
                         source=name.replace("\0", "\\0")) from None
    if len(data) > limit:
        raise UnsafeInputError(f"input is larger than the limit of {limit} bytes", source=name)
    return data


def check_not_compressed(data: bytes, name: str) -> None:
    """Raise :class:`UnsafeInputError` for compressed input (never decompressed)."""
    for magic, kind in _COMPRESSED_MAGIC:
        if data.startswith(magic):
            raise UnsafeInputError(
                f"input is {kind}-compressed; decompress it yourself if you trust it",
                source=name, line=1,
            )


def _parser(remove_blank_text: bool = False) -> etree.XMLParser:
    # A fresh parser per call: lxml parsers are not thread-safe.
    parser = etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        attribute_defaults=False,
        huge_tree=False,
        recover=False,
        remove_pis=True,
        remove_comments=True,
        remove_blank_text=remove_blank_text,
    )
    parser.resolvers.add(_RefuseAll())
    return parser


def parse_xml(
    data: bytes,
    name: str = "<bytes>",
    *,
    allow_doctype: bool = False,
    limit: int = MAX_INPUT_BYTES,
    remove_blank_text: bool = False,
    check_attribute_counts: bool = True,
) -> etree._Element:
    """Parse untrusted XML bytes safely and return the root element.

    Args:
        data: the raw bytes (never a path or URL).
        name: the input's name for error messages.
        allow_doctype: tolerate a bare ``<!DOCTYPE x SYSTEM "...">`` declaration
            (never loaded) for legacy formats that always carry one; an internal
            subset or any entity is still refused.
        limit: maximum input size in bytes.
        check_attribute_counts: refuse elements with more than
            :data:`MAX_ATTRIBUTES` attributes (reading those is quadratic in
            lxml).  A caller that validates against a schema allowing only a few
            attributes per element before reading any may skip this pass.
        remove_blank_text: drop whitespace-only text between elements (libxml2
            keeps whitespace that is an element's only content); saves memory for
            formats whose text lives only in leaf elements.

    Raises:
        ParseError: for malformed XML, with the line number.
        UnsafeInputError: for DOCTYPEs, entities, XInclude, compressed or
            oversized input and excessive nesting.
    """
    if not isinstance(data, bytes):
        raise ParseError(f"expected bytes, got {type(data).__name__}", source=name)
    if len(data) > limit:
        raise UnsafeInputError(f"input is larger than the limit of {limit} bytes", source=name)
    check_not_compressed(data, name)
    if not data.strip():
        raise ParseError("input is empty", source=name)
    try:
        root = etree.fromstring(data, _parser(remove_blank_text))
    except etree.XMLSyntaxError as exc:
        msg = str(exc.msg or exc)
        line = exc.lineno if exc.lineno else None
        lowered = msg.lower()
        if "entityref: no name" in lowered or "entityref: expecting ';'" in lowered:
            # An ampersand that starts no entity reference: a text not escaped.
            raise ParseError(f"malformed XML: an '&' that is not escaped as '&amp;' ({msg})",
                             source=name, line=line) from None
        if "entity" in lowered and "not defined" in lowered:
            # A reference to an entity no DTD declares: XML itself knows only five.
            raise ParseError(f"malformed XML: an undefined entity (XML without a DTD has only "
                             f"&amp; &lt; &gt; &quot; &apos;) ({msg})",
                             source=name, line=line) from None
        if "entity" in lowered or "amplification" in lowered:
            raise UnsafeInputError(
                f"entities and DTDs are not allowed ({msg})", source=name, line=line
            ) from None
        if "depth" in lowered:
            raise UnsafeInputError(f"nesting is too deep ({msg})", source=name, line=line) from None
        raise ParseError(f"malformed XML: {msg}", source=name, line=line) from None
    except UnsafeInputError as exc:
        raise UnsafeInputError(exc.message, source=name) from None
    except (ValueError, UnicodeError) as exc:
        raise ParseError(f"cannot decode XML: {exc}", source=name) from None
    _check_doctype(root, name, allow_doctype, data)
    for entity in root.iter(etree.Entity):
        raise UnsafeInputError(
            f"entity reference {entity.text or ''!s} is not allowed",
            source=name, line=entity.sourceline,
        )
    for el in root.iter(*(prefix + "*" for prefix in _XINCLUDE_PREFIXES)):
        raise UnsafeInputError("XInclude is not allowed", source=name, line=el.sourceline)
    # Reading the attributes of an element with very many of them is quadratic in
    # lxml; counting them is linear, so count first and refuse the outliers.
    if not check_attribute_counts:
        return root
    for el in root.iter(etree.Element):
        if len(el.attrib) > MAX_ATTRIBUTES:
            raise UnsafeInputError(
                f"element <{etree.QName(el).localname}> has more than {MAX_ATTRIBUTES} attributes",
                source=name, line=el.sourceline,
            )
    return root


def _line_of(data: bytes, marker: str) -> int | None:
    """The 1-based line of the first ``marker`` in ``data`` (UTF-8 or UTF-16), if found."""
    for codec in ("utf-8", "utf-16-le", "utf-16-be"):
        pos = data.find(marker.encode(codec))
        if pos >= 0:
            return data.count("\n".encode(codec), 0, pos) + 1
    return None


def _check_doctype(root: etree._Element, name: str, allow_doctype: bool, data: bytes) -> None:
    docinfo = root.getroottree().docinfo
    if not docinfo.doctype:
        return
    internal = docinfo.internalDTD
    has_subset = internal is not None and (
        any(True for _ in internal.iterelements()) or any(True for _ in internal.iterentities())
    )
    if not allow_doctype or has_subset:
        raise UnsafeInputError(
            f"a DOCTYPE declaration is not allowed here ({docinfo.doctype[:200]})",
            source=name, line=_line_of(data, "<!DOCTYPE"),
        )
