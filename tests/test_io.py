"""read/write: the format registry, sniffing, error wrapping and atomic saves."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

import argmap
from argmap import ArgumentMap, FormatError, ParseError, Source, WriteError


def small_map() -> ArgumentMap:
    m = ArgumentMap(source=Source(text="Cats purr. Dogs bark."))
    a = m.add_claim(quote="Cats purr")
    b = m.add_claim(quote="Dogs bark")
    m.add_inference(a, b)
    return m


def test_write_then_read_by_suffix(tmp_path: Path) -> None:
    path = tmp_path / "map.aif.xml"
    argmap.write(small_map(), path)
    assert argmap.read(path) == small_map()
    assert argmap.read(str(path), format="aif-xml", strict=True) == small_map()


def test_loads_dumps_sniff_content() -> None:
    data = argmap.dumps(small_map())
    assert argmap.loads(data) == small_map()
    assert argmap.loads(data.decode()) == small_map()


def test_unknown_format_and_suffix(tmp_path: Path) -> None:
    with pytest.raises(FormatError, match="unknown format 'nope'"):
        argmap.dumps(small_map(), "nope")
    with pytest.raises(FormatError, match="cannot tell the format of file"):
        argmap.write(small_map(), tmp_path / "map.unknownsuffix")
    with pytest.raises(FormatError, match="cannot tell the format"):
        argmap.loads(b"\x00\x01 not a map")


def test_read_missing_file_is_a_parse_error(tmp_path: Path) -> None:
    with pytest.raises(ParseError, match=r"missing\.aif\.xml: cannot read file"):
        argmap.read(tmp_path / "missing.aif.xml")
    with pytest.raises(ParseError, match="not a regular file"):
        argmap.read(tmp_path)  # a directory


def test_register_custom_format() -> None:
    fmt = argmap.formats.Format(
        name="test-lines",
        suffixes=(".lines",),
        description="one claim per line",
        load=_lines,
        dump=lambda m: "\n".join(n.text for n in m.propositions).encode(),
        sniff=lambda data: data.startswith(b"#lines"),
    )
    argmap.formats.register_format(fmt)
    try:
        with pytest.raises(FormatError, match="already registered"):
            argmap.formats.register_format(fmt)
        assert fmt in argmap.formats.formats()
        assert argmap.dumps(small_map(), "test-lines") == b"Cats purr\nDogs bark"
        assert len(argmap.loads(b"#lines\na\nb")) == 3
    finally:
        from argmap.formats import _registry

        _registry._REGISTRY.pop("test-lines")


def _lines(data: bytes, *, name: str, path: Path | None) -> ArgumentMap:
    m = ArgumentMap()
    for line in data.decode().splitlines():
        m.add_claim(line, implicit=True)
    return m


def test_write_is_atomic_on_serialisation_failure(tmp_path: Path) -> None:
    path = tmp_path / "keep.aif.xml"
    argmap.write(small_map(), path)
    before = path.read_bytes()

    def boom(m: ArgumentMap) -> bytes:
        raise WriteError("serialiser failed")

    argmap.formats.register_format(
        argmap.formats.Format(name="test-boom", suffixes=(".boom",), dump=boom))
    try:
        with pytest.raises(WriteError):
            argmap.write(small_map(), path, format="test-boom")
    finally:
        from argmap.formats import _registry

        _registry._REGISTRY.pop("test-boom")
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["keep.aif.xml"]


def test_write_into_missing_directory_is_a_write_error(tmp_path: Path) -> None:
    with pytest.raises(WriteError, match="cannot write"):
        argmap.write(small_map(), tmp_path / "no" / "such" / "dir.aif.xml")


def test_write_keeps_file_mode(tmp_path: Path) -> None:
    path = tmp_path / "mode.aif.xml"
    path.write_bytes(b"old")
    os.chmod(path, 0o640)
    argmap.write(small_map(), path)
    assert path.stat().st_mode & 0o777 == 0o640


@pytest.mark.skipif(sys.platform == "win32", reason="uses POSIX signals")
def test_killed_save_leaves_previous_file_byte_identical(tmp_path: Path) -> None:
    path = tmp_path / "precious.aif.xml"
    argmap.write(small_map(), path)
    before = path.read_bytes()
    ready = tmp_path / "ready"
    child = textwrap.dedent(f"""
        import os, sys, time
        import argmap
        from argmap import ArgumentMap, Source
        real_fsync = os.fsync
        def stall(fd):
            real_fsync(fd)
            open({str(ready)!r}, "w").close()
            time.sleep(60)   # killed here: temp file written, not yet renamed
        os.fsync = stall
        m = ArgumentMap(source=Source(text="x" * 100000))
        for i in range(2000):
            m.add_claim("claim %d" % i, spans=[(i, i + 10)])
        argmap.write(m, {str(path)!r})
    """)
    proc = subprocess.Popen([sys.executable, "-c", child])
    try:
        deadline = time.monotonic() + 60
        while not ready.exists():
            assert proc.poll() is None, "child died early"
            assert time.monotonic() < deadline, "child never reached the save"
            time.sleep(0.05)
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert path.read_bytes() == before
    leftovers = [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")]
    assert len(leftovers) == 1 and leftovers[0].startswith(".precious.aif.xml.")
    assert argmap.read(path) == small_map()
