"""Abstract (Dung) argumentation frameworks and their semantics.

An :class:`ArgumentationFramework` is a set of named arguments and an attack
relation between them (Dung 1995).  Its semantics are given as *labellings*
(Caminada 2006): every argument is labelled ``IN`` (accepted), ``OUT``
(rejected: some ``IN`` argument attacks it) or ``UNDEC`` (neither).  A labelling
is *complete* when

* an argument is ``IN`` exactly when all its attackers are ``OUT``, and
* an argument is ``OUT`` exactly when at least one attacker is ``IN``.

The *grounded* labelling is the complete labelling with the fewest ``IN``
arguments (it is unique); *preferred* labellings are complete labellings whose
``IN`` set is maximal under set inclusion; *stable* labellings are complete
labellings with no ``UNDEC`` argument (there may be none).

How it is computed:

* **grounded** -- a queue-based labelling in O(n + m) for n arguments and m
  attacks: every argument keeps a count of attackers not yet ``OUT``; an
  argument whose count reaches zero is ``IN``, its targets become ``OUT`` and
  decrement the counts of their own targets.  Arguments never reached are
  ``UNDEC``.
* **complete / preferred / stable** -- every complete labelling agrees with the
  grounded one on its ``IN`` and ``OUT`` arguments, so only the grounded
  ``UNDEC`` arguments are open.  They are split into weakly connected
  components, which are independent of each other; each component is searched
  by backtracking over the three labels with constraint propagation (the
  labelling conditions above, applied as unit rules), and every labelling found
  is checked in full.  The labellings of the whole framework are the products
  of the components' labellings.  The search is exponential in the worst case
  (the problems are NP-hard), but cheap when components are small.
"""

from __future__ import annotations

import enum
import itertools
from collections.abc import Iterable, Iterator, Mapping, Sequence

import attrs

from argmap._errors import FrameworkError

__all__ = [
    "SEMANTICS",
    "ArgumentationFramework",
    "FrameworkError",
    "Labelling",
    "Status",
    "semantics_name",
]

#: The semantics argmap computes, by name.  ICCMA's abbreviations (``"GR"``,
#: ``"CO"``, ``"PR"``, ``"ST"``) are accepted wherever a semantics is named.
SEMANTICS: tuple[str, ...] = ("grounded", "complete", "preferred", "stable")

_ABBREVIATIONS = {"gr": "grounded", "co": "complete", "pr": "preferred", "st": "stable"}

# Internal label codes (small ints are faster than enum members in tight loops).
_UNK, _IN, _OUT, _UNDEC = 0, 1, 2, 3


class Status(str, enum.Enum):
    """The label of an argument (or proposition) under a semantics."""

    IN = "IN"
    """Accepted."""
    OUT = "OUT"
    """Rejected, because an accepted argument defeats it."""
    UNDEC = "UNDEC"
    """Neither accepted nor rejected."""


_STATUS = {_IN: Status.IN, _OUT: Status.OUT, _UNDEC: Status.UNDEC}


def semantics_name(semantics: str) -> str:
    """Return the canonical name of a semantics (``"grounded"``, ...).

    Accepts the full names in :data:`SEMANTICS`, in any case, and ICCMA's
    two-letter abbreviations.

    Raises:
        FrameworkError: for an unknown semantics.

    Example:
        >>> semantics_name("PR")
        'preferred'
    """
    key = semantics.strip().lower()
    key = _ABBREVIATIONS.get(key, key)
    if key not in SEMANTICS:
        raise FrameworkError(
            f"unknown semantics {semantics!r}; choose one of {', '.join(SEMANTICS)} "
            "(or GR, CO, PR, ST)"
        )
    return key


