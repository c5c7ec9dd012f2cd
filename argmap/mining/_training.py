"""Training data for argument mining: token tags, relation pairs and one JSON record per map.

Three shapes, as argument-mining models consume them:

* **token tags** (:func:`tag_tokens`, ``to="bio"``/``"bioes"``): the source
  text cut into tokens, each tagged ``B-<label>``/``I-<label>``/``O`` (BIO) or
  also ``E-`` and ``S-`` (BIOES), written CoNLL-style, one ``token<TAB>tag``
  line per token and a blank line between maps;
* **relation pairs** (:func:`relation_pairs`, ``to="relations"``): one JSON
  line per ordered pair of text-bound units with the label ``support``,
  ``attack`` or ``none``;
* **map records** (:func:`map_record`, ``to="jsonl"``): one JSON line per map
  with its text, units, relations, tokens and tags, in the shape the Hugging
  Face ``datasets`` library loads with ``load_dataset("json", data_files=...)``
  (every record has the same keys and value types).

Units are the I-nodes anchored to the text.  A unit's label is its role when
the format has one (the brat type: ``MajorClaim``, ``Claim``, ``Premise``),
else its kind (``Claim`` or ``Evidence``); pass ``label=`` to choose another.
"""

from __future__ import annotations

import itertools
import json
import random
import re
import warnings
from collections.abc import Callable, Iterable, Sequence
from typing import Any

import attrs

from argmap._errors import ArgmapError, ArgmapWarning
from argmap._map import ArgumentMap
from argmap._nodes import Claim, Conflict, Evidence, Inference, INode

__all__ = [
    "TRAINING_FORMATS",
    "TaggedToken",
    "dumps_training",
    "map_record",
    "relation_pairs",
    "spans_from_tags",
    "tag_tokens",
]

#: The shapes :func:`dumps_training` (and ``argmap export --to``) can produce.
TRAINING_FORMATS = ("bio", "bioes", "relations", "jsonl")

#: A tokeniser: text -> ``(start, end)`` offsets of its tokens, in order, not overlapping.
Tokenizer = Callable[[str], Iterable[tuple[int, int]]]
#: A labeller: unit -> its label.
Labeller = Callable[[INode], str]

_WORD = re.compile(r"\w+|[^\w\s]", re.UNICODE)


@attrs.frozen
class TaggedToken:
    """A token of the source text with its tag.

    Args:
        text: the token as it is in the text.
        start: offset of its first code point.
        end: offset one past its last code point.
        tag: ``O``, or a prefix (``B``, ``I``, ``E``, ``S``), a hyphen and a label.
    """

    text: str
    start: int
    end: int
    tag: str


def default_tokenizer(text: str) -> list[tuple[int, int]]:
    """Words (runs of letters, digits and ``_``) and single punctuation marks."""
    return [(m.start(), m.end()) for m in _WORD.finditer(text)]


def default_label(node: INode) -> str:
    """The unit's role from its format (``brat:type``), else ``Claim`` or ``Evidence``."""
    role = node.extra.get("brat:type")
    if isinstance(role, str) and role:
        return role
    return "Evidence" if isinstance(node, Evidence) else "Claim"


def _units(m: ArgumentMap) -> list[INode]:
    out = [n for n in m.nodes.values() if isinstance(n, (Claim, Evidence)) and n.spans]
    return sorted(out, key=lambda n: (n.spans[0].start, n.spans[0].end, n.id))


