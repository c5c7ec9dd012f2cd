"""brat standoff: reading, writing back, kept lines and problems."""

from __future__ import annotations

import shutil
import subprocess
import sys
import warnings
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import argmap
from argmap.formats import format_problems
from argmap.formats._brat import dump_ann, read_brat, write_brat

GOLDEN = Path(__file__).parent / "golden" / "brat"


def _claim(m: argmap.ArgumentMap, ref: str) -> argmap.Claim:
    node = m.node(ref)
    assert isinstance(node, argmap.Claim)
    return node


def _kept(m: argmap.ArgumentMap) -> list[str]:
    kept = m.extra["brat:kept"]
    assert isinstance(kept, tuple)
    return [str(entry[1]) for entry in kept if isinstance(entry, tuple)]


def test_reads_every_construct() -> None:
    m = argmap.read(GOLDEN / "mixed.ann")
    assert m.source is not None
    major = _claim(m, "T1")
    assert major.extra["brat:type"] == "MajorClaim"
    assert [(s.start, s.end, s.text) for s in major.spans] == [
        (21, 35, "they are happy"), (37, 43, "mostly")]
    assert isinstance(m.node("R1"), argmap.Inference)
    assert [p.id for p in m.premises("R1")] == ["T2"]
    # Stance Against toward the one major claim: a conflict from the claim.
    stance = m.node("A1/T1")
    assert isinstance(stance, argmap.Conflict)
    attacker, target = m.attacker(stance), m.target(stance)
    assert attacker is not None and attacker.id == "T3"
    assert target is not None and target.id == "T1"
    # Unknown entity types are still text-bound units.
    assert m.node("T4").extra["brat:type"] == "Target"
    kept = _kept(m)
    assert kept == ["#1\tAnnotatorNotes T2\tan observation", "A2\tConfidence T2 High",
                    "R2\tpartOf Arg1:T4 Arg2:T2\t", "E1\tEvent:T4", "*\tAlias T2 T4"]
    assert format_problems(m) == [] and m.validate() == []


def test_writes_back_the_same_file(tmp_path: Path) -> None:
    m = argmap.read(GOLDEN / "mixed.ann")
    assert dump_ann(m) == (GOLDEN / "mixed.ann").read_bytes()
    write_brat(m, tmp_path / "copy.txt")
    assert (tmp_path / "copy.ann").read_bytes() == (GOLDEN / "mixed.ann").read_bytes()
    assert (tmp_path / "copy.txt").read_bytes() == (GOLDEN / "mixed.txt").read_bytes()
    again = argmap.read(tmp_path / "copy.ann")
    assert again.nodes == m.nodes and again.edges == m.edges


def test_reading_the_txt_reads_its_annotations() -> None:
    by_ann = argmap.read(GOLDEN / "mixed.ann")
    by_txt = argmap.read(GOLDEN / "mixed.txt", "brat")
    assert by_txt == by_ann


def test_without_text_keeps_offsets() -> None:
    data = (GOLDEN / "mixed.ann").read_bytes()
    m = argmap.loads(data, "brat")
    assert m.source is None
    assert _claim(m, "T1").spans == ()
    assert m.node("T1").extra["brat:offsets"] == ((21, 35), (37, 43))
    assert dump_ann(m) == data


def test_sniffs_ann_content() -> None:
    m = argmap.loads((GOLDEN / "mixed.ann").read_bytes())
    assert "T1" in m


@pytest.mark.parametrize(("line", "code"), [
    ("T1\tClaim 0 4\tDogs", "anchor-mismatch"),
    ("T1\tClaim 0 400\tCats", "anchor-mismatch"),
    ("T1\tClaim 9 4\tCats", "malformed-record"),
    ("T1\tClaim x\tCats", "malformed-record"),
    ("R1\tsupports Arg1:T7 Arg2:T8\t", "dangling-reference"),
    ("A1\tStance T9 For", "dangling-reference"),
])
def test_bad_lines_are_kept_and_reported(line: str, code: str) -> None:
    m = read_brat(line + "\n", "Cats purr.")
    assert [p.code for p in format_problems(m)] == [code]
    assert _kept(m) == [line]
    assert dump_ann(m) == (line + "\n").encode()


