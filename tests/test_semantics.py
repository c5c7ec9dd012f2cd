"""Dung semantics: hand-checked frameworks, a naive reference implementation, ICCMA I/O."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap import FormatError, ParseError
from argmap.reasoning._framework import (
    ArgumentationFramework,
    FrameworkError,
    Labelling,
    Status,
    semantics_name,
)
from argmap.reasoning._iccma import format_iccma, parse_iccma, read_iccma, write_iccma

IN, OUT, UNDEC = Status.IN, Status.OUT, Status.UNDEC


def af_of(args: str, attacks: str) -> ArgumentationFramework:
    """Build a framework from single-letter names: ``af_of("abc", "ab bc")``."""
    return ArgumentationFramework(list(args), [(p[0], p[1]) for p in attacks.split()])


def ext(af: ArgumentationFramework, semantics: str) -> set[frozenset[str]]:
    return set(af.extensions(semantics))


def fs(*sets: str) -> set[frozenset[str]]:
    return {frozenset(s) for s in sets}


# --------------------------------------------------------------- known frameworks
def test_unattacked_chain_reinstatement() -> None:
    # a -> b -> c: a defends c (reinstatement).
    af = af_of("abc", "ab bc")
    lab = af.grounded()
    assert dict(lab) == {"a": IN, "b": OUT, "c": IN}
    for sem in ("complete", "preferred", "stable"):
        assert ext(af, sem) == fs("ac")


def test_even_cycle() -> None:
    af = af_of("ab", "ab ba")
    assert dict(af.grounded()) == {"a": UNDEC, "b": UNDEC}
    assert ext(af, "complete") == fs("", "a", "b")
    assert ext(af, "preferred") == fs("a", "b")
    assert ext(af, "stable") == fs("a", "b")
    assert dict(af.summary("preferred")) == {"a": UNDEC, "b": UNDEC}


def test_odd_cycle_has_no_stable_extension() -> None:
    af = af_of("abc", "ab bc ca")
    assert af.grounded().undec_arguments == frozenset("abc")
    assert ext(af, "complete") == fs("")
    assert ext(af, "preferred") == fs("")
    assert af.stable() == []
    assert af.count("stable") == 0
    # With no stable labelling at all, the summary decides nothing.
    assert set(af.summary("stable").values()) == {UNDEC}


def test_self_attack() -> None:
    af = af_of("ab", "aa ab")
    assert dict(af.grounded()) == {"a": UNDEC, "b": UNDEC}
    assert ext(af, "preferred") == fs("")
    assert af.stable() == []
    # An unattacked argument defeats the self-attacker.
    af2 = af_of("abc", "aa ca ab")
    assert dict(af2.grounded()) == {"a": OUT, "b": IN, "c": IN}


def test_reinstatement_through_even_cycle_in_preferred_only() -> None:
    # a <-> b, both attack c, c attacks d.  Grounded decides nothing; in every
    # preferred extension c is OUT and d IN: sceptically d is accepted.
    af = af_of("abcd", "ab ba ac bc cd")
    assert af.grounded().in_arguments == frozenset()
    assert ext(af, "preferred") == fs("ad", "bd")
    summary = af.summary("preferred")
    assert summary["d"] is IN
    assert summary["c"] is OUT
    assert summary["a"] is UNDEC


def test_floating_odd_cycle_attacker() -> None:
    # An odd cycle attacking d keeps d UNDEC in every semantics that has a labelling.
    af = af_of("abcd", "ab bc ca ad")
    assert af.grounded()["d"] is UNDEC
    assert ext(af, "preferred") == fs("")
    assert af.stable() == []


def test_independent_components_multiply() -> None:
    af = af_of("abcdef", "ab ba cd dc ef fe")
    assert af.count("preferred") == 8
    assert af.count("complete") == 27
    assert len(af.preferred()) == 8


def test_empty_framework() -> None:
    af = ArgumentationFramework()
    assert len(af.grounded()) == 0
    assert af.extensions("preferred") == [frozenset()]
    assert af.extensions("stable") == [frozenset()]


def test_builder_errors_and_queries() -> None:
    af = ArgumentationFramework(["a", "b"], [("a", "b"), ("a", "b")])
    assert af.attack_count() == 1
    assert af.attackers("b") == ("a",)
    assert af.targets("a") == ("b",)
    assert af.attacks_between("a", "b")
    assert not af.attacks_between("b", "a")
    with pytest.raises(FrameworkError, match="unknown argument 'c'"):
        af.add_attack("a", "c")
    with pytest.raises(FrameworkError, match="no argument named 'z'"):
        af.attackers("z")
    with pytest.raises(FrameworkError, match="unknown semantics"):
        af.extensions("semi-stable")
    assert semantics_name("ST") == "stable"
    assert "a" in af
    assert list(af) == ["a", "b"]
    assert "2 arguments" in repr(af)


def test_is_complete() -> None:
    af = af_of("ab", "ab")
    assert af.is_complete({"a": IN, "b": OUT})
    assert not af.is_complete({"a": UNDEC, "b": UNDEC})
    assert not af.is_complete({"a": IN})


def test_labelling_mapping() -> None:
    lab = Labelling({"a": IN, "b": OUT, "c": UNDEC})
    assert lab.extension == frozenset("a")
    assert lab.out_arguments == frozenset("b")
    assert lab.undec_arguments == frozenset("c")
    assert lab == {"a": IN, "b": OUT, "c": UNDEC}
    assert hash(lab) == hash(Labelling(dict(lab)))
    assert "a: IN" in repr(lab)


def test_grounded_is_linear_on_a_long_chain() -> None:
    # 100,000 arguments in a chain: a recursive or quadratic solver would fail here.
    n = 100_000
    names = [f"a{i}" for i in range(n)]
    af = ArgumentationFramework(names, itertools.pairwise(names))
    lab = af.grounded()
    assert lab[names[-1]] is (IN if (n - 1) % 2 == 0 else OUT)
    assert len(lab.in_arguments) == n // 2


def test_large_component_search_does_not_recurse() -> None:
    # A 2-cycle feeding a chain of 3,000: one open component, deep propagation.
    n = 3000
    names = [f"a{i}" for i in range(n)]
    attacks = [(names[1], names[0]), *itertools.pairwise(names)]
    af = ArgumentationFramework(names, attacks)
    assert af.count("complete") == 3
    assert af.count("preferred") == 2
    assert af.count("stable") == 2
    assert af.summary("preferred")[names[-1]] is UNDEC


def test_preferred_search_prunes_dominated_branches() -> None:
    # Pairs c_i <-> d_i with self-attacking d_i, all joined through a hub h:
    # one component with 2**k complete labellings but a single preferred one.
    k = 40
    args = [f"c{i}" for i in range(k)] + [f"d{i}" for i in range(k)] + ["h"]
    attacks = [(f"c{i}", f"d{i}") for i in range(k)] + [(f"d{i}", f"c{i}") for i in range(k)]
    attacks += [(f"d{i}", f"d{i}") for i in range(k)] + [(f"d{i}", "h") for i in range(k)]
    attacks.append(("h", "h"))
    af = ArgumentationFramework(args, attacks)
    (lab,) = af.preferred()
    assert lab.in_arguments == {f"c{i}" for i in range(k)}
    assert lab["h"] is UNDEC
    assert af.summary("preferred")["c0"] is IN


# --------------------------------------------------------------- naive reference
def naive(args: list[str], attacks: set[tuple[str, str]]) -> dict[str, set[frozenset[str]]]:
    """All extensions by brute force over subsets, straight from Dung's definitions."""
    attackers = {a: {x for x, y in attacks if y == a} for a in args}

    def conflict_free(s: frozenset[str]) -> bool:
        return not any((x, y) in attacks for x in s for y in s)

    def defended(s: frozenset[str]) -> frozenset[str]:
        return frozenset(
            a for a in args if all(any((d, b) in attacks for d in s) for b in attackers[a])
        )

    subsets = [
        frozenset(c) for r in range(len(args) + 1) for c in itertools.combinations(args, r)
    ]
    cf = [s for s in subsets if conflict_free(s)]
    admissible = [s for s in cf if s <= defended(s)]
    complete = {s for s in cf if s == defended(s)}
    preferred = {s for s in admissible if not any(s < t for t in admissible)}
    stable = {
        s for s in cf if all(a in s or any((x, a) in attacks for x in s) for a in args)
    }
    g: frozenset[str] = frozenset()
    while defended(g) != g:
        g = defended(g)
    return {"grounded": {g}, "complete": complete, "preferred": preferred, "stable": stable}