def tag_tokens(
    m: ArgumentMap,
    *,
    scheme: str = "bio",
    label: Labeller | None = None,
    tokenizer: Tokenizer | None = None,
) -> list[TaggedToken]:
    """Tag the tokens of ``m``'s source text by the units anchored to it.

    Each span (each fragment of a discontinuous unit) is tagged on its own, so
    :func:`spans_from_tags` gives back every span.  The text is cut at every
    span boundary before it is tokenised, so no token straddles one; a span
    that begins or ends with white space is tagged from its first to its last
    token.  Spans that overlap an earlier one (one that starts before them,
    or at the same place and is longer) cannot be tagged: they are reported
    with one :class:`~argmap.ArgmapWarning` and left out.

    Args:
        m: the map; it needs a source text.
        scheme: ``"bio"`` or ``"bioes"``.
        label: the label of a unit (default: its role, else its kind).
        tokenizer: ``text -> [(start, end), ...]`` (default: words and
            punctuation marks).

    Example:
        >>> m = ArgumentMap(source=Source(text="Cats purr, so they are happy."))
        >>> _ = m.add_claim(quote="they are happy")
        >>> [(t.text, t.tag) for t in tag_tokens(m)][4:]
        [('they', 'B-Claim'), ('are', 'I-Claim'), ('happy', 'I-Claim'), ('.', 'O')]

    Raises:
        ArgmapError: for a map without source text, an unknown scheme, or a
            tokeniser that returns bad offsets.
    """
    if scheme not in ("bio", "bioes"):
        raise ArgmapError(f"unknown tagging scheme {scheme!r}; use 'bio' or 'bioes'")
    if m.source is None:
        raise ArgmapError("the map has no source text to tag")
    text = m.source.text
    name_of = label or default_label
    tokenize = tokenizer or default_tokenizer
    spans: list[tuple[int, int, str, str]] = []
    for node in _units(m):
        for s in node.spans:
            spans.append((s.start, s.end, name_of(node), node.id))
    # At one start, the longest span first: a unit wins over the units nested in it.
    spans.sort(key=lambda s: (s[0], -s[1], s[2], s[3]))
    kept: list[tuple[int, int, str]] = []
    skipped: list[str] = []
    last_end = -1
    for start, end, lab, nid in spans:
        if start < last_end:
            skipped.append(nid)
            continue
        if not text[start:end].strip():
            continue
        kept.append((start, end, lab))
        last_end = end
    if skipped:
        warnings.warn(f"{len(skipped)} span(s) overlap an earlier unit and are not tagged "
                      f"(units {', '.join(sorted(set(skipped)))})", ArgmapWarning, stacklevel=2)
    cuts = sorted({0, len(text), *(s for s, _, _ in kept), *(e for _, e, _ in kept)})
    tokens: list[tuple[int, int]] = []
    for a, b in itertools.pairwise(cuts):
        for ts, te in tokenize(text[a:b]):
            if not (isinstance(ts, int) and isinstance(te, int) and 0 <= ts < te <= b - a):
                raise ArgmapError(f"the tokeniser returned bad offsets ({ts!r}, {te!r}) for a "
                                  f"piece of {b - a} characters")
            tokens.append((a + ts, a + te))
    out: list[TaggedToken] = []
    k = 0
    for i, (ts, te) in enumerate(tokens):
        while k < len(kept) and kept[k][1] <= ts:
            k += 1
        tag = "O"
        if k < len(kept) and kept[k][0] <= ts < kept[k][1]:
            start, end, lab = kept[k]
            first = i == 0 or tokens[i - 1][0] < start
            last = i + 1 == len(tokens) or tokens[i + 1][0] >= end
            if scheme == "bio":
                prefix = "B" if first else "I"
            else:
                prefix = "S" if first and last else "B" if first else "E" if last else "I"
            tag = f"{prefix}-{lab}"
        out.append(TaggedToken(text[ts:te], ts, te, tag))
    return out


def spans_from_tags(tokens: Sequence[TaggedToken]) -> list[tuple[int, int, str]]:
    """The ``(start, end, label)`` of each tagged span (BIO or BIOES), in text order.

    A span runs from the start of its ``B-`` (or ``S-``) token to the end of
    its last ``I-``/``E-`` token; an ``I-`` token after ``O`` or another label
    starts a span, as is usual for predicted tags.
    """
    out: list[tuple[int, int, str]] = []
    current: list[Any] | None = None
    for tok in tokens:
        prefix, _, lab = tok.tag.partition("-")
        if prefix in ("B", "S") or (prefix in ("I", "E") and (
                current is None or current[2] != lab)):
            if current is not None:
                out.append((current[0], current[1], current[2]))
            current = [tok.start, tok.end, lab]
        elif prefix in ("I", "E") and current is not None:
            current[1] = tok.end
        else:
            if current is not None:
                out.append((current[0], current[1], current[2]))
            current = None
        if prefix in ("S", "E") and current is not None:
            out.append((current[0], current[1], current[2]))
            current = None
    if current is not None:
        out.append((current[0], current[1], current[2]))
    return out