def test_relation_types_of_other_corpora() -> None:
    text = "Cats purr. Cats are happy. Dogs bark."
    ann = ("T1\tClaim 11 25\tCats are happy\nT2\tPremise 0 9\tCats purr\n"
           "T3\tPremise 27 36\tDogs bark\nR1\tSupport Arg1:T2 Arg2:T1\t\n"
           "R2\tPartial-Attack Arg1:T3 Arg2:T1\t\n")
    m = read_brat(ann, text)
    assert isinstance(m.node("R1"), argmap.Inference)
    assert isinstance(m.node("R2"), argmap.Conflict)
    assert dump_ann(m).decode() == ann


def test_stance_without_major_claim_is_kept() -> None:
    ann = "T1\tClaim 0 4\tCats\nA1\tStance T1 For\n"
    m = read_brat(ann, "Cats purr.")
    assert [p.code for p in format_problems(m)] == ["dangling-reference"]
    assert dump_ann(m).decode() == ann


def test_stance_toward_several_major_claims() -> None:
    text = "Cats rule. Cats are kings. Cats purr."
    ann = ("T1\tMajorClaim 0 9\tCats rule\nT2\tMajorClaim 11 25\tCats are kings\n"
           "T3\tClaim 27 36\tCats purr\nA1\tStance T3 For\n")
    m = read_brat(ann, text)
    assert sorted(n.id for n in m.nodes_of(argmap.Inference)) == ["A1/T1", "A1/T2"]
    assert dump_ann(m).decode() == ann


def test_non_utf8_is_a_parse_error() -> None:
    with pytest.raises(argmap.ParseError, match="not UTF-8"):
        read_brat(b"T1\tClaim 0 1\t\xff\n", "x")


def test_txt_without_ann(tmp_path: Path) -> None:
    (tmp_path / "lonely.txt").write_text("hi")
    with pytest.raises(argmap.ParseError, match="no annotation file"):
        argmap.read(tmp_path / "lonely.txt", "brat")


def test_writing_a_map_from_elsewhere_warns_about_what_is_lost() -> None:
    m = argmap.ArgumentMap(source=argmap.Source(text="Cats purr. Cats are happy. Dogs bark."))
    a = m.add_claim(quote="Cats purr")
    b = m.add_claim(quote="Cats are happy")
    c = m.add_claim(quote="Dogs bark")
    hidden = m.add_claim("Purring means happiness", implicit=True)
    m.add_inference([a, hidden], b)
    m.add_conflict(c, b)
    with pytest.warns(argmap.ArgmapWarning, match="implicit"):
        data = dump_ann(m)
    back = read_brat(data, "Cats purr. Cats are happy. Dogs bark.")
    assert [n.extra["brat:type"] for n in back.nodes_of(argmap.Claim)] == [
        "Premise", "Claim", "Premise"]
    assert len(back.nodes_of(argmap.Inference)) == 1
    assert len(back.nodes_of(argmap.Conflict)) == 1


def test_other_formats_extra_data_left_out_is_warned_about() -> None:
    m = argmap.ArgumentMap(source=argmap.Source(text="Cats purr."))
    m.add_claim(quote="Cats purr", extra={"sadface:node": {"metadata": {"x": 1}}})
    m.set_extra({"sadface:document": {"id": "d1"}})
    with pytest.warns(argmap.ArgmapWarning) as caught:
        data = dump_ann(m)
    message = str(caught[0].message)
    assert "extra data of other formats on nodes" in message
    assert "extra data of other formats on the map" in message
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        dump_ann(read_brat(data, "Cats purr."))


def test_write_needs_a_source(tmp_path: Path) -> None:
    with pytest.raises(argmap.WriteError, match="no source text"):
        write_brat(argmap.ArgumentMap(), tmp_path / "x.ann")


_WORDS = st.lists(st.sampled_from(["cats", "purr", "dogs", "bark", "so", "\n", "ok."]),
                  min_size=3, max_size=30)


