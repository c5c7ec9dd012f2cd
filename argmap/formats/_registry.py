"""The format registry: names, suffixes and sniffing; built-in formats are imported on first use."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Any

from argmap._errors import FormatError
from argmap.formats._format import Format
from argmap.formats._sniff import explain_unrecognised

__all__ = [
    "builtin_formats", "by_suffix", "choose_format", "described", "formats", "get_format",
    "register_format",
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
            # The first that recognises the data decides, and the others' modules
            # need not be imported.
            sniffed = next((f for f in pool if f.sniff is not None and f.sniff(data)), None)
            if sniffed is not None:
                candidates = [sniffed]
            else:
                # Say what is wrong (empty, compressed, malformed, too deep) rather
                # than that the format cannot be told; raises when it can.
                found = explain_unrecognised(data, name or filename or "<bytes>")
                if filename and found == _NEITHER:
                    _syntax_error(filename, data, name or filename)
        if len(candidates) > 1 and need == "load":
            names = ", ".join(f.name for f in candidates)
            if data is not None and all(f.sniff is not None for f in candidates):
                # Every format of the suffix looked at the content and none knew it.
                raise FormatError(
                    f"file {filename!r} matches none of the formats that use its suffix "
                    f"({names}): it is {found}; pass format= to read it as one of them")
            what = f" and its content ({found}) does not say which" if data is not None else ""
            raise FormatError(f"file {filename!r} could be any of {names}{what}; pass format=")
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


# The formats argmap ships, in the order they are tried when sniffing: the module and
# variable holding each, and what the registry needs before that module is imported --
# name, suffixes and description (which the module's Format takes from here), and
# whether it reads, writes and sniffs.  Telling a file's format and reading it then
# imports only the modules it takes (a tenth of a second at start-up for all of them).
# A test holds each row to the module's Format.
_BUILTIN: tuple[tuple[str, str, str, tuple[str, ...], str, bool, bool, bool], ...] = (
    ("_aifxml", "FORMAT", "aif-xml", (".aif.xml", ".xml", ".aifxml"),
     "argmap AIF-XML (lossless; schema-validated)", True, True, True),
    ("_aifdb", "FORMAT", "aifdb-json", (".json",),
     "AIFdb JSON, export and upload shapes (lossless)", True, True, True),
    ("_xaif", "OVA3_FORMAT", "ova3", (".json", ".ova3.json"),
     "OVA3 JSON: AIF + OVA layout + HTML text with highlighted spans (lossless)",
     True, True, True),
    ("_xaif", "XAIF_FORMAT", "xaif", (".json", ".xaif.json", ".xaif"),
     "xAIF (argument-mining framework AMF): AIF + text + module outputs (lossless)",
     True, True, True),
    ("_ova2", "FORMAT", "ova2", (".json",), "OVA2 JSON (read only)", True, False, True),
    ("_sadface", "FORMAT", "sadface", (".sadface.json", ".json"),
     "SADFace JSON (Open Argumentation's Simple Argument Description Format)",
     True, True, True),
    ("_rdf", "FORMAT", "aif-rdf", (".rdf", ".owl", ".aif.rdf", ".xml"),
     "AIF RDF/XML, AIFdb vocabulary plus an argmap namespace (lossless)", True, True, True),
    ("_microtext", "FORMAT", "microtext", (".xml",),
     "argumentative microtext arggraph XML (read only; text from the .txt beside it)",
     True, False, True),
    ("_aml", "FORMAT", "aml", (".aml", ".scm"),
     "Araucaria AML (read only; spans from PROPTEXT offsets)", True, False, True),
    ("_carneades", "LKIF_FORMAT", "lkif", (".lkif", ".xml"),
     "Carneades LKIF 2 argument graphs (read only)", True, False, True),
    ("_carneades", "CAF_FORMAT", "caf", (".caf", ".xml"),
     "Carneades Argument Format CAF 1.3 (read only)", True, False, True),
    ("_brat", "FORMAT", "brat", (".ann",),
     "brat standoff (.ann with the .txt beside it), e.g. the Persuasive Essays corpus",
     True, True, True),
    ("_argdown", "FORMAT", "argdown", (".argdown", ".ad"), "Argdown source (read only)",
     True, False, False),
    ("_argdown", "JSON_FORMAT", "argdown-json", (".argdown.json", ".json"),
     "the JSON the Argdown tools export (read only)", True, False, True),
)


def described(name: str) -> dict[str, Any]:
    """A built-in format's name, suffixes and description, for its module's :class:`Format`."""
    for _module, _variable, fmt_name, suffixes, description, *_ in _BUILTIN:
        if fmt_name == name:
            return {"name": name, "suffixes": suffixes, "description": description}
    raise KeyError(name)


def _deferred(module: str, variable: str, part: str) -> Callable[..., Any]:
    """One function of a built-in format, which imports the format's module when first called."""
    def call(*args: Any, **kwargs: Any) -> Any:
        fmt = getattr(importlib.import_module(f"argmap.formats.{module}"), variable)
        return getattr(fmt, part)(*args, **kwargs)

    call.__name__ = call.__qualname__ = f"{variable}.{part}"
    call.__module__ = f"argmap.formats.{module}"
    return call


def builtin_formats() -> list[Format]:
    """The formats argmap ships, in the order they are tried when sniffing."""
    return [
        Format(name=name, suffixes=suffixes, description=description,
               load=_deferred(module, variable, "load") if load else None,
               dump=_deferred(module, variable, "dump") if dump else None,
               sniff=_deferred(module, variable, "sniff") if sniff else None)
        for module, variable, name, suffixes, description, load, dump, sniff in _BUILTIN
    ]
