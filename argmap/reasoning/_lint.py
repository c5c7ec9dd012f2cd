"""Structural lint for annotators: things that are valid AIF but worth a second look.

:func:`lint` complements :meth:`ArgumentMap.validate`: validation reports
broken AIF; lint reports an annotation that is well-formed but probably
incomplete.  Each finding is a :class:`~argmap.Problem` whose code is a key of
:data:`LINT_RULES`.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from argmap._map import ArgumentMap
from argmap._nodes import (
    Claim,
    Conflict,
    Evidence,
    Illocution,
    Inference,
    Locution,
    NodeKind,
    Preference,
    Rephrase,
)
from argmap._problem import Problem
from argmap.reasoning._graph import strongly_connected
from argmap.reasoning._questions import scheme_of
from argmap.reasoning._schemes import SchemeCatalogue, schemes
from argmap.reasoning._theory import unread_nodes

__all__ = ["LINT_RULES", "lint"]

#: Every check :func:`lint` makes, by code, with what it looks for.
LINT_RULES: Mapping[str, str] = {
    "unsupported-claim": (
        "A claim stands on its own: no inference or rephrase supports it, and it is not used "
        "as a premise, an attacker or a side of a preference (an assertion without reasons).  "
        "Claims anchored only in reported speech (another speaker's locution reported by the "
        "author) are not reported."
    ),
    "inference-without-scheme": (
        "An inference has no scheme, or only the default one (Default Inference)."
    ),
    "unknown-scheme": "An inference names a scheme that is not in the scheme catalogue.",
    "unanchored-premise": (
        "A premise (or attacker) is neither anchored in the text (no span) nor marked implicit, "
        "nor anchored in a locution by an illocution."
    ),
    "undefended-attack": (
        "A conflict's attacker is itself unchallenged (no conflict targets it): the attack "
        "stands unanswered.  Counter-attacks (conflicts on a node that itself attacks) are "
        "defences and are not reported."
    ),
    "ineffective-preference": (
        "A preference favours a proposition over one that attacks it by a one-way conflict.  "
        "A one-way conflict makes the attacker a contrary, and attacks by a contrary always "
        "succeed (see evaluate()), so the preference changes nothing; to let it decide, model "
        "the conflict in both directions (a contradiction)."
    ),
    "support-cycle": (
        "Propositions support each other in a circle (through inferences and rephrases)."
    ),
    "unevaluated": (
        "A scheme node that evaluate() cannot read and so leaves out, with the reason (an "
        "attack on a preference, an inference without a premise, a conflict without a target, "
        "conflicts attacking each other in a circle, ...)."
    ),
}

_DEFAULT_INFERENCE = "Default Inference"
_ATTACKER_KINDS = (NodeKind.I, NodeKind.L, NodeKind.UNKNOWN)


def lint(m: ArgumentMap, *, catalogue: SchemeCatalogue | None = None) -> list[Problem]:
    """Report structural weaknesses of an annotation (see :data:`LINT_RULES`).

    Args:
        m: the map.
        catalogue: scheme catalogue for scheme look-ups (default: :func:`schemes`).

    Returns:
        The findings, grouped by rule in the order of :data:`LINT_RULES`, each
        naming the node ids involved.

    Example:
        >>> from argmap import ArgumentMap
        >>> m = ArgumentMap()
        >>> lonely = m.add_claim("The moon is made of cheese")
        >>> [p.code for p in lint(m)]
        ['unsupported-claim']
    """
    cat = catalogue if catalogue is not None else schemes()
    found: list[Problem] = []
    found.extend(_unsupported(m))
    found.extend(_schemes(m, cat))
    found.extend(_unanchored(m))
    found.extend(_undefended(m))
    found.extend(_ineffective_preferences(m))
    found.extend(_cycles(m))
    found.extend(_unevaluated(m, cat))
    return found


def _used(m: ArgumentMap, nid: str) -> bool:
    return any(
        s.kind in (NodeKind.RA, NodeKind.CA, NodeKind.PA, NodeKind.MA) for s in m.successors(nid)
    )


def _anchors(m: ArgumentMap, nid: str) -> list[Locution]:
    """The locutions anchoring ``nid`` through an illocution (L -> YA -> nid)."""
    return [
        loc
        for ya in m.predecessors(nid)
        if isinstance(ya, Illocution)
        for loc in m.predecessors(ya)
        if isinstance(loc, Locution)
    ]


def _only_reported(m: ArgumentMap, nid: str) -> bool:
    """True when every locution anchoring ``nid`` is reported speech.

    Reported speech is a locution itself anchored in another locution
    (``L_author -> YA -> L_other``, as :meth:`ArgumentMap.add_report` builds
    it): the proposition is then the other speaker's assertion, which the
    author does not have to support.
    """
    anchors = _anchors(m, nid)
    return bool(anchors) and all(_anchors(m, loc.id) for loc in anchors)


def _unsupported(m: ArgumentMap) -> Iterator[Problem]:
    for n in m.nodes_of(Claim):
        supported = any(isinstance(p, (Inference, Rephrase)) for p in m.predecessors(n))
        if supported or _used(m, n.id):
            continue
        dispreferred = any(isinstance(p, Preference) for p in m.predecessors(n))
        if dispreferred or _only_reported(m, n.id):
            continue
        yield Problem("unsupported-claim",
                      f"claim {n.id!r} is neither supported nor used: {_short(n.text)!r}",
                      nodes=(n.id,))


def _schemes(m: ArgumentMap, cat: SchemeCatalogue) -> Iterator[Problem]:
    missing: list[Problem] = []
    unknown: list[Problem] = []
    for n in m.nodes_of(Inference):
        if not n.scheme and not n.label:
            missing.append(Problem("inference-without-scheme",
                                   f"inference {n.id!r} has no scheme", nodes=(n.id,)))
            continue
        scheme = scheme_of(m, n, catalogue=cat)
        if scheme is None:
            unknown.append(Problem("unknown-scheme",
                                   f"inference {n.id!r} names the scheme {n.scheme or n.label!r}, "
                                   "which is not in the scheme catalogue", nodes=(n.id,)))
        elif scheme.name == _DEFAULT_INFERENCE:
            missing.append(Problem("inference-without-scheme",
                                   f"inference {n.id!r} has only the default scheme "
                                   f"({n.scheme or n.label!r})", nodes=(n.id,)))
    yield from missing
    yield from unknown


def _unanchored(m: ArgumentMap) -> Iterator[Problem]:
    for n in m.propositions:
        if n.spans or n.implicit:
            continue
        roles = [s for s in m.successors(n) if s.kind in (NodeKind.RA, NodeKind.CA)]
        if not roles:
            continue
        anchored = any(
            isinstance(ya, Illocution) and any(isinstance(p, Locution) for p in m.predecessors(ya))
            for ya in m.predecessors(n)
        )
        if anchored:
            continue
        role = "premise" if any(r.kind is NodeKind.RA for r in roles) else "attacker"
        what = "evidence" if isinstance(n, Evidence) else "proposition"
        yield Problem("unanchored-premise",
                      f"{what} {n.id!r}, used as a {role}, is not anchored in the text and not "
                      f"marked implicit: {_short(n.text)!r}", nodes=(n.id,))


def _undefended(m: ArgumentMap) -> Iterator[Problem]:
    for ca in m.nodes_of(Conflict):
        parts = [p for p in m.predecessors(ca) if p.kind in _ATTACKER_KINDS]
        target = m.target(ca)
        if not parts or target is None:
            continue
        # A linked objection falls with any of its parts; the attack itself
        # can be undercut too (a conflict on the conflict).
        if any(m.attackers(p) for p in parts) or m.attackers(ca):
            continue
        if any(isinstance(s, Conflict) for s in m.successors(target)):
            continue  # a counter-attack: it defends, it needs no defence
        if isinstance(target, Conflict):
            kind = "undercut of a conflict"
        else:
            kind = m.conflict_kind(ca).value
        who = ", ".join(repr(p.id) for p in parts)
        yield Problem("undefended-attack",
                      f"conflict {ca.id!r} ({kind}) from {who} on {target.id!r} is "
                      "not answered: nothing attacks its attacker",
                      nodes=(ca.id, *(p.id for p in parts), target.id))


def _ineffective_preferences(m: ArgumentMap) -> Iterator[Problem]:
    conflicts: set[tuple[str, str]] = set()
    for ca in m.nodes_of(Conflict):
        attacker, target = m.attacker(ca), m.target(ca)
        if attacker is not None and target is not None:
            conflicts.add((attacker.id, target.id))
    for pa in m.nodes_of(Preference):
        pref, dis = m.preferred(pa), m.dispreferred(pa)
        if pref is None or dis is None:
            continue
        if (dis.id, pref.id) in conflicts and (pref.id, dis.id) not in conflicts:
            yield Problem("ineffective-preference",
                          f"preference {pa.id!r} favours {pref.id!r} over {dis.id!r}, which "
                          "attacks it by a one-way conflict; a contrary's attack always "
                          "succeeds, so the preference has no effect",
                          nodes=(pa.id, pref.id, dis.id))


def _cycles(m: ArgumentMap) -> Iterator[Problem]:
    """Support cycles: strongly connected components of proposition -> RA/MA -> proposition."""
    graph: dict[str, list[str]] = {}
    for n in m.nodes.values():
        if isinstance(n, Inference):
            concl = m.conclusion(n)
            if concl is not None and concl.kind is NodeKind.I:
                for p in m.premises(n):
                    if p.kind is NodeKind.I:
                        graph.setdefault(p.id, []).append(concl.id)
        elif isinstance(n, Rephrase):
            for p in m.predecessors(n):
                if p.kind is NodeKind.I:
                    for s in m.successors(n):
                        if s.kind is NodeKind.I:
                            graph.setdefault(p.id, []).append(s.id)
    for comp in map(set, strongly_connected(graph)):
        if len(comp) > 1:
            order = [nid for nid in m.nodes if nid in comp]
            yield Problem("support-cycle",
                          f"propositions {', '.join(map(repr, order))} support each other in a "
                          "circle", nodes=tuple(order))


def _unevaluated(m: ArgumentMap, cat: SchemeCatalogue) -> Iterator[Problem]:
    for nid, why in unread_nodes(m, cat).items():
        yield Problem("unevaluated", f"evaluate() leaves {nid!r} out: {why}", nodes=(nid,))


def _short(text: str, limit: int = 60) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"
