/* ConflictKG explorer: draws the payload written by queries/render.py with vis-network.
 * Every string in the payload was html.escape'd in Python, so it may go into innerHTML as is; `plain()`
 * undoes the escaping only for text drawn on the canvas, which never parses HTML. */
(function () {
  "use strict";
  const DATA = JSON.parse(document.getElementById("ckg-data").textContent);
  const FONT = "DejaVu Sans, Noto Sans Arabic, Noto Naskh Arabic, Noto Sans, sans-serif";
  const ENT = { "&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": "\"", "&#x27;": "'" };
  const plain = (s) => String(s).replace(/&(?:amp|lt|gt|quot|#x27);/g, (m) => ENT[m]);
  const ARABIC = /[\u0600-\u06FF\u0750-\u077F\uFB50-\uFDFF\uFE70-\uFEFF]/;
  const bidi = (s) => ARABIC.test(s) ? `<span class="ar" dir="rtl" lang="ar">${s}</span>` : `<span dir="auto">${s}</span>`;
  const cats = Object.fromEntries(DATA.categories.map((c) => [c.key, c]));
  const rels = Object.fromEntries(DATA.relations.map((r) => [r.key, r]));
  const byId = new Map(DATA.nodes.map((n) => [n.id, n]));
  const edgeById = new Map(DATA.edges.map((e) => [e.id, e]));
  const incident = new Map(DATA.nodes.map((n) => [n.id, []]));
  DATA.edges.forEach((e) => { incident.get(e.from).push(e); incident.get(e.to).push(e); });
  const state = {
    lang: DATA.meta.lang === "en" ? "en" : "ar",
    relations: new Set(DATA.relations.map((r) => r.key)),
    categories: new Set(DATA.categories.map((c) => c.key)),
    from: "", to: "",
    undated: true, // attacks and statements without a date: a choice of their own in the date filter
    isolated: DATA.meta.view !== "all", // places with no relation clutter the whole graph: hidden there
    panel: null, // [showNode|showEdge, id] of what the side panel shows, redrawn on a language switch
  };
  const L10N = {
    en: { type: "type", date: "date", also: "also", relations: "Relations", evidence: "Evidence",
      mentioned: "Mentioned in", dates: "dates", statements: "statements", undated: "undated",
      noEvidence: "No evidence sentence recorded.", chars: "chars" },
    ar: { type: "النوع", date: "التاريخ", also: "أسماء أخرى", relations: "العلاقات", evidence: "الأدلة",
      mentioned: "ورد في", dates: "التواريخ", statements: "التصريحات", undated: "بلا تاريخ",
      noEvidence: "لا توجد جملة دليل.", chars: "المحارف" },
  };
  const t = (key) => L10N[state.lang][key];
  const $ = (id) => document.getElementById(id);

  const nameOf = (n) => (state.lang === "en" ? (n.en || n.ar) : (n.ar || n.en));
  const otherName = (n) => (state.lang === "en" ? n.ar : n.en);
  const catName = (c) => (state.lang === "en" ? c.en : c.ar);
  const relName = (r) => (state.lang === "en" ? r.en : r.ar);
  const small = DATA.nodes.length <= 150;

  function tip(html) {
    const div = document.createElement("div");
    div.className = "tip";
    div.innerHTML = html; // escaped payload strings only
    return div;
  }
  function nodeTip(n) {
    const ev = n.ev.length ? `<br>${bidi(DATA.evidence[n.ev[0]].text)}` : "";
    return tip(`<b>${bidi(nameOf(n))}</b><br><small>${catName(cats[n.c])}${n.date ? " · " + n.date : ""}` +
      ` · ${n.w} </small>${ev}`);
  }
  function edgeTip(e) {
    const ev = e.ev.length ? `<br>${bidi(DATA.evidence[e.ev[0]].text)}` : "";
    return tip(`${bidi(nameOf(byId.get(e.from)))} <b>${relName(rels[e.rel])}</b> ${bidi(nameOf(byId.get(e.to)))}` +
      `<br><small>${e.dates.join(", ")}${e.n ? " · " + e.n + " statement(s)" : ""}</small>${ev}`);
  }
  function visNode(n) {
    const c = cats[n.c];
    return {
      id: n.id, label: plain(nameOf(n)), shape: c.shape, color: c.color, size: n.size, title: nodeTip(n),
      font: c.shape === "box" ? { face: FONT, size: 14, color: "#ffffff" } : { face: FONT, size: 14, strokeWidth: 3, strokeColor: "#ffffff" },
      x: n.x, y: n.y, fixed: n.fixed ? { x: true, y: true } : false, physics: !n.fixed,
    };
  }
  function visEdge(e) {
    const r = rels[e.rel];
    return {
      id: e.id, from: e.from, to: e.to, arrows: "to", dashes: r.dashes, title: edgeTip(e),
      color: { color: r.color, highlight: r.color, hover: r.color }, width: 1 + Math.log2(1 + e.n),
      label: small ? plain(relName(r)) : undefined, font: { face: FONT, size: 10, align: "middle" },
    };
  }

  const nodes = new vis.DataSet(DATA.nodes.map(visNode));
  const edges = new vis.DataSet(DATA.edges.map(visEdge));
  let visibleNodes = new Set(DATA.nodes.map((n) => n.id));
  let visibleEdges = new Set(DATA.edges.map((e) => e.id));
  const nodeView = new vis.DataView(nodes, { filter: (n) => visibleNodes.has(n.id) });
  const edgeView = new vis.DataView(edges, { filter: (e) => visibleEdges.has(e.id) });

  const inRange = (d) => (!state.from || d >= state.from) && (!state.to || d <= state.to);
  const datesOk = (dates) => (dates.length ? dates.some(inRange) : state.undated);
  const isAttack = (n) => cats[n.c].group === "attack";
  function recompute() {
    const narrowed = state.from || state.to || !state.undated || state.relations.size < DATA.relations.length;
    const nodeOk = (n) => state.categories.has(n.c) && (n.date ? inRange(n.date) : (state.undated || !isAttack(n))) &&
      (state.isolated || cats[n.c].group !== "place" || incident.get(n.id).length > 0);
    const edgesOn = new Set();
    const touched = new Set();
    for (const e of DATA.edges) {
      if (state.relations.has(e.rel) && datesOk(e.dates) && nodeOk(byId.get(e.from)) && nodeOk(byId.get(e.to))) {
        edgesOn.add(e.id); touched.add(e.from); touched.add(e.to);
      }
    }
    const nodesOn = new Set();
    for (const n of DATA.nodes) {
      if (!nodeOk(n)) continue;
      const isolatedByFilter = narrowed && !touched.has(n.id) && (incident.get(n.id).length || !n.date);
      if (!isolatedByFilter || (n.date && inRange(n.date) && (state.from || state.to))) nodesOn.add(n.id);
    }
    visibleNodes = nodesOn;
    visibleEdges = new Set([...edgesOn].filter((id) => nodesOn.has(edgeById.get(id).from) && nodesOn.has(edgeById.get(id).to)));
    nodeView.refresh();
    edgeView.refresh();
    $("counts").textContent = `${nodesOn.size} of ${DATA.nodes.length} nodes · ${visibleEdges.size} of ${DATA.edges.length} edges`;
  }

  const n = DATA.nodes.length;
  const options = {
    autoResize: true,
    layout: { improvedLayout: n <= 150, randomSeed: 7 },
    physics: {
      solver: "forceAtlas2Based",
      forceAtlas2Based: { gravitationalConstant: -80, springLength: 110, avoidOverlap: 0.2 },
      stabilization: { enabled: true, iterations: n <= 200 ? 300 : n <= 1000 ? 150 : 60, updateInterval: 50 },
    },
    interaction: { hover: true, tooltipDelay: 120, keyboard: { enabled: true, bindToWindow: false }, hideEdgesOnDrag: n > 500 },
    edges: { smooth: n <= 500 ? { type: "dynamic" } : false, selectionWidth: 2 },
    nodes: { font: { face: FONT } },
  };
  const container = $("network");
  container.dir = state.lang === "ar" ? "rtl" : "ltr";
  const network = new vis.Network(container, { nodes: nodeView, edges: edgeView }, options);
  const api = { network, nodes, edges, nodeView, edgeView, data: DATA, ready: false, readyMs: null };
  window.ckg = api;
  const settled = () => {
    if (n > 300) network.setOptions({ physics: { enabled: false } });
    if (visibleNodes.size) network.fit({ nodes: [...visibleNodes] });
    // Fitting hundreds of nodes makes ~7 px labels: start closer, at a scale where labels can be read.
    const tl = DATA.meta.timeline;
    if (tl && network.getScale() < 0.6) { // start at the first attacks, readable, then scroll along the lanes
      const width = container.clientWidth / 0.6;
      network.moveTo({ position: { x: tl.left - 60 + width / 2, y: (tl.top + tl.bottom) / 2 }, scale: 0.6 });
    } else if (DATA.meta.view === "all" && network.getScale() < 0.6) network.moveTo({ scale: 0.6 });
    api.readyMs = performance.now();
    api.ready = true;
  };
  if (n) network.once("stabilizationIterationsDone", settled); else settled();
  if (DATA.meta.timeline) {
    network.on("beforeDrawing", (ctx) => {
      ctx.save();
      ctx.strokeStyle = "#e0e0e0"; ctx.fillStyle = "#607d8b"; ctx.font = `12px ${FONT}`; ctx.textAlign = "center";
      const tl = DATA.meta.timeline;
      for (const tick of tl.ticks) {
        ctx.beginPath(); ctx.moveTo(tick.x, tl.top - 20); ctx.lineTo(tick.x, tl.bottom); ctx.stroke();
        ctx.fillText(tick.label, tick.x, tl.top - 28);
      }
      ctx.textAlign = "left"; ctx.font = `bold 15px ${FONT}`; ctx.fillStyle = "#37474f";
      for (const lane of tl.lanes) {
        ctx.strokeStyle = lane.key === "undated" ? "#b0bec5" : "#eceff1";
        ctx.beginPath(); ctx.moveTo(tl.left - 60, lane.y - 58); ctx.lineTo(tl.right, lane.y - 58); ctx.stroke();
        const name = lane.key === "undated" ? t("undated") : plain(catName(cats[lane.key]));
        ctx.fillText(name, tl.left - 60, lane.y - 40);
      }
      ctx.restore();
    });
  }

  // ---- side panel
  function evidenceList(ids) {
    if (!ids.length) return `<p class="hint">${t("noEvidence")}</p>`;
    return "<ul class=\"evidence\">" + ids.slice(0, 60).map((i) => {
      const ev = DATA.evidence[i];
      const d = DATA.docs[ev.doc] || { id: "", title: "", source: "", issued: "" };
      const where = ev.start !== null ? `${t("chars")} ${ev.start}–${ev.end}` : "";
      const meta = [d.source && bidi(d.source), d.title && bidi(d.title), d.issued, d.id && `<code>${d.id}</code>`, where]
        .filter(Boolean).join(" · "); // no "· · ·" where the metadata is empty
      return `<li><blockquote class="ar" dir="rtl" lang="ar">${ev.text}</blockquote>` +
        (meta ? `<div class="source">${meta}</div>` : "") + "</li>";
    }).join("") + "</ul>";
  }
  function showNode(id) {
    const node = byId.get(id);
    state.panel = [showNode, id];
    const en = state.lang === "en";
    const facts = node.facts.map((f) => `<dt>${en ? f[0] : f[1]}</dt><dd>${bidi(en ? f[2] : f[3])}</dd>`).join("");
    const dossier = isAttack(node); // an attack's facts already hold its kind and date, "—" where unknown
    const links = incident.get(id).map((e) => {
      const other = byId.get(e.from === id ? e.to : e.from);
      const arrow = e.from === id ? `${relName(rels[e.rel])} →` : `← ${relName(rels[e.rel])}`;
      return `<li><a href="#" data-edge="${e.id}">${arrow}</a> ${bidi(nameOf(other))}${e.n ? ` (${e.n})` : ""}</li>`;
    }).join("");
    const ev = [...new Set([...node.ev, ...incident.get(id).flatMap((e) => e.ev)])];
    const docs = node.docs.map((i) => DATA.docs[i]).filter(Boolean)
      .map((d) => [d.title && bidi(d.title), d.source && bidi(d.source), d.issued, !d.title && `<code>${d.id}</code>`]
        .filter(Boolean).join(" · ")).filter(Boolean).map((x) => `<li>${x}</li>`).join("");
    $("panel").innerHTML = `<h3>${bidi(nameOf(node))}</h3>` + (otherName(node) ? `<div>${bidi(otherName(node))}</div>` : "") +
      `<div class="iri">${node.iri}</div><dl class="facts">` +
      (dossier ? "" : `<dt>${t("type")}</dt><dd>${catName(cats[node.c])}</dd>` +
        (node.date ? `<dt>${t("date")}</dt><dd>${node.date}</dd>` : "")) + facts +
      (node.alt.length ? `<dt>${t("also")}</dt><dd>${node.alt.map(bidi).join("، ")}</dd>` : "") + "</dl>" +
      (links ? `<h4>${t("relations")}</h4><ul class="rel-list">${links}</ul>` : "") +
      `<h4>${t("evidence")}</h4>${evidenceList(ev)}` + (docs ? `<h4>${t("mentioned")}</h4><ul>${docs}</ul>` : "");
  }
  function showEdge(id) {
    const e = edgeById.get(id);
    state.panel = [showEdge, id];
    $("panel").innerHTML = `<h3>${bidi(nameOf(byId.get(e.from)))} <span>${relName(rels[e.rel])}</span> ` +
      `${bidi(nameOf(byId.get(e.to)))}</h3><dl><dt>${t("dates")}</dt><dd>${e.dates.join(", ") || "—"}</dd>` +
      `<dt>${t("statements")}</dt><dd>${e.n}</dd></dl><h4>${t("evidence")}</h4>${evidenceList(e.ev)}`;
  }
  $("panel").addEventListener("click", (ev) => {
    const a = ev.target.closest("a[data-edge]");
    if (!a) return;
    ev.preventDefault();
    const id = Number(a.dataset.edge);
    network.selectEdges([id]);
    showEdge(id);
  });
  network.on("click", (p) => {
    if (p.nodes.length) showNode(p.nodes[0]);
    else if (p.edges.length) showEdge(p.edges[0]);
  });
  api.showNode = showNode;
  api.showEdge = showEdge;

  // ---- legend doubling as filters
  function legend() {
    const count = (key, field) => DATA[field].filter((x) => (field === "nodes" ? x.c : x.rel) === key).length;
    $("relation-filter").innerHTML = DATA.relations.filter((r) => count(r.key, "edges")).map((r) =>
      `<li><input type="checkbox" data-rel="${r.key}" ${state.relations.has(r.key) ? "checked" : ""}>` +
      `<span class="line${r.dashes ? " dashed" : ""}" style="border-color:${r.color}"></span>` +
      `${bidi(relName(r))}<span class="count">${count(r.key, "edges")}</span></li>`).join("");
    $("category-filter").innerHTML = DATA.categories.filter((c) => count(c.key, "nodes")).map((c) =>
      `<li><input type="checkbox" data-cat="${c.key}" ${state.categories.has(c.key) ? "checked" : ""}>` +
      `<span class="swatch ${c.shape}" style="background:${c.color}"></span>` +
      `${bidi(catName(c))}<span class="count">${count(c.key, "nodes")}</span></li>`).join("");
  }
  document.getElementById("controls").addEventListener("change", (ev) => {
    const el = ev.target;
    if (el.dataset.rel) (el.checked ? state.relations.add(el.dataset.rel) : state.relations.delete(el.dataset.rel));
    else if (el.dataset.cat) (el.checked ? state.categories.add(el.dataset.cat) : state.categories.delete(el.dataset.cat));
    else if (el.name === "lang") { setLang(el.value); return; }
    else if (el.id === "date-from") state.from = el.value;
    else if (el.id === "date-to") state.to = el.value;
    else if (el.id === "show-undated") state.undated = el.checked;
    else if (el.id === "show-isolated") state.isolated = el.checked;
    else return;
    recompute();
  });
  $("date-reset").addEventListener("click", () => {
    state.from = state.to = ""; $("date-from").value = $("date-to").value = "";
    state.undated = $("show-undated").checked = true; recompute();
  });
  function setLang(lang) {
    state.lang = lang;
    container.dir = lang === "ar" ? "rtl" : "ltr";
    document.querySelectorAll("input[name=lang]").forEach((i) => { i.checked = i.value === lang; });
    nodes.update(DATA.nodes.map((x) => ({ id: x.id, label: plain(nameOf(x)), title: nodeTip(x) })));
    edges.update(DATA.edges.map((e) => ({ id: e.id, title: edgeTip(e), label: small ? plain(relName(rels[e.rel])) : undefined })));
    legend();
    document.documentElement.lang = lang;
    if (state.panel) state.panel[0](state.panel[1]); // the side panel follows the language too
    network.redraw(); // lane names on the timeline
  }
  api.setLang = setLang;

  // ---- search (case-, diacritic- and alef-insensitive, Arabic or English)
  // the same folding as queries/lookup.py: hamza/alef, ya, taa marbuta, Persian letters, no diacritics
  const norm = (s) => plain(s).toLowerCase().normalize("NFKD").replace(/[\u0300-\u036f\u064B-\u065F\u0670\u0640]/g, "")
    .replace(/[أإآٱ]/g, "ا").replace(/[ىیئ]/g, "ي").replace(/ک/g, "ك").replace(/ة/g, "ه").replace(/ؤ/g, "و").replace(/ء/g, "")
    .trim();
  const haystack = new Map(DATA.nodes.map((x) => [x.id, norm([x.ar, x.en, ...x.alt].join(" | "))]));
  const names = new Map(DATA.nodes.map((x) => [x.id, [x.ar, x.en, ...x.alt].filter(Boolean).map(norm)]));
  function rank(x, want) {
    // an entity whose own label is what was typed comes first (ايران -> Iran, not an attack on Iran's ally)
    const own = names.get(x.id);
    const score = own.includes(want) ? 0 : own.some((l) => l.startsWith(want)) ? 1 : 2;
    return [score, isAttack(x) ? 1 : 0, -x.size];
  }
  const byRank = (want) => (a, b) => {
    const ra = rank(a, want), rb = rank(b, want);
    return ra[0] - rb[0] || ra[1] - rb[1] || ra[2] - rb[2] || a.id - b.id;
  };
  function search(q) {
    const want = norm(q.trim());
    const hits = want ? DATA.nodes.filter((x) => haystack.get(x.id).includes(want)).sort(byRank(want)).slice(0, 20) : [];
    $("search-results").innerHTML = hits.map((x) => `<li data-node="${x.id}">${bidi(nameOf(x))}</li>`).join("");
    return hits;
  }
  function focusNode(id) {
    if (!visibleNodes.has(id)) return;
    network.selectNodes([id]);
    network.focus(id, { scale: 1.2, animation: false });
    showNode(id);
  }
  $("search").addEventListener("input", (ev) => search(ev.target.value));
  $("search").addEventListener("keydown", (ev) => {
    if (ev.key === "Enter") { const hits = search(ev.target.value); if (hits.length) focusNode(hits[0].id); }
  });
  $("search-results").addEventListener("click", (ev) => {
    const li = ev.target.closest("li[data-node]");
    if (li) focusNode(Number(li.dataset.node));
  });
  api.search = search;
  api.focusNode = focusNode;

  $("notice").innerHTML = DATA.meta.notes.map((s) => `<div>${s}</div>`).join("");
  $("show-isolated").checked = state.isolated;
  setLang(state.lang);
  recompute();
  // ego and dossier: select the focus and show its panel, but keep the whole neighbourhood in view
  if (DATA.meta.focus !== null) {
    const showFocus = () => { network.selectNodes([DATA.meta.focus]); showNode(DATA.meta.focus); };
    if (n) network.once("stabilizationIterationsDone", showFocus); else showFocus();
  }
})();
