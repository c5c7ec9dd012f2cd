"""On-demand benchmark: the reader view of the biggest QT30 map in the shared corpora.

Run from the project root (needs ../shared/corpora)::

    python tests/benchmarks/bench_html_view.py

It reports best-of-N wall times for writing the page (``argmap.render`` to
``.html``: the payload and both layouts) and, when Selenium and Chromium with
chromedriver are installed, the time from navigation start until the page's
script has finished (``argmap-ready`` mark) and until the load event ends, for a
first (cold) and later (warm) opening in headless Chromium.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
import time
from pathlib import Path

import argmap

ROOT = Path(__file__).resolve().parents[2]
QT30 = ROOT.parent / "shared" / "corpora" / "aifdb-qt30" / "nodesets"
RUNS = 5


def main() -> int:
    if not QT30.is_dir():
        print(f"no corpus at {QT30}", file=sys.stderr)
        return 1
    biggest = max(QT30.glob("*.json"), key=lambda p: p.stat().st_size)
    m = argmap.read(biggest)
    out = Path(tempfile.mkdtemp(prefix="argmap-bench-")) / "qt30.html"
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        argmap.render(m, out, evaluate="grounded")
        times.append(time.perf_counter() - start)
    print(f"{biggest.name}: {len(m)} nodes, {len(m.edges)} edges; page {out.stat().st_size:,} B")
    print(f"write the page (evaluate + layout + HTML): best {min(times) * 1000:.0f} ms")
    browser, driver = shutil.which("chromium"), shutil.which("chromedriver")
    try:
        from selenium import webdriver
        from selenium.webdriver.chrome.options import Options
        from selenium.webdriver.chrome.service import Service
    except ImportError:
        browser = None
    if browser is None or driver is None:
        print("no selenium/chromium/chromedriver: browser timings skipped")
        return 0
    options = Options()
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1600,1000"):
        options.add_argument(arg)
    chrome = webdriver.Chrome(service=Service(driver), options=options)
    try:
        for run in range(RUNS):
            chrome.get(out.as_uri())
            ready, loaded = chrome.execute_script(
                "return [performance.getEntriesByName('argmap-ready')[0].startTime,"
                " performance.getEntriesByType('navigation')[0].loadEventEnd];")
            label = "cold" if run == 0 else "warm"
            print(f"open in Chromium ({label}): script done {ready:.0f} ms, "
                  f"load event ended {loaded:.0f} ms")
    finally:
        chrome.quit()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
