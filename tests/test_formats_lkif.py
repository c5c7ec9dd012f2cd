"""LKIF and CAF: DOCTYPE refusals, trust_dtd, ids repeated in graphs, both LKIF 2 layouts."""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import argmap
from argmap import Claim, UnsafeInputError
from argmap.formats._dtdsubset import MAX_REFERENCES, check_doctype, trusting_dtd

GOLDEN = Path(__file__).parent / "golden" / "formats"

_BODY = (b'<lkif><argument-graphs><argument-graph id="g"><statements>'
         b'<statement id="s1"><s>%s</s></statement></statements></argument-graph>'
         b'</argument-graphs></lkif>')


def _lkif(subset: bytes, text: bytes = b"&e;") -> bytes:
    return b"<?xml version='1.0'?>\n<!DOCTYPE lkif [\n" + subset + b"\n]>\n" + _BODY % text


def test_entities_are_refused_by_default_naming_line_and_declaration() -> None:
    with pytest.raises(UnsafeInputError) as caught:
        argmap.read(GOLDEN / "lkif_entities.xml")
    assert caught.value.line == 5
    assert '<!ENTITY bird "Tweety is a bird">' in str(caught.value)
    assert "trust_dtd=True" in str(caught.value)


def test_trust_dtd_expands_internal_general_entities() -> None:
    m = argmap.read(GOLDEN / "lkif_entities.xml", trust_dtd=True)
    assert m.nodes["s1"].text == "Tweety is a bird and can fly."  # type: ignore[union-attr]
    assert m.nodes["s2"].text == "Tweety is a bird."  # type: ignore[union-attr]
    # Opting in is per call.
    with pytest.raises(UnsafeInputError):
        argmap.read(GOLDEN / "lkif_entities.xml")


@pytest.mark.parametrize(("subset", "why"), [
    (b'<!ENTITY % p "x">', "parameter entities"),
    (b'<!ENTITY e SYSTEM "file:///etc/passwd">', "external entities"),
    (b'<!ENTITY e PUBLIC "-//x" "http://example.org/x">', "external entities"),
    (b'<!ENTITY e "&e;">', "refers to itself"),
    (b'<!ENTITY a "&b;"><!ENTITY b "&a;"><!ENTITY e "&a;">', "refers to itself"),
])
def test_trust_dtd_still_refuses(subset: bytes, why: str) -> None:
    with pytest.raises(UnsafeInputError, match=why) as caught:
        argmap.loads(_lkif(subset), "lkif", trust_dtd=True)
    assert caught.value.line is not None and caught.value.line >= 3


def test_expansion_is_bounded() -> None:
    # A "billion laughs": each level multiplies the references by ten.
    subset = b'<!ENTITY l0 "ha">' + b"".join(
        b'<!ENTITY l%d "%s">' % (i, b"".join(b"&l%d;" % (i - 1) for _ in range(10)))
        for i in range(1, 9))
    with pytest.raises(UnsafeInputError, match=f"more than {MAX_REFERENCES}|exceed"):
        argmap.loads(_lkif(subset, b"&l8;"), "lkif", trust_dtd=True)


def test_cdata_and_comments_are_not_expanded() -> None:
    data = _lkif(b'<!ENTITY e "x">', b"<![CDATA[&e;]]>&e;<!-- &e; -->")
    m = argmap.loads(data, "lkif", trust_dtd=True)
    assert m.nodes["s1"].text == "&e;x"  # type: ignore[union-attr]


def test_bare_doctype_line_is_named() -> None:
    data = b"<?xml version='1.0'?>\n\n<!DOCTYPE lkif SYSTEM 'lkif.dtd'>\n" + _BODY % b"x"
    with pytest.raises(UnsafeInputError, match="DOCTYPE declaration is not allowed") as caught:
        argmap.loads(data, "lkif")
    assert caught.value.line == 3


def test_internal_subset_without_entities_is_named() -> None:
    with pytest.raises(UnsafeInputError, match="<!ELEMENT lkif ANY>") as caught:
        argmap.loads(_lkif(b"<!ELEMENT lkif ANY>", b"x"), "lkif")
    assert caught.value.line == 3
    m = argmap.loads(_lkif(b"<!ELEMENT lkif ANY>", b"x"), "lkif", trust_dtd=True)
    assert m.nodes["s1"].text == "x"  # type: ignore[union-attr]


