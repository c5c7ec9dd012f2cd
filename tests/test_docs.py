"""The documentation: every public name is in the API reference, the generated
tables cover every rule and error, and the format specification covers the schema.

The full HTML build and the doctests run in CI (``.ci/run``) with warnings as
errors; here the documentation is read once with Sphinx's ``dummy`` builder
(no output, no pictures), which is enough to see what it documents.
"""

from __future__ import annotations

import importlib
import io
import re
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from lxml import etree

import argmap

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
XS = "{http://www.w3.org/2001/XMLSchema}"

# The docs extension needs the docs toolchain; the ``test`` extra alone does not bring it.
pytest.importorskip(
    "docutils", reason="the documentation toolchain is not installed (pip install -e '.[docs]')"
)
sys.path.insert(0, str(DOCS / "_ext"))
#: The documentation's Sphinx extension (docs/_ext/argmap_docs.py).
argmap_docs: ModuleType = importlib.import_module("argmap_docs")

# Sphinx's own napoleon extension uses an interface Sphinx has deprecated.
pytestmark = pytest.mark.filterwarnings("ignore:The mapping interface for autodoc options")


@pytest.fixture(scope="module")
def sphinx_env(tmp_path_factory: pytest.TempPathFactory) -> Any:
    """The Sphinx environment after reading every page (warnings are errors)."""
    sphinx_app = pytest.importorskip("sphinx.application")
    out = tmp_path_factory.mktemp("docs")
    warnings = io.StringIO()
    app = sphinx_app.Sphinx(
        srcdir=str(DOCS),
        confdir=str(DOCS),
        outdir=str(out / "dummy"),
        doctreedir=str(out / "doctrees"),
        buildername="dummy",
        status=io.StringIO(),
        warning=warnings,
        freshenv=True,
        confoverrides={"nitpicky": True},
    )
    app.build(force_all=True)
    assert warnings.getvalue() == "", warnings.getvalue()
    return app.env


def test_every_public_name_is_in_the_api_reference(sphinx_env: Any) -> None:
    objects = sphinx_env.get_domain("py").objects
    for namespace in argmap_docs.NAMESPACES:
        page = "api/" + namespace.rpartition(".")[2]
        home = {n: argmap_docs.canonical_namespace(n)
                for n in importlib.import_module(namespace).__all__}
        missing = [n for n, ns in home.items() if f"{ns}.{n}" not in objects]
        assert missing == [], namespace
        documented_here = [n for n, ns in home.items() if ns == namespace]
        elsewhere = {n: objects[f"{namespace}.{n}"].docname for n in documented_here
                     if objects[f"{namespace}.{n}"].docname != page}
        assert elsewhere == {}, namespace


def test_conveniences_are_documented_in_their_subpackage() -> None:
    assert argmap_docs.canonical_namespace("evaluate") == "argmap.reasoning"
    assert argmap_docs.canonical_namespace("render") == "argmap.view"
    assert argmap_docs.canonical_namespace("to_xml") == "argmap"


def test_every_public_name_has_a_topic() -> None:
    """A name from a module no API group covers would land under "Other"."""
    other = len(argmap_docs.GROUPS) - 1
    assert argmap_docs.GROUPS[other][0] == "Other"
    for namespace in argmap_docs.NAMESPACES:
        unplaced = [e.name for e in argmap_docs.api_entries(namespace) if e.group == other]
        assert unplaced == [], "add the defining module to GROUPS in docs/_ext/argmap_docs.py"


def test_every_rule_has_a_row_on_the_errors_page(sphinx_env: Any) -> None:
    labels = sphinx_env.get_domain("std").anonlabels
    for code in argmap.RULES:
        assert labels[f"rule-{code}"][0] == "errors", code


def _xref_targets(env: Any, docname: str) -> set[str]:
    from sphinx import addnodes

    doctree = env.get_doctree(docname)
    return {n["reftarget"] for n in doctree.findall(addnodes.pending_xref)}