def _unit_json(node: INode, name_of: Labeller) -> dict[str, Any]:
    return {"id": node.id, "label": name_of(node), "text": node.text,
            "spans": [[s.start, s.end] for s in node.spans]}


def _positive_pairs(m: ArgumentMap, units: set[str]) -> dict[tuple[str, str], str]:
    pairs: dict[tuple[str, str], str] = {}
    for node in m.nodes.values():
        if isinstance(node, Inference):
            concl = m.conclusion(node)
            if concl is None or concl.id not in units:
                continue
            for p in m.premises(node):
                if p.id in units and p.id != concl.id:
                    pairs.setdefault((p.id, concl.id), "support")
        elif isinstance(node, Conflict):
            attacker, target = m.attacker(node), m.target(node)
            if attacker is not None and target is not None and attacker.id in units \
                    and target.id in units and attacker.id != target.id:
                pairs.setdefault((attacker.id, target.id), "attack")
    return pairs


def relation_pairs(
    m: ArgumentMap,
    *,
    negatives: float | None = None,
    seed: int = 0,
    label: Labeller | None = None,
    name: str = "",
) -> list[dict[str, Any]]:
    """Ordered pairs of text-bound units with ``support``, ``attack`` or ``none``.

    A pair is ``support`` when the first unit is a premise of an inference
    whose conclusion is the second, ``attack`` when the first attacks the
    second through a conflict.  Relations with an end that is not a
    text-bound unit (an undercut of an inference, an implicit premise) give
    no pair.

    Negative sampling: with ``negatives=None`` every other ordered pair of
    distinct units is a ``none`` pair (as in the Persuasive Essays
    experiments, which pair all components of a paragraph; here, of a map).
    With a number ``r``, ``round(r * positives)`` ``none`` pairs are drawn
    uniformly without replacement, with :class:`random.Random` seeded by
    ``seed``, so the same inputs always give the same sample.

    Example:
        >>> m = ArgumentMap(source=Source(text="Cats purr. Cats are happy. Dogs bark."))
        >>> a, b = m.add_claim(quote="Cats purr"), m.add_claim(quote="Cats are happy")
        >>> _ = m.add_claim(quote="Dogs bark")
        >>> _ = m.add_inference(a, b)
        >>> [(p["source"]["text"], p["target"]["text"], p["label"])
        ...  for p in relation_pairs(m, negatives=1)]
        [('Cats purr', 'Cats are happy', 'support'), ('Dogs bark', 'Cats purr', 'none')]

    Raises:
        ArgmapError: for a negative ``negatives``.
    """
    if negatives is not None and not negatives >= 0:
        raise ArgmapError(f"negatives must be a ratio >= 0 or None, got {negatives!r}")
    name_of = label or default_label
    units = _units(m)
    ids = {u.id for u in units}
    positives = _positive_pairs(m, ids)
    # Ordered pair (i, j) of units is number i * n + j; the sample is drawn from
    # these numbers, so the n * n pairs are never all built when sampling.
    n = len(units)
    index = {u.id: i for i, u in enumerate(units)}
    excluded = {index[a] * n + index[b] for a, b in positives} | {i * n + i for i in range(n)}
    chosen: Iterable[int]
    if negatives is None:
        chosen = (i for i in range(n * n) if i not in excluded)
    else:
        k = min(n * n - len(excluded), round(negatives * len(positives)))
        # A uniform draw of k + |excluded| numbers holds at least k allowed ones;
        # its first k allowed ones are a uniform sample of the allowed pairs.
        drawn = random.Random(seed).sample(range(n * n), min(n * n, k + len(excluded)))
        chosen = sorted([i for i in drawn if i not in excluded][:k])
    unrelated = [(units[i // n].id, units[i % n].id) for i in chosen]
    by_id = {u.id: _unit_json(u, name_of) for u in units}
    order = {u.id: i for i, u in enumerate(units)}
    rows = [(a, b, lab) for (a, b), lab in positives.items()]
    rows.extend((a, b, "none") for a, b in unrelated)
    rows.sort(key=lambda r: (r[2] == "none", order[r[0]], order[r[1]]))
    return [{"map": name, "source": by_id[a], "target": by_id[b], "label": lab}
            for a, b, lab in rows]


def map_record(
    m: ArgumentMap,
    *,
    name: str = "",
    scheme: str = "bio",
    label: Labeller | None = None,
    tokenizer: Tokenizer | None = None,
) -> dict[str, Any]:
    """One JSON-ready record for ``m``: text, units, relations, tokens and tags.

    Keys: ``id`` (``name``), ``text`` (the source text, ``""`` without one),
    ``units`` (``id``, ``label``, ``text``, ``spans`` as ``[[start, end], ...]``),
    ``relations`` (``id``, ``type`` ``support``/``attack``, ``sources``,
    ``target``: node ids; targets may be inferences, for undercuts),
    ``tokens`` and ``tags`` (empty without a source text).
    """
    name_of = label or default_label
    units = [n for n in m.nodes.values() if isinstance(n, (Claim, Evidence))]
    relations: list[dict[str, Any]] = []
    for node in m.nodes.values():
        if isinstance(node, Inference):
            concl = m.conclusion(node)
            if concl is not None:
                relations.append({"id": node.id, "type": "support",
                                  "sources": [p.id for p in m.premises(node)],
                                  "target": concl.id})
        elif isinstance(node, Conflict):
            attacker, target = m.attacker(node), m.target(node)
            if attacker is not None and target is not None:
                relations.append({"id": node.id, "type": "attack", "sources": [attacker.id],
                                  "target": target.id})
    tagged = (tag_tokens(m, scheme=scheme, label=label, tokenizer=tokenizer)
              if m.source is not None else [])
    return {
        "id": name,
        "text": m.source.text if m.source is not None else "",
        "units": [_unit_json(u, name_of) for u in units],
        "relations": relations,
        "tokens": [t.text for t in tagged],
        "tags": [t.tag for t in tagged],
    }


def dumps_training(
    maps: Iterable[tuple[str, ArgumentMap]],
    to: str,
    *,
    negatives: float | None = None,
    seed: int = 0,
    label: Labeller | None = None,
    tokenizer: Tokenizer | None = None,
) -> str:
    """Training data for named maps, as text in one of :data:`TRAINING_FORMATS`.

    ``bio``/``bioes`` give CoNLL lines (``# <name>`` before each map, a blank
    line after it); ``relations`` and ``jsonl`` give one JSON object per line.

    Raises:
        ArgmapError: for an unknown shape, or a map ``bio``/``bioes`` cannot tag.
    """
    if to not in TRAINING_FORMATS:
        raise ArgmapError(f"unknown training format {to!r}; use one of "
                          f"{', '.join(TRAINING_FORMATS)}")
    parts: list[str] = []
    for name, m in maps:
        if to in ("bio", "bioes"):
            tokens = tag_tokens(m, scheme=to, label=label, tokenizer=tokenizer)
            lines = [f"# {_one_line(name)}"] if name else []
            lines.extend(f"{_one_line(t.text)}\t{t.tag}" for t in tokens)
            parts.append("\n".join(lines) + "\n\n")
        elif to == "relations":
            parts.extend(json.dumps(row, ensure_ascii=False) + "\n" for row in relation_pairs(
                m, negatives=negatives, seed=seed, label=label, name=name))
        else:
            record = map_record(m, name=name, scheme="bio", label=label, tokenizer=tokenizer)
            parts.append(json.dumps(record, ensure_ascii=False) + "\n")
    return "".join(parts)


def _one_line(text: str) -> str:
    return re.sub(r"\s", " ", text)
