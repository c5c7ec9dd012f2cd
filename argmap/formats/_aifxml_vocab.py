"""The AIF-XML vocabulary: its namespace and version, the element names of scheme nodes, and
the published schema."""

from __future__ import annotations

import functools
from importlib import resources
from typing import Any

from lxml import etree

from argmap._nodes import (
    Conflict,
    Illocution,
    Inference,
    Preference,
    Rephrase,
    Transition,
)

__all__ = [
    "AIF_XML_NAMESPACE",
    "NS",
    "NSLEN",
    "SCHEMA_FILE",
    "VERSION",
    "aif_xml_schema",
    "load_schema",
    "scheme_tag",
]


#: The XML namespace of argmap AIF-XML, version 1.
AIF_XML_NAMESPACE = "urn:argmap:aif-xml:1"


VERSION = "1.0"


NS = "{" + AIF_XML_NAMESPACE + "}"


NSLEN = len(NS)


SCHEMA_FILE = "argmap-aif-1.xsd"


SCHEME_TAGS: dict[type[Any], str] = {
    Inference: "inference",
    Conflict: "conflict",
    Rephrase: "rephrase",
    Preference: "preference",
    Illocution: "illocution",
    Transition: "transition",
}


SCHEME_CLASSES: dict[str, type[Any]] = {tag: cls for cls, tag in SCHEME_TAGS.items()}


def scheme_tag(cls: type[Any]) -> str:
    # Subclasses of the node classes are written as their argmap base class.
    tag = SCHEME_TAGS.get(cls)
    if tag is None:
        tag = next(SCHEME_TAGS[base] for base in cls.__mro__ if base in SCHEME_TAGS)
        SCHEME_TAGS[cls] = tag
    return tag


# ------------------------------------------------------------------- schema
def aif_xml_schema() -> str:
    """Return the text of the published AIF-XML Schema (XSD 1.0), ready for lxml.

    The text has no XML declaration (lxml refuses text that declares an
    encoding); the file in the package, ``argmap/schema/argmap-aif-1.xsd``, is
    the same schema in UTF-8 with its declaration.

    Example:
        >>> from lxml import etree
        >>> schema = etree.XMLSchema(etree.fromstring(aif_xml_schema()))
        >>> schema.validate(etree.fromstring(to_xml(ArgumentMap())))
        True
    """
    text = resources.files("argmap").joinpath("schema").joinpath(SCHEMA_FILE).read_text("utf-8")
    if text.startswith("<?xml"):
        text = text[text.index("?>") + 2 :].lstrip()
    return text


@functools.cache
def load_schema() -> etree.XMLSchema:
    """The shipped schema minus its ``xs:unique`` identity constraints.

    Checking id uniqueness with XSD identity constraints costs libxml2 about
    five times the rest of validation on large maps; the reader enforces the
    same constraints itself (a duplicate id is a ParseError naming its line),
    so it validates against the schema without them.  Tests check that every
    document argmap writes is valid against the full schema.
    """
    data = resources.files("argmap").joinpath("schema").joinpath(SCHEMA_FILE).read_bytes()
    doc = etree.fromstring(data)
    for el in doc.iter("{http://www.w3.org/2001/XMLSchema}unique"):
        parent = el.getparent()
        assert parent is not None
        parent.remove(el)
    return etree.XMLSchema(doc)
