"""OVA2 JSON (read only): nodes with layout, edges embedding nodes, highlighted text."""

from __future__ import annotations

from pathlib import Path

import pytest

import argmap
from argmap import Illocution, Inference, Locution, ParseError

GOLDEN = Path(__file__).parent / "golden" / "formats"


def test_ova2_map() -> None:
    m = argmap.read(GOLDEN / "ova2_map.json")
    assert [n.kind.value for n in m.nodes.values()] == ["I", "L", "YA", "I", "RA"]
    loc = m.nodes["2"]
    assert isinstance(loc, Locution) and loc.speaker == "1"
    assert m.participants["1"].name == "Anna Smith"
    assert [s.text for s in loc.spans] == ["Cats purr"]
    assert [s.text for s in m.nodes["4"].spans] == ["cats are happy"]  # type: ignore[union-attr]
    ya = m.nodes["3"]
    assert isinstance(ya, Illocution) and (ya.label, ya.scheme_id) == ("Asserting", "74")
    ra = m.nodes["5"]
    assert isinstance(ra, Inference) and ra.scheme_id == "72"
    assert m.nodes["1"].extra.thaw()["ova2:node"]["x"] == 10
    assert m.edges["e4"].extra["ova2:edge"] == {"visible": False}
    assert m.extra.thaw()["ova2:analysis"]["documentTitle"] == "Cats"
    assert m.validate() == []
    assert argmap.from_xml(argmap.to_xml(m)) == m


def test_ova2_cannot_be_written() -> None:
    m = argmap.read(GOLDEN / "ova2_map.json")
    with pytest.raises(argmap.FormatError, match="format 'ova2' cannot be written"):
        argmap.dumps(m, "ova2")


def test_ova2_duplicate_and_missing_ids_are_kept() -> None:
    data = (b'{"nodes": [{"id": 1, "text": "a", "type": "I"}, {"id": 1, "text": "b", "type": "I"},'
            b' {"text": "c", "type": "I"}], "edges": []}')
    m = argmap.loads(data, "ova2")
    assert list(m.nodes) == ["1"]
    from argmap.formats import format_problems

    assert [p.code for p in format_problems(m)] == ["duplicate-id", "malformed-record"]
    with pytest.raises(ParseError, match="not OVA2 JSON"):
        argmap.loads(b'{"edges": []}', "ova2")