class Labelling(Mapping[str, Status]):
    """A labelling: the :class:`Status` of every argument of a framework.

    It is a read-only mapping from argument name to status, in the order of the
    framework's arguments.

    Example:
        >>> af = ArgumentationFramework(["a", "b"], [("a", "b")])
        >>> lab = af.grounded()
        >>> lab["b"], sorted(lab.in_arguments)
        (<Status.OUT: 'OUT'>, ['a'])
    """

    __slots__ = ("_labels",)

    def __init__(self, labels: Mapping[str, Status]) -> None:
        self._labels: dict[str, Status] = {k: Status(v) for k, v in labels.items()}

    def __getitem__(self, argument: str) -> Status:
        return self._labels[argument]

    def __iter__(self) -> Iterator[str]:
        return iter(self._labels)

    def __len__(self) -> int:
        return len(self._labels)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Labelling):
            return self._labels == other._labels
        if isinstance(other, Mapping):
            return self._labels == dict(other)
        return NotImplemented

    def __hash__(self) -> int:
        return hash(frozenset(self._labels.items()))

    def __repr__(self) -> str:
        inner = ", ".join(f"{k}: {v.value}" for k, v in self._labels.items())
        return f"Labelling({{{inner}}})"

    def _with(self, status: Status) -> frozenset[str]:
        return frozenset(k for k, v in self._labels.items() if v is status)

    @property
    def in_arguments(self) -> frozenset[str]:
        """The accepted arguments (the extension)."""
        return self._with(Status.IN)

    @property
    def out_arguments(self) -> frozenset[str]:
        """The rejected arguments."""
        return self._with(Status.OUT)

    @property
    def undec_arguments(self) -> frozenset[str]:
        """The undecided arguments."""
        return self._with(Status.UNDEC)

    @property
    def extension(self) -> frozenset[str]:
        """Same as :attr:`in_arguments`: the extension this labelling stands for."""
        return self.in_arguments


@attrs.frozen(slots=True)
class _Decomposition:
    """Grounded labels plus the complete/preferred/stable labellings per open component."""

    grounded: list[int]
    components: list[list[int]]
    # For each component, its labellings as tuples of label codes (component order).
    labellings: list[list[tuple[int, ...]]]


