"""Pictures: DOT export (always) and SVG/PNG rendering (where a Graphviz engine exists)."""

from __future__ import annotations

import itertools
import os
import re
import stat
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

import argmap
from argmap import ArgumentMap, EvidenceType, RenderError, Source, render
from argmap.view import render_dot, to_dot


def _engine() -> str | None:
    try:
        return argmap.view.dot_engine()
    except RenderError:  # ARGMAP_DOT names something that is not there
        return None


ENGINE = _engine()
needs_engine = pytest.mark.skipif(
    ENGINE is None,
    reason="no Graphviz engine: install argmap[render] (graphviz-pure) or the graphviz package",
)
posix_only = pytest.mark.skipif(os.name == "nt", reason="fake engines are POSIX shell scripts")

SVG = "{http://www.w3.org/2000/svg}"


# ------------------------------------------------------------------ a DOT parser
_TOKEN = re.compile(
    r"""\s*(?:
        (?P<arrow>->)
      | (?P<punct>[{}\[\];,=])
      | (?P<quoted>"(?:[^"\\]|\\.)*")
      | (?P<id>[A-Za-z_\x80-\uffff][A-Za-z_0-9\x80-\uffff]*|-?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?))
      | (?P<html><)
    )""",
    re.VERBOSE | re.DOTALL,
)


def _tokens(text: str) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    pos = 0
    while pos < len(text):
        if text[pos:].strip() == "":
            break
        match = _TOKEN.match(text, pos)
        assert match is not None, f"bad DOT at {pos}: {text[pos:pos + 40]!r}"
        kind = match.lastgroup or ""
        if kind == "html":
            depth, end = 0, match.start("html")
            while True:
                char = text[end]
                depth += {"<": 1, ">": -1}.get(char, 0)
                end += 1
                if depth == 0:
                    break
            out.append(("html", text[match.start("html") + 1 : end - 1]))
            pos = end
            continue
        value = match.group(kind)
        if kind == "quoted":
            value = re.sub(r'\\(["\\])', r"\1", value[1:-1])
        out.append((kind, value))
        pos = match.end()
    return out


def parse_dot(text: str) -> tuple[dict[str, dict[str, str]], list[tuple[str, str, dict[str, str]]]]:
    """Parse the DOT grammar (digraph, attribute/node/edge statements); fail on anything else."""
    toks = _tokens(text)
    i = 0

    def take(kind: str | None = None, value: str | None = None) -> tuple[str, str]:
        nonlocal i
        assert i < len(toks), "unexpected end of DOT"
        tok = toks[i]
        assert kind is None or tok[0] == kind, f"expected {kind}, got {tok}"
        assert value is None or tok[1] == value, f"expected {value!r}, got {tok}"
        i += 1
        return tok

    def is_id(tok: tuple[str, str]) -> bool:
        return tok[0] in ("id", "quoted", "html")

    def attrs() -> dict[str, str]:
        nonlocal i
        out: dict[str, str] = {}
        while toks[i][1] == "[" and toks[i][0] == "punct":
            take("punct", "[")
            while toks[i] != ("punct", "]"):
                key = take()
                assert is_id(key), key
                take("punct", "=")
                val = take()
                assert is_id(val), val
                out[key[1]] = val[1]
                if toks[i] in (("punct", ","), ("punct", ";")):
                    i += 1
            take("punct", "]")
        return out

    assert take("id")[1].lower() == "digraph"
    if is_id(toks[i]):
        i += 1
    take("punct", "{")
    nodes: dict[str, dict[str, str]] = {}
    edges: list[tuple[str, str, dict[str, str]]] = []
    while toks[i] != ("punct", "}"):
        first = take()
        assert is_id(first), first
        if first[1].lower() in ("graph", "node", "edge") and toks[i] == ("punct", "["):
            attrs()
        elif toks[i] == ("punct", "="):
            take("punct", "=")
            assert is_id(take())
        elif toks[i][0] == "arrow":
            chain = [first[1]]
            while toks[i][0] == "arrow":
                i += 1
                nxt = take()
                assert is_id(nxt), nxt
                chain.append(nxt[1])
            edge_attrs = attrs()
            edges.extend((a, b, edge_attrs) for a, b in itertools.pairwise(chain))
        else:
            nodes.setdefault(first[1], {}).update(attrs())
        if toks[i] == ("punct", ";"):
            i += 1
    take("punct", "}")
    assert i == len(toks), "text after the closing brace"
    for a, b, _ in edges:
        assert a in nodes and b in nodes, f"edge {a} -> {b} between undeclared nodes"
    return nodes, edges