@st.composite
def frameworks(draw: st.DrawFn) -> tuple[list[str], set[tuple[str, str]]]:
    n = draw(st.integers(min_value=0, max_value=7))
    args = [f"x{i}" for i in range(n)]
    pairs = [(a, b) for a in args for b in args]
    attacks = draw(st.sets(st.sampled_from(pairs), max_size=len(pairs))) if pairs else set()
    return args, attacks


@settings(max_examples=300, deadline=None)
@given(frameworks())
def test_solver_matches_naive_enumeration(fw: tuple[list[str], set[tuple[str, str]]]) -> None:
    args, attacks = fw
    af = ArgumentationFramework(args, sorted(attacks))
    expected = naive(args, attacks)
    for sem in ("grounded", "complete", "preferred", "stable"):
        assert ext(af, sem) == expected[sem], sem
        assert af.count(sem) == len(expected[sem])
    for lab in af.complete():
        assert af.is_complete(lab)
    # The labelling of an extension: OUT exactly when attacked by it.
    for lab in af.preferred():
        s = lab.in_arguments
        assert lab.out_arguments == {b for a, b in attacks if a in s}


@settings(max_examples=100, deadline=None)
@given(frameworks())
def test_summary_is_sceptical(fw: tuple[list[str], set[tuple[str, str]]]) -> None:
    args, attacks = fw
    af = ArgumentationFramework(args, sorted(attacks))
    for sem in ("complete", "preferred", "stable"):
        labs = list(af.labellings(sem))
        summary = af.summary(sem)
        for a in args:
            seen = {lab[a] for lab in labs}
            expected = seen.pop() if len(seen) == 1 and UNDEC not in seen else UNDEC
            assert summary[a] is expected


