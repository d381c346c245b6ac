// The chronology's search and filters.

// --- the chronology -----------------------------------------------------------------------

const ENTRIES = Array.from(document.querySelectorAll("#entries > li"));

function fold(text) {
  // As coophistory.names.normal folds: case, accents, hyphens and spacing.
  return text.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase()
    .replace(/[-_]/g, " ").replace(/\s+/g, " ").trim();
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
