#!/usr/bin/env node
// Scores a built KneeGuide site's search with the patient query set in queries.tsv, driving the
// search page in Debian's Chromium exactly as a reader would: /search/?q=<query>, then the links
// inside #search-results, in order. The same harness drives KneeGuide's own search
// (--engine kneeguide) and Pagefind 1.6 run on a copy of the same site (--engine pagefind).
// README.md in this folder says what is measured and how.
//
//   node evaluate.mjs --site ../../output --engine kneeguide|pagefind [options]
//   node evaluate.mjs --diff results/a.json results/b.json     (are two runs' results identical?)
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import zlib from "node:zlib";
import { chromium } from "playwright-core";

const BENCH_DIR = path.dirname(fileURLToPath(import.meta.url));
const REPO_ROOT = path.resolve(BENCH_DIR, "../..");
const CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
  "--disable-component-update", "--no-first-run"];
const VIEWPORT = { width: 390, height: 844 };
// Which HTML pages the Pagefind run marks with data-pagefind-body on <main> (see README).
const CONTENT_KINDS = ["home", "page", "article", "mobility", "exercise"];

const USAGE = `usage: node evaluate.mjs --site DIR --engine kneeguide|pagefind [options]
  --site DIR              a built site (dotnet run --project src/KneeGuide -- build writes ./output)
  --engine NAME           kneeguide: the site's own search; pagefind: Pagefind 1.6 on a copy of the site
  --queries FILE          query set (default: queries.tsv beside this script)
  --pagefind-scope S      what Pagefind indexes: site (default: <main> of every page but /search/ and
                          the 404 page), content (<main> of the pages KneeGuide's search covers:
                          home, pages, articles, mobility, exercises), raw (no markup: every <body>)
  --pagefind-results N    how many of Pagefind's results the search page loads data for and shows (50,
                          as KneeGuide shows at most 50; Pagefind's own UI starts with 5)
  --out FILE              JSON report (default: results/<engine>.json; a Pagefind run with another
                          scope or result count: results/pagefind-<scope>-r<N>.json)
  --only TEXT             run only the queries containing TEXT (for looking at one miss)
  --repeat N              run each query N times, each in a new context (cold); the time is the
                          median of the N, and results and bytes must be the same every time (1)
  --dpr X                 device pixel ratio of the phone viewport (3; the viewport is 390x844)
  --settle MS             results count as shown once #search-results has not changed for MS (300)
  --timeout MS            give up waiting for results after MS per query (10000)
  --chromium PATH         browser (default /usr/bin/chromium)
  --csp-as-is             Pagefind run only: keep netlify.toml's CSP unchanged (shows why Pagefind
                          needs 'wasm-unsafe-eval'; the scores are then not a fair baseline)
  --against DIR           kneeguide only: run every query on this other built site too, alternated
                          with --site's runs (same minutes, same load), and report both medians and
                          the median of the per-query differences; results must be the same
  --quiet                 no per-query lines while running
  --diff A.json B.json    compare two reports' per-query results and bytes; exit 1 if results differ`;

// ---------------------------------------------------------------- arguments

