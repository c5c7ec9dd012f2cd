"""An AIF-XML element with a huge number of attributes is refused before it costs memory.

Reading the attributes of such an element is quadratic in lxml and a schema check
of it allocates per attribute, so the reader must count attributes (a linear,
cheap pass) before validating against the schema.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

# A rejected file must not cost much more than the parse itself (about 75 MB for
# the largest case); without the bound the schema check peaks above 200 MB.
PEAK_LIMIT_MB = 120

_PROBE = textwrap.dedent("""
    import resource, sys
    import argmap
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    try:
        argmap.read(sys.argv[1])
        outcome = "loaded"
    except argmap.UnsafeInputError as exc:
        outcome = "unsafe:" + exc.message
    except argmap.ArgmapError as exc:
        outcome = type(exc).__name__ + ":" + str(exc)[:200]
    after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(outcome)
    print((after - before) // 1024)
""")


@pytest.mark.parametrize("count", [150_000, 255_772])
def test_many_attributes_are_refused_cheaply(tmp_path: Path, count: int) -> None:
    attrs = " ".join(f'a{i}="v"' for i in range(count))
    path = tmp_path / "attrs.aif.xml"
    path.write_text(
        "<?xml version='1.0' encoding='UTF-8'?>\n"
        f'<argmap xmlns="urn:argmap:aif-xml:1" version="1.0">\n<nodes><claim id="c" {attrs}>'
        "<text>x</text></claim></nodes></argmap>\n",
        encoding="utf-8",
    )
    run = subprocess.run([sys.executable, "-c", _PROBE, str(path)], check=True,
                         capture_output=True, text=True, timeout=600)
    outcome, grown = run.stdout.splitlines()
    assert outcome.startswith("unsafe:") and "attributes" in outcome, outcome
    assert int(grown) < PEAK_LIMIT_MB, f"peak grew by {grown} MB"
