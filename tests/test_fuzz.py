"""Fuzzing every reader: only ArgmapError escapes, time and memory per input stay bounded,
and whatever loads round-trips through AIF-XML and its own format (or warns).

The default run has a small fixed budget; ``pytest --fuzz-minutes N tests/test_fuzz.py``
runs each test for about N minutes.  Failures hypothesis finds are kept in
``tests/fuzz-examples`` (commit them: they are replayed first on every run).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from fuzz_support import (
    JSON_SEEDS,
    READ_FORMATS,
    XML_SEEDS,
    Case,
    aif_json,
    check_input,
    mutated_bytes,
    mutated_xml,
    run_for,
)
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.database import (
    DirectoryBasedExampleDatabase,
    MultiplexedDatabase,
    ReadOnlyDatabase,
)

HERE = Path(__file__).resolve().parent
STORED = DirectoryBasedExampleDatabase(HERE / "fuzz-examples")
# The default run replays the stored examples without changing the checkout.
DEFAULT_DATABASE = MultiplexedDatabase(
    ReadOnlyDatabase(STORED),
    DirectoryBasedExampleDatabase(HERE.parent / ".hypothesis" / "examples"),
)
HOSTILE = HERE / "hostile"
JSON_FORMATS = ("aifdb-json", "ova3", "xaif", "ova2")

#: Examples per test in the default run (together well under a minute on two cores).
DEFAULT_EXAMPLES = 60


def _settings(fuzz_minutes: float) -> settings:
    return settings(
        max_examples=500 if fuzz_minutes else DEFAULT_EXAMPLES,
        database=STORED if fuzz_minutes else DEFAULT_DATABASE,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )


@pytest.fixture
def fuzz_minutes(request: pytest.FixtureRequest) -> float:
    return float(request.config.getoption("--fuzz-minutes"))


def _run(test: object, fuzz_minutes: float) -> None:
    if fuzz_minutes:
        run_for(fuzz_minutes, test)  # type: ignore[arg-type]
    else:
        test()  # type: ignore[operator]


def test_fuzz_byte_mutations(fuzz_minutes: float) -> None:
    @_settings(fuzz_minutes)
    @given(mutated_bytes(), st.booleans())
    def fuzz(case: Case, sniff: bool) -> None:
        check_input(case.data, None if sniff else case.fmt)

    _run(fuzz, fuzz_minutes)


def test_fuzz_structured_json(fuzz_minutes: float) -> None:
    @_settings(fuzz_minutes)
    @given(aif_json(), st.sampled_from((None, *JSON_FORMATS)))
    def fuzz(data: bytes, fmt: str | None) -> None:
        check_input(data, fmt)

    _run(fuzz, fuzz_minutes)


def test_fuzz_structured_xml(fuzz_minutes: float) -> None:
    @_settings(fuzz_minutes)
    @given(mutated_xml(), st.booleans())
    def fuzz(case: Case, sniff: bool) -> None:
        check_input(case.data, None if sniff else case.fmt)

    _run(fuzz, fuzz_minutes)


def test_seeds_cover_json_and_xml_readers() -> None:
    assert {f for f, _ in JSON_SEEDS} >= {"aifdb-json", "ova3", "xaif"}
    assert "aif-xml" in {f for f, _ in XML_SEEDS}


@pytest.mark.parametrize("path", sorted(p for p in HOSTILE.iterdir() if p.name != "README.md"),
                         ids=lambda p: p.name)
@pytest.mark.parametrize("fmt", [None, *READ_FORMATS])
def test_hostile_files(path: Path, fmt: str | None) -> None:
    check_input(path.read_bytes(), fmt)
