"""Strict JSON decoding shared by every JSON reader (and by ``extra`` values in AIF-XML).

The standard library silently accepts duplicate keys (keeping the last),
``NaN``/``Infinity`` and ``1e999`` (as infinity), and escapes with
``RecursionError`` on deep nesting.  Here each of those is a
:class:`~argmap.ParseError` naming the input and, where known, the line.
"""

from __future__ import annotations

import itertools
import json
import math
import re
from collections.abc import Iterable
from typing import Any

from argmap._errors import ParseError, UnsafeInputError

__all__ = ["MAX_DEPTH", "decode_json_bytes", "loads_strict"]

#: Deepest nesting of arrays/objects accepted.
MAX_DEPTH = 200
_MAX_INT_DIGITS = 400


class _RejectedError(ValueError):
    pass


def _pairs(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out = dict(pairs)
    if len(out) != len(pairs):  # rare: find the first repeated key for the message
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen:
                raise _RejectedError(f"duplicate key {key[:60]!r} in an object")
            seen.add(key)
    return out


def _constant(name: str) -> Any:
    raise _RejectedError(f"{name} is not valid JSON")


def _float(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise _RejectedError(f"number {text} is out of range")
    return value


def _int(text: str) -> int:
    if len(text.lstrip("-")) > _MAX_INT_DIGITS:
        raise _RejectedError(f"integer with {len(text)} digits is absurdly large")
    return int(text)


def _depth(text: str, name: str) -> None:
    depth = 0
    in_string = False
    escape = False
    line = 1
    for ch in text:
        if in_string:
            if escape:
                escape = False
            elif ch == "\\":
                escape = True
            elif ch == '"':
                in_string = False
        elif ch == '"':
            in_string = True
        elif ch in "[{":
            depth += 1
            if depth > MAX_DEPTH:
                raise UnsafeInputError(
                    f"JSON nesting deeper than {MAX_DEPTH} levels", source=name, line=line
                )
        elif ch in "]}":
            depth -= 1
        elif ch == "\n":
            line += 1


# Bracket bytes -> +1 / -1 as signed bytes; every other byte is deleted first.
_DEPTH_STEP = bytes.maketrans(b"[{]}", b"\x01\x01\xff\xff")
_NOT_STRUCTURE = bytes(range(256)).translate(None, b'[]{}":')


def _skeleton(raw: bytes) -> bytes:
    """The structural bytes ``[]{}:`` of JSON bytes that lie outside strings, at C speed."""
    if b"\\" in raw:
        # Drop escaped backslashes, then escaped quotes: what is left of '"' delimits strings.
        raw = raw.replace(b"\\\\", b"").replace(b'\\"', b"")
    skeleton = raw.translate(None, _NOT_STRUCTURE)
    if b'"' in skeleton:
        # Every '"' left delimits a string, so quotes alternate opening and closing.
        # '"::"' is then always one whole string: outside strings, two colons are
        # never adjacent (a key's quotes stand between).  It is a time of day in
        # every AIFdb timestamp; dropping it here, before the empty strings below
        # bring structural colons together, spares the split a piece per record.
        skeleton = skeleton.replace(b'"::"', b"").replace(b'""', b"")
        if b'"' in skeleton:  # strings holding other structural bytes
            skeleton = b"".join(skeleton.split(b'"')[::2])
    return skeleton


_DEPTH_CHUNK = 1 << 12


def _max_depth(skeleton: bytes) -> int:
    """The deepest nesting of arrays/objects, from :func:`_skeleton`'s output.

    A quick stand-in for the character-by-character scan of :func:`_depth`,
    which only runs (to report the line) when this finds the limit exceeded.
    """
    steps = memoryview(skeleton.translate(_DEPTH_STEP, b":")).cast("b")
    # In chunks, so that input nested too deep early is refused without a pass
    # over all of it.
    deepest = depth = 0
    for start in range(0, len(steps), _DEPTH_CHUNK):
        levels = list(itertools.accumulate(steps[start:start + _DEPTH_CHUNK], initial=depth))
        peak = max(levels)
        deepest = max(deepest, peak)
        depth = levels[-1]
        if deepest > MAX_DEPTH:
            break
    return deepest


# Rounds of _shallow: each removes at least one level, so they settle any input
# at most this deep (AIF JSON is four or five levels deep).
_SHALLOW_ROUNDS = 8


def _shallow(skeleton: bytes) -> bool:
    """True when the nesting is surely no deeper than :data:`MAX_DEPTH`, cheaply.

    Each round deletes every empty object and array (``{}``, then ``[]``) from
    the brackets of :func:`_skeleton`, which takes at least one level (at most
    two) off every container: brackets all gone within a few rounds means a
    shallow document.  False says nothing either way; :func:`_max_depth` decides.
    """
    brackets = skeleton.translate(None, b":")
    for _ in range(_SHALLOW_ROUNDS):
        if not brackets:
            return True
        brackets = brackets.replace(b"{}", b"").replace(b"[]", b"")
    return not brackets and 2 * _SHALLOW_ROUNDS <= MAX_DEPTH


def _key_total(value: Any, containers: int) -> int:
    """How many keys all the objects in a decoded JSON value hold together.

    ``containers`` is how many objects and arrays the text holds (from
    :func:`_skeleton`).  The walk goes level by level, counting each object's
    keys when it is found, and stops once it has found that many containers:
    then no level below holds another, so the values of the deepest objects --
    in AIF JSON, every node and edge record -- need not be looked at.  An array
    of objects only (a list of records) is counted at C speed.  Stopping early
    could only under-count, which makes the caller decode again with the
    checking hook: never a missed repeat.
    """
    dict_, list_ = dict, list
    if type(value) is dict_:
        total = len(value)
    elif type(value) is list_:
        total = 0
    else:
        return 0
    level = [value]
    found = 1
    while level and found < containers:
        deeper: list[Any] = []
        keep = deeper.append
        for container in level:
            if type(container) is list_ and len(container) > 8:
                kinds = set(map(type, container))
                if dict_ not in kinds and list_ not in kinds:
                    continue
                if len(kinds) == 1:  # objects only, or arrays only
                    if dict_ in kinds:
                        total += sum(map(len, container))
                    deeper.extend(container)
                    continue
            items: Iterable[Any] = container.values() if type(container) is dict_ else container
            for x in items:
                kind = type(x)
                if kind is dict_:
                    total += len(x)
                    keep(x)
                elif kind is list_:
                    keep(x)
        found += len(deeper)
        level = deeper
    return total


# Strings, and bare words (numbers and literals), with the structural characters.
_JSON_TOKEN = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"|[{}\[\]:,]|[^\s{}\[\]:,"]+', re.DOTALL)
_BAD_WORDS = frozenset(("NaN", "Infinity", "-Infinity"))


def _locate(text: str) -> int | None:
    """The line of the first repeated key, out-of-range number or NaN in valid JSON text.

    The decoder's hooks see values, not positions; this single linear pass over
    the tokens finds where the rejected construct is, for the error message.
    """
    stack: list[set[str] | None] = []  # the keys seen in each open object; None for arrays
    expect_key = False
    for match in _JSON_TOKEN.finditer(text):
        tok = match.group()
        bad = False
        if tok == "{":
            stack.append(set())
            expect_key = True
        elif tok == "[":
            stack.append(None)
        elif tok in "}]":
            if stack:
                stack.pop()
            expect_key = False
        elif tok == ",":
            expect_key = bool(stack) and stack[-1] is not None
        elif tok == ":":
            expect_key = False
        elif tok.startswith('"'):
            keys = stack[-1] if stack else None
            if expect_key and keys is not None:
                key = json.loads(tok)
                bad = key in keys
                keys.add(key)
            expect_key = False
        else:
            bad = tok in _BAD_WORDS or _bad_number(tok)
        if bad:
            return text.count("\n", 0, match.start()) + 1
    return None


def _bad_number(word: str) -> bool:
    if word in ("true", "false", "null"):
        return False
    try:
        if any(c in word for c in ".eE"):
            _float(word)
        else:
            _int(word)
    except (_RejectedError, ValueError):
        return True
    return False


def loads_strict(text: str, name: str = "<json>") -> Any:
    """Decode JSON text strictly.

    Raises:
        ParseError: for malformed JSON, duplicate keys, NaN/Infinity, non-finite
            or absurdly long numbers.
        UnsafeInputError: for nesting deeper than :data:`MAX_DEPTH`.
    """
    return _loads(text, name, None)


def _loads(text: str, name: str, raw: bytes | None) -> Any:
    # ``raw``: the UTF-8 bytes ``text`` was decoded from, when the caller has them.
    skeleton = _skeleton(raw if raw is not None else text.encode("utf-8", "surrogatepass"))
    if not _shallow(skeleton) and _max_depth(skeleton) > MAX_DEPTH:
        _depth(text, name)  # to report the line
    try:
        # Every ':' outside strings follows a key.  When the decoded objects hold
        # fewer keys than that, a key was repeated (and silently overwritten by
        # the fast decoder): decode again with the hook that names it.
        value = json.loads(text, parse_constant=_constant, parse_float=_float, parse_int=_int)
        containers = skeleton.count(b"{") + skeleton.count(b"[")
        if _key_total(value, containers) != skeleton.count(b":"):
            value = json.loads(
                text,
                object_pairs_hook=_pairs,
                parse_constant=_constant,
                parse_float=_float,
                parse_int=_int,
            )
        return value
    except json.JSONDecodeError as exc:
        raise ParseError(f"malformed JSON: {exc.msg} (column {exc.colno})", source=name,
                         line=exc.lineno) from None
    except _RejectedError as exc:
        raise ParseError(f"invalid JSON: {exc}", source=name, line=_locate(text)) from None
    except RecursionError:
        raise UnsafeInputError("JSON nesting is too deep", source=name) from None
    except ValueError as exc:
        raise ParseError(f"invalid JSON: {exc}", source=name) from None


def decode_json_bytes(data: bytes, name: str = "<bytes>") -> Any:
    """Decode UTF-8 JSON bytes strictly (a UTF-8 byte-order mark is allowed)."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise ParseError(f"invalid UTF-8 at byte {exc.start}", source=name, line=line) from None
    return _loads(text, name, data)
