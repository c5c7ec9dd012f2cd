"""The scheme catalogue and critical questions."""

from __future__ import annotations

import json
from importlib import resources

import pytest
from hypothesis import given
from hypothesis import strategies as st

import argmap
from argmap import ArgumentMap, ConflictKind, MapError, NodeKind
from argmap.reasoning._questions import (
    CQ_KEY,
    answer_question,
    critical_questions,
    open_questions,
    scheme_of,
)
from argmap.reasoning._schemes import (
    CriticalQuestion,
    Scheme,
    SchemeCatalogue,
    SchemeError,
    normalise_scheme_name,
    schemes,
)

IAT_ILLOCUTIONS = [
    "Asserting", "Arguing", "Disagreeing", "Restating", "Pure Questioning",
    "Assertive Questioning", "Rhetorical Questioning", "Challenging", "Agreeing",
    "Conceding", "Default Illocuting", "Analysing",
]
# Names as AIFdb writes them in the scheme field of nodes of real corpora.
AIFDB_RA_NAMES = [
    "Example", "CauseToEffect", "PracticalReasoning", "VerbalClassification", "Analogy",
    "ExpertOpinion", "EstablishedRule", "Sign", "Commitment", "Ignorance", "PositionToKnow",
    "CorrelationToCause", "InconsistentCommitment", "FalsificationOfHypothesis",
    "ExceptionalCase", "FearAppeal", "PopularPractice",
]


def test_catalogue_is_package_data_and_complete() -> None:
    raw = json.loads(
        resources.files("argmap").joinpath("data/schemes.json").read_text(encoding="utf-8")
    )
    cat = schemes()
    assert len(cat) == len(raw["schemes"])
    ra = cat.of_kind(NodeKind.RA)
    walton = [s for s in ra if s.family != "default"]
    assert len(walton) >= 25
    for s in walton:
        assert s.premises, s.name
        assert s.conclusion, s.name
        assert len(s.questions) >= 2, s.name
    for kind, default in [("RA", "Default Inference"), ("CA", "Default Conflict"),
                          ("MA", "Default Rephrase"), ("PA", "Default Preference"),
                          ("YA", "Default Illocuting"), ("TA", "Default Transition")]:
        assert cat.lookup(default, kind=kind).kind is NodeKind(kind)
    for name in IAT_ILLOCUTIONS:
        s = cat.lookup(name, kind="YA")
        assert s.anchors, name
    for name in AIFDB_RA_NAMES:
        assert cat.lookup(name, kind="RA").name == name
    assert schemes() is cat  # loaded once


def test_catalogue_round_trips_through_json() -> None:
    cat = schemes()
    again = SchemeCatalogue.from_json(json.dumps(cat.to_json()))
    assert list(again) == list(cat)


@pytest.mark.parametrize(
    ("spelling", "name"),
    [
        ("PureQuestioning", "PureQuestioning"),
        ("Pure Questioning", "PureQuestioning"),
        ("pure questioning", "PureQuestioning"),
        ("Argument From Expert Opinion", "ExpertOpinion"),
        ("Argument from expert opinion", "ExpertOpinion"),
        ("Expert Opinion", "ExpertOpinion"),
        ("ArgumentFromExpertOpinion", "ExpertOpinion"),
        ("Argument from an Established Rule", "EstablishedRule"),
        ("Argument from Evidence to a Hypothesis", "EvidenceToHypothesis"),
        ("Circumstantial Argument Against the Person", "CircumstantialAdHominem"),
        ("Causal Slippery Slope Argument", "SlipperySlope"),
        ("Argument From Cause To Effect", "CauseToEffect"),
        ("From-analogy", "Analogy"),
        ("Inference to the best explanation", "Abductive"),
        ("  Argument From Sign ", "Sign"),
    ],
)
def test_alias_tolerant_lookup(spelling: str, name: str) -> None:
    assert schemes()[spelling].name == name


def test_unknown_scheme() -> None:
    assert schemes().get("Argument From Horoscopes") is None
    assert schemes().get(None) is None
    assert "Argument From Horoscopes" not in schemes()
    with pytest.raises(SchemeError, match="unknown RA scheme"):
        schemes().lookup("Argument From Horoscopes", kind="RA")
    with pytest.raises(LookupError):  # SchemeError is a LookupError
        schemes()["nope"]


