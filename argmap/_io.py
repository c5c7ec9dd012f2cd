"""Reading and writing maps: the format registry, sniffing and atomic saves."""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Protocol

import attrs

from argmap._errors import (
    AnchorError,
    FormatError,
    MapError,
    ParseError,
    ValidationError,
    WriteError,
)
from argmap._formats._sniff import explain_unrecognised
from argmap._formats._xmlsafe import MAX_INPUT_BYTES, read_input
from argmap._map import ArgumentMap

__all__ = [
    "Format",
    "atomic_write",
    "dumps",
    "formats",
    "get_format",
    "loads",
    "read",
    "register_format",
    "write",
]


class Loader(Protocol):
    """Signature of a format's reader."""

    def __call__(self, data: bytes, *, name: str, path: Path | None) -> ArgumentMap: ...


@attrs.frozen(kw_only=True)
class Format:
    """A file format argmap can read and/or write.

    Args:
        name: the format's short name, e.g. ``"aif-xml"``.
        suffixes: file-name endings that select it, with the dot, e.g.
            ``(".aif.xml", ".xml")``; longer endings win over shorter ones.
        description: one line for listings.
        load: reader ``load(data, *, name, path) -> ArgumentMap``; ``path`` is
            the file read (None for bytes), for formats that need files beside it.
        dump: writer ``dump(map) -> bytes``.
        sniff: returns True when bytes look like this format; used when a
            suffix is shared by several formats or unknown.
    """

    name: str
    suffixes: tuple[str, ...] = ()
    description: str = ""
    load: Loader | None = None
    dump: Callable[[ArgumentMap], bytes] | None = None
    sniff: Callable[[bytes], bool] | None = None


_REGISTRY: dict[str, Format] = {}
_BUILTINS_LOADED = False


def register_format(fmt: Format, *, replace: bool = False) -> None:
    """Register a format so :func:`read`, :func:`write` and friends know it.

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
    from argmap._formats import builtin_formats

    for fmt in builtin_formats():
        _REGISTRY.setdefault(fmt.name, fmt)


def _by_suffix(filename: str) -> list[Format]:
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


def _choose(
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
        candidates = _by_suffix(filename) if filename else []
        if data is not None and len(candidates) != 1:
            pool = candidates or formats()
            sniffed = [f for f in pool if f.sniff is not None and f.sniff(data)]
            if sniffed:
                candidates = sniffed[:1]
            else:
                # Say what is wrong (empty, compressed, malformed, too deep) rather
                # than that the format cannot be told; raises when it can.
                found = explain_unrecognised(data, name or filename or "<bytes>")
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


def loads(
    data: bytes | str,
    format: str | None = None,
    *,
    strict: bool = False,
    name: str = "<bytes>",
) -> ArgumentMap:
    """Read a map from bytes (or text, encoded as UTF-8).

    Args:
        data: the document.
        format: a registered format name; sniffed from the content if None.
        strict: raise :class:`~argmap.ValidationError` if the map breaks AIF rules.
        name: what to call the input in error messages.

    Raises:
        FormatError: if the format is unknown or cannot be guessed.
        ParseError: if the input is malformed or unsafe.
        ValidationError: in strict mode, for AIF rule violations.
    """
    try:
        raw = data.encode("utf-8") if isinstance(data, str) else data
    except UnicodeEncodeError as exc:
        raise ParseError(f"text input holds an unencodable character at offset {exc.start}",
                         source=name) from None
    fmt = _choose(format, None, raw, "load", name=name)
    assert fmt.load is not None
    return finish_read(_load(fmt, raw, name, None), strict, name)


def read(
    path: str | os.PathLike[str],
    format: str | None = None,
    *,
    strict: bool = False,
    max_bytes: int = MAX_INPUT_BYTES,
) -> ArgumentMap:
    """Read a map from a file; the format comes from ``format``, the suffix or the content.

    Args:
        path: the file to read (read as bytes under a size limit; never
            handed to a parser as a path).
        format: a registered format name, e.g. ``"aif-xml"``.
        strict: raise :class:`~argmap.ValidationError` if the map breaks AIF rules.
        max_bytes: refuse files larger than this.

    Example:
        >>> import tempfile, os
        >>> m = ArgumentMap(source=Source(text="Cats purr."))
        >>> _ = m.add_claim(quote="Cats purr")
        >>> path = os.path.join(tempfile.mkdtemp(), "cats.aif.xml")
        >>> write(m, path)
        >>> read(path) == m
        True

    Raises:
        FormatError: if the format is unknown or cannot be guessed.
        ParseError: if the file cannot be read, is malformed or unsafe.
        ValidationError: in strict mode, for AIF rule violations.
    """
    name = os.fspath(path)
    data = read_input(name, max_bytes)
    fmt = _choose(format, name, data, "load")
    assert fmt.load is not None
    return finish_read(_load(fmt, data, name, Path(name)), strict, name)


def _load(fmt: Format, data: bytes, name: str, path: Path | None) -> ArgumentMap:
    """Run a format's reader; a model check failing inside it still names the input."""
    assert fmt.load is not None
    try:
        return fmt.load(data, name=name, path=path)
    except (MapError, AnchorError) as exc:
        raise ParseError(str(exc), source=name) from exc