function parseArgs(argv) {
  const opts = { engine: null, site: null, queries: path.join(BENCH_DIR, "queries.tsv"), scope: "site",
    out: null, only: null, settle: 300, timeout: 10000, chromium: "/usr/bin/chromium", quiet: false, diff: null,
    cspAsIs: false, pagefindResults: 50, repeat: 1, dpr: 3, against: null };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const next = () => {
      if (i + 1 >= argv.length) fail(`${a} needs a value`);
      return argv[++i];
    };
    switch (a) {
      case "--site": opts.site = path.resolve(next()); break;
      case "--engine": opts.engine = next(); break;
      case "--queries": opts.queries = path.resolve(next()); break;
      case "--pagefind-scope": opts.scope = next(); break;
      case "--out": opts.out = path.resolve(next()); break;
      case "--only": opts.only = next().toLowerCase(); break;
      case "--settle": opts.settle = Number(next()); break;
      case "--timeout": opts.timeout = Number(next()); break;
      case "--chromium": opts.chromium = next(); break;
      case "--quiet": opts.quiet = true; break;
      case "--csp-as-is": opts.cspAsIs = true; break;
      case "--pagefind-results": opts.pagefindResults = Number(next()); break;
      case "--repeat": opts.repeat = Number(next()); break;
      case "--against": opts.against = path.resolve(next()); break;
      case "--dpr": opts.dpr = Number(next()); break;
      case "--diff": opts.diff = [path.resolve(next()), path.resolve(next())]; break;
      case "-h": case "--help": console.log(USAGE); process.exit(0); break;
      default: fail(`unknown argument ${a}`);
    }
  }
  if (opts.diff) return opts;
  if (!opts.site || !opts.engine) fail("--site and --engine are required");
  if (!["kneeguide", "pagefind"].includes(opts.engine)) fail(`unknown engine ${opts.engine}`);
  if (!["site", "content", "raw"].includes(opts.scope)) fail(`unknown --pagefind-scope ${opts.scope}`);
  if (!fs.existsSync(path.join(opts.site, "search", "index.html"))) {
    fail(`${opts.site} has no search/index.html: build the site first`);
  }
  if (!Number.isInteger(opts.pagefindResults) || opts.pagefindResults < 1) fail("--pagefind-results needs a whole number");
  if (!Number.isInteger(opts.repeat) || opts.repeat < 1) fail("--repeat needs a whole number");
  if (!(opts.dpr > 0)) fail("--dpr needs a positive number");
  if (!opts.out) {
    let name = opts.engine;
    if (opts.engine === "pagefind" && opts.scope !== "site") name += `-${opts.scope}`;
    if (opts.engine === "pagefind" && opts.pagefindResults !== 50) name += `-r${opts.pagefindResults}`;
    opts.out = path.join(BENCH_DIR, "results", `${name}.json`);
  }
  return opts;
}

function fail(message) {
  console.error(`evaluate.mjs: ${message}\n\n${USAGE}`);
  process.exit(2);
}

// ---------------------------------------------------------------- queries

function readQueries(file) {
  const lines = fs.readFileSync(file, "utf8").split("\n");
  const queries = [];
  let header = null;
  for (const [n, line] of lines.entries()) {
    if (!line.trim() || line.startsWith("#")) continue;
    const cols = line.split("\t");
    if (!header) { header = cols; continue; }
    if (cols.length < 3) throw new Error(`${file}:${n + 1}: expected query, expected and tests columns`);
    const expected = cols[1].trim() === "none" ? [] : cols[1].split("|").map((u) => u.trim()).filter(Boolean);
    queries.push({ query: cols[0], expected, tests: cols[2].split(",").map((t) => t.trim()).filter(Boolean),
      why: cols[3] || "" });
  }
  return queries;
}

// ---------------------------------------------------------------- headers from netlify.toml

