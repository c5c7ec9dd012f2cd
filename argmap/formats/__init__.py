"""File formats: the registry, and the functions of formats that have more than read and write.

:func:`argmap.read`, :func:`argmap.write`, :func:`argmap.loads` and
:func:`argmap.dumps` reach every format listed here; this namespace is for
choosing and registering formats and for format-specific functions.  Each
format lives in a private module; none is imported before it is used.

Example:
    >>> from argmap import formats
    >>> [f.name for f in formats.formats()][:3]
    ['aif-xml', 'aifdb-json', 'ova3-json']
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from argmap._lazy import lazy_attributes
from argmap._validation import register_record_check
from argmap.formats._problems import format_problems

if TYPE_CHECKING:
    from argmap._validation import FORMAT_RULES
    from argmap.formats._aifxml import AIF_XML_NAMESPACE, aif_xml_schema, from_xml, to_xml
    from argmap.formats._araucaria_schemes import read_scheme_set
    from argmap.formats._brat import write_brat
    from argmap.formats._format import Format
    from argmap.formats._rdf import from_rdf, to_rdf
    from argmap.formats._registry import formats, get_format, register_format

__all__ = [
    "AIF_XML_NAMESPACE",
    "FORMAT_RULES",
    "Format",
    "aif_xml_schema",
    "format_problems",
    "formats",
    "from_rdf",
    "from_xml",
    "get_format",
    "read_scheme_set",
    "register_format",
    "to_rdf",
    "to_xml",
    "write_brat",
]

# Every reader lives in this package, so a map that carries records a reader kept aside was
# made after this line ran: validate() then checks those records too.
register_record_check(format_problems)

# Hidden from type checkers, which see the imports above instead: a module-level __getattr__
# would make them accept any attribute name.
if not TYPE_CHECKING:
    __getattr__, __dir__ = lazy_attributes(__name__, {
        "AIF_XML_NAMESPACE": "argmap.formats._aifxml",
        "FORMAT_RULES": "argmap._validation",
        "Format": "argmap.formats._format",
        "aif_xml_schema": "argmap.formats._aifxml",
        "formats": "argmap.formats._registry",
        "from_rdf": "argmap.formats._rdf",
        "from_xml": "argmap.formats._aifxml",
        "get_format": "argmap.formats._registry",
        "read_scheme_set": "argmap.formats._araucaria_schemes",
        "register_format": "argmap.formats._registry",
        "to_rdf": "argmap.formats._rdf",
        "to_xml": "argmap.formats._aifxml",
        "write_brat": "argmap.formats._brat",
    }, globals())
