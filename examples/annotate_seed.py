"""The seed article, annotated end to end in AIF with argmap's public API.

Olga Lautman's opinion article "Lesson number one for Russia’s neighbors…" (CEPA,
July 2022; titled by its first words, as its headline could not be checked).  The text is
``examples/seed_article.txt`` (a byte-for-byte copy of the project's seed
corpus file) and its metadata ``examples/seed_article.json``.

Run from the project root::

    python examples/annotate_seed.py

It writes ``examples/output/seed.aif.xml`` (the annotation), ``seed.html`` (the
reader view: text and map side by side, evaluated), ``seed.dot`` (the
picture's Graphviz source, compact dialogue view) and, when a Graphviz engine is
installed (``pip install 'argmap[render]'``), ``seed.svg`` and ``seed.png`` and
the picture of the article's core, ``seed-core.svg`` and ``seed-core.png``.

How the article is annotated
============================
*Propositions.*  Every argumentative unit, from the two "lessons" (the thesis)
to the closing claim that Russia "lacks the power to make them", is an I-node
anchored to the exact span(s) of the text that express it (several spans when
the wording is discontinuous).  Reported facts the author offers as grounds are
:class:`argmap.Evidence` with a type from the Webis editorial scheme (anecdote,
statistics, testimony, common ground); her interpretive claims are
:class:`argmap.Claim`.  Premises the author leaves unstated but needs are added
with ``implicit=True`` and no span.  The author's biography (the last
paragraph) is metadata, not argument.

*Dialogue (IAT).*  The author is a participant; each of her argumentative
discourse units is a locution anchored to its text (markers, hedges and
reporting frames included), joined to its propositions by an illocution:
*Asserting*, or *Conceding* for the three concessions of the Tengiz passage
("It may be that …", "it may be a coincidence …", "It's possible too …"), whose
propositions span the conceded content, not the hedge.  Where she argues, a
transition (TA) joins a locution to her locution just before it, and an
illocution on it anchors the inference (*Arguing*) or her conflict
(*Disagreeing*) that this move completes, as QT30 annotators do.  The
unstated premises of her Tengiz argument are anchored in the locution that
makes it, so ``m.commitments(author)`` holds everything she asserts, concedes
or leaves implicit, and nothing she only reports.  Inferences she does not make (the
rival explanations, the grounds of a concession) are not anchored in her
dialogue.

*Reported speech* (Tokayev, Zatulin, Simonyan, Kommersant, Medvedev, Volodin,
the US National Security Council, the Russian court, Kazakhstan's government)
follows the OVA/AIF+ pattern: the author's locution reports
(``add_report``) a locution of the other participant, which in turn asserts
its own content.  So ``m.commitments(author)`` holds *that Tokayev said* the
sanctions would be respected, never the proposition itself.  A reported
locution is anchored to the text only where the article quotes the speaker's
own words directly; indirect speech leaves it unanchored (its content I-node
still points at the paraphrase).  Where the article uses what someone said as
a reason (Tokayev's pledge on Russian TV as a sign of defiance), the premise is
the reported locution -- the speech act -- not its content.  Arguments made
inside a quotation (Tokayev's "Therefore, we do not recognize…") are anchored
to the speaker with a transition between his locutions and an *Arguing*
illocution, so the map shows who argued what.

*Schemes* are named as in the AIFdb catalogue (with its scheme ids where the
catalogue argmap ships has one), in the "Argument From …" spelling;
``Default Inference`` where no scheme fits better.  Conflicts are
``Default Conflict``; whether each rebuts, undermines or undercuts follows
from its target.

*Structure.*  The article is one argument with three theses -- the two
lessons it opens with and the closing "Right now, however, Kazakhstan has no
need to bend the knee" -- and every claim of the author reaches one of them
through inferences and conflicts.

The comments in :func:`build` give the reasons for the harder choices: why the
Tengiz inference is linked and abductive, why the conceded alternatives
undercut it rather than rebut its conclusion, what the two "however"s are, and
why some tempting readings (a "pretext" behind the munitions find, a rebuttal
of Zatulin's invasion talk) are not annotated.
"""

from __future__ import annotations

import itertools
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import argmap
from argmap import EvidenceType

HERE = Path(__file__).resolve().parent
TEXT_PATH = HERE / "seed_article.txt"
META_PATH = HERE / "seed_article.json"
OUTPUT = HERE / "output"

# Scheme names (AIFdb catalogue, "Argument From ..." spelling) and AIFdb scheme ids.
SIGN = ("Argument From Sign", "30")
# Abduction; AIFdb has no id for it in the catalogue argmap ships (Evidence To Hypothesis,
# id 13, is the verification of a prediction, a different scheme).
BEST_EXPLANATION = ("Argument From Best Explanation", None)
CAUSE_TO_EFFECT = ("Argument From Cause To Effect", "4")
EXAMPLE = ("Argument From Example", "14")
POSITION_TO_KNOW = ("Argument From Position To Know", "26")
NEGATIVE_CONSEQUENCES = ("Argument From Negative Consequences", "22")
VERBAL_CLASSIFICATION = ("Argument From Verbal Classification", "31")
ESTABLISHED_RULE = ("Argument From Established Rule", "61")
DEFAULT = ("Default Inference", "72")
THREAT = ("Argument From Threat", None)
CONFLICT = ("Default Conflict", "71")
PREFERENCE = ("Default Preference", "161")

#: How the README picture is drawn (keyword arguments of argmap.view.to_dot / argmap.render).
PICTURE: dict[str, Any] = {
    "dialogue": "compact", "fold": True, "stack": True, "stagger": 2, "legend": True,
}

SpanSpec = str | tuple[str, str]
"""A quote to anchor: the exact words, or (words, earlier words they follow)."""


def load_source() -> argmap.Source:
    """The article text with its bibliographic metadata."""
    text = TEXT_PATH.read_text(encoding="utf-8")
    meta = json.loads(META_PATH.read_text(encoding="utf-8"))
    extra = {k: meta[k] for k in ("incipit", "title_note", "author_note", "published_note",
                                  "obtained_from", "sha256")}
    return argmap.Source(
        text=text,
        title=meta["title"],
        author=meta["author"],
        publisher=meta["publisher"],
        url=meta["url"],
        published=meta["published"],
        language=meta["language"],
        extra=extra,
    )