# ----------------------------------------------------------------------- ICCMA
@settings(max_examples=100, deadline=None)
@given(frameworks())
def test_iccma_round_trips(fw: tuple[list[str], set[tuple[str, str]]]) -> None:
    args, attacks = fw
    af = ArgumentationFramework(args, sorted(attacks))
    for fmt in ("i23", "apx", "tgf"):
        back = parse_iccma(format_iccma(af, fmt), fmt)
        assert back == af
        assert parse_iccma(format_iccma(af, fmt)) == af  # sniffed


def test_i23_without_names_numbers_arguments() -> None:
    af = parse_iccma("# a comment\np af 3\n1 2\n\n2 3\n3 3\n")
    assert af.arguments == ("1", "2", "3")
    assert af.attacks == [("1", "2"), ("2", "3"), ("3", "3")]
    assert dict(af.grounded()) == {"1": IN, "2": OUT, "3": UNDEC}


def test_i23_output_is_plain_iccma() -> None:
    af = af_of("ab", "ab")
    text = format_iccma(af, "i23")
    body = [line for line in text.splitlines() if not line.startswith("#")]
    assert body == ["p af 2", "1 2"]


@pytest.mark.parametrize(
    ("text", "fmt", "message"),
    [
        ("1 2\n", "i23", "header"),
        ("p af 2\np af 2\n", "i23", "second"),
        ("p af x\n", "i23", "header"),
        ("p af 2\n1 3\n", "i23", "outside"),
        ("p af 2\n1 2 3\n", "i23", "attack"),
        ("", "i23", "missing"),
        ("arg(a).\natt(a,b).\n", "apx", "undeclared"),
        ("arg(a).\nfoo(a).\n", "apx", "expected"),
        ("a\n#\na b\n", "tgf", "undeclared"),
        ("a\n#\na\n", "tgf", "expected"),
    ],
)
def test_malformed_input_names_the_line(text: str, fmt: str, message: str) -> None:
    with pytest.raises(ParseError, match=message):
        parse_iccma(text, fmt, name="f.txt")


def test_apx_comments_and_several_facts_per_line() -> None:
    af = parse_iccma("% header\narg(a). arg(b).  % two\natt(a,b).\n", "apx")
    assert af.attacks == [("a", "b")]


def test_unwritable_names() -> None:
    af = ArgumentationFramework(["has space", "b"])
    with pytest.raises(FrameworkError, match="tgf"):
        format_iccma(af, "tgf")
    # i23 numbers the arguments and apx quotes the name.
    assert parse_iccma(format_iccma(af, "i23")) == af
    assert parse_iccma(format_iccma(af, "apx"), "apx") == af
    with pytest.raises(FormatError):
        format_iccma(af, "json")


