"""AIF node kinds, edges and participants as frozen attrs classes.

AIF edges are untyped: the role an edge plays (premise, conclusion, attacker,
target, preferred, anchor, ...) follows from the kinds of the nodes it joins.
The classes here therefore hold only what belongs to a node itself; the
:class:`~argmap.ArgumentMap` derives roles from the graph.
"""

from __future__ import annotations

import enum
import types
from collections.abc import Iterable
from typing import Any, ClassVar, TypeVar

import attrs

from argmap._errors import AnchorError, MapError
from argmap._extra import FrozenJSONDict, to_extra
from argmap._text import Span, check_xml_text

_T = TypeVar("_T")

__all__ = [
    "Claim",
    "Conflict",
    "ConflictKind",
    "Edge",
    "Evidence",
    "EvidenceType",
    "INode",
    "Illocution",
    "Inference",
    "Locution",
    "Node",
    "NodeKind",
    "Participant",
    "Preference",
    "Rephrase",
    "SchemeNode",
    "Transition",
    "UnknownNode",
]


class NodeKind(str, enum.Enum):
    """The AIF / AIF+ node kinds, valued by their AIF type code."""

    I = "I"  # noqa: E741 - AIF's own name
    """Information node -- a proposition (:class:`Claim`, :class:`Evidence`)."""
    RA = "RA"
    """Rule application -- an inference (:class:`Inference`)."""
    CA = "CA"
    """Conflict application (:class:`Conflict`)."""
    MA = "MA"
    """Rephrase application (:class:`Rephrase`)."""
    PA = "PA"
    """Preference application (:class:`Preference`)."""
    L = "L"
    """Locution: something a participant said (:class:`Locution`)."""
    YA = "YA"
    """Illocutionary connection, anchoring content in dialogue (:class:`Illocution`)."""
    TA = "TA"
    """Transition between locutions (:class:`Transition`)."""
    UNKNOWN = "?"
    """A node type argmap does not model; kept verbatim (:class:`UnknownNode`)."""


class EvidenceType(str, enum.Enum):
    """What kind of evidence an :class:`Evidence` node is.

    The vocabulary follows the unit types of the Webis editorial corpus
    (Al-Khatib et al., COLING 2016), which was made for opinion articles.
    """

    ANECDOTE = "anecdote"
    """A concrete event, incident or example the author reports."""
    STATISTICS = "statistics"
    """Quantitative figures, results of studies or surveys."""
    TESTIMONY = "testimony"
    """Statements of people or organisations, quoted or paraphrased."""
    COMMON_GROUND = "common-ground"
    """Facts the author presents as generally known or accepted."""
    ASSUMPTION = "assumption"
    """An assumption, generalisation or conclusion of the author's own."""
    OTHER = "other"
    """Evidence of another kind."""


class ConflictKind(str, enum.Enum):
    """How a :class:`Conflict` attacks, derived from what it targets."""

    REBUT = "rebut"
    """Attacks a proposition that is the conclusion of an inference."""
    UNDERMINE = "undermine"
    """Attacks a proposition used as a premise (one with no support of its own)."""
    UNDERCUT = "undercut"
    """Attacks an inference itself; the premises may hold, the step does not."""
    OTHER = "other"
    """Attacks something else (a conflict, a preference, a locution) or nothing."""


def _text_field(value: str) -> str:
    if not isinstance(value, str):
        raise MapError(f"text must be a string, got {type(value).__name__}")
    check_xml_text(value, "text")
    return value


def _opt_text(value: str | None) -> str | None:
    if value is None:
        return None
    return _text_field(value)


def _id_field(value: str) -> str:
    if not isinstance(value, str) or not value:
        raise MapError(f"ids must be non-empty strings, got {value!r}")
    check_xml_text(value, "id")
    return value


def _opt_id(value: str | None) -> str | None:
    return None if value is None else _id_field(value)


def _bool(_inst: object, attribute: attrs.Attribute[bool], value: bool) -> None:
    if not isinstance(value, bool):
        raise MapError(f"{attribute.name} must be True or False, got {value!r}")


