// The search page's script for the Pagefind run of evaluate.mjs (never part of the product). It is
// copied into the Pagefind copy of the site as /pagefind-bench/search.js and replaces the site's own
// search script on /search/: it reads ?q= exactly as theme/assets/js/search.js does, runs Pagefind's
// JS API (/pagefind/pagefind.js, pagefind.search(q)), loads each result's data and renders the
// results as links inside #search-results in Pagefind's rank order, with the same markup and
// classes as KneeGuide's own results. Text is written with textContent, never as HTML.
// KneeGuide's own page lists at most 50 results: load and show the same number, unless the harness
// asks for another (evaluate.mjs --pagefind-results N puts ?limit=N on this script's URL).
const LIMIT = Number(new URL(import.meta.url).searchParams.get("limit")) || 50;

const form = document.querySelector(".search-form");
const input = document.getElementById("q");
const results = document.getElementById("search-results");
let pagefind = null;
let latest = 0;

function render(query, docs) {
  results.textContent = "";
  const status = document.createElement("p");
  status.className = "search-status";
  status.textContent = docs.length === 0
    ? "No pages match \u201c" + query + "\u201d. Try fewer or shorter words."
    : docs.length + (docs.length === 1 ? " page matches" : " pages match") + " \u201c" + query + "\u201d.";
  results.appendChild(status);
  if (!docs.length) return;
  const list = document.createElement("ol");
  list.className = "search-results";
  for (const doc of docs) {
    const item = document.createElement("li");
    const link = document.createElement("a");
    link.href = doc.url;
    link.textContent = (doc.meta && doc.meta.title) || doc.url;
    item.appendChild(link);
    list.appendChild(item);
  }
  results.appendChild(list);
}

async function run(query) {
  const ticket = ++latest;
  if (!query) { results.textContent = ""; return; }
  try {
    pagefind = pagefind || await import("/pagefind/pagefind.js");
    const search = await pagefind.search(query);
    const docs = await Promise.all(search.results.slice(0, LIMIT).map((r) => r.data()));
    if (ticket === latest) render(query, docs);
  } catch (error) {
    results.textContent = "Search is not available right now: " + error.message;
  }
}

if (results) {
  if (form && input) {
    form.addEventListener("submit", (e) => { e.preventDefault(); run(input.value.trim()); });
  }
  const initial = new URLSearchParams(window.location.search).get("q");
  if (initial) {
    if (input) input.value = initial;
    run(initial.trim());
  }
}
