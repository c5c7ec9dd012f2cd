"""The analysed text (:class:`Source`) and anchors into it (:class:`Span`)."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import Any

import attrs

from argmap._errors import AnchorError, MapError
from argmap._extra import FrozenJSONDict, to_extra
from argmap._xmlchars import check_xml_text

__all__ = ["Source", "Span", "check_xml_text"]

def _xml_text(_inst: object, attribute: attrs.Attribute[Any], value: str | None) -> None:
    if value is None and attribute.name != "text":
        return
    if not isinstance(value, str):
        raise MapError(f"{attribute.name} must be a string, got {type(value).__name__}")
    check_xml_text(value, attribute.name)


def _offset(_inst: object, attribute: attrs.Attribute[int], value: int) -> None:
    if not isinstance(value, int) or isinstance(value, bool):
        raise AnchorError(f"span {attribute.name} must be an int, got {value!r}")
    if value < 0:
        raise AnchorError(f"span {attribute.name} must be >= 0, got {value}")


def _span_text(_inst: object, _attribute: attrs.Attribute[str], value: str) -> None:
    if not isinstance(value, str):
        raise AnchorError(f"span text must be a string, got {type(value).__name__}")


@attrs.frozen(slots=True)
class Span:
    """A half-open range ``[start, end)`` of code points in a :class:`Source` text.

    A span also records the text it covers, so an anchor can be checked against
    the source at any time: a map refuses a span whose ``text`` is not exactly
    ``source.text[start:end]``.  Offsets count Unicode code points (Python string
    indices), not bytes or UTF-16 units.

    Args:
        start: offset of the first covered code point.
        end: offset one past the last covered code point; ``end >= start``.
        text: the covered text; must have ``end - start`` code points.

    Example:
        >>> src = Source(text="Lesson number one.")
        >>> src.find("number")
        Span(start=7, end=13, text='number')
    """

    start: int = attrs.field(validator=_offset)
    end: int = attrs.field(validator=_offset)
    text: str = attrs.field(validator=_span_text)

    def __attrs_post_init__(self) -> None:
        if self.end < self.start:
            raise AnchorError(f"span end {self.end} is before its start {self.start}")
        if len(self.text) != self.end - self.start:
            raise AnchorError(
                f"span [{self.start}, {self.end}) covers {self.end - self.start} code points "
                f"but its text has {len(self.text)}: {self.text!r}"
            )

    def __len__(self) -> int:
        return self.end - self.start

    def overlaps(self, other: Span) -> bool:
        """True when the two spans share at least one code point."""
        return self.start < other.end and other.start < self.end

    def contains(self, position: int) -> bool:
        """True when ``position`` lies inside ``[start, end)``."""
        return self.start <= position < self.end


@attrs.frozen(slots=True, kw_only=True)
class Source:
    """The text being annotated, with its bibliographic metadata.

    Args:
        text: the full text, exactly as analysed; spans index into it.
        title: title of the work.
        author: author (a person or organisation).
        publisher: publisher or outlet.
        url: where the text was obtained.
        published: publication date, ISO 8601 (``YYYY-MM-DD``) preferred.
        language: BCP 47 language tag, e.g. ``"en"``.
        extra: any further metadata, as JSON values.

    Example:
        >>> src = Source(text="It may be a coincidence.", title="Example")
        >>> src.span(12, 23)
        Span(start=12, end=23, text='coincidence')
    """

    text: str = attrs.field(validator=_xml_text)
    title: str | None = attrs.field(default=None, validator=_xml_text)
    author: str | None = attrs.field(default=None, validator=_xml_text)
    publisher: str | None = attrs.field(default=None, validator=_xml_text)
    url: str | None = attrs.field(default=None, validator=_xml_text)
    published: str | None = attrs.field(default=None, validator=_xml_text)
    language: str | None = attrs.field(default=None, validator=_xml_text)
    extra: FrozenJSONDict = attrs.field(factory=FrozenJSONDict, converter=to_extra)

    def span(self, start: int, end: int) -> Span:
        """Return the :class:`Span` covering ``text[start:end]``.

        Raises:
            AnchorError: if the range lies outside the text or is reversed.
        """
        if not 0 <= start <= end <= len(self.text):
            raise AnchorError(
                f"span [{start}, {end}) lies outside the source text (length {len(self.text)})"
            )
        return Span(start, end, self.text[start:end])

    def find_all(self, quote: str, *, exact_whitespace: bool = False) -> Iterator[Span]:
        """Yield a :class:`Span` for every (possibly overlapping) occurrence of ``quote``.

        Unless ``exact_whitespace`` is set, each run of whitespace in the quote
        (spaces, tabs, line breaks) matches any run of whitespace in the text,
        so a quote copied across a line break still matches; the span covers
        the text's own characters.
        """
        if not quote:
            return
        text = self.text
        if exact_whitespace or not _WHITESPACE.search(quote):
            at = text.find(quote)
            while at != -1:
                yield Span(at, at + len(quote), quote)
                at = text.find(quote, at + 1)
            return
        pattern = _whitespace_pattern(quote)
        at = 0
        while (found := pattern.search(text, at)) is not None:
            yield Span(found.start(), found.end(), found.group())
            at = found.start() + 1

    def find(self, quote: str, occurrence: int | None = None, *, after: int = 0,
             exact_whitespace: bool = False) -> Span:
        """Locate ``quote`` in the text and return its span.

        Quotes match the text character for character, except that a run of
        whitespace in the quote matches any run of whitespace in the text
        (unless ``exact_whitespace``): ``"are cheap"`` finds ``"are\\ncheap"``,
        and the span records the text's own characters.

        Args:
            quote: the words to find (curly quotes, dashes and all).
            occurrence: which occurrence (0-based) to take when the quote occurs
                more than once; required in that case, so an anchor is never
                silently put in the wrong place.
            after: only consider occurrences starting at or after this offset.
            exact_whitespace: match whitespace exactly too.

        Raises:
            AnchorError: if the quote is empty, not found (the message names
                the closest passage of the text, with its offsets), or
                ambiguous.

        Example:
            >>> src = Source(text="Trams are\\ncheap. Trams are quiet.")
            >>> src.find("are cheap")
            Span(start=6, end=15, text='are\\ncheap')
            >>> src.find("Trams", after=10).start
            17
        """
        if not quote:
            raise AnchorError("cannot anchor an empty quote")
        hits = [s for s in self.find_all(quote, exact_whitespace=exact_whitespace)
                if s.start >= after]
        if not hits:
            raise AnchorError(f"quote not found in the source text: {_short(quote)!r}"
                              + self._closest(quote, after))
        if occurrence is None:
            if len(hits) > 1:
                starts = ", ".join(str(s.start) for s in hits[:6])
                raise AnchorError(
                    f"quote occurs {len(hits)} times (at {starts}); pass occurrence= or after= "
                    f"to choose one: {_short(quote)!r}"
                )
            return hits[0]
        if not 0 <= occurrence < len(hits):
            raise AnchorError(
                f"quote occurs {len(hits)} time(s); occurrence {occurrence} does not exist: "
                f"{_short(quote)!r}"
            )
        return hits[occurrence]

    def _closest(self, quote: str, after: int) -> str:
        """``; the closest passage is [start, end): '...'`` for a quote not found, or ``""``."""
        text = self.text
        if after >= len(text) or len(text) > _CLOSEST_LIMIT:
            return ""
        # Candidate passages, as long as the quote, are aligned on the places where one of the
        # quote's words occurs in the text; the one most like the quote wins.
        import difflib  # only for this message; it is slow to import

        starts: set[int] = set()
        for word in re.finditer(r"\w{3,}", quote):
            at = text.find(word.group(), after)
            while at != -1 and len(starts) < _CLOSEST_CANDIDATES:
                starts.add(max(after, at - word.start()))
                at = text.find(word.group(), at + 1)
        best, best_score = -1, 0.0
        for start in sorted(starts):
            window = text[start : start + len(quote)]
            score = difflib.SequenceMatcher(None, window, quote, autojunk=False).ratio()
            if score > best_score:
                best, best_score = start, score
        if best < 0 or best_score < 0.5:
            return ""
        start, end = best, min(len(text), best + len(quote))
        return f"; the closest passage is [{start}, {end}): {_short(text[start:end])!r}"

    def check(self, span: Span) -> None:
        """Raise :class:`AnchorError` unless ``span`` fits this text exactly."""
        if span.end > len(self.text):
            raise AnchorError(
                f"span [{span.start}, {span.end}) lies outside the source text "
                f"(length {len(self.text)})"
            )
        actual = self.text[span.start : span.end]
        if actual != span.text:
            raise AnchorError(
                f"span [{span.start}, {span.end}) records {_short(span.text)!r} but the source "
                f"has {_short(actual)!r} there"
            )

    def metadata(self) -> Mapping[str, str]:
        """The non-empty bibliographic fields, by name (handy for display)."""
        names = ("title", "author", "publisher", "url", "published", "language")
        return {n: v for n in names if (v := getattr(self, n)) is not None}


_WHITESPACE = re.compile(r"\s")
# Past this size a not-found message does not look for the closest passage (it costs time).
_CLOSEST_LIMIT = 2_000_000
_CLOSEST_CANDIDATES = 500


def _whitespace_pattern(quote: str) -> re.Pattern[str]:
    parts = re.split(r"\s+", quote)
    return re.compile(r"\s+".join(re.escape(p) for p in parts))


def _short(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"

