"""Running a Graphviz engine: which one, and turning DOT into SVG, PNG or JPEG.

Two engines were tried on the seed article's map (278 nodes; about 105 in the
compact, folded picture of ``examples/annotate_seed.py``):

* ``graphviz-pure`` (PyPI, in the ``render`` extra: ``pip install
  'argmap[render]'``): a pure-Rust port of Graphviz 16.1 shipped as one
  executable in a wheel, with its own fonts (Arimo, Tinos, Cousine).  It needs
  no system package, writes the same bytes on every platform (so committed
  pictures and CI agree) and lays out like current Graphviz.  It warns about
  the glyph width of non-ASCII characters (curly quotes, dashes), which it
  estimates; argmap drops that warning.  Its ``pack`` mode misplaces edge
  labels, so argmap stacks separate arguments itself (``stack=True``).
* the Debian ``graphviz`` package (``apt-get install graphviz``, 2.42.2 on
  Debian 12, reporting itself as 2.43.0): needs root, depends on the fonts
  installed, so its pictures differ between machines, and it crashed
  (segmentation fault) on the seed map with ``pack`` set.

argmap therefore prefers ``graphviz-pure`` and falls back to a system ``dot``:

1. the ``engine`` argument, when given (a command name or a path);
2. else the ``ARGMAP_DOT`` environment variable, when set;
3. else ``graphviz-pure`` next to the running Python (a virtual environment's
   ``bin``/``Scripts``), then on ``PATH``;
4. else ``dot`` on ``PATH``.

A name given in 1 or 2 that cannot be run is an error, never silently replaced
by another engine.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path

from argmap._errors import RenderError

__all__ = [
    "RENDER_FORMATS",
    "dot_engine",
    "render_dot",
]


#: Output formats :func:`render` accepts, by name (file suffixes map onto them).
RENDER_FORMATS: Mapping[str, str] = {
    "dot": "dot",
    "gv": "dot",
    "svg": "svg",
    "png": "png",
    "jpg": "jpeg",
    "jpeg": "jpeg",
    "html": "html",
    "htm": "html",
}


_ENV_VAR = "ARGMAP_DOT"


_PURE = "graphviz-pure"


_NOISE = ("no value for width of non-ASCII character",)


# --------------------------------------------------------------------- engines
def dot_engine(engine: str | os.PathLike[str] | None = None) -> str | None:
    """Find the Graphviz engine :func:`render` would run, as an executable path.

    Args:
        engine: a command name or path to use instead of the default search.

    Returns:
        The path of the executable, or None when no engine is installed (and
        none was asked for).

    Raises:
        RenderError: if ``engine`` or the ``ARGMAP_DOT`` environment variable
            names an executable that cannot be found.

    Example:
        >>> path = dot_engine()
        >>> path is None or isinstance(path, str)
        True
    """
    if engine is not None:
        return _resolve(os.fspath(engine), "the engine argument")
    env = os.environ.get(_ENV_VAR)
    if env:
        return _resolve(env, f"the {_ENV_VAR} environment variable")
    bindir = Path(sys.executable).parent
    for name in (_PURE, _PURE + ".exe"):
        candidate = bindir / name
        if candidate.is_file() and os.access(candidate, os.X_OK):
            return str(candidate)
    return shutil.which(_PURE) or shutil.which("dot")


def _resolve(name: str, where: str) -> str:
    found = shutil.which(name)
    if found is None and Path(name).is_file() and os.access(name, os.X_OK):
        found = str(Path(name))
    if found is None:
        raise RenderError(f"{where} names a Graphviz engine that cannot be run: {name!r}")
    return found


def render_dot(
    source: str,
    format: str = "svg",
    *,
    engine: str | os.PathLike[str] | None = None,
    timeout: float = 120.0,
) -> bytes:
    """Lay out DOT text with a Graphviz engine and return the picture's bytes.

    Args:
        source: DOT text, e.g. from :func:`to_dot`.
        format: ``"svg"``, ``"png"`` or ``"jpeg"`` (any ``-T`` format the
            engine knows).
        engine: the engine to run (see :func:`dot_engine`).
        timeout: seconds to wait for the engine.

    Raises:
        RenderError: if no engine is installed, it fails, times out or
            writes nothing; the message carries the engine's own error text.
    """
    exe = dot_engine(engine)
    if exe is None:
        raise RenderError(
            "no Graphviz engine found: install argmap's 'render' extra "
            "(pip install 'argmap[render]', which brings graphviz-pure), or the system "
            f"package 'graphviz', or point {_ENV_VAR} at a dot executable"
        )
    fmt = format.lower().lstrip(".")
    if not fmt.isalnum():
        raise RenderError(f"not an output format: {format!r}")
    try:
        done = subprocess.run(
            [exe, f"-T{fmt}"],
            input=source.encode("utf-8"),
            capture_output=True,
            timeout=timeout,
            check=False,
        )
    except subprocess.TimeoutExpired:
        raise RenderError(f"{exe} did not finish within {timeout:g} s") from None
    except OSError as exc:
        raise RenderError(f"could not run {exe}: {exc}") from None
    errors = _engine_errors(done.stderr)
    if done.returncode != 0:
        raise RenderError(
            f"{exe} -T{fmt} failed with exit status {done.returncode}: "
            f"{errors or 'no error message'}"
        )
    if not done.stdout:
        raise RenderError(f"{exe} -T{fmt} wrote no output: {errors or 'no error message'}")
    return done.stdout


def _engine_errors(stderr: bytes) -> str:
    lines = stderr.decode("utf-8", "replace").splitlines()
    kept = [ln for ln in lines if ln.strip() and not any(n in ln for n in _NOISE)]
    return "\n".join(kept)
