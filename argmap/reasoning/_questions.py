"""Critical questions of the inferences in a map: which are open, and answering one.

Answering a critical question is an explicit act recorded on the node that
answers it: a :class:`~argmap.Conflict` (the answer goes against the
inference: it undermines a premise, undercuts the step or rebuts the
conclusion) or an :class:`~argmap.Inference` (the answer backs the inference,
one of its premises or its conclusion).  The record is a JSON object in the
answering node's ``extra`` under the key ``"argmap:cq"``::

    {"scheme": "ExpertOpinion", "question": "field", "inference": "ra3"}

``scheme`` is the catalogue name of the questioned inference's scheme,
``question`` the question's id in that scheme and ``inference`` the id of the
questioned inference.  Because it lives in ``extra``, every format that keeps
``extra`` (AIF-XML does) keeps the answer.
"""

from __future__ import annotations

from collections.abc import Mapping

import attrs

from argmap._errors import MapError
from argmap._extra import FrozenJSONDict
from argmap._map import ArgumentMap, NodeRef
from argmap._nodes import DEFAULT_LABELS, Conflict, Inference, Node
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
    "QuestionStatus",
    "answer_question",
    "critical_questions",
    "open_questions",
    "scheme_of",
]

#: The ``extra`` key under which an answering node records the question it answers.
CQ_KEY = "argmap:cq"

_DEFAULT_SCHEME = DEFAULT_LABELS


@attrs.frozen(slots=True, kw_only=True)
class QuestionStatus:
    """A critical question of one inference, with the nodes that answer it.

    Attributes:
        inference: id of the questioned inference.
        scheme: the inference's scheme.
        question: the critical question.
        answers: the conflicts and inferences recorded as answering it.
    """

    inference: str
    scheme: Scheme
    question: CriticalQuestion
    answers: tuple[Node, ...] = ()

    @property
    def open(self) -> bool:
        """True while no node answers the question."""
        return not self.answers


def scheme_of(
    m: ArgumentMap, node: NodeRef, *, catalogue: SchemeCatalogue | None = None
) -> Scheme | None:
    """The catalogue scheme of an S-node, or None when its scheme is unknown.

    The node's ``scheme`` is looked up (alias-tolerant), then its ``label``;
    a node with neither has the default scheme of its kind (e.g.
    *Default Inference*).
    """
    n = m.node(node)
    cat = catalogue if catalogue is not None else schemes()
    if n.kind not in _DEFAULT_SCHEME:
        return None
    name: str | None = getattr(n, "scheme", None)
    label: str | None = getattr(n, "label", None)
    if name:
        return cat.get(name, kind=n.kind) or (cat.get(label, kind=n.kind) if label else None)
    if label:
        return cat.get(label, kind=n.kind)
    return cat.get(_DEFAULT_SCHEME[n.kind], kind=n.kind)


def _scheme_for(m: ArgumentMap, ra: Node, catalogue: SchemeCatalogue) -> Scheme:
    scheme = scheme_of(m, ra, catalogue=catalogue)
    if scheme is None:
        raise SchemeError(
            f"inference {ra.id!r} has the scheme {getattr(ra, 'scheme', None)!r}, which is not "
            "in the scheme catalogue; add it with schemes().add(Scheme(...))"
        )
    return scheme


def _require_inference(m: ArgumentMap, ref: NodeRef) -> Inference:
    node = m.node(ref)
    if not isinstance(node, Inference):
        raise MapError(
            f"critical questions belong to inferences (RA); {node.id!r} is {node.kind.value}"
        )
    return node


def _neighbourhood(m: ArgumentMap, ra: Inference) -> tuple[set[str], set[str]]:
    """Ids of the nodes an answer may target: (the inference, its premises and conclusion)."""
    around = {p.id for p in m.premises(ra)}
    concl = m.conclusion(ra)
    if concl is not None:
        around.add(concl.id)
    return {ra.id}, around


def _record(node: Node) -> Mapping[str, object] | None:
    value = node.extra.get(CQ_KEY)
    return value if isinstance(value, FrozenJSONDict) else None


def _candidates(m: ArgumentMap, ra: Inference) -> list[Node]:
    """Conflicts and inferences that attack or support the inference or its propositions."""
    direct, around = _neighbourhood(m, ra)
    out: dict[str, Node] = {}
    for target in (*direct, *around):
        for n in m.predecessors(target):
            if isinstance(n, (Conflict, Inference)) and n.id != ra.id:
                out[n.id] = n
    return list(out.values())


def _same_scheme(recorded: object, scheme: Scheme, catalogue: SchemeCatalogue) -> bool:
    if not isinstance(recorded, str):
        return False
    found = catalogue.get(recorded, kind=scheme.kind)
    if found is not None:
        return found is scheme or found.name == scheme.name
    return normalise_scheme_name(recorded) in {normalise_scheme_name(n) for n in scheme.names()}


