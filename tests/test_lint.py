"""Structural lint for annotators."""

from __future__ import annotations

from argmap import ArgumentMap, Source
from argmap.reasoning._lint import LINT_RULES, lint

TEXT = "Taxes should rise. Pollution harms health. Critics object. Costs fall."


def codes(m: ArgumentMap) -> list[tuple[str, tuple[str, ...]]]:
    return [(p.code, p.nodes) for p in lint(m)]


def test_a_complete_annotation_is_clean() -> None:
    m = ArgumentMap(source=Source(text=TEXT))
    claim = m.add_claim(quote="Taxes should rise")
    reason = m.add_evidence(quote="Pollution harms health")
    m.add_inference(reason, claim, scheme="Argument From Negative Consequences")
    critics = m.add_claim(quote="Critics object")
    m.add_conflict(critics, claim)
    m.add_conflict(m.add_claim(quote="Costs fall"), critics)
    m.add_inference(m.add_claim("Costs falling answers the critics", implicit=True), claim,
                    scheme="Practical Reasoning")
    assert lint(m) == []


def test_unsupported_claim() -> None:
    m = ArgumentMap()
    lone = m.add_claim("A lonely assertion")
    ev = m.add_evidence("Some evidence nobody uses")  # evidence needs no support
    assert codes(m) == [("unsupported-claim", (lone.id,))]
    # Being used (as premise, attacker, or preference side) or supported clears it.
    m.add_inference(lone, m.add_claim("c", implicit=True), scheme="Sign")
    # Now a premise: no longer unsupported, but it is anchored nowhere.
    assert codes(m) == [("unanchored-premise", (lone.id,))]
    assert ev.id not in {n for _, nodes in codes(m) for n in nodes}
    m.add_preference(m.add_claim("d", implicit=True), m.add_claim("e", implicit=True))
    assert codes(m) == [("unanchored-premise", (lone.id,))]


def test_schemes_missing_default_and_unknown() -> None:
    m = ArgumentMap()
    c = m.add_claim("c", implicit=True)
    none = m.add_inference(m.add_claim("a", implicit=True), c)
    default = m.add_inference(m.add_claim("b", implicit=True), c, scheme="Default Inference")
    odd = m.add_inference(m.add_claim("d", implicit=True), c, scheme="Argument From Horoscopes")
    labelled = m.add_inference(m.add_claim("e", implicit=True), c, label="Argument From Sign")
    found = codes(m)
    assert ("inference-without-scheme", (none.id,)) in found
    assert ("inference-without-scheme", (default.id,)) in found
    assert ("unknown-scheme", (odd.id,)) in found
    assert all(labelled.id not in nodes for _, nodes in found)


def test_unanchored_premise() -> None:
    m = ArgumentMap(source=Source(text=TEXT))
    claim = m.add_claim(quote="Taxes should rise")
    loose = m.add_claim("Pollution is bad")  # neither anchored nor implicit
    m.add_inference(loose, claim, scheme="Sign")
    implicit = m.add_claim("Health matters", implicit=True)
    m.add_inference(implicit, claim, scheme="Sign")
    assert codes(m) == [("unanchored-premise", (loose.id,))]
    # Anchoring it in a locution (dialogue) also counts.
    who = m.add_speaker("Author")
    m.add_illocution(m.add_locution(who, "Pollution is bad"), loose)
    assert lint(m) == []


def test_undefended_attack_and_its_answers() -> None:
    m = ArgumentMap()
    claim = m.add_claim("c", implicit=True)
    m.add_inference(m.add_claim("r", implicit=True), claim, scheme="Sign")
    objection = m.add_claim("o", implicit=True)
    ca = m.add_conflict(objection, claim)
    assert codes(m) == [("undefended-attack", (ca.id, objection.id, claim.id))]
    # A preference does not answer a one-way conflict (a contrary's attack always
    # succeeds): lint says so instead of counting it as a defence.
    pa = m.add_preference(claim, objection)
    assert codes(m) == [("undefended-attack", (ca.id, objection.id, claim.id)),
                        ("ineffective-preference", (pa.id, claim.id, objection.id))]
    # Made a contradiction (conflicts both ways), the preference decides it.
    back = m.add_conflict(claim, objection)
    assert lint(m) == []
    m.remove_node(back)
    m.remove_node(pa)
    counter = m.add_conflict(m.add_claim("counter", implicit=True), objection)
    # The counter-attack answers the objection; being a defence, it needs none itself.
    assert lint(m) == []
    m.remove_node(counter)
    m.add_conflict(objection, m.add_claim("side issue", implicit=True))
    assert [c for c, _ in codes(m)].count("undefended-attack") == 2


def test_support_cycles() -> None:
    m = ArgumentMap()
    a, b, c = (m.add_claim(t, implicit=True) for t in "abc")
    m.add_inference(a, b, scheme="Sign")
    m.add_inference(b, c, scheme="Sign")
    assert "support-cycle" not in [x for x, _ in codes(m)]
    m.add_inference(c, a, scheme="Sign")
    cycles = [nodes for code, nodes in codes(m) if code == "support-cycle"]
    assert cycles == [(a.id, b.id, c.id)]
    d = m.add_claim("d", implicit=True)
    m.add_rephrase(c, d)
    m.add_rephrase(d, c)
    cycles = [nodes for code, nodes in codes(m) if code == "support-cycle"]
    assert cycles == [(a.id, b.id, c.id, d.id)]


def test_every_rule_is_documented() -> None:
    m = ArgumentMap()
    lone = m.add_claim("x")
    m.add_inference(m.add_claim("y"), m.add_claim("z"), scheme="Nope")
    problems = lint(m)
    assert {p.code for p in problems} <= set(LINT_RULES)
    assert all(str(p).startswith(f"[{p.code}]") for p in problems)
    assert lone.id in problems[0].message


def test_claims_anchored_only_in_reported_speech_are_not_unsupported() -> None:
    m = ArgumentMap()
    author = m.add_speaker("Reporter")
    minister = m.add_speaker("Minister")
    said = m.add_locution(author, "The minister said the plan is safe")
    quoted = m.add_locution(minister, "The plan is safe")
    m.add_report(said, quoted)
    safe = m.add_claim("The plan is safe")
    m.add_illocution(quoted, safe)
    assert [p.code for p in lint(m) if p.code == "unsupported-claim"] == []
    # The author's own assertion is still reported...
    own = m.add_claim("The plan is cheap")
    m.add_illocution(m.add_locution(author, "The plan is cheap"), own)
    assert [p.nodes for p in lint(m) if p.code == "unsupported-claim"] == [(own.id,)]
    # ... and so is a claim the author also asserts directly.
    m.add_illocution(m.add_locution(author, "I agree the plan is safe"), safe)
    flagged = {p.nodes[0] for p in lint(m) if p.code == "unsupported-claim"}
    assert flagged == {own.id, safe.id}
