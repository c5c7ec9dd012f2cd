"""The registry knows the built-in formats before importing them, and says of each what its
module says."""

from __future__ import annotations

import importlib
import subprocess
import sys
from pathlib import Path

import pytest

import argmap
from argmap.formats import _registry

ROWS = _registry._BUILTIN


@pytest.mark.parametrize("row", ROWS, ids=[row[2] for row in ROWS])
def test_each_row_is_what_the_module_defines(row: tuple[object, ...]) -> None:
    module, variable, name, suffixes, description, load, dump, sniff = row
    fmt = getattr(importlib.import_module(f"argmap.formats.{module}"), str(variable))
    assert (fmt.name, fmt.suffixes, fmt.description) == (name, suffixes, description)
    assert (fmt.load is not None, fmt.dump is not None, fmt.sniff is not None) == (
        load, dump, sniff)


def test_every_module_format_is_registered_once_in_sniffing_order() -> None:
    names = [f.name for f in argmap.formats.formats()][:len(ROWS)]
    assert names == [row[2] for row in ROWS]
    assert len(set(names)) == len(names)


def test_deferred_functions_behave_as_the_modules_own() -> None:
    m = argmap.ArgumentMap()
    claim = m.add_claim("Cats purr")
    m.add_inference(m.add_claim("They are content"), claim)
    for fmt in argmap.formats.formats():
        if fmt.dump is None or fmt.name == "brat":  # brat writes a folder pair
            continue
        data = fmt.dump(m)
        assert fmt.sniff is None or fmt.sniff(data), fmt.name
        assert fmt.load is not None
        back = fmt.load(data, name="x", path=None)
        assert {n.text for n in back.propositions} == {"Cats purr", "They are content"}, fmt.name


def test_reading_a_file_imports_only_the_format_modules_it_needs(tmp_path: Path) -> None:
    m = argmap.ArgumentMap()
    m.add_claim("Cats purr")
    xml, js = tmp_path / "m.aif.xml", tmp_path / "m.json"
    argmap.write(m, xml)
    argmap.write(m, js, format="aifdb-json")
    code = ("import sys, argmap; argmap.read(sys.argv[1]); print(sorted(m[15:] for m in "
            "sys.modules if m.startswith('argmap.formats._') and m[15:] in sys.argv[2:]))")
    modules = sorted({row[0] for row in ROWS} - {"_aifxml", "_aifdb"})
    for path in (xml, js):
        out = subprocess.run([sys.executable, "-c", code, str(path), *modules],
                             capture_output=True, text=True, check=True).stdout.strip()
        assert out == "[]", path.name
