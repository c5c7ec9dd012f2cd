"""Pairs of QT30 (DialAM 2024) maps with controlled edits, scored by argmap's CASS.

Run from the repository root::

    python tests/benchmarks/cass_reference_pairs.py            # argmap's figures, one row a pair
    python tests/benchmarks/cass_reference_pairs.py --write D  # also each pair as AIF JSON in D

The pairs are built deterministically: for each of the first three DialAM
test maps (sorted by name), a source text is made of its locutions, one per
line, each locution anchored to its line; the first map of a pair is that
gold map, the second the same map after one edit.  ``--write`` saves each
side as ``{pair}-a.json`` / ``{pair}-b.json`` in the AIFdb JSON shape the
reference implementation reads (``{"AIF": {nodes, edges}, "text": html}``,
each locution's line wrapped in a highlighted ``<span>``), so that arg-tech's
``amf-evaluation-metrics`` can be run on exactly the same pairs; see the
agreement section of docs/reasoning.rst for the table and how the
reference's numbers were obtained.
"""

from __future__ import annotations

import argparse
import html
import json
import sys
from collections.abc import Callable
from pathlib import Path

import attrs

import argmap
from argmap import (
    ArgumentMap,
    Conflict,
    Edge,
    Illocution,
    Inference,
    Locution,
    Source,
    Span,
    Transition,
)
from argmap.reasoning import compare

CORPUS = Path(__file__).resolve().parents[2].parent / "shared" / "corpora" / "dialam2024-qt30-test"


def anchored(m: ArgumentMap) -> ArgumentMap:
    """The map with a source text made of its locutions, each anchored to its own line."""
    locs = m.nodes_of(Locution)
    text, spans = "", {}
    for loc in locs:
        spans[loc.id] = (len(text), len(text) + len(loc.text))
        text += loc.text + "\n"
    out = ArgumentMap(source=Source(text=text))
    for p in m.participants.values():
        out.add_participant(p)
    for n in m.nodes.values():
        if isinstance(n, Locution):
            s, e = spans[n.id]
            out.add_node(attrs.evolve(n, spans=(Span(s, e, text[s:e]),)))
        else:
            out.add_node(n)
    for edge in m.edges.values():
        out.add_edge(edge)
    return out


def _drop(m: ArgumentMap, *ids: str) -> None:
    for nid in ids:
        if nid in m.nodes:
            m.remove_node(nid)


def drop_proposition(m: ArgumentMap) -> None:
    """The first proposition an inference uses, with its illocutions, is gone."""
    ra = m.nodes_of(Inference)[0]
    p = next(x for x in m.premises(ra) if x.kind.value == "I")
    _drop(m, *[y.id for y in m.predecessors(p) if isinstance(y, Illocution)], p.id)


def move_premise(m: ArgumentMap) -> None:
    """The first inference takes its premise from another proposition."""
    ra = m.nodes_of(Inference)[0]
    old = next(x for x in m.premises(ra) if x.kind.value == "I")
    concl = m.conclusion(ra)
    new = next(p for p in m.propositions if p.id not in (old.id, getattr(concl, "id", None))
               and not any(isinstance(s, Inference) for s in m.successors(p)))
    edge = next(e for e in m.incoming(ra) if e.from_id == old.id)
    m.remove_edge(edge.id)
    m.add_edge(Edge(id=edge.id, from_id=new.id, to_id=ra.id))


def change_illocution(m: ArgumentMap) -> None:
    """The first Asserting anchoring a proposition becomes Challenging."""
    ya = next(y for y in m.nodes_of(Illocution) if y.force == "Asserting")
    m.replace_node(attrs.evolve(ya, scheme=None, label="Challenging"))


def flip_inference(m: ArgumentMap) -> None:
    """The first inference becomes a conflict (RA -> CA)."""
    ra = m.nodes_of(Inference)[0]
    m.replace_node(Conflict(id=ra.id, label="Default Conflict"))


def reverse_inference(m: ArgumentMap) -> None:
    """The first inference runs the other way (premise and conclusion swap)."""
    ra = m.nodes_of(Inference)[0]
    p = next(x for x in m.premises(ra) if x.kind.value == "I")
    c = m.conclusion(ra)
    assert c is not None
    e_in = next(e for e in m.incoming(ra) if e.from_id == p.id)
    e_out = next(e for e in m.outgoing(ra) if e.to_id == c.id)
    m.remove_edge(e_in.id)
    m.remove_edge(e_out.id)
    m.add_edge(Edge(id=e_in.id, from_id=c.id, to_id=ra.id))
    m.add_edge(Edge(id=e_out.id, from_id=ra.id, to_id=p.id))


def drop_transition(m: ArgumentMap) -> None:
    """The first transition that anchors an inference or conflict is gone, with its illocution."""
    ta = next(t for t in m.nodes_of(Transition)
              if any(isinstance(y, Illocution) for y in m.successors(t)))
    _drop(m, *[y.id for y in m.successors(ta) if isinstance(y, Illocution)], ta.id)


def change_anchoring(m: ArgumentMap) -> None:
    """The illocution anchoring the first inference in a transition becomes Disagreeing."""
    ra = m.nodes_of(Inference)[0]
    ya = next(y for y in m.predecessors(ra) if isinstance(y, Illocution))
    m.replace_node(attrs.evolve(ya, scheme=None, label="Disagreeing"))


def drop_locution(m: ArgumentMap) -> None:
    """The locution anchoring the first inference's premise is gone, with its links."""
    ra = m.nodes_of(Inference)[0]
    p = next(x for x in m.premises(ra) if x.kind.value == "I")
    ya = next(y for y in m.predecessors(p) if isinstance(y, Illocution))
    loc = next(x for x in m.predecessors(ya) if isinstance(x, Locution))
    tas = [t.id for t in (*m.predecessors(loc), *m.successors(loc)) if isinstance(t, Transition)]
    _drop(m, ya.id, *tas, loc.id)


