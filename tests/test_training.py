"""Training data: token tags, relation pairs, map records, the export command."""

from __future__ import annotations

import json
import subprocess
import sys
import warnings
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import argmap

GOLDEN = Path(__file__).parent / "golden" / "brat"
ESSAYS = Path(__file__).resolve().parents[1].parent / "shared" / "corpora" / \
    "persuasive-essays-brat"


def _unit_spans(m: argmap.ArgumentMap) -> list[tuple[int, int, str]]:
    out = []
    for node in m.nodes_of(argmap.Claim):
        role = node.extra.get("brat:type")
        for s in node.spans:
            out.append((s.start, s.end, role if isinstance(role, str) else "Claim"))
    return sorted(out)


_TEXT = st.lists(st.sampled_from(["Cats", "purr", ",", "so", "they're", "happy", ".", " ",
                                  "\n", "naïve", "42"]), min_size=2, max_size=40).map("".join)


@st.composite
def _maps(draw: st.DrawFn) -> argmap.ArgumentMap:
    text = draw(_TEXT.filter(lambda t: bool(t.strip())))
    m = argmap.ArgumentMap(source=argmap.Source(text=text))
    solid = [i for i, c in enumerate(text) if not c.isspace()]
    # Disjoint spans that begin and end on a visible character.
    cuts = sorted(set(draw(st.lists(st.sampled_from(solid), max_size=8))))
    for start, end in zip(cuts[::2], cuts[1::2], strict=False):
        role = draw(st.sampled_from(["Claim", "Premise", "MajorClaim"]))
        m.add_claim(text[start:end + 1], spans=[(start, end + 1)], extra={"brat:type": role})
    return m


@given(_maps(), st.sampled_from(["bio", "bioes"]))
def test_tags_give_back_every_span(m: argmap.ArgumentMap, scheme: str) -> None:
    tokens = argmap.mining.tag_tokens(m, scheme=scheme)
    assert argmap.mining.spans_from_tags(tokens) == _unit_spans(m)
    assert all(t.text.strip() for t in tokens)


@pytest.mark.skipif(not ESSAYS.is_dir(), reason="../shared/corpora is absent")
def test_essay_spans_round_trip_through_tags() -> None:
    for ann in sorted(ESSAYS.glob("*.ann")):
        m = argmap.read(ann)
        for scheme in ("bio", "bioes"):
            tokens = argmap.mining.tag_tokens(m, scheme=scheme)
            assert argmap.mining.spans_from_tags(tokens) == _unit_spans(m), ann.name


def test_bioes_prefixes() -> None:
    m = argmap.ArgumentMap(source=argmap.Source(text="Yes. Cats purr loudly."))
    m.add_claim(quote="Yes")
    m.add_claim(quote="Cats purr loudly")
    tags = [t.tag for t in argmap.mining.tag_tokens(m, scheme="bioes")]
    assert tags == ["S-Claim", "O", "B-Claim", "I-Claim", "E-Claim", "O"]


def test_pluggable_tokenizer_and_label() -> None:
    m = argmap.ArgumentMap(source=argmap.Source(text="ab cd"))
    m.add_evidence(quote="cd")

    def chars(text: str) -> list[tuple[int, int]]:
        return [(i, i + 1) for i, c in enumerate(text) if c != " "]

    tokens = argmap.mining.tag_tokens(m, tokenizer=chars, label=lambda n: "EV")
    assert [(t.text, t.tag) for t in tokens] == [
        ("a", "O"), ("b", "O"), ("c", "B-EV"), ("d", "I-EV")]
    with pytest.raises(argmap.ArgmapError, match="bad offsets"):
        argmap.mining.tag_tokens(m, tokenizer=lambda text: [(0, 99)])


def test_overlapping_spans_warn() -> None:
    m = argmap.ArgumentMap(source=argmap.Source(text="Cats purr loudly."))
    m.add_claim(quote="Cats purr")
    m.add_claim(quote="purr loudly", id="late")
    with pytest.warns(argmap.ArgmapWarning, match="late"):
        tokens = argmap.mining.tag_tokens(m)
    assert argmap.mining.spans_from_tags(tokens) == [(0, 9, "Claim")]


def test_tagging_needs_text_and_known_scheme() -> None:
    with pytest.raises(argmap.ArgmapError, match="no source text"):
        argmap.mining.tag_tokens(argmap.ArgumentMap())
    m = argmap.ArgumentMap(source=argmap.Source(text="x"))
    with pytest.raises(argmap.ArgmapError, match="unknown tagging scheme"):
        argmap.mining.tag_tokens(m, scheme="iob2")


def _pairs_map() -> argmap.ArgumentMap:
    m = argmap.read(GOLDEN / "mixed.ann")
    return m


