// The day table: one row per type, one cell per function, from the day's states.

// --- the day table ------------------------------------------------------------------------

const ROWS = Array.from(document.querySelectorAll("#day-table tbody tr")).map(function (tr) {
  return { tr: tr, type: tr.dataset.type, cells: FUNCTIONS.map(function (fn) {
    return { td: tr.querySelector('td[data-function="' + fn + '"]'), fn: fn, shown: null };
  }) };
});

function renderTable() {
  ROWS.forEach(function (row) {
    row.tr.classList.toggle("chosen", Boolean(state.type) && TYPES.get(state.type).under.indexOf(row.type) >= 0);
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
