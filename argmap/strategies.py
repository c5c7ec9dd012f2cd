"""Hypothesis strategies for property tests of code that uses argmap.

``hypothesis`` is an optional dependency (the ``test`` extra); importing this
module without it raises a clear :class:`ImportError`.

Example:
    >>> from hypothesis import given, settings
    >>> import argmap
    >>> from argmap.strategies import argument_maps
    >>> @settings(max_examples=5)
    ... @given(argument_maps())
    ... def test_round_trip(m):
    ...     assert argmap.from_xml(argmap.to_xml(m)) == m
    >>> test_round_trip()
"""

from __future__ import annotations

from typing import Any

try:
    from hypothesis import strategies as st
except ImportError as exc:  # pragma: no cover - exercised only without hypothesis
    raise ImportError(
        "argmap.strategies needs hypothesis: pip install 'argmap[test]'"
    ) from exc

from argmap._map import ArgumentMap
from argmap._nodes import EvidenceType, Node, NodeKind
from argmap._text import Source

__all__ = ["argument_maps", "json_values", "sources", "texts"]

_ILLEGAL = "".join(chr(c) for c in range(0x20) if chr(c) not in "\t\n\r") + "\ufffe\uffff"


def texts(min_size: int = 0, max_size: int = 40) -> st.SearchStrategy[str]:
    """Unicode text XML 1.0 can carry: curly quotes, dashes, CR/LF, astral characters, ..."""
    alphabet = st.one_of(
        st.characters(codec="utf-8", exclude_categories=["Cs"], exclude_characters=_ILLEGAL),
        st.sampled_from("“”‘’—–… \r\n\t<>&\"'"),
    )
    return st.text(alphabet=alphabet, min_size=min_size, max_size=max_size)


def json_values(max_leaves: int = 6) -> st.SearchStrategy[Any]:
    """JSON-compatible values (as the ``extra`` slots store them)."""
    leaves = st.one_of(
        st.none(),
        st.booleans(),
        st.integers(min_value=-(2**63), max_value=2**63),
        st.floats(allow_nan=False, allow_infinity=False),
        texts(max_size=10),
    )
    return st.recursive(
        leaves,
        lambda inner: st.one_of(
            st.lists(inner, max_size=3),
            st.dictionaries(texts(max_size=6), inner, max_size=3),
        ),
        max_leaves=max_leaves,
    )


def _extras() -> st.SearchStrategy[dict[str, Any]]:
    return st.one_of(
        st.just({}), st.dictionaries(texts(min_size=0, max_size=8), json_values(), max_size=2)
    )


def sources() -> st.SearchStrategy[Source]:
    """A :class:`~argmap.Source` with random text and metadata."""
    opt = st.none() | texts(max_size=15)
    return st.builds(
        Source,
        text=texts(min_size=0, max_size=120),
        title=opt, author=opt, publisher=opt, url=opt, published=opt, language=opt,
        extra=_extras(),
    )


