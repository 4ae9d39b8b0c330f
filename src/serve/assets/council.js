// One council: a date control over its history, its verdicts grouped as
// the report groups them, its chart and timeline as at the date, and the
// downloads.
"use strict";

(() => {
  const { el, fill } = dcsc;
  const id = dcsc.councilId();
  const status = document.getElementById("status");
  const date = document.getElementById("as-at");
  const slider = document.getElementById("history");
  const marksList = document.getElementById("marks");
  let days = [];
  let papersEnd = "";
  let asked = 0;

  document.getElementById("edit").href = "/councils/" + encodeURIComponent(id) + "/edit";

  function query(asAt) {
    return asAt ? "?as_at=" + encodeURIComponent(asAt) : "";
  }

  async function start() {
    const wanted = new URLSearchParams(location.search).get("as_at") || "";
    const reply = await dcsc.request(dcsc.api(id) + query(wanted));
    if (!reply.ok) {
      dcsc.setStatus(status, dcsc.problem(reply), true);
      return;
    }
    const council = reply.body;
    papersEnd = council.papers_end ? council.papers_end.day : council.as_at;
    fill(document.getElementById("files"), council.files.join("\n"));
    marks(council.marks);
    date.value = council.as_at;
    await show(council);
  }

  // The dates the papers mark: the slider steps through them, and each is
  // a button that moves there.
  function marks(found) {
    const byDay = new Map();
    for (const mark of found) {
      if (!byDay.has(mark.day)) byDay.set(mark.day, []);
      byDay.get(mark.day).push(mark);
    }
    days = [...byDay.keys()].sort();
    slider.max = String(Math.max(days.length - 1, 0));
    slider.disabled = days.length === 0;
    fill(marksList, days.map((day) => {
      const what = byDay.get(day).map((mark) => mark.kind || mark.what).filter((word, index, all) => all.indexOf(word) === index);
      const button = el("button", { type: "button", "data-day": day, title: byDay.get(day).map((mark) => mark.date + " " + (mark.kind || mark.what) + " " + mark.key).join("\n") },
        day + " · " + what.join(", ").replace(/_/g, " "));
      button.addEventListener("click", () => moveTo(day));
      return el("li", {}, button);
    }));
  }

  function moveTo(day) {
    date.value = day;
    load(day);
  }

  function pointAt(day) {
    let index = 0;
    days.forEach((mark, at) => { if (mark <= day) index = at; });
    slider.value = String(index);
    for (const button of marksList.querySelectorAll("button")) {
      button.classList.toggle("current", button.dataset.day === day);
    }
  }

  const loadSoon = dcsc.debounce((day) => load(day), 250);

  async function load(day) {
    if (!day) return;
    const reply = await dcsc.request(dcsc.api(id) + query(day));
    if (!reply.ok) {
      dcsc.setStatus(status, dcsc.problem(reply), true);
      return;
    }
    await show(reply.body);
  }

  async function show(council) {
    const ticket = ++asked;
    const day = council.as_at;
    history.replaceState(null, "", location.pathname + query(day));
    document.title = (council.name || council.path) + " · dcsc";
    fill(document.getElementById("name"), council.name || council.path);
    document.getElementById("diff").href = "/councils/" + encodeURIComponent(id) + "/diff?to=" + day;
    pointAt(day);
    downloads(day);
    pictures(day);
    if (!council.checks) {
      dcsc.setStatus(status, "The council's files do not check as at " + day + ", so there are no verdicts.", true);
      fill(document.getElementById("summary"));
      fill(document.getElementById("verdicts"), diagnostics(council.diagnostics));
      return;
    }
    const reply = await dcsc.request(dcsc.api(id, "/verdicts") + query(day));
    if (ticket !== asked) return;
    if (!reply.ok) {
      dcsc.setStatus(status, dcsc.problem(reply), true);
      return;
    }
    dcsc.setStatus(status, "As at " + day + ".");
    const summary = council.summary;
    fill(document.getElementById("summary"),
      el("strong", { id: "needs-action", text: summary.needs_action + " need action" }), " · " + dcsc.countsText(summary.counts));
    fill(document.getElementById("verdicts"), council.groups.map((group) => groupOf(group, reply.body.verdicts)));
  }

  function diagnostics(found) {
    const list = (found && found.diagnostics) || [];
    return el("section", { className: "pane" },
      el("h2", { text: "Diagnostics" }),
      el("ul", {}, list.map((diagnostic) => el("li", { className: diagnostic.severity },
        el("strong", { text: diagnostic.code }), " " + diagnostic.message,
        diagnostic.file ? el("span", { className: "where", text: " " + diagnostic.file + ":" + diagnostic.line + ":" + diagnostic.column }) : null))),
      el("p", {}, el("a", { href: "/councils/" + encodeURIComponent(id) + "/edit", text: "Mend them in the editor" })));
  }

  function groupOf(group, verdicts) {
    const heading = (group.needs_action ? "Needs action" : "No action needed") + " (" + group.count + ")";
    return el("section", { className: "group", "data-needs-action": group.needs_action },
      el("h2", { text: heading }),
      group.sections.map((section) => el("div", { className: "section" },
        el("h3", { text: section.title }),
        section.verdicts.map((index) => verdictOf(verdicts[index])))));
  }

  function verdictOf(verdict) {
    if (!verdict) return null;
    return el("details", { className: "verdict " + (verdict.needs_action ? "action" : "fine"), "data-duty": verdict.duty, "data-verdict": verdict.verdict },
      el("summary", {}, el("span", { className: "badge", text: verdict.verdict.replace("_", " ") }), verdict.title || verdict.rule),
      el("p", { className: "explanation", text: verdict.explanation }),
      verdict.notes.length ? el("ul", {}, verdict.notes.map((note) => el("li", { text: note }))) : null,
      el("p", { className: "where", text: verdict.duty + (verdict.statute ? " · " + verdict.statute : "") + (verdict.title ? " · " + verdict.rule : "") }),
      verdict.answer ? el("p", {}, el("strong", { text: "Answer: " }), verdict.answer.text) : null,
      verdict.departure ? el("p", {}, el("strong", { text: "Departure: " }), verdict.departure.reasons) : null,
      verdict.citations.length ? el("div", { className: "guidance" },
        el("h4", { text: "The guidance" }),
        verdict.citations.map((citation) => el("div", {},
          el("p", { className: "where", text: "Paragraph " + citation.paragraph + " (" + citation.edition + "), " + citation.section }),
          el("blockquote", { text: citation.text })))) : null,
      verdict.facts.length ? el("div", { className: "evidence" },
        el("h4", { text: "The council's evidence" }),
        el("ul", {}, verdict.facts.map((fact) => el("li", {},
          fact.statement,
          el("span", { className: "where", text: " " + fact.file + ":" + fact.line }),
          fact.evidence ? el("div", { className: "where", text: fact.evidence.title + (fact.evidence.location ? ", " + fact.evidence.location : "") }) : null)))) : null,
      verdict.missing.length ? el("div", { className: "missing" },
        el("h4", { text: "What the papers do not say" }),
        el("ul", {}, verdict.missing.map((missing) => el("li", { text: missing.text })))) : null);
  }

  function downloads(day) {
    const report = (format) => dcsc.api(id, "/report") + "?format=" + format + "&as_at=" + day;
    const verdicts = (format) => dcsc.api(id, "/verdicts") + "?format=" + format + "&download=1&as_at=" + day;
    fill(document.getElementById("downloads"),
      el("span", { text: "Download:" }),
      el("a", { href: report("html"), download: "", id: "download-html", text: "Report (HTML)" }),
      el("a", { href: report("markdown"), download: "", text: "Report (Markdown)" }),
      el("a", { href: report("csv"), download: "", text: "Report (CSV)" }),
      el("a", { href: verdicts("json"), download: "", text: "Verdicts (JSON)" }),
      el("a", { href: verdicts("sarif"), download: "", text: "Verdicts (SARIF)" }));
  }

  // The chart as at the date, and the timeline (or why there is none).
  async function pictures(day) {
    const chart = dcsc.api(id, "/chart.svg") + query(day);
    fill(document.getElementById("chart"), el("a", { href: chart, target: "_blank", title: "Open the chart at full size" },
      el("img", { id: "chart-image", src: chart, alt: "The governance chart as at " + day })));
    const timeline = document.getElementById("timeline");
    const reply = await dcsc.request(dcsc.api(id, "/timeline.svg") + query(day));
    if (reply.ok) {
      const picture = dcsc.api(id, "/timeline.svg") + query(day);
      fill(timeline, el("a", { href: picture, target: "_blank", title: "Open the timeline at full size" },
        el("img", { id: "timeline-image", src: picture, alt: "The council's timeline, the date " + day + " marked" })));
    } else {
      fill(timeline, el("p", { className: "status", id: "timeline-message", text: dcsc.problem(reply) }));
    }
  }

  slider.addEventListener("input", () => {
    const day = days[Number(slider.value)];
    if (day) {
      date.value = day;
      loadSoon(day);
    }
  });
  date.addEventListener("change", () => loadSoon(date.value));
  document.getElementById("papers-end").addEventListener("click", () => moveTo(papersEnd));
  start();
})();