def html_text(label: str) -> str:
    """The text of an HTML-like label; fails unless it is well-formed markup."""
    root = etree.fromstring(f"<x>{label.replace('<br/>', chr(10))}</x>".encode())
    return "".join(root.itertext())


def drawn(dot: str) -> dict[str, dict[str, str]]:
    """Drawn nodes by their argmap id (from the ``id`` attribute)."""
    nodes, _ = parse_dot(dot)
    return {a["id"].removeprefix("argmap-"): a for a in nodes.values() if "id" in a}


# ------------------------------------------------------------------------ fixtures
TEXT = (
    "We should tax sugar. Sugar causes obesity, a study of 3,000 children found. "
    "Critics say taxes hurt the poor. It may be a coincidence. "
    'A "quoted" word & <markup> \\N stays text.'
)


def sample() -> ArgumentMap:
    """A map with every node kind, reported speech, a concession and an undercut."""
    m = ArgumentMap(source=Source(text=TEXT, title="Sugar", author="A. Writer"))
    author = m.add_speaker("A. Writer")
    critic = m.add_speaker("Critics")
    claim = m.add_claim(quote="We should tax sugar", id="claim")
    study = m.add_evidence(quote="Sugar causes obesity", evidence_type=EvidenceType.STATISTICS,
                           id="study")
    warrant = m.add_claim("Harmful products should be taxed.", implicit=True, id="warrant")
    ra = m.add_inference([study, warrant], claim, scheme="Argument From Consequences", id="ra")
    hurt = m.add_claim(quote="taxes hurt the poor", id="hurt")
    m.add_conflict(hurt, claim, id="rebut")
    coincidence = m.add_claim(quote="It may be a coincidence", id="coincidence")
    m.add_conflict(coincidence, ra, id="undercut")
    odd = m.add_claim(quote='A "quoted" word & <markup> \\N stays text.', id="odd")
    single = m.add_inference([odd], study, scheme="Argument From Sign", id="single")
    m.add_rephrase(study, m.add_claim("Sugar makes children fat.", implicit=True, id="reph"))
    m.add_preference(claim, hurt, id="pref")
    report = m.add_locution(author, quote="Critics say taxes hurt the poor", id="report")
    said = m.add_locution(critic, "taxes hurt the poor", id="said")
    m.add_report(report, said)
    m.add_illocution(said, hurt, id="said_ya")
    own = m.add_locution(author, quote="It may be a coincidence", id="own")
    m.add_illocution(own, coincidence, "Conceding", id="own_ya")
    first = m.add_locution(author, quote="We should tax sugar", id="first")
    second = m.add_locution(author, quote="Sugar causes obesity", id="second")
    ta = m.add_transition(first, second, id="ta")
    m.add_illocution(ta, ra, "Arguing", id="arguing")
    del single
    return m


# ------------------------------------------------------------------------- to_dot
def test_dot_is_deterministic_and_parses() -> None:
    first, second = to_dot(sample()), to_dot(sample())
    assert first == second
    assert first.endswith("}\n")
    nodes, edges = parse_dot(first)
    m = sample()
    assert len([n for n in nodes.values() if "id" in n]) == len(m)
    assert len(edges) == len(m.edges)


