"""Atomic saves: a file is replaced in one step or not at all."""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from pathlib import Path

from argmap._errors import WriteError

__all__ = ["atomic_write"]


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