def _evidence_type(value: EvidenceType | str) -> EvidenceType:
    try:
        return EvidenceType(value)
    except ValueError:
        known = ", ".join(t.value for t in EvidenceType)
        raise MapError(f"unknown evidence type {value!r}; known types: {known}") from None


def _spans(value: Iterable[Span]) -> tuple[Span, ...]:
    if isinstance(value, (str, Span)):
        raise AnchorError(f"spans must be a sequence of Span objects, got {value!r}")
    spans = tuple(value)
    for s in spans:
        if not isinstance(s, Span):
            raise AnchorError(f"spans must be Span objects, got {type(s).__name__}")
    return tuple(sorted(spans, key=lambda s: (s.start, s.end)))


@attrs.frozen(slots=True, kw_only=True)
class _Base:
    id: str = attrs.field(converter=_id_field)
    timestamp: str | None = attrs.field(default=None, converter=_opt_text)
    extra: FrozenJSONDict = attrs.field(factory=FrozenJSONDict, converter=to_extra)

    kind: ClassVar[NodeKind]


@attrs.frozen(slots=True, kw_only=True)
class _Statement(_Base):
    text: str = attrs.field(converter=_text_field)
    spans: tuple[Span, ...] = attrs.field(default=(), converter=_spans)
    implicit: bool = attrs.field(default=False, validator=_bool)

    kind: ClassVar[NodeKind] = NodeKind.I

    def __attrs_post_init__(self) -> None:
        if self.implicit and self.spans:
            raise AnchorError(
                f"node {self.id!r} is implicit (reconstructed) and so cannot carry text spans"
            )


@attrs.frozen(slots=True, kw_only=True)
class Claim(_Statement):
    """An I-node: a proposition the text puts forward, explicitly or implicitly.

    Args:
        id: unique id within the map.
        text: the proposition, ideally self-contained (may rephrase the quote).
        spans: where the proposition is expressed in the source; several
            discontinuous spans are allowed.
        implicit: True for a reconstructed (unstated) premise or conclusion;
            an implicit node carries no spans.
        timestamp: when the node was created (free text, as AIFdb writes it).
        extra: data from other formats with no field here, as JSON values.
    """


@attrs.frozen(slots=True, kw_only=True)
class Evidence(_Statement):
    """An I-node offered as evidence (a reported fact, figure, testimony...).

    Takes every argument of :class:`Claim`, plus:

    Args:
        evidence_type: what kind of evidence it is.
    """

    evidence_type: EvidenceType = attrs.field(default=EvidenceType.OTHER,
                                              converter=_evidence_type)


@attrs.frozen(slots=True, kw_only=True)
class _SchemeNode(_Base):
    scheme: str | None = attrs.field(default=None, converter=_opt_text)
    scheme_id: str | None = attrs.field(default=None, converter=_opt_text)
    label: str | None = attrs.field(default=None, converter=_opt_text)

    @property
    def display(self) -> str:
        """The text to show for this node -- its label, else its scheme, else its default."""
        return self.label or self.scheme or DEFAULT_LABELS[self.kind]


@attrs.frozen(slots=True, kw_only=True)
class Inference(_SchemeNode):
    """An RA-node: an inference from premises to one conclusion.

    All premises of one inference are *linked* ("taken together"); several
    inferences into the same conclusion are *convergent*.

    Args:
        id: unique id within the map.
        scheme: the argumentation scheme, spelled as the source spells it
            (never rewritten), e.g. ``"Argument From Expert Opinion"``.
        scheme_id: the scheme's id in an external catalogue (AIFdb), if any.
        label: the node's display text when it differs from ``scheme``.
        timestamp: creation time (free text).
        extra: data from other formats with no field here.
    """

    kind: ClassVar[NodeKind] = NodeKind.RA


@attrs.frozen(slots=True, kw_only=True)
class Conflict(_SchemeNode):
    """A CA-node: its one attacker conflicts with its one target.

    The kind of attack (rebut, undermine, undercut) is not stored: it follows
    from the target and is given by :meth:`ArgumentMap.conflict_kind`.
    Arguments as for :class:`Inference`.
    """

    kind: ClassVar[NodeKind] = NodeKind.CA


