"""The reader view's HTML without a browser, the picture views, and notebook display.

What runs in a browser is tested in ``test_html_view.py``; here: the data block's
escaping, that the page loads nothing from anywhere, the text segmentation and
the map layout, ``render``'s dispatch and views, notebook display and the CLI.
"""

from __future__ import annotations

import base64
import hashlib
import importlib.util
import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import argmap
from argmap import ArgumentMap, RenderError, Source
from argmap.strategies import argument_maps
from argmap.view._html import _payload, _segments, layout, script_json, to_html
from argmap.view._notebook import INLINE_NODES

SVG_NS = "http://www.w3.org/2000/svg"
HOSTILE = [
    "<script>alert(1)</script>",
    "</style><script>alert(2)</script>",
    "</script><!--",
    "javascript:alert(3)",
    "&lt;b&gt; &amp;amp;",
    "\u202eevil\u202c \u200f",
    "a\u2028b\u2029c",
    '"><img src=x onerror=alert(4)>',
]


def hostile_map() -> ArgumentMap:
    text = " ".join(HOSTILE)
    m = ArgumentMap(source=Source(text=text, title=HOSTILE[1], author=HOSTILE[0],
                                  url="javascript:alert(5)"))
    who = m.add_speaker(HOSTILE[2])
    claims = [m.add_claim(quote=h) for h in HOSTILE]
    m.add_inference(claims[1:3], claims[0], scheme=HOSTILE[3])
    m.add_conflict(claims[4], claims[0])
    m.add_illocution(m.add_locution(who, HOSTILE[7]), claims[5], force=HOSTILE[0])
    return m


def data_of(page: str) -> dict[str, Any]:
    block = re.search(r'<script type="application/json" id="argmap-data">(.*?)</script>',
                      page, re.S)
    assert block is not None
    loaded: dict[str, Any] = json.loads(block.group(1))
    return loaded


# ----------------------------------------------------------------- escaping
@given(st.text())
def test_script_json_round_trips_and_cannot_close_the_script(text: str) -> None:
    out = script_json({"t": text, "l": [text]})
    assert json.loads(out) == {"t": text, "l": [text]}
    for bad in ("<", ">", "&", "\u2028", "\u2029"):
        assert bad not in out


def test_hostile_text_stays_inside_the_data_block() -> None:
    page = to_html(hostile_map(), evaluate="grounded")
    assert len(re.findall(r"<script", page, re.I)) == 2
    assert len(re.findall(r"</script", page, re.I)) == 2
    assert len(re.findall(r"</style", page, re.I)) == 1
    assert "<img" not in page and "onerror=" not in page.replace("onerror=alert", "")
    # the only markup built from map content is the escaped <title>
    assert "<title>&lt;/style&gt;&lt;script&gt;alert(2)&lt;/script&gt;</title>" in page
    data = data_of(page)
    texts = [n["t"] for n in data["nodes"]]
    for h in HOSTILE:
        assert h in texts
    assert data["text"] == " ".join(HOSTILE)


def test_the_page_loads_nothing_and_its_csp_allows_only_its_own_script_and_style() -> None:
    page = to_html(hostile_map())
    # The data block only holds JSON (checked above); what the browser parses as HTML,
    # CSS and script is the rest.
    code = re.sub(r'<script type="application/json" id="argmap-data">.*?</script>', "", page,
                  flags=re.S)
    urls = set(re.findall(r"https?://[^\s\"'<>)]*", code))
    assert urls <= {SVG_NS}  # a namespace name, never fetched
    assert not re.search(r"\b(src|href|action|srcset|poster|data)\s*=", code, re.I)
    assert "@import" not in code and "fetch(" not in code and "XMLHttpRequest" not in code
    assert all(u.startswith("#") for u in re.findall(r"url\(([^)]*)\)", code))
    csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]*)"', page)
    assert csp is not None
    policy = csp.group(1)
    assert "default-src 'none'" in policy and "connect-src 'none'" in policy
    script = re.search(r"<script>(.*?)</script>", page, re.S)
    style = re.search(r"<style>(.*?)</style>", page, re.S)
    assert script is not None and style is not None
    for body, directive in ((script.group(1), "script-src"), (style.group(1), "style-src")):
        digest = base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode()
        assert f"{directive} 'sha256-{digest}'" in policy


