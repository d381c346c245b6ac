// The lanes chart (an SVG drawn from the same timelines) and the handover chain.

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
  const title = label("lanes_label").replace("{function}", label(state.fn).toLowerCase()).replace("{first}", iso(FIRST)).replace("{last}", iso(LAST));
  // A slider over the chart's own change days, so the keyboard does what a click does.
  const root = svg("svg", {
    width: width, height: height, viewBox: "0 0 " + width + " " + height, id: "lanes-svg",
    role: "slider", tabindex: "0", "aria-label": title, "aria-valuemin": FIRST, "aria-valuemax": LAST,
  });
  root.appendChild(svg("title", {}, [title]));
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
  root.addEventListener("keydown", function (event) {
    const day = laneKey(event.key, changeDays(lanes.map(function (lane) { return lane.types[0]; }), [state.fn]));
    if (day === null) return;
    event.preventDefault();
    setDay(day);
  });
  chart.replaceChildren(root);
  moveCursor();
  drawKey();
}

// Where a key moves the chart's day: arrows to the previous or next change of a lane,
// Page Up/Down a decade, Home/End to the ends; null for any other key.
function laneKey(key, changes) {
  if (key === "ArrowRight" || key === "ArrowUp") {
    const after = changeAfter(changes, state.on);
    return after === undefined ? LAST : after;
  }
  if (key === "ArrowLeft" || key === "ArrowDown") {
    const before = changeBefore(changes, state.on);
    return before === undefined ? FIRST : before;
  }
  if (key === "PageUp") return addMonths(state.on, 120);
  if (key === "PageDown") return addMonths(state.on, -120);
  if (key === "Home") return FIRST;
  if (key === "End") return LAST;
  return null;
}

function moveCursor() {
  const cursor = $("lanes-cursor");
  if (!cursor || !scale) return;
  const x = scale.x(state.on + 0.5);
  cursor.setAttribute("x1", x);
  cursor.setAttribute("x2", x);
  const root = $("lanes-svg");
  root.setAttribute("aria-valuenow", state.on);
  root.setAttribute("aria-valuetext", longDay(state.on));
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
      el("span", { class: "move" }, [both(h.move)]),
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
