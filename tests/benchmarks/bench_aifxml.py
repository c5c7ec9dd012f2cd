"""On-demand benchmark: AIF-XML load/dump of the 32,000-node workload against bare lxml.

Run from the project root (needs ../shared/bench/make_big_aif.py)::

    python tests/benchmarks/bench_aifxml.py

It generates the workload (20,000 I-nodes, 10,000 RA, 2,000 CA), builds the map,
writes it as AIF-XML, and reports best-of-N wall times for

* ``to_xml(m)`` against a bare ``etree.tostring`` of the same document tree;
* ``from_xml(doc)`` against a bare ``etree.fromstring`` plus a walk that reads
  every element's attributes and text (the least any reader must do);

and the peak resident memory of a fresh process that loads the document.
"""

from __future__ import annotations

import json
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from lxml import etree

import argmap

ROOT = Path(__file__).resolve().parents[2]
MAKE = ROOT.parent / "shared" / "bench" / "make_big_aif.py"


def build_map(doc: dict[str, Any]) -> argmap.ArgumentMap:
    """Build the workload map with the low-level API (AIFdb text kept as label)."""
    m = argmap.ArgumentMap()
    for n in doc["nodes"]:
        kind, nid, ts = n["type"], n["nodeID"], n.get("timestamp")
        if kind == "I":
            m.add_node(argmap.Claim(id=nid, text=n["text"], timestamp=ts))
        elif kind == "RA":
            m.add_node(argmap.Inference(id=nid, label=n["text"], timestamp=ts))
        else:
            m.add_node(argmap.Conflict(id=nid, label=n["text"], timestamp=ts))
    for e in doc["edges"]:
        m.add_edge(argmap.Edge(id=e["edgeID"], from_id=e["fromID"], to_id=e["toID"]))
    return m


def best(fn: Callable[[], object], repeat: int = 5) -> float:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return min(times)


def bare_walk(data: bytes) -> int:
    root = etree.fromstring(data)
    count = 0
    for el in root.iter():
        for _k, _v in el.items():
            count += 1
        if el.text:
            count += 1
    return count


def peak_rss_mb(path: Path) -> tuple[float, float]:
    # VmHWM (peak resident set) from /proc: unlike ru_maxrss it is not inherited
    # from the parent across fork/exec.
    code = (
        "import re, sys, argmap\n"
        "def hwm():\n"
        "    s = open('/proc/self/status').read()\n"
        "    return int(re.search(r'VmHWM:\\s+(\\d+)', s).group(1)) / 1024\n"
        "base = hwm()\n"
        "data = open(sys.argv[1], 'rb').read()\n"
        "m = argmap.from_xml(data)\n"
        "print(base, hwm())\n"
    )
    out = subprocess.run([sys.executable, "-c", code, str(path)], capture_output=True, text=True,
                         check=True)
    base, peak = (float(x) for x in out.stdout.split())
    return base, peak


def main() -> int:
    if not MAKE.exists():
        print(f"skipped: {MAKE} not found (needs the shared/ folder beside the project)")
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run([sys.executable, str(MAKE), "--out-dir", tmp], check=True,
                       capture_output=True)
        doc = json.loads((Path(tmp) / "big.json").read_text("utf-8"))
        m = build_map(doc)
        data = argmap.to_xml(m)
        path = Path(tmp) / "big.aif.xml"
        path.write_bytes(data)
        tree = etree.fromstring(data)
        t_dump = best(lambda: argmap.to_xml(m))
        t_bare_dump = best(lambda: etree.tostring(tree, xml_declaration=True, encoding="UTF-8",
                                                  pretty_print=True))
        t_load = best(lambda: argmap.from_xml(data))
        t_bare_parse = best(lambda: etree.fromstring(data))
        t_bare_walk = best(lambda: bare_walk(data))
        base, peak = peak_rss_mb(path)
        assert argmap.from_xml(data) == m
    print(f"workload: {len(m.nodes)} nodes, {len(m.edges)} edges, AIF-XML {len(data) / 1e6:.1f} MB")
    print(f"to_xml            {t_dump * 1000:8.1f} ms   bare tostring        "
          f"{t_bare_dump * 1000:8.1f} ms   ratio {t_dump / t_bare_dump:5.2f}x")
    print(f"from_xml          {t_load * 1000:8.1f} ms   bare parse+walk      "
          f"{t_bare_walk * 1000:8.1f} ms   ratio {t_load / t_bare_walk:5.2f}x")
    print(f"                                  bare parse only      {t_bare_parse * 1000:8.1f} ms"
          f"   ratio {t_load / t_bare_parse:5.2f}x")
    print(f"peak RSS loading: {peak:.0f} MB (interpreter + imports {base:.0f} MB, "
          f"load adds {peak - base:.0f} MB)")
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"this benchmark process, max RSS: {rss:.0f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
