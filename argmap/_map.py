"""The :class:`ArgumentMap`: nodes, edges, participants and a source text, with indexes."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from argmap._errors import AnchorError, MapError
from argmap._map_queries import MapQueries
from argmap._map_store import NodeRef
from argmap._nodes import (
    Claim,
    Conflict,
    Edge,
    Evidence,
    EvidenceType,
    Illocution,
    Inference,
    Locution,
    NodeKind,
    Participant,
    Preference,
    Rephrase,
    Transition,
)
from argmap._text import Span

__all__ = ["ArgumentMap", "NodeRef"]

SpanLike = Span | str | tuple[int, int]


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


class ArgumentMap(MapQueries):
    """An argument map of one text, in the AIF ontology.

    A map holds a :class:`Source` (the analysed text), participants,
    nodes of every AIF kind and the untyped edges between them.  Nodes and
    edges are immutable; the map changes only through its methods.

    *Two ways to build a map.*  The builder methods (:meth:`add_claim`,
    :meth:`add_inference`, :meth:`add_conflict`, ...) check AIF's rules as they
    go, so a map authored with them is valid by construction.  The low-level
    methods (:meth:`add_node`, :meth:`add_edge`) accept anything the model can
    represent -- dangling edges, inferences without a conclusion -- because real
    corpora contain such things; :meth:`validate` then names every problem.

    *Collections are properties, questions are methods.*  What the map holds
    is read as properties (:attr:`nodes`, :attr:`edges`, :attr:`participants`,
    :attr:`propositions`, :attr:`roots`, :attr:`source`, :attr:`extra`); what
    needs an argument is a method (:meth:`premises`, :meth:`attackers`,
    :meth:`nodes_of`, ...).

    Args:
        source: the analysed text and its metadata, if any.
        extra: map-level data from other formats, as JSON values.

    Example:
        >>> src = Source(text="Taxes should rise. Pollution harms health.")
        >>> m = ArgumentMap(source=src)
        >>> claim = m.add_claim(quote="Taxes should rise")
        >>> reason = m.add_evidence(quote="Pollution harms health",
        ...                         evidence_type=EvidenceType.COMMON_GROUND)
        >>> inference = m.add_inference([reason], claim)
        >>> [n.text for n in m.premises(inference)]
        ['Pollution harms health']
        >>> m.validate()
        []
    """

    __slots__ = ()

    def _repr_html_(self) -> str:
        """Jupyter display: the map drawn (small maps, with a Graphviz engine) or a summary."""
        from argmap.view._notebook import notebook_html

        return notebook_html(self)

    def _repr_svg_(self) -> str | None:
        """Jupyter display as SVG; None (so not offered) for big maps or without an engine."""
        from argmap.view._notebook import notebook_svg

        return notebook_svg(self)

    # ---------------------------------------------------------------- builder
    def _spans_for(
        self,
        quote: str | None,
        spans: SpanLike | Sequence[SpanLike],
        occurrence: int | None,
        after: int = 0,
    ) -> tuple[Span, ...]:
        items: list[SpanLike]
        if isinstance(spans, (Span, str)) or (
            isinstance(spans, tuple) and len(spans) == 2 and all(_is_int(x) for x in spans)
        ):
            items = [spans]  # type: ignore[list-item]
        else:
            items = list(spans)  # type: ignore[arg-type]
        source = self._source
        if (items or quote is not None) and source is None:
            raise AnchorError("cannot anchor text: the map has no source text")
        out: list[Span] = []
        if quote is not None:
            assert source is not None
            # occurrence= and after= apply to quote only
            out.append(source.find(quote, occurrence, after=after))
        for item in items:
            assert source is not None
            if isinstance(item, Span):
                source.check(item)
                out.append(item)
            elif isinstance(item, str):
                out.append(source.find(item))
            elif isinstance(item, tuple) and len(item) == 2 and all(_is_int(x) for x in item):
                out.append(source.span(*item))
            else:
                raise AnchorError(
                    f"an anchor is a Span, a quote or a (start, end) pair of ints, not {item!r}"
                )
        return tuple(out)

    def _statement_args(
        self,
        text: str | None,
        quote: str | None,
        spans: SpanLike | Sequence[SpanLike],
        occurrence: int | None,
        implicit: bool,
        *,
        after: int = 0,
    ) -> tuple[str, tuple[Span, ...]]:
        found = self._spans_for(quote, spans, occurrence, after)
        if implicit and found:
            raise AnchorError("an implicit (reconstructed) node cannot be anchored to the text")
        if text is None:
            if not found:
                raise MapError("give the node's text, or a quote to anchor it")
            text = " … ".join(s.text for s in sorted(found, key=lambda s: (s.start, s.end)))
        return text, found

    def add_claim(
        self,
        text: str | None = None,
        *,
        quote: str | None = None,
        spans: SpanLike | Sequence[SpanLike] = (),
        occurrence: int | None = None,
        after: int = 0,
        implicit: bool = False,
        id: str | None = None,
        timestamp: str | None = None,
        extra: Mapping[str, Any] | None = None,
    ) -> Claim:
        """Add a :class:`Claim`, anchored to the text.

        Args:
            text: the proposition; defaults to the quoted text.
            quote: exact words of the source to anchor to (found with
                :meth:`Source.find`; must be unambiguous unless ``occurrence``
                is given).
            spans: further anchors: :class:`Span` objects, quotes, or
                ``(start, end)`` offsets (for discontinuous text).
            occurrence: which occurrence of ``quote`` to take.
            after: only consider occurrences of ``quote`` starting at or after this
                offset (e.g. the end of the previous unit).
            implicit: mark a reconstructed premise or conclusion (no anchors).
            id: the node id; generated when omitted.
            timestamp: creation time, free text.
            extra: data with no field of its own, as JSON values.

        Raises:
            AnchorError: if a quote is not found, ambiguous, or out of range.
            MapError: if the id is taken.
        """
        text, found = self._statement_args(text, quote, spans, occurrence, implicit, after=after)
        node = Claim(id=id or self.new_id("i"), text=text, spans=found, implicit=implicit,
                     timestamp=timestamp, extra=extra)
        return self.add_node(node)

    def add_evidence(
        self,
        text: str | None = None,
        *,
        evidence_type: EvidenceType | str = EvidenceType.OTHER,
        quote: str | None = None,
        spans: SpanLike | Sequence[SpanLike] = (),
        occurrence: int | None = None,
        after: int = 0,
        implicit: bool = False,
        id: str | None = None,
        timestamp: str | None = None,
        extra: Mapping[str, Any] | None = None,
    ) -> Evidence:
        """Add an :class:`Evidence` node; arguments as :meth:`add_claim`, plus its type."""
        text, found = self._statement_args(text, quote, spans, occurrence, implicit, after=after)
        node = Evidence(id=id or self.new_id("i"), text=text, spans=found, implicit=implicit,
                        evidence_type=evidence_type, timestamp=timestamp,
                        extra=extra)
        return self.add_node(node)

    def add_inference(
        self,
        premises: NodeRef | Iterable[NodeRef],
        conclusion: NodeRef,
        *,
        scheme: str | None = None,
        scheme_id: str | None = None,
        label: str | None = None,
        id: str | None = None,
        timestamp: str | None = None,
        extra: Mapping[str, Any] | None = None,
    ) -> Inference:
        """Add one inference (RA) from ``premises``, *taken together*, to ``conclusion``.

        Several premises in one call make a **linked** argument.  For
        **convergent** support, call this once per independent reason.

        Args:
            premises: one or more propositions (I-nodes, or reported locutions).
            conclusion: the proposition inferred, or an inference (a reason
                for an inference rule).
            scheme: the argumentation scheme's name, e.g.
                ``"Argument From Sign"``; kept exactly as given.
            scheme_id: the scheme's id in an external catalogue.
            label: display text when it should differ from the scheme.
            id: the node id; generated when omitted.
            timestamp: creation time, free text.
            extra: data with no field of its own, as JSON values.

        Raises:
            MapError: for a missing node, a premise or conclusion of the wrong
                kind, no premises, or a premise that is also the conclusion.
        """
        refs: list[NodeRef] = (
            list(premises)
            if isinstance(premises, Iterable) and not isinstance(premises, str)
            else [premises]
        )
        if not refs:
            raise MapError("an inference needs at least one premise")
        prem = [self._require(p, (NodeKind.I, NodeKind.L), "a premise") for p in refs]
        concl = self._require(conclusion, (NodeKind.I, NodeKind.RA), "the conclusion")
        ids = [p.id for p in prem]
        if len(set(ids)) != len(ids):
            raise MapError(f"a premise is listed twice: {ids}")
        if concl.id in ids:
            raise MapError(f"node {concl.id!r} cannot be premise and conclusion of one inference")
        node = Inference(id=id or self.new_id("ra"), scheme=scheme, scheme_id=scheme_id,
                         label=label, timestamp=timestamp, extra=extra)
        self.add_node(node)
        for p in prem:
            self.connect(p, node)
        self.connect(node, concl)
        return node

    def add_premise(self, inference: NodeRef, premise: NodeRef) -> Edge:
        """Add one more linked premise to an existing inference."""
        ra = self._require(inference, (NodeKind.RA,), "the inference")
        p = self._require(premise, (NodeKind.I, NodeKind.L), "a premise")
        if self.conclusion(ra) == p:
            raise MapError(f"node {p.id!r} is the conclusion of inference {ra.id!r}")
        return self.connect(p, ra)

    def add_conflict(
        self,
        attacker: NodeRef,
        target: NodeRef,
        *,
        scheme: str | None = None,
        scheme_id: str | None = None,
        label: str | None = None,
        id: str | None = None,
        timestamp: str | None = None,
        extra: Mapping[str, Any] | None = None,
    ) -> Conflict:
        """Add a conflict (CA): ``attacker`` attacks ``target``.

        The attack is a *rebuttal* when the target is the conclusion of an
        inference, an *undermining* when it is an unsupported premise, and an
        *undercut* when the target is an :class:`Inference`.  For a symmetric
        contradiction, add a second conflict the other way round.

        Args:
            attacker: the attacking proposition (I-node, or a reported locution).
            target: a proposition, an inference (undercut), a locution, a
                conflict or a preference.
            scheme: conflict scheme name (default: none, i.e. Default Conflict).
            scheme_id: the scheme's id in an external catalogue.
            label: display text.
            id: the node id; generated when omitted.
            timestamp: creation time, free text.
            extra: data with no field of its own, as JSON values.

        Raises:
            MapError: for a missing node, a node of the wrong kind, or a node
                attacking itself.
        """
        a = self._require(attacker, (NodeKind.I, NodeKind.L), "the attacker")
        t = self._require(
            target,
            (NodeKind.I, NodeKind.RA, NodeKind.L, NodeKind.CA, NodeKind.PA),
            "the target",
        )
        if a.id == t.id:
            raise MapError(f"node {a.id!r} cannot attack itself")
        node = Conflict(id=id or self.new_id("ca"), scheme=scheme, scheme_id=scheme_id,
                        label=label, timestamp=timestamp, extra=extra)
        self.add_node(node)
        self.connect(a, node)
        self.connect(node, t)
        return node

    def add_rephrase(
        self,
        original: NodeRef,
        rephrased: NodeRef,
        *,
        scheme: str | None = None,
        scheme_id: str | None = None,
        label: str | None = None,
        id: str | None = None,
        timestamp: str | None = None,
        extra: Mapping[str, Any] | None = None,
    ) -> Rephrase:
        """Add a rephrase (MA): ``rephrased`` restates ``original``.

        Edges run ``original -> MA -> rephrased``.
        """
        a = self._require(original, (NodeKind.I,), "the original")
        b = self._require(rephrased, (NodeKind.I,), "the rephrasing")
        if a.id == b.id:
            raise MapError(f"node {a.id!r} cannot rephrase itself")
        node = Rephrase(id=id or self.new_id("ma"), scheme=scheme, scheme_id=scheme_id,
                        label=label, timestamp=timestamp, extra=extra)
        self.add_node(node)
        self.connect(a, node)
        self.connect(node, b)
        return node

    def add_preference(
        self,
        preferred: NodeRef,
        dispreferred: NodeRef,
        *,
        scheme: str | None = None,
        scheme_id: str | None = None,
        label: str | None = None,
        id: str | None = None,
        timestamp: str | None = None,
        extra: Mapping[str, Any] | None = None,
    ) -> Preference:
        """Add a preference (PA): ``preferred`` is preferred to ``dispreferred``.

        Both must be propositions, or both inferences.  Edges run
        ``preferred -> PA -> dispreferred``.
        """
        a = self._require(preferred, (NodeKind.I, NodeKind.RA), "the preferred node")
        b = self._require(dispreferred, (NodeKind.I, NodeKind.RA), "the dispreferred node")
        if a.kind != b.kind:
            raise MapError(
                f"a preference compares two propositions or two inferences, not "
                f"{a.kind.value} {a.id!r} and {b.kind.value} {b.id!r}"
            )
        if a.id == b.id:
            raise MapError(f"node {a.id!r} cannot be preferred to itself")
        node = Preference(id=id or self.new_id("pa"), scheme=scheme, scheme_id=scheme_id,
                          label=label, timestamp=timestamp, extra=extra)
        self.add_node(node)
        self.connect(a, node)
        self.connect(node, b)
        return node

    def add_speaker(
        self,
        name: str,
        *,
        description: str | None = None,
        id: str | None = None,
        extra: Mapping[str, Any] | None = None,
    ) -> Participant:
        """Add a :class:`Participant` (a speaker or writer) by name and return it."""
        return self.add_participant(Participant(
            id=id or self.new_id("p"), name=name, description=description, extra=extra))

    def add_locution(
        self,
        speaker: Participant | str | None,
        text: str | None = None,
        *,
        quote: str | None = None,
        spans: SpanLike | Sequence[SpanLike] = (),
        occurrence: int | None = None,
        after: int = 0,
        said_at: str | None = None,
        id: str | None = None,
        timestamp: str | None = None,
        extra: Mapping[str, Any] | None = None,
    ) -> Locution:
        """Add a :class:`Locution`: ``speaker`` said ``text``.

        Args:
            speaker: the participant (or its id), or None if unknown.
            text: the words said; defaults to the quoted text.
            quote: anchor in the source text, as for :meth:`add_claim`.
            spans: further anchors.
            occurrence: which occurrence of ``quote`` to take.
            after: only consider occurrences of ``quote`` starting at or after this
                offset (e.g. the end of the previous unit).
            said_at: when it was said.
            id: the node id; generated when omitted.
            timestamp: creation time, free text.
            extra: data with no field of its own, as JSON values.

        Raises:
            MapError: if the speaker is not a participant of the map.
        """
        pid = speaker.id if isinstance(speaker, Participant) else speaker
        if pid is not None and pid not in self._participants:
            raise MapError(f"unknown participant {pid!r}; add it with add_speaker() first")
        text, found = self._statement_args(text, quote, spans, occurrence, False, after=after)
        node = Locution(id=id or self.new_id("l"), text=text, speaker=pid, spans=found,
                        said_at=said_at, timestamp=timestamp, extra=extra)
        return self.add_node(node)

    def add_illocution(
        self,
        anchor: NodeRef,
        content: NodeRef,
        force: str = "Asserting",
        *,
        scheme_id: str | None = None,
        label: str | None = None,
        id: str | None = None,
        timestamp: str | None = None,
        extra: Mapping[str, Any] | None = None,
    ) -> Illocution:
        """Anchor ``content`` in dialogue with an illocution (YA).

        ``Locution -> YA -> proposition`` (e.g. *Asserting*, *Conceding*,
        *Questioning*), ``Transition -> YA -> inference/conflict/rephrase``
        (e.g. *Arguing*, *Disagreeing*, *Restating*), or, for reported speech,
        ``Locution -> YA -> Locution`` (see :meth:`add_report`).

        Raises:
            MapError: for kinds that cannot be joined this way.
        """
        a = self._require(anchor, (NodeKind.L, NodeKind.TA), "the anchor")
        if a.kind is NodeKind.L:
            kinds: tuple[NodeKind, ...] = (NodeKind.I, NodeKind.L)
        else:
            kinds = (NodeKind.RA, NodeKind.CA, NodeKind.MA, NodeKind.PA)
        c = self._require(content, kinds, "the anchored content")
        if a.id == c.id:
            raise MapError(f"node {a.id!r} cannot anchor itself")
        node = Illocution(id=id or self.new_id("ya"), scheme=force, scheme_id=scheme_id,
                          label=label, timestamp=timestamp, extra=extra)
        self.add_node(node)
        self.connect(a, node)
        self.connect(node, c)
        return node

    def add_report(
        self,
        reporting: NodeRef,
        reported: NodeRef,
        force: str = "Asserting",
        *,
        scheme_id: str | None = None,
        label: str | None = None,
        id: str | None = None,
        timestamp: str | None = None,
        extra: Mapping[str, Any] | None = None,
    ) -> Illocution:
        """Record reported speech: locution ``reporting`` reports locution ``reported``.

        The reporter (usually the author) commits only to *the other person
        having said* it: ``L_author -> YA -> L_other``.  Anchor what the other
        person said in their own locution with :meth:`add_illocution`.
        """
        self._require(reporting, (NodeKind.L,), "the reporting locution")
        self._require(reported, (NodeKind.L,), "the reported locution")
        return self.add_illocution(reporting, reported, force, scheme_id=scheme_id, label=label,
                                   id=id, timestamp=timestamp, extra=extra)

    def add_transition(
        self,
        before: NodeRef,
        after: NodeRef,
        *,
        scheme: str | None = None,
        scheme_id: str | None = None,
        label: str | None = None,
        id: str | None = None,
        timestamp: str | None = None,
        extra: Mapping[str, Any] | None = None,
    ) -> Transition:
        """Add a transition (TA) from locution ``before`` to locution ``after``.

        Without a ``scheme`` the transition is a default transition (its
        :attr:`~Transition.display` text is ``"Default Transition"``).
        """
        a = self._require(before, (NodeKind.L,), "the earlier locution")
        b = self._require(after, (NodeKind.L,), "the later locution")
        if a.id == b.id:
            raise MapError(f"locution {a.id!r} cannot follow itself")
        node = Transition(id=id or self.new_id("ta"), scheme=scheme, scheme_id=scheme_id,
                          label=label, timestamp=timestamp, extra=extra)
        self.add_node(node)
        self.connect(a, node)
        self.connect(node, b)
        return node
