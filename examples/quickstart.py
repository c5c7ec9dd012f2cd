"""A 30-second tour of argmap: annotate two sentences and write them as AIF-XML.

Run from the project root::

    python examples/quickstart.py
"""

from __future__ import annotations

from pathlib import Path

import argmap

TEXT = (
    "The city should build the new tram line. Traffic jams cost commuters an hour a day, "
    "and the tram would halve that. Critics say it is too expensive, "
    "but it pays for itself within ten years."
)


def build() -> argmap.ArgumentMap:
    """Annotate :data:`TEXT`: a claim, linked premises, a rebuttal and its undercutter."""
    m = argmap.ArgumentMap(source=argmap.Source(text=TEXT, title="Tram line", language="en"))
    claim = m.add_claim(quote="The city should build the new tram line")
    cost = m.add_evidence(quote="Traffic jams cost commuters an hour a day",
                          evidence_type=argmap.EvidenceType.STATISTICS)
    halve = m.add_claim(quote="the tram would halve that")
    # Both premises are needed together: one linked inference.
    m.add_inference([cost, halve], claim, scheme="Argument From Positive Consequences")
    # Reported speech: the critics said it; the author does not commit to it.
    author = m.add_speaker("Author")
    critics = m.add_speaker("Critics")
    report = m.add_locution(author, quote="Critics say it is too expensive")
    said = m.add_locution(critics, "it is too expensive")
    expensive = m.add_claim("The tram line is too expensive", implicit=True)
    m.add_report(report, said)
    m.add_illocution(said, expensive)
    m.add_conflict(expensive, claim)
    pays = m.add_claim(quote="it pays for itself within ten years")
    m.add_conflict(pays, expensive)
    return m


def main() -> None:
    m = build()
    m.check()  # AIF rules hold (raises ValidationError otherwise)
    out = Path(__file__).resolve().parent / "output" / "quickstart.aif.xml"
    argmap.write(m, out)
    print(f"wrote {out} ({len(m.nodes)} nodes, {len(m.edges)} edges)")


if __name__ == "__main__":
    main()