// The header values netlify.toml sets for "/*" (a small reader for that one shape of table).
function netlifyHeaders(file) {
  const headers = {};
  let forAll = false;
  let inValues = false;
  for (const raw of fs.readFileSync(file, "utf8").split("\n")) {
    const line = raw.trim();
    if (line.startsWith("[[headers]]")) { forAll = false; inValues = false; continue; }
    if (line.startsWith("[headers.values]")) { inValues = true; continue; }
    if (line.startsWith("[")) { inValues = false; continue; }
    const m = /^("?)([A-Za-z0-9-]+)\1\s*=\s*"(.*)"\s*$/.exec(line);
    if (!m) continue;
    if (!inValues && m[2] === "for") forAll = m[3] === "/*";
    else if (inValues && forAll) headers[m[2]] = m[3];
  }
  if (!headers["Content-Security-Policy"]) throw new Error(`${file} sets no Content-Security-Policy for /*`);
  return headers;
}

// Pagefind compiles WebAssembly, which a CSP without 'wasm-unsafe-eval' in script-src forbids.
function allowWasm(csp) {
  return csp.split(";").map((d) => {
    const t = d.trim();
    return t.startsWith("script-src ") && !t.includes("'wasm-unsafe-eval'") ? `${t} 'wasm-unsafe-eval'` : t;
  }).join("; ");
}

// ---------------------------------------------------------------- static server

const TYPES = {
  ".html": "text/html; charset=utf-8", ".css": "text/css; charset=utf-8", ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8", ".json": "application/json", ".svg": "image/svg+xml",
  ".xml": "application/xml", ".txt": "text/plain; charset=utf-8", ".wasm": "application/wasm",
  ".png": "image/png", ".jpg": "image/jpeg", ".webp": "image/webp", ".ico": "image/x-icon",
};
// Compressed as a CDN compresses text: by type. Pagefind's .pagefind/.pf_* files are gzip streams
// already (Pagefind writes them so); they are served as application/octet-stream, not re-gzipped.
const COMPRESSIBLE = /^(text\/|application\/(json|javascript|xml|wasm)|image\/svg\+xml)/;

function startServer(root, headers) {
  const log = [];
  const files = new Map();
  const read = (file, gzip) => {
    const key = `${gzip ? "gz" : "id"}:${file}`;
    if (!files.has(key)) {
      const body = fs.readFileSync(file);
      files.set(key, gzip ? zlib.gzipSync(body, { level: 6 }) : body);
    }
    return files.get(key);
  };
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, "http://127.0.0.1");
    let status = 200;
    let file = null;
    let location = null;
    try {
      const rel = decodeURIComponent(url.pathname);
      const candidate = path.join(root, rel);
      if (candidate.startsWith(root)) {
        const st = fs.statSync(candidate, { throwIfNoEntry: false });
        if (st && st.isDirectory()) {
          if (!rel.endsWith("/")) location = `${url.pathname}/${url.search}`;
          else if (fs.existsSync(path.join(candidate, "index.html"))) file = path.join(candidate, "index.html");
        } else if (st && st.isFile()) {
          file = candidate;
        }
      }
    } catch { /* malformed escape: a 404 */ }
    const common = { ...headers, "Cache-Control": "public, max-age=0, must-revalidate" };
    if (location) {
      res.writeHead(301, { ...common, Location: location, "Content-Length": 0 });
      res.end();
      log.push({ path: url.pathname + url.search, status: 301, type: "", encoding: "identity", bytes: 0,
        headerBytes: headerBytes(res) });
      return;
    }
    if (!file) {
      status = 404;
      file = path.join(root, "404.html");
    }
    const type = TYPES[path.extname(file).toLowerCase()] || "application/octet-stream";
    const gzip = COMPRESSIBLE.test(type) && /\bgzip\b/.test(req.headers["accept-encoding"] || "");
    const body = read(file, gzip);
    res.writeHead(status, { ...common, "Content-Type": type, "Content-Length": body.length,
      ...(gzip ? { "Content-Encoding": "gzip", Vary: "Accept-Encoding" } : {}) });
    res.end(req.method === "HEAD" ? undefined : body);
    log.push({ path: url.pathname + url.search, status, type: type.split(";")[0], encoding: gzip ? "gzip" : "identity",
      bytes: req.method === "HEAD" ? 0 : body.length, headerBytes: headerBytes(res) });
  });
  return new Promise((resolve) => {
    server.listen(0, "127.0.0.1", () => resolve({ server, log, port: server.address().port }));
  });
}

// The bytes of the response's status line and headers as written (Node keeps them in _header).
function headerBytes(res) {
  return typeof res._header === "string" ? Buffer.byteLength(res._header) : 0;
}

// ---------------------------------------------------------------- the Pagefind copy

