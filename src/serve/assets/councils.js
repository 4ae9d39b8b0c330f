// The list of councils, each with its summary as at a date.
"use strict";

(() => {
  const { el, fill } = dcsc;
  const status = document.getElementById("status");
  const body = document.querySelector("#councils tbody");
  const date = document.getElementById("as-at");

  async function load(asAt) {
    dcsc.setStatus(status, "Loading…");
    const url = "/api/councils" + (asAt ? "?as_at=" + encodeURIComponent(asAt) : "");
    const reply = await dcsc.request(url);
    if (!reply.ok) {
      dcsc.setStatus(status, dcsc.problem(reply), true);
      return;
    }
    const councils = reply.body.councils;
    dcsc.setStatus(status, councils.length === 0 ? "No council was found under the paths given." : councils.length + " council(s).");
    fill(body, councils.map(row));
  }

  function row(council) {
    const page = "/councils/" + encodeURIComponent(council.id) + (date.value ? "?as_at=" + date.value : "");
    const summary = council.summary;
    return el("tr", { "data-council": council.id },
      el("td", {}, el("a", { href: page, text: council.name || council.path })),
      el("td", { className: "files" }, council.files.join("\n")),
      el("td", { text: council.papers_end ? council.papers_end.date : "" }),
      el("td", { text: council.as_at }),
      el("td", { className: "number", text: summary ? summary.needs_action : "" }),
      el("td", { className: "counts" },
        summary ? dcsc.countsText(summary.counts) : el("span", { className: "problem", text: "does not check: open it to see why" })));
  }

  document.getElementById("date-form").addEventListener("submit", (event) => {
    event.preventDefault();
    load(date.value);
  });
  document.getElementById("papers-end").addEventListener("click", () => {
    date.value = "";
    load("");
  });
  load("");
})();
