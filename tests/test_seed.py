"""The seed article's annotation (examples/annotate_seed.py) and its committed outputs.

The annotation is the project's showcase, so these tests check what a careful
AIF/IAT annotator would check: every anchor is exact, the article's argument
is all there (thesis, the linked Tengiz inference with its conceded
alternatives and "however", reported speech, the links between paragraphs),
and the committed XML and DOT are exactly what the script produces today.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import re
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

import argmap
from argmap import (
    ArgumentMap,
    Claim,
    ConflictKind,
    Evidence,
    EvidenceType,
    Illocution,
    Inference,
    Locution,
    Node,
    NodeKind,
)

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
OUTPUT = EXAMPLES / "output"
SHARED_SEED = ROOT.parent / "shared" / "seed" / "000_af29be0843c263f8.txt"
AUTHOR = "lautman"
#: The article's theses: the two opening lessons and the closing "Right now, however, …".
THESES = {"lesson1", "lesson2", "no_need_to_bend"}

#: Scheme names the annotation may use (AIFdb catalogue names) with their AIFdb ids.
CATALOGUE: dict[str, str | None] = {
    "Argument From Sign": "30",
    "Argument From Best Explanation": None,
    "Argument From Evidence To Hypothesis": "13",
    "Argument From Cause To Effect": "4",
    "Argument From Example": "14",
    "Argument From Position To Know": "26",
    "Argument From Expert Opinion": "15",
    "Argument From Negative Consequences": "22",
    "Argument From Verbal Classification": "31",
    "Argument From Established Rule": "61",
    "Argument From Threat": None,
    "Practical Reasoning": "28",
    "Default Inference": "72",
}


def _load_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("annotate_seed", EXAMPLES / "annotate_seed.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def script() -> ModuleType:
    return _load_script()


@pytest.fixture(scope="module")
def m(script: Any) -> ArgumentMap:
    built: ArgumentMap = script.build()
    return built


def text_of(m: ArgumentMap) -> str:
    assert m.source is not None
    return m.source.text


def spans_text(node: Node) -> str:
    return " … ".join(s.text for s in getattr(node, "spans", ()))


def anchors(m: ArgumentMap, node: Node) -> Iterator[tuple[Locution, Illocution]]:
    """(locution, illocution) pairs that anchor ``node``."""
    for ya in m.predecessors(node):
        if isinstance(ya, Illocution):
            for loc in m.predecessors(ya):
                if isinstance(loc, Locution):
                    yield loc, ya


def supports_path(m: ArgumentMap, start: Node, goal: Node) -> bool:
    """True when ``start`` reaches ``goal`` through inferences only (premise -> conclusion)."""
    seen: set[str] = set()
    todo = [start]
    while todo:
        node = todo.pop()
        if node.id == goal.id:
            return True
        if node.id in seen:
            continue
        seen.add(node.id)
        for ra in m.successors(node):
            if isinstance(ra, Inference) and node in m.premises(ra):
                concl = m.conclusion(ra)
                if concl is not None:
                    todo.append(concl)
    return False


def proposition(m: ArgumentMap, node_id: str) -> Claim | Evidence:
    node = m.node(node_id)
    assert isinstance(node, (Claim, Evidence)), node_id
    return node


def the_inference(m: ArgumentMap, premises: set[str], conclusion: str) -> Inference:
    found = [
        ra for ra in m.nodes_of(Inference)
        if {p.id for p in m.premises(ra)} == premises
        and (c := m.conclusion(ra)) is not None and c.id == conclusion
    ]
    assert len(found) == 1, f"no single inference {sorted(premises)} -> {conclusion}"
    return found[0]


# ----------------------------------------------------------------- the text itself
def test_article_is_the_seed_corpus_file_byte_for_byte() -> None:
    if not SHARED_SEED.is_file():
        pytest.skip(f"shared seed corpus not found at {SHARED_SEED} (../shared is absent)")
    assert (EXAMPLES / "seed_article.txt").read_bytes() == SHARED_SEED.read_bytes()


def test_metadata_describes_the_article(m: ArgumentMap) -> None:
    meta = json.loads((EXAMPLES / "seed_article.json").read_text(encoding="utf-8"))
    data = (EXAMPLES / "seed_article.txt").read_bytes()
    assert hashlib.sha256(data).hexdigest() == meta["sha256"]
    src = m.source
    assert src is not None
    assert src.text == data.decode("utf-8")
    assert src.author == "Olga Lautman"
    assert src.publisher == "Center for European Policy Analysis (CEPA)"
    assert src.published == "2022-07"
    assert src.title == "Lesson number one for Russia’s neighbors…"
    assert src.language == "en"
    assert "000_af29be0843c263f8.txt" in str(src.extra["obtained_from"])
    assert src.text.startswith(str(src.extra["incipit"]).rstrip("…"))


# ------------------------------------------------------------------------ anchors
def test_every_span_is_exactly_its_slice_of_the_article(m: ArgumentMap) -> None:
    text = text_of(m)
    count = 0
    for node in m.nodes.values():
        for span in getattr(node, "spans", ()):
            assert text[span.start : span.end] == span.text, node.id
            count += 1
    assert count > 100


def test_explicit_propositions_are_anchored_and_implicit_ones_are_not(m: ArgumentMap) -> None:
    for node in m.propositions:
        if node.implicit:
            assert node.spans == (), node.id
        else:
            assert node.spans, f"{node.id} has no anchor in the text"
    implicit = {n.id for n in m.propositions if n.implicit}
    assert {"tengiz_signal", "not_coincidence", "mere_coincidence"} <= implicit


def test_biography_is_kept_out_of_the_argument(m: ArgumentMap) -> None:
    text = text_of(m)
    bio = text.index("Olga Lautman is a non-resident senior fellow")
    for node in m.nodes.values():
        for span in getattr(node, "spans", ()):
            assert span.end <= bio, node.id
    assert m.source is not None
    assert "Kremlin File podcast" in str(m.source.extra["author_note"])


def test_the_whole_argumentative_text_is_annotated(m: ArgumentMap) -> None:
    """Everything before the biography is covered, except connectives and an aside."""
    text = text_of(m)
    bio = text.index("Olga Lautman is a non-resident senior fellow")
    covered = bytearray(bio)
    for node in m.nodes.values():
        for span in getattr(node, "spans", ()):
            covered[span.start : span.end] = b"\x01" * len(span)
    gaps = [
        g.strip(" .,;:()[]“”—–\n")
        for g in re.split(r"\x01+", "".join(c if not covered[i] else "\x01"
                                              for i, c in enumerate(text[:bio])))
    ]
    leftover = {g for g in gaps if g}
    assert leftover <= {"and", "because", "the old name of the Kazakh capital, Nur-Sultan"}


def test_thesis_and_closing_claim_are_anchored(m: ArgumentMap) -> None:
    lesson1 = m.node("lesson1")
    assert spans_text(lesson1).startswith("Lesson number one for Russia’s neighbors")
    assert spans_text(m.node("lesson2")).startswith("Lesson number two")
    assert spans_text(m.node("lacks_power")) == "it lacks the power to make them"
    assert spans_text(m.node("no_need_to_bend")) == (
        "Right now … Kazakhstan has no need to bend the knee to Putin")


def test_map_is_valid_in_strict_mode(m: ArgumentMap) -> None:
    assert m.validate(strict=True) == []


# ------------------------------------------------------------------- Tengiz passage
def test_taken_together_is_one_linked_abductive_inference(m: ArgumentMap) -> None:
    ra = the_inference(
        m, {"explosion", "tokayev_july4", "court_order", "tengiz_signal", "independence"},
        "kremlin_displeasure",
    )
    assert ra.scheme == "Argument From Best Explanation"
    scheme = argmap.reasoning.schemes().get(ra.scheme)
    assert scheme is not None and "coincidence" in {q.id for q in scheme.questions}
    # The three July events: two evidence nodes and Tokayev's (reported) statement.
    assert isinstance(m.node("explosion"), Evidence)
    assert isinstance(m.node("court_order"), Evidence)
    tokayev = m.node("tokayev_july4")
    assert isinstance(tokayev, Locution)
    assert m.participants[tokayev.speaker or ""].name == "Kasym-Zhomart Tokayev"
    # No convergent shortcut from any single event to the conclusion.
    for premise in ("explosion", "court_order", "tokayev_july4"):
        assert not any(
            {p.id for p in m.premises(s)} == {premise}
            for s in m.supporters(m.node("kremlin_displeasure"))
        )
    # The author's locution for the conclusion holds the markers "Taken together, however".
    [(loc, ya)] = anchors(m, m.node("kremlin_displeasure"))
    assert loc.speaker == AUTHOR and ya.force == "Asserting"
    assert spans_text(loc).startswith("Taken together, however")


def test_the_enthymemes_say_what_the_text_reports(m: ArgumentMap) -> None:
    e2 = proposition(m, "not_coincidence")
    assert e2.implicit
    # Two blows (the explosion and the court order), both on 6 July, after the statements.
    assert "two blows" in e2.text and "6 July" in e2.text and "three" not in e2.text.lower()
    # The author argues with both enthymemes, so she is committed to them.
    mine = {n.id for n in m.commitments(AUTHOR)}
    assert {"tengiz_signal", "not_coincidence"} <= mine
    assert not {"mere_coincidence", "safety_reason", "bend_the_knee"} & mine


def test_conceded_content_is_spanned_not_the_hedge(m: ArgumentMap) -> None:
    conceded = {
        "accident": ("It may be that", "was an accident"),
        "coincidence": ("it may be a coincidence that", "a coincidence that two days earlier"),
        "court_innocent": ("It’s possible too that", "a Russian court ordered the Caspian"),
    }
    for node_id, (hedge, content) in conceded.items():
        node = proposition(m, node_id)
        assert hedge not in spans_text(node), node_id
        assert content in spans_text(node), node_id
        assert "may" in node.text, node_id  # a conceded possibility, not a fact
        [(loc, ya)] = anchors(m, node)
        assert loc.speaker == AUTHOR and ya.force == "Conceding"
        assert hedge in spans_text(loc)  # the hedge is the locution's force
    the_inference(m, set(conceded), "mere_coincidence")


def test_the_rival_explanation_undercuts_and_however_prefers_the_pattern(
    m: ArgumentMap,
) -> None:
    coincidence = proposition(m, "mere_coincidence")
    assert "may" not in coincidence.text  # unhedged: contrary to the author's E2
    taken_together = m.node("ra_taken_together")
    undercuts = [ca for ca in m.attackers(taken_together) if m.attacker(ca) == coincidence]
    assert len(undercuts) == 1
    assert m.conflict_kind(undercuts[0]) is ConflictKind.UNDERCUT
    # The coincidence explanation does not rebut the conclusion itself.
    assert not m.attackers(m.node("kremlin_displeasure"))
    pattern = m.node("not_coincidence")
    assert any(m.attacker(ca) == pattern for ca in m.attackers(coincidence))
    assert any(m.attacker(ca) == coincidence for ca in m.attackers(pattern))
    [pa] = [p for p in m.nodes_of(NodeKind.PA) if m.preferred(p) == pattern]
    assert m.dispreferred(pa) == coincidence
    # The undercut is recorded as the answer to the scheme's coincidence question.
    answered = {q.question.id: [n.id for n in q.answers]
                for q in argmap.reasoning.critical_questions(m, taken_together) if not q.open}
    assert answered == {"coincidence": ["ca_coincidence_undercut"]}


def test_however_decides_the_main_conclusion(m: ArgumentMap) -> None:
    """Grounded semantics, default (weakest-link) ordering: IN with "however", UNDEC without."""
    main = "kremlin_displeasure"
    ev = argmap.evaluate(m)
    assert ev.status(main).value == "IN"
    assert ev.status("mere_coincidence").value == "OUT"
    assert ev.status("not_coincidence").value == "IN"
    without = m.copy()
    without.remove_node("pa_however_pattern")
    assert argmap.evaluate(without).status(main).value == "UNDEC"
    # The undercut is what carries the rival's weight: remove it and the preference no
    # longer matters (no inert undercut).
    no_undercut = without.copy()
    no_undercut.remove_node("ca_coincidence_undercut")
    assert argmap.evaluate(no_undercut).status(main).value == "IN"
    # The conceded possibilities stay acceptable: they are compatible with the conclusion;
    # only the rival explanation they open up is rejected.
    for node_id in ("accident", "coincidence", "court_innocent"):
        assert ev.status(node_id).value == "IN"


# ------------------------------------------------------------------- reported speech
@pytest.mark.parametrize(
    "speaker",
    ["Kasym-Zhomart Tokayev", "Konstantin Zatulin", "Margarita Simonyan", "Kommersant",
     "Dmitry Medvedev", "Vyacheslav Volodin", "US National Security Council",
     "Office of the President of Kazakhstan", "Russian court"],
)
def test_others_speak_only_through_reported_locutions(m: ArgumentMap, speaker: str) -> None:
    [participant] = [p for p in m.participants.values() if p.name == speaker]
    locutions = [n for n in m.nodes_of(Locution) if n.speaker == participant.id]
    assert locutions, speaker
    author_commitments = {n.id for n in m.commitments(AUTHOR)}
    for loc in locutions:
        reporters = [r for r, ya in anchors(m, loc) if ya.force == "Asserting"]
        assert [r.speaker for r in reporters] == [AUTHOR], loc.id
        assert loc.id in author_commitments
        for content in m.commitments(participant):
            if content.kind is NodeKind.I:
                assert content.id not in author_commitments, content.id


def test_direct_quotations_are_anchored_to_the_speakers_words(m: ArgumentMap) -> None:
    sanctions = m.node("tokayev_sanctions")
    assert spans_text(sanctions) == "Sanctions are sanctions, we should not violate them"
    zatulin = m.node("zatulin_3")
    assert spans_text(zatulin).startswith("There are many towns with a predominantly Russian")
    # Paraphrased speech has no anchor of its own; its content points at the paraphrase.
    assert m.node("tokayev_july4").spans == ()  # type: ignore[union-attr]
    assert spans_text(m.node("europe_plan")) == (
        "plans to increase oil supply to Europe from the Tengiz field")


def test_author_is_committed_to_her_claims_not_to_quoted_ones(m: ArgumentMap) -> None:
    mine = {n.id for n in m.commitments(AUTHOR)}
    assert {"lesson1", "lesson2", "kremlin_displeasure", "independence", "no_need_to_bend",
            "lacks_power"} <= mine
    quoted = {"europe_plan", "respect_sanctions", "tq_donbas", "tq_principle", "tq_quasi_states",
              "zatulin_invasion", "munitions", "take_back_alaska", "friends_safe",
              "rest_possible", "refused_order", "nsc_approval"}
    assert not quoted & mine
    assert {p.name for p in m.speakers(m.node("respect_sanctions"))} == {"Kasym-Zhomart Tokayev"}


def test_arguments_inside_quotations_are_attributed_to_their_speaker(m: ArgumentMap) -> None:
    ra = the_inference(m, {"tq_chaos"}, "tq_non_recognition")
    arguing = [ya for ya in m.predecessors(ra) if isinstance(ya, Illocution)]
    assert [ya.force for ya in arguing] == ["Arguing"]
    [ta] = m.predecessors(arguing[0])
    speakers = {n.speaker for n in m.predecessors(ta) + m.successors(ta)
                if isinstance(n, Locution)}
    assert speakers == {"tokayev"}


# ---------------------------------------------------------- links between paragraphs
def test_sanctions_and_spief_are_evidence_of_defiance(m: ArgumentMap) -> None:
    independence = m.node("independence")
    assert supports_path(m, m.node("tokayev_sanctions"), independence)
    for said in ("tokayev_donbas", "tokayev_spief_3", "tokayev_discord", "office_nevsky",
                 "staged_question"):
        assert supports_path(m, m.node(said), m.node("disrespect")), said
    assert supports_path(m, m.node("disrespect"), independence)
    assert supports_path(m, m.node("refused_troops"), independence)


def test_cpc_suspension_and_the_official_reason(m: ArgumentMap) -> None:
    anger = the_inference(m, {"cpc_suspension"}, "putin_angered")
    assert anger.scheme == "Argument From Best Explanation"
    [undercut] = m.attackers(anger)
    safety = m.attacker(undercut)
    assert safety is not None and safety.id == "safety_reason"
    assert m.conflict_kind(undercut) is ConflictKind.UNDERCUT
    # The safety reading rests on what Kommersant reported, and the author leaves it
    # unanswered: no "pretext" is reconstructed from the unexplained "(again)".
    the_inference(m, {"munitions"}, "safety_reason")
    assert {p.name for p in m.speakers(m.node("munitions"))} == {"Kommersant"}
    assert not m.attackers(safety)
    assert "munitions_pretext" not in m.nodes
    # Putin's anger also rests on his visible shock and on Tokayev's words (the disrespect).
    the_inference(m, {"putin_shaken"}, "putin_angered")
    the_inference(m, {"disrespect"}, "putin_angered")
    assert argmap.evaluate(m).status("putin_angered").value == "IN"


def test_paragraph_13_is_a_claim_and_three_reasons(m: ArgumentMap) -> None:
    for reason in ("kazakhstan_routes", "can_retaliate", "limited_menace"):
        the_inference(m, {reason}, "not_perturbed")
    the_inference(m, {"stripping_troops"}, "limited_menace")
    the_inference(m, {"coal_freight"}, "can_retaliate")
    assert "independent_course" not in m.nodes
    the_inference(m, {"russia_desperate", "lacks_power"}, "no_need_to_bend")
    the_inference(m, {"not_perturbed"}, "no_need_to_bend")


def test_zatulins_threat_is_undercut_and_however_prefers_no_need(m: ArgumentMap) -> None:
    submit = m.node("bend_the_knee")
    threat = the_inference(m, {"zatulin_invasion", "rest_possible"}, "bend_the_knee")
    assert threat.scheme == "Argument From Threat"
    # The limited menace questions the threat's credibility: an undercut, not a rebuttal
    # of Zatulin's "could result in an invasion".
    [menace] = [ca for ca in m.attackers(threat)
                if (a := m.attacker(ca)) is not None and a.id == "limited_menace"]
    assert m.conflict_kind(menace) is ConflictKind.UNDERCUT
    assert not m.attackers(m.node("zatulin_invasion"))
    # The closing "however": against the conclusion of Zatulin's veiled threat.
    [pa] = [p for p in m.nodes_of(NodeKind.PA) if m.dispreferred(p) == submit]
    assert m.preferred(pa) == m.node("no_need_to_bend")
    assert any(m.attacker(ca) == m.node("no_need_to_bend") for ca in m.attackers(submit))


def test_lessons_are_argued_for(m: ArgumentMap) -> None:
    for lesson in ("lesson1", "lesson2"):
        assert m.supporters(m.node(lesson)), lesson
    assert supports_path(m, m.node("kremlin_displeasure"), m.node("lesson1"))
    assert supports_path(m, m.node("troops"), m.node("lesson2"))


# ------------------------------------------------------------- one connected argument
def _reaches(m: ArgumentMap, start: Node, goals: set[str]) -> bool:
    """``start`` reaches a goal through inferences (premise -> conclusion), conflicts
    (attacker -> target, or the conclusion of a targeted inference), from a locution the
    content it asserts and, for reported speech, the rest of the same quotation."""
    seen: set[str] = set()
    todo = [start]
    while todo:
        node = todo.pop()
        if node.id in goals:
            return True
        if node.id in seen:
            continue
        seen.add(node.id)
        for nxt in m.successors(node):
            if isinstance(nxt, Inference):
                concl = m.conclusion(nxt)
                if concl is not None:
                    todo.append(concl)
            elif nxt.kind is NodeKind.CA:
                for target in m.successors(nxt):
                    todo.append(target)
                    if isinstance(target, Inference) and (c := m.conclusion(target)):
                        todo.append(c)
            elif isinstance(nxt, Illocution) and isinstance(node, Locution):
                todo.extend(m.successors(nxt))
        if isinstance(node, Locution) and node.speaker != AUTHOR:
            # A quotation is used as a whole: its locutions, joined by transitions, share
            # the use the author makes of any of them.
            for ta in m.predecessors(node) + m.successors(node):
                if ta.kind is NodeKind.TA:
                    todo.extend(m.predecessors(ta) + m.successors(ta))
    return False


def _authors_propositions(m: ArgumentMap) -> list[Node]:
    return [n for n in m.commitments(AUTHOR) if n.kind is NodeKind.I]


def test_every_claim_of_the_author_reaches_a_thesis(m: ArgumentMap) -> None:
    mine = _authors_propositions(m)
    assert len(mine) > 40
    stray = [n.id for n in mine if not _reaches(m, n, THESES)]
    assert stray == []
    # So does every locution she reports: what others said is part of her argument.
    reported = [n for n in m.commitments(AUTHOR) if isinstance(n, Locution)]
    assert [n.id for n in reported if not _reaches(m, n, THESES)] == []


def test_the_article_is_one_connected_argument(m: ArgumentMap) -> None:
    """The author's propositions form one structure through inferences and conflicts."""
    mine = {n.id for n in _authors_propositions(m)}
    links: dict[str, set[str]] = {}
    for s_node in m.nodes_of(Inference) + m.nodes_of(NodeKind.CA):
        ends = {n.id for n in m.predecessors(s_node) + m.successors(s_node)
                if n.kind in (NodeKind.I, NodeKind.L, NodeKind.RA)}
        for end in ends:
            links.setdefault(end, set()).update(ends - {end})
            links.setdefault(s_node.id, set()).add(end)
            links[end].add(s_node.id)
    start = "lesson1"
    seen, todo = {start}, [start]
    while todo:
        for nxt in links.get(todo.pop(), ()):
            if nxt not in seen:
                seen.add(nxt)
                todo.append(nxt)
    assert mine - seen == set()
    # The Tengiz conclusion joins the Kremlin's pressure to Kazakhstan's answer.
    the_inference(m, {"cis_withdrawal", "kremlin_displeasure"}, "not_perturbed")