def test_full_view_styles_every_kind() -> None:
    nodes = drawn(to_dot(sample(), dialogue="full"))
    assert nodes["claim"]["shape"] == "box" and "rounded" in nodes["claim"]["style"]
    assert "dashed" in nodes["warrant"]["style"]
    assert "implicit premise" in html_text(nodes["warrant"]["label"])
    assert "evidence: statistics" in html_text(nodes["study"]["label"])
    assert nodes["study"]["fillcolor"] != nodes["claim"]["fillcolor"]
    shapes = {k: nodes[k]["shape"] for k in ("ra", "rebut", "pref", "ta", "said_ya")}
    assert shapes == {"ra": "ellipse", "rebut": "hexagon", "pref": "diamond",
                      "ta": "trapezium", "said_ya": "invtrapezium"}
    assert "Consequences" in html_text(nodes["ra"]["label"])
    assert "undercut" in html_text(nodes["undercut"]["label"])
    assert "rebut" in html_text(nodes["rebut"]["label"])
    said = html_text(nodes["said"]["label"])
    assert said.startswith("Critics") and "taxes hurt the poor" in said
    assert nodes["said"]["shape"] == "note"
    assert "main claim" in html_text(nodes["claim"]["label"])


def test_edge_styles_distinguish_support_attack_preference_and_speech() -> None:
    dot = to_dot(sample(), dialogue="full")
    nodes, edges = parse_dot(dot)
    by_id = {a["id"].removeprefix("argmap-"): k for k, a in nodes.items() if "id" in a}

    def style(a: str, b: str) -> dict[str, str]:
        [found] = [e for t, h, e in edges if t == by_id[a] and h == by_id[b]]
        return found

    support, attack = style("study", "ra"), style("hurt", "rebut")
    preference, speech = style("claim", "pref"), style("said", "said_ya")
    assert support["color"] != attack["color"]
    assert preference.get("style") == "dashed"
    assert speech.get("style") == "dotted"


def test_labels_are_escaped_and_wrapped() -> None:
    odd = 'A "quoted" word & <markup> \\N stays text.'
    nodes = drawn(to_dot(sample(), wrap=12))
    lines = html_text(nodes["odd"]["label"]).split("\n")
    assert " ".join(lines) == odd
    assert all(len(line) <= 12 for line in lines)
    assert nodes["odd"]["label"].count("<br/>") >= 3
    # The tooltip is a quoted string whose escString reading is the node's text.
    assert nodes["odd"]["tooltip"] == f"I odd: {odd}"


def test_long_labels_are_cut_but_the_tooltip_keeps_everything() -> None:
    long = "word " * 200
    m = ArgumentMap(source=Source(text=long))
    m.add_claim(quote=long.strip(), id="long")
    node = drawn(to_dot(m, wrap=20, max_lines=3))["long"]
    assert node["label"].count("<br/>") == 2
    assert html_text(node["label"]).endswith("…")
    assert node["tooltip"].count("word") == 200
    uncut = drawn(to_dot(m, wrap=20, max_lines=None))["long"]
    assert uncut["label"].count("<br/>") > 40


def test_compact_view_folds_the_dialogue_layer() -> None:
    dot = to_dot(sample(), dialogue="compact")
    nodes = drawn(dot)
    # The author's own locutions, illocutions and transitions are folded away ...
    for gone in ("report", "own", "first", "second", "ta", "said_ya", "own_ya", "arguing"):
        assert gone not in nodes, gone
    # ... reported speech stays, with its force on the edge ...
    assert "said" in nodes
    _, edges = parse_dot(dot)
    ids = {a["id"].removeprefix("argmap-"): k for k, a in parse_dot(dot)[0].items() if "id" in a}
    [speech] = [e for t, h, e in edges if t == ids["said"] and h == ids["hurt"]]
    assert speech["label"] == "asserting"
    # ... a concession is captioned, and the inference says who argued it.
    assert "conceding" in html_text(nodes["coincidence"]["label"])
    assert "argued by A. Writer" in html_text(nodes["ra"]["label"])