def test_relation_pairs_cover_every_ordered_pair() -> None:
    m = _pairs_map()
    pairs = argmap.mining.relation_pairs(m, name="mixed")
    units = len([n for n in m.nodes_of(argmap.Claim) if n.spans])
    assert len(pairs) == units * (units - 1)
    labels = {(p["source"]["id"], p["target"]["id"]): p["label"] for p in pairs}
    assert labels[("T2", "T1")] == "support"
    assert labels[("T3", "T1")] == "attack"  # the Against stance
    assert labels[("T1", "T2")] == "none"
    assert {p["map"] for p in pairs} == {"mixed"}


def test_negative_sampling_is_seeded() -> None:
    m = _pairs_map()
    one = argmap.mining.relation_pairs(m, negatives=1.0, seed=7)
    again = argmap.mining.relation_pairs(m, negatives=1.0, seed=7)
    assert one == again
    assert [p["label"] for p in one].count("none") == 2
    other = [argmap.mining.relation_pairs(m, negatives=1.0, seed=s) for s in range(20)]
    assert len({json.dumps(o) for o in other}) > 1
    labels = [p["label"] for p in argmap.mining.relation_pairs(m, negatives=0)]
    assert labels == ["support", "attack"]
    with pytest.raises(argmap.ArgmapError, match="negatives"):
        argmap.mining.relation_pairs(m, negatives=-1)


_NESTED = pytest.mark.filterwarnings("ignore:1 span.s. overlap:argmap.ArgmapWarning")


@_NESTED
def test_map_records_share_one_schema() -> None:
    brat = argmap.read(GOLDEN / "mixed.ann")
    plain = argmap.ArgumentMap()
    a = plain.add_claim("Cats purr")
    plain.add_conflict(plain.add_claim("Dogs bark"), a)
    text = argmap.mining.dumps_training([("a", brat), ("b", plain)], "jsonl")
    records = [json.loads(line) for line in text.splitlines()]

    def schema(value: object) -> object:
        if isinstance(value, dict):
            return {k: schema(v) for k, v in value.items()}
        if isinstance(value, list):
            return "list"
        return type(value).__name__

    assert schema(records[0]) == schema(records[1])
    assert records[0]["tags"][:3] == ["B-Premise", "I-Premise", "I-Premise"]
    assert records[1]["relations"][0]["type"] == "attack"


@_NESTED
def test_dumps_training_conll() -> None:
    m = argmap.read(GOLDEN / "mixed.ann")
    text = argmap.mining.dumps_training([("mixed", m)], "bio")
    assert text.startswith("# mixed\nCats\tB-Premise\npurr\tI-Premise\n")
    assert text.endswith("\n\n")
    with pytest.raises(argmap.ArgmapError, match="unknown training format"):
        argmap.mining.dumps_training([], "csv")


def test_export_command(tmp_path: Path) -> None:
    out = tmp_path / "pairs.jsonl"
    run = [sys.executable, "-m", "argmap", "export"]
    done = subprocess.run([*run, str(GOLDEN), "--to", "relations", "--negatives", "0.5",
                           "-o", str(out)], capture_output=True, check=False)
    assert done.returncode == 0, done.stderr
    rows = [json.loads(line) for line in out.read_text().splitlines()]
    assert {r["map"] for r in rows} == {"mixed.ann"}
    tags = subprocess.run([*run, str(GOLDEN / "mixed.ann"), "--to", "bioes", "-o", "-"],
                          capture_output=True, check=True)
    assert tags.stdout.startswith(b"# mixed.ann\nCats\tB-Premise\n")
    assert b"overlap an earlier unit" in tags.stderr  # the nested Target unit
    bad = subprocess.run([*run, str(GOLDEN / "mixed.ann"), "--to", "csv", "-o", "-"],
                         capture_output=True, check=False)
    assert bad.returncode == 2
    negative = subprocess.run([*run, str(GOLDEN / "mixed.ann"), "--to", "relations",
                               "--negatives", "-1", "-o", "-"], capture_output=True, check=False)
    assert negative.returncode == 2 and b"expected a number >= 0" in negative.stderr


def test_export_from_a_map_without_text_fails_cleanly(tmp_path: Path) -> None:
    m = argmap.ArgumentMap()
    m.add_claim("Cats purr")
    path = tmp_path / "m.aif.xml"
    with warnings.catch_warnings():
        argmap.write(m, path)
    done = subprocess.run([sys.executable, "-m", "argmap", "export", str(path), "--to", "bio",
                           "-o", "-"], capture_output=True, check=False)
    assert done.returncode == 3
    assert b"no source text" in done.stderr and b"Traceback" not in done.stderr
