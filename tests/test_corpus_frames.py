"""read_corpus, corpus statistics, info FOLDER, and the networkx / pandas views."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import argmap

GOLDEN = Path(__file__).parent / "golden"
CORPORA = Path(__file__).resolve().parents[1].parent / "shared" / "corpora"


def _folder(tmp_path: Path) -> Path:
    root = tmp_path / "corpus"
    (root / "sub").mkdir(parents=True)
    shutil.copy(GOLDEN / "brat" / "mixed.ann", root / "essay.ann")
    shutil.copy(GOLDEN / "brat" / "mixed.txt", root / "essay.txt")
    shutil.copy(GOLDEN / "argdown" / "constructs.argdown", root / "sub" / "debate.argdown")
    (root / "sub" / "broken.json").write_text('{"nodes": [')
    (root / "sub" / "bad.argdown").write_text("[Open: text\n")
    (root / ".hidden.json").write_text("{")
    (root / "README.md").write_text("not a map")
    return root


def test_read_corpus_is_lazy_and_collects_errors(tmp_path: Path) -> None:
    root = _folder(tmp_path)
    corpus = argmap.read_corpus(root)
    assert [p.relative_to(root).as_posix() for p in corpus.files] == [
        "essay.ann", "sub/bad.argdown", "sub/broken.json", "sub/debate.argdown"]
    it = iter(corpus)
    first_path, first = next(it)
    assert first_path.name == "essay.ann" and "T1" in first
    assert corpus.errors == {}
    rest = list(it)
    assert [p.name for p, _ in rest] == ["debate.argdown"]
    assert sorted(p.name for p in corpus.errors) == ["bad.argdown", "broken.json"]
    assert "bad.argdown:1:1" in str(corpus.errors[root / "sub" / "bad.argdown"])
    flat = argmap.read_corpus(root, recursive=False)
    assert [p.name for p in flat.files] == ["essay.ann"]
    with pytest.raises(argmap.ParseError, match="not a folder"):
        argmap.read_corpus(root / "essay.ann")


def test_statistics(tmp_path: Path) -> None:
    m = argmap.read(GOLDEN / "brat" / "mixed.ann")
    stats = argmap.mining.corpus_statistics([m, argmap.ArgumentMap()])
    assert stats["maps"] == 2
    assert stats["units"] == {"Claim": 1, "MajorClaim": 1, "Premise": 1, "Target": 1}
    assert stats["relations"] == {"attack": 1, "support": 1}
    assert m.source is not None and stats["characters"] == len(m.source.text)
    covered = len("Cats purr loudly") + len("they are happy") + len("mostly") + len("Dogs bark")
    assert stats["covered_characters"] == covered
    assert stats["coverage"] == round(covered / stats["characters"], 3)
    assert argmap.mining.corpus_statistics([])["coverage"] is None


def test_info_folder(tmp_path: Path) -> None:
    root = _folder(tmp_path)
    done = subprocess.run([sys.executable, "-m", "argmap", "info", str(root)],
                          capture_output=True, check=False, text=True)
    assert done.returncode == 3
    assert "4 file(s): 2 read, 2 unreadable" in done.stdout
    assert "bad.argdown:1:1" in done.stderr and "Traceback" not in done.stderr
    (root / "sub" / "broken.json").unlink()
    (root / "sub" / "bad.argdown").unlink()
    ok = subprocess.run([sys.executable, "-m", "argmap", "info", "--json", str(root)],
                        capture_output=True, check=True, text=True)
    assert '"maps": 2' in ok.stdout


@pytest.mark.skipif(not CORPORA.is_dir(), reason="../shared/corpora is absent")
def test_networkx_round_trip_on_the_corpora() -> None:
    pytest.importorskip("networkx")
    count = 0
    for path in ("persuasive-essays-brat", "argdown", "aifdb-qt30", "arg-microtexts/en"):
        for _, m in argmap.read_corpus(CORPORA / path):
            assert argmap.mining.from_networkx(argmap.mining.to_networkx(m)) == m
            count += 1
    assert count > 20


def test_networkx_attributes_and_hand_made_graphs() -> None:
    nx = pytest.importorskip("networkx")
    m = argmap.read(GOLDEN / "brat" / "mixed.ann")
    g = argmap.mining.to_networkx(m)
    assert g.nodes["T1"]["kind"] == "I" and g.nodes["T1"]["spans"] == [(21, 35), (37, 43)]
    assert g.nodes["R1"]["kind"] == "RA"
    assert g.graph["source"] == m.source
    assert g.edges["R1", "T1", "R1/out"]["id"] == "R1/out"
    hand = nx.DiGraph()
    hand.add_node("a", kind="I", text="Cats purr")
    hand.add_node("b", kind="I", text="Cats are happy")
    hand.add_node("r", kind="RA", scheme="Sign")
    hand.add_edge("a", "r")
    hand.add_edge("r", "b", id="out")
    built = argmap.mining.from_networkx(hand)
    concl = built.conclusion("r")
    assert concl is not None and concl.id == "b"
    assert "out" in built.edges
    hand.add_node("x", kind="L")
    with pytest.raises(argmap.MapError, match="kind 'L'"):
        argmap.mining.from_networkx(hand)


def test_frames() -> None:
    pytest.importorskip("pandas")
    m = argmap.read(GOLDEN / "brat" / "mixed.ann")
    frames = argmap.mining.to_frames(m)
    assert set(frames) == {"nodes", "edges", "spans", "participants"}
    nodes = frames["nodes"].set_index("id")
    assert nodes.loc["T1", "role"] == "MajorClaim" and nodes.loc["R1", "kind"] == "RA"
    assert len(frames["spans"]) == sum(len(n.spans) for n in m.nodes_of(argmap.Claim))
    assert list(frames["edges"].columns) == ["id", "from_id", "to_id", "from_kind", "to_kind"]
    assert frames["participants"].empty


def test_missing_extra_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)
    monkeypatch.setitem(sys.modules, "networkx", None)
    with pytest.raises(argmap.ArgmapError, match=r"argmap\[pandas\]"):
        argmap.mining.to_frames(argmap.ArgumentMap())
    with pytest.raises(argmap.ArgmapError, match=r"argmap\[networkx\]"):
        argmap.mining.to_networkx(argmap.ArgumentMap())
