"""SADFace JSON: reading, writing back the same JSON value, sniffing, records kept with problems."""

from __future__ import annotations

import json
import warnings
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import argmap
from argmap import Conflict, Evidence, Inference, ParseError, UnknownNode
from argmap.formats import format_problems
from argmap.strategies import argument_maps

GOLDEN = Path(__file__).parent / "golden" / "formats"


def _doc(nodes: list[Any], edges: list[Any], **top: Any) -> bytes:
    doc = {"metadata": {"core": {"id": "d", "version": "0.5"}}, "resources": [],
           "nodes": nodes, "edges": edges, **top}
    return json.dumps(doc).encode()


def test_sadface_map() -> None:
    path = GOLDEN / "sadface_map.json"
    m = argmap.read(path)
    assert [n.kind.value for n in m.nodes.values()] == ["I", "RA", "I", "I", "CA", "I"]
    ra = m.nodes["s1"]
    assert isinstance(ra, Inference) and ra.label == "Argument from Consequences"
    assert isinstance(m.nodes["s2"], Conflict)
    assert m.premises("s1") == (m.nodes["p1"], m.nodes["p2"])
    assert m.target("s2") == m.nodes["p2"]
    assert m.source is not None and m.source.text.startswith("Cyclists")
    assert [s.text for s in m.nodes["p1"].spans] == [  # type: ignore[union-attr]
        "helmets reduce head injuries"]
    assert m.validate() == []
    assert json.loads(argmap.dumps(m, "sadface")) == json.loads(path.read_bytes())
    assert argmap.from_xml(argmap.to_xml(m)) == m


def test_minimal_example_is_sadface_not_aifdb() -> None:
    data = _doc([], [], metadata={"core": {"analyst_name": "A User", "version": "0.2"}})
    m = argmap.loads(data)
    assert "sadface:document" in m.extra
    assert json.loads(argmap.dumps(m, "sadface")) == json.loads(data)


def test_version_01_top_level_fields() -> None:
    data = json.dumps({
        "analyst_name": "S", "id": "x", "metadata": {}, "resources": [],
        "nodes": [{"id": "a", "type": "atom", "text": "A", "sources": [], "metadata": {}},
                  {"id": "s", "type": "scheme", "name": "support"},
                  {"id": "b", "type": "atom", "text": "B", "sources": [], "metadata": {}}],
        "edges": [{"id": "1", "source_id": "b", "target_id": "s"},
                  {"id": "2", "source_id": "s", "target_id": "a"}]}).encode()
    m = argmap.loads(data)
    assert m.conclusion("s") == m.nodes["a"] and m.validate() == []
    assert json.loads(argmap.dumps(m, "sadface")) == json.loads(data)


@pytest.mark.parametrize(("name", "kind"), [
    ("support", "RA"), ("inference", "RA"), ("Argument from Expert Opinion", "RA"),
    ("conflict", "CA"), ("disagreement", "CA"), ("Default Attack", "CA"),
    ("rephrase", "MA"), ("preference", "PA")])
def test_scheme_names_give_kinds(name: str, kind: str) -> None:
    m = argmap.loads(_doc([{"id": "s", "type": "scheme", "name": name}], []), "sadface")
    assert m.nodes["s"].kind.value == kind and m.nodes["s"].label == name  # type: ignore[union-attr]


def test_conflict_typed_node_and_unknown_type() -> None:
    m = argmap.loads(_doc([{"id": "c", "type": "conflict", "name": "defeat"},
                           {"id": "x", "type": "widget", "text": "?"}], []), "sadface")
    assert isinstance(m.nodes["c"], Conflict)
    assert isinstance(m.nodes["x"], UnknownNode) and m.nodes["x"].type == "widget"
    data = _doc([{"id": "c", "type": "conflict", "name": "defeat"},
                 {"id": "x", "type": "widget", "text": "?"}], [])
    assert json.loads(argmap.dumps(m, "sadface")) == json.loads(data)


