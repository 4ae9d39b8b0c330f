// The changes between two dates: every verdict that changes, as `dcsc
// diff --from --to` finds them.
"use strict";

(() => {
  const { el, fill } = dcsc;
  const id = dcsc.councilId();
  const status = document.getElementById("status");
  const from = document.getElementById("from");
  const to = document.getElementById("to");
  document.getElementById("council-link").href = "/councils/" + encodeURIComponent(id);

  function side(label, verdict) {
    if (!verdict) return el("div", {}, el("strong", { text: label + ": " }), "no verdict");
    return el("div", {}, el("strong", { text: label + ": " + verdict.label + ". " }), verdict.explanation);
  }

  async function compare() {
    if (!from.value || !to.value) return;
    const dates = "?from=" + from.value + "&to=" + to.value;
    history.replaceState(null, "", location.pathname + dates);
    document.getElementById("markdown").href = dcsc.api(id, "/diff") + dates + "&format=markdown";
    dcsc.setStatus(status, "Comparing…");
    const reply = await dcsc.request(dcsc.api(id, "/diff") + dates);
    if (!reply.ok) {
      dcsc.setStatus(status, dcsc.problem(reply), true);
      return;
    }
    const changes = reply.body.changes;
    dcsc.setStatus(status, changes.length + " verdict(s) change between " + from.value + " and " + to.value + ".");
    fill(document.getElementById("changes"), changes.map((change) => el("li", { "data-duty": change.duty },
      el("strong", { text: change.title }), el("span", { className: "where", text: " " + change.duty }),
      side(from.value, change.before), side(to.value, change.after))));
  }

  async function start() {
    const reply = await dcsc.request(dcsc.api(id));
    if (reply.ok) {
      const name = reply.body.name || reply.body.path;
      fill(document.getElementById("council-link"), name);
      fill(document.getElementById("name"), "Changes between two dates: " + name);
    }
    const wanted = new URLSearchParams(location.search);
    to.value = wanted.get("to") || (reply.ok ? reply.body.as_at : "");
    from.value = wanted.get("from") || "";
    await compare();
  }

  document.getElementById("dates").addEventListener("submit", (event) => {
    event.preventDefault();
    compare();
  });
  start();
})();
