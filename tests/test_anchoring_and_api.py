"""Anchoring that helps (whitespace-tolerant quotes, after=/occurrence= on every builder, the
closest passage in errors) and the small API mends (collections as properties, cascading
removal, a schema lxml takes as it is)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from lxml import etree

import argmap
from argmap import AnchorError, ArgumentMap, Participant, Source

TEXT = "Trams are\ncheap.  Trams are quiet. Buses are  cheap too."


def test_whitespace_runs_match_any_whitespace_and_spans_keep_the_original() -> None:
    src = Source(text=TEXT)
    span = src.find("Trams are cheap")
    assert (span.start, span.end, span.text) == (0, 15, "Trams are\ncheap")
    assert src.find("are cheap too").text == "are  cheap too"
    with pytest.raises(AnchorError, match="not found"):
        src.find("Trams are cheap", exact_whitespace=True)
    # No whitespace run matches nothing at all.
    with pytest.raises(AnchorError):
        src.find("Tramsare")


def test_builders_take_after_and_occurrence() -> None:
    m = ArgumentMap(source=Source(text=TEXT))
    second = m.add_claim(quote="Trams", after=1, id="c2")
    assert second.spans[0].start == TEXT.index("Trams", 1)
    first = m.add_evidence(quote="Trams", occurrence=0, id="e1")
    assert first.spans[0].start == 0
    m.add_participant(Participant(id="p", name="P"))
    loc = m.add_locution("p", quote="cheap", after=20)
    assert loc.spans[0].start == TEXT.index("cheap", 20)
    with pytest.raises(AnchorError, match="occurs 2 times"):
        m.add_claim(quote="Trams")


def test_not_found_names_the_closest_passage() -> None:
    src = Source(text="Prices rose. Prices rose again in May.")
    with pytest.raises(AnchorError) as caught:
        src.find("Prices fell again")
    assert "the closest passage is [13, 30): 'Prices rose again'" in str(caught.value)
    with pytest.raises(AnchorError) as nothing:
        src.find("zzz qqq")
    assert "closest" not in str(nothing.value)


@given(st.lists(st.sampled_from(["ab", "cd", "e"]), min_size=1, max_size=6),
       st.lists(st.sampled_from([" ", "\n", "  ", "\t "]), min_size=6, max_size=6))
def test_a_quote_with_normalised_whitespace_finds_its_words(words: list[str],
                                                             gaps: list[str]) -> None:
    text = "".join(w + g for w, g in zip(words, gaps[:len(words)], strict=True)).rstrip()
    src = Source(text="X " + text + " Y")
    quote = " ".join(words)
    hits = list(src.find_all(quote))
    assert hits and all(h.text == src.text[h.start:h.end] for h in hits)
    assert any(h.start == 2 for h in hits)


def test_collections_are_properties() -> None:
    m = ArgumentMap(source=Source(text="Cats purr. Dogs bark."))
    c = m.add_claim(quote="Cats purr")
    e = m.add_evidence(quote="Dogs bark")
    m.add_inference([e], c)
    assert m.propositions == [c, e]
    assert m.roots == [c]
    for name in ("nodes", "edges", "participants", "propositions", "roots", "source", "extra"):
        assert isinstance(getattr(type(m), name), property), name


def test_remove_node_plain_and_cascading() -> None:
    def build() -> ArgumentMap:
        m = ArgumentMap(source=Source(text="A. B. C. D."))
        a, b, c, d = (m.add_claim(quote=q, id=q) for q in "ABCD")
        ra = m.add_inference([b], a, id="ra")
        m.add_conflict(c, ra, id="undercut")
        m.add_conflict(d, a, id="rebut")
        return m

    plain = build()
    plain.remove_node("B")
    assert "ra" in plain and "undercut" in plain
    assert "inference-premises" in {p.code for p in plain.validate()}

    cascaded = build()
    removed = cascaded.remove_node("B", cascade=True)
    assert removed.id == "B"
    assert {"ra", "undercut"}.isdisjoint(cascaded.nodes)
    assert {"A", "C", "D", "rebut"} <= set(cascaded.nodes)
    assert cascaded.validate() == []


def test_the_schema_text_goes_to_lxml_as_it_is() -> None:
    schema = etree.XMLSchema(etree.fromstring(argmap.aif_xml_schema()))
    m = ArgumentMap(source=Source(text="Cats purr."))
    m.add_claim(quote="Cats purr")
    assert schema.validate(etree.fromstring(argmap.to_xml(m)))