@settings(max_examples=60)
@given(argument_maps())
def test_any_map_gives_a_page_whose_data_describes_it(m: ArgumentMap) -> None:
    page = to_html(m, evaluate="grounded", view="dialogue")
    assert len(re.findall(r"</script", page, re.I)) == 2
    data = data_of(page)
    assert [n["id"] for n in data["nodes"]] == list(m.nodes)
    joined = {(a, b) for a, b in data["edges"]}
    ids = list(m.nodes)
    for edge in m.edges.values():
        if edge.from_id in m.nodes and edge.to_id in m.nodes and edge.from_id != edge.to_id:
            assert (ids.index(edge.from_id), ids.index(edge.to_id)) in joined
    for n in data["nodes"]:
        assert n["pd"][0] >= 0 and n["pd"][1] >= 0


# -------------------------------------------------------------- segmentation
@given(st.data())
def test_segments_rebuild_the_text_and_know_what_covers_each_piece(data: st.DataObject) -> None:
    text = data.draw(st.text(alphabet="ab \r\n", max_size=60))
    spans: dict[int, list[tuple[int, int]]] = {}
    for k in range(data.draw(st.integers(0, 5))):
        ranges = []
        for _ in range(data.draw(st.integers(1, 2))):
            a = data.draw(st.integers(0, len(text)))
            b = data.draw(st.integers(a, len(text)))
            ranges.append((a, b))
        spans[k] = ranges
    paras = _segments(text, spans)
    pieces = [text[s:e] for para in paras for s, e, _ in para]
    # Everything but the empty lines between paragraphs is in a piece.
    assert "".join(pieces) == re.sub(r"\r?\n(?:[ \t]*\r?\n)+", "", text)
    for para in paras:
        for s, e, ids in para:
            assert s < e
            assert re.search(r"\n[ \t]*\r?\n", text[s:e]) is None
            covering = sorted(k for k, rs in spans.items() if any(a <= s and e <= b for a, b in rs))
            assert ids == covering


def test_paragraphs_end_at_empty_lines_of_any_line_end() -> None:
    text = "One.\r\n\r\nTwo.\nStill two.\n \nThree."
    paras = _segments(text, {})
    assert [[text[s:e] for s, e, _ in p] for p in paras] == [
        ["One."], ["Two.\nStill two."], ["Three."]]


def test_offsets_sent_to_the_page_count_utf16_units() -> None:
    # JavaScript strings count UTF-16 code units: after an emoji, one more than Python.
    m = ArgumentMap(source=Source(text="😀😀 Start claim here. 𝔘 end claim"))
    a = m.add_claim(quote="Start claim here")
    b = m.add_claim(quote="end claim")
    data = _payload(m, None, "argument", None)
    text: str = data["text"]
    units = text.encode("utf-16-le")

    def js_slice(start: int, end: int) -> str:
        return units[2 * start:2 * end].decode("utf-16-le")

    by_id = {n["id"]: n for n in data["nodes"]}
    assert [js_slice(*r) for r in by_id[a.id]["sp"]] == ["Start claim here"]
    assert [js_slice(*r) for r in by_id[b.id]["sp"]] == ["end claim"]
    pieces = [js_slice(s, e) for para in data["paras"] for s, e, _ in para]
    assert "".join(pieces) == text


def test_paragraphs_are_kept() -> None:
    text = "One. Two.\n\nThree.\n\n\nFour."
    paras = _segments(text, {0: [(0, 4)], 1: [(11, 17)]})
    assert [[text[s:e] for s, e, _ in p] for p in paras] == [["One.", " Two."], ["Three."],
                                                              ["Four."]]
    assert paras[0][0][2] == [0] and paras[1][0][2] == [1]


