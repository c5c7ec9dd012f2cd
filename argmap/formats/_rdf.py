"""AIF as RDF/XML in AIFdb's ``aif:`` vocabulary, with an argmap namespace for the rest.

AIFdb exports a map as OWL individuals: one per node, typed ``aif:I-node``,
``aif:RA-node``, ... (``aif`` = ``http://www.arg.tech/aif#``; the older
``http://www.arg.dundee.ac.uk/aif#`` is accepted on read), with
``aif:claimText``, ``aif:creationDate`` and relation properties
(``aif:Premise``, ``aif:Conclusion``, ``aif:Locution``, ``aif:Anchor``,
``aif:IllocutionaryContent``, ``aif:StartLocution``, ``aif:EndLocution``).
Node IRIs are ``http://www.aifdb.org/nodes/<id>``.

That vocabulary cannot carry edge ids, rephrase and preference edges, edges
between scheme nodes (undercuts), scheme names and ids, text spans,
participants or argmap's own fields.  The writer therefore adds, in the
namespace ``urn:argmap:aif-rdf:1#`` (prefix ``am``): one ``am:Edge`` per AIF
edge (``am:id``, ``am:from``, ``am:to``), and per node ``am:id``,
``am:scheme``, ``am:schemeID``, ``am:label``, ``am:evidenceType``,
``am:implicit``, ``am:span`` (``"start end"``), ``am:speaker``,
``am:saidAt``, ``am:nodeType`` (unknown nodes, typed ``am:UnknownNode``);
``am:Source`` and ``am:Participant`` resources; and ``am:extra`` (the
``extra`` data as one JSON object) on every resource, the map's on
``am:Map``.  A map written and read back is equal to the original.

The reader prefers ``am:Edge`` resources; a document without them (AIFdb's
own export, older AIF RDF in ``http://www.arg.dundee.ac.uk/aif#``) gets its
edges from the ``aif:`` relation properties, read by the subject's node type
(AIFdb states some of them on both ends, giving one edge), with ids ``e1``,
``e2``, ...; a relation that gives no edge is kept and reported.  An S-node's
``aif:claimText`` (``"Default Inference"``) is its label.  Properties it does
not know are kept in the node's ``extra`` under ``aif-rdf:properties``
(``{predicate IRI: [values]}``), and so are types other than the node's kind
and the ``owl:NamedIndividual`` every node has (another ontology's class, a
second AIF node type).

Read from such a document, each node also keeps its IRI (or blank node) and
every triple about it, with languages and datatypes, under ``aif-rdf:rdf``,
and the map keeps the triples about other subjects under
``aif-rdf:document``: node ids are the IRI's last segment (the IRI itself if
two nodes would share one), and while the map is unchanged the writer gives
back exactly these triples -- the same RDF graph.  A changed map is written
in argmap's vocabulary, still with the nodes' own IRIs and blank nodes.

The reader handles the RDF/XML that AIF tools write -- node elements at the
top level or nested in properties, with ``rdf:about``/``rdf:ID``/``rdf:nodeID``
or none (a blank node), property elements with ``rdf:resource`` or literal
text (with ``xml:lang`` or ``rdf:datatype``), property attributes -- not every
abbreviation RDF/XML allows.  AIFdb's export declares entities in a DOCTYPE:
like every XML reader in argmap, this one refuses them unless the caller
passes ``trust_dtd=True`` (internal general entities only, bounded).
"""

from __future__ import annotations

from pathlib import Path

from argmap._map import ArgumentMap
from argmap._problem import Problem
from argmap.formats._format import Format
from argmap.formats._rdf_read import from_rdf
from argmap.formats._rdf_vocab import (
    AIF_NS,
    AIF_OLD,
    AM_NS,
    K_UNPLACED,
)
from argmap.formats._rdf_write import node_iri, to_rdf
from argmap.formats._registry import described
from argmap.formats._sniff import xml_root, xml_root_namespaces

__all__ = [
    "AIF_NS",
    "AM_NS",
    "FORMAT",
    "from_rdf",
    "problems",
    "to_rdf",
]


def _load(data: bytes, *, name: str, path: Path | None) -> ArgumentMap:
    return from_rdf(data, name=name)


def problems(m: ArgumentMap) -> list[Problem]:
    """``aif:`` relations of an RDF file that gave no edge (kept in the node records)."""
    out: list[Problem] = []
    unplaced = m.extra.get(K_UNPLACED)
    iris = {node_iri(n, nid): nid for nid, n in m.nodes.items()}
    for entry in unplaced if isinstance(unplaced, tuple) else ():
        if not (isinstance(entry, tuple) and len(entry) == 3):
            continue
        subj, pred, obj = (str(x) for x in entry)
        if obj not in iris:
            out.append(Problem("dangling-reference",
                               f"<{subj}> {pred} refers to <{obj}>, which is not a node; kept"))
        else:
            out.append(Problem("malformed-record",
                               f"<{subj}> {pred} <{obj}> does not say which way an edge runs "
                               "between nodes of these kinds; kept, no edge made"))
    return out


def _sniff(data: bytes) -> bool:
    root = xml_root(data)
    if root is None or root.rsplit(":", 1)[-1] != "RDF":
        return False
    head = data[:8192]
    declared = xml_root_namespaces(data)  # on the root tag, however far in; UTF-16 too
    return any(ns in declared or ns.encode() in head for ns in (AIF_NS, AIF_OLD, AM_NS))


FORMAT = Format(
    **described("aif-rdf"),
    load=_load,
    dump=to_rdf,
    sniff=_sniff,
)
