// Site search without a server (docs/search.md): loads only what a query needs of the index the
// build wrote (SearchIndexLayout.cs), reads words as the build did (search-analyzer.js), ranks by
// BM25F and nearness. Text reaches the page through textContent and DOM nodes, never as HTML; the
// words shown and the language come from the search page (data-*), the index folder from this
// script's tag. The tag is in the head and not deferred, after the analyzer and stemmers
// (base.liquid): the query in the address is looked up as soon as this script runs, so the index's
// files are on their way while the page is laid out, not only after its first frame and
// DOMContentLoaded (docs/search.md, "Fast to first results"); the page's part waits for the page.
(function () {
  "use strict";
  var script = document.currentScript;
  var base = script && script.getAttribute("data-index") || "/search/";
  var root, form, input, results, status, list, more, lang, digits; // the page's, once it is parsed (start)
  var PAGE_SIZE = 5; // results shown at once: each needs its page's file for the excerpt
  var MAX_RESULTS = 50;
  var K1 = 2; // as SearchScoring.cs
  var cache = {};
  var index = null; // { manifest, analyzer, terms: {key: true}, ends: {key: true} }

  // ---- UI strings, from the template

  function text(name, values) {
    var s = root.getAttribute("data-text-" + name) || "";
    return s.replace(/\{(\w+)\}/g, function (_, key) { return values && key in values ? values[key] : ""; });
  }

  // Counts (at most MAX_RESULTS) are written with the digits of the theme strings (data-digits):
  // Chromium takes 30 to 70 ms to load its number data for a first Intl.NumberFormat, time a reader
  // would wait after the results are in. Without them, Intl; the plural rules are cheap to make.
  var plural = null;
  var numbers = null;
  function number(count) {
    if (digits.length === 10) return String(count).replace(/[0-9]/g, function (d) { return digits[d]; });
    return (numbers = numbers || new Intl.NumberFormat(lang)).format(count);
  }

  function counted(name, count, values) {
    plural = plural || new Intl.PluralRules(lang);
    var category = plural.select(count);
    values.count = number(count);
    return root.hasAttribute("data-text-" + name + "-" + category) ? text(name + "-" + category, values) : text(name + "-other", values);
  }

  // ---- Loading the index

  function load(path) {
    if (!cache[path]) {
      cache[path] = fetch(base + path).then(function (r) {
        if (!r.ok) throw new Error(path + " (" + r.status + ")");
        return r.json();
      });
    }
    return cache[path];
  }

  function setOf(items) {
    var set = Object.create(null);
    items.forEach(function (x) { set[x] = true; });
    return set;
  }

  function open() {
    if (index) return Promise.resolve(index);
    return load("manifest.json").then(function (m) {
      var stem = self.kgStemmers && self.kgStemmers[m.language];
      index = { manifest: m, analyzer: self.kgSearchAnalyzer(stem || null, m.stop), terms: setOf(m.terms), ends: setOf(m.ends) };
      return index;
    });
  }

  // The two-character keys of SearchIndexLayout.cs.
  function key(chars) { return chars.replace(/[^a-z0-9]/g, "_"); }
  function termKey(term) { return key(term.slice(0, 2)); }
  function endKey(word) { return key(word.slice(-2)); }

  function termShard(term) {
    var k = termKey(term);
    return index.terms[k] ? load("terms/" + k + ".json") : Promise.resolve(null);
  }

  function endShard(word) {
    var k = endKey(word);
    return index.ends[k] ? load("ends/" + k + ".json") : Promise.resolve(null);
  }

  function fileName(term) {
    if (/^[a-z0-9]+$/.test(term)) return term;
    return "x" + Array.prototype.map.call(new TextEncoder().encode(term), function (b) { return (b < 16 ? "0" : "") + b.toString(16); }).join("");
  }

  // A term's postings (readPostings), read as soon as its file is in, not all at once before ranking; null when not in the index.
  function postings(term) {
    var known = cache["postings:" + term];
    if (known) return known;
    return cache["postings:" + term] = termShard(term).then(function (shard) {
      var entry = shard && shard.t[term];
      if (!entry) return null;
      if (typeof entry[0] === "string") return load("terms/" + termKey(term) + "/" + entry[0] + ".json").then(readPostings);
      return readPostings(entry);
    });
  }

  // Starts loading a term's postings for rank(), which finds them in the cache; a failure shows there.
  function prefetch(term) { postings(term).catch(function () {}); }

  // A synonym's postings, where its shard's "p" says (a file; 0: its term shard; absent: on no page),
  // asked for with the typed words' postings, not a round later.
  function locate(term, located) {
    if (cache["postings:" + term]) return;
    var file = located[term];
    if (file === 0) return prefetch(term);
    cache["postings:" + term] = file ? load("terms/" + termKey(term) + "/" + file + ".json").then(readPostings) : Promise.resolve(null);
    cache["postings:" + term].catch(function () {});
  }

  // [page gap, impact, mask, ...] as the pages in order and typed arrays by page number (a common word is on thousands).
  function readPostings(gaps) {
    var n = index.manifest.documents;
    var count = gaps.length / 3;
    var read = { docs: new Int32Array(count), has: new Uint8Array(n), impact: new Float64Array(n), mask: new Int32Array(n), idf: idf(count) };
    var doc = 0;
    for (var i = 0, j = 0; j < gaps.length; i++, j += 3) {
      doc += gaps[j];
      read.docs[i] = doc;
      read.has[doc] = 1;
      read.impact[doc] = gaps[j + 1] / index.manifest.scale;
      read.mask[doc] = gaps[j + 2];
    }
    return read;
  }

  function documentCount(shard, term) {
    var entry = shard && shard.t[term];
    if (!entry) return 0;
    return typeof entry[0] === "string" ? entry[1] : entry.length / 3;
  }

  // ---- Reading the query

  // Optimal string alignment distance (a swap of two neighbours counts as one edit), giving up past max.
  function distance(a, b, max) {
    if (Math.abs(a.length - b.length) > max) return max + 1;
    var prev2 = null;
    var prev = [];
    for (var j = 0; j <= b.length; j++) prev.push(j);
    for (var i = 1; i <= a.length; i++) {
      var row = [i];
      var best = i;
      for (j = 1; j <= b.length; j++) {
        var cost = a[i - 1] === b[j - 1] ? 0 : 1;
        var d = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + cost);
        if (prev2 && i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, prev2[j - 2] + 1);
        row.push(d);
        if (d < best) best = d;
      }
      if (best > max) return max + 1;
      prev2 = prev;
      prev = row;
    }
    return prev[b.length];
  }

  // Typos allowed in a word of this length: none in short words, two in long ones.
  function allowedEdits(length) { return length < 4 ? 0 : length < 8 ? 1 : 2; }

  // How much a match counts against the word typed itself.
  var EXACT = 1;
  var COMPOUND = 0.9;  // "clam shell" for clamshells
  var SYNONYM = 0.8;
  var PREFIX = 0.7;    // a word being typed
  var TYPO = [1, 0.6, 0.45]; // by number of edits
  var INSIDE = 0.55;   // the word inside a longer one ("arthritis" in osteoarthritis)

  // The query as slots, one per distinct word, each with the terms that may stand for it, and
  // groups: terms that stand for several neighbouring slots at once (a compound, a synonym phrase).
  function readQuery(query) {
    var words = index.analyzer.words(query);
    var slots = [];
    var seen = {};
    words.forEach(function (w) {
      if (seen[w.term]) return;
      seen[w.term] = true;
      slots.push({ surface: w.surface, term: w.term, alternatives: [] });
    });
    var lastTyped = slots.length && !/[\s\p{P}]$/u.test(query) ? slots[slots.length - 1] : null;
    return Promise.all(slots.map(function (s) { return termShard(s.term); })).then(function (shards) {
      var groups = [];
      var needEnds = [];
      slots.forEach(function (slot, i) {
        var shard = shards[i];
        var df = documentCount(shard, slot.term);
        if (df) slot.alternatives.push({ term: slot.term, weight: EXACT, df: df });
        var entries = shard && shard.s && shard.s[slot.term] || [];
        entries.forEach(function (entry) {
          var phrase = entry[0].split(" ");
          for (var p = 0; p < phrase.length; p++) if (!slots[i + p] || slots[i + p].term !== phrase[p]) return;
          entry[1].forEach(function (alternative) {
            groups.push({ from: i, to: i + phrase.length - 1, terms: alternative.split(" "), weight: SYNONYM, located: shard.p });
          });
        });
        if (i + 1 < slots.length) {
          var joined = index.analyzer.termOf(slot.surface + slots[i + 1].surface);
          if (joined && termKey(joined) === termKey(slot.term) && documentCount(shard, joined)) {
            groups.push({ from: i, to: i + 1, terms: [joined], weight: COMPOUND });
          }
        }
        if (df || !shard && !index.ends[endKey(slot.surface)]) return;
        // Not in the index as typed: a word being typed, a typo, or part of a longer word.
        var max = allowedEdits(slot.surface.length);
        var candidates = [];
        Object.keys(shard ? shard.t : {}).forEach(function (t) {
          if (slot === lastTyped && t.length > slot.term.length && t.indexOf(slot.term) === 0) {
            candidates.push({ term: t, weight: PREFIX, df: documentCount(shard, t) });
          } else if (max) {
            var d = distance(slot.term, t, max);
            // A misspelt ending can stem far from the right word's stem ("osteoarthritus" keeps its
            // ending, "osteoarthritis" stems to "osteoarthr"): compare the stem with the start of the word too.
            if (d > max && t.length >= 5 && slot.surface.length - t.length <= 4) d = distance(slot.surface.slice(0, t.length), t, max - 1) + 1;
            if (d <= max) candidates.push({ term: t, weight: TYPO[d], df: documentCount(shard, t) });
          }
        });
        slot.alternatives = slot.alternatives.concat(best(candidates, 4));
        needEnds.push(i);
      });
      // The postings of the terms found so far are asked for now, not once the word endings are in.
      slots.forEach(function (s) { s.alternatives.forEach(function (a) { prefetch(a.term); }); });
      groups.forEach(function (g) { g.terms.forEach(function (t) { if (g.located) locate(t, g.located); else prefetch(t); }); });
      // Typos in a word's first letters, and words inside compounds, by the word's ending.
      return Promise.all(needEnds.map(function (i) { return endShard(slots[i].surface); })).then(function (endShards) {
        needEnds.forEach(function (i, n) {
          var slot = slots[i];
          var shard = endShards[n];
          if (!shard) return;
          var max = allowedEdits(slot.surface.length);
          var candidates = [];
          Object.keys(shard).forEach(function (word) {
            var term = shard[word] === 0 ? word : shard[word];
            if (slot.alternatives.some(function (a) { return a.term === term; })) return;
            if (slot.surface.length >= 5 && word.length > slot.surface.length + 2 && word.slice(-slot.surface.length) === slot.surface) {
              candidates.push({ term: term, weight: INSIDE });
            } else if (max) {
              var d = distance(slot.surface, word, max);
              if (d <= max) candidates.push({ term: term, weight: TYPO[d] });
            }
          });
          slot.alternatives = slot.alternatives.concat(best(candidates, 3));
        });
        return { slots: slots, groups: groups };
      });
    });
  }

  // The strongest candidates: best weight first, then the more common term (more likely meant).
  function best(candidates, count) {
    var byTerm = {};
    candidates.forEach(function (c) { if (!byTerm[c.term] || byTerm[c.term].weight < c.weight) byTerm[c.term] = c; });
    return Object.keys(byTerm).map(function (t) { return byTerm[t]; })
      .sort(function (a, b) { return b.weight - a.weight || (b.df || 0) - (a.df || 0) || (a.term < b.term ? -1 : 1); })
      .slice(0, count);
  }

  // ---- Ranking

  function idf(df) {
    var n = index.manifest.documents;
    return Math.log(1 + (n - df + 0.5) / (df + 0.5));
  }

  // The best MAX_RESULTS pages (by score, then page number). The loop over every page with a query
  // word allocates nothing; the words matched and missing are found for the pages kept only.
  function rank(query) {
    var terms = {};
    query.slots.forEach(function (s) { s.alternatives.forEach(function (a) { terms[a.term] = true; }); });
    query.groups.forEach(function (g) { g.terms.forEach(function (t) { terms[t] = true; }); });
    var names = Object.keys(terms);
    return Promise.all(names.map(postings)).then(function (lists) {
      var n = index.manifest.documents;
      var byTerm = {};
      names.forEach(function (t, i) { if (lists[i]) byTerm[t] = lists[i]; });
      var slots = query.slots;
      var slotIdf = slots.map(function (s) {
        var found = s.alternatives.filter(function (a) { return byTerm[a.term]; });
        return found.length ? Math.max.apply(null, found.map(function (a) { return byTerm[a.term].idf; })) : idf(0);
      });
      var totalIdf = slotIdf.reduce(function (a, b) { return a + b; }, 0);
      // Per slot, its alternatives found in the index; per group, its terms' postings (null when one is missing).
      var slotHits = slots.map(function (s) {
        return s.alternatives.filter(function (a) { return byTerm[a.term]; }).map(function (a) { return { term: a.term, weight: a.weight, hit: byTerm[a.term] }; });
      });
      var groups = query.groups.map(function (g) {
        var hits = g.terms.map(function (t) { return byTerm[t] || null; });
        return { from: g.from, to: g.to, terms: g.terms, weight: g.weight, hits: hits.indexOf(null) < 0 ? hits : null };
      });
      var slotScore = new Float64Array(slots.length);
      var slotMask = new Int32Array(slots.length);

      // A page's score (0: no query word); with detail, the terms it matched and the words it lacks.
      function score(doc, detail) {
        var i, k, hit, value;
        for (i = 0; i < slots.length; i++) {
          slotScore[i] = 0;
          slotMask[i] = 0;
          var alternatives = slotHits[i];
          for (k = 0; k < alternatives.length; k++) {
            hit = alternatives[k].hit;
            if (!hit.has[doc]) continue;
            value = alternatives[k].weight * hit.idf * hit.impact[doc] * (K1 + 1);
            if (detail) detail.matched[alternatives[k].term] = true;
            if (value > slotScore[i]) { slotScore[i] = value; slotMask[i] = hit.mask[doc]; }
          }
        }
        for (var g = 0; g < groups.length; g++) {
          var group = groups[g];
          if (!group.hits) continue;
          value = 0;
          var mask = -1;
          for (k = 0; k < group.hits.length; k++) {
            hit = group.hits[k];
            if (!hit.has[doc]) break;
            value += group.weight * hit.idf * hit.impact[doc] * (K1 + 1);
            mask &= hit.mask[doc];
          }
          if (k < group.hits.length) continue;
          var covered = 0;
          for (i = group.from; i <= group.to; i++) covered += slotScore[i];
          if (value <= covered) continue;
          if (detail) group.terms.forEach(function (t) { detail.matched[t] = true; });
          for (i = group.from; i <= group.to; i++) { slotScore[i] = value / (group.to - group.from + 1); slotMask[i] = mask || 1; }
        }
        var sum = 0;
        var coveredIdf = 0;
        for (i = 0; i < slots.length; i++) {
          if (slotScore[i] > 0) { sum += slotScore[i]; coveredIdf += slotIdf[i]; } else if (detail) detail.missing.push(slots[i].surface);
        }
        if (sum === 0) return 0;
        // Nearness: the most query words that share one section of the page.
        var together = 1;
        var sections = 0; // every section bit any word is in: the bits past the highest need no look
        for (k = 0; k < slots.length; k++) sections |= slotMask[k];
        for (var bit = 0; bit < 31 && slots.length > 1 && sections >>> bit; bit++) {
          var here = 0;
          for (k = 0; k < slots.length; k++) if (slotMask[k] & (1 << bit)) here++;
          if (here > together) together = here;
        }
        var nearness = slots.length > 1 ? (together - 1) / (slots.length - 1) : 0;
        return sum * (coveredIdf / totalIdf) * (1 + 0.5 * nearness);
      }

      // Every page with a query word, once, in page order.
      var candidate = new Uint8Array(n);
      names.forEach(function (t) {
        var docs = byTerm[t] && byTerm[t].docs;
        for (var j = 0; docs && j < docs.length; j++) candidate[docs[j]] = 1;
      });
      // The best so far, best first: most pages are turned away by one comparison.
      var topScore = [];
      var topDoc = [];
      for (var doc = 0; doc < n; doc++) {
        if (!candidate[doc]) continue;
        var s = score(doc, null);
        if (s === 0) continue;
        var at = topScore.length;
        if (at === MAX_RESULTS && s <= topScore[at - 1]) continue; // an equal score loses to the lower page number, kept already
        while (at > 0 && s > topScore[at - 1]) at--;
        topScore.splice(at, 0, s);
        topDoc.splice(at, 0, doc);
        if (topScore.length > MAX_RESULTS) { topScore.pop(); topDoc.pop(); }
      }
      return topDoc.map(function (d, i) {
        var detail = { matched: {}, missing: [] };
        score(d, detail);
        return { doc: d, score: topScore[i], missing: detail.missing, matched: detail.matched };
      });
    });
  }

  // ---- Excerpts

  var EXCERPT_WORDS = 28;

  // The words of a text with whether each matched, joining hyphenated words as the index did.
  function marked(textValue, matched) {
    var words = index.analyzer.words(textValue);
    words.forEach(function (w, i) {
      w.hit = !!matched[w.term];
      var next = words[i + 1];
      if (next && next.start === w.end + 1 && textValue[w.end] === "-") {
        var joined = index.analyzer.termOf(w.surface + next.surface);
        if (joined && matched[joined]) w.hit = next.hit = true;
      }
    });
    return words;
  }

  // The window of the text holding the most different matched terms, as [from, to) character offsets.
  function bestWindow(textValue, words) {
    if (!words.length) return null;
    var bestStart = 0;
    var bestScore = -1;
    for (var i = 0; i < words.length; i++) {
      if (!words[i].hit) continue;
      var seen = {};
      var score = 0;
      for (var j = i; j < words.length && j < i + EXCERPT_WORDS; j++) {
        if (words[j].hit && !seen[words[j].term]) { seen[words[j].term] = true; score++; }
      }
      if (score > bestScore) { bestScore = score; bestStart = i; }
    }
    if (bestScore < 0) return null;
    var from = Math.max(0, bestStart - 4);
    var to = Math.min(words.length - 1, from + EXCERPT_WORDS - 1);
    return { score: bestScore, from: from === 0 ? 0 : words[from].start, to: to === words.length - 1 ? textValue.length : words[to].end, words: words };
  }

  // Appends the window of the text to the element, matched words in <mark>.
  function renderWindow(element, textValue, win) {
    if (win.from > 0) element.appendChild(document.createTextNode("… "));
    var at = win.from;
    win.words.forEach(function (w) {
      if (!w.hit || w.start < win.from || w.end > win.to) return;
      element.appendChild(document.createTextNode(textValue.slice(at, w.start)));
      var mark = document.createElement("mark");
      mark.textContent = textValue.slice(w.start, w.end);
      element.appendChild(mark);
      at = w.end;
    });
    element.appendChild(document.createTextNode(textValue.slice(at, win.to)));
    if (win.to < textValue.length) element.appendChild(document.createTextNode(" …"));
  }

  // ---- Showing results

  function element(name, className, content) {
    var e = document.createElement(name);
    if (className) e.className = className;
    if (content) e.textContent = content;
    return e;
  }

  // The page's language, when it is not this search's: a page not yet translated, as its original.
  function otherLanguage(page, elements) {
    if (!page[5] || page[5] === lang) return;
    elements.forEach(function (e) { e.lang = page[5]; e.dir = "auto"; });
  }

  function renderResult(hit, page) {
    var url = page[0], title = page[1], kind = page[2], description = page[3], sections = page[4];
    var item = element("li", "search-result");
    var heading = element("h2", "result-title");
    var link = element("a", null, title);
    link.href = url;
    heading.appendChild(link);
    item.appendChild(heading);
    var kindLine = element("p", "result-kind", text("kind-" + kind) || kind);
    if (page[5] && page[5] !== lang) {
      link.hreflang = page[5];
      kindLine.appendChild(document.createTextNode(" · " + text("untranslated") + " "));
      kindLine.appendChild(element("span", null, page[6]));
      otherLanguage(page, [link, kindLine.lastChild]);
    }
    item.appendChild(kindLine);

    // The main excerpt: the best window of the whole page; the description when no word of it matched.
    var windows = sections.map(function (s) {
      var words = marked(s[2], hit.matched);
      return { win: bestWindow(s[2], words), heading: marked(s[1], hit.matched).some(function (w) { return w.hit; }) };
    });
    var main = -1;
    windows.forEach(function (w, i) { if (w.win && (main < 0 || w.win.score > windows[main].win.score)) main = i; });
    var excerpt = element("p", "result-excerpt");
    var descriptionWindow = bestWindow(description, marked(description, hit.matched));
    if (main < 0 || (descriptionWindow && descriptionWindow.score >= windows[main].win.score)) {
      if (descriptionWindow) renderWindow(excerpt, description, descriptionWindow); else excerpt.textContent = description;
      main = -1;
    } else {
      renderWindow(excerpt, sections[main][2], windows[main].win);
    }
    otherLanguage(page, [excerpt]);
    item.appendChild(excerpt);

    if (hit.missing.length) {
      var missing = element("p", "result-missing", text("missing") + " ");
      hit.missing.forEach(function (word, i) {
        if (i) missing.appendChild(document.createTextNode(", "));
        missing.appendChild(element("s", null, word));
      });
      item.appendChild(missing);
    }

    // Up to three sections that matched, most matched words first, then in page order.
    var matchedSections = [];
    sections.forEach(function (s, i) {
      if (!s[0]) return;
      var score = (windows[i].win ? windows[i].win.score : 0) + (windows[i].heading ? 1 : 0);
      if (score > 0) matchedSections.push({ index: i, score: score });
    });
    matchedSections.sort(function (a, b) { return b.score - a.score || a.index - b.index; });
    if (matchedSections.length) {
      var subs = element("ul", "result-sections");
      matchedSections.slice(0, 3).forEach(function (m) {
        var s = sections[m.index];
        var li = element("li");
        var a = element("a", null, s[1]);
        a.href = url + "#" + encodeURIComponent(s[0]);
        li.appendChild(a);
        if (m.index !== main && windows[m.index].win) {
          var p = element("p", "result-section-excerpt");
          renderWindow(p, s[2], shorten(windows[m.index].win, s[2]));
          li.appendChild(p);
        }
        subs.appendChild(li);
      });
      otherLanguage(page, [subs]);
      item.appendChild(subs);
    }
    return item;
  }

  // A sub-result's excerpt: the first half of its window.
  function shorten(win, textValue) {
    var inside = win.words.filter(function (w) { return w.start >= win.from && w.end <= win.to; });
    var cut = inside[Math.min(inside.length - 1, Math.floor(EXCERPT_WORDS / 2))];
    return { score: win.score, from: win.from, to: cut && cut.end < win.to ? cut.end : win.to, words: win.words };
  }

  var shown = null; // { hits, next }

  // Loads the next results' files, makes each result as its file arrives (the excerpts are most of
  // the work), and shows them, with the count the first time, in one change once all are in: nothing
  // on the page moves twice, and no layout of the first results delays the last.
  function showMore(ticket, countText) {
    var batch = shown.hits.slice(shown.next, shown.next + PAGE_SIZE);
    var items = new Array(batch.length);
    var statusText = countText && countText();
    return Promise.all(batch.map(function (h, i) {
      return load("pages/" + h.doc + ".json").then(function (page) {
        if (ticket === latest) items[i] = renderResult(h, page);
      });
    })).then(function () {
      if (ticket !== latest) return;
      var fragment = document.createDocumentFragment();
      items.forEach(function (item) { fragment.appendChild(item); });
      if (statusText !== undefined) {
        list.textContent = "";
        status.textContent = statusText;
      }
      list.appendChild(fragment);
      shown.next += batch.length;
      more.hidden = shown.next >= shown.hits.length;
    });
  }

  function report(query, hits) {
    shown = { hits: hits, next: 0 };
    if (!hits.length) {
      list.textContent = "";
      more.hidden = true;
      status.textContent = text("none", { query: query });
      return Promise.resolve();
    }
    var complete = hits.some(function (h) { return !h.missing.length; });
    return showMore(latest, function () { return counted(complete ? "count" : "partial", hits.length, { query: query }); });
  }

  // A query's ranked pages, looked up once: the address's query starts before the page is parsed.
  var found = {};
  function find(query) {
    if (!found[query]) {
      found[query] = open().then(function () {
        return readQuery(query);
      }).then(function (q) {
        return q.slots.length ? rank(q) : [];
      });
      found[query].catch(function () { delete found[query]; });
    }
    return found[query];
  }

  var latest = 0;
  function run(updateUrl) {
    var query = input.value.trim();
    var ticket = ++latest;
    if (updateUrl && window.history && window.history.replaceState) {
      window.history.replaceState(null, "", window.location.pathname + (query ? "?q=" + encodeURIComponent(query) : ""));
    }
    if (!query) {
      list.textContent = "";
      status.textContent = "";
      more.hidden = true;
      return;
    }
    find(query).then(function (hits) {
      if (ticket === latest) return report(query, hits);
    }).catch(function (error) {
      if (ticket !== latest) return;
      list.textContent = "";
      status.textContent = text("error", { error: error.message });
    });
  }

  // ---- The page: its words, the search box, keyboard, the query in the address

  function start() {
    root = document.getElementById("search");
    form = root && root.querySelector(".search-form");
    input = document.getElementById("q");
    results = document.getElementById("search-results");
    if (!root || !form || !input || !results) return;
    status = results.querySelector(".search-status");
    list = results.querySelector("ol.search-results");
    more = root.querySelector(".search-more");
    lang = root.getAttribute("data-language") || "en";
    digits = root.getAttribute("data-digits") || "";

    // Keyboard: arrows move through the results from the search box, Escape goes back

    function links() { return Array.prototype.slice.call(results.querySelectorAll("ol.search-results a")); }

    root.addEventListener("keydown", function (e) {
      if (e.key !== "ArrowDown" && e.key !== "ArrowUp" && e.key !== "Escape") return;
      var all = links();
      var at = all.indexOf(document.activeElement);
      if (e.key === "Escape") {
        if (at >= 0) { input.focus(); e.preventDefault(); }
        return;
      }
      if (!all.length || (document.activeElement !== input && at < 0)) return;
      var next = e.key === "ArrowDown" ? at + 1 : at - 1;
      if (next < 0) input.focus(); else if (next < all.length) all[next].focus();
      e.preventDefault();
    });

    var timer = 0;
    input.addEventListener("input", function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(function () { run(true); }, 150);
    });
    form.addEventListener("submit", function (e) { e.preventDefault(); run(true); });
    more.addEventListener("click", function () { showMore(latest); });
    var initial = new URLSearchParams(window.location.search).get("q");
    if (initial) {
      input.value = initial;
      run(false);
    }
  }

  // The address's query, looked up now; run() finds the same promise once the page is there.
  var typed = (new URLSearchParams(window.location.search).get("q") || "").trim();
  if (typed) find(typed).catch(function () {});
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start); else start();
})();