@given(st.text(alphabet="abc <>&;\"'", max_size=30))
def test_property_check_doctype_never_crashes(tail: str) -> None:
    data = b"<!DOCTYPE x [" + tail.encode() + b"]><x/>"
    for trust in (False, True):
        with trusting_dtd(trust), contextlib.suppress(UnsafeInputError):
            check_doctype(data, "t")


def test_ids_repeated_across_graphs_get_scoped_ids() -> None:
    m = argmap.read(GOLDEN / "lkif_repeated_ids.xml", "lkif")
    assert m.nodes["s1"].text == "A"  # type: ignore[union-attr]
    second = m.nodes["g2/s1"]
    assert isinstance(second, Claim) and second.text == "C"
    assert second.extra["lkif:id"] == "s1"
    # The second graph's argument joins the second graph's statements.
    assert m.conclusion("g2/a1") == second
    assert m.premises("g2/a1") == (m.nodes["g2/s2"],)
    # A repeat inside one graph is kept and reported.
    assert [p.code for p in m.validate()] == ["duplicate-id"]
    with pytest.raises(argmap.ValidationError):
        argmap.read(GOLDEN / "lkif_repeated_ids.xml", "lkif", strict=True)


def test_cli_trust_dtd() -> None:
    import subprocess
    import sys
    path = str(GOLDEN / "lkif_entities.xml")
    refused = subprocess.run([sys.executable, "-m", "argmap", "info", path],
                             capture_output=True, check=False)
    assert refused.returncode == 3 and b":5: the DOCTYPE declares an entity" in refused.stderr
    trusted = subprocess.run([sys.executable, "-m", "argmap", "--trust-dtd", "info", path],
                             capture_output=True, check=False)
    assert trusted.returncode == 0, trusted.stderr


# The layout the Carneades editor saved (LKIF 2.0): the argument graph directly in
# <lkif>, formulas directly in <statements>, issues and strengths, and exception
# premises flagged by a boolean attribute.
_EDITOR = b"""<?xml version="1.0"?>
<lkif>
  <argument-graph id="G">
    <issues>
      <issue statement="mortal" value="unknown" assumption="false" standard="BA"/>
      <issue statement="nowhere" value="true"/>
    </issues>
    <strengths><stronger arg1="a2" arg2="a1"/></strengths>
    <statements>
      <s id="mortal">Socrates is mortal.</s>
      <s id="human" pred="human"><c>Socrates</c> is human.</s>
      <s id="ape">Socrates is an ape.</s>
      <s id="bad">Socrates is bad.</s>
    </statements>
    <arguments>
      <argument id="a1" direction="pro">
        <conclusion statement="mortal"/>
        <premises>
          <premise statement="human" exception="false" polarity="positive"/>
          <premise statement="ape" exception="true" polarity="positive"/>
        </premises>
      </argument>
      <argument id="a2" direction="con">
        <conclusion statement="mortal"/>
        <premises><premise statement="bad"/></premises>
      </argument>
    </arguments>
    <notes>kept</notes>
  </argument-graph>
</lkif>"""


def test_the_editor_layout_is_read_whole() -> None:
    m = argmap.loads(_EDITOR, "lkif")
    claims = {n.id for n in m.nodes.values() if isinstance(n, Claim) and not n.implicit}
    assert claims == {"mortal", "human", "ape", "bad"}
    # The exception premise attacks the argument (an undercut); it does not support it.
    assert m.premises("a1") == (m.nodes["human"],)
    exception = m.nodes["a1#exception1"]
    assert exception.kind is argmap.NodeKind.CA
    assert m.predecessors(exception) == (m.nodes["ape"],)
    assert m.successors(exception) == (m.nodes["a1"],)
    assert m.conflict_kind(exception) == "undercut"
    # The issue's status, the formula's markup (with the words between its parts).
    assert m.nodes["mortal"].extra["lkif:issue"] == {
        "value": "unknown", "assumption": "false", "standard": "BA"}
    formula: Any = m.nodes["human"].extra["lkif:formula"]
    assert formula["attributes"] == {"id": "human", "pred": "human"}
    assert formula["children"][0]["tail"] == " is human."
    assert m.nodes["human"].text == "Socrates is human."  # type: ignore[union-attr]
    assert "lkif:formula" not in m.nodes["mortal"].extra
    # <stronger arg1 arg2>: a preference of a2 over a1.
    (pa,) = [n for n in m.nodes.values() if n.kind is argmap.NodeKind.PA]
    assert m.preferred(pa) == m.nodes["a2"] and m.dispreferred(pa) == m.nodes["a1"]
    # What is not read is kept and reported: an issue for no statement, an unknown part.
    assert sorted(p.code for p in argmap.formats.format_problems(m)) == [
        "dangling-reference", "malformed-record"]


