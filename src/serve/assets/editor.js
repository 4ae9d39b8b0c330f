// The editor of a council's files: as you type, the text is checked with
// the council's other files (POST /api/check), and its coded diagnostics
// and, if it checks, the verdict counts are shown. With `--write`, Save
// replaces the file if the text checks.
"use strict";

(() => {
  const { el, fill } = dcsc;
  const id = dcsc.councilId();
  const status = document.getElementById("status");
  const source = document.getElementById("source");
  const gutter = document.getElementById("gutter");
  const picker = document.getElementById("file");
  const save = document.getElementById("save");
  const saveNote = document.getElementById("save-note");
  let files = [];
  let writable = false;
  let saved = "";
  let asked = 0;

  document.getElementById("council-link").href = "/councils/" + encodeURIComponent(id);

  async function start() {
    const reply = await dcsc.request(dcsc.api(id));
    if (!reply.ok) {
      dcsc.setStatus(status, dcsc.problem(reply), true);
      return;
    }
    const council = reply.body;
    files = council.files;
    writable = council.writable;
    fill(document.getElementById("council-link"), council.name || council.path);
    fill(document.getElementById("name"), "Edit " + (council.name || council.path));
    fill(picker, files.map((file, number) => el("option", { value: number, text: file })));
    saveNote.textContent = writable ? "" : "read-only: start the server with --write to save";
    await open(0);
  }

  async function open(number) {
    const reply = await dcsc.request(dcsc.api(id, "/files/" + number));
    if (!reply.ok) {
      dcsc.setStatus(status, dcsc.problem(reply), true);
      return;
    }
    picker.value = String(number);
    source.value = reply.body;
    saved = reply.body;
    numberLines(new Map());
    await check();
  }

  function numberLines(marked) {
    const count = source.value.split("\n").length;
    const lines = [];
    for (let line = 1; line <= count; line++) {
      const severity = marked.get(line);
      lines.push(severity ? el("span", { className: severity === "error" ? "bad" : "doubtful", text: (severity === "error" ? "✖ " : "! ") + line }) : String(line));
      lines.push("\n");
    }
    fill(gutter, lines);
    gutter.scrollTop = source.scrollTop;
  }

  async function check() {
    const ticket = ++asked;
    const number = Number(picker.value);
    dcsc.setStatus(status, "Checking…");
    const reply = await dcsc.request("/api/check", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ council: id, file: number, text: source.value }),
    });
    if (ticket !== asked) return;
    if (!reply.ok) {
      dcsc.setStatus(status, dcsc.problem(reply), true);
      return;
    }
    show(reply.body, files[number]);
    save.disabled = !writable || source.value === saved;
  }

  function show(result, file) {
    const found = result.diagnostics.diagnostics;
    const marked = new Map();
    for (const diagnostic of found) {
      if (diagnostic.file === file && diagnostic.line) {
        if (marked.get(diagnostic.line) !== "error") marked.set(diagnostic.line, diagnostic.severity);
      }
    }
    numberLines(marked);
    const errors = found.filter((diagnostic) => diagnostic.severity === "error").length;
    dcsc.setStatus(status, errors ? "The text does not check." : "The text checks.", errors > 0);
    document.getElementById("diagnostic-count").textContent =
      errors + " error(s), " + (found.length - errors) + " warning(s)";
    fill(document.getElementById("diagnostics"), found.map((diagnostic) => diagnosticOf(diagnostic, file)));
    const verdicts = document.getElementById("verdicts");
    if (result.verdicts) {
      fill(verdicts, el("strong", { text: result.verdicts.needs_action + " need action" }),
        " as at " + result.verdicts.as_at + " · " + dcsc.countsText(result.verdicts.counts));
    } else {
      fill(verdicts, "No verdicts until the files check.");
    }
  }

  function diagnosticOf(diagnostic, file) {
    const here = diagnostic.file === file;
    const where = diagnostic.file ? (here ? "" : diagnostic.file + " ") + diagnostic.line + ":" + diagnostic.column : "";
    const button = el("button", { type: "button" },
      el("span", { className: "code-name", text: diagnostic.code }), " ",
      el("span", { className: "where", text: where }), " ",
      el("span", { text: diagnostic.message }),
      diagnostic.help.length ? el("div", { className: "where", text: diagnostic.help.join(" ") }) : null);
    if (here && diagnostic.line) button.addEventListener("click", () => jump(diagnostic.line, diagnostic.column));
    return el("li", { className: diagnostic.severity, "data-code": diagnostic.code }, button);
  }

  // Puts the cursor at a line and column (counted in characters).
  function jump(line, column) {
    const lines = source.value.split("\n");
    let offset = 0;
    for (let index = 0; index < line - 1 && index < lines.length; index++) offset += lines[index].length + 1;
    offset += Math.max(column - 1, 0);
    source.focus();
    source.setSelectionRange(offset, offset + 1);
    const lineHeight = parseFloat(getComputedStyle(source).lineHeight) || 20;
    source.scrollTop = Math.max((line - 5) * lineHeight, 0);
  }

  const checkSoon = dcsc.debounce(check, 400);
  source.addEventListener("input", () => {
    numberLines(new Map());
    save.disabled = true;
    checkSoon();
  });
  source.addEventListener("scroll", () => { gutter.scrollTop = source.scrollTop; });
  picker.addEventListener("change", () => {
    if (source.value !== saved && !confirm("Leave this file's changes unsaved?")) return;
    open(Number(picker.value));
  });
  save.addEventListener("click", async () => {
    const number = Number(picker.value);
    const text = source.value;
    save.disabled = true;
    const reply = await dcsc.request(dcsc.api(id, "/files/" + number), {
      method: "PUT",
      headers: { "Content-Type": "text/plain; charset=utf-8" },
      body: text,
    });
    if (reply.ok) {
      saved = text;
      saveNote.textContent = "Saved; the previous text is kept as " + reply.body.previous;
    } else {
      saveNote.textContent = dcsc.problem(reply);
      save.disabled = false;
    }
  });
  start();
})();