def build() -> argmap.ArgumentMap:
    """Annotate the seed article; return the map (valid in strict mode)."""
    src = load_source()
    m = argmap.ArgumentMap(source=src)

    # ------------------------------------------------------------ helpers
    def at(spec: SpanSpec) -> argmap.Span:
        """Anchor one quote; (words, landmark) takes the first match after the landmark."""
        if isinstance(spec, tuple):
            words, landmark = spec
            return src.find(words, 0, after=src.find(landmark).start)
        return src.find(spec)

    def claim(node_id: str, text: str, *quotes: SpanSpec) -> argmap.Claim:
        return m.add_claim(text, spans=[at(q) for q in quotes], id=node_id)

    def evidence(node_id: str, kind: EvidenceType, text: str, *quotes: SpanSpec) -> argmap.Evidence:
        return m.add_evidence(text, spans=[at(q) for q in quotes], evidence_type=kind,
                              id=node_id)

    def implicit(node_id: str, text: str) -> argmap.Claim:
        return m.add_claim(text, implicit=True, id=node_id)

    def infer(node_id: str, premises: Sequence[argmap.NodeRef], conclusion: argmap.NodeRef,
              scheme: tuple[str, str | None]) -> argmap.Inference:
        return m.add_inference(premises, conclusion, scheme=scheme[0], scheme_id=scheme[1],
                               id=node_id)

    def attack(node_id: str, attacker: argmap.NodeRef, target: argmap.NodeRef) -> argmap.Conflict:
        return m.add_conflict(attacker, target, scheme=CONFLICT[0], scheme_id=CONFLICT[1],
                              id=node_id)

    author = m.add_speaker(
        "Olga Lautman",
        description="author; non-resident senior fellow at the Center for European Policy "
                    "Analysis (CEPA)",
        id="lautman",
    )
    # The author's locution that anchors each proposition she asserts or concedes, or that
    # reports each locution of someone else: where her inferences and conflicts are anchored.
    where: dict[str, argmap.Locution] = {}
    # Her inferences and conflicts with the locutions they join, anchored once all her
    # locutions exist (see anchor_the_authors_moves).
    moves: list[tuple[argmap.Inference | argmap.Conflict, str, list[argmap.Locution]]] = []

    def say(*contents: argmap.Claim | argmap.Evidence, force: str = "Asserting",
            quote: Sequence[SpanSpec] = ()) -> argmap.Locution:
        """One locution of the author anchoring ``contents`` with ``force``.

        The locution spans the author's words including discourse markers, hedges and
        reporting frames; the propositions span only their content.
        """
        spans = [at(q) for q in quote] or sorted(
            {s for c in contents for s in c.spans}, key=lambda s: (s.start, s.end))
        loc = m.add_locution(author, spans=spans)
        for content in contents:
            m.add_illocution(loc, content, force)
            where[content.id] = loc
        return loc

    def enthymeme(loc: argmap.Locution, *premises: argmap.Claim) -> None:
        """The author is committed to the unstated premises of the argument she makes here."""
        for premise in premises:
            m.add_illocution(loc, premise, "Asserting")
            where[premise.id] = loc

    def reported(node_id: str, speaker: argmap.Participant, text: str, *,
                 quote: Sequence[SpanSpec] = (), said_at: str | None = None,
                 asserts: Sequence[argmap.Claim | argmap.Evidence] = ()) -> argmap.Locution:
        """A locution of someone the author reports; it asserts its own content."""
        loc = m.add_locution(speaker, text, spans=[at(q) for q in quote], said_at=said_at,
                             id=node_id)
        for content in asserts:
            m.add_illocution(loc, content, "Asserting")
        return loc

    def report(reporting: argmap.Locution, *said: argmap.Locution) -> None:
        for loc in said:
            m.add_report(reporting, loc)
            where[loc.id] = reporting

    def argue(node_id: str, premises: Sequence[argmap.Claim | argmap.Evidence | argmap.Locution],
              conclusion: argmap.Claim | argmap.Evidence,
              scheme: tuple[str, str | None]) -> argmap.Inference:
        """An inference the author makes (anchored by *Arguing*, see below)."""
        ra = infer(node_id, premises, conclusion, scheme)
        moves.append((ra, "Arguing", [where[n.id] for n in (*premises, conclusion)]))
        return ra

    def disagree(node_id: str, attacker: argmap.Claim, target: argmap.NodeRef,
                 target_locution: argmap.Locution) -> argmap.Conflict:
        """A conflict the author raises against what ``target_locution`` says or reports
        (anchored by *Disagreeing*, see below)."""
        ca = attack(node_id, attacker, target)
        moves.append((ca, "Disagreeing", [target_locution, where[attacker.id]]))
        return ca

    def anchor_the_authors_moves() -> None:
        """Anchor her inferences and conflicts in her dialogue, as IAT does.

        An argument is made at the move that completes it: the locution, of those holding
        its premises and conclusion (or attacker and target), that comes last in the text.
        The illocution (*Arguing*, *Disagreeing*) sits on the transition into that locution
        from the author's locution just before it, so transitions join consecutive
        locutions, and only where she argues.
        """
        mine = sorted((n for n in m.nodes_of(argmap.Locution) if n.speaker == author.id),
                      key=lambda loc: (loc.spans[0].start, loc.spans[0].end))
        previous = {later.id: earlier for earlier, later in itertools.pairwise(mine)}
        transitions: dict[str, argmap.Transition] = {}
        for s_node, force, locutions in moves:
            last = max(locutions, key=lambda loc: (loc.spans[0].start, loc.spans[0].end))
            if all(loc.id == last.id for loc in locutions):
                raise RuntimeError(f"{s_node.id}: its ends share one locution; split it")
            if last.id not in transitions:
                transitions[last.id] = m.add_transition(
                    previous[last.id], last, scheme="Default Transition", scheme_id="82")
            m.add_illocution(transitions[last.id], s_node, force)

    def argued(before: argmap.Locution, after: argmap.Locution, inference: argmap.Inference
               ) -> None:
        """The speaker of a quotation argues ``inference`` across two of their locutions."""
        ta = m.add_transition(before, after, scheme="Default Transition", scheme_id="82")
        m.add_illocution(ta, inference, "Arguing")

    # Participants other than the author, as the article names them.
    tokayev = m.add_speaker("Kasym-Zhomart Tokayev", description="President of Kazakhstan",
                            id="tokayev")
    court = m.add_speaker("Russian court", description="the court that ordered the CPC to "
                          "suspend operations on 6 July 2022", id="russian_court")
    nsc = m.add_speaker("US National Security Council", id="us_nsc")
    simonyan = m.add_speaker("Margarita Simonyan", description="head of RT", id="simonyan")
    office = m.add_speaker("Office of the President of Kazakhstan", id="tokayev_office")
    kommersant = m.add_speaker("Kommersant", description="Russian newspaper", id="kommersant")
    zatulin = m.add_speaker("Konstantin Zatulin", description="Russian lawmaker", id="zatulin")
    kazakhstan = m.add_speaker("Government of Kazakhstan", id="kazakhstan")
    medvedev = m.add_speaker("Dmitry Medvedev", description="former President and Prime "
                             "Minister of Russia", id="medvedev")
    volodin = m.add_speaker("Vyacheslav Volodin", description="speaker of the State Duma",
                            id="volodin")

    # ============================================================ thesis
    # The article's theses: the two lessons it opens with and the closing "Right now,
    # however, …".  Every other claim of the author reaches one of them.
    lesson1 = claim(
        "lesson1",
        "Lesson one for Russia’s neighbours: their existence can be interrupted at any moment "
        "at the whim of the Kremlin.",
        "Lesson number one for Russia’s neighbors is that your existence can be interrupted "
        "at any moment at the whim of the Kremlin",
    )
    say(lesson1)
    lesson2 = claim(
        "lesson2",
        "Lesson two for Russia’s neighbours: Russian intervention is always to their "
        "disadvantage.",
        "Lesson number two is that Russian intervention is always to your disadvantage",
    )
    say(lesson2)

    # ============================================================ Tengiz (theory.md §6)
    # The three concessions.  Each is anchored by a *Conceding* illocution, so the hedge
    # ("It may be that", "it may be a coincidence that", "It's possible too that") is the
    # force of the author's locution, and the proposition spans the words that express the
    # conceded content -- not the hedge.  What she grants is a possibility, so the
    # proposition keeps its modal ("may"): conceding that the explosion *may* have been an
    # accident is consistent with her conclusion; what contradicts it is the rival
    # explanation these possibilities open up (below), which she rejects.
    explosion = evidence(
        "explosion", EvidenceType.ANECDOTE,
        "On 6 July 2022 there was an explosion at Kazakhstan’s Tengiz oil field.",
        "a July 6 explosion at Kazakhstan’s enormous Tengiz Field",
    )
    tengiz_size = evidence(
        "tengiz_size", EvidenceType.STATISTICS,
        "Tengiz is the sixth-largest oil field in the world, with reserves estimated at "
        "3.2bn tons.",
        "the sixth-largest in the world with reserves estimated at 3.2bn tons",
    )
    accident = claim(
        "accident", "The explosion at Tengiz on 6 July may have been an accident.",
        "a July 6 explosion at Kazakhstan’s enormous Tengiz Field", "was an accident",
    )
    l_accident = say(accident, force="Conceding", quote=[
        "It may be that a July 6 explosion at Kazakhstan’s enormous Tengiz Field, the "
        "sixth-largest in the world with reserves estimated at 3.2bn tons, was an accident."])
    # The presupposed facts of the conceding sentence are asserted in the same locution.
    for fact in (explosion, tengiz_size):
        m.add_illocution(l_accident, fact, "Asserting")
        where[fact.id] = l_accident

    europe_plan = claim(
        "europe_plan", "Kazakhstan will increase oil supply to Europe from the Tengiz field.",
        "plans to increase oil supply to Europe from the Tengiz field",
    )
    # Tokayev's statements are paraphrased, not quoted: his locution has no span.  The
    # author asserts that he made them (the reported locution), not that the plan is real.
    tokayev_july4 = reported(
        "tokayev_july4", tokayev,
        "Kazakhstan plans to increase oil supply to Europe from the Tengiz field.",
        said_at="2022-07-04", asserts=[europe_plan],
    )
    coincidence = claim(
        "coincidence",
        "It may be a coincidence that Tokayev spoke of supplying Europe from Tengiz two days "
        "before the explosion.",
        "a coincidence that two days earlier, Kazakhstan’s President Kasym-Zhomart Tokayev, "
        "made a series of statements about plans to increase oil supply to Europe from the "
        "Tengiz field",
    )
    l_coincidence = say(coincidence, force="Conceding", quote=[
        "And it may be a coincidence that two days earlier, Kazakhstan’s President "
        "Kasym-Zhomart Tokayev, made a series of statements about plans to increase oil "
        "supply to Europe from the Tengiz field."])
    report(l_coincidence, tokayev_july4)

    court_order = evidence(
        "court_order", EvidenceType.ANECDOTE,
        "On 6 July a Russian court ordered the Caspian Pipeline Consortium (CPC), a major "
        "exporter of Kazakh oil, to suspend operations for 30 days.",
        "on July 6, a Russian court ordered the Caspian Pipeline Consortium (CPC), a major "
        "exporter of oil from Kazakhstan, to suspend operations for 30 days",
    )
    court_reason = claim(
        "court_reason",
        "The CPC’s paperwork guiding the elimination of oil spill emergencies has "
        "irregularities.",
        "irregularities in paperwork guiding elimination of oil spill emergencies",
    )
    court_said = reported(
        "court_said", court,
        "irregularities in paperwork guiding elimination of oil spill emergencies",
        quote=["irregularities in paperwork guiding elimination of oil spill emergencies"],
        said_at="2022-07-06", asserts=[court_reason],
    )
    # "too" carries the ellipsis: the court order on the same day is *also* a coincidence.
    # Its content spans the order and the reason the court gave for it.
    innocent = claim(
        "court_innocent",
        "It may also be a coincidence that a Russian court ordered the CPC to suspend "
        "operations on 6 July, the day of the explosion, for the paperwork irregularities it "
        "cited.",
        "on July 6, a Russian court ordered the Caspian Pipeline Consortium (CPC), a major "
        "exporter of oil from Kazakhstan, to suspend operations for 30 days due to "
        "“irregularities in paperwork guiding elimination of oil spill emergencies.”",
    )
    l_court = say(innocent, force="Conceding", quote=[
        "It’s possible too that on July 6, a Russian court ordered the Caspian Pipeline "
        "Consortium (CPC), a major exporter of oil from Kazakhstan, to suspend operations for "
        "30 days due to “irregularities in paperwork guiding elimination of oil spill "
        "emergencies.”"])
    m.add_illocution(l_court, court_order, "Asserting")
    where[court_order.id] = l_court
    report(l_court, court_said)
    # What makes the third concession possible: the court gave a non-political reason, and
    # a court is placed to know why it ruled.  The grounds of a concession, not an argument
    # the author makes, so no Arguing anchors it (the scare quotes show her doubt).
    infer("ra_court_reason", [court_said], innocent, POSITION_TO_KNOW)
    reversed_ = evidence(
        "order_reversed", EvidenceType.ANECDOTE,
        "The court’s decision was apparently reversed on 11 July.",
        "The decision was apparently reversed on July 11.",
    )
    say(reversed_)

    kremlin_displeasure = claim(
        "kremlin_displeasure",
        "The Kremlin is expressing its displeasure at Kazakhstan’s signals of independence.",
        "the Kremlin is expressing its displeasure at signals of independence",
    )
    # The presupposition of "displeasure at signals of independence from a country": that
    # there were such signals.  Paragraphs 4-8 argue for it (the refusals, the NSC, the
    # sanctions pledge, the forum), and it is a premise of the Tengiz argument: only if
    # Kazakhstan has been signalling independence does displeasure at it explain the blows.
    independence = claim(
        "independence",
        "Kazakhstan has been signalling its independence from Russia.",
        "signals of independence from a country",
    )
    # "Kazakhs will reasonably conclude": attributed to Kazakhs but endorsed ("reasonably"),
    # so asserted by the author; Kazakhs say nothing, so there is no reported locution.
    l_conclusion = say(kremlin_displeasure, independence, quote=[
        "Taken together, however, Kazakhs will reasonably conclude that the Kremlin is "
        "expressing its displeasure at signals of independence from a country"])

    # Enthymemes of the Tengiz argument (theory.md §6).  E1 makes the hypothesis explain the
    # findings; E2 is the author's answer to the coincidence question.  E2 counts what the
    # text reports: two blows, both on 6 July, two days after the statements.
    e1 = implicit(
        "tengiz_signal",
        "Tokayev’s statements about supplying Europe with oil from Tengiz signalled "
        "independence from Moscow.",
    )
    e2 = implicit(
        "not_coincidence",
        "That two blows struck Kazakhstan’s oil exports on 6 July -- the explosion at Tengiz "
        "and the court order against the CPC -- two days after Tokayev’s statements about "
        "supplying Europe from Tengiz, is not a coincidence.",
    )
    # "Taken together, however": the author argues (and so is committed to) both.
    enthymeme(l_conclusion, e1, e2)
    # "Taken together": ONE linked inference.  Three convergent inferences would contradict
    # the text, which concedes that each event alone may have an innocent explanation; only
    # the cluster supports the conclusion.  The premise for Tokayev is his locution: the
    # speech act, not the truth of his plan.
    # Scheme: Argument From Best Explanation (abduction).  The author does not verify a
    # prediction of the hypothesis (Evidence To Hypothesis); she offers Kremlin displeasure
    # as the explanation of the cluster that beats the rival she has just conceded, and the
    # rival ("mere coincidence") is exactly this scheme's critical question.  The scheme's
    # comparison premise ("no rival explains as well") is not a premise here: it is what
    # the undercut below puts in question and E2 answers.
    taken_together = argue(
        "ra_taken_together", [explosion, tokayev_july4, court_order, e1, independence],
        kremlin_displeasure, BEST_EXPLANATION,
    )
    # The rival explanation (A*), unhedged: the timing IS coincidence.  It contradicts E2
    # (a hedged "may be coincidence" would not: it is compatible with her conclusion).
    # The three conceded possibilities make it available; the inference is the rival's, not
    # the author's (she concedes its premises, she does not argue for it), so no Arguing
    # anchors it.
    mere_coincidence = implicit(
        "mere_coincidence",
        "That the explosion and the court order both came on 6 July, two days after "
        "Tokayev’s statements, is mere coincidence: the three events are unrelated.",
    )
    infer("ra_coincidence", [accident, coincidence, innocent], mere_coincidence, DEFAULT)
    # A* UNDERCUTS the abductive step (the critical question "could the findings be mere
    # coincidence?"); it does not rebut the conclusion: an accidental explosion is
    # compatible with Kremlin displeasure, and it denies no premise: the events happened.
    # E2 is not a premise of the inference, so the undercut is the only attack on it and
    # decides its fate: E2 and A* contradict each other (a CA pair), and "however" is the
    # author's preference of E2 over A*.  Under grounded semantics with argmap's default
    # weakest-link ordering, the preference makes A* OUT and the conclusion IN; without it
    # E2 and A* defeat each other and the conclusion is UNDEC.  (Under last-link a premise
    # is never weaker than a derived conclusion, so E2 would win even without "however".)
    attack("ca_coincidence_undercut", mere_coincidence, taken_together)
    # Recorded as the answer to the scheme's critical question, so the map says which
    # question the concessions raise (argmap.reasoning.critical_questions shows it answered).
    argmap.reasoning.answer_question(m, taken_together, "coincidence", "ca_coincidence_undercut")
    attack("ca_coincidence_vs_pattern", mere_coincidence, e2)
    disagree("ca_pattern_vs_coincidence", e2, mere_coincidence, l_court)
    m.add_preference(e2, mere_coincidence, scheme=PREFERENCE[0], scheme_id=PREFERENCE[1],
                     id="pa_however_pattern")

    importance = claim(
        "importance",
        "Kazakhstan is important to Russia.",
        "whose importance to Russia was underlined",
    )
    say(importance)
    troops = evidence(
        "troops", EvidenceType.ANECDOTE,
        "Six months earlier (January 2022) troops arrived in Kazakhstan to quell a popular "
        "uprising.",
        "just six months ago when troops arrived to quell a popular uprising",
    )
    say(troops, quote=["just six months ago when troops arrived to quell a popular uprising."])
    argue("ra_troops", [troops], importance, SIGN)
    key_interest = claim(
        "key_interest",
        "The Kremlin views its oil-rich neighbour Kazakhstan as a key interest.",
        "The Kremlin views its oil-rich neighbor as a key interest",
    )
    say(key_interest)
    thievery = claim(
        "thievery",
        "Kazakhstan forms an important part of Russia’s international network of thievery.",
        "it forms an important part of Russia’s international network of thievery",
    )
    say(thievery, quote=["and it forms an important part of Russia’s international network "
                         "of thievery."])

    # ============================================================ expectation and refusals
    expected = claim(
        "expected_bidding",
        "Putin might well have expected Kazakhstan to do his bidding when he launched his war "
        "of aggression against Ukraine.",
        "Putin might well",
        "have expected the country to do his bidding when he launched his war of aggression "
        "against Ukraine",
    )
    say(expected, quote=["Putin might well, therefore, have expected the country to do his "
                         "bidding when he launched his war of aggression against Ukraine."])
    # "therefore": the importance, the key interest and the thievery network together.  No
    # catalogue scheme fits a conjecture about what someone expected, so the default one.
    argue("ra_expected", [importance, key_interest, thievery], expected, DEFAULT)
    refused_troops = evidence(
        "refused_troops", EvidenceType.ANECDOTE,
        "Kazakhstan rejected Russia’s request for Kazakh troops to join the campaign in "
        "Ukraine.",
        "Kazakhstan rejected Russia’s request for Kazakh troops to join the campaign",
    )
    say(refused_troops, quote=["But to widespread surprise, Kazakhstan rejected Russia’s "
                               "request for Kazakh troops to join the campaign"])
    refused_recognition = evidence(
        "refused_recognition", EvidenceType.ANECDOTE,
        "Kazakhstan refused to recognise the Kremlin’s two puppet republics in Eastern "
        "Ukraine.",
        "refused to recognize the Kremlin’s two puppet republics in Eastern Ukraine",
    )
    say(refused_recognition, quote=["refused to recognize the Kremlin’s two puppet republics "
                                    "in Eastern Ukraine."])
    # Two independent acts, each classified as a signal of independence: two convergent
    # inferences of Verbal Classification, not one linked Example.
    argue("ra_refused_troops", [refused_troops], independence, VERBAL_CLASSIFICATION)
    argue("ra_refused_recognition", [refused_recognition], independence,
          VERBAL_CLASSIFICATION)
    # "This was welcomed by the United States" is the author's own fact; the NSC's
    # statement is reported speech (its content is the NSC's, not hers).
    us_welcomed = evidence(
        "us_welcomed", EvidenceType.ANECDOTE,
        "The United States welcomed Kazakhstan’s refusals.",
        "This was welcomed by the United States",
    )
    say(us_welcomed)
    nsc_content = claim(
        "nsc_approval",
        "Kazakhstan’s refusals deserve approval.",
        "an approving statement",
    )
    nsc_said = reported(
        "nsc_statement", nsc,
        "(an approving statement on Kazakhstan’s refusals; not quoted in the article)",
        asserts=[nsc_content],
    )
    loc = say(quote=["the National Security Council issued an approving statement."])
    report(loc, nsc_said)
    argue("ra_nsc_welcome", [nsc_said], us_welcomed, VERBAL_CLASSIFICATION)
    # Washington applauding is a sign that Kazakhstan broke ranks with Moscow.
    argue("ra_us_welcome", [us_welcomed], independence, SIGN)

    # ============================================================ sanctions and SPIEF
    worse = claim(
        "worse",
        "From Putin’s point of view, worse was to come: Kazakhstan’s defiance escalated.",
        "Worse was to come, at least from Putin’s point of view",
    )
    say(worse, quote=["Worse was to come, at least from Putin’s point of view."])
    sanctions = claim(
        "respect_sanctions",
        "Kazakhstan will respect the Western sanctions against Russia and not violate them.",
        "Western sanctions against Russia would be respected",
        "Sanctions are sanctions, we should not violate them",
    )
    notified = evidence(
        "secondary_sanctions", EvidenceType.TESTIMONY,
        "Kazakhstan has been notified that violating the sanctions would bring Western "
        "secondary sanctions on its economy.",
        "we receive notifications that if sanctions are violated, so-called secondary "
        "sanctions from the West will follow on our economy",
    )
    sanctions_said = reported(
        "tokayev_sanctions", tokayev, "Sanctions are sanctions, we should not violate them",
        quote=["Sanctions are sanctions, we should not violate them"],
        said_at="June 2022, on Rossiya-24, shortly before 17 June", asserts=[sanctions],
    )
    because_said = reported(
        "tokayev_notified", tokayev,
        "especially since we receive notifications that if sanctions are violated, so-called "
        "secondary sanctions from the West will follow on our economy",
        quote=["especially since we receive notifications that if sanctions are violated, "
               "so-called secondary sanctions from the West will follow on our economy"],
        said_at="June 2022, on Rossiya-24, shortly before 17 June", asserts=[notified],
    )
    loc = say(quote=[
        "Just before Russia’s showpiece annual St Petersburg International Economic Forum on "
        "June 17, Tokayev told Russia’s Rossiya-24 TV channel that Western sanctions against "
        "Russia would be respected.",
        ("he said", "Sanctions are sanctions")])
    report(loc, sanctions_said, because_said)
    # Tokayev's own argument ("especially since"): a bad consequence of violating them.
    argued(sanctions_said, because_said,
           infer("ra_secondary_sanctions", [notified], sanctions, NEGATIVE_CONSEQUENCES))
    # Pledging on Russian TV, on the eve of Putin's forum, to respect Western sanctions is
    # classified as the "worse" (an escalation of defiance) -- an instance classified, so
    # Verbal Classification rather than Example (which generalises from instances).
    argue("ra_worse_sanctions", [sanctions_said], worse, VERBAL_CLASSIFICATION)
    # Escalating defiance is a sign of a country asserting its independence.
    argue("ra_escalation", [worse], independence, SIGN)

    not_faux_pas = claim(
        "not_faux_pas",
        "Tokayev’s statements were not mere diplomatic faux pas.",
        "These were not mere diplomatic faux pas.",
    )
    say(not_faux_pas)
    prestige = claim(
        "spief_prestige",
        "The St Petersburg Forum is a prestigious event for the Kremlin, where it can "
        "demonstrate its economic and diplomatic clout.",
        "The St Petersburg Forum is a prestigious event for the Kremlin where it has an "
        "opportunity to demonstrate its economic and diplomatic clout",
    )
    say(prestige, quote=["The St Petersburg Forum is a prestigious event for the Kremlin where "
                         "it has an opportunity to demonstrate its economic and diplomatic "
                         "clout."])
    not_the_place = claim(
        "not_the_place",
        "The St Petersburg Forum is not the place to show disrespect to the Russian leader.",
        "It is not the place to show disrespect to the Russian leader",
    )
    say(not_the_place, quote=["It is not the place to show disrespect to the Russian leader."])
    # A norm of conduct derived from the occasion; no catalogue scheme states it.
    argue("ra_not_the_place", [prestige], not_the_place, DEFAULT)
    disrespect = claim(
        "disrespect",
        "At the St Petersburg Forum Tokayev showed disrespect to the Russian leader.",
        "that’s exactly what he did",
    )
    say(disrespect, quote=["Yet that’s exactly what he did."])
    # Doing exactly what is not done, at exactly that place, is a sign of intent.
    argue("ra_deliberate", [not_the_place, disrespect], not_faux_pas, SIGN)
    argue("ra_worse_disrespect", [disrespect], worse, VERBAL_CLASSIFICATION)
    argue("ra_deliberate_signal", [not_faux_pas], independence, SIGN)

    staged_question = evidence(
        "staged_question", EvidenceType.ANECDOTE,
        "Tokayev was answering a Kremlin-approved question from the Kremlin’s chief "
        "propagandist, RT head Margarita Simonyan.",
        "Responding to a Kremlin-approved question from its chief propagandist, the head of "
        "RT, Margarita Simonyan",
    )
    simonyan_asked = reported(
        "simonyan_question", simonyan,
        "(a Kremlin-approved question to Tokayev at the forum; not quoted in the article)",
        said_at="2022-06-17",
    )
    # The question is not quoted; its content is reconstructed from the answer it got, as a
    # yes/no question about recognition: Pure Questioning, the IAT force of a question that
    # seeks information (the answer, "he did not recognize …", settles it).
    question_content = implicit(
        "simonyan_question_content",
        "Kazakhstan recognises the Donbas “republics” (the DPR and LPR).",
    )
    m.add_illocution(simonyan_asked, question_content, "Pure Questioning")
    tq_donbas = claim(
        "tq_donbas",
        "Kazakhstan does not recognise the “quasi-state formations” in the Donbas.",
        "he did not recognize “quasi-state formations” in the Donbas",
    )
    tq_many = claim(
        "tq_many_states",
        "If the right of nations to self-determination were realised throughout the globe, "
        "more than 500 or 600 states would arise instead of the 193 UN members.",
        "if the right of nations to self-determination is realized throughout the globe, then "
        "instead of 193 states that are now members of the UN, more than 500 or 600 states "
        "will arise on Earth",
    )
    tq_chaos = claim("tq_chaos", "That would be chaos.", "it will be chaos")
    tq_list = claim(
        "tq_non_recognition",
        "Kazakhstan does not recognise Taiwan, Kosovo, South Ossetia or Abkhazia.",
        "we do not recognize Taiwan, Kosovo, South Ossetia, or Abkhazia",
    )
    tq_principle = claim(
        "tq_principle",
        "The principle of non-recognition will be applied to quasi-state associations.",
        "This principle will be applied to quasi-state associations",
    )
    tq_quasi = claim(
        "tq_quasi_states",
        "Luhansk and Donetsk (the so-called DPR and LPR) are quasi-state associations.",
        "quasi-state associations",
        "Luhansk and Donetsk (the so-called DPR and LPR) are",
    )
    # His answer as the author sums it up (indirect speech: no span of its own).
    spief0 = reported(
        "tokayev_donbas", tokayev,
        "Kazakhstan does not recognise “quasi-state formations” in the Donbas.",
        said_at="2022-06-17", asserts=[tq_donbas])
    spief1 = reported(
        "tokayev_spief_1", tokayev,
        "In general, if the right of nations to self-determination is realized throughout the "
        "globe, then instead of 193 states that are now members of the UN, more than 500 or "
        "600 states will arise on Earth.",
        quote=["In general, if the right of nations to self-determination is realized "
               "throughout the globe, then instead of 193 states that are now members of the "
               "UN, more than 500 or 600 states will arise on Earth."],
        said_at="2022-06-17", asserts=[tq_many])
    spief2 = reported(
        "tokayev_spief_2", tokayev, "Naturally, it will be chaos.",
        quote=["Naturally, it will be chaos."], said_at="2022-06-17", asserts=[tq_chaos])
    spief3 = reported(
        "tokayev_spief_3", tokayev,
        "Therefore, we do not recognize Taiwan, Kosovo, South Ossetia, or Abkhazia.",
        quote=["Therefore, we do not recognize Taiwan, Kosovo, South Ossetia, or Abkhazia"],
        said_at="2022-06-17", asserts=[tq_list])
    spief4 = reported(
        "tokayev_spief_4", tokayev,
        "This principle will be applied to quasi-state associations, which, in my opinion, "
        "Luhansk and Donetsk (the so-called DPR and LPR) are.",
        quote=["This principle will be applied to quasi-state associations, which, in my "
               "opinion, Luhansk and Donetsk (the so-called DPR and LPR) are"],
        said_at="2022-06-17", asserts=[tq_principle, tq_quasi])
    # The staged exchange: the question, then Tokayev's answer.
    m.add_transition(simonyan_asked, spief0, scheme="Default Transition", scheme_id="82")
    l_spief = say(staged_question, quote=[
        "Responding to a Kremlin-approved question from its chief propagandist, the head of "
        "RT, Margarita Simonyan, the Kazakh leader said that he did not recognize “quasi-state "
        "formations” in the Donbas.",
        ("he said", "Luhansk and Donetsk")])
    report(l_spief, simonyan_asked, spief0, spief1, spief2, spief3, spief4)
    # Tokayev's own chain of reasons inside the quotation.
    argued(spief1, spief2, infer("ra_tq_chaos", [tq_many], tq_chaos, CAUSE_TO_EFFECT))
    argued(spief2, spief3,
           infer("ra_tq_therefore", [tq_chaos], tq_list, NEGATIVE_CONSEQUENCES))
    # The principle plus the classification of Luhansk and Donetsk give the non-recognition
    # the author reports: a rule applied to a case.
    argued(spief4, spief0,
           infer("ra_tq_principle", [tq_principle, tq_quasi], tq_donbas, ESTABLISHED_RULE))
    occupied = evidence(
        "occupied", EvidenceType.COMMON_GROUND,
        "South Ossetia and Abkhazia are occupied by Russian troops.",
        "the last two occupied by Russian troops",
    )
    say(occupied)  # the author's own words, bracketed inside Tokayev's quotation
    # Answering the Kremlin's own staged question by refusing its Donbas proxies is
    # classified as disrespect; so is listing two Russian-occupied territories among the
    # unrecognised.
    argue("ra_snub_donbas", [staged_question, spief0], disrespect, VERBAL_CLASSIFICATION)
    argue("ra_snub_occupied", [spief3, occupied], disrespect, VERBAL_CLASSIFICATION)

    putin_shaken = evidence(
        "putin_shaken", EvidenceType.ANECDOTE,
        "Putin was visibly shaken and stumbled when giving his immediate response.",
        "Putin was visibly shaken and stumbled when giving his immediate response.",
    )
    say(putin_shaken)
    discord = claim(
        "sowing_discord",
        "Russian politicians and commentators are sowing discord between Kazakhstan and Russia "
        "by launching public attacks on Kazakhstan.",
        "Russian politicians and commentators",
        "“sowing discord” between the two countries by launching public attacks on Kazakhstan",
    )
    discord_said = reported(
        "tokayev_discord", tokayev,
        "Russian politicians and commentators are “sowing discord” between our two countries "
        "by launching public attacks on Kazakhstan.",
        said_at="2022-06-17", asserts=[discord],
    )
    loc = say(quote=["At the same meeting, Tokayev also criticized Russian politicians and "
                     "commentators, whom he accused of “sowing discord” between the two "
                     "countries by launching public attacks on Kazakhstan."])
    report(loc, discord_said)
    argue("ra_snub_discord", [discord_said], disrespect, VERBAL_CLASSIFICATION)
    # "His office then let it be known that …" is reported speech: the office announced
    # the refusal.  Making the refusal public is itself the snub, so the premise is the
    # office's announcement (the speech act), and the author is committed to that.
    nevsky = evidence(
        "refused_order", EvidenceType.ANECDOTE,
        "Tokayev refused Russia’s offer to award him the Order of Alexander Nevsky.",
        "he had refused Russia’s offer to award him the Order of Alexander Nevsky",
    )
    office_said = reported(
        "office_nevsky", office,
        "Tokayev has refused Russia’s offer to award him the Order of Alexander Nevsky.",
        said_at="June 2022", asserts=[nevsky],
    )
    loc = say(quote=["His office then let it be known that he had refused Russia’s offer to "
                     "award him the Order of Alexander Nevsky."])
    report(loc, office_said)
    argue("ra_snub_order", [office_said], disrespect, VERBAL_CLASSIFICATION)

    # ============================================================ retaliation
    angered = claim(
        "putin_angered", "Putin was clearly angered by Tokayev’s words.",
        "Putin was clearly angered by Tokayev’s words",
    )
    say(angered)
    argue("ra_shaken", [putin_shaken], angered, SIGN)
    # "by Tokayev's words": the disrespect at his own forum is what angered him.
    argue("ra_words_anger", [disrespect], angered, CAUSE_TO_EFFECT)
    suspension = evidence(
        "cpc_suspension", EvidenceType.ANECDOTE,
        "The next day Russia (again) announced the suspension of Kazakh oil shipments from the "
        "CPC terminal in Novorossiysk.",
        "the next day Russia (again) announced the suspension of Kazakh oil shipments from the "
        "CPC in Novorossiysk",
    )
    say(suspension, quote=["the next day Russia (again) announced the suspension of Kazakh oil "
                           "shipments from the CPC in Novorossiysk."])
    # "because": the next-day suspension is best explained by Putin's anger.
    anger_inference = argue("ra_anger", [suspension], angered, BEST_EXPLANATION)
    munitions = evidence(
        "munitions", EvidenceType.TESTIMONY,
        "Authorities discovered more than 50 previously unknown unexploded World War II "
        "munitions near the terminal where the oil pipeline from Kazakhstan ends.",
        "authorities had discovered more than 50 previously unknown unexploded World War II "
        "munitions near the terminal where the oil pipeline from Kazakhstan ends",
    )
    kommersant_said = reported(
        "kommersant_report", kommersant, munitions.text, asserts=[munitions],
    )
    loc = say(quote=["According to Kommersant, authorities had discovered more than 50 "
                     "previously unknown unexploded World War II munitions near the terminal "
                     "where the oil pipeline from Kazakhstan ends."])
    report(loc, kommersant_said)
    # The official reason (reported, not endorsed) is the rival explanation of the
    # suspension -- the best-explanation question "is there another explanation?" -- so it
    # undercuts the inference from the suspension to Putin's anger.  The author reports it
    # and leaves it unanswered: the text gives no reason to reject it ("(again)" recalls an
    # earlier suspension the article does not describe), so no counter-argument is
    # reconstructed.  Putin's anger stands on its other two grounds.
    safety = implicit(
        "safety_reason",
        "The CPC suspension was a safety measure prompted by the munitions find, not a "
        "reaction to Tokayev’s words.",
    )
    infer("ra_safety", [munitions], safety, CAUSE_TO_EFFECT)
    attack("ca_safety_undercut", safety, anger_inference)

    # The lessons, by example.  Lesson one: the oil exports of one of the world's largest
    # fields -- the country's livelihood -- cut off and restored at will.
    argue("ra_lesson1_tengiz", [kremlin_displeasure, tengiz_size, reversed_], lesson1, EXAMPLE)
    argue("ra_lesson1_cpc", [angered, suspension], lesson1, EXAMPLE)
    # Lesson two: the January intervention came with an expectation of obedience, and
    # disobedience was punished.
    argue("ra_lesson2_intervention", [troops, expected, kremlin_displeasure], lesson2, EXAMPLE)

    # ============================================================ threats
    media = evidence(
        "media_threats", EvidenceType.ANECDOTE,
        "Russian media went into overdrive with attacks and threats aimed at Kazakhstan.",
        "Russian media meanwhile went into overdrive with attacks and threats aimed at "
        "Kazakhstan.",
    )
    say(media)
    challenged = claim("zatulin_challenge", "Tokayev has challenged Putin.",
                       "Tokayev had “challenged” Putin")
    invasion = claim(
        "zatulin_invasion",
        "Tokayev’s challenge could result in an invasion to protect the Russian minority and "
        "annex territory.",
        "this could result in an invasion to",
        "protect the Russian minority and annex territory",
    )
    zatulin1 = reported("zatulin_1", zatulin, "Tokayev has “challenged” Putin.",
                        asserts=[challenged])
    zatulin2 = reported(
        "zatulin_2", zatulin,
        "This could result in an invasion to protect the Russian minority and annex territory.",
        asserts=[invasion],
    )
    l_zatulin = say(quote=[
        "Lawmaker Konstantin Zatulin said Tokayev had “challenged” Putin and said this could "
        "result in an invasion to", "protect the Russian minority and annex territory."])
    report(l_zatulin, zatulin1, zatulin2)
    predictable = claim(
        "predictably",
        "Protecting the Russian minority is Russia’s predictable pretext for invasion.",
        "predictably",
    )
    say(predictable, quote=["(predictably)"])
    towns = claim(
        "russian_towns",
        "Many towns with a predominantly Russian population have little to do with what was "
        "called Kazakhstan.",
        "There are many towns with a predominantly Russian population that have little to do "
        "with what was called Kazakhstan",
    )
    zatulin3 = reported("zatulin_3", zatulin, towns.spans[0].text, quote=[towns.spans[0].text],
                        said_at="on Radio Moskva", asserts=[towns])
    # Zatulin's second quotation holds two propositions: the reassurance to friends and
    # the threat to "the rest".  His threat rests on the second.
    friends = claim(
        "friends_safe",
        "Russia raises no territorial matters with its friends and partners and does not "
        "argue with them.",
        "with friends and partners, we don’t raise territorial matters and don’t argue",
    )
    rest = claim(
        "rest_possible",
        "With the rest, as with Ukraine, everything is possible.",
        "As for the rest — like, for example, with Ukraine – everything is possible",
    )
    zatulin4 = reported(
        "zatulin_4", zatulin,
        "I’d like Astana not to forget that with friends and partners, we don’t raise "
        "territorial matters and don’t argue.",
        quote=["I’d like Astana", "not to forget that with friends and partners, we don’t "
               "raise territorial matters and don’t argue."],
        asserts=[friends],
    )
    zatulin5 = reported(
        "zatulin_5", zatulin,
        "As for the rest — like, for example, with Ukraine – everything is possible",
        quote=["As for the rest — like, for example, with Ukraine – everything is possible"],
        asserts=[rest],
    )
    l_radio = say(quote=["Zatulin told Radio Moskva", ("he said", "everything is possible")])
    report(l_radio, zatulin3, zatulin4, zatulin5)
    argued(zatulin1, zatulin2,
           infer("ra_zatulin_challenge", [challenged], invasion, CAUSE_TO_EFFECT))
    # Russian-populated towns as grounds for "protecting" them: no catalogue scheme fits.
    towns_inference = infer("ra_zatulin_towns", [towns], invasion, DEFAULT)
    argued(zatulin2, zatulin3, towns_inference)
    # "(predictably)": the author undercuts Zatulin's step from Russian-populated towns to a
    # protective invasion -- it is the stock pretext, not a reason.
    disagree("ca_predictably", predictable, towns_inference, l_zatulin)
    # Zatulin's veiled threat (ad baculum): an invasion is possible, and with those who are
    # not friends "everything is possible" -- so fall in line.  Its conclusion is unstated;
    # Zatulin is committed to it through the locution that voices the threat.
    submit = implicit("bend_the_knee",
                      "Kazakhstan should fall in line with Moscow (bend the knee to Putin).")
    m.add_illocution(zatulin5, submit, "Asserting")
    threat = infer("ra_zatulin_threat", [invasion, rest], submit, THREAT)
    argued(zatulin4, zatulin5, threat)
    # Zatulin's statements are instances of the media onslaught (two convergent examples).
    argue("ra_media_invasion", [zatulin2], media, EXAMPLE)
    argue("ra_media_rest", [zatulin5], media, EXAMPLE)

    # ============================================================ Kazakhstan's position
    withdrawal = evidence(
        "cis_withdrawal", EvidenceType.ANECDOTE,
        "Days after the explosion and the pipeline suspension, Tokayev announced that "
        "Kazakhstan was withdrawing from the 1995 CIS Agreement on the Interstate Monetary "
        "Committee.",
        "Days after the explosion and suspension of the Caspian pipeline, Tokayev announced "
        "that Kazakhstan was withdrawing from the 1995 Commonwealth of Independent States "
        "Agreement on the Interstate Monetary Committee",
    )
    say(withdrawal, quote=[
        "Days after the explosion and suspension of the Caspian pipeline, Tokayev announced "
        "that Kazakhstan was withdrawing from the 1995 Commonwealth of Independent States "
        "Agreement on the Interstate Monetary Committee, a scheme to enhance credit and "
        "currency exchange."])
    not_perturbed = claim(
        "not_perturbed",
        "Kazakhstan’s leader may not be too perturbed about Russian foot-stamping at the "
        "moment.",
        "Kazakhstan’s leader may not be too perturbed about Russian foot-stamping at the "
        "moment.",
    )
    say(not_perturbed)
    # "Days after the explosion and suspension": defying Moscow again right after the
    # Kremlin showed its displeasure is the sign of a leader who is not perturbed.  The
    # link to the Tengiz conclusion is the text's own, and it joins the article's two
    # halves (the Kremlin's pressure; Kazakhstan's position) into one argument.
    argue("ra_withdrawal", [withdrawal, kremlin_displeasure], not_perturbed, SIGN)
    # Paragraph 13 is a claim and three reasons, each on its own (convergent): the calm
    # answer to the threats, the means to retaliate, the limited menace.
    routes = claim(
        "alternative_routes", "Kazakhstan will use alternative routes for its oil.",
        "it would use alternative routes",
    )
    routes_said = reported(
        "kazakhstan_routes", kazakhstan,
        "Kazakhstan will use alternative routes for its oil exports.", asserts=[routes],
    )
    loc = say(quote=["His country’s response to threats against its oil outlets was to say it "
                     "would use alternative routes"])
    report(loc, routes_said)
    argue("ra_calm_response", [routes_said], not_perturbed, SIGN)
    can_retaliate = claim(
        "can_retaliate", "Kazakhstan can retaliate against Russia in various ways.",
        "it can retaliate in various ways",
    )
    say(can_retaliate, quote=["it can retaliate in various ways"])
    coal = evidence(
        "coal_freight", EvidenceType.ASSUMPTION,
        "Kazakhstan could halt Russian coal freight movements across its territory.",
        "halting Russian coal freight movements across its territory",
    )
    say(coal, quote=["including halting Russian coal freight movements across its territory."])
    argue("ra_coal", [coal], can_retaliate, EXAMPLE)
    # Means to hit back leave little to fear: a reason for calm, not a sign of it.
    argue("ra_retaliate_calm", [can_retaliate], not_perturbed, CAUSE_TO_EFFECT)
    stripping = evidence(
        "stripping_troops", EvidenceType.ANECDOTE,
        "The Kremlin is stripping troops from every military outpost to reinforce its war in "
        "Ukraine.",
        "the Kremlin is stripping troops from every military outpost to reinforce its bloody "
        "war in Ukraine",
    )
    say(stripping, quote=["At a time when the Kremlin is stripping troops from every military "
                          "outpost to reinforce its bloody war in Ukraine"])
    menace = claim(
        "limited_menace", "Russia’s military menace may seem limited.",
        "its military menace may seem limited",
    )
    say(menace, quote=["its military menace may seem limited."])
    argue("ra_stripping", [stripping], menace, CAUSE_TO_EFFECT)
    argue("ra_menace_calm", [menace], not_perturbed, CAUSE_TO_EFFECT)
    # The limited menace answers Zatulin's threat by questioning its credibility: it
    # undercuts the step from "an invasion is possible" to "fall in line" (the threat
    # scheme's question "can the threatener carry it out?").  A hedged "may seem limited"
    # cannot deny that an invasion *could* result, so it is no rebuttal of his claim, and
    # no undermining of that premise either (the catalogue phrases the credibility
    # question as one): what it doubts is that the possibility should move Kazakhstan.
    disagree("ca_menace", menace, threat, l_radio)

    enraged = claim(
        "enraged",
        "Russian leaders are visibly enraged at the moment, and not just towards Kazakhstan.",
        "Russian leaders are visibly enraged at the moment, and not just towards Kazakhstan.",
    )
    say(enraged)
    medvedev_content = claim(
        "medvedev_threats",
        "Russia’s neighbours, NATO and the US will face Russian retaliation (the gist of "
        "Medvedev’s threats).",
        "a series of threats to the country’s neighbors, NATO, and the US",
    )
    medvedev_said = reported(
        "medvedev_1", medvedev,
        "(a series of threats to Russia’s neighbours, NATO and the US; not quoted in the "
        "article)",
        said_at="June–July 2022", asserts=[medvedev_content],
    )
    loc = say(quote=["Over the past several weeks, Russia’s former President and premier, "
                     "Dmitry Medvedev, has issued a series of threats to the country’s "
                     "neighbors, NATO, and the US."])
    report(loc, medvedev_said)
    argue("ra_medvedev", [medvedev_said], enraged, SIGN)
    provocations = claim(
        "provocations",
        "Russian politicians trip over themselves to make provocative statements and issue "
        "threats.",
        "Russian politicians trip over themselves to make provocative statements and issue "
        "threats",
    )
    say(provocations)
    alaska = claim(
        "take_back_alaska",
        "Russia will take back Alaska if the United States freezes or seizes Russian assets.",
        "to take back Alaska if the United States froze or seized Russian assets",
    )
    volodin_said = reported(
        "volodin_1", volodin,
        "Russia will take back Alaska if the United States freezes or seizes Russian assets.",
        asserts=[alaska],
    )
    loc = say(quote=["Russian Duma speaker of the lower house, Vyacheslav Volodin, even "
                     "threatened to take back Alaska if the United States froze or seized "
                     "Russian assets."])
    report(loc, volodin_said)
    argue("ra_volodin", [volodin_said], provocations, EXAMPLE)
    argue("ra_provocations", [provocations], enraged, SIGN)
    argue("ra_media_enraged", [media], enraged, SIGN)

    # ============================================================ conclusion
    no_need = claim(
        "no_need_to_bend",
        "Right now Kazakhstan has no need to bend the knee to Putin.",
        "Right now", "Kazakhstan has no need to bend the knee to Putin",
    )
    say(no_need, quote=["Right now, however, Kazakhstan has no need to bend the knee to "
                        "Putin."])
    desperate = claim(
        "russia_desperate",
        "Russia is desperate to have its neighbours do as they are told.",
        "Russia is desperate to have neighbors do as they’re told",
    )
    say(desperate, quote=["It is clear that Russia is desperate to have neighbors do as "
                          "they’re told"])
    lacks_power = claim(
        "lacks_power",
        "Russia lacks the power to make its neighbours do as they are told.",
        "it lacks the power to make them",
    )
    say(lacks_power, quote=["equally clear that it lacks the power to make them."])
    argue("ra_desperate", [enraged], desperate, SIGN)
    # A menace that seems limited is a sign of lacking the power to coerce.
    argue("ra_lacks_power", [menace], lacks_power, SIGN)
    # Russia wants obedience but cannot enforce it: taken together, no need to submit.  No
    # catalogue scheme fits this linked "wants but cannot" step, so the default one.
    argue("ra_no_need_power", [desperate, lacks_power], no_need, DEFAULT)
    # Paragraph 13's calm, resting on the means to resist and the hollow threat, carries
    # over to the conclusion: a leader with nothing to fear need not submit.
    argue("ra_no_need_perturbed", [not_perturbed], no_need, DEFAULT)
    # The second "however": the author's conclusion against the conclusion of Zatulin's
    # threat.  The two contradict each other (a CA pair) and she prefers her own.
    disagree("ca_no_need_vs_submit", no_need, submit, l_radio)
    attack("ca_submit_vs_no_need", submit, no_need)
    m.add_preference(no_need, submit, scheme=PREFERENCE[0], scheme_id=PREFERENCE[1],
                     id="pa_however_no_need")
    anchor_the_authors_moves()
    return m


