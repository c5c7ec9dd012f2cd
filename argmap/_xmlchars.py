"""Which characters XML 1.0 can carry: the one check every text field of the model uses."""

from __future__ import annotations

import re

from argmap._errors import MapError

__all__ = ["check_xml_text"]

# Characters XML 1.0 cannot carry at all (not even as character references), and
# lone surrogates, which no UTF encoding can carry.
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def check_xml_text(value: str, what: str) -> None:
    """Raise :class:`~argmap.MapError` when ``value`` holds a character XML 1.0 cannot carry."""
    bad = _XML_ILLEGAL.search(value)
    if bad is not None:
        raise MapError(
            f"{what} contains the character U+{ord(bad.group()):04X} at offset {bad.start()}, "
            "which XML 1.0 cannot represent"
        )