def test_bad_records_are_kept_with_problems() -> None:
    nodes = [{"id": "a", "type": "atom", "text": "A", "sources": [], "metadata": {}},
             {"id": "a", "type": "atom", "text": "again"}, {"type": "atom", "text": "no id"}]
    edges = [{"id": "e1", "source_id": "a", "target_id": "missing"}, {"id": "e2"}, "junk",
             {"id": "e3", "source_id": "a", "target_id": "a"}]
    data = _doc(nodes, edges)
    m = argmap.loads(data, "sadface")
    assert len(m.nodes) == 1 and not m.edges
    codes = [p.code for p in format_problems(m)]
    assert codes == ["duplicate-id", "malformed-record", "dangling-reference",
                     "malformed-record", "malformed-record", "repeated-record"]
    with pytest.raises(argmap.ValidationError):
        argmap.loads(data, "sadface", strict=True)
    assert json.loads(argmap.dumps(m, "sadface")) == json.loads(data)


def test_not_sadface_is_refused() -> None:
    aifdb = b'{"nodes": [{"nodeID": "1", "type": "I", "text": "x"}], "edges": []}'
    with pytest.raises(ParseError, match="not SADFace"):
        argmap.loads(aifdb, "sadface")
    with pytest.raises(ParseError, match="no 'nodes' and 'edges'"):
        argmap.loads(b'{"nodes": []}', "sadface")


def test_ova2_reader_refuses_sadface() -> None:
    data = (GOLDEN / "sadface_map.json").read_bytes()
    with pytest.raises(ParseError, match="this is SADFace"):
        argmap.loads(data, "ova2")


def test_sniffing_tells_sadface_from_the_others() -> None:
    sad = next(f for f in argmap.formats.formats() if f.name == "sadface")
    assert sad.sniff is not None
    assert sad.sniff((GOLDEN / "sadface_map.json").read_bytes())
    assert sad.sniff(b'{"nodes": [{"id": "1", "type": "atom"}], "edges": []}')
    assert sad.sniff(b'{"edges": [{"id": "1", "source_id": "a", "target_id": "b"}], "nodes": []}')
    for other in ("ova2_map.json",):
        assert not sad.sniff((GOLDEN / other).read_bytes())
    assert not sad.sniff(b'{"nodes": [{"nodeID": "1", "type": "I"}], "edges": []}')
    assert not sad.sniff(b'{"AIF": {"nodes": [], "edges": []}, "resources": []}')
    assert not sad.sniff(b'{"nodes": [{"id": 1, "type": "I"}], "edges": [{"from": {}}]}')


def test_writer_leaves_out_dialogue_nodes_with_a_warning() -> None:
    m = argmap.ArgumentMap()
    m.add_speaker("Ann", id="p")
    loc = m.add_locution("p", "Ann : hello", id="l")
    claim = m.add_claim("hello")
    m.add_illocution(loc, claim, label="Asserting")
    with pytest.warns(argmap.ArgmapWarning, match=r"L-nodes \(1\).*participants \(1\)"):
        doc = json.loads(argmap.dumps(m, "sadface"))
    assert [n["id"] for n in doc["nodes"]] == [claim.id] and doc["edges"] == []


def test_a_label_of_another_kind_keeps_the_kind() -> None:
    m = argmap.ArgumentMap()
    a, b = m.add_claim("A"), m.add_claim("B")
    ra = m.add_inference([a], b, label="conflict of duties")
    doc = json.loads(argmap.dumps(m, "sadface"))
    record = next(n for n in doc["nodes"] if n["id"] == ra.id)
    assert record["name"] == "conflict of duties"
    assert record["metadata"]["argmap"] == {"kind": "RA"}
    assert isinstance(argmap.loads(json.dumps(doc), "sadface").nodes[ra.id], Inference)


