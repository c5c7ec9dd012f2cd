"""Lossless JSON records: what a writer must change in its default rendering to match the input.

The JSON readers (AIFdb, OVA3, xAIF) turn each record (a node, edge, locution,
...) into model fields, then compare the record with what the writer would
render from those fields.  The difference -- a *delta* -- is kept in the
object's ``extra`` and applied by the writer, so a file is written back as it
was read: unknown keys, ``null`` where the model has no value, keys the input
lacked, and ids that were JSON numbers.

A delta is a JSON object with up to three members (each left out when empty):

``keys``
    keys whose input value differs from the rendering, with the input value
    (unknown keys, ``null``, values of unexpected types);
``absent``
    keys the rendering has but the input lacked;
``flip``
    id fields whose JSON type (number or string) differs from the file's
    default for that field (see :func:`numeric_fields`).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from argmap._errors import MapError
from argmap._extra import FrozenJSONDict, JSONValue, thaw_json
from argmap._text import check_xml_text

__all__ = [
    "ID_FIELDS",
    "apply_delta",
    "as_id",
    "as_value_id",
    "check_json",
    "delta",
    "foreign_extra",
    "numeric_fields",
    "same_json",
]

#: Fields holding identifiers: written as JSON numbers when the input used numbers.
ID_FIELDS = frozenset((
    "nodeID", "edgeID", "fromID", "toID", "formEdgeID", "personID", "participantID",
    "schemeID", "descriptorID", "selectedID",
))


def foreign_extra(extra: Mapping[str, Any], carried: str | tuple[str, ...]) -> bool:
    """Whether ``extra`` holds keys of other formats than the prefixes ``carried``:
    data a writer of those formats leaves out, and must say so."""
    return any(not k.startswith(carried) for k in extra)


def as_id(value: Any) -> str | None:
    """An id as the model stores it: strings as they are, integers as decimal strings.

    Returns None for anything else (null, floats, booleans, objects, ``""``).
    """
    kind = type(value)
    if kind is str:
        return value or None
    if kind is int:
        return str(value)
    return None


def as_value_id(value: Any) -> str | None:
    """A reference that may be empty (a ``schemeID``, a ``personID``): like :func:`as_id`,
    but ``""`` stays ``""``."""
    kind = type(value)
    if kind is str:
        return value  # type: ignore[no-any-return]
    if kind is int:
        return str(value)
    return None


def _canonical_int(text: str) -> bool:
    try:
        return str(int(text)) == text
    except ValueError:
        return False


def numeric_fields(first: Any, fields: Iterable[str]) -> frozenset[str]:
    """The id fields a collection writes as numbers: those the first record has as numbers."""
    if not isinstance(first, dict):
        return frozenset()
    return frozenset(f for f in fields if type(first.get(f)) is int)


def same_json(a: Any, b: Any) -> bool:
    """JSON equality that tells ``1`` from ``1.0`` from ``true`` and ``[]`` from ``{}``."""
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        return a.keys() == b.keys() and all(same_json(v, b[k]) for k, v in a.items())
    if isinstance(a, list):
        return len(a) == len(b) and all(same_json(x, y) for x, y in zip(a, b, strict=True))
    return bool(a == b)


_MISSING = object()


def delta(raw: Mapping[str, Any], rendered: Mapping[str, Any],
          numeric: frozenset[str]) -> dict[str, Any] | None:
    """What turns ``rendered`` (ids as strings) into ``raw``; None when nothing does."""
    keys: dict[str, Any] = {}
    flip: list[str] = []
    for k, v in raw.items():
        r = rendered.get(k, _MISSING)
        kind = type(v)
        if kind is str and type(r) is str:
            if v != r:
                keys[k] = v
            elif k in numeric and k in ID_FIELDS and _canonical_int(v):
                flip.append(k)
        elif kind is int and type(r) is str and k in ID_FIELDS and str(v) == r:
            if k not in numeric:
                flip.append(k)
        elif r is _MISSING or not same_json(v, r):
            keys[k] = v
    absent = [k for k in rendered if k not in raw]
    if not (keys or absent or flip):
        return None
    out: dict[str, Any] = {}
    if keys:
        out["keys"] = keys
    if absent:
        out["absent"] = absent
    if flip:
        # Canonical order: the writer renders the record's keys in its own order, so
        # the input's key order would not survive a write and read back.
        out["flip"] = sorted(flip)
    return out


def apply_delta(rendered: dict[str, Any], change: JSONValue | None,
                numeric: frozenset[str]) -> dict[str, Any]:
    """Apply a stored delta (and the file's numeric id fields) to a rendering, in place."""
    if change is None:
        # The common case (a record the writer renders as it was read): only the
        # file's numeric id fields to turn into numbers.
        for k in numeric:
            value = rendered.get(k)
            if type(value) is str and k in ID_FIELDS and _canonical_int(value):
                rendered[k] = int(value)
        return rendered
    # The frozen mapping's plain dict: Mapping.get is a slow Python-level mixin.
    parts: dict[str, JSONValue] = change._data if isinstance(change, FrozenJSONDict) else {}
    flips = _names(parts.get("flip"))
    if numeric or flips:
        for k in ID_FIELDS & rendered.keys():
            value = rendered[k]
            if (k in numeric) != (k in flips) and type(value) is str and _canonical_int(value):
                rendered[k] = int(value)
    for k in _names(parts.get("absent")):
        rendered.pop(k, None)
    keys = parts.get("keys")
    if isinstance(keys, FrozenJSONDict):
        for k, v in keys.items():
            rendered[k] = thaw_json(v)
    return rendered


def _names(value: JSONValue | None) -> frozenset[str]:
    if not isinstance(value, tuple):
        return frozenset()
    return frozenset(v for v in value if isinstance(v, str))


def check_json(value: Any, what: str) -> None:
    """Raise :class:`ValueError` when a JSON value holds text XML 1.0 cannot carry."""
    try:
        _check_json(value, what)
    except MapError as exc:  # readers turn ValueError into a ParseError naming the file
        raise ValueError(str(exc)) from None


def _check_json(value: Any, what: str) -> None:
    if isinstance(value, str):
        check_xml_text(value, what)
    elif isinstance(value, dict):
        for k, v in value.items():
            check_xml_text(k, what)
            _check_json(v, what)
    elif isinstance(value, list):
        for v in value:
            _check_json(v, what)
