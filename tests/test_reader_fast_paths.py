"""The readers' fast paths give what their careful paths give.

The AIFdb JSON reader builds plain edge records column by column, the strict
JSON decoder counts keys with a walk that stops early and settles shallow
documents without measuring their depth, and the readers build model objects
with generated constructors that skip the converters.  Each is checked here
against the slow, obviously right way.
"""

from __future__ import annotations

import json
import warnings
from typing import Any

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

import argmap
from argmap import ArgumentMap, Claim, Edge, Inference, ParseError, UnknownNode
from argmap._nodes import _MAKERS
from argmap._text import Span
from argmap.formats import _aifdb_read, _jsonsafe
from argmap.strategies import argument_maps

# ------------------------------------------------------------ unchecked makers
_FIELDS: dict[str, dict[str, Any]] = {
    "Claim": {"id": "c", "text": "Cats purr", "spans": (Span(0, 4, "Cats"),), "timestamp": "t"},
    "Evidence": {"id": "v", "text": "A figure", "implicit": True},
    "Inference": {"id": "r", "scheme": "Argument From Sign", "scheme_id": "7", "label": "L"},
    "Conflict": {"id": "x"},
    "Locution": {"id": "l", "text": "Bob : hi", "speaker": "p1", "said_at": "2020"},
    "UnknownNode": {"id": "u", "type": "XX", "text": None},
    "Edge": {"id": "e", "from_id": "a", "to_id": "b"},
    "Participant": {"id": "p", "name": "Bob", "description": "a cat"},
}


@pytest.mark.parametrize("cls", list(_MAKERS), ids=lambda c: c.__name__)
def test_unchecked_makers_build_what_the_constructors_build(cls: type[Any]) -> None:
    fields = _FIELDS.get(cls.__name__, {"id": "n"})
    made = _MAKERS[cls](**fields)
    assert type(made) is cls
    assert made == cls(**fields)
    with_extra = _MAKERS[cls](**fields, extra=argmap.ArgumentMap().extra)
    assert with_extra == cls(**fields)


def test_the_edge_maker_also_takes_its_fields_by_position() -> None:
    assert _MAKERS[Edge]("e", "a", "b") == Edge(id="e", from_id="a", to_id="b")
    with pytest.raises(TypeError):
        _MAKERS[Claim]("c", None, None, "text")


# ------------------------------------------------------------ strict JSON
_scalars = st.none() | st.booleans() | st.integers(-10, 10) | st.text(
    alphabet='ab:{}[]"\\ ', max_size=4) | st.sampled_from(["::", "12:30:00", ":", '":"'])
_json_values = st.recursive(
    _scalars,
    lambda inner: st.lists(inner, max_size=12)
    | st.dictionaries(st.text(alphabet="ab:{[", max_size=3), inner, max_size=12),
    max_leaves=60,
)


def _keys(value: Any) -> int:
    if isinstance(value, dict):
        return len(value) + sum(_keys(v) for v in value.values())
    if isinstance(value, list):
        return sum(_keys(v) for v in value)
    return 0


@given(_json_values, st.integers(0, 5))
def test_key_total_counts_every_key_and_never_over_counts(value: Any, short: int) -> None:
    skeleton = _jsonsafe._skeleton(json.dumps(value).encode())
    containers = skeleton.count(b"{") + skeleton.count(b"[")
    assert skeleton.count(b":") == _keys(value)
    assert _jsonsafe._key_total(value, containers) == _keys(value)
    # Told of fewer containers than there are, the walk may stop early: it can only
    # count fewer keys, which sends the caller to the decoder that names the repeat.
    assert _jsonsafe._key_total(value, max(0, containers - short)) <= _keys(value)


def _structure(text: str) -> bytes:
    """The bytes ``[]{}:`` outside strings, by a plain character scan."""
    out, in_string, escaped = [], False, False
    for ch in text:
        if in_string:
            if escaped:
                escaped = False
            elif ch == "\\":
                escaped = True
            elif ch == '"':
                in_string = False
        elif ch == '"':
            in_string = True
        elif ch in "[]{}:":
            out.append(ch)
    return "".join(out).encode()