def test_argument_view_keeps_only_argumentative_locutions() -> None:
    m = sample()
    extra = m.add_locution(m.participants["p2"], "sugar is fine", id="premise_loc")
    m.add_inference([extra], m.node("hurt"), id="from_speech")
    nodes = drawn(to_dot(m, dialogue="argument"))
    assert "premise_loc" in nodes
    assert "said" not in nodes and "report" not in nodes
    assert not any(k in nodes for k in ("ta", "said_ya", "own_ya"))


def test_fold_draws_single_premise_inferences_and_conflicts_as_labelled_edges() -> None:
    dot = to_dot(sample(), dialogue="compact", fold=True)
    nodes, edges = parse_dot(dot)
    ids = {a["id"].removeprefix("argmap-"): k for k, a in nodes.items() if "id" in a}
    assert "single" not in ids and "rebut" not in ids
    assert "ra" in ids and "undercut" not in ids  # linked stays; its undercut becomes an edge
    labels = {(t, h): e.get("label") for t, h, e in edges}
    assert labels[(ids["odd"], ids["study"])] == "Sign"
    assert labels[(ids["hurt"], ids["claim"])] == "rebut"
    assert labels[(ids["coincidence"], ids["ra"])] == "undercut"
    assert "pref" in ids  # preferences are never folded


def test_stack_puts_separate_arguments_one_after_another() -> None:
    m = sample()
    lonely = m.add_claim("An unrelated claim.", id="lonely")
    m.add_inference([m.add_claim("Its reason.", id="reason")], lonely, id="lonely_ra")
    plain = to_dot(m)
    stacked = to_dot(m, stack=True, legend=True)
    assert "stack" not in plain
    nodes, edges = parse_dot(stacked)
    spacers = [k for k in nodes if k.startswith("stack")]
    assert len(spacers) == 2  # main part | lonely part | key
    assert all(nodes[k]["style"] == "invis" for k in spacers)
    invisible = [e for e in edges if e[2].get("style") == "invis"]
    assert invisible and all(e[2]["weight"] == "0" for e in invisible)


def test_stagger_spreads_leaves_over_rows() -> None:
    dot = to_dot(sample(), stagger=3)
    minlens = {e.get("minlen") for _, _, e in parse_dot(dot)[1]}
    assert {"2", "3"} <= minlens
    assert "minlen" not in to_dot(sample())


def test_title_and_legend() -> None:
    dot = to_dot(sample(), legend=True)
    assert 'label="Sugar — A. Writer"' in dot
    assert "legend" in parse_dot(dot)[0]
    assert 'label="Custom"' in to_dot(sample(), title="Custom")
    assert "labelloc" not in to_dot(sample(), title=False)


@pytest.mark.parametrize(
    ("options", "message"),
    [({"dialogue": "some"}, "dialogue"), ({"wrap": 3}, "wrap"), ({"stagger": 0}, "stagger")],
)
def test_bad_options_raise_render_error(options: dict[str, object], message: str) -> None:
    with pytest.raises(RenderError, match=message):
        to_dot(sample(), **options)  # type: ignore[arg-type]


@settings(max_examples=40, deadline=None)
@given(st.text(st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=80))
def test_any_text_gives_parseable_dot(text: str) -> None:
    m = ArgumentMap()
    a = m.add_claim(text, id="a")
    b = m.add_claim(text[::-1] or "x", id="b")
    m.add_inference([a], b, scheme=text)
    speaker = m.add_speaker(text)
    m.add_illocution(m.add_locution(speaker, text), a)
    for view in ("full", "compact"):
        nodes = drawn(to_dot(m, dialogue=view, max_lines=None))
        label = html_text(nodes["a"]["label"])
        assert "".join(label.split()) == "".join(text.split())
        assert nodes["a"]["tooltip"] == f"I a: {text}"