def test_every_error_class_is_on_the_errors_page(sphinx_env: Any) -> None:
    public = [getattr(argmap, n) for n in argmap.__all__]
    errors = {c.__name__ for c in public
              if isinstance(c, type) and issubclass(c, (argmap.ArgmapError, argmap.ArgmapWarning))}
    assert {"ArgmapError", "ParseError", "UnsafeInputError", "ValidationError"} <= errors
    targets = _xref_targets(sphinx_env, "errors")
    assert {f"argmap.{name}" for name in errors} <= targets


def test_generated_rule_table_lists_every_rule_in_order() -> None:
    rst = "\n".join(argmap_docs.rules_rst())
    codes = re.findall(r"^       ``([a-z-]+)``$", rst, flags=re.MULTILINE)
    assert codes == list(argmap.RULES)


def test_edge_table_matches_the_validator() -> None:
    from argmap._validation import ALLOWED_EDGES

    rst = argmap_docs.edge_table_rst()
    ticks = sum(line.count("✓") for line in rst)
    assert ticks == len(ALLOWED_EDGES)


def _schema() -> etree._Element:
    return etree.fromstring(argmap.aif_xml_schema().encode("utf-8"))


def test_format_page_covers_every_element_and_attribute_of_the_schema() -> None:
    page = (DOCS / "format.rst").read_text(encoding="utf-8")
    schema = _schema()
    assert schema.get("targetNamespace") == argmap.AIF_XML_NAMESPACE
    assert f"``{argmap.AIF_XML_NAMESPACE}``" in page
    elements = {str(el.get("name")) for el in schema.iter(XS + "element")}
    attributes = {str(el.get("name")) for el in schema.iter(XS + "attribute")}
    assert "claim" in elements
    assert "evidence-type" in attributes
    for name in sorted(elements):
        assert f"<{name}>" in page, f"element <{name}> is not described"
    for name in sorted(attributes):
        assert f"``{name}``" in page, f"attribute {name} is not described"
    enumerations = {el.get("value") for el in schema.iter(XS + "enumeration")}
    assert enumerations == {e.value for e in argmap.EvidenceType}
    for value in enumerations:
        assert f"``{value}``" in page


@pytest.mark.parametrize("name", ["small.aif.xml", "complete.aif.xml"])
def test_format_examples_are_exact(name: str) -> None:
    data = (DOCS / "_data" / name).read_bytes()
    m = argmap.from_xml(data, name=name)
    assert argmap.to_xml(m) == data
    assert etree.XMLSchema(_schema()).validate(etree.fromstring(data))


def test_complete_example_uses_every_element_and_attribute() -> None:
    schema = _schema()
    doc = etree.fromstring((DOCS / "_data" / "complete.aif.xml").read_bytes())
    used_elements = {etree.QName(el).localname for el in doc.iter()}
    used_attributes = {a for el in doc.iter() for a in el.attrib}
    assert {el.get("name") for el in schema.iter(XS + "element")} <= used_elements
    assert {el.get("name") for el in schema.iter(XS + "attribute")} <= used_attributes


def test_changelog_is_keep_a_changelog_and_converts() -> None:
    text = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    assert text.startswith("# Changelog\n")
    assert "## [Unreleased]" in text
    rst = argmap_docs.markdown_changelog_rst(
        "# Changelog\n\n## [1.0] - 2024-01-01\n\n### Added\n\n- `x` and [y](https://y.example)\n"
        "  continued\n\n[1.0]: https://example.org\n"
    )
    assert "1.0 - 2024-01-01" in rst
    assert "- ``x`` and `y <https://y.example>`__" in rst
    assert "  continued" in rst
    assert not any("example.org" in line for line in rst)
    heading = rst.index("Added")
    assert rst[heading + 1] == "~" * len("Added")