def test_built_map_round_trips() -> None:
    m = argmap.ArgumentMap(source=argmap.Source(text="Rain, so wet."))
    c = m.add_claim("wet", spans=[(9, 12)])
    p = m.add_evidence("Rain", spans=[(0, 4)], evidence_type="statistics")
    i = m.add_claim("Rain makes things wet", implicit=True)
    m.add_inference([p, i], c)
    m.add_conflict(m.add_claim("It was dry"), c)
    back = argmap.loads(argmap.dumps(m, "sadface"), "sadface")
    assert [type(n) for n in back.nodes.values()] == [type(n) for n in m.nodes.values()]
    ev = back.nodes[p.id]
    assert isinstance(ev, Evidence) and ev.evidence_type.value == "statistics"
    assert back.nodes[i.id].implicit  # type: ignore[union-attr]
    assert [s.text for s in back.nodes[c.id].spans] == ["wet"]  # type: ignore[union-attr]
    assert back.validate() == []
    again = argmap.dumps(back, "sadface")
    assert again == argmap.dumps(argmap.loads(again, "sadface"), "sadface")


def _sadface_expressible(m: argmap.ArgumentMap) -> bool:
    return all(n.kind.value in ("I", "RA", "CA", "MA", "PA") for n in m.nodes.values())


@settings(max_examples=30, suppress_health_check=[HealthCheck.too_slow])
@given(argument_maps())
def test_property_write_read_write_is_stable(m: argmap.ArgumentMap) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", argmap.ArgmapWarning)
        data = argmap.dumps(m, "sadface")
    back = argmap.loads(data, "sadface")
    if _sadface_expressible(m) and not m.participants:
        assert set(back.nodes) == set(m.nodes) and set(back.edges) == set(m.edges)
        # Every model field comes back (extra holds the SADFace records instead).
        for k, n in m.nodes.items():
            assert attrs.evolve(back.nodes[k], extra=n.extra) == n
        if m.source is not None:
            assert back.source is not None and back.source.text == m.source.text
    assert argmap.dumps(back, "sadface") == data


@given(st.lists(st.sampled_from(["atom", "scheme", "conflict", "x"]), max_size=6))
def test_property_every_node_record_is_accounted_for(types: list[str]) -> None:
    nodes = [{"id": f"n{i}", "type": t, "text": "t", "name": "support"}
             for i, t in enumerate(types)]
    m = argmap.loads(_doc(nodes, []), "sadface")
    assert len(m.nodes) == len(nodes)


@pytest.mark.parametrize("label", ["", None, "rebut", "support"])
def test_scheme_labels_come_back_as_they_were_even_empty(label: str | None) -> None:
    m = argmap.ArgumentMap()
    a, b = m.add_claim("a"), m.add_claim("b")
    ca = m.add_conflict(a, b)
    m.replace_node(argmap.Conflict(id=ca.id, label=label))
    back = argmap.loads(argmap.dumps(m, "sadface"), "sadface")
    node = back.nodes[ca.id]
    assert isinstance(node, argmap.Conflict)
    assert node.label == label


def test_other_formats_extra_data_left_out_is_warned_about() -> None:
    m = argmap.loads(b"[A]: a #tag\n  + [B]: b\n", "argdown")
    with pytest.warns(argmap.ArgmapWarning, match="extra data of other formats on nodes"):
        data = argmap.dumps(m, "sadface")
    # What SADFace carries of its own comes back without a warning.
    back = argmap.loads(data, "sadface")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        argmap.dumps(back, "sadface")


def test_a_source_whose_offset_misses_its_text_is_reported() -> None:
    text = "Cats purr. Dogs bark."
    nodes = [{"id": "a", "type": "atom", "text": "Cats purr", "metadata": {},
              "sources": [{"resource_id": "r", "text": "Cats purr", "offset": 0, "length": 9}]},
             {"id": "b", "type": "atom", "text": "Dogs bark", "metadata": {},
              "sources": [{"resource_id": "r", "text": "Dogs bark", "offset": 3, "length": 9}]}]
    m = argmap.loads(_doc(nodes, [], resources=[
        {"id": "r", "type": "text", "content": text, "metadata": {}}]), "sadface")
    assert m.nodes["a"].spans and not m.nodes["b"].spans  # type: ignore[union-attr]
    (problem,) = [p for p in m.validate() if p.code == "anchor-mismatch"]
    assert problem.nodes == ("b",) and "offset 3 says 'Dogs bark'" in problem.message
    # The source is kept as read, so the file is written back as it was.
    assert json.loads(argmap.dumps(m, "sadface"))["nodes"][1]["sources"] == nodes[1]["sources"]
