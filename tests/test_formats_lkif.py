"""LKIF: DOCTYPE refusals naming the real line, the trust_dtd opt-in, ids repeated in graphs."""

from __future__ import annotations

import contextlib
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import argmap
from argmap import Claim, UnsafeInputError
from argmap.formats._dtdsubset import MAX_REFERENCES, check_doctype, trusting_dtd

GOLDEN = Path(__file__).parent / "golden" / "formats"

_BODY = (b'<lkif><argument-graphs><argument-graph id="g"><statements>'
         b'<statement id="s1"><s>%s</s></statement></statements></argument-graph>'
         b'</argument-graphs></lkif>')


def _lkif(subset: bytes, text: bytes = b"&e;") -> bytes:
    return b"<?xml version='1.0'?>\n<!DOCTYPE lkif [\n" + subset + b"\n]>\n" + _BODY % text


def test_entities_are_refused_by_default_naming_line_and_declaration() -> None:
    with pytest.raises(UnsafeInputError) as caught:
        argmap.read(GOLDEN / "lkif_entities.xml")
    assert caught.value.line == 5
    assert '<!ENTITY bird "Tweety is a bird">' in str(caught.value)
    assert "trust_dtd=True" in str(caught.value)


def test_trust_dtd_expands_internal_general_entities() -> None:
    m = argmap.read(GOLDEN / "lkif_entities.xml", trust_dtd=True)
    assert m.nodes["s1"].text == "Tweety is a bird and can fly."  # type: ignore[union-attr]
    assert m.nodes["s2"].text == "Tweety is a bird."  # type: ignore[union-attr]
    # Opting in is per call.
    with pytest.raises(UnsafeInputError):
        argmap.read(GOLDEN / "lkif_entities.xml")


@pytest.mark.parametrize(("subset", "why"), [
    (b'<!ENTITY % p "x">', "parameter entities"),
    (b'<!ENTITY e SYSTEM "file:///etc/passwd">', "external entities"),
    (b'<!ENTITY e PUBLIC "-//x" "http://example.org/x">', "external entities"),
    (b'<!ENTITY e "&e;">', "refers to itself"),
    (b'<!ENTITY a "&b;"><!ENTITY b "&a;"><!ENTITY e "&a;">', "refers to itself"),
])
def test_trust_dtd_still_refuses(subset: bytes, why: str) -> None:
    with pytest.raises(UnsafeInputError, match=why) as caught:
        argmap.loads(_lkif(subset), "lkif", trust_dtd=True)
    assert caught.value.line is not None and caught.value.line >= 3


def test_expansion_is_bounded() -> None:
    # A "billion laughs": each level multiplies the references by ten.
    subset = b'<!ENTITY l0 "ha">' + b"".join(
        b'<!ENTITY l%d "%s">' % (i, b"".join(b"&l%d;" % (i - 1) for _ in range(10)))
        for i in range(1, 9))
    with pytest.raises(UnsafeInputError, match=f"more than {MAX_REFERENCES}|exceed"):
        argmap.loads(_lkif(subset, b"&l8;"), "lkif", trust_dtd=True)


def test_cdata_and_comments_are_not_expanded() -> None:
    data = _lkif(b'<!ENTITY e "x">', b"<![CDATA[&e;]]>&e;<!-- &e; -->")
    m = argmap.loads(data, "lkif", trust_dtd=True)
    assert m.nodes["s1"].text == "&e;x"  # type: ignore[union-attr]


def test_bare_doctype_line_is_named() -> None:
    data = b"<?xml version='1.0'?>\n\n<!DOCTYPE lkif SYSTEM 'lkif.dtd'>\n" + _BODY % b"x"
    with pytest.raises(UnsafeInputError, match="DOCTYPE declaration is not allowed") as caught:
        argmap.loads(data, "lkif")
    assert caught.value.line == 3


def test_internal_subset_without_entities_is_named() -> None:
    with pytest.raises(UnsafeInputError, match="<!ELEMENT lkif ANY>") as caught:
        argmap.loads(_lkif(b"<!ELEMENT lkif ANY>", b"x"), "lkif")
    assert caught.value.line == 3
    m = argmap.loads(_lkif(b"<!ELEMENT lkif ANY>", b"x"), "lkif", trust_dtd=True)
    assert m.nodes["s1"].text == "x"  # type: ignore[union-attr]


@given(st.text(alphabet="abc <>&;\"'", max_size=30))
def test_property_check_doctype_never_crashes(tail: str) -> None:
    data = b"<!DOCTYPE x [" + tail.encode() + b"]><x/>"
    for trust in (False, True):
        with trusting_dtd(trust), contextlib.suppress(UnsafeInputError):
            check_doctype(data, "t")


def test_ids_repeated_across_graphs_get_scoped_ids() -> None:
    m = argmap.read(GOLDEN / "lkif_repeated_ids.xml", "lkif")
    assert m.nodes["s1"].text == "A"  # type: ignore[union-attr]
    second = m.nodes["g2/s1"]
    assert isinstance(second, Claim) and second.text == "C"
    assert second.extra["lkif:id"] == "s1"
    # The second graph's argument joins the second graph's statements.
    assert m.conclusion("g2/a1") == second
    assert m.premises("g2/a1") == (m.nodes["g2/s2"],)
    # A repeat inside one graph is kept and reported.
    assert [p.code for p in m.validate()] == ["duplicate-id"]
    with pytest.raises(argmap.ValidationError):
        argmap.read(GOLDEN / "lkif_repeated_ids.xml", "lkif", strict=True)


def test_cli_trust_dtd() -> None:
    import subprocess
    import sys
    path = str(GOLDEN / "lkif_entities.xml")
    refused = subprocess.run([sys.executable, "-m", "argmap", "info", path],
                             capture_output=True, check=False)
    assert refused.returncode == 3 and b":5: the DOCTYPE declares an entity" in refused.stderr
    trusted = subprocess.run([sys.executable, "-m", "argmap", "--trust-dtd", "info", path],
                             capture_output=True, check=False)
    assert trusted.returncode == 0, trusted.stderr
