// The data, days as numbers, looking a day up in the timelines, and building elements.

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

// The days after the first on which an answer for any of the types and functions changes.
function changeDays(typeIds, fns) {
  const days = new Set();
  typeIds.forEach(function (typeId) {
    fns.forEach(function (fn) {
      T.points[typeId][fn].forEach(function (p) { if (p[0] > FIRST) days.add(p[0]); });
    });
  });
  return Array.from(days).sort(function (a, b) { return a - b; });
}

// The change just before or just after a day, in a sorted list; undefined if there is none.
function changeBefore(changes, day) {
  const before = changes.filter(function (d) { return d < day; });
  return before[before.length - 1];
}

function changeAfter(changes, day) {
  return changes.find(function (d) { return d > day; });
}

const CHANGES = changeDays(Object.keys(T.points), FUNCTIONS);

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
      cites.push(el("a", { class: "cite", href: "#source-" + c[0] }, [pick(c.slice(1))]));
    });
    parts.push(el("p", { class: "cites" }, cites));
  }
  if (s.x.length) {
    const items = s.x.map(function (id) {
      const c = DATA.conflicts[id];
      return el("li", {}, [
        el("a", { class: "conflict-link", href: "#conflict-" + id }, [pick(c.title)]),
        " (" + label(c.settled ? "settled" : "unsettled") + ")",
      ]);
    });
    parts.push(el("div", { class: "conflicts" }, [
      el("p", { class: "what" }, [label("disagreement") + ":"]), el("ul", {}, items),
    ]));
  }
  return parts;
}