# ------------------------------------------------------------------------ engines
def test_dot_files_need_no_engine(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ARGMAP_DOT", str(tmp_path / "missing"))
    out = render(sample(), tmp_path / "map.gv")
    assert out.read_text(encoding="utf-8") == to_dot(sample())


def test_unknown_format_is_refused(tmp_path: Path) -> None:
    with pytest.raises(RenderError, match="picture format"):
        render(sample(), tmp_path / "map.bmp")
    assert not (tmp_path / "map.bmp").exists()


def test_named_engine_that_does_not_exist_is_an_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with pytest.raises(RenderError, match="engine argument"):
        argmap.view.dot_engine(tmp_path / "no-such-dot")
    monkeypatch.setenv("ARGMAP_DOT", "no-such-dot-engine")
    with pytest.raises(RenderError, match="ARGMAP_DOT"):
        argmap.view.dot_engine()


def test_no_engine_at_all(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("ARGMAP_DOT", raising=False)
    monkeypatch.setenv("PATH", str(tmp_path))
    monkeypatch.setattr(sys, "executable", str(tmp_path / "python"))
    assert argmap.view.dot_engine() is None
    with pytest.raises(RenderError, match="no Graphviz engine found"):
        render_dot("digraph {}", "svg")


def _fake_engine(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "fake-dot"
    path.write_text("#!/bin/sh\n" + body + "\n", encoding="utf-8")
    path.chmod(path.stat().st_mode | stat.S_IXUSR)
    return path


@posix_only
def test_engine_failure_is_reported_and_leaves_the_old_file(tmp_path: Path) -> None:
    engine = _fake_engine(tmp_path, 'echo "Error: syntax error in line 1" >&2\nexit 3')
    target = tmp_path / "map.svg"
    target.write_text("old", encoding="utf-8")
    with pytest.raises(RenderError, match=r"exit status 3: Error: syntax error in line 1"):
        render(sample(), target, engine=engine)
    assert target.read_text(encoding="utf-8") == "old"


@posix_only
def test_engine_writing_nothing_is_an_error(tmp_path: Path) -> None:
    engine = _fake_engine(tmp_path, "cat > /dev/null\nexit 0")
    with pytest.raises(RenderError, match="wrote no output"):
        render_dot("digraph {}", "png", engine=engine)


@posix_only
def test_env_var_picks_the_engine_and_warnings_are_dropped(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    engine = _fake_engine(
        tmp_path,
        'echo "Warning: no value for width of non-ASCII character 226" >&2\n'
        'echo "$1"\ncat',
    )
    monkeypatch.setenv("ARGMAP_DOT", str(engine))
    assert argmap.view.dot_engine() == str(engine)
    out = render_dot("digraph { a }", "SVG")
    assert out == b"-Tsvg\ndigraph { a }"


@needs_engine
def test_svg_has_every_drawn_node_and_the_engine_accepts_the_dot() -> None:
    m = sample()
    for view in ("full", "compact"):
        dot = to_dot(m, dialogue=view, legend=True, fold=True, stack=True)
        svg = etree.fromstring(render_dot(dot, "svg"))
        groups = svg.findall(f".//{SVG}g[@class='node']")
        ids = {g.get("id") for g in groups}
        assert {f"argmap-{k}" for k in drawn(dot)} <= ids
        titles = "".join(svg.itertext())
        assert "We should tax sugar" in titles


@needs_engine
def test_render_png_and_svg_files(tmp_path: Path) -> None:
    png = render(sample(), tmp_path / "map.png", dialogue="compact")
    assert png.read_bytes().startswith(b"\x89PNG\r\n\x1a\n")
    svg = render(sample(), tmp_path / "map.svg")
    assert b"<svg" in svg.read_bytes()
    jpeg = render(sample(), tmp_path / "map.out", format="jpg")
    assert jpeg.read_bytes().startswith(b"\xff\xd8")


@needs_engine
def test_engine_rejects_bad_dot_with_a_render_error() -> None:
    with pytest.raises(RenderError, match="failed"):
        render_dot("digraph { a -> }", "svg")
