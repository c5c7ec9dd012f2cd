"""argmap: annotate the argument structure of real texts in the AIF ontology.

This namespace holds what a newcomer needs: the model (:class:`ArgumentMap`
and its nodes, :class:`Source` and :class:`Span`), reading and writing
(:func:`read`, :func:`write`, :func:`to_xml`, ...) and the errors.  The
specialist tools live in :mod:`argmap.reasoning`, :mod:`argmap.formats`,
:mod:`argmap.view`, :mod:`argmap.mining` and :mod:`argmap.strategies`; :func:`evaluate` and
:func:`render` are re-exported here for convenience.

Names are imported on first use, so ``import argmap`` does not load the
readers, the reasoning or the rendering until they are needed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from argmap._errors import (
    AnchorError,
    ArgmapError,
    ArgmapWarning,
    FormatError,
    FrameworkError,
    MapError,
    ParseError,
    RenderError,
    SchemeError,
    UnsafeInputError,
    ValidationError,
    WriteError,
)
from argmap._lazy import lazy_attributes

if TYPE_CHECKING:
    from argmap import formats, mining, reasoning, strategies, view  # noqa: F401
    from argmap._corpus import Corpus, read_corpus
    from argmap._io import dumps, loads, read, write
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
    from argmap._problem import Problem
    from argmap._text import Source, Span
    from argmap._validation import RULES
    from argmap.formats._aifxml import AIF_XML_NAMESPACE, aif_xml_schema, from_xml, to_xml
    from argmap.reasoning._aspic import evaluate
    from argmap.view._render import render

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
    "Corpus",
    "Edge",
    "Evidence",
    "EvidenceType",
    "FormatError",
    "FrameworkError",
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
    "RenderError",
    "Rephrase",
    "SchemeError",
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
    "dumps",
    "evaluate",
    "from_xml",
    "loads",
    "read",
    "read_corpus",
    "render",
    "to_xml",
    "write",
]

_MODEL = {
    **dict.fromkeys(("ArgumentMap", "NodeRef"), "argmap._map"),
    **dict.fromkeys(("Claim", "Conflict", "ConflictKind", "Edge", "Evidence", "EvidenceType",
                     "Illocution", "Inference", "INode", "Locution", "Node", "NodeKind",
                     "Participant", "Preference", "Rephrase", "SchemeNode", "Transition",
                     "UnknownNode"), "argmap._nodes"),
    "Problem": "argmap._problem",
    "RULES": "argmap._validation",
    "Source": "argmap._text",
    "Span": "argmap._text",
}

# Hidden from type checkers, which see the imports above instead: a module-level __getattr__
# would make them accept any attribute name.
if not TYPE_CHECKING:
    __getattr__, __dir__ = lazy_attributes(__name__, {
        **_MODEL,
        "AIF_XML_NAMESPACE": "argmap.formats._aifxml",
        "aif_xml_schema": "argmap.formats._aifxml",
        "dumps": "argmap._io",
        "evaluate": "argmap.reasoning._aspic",
        "formats": "argmap.formats",
        "mining": "argmap.mining",
        "Corpus": "argmap._corpus",
        "read_corpus": "argmap._corpus",
        "reasoning": "argmap.reasoning",
        "strategies": "argmap.strategies",
        "view": "argmap.view",
        "from_xml": "argmap.formats._aifxml",
        "loads": "argmap._io",
        "read": "argmap._io",
        "render": "argmap.view._render",
        "to_xml": "argmap.formats._aifxml",
        "write": "argmap._io",
    }, globals())
