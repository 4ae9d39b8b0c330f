// dcsc serve: what every page shares. Council text only ever goes into a
// page as text (textContent), never as markup.
"use strict";

const dcsc = {
  // An element with attributes and children; a string child is text.
  el(tag, attributes, ...children) {
    const element = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes || {})) {
      if (value === null || value === undefined || value === false) continue;
      if (name === "text") element.textContent = String(value);
      else if (name === "className") element.className = value;
      else element.setAttribute(name, value === true ? "" : String(value));
    }
    for (const child of children.flat()) {
      if (child === null || child === undefined || child === false) continue;
      element.append(typeof child === "string" ? document.createTextNode(child) : child);
    }
    return element;
  },

  // Empties an element and puts the children in.
  fill(element, ...children) {
    element.replaceChildren();
    for (const child of children.flat()) {
      if (child === null || child === undefined || child === false) continue;
      element.append(typeof child === "string" ? document.createTextNode(child) : child);
    }
  },

  // GETs or sends JSON: { ok, status, body }, body parsed if JSON.
  async request(url, options) {
    let response;
    try {
      response = await fetch(url, options);
    } catch (error) {
      return { ok: false, status: 0, body: { error: { message: "the server cannot be reached: " + error.message } } };
    }
    const type = response.headers.get("content-type") || "";
    const body = type.startsWith("application/json") ? await response.json() : await response.text();
    return { ok: response.ok, status: response.status, body };
  },

  // The message of an error answer.
  problem(reply) {
    if (reply.body && reply.body.error) return reply.body.error.message;
    return "the server answered " + reply.status;
  },

  // The council's id in this page's address: /councils/{id}[/…].
  councilId() {
    const parts = location.pathname.split("/");
    return decodeURIComponent(parts[2] || "");
  },

  api(id, rest) {
    return "/api/councils/" + encodeURIComponent(id) + (rest || "");
  },

  // "fail: 1, unknown: 3 …" from a summary's counts, the zero counts left out.
  countsText(counts) {
    return Object.entries(counts)
      .filter(([, count]) => count > 0)
      .map(([kind, count]) => kind.replace("_", " ") + " " + count)
      .join(", ");
  },

  // Waits until typing pauses.
  debounce(action, milliseconds) {
    let timer = null;
    return (...values) => {
      clearTimeout(timer);
      timer = setTimeout(() => action(...values), milliseconds);
    };
  },

  setStatus(element, text, problem) {
    element.textContent = text;
    element.classList.toggle("problem", Boolean(problem));
  },
};
