"""The HTML reader view in a real browser (headless Chromium driven by Selenium).

The pages are generated into a temporary folder and opened from disk (``file://``).
Every test checks that the browser logged no error, and that the only request the
page made was for itself: Chrome's performance log records every network request
(``Network.requestWillBeSent``), including ones a Content Security Policy then
blocks.

Screenshots of the seed article's view and of the biggest QT30 map go to
``tests/artefacts/`` (or ``$ARGMAP_ARTEFACTS``), with the measured opening times in
``html-view-timings.json``; they are for people to look at, not compared.

Needs the ``selenium`` package (``test`` extra) and Chromium with its driver
(Debian: ``apt-get install chromium chromium-driver``); skipped otherwise.
"""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import argmap
from argmap import ArgumentMap, Claim, Evidence, Locution, NodeKind, Source

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
QT30 = ROOT.parent / "shared" / "corpora" / "aifdb-qt30" / "nodesets"
ARTEFACTS = Path(os.environ.get("ARGMAP_ARTEFACTS", ROOT / "tests" / "artefacts"))

webdriver: Any
try:
    from selenium import webdriver
    from selenium.webdriver.chrome.options import Options
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select
except ImportError:  # pragma: no cover - depends on the environment
    webdriver = None

CHROMIUM = next(
    (p for p in (shutil.which(n) for n in ("chromium", "chromium-browser", "google-chrome")) if p),
    None,
)
DRIVER = shutil.which("chromedriver")

pytestmark = pytest.mark.skipif(
    webdriver is None or CHROMIUM is None or DRIVER is None,
    reason="browser tests need selenium (pip install 'argmap[test]') and Chromium with "
    "chromedriver (apt-get install chromium chromium-driver)",
)


# ------------------------------------------------------------------ fixtures
@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    options = Options()
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1600,1000",
                "--disable-dev-shm-usage", "--no-first-run"):
        options.add_argument(arg)
    assert CHROMIUM is not None and DRIVER is not None
    options.binary_location = CHROMIUM
    options.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
    driver = webdriver.Chrome(service=Service(DRIVER), options=options)
    driver.set_page_load_timeout(60)
    try:
        yield driver
    finally:
        driver.quit()


