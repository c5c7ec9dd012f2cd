"""argmap: annotate the argument structure of real texts in the AIF ontology.

The public API is what ``__all__`` lists; every other module is private.
"""

from __future__ import annotations

from argmap._errors import (
    AnchorError,
    ArgmapError,
    ArgmapWarning,
    FormatError,
    MapError,
    ParseError,
    RenderError,  # render (issue 3)
    UnsafeInputError,
    ValidationError,
    WriteError,
)
from argmap._formats.aifxml import AIF_XML_NAMESPACE, aif_xml_schema, from_xml, to_xml
from argmap._io import Format, dumps, formats, loads, read, register_format, write
from argmap._map import ArgumentMap, NodeRef
from argmap._nodes import (
    Claim,
    Conflict,
    ConflictKind,
    Edge,
    Evidence,
    EvidenceType,
    Illocution,
    Inference,
    INode,
    Locution,
    Node,
    NodeKind,
    Participant,
    Preference,
    Rephrase,
    SchemeNode,
    Transition,
    UnknownNode,
)
from argmap._render import dot_engine, render, render_dot, to_dot  # render (issue 3)
from argmap._text import Source, Span
from argmap._validation import RULES, Problem

__version__ = "0.1.0"

__all__ = [
    "AIF_XML_NAMESPACE",
    "RULES",
    "AnchorError",
    "ArgmapError",
    "ArgmapWarning",
    "ArgumentMap",
    "Claim",
    "Conflict",
    "ConflictKind",
    "Edge",
    "Evidence",
    "EvidenceType",
    "Format",
    "FormatError",
    "INode",
    "Illocution",
    "Inference",
    "Locution",
    "MapError",
    "Node",
    "NodeKind",
    "NodeRef",
    "ParseError",
    "Participant",
    "Preference",
    "Problem",
    "RenderError",  # render (issue 3)
    "Rephrase",
    "SchemeNode",
    "Source",
    "Span",
    "Transition",
    "UnknownNode",
    "UnsafeInputError",
    "ValidationError",
    "WriteError",
    "__version__",
    "aif_xml_schema",
    "dot_engine",  # render (issue 3)
    "dumps",
    "formats",
    "from_xml",
    "loads",
    "read",
    "register_format",
    "render",  # render (issue 3)
    "render_dot",  # render (issue 3)
    "to_dot",  # render (issue 3)
    "to_xml",
    "write",
]