def finish_read(m: ArgumentMap, strict: bool, name: str) -> ArgumentMap:
    """Return ``m``; in strict mode, raise ValidationError naming ``name`` on any problem."""
    if strict:
        problems = m.validate()
        if problems:
            raise ValidationError(problems, where=name)
    return m


def dumps(m: ArgumentMap, format: str = "aif-xml") -> bytes:
    """Serialise a map to bytes in a registered format (AIF-XML by default)."""
    fmt = _choose(format, None, None, "dump")
    assert fmt.dump is not None
    return fmt.dump(m)


def write(m: ArgumentMap, path: str | os.PathLike[str], format: str | None = None) -> None:
    """Write a map to a file, atomically; the format comes from ``format`` or the suffix.

    The document is serialised in memory first, then written to a temporary
    file beside the target, flushed and synced, and moved over the target in
    one step.  If anything fails (or the process is killed) the previous file
    is left byte-for-byte as it was.

    Raises:
        FormatError: if the format is unknown or cannot be guessed from the suffix.
        WriteError: if the file cannot be written.
    """
    name = os.fspath(path)
    fmt = _choose(format, name, None, "dump")
    assert fmt.dump is not None
    atomic_write(name, fmt.dump(m))


def atomic_write(path: str | os.PathLike[str], data: bytes) -> None:
    """Replace ``path`` with ``data`` atomically (temp file, fsync, rename, fsync dir).

    A symbolic link at ``path`` is followed (the file it points to is replaced);
    a target that is not writable is refused.  Like every rename-based save,
    this gives the file a new inode: other hard links keep the old content.

    The temporary file lies beside the target, named
    ``.<target name>.<process id>.<random>.tmp``.  A process killed mid-save
    leaves it behind; the next save to the same target removes every such file
    whose writing process no longer runs.

    Raises:
        WriteError: if the file cannot be written; the old file is untouched.
    """
    shown = os.fspath(path)
    if "\0" in shown:
        raise WriteError(f"cannot write {shown!r}: the name contains a NUL character")
    tmp_name: str | None = None
    try:
        target = Path(shown)
        target = target.resolve(strict=False)
        directory = target.parent
        if target.exists() and not target.is_dir() and not os.access(target, os.W_OK):
            raise WriteError(f"cannot write {shown!r}: the file is read-only")
        prefix = _temp_prefix(target)
        _remove_orphans(directory, prefix)
        fd, tmp_name = tempfile.mkstemp(dir=directory, prefix=f"{prefix}{os.getpid()}.",
                                        suffix=".tmp")
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        try:
            mode = stat.S_IMODE(target.stat().st_mode)
        except FileNotFoundError:
            mode = 0o666 & ~_umask()
        os.chmod(tmp_name, mode)
        os.replace(tmp_name, target)
        tmp_name = None
        _fsync_dir(directory)
    except RuntimeError as exc:  # a symlink loop (Python < 3.13)
        raise WriteError(f"cannot write {shown!r}: {exc}") from None
    except OSError as exc:
        raise WriteError(f"cannot write {shown!r}: {exc.strerror or exc}") from None
    finally:
        if tmp_name is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp_name)


def _temp_prefix(target: Path) -> str:
    # Bounded, so a target name near the file-system limit still leaves room.
    return f".{target.name[:80]}."


def _remove_orphans(directory: Path, prefix: str) -> None:
    """Delete temp files of earlier saves to this target whose writer has died.

    A file of a live process (a concurrent save, here or in another process)
    is left alone; so is anything not named exactly as :func:`atomic_write`
    names its temp files.
    """
    try:
        entries = list(os.scandir(directory))
    except OSError:
        return
    for entry in entries:
        name = entry.name
        if not (name.startswith(prefix) and name.endswith(".tmp")):
            continue
        pid_text, dot, rest = name[len(prefix):-4].partition(".")
        if not (dot and pid_text.isdigit() and rest and "." not in rest):
            continue
        if _alive(int(pid_text)):
            continue
        with contextlib.suppress(OSError):
            if entry.is_file(follow_symlinks=False):
                os.unlink(entry.path)


def _alive(pid: int) -> bool:
    if pid == os.getpid() or os.name != "posix":
        return True  # on Windows os.kill would terminate the process: never ask
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError, OSError):
        return True  # exists but belongs to someone else, or cannot be asked
    return True


def _umask() -> int:
    # Read the umask without changing it (os.umask races with other threads).
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _fsync_dir(directory: Path) -> None:
    if os.name != "posix":  # pragma: no cover - directories cannot be opened on Windows
        return
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