@st.composite
def argument_maps(draw: st.DrawFn, max_nodes: int = 14) -> ArgumentMap:
    """Valid argument maps with every node kind, built through the public builder API.

    Maps drawn here pass :meth:`~argmap.ArgumentMap.validate` with no problems,
    and carry spans, implicit premises, participants, reported speech and
    ``extra`` data.

    Args:
        max_nodes: roughly how many builder steps to take.
    """
    source = draw(st.none() | sources())
    m = ArgumentMap(source=source, extra=draw(_extras()))
    n_text = len(source.text) if source else 0
    opt_text = st.none() | texts(max_size=12)

    def spans() -> list[tuple[int, int]]:
        if source is None or n_text == 0:
            return []
        pairs = draw(st.lists(st.tuples(st.integers(0, n_text), st.integers(0, n_text)),
                              max_size=2))
        return [(min(a, b), max(a, b)) for a, b in pairs]

    for _ in range(draw(st.integers(0, 3))):
        m.add_speaker(draw(texts(max_size=12)), description=draw(opt_text))

    def pick(kinds: tuple[NodeKind, ...]) -> Node | None:
        pool = [n for n in m.nodes.values() if n.kind in kinds]
        return draw(st.sampled_from(pool)) if pool else None

    steps = draw(st.lists(st.sampled_from(
        ["claim", "evidence", "implicit", "inference", "conflict", "rephrase", "preference",
         "locution", "illocution", "report", "transition", "arguing"]),
        min_size=1, max_size=max_nodes))
    for step in steps:
        common: dict[str, Any] = {"timestamp": draw(opt_text), "extra": draw(_extras())}
        if step in ("claim", "evidence", "implicit"):
            implicit = step == "implicit"
            kw: dict[str, Any] = {"spans": [] if implicit else spans(), "implicit": implicit}
            if step == "evidence":
                m.add_evidence(draw(texts()), evidence_type=draw(st.sampled_from(EvidenceType)),
                               **kw, **common)
            else:
                m.add_claim(draw(texts()), **kw, **common)
            continue
        scheme: dict[str, Any] = {
            "scheme": draw(opt_text), "scheme_id": draw(opt_text), "label": draw(opt_text)
        }
        if step == "inference":
            # Conclusions may be inferences (a reason for a rule); premises may be
            # reported locutions.
            conclusion = pick(draw(st.sampled_from([(NodeKind.I,), (NodeKind.I,), (NodeKind.RA,)])))
            if conclusion is None:
                continue
            pool = [n for n in m.nodes.values()
                    if n.kind in (NodeKind.I, NodeKind.L) and n.id != conclusion.id]
            if not pool:
                continue
            premises = draw(st.lists(st.sampled_from(pool), min_size=1, max_size=3,
                                     unique_by=lambda n: n.id))
            m.add_inference(premises, conclusion, **scheme, **common)
        elif step == "conflict":
            attacker = pick((NodeKind.I, NodeKind.I, NodeKind.L))
            target = pick(draw(st.sampled_from([
                (NodeKind.I, NodeKind.RA), (NodeKind.L, NodeKind.CA, NodeKind.PA)])))
            if attacker is None or target is None or attacker.id == target.id:
                continue
            m.add_conflict(attacker, target, **scheme, **common)
        elif step in ("rephrase", "preference"):
            kinds = (NodeKind.I,) if step == "rephrase" else draw(
                st.sampled_from([(NodeKind.I,), (NodeKind.RA,)]))
            a, b = pick(kinds), pick(kinds)
            if a is None or b is None or a.id == b.id:
                continue
            if step == "rephrase":
                m.add_rephrase(a, b, **scheme, **common)
            else:
                m.add_preference(a, b, **scheme, **common)
        elif step == "locution":
            speakers = list(m.participants)
            speaker = draw(st.none() | st.sampled_from(speakers)) if speakers else None
            m.add_locution(speaker, draw(texts()), spans=spans(), said_at=draw(opt_text),
                           **common)
        elif step in ("illocution", "report"):
            anchor = pick((NodeKind.L,))
            content = pick((NodeKind.L,) if step == "report" else (NodeKind.I,))
            if anchor is None or content is None or anchor.id == content.id:
                continue
            if any(s.kind is NodeKind.YA and content in m.successors(s)
                   for s in m.successors(anchor)):
                continue
            m.add_illocution(anchor, content, draw(st.sampled_from(
                ["Asserting", "Conceding", "Pure Questioning", "Restating"])),
                scheme_id=scheme["scheme_id"], label=scheme["label"], **common)
        elif step == "arguing":
            ta = pick((NodeKind.TA,))
            content = pick((NodeKind.RA, NodeKind.CA, NodeKind.MA, NodeKind.PA))
            if ta is None or content is None:
                continue
            m.add_illocution(ta, content, draw(st.sampled_from(
                ["Arguing", "Disagreeing", "Restating", "Default Illocuting"])), **common)
        elif step == "transition":
            a, b = pick((NodeKind.L,)), pick((NodeKind.L,))
            if a is None or b is None or a.id == b.id:
                continue
            m.add_transition(a, b, scheme=scheme["scheme"], scheme_id=scheme["scheme_id"],
                             label=scheme["label"], **common)
    return m