def resegment(m: ArgumentMap) -> None:
    """The first locution of more than three words loses its last word (its span too)."""
    loc = next(x for x in m.nodes_of(Locution) if len(x.text.split()) > 3 and x.spans)
    cut = loc.text.rsplit(" ", 1)[0]
    s = loc.spans[0]
    end = s.start + len(cut)
    m.replace_node(attrs.evolve(loc, text=cut, spans=(Span(s.start, end, s.text[: len(cut)]),)))


def change_report(m: ArgumentMap) -> None:
    """The first illocution whose content is a locution (reported speech) becomes Challenging."""
    ya = next(y for y in m.nodes_of(Illocution)
              if any(isinstance(s, Locution) for s in m.successors(y)))
    m.replace_node(attrs.evolve(ya, scheme=None, label="Challenging"))


def reanchor_proposition(m: ArgumentMap) -> None:
    """The first proposition asserted in a locution is anchored in the next such locution."""
    def asserting(loc: Locution) -> Illocution | None:
        return next((y for y in m.successors(loc) if isinstance(y, Illocution)
                     and any(s.kind.value == "I" for s in m.successors(y))), None)

    locs = [loc for loc in m.nodes_of(Locution) if asserting(loc) is not None]
    ya = asserting(locs[0])
    assert ya is not None
    edge = next(e for e in m.incoming(ya) if e.from_id == locs[0].id)
    m.remove_edge(edge.id)
    m.add_edge(Edge(id=edge.id, from_id=locs[1].id, to_id=ya.id))


EDITS: dict[str, Callable[[ArgumentMap], None] | None] = {
    "identity": None,
    "drop-proposition": drop_proposition,
    "move-premise": move_premise,
    "change-illocution": change_illocution,
    "flip-ra-ca": flip_inference,
    "reverse-ra": reverse_inference,
    "drop-transition": drop_transition,
    "change-anchoring": change_anchoring,
    "drop-locution": drop_locution,
    "resegment": resegment,
    "change-report": change_report,
    "reanchor-proposition": reanchor_proposition,
}


def without_dialogue(m: ArgumentMap) -> ArgumentMap:
    """The map's argument layer only: locutions, illocutions and transitions removed."""
    out = m.copy()
    _drop(out, *[n.id for n in m.nodes.values()
                 if isinstance(n, (Locution, Illocution, Transition))])
    return out


def pairs() -> list[tuple[str, ArgumentMap, ArgumentMap]]:
    """Every pair, in a fixed order: (name, gold map, edited map)."""
    out = []
    for path in sorted((CORPUS / "maps").glob("*.json"))[:3]:
        gold = anchored(argmap.read(path))
        for name, edit in EDITS.items():
            other = gold.copy()
            if edit is not None:
                edit(other)
            out.append((f"{path.stem}/{name}", gold, other))
        # The argument layer alone, on both sides, with the first inference flipped.
        bare = without_dialogue(gold)
        other = bare.copy()
        flip_inference(other)
        out.append((f"{path.stem}/no-dialogue-flip-ra-ca", bare, other))
    return out


def aif_json(m: ArgumentMap) -> dict[str, object]:
    """The map as the reference reads it: AIF nodes and edges, and highlighted HTML text."""
    nodes = []
    for n in m.nodes.values():
        if isinstance(n, Illocution):
            text = n.force or ""
        else:
            text = (getattr(n, "text", None) or getattr(n, "scheme", None)
                    or getattr(n, "label", None) or "")
        nodes.append({"nodeID": n.id, "text": text, "type": n.kind.value})
    edges = [{"edgeID": e.id, "fromID": e.from_id, "toID": e.to_id} for e in m.edges.values()]
    assert m.source is not None
    src = m.source.text
    cuts = sorted((s.start, s.end, n.id) for n in m.nodes_of(Locution) for s in n.spans)
    parts, at = [], 0
    for s, e, nid in cuts:
        parts.append(html.escape(src[at:s]))
        parts.append(f'<span class="highlighted" id="{html.escape(nid)}">'
                     f"{html.escape(src[s:e])}</span>")
        at = e
    parts.append(html.escape(src[at:]))
    return {"AIF": {"nodes": nodes, "edges": edges}, "text": {"txt": "".join(parts)}}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--write", type=Path, help="also write each pair as AIF JSON here")
    args = ap.parse_args(argv)
    if not CORPUS.is_dir():
        print(f"DialAM maps not found at {CORPUS}", file=sys.stderr)
        return 2
    cols = ("relations", "illocutions", "locution illocutions", "transitions", "anchoring",
            "transition anchoring", "proposition anchoring")
    print("pair", "S", *cols, "M", "CASS", sep="\t")
    for name, a, b in pairs():
        ag = compare(a, b)
        # A skipped layer (nothing labelled in either map) is not in M: "n/a".
        layers = {x.name: x.kappa for x in ag.layers() if x.name not in ag.skipped}
        seg = ag.segmentation.similarity if ag.segmentation else None
        figures = [seg, *(layers.get(c) for c in cols), ag.kappa_graph, ag.cass]
        print(name, *("n/a" if x is None else f"{x:.3f}" for x in figures), sep="\t")
        if args.write:
            args.write.mkdir(parents=True, exist_ok=True)
            stem = name.replace("/", "-")
            for side, m in (("a", a), ("b", b)):
                (args.write / f"{stem}-{side}.json").write_text(json.dumps(aif_json(m)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
