"""Reasoning about argument maps: schemes and critical questions, acceptability, agreement, lint.

* schemes -- the Walton scheme catalogue (package data) with alias-tolerant
  lookup (:func:`schemes`, :func:`scheme_of`);
* critical questions -- open questions of an inference, and answering one
  (:func:`critical_questions`, :func:`answer_question`);
* acceptability -- Dung frameworks with grounded, complete, preferred and
  stable semantics, and the AIF -> ASPIC+ -> Dung reading of a map
  (:func:`evaluate`), attacks on attacks included (AFRA), from the whole map or
  one participant's perspective; the ICCMA file formats;
* agreement between two annotators (:func:`compare`, CASS);
* lint for annotators (:func:`lint`).

:func:`evaluate` is also available as :func:`argmap.evaluate`.
"""

from __future__ import annotations

from argmap.reasoning._agreement import (
    Agreement,
    LayerAgreement,
    NodeMatch,
    Relation,
    Segmentation,
    cohen_kappa,
    compare,
)
from argmap.reasoning._aspic import (
    ORDERINGS,
    Argument,
    Attack,
    Evaluation,
    Explanation,
    StructuredFramework,
    build_framework,
    evaluate,
)
from argmap.reasoning._framework import (
    SEMANTICS,
    ArgumentationFramework,
    FrameworkError,
    Labelling,
    Status,
)
from argmap.reasoning._iccma import format_iccma, parse_iccma, read_iccma, write_iccma
from argmap.reasoning._lint import LINT_RULES, lint
from argmap.reasoning._questions import (
    CQ_KEY,
    QuestionStatus,
    answer_question,
    critical_questions,
    open_questions,
    scheme_of,
)
from argmap.reasoning._schemes import (
    CriticalQuestion,
    Scheme,
    SchemeCatalogue,
    SchemeError,
    normalise_scheme_name,
    schemes,
)

__all__ = [
    "CQ_KEY",
    "LINT_RULES",
    "ORDERINGS",
    "SEMANTICS",
    "Agreement",
    "Argument",
    "ArgumentationFramework",
    "Attack",
    "CriticalQuestion",
    "Evaluation",
    "Explanation",
    "FrameworkError",
    "Labelling",
    "LayerAgreement",
    "NodeMatch",
    "QuestionStatus",
    "Relation",
    "Scheme",
    "SchemeCatalogue",
    "SchemeError",
    "Segmentation",
    "Status",
    "StructuredFramework",
    "answer_question",
    "build_framework",
    "cohen_kappa",
    "compare",
    "critical_questions",
    "evaluate",
    "format_iccma",
    "lint",
    "normalise_scheme_name",
    "open_questions",
    "parse_iccma",
    "read_iccma",
    "scheme_of",
    "schemes",
    "write_iccma",
]