def test_the_theses_are_the_only_main_claims(m: ArgumentMap) -> None:
    mine = {n.id for n in _authors_propositions(m)}
    assert {n.id for n in m.roots} & mine == THESES
    # The picture draws as main claims exactly the theses.
    dot = argmap.view.to_dot(m)
    flagged = {match.group(1) for line in dot.splitlines() if "main claim</font>" in line
               if (match := re.search(r'id="argmap-([a-z0-9_]+)"', line))}
    assert flagged == THESES


def test_lint_finds_no_unsupported_claim(m: ArgumentMap) -> None:
    codes = {p.code for p in argmap.reasoning.lint(m)}
    assert "unsupported-claim" not in codes
    assert "unknown-scheme" not in codes
    assert "unanchored-premise" not in codes


# ----------------------------------------------------------------- dialogue layer (IAT)
def _locution_of(m: ArgumentMap, node: Node) -> set[str]:
    return {loc.id for loc, _ in anchors(m, node) if loc.speaker == AUTHOR}


def _anchoring(m: ArgumentMap, s_node: Node) -> list[tuple[str | None, Node]]:
    """(force, transition) pairs anchoring an S-node."""
    out: list[tuple[str | None, Node]] = []
    for ya in m.predecessors(s_node):
        if isinstance(ya, Illocution):
            for ta in m.predecessors(ya):
                if ta.kind is NodeKind.TA:
                    out.append((ya.force, ta))
    return out


