"""One contract for every command, through a real subprocess: the same inputs give the same
exit codes and messages whichever command reads them; --json is machine output everywhere;
folders and globs switch to the corpus form with a summary line."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import argmap

GOLDEN = Path(__file__).parent / "golden"
MAP = GOLDEN / "aifxml" / "golden.aif.xml"
OTHER = GOLDEN / "formats" / "tweety.lkif.xml"

REPORTING = ("validate", "info", "lint", "evaluate")


def run(*args: str | Path, stdin: bytes | None = None, cwd: Path | None = None
        ) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "argmap", *map(str, args)], input=stdin, capture_output=True,
        timeout=120, check=False, cwd=cwd,
        env={**os.environ, "PYTHONPATH": str(Path(argmap.__file__).parents[1])},
    )


def text(result: subprocess.CompletedProcess[bytes]) -> tuple[str, str]:
    return result.stdout.decode(), result.stderr.decode()


@pytest.fixture(scope="module")
def bad(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("bad")
    files = {
        "malformed": ("bad.xml", b"<not><closed>"),
        "empty": ("empty.json", b""),
        "blank": ("blank.json", b"  \n\t "),
        "garbage": ("garbage.json", b"{{{ not json"),
        "unknown": ("data.bin", b"\x00\x01\x02 nothing argmap knows"),
    }
    out = {}
    for key, (name, data) in files.items():
        (folder / name).write_bytes(data)
        out[key] = folder / name
    out["missing"] = folder / "missing.aif.xml"
    out["folder"] = tmp_path_factory.mktemp("no-maps")
    return out


@pytest.mark.parametrize("command", REPORTING)
def test_a_good_file_and_stdin_give_the_same_answer(command: str) -> None:
    from_file = run(command, MAP, "--json")
    from_stdin = run(command, "-", "--json", stdin=MAP.read_bytes())
    assert from_file.returncode == from_stdin.returncode
    assert from_file.returncode in (0, 1), from_file.stderr
    a, b = json.loads(from_file.stdout), json.loads(from_stdin.stdout)
    for doc in (a, b):
        doc.pop("file", None)
        for item in doc.get("files", []):
            item.pop("file", None)
    assert a == b


@pytest.mark.parametrize("command", REPORTING)
@pytest.mark.parametrize(("case", "code", "message"), [
    ("malformed", 3, "bad.xml:1: malformed XML"),
    ("empty", 3, "empty.json: input is empty"),
    ("blank", 3, "blank.json: input holds only whitespace"),
    ("garbage", 3, "garbage.json:1: malformed JSON"),
    ("missing", 3, "missing.aif.xml: cannot read file"),
    ("unknown", 2, "use --from FORMAT"),
    ("folder", 3, "no files of a format argmap reads"),
])
def test_bad_inputs_get_one_answer(bad: dict[str, Path], command: str, case: str, code: int,
                                   message: str) -> None:
    result = run(command, bad[case])
    _, err = text(result)
    assert result.returncode == code, err
    assert err.startswith("argmap: error: "), err
    assert message in err
    assert "Traceback" not in err
    assert "format=" not in err  # hints are written as options


@pytest.mark.parametrize("command", REPORTING)
def test_quiet_prints_nothing(command: str) -> None:
    result = run(command, MAP, "--quiet")
    assert result.stdout == b""
    assert result.returncode in (0, 1)


def test_render_and_compare_read_stdin_and_refuse_folders(bad: dict[str, Path],
                                                          tmp_path: Path) -> None:
    dot = run("render", "-", "-o", "-", "--to", "dot", stdin=MAP.read_bytes())
    assert dot.returncode == 0 and dot.stdout.startswith(b"digraph")
    folder = run("render", bad["folder"], "-o", tmp_path / "x.svg")
    assert folder.returncode == 2 and b"not a folder or a pattern" in folder.stderr
    pattern = run("render", str(bad["folder"] / "*.json"), "-o", tmp_path / "x.svg")
    assert pattern.returncode == 2 and b"not a folder or a pattern" in pattern.stderr
    same = run("compare", "-", MAP, "--json", "--no-diff", stdin=MAP.read_bytes())
    assert same.returncode == 0, same.stderr
    assert json.loads(same.stdout)["agreement"]["node_f1"] == 1.0
    broken = run("compare", bad["malformed"], MAP)
    assert broken.returncode == 3 and b"malformed XML" in broken.stderr


def test_from_is_taken_by_every_command(tmp_path: Path) -> None:
    plain = tmp_path / "map.txt"
    plain.write_bytes(MAP.read_bytes())
    for command in (*REPORTING, "compare"):
        args = [plain, plain] if command == "compare" else [plain]
        result = run(command, *args, "--from", "aif-xml", "--quiet")
        assert result.returncode in (0, 1), (command, result.stderr)
    assert run("render", plain, "--from", "aif-xml", "-o", "-", "--to", "dot").returncode == 0
    assert run("convert", plain, "-", "--from", "aif-xml").returncode == 0


def test_corpus_form_summary_and_json(tmp_path: Path, bad: dict[str, Path]) -> None:
    corpus = tmp_path / "corpus"
    (corpus / "deep").mkdir(parents=True)
    (corpus / "a.aif.xml").write_bytes(MAP.read_bytes())
    (corpus / "deep" / "b.lkif.xml").write_bytes(OTHER.read_bytes())
    (corpus / "notes.txt").write_text("not a map")
    (corpus / "deep" / "broken.xml").write_bytes(b"<not><closed>")
    result = run("validate", corpus)
    out, err = text(result)
    assert result.returncode == 3  # the broken file; the others are still validated
    assert out.splitlines()[-1].startswith("3 file(s): ")
    assert ", 1 unreadable; " in out.splitlines()[-1]
    assert "broken.xml:1: malformed XML" in err
    data = json.loads(run("validate", corpus, "--json").stdout)
    assert data["summary"]["files"] == 3 and data["summary"]["unreadable"] == 1
    info = json.loads(run("info", corpus, "--json").stdout)
    assert info["total"]["maps"] == 2 and len(info["files"]) == 2
    assert run("lint", str(corpus / "**" / "*.xml"), "--exit-zero").returncode == 3
    globbed = run("info", str(corpus / "*.aif.xml"))
    assert globbed.returncode == 0 and text(globbed)[0].splitlines()[-1].startswith("1 file(s)")


def test_validate_summary_and_errors_only(tmp_path: Path) -> None:
    anomalies = GOLDEN / "formats" / "aifdb_export_anomalies.json"
    grouped = run("validate", anomalies, GOLDEN / "formats" / "sample.aml", "--summary")
    out, _ = text(grouped)
    assert "dangling-edge" in out and f"{anomalies}:" not in out
    errors = run("validate", anomalies, "--errors-only")
    out, _ = text(errors)
    assert "warning:" not in out and "error:" in out


def test_convert_a_folder(tmp_path: Path) -> None:
    corpus = tmp_path / "in"
    corpus.mkdir()
    for name in ("one", "two"):
        (corpus / f"{name}.json").write_bytes(
            (GOLDEN / "formats" / "aifdb_upload_ints.json").read_bytes())
    out = tmp_path / "out"
    result = run("convert", corpus, "-o", out, "--to", "aif-xml")
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in out.iterdir()) == ["one.aif.xml", "two.aif.xml"]
    assert argmap.read(out / "one.aif.xml") == argmap.read(corpus / "one.json")
    assert b"2 file(s): 2 converted to aif-xml" in result.stderr


def test_no_progress_bar_when_piped(tmp_path: Path) -> None:
    corpus = tmp_path / "c"
    corpus.mkdir()
    for i in range(5):
        (corpus / f"m{i}.aif.xml").write_bytes(MAP.read_bytes())
    result = run("validate", corpus)
    assert result.stderr == b""


def test_help_lists_every_command_without_importing_them() -> None:
    code = ("import sys\n"
            "from argmap._cli import main\n"
            "try:\n    main(['--help'])\nexcept SystemExit:\n    pass\n"
            "heavy = ('argmap._cli._maps', 'argmap._io', 'argmap.reasoning', 'lxml', 'attr')\n"
            "print(sorted(m for m in sys.modules if m.startswith(heavy)))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout.splitlines()
    assert out[-1] == "[]"
    from argmap._cli import _parser
    from argmap._cli._exits import COMMANDS

    sub = next(a for a in _parser()._actions if a.dest == "command")
    assert sub.choices is not None and list(sub.choices) == list(COMMANDS)


@pytest.mark.parametrize(("name", "data", "message"), [
    ("prose.json", b"hello world\n", "prose.json:1: malformed JSON"),
    ("prose.xml", b"hello <world\n", "prose.xml:1: malformed XML"),
])
def test_a_json_or_xml_file_that_is_neither_reports_its_syntax_error(
        tmp_path: Path, name: str, data: bytes, message: str) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    for command in REPORTING:
        result = run(command, path)
        assert result.returncode == 3, result.stderr
        assert message in text(result)[1]


def test_a_file_read_with_the_wrong_format_is_an_error_not_an_empty_map() -> None:
    result = run("info", GOLDEN / "formats" / "aifdb_upload_ints.json", "--from", "brat")
    assert result.returncode == 3
    assert "aifdb_upload_ints.json:1: not a brat annotation line" in text(result)[1]


def test_compare_takes_two_files_and_checks_its_arguments(tmp_path: Path) -> None:
    (tmp_path / "one.aif.xml").write_bytes(MAP.read_bytes())
    (tmp_path / "two.aif.xml").write_bytes(MAP.read_bytes())
    for args in ([str(tmp_path / "*.aif.xml"), MAP], [MAP, tmp_path], ["-", "-"],
                 [MAP, MAP, "--threshold", "0"], [MAP, MAP, "--layers", "relation"]):
        result = run("compare", *args)
        assert result.returncode == 2, (args, result.stderr)
        assert "Traceback" not in text(result)[1]
    chosen = run("compare", MAP, MAP, "--layers", "argument", "--no-diff")
    assert chosen.returncode == 0 and "kappa (graph) = 1.000 over relations;" in text(chosen)[0]


def test_compare_exits_1_for_maps_with_nothing_in_common(tmp_path: Path) -> None:
    one, two = argmap.ArgumentMap(), argmap.ArgumentMap()
    one.add_claim("Taxes on fuel should rise")
    two.add_claim("Buses are too slow for commuters")
    paths = [tmp_path / "one.aif.xml", tmp_path / "two.aif.xml"]
    argmap.write(one, paths[0])
    argmap.write(two, paths[1])
    result = run("compare", *paths)
    assert result.returncode == 1
    assert text(result)[1].startswith("argmap: error: no proposition or locution")
