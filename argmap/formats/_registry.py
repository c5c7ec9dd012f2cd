"""The format registry: names, suffixes and sniffing; built-in formats are imported on first use."""

from __future__ import annotations

from argmap._errors import FormatError
from argmap.formats._format import Format
from argmap.formats._sniff import explain_unrecognised

__all__ = [
    "builtin_formats", "by_suffix", "choose_format", "formats", "get_format", "register_format",
]

_REGISTRY: dict[str, Format] = {}
_BUILTINS_LOADED = False


def register_format(fmt: Format, *, replace: bool = False) -> None:
    """Register a format so :func:`argmap.read`, :func:`argmap.write` and friends know it.

    Raises:
        FormatError: if a format of that name exists and ``replace`` is False.
    """
    _load_builtins()
    if fmt.name in _REGISTRY and not replace:
        raise FormatError(f"a format named {fmt.name!r} is already registered")
    _REGISTRY[fmt.name] = fmt


def formats() -> list[Format]:
    """All registered formats, built-in ones first."""
    _load_builtins()
    return list(_REGISTRY.values())


def get_format(name: str) -> Format:
    """Return the registered format called ``name``.

    Raises:
        FormatError: if there is none.
    """
    _load_builtins()
    try:
        return _REGISTRY[name]
    except KeyError:
        known = ", ".join(sorted(_REGISTRY))
        raise FormatError(f"unknown format {name!r}; known formats: {known}") from None


def _load_builtins() -> None:
    global _BUILTINS_LOADED
    if _BUILTINS_LOADED:
        return
    _BUILTINS_LOADED = True
    for fmt in builtin_formats():
        _REGISTRY.setdefault(fmt.name, fmt)


def by_suffix(filename: str) -> list[Format]:
    lowered = filename.lower()
    best: list[tuple[int, Format]] = []
    for fmt in formats():
        lengths = [len(s) for s in fmt.suffixes if lowered.endswith(s.lower())]
        if lengths:
            best.append((max(lengths), fmt))
    if not best:
        return []
    top = max(n for n, _ in best)
    return [f for n, f in best if n == top]


def choose_format(
    format: str | None,
    filename: str | None,
    data: bytes | None,
    need: str,
    *,
    name: str | None = None,
) -> Format:
    found = "unrecognised"
    if format is not None:
        fmt = get_format(format)
    else:
        candidates = by_suffix(filename) if filename else []
        if data is not None and len(candidates) != 1:
            pool = candidates or formats()
            sniffed = [f for f in pool if f.sniff is not None and f.sniff(data)]
            if sniffed:
                candidates = sniffed[:1]
            else:
                # Say what is wrong (empty, compressed, malformed, too deep) rather
                # than that the format cannot be told; raises when it can.
                found = explain_unrecognised(data, name or filename or "<bytes>")
                if filename and found == _NEITHER:
                    _syntax_error(filename, data, name or filename)
        if len(candidates) > 1 and need == "load":
            raise FormatError(
                f"file {filename!r} could be any of {', '.join(f.name for f in candidates)} and "
                f"its content ({found}) does not say which; pass format="
            )
        if not candidates:
            where = f"file {filename!r}" if filename else "the input"
            what = f" (it is {found})" if data is not None else ""
            raise FormatError(
                f"cannot tell the format of {where}{what}; pass format= (one of: "
                f"{', '.join(f.name for f in formats())})"
            )
        fmt = candidates[0]
    if need == "load" and fmt.load is None:
        raise FormatError(f"format {fmt.name!r} cannot be read")
    if need == "dump" and fmt.dump is None:
        raise FormatError(f"format {fmt.name!r} cannot be written")
    return fmt


# What explain_unrecognised says of input that is neither JSON nor XML.
_NEITHER = "neither JSON nor XML"


def _syntax_error(filename: str, data: bytes, name: str) -> None:
    """Raise the syntax error of a ``.json`` (``.xml``) file that is not JSON (XML).

    Its name says what it should be, so the answer is what is wrong with it,
    not that its format cannot be told.
    """
    from argmap.formats._jsonsafe import decode_json_bytes
    from argmap.formats._xmlsafe import parse_xml

    lowered = filename.lower()
    if lowered.endswith(".json"):
        decode_json_bytes(data, name)
    elif lowered.endswith(".xml"):
        parse_xml(data, name)


def builtin_formats() -> list[Format]:
    """The formats argmap ships, in the order they are tried when sniffing."""
    from argmap.formats import (
        _aifdb,
        _aifxml,
        _aml,
        _argdown,
        _brat,
        _carneades,
        _microtext,
        _ova2,
        _rdf,
        _sadface,
        _xaif,
    )

    return [
        _aifxml.FORMAT,
        _aifdb.FORMAT,
        _xaif.OVA3_FORMAT,
        _xaif.XAIF_FORMAT,
        _ova2.FORMAT,
        _sadface.FORMAT,
        _rdf.FORMAT,
        _microtext.FORMAT,
        _aml.FORMAT,
        _carneades.LKIF_FORMAT,
        _carneades.CAF_FORMAT,
        _brat.FORMAT,
        _argdown.FORMAT,
        _argdown.JSON_FORMAT,
    ]