def critical_questions(
    m: ArgumentMap, inference: NodeRef, *, catalogue: SchemeCatalogue | None = None
) -> list[QuestionStatus]:
    """Every critical question of an inference's scheme, with its answers.

    An answer is a conflict or inference next to the questioned inference
    (attacking or supporting it, one of its premises or its conclusion) whose
    ``extra["argmap:cq"]`` names this inference (or, when the record names no
    inference, that attacks or supports the inference itself), its scheme
    and the question.

    Raises:
        MapError: if ``inference`` is not an inference of the map.
        SchemeError: if the inference's scheme is not in the catalogue.

    Example:
        >>> from argmap import ArgumentMap
        >>> m = ArgumentMap()
        >>> e, said, field = (m.add_claim(t) for t in ("Dr X is a virologist",
        ...     "Dr X says masks work", "Masks are a matter of virology"))
        >>> ra = m.add_inference([e, said, field], m.add_claim("Masks work"),
        ...                      scheme="Argument From Expert Opinion")
        >>> [q.question.id for q in critical_questions(m, ra)][:3]
        ['expertise', 'field', 'opinion']
    """
    ra = _require_inference(m, inference)
    cat = catalogue if catalogue is not None else schemes()
    scheme = _scheme_for(m, ra, cat)
    found: dict[str, list[Node]] = {q.id: [] for q in scheme.questions}
    for node in _candidates(m, ra):
        rec = _record(node)
        if rec is None or not _same_scheme(rec.get("scheme"), scheme, cat):
            continue
        target = rec.get("inference")
        if target is None:
            if not any(s.id == ra.id for s in m.successors(node)):
                continue
        elif target != ra.id:
            continue
        qid = rec.get("question")
        if isinstance(qid, str) and qid in found:
            found[qid].append(node)
    return [
        QuestionStatus(inference=ra.id, scheme=scheme, question=q, answers=tuple(found[q.id]))
        for q in scheme.questions
    ]


def open_questions(
    m: ArgumentMap, inference: NodeRef, *, catalogue: SchemeCatalogue | None = None
) -> list[CriticalQuestion]:
    """The critical questions of an inference that no node answers yet.

    Raises:
        MapError: if ``inference`` is not an inference of the map.
        SchemeError: if the inference's scheme is not in the catalogue.
    """
    return [s.question for s in critical_questions(m, inference, catalogue=catalogue) if s.open]


def answer_question(
    m: ArgumentMap,
    inference: NodeRef,
    question: CriticalQuestion | str,
    by: NodeRef,
    *,
    catalogue: SchemeCatalogue | None = None,
    replace: bool = False,
) -> Node:
    """Record that node ``by`` answers a critical question of ``inference``.

    ``by`` must already be in the map: a :class:`~argmap.Conflict` that
    attacks the inference (undercut), one of its premises (undermine) or its
    conclusion (rebut), or an :class:`~argmap.Inference` that supports one of
    those.  The node is replaced by a copy whose ``extra`` holds the record
    described in this module's documentation; the copy is returned.

    Args:
        m: the map.
        inference: the questioned inference.
        question: the question, or its id in the inference's scheme.
        by: the answering conflict or inference.
        catalogue: the scheme catalogue (default: :func:`schemes`).
        replace: allow overwriting a record of a different question on ``by``.

    Raises:
        MapError: for nodes of the wrong kind, an answer that does not touch
            the inference, or a node that already answers another question.
        SchemeError: for an unknown scheme or a question the scheme lacks.

    Example:
        >>> from argmap import ArgumentMap
        >>> m = ArgumentMap()
        >>> ra = m.add_inference([m.add_claim("Smoke rises over the hill")],
        ...                      m.add_claim("There is a fire"), scheme="Sign")
        >>> mist = m.add_conflict(m.add_claim("It is morning mist, not smoke"), ra)
        >>> node = answer_question(m, ra, "other-explanations", mist)
        >>> dict(node.extra["argmap:cq"])
        {'scheme': 'Sign', 'question': 'other-explanations', 'inference': 'ra3'}
        >>> [q.id for q in open_questions(m, ra)]
        ['observed', 'strength']
    """
    ra = _require_inference(m, inference)
    cat = catalogue if catalogue is not None else schemes()
    scheme = _scheme_for(m, ra, cat)
    qid = question.id if isinstance(question, CriticalQuestion) else question
    q = scheme.question(qid)
    node = m.node(by)
    if not isinstance(node, (Conflict, Inference)):
        raise MapError(
            f"a critical question is answered by a conflict (CA) or an inference (RA); "
            f"{node.id!r} is {node.kind.value}"
        )
    direct, around = _neighbourhood(m, ra)
    touched = {s.id for s in m.successors(node)}
    if node.id == ra.id or not touched & (direct | around):
        raise MapError(
            f"{node.kind.value} node {node.id!r} does not answer a question of inference "
            f"{ra.id!r}: it must attack or support that inference, one of its premises or "
            "its conclusion"
        )
    record = {"scheme": scheme.name, "question": q.id, "inference": ra.id}
    old = _record(node)
    if old is not None and dict(old) != record and not replace:
        raise MapError(
            f"node {node.id!r} already answers question {old.get('question')!r} of "
            f"inference {old.get('inference')!r}; pass replace=True to change it"
        )
    extra = node.extra.thaw()
    extra[CQ_KEY] = record
    return m.replace_node(attrs.evolve(node, extra=extra))
