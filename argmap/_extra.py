"""Immutable, hashable JSON values for the extension slot (``extra``) of model objects.

Data from other formats that the model has no field for is kept, not dropped: it
lives in an ``extra`` mapping of JSON values.  Model objects are frozen and
hashable, so the mapping is deep-frozen here: objects become :class:`FrozenJSONDict`,
arrays become tuples.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterator, Mapping
from typing import Any, Union

from argmap._errors import MapError
from argmap._xmlchars import check_xml_text

#: A JSON value as stored in ``extra`` (deep-frozen).
JSONValue = Union[None, bool, int, float, str, tuple["JSONValue", ...], "FrozenJSONDict"]


class FrozenJSONDict(Mapping[str, JSONValue]):
    """A read-only, hashable mapping of str to frozen JSON values (insertion order kept)."""

    __slots__ = ("_data", "_hash")

    def __init__(self, data: Mapping[str, Any] | None = None, *, _depth: int = 0) -> None:
        frozen: dict[str, JSONValue] = {}
        if data:
            for key, value in data.items():
                if not isinstance(key, str):
                    raise MapError(f"extra keys must be strings, got {key!r}")
                check_xml_text(key, "an extra key")
                frozen[key] = freeze_json(value, _depth)
        self._data = frozen
        self._hash: int | None = None

    def __getitem__(self, key: str) -> JSONValue:
        return self._data[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._data)

    def __len__(self) -> int:
        return len(self._data)

    def _canonical(self) -> str:
        # Type-exact and key-order-free: true != 1 != 1.0 here, as in JSON.
        return json.dumps(self.thaw(), sort_keys=True, ensure_ascii=False, separators=(",", ":"))

    def __hash__(self) -> int:
        if self._hash is None:
            self._hash = hash(self._canonical())
        return self._hash

    def __eq__(self, other: object) -> bool:
        if isinstance(other, FrozenJSONDict):
            if not self._data and not other._data:
                return True
            return self._canonical() == other._canonical()
        if isinstance(other, Mapping):
            try:
                return self._canonical() == FrozenJSONDict(other)._canonical()
            except MapError:
                return False
        return NotImplemented

    def __repr__(self) -> str:
        return f"{dict(self._data)!r}"

    def thaw(self) -> dict[str, Any]:
        """Return a plain, mutable ``dict``/``list`` copy (for ``json.dumps``)."""
        return {k: thaw_json(v) for k, v in self._data.items()}


#: Deepest nesting of arrays/objects accepted in ``extra`` (as the JSON readers accept).
MAX_DEPTH = 200
#: Integers in ``extra`` are limited to this many decimal digits (as the JSON readers are).
MAX_INT_DIGITS = 400
_MAX_INT = 10**MAX_INT_DIGITS


def freeze_json(value: Any, depth: int = 0) -> JSONValue:
    """Deep-freeze a JSON value that every argmap format can write and read back.

    Raises:
        MapError: for non-JSON values, non-finite numbers, integers of more
            than :data:`MAX_INT_DIGITS` digits, strings with characters XML 1.0
            cannot carry, or nesting deeper than :data:`MAX_DEPTH`.
    """
    if value is None or isinstance(value, bool):
        return value
    if isinstance(value, str):
        check_xml_text(value, "an extra string")
        return value
    if isinstance(value, int):
        if not -_MAX_INT < value < _MAX_INT:
            raise MapError(f"extra integers are limited to {MAX_INT_DIGITS} digits")
        return value
    if isinstance(value, float):
        if not math.isfinite(value):
            raise MapError(f"extra values must be finite numbers, got {value!r}")
        return value
    if depth >= MAX_DEPTH:
        raise MapError(f"extra values are nested deeper than {MAX_DEPTH} levels")
    if isinstance(value, FrozenJSONDict):
        return value
    if isinstance(value, Mapping):
        return FrozenJSONDict(value, _depth=depth + 1)
    if isinstance(value, (list, tuple)):
        return tuple(freeze_json(v, depth + 1) for v in value)
    raise MapError(f"extra values must be JSON values, got {type(value).__name__}")


def thaw_json(value: JSONValue) -> Any:
    """Inverse of :func:`freeze_json`: tuples become lists, frozen dicts become dicts."""
    if isinstance(value, FrozenJSONDict):
        return value.thaw()
    if isinstance(value, tuple):
        return [thaw_json(v) for v in value]
    return value


def to_extra(value: Mapping[str, Any] | None) -> FrozenJSONDict:
    """attrs converter for ``extra`` fields."""
    if isinstance(value, FrozenJSONDict):
        return value
    return FrozenJSONDict(value)


def dumps(value: JSONValue) -> str:
    """Canonical compact JSON text of a frozen value (keys in insertion order)."""
    return json.dumps(thaw_json(value), ensure_ascii=False, separators=(",", ":"))


EMPTY = FrozenJSONDict()
