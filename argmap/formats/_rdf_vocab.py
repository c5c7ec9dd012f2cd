"""The AIF RDF vocabulary: namespaces, IRI bases and the keys argmap keeps in ``extra``."""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

from argmap._nodes import (
    Conflict,
    Illocution,
    Inference,
    NodeKind,
    Preference,
    Rephrase,
    Transition,
)

__all__ = [
    "AIF_",
    "AIF_NS",
    "AIF_OLD",
    "AM_",
    "AM_NS",
    "EDGE_BASE",
    "K_DOCUMENT",
    "K_RECORD",
    "K_UNPLACED",
    "MAP_IRI",
    "NODE_BASE",
    "OWL_",
    "OWL_NS",
    "PARTICIPANT_BASE",
    "RDF_",
    "RDF_NS",
    "SOURCE_FIELDS",
    "SOURCE_IRI",
    "XML_NS_BRACED",
    "make_iri",
]


RDF_NS = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"


OWL_NS = "http://www.w3.org/2002/07/owl#"


#: AIFdb's AIF namespace.
AIF_NS = "http://www.arg.tech/aif#"


AIF_OLD = "http://www.arg.dundee.ac.uk/aif#"


#: argmap's namespace for what the AIF vocabulary cannot carry.
AM_NS = "urn:argmap:aif-rdf:1#"


#: Base of node IRIs, as AIFdb writes them.
NODE_BASE = "http://www.aifdb.org/nodes/"


EDGE_BASE = "urn:argmap:edge:"


PARTICIPANT_BASE = "urn:argmap:participant:"


SOURCE_IRI = "urn:argmap:source"


MAP_IRI = "urn:argmap:map"


SCHEME_CLASSES: dict[NodeKind, type[Any]] = {
    cls.kind: cls for cls in (Inference, Conflict, Rephrase, Preference, Illocution, Transition)
}


SOURCE_FIELDS = ("title", "author", "publisher", "url", "published", "language")


#: A node read from a file without argmap terms: its IRI and every triple, as read.
K_RECORD = "aif-rdf:rdf"


#: Such a file's triples about other subjects (the ontology header, ...).
K_DOCUMENT = "aif-rdf:document"


#: ``aif:`` relations that gave no edge: ``[subject, property, object]``.
K_UNPLACED = "aif-rdf:unplaced"


def make_iri(base: str, ident: str) -> str:
    return base + quote(ident, safe="")


#: The xml: namespace in Clark notation ({...}lang).
XML_NS_BRACED = "{http://www.w3.org/XML/1998/namespace}"

# The namespaces in Clark notation, for element and attribute names.
RDF_, OWL_, AIF_, AM_ = (f"{{{ns}}}" for ns in (RDF_NS, OWL_NS, AIF_NS, AM_NS))
