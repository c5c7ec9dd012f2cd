"""Argdown source and its JSON export."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import argmap
from argmap.formats._argdown import read_argdown, read_argdown_json

GOLDEN = Path(__file__).parent / "golden" / "argdown"
CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpora" / "argdown"


def _text(m: argmap.ArgumentMap, ref: str) -> str:
    node = m.node(ref)
    assert isinstance(node, argmap.Claim)
    return node.text


def _relations(m: argmap.ArgumentMap) -> set[tuple[str, str, str]]:
    out: set[tuple[str, str, str]] = set()
    for node in m.nodes_of(argmap.Inference):
        concl = m.conclusion(node)
        assert concl is not None
        out.update(("RA", p.id, concl.id) for p in m.premises(node))
    for c in m.nodes_of(argmap.Conflict):
        attacker, target = m.attacker(c), m.target(c)
        assert attacker is not None and target is not None
        out.add(("CA", attacker.id, target.id))
    return out


def test_every_construct() -> None:
    m = argmap.read(GOLDEN / "constructs.argdown")
    assert m.extra["argdown:front-matter"] == {"title": "Constructs", "tags": ("demo",)}
    # As in Argdown, the last definition is the text; the earlier ones are members.
    assert _text(m, "[Legal]") == "Soft drugs should be legal."
    legal = m.node("[Legal]")
    assert legal.extra["argdown:members"] == ("Soft drugs should be legal. #pro",)
    assert legal.extra["argdown:tags"] == ("pro",)
    assert legal.extra["argdown:section"] == "Debate"
    assert m.node("<Freedom>").extra["argdown:tags"] == ("civil rights",)
    rels = _relations(m)
    # <Freedom> is reconstructed: what it supports, its main conclusion supports.
    assert ("RA", "[Untitled 2]", "[Legal]") in rels
    assert not any("<Freedom>" in (src, trg) for _, src, trg in rels)
    assert ("CA", "<Harm>", "[Legal]") in rels
    assert ("CA", "<Cost>", "[Legal]") in rels
    assert ("RA", "[Legal]", "[Tolerance]") in rels
    assert {("CA", "[Legal]", "[Ban]"), ("CA", "[Ban]", "[Legal]")} <= rels
    # The undercut targets <Harm>, which has no structure: its gist.
    assert ("CA", "<Rare>", "<Harm>") in rels
    first = m.node("<Freedom> inference 1")
    assert isinstance(first, argmap.Inference) and first.scheme == "Modus ponens"
    assert first.extra["argdown:data"] == {"uses": (1, 2)}
    assert [p.id for p in m.premises(first)] == ["[Liberty]", "[Untitled 1]"]
    second = m.node("<Freedom> inference 2")
    assert [p.id for p in m.premises(second)] == ["[Legal]"]
    concl = m.conclusion(second)
    assert concl is not None and concl.id == "[Untitled 2]"
    # <Harm> attacks [Legal] once, though stated twice.
    assert len([n for n in m.nodes_of(argmap.Conflict)
                if n.extra["argdown:relation"] == "attack"]) == 2
    assert m.validate() == []


def test_undercut_of_an_argument_with_structure_targets_its_inference() -> None:
    m = read_argdown("<A>: a.\n  <_ <U>: u.\n\n<A>\n\n(1) p\n--\n(2) q\n")
    target = m.target("undercut 1")
    assert target is not None and target.id == "<A> inference 1"
    assert m.conflict_kind("undercut 1") is argmap.ConflictKind.UNDERCUT


@pytest.mark.parametrize(("doc", "where", "message"), [
    ("[Open: text", ":1:1", "unclosed title"),
    ("[A]: a\n  +\n", ":2:3", "nothing after"),
    ("/* never closed", ":1:1", "not closed"),
    ("x\n\n  <!-- open", ":3:3", "not closed"),
    ("===\ntitle: x\n", ":1", "front matter"),
    ("===\ntitle: [x\n===\n", ":2:10", "not valid YAML"),
    ("[S]: s\n  _ <U>: u\n", ":2", "only arguments can be undercut"),
    ("<A>\n\n(1) p\n(2) q\n", ":4", "without a conclusion"),
    ("<A>\n\n(1) p\n--\nrule without end\n(2) q\n", ":4", "not closed by a line of dashes"),
    ("<A> text\n", ":1:4", "expected ':'"),
    ("<A>\n\n(1) p\n-- r {a: [} --\n(2) q\n", ":4", "not valid YAML"),
    ("+\n-\n", ":1:1", "no element above it"),
])
def test_errors_name_line_and_column(doc: str, where: str, message: str) -> None:
    with pytest.raises(argmap.ParseError, match=message) as info:
        read_argdown(doc, "doc.argdown")
    assert str(info.value).startswith(f"doc.argdown{where}")


def test_structure_right_after_the_title_and_without_title() -> None:
    m = read_argdown("<A>: gist.\n(1) p\n--\n(2) q\n\n[S]: s\n\n(1) r\n--\n(2) t\n")
    assert [p.id for p in m.premises("<A> inference 1")] == ["[Untitled 1]"]
    # A structure after a statement belongs to a new, untitled argument.
    assert [p.id for p in m.premises("<Untitled argument 1> inference 1")] == ["[Untitled 3]"]


def test_urls_are_not_comments() -> None:
    m = read_argdown("[L]: see https://example.org/x for more\n")
    assert _text(m, "[L]") == "see https://example.org/x for more"


def test_json_export_needs_its_shape() -> None:
    with pytest.raises(argmap.ParseError, match="not an Argdown JSON export"):
        read_argdown_json(b'{"nodes": []}')


@pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpora/argdown is absent")
@pytest.mark.parametrize("stem", ["argdown-primer", "legalisation-softdrugs"])
def test_source_and_json_export_agree(stem: str) -> None:
    source = argmap.read(CORPUS / f"{stem}.argdown")
    export = argmap.read(CORPUS / f"{stem}.json")
    assert set(source.nodes) == set(export.nodes)
    assert _relations(source) == _relations(export)
    doc = json.loads((CORPUS / f"{stem}.json").read_bytes())
    assert len(source.nodes_of(argmap.Claim)) == len(doc["statements"]) + len(doc["arguments"])


_TITLES = st.sampled_from(["Tax", "Harm", "Freedom", "Cost", "Ban", "Law"])
_OPS = st.sampled_from(["+", "-", "<+", "<-", "+>", "->"])


@st.composite
def _trees(draw: st.DrawFn) -> tuple[str, set[tuple[str, str, str]]]:
    """An Argdown document of nested relations, and the relations it states."""
    lines: list[str] = []
    expected: set[tuple[str, str, str]] = set()

    def element(kind: str, title: str, text: bool) -> tuple[str, str]:
        node = f"[{title}]" if kind == "s" else f"<{title}>"
        return (f"{node}: {title} matters." if text else node), node

    def grow(parent: str, indent: int, depth: int) -> None:
        for _ in range(draw(st.integers(0, 2 if depth < 3 else 0))):
            op = draw(_OPS)
            kind = draw(st.sampled_from(["s", "a"]))
            written, child = element(kind, draw(_TITLES), draw(st.booleans()))
            if child == parent:
                continue
            # Argdown needs no blank after the operator.
            lines.append(" " * indent + op + draw(st.sampled_from([" ", ""])) + written)
            into = op in ("+", "-", "<+", "<-")
            relation = "RA" if "+" in op else "CA"
            expected.add((relation, child, parent) if into else (relation, parent, child))
            grow(child, indent + 2, depth + 1)

    for _ in range(draw(st.integers(1, 3))):
        written, root = element(draw(st.sampled_from(["s", "a"])), draw(_TITLES), True)
        lines.append(written)
        grow(root, 2, 0)
        lines.append("")
    return "\n".join(lines) + "\n", expected


@given(_trees())
def test_nested_relations_read_as_written(doc: tuple[str, set[tuple[str, str, str]]]) -> None:
    text, expected = doc
    assert _relations(read_argdown(text)) == expected


def test_front_matter_aliases_and_size_are_refused() -> None:
    bomb = "===\na: &a [x, x]\nb: &b [*a, *a]\nc: [*b, *b]\n===\n\n[s]: text\n"
    with pytest.raises(argmap.ParseError, match="aliases are not allowed"):
        argmap.loads(bomb.encode(), "argdown")
    big = "===\nk: " + "v" * (70 * 1024) + "\n===\n\n[s]: text\n"
    with pytest.raises(argmap.ParseError, match="longer than"):
        argmap.loads(big.encode(), "argdown")


def test_operators_need_no_blank_after_them() -> None:
    m = read_argdown("[A]: a\n  +<B>: b\n  ->[C]: c\n  -[D]\n")
    assert _text(m, "[A]") == "a"
    assert _relations(m) == {("RA", "<B>", "[A]"), ("CA", "[A]", "[C]"), ("CA", "[D]", "[A]")}
    # A line of dashes is an inference line, never an attack by "-".
    m = read_argdown("<X>\n\n(1) p\n--\n(2) q\n")
    assert [(p.id, m.conclusion(i).id) for i in m.nodes_of(argmap.Inference)  # type: ignore
            for p in m.premises(i)] == [("[Untitled 1]", "[Untitled 2]")]


def test_escaped_characters_stand_for_themselves() -> None:
    m = read_argdown("[A]: \\[text\\] costs \\#5, #real\n")
    assert _text(m, "[A]") == "[text] costs #5, #real"
    assert m.node("[A]").extra["argdown:tags"] == ("real",)


def test_a_heading_runs_to_the_next_empty_line() -> None:
    m = read_argdown("# Relations between\nthe two hypotheses\n\n[A]: a\n")
    assert m.node("[A]").extra["argdown:section"] == "Relations between the two hypotheses"
    assert len(m.nodes) == 1


def test_list_items_are_statements_of_their_own() -> None:
    m = read_argdown("[A]: a\n\n  * first\n  * second\n    + reason\n\n  1. one\n  2. two\n")
    texts = sorted(n.text for n in m.nodes_of(argmap.Claim))
    assert texts == ["a", "first", "one", "reason", "second", "two"]
    ids = {n.text: n.id for n in m.nodes_of(argmap.Claim)}
    assert _relations(m) == {("RA", ids["reason"], ids["second"])}


def test_a_dedent_between_two_open_levels_returns_to_the_outer_one() -> None:
    # As Argdown's lexer: G's indentation (4) was never opened, so G is a sibling
    # of C (indented 2), a relation of A, not a child of C.
    doc = "[A]: a\n  - [C]: c\n      <+ [D]: d\n    -> [G]: g\n"
    assert _relations(read_argdown(doc)) == {
        ("CA", "[C]", "[A]"), ("RA", "[D]", "[C]"), ("CA", "[A]", "[G]")}


def test_include_directives_are_reported_not_read_as_text() -> None:
    m = read_argdown("@include(part1.argdown, part2.argdown)\n\n[A]: a\n")
    assert [n.id for n in m.nodes_of(argmap.Claim)] == ["[A]"]
    (problem,) = argmap.formats.format_problems(m)
    assert problem.code == "dangling-reference"
    assert "line 1: @include(part1.argdown, part2.argdown) is not read" in problem.message


def test_a_premise_listed_twice_is_one_premise() -> None:
    m = read_argdown("<Arg>\n\n(1) [P]: p\n(2) [Q]: q\n(3) [P]\n--\n(4) [C]: c\n")
    assert m.validate() == []
    inference = m.node("<Arg> inference 1")
    assert [p.id for p in m.premises(inference)] == ["[P]", "[Q]"]
    assert inference.extra["argdown:premises"] == ("[P]", "[Q]", "[P]")


def test_exports_of_argdown_before_1_0() -> None:
    # They say "type" where newer exports say "relationType", and "entails" for support.
    doc = {"arguments": {}, "statements": {
        "S1": {"title": "S1", "members": [{"text": "one"}]},
        "S2": {"title": "S2", "members": [{"text": "two"}]}},
        "relations": [
            {"type": "entails", "from": "S2", "fromType": "statement", "to": "S1",
             "toType": "statement"},
            {"type": "hinders", "from": "S1", "fromType": "statement", "to": "S2",
             "toType": "statement"}]}
    doc["arguments"] = {"A": {"title": "A", "pcs": [], "descriptions": [{"text": "Because."}]}}
    m = read_argdown_json(json.dumps(doc))
    assert _relations(m) == {("RA", "[S2]", "[S1]")}
    assert _text(m, "<A>") == "Because."  # arguments' texts were "descriptions" then
    (problem,) = argmap.formats.format_problems(m)
    assert problem.code == "malformed-record" and "hinders" in problem.message


def test_another_dialect_is_reported_not_read_silently() -> None:
    doc = "===\nparser:\n  syntax: argdown+\n===\n\n[S]: s\n  !> [Q]: q\n  + [R]: r\n"
    m = read_argdown(doc)
    assert _relations(m) == {("RA", "[R]", "[S]")}
    messages = [p.message for p in argmap.formats.format_problems(m)]
    assert messages[0].startswith("the front matter declares the syntax 'argdown+'")
    assert messages[1].startswith("line 7: '!>' is not an Argdown relation")


@pytest.mark.parametrize(("doc", "expected"), [
    # A line dedented between two open levels takes the outer level; the next line at
    # that level is its sibling, a deeper one its child (Argdown's indentation stack).
    ("[A]: a\n  + [B]: b\n      + [C]: c\n    + [D]: d\n  + [E]: e\n",
     {("RA", "[B]", "[A]"), ("RA", "[C]", "[B]"), ("RA", "[D]", "[A]"), ("RA", "[E]", "[A]")}),
    ("[A]: a\n  + [B]: b\n    + [X]: x\n        + [C]: c\n      + [D]: d\n    + [E]: e\n",
     {("RA", "[B]", "[A]"), ("RA", "[X]", "[B]"), ("RA", "[C]", "[X]"), ("RA", "[D]", "[B]"),
      ("RA", "[E]", "[B]")}),
    ("[A]\n  + [B]\n      + [C]\n    + [D]\n    + [E]\n",
     {("RA", "[B]", "[A]"), ("RA", "[C]", "[B]"), ("RA", "[D]", "[A]"), ("RA", "[E]", "[D]")}),
])
def test_indentation_levels_as_argdown_keeps_them(doc: str,
                                                  expected: set[tuple[str, str, str]]) -> None:
    assert _relations(read_argdown(doc)) == expected


def test_what_ends_headings_lists_and_structures() -> None:
    # A definition right under a heading ends the heading.
    m = read_argdown("# Section\n[A]: text\n  + [B]: b\n")
    assert m.node("[A]").extra["argdown:section"] == "Section"
    assert _relations(m) == {("RA", "[B]", "[A]")}
    # A list marker on a statement's next line is that statement's text.
    m = read_argdown("[A]: Prices rose sharply in\n  2020. It was bad.\n")
    assert _text(m, "[A]") == "Prices rose sharply in 2020. It was bad."
    # After a premise-conclusion structure, a list and an @include are what they are.
    pcs = "<X>\n\n(1) [P]: p\n----\n(2) [Q]: q\n\n"
    m = read_argdown(pcs + "  * item one\n  * item two\n")
    assert {n.text for n in m.nodes_of(argmap.Claim)} == {"X", "p", "q", "item one", "item two"}
    m = read_argdown(pcs + "@include(other.argdown)\n")
    assert [p.code for p in argmap.formats.format_problems(m)] == ["dangling-reference"]
    # A backslash before a blank (or the line's end) escapes nothing.
    assert _text(read_argdown("[A]: ends \\\nnext\n"), "[A]") == "ends \\ next"


def test_a_reconstructed_arguments_relations_are_its_main_conclusions() -> None:
    # Argdown's model: what a reconstructed argument supports, its main conclusion
    # supports, so the same relation stated on both is one relation.
    doc = ("[A]: a\n  + <Arg>\n\n<Arg>\n\n(1) [P]: p\n(2) [Q]: q\n----\n(3) [B]: b\n"
           "  +> [A]\n")
    m = read_argdown(doc)
    assert _relations(m) == {("RA", "[P]", "[B]"), ("RA", "[Q]", "[B]"), ("RA", "[B]", "[A]")}
    # So the support stands or falls with the argument's premises.
    m = read_argdown(doc + "\n[P]\n  - [X]: x\n")
    assert argmap.evaluate(m).status("[A]") is not argmap.reasoning.Status.IN


def test_the_last_definition_of_a_statement_is_its_text() -> None:
    m = read_argdown("[Test]: Hello Earth!\n\n[Test]: Hello _World_!\n")
    assert _text(m, "[Test]") == "Hello _World_!"
    assert m.node("[Test]").extra["argdown:members"] == ("Hello Earth!",)


def test_undercuts_from_and_to_reconstructed_arguments() -> None:
    # From a reconstructed argument: its main conclusion undercuts, as in Argdown.
    m = read_argdown("<A>\n  _> <X>\n\n<A>\n\n(1) p\n----\n(2) [c]: c\n\n"
                     "<X>\n\n(1) q\n----\n(2) r\n")
    undercut = m.node("undercut 1")
    assert m.attacker(undercut) == m.node("[c]")
    assert m.target(undercut) == m.node("<X> inference 1")
    # Argdown 2 exports a relation to a reconstructed argument as one to its inference.
    doc = {"arguments": {"U": {"pcs": [{"title": "P", "text": "p"},
                                       {"title": "C", "text": "c",
                                        "inference": {"inferenceRules": []}}]}},
           "statements": {"A": {"members": [{"text": "a"}]}},
           "relations": [{"relationType": "undercut", "from": "A",
                          "fromType": "equivalence-class", "to": "U", "toType": "inference"}]}
    m = read_argdown_json(json.dumps(doc))
    undercut = m.node("undercut 1")
    assert m.target(undercut) == m.node("<U> inference 1")
