"""evaluate(perspective=...): what follows for one participant."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from argmap import ArgumentMap, Participant
from argmap.reasoning._aspic import evaluate
from argmap.reasoning._framework import FrameworkError, Status

IN, OUT, UNDEC = Status.IN, Status.OUT, Status.UNDEC
ROOT = Path(__file__).resolve().parents[1]


def _reported() -> tuple[ArgumentMap, dict[str, str]]:
    """The author reports that X said p, and argues from X having said it."""
    m = ArgumentMap()
    author = m.add_participant(Participant(id="author", name="Author"))
    x = m.add_participant(Participant(id="x", name="X"))
    own = m.add_claim("the author's own claim")
    p = m.add_claim("what X said")
    l_author = m.add_locution(author, "Author: X said p, and I say q")
    m.add_illocution(l_author, own, "Asserting")
    l_x = m.add_locution(x, "X: p")
    m.add_report(l_author, l_x)
    m.add_illocution(l_x, p, "Asserting")
    follows = m.add_claim("X holds p publicly")
    m.add_inference(l_x, follows)
    asked = m.add_claim("a question the author only asks")
    m.add_illocution(l_author, asked, "Pure Questioning")
    implicit = m.add_claim("an implicit premise", implicit=True)
    return m, {"own": own.id, "p": p.id, "l_x": l_x.id, "follows": follows.id,
               "asked": asked.id, "implicit": implicit.id}


def test_without_perspective_everything_said_is_a_premise() -> None:
    m, ids = _reported()
    ev = evaluate(m)
    assert ev.perspective is None
    assert all(ev.status(ids[k]) is IN for k in ("own", "p", "follows", "asked", "implicit"))


def test_the_authors_perspective_keeps_only_her_commitments() -> None:
    m, ids = _reported()
    ev = evaluate(m, perspective="author")
    assert ev.perspective == "author"
    assert ev.status(ids["own"]) is IN
    assert ev.status(ids["p"]) is UNDEC  # only X asserts it
    assert ev.status(ids["l_x"]) is IN  # that X said it, which the author reports
    assert ev.status(ids["follows"]) is IN  # ... and uses as a premise
    assert ev.status(ids["asked"]) is UNDEC  # asking is no commitment
    assert ev.status(ids["implicit"]) is IN  # no one's locution: the analyst's reconstruction
    assert ids["p"] not in ev.structure.premises


def test_the_other_participants_perspective() -> None:
    m, ids = _reported()
    ev = evaluate(m, perspective="x")
    assert ev.status(ids["p"]) is IN
    assert ev.status(ids["own"]) is UNDEC


def test_an_objection_only_others_raise_does_not_count() -> None:
    m, ids = _reported()
    objection = m.add_claim("objection")
    m.add_conflict(objection, ids["own"])
    l_x = m.add_locution("x", "X: objection")
    m.add_illocution(l_x, objection, "Asserting")
    assert evaluate(m).status(ids["own"]) is OUT
    assert evaluate(m, perspective="author").status(ids["own"]) is IN
    assert evaluate(m, perspective="x").status(ids["own"]) is UNDEC


def test_unknown_participant_is_an_error() -> None:
    m, _ = _reported()
    with pytest.raises(FrameworkError, match="not a participant"):
        evaluate(m, perspective="nobody")


# ------------------------------------------------------------------------ seed
REPORTED = ("friends_safe", "court_reason", "europe_plan", "respect_sanctions",
            "take_back_alaska")


def _seed() -> object:
    path = ROOT / "examples" / "annotate_seed.py"
    if not path.exists() or not (ROOT / "examples" / "seed_article.txt").exists():
        pytest.skip("the seed example is not there")
    spec = importlib.util.spec_from_file_location("annotate_seed_for_perspective", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_seed_from_the_authors_perspective() -> None:
    m: ArgumentMap = _seed().build()  # type: ignore[attr-defined]
    needed = {*REPORTED, "kremlin_displeasure", "pa_however_pattern"}
    assert needed <= m.nodes.keys(), "the seed annotation renamed a node this test names"
    author = next(iter(m.participants))  # the article's author is its first participant
    ev = evaluate(m, perspective=author)
    for nid in REPORTED:
        assert author not in {p.id for p in m.speakers(nid)}
        assert nid not in ev.structure.premises, nid
        assert ev.status(nid) is not IN, nid
    # The recommended reading: weakest-link, a preference between conclusions decides.
    assert ev.status("kremlin_displeasure") is IN
    m.remove_node("pa_however_pattern")
    assert evaluate(m, perspective=author).status("kremlin_displeasure") is UNDEC
