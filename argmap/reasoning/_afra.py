"""Attacks on attacks: AFRA (Baroni, Cerutti, Giacomin & Guida 2011) as a Dung framework.

An AFRA has arguments and attacks, where an attack's target is an argument or
another attack.  Its semantics is Dung's on the framework whose arguments are
the arguments *and the attacks*, where an attack ``α`` defeats

* its target (directly), and
* every attack whose source is its target, when the target is an argument
  (indirectly: an attack cannot outlive the argument it comes from).

Arguments defeat nothing themselves.  An attack that no attack targets has
exactly the attackers of its source, so in every complete labelling it has
its source's label: such an attack is not made an argument of its own, its
source attacks in its place.  The framework therefore grows only by the
attacks that are attacked, and a framework without attacks on attacks is the
plain Dung framework of its attacks (AFRA is a conservative generalisation).
Every Dung semantics (grounded, complete, preferred, stable) then reads an
AFRA, and its extensions restricted to the arguments are the AFRA's.
"""

from __future__ import annotations

from collections.abc import Sequence

from argmap.reasoning._framework import ArgumentationFramework, FrameworkError

#: (attack id, source argument, targets): each target an argument or an attack id.
AttackSpec = tuple[str, str, tuple[str, ...]]


def afra_framework(arguments: Sequence[str], attacks: Sequence[AttackSpec]) -> tuple[
        ArgumentationFramework, tuple[str, ...]]:
    """The Dung framework of an AFRA, and the attacks that became arguments of it.

    Raises:
        FrameworkError: for a duplicate name or an unknown source or target.
    """
    args = list(arguments)
    arg_index = {a: i for i, a in enumerate(args)}
    ids = [a for a, _, _ in attacks]
    if len(set(ids)) != len(ids) or set(ids) & arg_index.keys():
        raise FrameworkError("attack ids must be unique and differ from the argument names")
    known = set(ids)
    attacked: set[str] = set()
    for aid, src, targets in attacks:
        if src not in arg_index:
            raise FrameworkError(f"attack {aid!r} comes from an unknown argument {src!r}")
        for t in targets:
            if t in known:
                attacked.add(t)
            elif t not in arg_index:
                raise FrameworkError(f"attack {aid!r} targets unknown {t!r}")
    lifted = tuple(a for a in ids if a in attacked)
    names = args + list(lifted)
    index = dict(arg_index)
    index.update((a, len(args) + k) for k, a in enumerate(lifted))
    af = ArgumentationFramework(names)
    agent: dict[str, int] = {
        aid: index[aid] if aid in attacked else arg_index[src] for aid, src, _ in attacks
    }
    hits: dict[str, list[int]] = {}
    for aid, _, targets in attacks:
        for t in targets:
            af._add(agent[aid], index[t])
            if t in arg_index:
                hits.setdefault(t, []).append(agent[aid])
    for aid, src, _ in attacks:
        if aid in attacked:
            for g in hits.get(src, ()):
                af._add(g, index[aid])
    return af, lifted