@given(st.text(max_size=40))
def test_normalised_keys_are_plain_words(name: str) -> None:
    key = normalise_scheme_name(name)
    assert key == " ".join(key.split())
    assert all(ch.isascii() and (ch.isdigit() or ch.islower() or ch == " ") for ch in key)


@given(st.lists(st.from_regex(r"[A-Za-z]{1,8}", fullmatch=True), min_size=1, max_size=5))
def test_spaced_names_are_case_blind(words: list[str]) -> None:
    name = " ".join(words)
    assert normalise_scheme_name(name.upper()) == normalise_scheme_name(name.lower())


def test_users_add_schemes() -> None:
    cat = schemes().copy()
    mine = Scheme(name="FromTradition", kind="RA", premises=["A has always been done."],
                  conclusion="A should go on being done.",
                  questions=[CriticalQuestion(id="still-fits", text="Does it still fit?",
                                              attack="undercut")])
    cat.add(mine)
    assert cat["from tradition"] is mine
    assert cat.get("From Tradition", kind="YA") is None
    assert "FromTradition" not in schemes()  # the shared catalogue is untouched
    with pytest.raises(SchemeError, match="clashes"):
        cat.add(Scheme(name="Tradition", kind="RA", aliases=["From Tradition"]))
    cat.add(Scheme(name="Tradition", kind="RA", aliases=["From Tradition"]), replace=True)
    assert cat["FromTradition"].name == "Tradition"
    # The same name may denote schemes of different kinds.
    cat.add(Scheme(name="Tradition", kind="YA", anchors=["locution"]))
    assert cat.lookup("Tradition", kind="YA").kind is NodeKind.YA
    removed = cat.remove("Tradition", kind="YA")
    assert removed.kind is NodeKind.YA
    assert cat.get("Tradition", kind="YA") is None


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"name": "X", "kind": "I"}, "S-nodes"),
        ({"name": "X", "kind": "RA", "questions": [{"id": "q", "text": "?", "attack": "other"}]},
         "undermine, undercut or rebut"),
        ({"name": "X", "kind": "RA", "premises": ["p"],
          "questions": [{"id": "q", "text": "?", "attack": "undermine", "premise": 3}]},
         "premise 3"),
        ({"name": "X", "kind": "RA", "questions": [{"id": "q", "text": "?", "attack": "rebut"},
                                                    {"id": "q", "text": "!", "attack": "rebut"}]},
         "one id"),
        ({"name": "X", "kind": "YA", "anchors": ["sky"]}, "anchor"),
        ({"name": "X", "kind": "RA", "colour": "blue"}, "invalid scheme"),
    ],
)
def test_invalid_schemes(fields: dict[str, object], message: str) -> None:
    with pytest.raises(SchemeError, match=message):
        Scheme.from_json(fields)


def test_invalid_catalogue_documents() -> None:
    with pytest.raises(SchemeError, match="JSON"):
        SchemeCatalogue.from_json("{")
    with pytest.raises(SchemeError, match="'schemes' array"):
        SchemeCatalogue.from_json({"schemes": 3})
    with pytest.raises(SchemeError, match="JSON object"):
        SchemeCatalogue.from_json({"schemes": [3]})


def test_question_lookup() -> None:
    s = schemes()["ExpertOpinion"]
    assert s.question("field").premise == 2
    assert s.question("trustworthiness").attack is ConflictKind.UNDERCUT
    with pytest.raises(SchemeError, match="no critical question 'colour'"):
        s.question("colour")


# -------------------------------------------------------------- critical questions
def expert_map() -> tuple[ArgumentMap, str, list[str], str]:
    m = ArgumentMap()
    prem = [m.add_claim(t).id for t in ("Dr X is a virologist", "Dr X says masks work",
                                          "Whether masks work is a question of virology")]
    concl = m.add_claim("Masks work").id
    ra = m.add_inference(prem, concl, scheme="Argument From Expert Opinion").id
    return m, ra, prem, concl