@given(_json_values, st.booleans(), st.booleans())
@example({"[": None, "": "::"}, False, False)  # an empty key between two colons
@example({"t": "12:30:00", "a:": "::", "::": [":"]}, True, True)
def test_skeleton_is_the_structure_outside_strings(value: Any, ascii_only: bool,
                                                   spaced: bool) -> None:
    text = json.dumps(value, ensure_ascii=ascii_only,
                      separators=(", ", ": ") if spaced else (",", ":"))
    assert _jsonsafe._skeleton(text.encode()) == _structure(text)


@given(st.integers(1, 40), st.integers(1, 40), st.sampled_from(["[]", "{}"]))
def test_shallow_never_passes_a_document_deeper_than_the_limit(depth: int, width: int,
                                                               empty: str) -> None:
    doc = json.dumps([[0] * width] * 2)
    for i in range(depth):
        doc = f'{{"k{i}": {doc}, "e": {empty}}}' if i % 2 else f"[{doc}, {empty}]"
    skeleton = _jsonsafe._skeleton(doc.encode())
    real = _jsonsafe._max_depth(skeleton)
    if _jsonsafe._shallow(skeleton):
        assert real <= 2 * _jsonsafe._SHALLOW_ROUNDS <= _jsonsafe.MAX_DEPTH
    else:
        assert real > _jsonsafe._SHALLOW_ROUNDS


def test_deep_nesting_past_the_shallow_rounds_is_still_refused_with_its_line() -> None:
    doc = '{"nodes": [], "deep":\n' + "[" * 250 + "]" * 250 + "}"
    with pytest.raises(argmap.UnsafeInputError, match=r"x\.json:2: JSON nesting deeper"):
        argmap.loads(doc, "aifdb-json", name="x.json")


def _big_doc(n: int) -> dict[str, Any]:
    return {
        "nodes": [{"nodeID": str(i), "text": f"claim {i}", "type": "I",
                   "timestamp": "2024-01-01 10:00:00"} for i in range(n)],
        "edges": [{"edgeID": f"e{i}", "fromID": str(i + 1), "toID": str(i)}
                  for i in range(n - 1)],
        "locutions": [],
    }


@pytest.mark.parametrize("where", ["node", "edge", "top"])
def test_a_repeated_key_in_a_long_list_of_records_is_named_with_its_line(where: str) -> None:
    text = json.dumps(_big_doc(60), indent=1)
    if where == "node":
        text = text.replace('"nodeID": "41",', '"nodeID": "41", "text": "again",', 1)
    elif where == "edge":
        text = text.replace('"edgeID": "e30",', '"edgeID": "e30", "toID": "9",', 1)
        text = text.replace('"toID": "30"', '"toID": "e30"', 1)
    else:
        text = text.replace('"locutions": []', '"locutions": [], "nodes": []', 1)
    # The message names the line of the second of the two keys.
    second = {"node": '"text": "claim 41"', "edge": '"toID": "e30"', "top": '"nodes": []'}
    line = next(i for i, row in enumerate(text.splitlines(), 1) if second[where] in row)
    with pytest.raises(ParseError, match=rf"x\.json:{line}: invalid JSON: duplicate key"):
        argmap.loads(text, "aifdb-json", name="x.json")


# ------------------------------------------------------------ AIFdb edges
def _read_one_by_one(data: bytes, monkeypatch: pytest.MonkeyPatch) -> ArgumentMap:
    with monkeypatch.context() as patch:
        patch.setattr(_aifdb_read, "_plain_edges", lambda *a, **k: None)
        return argmap.loads(data, "aifdb-json")


def _same_json(a: ArgumentMap, b: ArgumentMap) -> None:
    assert a == b
    assert list(a.edges) == list(b.edges)
    assert argmap.dumps(a, "aifdb-json") == argmap.dumps(b, "aifdb-json")


@given(argument_maps())
def test_column_read_of_edges_matches_the_record_by_record_read(m: ArgumentMap) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", argmap.ArgmapWarning)  # what AIFdb JSON cannot carry
        data = argmap.dumps(m, "aifdb-json")
    with pytest.MonkeyPatch.context() as patch:
        _same_json(argmap.loads(data, "aifdb-json"), _read_one_by_one(data, patch))