function walkHtml(dir, out = []) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) walkHtml(p, out);
    else if (entry.name.endsWith(".html")) out.push(p);
  }
  return out;
}

function preparePagefind(site, scope, limit) {
  const copy = fs.mkdtempSync(path.join(os.tmpdir(), "kneeguide-pagefind-"));
  fs.cpSync(site, copy, { recursive: true });
  fs.rmSync(path.join(copy, "pagefind"), { recursive: true, force: true });
  const searchPage = path.join(copy, "search", "index.html");
  const notFound = path.join(copy, "404.html");
  const marked = [];
  if (scope !== "raw") {
    for (const file of walkHtml(copy)) {
      if (file === searchPage || file === notFound) continue;
      let html = fs.readFileSync(file, "utf8");
      if (scope === "content") {
        const kind = /<body[^>]*\bclass="[^"]*\bkind-([a-z0-9-]+)/.exec(html);
        if (!kind || !CONTENT_KINDS.includes(kind[1])) continue;
      }
      if (!/<main(\s|>)/.test(html)) continue;
      html = html.replace(/<main(\s|>)/, "<main data-pagefind-body$1");
      fs.writeFileSync(file, html);
      marked.push("/" + path.relative(copy, file).split(path.sep).join("/").replace(/index\.html$/, ""));
    }
  }
  // The search page: the site's own page with its scripts swapped for the Pagefind one.
  let html = fs.readFileSync(searchPage, "utf8");
  if (!html.includes('id="search-results"')) throw new Error("the site's /search/ page has no #search-results");
  html = html.replace(/<script\b[^>]*\bsrc=[^>]*>\s*<\/script>\s*/g, "");
  html = html.replace("</head>", `<script type="module" src="/pagefind-bench/search.js?limit=${limit}"></script>\n</head>`);
  fs.writeFileSync(searchPage, html);
  fs.mkdirSync(path.join(copy, "pagefind-bench"));
  fs.copyFileSync(path.join(BENCH_DIR, "pagefind-search.js"), path.join(copy, "pagefind-bench", "search.js"));

  const run = spawnSync("npx", ["--no-install", "pagefind", "--site", copy], { cwd: BENCH_DIR, encoding: "utf8" });
  if (run.status !== 0) throw new Error(`pagefind failed (${run.status}):\n${run.stdout}\n${run.stderr}`);
  const version = /Running Pagefind v(\S+)/.exec(run.stdout)?.[1] ?? "unknown";
  const pages = /Indexed (\d+) pages/.exec(run.stdout)?.[1] ?? "?";
  return { copy, version, indexedPages: Number(pages), marked, log: run.stdout };
}

// ---------------------------------------------------------------- one query in a fresh context

// Runs in the page before any of its scripts: notes when #search-results last changed (in
// performance.now() time, which starts at navigation start) and any CSP violation.
function initScript() {
  const bench = { last: -1, changes: 0, csp: [] };
  window.__bench = bench;
  const touches = (node) => {
    const el = node && (node.nodeType === 1 ? node : node.parentElement);
    return !!(el && (el.id === "search-results" || (el.closest && el.closest("#search-results"))));
  };
  const holds = (node) => node && node.nodeType === 1 && (node.id === "search-results" ||
    (node.querySelector && node.querySelector("#search-results")));
  new MutationObserver((mutations) => {
    for (const m of mutations) {
      if (touches(m.target) || Array.from(m.addedNodes).some(holds) || Array.from(m.removedNodes).some(holds)) {
        bench.last = performance.now();
        bench.changes++;
        return;
      }
    }
  }).observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
  document.addEventListener("securitypolicyviolation", (e) => {
    bench.csp.push(`${e.effectiveDirective} blocked ${e.blockedURI || "(inline)"}`);
  });
}

