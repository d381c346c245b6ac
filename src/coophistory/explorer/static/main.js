// Language, the state and its permalink, the controls, and the start.

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
  $("day-input").removeAttribute("aria-invalid");
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
  $("day-input").addEventListener("change", function (event) {
    // A day that cannot be read is marked and left for the reader to correct.
    const day = parseDay(event.target.value.trim());
    if (day === null) event.target.setAttribute("aria-invalid", "true");
    else setDay(day);
  });
  $("previous-change").addEventListener("click", function () {
    const before = changeBefore(CHANGES, state.on);
    if (before !== undefined) setDay(before);
  });
  $("next-change").addEventListener("click", function () {
    const after = changeAfter(CHANGES, state.on);
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