def test_apx_quotes_names_that_are_not_asp_constants() -> None:
    names = ["A1", "a", "7", "has space", 'say "hi"', "back\\slash", "x%y", "a(b),c", "é"]
    af = ArgumentationFramework(names, [("A1", "a"), ('say "hi"', "x%y")])
    text = format_iccma(af, "apx")
    assert 'arg("A1").' in text and "arg(a)." in text and "arg(7)." in text
    assert 'arg("say \\"hi\\"").' in text and 'arg("back\\\\slash").' in text
    assert 'att("A1",a).' in text
    back = parse_iccma(text, "apx")
    assert back == af and back.arguments == af.arguments
    assert parse_iccma(text) == af  # sniffed
    with pytest.raises(FrameworkError, match="apx"):
        format_iccma(ArgumentationFramework(["a\nb"]), "apx")


@pytest.mark.parametrize("bad", ["a\nb", "a\r1 2", "x\u2028y", " lead", "trail ", "tab\t"])
def test_i23_refuses_names_that_would_not_round_trip(bad: str) -> None:
    af = ArgumentationFramework([bad, "b"], [("b", bad)])
    with pytest.raises(FrameworkError, match="i23"):
        format_iccma(af, "i23")


def test_i23_name_comment_cannot_inject_attacks() -> None:
    af = ArgumentationFramework(["x\n1 1", "b"])
    with pytest.raises(FrameworkError):
        format_iccma(af, "i23")
    ok = ArgumentationFramework(["inner space", "#hash"], [("#hash", "inner space")])
    back = parse_iccma(format_iccma(ok, "i23"))
    assert back == ok and back.arguments == ok.arguments


def test_i23_header_is_capped() -> None:
    with pytest.raises(ParseError, match="max_arguments"):
        parse_iccma("p af 10000000\n", "i23")
    with pytest.raises(ParseError, match="max_arguments"):
        parse_iccma("p af 11\n", "i23", max_arguments=10)
    assert len(parse_iccma("p af 10\n", "i23", max_arguments=10).arguments) == 10


@pytest.mark.parametrize("text", ["p af \u00b2\n", "p af 2\n1 \u00b2\n", "p af 2\n1 \uff12\n"])
def test_i23_only_ascii_digits(text: str) -> None:
    with pytest.raises(ParseError):
        parse_iccma(text, "i23")


def test_read_iccma_unreadable_paths(tmp_path: Path) -> None:
    with pytest.raises(ParseError, match=r"missing\.i23"):
        read_iccma(tmp_path / "missing.i23")
    with pytest.raises(ParseError, match="cannot read"):
        read_iccma(tmp_path)


@pytest.mark.parametrize(
    ("arguments", "attacks"),
    [([["x"]], []), ([1], []), ([""], []), (["a"], [(["a"], "a")]), (["a"], [("a", "a", "a")]),
     (["a"], ["ab"]), (["a"], [("a", "b")])],
)
def test_framework_constructor_raises_framework_error(
    arguments: list[object], attacks: list[object]
) -> None:
    with pytest.raises(FrameworkError):
        ArgumentationFramework(arguments, attacks)  # type: ignore[arg-type]


def test_files(tmp_path: Path) -> None:
    af = af_of("abc", "ab bc ca")
    for suffix in (".i23", ".apx", ".tgf"):
        path = tmp_path / f"f{suffix}"
        write_iccma(af, path)
        assert read_iccma(path) == af
    other = tmp_path / "f.txt"
    write_iccma(af, other, format="apx")
    assert read_iccma(other) == af
    with pytest.raises(FormatError, match="suffix"):
        write_iccma(af, tmp_path / "g.txt")
    bad = tmp_path / "bad.apx"
    bad.write_bytes(b"\xff\xfe")
    with pytest.raises(ParseError, match="UTF-8"):
        read_iccma(bad)


@pytest.mark.parametrize("semantics", ["complete", "preferred", "stable"])
def test_self_attackers_cannot_be_the_in_attacker_an_out_argument_needs(semantics: str) -> None:
    # Twelve arguments attacked only by a clique of eighteen self-attackers (as
    # ASPIC+ builds from contradictory strict rules): no attacker can ever be IN,
    # so everything is UNDEC.  Found by propagation, this is instant; found by
    # trying labels, it is 3^30 branches.
    clique = [f"s{i}" for i in range(18)]
    plain = [f"a{i}" for i in range(12)]
    attacks = [(s, t) for s in clique for t in (*clique, *plain)]
    af = ArgumentationFramework([*plain, *clique], attacks)
    found = list(af.labellings(semantics))
    if semantics == "stable":
        assert found == []
    else:
        assert len(found) == 1
        assert found[0].undec_arguments == set(plain) | set(clique)