def test_an_exception_premise_defeats_the_argument_under_evaluation() -> None:
    m = argmap.loads(_EDITOR.replace(b'<premise statement="bad"/>',
                                     b'<premise statement="bad" polarity="negative"/>'), "lkif")
    ev = argmap.evaluate(m)
    assert ev.status("ape") is argmap.reasoning.Status.IN
    # a1 is undercut by the accepted exception, so it cannot make "mortal" IN.
    assert ev.status("mortal") is not argmap.reasoning.Status.IN


@pytest.mark.parametrize(("old", "new", "message"), [
    (b'exception="true"', b'exception="yes"', "exception='yes' is not true or false"),
    (b'polarity="positive"/>\n        </premises>', b'polarity="plus"/>\n        </premises>',
     "polarity='plus' is not one of positive, negative"),
    (b'direction="con"', b'direction="contra"', "direction='contra' is not one of pro, con"),
    (b'statement="ape" exception="true"', b'statement="ape" type="ordinary" exception="true"',
     "type='ordinary' contradicts exception='true'"),
    (b'arg1="a2"', b'arg1="a9"', "<stronger> arg1='a9' is not an argument of its graph"),
])
def test_values_lkif_does_not_allow_are_errors_with_their_line(old: bytes, new: bytes,
                                                              message: str) -> None:
    data = _EDITOR.replace(old, new)
    assert data != _EDITOR
    line = data[:data.index(new)].count(b"\n") + 1
    with pytest.raises(argmap.ParseError, match=message) as caught:
        argmap.loads(data, "lkif", name="g.lkif")
    assert caught.value.line == line and caught.value.source == "g.lkif"


def test_lkif_2_1_exception_type_and_repeated_issue() -> None:
    data = (b'<lkif><argument-graphs><argument-graph id="g">'
            b'<issues><issue statement="p"/><issue statement="p" value="true"/></issues>'
            b'<statements><statement id="p"><s>P</s></statement>'
            b'<statement id="q"><not><s>Q</s></not></statement></statements>'
            b'<arguments><argument id="a"><conclusion statement="p"/><premises>'
            b'<premise statement="q" type="exception"/></premises></argument></arguments>'
            b'</argument-graph></argument-graphs></lkif>')
    m = argmap.loads(data, "lkif")
    assert m.nodes["a#exception1"].kind is argmap.NodeKind.CA
    assert m.nodes["q"].text == "It is not the case that: Q"  # type: ignore[union-attr]
    formula: Any = m.nodes["q"].extra["lkif:formula"]
    assert formula["tag"] == "not"
    assert [p.code for p in argmap.formats.format_problems(m)] == ["repeated-record"]


def test_element_json_keeps_the_words_of_mixed_content_only() -> None:
    from lxml import etree

    from argmap.formats._carneades import element_json
    mixed = element_json(etree.fromstring(b"<s>a <c>B</c> c<!-- x --> d <v>E</v></s>"))
    assert mixed["text"] == "a " and [c.get("tail") for c in mixed["children"]] == [" c d ", None]
    layout = element_json(etree.fromstring(b"<r>\n  <a>x</a>\n  <b/>\n</r>"))
    assert all("tail" not in c for c in layout["children"])


def test_caf_booleans_are_read_as_xsd_booleans() -> None:
    data = (b'<caf><statements><statement id="s"><descriptions><description lang="en">S'
            b'</description></descriptions></statement><statement id="t"><descriptions>'
            b'<description lang="en">T</description></descriptions></statement></statements>'
            b'<arguments><argument id="a" pro="1"><conclusion statement="s"/><premises>'
            b'<premise statement="t" positive="0"/></premises></argument></arguments></caf>')
    m = argmap.loads(data, "caf")
    assert m.premises("a") == (m.nodes["t#not"],)
    assert m.conclusion("a") == m.nodes["s"]
    with pytest.raises(argmap.ParseError, match="positive='no' is not true or false"):
        argmap.loads(data.replace(b'positive="0"', b'positive="no"'), "caf")


