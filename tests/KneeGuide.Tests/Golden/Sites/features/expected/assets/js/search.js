// Site search, offline and without a server: KneeGuide writes the index at build time under
// /search/ (manifest.json, terms/<two-letter key>.json, docs/<n>.json) and this script loads only
// the shards a query needs, so it stays quick on a site of thousands of pages. Tokenizing repeats
// SearchTerms.cs exactly. Results are written with textContent, never as HTML.
(function () {
  "use strict";
  var form = document.querySelector(".search-form");
  var input = document.getElementById("q");
  var results = document.getElementById("search-results");
  if (!form || !input || !results) return;

  var STOP = ("a an and are as at be but by for from has have if in into is it its of on or so that the " +
    "their then there this to was were will with you your").split(" ");
  // Same table as SearchTerms.cs (FoldFrom/FoldTo): accented letter -> plain letter.
  var FOLD_FROM = "ÀÁÂÃÄÅàáâãäåĀāĂăĄąÇçĆćĈĉĊċČčĎďĐđÈÉÊËèéêëĒēĔĕĖėĘęĚěĜĝĞğĠġĢģĤĥĦħÌÍÎÏìíîïĨĩĪīĬĭĮįİıĴĵĶķĹĺĻļĽľĿŀŁłÑñŃńŅņŇňÒÓÔÕÖØòóôõöøŌōŎŏŐőŔŕŖŗŘřŚśŜŝŞşŠšŢţŤťŦŧÙÚÛÜùúûüŨũŪūŬŭŮůŰűŲųŴŵÝýÿŶŷŸŹźŻżŽž";
  var FOLD_TO = "aaaaaaaaaaaaaaaaaaccccccccccddddeeeeeeeeeeeeeeeeeegggggggghhhhiiiiiiiiiiiiiiiiiijjkkllllllllllnnnnnnnnoooooooooooooooooorrrrrrssssssssttttttuuuuuuuuuuuuuuuuuuuuwwyyyyyyzzzzzz";
  var cache = {};
  var manifest = null;

  function load(path) {
    if (!cache[path]) {
      cache[path] = fetch("/search/" + path).then(function (r) {
        if (!r.ok) throw new Error("Search index file " + path + " is missing (" + r.status + ")");
        return r.json();
      });
    }
    return cache[path];
  }

  function tokenize(text) {
    var folded = Array.prototype.map.call(text, function (c) {
      var i = FOLD_FROM.indexOf(c);
      return i >= 0 ? FOLD_TO[i] : c;
    }).join("");
    var words = folded.replace(/\p{Mn}/gu, "").replace(/['\u2019]/g, "").toLowerCase().split(/[^\p{L}\p{N}]+/u);
    return words.filter(function (w) { return w.length >= 2 && w.length <= 40 && STOP.indexOf(w) < 0; });
  }

  function shardKey(term) {
    return term.slice(0, manifest.prefix).replace(/[^a-z0-9]/g, "_");
  }

  // Scores of documents for one query term: every index term starting with it (so "stre" finds
  // "stretch"), an exact match counting double.
  function scoresFor(term) {
    var key = shardKey(term);
    if (key.length < manifest.prefix || manifest.shards.indexOf(key) < 0) return Promise.resolve({});
    return load("terms/" + key + ".json").then(function (shard) {
      var scores = {};
      Object.keys(shard).forEach(function (t) {
        if (t.indexOf(term) !== 0) return;
        shard[t].forEach(function (posting) {
          var weight = posting[1] * (t === term ? 2 : 1);
          scores[posting[0]] = Math.max(scores[posting[0]] || 0, weight);
        });
      });
      return scores;
    });
  }

  function search(query) {
    var terms = tokenize(query).filter(function (t, i, all) { return all.indexOf(t) === i; });
    if (!terms.length) return Promise.resolve(null);
    return Promise.all(terms.map(scoresFor)).then(function (perTerm) {
      // Every term must match: a reader adding a word narrows the results.
      var total = {};
      Object.keys(perTerm[0]).forEach(function (doc) {
        var sum = 0;
        for (var i = 0; i < perTerm.length; i++) {
          if (!(doc in perTerm[i])) return;
          sum += perTerm[i][doc];
        }
        total[doc] = sum;
      });
      var ranked = Object.keys(total).map(Number).sort(function (a, b) { return total[b] - total[a] || a - b; }).slice(0, 50);
      var chunks = ranked.map(function (d) { return Math.floor(d / manifest.chunk); })
        .filter(function (c, i, all) { return all.indexOf(c) === i; });
      return Promise.all(chunks.map(function (c) { return load("docs/" + c + ".json"); })).then(function (loaded) {
        var byChunk = {};
        chunks.forEach(function (c, i) { byChunk[c] = loaded[i]; });
        return ranked.map(function (d) { return byChunk[Math.floor(d / manifest.chunk)][d % manifest.chunk]; });
      });
    });
  }

  var KIND = { article: "Article", mobility: "Mobility", exercise: "Exercise", page: "Page", home: "Home" };

  function render(query, docs) {
    results.textContent = "";
    if (docs === null) return;
    var status = document.createElement("p");
    status.className = "search-status";
    status.textContent = docs.length === 0
      ? "No pages match “" + query + "”. Try fewer or shorter words."
      : docs.length + (docs.length === 1 ? " page matches" : " pages match") + " “" + query + "”.";
    results.appendChild(status);
    if (!docs.length) return;
    var list = document.createElement("ol");
    list.className = "search-results";
    docs.forEach(function (doc) {
      var item = document.createElement("li");
      var link = document.createElement("a");
      link.href = doc[0];
      link.textContent = doc[1];
      var kind = document.createElement("span");
      kind.className = "kind";
      kind.textContent = KIND[doc[3]] || doc[3];
      var desc = document.createElement("p");
      desc.textContent = doc[2];
      item.appendChild(kind);
      item.appendChild(link);
      item.appendChild(desc);
      list.appendChild(item);
    });
    results.appendChild(list);
  }

  var latest = 0;
  function run(updateUrl) {
    var query = input.value.trim();
    var ticket = ++latest;
    if (updateUrl && window.history && window.history.replaceState) {
      window.history.replaceState(null, "", window.location.pathname + (query ? "?q=" + encodeURIComponent(query) : ""));
    }
    load("manifest.json").then(function (m) {
      manifest = m;
      return search(query);
    }).then(function (docs) {
      if (ticket === latest) render(query, docs);
    }).catch(function (error) {
      results.textContent = "Search is not available right now: " + error.message;
    });
  }

  var timer = 0;
  input.addEventListener("input", function () {
    window.clearTimeout(timer);
    timer = window.setTimeout(function () { run(true); }, 150);
  });
  form.addEventListener("submit", function (e) { e.preventDefault(); run(true); });
  var initial = new URLSearchParams(window.location.search).get("q");
  if (initial) {
    input.value = initial;
    run(false);
  }
})();
