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

from typing import TYPE_CHECKING

from argmap._lazy import lazy_attributes

if TYPE_CHECKING:
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

# Hidden from type checkers, which see the imports above instead.  Lazy, so that a
# module needing one part (the scheme catalogue, say) does not import them all.
if not TYPE_CHECKING:
    __getattr__, __dir__ = lazy_attributes(__name__, {
        "CQ_KEY": "argmap.reasoning._questions",
        "LINT_RULES": "argmap.reasoning._lint",
        "ORDERINGS": "argmap.reasoning._aspic",
        "SEMANTICS": "argmap.reasoning._framework",
        "Agreement": "argmap.reasoning._agreement",
        "Argument": "argmap.reasoning._aspic",
        "ArgumentationFramework": "argmap.reasoning._framework",
        "Attack": "argmap.reasoning._aspic",
        "CriticalQuestion": "argmap.reasoning._schemes",
        "Evaluation": "argmap.reasoning._aspic",
        "Explanation": "argmap.reasoning._aspic",
        "FrameworkError": "argmap.reasoning._framework",
        "Labelling": "argmap.reasoning._framework",
        "LayerAgreement": "argmap.reasoning._agreement",
        "NodeMatch": "argmap.reasoning._agreement",
        "QuestionStatus": "argmap.reasoning._questions",
        "Relation": "argmap.reasoning._agreement",
        "Scheme": "argmap.reasoning._schemes",
        "SchemeCatalogue": "argmap.reasoning._schemes",
        "SchemeError": "argmap.reasoning._schemes",
        "Segmentation": "argmap.reasoning._agreement",
        "Status": "argmap.reasoning._framework",
        "StructuredFramework": "argmap.reasoning._aspic",
        "answer_question": "argmap.reasoning._questions",
        "build_framework": "argmap.reasoning._aspic",
        "cohen_kappa": "argmap.reasoning._agreement",
        "compare": "argmap.reasoning._agreement",
        "critical_questions": "argmap.reasoning._questions",
        "evaluate": "argmap.reasoning._aspic",
        "format_iccma": "argmap.reasoning._iccma",
        "lint": "argmap.reasoning._lint",
        "normalise_scheme_name": "argmap.reasoning._schemes",
        "open_questions": "argmap.reasoning._questions",
        "parse_iccma": "argmap.reasoning._iccma",
        "read_iccma": "argmap.reasoning._iccma",
        "scheme_of": "argmap.reasoning._questions",
        "schemes": "argmap.reasoning._schemes",
        "write_iccma": "argmap.reasoning._iccma",
    }, globals())
