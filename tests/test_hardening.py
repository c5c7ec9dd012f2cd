"""Regression tests for hostile input: sniffing, text the writers cannot carry, paths,
error messages, lossless JSON round trips, locations and stray temporary files."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
import time
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import argmap
from argmap import ArgumentMap, Source
from argmap._atomic import atomic_write
from argmap.formats._format import finish_read
from argmap.formats._jsonsafe import MAX_DEPTH
from argmap.formats._sniff import json_shape, xml_root, xml_root_namespace

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "examples" / "output" / "seed.aif.xml"

# A generous bound for work that takes milliseconds when linear and minutes when
# quadratic: it separates the two without depending on how busy the machine is.
LINEAR_BOUND_S = 10.0


def _timed(fn: Callable[[], object]) -> tuple[float, argmap.ArgmapError | None]:
    start = time.perf_counter()
    try:
        fn()
    except argmap.ArgmapError as exc:
        return time.perf_counter() - start, exc
    return time.perf_counter() - start, None


def _aifdb() -> dict[str, Any]:
    doc = {
        "nodes": [
            {"nodeID": "1", "text": "Cats purr", "type": "I", "timestamp": "2020-01-01"},
            {"nodeID": "2", "text": "Cats are happy", "type": "I"},
            {"nodeID": "3", "text": "Default Inference", "type": "RA", "scheme": "S",
             "schemeID": "7"},
            {"nodeID": "4", "text": "Bob: cats purr", "type": "L"},
        ],
        "edges": [
            {"edgeID": "e1", "fromID": "1", "toID": "3"},
            {"edgeID": "e2", "fromID": "3", "toID": "2"},
        ],
        "locutions": [{"nodeID": "4", "personID": "p1"}],
    }
    return doc


# ---------------------------------------------------------------- sniffing
@pytest.mark.parametrize("data", [
    b"{" * 65536,
    b'{"a":' * 13000 + b"1" + b"}" * 13000,
    b'{"a"' + b'\\"' * 30000,
    b"<!---->" * 9000 + b"x",
    b"<a " + b'b="1" ' * 10000,
])
def test_sniffers_are_linear(data: bytes) -> None:
    for sniff in (json_shape, xml_root, xml_root_namespace):
        elapsed, _ = _timed(lambda: sniff(data))  # noqa: B023
        assert elapsed < LINEAR_BOUND_S, (sniff.__name__, elapsed)


@pytest.mark.parametrize("data", [b"{" * 65536, b'{"a":' * 13000 + b"1" + b"}" * 13000,
                                  b"[" * 5000 + b"]" * 5000])
def test_deep_json_is_refused_for_depth(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "deep.json"
    path.write_bytes(data)
    elapsed, exc = _timed(lambda: argmap.read(path))
    assert isinstance(exc, argmap.UnsafeInputError), exc
    assert f"deeper than {MAX_DEPTH}" in exc.message
    assert exc.source == str(path)
    assert elapsed < LINEAR_BOUND_S
    with pytest.raises(argmap.UnsafeInputError):
        argmap.loads(data)


def test_utf16_aif_xml_is_sniffed(tmp_path: Path) -> None:
    m = argmap.read(SEED)
    text = argmap.dumps(m).decode("utf-8").replace("encoding='UTF-8'", "encoding='UTF-16'")
    assert "UTF-16" in text
    for name, data in (("bom.xml", text.encode("utf-16")),
                       ("le.xml", text.encode("utf-16-le")),
                       ("be.xml", text.encode("utf-16-be"))):
        path = tmp_path / name
        path.write_bytes(data)
        assert argmap.read(path) == m, name
        assert argmap.loads(data) == m, name


def test_cli_reads_utf16(tmp_path: Path) -> None:
    text = SEED.read_text(encoding="utf-8").replace("encoding='UTF-8'", "encoding='UTF-16'")
    path = tmp_path / "seed.xml"
    path.write_bytes(text.encode("utf-16"))
    run = subprocess.run([sys.executable, "-m", "argmap", "validate", str(path)],
                         check=False, capture_output=True, text=True, timeout=120)
    assert "could be any of" not in run.stderr
    assert run.returncode == 0, run.stderr


def test_json_no_format_knows_is_not_called_ambiguous(tmp_path: Path) -> None:
    path = tmp_path / "layout.json"
    path.write_bytes(b'{"formedges": [{"id": 1}]}')
    with pytest.raises(argmap.FormatError) as info:
        argmap.read(path)
    message = str(info.value)
    assert "matches none of the formats that use its suffix (aifdb-json, " in message
    assert "top-level keys 'formedges'" in message and "could be any of" not in message
    run = subprocess.run([sys.executable, "-m", "argmap", "info", str(path)],
                         check=False, capture_output=True, text=True, timeout=120)
    assert run.returncode == 2 and "use --from FORMAT to read it as one of them" in run.stderr


def test_root_namespace_past_the_old_window(tmp_path: Path) -> None:
    m = argmap.read(SEED)
    text = argmap.dumps(m).decode("utf-8")
    head, _, rest = text.partition("?>")
    path = tmp_path / "long-prolog.xml"
    path.write_text(f"{head}?>\n<!--{'x' * 20000}-->{rest}", encoding="utf-8")
    assert argmap.read(path) == m


@pytest.mark.parametrize(("content", "kind", "words"), [
    (b"", argmap.ParseError, "empty"),
    (b"  \n\t ", argmap.ParseError, "only whitespace"),
    (b"\x1f\x8b\x08\x00" + bytes(40), argmap.UnsafeInputError, "gzip"),
    (b"{" * 1000, argmap.UnsafeInputError, "deeper"),
    (b'{"nodes": [', argmap.ParseError, "malformed JSON"),
    (b"[1, 2]", argmap.ParseError, "array"),
    (b"<a><b></a>", argmap.ParseError, "malformed XML"),
])
@pytest.mark.parametrize("suffix", [".json", ".xml", ".dat"])
def test_unrecognised_input_says_what_is_wrong(tmp_path: Path, content: bytes,
                                               kind: type, words: str, suffix: str) -> None:
    path = tmp_path / f"bad{suffix}"
    path.write_bytes(content)
    with pytest.raises(kind) as info:
        argmap.read(path)
    assert words in str(info.value)
    assert "could be any of" not in str(info.value)
    assert str(path) in str(info.value)


def test_unknown_json_object_names_its_keys(tmp_path: Path) -> None:
    path = tmp_path / "other.json"
    path.write_text('{"hello": 1, "world": 2}', encoding="utf-8")
    with pytest.raises(argmap.FormatError, match="'hello', 'world'"):
        argmap.read(path)


# ---------------------------------------------- text XML 1.0 cannot carry
_FIELDS = [("nodes", 0, "nodeID"), ("nodes", 0, "timestamp"), ("nodes", 2, "scheme"),
           ("nodes", 2, "schemeID"), ("nodes", 2, "type"), ("nodes", 0, "text"),
           ("nodes", 2, "text"), ("edges", 0, "edgeID"), ("edges", 0, "fromID"),
           ("edges", 1, "toID"), ("locutions", 0, "personID"), ("locutions", 0, "unknown")]


@pytest.mark.parametrize(("collection", "index", "field"), _FIELDS)
@pytest.mark.parametrize("char", ["\b", "\f", "\x01", "\x1f", "\ufffe", "\ud800"])
@pytest.mark.parametrize("fmt", ["aifdb-json", "xaif"])
def test_json_readers_refuse_what_xml_cannot_carry(
    collection: str, index: int, field: str, char: str, fmt: str
) -> None:
    doc = _aifdb()
    record = doc[collection][index]
    record[field] = str(record.get(field, "x")) + char
    if fmt == "xaif":
        doc = {"AIF": doc}
    data = json.dumps(doc).encode("utf-8")  # \b and \f as JSON's short escapes
    with pytest.raises(argmap.ParseError) as info:
        argmap.loads(data, fmt, name="hostile.json")
    err = info.value
    assert err.source == "hostile.json"
    assert err.node is not None or err.line is not None, str(err)
    assert "XML 1.0" in err.message or "surrogate" in err.message.lower() or "JSON" in err.message


def test_what_a_reader_accepts_a_writer_can_write_back() -> None:
    # Legal but unusual characters survive every JSON writer and AIF-XML.
    doc = _aifdb()
    doc["nodes"][0]["text"] = "tab\there\nnew\u0085line \U0001f600 \ufffd"
    doc["nodes"][1]["nodeID"] = "id with \u00a0 nbsp"
    doc["edges"][1]["toID"] = doc["nodes"][1]["nodeID"]
    m = argmap.loads(json.dumps(doc).encode())
    assert argmap.loads(argmap.dumps(m)) == m
    assert argmap.loads(argmap.dumps(m, "aifdb-json"), "aifdb-json") == m


# -------------------------------------------------------------------- paths
def test_nul_in_file_name() -> None:
    m = argmap.read(SEED)
    with pytest.raises(argmap.ParseError, match="NUL"):
        argmap.read("bad\0name.aif.xml")
    with pytest.raises(argmap.WriteError, match="NUL"):
        argmap.write(m, "bad\0name.aif.xml")


def test_file_name_too_long(tmp_path: Path) -> None:
    m = argmap.read(SEED)
    path = tmp_path / ("a" * 300 + ".aif.xml")
    with pytest.raises(argmap.WriteError):
        argmap.write(m, path)
    with pytest.raises(argmap.ParseError):
        argmap.read(path)
    assert list(tmp_path.iterdir()) == []


# ------------------------------------------------------- message excerpts
def test_huge_value_is_quoted_as_an_excerpt() -> None:
    m = ArgumentMap()
    huge = "x" * 1_900_000
    # A locution naming a speaker who is not a participant: the problem quotes both.
    m.add_node(argmap.Locution(id="l" + huge, text="Bob says", speaker="s" + huge))
    problems = m.validate()
    assert problems
    assert all(len(p.message) <= 300 for p in problems)
    assert all("characters omitted" in p.message for p in problems)
    with pytest.raises(argmap.ValidationError) as info:
        finish_read(m, True, "big.aif.xml")
    assert len(str(info.value)) < 400 * (len(problems) + 1)


def test_parse_error_quotes_a_bounded_id() -> None:
    doc = _aifdb()
    bad = "n" * 100_000 + "\x01"
    doc["nodes"][0]["nodeID"] = bad
    doc["edges"][0]["fromID"] = bad
    with pytest.raises(argmap.ParseError) as info:
        argmap.loads(json.dumps(doc).encode(), "aifdb-json")
    assert len(str(info.value)) < 500


# ------------------------------------------------------------- round trips
def test_unlabelled_inference_round_trips_through_aifdb_json() -> None:
    m = ArgumentMap()
    a = m.add_claim(text="Cats purr")
    b = m.add_claim(text="Cats are happy")
    m.add_inference([a], b)
    back = argmap.loads(argmap.dumps(m, "aifdb-json"), "aifdb-json")
    assert back == m
    assert "aifdb:keys" not in back.extra


def test_named_scheme_without_label_round_trips() -> None:
    m = ArgumentMap()
    a = m.add_claim(text="Cats purr")
    b = m.add_claim(text="Cats are happy")
    m.add_inference([a], b, scheme="Argument From Sign")
    assert argmap.loads(argmap.dumps(m, "aifdb-json"), "aifdb-json") == m


def test_stored_key_order_is_kept_when_it_differs() -> None:
    doc = _aifdb()
    data = json.dumps({"locutions": doc["locutions"], "edges": doc["edges"],
                       "nodes": doc["nodes"]}).encode()
    m = argmap.loads(data, "aifdb-json")
    assert list(json.loads(argmap.dumps(m, "aifdb-json"))) == ["locutions", "edges", "nodes"]


@pytest.mark.parametrize("fmt", ["aifdb-json", "xaif", "ova3"])
def test_id_type_flips_round_trip(fmt: str) -> None:
    doc = _aifdb()
    # Numbers in the first edge set the file's default; the second edge flips both ends,
    # listing toID before fromID.
    doc["nodes"] = [dict(n, nodeID=int(n["nodeID"])) for n in doc["nodes"]]
    doc["edges"] = [{"edgeID": 1, "fromID": 1, "toID": 3},
                    {"toID": "2", "edgeID": 2, "fromID": "3"}]
    doc["locutions"] = [{"nodeID": 4, "personID": 1}]
    if fmt != "aifdb-json":
        doc = {"AIF": doc, "text": "", "OVA": {}} if fmt == "ova3" else {"AIF": doc}
    m = argmap.loads(json.dumps(doc).encode(), fmt)
    once = argmap.dumps(m, fmt)
    assert json.loads(once) == doc
    back = argmap.loads(once, fmt)
    assert back == m
    assert argmap.loads(argmap.dumps(back, fmt), fmt) == m


# ---------------------------------------------------------------- locations
def test_doctype_error_names_its_line(tmp_path: Path) -> None:
    text = SEED.read_text(encoding="utf-8")
    head, _, rest = text.partition("\n")
    path = tmp_path / "dt.aif.xml"
    path.write_text(f"{head}\n<!-- a -->\n\n<!DOCTYPE argmap [<!ENTITY x 'y'>]>\n{rest}")
    with pytest.raises(argmap.UnsafeInputError) as info:
        argmap.read(path)
    assert info.value.line == 4


@pytest.mark.parametrize(("text", "line", "words"), [
    ('{"nodes": [],\n "edges": [],\n "edges": []}', 3, "duplicate key 'edges'"),
    ('{"nodes": [{"nodeID": "1",\n"text": "a", "type": "I",\n"text": "b"}], "edges": []}',
     3, "duplicate key 'text'"),
    ('{"nodes": [],\n"edges": [],\n\n"x": 1e999}', 4, "out of range"),
    ('{"nodes": [],\n"edges": [],\n"x": ' + "9" * 500 + "}", 3, "digits"),
    ('{"nodes": [],\n"edges": [NaN]}', 2, "NaN"),
])
def test_json_errors_name_their_line(text: str, line: int, words: str) -> None:
    with pytest.raises(argmap.ParseError) as info:
        argmap.loads(text.encode(), "aifdb-json", name="f.json")
    assert words in info.value.message
    assert info.value.line == line


def test_compressed_input_names_its_line() -> None:
    with pytest.raises(argmap.UnsafeInputError) as info:
        argmap.loads(b"\x1f\x8b\x08\x00" + bytes(30), "aif-xml", name="bomb.xml")
    assert info.value.line == 1


# ------------------------------------------------------ temporary files
def _temp_files(directory: Path) -> list[str]:
    return sorted(p.name for p in directory.iterdir() if p.name.endswith(".tmp"))


def test_failed_save_leaves_no_temp_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch
                                         ) -> None:
    target = tmp_path / "m.aif.xml"
    atomic_write(target, b"old")

    def boom(*_args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", boom)
    with pytest.raises(argmap.WriteError, match="No space"):
        atomic_write(target, b"new")
    assert target.read_bytes() == b"old"
    assert _temp_files(tmp_path) == []


def test_next_save_removes_orphans_of_dead_writers(tmp_path: Path) -> None:
    target = tmp_path / "m.aif.xml"
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True)
    dead_pid = int(dead.stdout)
    orphan = tmp_path / f".m.aif.xml.{dead_pid}.abc123xy.tmp"
    orphan.write_bytes(b"partial")
    live = tmp_path / f".m.aif.xml.{os.getpid()}.zzz999zz.tmp"  # a save in progress here
    live.write_bytes(b"partial")
    other = tmp_path / f".other.xml.{dead_pid}.abc123xy.tmp"  # another target's orphan
    other.write_bytes(b"partial")
    unrelated = tmp_path / ".m.aif.xml.notes.tmp"  # not a name atomic_write makes
    unrelated.write_bytes(b"keep")
    atomic_write(target, b"new")
    assert not orphan.exists()
    assert live.exists() and other.exists() and unrelated.exists()
    assert target.read_bytes() == b"new"


_WRITER = textwrap.dedent("""
    import sys
    from argmap._atomic import atomic_write
    target, size = sys.argv[1], int(sys.argv[2])
    chunk = b"<x/>" * (size // 4)
    print("ready", flush=True)
    while True:
        atomic_write(target, chunk)
""")


def test_killed_writers_leave_nothing_the_next_save_keeps(tmp_path: Path) -> None:
    target = tmp_path / "big.aif.xml"
    atomic_write(target, b"original")
    rounds, killed_mid_save = 6, 0
    for i in range(rounds):
        proc = subprocess.Popen([sys.executable, "-c", _WRITER, str(target), str(8 << 20)],
                                stdout=subprocess.PIPE, text=True)
        assert proc.stdout is not None
        assert proc.stdout.readline().strip() == "ready"
        time.sleep(0.05 + 0.03 * i)
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
        proc.stdout.close()
        content = target.read_bytes()
        # Never torn: the old content or one complete new document.
        assert content == b"original" or content == b"<x/>" * (2 << 20)
        killed_mid_save += bool(_temp_files(tmp_path))
    atomic_write(target, b"final")
    assert _temp_files(tmp_path) == []
    assert sorted(p.name for p in tmp_path.iterdir()) == ["big.aif.xml"]
    assert target.read_bytes() == b"final"
    # The test only shows something when some kill landed inside a save.
    assert killed_mid_save > 0


@pytest.mark.parametrize(("skeleton", "depth"), [
    (b"", 0), (b"[]" * 100_000, 1), (b"[" * 150 + b"]" * 150 + b"{" * 199 + b"}" * 199, 199),
    (b"[]" * 40_000 + b"[" * 150 + b"]" * 150, 150),
])
def test_depth_scan_across_chunks(skeleton: bytes, depth: int) -> None:
    from argmap.formats._jsonsafe import _max_depth

    assert _max_depth(skeleton) == depth


def test_depth_scan_stops_early_past_the_limit() -> None:
    from argmap.formats._jsonsafe import _max_depth

    assert MAX_DEPTH < _max_depth(b"[]" * 40_000 + b"[" * 300) <= MAX_DEPTH + (1 << 12)


@pytest.mark.parametrize("fmt", ["aifdb-json", "xaif", "ova3"])
@pytest.mark.parametrize("with_text", [False, True])
def test_written_map_reads_back_unchanged(fmt: str, with_text: bool) -> None:
    source = Source(text="Cats purr. So they are happy.") if with_text else None
    m = ArgumentMap(source=source)
    if with_text:
        a, b = m.add_claim(quote="Cats purr"), m.add_claim(quote="they are happy")
    else:
        a, b = m.add_claim(text="Cats purr"), m.add_claim(text="they are happy")
    m.add_inference([a], b)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        data = argmap.dumps(m, fmt)
    back = argmap.loads(data, fmt)
    if caught:  # the format cannot carry everything (AIFdb JSON has no text)
        assert fmt == "aifdb-json" and with_text
        return
    assert back == m
    assert argmap.dumps(back, fmt) == data


def test_a_foreign_layout_is_kept() -> None:
    m = ArgumentMap()
    m.add_inference([m.add_claim(text="Cats purr")], m.add_claim(text="Cats are happy"))
    doc = json.loads(argmap.dumps(m, "ova3"))
    doc["OVA"]["nodes"][0]["x"] += 7  # moved by hand in OVA
    back = argmap.loads(json.dumps(doc).encode(), "ova3")
    assert "xaif:top" in back.extra
    assert json.loads(argmap.dumps(back, "ova3")) == doc


@pytest.mark.parametrize(("fmt", "doc"), [
    ("ova2", {"nodes": [{"id": 1, "text": "a", "type": "I"}], "edges": [],
              "analysis": {"txt": "x\f"}}),
    ("xaif", {"AIF": {"nodes": [], "edges": []}, "text": "x\b"}),
    ("ova3", {"AIF": {"nodes": [], "edges": []}, "text": "", "OVA": {"a": "\b"}}),
])
def test_document_level_text_errors_name_the_file(fmt: str, doc: dict[str, Any]) -> None:
    with pytest.raises(argmap.ParseError) as info:
        argmap.loads(json.dumps(doc).encode(), fmt, name="doc.json")
    assert info.value.source == "doc.json"
    assert "XML 1.0" in info.value.message


def test_model_errors_inside_a_reader_name_the_input(tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    from argmap.formats import _registry

    argmap.formats.formats()  # the built-in formats are registered lazily
    monkeypatch.setattr(_registry, "_REGISTRY", dict(_registry._REGISTRY))  # restored after

    def load(data: bytes, *, name: str, path: Path | None) -> ArgumentMap:
        m = ArgumentMap()
        m.add_claim(text=data.decode())  # refuses what XML cannot carry
        return m

    argmap.formats.register_format(
        argmap.formats.Format(name="one-claim", suffixes=(".claim",), load=load), replace=True)
    path = tmp_path / "bad.claim"
    path.write_bytes(b"bell\x07")
    with pytest.raises(argmap.ParseError) as info:
        argmap.read(path)
    assert info.value.source == str(path)
    assert isinstance(info.value.__cause__, argmap.MapError)
    with pytest.raises(argmap.ParseError, match="U\\+0007"):
        argmap.loads(b"bell\x07", "one-claim", name="x")
