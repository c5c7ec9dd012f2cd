"""The structured framework of a map: its ASPIC+ arguments and the attacks between them."""

from __future__ import annotations

from collections.abc import Mapping

import attrs

from argmap._nodes import ConflictKind
from argmap.reasoning._framework import (
    ArgumentationFramework,
)

__all__ = [
    "Argument",
    "Attack",
    "StructuredFramework",
]


@attrs.frozen(slots=True, kw_only=True)
class Argument:
    """An ASPIC+ argument built from a map.

    Attributes:
        id: ``"A1"``, ``"A2"``, ... in construction order.
        conclusion: id of the proposition it concludes.
        rule: id of its last inference (RA) or rephrase (MA), or None for a
            premise argument.
        sub_arguments: ids of its immediate sub-arguments, one per premise of
            the rule.
        premises: ids of the premises it rests on.
        rules: ids of every rule it uses.
        strict: True when its last rule is strict (a deductive scheme).
    """

    id: str
    conclusion: str
    rule: str | None
    sub_arguments: tuple[str, ...]
    premises: frozenset[str]
    rules: frozenset[str]
    strict: bool = False

    @property
    def is_premise(self) -> bool:
        """True for a premise argument ``[p]``."""
        return self.rule is None


@attrs.frozen(slots=True, kw_only=True)
class Attack:
    """An attack of one argument on a sub-argument of another, from a conflict (CA).

    Attributes:
        id: ``"<conflict>:<attacker>><target>"``, the target of an attack on
            an attack being the attacked attack's id in parentheses.
        attacker: id of the attacking argument.
        target: id of the attacked argument (the sub-argument hit directly;
            every argument containing it is attacked too), or of the attacked
            attack when ``on_attack``.
        kind: rebut, undermine or undercut (an attack on an attack counts as
            an undercut of that attack).
        conflict: id of the conflict node it comes from.
        contradictory: True when the conflict has a partner in the opposite
            direction, so that preferences decide.
        defeat: True when the attack succeeds as a defeat.
        on_attack: True when it comes from a conflict whose target is another
            conflict (an attack on an attack).
    """

    attacker: str
    target: str
    kind: ConflictKind
    conflict: str
    contradictory: bool
    defeat: bool
    id: str = ""
    on_attack: bool = False


@attrs.frozen(slots=True, kw_only=True)
class StructuredFramework:
    """The ASPIC+ reading of a map: its arguments, attacks and defeat graph.

    Attributes:
        arguments: every argument, by id.
        attacks: every direct attack, with whether it is a defeat.
        framework: the Dung framework of the defeats (a defeat on a
            sub-argument is a defeat on every argument containing it).
        by_conclusion: argument ids by the proposition they conclude; every
            formula of the map is a key (possibly with no argument).
        premises: ids of the propositions taken as premises (the knowledge
            base).
        ordering: the argument ordering used.
        attack_arguments: ids of the attacks that are themselves attacked;
            they are arguments of ``framework`` too (AFRA), next to the
            arguments.
        unread: the nodes of the map that play no part, each with the reason
            (an attack on a preference, an inference without a premise, ...).
        perspective: the participant whose knowledge base was used, or None
            for the whole map.
    """

    arguments: Mapping[str, Argument]
    attacks: tuple[Attack, ...]
    framework: ArgumentationFramework
    by_conclusion: Mapping[str, tuple[str, ...]]
    premises: frozenset[str]
    ordering: str
    attack_arguments: tuple[str, ...] = ()
    unread: Mapping[str, str] = attrs.Factory(dict)
    perspective: str | None = None