# -------------------------------------------------------------------- layout
@given(st.integers(1, 40), st.lists(st.tuples(st.integers(0, 39), st.integers(0, 39)),
                                     max_size=80))
def test_layout_places_every_node_without_overlap(n: int, pairs: list[tuple[int, int]]) -> None:
    sizes = {i: (60.0 + 10 * (i % 3), 20.0 + 5 * (i % 2)) for i in range(n)}
    pos = layout(range(n), [(a, b) for a, b in pairs if a < n and b < n], lambda i: sizes[i])
    assert set(pos) == set(range(n))
    boxes = [(x, y, x + sizes[i][0], y + sizes[i][1]) for i, (x, y) in pos.items()]
    assert all(x >= 0 and y >= 0 for x, y, _, _ in boxes)
    for i, a in enumerate(boxes):
        for b in boxes[i + 1:]:
            assert a[2] <= b[0] or b[2] <= a[0] or a[3] <= b[1] or b[3] <= a[1]


def test_conclusions_are_drawn_above_their_premises() -> None:
    pos = layout([0, 1, 2], [(0, 1), (1, 2)], lambda i: (50.0, 20.0))
    assert pos[2][1] < pos[1][1] < pos[0][1]


# ------------------------------------------------------------ render + views
def small_map() -> ArgumentMap:
    text = "We should cycle. Cycling is healthy.\n\nTraffic is dangerous. It is not."
    m = ArgumentMap(source=Source(text=text, title="Cycling"))
    author = m.add_speaker("Ann", id="ann")
    bob = m.add_speaker("Bob", id="bob")
    claim = m.add_claim(quote="We should cycle", id="cycle")
    reason = m.add_claim(quote="Cycling is healthy", id="healthy")
    m.add_inference([reason], claim, id="ra")
    danger = m.add_claim(quote="Traffic is dangerous", id="danger")
    safe = m.add_claim(quote="It is not", id="safe")
    m.add_conflict(danger, safe, id="ca1")
    m.add_conflict(safe, danger, id="ca2")
    m.add_conflict(danger, claim, id="ca3")
    own = m.add_locution(author, quote="We should cycle", id="l_ann")
    m.add_illocution(own, claim)
    said = m.add_locution(bob, "Traffic is dangerous", id="l_bob")
    m.add_illocution(said, danger)
    m.add_illocution(m.add_locution(author, "Bob says so", id="l_report"), said,
                     force="Reporting")
    return m


def test_render_writes_the_reader_view_for_html(tmp_path: Path) -> None:
    m = small_map()
    out = argmap.render(m, tmp_path / "map.html", evaluate="grounded", view="dialogue",
                        focus="cycle")
    data = data_of(out.read_text("utf-8"))
    assert data["view"] == "dialogue" and data["sem"] == "grounded"
    ids = [n["id"] for n in data["nodes"]]
    assert data["focus"] == ids.index("cycle")
    statuses = {n["id"]: n.get("st") for n in data["nodes"]}
    assert statuses["cycle"] == argmap.evaluate(m).status("cycle").value


def test_evaluate_with_a_picture_format_is_refused(tmp_path: Path) -> None:
    with pytest.raises(RenderError, match="HTML reader view only"):
        argmap.render(small_map(), tmp_path / "map.dot", evaluate="grounded")
    assert not (tmp_path / "map.dot").exists()


@pytest.mark.parametrize(("options", "message"), [
    ({"view": "focus"}, "focus view needs a node"),
    ({"view": "focus", "focus": "nope"}, "focus view needs a node"),
    ({"view": "focus", "focus": "cycle", "depth": -1}, "depth must be"),
    ({"view": "sideways"}, "view must be"),
])
def test_bad_views_are_refused(options: dict[str, object], message: str) -> None:
    with pytest.raises(RenderError, match=message):
        argmap.view.to_dot(small_map(), **options)  # type: ignore[arg-type]


def test_bad_html_options_are_refused(tmp_path: Path) -> None:
    with pytest.raises(RenderError, match="no such node"):
        argmap.render(small_map(), tmp_path / "m.html", focus="nope")
    with pytest.raises(RenderError, match="view must be"):
        argmap.render(small_map(), tmp_path / "m.html", view="sideways")  # type: ignore[arg-type]