@given(_WORDS, st.data())
def test_round_trip_of_random_annotations(words: list[str], data: st.DataObject) -> None:
    text = " ".join(words)
    m = argmap.ArgumentMap(source=argmap.Source(text=text))
    n = data.draw(st.integers(1, 5))
    ids = []
    for _ in range(n):
        start = data.draw(st.integers(0, len(text) - 1))
        end = data.draw(st.integers(start + 1, len(text)))
        cut = data.draw(st.integers(start, end))
        spans = [(start, cut), (cut, end)] if start < cut < end else [(start, end)]
        kind = data.draw(st.sampled_from(["MajorClaim", "Claim", "Premise"]))
        node = m.add_claim(text[start:end], spans=spans, extra={"brat:type": kind})
        ids.append(node.id)
    if len(ids) > 1:
        m.add_inference(ids[0], ids[1])
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        data_ann = dump_ann(m)
    back = read_brat(data_ann, text)
    assert format_problems(back) == []
    def units(x: argmap.ArgumentMap) -> list[tuple[list[tuple[int, int]], object]]:
        return sorted(([(s.start, s.end) for s in n.spans], n.extra["brat:type"])
                      for n in x.nodes_of(argmap.Claim))

    assert units(back) == units(m)
    assert dump_ann(back) == data_ann


def test_cli_converts_brat_both_ways(tmp_path: Path) -> None:
    for name in ("mixed.ann", "mixed.txt"):
        shutil.copy(GOLDEN / name, tmp_path / name)
    run = [sys.executable, "-m", "argmap", "convert"]
    subprocess.run([*run, str(tmp_path / "mixed.ann"), str(tmp_path / "m.aif.xml")], check=True)
    subprocess.run([*run, str(tmp_path / "m.aif.xml"), str(tmp_path / "back.ann")], check=True)
    assert (tmp_path / "back.ann").read_bytes() == (GOLDEN / "mixed.ann").read_bytes()


def test_a_file_that_is_not_brat_is_refused_with_its_line() -> None:
    from argmap import ParseError

    with pytest.raises(ParseError, match=r":1: not a brat annotation line"):
        read_brat(b'{\n "nodes": []\n}\n', None, "map.json")
    with pytest.raises(ParseError, match=r":2: "):
        read_brat("T1\tClaim 0 4\tCats\nhello world\n", "Cats", "x.ann")
    assert read_brat("T1\tClaim 0 4\tCats\n\n", "Cats", "x.ann").nodes


def test_relations_and_stances_that_cannot_be_placed_are_reported() -> None:
    text = "Cats purr. So they are happy."
    ann = ("T1\tMajorClaim 14 28\tthey are happy\nT2\tPremise 0 9\tCats purr\n"
           "R1\tsupports Arg1:T2\t\nA1\tStance T2 Neutral\nA2\tStance T2 against\n"
           "R2\tcauses Arg1:T2 Arg2:T1\t\n")
    m = read_brat(ann, text)
    problems = {p.message.split(":")[0]: p.code for p in argmap.formats.format_problems(m)}
    assert problems == {"annotation line 3": "malformed-record",
                        "annotation line 4": "malformed-record"}
    # A stance value in lower case is still a stance; another relation type is kept as is.
    (conflict,) = m.nodes_of(argmap.Conflict)
    assert m.attacker(conflict) == m.nodes["T2"] and m.target(conflict) == m.nodes["T1"]
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert dump_ann(m).decode() == ann


def test_written_back_as_read_fragment_order_argument_order_line_ends() -> None:
    text = "Cats purr loudly. So they are happy, mostly."
    ann = (b"T1\tClaim 37 43;21 35\tmostly they are happy\r\n"
           b"T2\tPremise 0 16\tCats purr loudly\r\n"
           b"R1\tsupports Arg2:T1 Arg1:T2\t\r\n")
    m = read_brat(ann, text)
    claim = m.nodes["T1"]
    assert [(s.start, s.end) for s in claim.spans] == [(21, 35), (37, 43)]  # type: ignore
    assert m.premises("R1") == (m.nodes["T2"],) and m.conclusion("R1") == claim
    assert dump_ann(m) == ann


@pytest.mark.parametrize("ann", [
    b"T1\tPremise 30 34;0 4;30 34\tDogs Cats Dogs\n",
    b"T1\tClaim 14 28\tthey are happy\r\nT2\tPremise 0 9\tCats purr\nR1\tsupports Arg1:T2 "
    b"Arg2:T1\t\r\n",
    b"T1\tClaim 14 28\tthey are happy\r\nT2\tPremise 0 9\tCats purr",
    b"T1\tClaim 14 28\tthey are happy\nT2\tPremise 0 9\tCats purr",
])
def test_repeated_fragments_mixed_line_ends_and_no_final_newline_come_back(ann: bytes) -> None:
    assert dump_ann(read_brat(ann, "Cats purr. So they are happy. Dogs bark.")) == ann