class ArgumentationFramework:
    """A Dung argumentation framework: named arguments and attacks between them.

    Args:
        arguments: argument names (strings), in order; duplicates are ignored.
        attacks: ``(attacker, target)`` pairs; both must be among ``arguments``.
            Duplicate attacks are ignored; self-attacks are allowed.

    Raises:
        FrameworkError: for an attack naming an unknown argument.

    Example:
        >>> af = ArgumentationFramework(["a", "b", "c"], [("a", "b"), ("b", "c")])
        >>> sorted(af.grounded().in_arguments)
        ['a', 'c']
        >>> [sorted(e) for e in af.extensions("preferred")]
        [['a', 'c']]
    """

    __slots__ = ("_attack_set", "_in", "_index", "_names", "_out")
    __hash__ = None  # type: ignore[assignment]  # mutable

    def __init__(
        self, arguments: Iterable[str] = (), attacks: Iterable[tuple[str, str]] = ()
    ) -> None:
        self._names: list[str] = []
        self._index: dict[str, int] = {}
        self._in: list[list[int]] = []
        self._out: list[list[int]] = []
        self._attack_set: set[tuple[int, int]] = set()
        for name in arguments:
            self.add_argument(name)
        for attack in attacks:
            if not isinstance(attack, tuple | list) or len(attack) != 2:
                raise FrameworkError(
                    f"attacks must be (attacker, target) pairs, got {attack!r}"
                )
            self.add_attack(attack[0], attack[1])

    # ---------------------------------------------------------------- building
    def add_argument(self, name: str) -> None:
        """Add an argument (nothing happens if it is already there).

        Raises:
            FrameworkError: if ``name`` is not a non-empty string.
        """
        if not isinstance(name, str) or not name:
            raise FrameworkError(f"argument names must be non-empty strings, got {name!r}")
        if name in self._index:
            return
        self._index[name] = len(self._names)
        self._names.append(name)
        self._in.append([])
        self._out.append([])

    def add_attack(self, attacker: str, target: str) -> None:
        """Add the attack ``attacker -> target`` (nothing happens if present).

        Raises:
            FrameworkError: if either argument is not in the framework.
        """
        for v in (attacker, target):
            if not isinstance(v, str):
                raise FrameworkError(
                    f"attack ({attacker!r}, {target!r}): argument names must be strings"
                )
        try:
            a = self._index[attacker]
            b = self._index[target]
        except KeyError as exc:
            raise FrameworkError(
                f"attack ({attacker!r}, {target!r}) names the unknown argument {exc.args[0]!r}"
            ) from None
        self._add(a, b)

    def _add(self, a: int, b: int) -> None:
        if (a, b) in self._attack_set:
            return
        self._attack_set.add((a, b))
        self._out[a].append(b)
        self._in[b].append(a)

    # ----------------------------------------------------------------- queries
    @property
    def arguments(self) -> tuple[str, ...]:
        """The argument names, in insertion order."""
        return tuple(self._names)

    @property
    def attacks(self) -> list[tuple[str, str]]:
        """Every attack as an ``(attacker, target)`` pair, grouped by attacker."""
        names = self._names
        return [(names[a], names[b]) for a in range(len(names)) for b in self._out[a]]

    def attack_count(self) -> int:
        """The number of attacks."""
        return len(self._attack_set)

    def attackers(self, argument: str) -> tuple[str, ...]:
        """The arguments attacking ``argument``."""
        return tuple(self._names[a] for a in self._in[self._idx(argument)])

    def targets(self, argument: str) -> tuple[str, ...]:
        """The arguments ``argument`` attacks."""
        return tuple(self._names[b] for b in self._out[self._idx(argument)])

    def attacks_between(self, attacker: str, target: str) -> bool:
        """True when ``attacker`` attacks ``target``."""
        return (self._idx(attacker), self._idx(target)) in self._attack_set

    def _idx(self, argument: str) -> int:
        try:
            return self._index[argument]
        except KeyError:
            raise FrameworkError(f"no argument named {argument!r} in the framework") from None

    def __len__(self) -> int:
        return len(self._names)

    def __contains__(self, argument: object) -> bool:
        return argument in self._index

    def __iter__(self) -> Iterator[str]:
        return iter(self._names)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, ArgumentationFramework):
            return NotImplemented
        return set(self._names) == set(other._names) and set(self.attacks) == set(other.attacks)

    def __repr__(self) -> str:
        return (
            f"<ArgumentationFramework {len(self._names)} arguments, "
            f"{self.attack_count()} attacks>"
        )

    # --------------------------------------------------------------- semantics
    def grounded(self) -> Labelling:
        """The grounded labelling, in time linear in arguments plus attacks."""
        return self._labelling(_grounded_codes(self._in, self._out))

    def labellings(self, semantics: str = "grounded") -> Iterator[Labelling]:
        """Yield every labelling of a semantics (see :data:`SEMANTICS`).

        ``grounded`` yields exactly one labelling; ``stable`` may yield none.
        Labellings come in a deterministic order.
        """
        name = semantics_name(semantics)
        if name == "grounded":
            yield self.grounded()
            return
        dec = self._decompose(name)
        base = list(dec.grounded)
        for choice in itertools.product(*dec.labellings):
            codes = list(base)
            for comp, labels in zip(dec.components, choice, strict=True):
                for i, code in zip(comp, labels, strict=True):
                    codes[i] = code
            yield self._labelling(codes)

    def extensions(self, semantics: str = "grounded") -> list[frozenset[str]]:
        """The extensions (sets of accepted arguments) of a semantics."""
        return [lab.in_arguments for lab in self.labellings(semantics)]

    def complete(self) -> list[Labelling]:
        """Every complete labelling."""
        return list(self.labellings("complete"))

    def preferred(self) -> list[Labelling]:
        """Every preferred labelling (at least one always exists)."""
        return list(self.labellings("preferred"))

    def stable(self) -> list[Labelling]:
        """Every stable labelling (possibly none)."""
        return list(self.labellings("stable"))

    def count(self, semantics: str) -> int:
        """How many labellings a semantics has, without listing them."""
        name = semantics_name(semantics)
        if name == "grounded":
            return 1
        total = 1
        for labs in self._decompose(name).labellings:
            total *= len(labs)
        return total

    def summary(self, semantics: str = "grounded") -> Labelling:
        """The sceptical status of every argument under a semantics.

        An argument is ``IN`` when it is ``IN`` in every labelling of the
        semantics, ``OUT`` when it is ``OUT`` in every labelling, and ``UNDEC``
        otherwise.  For grounded and complete semantics this is the grounded
        labelling (the least complete labelling: its ``IN`` and ``OUT`` sets are
        in every complete labelling), computed without enumerating the complete
        labellings.  When a semantics has no labelling at all (stable semantics
        can have none), every argument is ``UNDEC``.
        """
        name = semantics_name(semantics)
        if name in ("grounded", "complete"):
            return self.grounded()
        return self._labelling(self._summary_codes(self._decompose(name)))

    def is_complete(self, labelling: Mapping[str, Status]) -> bool:
        """True when ``labelling`` is a complete labelling of this framework."""
        if set(labelling) != set(self._names):
            return False
        codes = [_code(labelling[n]) for n in self._names]
        return _legal(range(len(codes)), codes, self._in)

    # ---------------------------------------------------------------- helpers
    def _labelling(self, codes: Sequence[int]) -> Labelling:
        lab = Labelling({})
        lab._labels = {n: _STATUS[c] for n, c in zip(self._names, codes, strict=True)}
        return lab

    def _decompose(self, semantics: str) -> _Decomposition:
        grounded = _grounded_codes(self._in, self._out)
        components = _open_components(grounded, self._in, self._out)
        labellings = [
            _component_labellings(comp, self._in, self._out, semantics) for comp in components
        ]
        return _Decomposition(grounded, components, labellings)

    @staticmethod
    def _summary_codes(dec: _Decomposition) -> list[int]:
        codes = list(dec.grounded)
        if any(not labs for labs in dec.labellings):
            return [_UNDEC] * len(codes)
        for comp, labs in zip(dec.components, dec.labellings, strict=True):
            for pos, i in enumerate(comp):
                seen = {lab[pos] for lab in labs}
                codes[i] = seen.pop() if len(seen) == 1 and _UNDEC not in seen else _UNDEC
        return codes


