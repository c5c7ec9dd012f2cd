"""Read and write argumentation frameworks in the ICCMA competition formats.

Three formats are supported, so a framework built from a map can be handed to
any competition solver:

``i23``
    ICCMA 2023: a header ``p af <n>``, then one attack ``<i> <j>`` per line
    over the arguments ``1 … n``; lines starting with ``#`` are comments.
    Argument names are lost in this format, so the writer adds comment lines
    ``#name <i> <name>`` and the reader restores names from them when present
    (other tools ignore them as comments).  Names holding line breaks or other
    non-printable characters, or starting or ending with white space, cannot
    be written this way and are refused.  The reader refuses a header
    declaring more than ``max_arguments`` arguments (one million by default),
    so a tiny file cannot make it allocate gigabytes.
``apx``
    ASPARTIX: ``arg(a).`` and ``att(a,b).`` facts, one per line; ``%`` starts
    a comment.  Names that are not ASP constants (a lowercase letter then
    letters, digits and ``_``, or a natural number) are written as quoted
    strings, ``arg("A 1").``, with ``\\`` and ``\"`` escaped, and read
    back unquoted.
``tgf``
    Trivial Graph Format (ICCMA 2019): one argument per line, a line ``#``,
    then one attack ``a b`` per line.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from argmap._errors import FormatError, ParseError
from argmap.reasoning._framework import ArgumentationFramework, FrameworkError

__all__ = ["ICCMA_FORMATS", "format_iccma", "parse_iccma", "read_iccma", "write_iccma"]

#: The ICCMA formats by name, with the file suffixes that select them.
ICCMA_FORMATS: dict[str, tuple[str, ...]] = {
    "i23": (".i23", ".af"),
    "apx": (".apx",),
    "tgf": (".tgf",),
}

_APX_TERM = r'("(?:[^"\\\n]|\\.)*"|[^(),\s%"]+)'
_APX_ARG = re.compile(rf"arg\(\s*{_APX_TERM}\s*\)\s*\.")
_APX_ATT = re.compile(rf"att\(\s*{_APX_TERM}\s*,\s*{_APX_TERM}\s*\)\s*\.")
_APX_CONSTANT = re.compile(r"[a-z][A-Za-z0-9_]*|0|[1-9][0-9]*")
_APX_UNESCAPE = re.compile(r"\\(.)")
_NAME_COMMENT = re.compile(r"#name[ \t]+([0-9]+)[ \t]+(.+?)[ \t]*$")
_NATURAL = re.compile(r"[0-9]+")

#: Default cap on the number of arguments an ``i23`` header may declare.
DEFAULT_MAX_ARGUMENTS = 1_000_000


def _apx_name(name: str) -> str:
    if _APX_CONSTANT.fullmatch(name):
        return name
    if not name.isprintable():
        raise FrameworkError(
            f"argument name {name!r} holds non-printable characters and cannot be written "
            "in the apx format"
        )
    return '"' + name.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _apx_unname(term: str) -> str:
    if term.startswith('"'):
        return _APX_UNESCAPE.sub(lambda m: m.group(1), term[1:-1])
    return term


def _format_for(path: Path, format: str | None) -> str:
    if format is not None:
        key = format.lower()
        if key not in ICCMA_FORMATS:
            raise FormatError(
                f"unknown ICCMA format {format!r}; choose one of {', '.join(ICCMA_FORMATS)}"
            )
        return key
    suffix = path.suffix.lower()
    for name, suffixes in ICCMA_FORMATS.items():
        if suffix in suffixes:
            return name
    raise FormatError(
        f"{path}: cannot tell the ICCMA format from the suffix {suffix!r}; pass format= "
        f"({', '.join(ICCMA_FORMATS)})"
    )


def sniff_iccma(text: str) -> str:
    """Guess the ICCMA format of a text: ``"i23"``, ``"apx"`` or ``"tgf"``."""
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith(("#", "%")):
            continue
        if line.startswith("p "):
            return "i23"
        if line.startswith(("arg(", "att(")):
            return "apx"
        return "tgf"
    return "tgf" if text.strip() else "apx"


def parse_iccma(
    text: str,
    format: str | None = None,
    *,
    name: str = "<string>",
    max_arguments: int = DEFAULT_MAX_ARGUMENTS,
) -> ArgumentationFramework:
    """Parse a framework from text in an ICCMA format.

    Args:
        text: the file content.
        format: ``"i23"``, ``"apx"`` or ``"tgf"``; guessed from the content
            when omitted.
        name: the file name, for error messages.
        max_arguments: the most arguments an ``i23`` header may declare; a
            larger count is refused rather than allocated.

    Raises:
        ParseError: for malformed input, naming the line.

    Example:
        >>> af = parse_iccma("p af 3\\n1 2\\n2 3\\n")
        >>> af.attacks
        [('1', '2'), ('2', '3')]
    """
    fmt = sniff_iccma(text) if format is None else format.lower()
    if fmt == "i23":
        return _parse_i23(text, name, max_arguments)
    if fmt == "apx":
        return _parse_apx(text, name)
    if fmt == "tgf":
        return _parse_tgf(text, name)
    raise FormatError(f"unknown ICCMA format {format!r}; choose one of {', '.join(ICCMA_FORMATS)}")


def read_iccma(
    path: str | os.PathLike[str],
    format: str | None = None,
    *,
    max_arguments: int = DEFAULT_MAX_ARGUMENTS,
) -> ArgumentationFramework:
    """Read a framework from an ICCMA file (format from the suffix, else the content).

    Args:
        path: the file.
        format: the format name; from the suffix, else the content, when omitted.
        max_arguments: passed to :func:`parse_iccma`.

    Raises:
        ParseError: for malformed input, or a file that cannot be read
            (missing, a directory, not UTF-8).
        FormatError: for an unknown format name.
    """
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise ParseError(f"not UTF-8 text: {exc}", source=str(p)) from None
    except OSError as exc:
        raise ParseError(f"cannot read the file: {exc.strerror or exc}", source=str(p)) from None
    fmt = format
    if fmt is None and any(p.suffix.lower() in s for s in ICCMA_FORMATS.values()):
        fmt = _format_for(p, None)
    return parse_iccma(text, fmt, name=str(p), max_arguments=max_arguments)


def format_iccma(af: ArgumentationFramework, format: str = "i23") -> str:
    """Return the framework as text in an ICCMA format.

    Raises:
        FrameworkError: when an argument name cannot be written: in ``i23``
            a name with non-printable characters (such as line breaks) or
            leading or trailing white space; in ``apx`` a name with
            non-printable characters; in ``tgf`` a name holding white space
            or starting with ``#``.

    Example:
        >>> af = ArgumentationFramework(["a", "b"], [("a", "b")])
        >>> print(format_iccma(af, "apx"), end="")
        arg(a).
        arg(b).
        att(a,b).
    """
    fmt = format.lower()
    if fmt == "i23":
        index = {n: i for i, n in enumerate(af.arguments, start=1)}
        for n in index:
            if not n.isprintable() or n != n.strip():
                raise FrameworkError(
                    f"argument name {n!r} cannot be written in the i23 format (non-printable "
                    "characters or leading or trailing white space)"
                )
        lines = [f"p af {len(index)}"]
        lines.extend(f"#name {i} {n}" for n, i in index.items())
        lines.extend(f"{index[a]} {index[b]}" for a, b in af.attacks)
        return "\n".join(lines) + "\n"
    if fmt == "apx":
        names = {n: _apx_name(n) for n in af.arguments}
        out = [f"arg({names[n]})." for n in af.arguments]
        out.extend(f"att({names[a]},{names[b]})." for a, b in af.attacks)
        return "\n".join(out) + "\n" if out else ""
    if fmt == "tgf":
        for n in af.arguments:
            if n.startswith("#") or any(ch.isspace() for ch in n):
                raise FrameworkError(f"argument name {n!r} cannot be written in the tgf format")
        out = list(af.arguments)
        out.append("#")
        out.extend(f"{a} {b}" for a, b in af.attacks)
        return "\n".join(out) + "\n"
    raise FormatError(f"unknown ICCMA format {format!r}; choose one of {', '.join(ICCMA_FORMATS)}")


def write_iccma(
    af: ArgumentationFramework, path: str | os.PathLike[str], format: str | None = None
) -> None:
    """Write a framework to a file in an ICCMA format (from the suffix, or ``format``).

    The file is replaced atomically.

    Raises:
        FormatError: when the format is unknown or cannot be told from the suffix.
        FrameworkError: when an argument name cannot be written in the format.
    """
    from argmap._atomic import atomic_write

    p = Path(path)
    atomic_write(p, format_iccma(af, _format_for(p, format)).encode("utf-8"))


def _parse_i23(text: str, name: str, max_arguments: int) -> ArgumentationFramework:
    count: int | None = None
    names: dict[int, str] = {}
    attacks: list[tuple[int, int, int]] = []
    for lineno, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line:
            continue
        if line.startswith("#"):
            m = _NAME_COMMENT.match(line)
            if m:
                names[int(m.group(1))] = m.group(2)
            continue
        parts = line.split()
        if parts[0] == "p":
            if count is not None:
                raise ParseError("a second 'p af' header", source=name, line=lineno)
            if len(parts) != 3 or parts[1] != "af" or not _NATURAL.fullmatch(parts[2]):
                raise ParseError(f"expected the header 'p af <n>', found {line!r}",
                                 source=name, line=lineno)
            count = int(parts[2])
            if count > max_arguments:
                raise ParseError(
                    f"the header declares {count} arguments, more than max_arguments="
                    f"{max_arguments}; pass a larger max_arguments to read it",
                    source=name, line=lineno,
                )
            continue
        if count is None:
            raise ParseError(f"expected the header 'p af <n>' before {line!r}",
                             source=name, line=lineno)
        if len(parts) != 2 or not all(_NATURAL.fullmatch(p) for p in parts):
            raise ParseError(f"expected an attack '<i> <j>', found {line!r}",
                             source=name, line=lineno)
        a, b = int(parts[0]), int(parts[1])
        for v in (a, b):
            if not 1 <= v <= count:
                raise ParseError(f"argument {v} is outside 1..{count}", source=name, line=lineno)
        attacks.append((a, b, lineno))
    if count is None:
        raise ParseError("missing the header 'p af <n>'", source=name)
    labels = [names.get(i, str(i)) for i in range(1, count + 1)]
    if len(set(labels)) != count:
        labels = [str(i) for i in range(1, count + 1)]
    af = ArgumentationFramework(labels)
    for a, b, _ in attacks:
        af.add_attack(labels[a - 1], labels[b - 1])
    return af


def _parse_apx(text: str, name: str) -> ArgumentationFramework:
    af = ArgumentationFramework()
    pending: list[tuple[str, str, int]] = []
    for lineno, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        pos = 0
        while pos < len(line) and line[pos] != "%":
            m = _APX_ARG.match(line, pos)
            if m:
                arg = _apx_unname(m.group(1))
                if not arg:
                    raise ParseError("an empty argument name", source=name, line=lineno)
                af.add_argument(arg)
            else:
                m = _APX_ATT.match(line, pos)
                if not m:
                    raise ParseError(f"expected 'arg(a).' or 'att(a,b).', found {line[pos:]!r}",
                                     source=name, line=lineno)
                pending.append((_apx_unname(m.group(1)), _apx_unname(m.group(2)), lineno))
            pos = m.end()
            while pos < len(line) and line[pos].isspace():
                pos += 1
    for a, b, lineno in pending:
        for v in (a, b):
            if v not in af:
                raise ParseError(f"attack names the undeclared argument {v!r}",
                                 source=name, line=lineno)
        af.add_attack(a, b)
    return af


def _parse_tgf(text: str, name: str) -> ArgumentationFramework:
    af = ArgumentationFramework()
    in_attacks = False
    for lineno, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line:
            continue
        if line == "#" and not in_attacks:
            in_attacks = True
            continue
        parts = line.split()
        if not in_attacks:
            af.add_argument(parts[0])
            continue
        if len(parts) < 2:
            raise ParseError(f"expected an attack 'a b', found {line!r}", source=name, line=lineno)
        for v in parts[:2]:
            if v not in af:
                raise ParseError(f"attack names the undeclared argument {v!r}",
                                 source=name, line=lineno)
        af.add_attack(parts[0], parts[1])
    return af
