// The explorer's script. It reasons about no date of the history: every answer comes from the
// library's resolved timelines (embedded as JSON), found by bisecting the change points.
// Text is only ever set with textContent, so curator text stays text.
(function () {
  "use strict";

  const DATA = JSON.parse(document.getElementById("explorer-data").textContent);
  const T = DATA.timelines;
  const FIRST = DATA.range[0];
  const LAST = DATA.range[1];
  const MS_PER_DAY = 86400000;
  const FUNCTIONS = ["supervision", "promotion"];
  const SVG = "http://www.w3.org/2000/svg";
  const TYPES = new Map(DATA.types.map(function (t) { return [t.id, t]; }));
  const state = { on: LAST, lang: "en", type: "", q: "", kind: "", body: "", fn: "supervision" };
  const $ = function (id) { return document.getElementById(id); };

  // --- days: numbers of days since 1970-01-01, as in the data ------------------------------

  function iso(day) {
    return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
  }

  function parseDay(text) {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text || "");
    if (!m) return null;
    const time = Date.UTC(+m[1], +m[2] - 1, +m[3]);
    const date = new Date(time);
    if (date.getUTCMonth() !== +m[2] - 1 || date.getUTCDate() !== +m[3]) return null;
    return Math.round(time / MS_PER_DAY);
  }

  function clamp(day) {
    return Math.min(LAST, Math.max(FIRST, day));
  }

  function addMonths(day, months) {
    const d = new Date(day * MS_PER_DAY);
    const y = d.getUTCFullYear();
    const m = d.getUTCMonth() + months;
    const last = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
    return clamp(Math.round(Date.UTC(y, m, Math.min(d.getUTCDate(), last)) / MS_PER_DAY));
  }

  function longDay(day) {
    const text = new Date(day * MS_PER_DAY).toLocaleDateString(state.lang === "es" ? "es-PE" : "en-GB", {
      timeZone: "UTC", day: "numeric", month: "long", year: "numeric",
    });
    return text + " (" + iso(day) + ")";
  }

  // --- looking a day up ---------------------------------------------------------------------

  function stateIndex(typeId, fn, day) {
    const points = T.points[typeId][fn];
    let low = 0;
    let high = points.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (points[mid][0] <= day) low = mid + 1; else high = mid;
    }
    return points[Math.max(0, low - 1)][1];
  }

  const CHANGES = (function () {
    const days = new Set();
    Object.keys(T.points).forEach(function (typeId) {
      FUNCTIONS.forEach(function (fn) {
        T.points[typeId][fn].forEach(function (p) { if (p[0] > FIRST) days.add(p[0]); });
      });
    });
    return Array.from(days).sort(function (a, b) { return a - b; });
  })();

  // --- building elements ----------------------------------------------------------------------

  function el(tag, attrs, children) {
    const node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    (children || []).forEach(function (c) {
      node.appendChild(typeof c === "string" ? document.createTextNode(c) : c);
    });
    return node;
  }

  function label(key) {
    return DATA.labels[state.lang][key];
  }

  function name(index) {
    return T.names[index][state.lang === "es" ? 1 : 0];
  }

  function pick(pair) {
    return pair[state.lang === "es" ? 1 : 0];
  }

  function swatch(bodyId) {
    const colour = DATA.colours[bodyId];
    return el("span", { class: "swatch", "aria-hidden": "true", style: "background:" + (colour ? colour[0] : "#fff") });
  }

  function cell(s) {
    const parts = [];
    if (!s.b.length && !s.p.length) {
      return [el("p", { class: "nobody" }, [label("nobody")])];
    }
    parts.push(el("p", { class: s.k ? "status certain" : "status uncertain" }, [label(s.k ? "certain" : "not_certain")]));
    const holders = s.b.map(function (b) {
      const children = [swatch(b[0]), el("span", { class: "name" }, [name(b[1])])];
      if (b[2].length) {
        const names = [];
        b[2].forEach(function (n, i) {
          if (i) names.push(", ");
          names.push(el("span", { class: "delegator" }, [name(n)]));
        });
        children.push(el("span", { class: "for" }, [" " + label("on_behalf_of") + " "].concat(names)));
      }
      return el("li", { class: "holder certain", "data-body": b[0] }, children);
    }).concat(s.p.map(function (p) {
      return el("li", { class: "holder possible", "data-body": p[0] }, [
        swatch(p[0]), el("em", { class: "possibly" }, [label("possibly")]), " ", el("span", { class: "name" }, [name(p[1])]),
      ]);
    }));
    parts.push(el("ul", { class: "holders" }, holders));
    if (s.l.length) {
      const laws = [el("span", { class: "what" }, [label(s.l.length > 1 ? "laws" : "law") + ": "])];
      s.l.forEach(function (id, i) {
        if (i) laws.push("; ");
        laws.push(el("span", { class: "law" }, [pick(DATA.laws[id])]));
      });
      parts.push(el("p", { class: "laws" }, laws));
    }
    if (s.s.length) {
      const cites = [el("span", { class: "what" }, [label("sources") + ": "])];
      s.s.forEach(function (index, i) {
        if (i) cites.push("; ");
        const c = T.citations[index];
        cites.push(el("a", { class: "cite", href: "#source-" + c[0] }, [c[1]]));
      });
      parts.push(el("p", { class: "cites" }, cites));
    }
    if (s.x.length) {
      const items = s.x.map(function (id) {
        const c = DATA.conflicts[id];
        return el("li", {}, [
          el("a", { class: "conflict-link", href: "#conflict-" + id }, [c.title]),
          " (" + label(c.settled ? "settled" : "unsettled") + ")",
        ]);
      });
      parts.push(el("div", { class: "conflicts" }, [
        el("p", { class: "what" }, [label("disagreement") + ":"]), el("ul", {}, items),
      ]));
    }
    return parts;
  }

  // --- the day table ------------------------------------------------------------------------

  const ROWS = Array.from(document.querySelectorAll("#day-table tbody tr")).map(function (tr) {
    return { tr: tr, type: tr.dataset.type, cells: FUNCTIONS.map(function (fn) {
      return { td: tr.querySelector('td[data-function="' + fn + '"]'), fn: fn, shown: null };
    }) };
  });

  function renderTable() {
    ROWS.forEach(function (row) {
      row.tr.classList.toggle("chosen", row.type === state.type);
      row.cells.forEach(function (c) {
        const index = stateIndex(row.type, c.fn, state.on);
        const key = index + state.lang;
        if (c.shown === key) return;
        c.shown = key;
        c.td.replaceChildren.apply(c.td, cell(T.states[index]));
        c.td.setAttribute("data-label", label(c.fn));
      });
    });
    $("day-caption").textContent = label("table_caption").replace("{day}", longDay(state.on));
  }

  // --- the lanes chart ----------------------------------------------------------------------

  const LANE = 46;
  const AXIS = 24;
  const PAD = 8;
  let scale = null;

  function svg(tag, attrs, children) {
    const node = document.createElementNS(SVG, tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    (children || []).forEach(function (c) {
      node.appendChild(typeof c === "string" ? document.createTextNode(c) : c);
    });
    return node;
  }

  function short(index) {
    const full = name(index);
    const cut = full.indexOf(" (");
    return cut > 0 ? full.slice(0, cut) : full;
  }

  function drawLanes() {
    const chart = $("lanes-chart");
    const lanes = DATA.lanes[state.fn];
    const width = Math.max(300, chart.clientWidth);
    const span = (width - 2 * PAD) / (LAST + 1 - FIRST);
    scale = { x: function (day) { return PAD + (day - FIRST) * span; }, day: function (x) { return FIRST + (x - PAD) / span; } };
    const height = AXIS + lanes.length * LANE;
    const root = svg("svg", { width: width, height: height, viewBox: "0 0 " + width + " " + height, role: "img", id: "lanes-svg" });
    root.appendChild(svg("title", {}, [label("lanes_label").replace("{function}", label(state.fn).toLowerCase()).replace("{first}", iso(FIRST)).replace("{last}", iso(LAST))]));
    root.appendChild(svg("defs", {}, [svg("pattern", { id: "hatch", width: 6, height: 6, patternUnits: "userSpaceOnUse", patternTransform: "rotate(45)" }, [
      svg("rect", { width: 3, height: 6, fill: "#FFFFFF", "fill-opacity": "0.75" }),
    ])]));
    const firstYear = new Date(FIRST * MS_PER_DAY).getUTCFullYear();
    const lastYear = new Date(LAST * MS_PER_DAY).getUTCFullYear();
    const step = width < 500 ? 40 : width < 900 ? 20 : 10;
    for (let year = Math.ceil(firstYear / step) * step; year <= lastYear; year += step) {
      const x = scale.x(Math.round(Date.UTC(year, 0, 1) / MS_PER_DAY));
      root.appendChild(svg("line", { x1: x, x2: x, y1: AXIS - 6, y2: height, class: "tick" }));
      root.appendChild(svg("text", { x: x + 2, y: AXIS - 10, class: "tick-label" }, [String(year)]));
    }
    lanes.forEach(function (lane, i) {
      const y = AXIS + i * LANE;
      const group = svg("g", { class: "lane", "data-types": lane.types.join(" ") });
      const laneName = pick(lane.name);
      const room = Math.floor((width - 2 * PAD) / 6.5);
      group.appendChild(svg("text", { x: PAD, y: y + 14, class: "lane-label" }, [
        svg("title", {}, [laneName]), laneName.length > room ? laneName.slice(0, room - 1) + "…" : laneName,
      ]));
      const points = T.points[lane.types[0]][state.fn];
      points.forEach(function (point, j) {
        const s = T.states[point[1]];
        const holders = s.b.concat(s.p);
        if (!holders.length) return;
        const start = point[0];
        const end = j + 1 < points.length ? points[j + 1][0] : LAST + 1;
        const x = scale.x(start);
        const w = Math.max(1, scale.x(end) - x);
        const colour = DATA.colours[holders[0][0]] || ["#FFFFFF", "#000000"];
        const names = holders.map(function (h) { return short(h[1]); }).join(" + ") + (s.k ? "" : "?");
        const bar = svg("g", { class: s.k ? "bar" : "bar uncertain" }, [
          svg("title", {}, [names + ": " + iso(start) + " – " + iso(end - 1)]),
          svg("rect", { x: x, y: y + 18, width: w, height: 22, fill: colour[0], class: "fill" }),
        ]);
        if (!s.k) bar.appendChild(svg("rect", { x: x, y: y + 18, width: w, height: 22, fill: "url(#hatch)" }));
        if (names.length * 7 + 6 < w) {
          bar.appendChild(svg("text", { x: x + 3, y: y + 33, fill: s.k ? colour[1] : "#000000", class: "bar-label" }, [names]));
        }
        group.appendChild(bar);
      });
      root.appendChild(group);
    });
    root.appendChild(svg("line", { id: "lanes-cursor", y1: AXIS - 6, y2: height, class: "cursor" }));
    root.addEventListener("click", function (event) {
      const box = root.getBoundingClientRect();
      setDay(Math.round(scale.day(event.clientX - box.left)));
    });
    chart.replaceChildren(root);
    moveCursor();
    drawKey();
  }

  function moveCursor() {
    const cursor = $("lanes-cursor");
    if (!cursor || !scale) return;
    const x = scale.x(state.on + 0.5);
    cursor.setAttribute("x1", x);
    cursor.setAttribute("x2", x);
  }

  function drawKey() {
    const items = Object.keys(DATA.colours).map(function (id) {
      return el("li", {}, [swatch(id), pick(DATA.bodies[id])]);
    });
    items.push(el("li", {}, [el("span", { class: "swatch hatched", "aria-hidden": "true" }), label("not_certain")]));
    $("lanes-key").replaceChildren.apply($("lanes-key"), items);
  }

  // --- the handover chain ------------------------------------------------------------------

  function drawChain() {
    const items = DATA.handovers.map(function (h) {
      const what = [el("span", { "data-l": h.function }, [label(h.function)]), ": ", both(h.types)];
      if (h.excluding) what.push(" (− ", both(h.excluding), ")");
      const parts = [
        el("time", { datetime: h.day }, [both(h.date)]),
        el("span", { class: "what" }, what),
        el("span", { class: "move" }, [h.from.join(" + ") + " → " + h.to.join(" + ")]),
      ];
      if (h.laws) parts.push(el("span", { class: "laws" }, [both(h.laws)]));
      const button = el("button", { type: "button", class: "handover", "data-day": h.day }, parts);
      button.addEventListener("click", function () { setDay(parseDay(h.day)); });
      return el("li", {}, [button]);
    });
    $("chain").replaceChildren.apply($("chain"), items);
  }

  // Both languages' text, the page's language shown (as the template writes it).
  function both(pair) {
    return el("span", {}, [
      el("span", { class: "l-en", lang: "en" }, [pair[0]]), el("span", { class: "l-es", lang: "es" }, [pair[1]]),
    ]);
  }

  // --- the chronology -----------------------------------------------------------------------

  const ENTRIES = Array.from(document.querySelectorAll("#entries > li"));

  function fold(text) {
    return text.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/\s+/g, " ").trim();
  }

  let searchable = null;

  // What a search looks in: the entry's text in both languages and its bodies' every name.
  function searchText() {
    if (searchable === null) {
      searchable = ENTRIES.map(function (li) {
        const names = li.dataset.bodies.split(" ").map(function (id) { return DATA.body_names[id] || ""; });
        return fold(li.textContent + " " + names.join(" "));
      });
    }
    return searchable;
  }

  function filterEntries() {
    const words = fold(state.q).split(" ").filter(Boolean);
    const texts = words.length ? searchText() : null;
    const related = state.type ? new Set(TYPES.get(state.type).related) : null;
    let shown = 0;
    ENTRIES.forEach(function (li, i) {
      const d = li.dataset;
      const match = words.every(function (w) { return texts[i].indexOf(w) >= 0; }) &&
        (!state.kind || d.kind === state.kind) &&
        (!state.body || d.bodies.split(" ").indexOf(state.body) >= 0) &&
        (!related || d.types.split(" ").some(function (t) { return related.has(t); }));
      li.hidden = !match;
      if (match) shown += 1;
    });
    const count = label("shown").replace("{shown}", shown).replace("{total}", ENTRIES.length);
    const chosen = state.type ? " · " + label("chosen_type") + ": " + pick(TYPES.get(state.type).name) : "";
    $("chronology-count").textContent = count + chosen;
  }

  // --- language -----------------------------------------------------------------------------

  function applyLanguage() {
    document.documentElement.lang = state.lang;
    document.querySelectorAll("[data-l]").forEach(function (node) {
      node.textContent = label(node.dataset.l);
    });
    Array.from($("type-select").options).forEach(function (option) {
      if (option.value) option.textContent = pick(TYPES.get(option.value).name);
    });
    document.title = label("title") + " · coophistory " + DATA.dataset;
  }

  // --- state, controls and the permalink ----------------------------------------------------

  function setDay(day) {
    if (day === null || isNaN(day)) return;
    state.on = clamp(day);
    $("day-input").value = iso(state.on);
    const slider = $("day-slider");
    slider.value = state.on;
    slider.setAttribute("aria-valuetext", longDay(state.on));
    $("previous-change").disabled = !CHANGES.length || CHANGES[0] >= state.on;
    $("next-change").disabled = !CHANGES.length || CHANGES[CHANGES.length - 1] <= state.on;
    renderTable();
    moveCursor();
    writeHash();
  }

  function writeHash() {
    const p = new URLSearchParams();
    p.set("on", iso(state.on));
    if (state.lang !== "en") p.set("lang", state.lang);
    if (state.type) p.set("type", state.type);
    if (state.q) p.set("q", state.q);
    if (state.kind) p.set("kind", state.kind);
    if (state.body) p.set("body", state.body);
    if (state.fn !== "supervision") p.set("fn", state.fn);
    const hash = "#" + p.toString();
    if (location.hash === hash) return;
    try {
      history.replaceState(null, "", hash);
    } catch (error) {
      location.replace(hash);
    }
  }

  function option(select, value) {
    return Array.from($(select).options).some(function (o) { return o.value === value; }) ? value : "";
  }

  function readHash() {
    const text = location.hash.slice(1);
    if (text.indexOf("=") < 0) return false;
    const p = new URLSearchParams(text);
    const day = parseDay(p.get("on"));
    state.on = day === null ? state.on : clamp(day);
    state.lang = p.get("lang") === "es" ? "es" : "en";
    state.type = option("type-select", p.get("type") || "");
    state.q = p.get("q") || "";
    state.kind = option("kind-select", p.get("kind") || "");
    state.body = option("body-select", p.get("body") || "");
    state.fn = p.get("fn") === "promotion" ? "promotion" : "supervision";
    return true;
  }

  function showAll() {
    $("lang-select").value = state.lang;
    $("type-select").value = state.type;
    $("search").value = state.q;
    $("kind-select").value = state.kind;
    $("body-select").value = state.body;
    $("lanes-function").value = state.fn;
    applyLanguage();
    filterEntries();
    setDay(state.on);
    if (document.documentElement.dataset.complete) drawLanes();
  }

  function jumpTo(id) {
    const target = document.getElementById(id);
    if (!target) return;
    target.scrollIntoView({ block: "start" });
    target.focus({ preventScroll: true });
  }

  function wire() {
    const slider = $("day-slider");
    slider.min = FIRST;
    slider.max = LAST;
    slider.addEventListener("input", function () { setDay(+slider.value); });
    slider.addEventListener("keydown", function (event) {
      const moves = {
        ArrowLeft: -1, ArrowDown: -1, ArrowRight: 1, ArrowUp: 1, PageDown: -12, PageUp: 12,
      };
      let day = null;
      if (event.key in moves) day = addMonths(state.on, moves[event.key]);
      else if (event.key === "Home") day = FIRST;
      else if (event.key === "End") day = LAST;
      if (day === null) return;
      event.preventDefault();
      setDay(day);
    });
    $("day-input").addEventListener("change", function (event) { setDay(parseDay(event.target.value)); });
    $("previous-change").addEventListener("click", function () {
      const before = CHANGES.filter(function (d) { return d < state.on; });
      if (before.length) setDay(before[before.length - 1]);
    });
    $("next-change").addEventListener("click", function () {
      const after = CHANGES.find(function (d) { return d > state.on; });
      if (after !== undefined) setDay(after);
    });
    $("lang-select").addEventListener("change", function (event) {
      state.lang = event.target.value === "es" ? "es" : "en";
      showAll();
    });
    $("type-select").addEventListener("change", function (event) {
      state.type = event.target.value;
      filterEntries();
      setDay(state.on);
      const row = document.querySelector('#day-table tr.chosen');
      if (row) row.scrollIntoView({ block: "nearest" });
    });
    $("lanes-function").addEventListener("change", function (event) {
      state.fn = event.target.value;
      drawLanes();
      writeHash();
    });
    [["search", "q", "input"], ["kind-select", "kind", "change"], ["body-select", "body", "change"]].forEach(function (w) {
      $(w[0]).addEventListener(w[2], function (event) {
        state[w[1]] = event.target.value;
        filterEntries();
        writeHash();
      });
    });
    document.addEventListener("click", function (event) {
      const link = event.target.closest('a[href^="#source-"], a[href^="#conflict-"]');
      if (!link) return;
      event.preventDefault();
      jumpTo(link.getAttribute("href").slice(1));
    });
    $("controls").addEventListener("submit", function (event) { event.preventDefault(); });
    window.addEventListener("hashchange", function () { if (readHash()) showAll(); });
    let width = $("lanes-chart").clientWidth;
    window.addEventListener("resize", function () {
      const now = $("lanes-chart").clientWidth;
      if (now !== width) { width = now; drawLanes(); }
    });
  }

  // The table first (the page is "ready"), then the chart and the chain in the next task.
  wire();
  const linked = readHash();
  showAll();
  document.documentElement.dataset.ready = String(Math.round(performance.now()));
  setTimeout(function () {
    drawChain();
    drawLanes();
    document.documentElement.dataset.complete = String(Math.round(performance.now()));
    if (!linked && location.hash.length > 1) jumpTo(location.hash.slice(1));
  }, 0);
})();