async function runQuery(browser, base, server, q, opts) {
  const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: opts.dpr, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  await page.addInitScript(initScript);
  const console_ = [];
  page.on("console", (m) => { if (m.type() === "error" || m.type() === "warning") console_.push(`${m.type()}: ${m.text()}`); });
  page.on("pageerror", (e) => console_.push(`pageerror: ${e.message}`));
  const target = `/search/?q=${encodeURIComponent(q.query)}`;
  server.log.length = 0;
  let timedOut = false;
  await page.goto(base + target, { waitUntil: "commit" });
  try {
    await page.waitForFunction((settle) => {
      const b = window.__bench;
      const el = document.getElementById("search-results");
      if (!b || !el || b.last < 0) return false;
      const shown = el.querySelector("a[href]") || el.textContent.trim();
      return !!shown && performance.now() - b.last >= settle;
    }, opts.settle, { timeout: opts.timeout, polling: 25 });
  } catch (e) {
    if (!/Timeout/i.test(String(e))) throw e;
    timedOut = true;
  }
  const state = await page.evaluate(() => {
    const el = document.getElementById("search-results");
    const links = el ? Array.from(el.querySelectorAll("a[href]")).map((a) => a.href) : [];
    const nav = performance.getEntriesByType("navigation")[0];
    const timing = { responseEnd: nav ? Math.round(nav.responseEnd) : null,
      domContentLoaded: nav ? Math.round(nav.domContentLoadedEventEnd) : null,
      resources: performance.getEntriesByType("resource").map((r) => [new URL(r.name).pathname,
        Math.round(r.startTime), Math.round(r.responseEnd)]) };
    return { links, timing, text: el ? el.textContent.trim().slice(0, 200) : "", last: window.__bench.last,
      changes: window.__bench.changes, csp: window.__bench.csp };
  });
  await context.close();
  const requests = server.log.slice();

  const seen = new Set();
  const results = [];
  for (const href of state.links) {
    const u = new URL(href);
    const p = u.origin === base ? u.pathname.replace(/index\.html$/, "") : href;
    if (!seen.has(p)) { seen.add(p); results.push(p); }
  }
  // What a search costs: every response after the search page's own HTML document, except
  // stylesheets and images (the page's presentation, the same for any engine).
  const counted = [];
  const excluded = [];
  for (const r of requests) {
    const own = (r.path === target && r.type === "text/html") || r.type === "text/css" || r.type.startsWith("image/");
    (own ? excluded : counted).push(r);
  }
  const rank = q.expected.length ? results.findIndex((u) => q.expected.includes(u)) + 1 : 0;
  return {
    query: q.query, tests: q.tests, expected: q.expected, results, rank,
    hit1: rank === 1, hit3: rank >= 1 && rank <= 3, rr: rank ? 1 / rank : 0,
    noResults: results.length === 0, timedOut,
    timeMs: state.last >= 0 ? Math.round(state.last * 10) / 10 : null,
    bytes: sum(counted.map((r) => r.bytes)), wireBytes: sum(counted.map((r) => r.bytes + r.headerBytes)),
    requests: counted.length, counted, excluded, timing: state.timing,
    shownText: state.links.length ? undefined : state.text,
    csp: state.csp, console: console_,
  };
}

// ---------------------------------------------------------------- metrics

