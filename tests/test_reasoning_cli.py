"""The evaluate / compare / lint commands, run in-process through their handlers."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import pytest

import argmap
from argmap import ArgumentMap, Participant, Source
from argmap._cli._reasoning import add_commands

TEXT = "Taxes should rise. Pollution harms health. Critics object. Costs fall."


def run(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="argmap")
    add_commands(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(argv)
    code: int = args.run(args)
    return code


def saved(tmp_path: Path, name: str, m: ArgumentMap) -> str:
    path = tmp_path / f"{name}.aif.xml"
    argmap.write(m, path)
    return str(path)


def debate(src: Source, *, answered: bool = True) -> ArgumentMap:
    m = ArgumentMap(source=src)
    claim = m.add_claim(quote="Taxes should rise", id="claim")
    m.add_inference(m.add_evidence(quote="Pollution harms health", id="health"), claim,
                    scheme="Argument From Negative Consequences", id="ra")
    critics = m.add_claim(quote="Critics object", id="critics")
    m.add_conflict(critics, claim, id="ca1")
    if answered:
        m.add_conflict(m.add_claim(quote="Costs fall", id="costs"), critics, id="ca2")
    return m


def test_evaluate(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = saved(tmp_path, "debate", debate(Source(text=TEXT)))
    assert run(["evaluate", path]) == 0
    out = capsys.readouterr().out
    assert "grounded semantics" in out
    lines = {line.split()[1]: line.split()[0] for line in out.splitlines()[2:]}
    assert lines == {"claim": "IN", "health": "IN", "critics": "OUT", "costs": "IN"}
    assert "3 IN, 1 OUT, 0 UNDEC" in out

    assert run(["evaluate", path, "--semantics", "PR", "--ordering", "last-link"]) == 0
    out = capsys.readouterr().out
    assert "preferred semantics, last-link ordering" in out
    assert "1 preferred labelling(s)" in out


def test_evaluate_explains_a_node(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    m = debate(Source(text=TEXT), answered=False)
    path = saved(tmp_path, "debate", m)
    assert run(["evaluate", path, "--explain", "claim", "--explain", "critics"]) == 0
    out = capsys.readouterr().out
    assert "why claim is OUT: critics attacks ra through ca1" in out
    assert "why critics is IN: it is a premise" in out
    assert run(["evaluate", path, "--explain", "claim", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["method"] == "direct" and report["fallback"] is None
    assert report["explanations"]["claim"]["defeats"] == [["ca1", "critics", "ra"]]
    assert run(["evaluate", path, "--explain", "nowhere"]) == 1
    assert "not a proposition" in capsys.readouterr().err


def test_evaluate_reports_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["evaluate", str(tmp_path / "missing.aif.xml")]) == 3  # unreadable input
    err = capsys.readouterr().err
    assert err.startswith("argmap: error:")
    bad = tmp_path / "bad.aif.xml"
    bad.write_text("<not-aif/>", encoding="utf-8")
    assert run(["evaluate", str(bad)]) == 3
    assert "argmap: error:" in capsys.readouterr().err
    assert run(["evaluate", str(bad), "--from", "no-such-format"]) == 2
    assert "unknown format" in capsys.readouterr().err


def test_compare(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = Source(text=TEXT)
    a = saved(tmp_path, "a", debate(src))
    b = saved(tmp_path, "b", debate(src, answered=False))
    assert run(["compare", a, b]) == 0
    out = capsys.readouterr().out
    assert "segmentation: S =" in out
    assert "CASS =" in out
    assert "- A only: costs" in out

    assert run(["compare", a, a, "--no-diff"]) == 0
    out = capsys.readouterr().out
    assert "CASS = 1.000" in out
    assert "A only" not in out
    assert run(["compare", a, str(tmp_path / "nope.aif.xml")]) == 3  # unreadable input
    assert "argmap: error:" in capsys.readouterr().err


def test_lint(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = Source(text=TEXT)
    clean = saved(tmp_path, "clean", debate(src))
    assert run(["lint", clean]) == 0
    assert capsys.readouterr().out.strip() == "0 finding(s)"

    messy = debate(src, answered=False)
    messy.add_claim("A lonely claim", id="lonely")
    path = saved(tmp_path, "messy", messy)
    assert run(["lint", path]) == 1
    out = capsys.readouterr().out
    assert "[unsupported-claim]" in out and "lonely" in out
    assert "[undefended-attack]" in out
    assert "2 finding(s)" in out
    assert run(["lint", path, "--exit-zero"]) == 0
    capsys.readouterr()
    assert run(["lint", str(tmp_path / "nope.aif.xml")]) == 3  # unreadable input
    assert "argmap: error:" in capsys.readouterr().err


def test_evaluate_from_a_participants_perspective(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    m = debate(Source(text=TEXT), answered=False)
    author = m.add_participant(Participant(id="author", name="Author"))
    critic = m.add_participant(Participant(id="critic", name="Critic"))
    for who, node in ((author, "claim"), (author, "health"), (critic, "critics")):
        loc = m.add_locution(who, f"{who.name} says so")
        m.add_illocution(loc, node, "Asserting")
    path = saved(tmp_path, "debate", m)
    assert run(["evaluate", path]) == 0
    assert "OUT   claim" in capsys.readouterr().out
    assert run(["evaluate", path, "--perspective", "author"]) == 0
    out = capsys.readouterr().out
    assert "from author's perspective" in out
    lines = {line.split()[1]: line.split()[0] for line in out.splitlines()[2:]}
    assert lines == {"claim": "IN", "health": "IN", "critics": "UNDEC"}
    assert run(["evaluate", path, "--perspective", "nobody"]) == 1
    assert "not a participant" in capsys.readouterr().err