def test_the_authors_inferences_are_anchored_by_arguing(m: ArgumentMap) -> None:
    asserted = {n.id for loc, ya in ((loc, ya) for n in m.nodes.values()
                                     for loc, ya in anchors(m, n))
                if loc.speaker == AUTHOR and ya.force == "Asserting"
                for n in m.successors(ya)}
    hers = [ra for ra in m.nodes_of(Inference)
            if (c := m.conclusion(ra)) is not None and c.id in asserted]
    assert len(hers) >= 35
    mine = sorted((n for n in m.nodes_of(Locution) if n.speaker == AUTHOR),
                  key=lambda loc: (loc.spans[0].start, loc.spans[0].end))
    order = {loc.id: i for i, loc in enumerate(mine)}
    for ra in hers:
        [(force, ta)] = _anchoring(m, ra)
        assert force == "Arguing", ra.id
        # IAT: the argument is made at the move that completes it -- the last of the
        # locutions holding its premises and conclusion -- and anchored on the transition
        # into that locution from the author's locution just before it.
        [before] = [n for n in m.predecessors(ta) if isinstance(n, Locution)]
        [after] = [n for n in m.successors(ta) if isinstance(n, Locution)]
        ends = {loc for node in (*m.premises(ra), m.conclusion(ra)) if node is not None
                for loc in _locution_of(m, node)}
        assert after.id == max(ends, key=order.__getitem__), ra.id
        assert order[after.id] == order[before.id] + 1, ra.id
    # Transitions join consecutive locutions of the author, and only where she argues.
    for ta in m.nodes_of(NodeKind.TA):
        [before] = [n for n in m.predecessors(ta) if isinstance(n, Locution)]
        [after] = [n for n in m.successors(ta) if isinstance(n, Locution)]
        if before.speaker == AUTHOR:
            assert after.speaker == AUTHOR
            assert order[after.id] == order[before.id] + 1
            assert {ya.force for ya in m.successors(ta) if isinstance(ya, Illocution)} <= {
                "Arguing", "Disagreeing"}