_EDGE_CASES: dict[str, list[Any]] = {
    "all null form": [{"edgeID": "e1", "fromID": "a", "toID": "b", "formEdgeID": None},
                      {"edgeID": "e2", "fromID": "b", "toID": "a", "formEdgeID": None}],
    "mostly null form": [{"edgeID": "e1", "fromID": "a", "toID": "b", "formEdgeID": None},
                         {"edgeID": "e2", "fromID": "b", "toID": "a", "formEdgeID": None},
                         {"edgeID": "e3", "fromID": "b", "toID": "a"}],
    "repeated id": [{"edgeID": "e1", "fromID": "a", "toID": "b"},
                    {"edgeID": "e1", "fromID": "b", "toID": "a"}],
    "empty end": [{"edgeID": "e1", "fromID": "a", "toID": ""},
                  {"edgeID": "e2", "fromID": "b", "toID": "a"}],
    "number id": [{"edgeID": 1, "fromID": "a", "toID": "b"},
                  {"edgeID": "e2", "fromID": "b", "toID": "a"}],
    "other key": [{"edgeID": "e1", "fromID": "a", "other": "b"},
                  {"edgeID": "e2", "fromID": "b", "toID": "a"}],
    "not an object": [["e1", "a", "b"], {"edgeID": "e2", "fromID": "b", "toID": "a"}],
    "a string": ["abc", {"edgeID": "e2", "fromID": "b", "toID": "a"}],
    "plain": [{"edgeID": "e1", "fromID": "a", "toID": "b"},
              {"edgeID": "e2", "fromID": "b", "toID": "a"}],
}


@pytest.mark.parametrize("case", list(_EDGE_CASES))
def test_edge_records_the_column_read_declines_are_read_one_by_one(
        case: str, monkeypatch: pytest.MonkeyPatch) -> None:
    doc = {"nodes": [{"nodeID": "a", "text": "A", "type": "I"},
                     {"nodeID": "b", "text": "B", "type": "I"}],
           "edges": _EDGE_CASES[case], "locutions": []}
    data = json.dumps(doc).encode()
    m = argmap.loads(data, "aifdb-json")
    _same_json(m, _read_one_by_one(data, monkeypatch))
    assert json.loads(argmap.dumps(m, "aifdb-json")) == doc


def test_a_plain_record_of_an_unknown_node_type_is_kept_as_an_unknown_node() -> None:
    doc = {"nodes": [{"nodeID": "1", "text": "a", "type": "XYZ", "timestamp": "t"},
                     {"nodeID": "2", "text": "b", "type": "XYZ"}], "edges": []}
    m = argmap.loads(json.dumps(doc), "aifdb-json")
    assert m.nodes["1"] == UnknownNode(id="1", type="XYZ", text="a", timestamp="t")
    assert isinstance(m.nodes["2"], UnknownNode)
    assert json.loads(argmap.dumps(m, "aifdb-json"))["nodes"] == doc["nodes"]


# ------------------------------------------------------------ bulk edges
def test_bulk_edges_stop_at_a_duplicate_with_the_edges_before_it_indexed() -> None:
    m = ArgumentMap()
    for nid in "abc":
        m.add_node(Claim(id=nid, text=nid))
    m.add_node(Inference(id="r"))
    edges = [Edge(id="e1", from_id="a", to_id="r"), Edge(id="e2", from_id="r", to_id="b"),
             Edge(id="e1", from_id="c", to_id="r"), Edge(id="e3", from_id="c", to_id="r")]
    assert m._add_edges(edges) == 2
    assert list(m.edges) == ["e1", "e2"]
    assert [n.id for n in m.predecessors("r")] == ["a"]
    assert [n.id for n in m.successors("r")] == ["b"]
    assert m.predecessors("c") == () and m.successors("c") == ()
    assert m._add_edges([Edge(id="e3", from_id="c", to_id="r")]) is None
    assert [n.id for n in m.predecessors("r")] == ["a", "c"]
    # Into a map that has edges: a repeat of one of them is found too.
    assert m._add_edges([Edge(id="e4", from_id="b", to_id="r"),
                         Edge(id="e2", from_id="b", to_id="c")]) == 1
    assert list(m.edges) == ["e1", "e2", "e3", "e4"]
    assert [n.id for n in m.successors("b")] == ["r"]
