"""A byte-level attribute-count bound, checked before any XML parser sees the input.

An element with a hundred thousand attributes costs libxml2 and lxml memory in
proportion (and schema validation one error entry per attribute) before any
check on the parsed element can run.  Counting them in the raw bytes first keeps
the refusal cheap: ``<`` cannot occur inside a start tag (not even in an
attribute value), so a start tag with more than ``limit`` attributes is a run
of at least ``5 * limit`` bytes without ``<``; only such runs are counted
attribute by attribute.
"""

from __future__ import annotations

import re
from functools import cache

from argmap._errors import UnsafeInputError
from argmap.formats._xmlsafe import MAX_ATTRIBUTES

__all__ = ["check_attribute_counts"]

# One attribute: blanks, a name, "=", a quoted value ('<' never occurs in one).
_ATTRIBUTE = rb"""[ \t\r\n]+[^ \t\r\n=/>]+[ \t\r\n]*=[ \t\r\n]*(?:"[^"<]*"|'[^'<]*')"""


@cache
def _patterns(limit: int) -> tuple[re.Pattern[bytes], re.Pattern[bytes]]:
    # Every attribute takes at least five bytes (` a=""`).
    long_run = re.compile(rb"<[^<]{%d}" % (5 * (limit + 1) - 1))
    too_many = re.compile(rb"<([A-Za-z_:][^ \t\r\n/>]*)(?:%s){%d}" % (_ATTRIBUTE, limit + 1))
    return long_run, too_many


def check_attribute_counts(data: bytes, name: str, limit: int = MAX_ATTRIBUTES) -> None:
    """Refuse input holding a start tag with more than ``limit`` attributes.

    Raises:
        UnsafeInputError: naming the element and its line.
    """
    long_run, too_many = _patterns(limit)
    for run in long_run.finditer(data):
        found = too_many.match(data, run.start())
        if found is not None:
            tag = found.group(1).decode("utf-8", "replace").rpartition(":")[2]
            raise UnsafeInputError(
                f"element <{tag}> has more than {limit} attributes",
                source=name, line=data.count(b"\n", 0, run.start()) + 1,
            )
