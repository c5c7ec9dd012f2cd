"""Reasoning about argument maps: schemes and critical questions, acceptability, agreement, lint.

Private package; :mod:`argmap` re-exports the public names listed here.

* :mod:`.schemes` -- the scheme catalogue (package data) and alias-tolerant lookup;
* :mod:`.questions` -- open critical questions of an inference, and answering one;
* :mod:`.framework` -- Dung frameworks with grounded, complete, preferred and
  stable semantics; :mod:`.iccma` -- the ICCMA file formats;
* :mod:`.aspic` -- the AIF -> ASPIC+ -> Dung reading of a map (:func:`evaluate`),
  built from :mod:`._theory` (the theory, what is left unread, a participant's
  knowledge base, transposition), :mod:`._arguments` (argument construction),
  :mod:`._afra` (attacks on attacks) and :mod:`._statuses`;
* :mod:`.agreement` -- inter-annotator agreement (:func:`compare`), with the
  alignment helpers in :mod:`._alignment`;
* :mod:`.lint` -- structural lint for annotators;
* :mod:`.cli` -- the ``evaluate``, ``compare`` and ``lint`` commands.
"""

from __future__ import annotations

from argmap._reasoning.agreement import (
    Agreement,
    LayerAgreement,
    NodeMatch,
    Relation,
    Segmentation,
    cohen_kappa,
    compare,
)
from argmap._reasoning.aspic import (
    ORDERINGS,
    Argument,
    Attack,
    Evaluation,
    StructuredFramework,
    build_framework,
    evaluate,
)
from argmap._reasoning.framework import (
    SEMANTICS,
    ArgumentationFramework,
    FrameworkError,
    Labelling,
    Status,
)
from argmap._reasoning.iccma import format_iccma, parse_iccma, read_iccma, write_iccma
from argmap._reasoning.lint import LINT_RULES, lint
from argmap._reasoning.questions import (
    CQ_KEY,
    QuestionStatus,
    answer_question,
    critical_questions,
    open_questions,
    scheme_of,
)
from argmap._reasoning.schemes import (
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
