"""Acceptability of the propositions of a map: AIF -> ASPIC+ -> Dung.

The map is read as an ASPIC+ argumentation theory, following the AIF
reification of Bex, Prakken & Reed (2010) and Bex, Modgil, Prakken & Reed
(2013):

* **Formulas** are the propositions (I-nodes), plus locutions that serve as a
  premise of an inference or an end of a conflict (reported speech).
* **Premises** (the knowledge base) are the formulas no rule concludes.  All
  are *ordinary* (attackable) premises; argmap has no axioms.
* **Rules**: each inference (RA) with at least one premise and a proposition as
  conclusion is a rule ``p1, ..., pn => c``, named by the RA's id.  It is
  defeasible unless the catalogue marks its scheme ``deductive`` (then strict).
  Each rephrase (MA) is a defeasible rule ``original => rephrased``.
  Inferences whose conclusion is another inference (support for a rule) are
  not rules: they have no effect on acceptability.
* **Contrariness**: each conflict (CA) makes its attacker a contrary of its
  target: of a formula (rebut or undermine) or of a rule's name (undercut).
  A pair of conflicts in opposite directions between two formulas makes them
  *contradictories*.  A conflict with several attacking formulas (a linked
  objection) attacks with their conjunction: a formula of its own, named by
  the conflict's id, that a strict rule derives from all the parts.  A
  conflict aimed at another conflict attacks the attacks that conflict makes
  (AFRA, see :mod:`._afra`).
* **Preferences**: each preference (PA) between two propositions orders them;
  between two inferences, it orders the rules.  Both orders are closed under
  transitivity; two nodes preferred to each other (a cycle) are left unordered.

What cannot be read this way (a conflict aimed at a preference, an inference
without a premise, ...) is left out and named, with the reason, in
``StructuredFramework.unread``.  With a ``perspective``, the premises are
only the formulas the participant is committed to (see :func:`evaluate`).

Arguments are built as in ASPIC+: a premise argument ``[p]`` for every
premise, and for every rule and every combination of arguments for its
premises, an argument for the rule's conclusion.  Circular arguments (whose
conclusion is also the conclusion of one of their sub-arguments) are not
built.  An argument *A* attacks *B* when *A*'s conclusion is a contrary of a
premise of *B* (undermine), of the conclusion of a defeasible rule in *B*
(rebut) or of the name of a defeasible rule in *B* (undercut).

Whether an attack on the sub-argument *B'* of *B* succeeds as a **defeat**:

* undercuts always succeed, and so do attacks by a contrary (a one-way
  conflict), as in ASPIC+;
* an attack between contradictories succeeds unless *A* is strictly weaker
  than *B'* (``A < B'``), where, first, a preference between the two
  conclusions decides (``conc(B')`` preferred to ``conc(A)`` gives ``A < B'``;
  the other way round gives not ``A < B'``) -- this is how a PA between two
  conflicting propositions reads in AIF, also when one of them is a derived
  conclusion; and otherwise the argument ordering of ASPIC+ decides:

  - ``"weakest-link"`` (default): if both arguments are strict (no
    defeasible rule), compare their premise sets; otherwise ``A < B`` when
    both their premise sets and their defeasible-rule sets compare so;
  - ``"last-link"``: compare the sets of last defeasible rules; when both
    are empty, compare premise sets.

  Sets compare with the *elitist* ordering: ``G < G'`` when ``G`` is not
  empty and either ``G'`` is empty or some member of ``G`` is less preferred
  than every member of ``G'``.

Note the consequence of the empty-set convention under last-link: a premise
argument is never weaker than an argument with a defeasible rule, so a premise
contradicting a derived conclusion always wins.  Weakest-link does not have
this bias, which is why it is the default.

The defeat graph is handed to a Dung semantics (:mod:`framework`).  A
proposition is ``IN`` when some argument for it is ``IN``, ``OUT`` when it has
arguments and all are ``OUT``, and ``UNDEC`` otherwise (also when it has no
argument at all, e.g. when it is only derivable in a circle).  For semantics
with several labellings, a proposition's status is sceptical: ``IN`` (or
``OUT``) when it is so in every labelling, else ``UNDEC``.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping

import attrs

from argmap._gcpause import collector_paused
from argmap._map import ArgumentMap, NodeRef
from argmap.reasoning._defeats import construct_framework
from argmap.reasoning._direct import DirectGrounded, grounded_direct, plan
from argmap.reasoning._explain import Explanation, explain_direct, explain_structure
from argmap.reasoning._extensions import SearchTooLargeError, extension_statuses
from argmap.reasoning._framework import (
    FrameworkError,
    Labelling,
    Status,
    semantics_name,
)
from argmap.reasoning._schemes import SchemeCatalogue, schemes
from argmap.reasoning._statuses import _code_of, _multi_status, _node_status
from argmap.reasoning._structures import Argument, Attack, StructuredFramework
from argmap.reasoning._theory import (
    _Theory,
    close_under_transposition,
    read_theory,
)

__all__ = [
    "DEFAULT_MAX_ARGUMENTS",
    "ORDERINGS",
    "Argument",
    "Attack",
    "Evaluation",
    "Explanation",
    "StructuredFramework",
    "build_framework",
    "evaluate",
]


#: The argument orderings :func:`evaluate` offers.
ORDERINGS: tuple[str, ...] = ("weakest-link", "last-link")


_CONCLUSION_PREFERENCES = ("decide", "lift")


#: How many arguments :func:`build_framework` builds before giving up.
DEFAULT_MAX_ARGUMENTS = 500_000


@attrs.frozen(slots=True, kw_only=True)
class Evaluation:
    """The status of every proposition of a map under a semantics.

    Attributes:
        semantics: the semantics used (``"grounded"``, ...).
        ordering: the argument ordering used.
        statuses: the status of each proposition (and locution used as a
            premise or in a conflict), by node id, in map order.
        arguments: the sceptical status of each argument (and of each attack
            that is itself attacked, see
            ``StructuredFramework.attack_arguments``); built on first access
            when the direct method ran.
        structure: the arguments, attacks and Dung framework behind it;
            built on first access when the direct method ran.
        labellings: how many labellings the semantics has (grounded: 1;
            stable: possibly 0, and then every status is ``UNDEC``); None for
            complete semantics unless ``count_labellings=True`` was passed,
            since counting them can take exponential time while the
            sceptical complete statuses are the grounded ones.
        method: how the statuses were computed: ``"direct"`` -- grounded
            statuses from a fixpoint over propositions and rules, without
            building arguments (under preferred and stable semantics, and
            for a count of complete labellings, from that fixpoint and a
            search over the assumptions it leaves undecided, when there are
            few);
            ``"construction"`` -- every ASPIC+ argument built and the Dung
            framework of their defeats solved.  See :func:`evaluate` for when
            each runs.
        fallback: when the construction ran, why the direct method did not:
            it would not have been exact, or the search it needs was too
            large; None otherwise.
    """

    semantics: str
    ordering: str
    statuses: Mapping[str, Status]
    _arguments: Labelling | None = attrs.field(default=None, alias="arguments")
    _structure: StructuredFramework | None = attrs.field(default=None, alias="structure")
    labellings: int | None
    method: str = "construction"
    fallback: str | None = None
    _unread: Mapping[str, str] | None = attrs.field(default=None, alias="unread")
    _perspective: str | None = attrs.field(default=None, alias="perspective")
    # Builds the structure and labels its arguments when first asked for.
    _later: Callable[[], tuple[StructuredFramework, Labelling]] | None = attrs.field(
        default=None, alias="later", eq=False, repr=False)
    # Explains a status from the direct method's fixpoint, without arguments.
    _explainer: Callable[[str, Status], Explanation] | None = attrs.field(
        default=None, alias="explainer", eq=False, repr=False)

    @property
    def structure(self) -> StructuredFramework:
        """The arguments, attacks and Dung framework behind the statuses.

        After the direct method (see ``method``) they are built on first
        access, which takes the time and memory the direct method avoided.

        Raises:
            FrameworkError: if the map yields more arguments than the
                ``max_arguments`` given to :func:`evaluate`.
        """
        if self._structure is None:
            self._build_later()
        assert self._structure is not None
        return self._structure

    @property
    def arguments(self) -> Labelling:
        """The status of each argument (and of each attack that is itself attacked).

        Built with ``structure`` when first asked for.

        Raises:
            FrameworkError: as for :attr:`structure`.
        """
        if self._arguments is None:
            self._build_later()
        assert self._arguments is not None
        return self._arguments

    def _build_later(self) -> None:
        if self._later is None:
            raise FrameworkError("this evaluation was made without its arguments")
        structure, labels = self._later()
        object.__setattr__(self, "_structure", structure)
        object.__setattr__(self, "_arguments", labels)

    def status(self, node: NodeRef) -> Status:
        """The status of one proposition.

        Raises:
            FrameworkError: if the node is not a proposition of the map.
        """
        nid = node if isinstance(node, str) else node.id
        try:
            return self.statuses[nid]
        except KeyError:
            raise FrameworkError(
                f"node {nid!r} is not a proposition of the evaluated map"
            ) from None

    @property
    def unread(self) -> Mapping[str, str]:
        """Nodes of the map the evaluation could not read, each with the reason."""
        if self._unread is not None:
            return self._unread
        return self.structure.unread

    @property
    def perspective(self) -> str | None:
        """The participant whose perspective was taken, or None for the whole map."""
        if self._structure is None and self._later is not None:
            return self._perspective
        return self.structure.perspective

    def explain(self, node: NodeRef) -> Explanation:
        """Why one proposition has its status (grounded and complete semantics).

        Under preferred or stable semantics too when the grounded labelling
        is their only one and the direct method ran.

        After the direct method no argument is built: an ``IN`` proposition
        is explained by the argument its derivation traced, an ``OUT`` one
        by the attacks that cut every argument for it (see
        :class:`Explanation`).

        Raises:
            FrameworkError: if the node is not a proposition of the map, or
                the semantics is neither grounded nor complete and the
                grounded labelling is not its only one.

        Example:
            >>> from argmap import ArgumentMap
            >>> m = ArgumentMap()
            >>> claim = m.add_claim("We should cycle to work", id="claim")
            >>> _ = m.add_inference(m.add_claim("Cycling is healthy", id="health"), claim,
            ...                     id="ra")
            >>> _ = m.add_conflict(m.add_claim("Traffic is dangerous", id="danger"), claim,
            ...                    id="ca")
            >>> ev = evaluate(m)
            >>> ev.explain("claim").defeats
            (('ca', 'danger', 'ra'),)
            >>> why = ev.explain("health")
            >>> why.status.value, why.rule, sorted(why.premises)
            ('IN', None, ['health'])
        """
        status = self.status(node)
        nid = node if isinstance(node, str) else node.id
        if self.semantics not in ("grounded", "complete") and self._explainer is None:
            raise FrameworkError(
                f"explanations are given for grounded and complete semantics, and for "
                f"{self.semantics} semantics when the grounded labelling is its only one")
        if self._explainer is not None:
            return self._explainer(nid, status)
        return explain_structure(self.structure, self.arguments, nid, status)

    def _with(self, status: Status) -> list[str]:
        return [k for k, v in self.statuses.items() if v is status]

    def accepted(self) -> list[str]:
        """Ids of the ``IN`` propositions."""
        return self._with(Status.IN)

    def rejected(self) -> list[str]:
        """Ids of the ``OUT`` propositions."""
        return self._with(Status.OUT)

    def undecided(self) -> list[str]:
        """Ids of the ``UNDEC`` propositions."""
        return self._with(Status.UNDEC)

    def _repr_html_(self) -> str:
        """Jupyter display: the counts per status and the first statuses, as a table."""
        from argmap.view._notebook import evaluation_html

        return evaluation_html(self)


# -------------------------------------------------------------------- attacks
def build_framework(
    m: ArgumentMap,
    *,
    ordering: str = "weakest-link",
    catalogue: SchemeCatalogue | None = None,
    max_arguments: int = DEFAULT_MAX_ARGUMENTS,
    perspective: str | None = None,
    conclusion_preferences: str = "lift",
    consistent_premises: bool = False,
    transposition: bool = True,
) -> StructuredFramework:
    """Read a map as an ASPIC+ theory and build its arguments and defeat graph.

    See the module documentation for the reading.

    Args:
        m: the map.
        ordering: ``"weakest-link"`` or ``"last-link"``.
        catalogue: scheme catalogue, to tell deductive schemes (default:
            :func:`schemes`).
        max_arguments: stop with an error past this many arguments.
        perspective: a participant's id: only what that participant is
            committed to enters the knowledge base (see :func:`evaluate`).
        conclusion_preferences: how a preference between two propositions
            reads: ``"decide"`` -- it decides an attack between
            arguments for them directly, also for derived conclusions;
            ``"lift"`` (default) -- textbook ASPIC+, where only premises and
            rules are ordered: the preference is lifted to what yields the two
            propositions (see :func:`evaluate`) and then only the argument
            ordering decides.
        consistent_premises: build no argument whose premises conflict
            (Modgil & Prakken 2013's c-consistent arguments).
        transposition: close the strict rules (deductive schemes) under
            transposition, so that the rationality postulates hold.

    Raises:
        FrameworkError: for an unknown ordering, reading or participant, or
            too many arguments.

    Example:
        >>> from argmap import ArgumentMap
        >>> m = ArgumentMap()
        >>> a, b = m.add_claim("It rained"), m.add_claim("The street is wet")
        >>> _ = m.add_inference(a, b)
        >>> sf = build_framework(m)
        >>> [(x.id, x.conclusion, x.rule) for x in sf.arguments.values()]
        [('A1', 'i1', None), ('A2', 'i2', 'ra3')]
    """
    th = _theory(m, ordering=ordering, catalogue=catalogue, perspective=perspective,
                 conclusion_preferences=conclusion_preferences, transposition=transposition)
    return construct_framework(th, ordering=ordering, max_arguments=max_arguments,
                      perspective=perspective, conclusion_preferences=conclusion_preferences,
                      consistent_premises=consistent_premises)


def _theory(
    m: ArgumentMap, *, ordering: str, catalogue: SchemeCatalogue | None,
    perspective: str | None, conclusion_preferences: str, transposition: bool,
) -> _Theory:
    """Check the options and read the map as a theory (see :func:`build_framework`)."""
    if ordering not in ORDERINGS:
        raise FrameworkError(f"unknown ordering {ordering!r}; choose one of {', '.join(ORDERINGS)}")
    cat = catalogue if catalogue is not None else schemes()
    if perspective is not None and perspective not in m.participants:
        raise FrameworkError(f"perspective {perspective!r} is not a participant of the map")
    if conclusion_preferences not in _CONCLUSION_PREFERENCES:
        raise FrameworkError(
            f"unknown reading of preferences {conclusion_preferences!r}; choose one of "
            + ", ".join(_CONCLUSION_PREFERENCES)
        )
    th = read_theory(m, cat, perspective=perspective)
    if transposition:
        close_under_transposition(th)
    return th


# ------------------------------------------------------------------ evaluation
def evaluate(
    m: ArgumentMap,
    semantics: str = "grounded",
    *,
    ordering: str = "weakest-link",
    catalogue: SchemeCatalogue | None = None,
    max_arguments: int = DEFAULT_MAX_ARGUMENTS,
    count_labellings: bool = False,
    perspective: str | None = None,
    conclusion_preferences: str = "lift",
    consistent_premises: bool = False,
    transposition: bool = True,
) -> Evaluation:
    """Evaluate which propositions of a map are acceptable.

    Args:
        m: the map.
        semantics: ``"grounded"`` (default), ``"complete"``, ``"preferred"``
            or ``"stable"`` (or ICCMA's ``GR``, ``CO``, ``PR``, ``ST``).
        ordering: argument ordering for preferences: ``"weakest-link"``
            (default) or ``"last-link"``.
        catalogue: scheme catalogue (tells deductive schemes).
        max_arguments: give up past this many arguments.
        count_labellings: under complete semantics, also count the complete
            labellings (exponential in the worst case).  The statuses do not
            need it: a proposition's sceptical status under complete
            semantics is its grounded status, since the grounded labelling
            is the least complete labelling.
        perspective: the id of a participant, to answer "what follows for
            this participant": the knowledge base then holds only the
            propositions the participant's locutions assert or concede (and,
            for reported speech, the fact that someone said something), plus
            implicit premises no locution anchors.  What others said enters
            only as the fact that they said it.  Without it, every premise
            of the map is in the knowledge base, whoever said it.
        conclusion_preferences: how a preference between two propositions
            *x* over *y* reads.  ``"decide"``: it decides an attack
            between arguments for them directly, also when they are derived
            conclusions.  ``"lift"`` (default): textbook ASPIC+, which orders only
            premises and defeasible rules, so the preference is lifted to
            what yields *x* and *y* -- between two premises it orders them;
            between two derived conclusions each defeasible rule concluding
            *x* is preferred to each concluding *y*, and each premise only *x*
            rests on to each premise only *y* rests on (weakest-link compares
            both); for a premise *x* over a
            derived *y*, *x* is preferred to every premise *y* rests on; a
            derived *x* over a premise *y* has no textbook counterpart (no
            premise argument is weaker than a defeasible one) and no effect.
        consistent_premises: build only arguments with conflict-free premises.
        transposition: close strict rules under transposition (default).

    Returns:
        The status of each proposition and argument; see the module
        documentation for how the map is read.

    Raises:
        FrameworkError: for an unknown semantics or ordering, or too many
            arguments.

    Example:
        >>> from argmap import ArgumentMap
        >>> m = ArgumentMap()
        >>> claim = m.add_claim("We should cycle to work")
        >>> reason = m.add_claim("Cycling is healthy")
        >>> _ = m.add_inference(reason, claim)
        >>> objection = m.add_claim("Cycling in traffic is dangerous")
        >>> _ = m.add_conflict(objection, claim)
        >>> ev = evaluate(m)
        >>> ev.status(claim).value, ev.status(reason).value, ev.status(objection).value
        ('OUT', 'IN', 'IN')
    """
    name = semantics_name(semantics)
    # Grounded and sceptical complete statuses are the fixpoint's; the other
    # semantics add a search over what it leaves undecided (see _extensions).
    single = name == "grounded" or (name == "complete" and not count_labellings)
    fallback: str | None = None
    found: DirectGrounded | None = None
    searched: tuple[dict[str, Status], int] | None = None
    with collector_paused():
        th = _theory(m, ordering=ordering, catalogue=catalogue, perspective=perspective,
                     conclusion_preferences=conclusion_preferences, transposition=transposition)
        how = plan(th, ordering, consistent_premises=consistent_premises,
                   conclusion_preferences=conclusion_preferences)
        fallback = how.reason
        if fallback is None:
            found = grounded_direct(th, how.fails)
            if not single and found.undecided:
                try:
                    searched = extension_statuses(found, name)
                except SearchTooLargeError as exc:
                    fallback, found = str(exc), None

    def construct() -> StructuredFramework:
        return construct_framework(th, ordering=ordering, max_arguments=max_arguments,
                          perspective=perspective,
                          conclusion_preferences=conclusion_preferences,
                          consistent_premises=consistent_premises)

    if found is not None and searched is not None:
        def solve_later() -> tuple[StructuredFramework, Labelling]:
            structure = construct()
            return structure, solve_structure(structure, name, ordering=ordering).arguments

        return Evaluation(semantics=name, ordering=ordering, statuses=searched[0],
                          labellings=searched[1], method="direct", unread=dict(th.unread),
                          perspective=perspective, later=solve_later)

    if found is not None:
        def later() -> tuple[StructuredFramework, Labelling]:
            structure = construct()
            # The grounded labelling: here the only one of the semantics (see above).
            return structure, structure.framework.grounded()

        return Evaluation(semantics=name, ordering=ordering, statuses=found.statuses,
                          labellings=None if single and name == "complete" else 1,
                          method="direct", unread=dict(th.unread), perspective=perspective,
                          later=later, explainer=functools.partial(explain_direct, found))

    try:
        structure = construct()
    except FrameworkError as exc:
        if fallback is None:
            raise
        raise FrameworkError(f"{exc} (the direct method does not apply: {fallback})") from None
    return solve_structure(structure, name, ordering=ordering,
                           count_labellings=count_labellings, fallback=fallback)


def solve_structure(structure: StructuredFramework, name: str, *, ordering: str,
                    count_labellings: bool = False, fallback: str | None = None) -> Evaluation:
    """The statuses of a built structure's propositions under a semantics (the construction)."""
    af = structure.framework
    index = {a: i for i, a in enumerate(af.arguments)}
    by_conc = {f: [index[a] for a in ids] for f, ids in structure.by_conclusion.items()}

    if name in ("grounded", "complete"):
        lab = af.grounded()
        codes = [_code_of(lab[a]) for a in af.arguments]
        statuses = {f: _node_status([codes[i] for i in ids]) for f, ids in by_conc.items()}
        count: int | None = 1
        if name == "complete":
            count = af.count(name) if count_labellings else None
        return Evaluation(semantics=name, ordering=ordering, statuses=statuses, arguments=lab,
                          structure=structure, labellings=count, fallback=fallback)

    dec = af._decompose(name)
    count = 1
    for labs in dec.labellings:
        count *= len(labs)
    summary = af._summary_codes(dec)
    if count == 0:
        statuses = dict.fromkeys(by_conc, Status.UNDEC)
    else:
        comp_of: dict[int, tuple[int, int]] = {}
        for c, comp in enumerate(dec.components):
            for pos, i in enumerate(comp):
                comp_of[i] = (c, pos)
        statuses = {
            f: _multi_status(ids, dec.grounded, summary, comp_of, dec.labellings)
            for f, ids in by_conc.items()
        }
    return Evaluation(semantics=name, ordering=ordering, statuses=statuses,
                      arguments=af._labelling(summary), structure=structure, labellings=count,
                      fallback=fallback)