const sum = (xs) => xs.reduce((a, b) => a + b, 0);
const mean = (xs) => (xs.length ? sum(xs) / xs.length : null);
function median(xs) {
  if (!xs.length) return null;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

function summarize(rows) {
  const answerable = rows.filter((r) => r.expected.length);
  const none = rows.filter((r) => !r.expected.length);
  const times = rows.map((r) => r.timeMs).filter((t) => t !== null);
  return {
    queries: rows.length,
    answerable: answerable.length,
    success1: answerable.length ? answerable.filter((r) => r.hit1).length / answerable.length : null,
    success3: answerable.length ? answerable.filter((r) => r.hit3).length / answerable.length : null,
    mrr: answerable.length ? mean(answerable.map((r) => r.rr)) : null,
    noResults: answerable.filter((r) => r.noResults).length,
    noneQueries: none.length,
    noneEmpty: none.filter((r) => r.noResults).length,
    meanBytes: mean(rows.map((r) => r.bytes)),
    medianBytes: median(rows.map((r) => r.bytes)),
    medianWireBytes: median(rows.map((r) => r.wireBytes)),
    medianRequests: median(rows.map((r) => r.requests)),
    medianTimeMs: median(times),
    timedOut: rows.filter((r) => r.timedOut).length,
    unstable: rows.filter((r) => r.unstable).length,
  };
}

function byCategory(rows) {
  const cats = [...new Set(rows.flatMap((r) => r.tests))].sort();
  return Object.fromEntries(cats.map((c) => [c, summarize(rows.filter((r) => r.tests.includes(c)))]));
}

const pct = (x) => (x === null ? "-" : `${(100 * x).toFixed(1)}%`);
const num = (x, d = 0) => (x === null || x === undefined ? "-" : x.toFixed(d));

function table(summary, cats) {
  const head = ["", "n", "S@1", "S@3", "MRR", "no res", "none->empty", "mean B", "median B", "median ms"];
  const line = (name, s) => [name, String(s.queries), pct(s.success1), pct(s.success3), num(s.mrr, 3),
    `${s.noResults}/${s.answerable}`, s.noneQueries ? `${s.noneEmpty}/${s.noneQueries}` : "-",
    num(s.meanBytes), num(s.medianBytes), num(s.medianTimeMs, 1)];
  const rowsOut = [head, line("ALL", summary), ...Object.entries(cats).map(([c, s]) => line(c, s))];
  const widths = head.map((_, i) => Math.max(...rowsOut.map((r) => r[i].length)));
  return rowsOut.map((r) => r.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join("  ")).join("\n");
}

function git(args) {
  const r = spawnSync("git", ["-C", REPO_ROOT, ...args], { encoding: "utf8" });
  return r.status === 0 ? r.stdout.trim() : null;
}

// ---------------------------------------------------------------- --diff

function diff([a, b]) {
  const A = JSON.parse(fs.readFileSync(a, "utf8"));
  const B = JSON.parse(fs.readFileSync(b, "utf8"));
  const byQuery = new Map(B.perQuery.map((r) => [r.query, r]));
  let resultDiffs = 0;
  let byteDiffs = 0;
  for (const r of A.perQuery) {
    const o = byQuery.get(r.query);
    if (!o) { console.log(`only in ${a}: ${r.query}`); resultDiffs++; continue; }
    if (JSON.stringify(r.results) !== JSON.stringify(o.results)) {
      resultDiffs++;
      console.log(`results differ: ${r.query}\n  ${r.results.join(" ")}\n  ${o.results.join(" ")}`);
    }
    if (r.bytes !== o.bytes) { byteDiffs++; console.log(`bytes differ: ${r.query}: ${r.bytes} vs ${o.bytes}`); }
  }
  for (const k of ["success1", "success3", "mrr", "noResults", "noneEmpty", "meanBytes", "medianBytes"]) {
    if (A.summary[k] !== B.summary[k]) console.log(`summary ${k}: ${A.summary[k]} vs ${B.summary[k]}`);
  }
  console.log(`${A.perQuery.length} queries: ${resultDiffs} with different results, ${byteDiffs} with different bytes; ` +
    `median time ${num(A.summary.medianTimeMs, 1)} ms vs ${num(B.summary.medianTimeMs, 1)} ms`);
  process.exit(resultDiffs ? 1 : 0);
}

// ---------------------------------------------------------------- main

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  if (opts.diff) return diff(opts.diff);
  let queries = readQueries(opts.queries);
  if (opts.only) queries = queries.filter((q) => q.query.toLowerCase().includes(opts.only));
  if (!queries.length) fail("no queries to run");

  const headers = netlifyHeaders(path.join(REPO_ROOT, "netlify.toml"));
  let root = opts.site;
  let pagefind = null;
  if (opts.engine === "pagefind") {
    if (!opts.cspAsIs) headers["Content-Security-Policy"] = allowWasm(headers["Content-Security-Policy"]);
    pagefind = preparePagefind(opts.site, opts.scope, opts.pagefindResults);
    root = pagefind.copy;
    console.log(`Pagefind ${pagefind.version} indexed ${pagefind.indexedPages} pages of a copy at ${root} ` +
      `(scope ${opts.scope}${opts.scope === "raw" ? "" : `: ${pagefind.marked.length} pages marked data-pagefind-body`})`);
  }
  if (opts.against && opts.engine !== "kneeguide") fail("--against is for --engine kneeguide");
  const server = await startServer(root, headers);
  const other = opts.against ? await startServer(opts.against, headers) : null;
  const otherBase = other ? `http://127.0.0.1:${other.port}` : null;
  const loadStart = os.loadavg().map((x) => +x.toFixed(2));
  const base = `http://127.0.0.1:${server.port}`;
  const browser = await chromium.launch({ executablePath: opts.chromium, headless: true, args: CHROMIUM_ARGS });
  const rows = [];
  try {
    // One untimed page load first, so that the first query does not also pay for the browser's start.
    const warm = await browser.newContext({ viewport: VIEWPORT });
    await (await warm.newPage()).goto(`${base}/`, { waitUntil: "load" });
    await warm.close();
    for (const [i, q] of queries.entries()) {
      const runs = [];
      const otherRuns = [];
      for (let k = 0; k < opts.repeat; k++) {
        // With --against, the two sites take turns, each going first every other time.
        if (other && k % 2) otherRuns.push(await runQuery(browser, otherBase, other, q, opts));
        runs.push(await runQuery(browser, base, server, q, opts));
        if (other && !(k % 2)) otherRuns.push(await runQuery(browser, otherBase, other, q, opts));
      }
      const row = runs[0];
      row.timesMs = runs.map((r) => r.timeMs);
      const times = row.timesMs.filter((t) => t !== null);
      row.timeMs = times.length ? median(times) : null;
      row.unstable = runs.some((r) => JSON.stringify(r.results) !== JSON.stringify(row.results) || r.bytes !== row.bytes);
      if (other) {
        const otherTimes = otherRuns.map((r) => r.timeMs).filter((t) => t !== null);
        row.against = { timesMs: otherRuns.map((r) => r.timeMs), timeMs: otherTimes.length ? median(otherTimes) : null,
          results: otherRuns[0].results, bytes: otherRuns[0].bytes, timing: otherRuns[0].timing };
        if (JSON.stringify(row.against.results) !== JSON.stringify(row.results)) {
          console.log(`      ! results differ from --against's: ${row.against.results.join(" ")}`);
        }
      }
      rows.push(row);
      if (!opts.quiet) {
        const mark = !q.expected.length ? (row.noResults ? "ok  " : "FP  ") : row.hit3 ? `r${row.rank}  ` : "MISS";
        console.log(`${String(i + 1).padStart(3)} ${mark} ${q.query.padEnd(42)} ${String(row.results.length).padStart(2)} res ` +
          `${String(row.bytes).padStart(7)} B ${num(row.timeMs, 0).padStart(5)} ms  ${row.results.slice(0, 3).join(" ")}`);
      }
      for (const w of [...row.csp.map((c) => `CSP: ${c}`), ...row.console]) console.log(`      ! ${w}`);
      if (row.timedOut) console.log("      ! timed out waiting for results");
      if (row.unstable) {
        console.log(`      ! results or bytes differ between repeats: ${runs.map((r) => `${r.bytes} B ${r.results.join(" ")}`).join(" / ")}`);
      }
    }
  } finally {
    await browser.close().catch(() => {});
    server.server.close();
    if (other) other.server.close();
    if (pagefind) fs.rmSync(pagefind.copy, { recursive: true, force: true });
  }

  const summary = summarize(rows);
  const categories = byCategory(rows);
  const report = {
    engine: opts.engine, pagefindScope: opts.engine === "pagefind" ? opts.scope : undefined,
    date: new Date().toISOString(), commit: git(["rev-parse", "HEAD"]), dirty: !!git(["status", "--porcelain"]),
    site: opts.site, queriesFile: path.relative(BENCH_DIR, opts.queries),
    chromium: browser.version(), node: process.version,
    pagefind: pagefind ? { version: pagefind.version, indexedPages: pagefind.indexedPages, marked: pagefind.marked,
      resultsLoaded: opts.pagefindResults } : undefined,
    csp: headers["Content-Security-Policy"], settleMs: opts.settle, timeoutMs: opts.timeout, viewport: VIEWPORT,
    dpr: opts.dpr, repeat: opts.repeat, loadAverage: { start: loadStart, end: os.loadavg().map((x) => +x.toFixed(2)) },
    summary, categories, against: other ? againstSummary(rows, opts.against) : undefined,
    misses: rows.filter((r) => r.expected.length && !r.hit3).map((r) => ({ query: r.query, tests: r.tests, rank: r.rank,
      top3: r.results.slice(0, 3), expected: r.expected })),
    falsePositives: rows.filter((r) => !r.expected.length && !r.noResults).map((r) => ({ query: r.query, top3: r.results.slice(0, 3) })),
    perQuery: rows,
  };
  fs.mkdirSync(path.dirname(opts.out), { recursive: true });
  fs.writeFileSync(opts.out, JSON.stringify(report, null, 2) + "\n");

  const title = opts.engine === "pagefind" ? `pagefind ${pagefind.version} (scope ${opts.scope})` : "kneeguide";
  console.log(`\n${title}: ${rows.length} queries (${summary.answerable} answerable, ${summary.noneQueries} 'none')`);
  console.log(table(summary, categories));
  console.log(`\nmisses (no right page in the top 3): ${report.misses.length}`);
  for (const m of report.misses) {
    console.log(`  ${m.query} [${m.tests.join(",")}] rank ${m.rank || "-"}: got ${m.top3.join(" ") || "(nothing)"}`);
  }
  console.log(`'none' queries that returned results: ${report.falsePositives.length}`);
  for (const f of report.falsePositives) console.log(`  ${f.query}: ${f.top3.join(" ")}`);
  if (report.against) {
    const a = report.against;
    console.log(`\nagainst ${a.site}: median ${num(a.medianTimeMs, 1)} ms (this site ${num(summary.medianTimeMs, 1)} ms); ` +
      `median per-query difference (this - against) ${num(a.medianDifferenceMs, 1)} ms, this site faster on ${a.faster} of ${rows.length}; ` +
      `${a.resultDiffs} with different results; mean bytes ${num(a.meanBytes)} (this site ${num(summary.meanBytes)})`);
  }
  console.log(`\nreport: ${path.relative(process.cwd(), opts.out)}`);
}

// The --against comparison: the other site's median time, and per query this site's time minus the other's.
function againstSummary(rows, site) {
  const paired = rows.filter((r) => r.timeMs !== null && r.against.timeMs !== null);
  return {
    site, medianTimeMs: median(rows.map((r) => r.against.timeMs).filter((t) => t !== null)),
    medianDifferenceMs: median(paired.map((r) => r.timeMs - r.against.timeMs)),
    faster: paired.filter((r) => r.timeMs < r.against.timeMs).length,
    resultDiffs: rows.filter((r) => JSON.stringify(r.results) !== JSON.stringify(r.against.results)).length,
    meanBytes: mean(rows.map((r) => r.against.bytes)),
  };
}

main().catch((e) => {
  console.error(e.stack || String(e));
  process.exit(1);
});