def test_the_authors_conflicts_are_anchored_by_disagreeing(m: ArgumentMap) -> None:
    mine = {n.id for n in _authors_propositions(m)}
    hers = [ca for ca in m.nodes_of(NodeKind.CA)
            if (a := m.attacker(ca)) is not None and a.id in mine]
    assert {ca.id for ca in hers} == {"ca_pattern_vs_coincidence", "ca_predictably",
                                      "ca_menace", "ca_no_need_vs_submit"}
    for ca in hers:
        assert [force for force, _ in _anchoring(m, ca)] == ["Disagreeing"], ca.id
    # Conflicts of others (the rival explanation, the official reason) are not hers.
    for ca in m.nodes_of(NodeKind.CA):
        if ca not in hers:
            assert not _anchoring(m, ca), ca.id


def test_simonyans_question_is_a_question(m: ArgumentMap) -> None:
    asked = m.node("simonyan_question")
    forces = [ya.force for ya in m.successors(asked) if isinstance(ya, Illocution)]
    assert "Pure Questioning" in forces
    answer = [n.id for ta in m.successors(asked) if ta.kind is NodeKind.TA
              for n in m.successors(ta) if isinstance(n, Locution)]
    assert answer == ["tokayev_donbas"]


# ------------------------------------------------------------------------ segmentation
def test_spans_hold_no_discourse_markers_or_reporting_frames(m: ArgumentMap) -> None:
    markers = ("Yet", "Therefore", "however", "In general", "Naturally", "It is clear that",
               "whom he accused of", "let it be known", "It may be", "It’s possible")
    for node in m.propositions:
        text = spans_text(node)
        for marker in markers:
            assert marker not in text, (node.id, marker)


