"""The catalogue of argumentation schemes, with their critical questions.

argmap ships a catalogue (package data ``argmap/data/schemes.json``) of the
Walton schemes AIFdb and OVA use, the default S-node schemes of every kind and
the illocutions of Inference Anchoring Theory.  It is loaded on first use.

Scheme names on nodes are never rewritten: a map keeps whatever spelling it
was given.  Looking a name up is tolerant instead -- ``"ExpertOpinion"``,
``"Expert Opinion"``, ``"Argument From Expert Opinion"`` and
``"argument from expert opinion"`` all find the same scheme (see
:func:`normalise_scheme_name`), and each scheme lists further aliases.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from importlib import resources
from typing import Any

import attrs

from argmap._errors import SchemeError
from argmap._nodes import ConflictKind, NodeKind

__all__ = [
    "CriticalQuestion",
    "Scheme",
    "SchemeCatalogue",
    "SchemeError",
    "normalise_scheme_name",
    "schemes",
]

_SCHEME_KINDS = (NodeKind.RA, NodeKind.CA, NodeKind.MA, NodeKind.PA, NodeKind.YA, NodeKind.TA)
_ATTACKS = (ConflictKind.UNDERMINE, ConflictKind.UNDERCUT, ConflictKind.REBUT)
_ANCHORS = ("locution", "transition")


_CAMEL = re.compile(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])")
_NON_WORD = re.compile(r"[^0-9a-z]+")
_PREFIXES = ("argument from ", "argument by ", "argumentation from ", "from ")
_ARTICLES = ("the ", "an ", "a ")
_SUFFIXES = (" argument", " scheme")


def normalise_scheme_name(name: str) -> str:
    """The lookup key of a scheme name: spelling variants map to the same key.

    CamelCase is split into words, case and punctuation are ignored, and a
    leading "Argument From" (or "From") with an article, and a trailing
    "Argument" or "Scheme", are dropped.

    Example:
        >>> normalise_scheme_name("ArgumentFromExpertOpinion")
        'expert opinion'
        >>> normalise_scheme_name("Pure Questioning") == normalise_scheme_name("PureQuestioning")
        True
    """
    key = _CAMEL.sub(" ", name.strip())
    key = _NON_WORD.sub(" ", key.lower()).strip()
    for prefix in _PREFIXES:
        if key.startswith(prefix) and len(key) > len(prefix):
            key = key[len(prefix):]
            break
    for article in _ARTICLES:
        if key.startswith(article) and len(key) > len(article):
            key = key[len(article):]
            break
    for suffix in _SUFFIXES:
        if key.endswith(suffix) and len(key) > len(suffix):
            key = key[: -len(suffix)]
            break
    return key


def _attack(value: ConflictKind | str) -> ConflictKind:
    kind = ConflictKind(value)
    if kind not in _ATTACKS:
        raise SchemeError(
            "a critical question is answered by an undermine, undercut or rebut, "
            f"not {kind.value!r}"
        )
    return kind


@attrs.frozen(slots=True, kw_only=True)
class CriticalQuestion:
    """A critical question of a scheme: a standard way to challenge an argument.

    Args:
        id: short id, unique within its scheme (e.g. ``"expertise"``).
        text: the question.
        attack: what answering it *against* the argument amounts to:
            ``UNDERMINE`` (a premise is doubted), ``UNDERCUT`` (the inference
            step is doubted: an exception applies) or ``REBUT`` (there is
            reason for the opposite conclusion).
        premise: for an undermining question, the 0-based index of the
            scheme premise it questions.
    """

    id: str = attrs.field(validator=attrs.validators.min_len(1))
    text: str
    attack: ConflictKind = attrs.field(converter=_attack)
    premise: int | None = None

    def to_json(self) -> dict[str, Any]:
        """The question as a JSON object (the package-data layout)."""
        out: dict[str, Any] = {"id": self.id, "text": self.text, "attack": self.attack.value}
        if self.premise is not None:
            out["premise"] = self.premise
        return out


def _kind(value: NodeKind | str) -> NodeKind:
    kind = NodeKind(value)
    if kind not in _SCHEME_KINDS:
        raise SchemeError(f"schemes are for S-nodes (RA, CA, MA, PA, YA, TA), not {kind.value!r}")
    return kind


def _questions(
    value: Iterable[CriticalQuestion | Mapping[str, Any]],
) -> tuple[CriticalQuestion, ...]:
    out: list[CriticalQuestion] = []
    for q in value:
        out.append(q if isinstance(q, CriticalQuestion) else CriticalQuestion(**q))
    return tuple(out)


def _strings(value: Iterable[str]) -> tuple[str, ...]:
    if isinstance(value, str):
        return (value,)
    return tuple(value)


@attrs.frozen(slots=True, kw_only=True)
class Scheme:
    """An argumentation scheme (or default S-node scheme, or illocution).

    Args:
        name: the name AIFdb stores in a node's ``scheme`` field, e.g.
            ``"ExpertOpinion"``, ``"PureQuestioning"``, ``"Default Inference"``.
        kind: the kind of S-node the scheme is for (``NodeKind.RA`` for
            argumentation schemes, ``NodeKind.YA`` for illocutions, ...).
        label: the display text AIFdb and OVA write as the node's text, e.g.
            ``"Argument From Expert Opinion"``; defaults to ``name``.
        aliases: further spellings that should find this scheme.
        aifdb_id: AIFdb's ``schemeID``, where known.
        family: a grouping (``"source"``, ``"causal"``, ``"practical"``, ...;
            for illocutions ``"assertive"``, ``"questioning"``,
            ``"relational"``, ...).
        description: one sentence on what the scheme is.
        premises: descriptions of the premises, in order.
        conclusion: description of the conclusion.
        questions: the critical questions.
        deductive: True for a scheme whose conclusion follows necessarily
            (evaluated as a strict rule); Walton's schemes are all defeasible.
        anchors: for illocutions, what anchors them: ``"locution"`` (a
            locution anchors a proposition) and/or ``"transition"`` (a
            transition anchors an inference, conflict or rephrase).

    Example:
        >>> s = schemes()["Argument From Expert Opinion"]
        >>> s.name, s.kind.value, len(s.premises)
        ('ExpertOpinion', 'RA', 3)
        >>> s.question("field").attack.value
        'undermine'
    """

    name: str = attrs.field(validator=attrs.validators.min_len(1))
    kind: NodeKind = attrs.field(converter=_kind)
    label: str = attrs.field(default="")
    aliases: tuple[str, ...] = attrs.field(default=(), converter=_strings)
    aifdb_id: int | None = None
    family: str | None = None
    description: str = ""
    premises: tuple[str, ...] = attrs.field(default=(), converter=_strings)
    conclusion: str | None = None
    questions: tuple[CriticalQuestion, ...] = attrs.field(default=(), converter=_questions)
    deductive: bool = False
    anchors: tuple[str, ...] = attrs.field(default=(), converter=_strings)

    def __attrs_post_init__(self) -> None:
        if not self.label:
            object.__setattr__(self, "label", self.name)
        ids = [q.id for q in self.questions]
        if len(set(ids)) != len(ids):
            raise SchemeError(f"scheme {self.name!r} has two critical questions with one id")
        for q in self.questions:
            if q.premise is not None and not 0 <= q.premise < len(self.premises):
                raise SchemeError(
                    f"scheme {self.name!r}: question {q.id!r} refers to premise {q.premise}, "
                    f"but the scheme has {len(self.premises)} premise(s)"
                )
        for anchor in self.anchors:
            if anchor not in _ANCHORS:
                raise SchemeError(f"scheme {self.name!r}: unknown anchor {anchor!r}")

    def names(self) -> tuple[str, ...]:
        """Every spelling that finds this scheme: name, label and aliases."""
        return (self.name, self.label, *self.aliases)

    def question(self, id: str) -> CriticalQuestion:
        """The critical question with this id.

        Raises:
            SchemeError: if the scheme has no such question.
        """
        for q in self.questions:
            if q.id == id:
                return q
        known = ", ".join(q.id for q in self.questions) or "none"
        raise SchemeError(f"scheme {self.name!r} has no critical question {id!r} (it has: {known})")

    def to_json(self) -> dict[str, Any]:
        """The scheme as a JSON object (the package-data layout)."""
        out: dict[str, Any] = {"name": self.name, "kind": self.kind.value, "label": self.label}
        if self.aifdb_id is not None:
            out["aifdb_id"] = self.aifdb_id
        out["aliases"] = list(self.aliases)
        if self.family is not None:
            out["family"] = self.family
        if self.anchors:
            out["anchors"] = list(self.anchors)
        if self.deductive:
            out["deductive"] = True
        out["description"] = self.description
        out["premises"] = list(self.premises)
        out["conclusion"] = self.conclusion
        out["questions"] = [q.to_json() for q in self.questions]
        return out

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Scheme:
        """Build a scheme from a JSON object in the package-data layout.

        Raises:
            SchemeError: for a missing or malformed field.
        """
        fields = dict(data)
        try:
            return cls(**fields)
        except (TypeError, ValueError) as exc:
            name = data.get("name", "?") if isinstance(data, Mapping) else "?"
            raise SchemeError(f"invalid scheme {name!r}: {exc}") from None


class SchemeCatalogue:
    """A set of schemes with alias-tolerant lookup; users may add their own.

    Lookups accept any spelling :func:`normalise_scheme_name` maps to a
    scheme's name, label or aliases.  The same name may denote schemes of
    different kinds (pass ``kind`` to choose); within one kind, names are
    unique.

    Args:
        schemes: the schemes to start with.

    Example:
        >>> cat = SchemeCatalogue()
        >>> cat.add(Scheme(name="FromTradition", kind="RA", premises=["A is traditional."],
        ...                conclusion="A is right.", aliases=["Appeal To Tradition"]))
        >>> cat["appeal to tradition"].name
        'FromTradition'
        >>> "From Tradition" in cat
        True
    """

    __slots__ = ("_index", "_schemes")

    def __init__(self, schemes: Iterable[Scheme] = ()) -> None:
        self._schemes: list[Scheme] = []
        self._index: dict[str, list[Scheme]] = {}
        for s in schemes:
            self.add(s)

    def add(self, scheme: Scheme, *, replace: bool = False) -> None:
        """Add a scheme.

        Raises:
            SchemeError: when one of its spellings already denotes another
                scheme of the same kind (unless ``replace``, which removes
                that scheme first).
        """
        if not isinstance(scheme, Scheme):
            raise SchemeError(f"not a Scheme: {scheme!r}")
        clashes = {
            id(other): other
            for key in {normalise_scheme_name(n) for n in scheme.names()}
            for other in self._index.get(key, ())
            if other.kind is scheme.kind
        }
        if clashes and not replace:
            names = ", ".join(sorted(repr(c.name) for c in clashes.values()))
            raise SchemeError(
                f"scheme {scheme.name!r} clashes with the {scheme.kind.value} scheme(s) {names}; "
                "pass replace=True to replace them"
            )
        for other in clashes.values():
            self.remove(other.name, kind=other.kind)
        self._schemes.append(scheme)
        for key in {normalise_scheme_name(n) for n in scheme.names()}:
            if key:
                self._index.setdefault(key, []).append(scheme)

    def remove(self, name: str, *, kind: NodeKind | str | None = None) -> Scheme:
        """Remove a scheme (found as by :meth:`get`) and return it.

        Raises:
            SchemeError: if there is no such scheme.
        """
        scheme = self[name] if kind is None else self.lookup(name, kind=kind)
        self._schemes = [s for s in self._schemes if s is not scheme]
        for key in list(self._index):
            rest = [s for s in self._index[key] if s is not scheme]
            if rest:
                self._index[key] = rest
            else:
                del self._index[key]
        return scheme

    def get(self, name: str | None, *, kind: NodeKind | str | None = None) -> Scheme | None:
        """The scheme a name denotes, or None.

        Args:
            name: any spelling of the scheme.
            kind: only consider schemes for this kind of node; without it, a
                name that denotes schemes of several kinds gives the first added.
        """
        if not name:
            return None
        found = self._index.get(normalise_scheme_name(name), ())
        if kind is not None:
            k = NodeKind(kind)
            found = [s for s in found if s.kind is k]
        return found[0] if found else None

    def lookup(self, name: str, *, kind: NodeKind | str | None = None) -> Scheme:
        """Like :meth:`get`, but raise for an unknown name.

        Raises:
            SchemeError: if no scheme (of that kind) has this name.
        """
        scheme = self.get(name, kind=kind)
        if scheme is None:
            what = f"{NodeKind(kind).value} scheme" if kind is not None else "scheme"
            raise SchemeError(f"unknown {what} {name!r}")
        return scheme

    def __getitem__(self, name: str) -> Scheme:
        return self.lookup(name)

    def __contains__(self, name: object) -> bool:
        return isinstance(name, str) and self.get(name) is not None

    def __iter__(self) -> Iterator[Scheme]:
        return iter(list(self._schemes))

    def __len__(self) -> int:
        return len(self._schemes)

    def __repr__(self) -> str:
        return f"<SchemeCatalogue {len(self._schemes)} schemes>"

    def of_kind(self, kind: NodeKind | str) -> list[Scheme]:
        """The schemes for one kind of node, in catalogue order."""
        k = NodeKind(kind)
        return [s for s in self._schemes if s.kind is k]

    def copy(self) -> SchemeCatalogue:
        """An independent catalogue with the same schemes."""
        return SchemeCatalogue(self._schemes)

    def to_json(self) -> dict[str, Any]:
        """The catalogue as a JSON document (the package-data layout)."""
        return {
            "format": "argmap-schemes",
            "version": 1,
            "schemes": [s.to_json() for s in self._schemes],
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any] | str | bytes) -> SchemeCatalogue:
        """Build a catalogue from a JSON document (text or parsed).

        Raises:
            SchemeError: for a malformed document or scheme, or clashing names.
        """
        if isinstance(data, (str, bytes)):
            try:
                data = json.loads(data)
            except ValueError as exc:
                raise SchemeError(f"scheme catalogue is not valid JSON: {exc}") from None
        if not isinstance(data, Mapping) or not isinstance(data.get("schemes"), Sequence):
            raise SchemeError("a scheme catalogue is a JSON object with a 'schemes' array")
        out = cls()
        for item in data["schemes"]:
            if not isinstance(item, Mapping):
                raise SchemeError(f"a scheme must be a JSON object, got {item!r}")
            out.add(Scheme.from_json(item))
        return out


_DEFAULT: SchemeCatalogue | None = None


def schemes() -> SchemeCatalogue:
    """The catalogue shipped with argmap (loaded on first call, then shared).

    Schemes added to it are seen by every later caller in the process; use
    ``schemes().copy()`` for a private, extensible catalogue.

    Example:
        >>> schemes()["PureQuestioning"].label
        'Pure Questioning'
        >>> [s.name for s in schemes().of_kind("TA")]
        ['Default Transition']
    """
    global _DEFAULT
    if _DEFAULT is None:
        text = resources.files("argmap").joinpath("data/schemes.json").read_text(encoding="utf-8")
        _DEFAULT = SchemeCatalogue.from_json(text)
    return _DEFAULT
