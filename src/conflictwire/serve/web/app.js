// conflictwire web map. Every string from the server is written with textContent, never as HTML.
"use strict";

const COLORS = {
  "Battles": "#c0392b",
  "Explosions/Remote violence": "#8e44ad",
  "Violence against civilians": "#d35400",
  "Protests": "#2980b9",
  "Riots": "#16a085",
  "Strategic developments": "#7f8c8d",
};
const state = { events: [], sort: { key: "event_date", dir: -1 }, brush: null };
const $ = (id) => document.getElementById(id);

function el(tag, text, attrs) {
  const node = document.createElement(tag);
  if (text !== undefined && text !== null) node.textContent = String(text);
  for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, v);
  return node;
}

const map = L.map("map", { worldCopyJump: true, minZoom: 2, maxZoom: 12 }).setView([12, 5], 3);
const clusters = L.markerClusterGroup({ showCoverageOnHover: false, maxClusterRadius: 40 });
map.addLayer(clusters);

async function loadBasemap() {
  // offline basemap: Natural Earth country outlines from the world-atlas package, no tile server
  const topo = await (await fetch("/static/vendor/countries-110m.json")).json();
  const countries = topojson.feature(topo, topo.objects.countries);
  L.geoJSON(countries, { style: { color: "#8a9aa8", weight: 0.7, fillColor: "#f4f1ea", fillOpacity: 1 }, interactive: false })
    .addTo(map).bringToBack();
}

function params() {
  const p = new URLSearchParams();
  const add = (k, id) => { const v = $(id).value.trim(); if (v) p.set(k, v); };
  add("country", "f-country"); add("type", "f-type"); add("actor", "f-actor");
  add("since", "f-since"); add("until", "f-until");
  return p;
}

async function refresh() {
  const p = params();
  p.set("limit", "10000");
  const res = await fetch("/events?" + p.toString());
  if (!res.ok) { $("count").textContent = "error " + res.status; return; }
  const data = await res.json();
  state.events = data.events;
  $("count").textContent = data.total + " events";
  $("count").dataset.count = String(data.total);
  const exp = new URLSearchParams(p); exp.delete("limit"); exp.set("limit", "10000");
  exp.set("format", "csv"); $("export-csv").href = "/events?" + exp.toString();
  exp.set("format", "geojson"); $("export-geojson").href = "/events?" + exp.toString();
  exp.delete("format");
  renderMarkers(); renderTable(); renderTimeline(); fillFilterOptions();
}

function renderMarkers() {
  clusters.clearLayers();
  for (const ev of state.events) {
    if (ev.latitude == null || ev.longitude == null) continue;
    const r = 5 + Math.min(20, Math.sqrt(ev.fatalities || 0) * 2);
    const m = L.circleMarker([ev.latitude, ev.longitude], {
      radius: r, color: "#222", weight: 1, fillColor: COLORS[ev.event_type] || "#555", fillOpacity: 0.8,
      className: "event-marker",
    });
    const tip = el("span", `${ev.event_date} · ${ev.sub_event_type} · ${ev.location} · ${ev.fatalities ?? 0} dead`);
    m.bindTooltip(tip);
    m.on("click", () => openEvent(ev.event_id_cnty));
    clusters.addLayer(m);
  }
  if (clusters.getLayers().length) map.fitBounds(clusters.getBounds().pad(0.3), { maxZoom: 7 });
}

function renderTable() {
  const { key, dir } = state.sort;
  const rows = [...state.events].sort((a, b) => {
    const x = a[key] ?? "", y = b[key] ?? "";
    return (x > y ? 1 : x < y ? -1 : 0) * dir;
  });
  const body = document.querySelector("#table tbody");
  body.replaceChildren();
  for (const ev of rows) {
    const tr = el("tr", null, { "data-id": ev.event_id_cnty });
    for (const k of ["event_date", "sub_event_type", "actor1", "actor2", "location", "country", "fatalities", "n_sources"]) {
      tr.appendChild(el("td", ev[k] ?? ""));
    }
    tr.addEventListener("click", () => openEvent(ev.event_id_cnty));
    body.appendChild(tr);
  }
  document.querySelectorAll("#table th").forEach((th) => {
    th.classList.toggle("sorted-asc", th.dataset.key === key && dir === 1);
    th.classList.toggle("sorted-desc", th.dataset.key === key && dir === -1);
  });
}

function fillFilterOptions() {
  const fill = (id, values) => {
    const sel = $(id), cur = sel.value;
    const have = new Set([...sel.options].map((o) => o.value));
    for (const v of [...values].sort()) if (v && !have.has(v)) sel.appendChild(el("option", v, { value: v }));
    sel.value = cur;
  };
  fill("f-country", new Set(state.events.map((e) => e.country)));
  fill("f-type", new Set(state.events.map((e) => e.event_type)));
}

function renderLegend() {
  const legend = $("legend");
  for (const [name, color] of Object.entries(COLORS)) {
    const s = el("span", name); s.style.setProperty("--c", color); legend.appendChild(s);
  }
}