def test_private_paths_resolve_to_public_names() -> None:
    assert argmap_docs.public_path("argmap._text.Source") == "argmap.Source"
    assert (argmap_docs.public_path("argmap._map.ArgumentMap.add_claim")
            == "argmap.ArgumentMap.add_claim")
    assert (argmap_docs.public_path("argmap.reasoning._aspic.Evaluation.status")
            == "argmap.reasoning.Evaluation.status")
    evaluate = argmap_docs.public_path("argmap.reasoning._aspic.evaluate")
    assert evaluate == "argmap.reasoning.evaluate"
    assert argmap_docs.public_path("argmap._map_store._S") is None
    assert argmap_docs.public_path("argmap.Source") is None


def test_diagram_options_accept_literals_only() -> None:
    assert argmap_docs.parse_options('title=False, dialogue="compact"') == {
        "title": False, "dialogue": "compact"}
    with pytest.raises(ValueError, match="malformed"):
        argmap_docs.parse_options("title=__import__('os')")
    with pytest.raises(ValueError, match="keyword"):
        argmap_docs.parse_options("1")


def test_cli_page_lists_every_exit_code() -> None:
    cli = pytest.importorskip("argmap._cli")
    page = (DOCS / "cli.rst").read_text(encoding="utf-8")
    codes = {getattr(cli, n) for n in cli.__all__ if n.startswith("EXIT_")}
    assert codes
    for code in codes:
        assert re.search(rf"^   \* - {code}$", page, flags=re.MULTILINE), code


def test_formats_table_lists_every_registered_format() -> None:
    rst = "\n".join(argmap_docs.formats_rst())
    for fmt in argmap.formats.formats():
        assert f"``{fmt.name}``" in rst


_SCHEME_TAGS = ("inference", "conflict", "rephrase", "preference", "illocution", "transition")


def _documented_attribute_order() -> dict[str, list[str]]:
    page = (DOCS / "format.rst").read_text(encoding="utf-8")
    block = page[page.index("Attributes are written in this order"):
                 page.index("* Attribute values are in double quotes")]
    order: dict[str, list[str]] = {}
    for head, attrs in re.findall(r"\* - (.+)\n\s+- ((?:.|\n)+?)(?=\n\s+\* -|\n\n)", block):
        names = re.findall(r"``([a-z-]+)``", attrs)
        tags = re.findall(r"``<([a-z]+)>``", head) or (
            list(_SCHEME_TAGS) if "scheme nodes" in head else [])
        for tag in tags:
            order[tag] = names
    return order


def test_canonical_attribute_order_is_as_documented() -> None:
    order = _documented_attribute_order()
    assert set(order) >= {"source", "participant", "claim", "evidence", "locution", "unknown",
                          "span", "edge", "extra", *_SCHEME_TAGS}
    src = argmap.Source(text="Cats purr. Dogs bark.", title="t", author="a", publisher="p",
                        url="u", published="2024", language="en", extra={"k": 1})
    m = argmap.ArgumentMap(source=src)
    p = m.add_speaker("Ann Lee", description="d", id="p1")
    c = m.add_claim(quote="Cats purr", id="c1", timestamp="t1")
    e = m.add_evidence(quote="Dogs bark", evidence_type="statistics", id="e1", timestamp="t2")
    i = m.add_claim("hidden", implicit=True, id="c2", timestamp="t3")
    m.add_inference([e, i], c, scheme="s", scheme_id="1", label="l", id="ra1", timestamp="t4")
    loc = m.add_locution(p, quote="Cats purr", said_at="then", id="l1", timestamp="t5")
    m.add_illocution(loc, c, "Asserting", scheme_id="74", label="A", id="ya1", timestamp="t6")
    m.add_node(argmap.UnknownNode(id="n1", type="EN", text="x", timestamp="t7"))
    m.add_edge(argmap.Edge(id="x1", from_id="n1", to_id="c1", extra={"k": None}))
    doc = etree.fromstring(argmap.to_xml(m))
    seen = set()
    for el in doc.iter():
        tag = etree.QName(el).localname
        if tag in order:
            written = list(el.attrib)
            assert written == [a for a in order[tag] if a in written], (tag, written)
            seen.add(tag)
    assert seen >= {"source", "participant", "claim", "evidence", "locution", "unknown",
                    "inference", "illocution", "span", "edge", "extra"}