def test_statement_texts_say_what_their_formulas_say() -> None:
    data = (b'<lkif><argument-graph><title lang="en">Birds</title><statements>'
            b'<not id="np"><s>Tweety flies</s></not>'
            b'<and id="ab">\n  <s>A</s>\n  <s>B</s>\n</and>'
            b'<if id="r"><s>it rains</s><s>the street is wet</s></if>'
            b'<s>no id needed</s></statements><arguments/></argument-graph></lkif>')
    m = argmap.loads(data, "lkif")
    texts = {n.id: n.text for n in m.nodes_of(Claim)}
    assert texts == {"np": "It is not the case that: Tweety flies", "ab": "A and B",
                     "r": "If it rains, then the street is wet",
                     "graph1/statement": "no id needed"}
    assert m.nodes["graph1/statement"].extra["lkif:id"] is None
    assert m.extra["lkif:titles"] == ((0, {"tag": "title", "attributes": {"lang": "en"},
                                           "text": "Birds", "children": ()}),)
    assert argmap.formats.format_problems(m) == []


def test_a_statements_formula_is_its_formula_child_and_the_rest_is_kept() -> None:
    data = (b'<lkif><argument-graphs><argument-graph><statements>'
            b'<statement id="x"><metadata>M</metadata><s>Real text</s></statement>'
            b'<statement id="y"><description lang="en">Described</description></statement>'
            b'</statements><arguments/></argument-graph></argument-graphs></lkif>')
    m = argmap.loads(data, "lkif")
    assert m.nodes["x"].text == "Real text"  # type: ignore[union-attr]
    kept: Any = m.nodes["x"].extra["lkif:children"]
    assert kept[0]["tag"] == "metadata"
    assert m.nodes["y"].text == "Described"  # type: ignore[union-attr]


def test_an_argument_preferred_to_itself_is_an_error() -> None:
    with pytest.raises(argmap.ParseError, match="prefers argument 'a1' to itself"):
        argmap.loads(_EDITOR.replace(b'arg1="a2" arg2="a1"', b'arg1="a1" arg2="a1"'), "lkif")


@pytest.mark.parametrize(("formula", "text"), [
    (b"<not>birds fly</not>", "It is not the case that: birds fly"),
    (b"<and><not><s>p</s></not><s>q</s></and>", "(It is not the case that: p) and q"),
    (b"<not><and><s>p</s><s>q</s></and></not>", "It is not the case that: (p and q)"),
    (b"<or><and><s>p</s><s>q</s></and><s>r</s></or>", "(p and q) or r"),
    (b"<if><s>a</s><s>b</s><s>c</s></if>", "if(a; b; c)"),
    (b"<all><s>x</s></all>", "all(x)"),
    (b"<and/>", "and()"),
    (b"<all><v>x</v><s>x is mortal</s></all>", "For all x: x is mortal"),
])
def test_formula_texts_are_unambiguous(formula: bytes, text: str) -> None:
    data = (b'<lkif><argument-graph id="g"><statements><statement id="a">' + formula
            + b"</statement></statements></argument-graph></lkif>")
    assert argmap.loads(data, "lkif").nodes["a"].text == text  # type: ignore[union-attr]


def test_a_reference_to_no_statement_of_the_graph_stays_dangling() -> None:
    # Neither the id made for a formula written without one, nor another graph's
    # statement, answers a reference the graph cannot resolve.
    data = (b'<lkif><argument-graphs><argument-graph id="g1"><statements>'
            b'<statement id="p"><s>P</s></statement></statements></argument-graph>'
            b'<argument-graph id="g2"><statements><s>x</s><s id="c">z</s></statements>'
            b'<arguments><argument id="a1"><conclusion statement="c"/><premises>'
            b'<premise statement="g2/statement"/><premise statement="p"/></premises>'
            b"</argument></arguments></argument-graph></argument-graphs></lkif>")
    m = argmap.loads(data, "lkif")
    assert m.premises("a1") == ()
    assert [p.code for p in m.validate()][:1] == ["dangling-edge"]