@attrs.frozen(slots=True, kw_only=True)
class Rephrase(_SchemeNode):
    """An MA-node: its target proposition restates (rephrases) its source proposition.

    Arguments as for :class:`Inference`.
    """

    kind: ClassVar[NodeKind] = NodeKind.MA


@attrs.frozen(slots=True, kw_only=True)
class Preference(_SchemeNode):
    """A PA-node: one proposition (or inference) is preferred to another.

    Direction: ``preferred -> PA -> dispreferred``, the reading of the worked
    example in Bex, Prakken & Reed (2010) and of existing AIF validators.
    Arguments as for :class:`Inference`.
    """

    kind: ClassVar[NodeKind] = NodeKind.PA


@attrs.frozen(slots=True, kw_only=True)
class Illocution(_SchemeNode):
    """A YA-node: an illocutionary connection (Inference Anchoring Theory).

    It anchors propositional content in dialogue: ``Locution -> YA -> Claim``
    (e.g. *Asserting*), ``Transition -> YA -> Inference`` (e.g. *Arguing*) or,
    for reported speech, ``Locution -> YA -> Locution``.  The illocutionary
    force (``"Asserting"``, ``"Arguing"``, ``"Disagreeing"``, ``"Restating"``,
    ``"Pure Questioning"``, ...) is its ``scheme``; :attr:`force` reads it,
    falling back to the node's text (``label``) where a format leaves the
    scheme empty.
    """

    kind: ClassVar[NodeKind] = NodeKind.YA

    @property
    def force(self) -> str:
        """The illocutionary force -- ``scheme``, else the node's text (``label``).

        OVA3, xAIF and DialAM maps name the force only in the node text; an
        illocution naming none has AIF's default, ``"Default Illocuting"``
        (the text AIFdb writes for it, which readers keep as no label).
        """
        return self.scheme or self.label or DEFAULT_LABELS[NodeKind.YA]


@attrs.frozen(slots=True, kw_only=True)
class Transition(_SchemeNode):
    """A TA-node: a step from one locution to the next (``L -> TA -> L``).

    Arguments as for :class:`Inference`; the usual scheme is ``"Default Transition"``.
    """

    kind: ClassVar[NodeKind] = NodeKind.TA


@attrs.frozen(slots=True, kw_only=True)
class Locution(_Base):
    """An L-node: what a participant said, in their words.

    Args:
        id: unique id within the map.
        text: the words said (AIFdb writes ``"Speaker : words"``; argmap keeps
            whatever it is given).
        speaker: id of the :class:`Participant` who said it, if known.
        spans: where the locution is in the source text (none for reported
            speech that the text only paraphrases).
        said_at: when it was said (free text), distinct from ``timestamp``.
        timestamp: when the node was created.
        extra: data from other formats with no field here.
    """

    text: str = attrs.field(converter=_text_field)
    speaker: str | None = attrs.field(default=None, converter=_opt_id)
    spans: tuple[Span, ...] = attrs.field(default=(), converter=_spans)
    said_at: str | None = attrs.field(default=None, converter=_opt_text)

    kind: ClassVar[NodeKind] = NodeKind.L


@attrs.frozen(slots=True, kw_only=True)
class UnknownNode(_Base):
    """A node of a type argmap does not model, kept so that nothing is lost.

    Args:
        id: unique id within the map.
        type: the type code as found in the input (e.g. ``"EN"``, ``"Y"``).
        text: the node's text, if any.
        timestamp: creation time.
        extra: every other field of the node.
    """

    type: str = attrs.field(converter=_text_field)
    text: str | None = attrs.field(default=None, converter=_opt_text)

    kind: ClassVar[NodeKind] = NodeKind.UNKNOWN


@attrs.frozen(slots=True, kw_only=True)
class Edge:
    """A directed, untyped AIF edge from one node to another.

    Args:
        id: unique edge id within the map.
        from_id: id of the node the edge leaves.
        to_id: id of the node the edge enters.
        extra: data from other formats with no field here.
    """

    id: str = attrs.field(converter=_id_field)
    from_id: str = attrs.field(converter=_id_field)
    to_id: str = attrs.field(converter=_id_field)
    extra: FrozenJSONDict = attrs.field(factory=FrozenJSONDict, converter=to_extra)


