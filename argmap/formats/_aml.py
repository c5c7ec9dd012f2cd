"""Araucaria's Argument Markup Language (AML, DTD 1.5.1), read only.

An AML document (root ``ARG``) holds the analysed ``TEXT``, analysis metadata
(``EDATA``), the scheme set used (``SCHEMESET``) and the argument as a tree of
argument units: ``AU`` = a ``PROP`` (the conclusion), an optional
``REFUTATION`` (an ``AU`` that refutes it) and premises grouped as ``CA``
(convergent: one ``AU`` each) or ``LA`` (linked: several ``AU`` together).
Araucaria scheme-set files (``.scm``) are AML documents with only a
``SCHEMESET``: they define schemes and are no map, so the reader refuses them
with a message saying so; :func:`argmap.formats.read_scheme_set` reads them.

AML documents always start with ``<!DOCTYPE ARG SYSTEM "argument.dtd">``; that
bare declaration is tolerated (never loaded); a DOCTYPE with an internal
subset, or any entity, is refused as for every XML format.

Mapping
-------
* each ``PROP`` becomes a :class:`~argmap.Claim` (id = its ``identifier``
  when present and unused, else a fresh ``prop<N>``); ``missing="yes"`` marks
  an implicit (reconstructed) claim; otherwise ``PROPTEXT@offset`` and the
  text's length give its span in ``TEXT``, when the text is there;
* each ``AU`` in a ``CA`` gives one :class:`~argmap.Inference` (premise to
  conclusion), each ``LA`` one inference with all its premises;
* a ``REFUTATION`` gives a :class:`~argmap.Conflict` from the refuting
  proposition to the refuted one;
* an inference's ``scheme`` is the ``scheme`` attribute (verbatim, padding
  and all) of an ``INSCHEME`` its conclusion and every premise share by
  ``schid``.

Extra keys
----------
``aml:schemeset``, ``aml:edata`` (map)
    the scheme set (``[{"name", "premises", "conclusion", "cqs"}]``) and the
    ``EDATA`` fields, as written;
``aml:prop`` (claim)
    the PROP's other content: ``identifier`` when it is not the node id,
    ``attributes`` (``nodelabel``, ``supportlabel``), ``owners``,
    ``inschemes``, ``roles``, ``tutor``, and ``offset`` when it gave no span;
``aml:schid`` (inference)
    the scheme instance id the scheme was taken from.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from lxml import etree

from argmap._errors import ArgmapError, ParseError
from argmap._extra import FrozenJSONDict
from argmap._map import ArgumentMap
from argmap._nodes import Claim, Conflict, Inference
from argmap._problem import Problem
from argmap._text import Source, Span
from argmap.formats._araucaria_schemes import scheme_set_size
from argmap.formats._dtdsubset import check_doctype
from argmap.formats._format import Format
from argmap.formats._registry import described
from argmap.formats._sniff import xml_root
from argmap.formats._xmlsafe import parse_xml

__all__ = ["FORMAT", "problems", "read_aml"]


def _text(el: etree._Element | None) -> str | None:
    return None if el is None else (el.text or "")


def _schemeset(el: etree._Element) -> list[dict[str, Any]]:
    out = []
    for scheme in el.iter("SCHEME"):
        form = scheme.find("FORM")
        out.append({
            "name": _text(scheme.find("NAME")),
            "premises": [_text(p) for p in form.iter("PREMISE")] if form is not None else [],
            "conclusion": _text(form.find("CONCLUSION")) if form is not None else None,
            "cqs": [_text(cq) for cq in scheme.iter("CQ")],
        })
    return out


class _Reader:
    def __init__(self, name: str, source: Source | None) -> None:
        self.name = name
        self.m = ArgumentMap(source=source)
        self.inschemes: dict[str, list[tuple[str, str]]] = {}  # claim id -> (schid, scheme)
        self.counters: dict[str, int] = {}

    def fresh(self, prefix: str) -> str:
        """The next unused node id ``<prefix><N>`` (one counter per prefix)."""
        n = self.counters.get(prefix, 0)
        while True:
            n += 1
            if f"{prefix}{n}" not in self.m.nodes:
                self.counters[prefix] = n
                return f"{prefix}{n}"

    def fail(self, message: str, el: etree._Element, node: str | None = None) -> ParseError:
        return ParseError(message, source=self.name, line=el.sourceline, node=node)

    def prop(self, el: etree._Element) -> str:
        m = self.m
        identifier = el.get("identifier")
        nid = identifier if identifier and identifier not in m.nodes else self.fresh("prop")
        info: dict[str, Any] = {}
        if identifier is not None and identifier != nid:
            info["identifier"] = identifier
        attributes = {k: v for k, v in el.attrib.items() if k not in ("identifier", "missing")}
        if attributes:
            info["attributes"] = attributes
        implicit = el.get("missing") == "yes"
        proptext = el.find("PROPTEXT")
        text = _text(proptext) or ""
        spans: list[Span] = []
        offset = proptext.get("offset") if proptext is not None else None
        if offset is not None:
            span = self.span(offset, text) if not implicit else None
            if span is None:
                info["offset"] = offset
            else:
                spans.append(span)
        for child in el:
            tag = child.tag
            if tag == "OWNER":
                info.setdefault("owners", []).append(child.get("name", ""))
            elif tag == "INSCHEME":
                entry = {"scheme": child.get("scheme", ""), "schid": child.get("schid", "")}
                info.setdefault("inschemes", []).append(entry)
                self.inschemes.setdefault(nid, []).append((entry["schid"], entry["scheme"]))
            elif tag == "ROLE":
                info.setdefault("roles", []).append(dict(child.attrib))
            elif tag == "TUTOR":
                info["tutor"] = dict(child.attrib)
        try:
            m.add_node(Claim(id=nid, text=text, spans=spans, implicit=implicit,
                             extra={"aml:prop": info} if info else None))
        except (ArgmapError, ValueError) as exc:
            raise self.fail(str(exc), el, nid) from None
        return nid

    def span(self, offset: str, text: str) -> Span | None:
        source = self.m.source
        try:
            start = int(offset)
        except ValueError:
            return None
        if source is None or start < 0 or not text:
            return None
        end = start + len(text)
        if source.text[start:end] != text:
            return None
        return Span(start, end, text)

    def scheme(self, conclusion: str, premises: list[str]) -> tuple[str | None, str | None]:
        for schid, name in self.inschemes.get(conclusion, ()):
            if all(any(s == schid for s, _ in self.inschemes.get(p, ())) for p in premises):
                return name, schid
        return None, None

    def inference(self, premises: list[str], conclusion: str) -> None:
        m = self.m
        scheme, schid = self.scheme(conclusion, premises)
        node = m.add_node(Inference(id=self.fresh("ra"), scheme=scheme,
                                    extra={"aml:schid": schid} if schid is not None else None))
        for p in premises:
            m.connect(p, node)
        m.connect(node, conclusion)

    def unit(self, el: etree._Element) -> str:
        prop = el.find("PROP")
        if prop is None:
            raise self.fail("an AU without a PROP", el)
        conclusion = self.prop(prop)
        m = self.m
        for child in el:
            tag = child.tag
            if tag == "REFUTATION":
                for au in child:
                    if au.tag == "AU":
                        attacker = self.unit(au)
                        node = m.add_node(Conflict(id=self.fresh("ca")))
                        m.connect(attacker, node)
                        m.connect(node, conclusion)
            elif tag == "CA":
                for au in child:
                    if au.tag == "AU":
                        self.inference([self.unit(au)], conclusion)
            elif tag == "LA":
                premises = [self.unit(au) for au in child if au.tag == "AU"]
                if premises:
                    self.inference(premises, conclusion)
        return conclusion


def read_aml(data: bytes, name: str = "<bytes>") -> ArgumentMap:
    """Read an AML document (or an Araucaria scheme set)."""
    root = parse_xml(check_doctype(data, name, allow_bare=True), name, allow_doctype=True)
    if root.tag != "ARG":
        raise ParseError(f"not an AML document: the root element is <{root.tag!s}>", source=name,
                         line=root.sourceline)
    size = scheme_set_size(root)
    if size is not None:
        raise ParseError(
            f"this is an Araucaria scheme set ({size} scheme definitions), not an argument map; "
            "read it with argmap.formats.read_scheme_set", source=name, line=root.sourceline)
    text_el = root.find("TEXT")
    source: Source | None = None
    if text_el is not None:
        try:
            source = Source(text=text_el.text or "")
        except ValueError as exc:
            raise ParseError(f"TEXT: {exc}", source=name, line=text_el.sourceline) from None
    reader = _Reader(name, source)
    extra: dict[str, Any] = {}
    for child in root:
        tag = child.tag
        if tag == "SCHEMESET":
            extra["aml:schemeset"] = _schemeset(child)
        elif tag == "EDATA":
            extra["aml:edata"] = {c.tag: c.text or "" for c in child if isinstance(c.tag, str)}
        elif tag == "AU":
            try:
                reader.unit(child)
            except ParseError:
                raise
            except (ArgmapError, ValueError) as exc:
                raise reader.fail(str(exc), child) from None
    reader.m.set_extra(extra)
    return reader.m


def _load(data: bytes, *, name: str, path: Path | None) -> ArgumentMap:
    return read_aml(data, name)


def _sniff(data: bytes) -> bool:
    return xml_root(data) == "ARG"


def problems(m: ArgumentMap) -> list[Problem]:
    """PROPTEXT offsets of an AML map that do not fit its text."""
    out = []
    for node in m.nodes.values():
        info = node.extra.get("aml:prop")
        offset = info.get("offset") if isinstance(info, FrozenJSONDict) else None
        if isinstance(offset, str) and not getattr(node, "implicit", False):
            out.append(Problem(
                "anchor-mismatch",
                f"PROP {node.id!r}: PROPTEXT offset {offset} does not locate its text in TEXT",
                nodes=(node.id,)))
    return out


FORMAT = Format(
    **described("aml"),
    load=_load,
    sniff=_sniff,
)
