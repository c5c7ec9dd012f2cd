/* argmap reader view.  Every text from the map reaches the page through textContent or
   createTextNode, never as markup; nothing is fetched. */
(function () {
  "use strict";
  var SVGNS = "http://www.w3.org/2000/svg";
  var D = JSON.parse(document.getElementById("argmap-data").textContent);
  var N = D.nodes, E = D.edges, P = D.people || [];
  var n = N.length;
  var succ = [], pred = [], i;
  for (i = 0; i < n; i++) { succ.push([]); pred.push([]); }
  E.forEach(function (e) { succ[e[0]].push(e[1]); pred[e[1]].push(e[0]); });

  var ROLE = {
    main: "main claim", claim: "claim", evidence: "evidence", conceded: "conceded",
    reported: "reported speech", implicit: "implicit premise", L: "locution",
    RA: "inference", CA: "conflict", MA: "rephrase", PA: "preference",
    YA: "illocution", TA: "transition", unknown: "other node"
  };
  var KIND = { I: "proposition", RA: "inference (RA)", CA: "conflict (CA)", MA: "rephrase (MA)",
    PA: "preference (PA)", L: "locution (L)", YA: "illocution (YA)", TA: "transition (TA)",
    "?": "node of an unmodelled type" };

  function h(tag, attrs) {
    var el = document.createElement(tag), k, c;
    if (attrs) for (k in attrs) if (Object.prototype.hasOwnProperty.call(attrs, k)) {
      if (k === "text") el.textContent = attrs[k];
      else if (k === "cls") el.className = attrs[k];
      else el.setAttribute(k, attrs[k]);
    }
    for (c = 2; c < arguments.length; c++) add(el, arguments[c]);
    return el;
  }
  function add(el, child) {
    if (child === null || child === undefined) return;
    if (Array.isArray(child)) { child.forEach(function (x) { add(el, x); }); return; }
    /* A string from the map goes in a <bdi>, so that a right-to-left mark in it
       cannot reorder the page's own words around it. */
    el.appendChild(typeof child === "string" ? h("bdi", { text: child }) : child);
  }
  function s(tag, attrs) {
    var el = document.createElementNS(SVGNS, tag), k;
    for (k in attrs) if (Object.prototype.hasOwnProperty.call(attrs, k)) el.setAttribute(k, attrs[k]);
    return el;
  }
  function person(k) { return k === null || k === undefined || !P[k] ? "unknown speaker" : P[k].name; }
  function short(t, len) {
    /* By characters, not UTF-16 units: never half of a character outside the BMP. */
    var cs = Array.from(t || "");
    return cs.length > len ? cs.slice(0, len - 1).join("") + "…" : cs.join("");
  }
  function isProp(k) { return N[k].k === "I"; }

  /* ---------------------------------------------------------------- page skeleton */
  var title = D.title || "Argument map";
  document.title = title;
  var layerSel = h("select", { id: "f-layer", "aria-label": "Layer" },
    h("option", { value: "argument", text: "Argument layer" }),
    h("option", { value: "dialogue", text: "Argument + dialogue" }));
  layerSel.value = D.view === "dialogue" ? "dialogue" : "argument";
  var spkSel = h("select", { id: "f-speaker", "aria-label": "Speaker" },
    h("option", { value: "", text: "All speakers" }));
  P.forEach(function (p, k) { spkSel.appendChild(h("option", { value: String(k), text: p.name })); });
  if (!P.length) spkSel.disabled = true;
  var stSel = h("select", { id: "f-status", "aria-label": "Status" },
    h("option", { value: "", text: D.sem ? "Any status (" + D.sem + ")" : "Not evaluated" }));
  ["IN", "OUT", "UNDEC"].forEach(function (x) { stSel.appendChild(h("option", { value: x, text: x })); });
  if (!D.sem) stSel.disabled = true;
  var meta = h("div", { cls: "meta" });
  (D.meta || []).forEach(function (m) { meta.appendChild(h("span", { text: m[0] + ": " + m[1] })); });
  var header = h("header", { cls: "bar" }, h("h1", { text: title }),
    h("label", { "for": "f-layer", text: "Show" }), layerSel,
    h("label", { "for": "f-speaker", text: "Speaker" }), spkSel,
    h("label", { "for": "f-status", text: "Status" }), stSel, meta);

  var textPane, unitItems = [], search = null;
  var spanEls = []; /* node index -> span elements */
  for (i = 0; i < n; i++) spanEls.push([]);
  if (D.text !== undefined && D.text !== null) {
    textPane = h("section", { cls: "text", id: "text", "aria-label": "Source text" });
    D.paras.forEach(function (para) {
      var p = h("p"), lastWho = null;
      para.forEach(function (seg) {
        var words = D.text.slice(seg[0], seg[1]), ids = seg[2];
        if (!ids.length) { p.appendChild(document.createTextNode(words)); return; }
        var best = pickUnit(ids);
        var el = h("span", { cls: "u r-" + N[best].r, tabindex: "0", role: "button",
          "data-node": String(best), title: ROLE[N[best].r] + ": " + short(N[best].t, 80) });
        var rep = repSpeaker(ids, seg[0]);
        /* a speaker is named once for a run of their words in a paragraph */
        if (rep !== null && rep !== lastWho) p.appendChild(h("span", { cls: "who", text: rep }));
        if (rep !== null) lastWho = rep;
        else if (N[best].r !== "reported") lastWho = null;
        el.appendChild(document.createTextNode(words));
        el._ids = ids;
        ids.forEach(function (k) { spanEls[k].push(el); });
        p.appendChild(el);
      });
      textPane.appendChild(p);
    });
    var implicit = [];
    for (i = 0; i < n; i++) if (N[i].r === "implicit") implicit.push(i);
    if (implicit.length) {
      var ul = h("ul");
      implicit.forEach(function (k) {
        var li = h("li", null, h("button", { cls: "ref u r-implicit", "data-node": String(k),
          text: N[k].t }));
        spanEls[k].push(li.firstChild);
        li.firstChild._ids = [k];
        ul.appendChild(li);
      });
      textPane.appendChild(h("div", { cls: "implicit-list" },
        h("h2", { text: "Implicit premises (reconstructed, not in the text)" }), ul));
    }
  } else {
    textPane = h("section", { cls: "units", id: "units", "aria-label": "Units" });
    search = h("input", { type: "search", id: "f-search", placeholder: "Search units…",
      "aria-label": "Search units" });
    var list = h("ul", { id: "unit-list" });
    for (i = 0; i < n; i++) {
      if (N[i].k !== "I" && N[i].k !== "L") continue;
      var li = h("li", { tabindex: "0", role: "button", "data-node": String(i) },
        h("span", { cls: "badge", text: ROLE[N[i].r] || N[i].k }), N[i].t);
      li._ids = [i];
      spanEls[i].push(li);
      unitItems.push(li);
      list.appendChild(li);
    }
    textPane.appendChild(h("h2", { text: "Units (" + unitItems.length + "); this map has no source text" }));
    textPane.appendChild(search);
    textPane.appendChild(list);
  }

  /* Which unit a click on overlapping spans opens: a proposition before a locution,
     and the main claim before a plain one. */
  function pickUnit(ids) {
    var rank = { main: 0, conceded: 1, evidence: 2, claim: 2, reported: 3, L: 5 };
    var best = ids[0];
    ids.forEach(function (k) {
      var a = rank[N[k].r] !== undefined ? rank[N[k].r] : 4;
      var b = rank[N[best].r] !== undefined ? rank[N[best].r] : 4;
      if (a < b) best = k;
    });
    return best;
  }
  /* The speaker label shown where reported speech begins: a quoted locution's words,
     or the paraphrase of what someone said. */
  function repSpeaker(ids, start) {
    for (var j = 0; j < ids.length; j++) {
      var x = N[ids[j]];
      if (x.r !== "reported" || !x.sp || !x.sp.some(function (r) { return r[0] === start; })) continue;
      if (x.k === "L") return person(x.spk);
      if (x.by && x.by.length) return person(x.by[0][0]);
    }
    return null;
  }

  var svg = s("svg", { id: "map", role: "group", "aria-label": "Argument map; drag to pan, wheel or +/- to zoom",
    tabindex: "0" });
  var defs = s("defs", {});
  [["support", "#3a3a3a"], ["attack", "#D55E00"], ["pref", "#9a7a00"], ["rephrase", "#888"],
   ["speech", "#a3577f"]].forEach(function (m) {
    var mk = s("marker", { id: "ah-" + m[0], viewBox: "0 0 10 10", refX: "9", refY: "5",
      markerWidth: "9", markerHeight: "9", markerUnits: "userSpaceOnUse", orient: "auto-start-reverse" });
    mk.appendChild(s("path", { d: "M0,0 L10,5 L0,10 z", fill: m[1] }));
    defs.appendChild(mk);
  });
  svg.appendChild(defs);
  var vp = s("g", { id: "viewport" });
  var edgeLayer = s("g", {}), nodeLayer = s("g", {});
  vp.appendChild(edgeLayer); vp.appendChild(nodeLayer);
  svg.appendChild(vp);
  var zoomBox = h("div", { cls: "zoom" },
    h("button", { type: "button", id: "zoom-in", "aria-label": "Zoom in", text: "+" }),
    h("button", { type: "button", id: "zoom-out", "aria-label": "Zoom out", text: "−" }),
    h("button", { type: "button", id: "zoom-fit", "aria-label": "Fit map", text: "Fit" }));
  var mapPane = h("section", { cls: "map", id: "map-pane", "aria-label": "Map" }, svg, zoomBox);
  var panel = h("aside", { cls: "panel", id: "panel", "aria-live": "polite", "aria-label": "Selected unit" });
  var legend = h("div", { cls: "legend", "aria-label": "Key" });
  ["main", "claim", "evidence", "conceded", "reported", "implicit"].forEach(function (r) {
    legend.appendChild(h("span", { cls: "u r-" + r, text: ROLE[r] }));
  });
  legend.appendChild(document.createTextNode(
    " · map: grey arrows support, orange-red arrows attack, dashed gold preference; " +
    "keys: Tab/Enter select, n/p next/previous unit, arrows pan, +/− zoom, 0 fit, Esc clear"));
  document.body.appendChild(header);
  document.body.appendChild(h("main", { cls: "panes" }, textPane, mapPane, panel));
  document.body.appendChild(legend);

  /* -------------------------------------------------------------------- the map */
  var nodeEls = [], edgeEls = [];
  function edgeStyle(a, b) {
    var ka = N[a].k, kb = N[b].k;
    if (ka === "CA" || kb === "CA") return "attack";
    if (ka === "PA" || kb === "PA") return "pref";
    if (ka === "MA" || kb === "MA") return "rephrase";
    if (ka === "YA" || kb === "YA" || ka === "TA" || kb === "TA") return "speech";
    return "support";
  }
  for (i = 0; i < n; i++) {
    var x = N[i];
    var g = s("g", { "class": "node r-" + x.r + (x.st ? " st-" + x.st : ""), tabindex: "-1",
      role: "button", "data-node": String(i) });
    var label = (ROLE[x.r] || x.k);
    if (x.k === "I" && x.et) label += " · " + x.et;
    if (x.k === "L" || (x.r === "reported" && x.by)) {
      var spk = x.k === "L" ? x.spk : (x.by[0] ? x.by[0][0] : null);
      label = person(spk) + (x.r === "reported" ? " (reported)" : "");
    }
    if (x.k === "CA" && x.ck && x.ck !== "other") label = x.ck;
    g.appendChild(s("rect", { width: x.w, height: x.h, rx: x.k === "I" || x.k === "L" ? 6 : 14 }));
    var tip = s("title", {});
    tip.textContent = (ROLE[x.r] || x.k) + ": " + x.t;
    g.appendChild(tip);
    g._label = label;
    nodeEls.push(g);
    nodeLayer.appendChild(g);
  }
  /* Laying out SVG text is what costs most in a big map, so a node gets its words only
     once it is on screen at a readable scale (see detail()). */
  function fill(k) {
    var x = N[k], g = nodeEls[k];
    g._filled = true;
    var kindT = s("text", { "class": "kind", x: 8, y: 13 });
    kindT.textContent = g._label.toUpperCase();
    g.appendChild(kindT);
    if (x.st) {
      var stT = s("text", { "class": "status st-" + x.st, x: x.w - 6, y: 13, "text-anchor": "end" });
      stT.textContent = x.st;
      g.appendChild(stT);
    }
    var body = s("text", { x: 8, y: 28 });
    x.ln.forEach(function (line, j) {
      var ts = s("tspan", { x: 8, dy: j ? 15 : 0 });
      ts.textContent = line;
      body.appendChild(ts);
    });
    g.appendChild(body);
  }
  var MIN_READABLE = 0.3, detailQueued = false, viewW = 800, viewH = 600;
  function detail() {
    detailQueued = false;
    if (T.k < MIN_READABLE) return;
    var x0 = -T.x / T.k - 50, y0 = -T.y / T.k - 50, x1 = x0 + viewW / T.k + 100, y1 = y0 + viewH / T.k + 100;
    for (var k = 0; k < n; k++) {
      if (nodeEls[k]._filled) continue;
      var p = posOf(k);
      if (p && p[0] < x1 && p[0] + N[k].w > x0 && p[1] < y1 && p[1] + N[k].h > y0) fill(k);
    }
  }
  function fillAll() { for (var k = 0; k < n; k++) if (!nodeEls[k]._filled) fill(k); }
  E.forEach(function (e) {
    var st = edgeStyle(e[0], e[1]);
    var p = s("path", { "class": "e e-" + st, "marker-end": "url(#ah-" + st + ")" });
    edgeEls.push(p);
    edgeLayer.appendChild(p);
  });

  var layer = layerSel.value, bounds = { x: 0, y: 0, w: 1, h: 1 };
  function posOf(k) { return layer === "argument" ? N[k].pa : N[k].pd; }
  function place() {
    /* bounds: of the nodes the filters leave, so that "fit" shows just them */
    var x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
    for (var k = 0; k < n; k++) {
      var p = posOf(k);
      if (!p) continue;
      nodeEls[k].setAttribute("transform", "translate(" + p[0] + "," + p[1] + ")");
      if (visible[k] === false) continue;
      x0 = Math.min(x0, p[0]); y0 = Math.min(y0, p[1]);
      x1 = Math.max(x1, p[0] + N[k].w); y1 = Math.max(y1, p[1] + N[k].h);
    }
    bounds = x0 === Infinity ? { x: 0, y: 0, w: 1, h: 1 } : { x: x0, y: y0, w: x1 - x0, h: y1 - y0 };
    E.forEach(function (e, j) {
      var a = posOf(e[0]), b = posOf(e[1]);
      if (!a || !b) return;
      var ax = a[0] + N[e[0]].w / 2, bx = b[0] + N[e[1]].w / 2, ay, by;
      if (a[1] >= b[1] + N[e[1]].h) { ay = a[1]; by = b[1] + N[e[1]].h; }       /* upwards */
      else if (a[1] + N[e[0]].h <= b[1]) { ay = a[1] + N[e[0]].h; by = b[1]; }  /* downwards */
      else { ay = a[1] + N[e[0]].h / 2; by = b[1] + N[e[1]].h / 2;
        ax = a[0] < b[0] ? a[0] + N[e[0]].w : a[0]; bx = a[0] < b[0] ? b[0] : b[0] + N[e[1]].w; }
      var my = (ay + by) / 2;
      edgeEls[j].setAttribute("d", "M" + ax + "," + ay + " C" + ax + "," + my + " " + bx + "," + my +
        " " + bx + "," + by);
    });
  }

  /* pan and zoom: a translate + scale on the viewport group */
  var T = { x: 20, y: 20, k: 1 };
  function apply() {
    vp.setAttribute("transform", "translate(" + T.x + "," + T.y + ") scale(" + T.k + ")");
    if (!detailQueued) { detailQueued = true; requestAnimationFrame(detail); }
  }
  function measure() {
    var r = svg.getBoundingClientRect();
    viewW = r.width || 800; viewH = r.height || 600;
    return r;
  }
  function fit() {
    measure();
    var W = viewW, H = viewH;
    T.k = Math.max(0.05, Math.min(1.2, (W - 40) / bounds.w, (H - 40) / bounds.h));
    if (T.k < 0.3) T.k = Math.min(0.3, (W - 40) / bounds.w * 4);
    T.x = Math.max(20, (W - bounds.w * T.k) / 2) - bounds.x * T.k; T.y = 20 - bounds.y * T.k;
    apply();
  }
  function zoomAt(f, cx, cy) {
    var k = Math.max(0.03, Math.min(4, T.k * f));
    T.x = cx - (cx - T.x) * (k / T.k); T.y = cy - (cy - T.y) * (k / T.k); T.k = k; apply();
  }
  function centreOn(k) {
    var p = posOf(k); if (!p) return;
    var r = measure();
    if (T.k < 0.6) T.k = 0.8;
    T.x = r.width / 2 - (p[0] + N[k].w / 2) * T.k; T.y = r.height / 2 - (p[1] + N[k].h / 2) * T.k;
    apply();
  }
  var drag = null;
  svg.addEventListener("pointerdown", function (ev) {
    if (ev.button !== 0) return;
    drag = { x: ev.clientX, y: ev.clientY, tx: T.x, ty: T.y, moved: false };
  });
  svg.addEventListener("pointermove", function (ev) {
    if (!drag) return;
    var dx = ev.clientX - drag.x, dy = ev.clientY - drag.y;
    if (!drag.moved && Math.abs(dx) + Math.abs(dy) < 4) return;
    if (!drag.moved) { drag.moved = true; svg.classList.add("dragging"); svg.setPointerCapture(ev.pointerId); }
    T.x = drag.tx + dx; T.y = drag.ty + dy; apply();
  });
  function endDrag(ev) {
    if (drag && drag.moved) { svg.classList.remove("dragging"); drag.justMoved = true; }
    var d = drag; drag = null;
    if (d && d.moved && ev && ev.pointerId !== undefined && svg.hasPointerCapture(ev.pointerId))
      svg.releasePointerCapture(ev.pointerId);
    return d;
  }
  var lastDrag = null;
  svg.addEventListener("pointerup", function (ev) { lastDrag = endDrag(ev); });
  svg.addEventListener("pointercancel", function (ev) { endDrag(ev); });
  svg.addEventListener("wheel", function (ev) {
    ev.preventDefault();
    var r = svg.getBoundingClientRect();
    zoomAt(ev.deltaY < 0 ? 1.15 : 1 / 1.15, ev.clientX - r.left, ev.clientY - r.top);
  }, { passive: false });
  svg.addEventListener("click", function (ev) {
    if (lastDrag && lastDrag.moved) { lastDrag = null; return; }
    var g = ev.target.closest ? ev.target.closest(".node") : null;
    if (g) select(+g.getAttribute("data-node"), "map");
  });
  svg.addEventListener("keydown", function (ev) {
    var r = svg.getBoundingClientRect(), step = 60;
    var keys = { ArrowLeft: [step, 0], ArrowRight: [-step, 0], ArrowUp: [0, step], ArrowDown: [0, -step] };
    if (keys[ev.key]) { T.x += keys[ev.key][0]; T.y += keys[ev.key][1]; apply(); ev.preventDefault(); }
    else if (ev.key === "+" || ev.key === "=") zoomAt(1.25, r.width / 2, r.height / 2);
    else if (ev.key === "-") zoomAt(0.8, r.width / 2, r.height / 2);
    else if (ev.key === "0") fit();
    else if ((ev.key === "Enter" || ev.key === " ") && ev.target.classList &&
             ev.target.classList.contains("node")) {
      select(+ev.target.getAttribute("data-node"), "map"); ev.preventDefault();
    }
  });
  document.getElementById("zoom-in").addEventListener("click", function () {
    var r = svg.getBoundingClientRect(); zoomAt(1.25, r.width / 2, r.height / 2); });
  document.getElementById("zoom-out").addEventListener("click", function () {
    var r = svg.getBoundingClientRect(); zoomAt(0.8, r.width / 2, r.height / 2); });
  document.getElementById("zoom-fit").addEventListener("click", fit);

  /* ---------------------------------------------------------------- filters */
  var visible = [];
  function applyFilters() {
    layer = layerSel.value;
    var who = spkSel.value === "" ? null : +spkSel.value, st = stSel.value || null;
    var k, primary = [];
    for (k = 0; k < n; k++) {
      var x = N[k], ok = layer === "dialogue" || x.ly === "a";
      var prim = x.k === "I" || x.k === "L" || x.k === "?";
      if (ok && prim && who !== null) {
        var sp = speakersOf(k);
        ok = sp.length > 0 && sp.indexOf(who) >= 0;
      }
      if (ok && prim && st !== null) ok = x.st === st;
      primary.push(prim);
      visible[k] = ok;
    }
    /* S-nodes stay when they join at least one shown unit (and their layer is shown). */
    for (k = 0; k < n; k++) {
      if (primary[k] || !visible[k] || (who === null && st === null)) continue;
      var keep = false, nb = succ[k].concat(pred[k]);
      for (var j = 0; j < nb.length && !keep; j++) keep = primary[nb[j]] && visible[nb[j]];
      if (who !== null && N[k].arg && N[k].arg.length) keep = N[k].arg.indexOf(who) >= 0;
      visible[k] = keep;
    }
    for (k = 0; k < n; k++) nodeEls[k].classList.toggle("hidden", !visible[k] || !posOf(k));
    E.forEach(function (e, j) {
      edgeEls[j].classList.toggle("hidden", !(visible[e[0]] && visible[e[1]] && posOf(e[0]) && posOf(e[1])));
    });
    document.querySelectorAll("[data-node]").forEach(function (el) {
      if (!el._ids) return;
      var on = el._ids.some(function (k2) { return visible[k2]; });
      if (el.classList.contains("u")) el.classList.toggle("off", !on);
      if (el.tagName === "LI") el.classList.toggle("hidden", !on || !matches(el));
      el.setAttribute("tabindex", on ? "0" : "-1");
    });
    place();
  }
  function speakersOf(k) {
    var x = N[k];
    if (x.k === "L") return x.spk === undefined || x.spk === null ? [] : [x.spk];
    var out = [];
    (x.by || []).forEach(function (b) { if (b[0] !== null && out.indexOf(b[0]) < 0) out.push(b[0]); });
    return out;
  }
  function matches(li) {
    if (!search || !search.value) return true;
    return li.textContent.toLowerCase().indexOf(search.value.toLowerCase()) >= 0;
  }
  layerSel.addEventListener("change", function () { applyFilters(); fit(); });
  spkSel.addEventListener("change", function () { applyFilters(); fit(); });
  stSel.addEventListener("change", function () { applyFilters(); fit(); });
  if (search) search.addEventListener("input", applyFilters);

  /* ---------------------------------------------------------------- selection */
  var current = null;
  function select(k, from) {
    if (current !== null) {
      nodeEls[current].classList.remove("sel");
      spanEls[current].forEach(function (el) { el.classList.remove("sel"); });
      edgeEls.forEach(function (p) { p.classList.remove("sel"); });
    }
    current = k;
    if (k === null) { showPanel(null); return; }
    nodeEls[k].classList.add("sel");
    E.forEach(function (e, j) { if (e[0] === k || e[1] === k) edgeEls[j].classList.add("sel"); });
    spanEls[k].forEach(function (el) { el.classList.add("sel"); });
    if (from !== "text" && spanEls[k].length) spanEls[k][0].scrollIntoView({ block: "center" });
    if (from !== "map") centreOn(k);
    if (from === "map") nodeEls[k].focus({ preventScroll: true });
    showPanel(k);
  }
  function onTextActivate(ev) {
    var el = ev.target.closest ? ev.target.closest("[data-node]") : null;
    if (!el || !textPane.contains(el) || el.classList.contains("off")) return;
    var k = +el.getAttribute("data-node");
    if (!visible[k]) k = el._ids.filter(function (j) { return visible[j]; })[0];
    if (el._ids && el._ids.length > 1 && current !== null && el._ids.indexOf(current) >= 0) {
      k = el._ids[(el._ids.indexOf(current) + 1) % el._ids.length]; /* cycle through stacked units */
    }
    select(k, "text");
  }
  textPane.addEventListener("click", onTextActivate);
  textPane.addEventListener("keydown", function (ev) {
    if (ev.key === "Enter" || ev.key === " ") { if (ev.target.getAttribute("data-node") !== null) {
      onTextActivate(ev); ev.preventDefault(); } }
  });
  document.addEventListener("keydown", function (ev) {
    if (ev.target && (ev.target.tagName === "INPUT" || ev.target.tagName === "SELECT")) return;
    if (ev.key === "Escape") select(null);
    else if (ev.key === "n" || ev.key === "p") {
      var order = [];
      for (var k = 0; k < n; k++) if (visible[k] && (N[k].k === "I" || N[k].k === "L") && posOf(k)) order.push(k);
      /* in reading order: units by where their words start, unanchored ones after */
      order.sort(function (a, b) {
        var sa = N[a].sp ? N[a].sp[0][0] : Infinity, sb = N[b].sp ? N[b].sp[0][0] : Infinity;
        return sa === sb ? a - b : (sa < sb ? -1 : 1);
      });
      if (!order.length) return;
      var at = current === null ? -1 : order.indexOf(current);
      var next = ev.key === "n" ? order[(at + 1) % order.length] : order[(at - 1 + order.length) % order.length];
      select(next, "key");
      (spanEls[next][0] || nodeEls[next]).focus({ preventScroll: true });
    }
  });

  /* -------------------------------------------------------------------- panel */
  function ref(k) {
    var b = h("button", { type: "button", cls: "ref", "data-ref": String(k), text: short(N[k].t, 140) });
    var tag = ROLE[N[k].r] || N[k].k;
    return [h("span", { cls: "badge", text: tag }), N[k].st ? h("span", { cls: "badge st-" + N[k].st, text: N[k].st }) : null, b];
  }
  panel.addEventListener("click", function (ev) {
    var b = ev.target.closest ? ev.target.closest("[data-ref]") : null;
    if (b) select(+b.getAttribute("data-ref"), "panel");
  });
  function premisesOf(ra) { return pred[ra].filter(function (p) { return N[p].k === "I" || N[p].k === "L"; }); }
  function conclusionOf(ra) { var c = succ[ra].filter(function (x) { return N[x].k !== "PA"; }); return c.length ? c[0] : null; }
  function attackerOf(ca) { var a = pred[ca].filter(function (p) { return N[p].k === "I" || N[p].k === "L" || N[p].k === "RA"; }); return a.length ? a[0] : null; }
  function more(list, x) { if (x !== null && x !== undefined) list.push(x); }
  function section(name, items) {
    if (!items.length) return null;
    return [h("h3", { text: name }), h("ul", null, items.map(function (it) { return h("li", null, it); }))];
  }
  function inferenceLine(ra, withPremises) {
    var prem = premisesOf(ra), concl = conclusionOf(ra), sup = concl === null ? [] :
      pred[concl].filter(function (p) { return N[p].k === "RA"; });
    var tags = [N[ra].sch || N[ra].t];
    tags.push(prem.length > 1 ? "linked (" + prem.length + " premises taken together)" : "single premise");
    if (sup.length > 1) tags.push("convergent with " + (sup.length - 1) + " other inference" + (sup.length > 2 ? "s" : ""));
    var out = [h("button", { type: "button", cls: "ref", "data-ref": String(ra), text: tags.join(" · ") })];
    if (withPremises) out.push(h("ul", null, prem.map(function (p) { return h("li", null, ref(p)); })));
    var under = pred[ra].filter(function (p) { return N[p].k === "CA"; });
    if (under.length) out.push(h("ul", null, under.map(function (ca) {
      var a = attackerOf(ca);
      return h("li", null, h("span", { cls: "badge", text: "undercut by" }), a !== null ? ref(a) : "(no attacker)");
    })));
    var cq = N[ra].cq;
    if (cq === null) out.push(h("div", { cls: "hint", text: "scheme not in the catalogue: no critical questions known" }));
    else if (cq && cq.length) out.push(h("div", { cls: "cq" }, "Open critical questions:",
      h("ul", null, cq.map(function (q) { return h("li", { text: q }); }))));
    else if (cq) out.push(h("div", { cls: "hint", text: "every critical question answered" }));
    return out;
  }
  function showPanel(k) {
    panel.textContent = "";
    if (k === null) {
      add(panel, [h("h2", { text: "Nothing selected" }),
        h("p", { cls: "hint", text: "Click or focus a highlighted span, a unit or a map node to see its premises, " +
          "the inferences it supports, what attacks it and how" + (D.sem ? ", and its status." : ".") })]);
      return;
    }
    var x = N[k], parts = [];
    parts.push(h("h2", null, h("span", { cls: "badge", text: ROLE[x.r] || x.k }),
      x.st ? h("span", { cls: "badge st-" + x.st, text: x.st }) : null));
    parts.push(h("div", { cls: "quote", id: "panel-text", text: x.t }));
    var kind = KIND[x.k] || x.k;
    if (x.k === "I") kind = x.et ? "evidence (" + x.et + ")" : (x.r === "implicit" ? "claim, implicit (reconstructed)" : "claim");
    var facts = [h("span", null, "Kind: " + kind)];
    if (x.r === "main") facts.push("A main claim of the text");
    if (x.st) facts.push(h("span", null, "Status under " + D.sem + " semantics: ", h("b", { text: x.st })));
    if (x.k === "L") facts.push("Said by " + person(x.spk) + (x.at ? " (" + x.at + ")" : ""));
    if (x.k === "CA" && x.ck) facts.push("Attack: " + x.ck);
    if (x.arg && x.arg.length) facts.push("Argued by " + x.arg.map(person).join(", "));
    more(parts, section("About", facts));
    more(parts, section("Said by", (x.by || []).map(function (b) {
      var loc = N[b[2]];
      return person(b[0]) + " — " + String(b[1]).toLowerCase() + (loc.r === "reported" ? " (reported speech)" : "");
    })));
    var sup = pred[k].filter(function (p) { return N[p].k === "RA"; });
    if (x.k === "I" || x.k === "L") {
      more(parts, section("Premises (why)", sup.map(function (ra) { return inferenceLine(ra, true); })));
      more(parts, section("Supports", succ[k].filter(function (r) { return N[r].k === "RA"; }).map(function (ra) {
        var c = conclusionOf(ra);
        return [c !== null ? ref(c) : "(no conclusion)", h("div", null, inferenceLine(ra, false))];
      })));
      more(parts, section("Attacked by", pred[k].filter(function (p) { return N[p].k === "CA"; }).map(function (ca) {
        var a = attackerOf(ca);
        return [h("span", { cls: "badge", text: N[ca].ck || "attack" }), a !== null ? ref(a) : "(no attacker)"];
      })));
      more(parts, section("Attacks", succ[k].filter(function (c) { return N[c].k === "CA"; }).map(function (ca) {
        var t = succ[ca][0];
        return [h("span", { cls: "badge", text: N[ca].ck || "attack" }), t !== undefined ? ref(t) : "(no target)"];
      })));
      more(parts, section("Rephrases", pred[k].concat(succ[k]).filter(function (m) { return N[m].k === "MA"; }).map(function (ma) {
        var other = pred[ma].concat(succ[ma]).filter(function (o) { return o !== k && N[o].k !== "YA"; });
        return [h("span", { cls: "badge", text: pred[ma].indexOf(k) >= 0 ? "restated as" : "restates" }),
          other.length ? ref(other[0]) : "(nothing)"];
      })));
    }
    if (x.k === "RA") {
      more(parts, section("Inference", [inferenceLine(k, false)]));
      more(parts, section("Premises", premisesOf(k).map(ref)));
      var c = conclusionOf(k);
      more(parts, section("Conclusion", c !== null ? [ref(c)] : []));
    }
    if (x.k === "CA") {
      var a = attackerOf(k), t = succ[k][0];
      more(parts, section("Attacker", a !== null ? [ref(a)] : []));
      more(parts, section("Target (" + (x.ck || "attack") + ")", t !== undefined ? [ref(t)] : []));
    }
    if (x.k === "L") {
      more(parts, section("Anchors", succ[k].filter(function (y) { return N[y].k === "YA"; }).map(function (ya) {
        return succ[ya].map(function (c) { return [h("span", { cls: "badge", text: N[ya].t }), ref(c)]; });
      }).reduce(function (acc, v) { return acc.concat(v); }, [])));
    }
    var prefs = [];
    pred[k].concat(succ[k]).forEach(function (pa) {
      if (N[pa].k !== "PA") return;
      var better = pred[pa].filter(function (p) { return N[p].k !== "YA"; })[0], worse = succ[pa][0];
      if (better === k && worse !== undefined) prefs.push([h("span", { cls: "badge", text: "preferred to" }), ref(worse)]);
      else if (worse === k && better !== undefined) prefs.push([h("span", { cls: "badge", text: "less preferred than" }), ref(better)]);
    });
    more(parts, section("Preferences", prefs));
    if (x.k !== "I" && x.k !== "L" && x.k !== "RA" && x.k !== "CA") {
      more(parts, section("From", pred[k].map(ref)));
      more(parts, section("To", succ[k].map(ref)));
    }
    more(parts, h("p", { cls: "hint", text: "id: " + x.id }));
    add(panel, parts);
  }

  /* -------------------------------------------------------------------- start */
  applyFilters();
  fit();
  showPanel(null);
  if (D.focus !== null && D.focus !== undefined) select(D.focus, "start");
  /* Keyboard users reach map nodes by Tab once the map has focus. */
  svg.addEventListener("focus", function () {
    nodeEls.forEach(function (g, k) { g.setAttribute("tabindex", visible[k] ? "0" : "-1"); });
  }, { once: true });
  window.addEventListener("resize", function () { measure(); apply(); });
  /* Printing shows the whole map, so every node needs its words. */
  window.addEventListener("beforeprint", function () { fillAll(); fit(); });
  if (window.performance && performance.mark) performance.mark("argmap-ready");
  document.documentElement.setAttribute("data-argmap-ready", "1");
})();
