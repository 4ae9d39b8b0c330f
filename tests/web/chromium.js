// What both browser tests share: the repository's root, and Debian's
// Chromium with the flags that keep a headless run quiet and offline.
// Playwright never downloads a browser of its own here.
"use strict";

const path = require("node:path");

const ROOT = path.resolve(__dirname, "../..");
const CHROMIUM = "/usr/bin/chromium";
const FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

module.exports = { ROOT, CHROMIUM, FLAGS };
