"""Argument mining: training data, corpus statistics, and maps as networkx graphs or pandas tables.

* training data -- token tags (BIO/BIOES, CoNLL style) whose spans rebuild the
  units exactly, relation pairs (support / attack / none, with seeded negative
  sampling) and one JSON record per map, the shape Hugging Face ``datasets``
  loads (:func:`dumps_training`, also ``argmap export``);
* :func:`corpus_statistics` -- what corpus papers report (units, relations,
  schemes, speakers, coverage of the text), for maps from
  :func:`argmap.read_corpus`;
* :func:`to_networkx`, :func:`from_networkx` and :func:`to_frames` -- for the
  scientific Python stack (the ``networkx`` and ``pandas`` extras, imported
  only when called).
"""

from __future__ import annotations

from argmap.mining._frames import from_networkx, to_frames, to_networkx
from argmap.mining._statistics import corpus_statistics
from argmap.mining._training import (
    TRAINING_FORMATS,
    TaggedToken,
    dumps_training,
    map_record,
    relation_pairs,
    spans_from_tags,
    tag_tokens,
)

__all__ = [
    "TRAINING_FORMATS",
    "TaggedToken",
    "corpus_statistics",
    "dumps_training",
    "from_networkx",
    "map_record",
    "relation_pairs",
    "spans_from_tags",
    "tag_tokens",
    "to_frames",
    "to_networkx",
]