@pytest.fixture(scope="module")
def seed() -> ArgumentMap:
    spec = importlib.util.spec_from_file_location("annotate_seed", EXAMPLES / "annotate_seed.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    built: ArgumentMap = module.build()
    return built


@pytest.fixture(scope="module")
def seed_page(seed: ArgumentMap, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("html") / "seed.html"
    return argmap.render(seed, out, evaluate="grounded")


def open_page(driver: Any, path: Path) -> float:
    """Open a page, wait until its script has finished; return the time to that point in ms."""
    driver.get_log("browser")
    driver.get_log("performance")
    driver.get(path.as_uri())
    ready: float = driver.execute_script(
        "var m = performance.getEntriesByName('argmap-ready');"
        "return m.length ? m[0].startTime : -1;"
    )
    assert ready >= 0, "the page's script did not finish"
    return ready


def assert_clean(driver: Any, path: Path) -> None:
    """No console error, and no request except the page itself."""
    errors = [e for e in driver.get_log("browser") if e["level"] in ("SEVERE", "WARNING")]
    assert errors == []
    urls = []
    for entry in driver.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message["method"] in ("Network.requestWillBeSent", "Network.webSocketCreated"):
            urls.append(message["params"].get("request", {}).get("url")
                        or message["params"].get("url"))
    assert set(urls) <= {path.as_uri()}, urls


def index_of(driver: Any, node_id: str) -> int:
    k: int = driver.execute_script(
        "var d = JSON.parse(document.getElementById('argmap-data').textContent), id = arguments[0];"
        "return d.nodes.findIndex(function (n) { return n.id === id; });", node_id)
    assert k >= 0
    return k


def span_of(driver: Any, k: int) -> Any:
    """The first highlighted span in the text that belongs to node ``k``."""
    return driver.execute_script(
        "var k = arguments[0];"
        "return Array.from(document.querySelectorAll('#text .u')).find("
        "function (e) { return e._ids && e._ids.indexOf(k) >= 0; });", k)


def click_node(driver: Any, k: int) -> None:
    driver.execute_script(
        "document.querySelector('#map .node[data-node=\"' + arguments[0] + '\"]')"
        ".dispatchEvent(new MouseEvent('click', {bubbles: true}));", k)


def save(driver: Any, name: str) -> Path:
    ARTEFACTS.mkdir(parents=True, exist_ok=True)
    path = ARTEFACTS / name
    driver.save_screenshot(str(path))
    return path


def record_timing(name: str, ms: float) -> None:
    ARTEFACTS.mkdir(parents=True, exist_ok=True)
    path = ARTEFACTS / "html-view-timings.json"
    data = json.loads(path.read_text("utf-8")) if path.exists() else {}
    data[name] = round(ms)
    path.write_text(json.dumps(data, indent=2) + "\n", "utf-8")


# --------------------------------------------------------------------- seed
def test_main_conclusion_shows_its_premises_and_attackers(
    browser: Any, seed: ArgumentMap, seed_page: Path
) -> None:
    record_timing("seed", open_page(browser, seed_page))
    k = index_of(browser, "kremlin_displeasure")
    span = span_of(browser, k)
    assert span is not None, "the main conclusion has no span in the text"
    span.click()
    panel = browser.find_element(By.ID, "panel").get_attribute("textContent")
    conclusion = seed.node("kremlin_displeasure")
    assert isinstance(conclusion, (Claim, Evidence))
    assert browser.find_element(By.ID, "panel-text").text == conclusion.text
    assert "Premises (why)" in panel
    premises = [p for ra in seed.supporters("kremlin_displeasure") for p in seed.premises(ra)]
    assert premises
    for p in premises:
        text: str = getattr(p, "text", "")
        assert text[:60] in panel
    attackers = [seed.attacker(ca) for ca in seed.attackers("kremlin_displeasure")]
    attackers += [seed.attacker(ca) for ra in seed.supporters("kremlin_displeasure")
                  for ca in seed.attackers(ra)]
    assert attackers, "the seed's main conclusion is attacked (its inference is undercut)"
    for a in attackers:
        said: str = getattr(a, "text", "")
        assert a is not None and said[:60] in panel
    assert "undercut by" in panel
    assert "Status under grounded semantics: IN" in panel
    assert "selected" not in span.get_attribute("class")  # the class is "sel"
    assert "sel" in span.get_attribute("class").split()
    node = browser.find_element(By.CSS_SELECTOR, f'#map .node[data-node="{k}"]')
    assert "sel" in node.get_attribute("class").split()
    save(browser, "seed-view.png")
    assert_clean(browser, seed_page)


def test_selecting_a_map_node_scrolls_to_its_span(browser: Any, seed: ArgumentMap,
                                                  seed_page: Path) -> None:
    open_page(browser, seed_page)
    # the last anchored proposition is far below the first screen of text
    last = max((n for n in seed.propositions if n.spans), key=lambda n: n.spans[0].start)
    k = index_of(browser, last.id)
    text = browser.find_element(By.ID, "text")
    assert browser.execute_script("return arguments[0].scrollTop", text) == 0
    click_node(browser, k)
    span = span_of(browser, k)
    inside = browser.execute_script(
        "var a = arguments[0].getBoundingClientRect(), b = arguments[1].getBoundingClientRect();"
        "return a.top >= b.top && a.bottom <= b.bottom;", span, text)
    assert browser.execute_script("return arguments[0].scrollTop", text) > 0
    assert inside
    assert "sel" in span.get_attribute("class").split()
    assert browser.find_element(By.ID, "panel-text").text == " ".join(last.text.split())
    assert_clean(browser, seed_page)


def test_selecting_a_span_brings_its_node_into_the_map(browser: Any, seed_page: Path) -> None:
    open_page(browser, seed_page)
    k = index_of(browser, "kremlin_displeasure")
    span_of(browser, k).click()
    node = browser.find_element(By.CSS_SELECTOR, f'#map .node[data-node="{k}"]')
    shown = browser.execute_script(
        "var a = arguments[0].getBoundingClientRect(),"
        " b = document.getElementById('map').getBoundingClientRect();"
        "return a.left >= b.left && a.right <= b.right && a.top >= b.top && a.bottom <= b.bottom;",
        node)
    assert shown
    assert_clean(browser, seed_page)


def test_speaker_filter_hides_the_other_speakers_units(
    browser: Any, seed: ArgumentMap, seed_page: Path
) -> None:
    open_page(browser, seed_page)
    people = list(seed.participants.values())
    chosen = next(p for p in people if p.name.startswith("Kasym-Zhomart"))
    Select(browser.find_element(By.ID, "f-speaker")).select_by_visible_text(chosen.name)
    shown = browser.execute_script(
        "return Array.from(document.querySelectorAll('#map .node:not(.hidden)'))"
        ".map(function (g) { return +g.getAttribute('data-node'); });")
    ids = list(seed.nodes)
    shown_ids = {ids[k] for k in shown}
    assert shown_ids, "the chosen speaker says something"
    for nid in shown_ids:
        node = seed.node(nid)
        if node.kind is NodeKind.I:
            assert chosen.id in {p.id for p in seed.speakers(node)}, nid
        elif isinstance(node, Locution):
            assert node.speaker == chosen.id, nid
    others = [n for n in seed.propositions
              if seed.speakers(n) and chosen.id not in {p.id for p in seed.speakers(n)}]
    assert others
    assert not shown_ids & {n.id for n in others}
    # ... and their spans in the text are no longer highlighted
    k = index_of(browser, "kremlin_displeasure")
    assert "off" in span_of(browser, k).get_attribute("class").split()
    save(browser, "seed-speaker-filter.png")
    assert_clean(browser, seed_page)


def test_status_and_layer_filters(browser: Any, seed: ArgumentMap, seed_page: Path) -> None:
    open_page(browser, seed_page)
    ev = argmap.evaluate(seed)
    Select(browser.find_element(By.ID, "f-status")).select_by_value("OUT")
    shown = browser.execute_script(
        "var d = JSON.parse(document.getElementById('argmap-data').textContent);"
        "return Array.from(document.querySelectorAll('#map .node:not(.hidden)'))"
        ".map(function (g) { return d.nodes[+g.getAttribute('data-node')]; })"
        ".filter(function (n) { return n.k === 'I'; }).map(function (n) { return n.id; });")
    assert set(shown) == {n for n in ev.rejected() if seed.node(n).kind is NodeKind.I}
    Select(browser.find_element(By.ID, "f-status")).select_by_value("")
    hidden_dialogue = browser.execute_script(
        "return document.querySelectorAll('#map .node.r-YA:not(.hidden)').length")
    assert hidden_dialogue == 0
    Select(browser.find_element(By.ID, "f-layer")).select_by_value("dialogue")
    assert browser.execute_script(
        "return document.querySelectorAll('#map .node.r-YA:not(.hidden)').length") > 0
    assert_clean(browser, seed_page)


def test_keyboard_selects_units_and_focus_is_visible(browser: Any, seed_page: Path) -> None:
    open_page(browser, seed_page)
    body = browser.find_element(By.TAG_NAME, "body")
    body.send_keys("n")
    active = browser.switch_to.active_element
    assert active.get_attribute("data-node") is not None
    outline = browser.execute_script(
        "return getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none"
    assert browser.find_element(By.ID, "panel-text").text
    active.send_keys("\ue00c")  # Escape clears the selection
    assert "Nothing selected" in browser.find_element(By.ID, "panel").text
    assert_clean(browser, seed_page)


def test_print_shows_text_and_map_without_controls(browser: Any, seed_page: Path) -> None:
    open_page(browser, seed_page)
    browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    try:
        hidden = browser.execute_script(
            "return ['#panel', '#f-layer', '.zoom'].map(function (sel) {"
            " return getComputedStyle(document.querySelector(sel)).display; });")
        assert hidden == ["none", "none", "none"]
        assert browser.execute_script(
            "return getComputedStyle(document.getElementById('text')).display") != "none"
        assert browser.execute_script(
            "return getComputedStyle(document.getElementById('map-pane')).display") != "none"
    finally:
        browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})
    assert browser.print_page()  # a PDF, made without error
    assert_clean(browser, seed_page)


# --------------------------------------------------------------- big maps
def biggest_qt30() -> Path:
    if not QT30.is_dir():
        pytest.skip(f"the shared corpora are not at {QT30}")
    return max(QT30.glob("*.json"), key=lambda p: p.stat().st_size)


def test_biggest_qt30_map_opens_with_a_searchable_unit_list(
    browser: Any, tmp_path: Path
) -> None:
    m = argmap.read(biggest_qt30())
    assert len(m) > 1000
    page = argmap.render(m, tmp_path / "qt30.html", evaluate="grounded")
    ms = open_page(browser, page)
    record_timing(f"qt30 {biggest_qt30().stem} ({len(m)} nodes), first open", ms)
    ms = open_page(browser, page)
    record_timing(f"qt30 {biggest_qt30().stem} ({len(m)} nodes), second open", ms)
    assert browser.find_elements(By.ID, "text") == []
    items = browser.find_elements(By.CSS_SELECTOR, "#unit-list li")
    assert len(items) == sum(1 for n in m if n.kind in (NodeKind.I, NodeKind.L))
    save(browser, "qt30-biggest.png")
    word = "referendum"
    box = browser.find_element(By.ID, "f-search")
    box.send_keys(word)
    shown = browser.execute_script(
        "return Array.from(document.querySelectorAll('#unit-list li:not(.hidden)'))"
        ".map(function (li) { return li.textContent; });")
    assert shown and all(word in s.lower() for s in shown)
    browser.execute_script("arguments[0].click()", browser.find_element(
        By.CSS_SELECTOR, "#unit-list li:not(.hidden)"))
    assert browser.find_element(By.ID, "panel-text").text
    save(browser, "qt30-biggest-selected.png")
    assert_clean(browser, page)


# ------------------------------------------------------------ hostile content
HOSTILE = [
    "<script>window.__pwned = 1</script>",
    "</style><script>window.__pwned = 2</script>",
    "</script><script>window.__pwned = 3</script>",
    '<img src=x onerror="window.__pwned = 4">',
    "javascript:window.__pwned = 5",
    "&lt;b&gt; &amp;amp; &#x3c;script&#x3e;",
    "\u202eevil\u202c and \u200fRTL\u200e marks",
    "line\u2028separator\u2029paragraph <!-- comment",
    '<svg onload="window.__pwned = 6"></svg>',
]


def test_hostile_text_is_shown_as_text_and_never_runs(browser: Any, tmp_path: Path) -> None:
    text = " ".join(HOSTILE)
    m = ArgumentMap(source=Source(text=text, title=HOSTILE[1], author=HOSTILE[3],
                                  url="javascript:window.__pwned = 7"))
    speaker = m.add_speaker(HOSTILE[2], id="p1")
    claims = [m.add_claim(quote=h) for h in HOSTILE]
    m.add_inference(claims[1:4], claims[0], scheme=HOSTILE[4])
    m.add_conflict(claims[5], claims[0])
    loc = m.add_locution(speaker, HOSTILE[8])
    m.add_illocution(loc, claims[6], force=HOSTILE[0])
    page = argmap.render(m, tmp_path / "hostile.html", evaluate="grounded", view="dialogue")
    open_page(browser, page)
    for k, h in enumerate(HOSTILE):
        click_node(browser, k)
        shown = browser.execute_script(
            "return document.getElementById('panel-text').textContent")
        assert shown == h
    assert browser.execute_script("return window.__pwned === undefined")
    assert browser.execute_script("return document.scripts.length") == 2
    assert browser.execute_script("return document.querySelectorAll('img').length") == 0
    assert browser.execute_script(
        "return document.querySelectorAll('[onerror],[onload]').length") == 0
    assert browser.execute_script("return document.getElementById('text').textContent") == text
    assert HOSTILE[1] in browser.title
    assert_clean(browser, page)