def _code(status: Status | str) -> int:
    return {Status.IN: _IN, Status.OUT: _OUT, Status.UNDEC: _UNDEC}[Status(status)]


def _grounded_codes(att_in: list[list[int]], att_out: list[list[int]]) -> list[int]:
    """Queue-based grounded labelling: each attack is looked at most twice."""
    n = len(att_in)
    live = [len(x) for x in att_in]
    labels = [_UNK] * n
    queue = [i for i in range(n) if not live[i]]
    pop, push = queue.pop, queue.append
    while queue:
        i = pop()
        if labels[i]:
            continue
        labels[i] = _IN
        for t in att_out[i]:
            if labels[t]:
                continue
            labels[t] = _OUT
            for u in att_out[t]:
                live[u] -= 1
                if not live[u] and not labels[u]:
                    push(u)
    return [c or _UNDEC for c in labels]


def _open_components(
    labels: list[int], att_in: list[list[int]], att_out: list[list[int]]
) -> list[list[int]]:
    """Weakly connected components of the arguments the grounded labelling leaves UNDEC."""
    seen = [lab != _UNDEC for lab in labels]
    components: list[list[int]] = []
    for start in range(len(labels)):
        if seen[start]:
            continue
        seen[start] = True
        comp = [start]
        stack = [start]
        while stack:
            i = stack.pop()
            for j in itertools.chain(att_in[i], att_out[i]):
                if not seen[j]:
                    seen[j] = True
                    comp.append(j)
                    stack.append(j)
        comp.sort()
        components.append(comp)
    return components


def _legal(args: Iterable[int], labels: Sequence[int], att_in: Sequence[Sequence[int]]) -> bool:
    """Check the complete-labelling conditions for ``args`` (labels indexed like att_in)."""
    for x in args:
        attackers = [labels[a] for a in att_in[x]]
        if labels[x] == _IN:
            if any(a != _OUT for a in attackers):
                return False
        elif labels[x] == _OUT:
            if _IN not in attackers:
                return False
        elif labels[x] == _UNDEC:
            if _IN in attackers or all(a == _OUT for a in attackers):
                return False
        else:
            return False
    return True


def _component_labellings(
    comp: list[int], att_in: list[list[int]], att_out: list[list[int]], semantics: str
) -> list[tuple[int, ...]]:
    """Complete (or preferred, or stable) labellings of one open component."""
    local = {g: i for i, g in enumerate(comp)}
    ain = [[local[a] for a in att_in[g] if a in local] for g in comp]
    aout = [[local[b] for b in att_out[g] if b in local] for g in comp]
    found = list(_search(ain, aout, stable=semantics == "stable",
                         maximal=semantics == "preferred"))
    if semantics == "preferred":
        ins = [frozenset(i for i, c in enumerate(lab) if c == _IN) for lab in found]
        found = [lab for lab, s in zip(found, ins, strict=True) if not any(s < t for t in ins)]
    return found