// timeline: events per day, drag to choose a date range
function renderTimeline() {
  const svg = $("timeline");
  svg.replaceChildren();
  const dates = state.events.map((e) => e.event_date).filter(Boolean).sort();
  if (!dates.length) return;
  const day = (s) => Date.parse(s + "T00:00:00Z") / 86400000;
  const lo = day(dates[0]), hi = day(dates[dates.length - 1]) + 1;
  const counts = new Map();
  for (const d of dates) counts.set(day(d), (counts.get(day(d)) || 0) + 1);
  const w = svg.clientWidth || 800, h = svg.clientHeight || 80, max = Math.max(...counts.values());
  const x = (d) => ((d - lo) / (hi - lo)) * w;
  for (const [d, n] of counts) {
    const bar = document.createElementNS("http://www.w3.org/2000/svg", "rect");
    bar.setAttribute("class", "bar");
    bar.setAttribute("x", x(d)); bar.setAttribute("width", Math.min(30, Math.max(2, w / (hi - lo) - 1)));
    bar.setAttribute("y", h - (n / max) * (h - 10)); bar.setAttribute("height", (n / max) * (h - 10));
    svg.appendChild(bar);
  }
  state.scale = { lo, hi, w };
}

function setupBrush() {
  const svg = $("timeline");
  let start = null, rect = null;
  const toDate = (px) => {
    const { lo, hi, w } = state.scale;
    return new Date((lo + (px / w) * (hi - lo)) * 86400000).toISOString().slice(0, 10);
  };
  svg.addEventListener("mousedown", (e) => {
    if (!state.scale) return;
    start = e.offsetX;
    rect = document.createElementNS("http://www.w3.org/2000/svg", "rect");
    rect.setAttribute("class", "brush"); rect.setAttribute("y", 0); rect.setAttribute("height", svg.clientHeight);
    svg.appendChild(rect);
  });
  svg.addEventListener("mousemove", (e) => {
    if (start === null) return;
    rect.setAttribute("x", Math.min(start, e.offsetX)); rect.setAttribute("width", Math.abs(e.offsetX - start));
  });
  window.addEventListener("mouseup", (e) => {
    if (start === null) return;
    const end = e.target === svg ? e.offsetX : start;
    if (Math.abs(end - start) > 3) {
      $("f-since").value = toDate(Math.min(start, end));
      $("f-until").value = toDate(Math.max(start, end));
      refresh();
    }
    start = null;
  });
}

async function openEvent(id) {
  const res = await fetch("/events/" + encodeURIComponent(id));
  if (!res.ok) return;
  const ev = await res.json();
  document.querySelectorAll("#table tr.selected").forEach((tr) => tr.classList.remove("selected"));
  const row = document.querySelector(`#table tr[data-id="${CSS.escape(id)}"]`);
  if (row) row.classList.add("selected");
  $("panel").hidden = false;
  $("panel-title").textContent = `${ev.event_id_cnty}: ${ev.sub_event_type}`;
  const dl = $("panel-fields");
  dl.replaceChildren();
  const fields = ["event_date", "time_precision", "event_type", "sub_event_type", "actor1", "assoc_actor_1", "actor2",
    "location", "admin1", "country", "geo_precision", "fatalities", "fatalities_high", "wounded", "arrested",
    "kidnapped", "weapons", "claimed_by", "attributed_by", "source", "notes", "confidence"];
  for (const f of fields) {
    const v = ev[f];
    if (v === null || v === undefined || (Array.isArray(v) && !v.length)) continue;
    dl.appendChild(el("dt", f)); dl.appendChild(el("dd", Array.isArray(v) ? v.join("; ") : v));
  }
  const list = $("panel-sources");
  list.replaceChildren();
  for (const r of ev.reports) {
    const li = el("li", `${r.source || "unknown source"} — ${r.title || "untitled"} (${r.published || "no date"})`);
    list.appendChild(li);
  }
  const first = ev.reports[0];
  if (first) {
    const art = await (await fetch("/articles/" + first.article_id)).json();
    showText(art.text, first.evidence);
  }
}

function showText(text, evidence) {
  // evidence spans become <mark> elements; the text between them stays plain text nodes
  const spans = [];
  for (const [field, list] of Object.entries(evidence || {})) for (const s of list) spans.push({ ...s, field });
  spans.sort((a, b) => a.start - b.start || b.end - a.end);
  const box = $("panel-text");
  box.replaceChildren();
  let pos = 0;
  for (const s of spans) {
    if (s.start < pos) continue; // overlapping spans: the first wins
    box.appendChild(document.createTextNode(text.slice(pos, s.start)));
    box.appendChild(el("mark", text.slice(s.start, s.end), { "data-field": s.field }));
    pos = s.end;
  }
  box.appendChild(document.createTextNode(text.slice(pos)));
}

document.querySelectorAll("#table th").forEach((th) => th.addEventListener("click", () => {
  state.sort = { key: th.dataset.key, dir: state.sort.key === th.dataset.key ? -state.sort.dir : 1 };
  renderTable();
}));
$("filters").addEventListener("submit", (e) => { e.preventDefault(); refresh(); });
$("reset-filters").addEventListener("click", () => { $("filters").reset(); refresh(); });
$("close-panel").addEventListener("click", () => { $("panel").hidden = true; });
renderLegend();
setupBrush();
loadBasemap().finally(refresh);
