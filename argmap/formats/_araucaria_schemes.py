"""Araucaria scheme sets (``.scm``): scheme definitions, read into a scheme catalogue.

A scheme-set file is an AML document (root ``ARG``) holding only a
``SCHEMESET``: ``SCHEME`` s with a ``NAME``, a ``FORM`` of ``PREMISE`` s and a
``CONCLUSION``, and critical questions ``CQ``.  It describes schemes, not an
argument, so the map readers refuse it; :func:`read_scheme_set` reads it.
"""

from __future__ import annotations

import os
from pathlib import Path

from lxml import etree

from argmap._errors import ParseError, SchemeError
from argmap._nodes import NodeKind
from argmap.formats._dtdsubset import check_doctype
from argmap.formats._xmlsafe import parse_xml, read_input
from argmap.reasoning._schemes import CriticalQuestion, Scheme, SchemeCatalogue

__all__ = ["read_scheme_set", "scheme_set_size"]


def _text(el: etree._Element | None) -> str:
    return " ".join("".join(el.itertext()).split()) if el is not None else ""


def scheme_set_size(root: etree._Element) -> int | None:
    """The number of schemes when ``root`` is a scheme set with no argument, else None."""
    if root.tag != "ARG" or root.find("SCHEMESET") is None:
        return None
    if root.find("AU") is not None or root.find("TEXT") is not None:
        return None
    return len(root.findall("SCHEMESET/SCHEME"))


def read_scheme_set(source: str | os.PathLike[str] | bytes, *,
                    name: str | None = None) -> SchemeCatalogue:
    """Read an Araucaria scheme set (a ``.scm`` file, or its bytes) into a scheme catalogue.

    The result is a :class:`~argmap.reasoning.SchemeCatalogue`.  Each
    ``SCHEME`` becomes an inference (RA) :class:`~argmap.reasoning.Scheme` with its name,
    premises, conclusion and critical questions (ids ``cq1``, ``cq2``, ...).
    Araucaria does not say what a question attacks; argmap takes each one as
    an ``undercut`` (a reason the step from premises to conclusion may fail),
    the reading that fits a question about any part of the scheme.  Scheme
    names are kept as written; a name that occurs twice is an error.

    Args:
        source: a path, or the file's bytes.
        name: the name used in messages (the path or ``"<bytes>"`` by default).

    Raises:
        ParseError: if the input is not a scheme set, or a scheme lacks a name.

    Example:
        >>> cat = read_scheme_set(b'''<ARG><SCHEMESET><SCHEME><NAME>Argument from Sign</NAME>
        ...   <FORM><PREMISE>A is true</PREMISE><PREMISE>B is a sign of A</PREMISE>
        ...   <CONCLUSION>B is true</CONCLUSION></FORM><CQ>Is the sign reliable?</CQ>
        ...   </SCHEME></SCHEMESET></ARG>''')
        >>> s = cat["Argument from Sign"]
        >>> s.premises, s.questions[0].text
        (('A is true', 'B is a sign of A'), 'Is the sign reliable?')
    """
    if isinstance(source, bytes):
        data, where = source, name or "<bytes>"
    else:
        data, where = read_input(Path(source)), name or os.fspath(source)
    root = parse_xml(check_doctype(data, where, allow_bare=True), where, allow_doctype=True)
    if root.tag != "ARG" or root.find("SCHEMESET") is None:
        raise ParseError("not an Araucaria scheme set: no ARG/SCHEMESET element",
                         source=where, line=root.sourceline)
    catalogue = SchemeCatalogue()
    for el in root.iterfind("SCHEMESET/SCHEME"):
        title = _text(el.find("NAME"))
        if not title:
            raise ParseError("SCHEME without a NAME", source=where, line=el.sourceline)
        form = el.find("FORM")
        questions = [CriticalQuestion(id=f"cq{i}", text=_text(cq), attack="undercut")
                     for i, cq in enumerate(el.iterfind("CQ"), 1)]
        try:
            catalogue.add(Scheme(
                name=title, kind=NodeKind.RA,
                premises=[_text(p) for p in form.iterfind("PREMISE")] if form is not None else [],
                conclusion=_text(form.find("CONCLUSION")) or None if form is not None else None,
                questions=questions))
        except SchemeError as exc:
            raise ParseError(f"SCHEME {title!r}: {exc}", source=where,
                             line=el.sourceline) from None
    return catalogue
