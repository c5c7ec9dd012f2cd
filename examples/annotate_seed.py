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
discourse units is a locution anchored to its text, joined to its propositions
by an illocution: *Asserting*, or *Conceding* for the three concessions of the
Tengiz passage ("It may be that …", "it may be a coincidence …", "It's
possible too …").  Transitions between her own consecutive locutions are not
annotated: in a single-author text they add nothing to the order of the text,
and her inferences are the analyst's reconstruction of her arguing.

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

*Schemes* are named as in the AIFdb catalogue (with its scheme ids), in the
"Argument From …" spelling; ``Default Inference`` where no scheme fits
better.  Conflicts are ``Default Conflict``; whether each rebuts, undermines
or undercuts follows from its target.

The comments in :func:`build` give the reasons for the harder choices: why the
Tengiz inference is linked, why the conceded alternatives undercut it rather
than rebut its conclusion, what the two "however"s are.
"""

from __future__ import annotations

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
EVIDENCE_TO_HYPOTHESIS = ("Argument From Evidence To Hypothesis", "13")
CAUSE_TO_EFFECT = ("Argument From Cause To Effect", "4")
EXAMPLE = ("Argument From Example", "14")
POSITION_TO_KNOW = ("Argument From Position To Know", "26")
NEGATIVE_CONSEQUENCES = ("Argument From Negative Consequences", "22")
VERBAL_CLASSIFICATION = ("Argument From Verbal Classification", "31")
ESTABLISHED_RULE = ("Argument From Established Rule", "61")
PRACTICAL_REASONING = ("Practical Reasoning", "28")
DEFAULT = ("Default Inference", "72")
THREAT = ("Argument From Threat", None)
CONFLICT = ("Default Conflict", "71")
PREFERENCE = ("Default Preference", "161")

#: How the README picture is drawn (keyword arguments of argmap.to_dot / argmap.render).
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

    def say(*contents: argmap.Claim | argmap.Evidence, force: str = "Asserting",
            quote: Sequence[SpanSpec] = (),
            forces: Sequence[str] = ()) -> argmap.Locution:
        """The author's locution anchoring ``contents`` (one force each, default ``force``)."""
        spans = [at(q) for q in quote] or sorted(
            {s for c in contents for s in c.spans}, key=lambda s: (s.start, s.end))
        loc = m.add_locution(author, spans=spans)
        for i, content in enumerate(contents):
            m.add_illocution(loc, content, forces[i] if i < len(forces) else force)
        return loc

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
    kommersant = m.add_speaker("Kommersant", description="Russian newspaper", id="kommersant")
    zatulin = m.add_speaker("Konstantin Zatulin", description="Russian lawmaker", id="zatulin")
    kazakhstan = m.add_speaker("Government of Kazakhstan", id="kazakhstan")
    medvedev = m.add_speaker("Dmitry Medvedev", description="former President and Prime "
                             "Minister of Russia", id="medvedev")
    volodin = m.add_speaker("Vyacheslav Volodin", description="speaker of the State Duma",
                            id="volodin")

    # ============================================================ thesis
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
        "accident", "The July 6 explosion at Tengiz may have been an accident.",
        "It may be that", "was an accident",
    )
    # One locution for the sentence: it asserts the presupposed facts and concedes A1.
    say(accident, explosion, tengiz_size, forces=("Conceding",),
        quote=["It may be that a July 6 explosion at Kazakhstan’s enormous Tengiz Field, the "
               "sixth-largest in the world with reserves estimated at 3.2bn tons, was an "
               "accident"])

    europe_plan = claim(
        "europe_plan", "Kazakhstan will increase oil supply to Europe from the Tengiz field.",
        "plans to increase oil supply to Europe from the Tengiz field",
    )
    # Tokayev's statements are paraphrased, not quoted: his locution has no span.
    tokayev_july4 = reported(
        "tokayev_july4", tokayev,
        "Kazakhstan plans to increase oil supply to Europe from the Tengiz field.",
        said_at="2022-07-04", asserts=[europe_plan],
    )
    coincidence = claim(
        "coincidence",
        "It may be a coincidence that Tokayev spoke of supplying Europe from Tengiz two days "
        "before the explosion.",
        "it may be a coincidence that",
    )
    loc = say(coincidence, force="Conceding", quote=[
        "And it may be a coincidence that two days earlier, Kazakhstan’s President "
        "Kasym-Zhomart Tokayev, made a series of statements about plans to increase oil "
        "supply to Europe from the Tengiz field"])
    report(loc, tokayev_july4)

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
    innocent = claim(
        "court_innocent",
        "It is possible that the court order on the day of the explosion was also a "
        "coincidence.",
        "It’s possible too that",
    )
    loc = say(innocent, court_order, forces=("Conceding",), quote=[
        "It’s possible too that on July 6, a Russian court ordered the Caspian Pipeline "
        "Consortium (CPC), a major exporter of oil from Kazakhstan, to suspend operations for "
        "30 days due to “irregularities in paperwork guiding elimination of oil spill "
        "emergencies.”"])
    report(loc, court_said)
    # What makes the concession possible: the court gave a non-political reason, and a
    # court is in a position to know why it ruled (the scare quotes show the author's doubt).
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
    # The presupposition of "displeasure at signals of independence from a country": the
    # article's headline claim, argued for by the rest of the article.
    independence = claim(
        "independence",
        "Kazakhstan has been signalling its independence from Russia.",
        "signals of independence from a country",
    )
    # "Kazakhs will reasonably conclude": attributed to Kazakhs but endorsed ("reasonably"),
    # so asserted by the author; Kazakhs say nothing, so there is no reported locution.
    say(kremlin_displeasure, independence, quote=[
        "Taken together, however, Kazakhs will reasonably conclude that the Kremlin is "
        "expressing its displeasure at signals of independence from a country"])

    # Enthymemes of the Tengiz argument (theory.md §6, E1 and E2).
    e1 = implicit(
        "tengiz_signal",
        "Tokayev’s statements about supplying Europe with oil from Tengiz signalled "
        "independence from Moscow.",
    )
    e2 = implicit(
        "not_coincidence",
        "Three blows to Kazakhstan’s oil exports within two days of Tokayev’s Europe "
        "statements are unlikely to be a coincidence.",
    )
    # "Taken together": ONE linked inference. Three convergent inferences would contradict
    # the text, which concedes that each event alone may have an innocent explanation; only
    # the cluster (explosion + Tokayev's statements + court order) supports the conclusion.
    # The premise for Tokayev is his locution: the speech act, not the truth of his plan.
    # Scheme: abduction -- Kremlin displeasure is the best explanation of the cluster.
    taken_together = infer(
        "ra_taken_together", [explosion, tokayev_july4, court_order, e1, e2],
        kremlin_displeasure, EVIDENCE_TO_HYPOTHESIS,
    )
    # The three concessions together make up the coincidence explanation (A*).
    mere_coincidence = implicit(
        "mere_coincidence",
        "The explosion, Tokayev’s statements and the court order may be unrelated: their "
        "clustering may be mere coincidence.",
    )
    infer("ra_coincidence", [accident, coincidence, innocent], mere_coincidence, DEFAULT)
    # A* UNDERCUTS the abductive step (it is the critical question "is there another
    # explanation?"); it does not rebut the conclusion: an accidental explosion is
    # compatible with Kremlin displeasure.  A* and E2 contradict each other (a CA pair), and
    # "however" is the author's preference of E2 over A*.
    attack("ca_coincidence_undercut", mere_coincidence, taken_together)
    attack("ca_coincidence_vs_pattern", mere_coincidence, e2)
    attack("ca_pattern_vs_coincidence", e2, mere_coincidence)
    m.add_preference(e2, mere_coincidence, scheme=PREFERENCE[0], scheme_id=PREFERENCE[1],
                     id="pa_however_pattern")
    # E1 is one of the signals of independence.
    infer("ra_signal_tengiz", [e1], independence, EXAMPLE)

    importance = claim(
        "importance",
        "Kazakhstan is important to Russia.",
        "a country whose importance to Russia was underlined",
    )
    troops = evidence(
        "troops", EvidenceType.ANECDOTE,
        "Six months earlier (January 2022) troops arrived in Kazakhstan to quell a popular "
        "uprising.",
        "just six months ago when troops arrived to quell a popular uprising",
    )
    say(importance, troops)
    infer("ra_troops", [troops], importance, SIGN)
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
    say(thievery)
    # Tengiz (one of the world's largest fields) as an instance of the neighbour's oil wealth.
    infer("ra_oil_rich", [tengiz_size], key_interest, EXAMPLE)

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
                         "bidding when he launched his war of aggression against Ukraine"])
    # "therefore": the importance, the key interest and the thievery network together.
    infer("ra_expected", [importance, key_interest, thievery], expected, DEFAULT)
    refused_troops = evidence(
        "refused_troops", EvidenceType.ANECDOTE,
        "Kazakhstan rejected Russia’s request for Kazakh troops to join the campaign in "
        "Ukraine.",
        "Kazakhstan rejected Russia’s request for Kazakh troops to join the campaign",
    )
    refused_recognition = evidence(
        "refused_recognition", EvidenceType.ANECDOTE,
        "Kazakhstan refused to recognise the Kremlin’s two puppet republics in Eastern "
        "Ukraine.",
        "refused to recognize the Kremlin’s two puppet republics in Eastern Ukraine",
    )
    say(refused_troops, refused_recognition, quote=[
        "But to widespread surprise, Kazakhstan rejected Russia’s request for Kazakh troops to "
        "join the campaign and refused to recognize the Kremlin’s two puppet republics in "
        "Eastern Ukraine"])
    infer("ra_refusals", [refused_troops, refused_recognition], independence, EXAMPLE)
    nsc_content = claim(
        "nsc_approval",
        "Kazakhstan’s refusals deserve approval.",
        "This was welcomed by the United States",
        "an approving statement",
    )
    nsc_said = reported(
        "nsc_statement", nsc,
        "(an approving statement on Kazakhstan’s refusals; not quoted in the article)",
        asserts=[nsc_content],
    )
    loc = say(quote=["This was welcomed by the United States and the National Security "
                     "Council issued an approving statement."])
    report(loc, nsc_said)
    # Washington applauding is a sign that Kazakhstan broke ranks with Moscow.
    infer("ra_us_welcome", [nsc_said], independence, SIGN)

    # ============================================================ sanctions and SPIEF
    worse = claim(
        "worse",
        "From Putin’s point of view, worse was to come: Kazakhstan’s defiance escalated.",
        "Worse was to come, at least from Putin’s point of view",
    )
    say(worse)
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
    # Pledging on Russian TV, on the eve of Putin's forum, to respect Western sanctions.
    infer("ra_worse_sanctions", [sanctions_said], worse, EXAMPLE)

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
    say(prestige)
    not_the_place = claim(
        "not_the_place",
        "The St Petersburg Forum is not the place to show disrespect to the Russian leader.",
        "It is not the place to show disrespect to the Russian leader",
    )
    say(not_the_place)
    infer("ra_not_the_place", [prestige], not_the_place, DEFAULT)
    disrespect = claim(
        "disrespect",
        "At the St Petersburg Forum Tokayev showed disrespect to the Russian leader.",
        "Yet that’s exactly what he did.",
    )
    say(disrespect)
    # Doing exactly what is not done, at exactly that place, is a sign of intent.
    infer("ra_deliberate", [not_the_place, disrespect], not_faux_pas, SIGN)
    infer("ra_worse_disrespect", [disrespect], worse, EXAMPLE)
    infer("ra_escalation", [worse], independence, SIGN)
    infer("ra_deliberate_signal", [not_faux_pas], independence, SIGN)

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
    tq_many = claim(
        "tq_many_states",
        "If the right of nations to self-determination were realised throughout the globe, "
        "more than 500 or 600 states would arise instead of the 193 UN members.",
        "In general, if the right of nations to self-determination is realized throughout the "
        "globe, then instead of 193 states that are now members of the UN, more than 500 or "
        "600 states will arise on Earth",
    )
    tq_chaos = claim("tq_chaos", "That would be chaos.", "Naturally, it will be chaos.")
    tq_list = claim(
        "tq_non_recognition",
        "Kazakhstan does not recognise Taiwan, Kosovo, South Ossetia or Abkhazia.",
        "Therefore, we do not recognize Taiwan, Kosovo, South Ossetia, or Abkhazia",
    )
    tq_donbas = claim(
        "tq_donbas",
        "Kazakhstan does not recognise the Luhansk and Donetsk “republics” (DPR and LPR), "
        "which are quasi-state formations.",
        "he did not recognize “quasi-state formations” in the Donbas",
        "This principle will be applied to quasi-state associations, which, in my opinion, "
        "Luhansk and Donetsk (the so-called DPR and LPR) are",
    )
    spief1 = reported(
        "tokayev_spief_1", tokayev, tq_many.spans[0].text, quote=[tq_many.spans[0].text],
        said_at="2022-06-17", asserts=[tq_many])
    spief2 = reported(
        "tokayev_spief_2", tokayev, tq_chaos.spans[0].text, quote=[tq_chaos.spans[0].text],
        said_at="2022-06-17", asserts=[tq_chaos])
    spief3 = reported(
        "tokayev_spief_3", tokayev, tq_list.spans[0].text, quote=[tq_list.spans[0].text],
        said_at="2022-06-17", asserts=[tq_list])
    spief4 = reported(
        "tokayev_spief_4", tokayev, tq_donbas.spans[1].text, quote=[tq_donbas.spans[1].text],
        said_at="2022-06-17", asserts=[tq_donbas])
    # The staged exchange: Tokayev's answer responds to Simonyan's question.
    m.add_transition(simonyan_asked, spief1, scheme="Default Transition", scheme_id="82")
    loc = say(staged_question, quote=[
        "Responding to a Kremlin-approved question from its chief propagandist, the head of "
        "RT, Margarita Simonyan, the Kazakh leader said that he did not recognize “quasi-state "
        "formations” in the Donbas.",
        ("he said", "Luhansk and Donetsk")])
    report(loc, simonyan_asked, spief1, spief2, spief3, spief4)
    # Tokayev's own chain of reasons inside the quotation.
    argued(spief1, spief2, infer("ra_tq_chaos", [tq_many], tq_chaos, CAUSE_TO_EFFECT))
    argued(spief2, spief3,
           infer("ra_tq_therefore", [tq_chaos], tq_list, NEGATIVE_CONSEQUENCES))
    argued(spief3, spief4,
           infer("ra_tq_principle", [tq_list], tq_donbas, ESTABLISHED_RULE))
    occupied = evidence(
        "occupied", EvidenceType.COMMON_GROUND,
        "South Ossetia and Abkhazia are occupied by Russian troops.",
        "the last two occupied by Russian troops",
    )
    say(occupied)  # the author's own words, bracketed inside Tokayev's quotation
    # Answering the Kremlin's own staged question by refusing its Donbas proxies counts as
    # disrespect; so does listing two Russian-occupied territories among the unrecognised.
    infer("ra_snub_donbas", [staged_question, spief4], disrespect, VERBAL_CLASSIFICATION)
    infer("ra_snub_occupied", [spief3, occupied], disrespect, VERBAL_CLASSIFICATION)

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
        "Russian politicians and commentators, whom he accused of “sowing discord” between the "
        "two countries by launching public attacks on Kazakhstan",
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
    infer("ra_snub_discord", [discord_said], disrespect, VERBAL_CLASSIFICATION)
    nevsky = evidence(
        "refused_order", EvidenceType.ANECDOTE,
        "Tokayev refused Russia’s offer to award him the Order of Alexander Nevsky.",
        "His office then let it be known that he had refused Russia’s offer to award him the "
        "Order of Alexander Nevsky",
    )
    say(nevsky)
    infer("ra_snub_order", [nevsky], disrespect, SIGN)

    # ============================================================ retaliation
    angered = claim(
        "putin_angered", "Putin was clearly angered by Tokayev’s words.",
        "Putin was clearly angered by Tokayev’s words",
    )
    say(angered)
    infer("ra_shaken", [putin_shaken], angered, SIGN)
    suspension = evidence(
        "cpc_suspension", EvidenceType.ANECDOTE,
        "The next day Russia (again) announced the suspension of Kazakh oil shipments from the "
        "CPC terminal in Novorossiysk.",
        "the next day Russia (again) announced the suspension of Kazakh oil shipments from the "
        "CPC in Novorossiysk",
    )
    say(suspension)
    # "because": the next-day suspension is best explained by Putin's anger.
    anger_inference = infer("ra_anger", [suspension], angered, EVIDENCE_TO_HYPOTHESIS)
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
    # The official explanation (reported, not endorsed) offers another cause for the
    # suspension, so it undercuts the inference from the suspension to Putin's anger ...
    safety = implicit(
        "safety_reason",
        "The CPC suspension was a safety measure prompted by the munitions find, not a "
        "reaction to Tokayev’s words.",
    )
    infer("ra_safety", [munitions], safety, CAUSE_TO_EFFECT)
    attack("ca_safety_undercut", safety, anger_inference)
    # ... and "(again)" marks the munitions as a pretext: one more suspension of the same
    # pipeline right after a Kazakh affront. The author's attack is one-way: she never
    # entertains the safety reading, so no preference is needed here.
    pretext = implicit(
        "munitions_pretext",
        "The munitions find was a pretext: Russia suspended the CPC again right after a "
        "Kazakh affront, as it had after Tokayev’s July statements.",
    )
    infer("ra_pretext", [suspension, court_order], pretext, SIGN)
    attack("ca_pretext", pretext, safety)

    # The lessons, by example.  Lesson one: oil exports cut off and restored at will.
    infer("ra_lesson1_tengiz", [kremlin_displeasure, reversed_], lesson1, EXAMPLE)
    infer("ra_lesson1_cpc", [angered, suspension], lesson1, EXAMPLE)
    # Lesson two: the January intervention came with an expectation of obedience, and
    # disobedience was punished.
    infer("ra_lesson2_intervention", [troops, expected, kremlin_displeasure], lesson2, EXAMPLE)
    infer("ra_lesson2_cpc", [suspension], lesson2, EXAMPLE)

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
    predictable = claim(
        "predictably",
        "Protecting the Russian minority is Russia’s predictable pretext for invasion.",
        "predictably",
    )
    zatulin1 = reported("zatulin_1", zatulin, "Tokayev has “challenged” Putin.",
                        asserts=[challenged])
    zatulin2 = reported(
        "zatulin_2", zatulin,
        "This could result in an invasion to protect the Russian minority and annex territory.",
        asserts=[invasion],
    )
    loc = say(predictable, quote=[
        "Lawmaker Konstantin Zatulin said Tokayev had “challenged” Putin and said this could "
        "result in an invasion to (predictably) protect the Russian minority and annex "
        "territory."])
    report(loc, zatulin1, zatulin2)
    towns = claim(
        "russian_towns",
        "Many towns with a predominantly Russian population have little to do with what was "
        "called Kazakhstan.",
        "There are many towns with a predominantly Russian population that have little to do "
        "with what was called Kazakhstan",
    )
    zatulin3 = reported("zatulin_3", zatulin, towns.spans[0].text, quote=[towns.spans[0].text],
                        said_at="on Radio Moskva", asserts=[towns])
    friends_only = claim(
        "friends_only",
        "Russia raises no territorial matters with friends and partners; with the rest, as "
        "with Ukraine, everything is possible.",
        "with friends and partners, we don’t raise territorial matters and don’t argue. As for "
        "the rest — like, for example, with Ukraine – everything is possible",
    )
    zatulin4 = reported(
        "zatulin_4", zatulin,
        "I’d like Astana not to forget that with friends and partners, we don’t raise "
        "territorial matters and don’t argue. As for the rest — like, for example, with "
        "Ukraine – everything is possible",
        quote=["I’d like Astana", "not to forget that with friends and partners, we don’t "
               "raise territorial matters and don’t argue. As for the rest — like, for "
               "example, with Ukraine – everything is possible"],
        asserts=[friends_only],
    )
    loc = say(quote=["Zatulin told Radio Moskva", ("he said", "everything is possible")])
    report(loc, zatulin3, zatulin4)
    argued(zatulin1, zatulin2,
           infer("ra_zatulin_challenge", [challenged], invasion, CAUSE_TO_EFFECT))
    towns_inference = infer("ra_zatulin_towns", [towns], invasion, DEFAULT)
    argued(zatulin2, zatulin3, towns_inference)
    # "(predictably)": the author undercuts Zatulin's step from Russian-populated towns to a
    # protective invasion -- it is the stock pretext, not a reason.
    attack("ca_predictably", predictable, towns_inference)
    # Zatulin's veiled threat: stay a friend, or "everything is possible" (ad baculum).
    submit = implicit("bend_the_knee",
                      "Kazakhstan should fall in line with Moscow (bend the knee to Putin).")
    infer("ra_zatulin_threat", [friends_only], submit, THREAT)
    infer("ra_media_examples", [zatulin2, zatulin4], media, EXAMPLE)

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
    infer("ra_withdrawal", [withdrawal], not_perturbed, SIGN)
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
    infer("ra_calm_response", [routes_said], not_perturbed, SIGN)
    can_retaliate = claim(
        "can_retaliate", "Kazakhstan can retaliate against Russia in various ways.",
        "it can retaliate in various ways",
    )
    coal = evidence(
        "coal_freight", EvidenceType.ASSUMPTION,
        "Kazakhstan could halt Russian coal freight movements across its territory.",
        "including halting Russian coal freight movements across its territory",
    )
    say(can_retaliate, coal)
    infer("ra_coal", [coal], can_retaliate, EXAMPLE)
    stripping = evidence(
        "stripping_troops", EvidenceType.ANECDOTE,
        "The Kremlin is stripping troops from every military outpost to reinforce its war in "
        "Ukraine.",
        "the Kremlin is stripping troops from every military outpost to reinforce its bloody "
        "war in Ukraine",
    )
    menace = claim(
        "limited_menace", "Russia’s military menace may seem limited.",
        "its military menace may seem limited",
    )
    say(stripping, menace, quote=[
        "At a time when the Kremlin is stripping troops from every military outpost to "
        "reinforce its bloody war in Ukraine, its military menace may seem limited."])
    infer("ra_stripping", [stripping], menace, CAUSE_TO_EFFECT)
    # The author answers Zatulin's invasion talk: the menace is limited (a rebuttal, since
    # Zatulin argued for it).
    attack("ca_menace", menace, invasion)

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
    infer("ra_medvedev", [medvedev_said], enraged, SIGN)
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
    infer("ra_volodin", [volodin_said], provocations, EXAMPLE)
    infer("ra_provocations", [provocations], enraged, SIGN)
    infer("ra_media_enraged", [media], enraged, SIGN)

    # ============================================================ conclusion
    no_need = claim(
        "no_need_to_bend",
        "Right now Kazakhstan has no need to bend the knee to Putin.",
        "Right now, however, Kazakhstan has no need to bend the knee to Putin.",
    )
    say(no_need)
    desperate = claim(
        "russia_desperate",
        "Russia is desperate to have its neighbours do as they are told.",
        "It is clear that Russia is desperate to have neighbors do as they’re told",
    )
    lacks_power = claim(
        "lacks_power",
        "Russia lacks the power to make its neighbours do as they are told.",
        "equally clear that it lacks the power to make them",
    )
    say(desperate, lacks_power, quote=[
        "It is clear that Russia is desperate to have neighbors do as they’re told, and "
        "equally clear that it lacks the power to make them."])
    infer("ra_desperate", [enraged], desperate, SIGN)
    infer("ra_lacks_power", [menace], lacks_power, EXAMPLE)
    # Russia wants obedience but cannot enforce it: taken together, no need to submit.
    infer("ra_no_need_power", [desperate, lacks_power], no_need, DEFAULT)
    # The retaliation options and the stripped-away troops: with means to resist and the
    # threat hollow, keeping its course is open to Kazakhstan.
    goal = implicit("independent_course",
                    "Kazakhstan wants to keep its independent course.")
    infer("ra_no_need_means", [can_retaliate, menace, goal], no_need, PRACTICAL_REASONING)
    # The second "however": the author's conclusion against the conclusion of the threats.
    # The two contradict each other (a CA pair) and she prefers her own.
    attack("ca_no_need_vs_submit", no_need, submit)
    attack("ca_submit_vs_no_need", submit, no_need)
    m.add_preference(no_need, submit, scheme=PREFERENCE[0], scheme_id=PREFERENCE[1],
                     id="pa_however_no_need")
    infer("ra_no_need_perturbed", [not_perturbed], no_need, SIGN)
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
    # The picture: the argument plus who said what (the author's own locutions folded
    # away), single-premise inferences as labelled edges, the two separate arguments
    # (the Kremlin's pressure; Kazakhstan's position) stacked, and a key.
    # The README's picture: the article's core, legible at the README's width -- the
    # "taken together" conclusion with its premises, what undercuts it and the two
    # lessons it exemplifies.
    pictures = [(name, PICTURE) for name in ("seed.dot", "seed.svg", "seed.png")]
    pictures += [(name, CORE_PICTURE) for name in ("seed-core.svg", "seed-core.png")]
    for name, options in pictures:
        if name != "seed.dot" and argmap.dot_engine() is None:
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