def test_merged_propositions_are_split(m: ArgumentMap) -> None:
    # Tokayev's principle and his classification of Luhansk and Donetsk: two premises.
    the_inference(m, {"tq_principle", "tq_quasi_states"}, "tq_donbas")
    # Zatulin's reassurance to friends and his threat to the rest: two propositions.
    assert spans_text(m.node("friends_safe")).startswith("with friends and partners")
    assert spans_text(m.node("rest_possible")).startswith("As for the rest")
    # "This was welcomed by the United States" is the author's own fact.
    welcomed = m.node("us_welcomed")
    assert isinstance(welcomed, Evidence)
    assert spans_text(welcomed) == "This was welcomed by the United States"
    assert [loc.speaker for loc, _ in anchors(m, welcomed)] == [AUTHOR]
    assert spans_text(m.node("nsc_approval")) == "an approving statement"


# ------------------------------------------------------------- schemes and evidence
def test_schemes_come_from_the_catalogue(m: ArgumentMap) -> None:
    used = set()
    for ra in m.nodes_of(Inference):
        assert ra.scheme in CATALOGUE, ra.scheme
        assert ra.scheme_id == CATALOGUE[ra.scheme], ra.id
        used.add(ra.scheme)
    assert len(used) >= 8
    for node in m.nodes_of(NodeKind.CA):
        assert node.scheme == "Default Conflict"  # type: ignore[union-attr]