def main() -> int:
    """Build the map, check it, and write the XML, the DOT, the pictures and the reader view."""
    m = build()
    m.validate(strict=True)
    OUTPUT.mkdir(exist_ok=True)
    argmap.write(m, OUTPUT / "seed.aif.xml")
    written = ["seed.aif.xml"]
    # The reader view: the whole article beside its map, evaluated (grounded semantics).
    # It needs no Graphviz engine.
    argmap.render(m, OUTPUT / "seed.html", evaluate="grounded")
    written.append("seed.html")
    # The whole picture: the argument plus who said what (the author's own locutions
    # folded away), single-premise inferences as labelled edges, and a key.
    # The README's picture: the article's core, legible at the README's width -- the
    # "taken together" conclusion with its premises, what undercuts it and the two
    # lessons it exemplifies.
    pictures = [(name, PICTURE) for name in ("seed.dot", "seed.svg", "seed.png")]
    pictures += [(name, CORE_PICTURE) for name in ("seed-core.svg", "seed-core.png")]
    for name, options in pictures:
        if name != "seed.dot" and argmap.view.dot_engine() is None:
            print(f"no Graphviz engine found; skipped {name} (pip install 'argmap[render]')",
                  file=sys.stderr)
            continue
        argmap.render(m, OUTPUT / name, **options)
        written.append(name)
    counts = ", ".join(f"{k.value}={v}" for k, v in m.counts().items())
    print(f"{len(m)} nodes ({counts}), {len(m.edges)} edges -> "
          f"{', '.join(str(OUTPUT / w) for w in written)}")
    return 0


#: The README's picture of the article's core (keyword arguments of argmap.render).
CORE_PICTURE: dict[str, Any] = {
    "view": "focus", "focus": "kremlin_displeasure", "depth": 1, "fold": True,
}


if __name__ == "__main__":
    raise SystemExit(main())
