"""A folder of maps as a corpus: lazy reading with collected errors, and corpus statistics."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from argmap._errors import ArgmapError, ParseError
from argmap._io import read
from argmap._map import ArgumentMap
from argmap.formats._registry import by_suffix

__all__ = ["Corpus", "read_corpus"]

# Text files are read through the annotation or map file beside them (brat's
# .ann, the microtext XML), never on their own.
_COMPANIONS = (".txt",)


class Corpus:
    """The maps of a folder, read one at a time as they are iterated.

    Iterating yields ``(path, map)`` for every file that reads; a file that does
    not is recorded in ``errors`` (one error per file) and iteration goes
    on.  Each iteration reads the files again.

    Attributes:
        root: the folder.
        files: the files that will be read, sorted.
        errors: ``{path: error}`` for the files that failed in the last iteration.
    """

    def __init__(self, root: Path, files: list[Path], format: str | None,
                 progress: bool | None) -> None:
        self.root = root
        self.files = files
        self.errors: dict[Path, ArgmapError] = {}
        self._format = format
        self._progress = progress

    def __len__(self) -> int:
        return len(self.files)

    def __iter__(self) -> Iterator[tuple[Path, ArgumentMap]]:
        self.errors = {}
        for path in self._progress_bar(self.files):
            try:
                m = read(path, self._format)
            except ArgmapError as exc:
                self.errors[path] = exc
                continue
            yield path, m

    def _progress_bar(self, files: list[Path]) -> Iterable[Path]:
        show = self._progress
        if show is None:
            show = sys.stderr.isatty()
        if not show:
            return files
        from tqdm import tqdm

        return tqdm(files, desc="reading", unit="file", file=sys.stderr, leave=False)


def read_corpus(
    folder: str | os.PathLike[str],
    *,
    format: str | None = None,
    recursive: bool = True,
    progress: bool | None = None,
) -> Corpus:
    """The maps of every file in ``folder`` that a registered format claims, read lazily.

    Files are chosen by suffix (``.json``, ``.xml``, ``.ann``, ``.argdown`` ...);
    each is read with :func:`read`, so any mix of formats works.  ``.txt``
    files are the texts of the annotation files beside them and are not read
    on their own; hidden files and folders are skipped.  The files that fail
    to read are in the corpus's ``errors`` after an iteration.

    Args:
        folder: the corpus folder.
        format: read every file as this format instead of guessing.
        recursive: also read the folders inside ``folder``.
        progress: show a progress bar on standard error; by default only when
            standard error is a terminal.

    Example:
        >>> import pathlib, tempfile
        >>> folder = pathlib.Path(tempfile.mkdtemp())
        >>> _ = (folder / "a.ann").write_text("T1\\tClaim 0 4\\tCats\\n")
        >>> _ = (folder / "a.txt").write_text("Cats purr.")
        >>> _ = (folder / "broken.json").write_text("{")
        >>> corpus = read_corpus(folder)
        >>> [(p.name, len(m)) for p, m in corpus]
        [('a.ann', 1)]
        >>> list(corpus.errors) == [folder / "broken.json"]
        True

    Raises:
        ParseError: if ``folder`` is not a folder.
    """
    root = Path(folder)
    if not root.is_dir():
        raise ParseError("not a folder", source=str(root))
    pattern = root.rglob("*") if recursive else root.glob("*")
    files = []
    for path in pattern:
        rel = path.relative_to(root)
        if any(part.startswith(".") for part in rel.parts) or not path.is_file():
            continue
        if path.suffix.lower() in _COMPANIONS:
            continue
        if format is not None or by_suffix(path.name):
            files.append(path)
    return Corpus(root, sorted(files), format, progress)