def test_evidence_carries_a_type(m: ArgumentMap) -> None:
    evidence = m.nodes_of(Evidence)
    assert len(evidence) >= 15
    assert all(e.evidence_type is not EvidenceType.OTHER for e in evidence)
    assert m.node("tengiz_size").evidence_type is EvidenceType.STATISTICS  # type: ignore[union-attr]
    assert isinstance(m.node("kremlin_displeasure"), Claim)


# -------------------------------------------------------------- committed outputs
def test_committed_xml_is_reproduced_exactly(m: ArgumentMap) -> None:
    committed = (OUTPUT / "seed.aif.xml").read_bytes()
    assert argmap.to_xml(m) == committed
    assert argmap.from_xml(committed, strict=True) == m


def test_committed_dot_is_reproduced_exactly(m: ArgumentMap, script: Any) -> None:
    committed = (OUTPUT / "seed.dot").read_text(encoding="utf-8")
    assert argmap.view.to_dot(m, **script.PICTURE) == committed


def test_committed_pictures_exist() -> None:
    svg = (OUTPUT / "seed.svg").read_bytes()
    assert svg.lstrip().startswith(b"<?xml") and b"<svg" in svg
    assert (OUTPUT / "seed.png").read_bytes().startswith(b"\x89PNG\r\n\x1a\n")
