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

    Raises:
        WriteError: if the file cannot be written; the old file is untouched.
    """
    target = Path(os.fspath(path))
    try:
        target = target.resolve(strict=False)
    except (OSError, RuntimeError) as exc:  # RuntimeError: symlink loop (Python < 3.13)
        raise WriteError(f"cannot write {os.fspath(path)!r}: {exc}") from None
    directory = target.parent
    if target.exists() and not target.is_dir() and not os.access(target, os.W_OK):
        raise WriteError(f"cannot write {os.fspath(path)!r}: the file is read-only")
    tmp_name: str | None = None
    try:
        prefix = f".{target.name[:80]}."
        fd, tmp_name = tempfile.mkstemp(dir=directory, prefix=prefix, suffix=".tmp")
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
    except OSError as exc:
        raise WriteError(f"cannot write {os.fspath(path)!r}: {exc.strerror or exc}") from None
    finally:
        if tmp_name is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp_name)


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