def _search(
    ain: list[list[int]], aout: list[list[int]], *, stable: bool, maximal: bool = False
) -> Iterator[tuple[int, ...]]:
    """Backtracking search for complete labellings with unit propagation.

    With ``maximal``, a branch is abandoned as soon as every labelling it can
    still reach has an IN set contained in one already found: such labellings
    cannot be preferred (or duplicate one found).  What is yielded then still
    needs filtering for maximality.
    """
    found_in: list[set[int]] = []
    # An argument that attacks itself can never be IN: keep it out of the bound.
    can_be_in = [x not in ain[x] for x in range(len(ain))]
    k = len(ain)
    choices = (_IN, _OUT) if stable else (_IN, _OUT, _UNDEC)

    def propagate(labels: list[int], queue: list[int]) -> bool:
        # An argument waits in the queue at most once: in a dense framework every
        # change would otherwise queue hundreds of arguments already waiting, and
        # each is checked against all its attackers (cubic work in all).
        queue = list(dict.fromkeys(queue))
        waiting = bytearray(k)
        for x in queue:
            waiting[x] = 1
        while queue:
            x = queue.pop()
            waiting[x] = 0
            forced = _forced(x, labels, ain, can_be_in)
            if forced is None:
                return False
            for y, value in forced:
                if stable and value == _UNDEC:
                    return False
                if labels[y]:
                    if labels[y] != value:
                        return False
                    continue
                labels[y] = value
                for z in (y, *aout[y]):
                    if not waiting[z]:
                        waiting[z] = 1
                        queue.append(z)
        return True

    start = [_UNK] * k
    if not propagate(start, list(range(k))):
        return
    # Depth-first over (partial labelling, index of the next value to try), kept
    # on an explicit stack so that large components cannot exhaust recursion.
    stack: list[tuple[list[int], int]] = [(start, 0)]
    while stack:
        labels, choice = stack.pop()
        if maximal and found_in:
            reach = {
                i for i, c in enumerate(labels) if c == _IN or (c == _UNK and can_be_in[i])
            }
            if any(reach <= s for s in found_in):
                continue
        try:
            x = labels.index(_UNK)
        except ValueError:
            if _legal(range(k), labels, ain):
                if maximal:
                    found_in.append({i for i, c in enumerate(labels) if c == _IN})
                yield tuple(labels)
            continue
        if choice >= len(choices):
            continue
        stack.append((labels, choice + 1))
        trial = list(labels)
        trial[x] = choices[choice]
        if propagate(trial, [x, *aout[x]]):
            stack.append((trial, 0))


def _forced(
    x: int, labels: list[int], ain: list[list[int]], can_be_in: list[bool]
) -> list[tuple[int, int]] | None:
    """Labels the complete-labelling conditions force around ``x`` (None on a conflict).

    An argument that attacks itself is never IN, so it cannot be the IN
    attacker an OUT argument needs: counting only the attackers that can still
    be IN finds dead ends at once that would otherwise surface only after
    every other argument had been tried (a cluster of self-attackers makes
    that exponential).
    """
    n_in = n_undec = n_unk = n_cand = 0
    unknown = candidate = -1
    for a in ain[x]:
        la = labels[a]
        if la == _IN:
            n_in += 1
        elif la == _UNDEC:
            n_undec += 1
        elif la == _UNK:
            n_unk += 1
            unknown = a
            if can_be_in[a]:
                n_cand += 1
                candidate = a
    lx = labels[x]
    if lx == _UNK:
        if n_in:
            return [(x, _OUT)]
        if not n_unk:
            return [(x, _UNDEC if n_undec else _IN)]
        if not n_cand and not can_be_in[x]:
            return [(x, _UNDEC)]  # no attacker can make it OUT, and it cannot be IN
        return []
    if lx == _IN:
        if n_in or n_undec:
            return None
        return [(a, _OUT) for a in ain[x] if labels[a] == _UNK]
    if lx == _OUT:
        if n_in:
            return []
        if not n_cand:
            return None
        return [(candidate, _IN)] if n_cand == 1 else []
    # UNDEC: no attacker IN, and at least one attacker not OUT.
    if n_in:
        return None
    if n_undec:
        return []
    if not n_unk:
        return None
    return [(unknown, _UNDEC)] if n_unk == 1 else []