def test_argument_view_draws_a_contradiction_once_and_speakers_as_badges() -> None:
    dot = argmap.view.to_dot(small_map(), view="argument")
    assert dot.count('label="contradict"') == 1
    assert 'dir="both"' in dot
    assert "argmap-ca1" not in dot and "argmap-ca2" not in dot
    assert "argmap-ca3" in dot  # a one-way attack stays a conflict node
    assert "said by Bob" in dot  # reported speech as a badge, not as a note
    assert "argmap-l_bob" not in dot


def test_dialogue_view_draws_everything() -> None:
    dot = argmap.view.to_dot(small_map(), view="dialogue")
    for nid in ("ca1", "ca2", "l_bob", "l_report", "l_ann"):
        assert f"argmap-{nid}" in dot


def test_focus_view_keeps_the_neighbourhood() -> None:
    m = small_map()
    near = argmap.view.to_dot(m, view="focus", focus="cycle", depth=1)
    assert "argmap-healthy" in near and "argmap-danger" in near
    assert "argmap-safe" not in near
    wider = argmap.view.to_dot(m, view="focus", focus=m.node("cycle"), depth=2)
    assert "argmap-safe" in wider


def test_clusters_group_nodes_by_paragraph() -> None:
    dot = argmap.view.to_dot(small_map(), view="argument", clusters=True)
    assert "subgraph cluster_p1" in dot and "subgraph cluster_p2" in dot
    assert '"¶ 2"' in dot


# ---------------------------------------------------------- notebook display
def test_small_map_draws_itself_in_a_notebook() -> None:
    m = small_map()
    html = m._repr_html_()
    if argmap.view.dot_engine() is None:
        assert "ArgumentMap" in html
    else:
        assert "<svg" in html
        assert m._repr_svg_() is not None


def test_big_map_gets_a_short_summary() -> None:
    m = ArgumentMap()
    for i in range(INLINE_NODES + 1):
        m.add_claim(f"claim <{i}>")
    html = m._repr_html_()
    assert len(html) < 2000
    assert f"{INLINE_NODES + 1} nodes" in html and "<svg" not in html
    assert m._repr_svg_() is None


def test_evaluation_shows_its_counts_in_a_notebook() -> None:
    html = argmap.evaluate(small_map())._repr_html_()
    assert "grounded" in html and "IN" in html and "<table>" in html


# ----------------------------------------------------------------------- CLI
def test_cli_writes_the_reader_view(tmp_path: Path) -> None:
    src = tmp_path / "map.aif.xml"
    argmap.write(small_map(), src)
    out = tmp_path / "map.html"
    done = subprocess.run([sys.executable, "-m", "argmap", "render", str(src), "-o", str(out),
                           "--view", "dialogue"], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert data_of(out.read_text("utf-8"))["view"] == "dialogue"
    piped = subprocess.run([sys.executable, "-m", "argmap", "render", str(src), "-o", "-",
                            "--to", "html"], capture_output=True, text=True, check=False)
    assert piped.returncode == 0 and piped.stdout.startswith("<!DOCTYPE html>")
    dot = subprocess.run([sys.executable, "-m", "argmap", "render", str(src), "-o", "-",
                          "--to", "dot", "--view", "argument"], capture_output=True,
                         text=True, check=False)
    assert dot.returncode == 0 and 'label="contradict"' in dot.stdout


# ------------------------------------------------------------ committed output
def test_committed_reader_view_of_the_seed_is_reproduced_exactly() -> None:
    root = Path(__file__).resolve().parent.parent
    spec = importlib.util.spec_from_file_location("annotate_seed",
                                                  root / "examples" / "annotate_seed.py")
    assert spec is not None and spec.loader is not None
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)
    committed = (root / "examples" / "output" / "seed.html").read_text("utf-8")
    assert to_html(script.build(), evaluate="grounded") == committed, (
        "examples/output/seed.html is stale: run python examples/annotate_seed.py"
    )
