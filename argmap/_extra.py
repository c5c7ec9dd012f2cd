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

#: A JSON value as stored in ``extra`` (deep-frozen).
JSONValue = Union[None, bool, int, float, str, tuple["JSONValue", ...], "FrozenJSONDict"]


class FrozenJSONDict(Mapping[str, JSONValue]):
    """A read-only, hashable mapping of str to frozen JSON values (insertion order kept)."""

    __slots__ = ("_data", "_hash")

    def __init__(self, data: Mapping[str, Any] | None = None) -> None:
        frozen: dict[str, JSONValue] = {}
        if data:
            for key, value in data.items():
                if not isinstance(key, str):
                    raise MapError(f"extra keys must be strings, got {key!r}")
                frozen[key] = freeze_json(value)
        self._data = frozen
        self._hash: int | None = None

    def __getitem__(self, key: str) -> JSONValue:
        return self._data[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._data)

    def __len__(self) -> int:
        return len(self._data)

    def __hash__(self) -> int:
        if self._hash is None:
            self._hash = hash(tuple(sorted((k, _hashable(v)) for k, v in self._data.items())))
        return self._hash

    def __eq__(self, other: object) -> bool:
        if isinstance(other, FrozenJSONDict):
            return self._data == other._data
        if isinstance(other, Mapping):
            return self._data == dict(other)
        return NotImplemented

    def __repr__(self) -> str:
        return f"{dict(self._data)!r}"

    def thaw(self) -> dict[str, Any]:
        """Return a plain, mutable ``dict``/``list`` copy (for ``json.dumps``)."""
        return {k: thaw_json(v) for k, v in self._data.items()}


def _hashable(value: JSONValue) -> object:
    if isinstance(value, float) and value == int(value):
        # 1.0 == 1 in Python; keep hash consistent with equality.
        return int(value)
    return value


def freeze_json(value: Any) -> JSONValue:
    """Deep-freeze a JSON-compatible value; raise :class:`MapError` for anything else."""
    if value is None or isinstance(value, (bool, int, str)):
        return value
    if isinstance(value, float):
        if not math.isfinite(value):
            raise MapError(f"extra values must be finite numbers, got {value!r}")
        return value
    if isinstance(value, FrozenJSONDict):
        return value
    if isinstance(value, Mapping):
        return FrozenJSONDict(value)
    if isinstance(value, (list, tuple)):
        return tuple(freeze_json(v) for v in value)
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