@attrs.frozen(slots=True, kw_only=True)
class Participant:
    """A speaker or writer whose locutions the map records.

    Args:
        id: unique participant id within the map.
        name: display name (a person or an organisation).
        description: who they are, e.g. ``"President of Kazakhstan"``.
        extra: data from other formats with no field here.
    """

    id: str = attrs.field(converter=_id_field)
    name: str = attrs.field(converter=_text_field)
    description: str | None = attrs.field(default=None, converter=_opt_text)
    extra: FrozenJSONDict = attrs.field(factory=FrozenJSONDict, converter=to_extra)


#: An I-node: a :class:`Claim` or an :class:`Evidence`.
INode = Claim | Evidence
#: An S-node of any kind.
SchemeNode = Inference | Conflict | Rephrase | Preference | Illocution | Transition
#: Any node of a map.
Node = (
    Claim | Evidence | Inference | Conflict | Rephrase | Preference | Illocution | Transition
    | Locution | UnknownNode
)

#: The default scheme name of each S-node kind, as AIFdb and OVA write it.
DEFAULT_LABELS: dict[NodeKind, str] = {
    NodeKind.RA: "Default Inference",
    NodeKind.CA: "Default Conflict",
    NodeKind.MA: "Default Rephrase",
    NodeKind.PA: "Default Preference",
    NodeKind.YA: "Default Illocuting",
    NodeKind.TA: "Default Transition",
}

NODE_CLASSES: tuple[type[Any], ...] = (
    Claim, Evidence, Inference, Conflict, Rephrase, Preference, Illocution, Transition,
    Locution, UnknownNode,
)


def _maker(cls: type[Any]) -> Any:
    """Generate ``make(**fields)`` that sets every field of ``cls`` without converters."""
    params: list[str] = []
    body: list[str] = ["    o = _new(_cls)"]
    namespace: dict[str, Any] = {"_new": object.__new__, "_cls": cls,
                                 "_EMPTY": FrozenJSONDict()}
    for f in attrs.fields(cls):
        # Each field is a slot: its member descriptor's setter stores the value
        # directly, without the attribute lookup object.__setattr__ makes per
        # call (a quarter of the time of building an object).
        slot = getattr(cls, f.name)
        if not isinstance(slot, types.MemberDescriptorType):
            raise TypeError(f"{cls.__name__}.{f.name} is not a slot")
        namespace[f"_s_{f.name}"] = slot.__set__
        default = f.default
        if f.name == "extra":
            params.append("extra=None")
            body.append("    _s_extra(o, _EMPTY if extra is None else extra)")
            continue
        if default is attrs.NOTHING:
            params.append(f.name)
        else:
            namespace[f"_d_{f.name}"] = default
            params.append(f"{f.name}=_d_{f.name}")
        body.append(f"    _s_{f.name}(o, {f.name})")
    # Keyword-only, unless every field without a default comes first (as in Edge):
    # then the fields may also be given by position, in field order.
    required = [p for p in params if "=" not in p]
    star = "" if params[:len(required)] == required else "*, "
    src = f"def make({star}{', '.join(params)}):\n" + "\n".join(body) + "\n    return o\n"
    exec(compile(src, f"<argmap unchecked {cls.__name__}>", "exec"), namespace)
    return namespace["make"]


_MAKERS: dict[type[Any], Any] = {cls: _maker(cls) for cls in (*NODE_CLASSES, Edge, Participant)}


def unchecked_maker(cls: type[_T]) -> Any:
    """The generated constructor :func:`unchecked` uses for ``cls``.

    It takes the fields by keyword; where every field without a default comes
    first (:class:`Edge`), also by position, in field order.
    """
    return _MAKERS[cls]


def unchecked(cls: type[_T], fields: dict[str, Any]) -> _T:
    """Build a model object from parts a reader has already checked, skipping converters.

    For readers of formats whose structure guarantees the invariants the
    converters would enforce (AIF-XML after schema validation: ids are
    non-empty, texts are XML characters, enumerations are valid).  Spans must
    be sorted and implicit nodes span-free: the caller checks both.
    """
    return _MAKERS[cls](**fields)  # type: ignore[no-any-return]
