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
from argmap._formats.araucaria_schemes import read_scheme_set
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

# --- reasoning (issue 6) ---
from argmap._reasoning import (
    CQ_KEY,
    LINT_RULES,
    ORDERINGS,
    SEMANTICS,
    Agreement,
    Argument,
    ArgumentationFramework,
    Attack,
    CriticalQuestion,
    Evaluation,
    FrameworkError,
    Labelling,
    LayerAgreement,
    NodeMatch,
    QuestionStatus,
    Relation,
    Scheme,
    SchemeCatalogue,
    SchemeError,
    Segmentation,
    Status,
    StructuredFramework,
    answer_question,
    build_framework,
    cohen_kappa,
    compare,
    critical_questions,
    evaluate,
    format_iccma,
    lint,
    normalise_scheme_name,
    open_questions,
    parse_iccma,
    read_iccma,
    scheme_of,
    schemes,
    write_iccma,
)

# --- end reasoning (issue 6) ---
from argmap._render import dot_engine, render, render_dot, to_dot  # render (issue 3)
from argmap._text import Source, Span
from argmap._validation import RULES, Problem

__version__ = "0.1.0"

__all__ = [
    "AIF_XML_NAMESPACE",
    "CQ_KEY",  # reasoning (issue 6)
    "LINT_RULES",  # reasoning (issue 6)
    "ORDERINGS",  # reasoning (issue 6)
    "RULES",
    "SEMANTICS",  # reasoning (issue 6)
    "Agreement",  # reasoning (issue 6)
    "AnchorError",
    "ArgmapError",
    "ArgmapWarning",
    "Argument",  # reasoning (issue 6)
    "ArgumentMap",
    "ArgumentationFramework",  # reasoning (issue 6)
    "Attack",  # reasoning (issue 6)
    "Claim",
    "Conflict",
    "ConflictKind",
    "CriticalQuestion",  # reasoning (issue 6)
    "Edge",
    "Evaluation",  # reasoning (issue 6)
    "Evidence",
    "EvidenceType",
    "Format",
    "FormatError",
    "FrameworkError",  # reasoning (issue 6)
    "INode",
    "Illocution",
    "Inference",
    "Labelling",  # reasoning (issue 6)
    "LayerAgreement",  # reasoning (issue 6)
    "Locution",
    "MapError",
    "Node",
    "NodeKind",
    "NodeMatch",  # reasoning (issue 6)
    "NodeRef",
    "ParseError",
    "Participant",
    "Preference",
    "Problem",
    "QuestionStatus",  # reasoning (issue 6)
    "Relation",  # reasoning (issue 6)
    "RenderError",  # render (issue 3)
    "Rephrase",
    "Scheme",  # reasoning (issue 6)
    "SchemeCatalogue",  # reasoning (issue 6)
    "SchemeError",  # reasoning (issue 6)
    "SchemeNode",
    "Segmentation",  # reasoning (issue 6)
    "Source",
    "Span",
    "Status",  # reasoning (issue 6)
    "StructuredFramework",  # reasoning (issue 6)
    "Transition",
    "UnknownNode",
    "UnsafeInputError",
    "ValidationError",
    "WriteError",
    "__version__",
    "aif_xml_schema",
    "answer_question",  # reasoning (issue 6)
    "build_framework",  # reasoning (issue 6)
    "cohen_kappa",  # reasoning (issue 6)
    "compare",  # reasoning (issue 6)
    "critical_questions",  # reasoning (issue 6)
    "dot_engine",  # render (issue 3)
    "dumps",
    "evaluate",  # reasoning (issue 6)
    "format_iccma",  # reasoning (issue 6)
    "formats",
    "from_xml",
    "lint",  # reasoning (issue 6)
    "loads",
    "normalise_scheme_name",  # reasoning (issue 6)
    "open_questions",  # reasoning (issue 6)
    "parse_iccma",  # reasoning (issue 6)
    "read",
    "read_iccma",  # reasoning (issue 6)
    "read_scheme_set",
    "register_format",
    "render",  # render (issue 3)
    "render_dot",  # render (issue 3)
    "scheme_of",  # reasoning (issue 6)
    "schemes",  # reasoning (issue 6)
    "to_dot",  # render (issue 3)
    "to_xml",
    "write",
    "write_iccma",  # reasoning (issue 6)
]
