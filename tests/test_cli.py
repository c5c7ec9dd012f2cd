"""The ``argmap`` command line, run as a real subprocess (``python -m argmap``)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import argmap

GOLDEN = Path(__file__).parent / "golden" / "formats"
ANOMALIES = GOLDEN / "aifdb_export_anomalies.json"


def run(*args: str | Path, stdin: bytes | None = None, env: dict[str, str] | None = None
        ) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "argmap", *map(str, args)],
        input=stdin, capture_output=True, timeout=120, check=False,
        env={**os.environ, **(env or {})},
    )


def test_no_command_is_a_usage_error() -> None:
    result = run()
    assert result.returncode == 2
    assert b"usage: argmap" in result.stderr and b"Exit codes" in result.stderr


def test_convert_file_to_file_by_suffix(tmp_path: Path) -> None:
    out = tmp_path / "map.aif.xml"
    result = run("convert", ANOMALIES, out)
    assert result.returncode == 0, result.stderr
    assert result.stderr == b""
    again = tmp_path / "again.json"
    assert run("convert", out, again, "--to", "aifdb-json").returncode == 0
    assert json.loads(again.read_bytes()) == json.loads(ANOMALIES.read_bytes())


def test_convert_stdin_to_stdout_with_warnings() -> None:
    result = run("convert", "-", "-", "--to", "aifdb-json",
                 stdin=(GOLDEN / "xaif_dialog.json").read_bytes())
    assert result.returncode == 0
    doc = json.loads(result.stdout)
    assert {n["nodeID"] for n in doc["nodes"]} == {0, 1, 3, 4, 5, 6}
    assert result.stderr.startswith(b"argmap: warning: aifdb-json cannot carry")
    assert b"the source text (1)" in result.stderr
    # Without --to, standard output gets AIF-XML.
    xml = run("convert", "-", "-", stdin=ANOMALIES.read_bytes())
    assert xml.returncode == 0 and argmap.from_xml(xml.stdout) == argmap.read(ANOMALIES)


def test_convert_errors() -> None:
    bad = run("convert", "-", "-", "--from", "aifdb-json", stdin=b'{"nodes": [}')
    assert bad.returncode == 3
    assert bad.stderr.startswith(b"argmap: error: <stdin>:1: malformed JSON")
    assert b"Traceback" not in bad.stderr
    unknown = run("convert", ANOMALIES, "out.json", "--to", "nope")
    assert unknown.returncode == 2 and b"unknown format 'nope'" in unknown.stderr
    unwritable = run("convert", ANOMALIES, "/nonexistent-dir/out.json")
    assert unwritable.returncode == 4 and b"cannot write" in unwritable.stderr
    read_only = run("convert", ANOMALIES, "out.ova2.json", "--to", "ova2")
    assert read_only.returncode == 2 and b"cannot be written" in read_only.stderr


def test_validate_lines_and_exit_codes(tmp_path: Path) -> None:
    result = run("validate", ANOMALIES, GOLDEN / "sample.aml")
    assert result.returncode == 1
    *lines, summary = result.stdout.decode().splitlines()
    assert summary == ("2 file(s): 0 clean, 1 warnings only, 1 with errors; 4 error(s), "
                       "5 warning(s)")
    assert len(lines) == 9
    assert f"{ANOMALIES}: error: [dangling-edge] edge '505' refers to missing node(s) '999'" \
        in lines
    assert lines[-1].startswith(f"{GOLDEN / 'sample.aml'}: warning: [anchor-mismatch]")
    # Warnings alone pass, unless --strict.
    assert run("validate", GOLDEN / "sample.aml").returncode == 0
    assert run("validate", "--strict", GOLDEN / "sample.aml").returncode == 1
    clean = run("validate", GOLDEN / "tweety.lkif.xml", GOLDEN / "ova2_map.json")
    assert (clean.returncode, clean.stderr) == (0, b"")
    assert clean.stdout == (b"2 file(s): 2 clean, 0 warnings only, 0 with errors; 0 error(s), "
                            b"0 warning(s)\n")
    missing = run("validate", tmp_path / "missing.json", GOLDEN / "tweety.lkif.xml")
    assert missing.returncode == 3
    assert b"missing.json: cannot read file" in missing.stderr


def test_info_text_and_json() -> None:
    text = run("info", ANOMALIES)
    assert text.returncode == 0
    out = text.stdout.decode()
    assert "nodes: 9 (I 2, RA 2, L 3, YA 1, ? 1)" in out
    assert "3861: Chris Philp (1 locution(s))" in out
    assert "YA PureQuestioning: 1" in out
    assert "duplicate-id: 1" in out
    data = run("info", "--json", "-", stdin=(GOLDEN / "ova3_highlights.json").read_bytes())
    info = json.loads(data.stdout)
    assert info["format"] == "ova3" and info["kinds"] == {"I": 3, "RA": 1}
    src = argmap.read(GOLDEN / "ova3_highlights.json").source
    assert src is not None and info["source"]["characters"] == len(src.text)
    assert info["problems"] == {"dangling-reference": 2}


def test_render(tmp_path: Path) -> None:
    dot = run("render", GOLDEN / "tweety.lkif.xml", "-o", "-", "--to", "dot")
    assert dot.returncode == 0 and dot.stdout.startswith(b"digraph")
    if argmap.view.dot_engine() is None:
        failed = run("render", GOLDEN / "tweety.lkif.xml", "-o", tmp_path / "m.svg")
        assert failed.returncode == 4 and b"no Graphviz engine" in failed.stderr
        return
    svg = tmp_path / "m.svg"
    result = run("render", GOLDEN / "tweety.lkif.xml", "-o", svg)
    assert result.returncode == 0, result.stderr
    assert b"<svg" in svg.read_bytes()
    missing = run("render", GOLDEN / "tweety.lkif.xml", "-o", svg,
                  env={"ARGMAP_DOT": "/nonexistent/dot"})
    assert missing.returncode == 4 and b"argmap: error:" in missing.stderr


def test_formats_and_console_script() -> None:
    result = run("formats")
    assert result.returncode == 0
    names = [line.split()[0] for line in result.stdout.decode().splitlines()]
    assert names == [f.name for f in argmap.formats.formats()]
    script = shutil.which("argmap", path=str(Path(sys.executable).parent))
    if script is None:
        pytest.skip("the argmap console script is not installed in this environment")
    version = subprocess.run([script, "--version"], capture_output=True, check=False, timeout=60)
    assert version.stdout.strip() == f"argmap {argmap.__version__}".encode()


def test_validate_exit_codes_per_file(tmp_path: Path) -> None:
    unknown = run("validate", "--from", "nosuch", GOLDEN / "ova2_map.json")
    assert unknown.returncode == 2 and b"unknown format 'nosuch'" in unknown.stderr
    broken = tmp_path / "broken.json"
    broken.write_bytes(b'{"nodes": [\n{')
    result = run("validate", broken, GOLDEN / "aifdb_export.rdf", GOLDEN / "sample.aml")
    assert result.returncode == 3, result.stderr
    assert result.stderr.startswith(f"argmap: error: {broken}:2: malformed JSON".encode())
    # The later files are still validated.
    assert f"{GOLDEN / 'sample.aml'}: warning: [anchor-mismatch]".encode() in result.stdout
    bad_extra = tmp_path / "m.rdf"
    bad_extra.write_bytes(
        b'<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" '
        b'xmlns:am="urn:argmap:aif-rdf:1#"><am:Map rdf:about="urn:argmap:map">'
        b'<am:extra>{"k":"\\u0001"}</am:extra></am:Map></rdf:RDF>')
    both = run("validate", bad_extra, GOLDEN / "tweety.lkif.xml")
    assert both.returncode == 3 and b"invalid map extra" in both.stderr
    assert b"Traceback" not in both.stderr
    plain = tmp_path / "notes.txt"
    plain.write_bytes(b"just words")
    guess = run("validate", plain)
    assert guess.returncode == 2 and b"cannot tell the format" in guess.stderr


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
def test_output_write_errors_exit_4() -> None:
    with open("/dev/full", "wb") as full:
        result = subprocess.run(
            [sys.executable, "-m", "argmap", "convert", str(ANOMALIES), "-"],
            stdout=full, stderr=subprocess.PIPE, timeout=120, check=False)
    assert result.returncode == 4
    assert result.stderr.startswith(b"argmap: error: cannot write the output")
    assert b"Traceback" not in result.stderr