def test_open_questions_and_answering() -> None:
    m, ra, prem, concl = expert_map()
    all_ids = [q.id for q in schemes()["ExpertOpinion"].questions]
    assert [q.id for q in open_questions(m, ra)] == all_ids

    # An undermining answer: Dr X's field is something else.
    doubt = m.add_claim("Dr X is a dermatologist, not a virologist")
    ca = m.add_conflict(doubt, prem[0])
    node = answer_question(m, ra, "expertise", ca)
    assert node.extra[CQ_KEY] == {"scheme": "ExpertOpinion", "question": "expertise",
                                   "inference": ra}
    assert m.node(ca.id) == node
    # An undercutting answer and a supporting answer.
    biased = m.add_conflict(m.add_claim("Dr X sells masks"), ra)
    answer_question(m, ra, schemes()["ExpertOpinion"].question("trustworthiness"), biased)
    backing = m.add_inference(m.add_claim("A WHO panel agrees that masks work"), concl)
    answer_question(m, ra, "consistency", backing)

    open_ids = [q.id for q in open_questions(m, ra)]
    assert open_ids == [i for i in all_ids if i not in ("expertise", "trustworthiness",
                                                        "consistency")]
    statuses = {s.question.id: s for s in critical_questions(m, ra)}
    assert [n.id for n in statuses["expertise"].answers] == [ca.id]
    assert not statuses["expertise"].open
    assert statuses["field"].open
    # Answering the same question again is harmless; another needs replace=True.
    answer_question(m, ra, "expertise", ca)
    with pytest.raises(MapError, match="already answers question 'expertise'"):
        answer_question(m, ra, "field", ca)
    answer_question(m, ra, "field", ca, replace=True)
    assert "field" not in [q.id for q in open_questions(m, ra)]


def test_answers_are_found_with_alias_spellings_and_without_inference_id() -> None:
    m, ra, _, _ = expert_map()
    m.add_conflict(m.add_claim("Dr X sells masks"), ra,
                   extra={CQ_KEY: {"scheme": "Expert Opinion", "question": "trustworthiness"}})
    assert "trustworthiness" not in [q.id for q in open_questions(m, ra)]
    # A record naming another inference does not count here.
    m.add_conflict(m.add_claim("Masks trap heat"), ra,
                   extra={CQ_KEY: {"scheme": "ExpertOpinion", "question": "field",
                                   "inference": "elsewhere"}})
    assert "field" in [q.id for q in open_questions(m, ra)]


def test_answer_errors() -> None:
    m, ra, prem, concl = expert_map()
    with pytest.raises(MapError, match="belong to inferences"):
        open_questions(m, prem[0])
    with pytest.raises(SchemeError, match="no critical question"):
        answer_question(m, ra, "colour", ra)
    with pytest.raises(MapError, match="conflict \\(CA\\) or an inference"):
        answer_question(m, ra, "field", prem[0])
    far = m.add_conflict(m.add_claim("x"), m.add_claim("y"))
    with pytest.raises(MapError, match="does not answer"):
        answer_question(m, ra, "field", far)
    odd = m.add_inference(m.add_claim("Horoscopes say so"), concl, scheme="Astrology")
    with pytest.raises(SchemeError, match="not in the scheme catalogue"):
        open_questions(m, odd)
    assert scheme_of(m, odd) is None


def test_scheme_of_defaults_and_labels() -> None:
    m = ArgumentMap()
    a, b = m.add_claim("a"), m.add_claim("b")
    plain = m.add_inference(a, b)
    assert scheme_of(m, plain) is schemes()["Default Inference"]
    assert open_questions(m, plain) == []
    labelled = m.add_inference(m.add_claim("c"), b, label="Argument From Sign")
    assert scheme_of(m, labelled) is schemes()["Sign"]
    assert scheme_of(m, m.add_conflict(a, b)) is schemes().lookup("Default Conflict", kind="CA")
    assert scheme_of(m, a) is None


def test_answers_survive_aif_xml() -> None:
    m, ra, _, _ = expert_map()
    ca = m.add_conflict(m.add_claim("Dr X sells masks"), ra)
    answer_question(m, ra, "trustworthiness", ca)
    back = argmap.from_xml(argmap.to_xml(m))
    assert back == m
    assert [q.id for q in open_questions(back, ra)] == [q.id for q in open_questions(m, ra)]
    assert "trustworthiness" not in [q.id for q in open_questions(back, ra)]
