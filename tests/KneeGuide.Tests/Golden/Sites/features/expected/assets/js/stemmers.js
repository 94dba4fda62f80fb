(function () {
"use strict";


function setOf(items) {
var set = Object.create(null);
for (var i = 0; i < items.length; i++) set[items[i]] = true;
return set;
}

function among(suffixes) {
var byLastLetter = Object.create(null);
suffixes.slice().sort(function (a, b) { return b.length - a.length; }).forEach(function (s) {
(byLastLetter[s[s.length - 1]] = byLastLetter[s[s.length - 1]] || []).push(s);
});
return byLastLetter;
}

function longestSuffix(word, suffixes, lowest) {
var candidates = suffixes[word[word.length - 1]];
if (!candidates) return null;
for (var i = 0; i < candidates.length; i++) {
var s = candidates[i];
if (word.length - s.length >= (lowest || 0) && word.endsWith(s)) return s;
}
return null;
}

function regionAfter(word, from, vowels) {
for (var i = from; i < word.length - 1; i++) {
if (vowels[word[i]] && !vowels[word[i + 1]]) return i + 2;
}
return word.length;
}

function hasVowel(word, end, vowels) {
for (var i = 0; i < end; i++) if (vowels[word[i]]) return true;
return false;
}


var EN_V = setOf("aeiouy");
var EN_V_WXY = setOf("aeiouywxY"); // a short syllable cannot end in these
var EN_VALID_LI = setOf("cdeghkmnrt"); // the letters -li may be removed after

var EN_EXCEPTIONS = Object.create(null);
[
"skis ski", "skies sky", "dying die", "lying lie", "tying tie",
"idly idl", "gently gentl", "ugly ugli", "early earli", "only onli", "singly singl",
"sky sky", "news news", "howe howe", "atlas atlas", "cosmos cosmos", "bias bias", "andes andes",
].forEach(function (pair) { var p = pair.split(" "); EN_EXCEPTIONS[p[0]] = p[1]; });

var EN_AFTER_1A = setOf(["inning", "outing", "canning", "herring", "earring", "proceed", "exceed", "succeed"]);

var EN_R1_PREFIXES = ["gener", "commun", "arsen"];

var EN_1A = among(["sses", "ied", "ies", "ss", "us", "s"]);
var EN_1B = among(["eed", "eedly", "ed", "edly", "ing", "ingly"]);
var EN_1B_ADD_E = among(["at", "bl", "iz"]);
var EN_1B_UNDOUBLE = among(["bb", "dd", "ff", "gg", "mm", "nn", "pp", "rr", "tt"]);
var EN_2 = {
tional: "tion", enci: "ence", anci: "ance", abli: "able", entli: "ent", izer: "ize", ization: "ize",
ational: "ate", ation: "ate", ator: "ate", alism: "al", aliti: "al", alli: "al", fulness: "ful",
ousli: "ous", ousness: "ous", iveness: "ive", iviti: "ive", biliti: "ble", bli: "ble", ogi: "og",
fulli: "ful", lessli: "less", li: "",
};
var EN_2_KEYS = among(Object.keys(EN_2));
var EN_3 = { tional: "tion", ational: "ate", alize: "al", icate: "ic", iciti: "ic", ical: "ic", ful: "", ness: "", ative: "" };
var EN_3_KEYS = among(Object.keys(EN_3));
var EN_4 = among(["al", "ance", "ence", "er", "ic", "able", "ible", "ant", "ement", "ment", "ent", "ism", "ate", "iti", "ous", "ive", "ize", "ion"]);

function endsInShortSyllable(w, end) {
if (end >= 3 && !EN_V_WXY[w[end - 1]] && EN_V[w[end - 2]] && !EN_V[w[end - 3]]) return true;
return end === 2 && !EN_V[w[1]] && EN_V[w[0]];
}

function stemEnglish(word) {
if (EN_EXCEPTIONS[word] !== undefined) return EN_EXCEPTIONS[word];
if (word.length < 3) return word;

var w = word[0] === "'" ? word.slice(1) : word;
var yFound = false;
if (w.indexOf("y") >= 0) {
var c = w.split("");
for (var i = 0; i < c.length; i++) {
if (c[i] === "y" && (i === 0 || EN_V[c[i - 1]])) {
c[i] = "Y";
yFound = true;
}
}
w = c.join("");
}

var prefix = EN_R1_PREFIXES.filter(function (p) { return w.startsWith(p); })[0];
var p1 = prefix ? prefix.length : regionAfter(w, 0, EN_V);
var p2 = regionAfter(w, p1, EN_V);

w = step1a(w);
if (!EN_AFTER_1A[w]) {
w = step1b(w, p1);
w = step1c(w);
w = step2(w, p1);
w = step3(w, p1, p2);
w = step4(w, p2);
w = step5(w, p1, p2);
}

return yFound ? w.replace(/Y/g, "y") : w;
}

function step1a(w) {
if (w.endsWith("'s'")) w = w.slice(0, -3);
else if (w.endsWith("'s")) w = w.slice(0, -2);
else if (w.endsWith("'")) w = w.slice(0, -1);
var s = longestSuffix(w, EN_1A);
var start = w.length - (s ? s.length : 0);
if (s === "sses") return w.slice(0, start) + "ss";
if (s === "ied" || s === "ies") return w.slice(0, start) + (start >= 2 ? "i" : "ie");
if (s === "s" && hasVowel(w, start - 1, EN_V)) return w.slice(0, start);
return w;
}

function step1b(w, p1) {
var s = longestSuffix(w, EN_1B);
if (!s) return w;
var stem = w.slice(0, w.length - s.length);
if (s === "eed" || s === "eedly") return stem.length >= p1 ? stem + "ee" : w;
if (!hasVowel(stem, stem.length, EN_V)) return w;
if (longestSuffix(stem, EN_1B_ADD_E)) return stem + "e";
if (longestSuffix(stem, EN_1B_UNDOUBLE)) return stem.slice(0, -1);
if (stem.length === p1 && endsInShortSyllable(stem, stem.length)) return stem + "e";
return stem;
}

function step1c(w) {
var n = w.length;
if ((w[n - 1] === "y" || w[n - 1] === "Y") && n > 2 && !EN_V[w[n - 2]]) return w.slice(0, -1) + "i";
return w;
}

function step2(w, p1) {
var s = longestSuffix(w, EN_2_KEYS);
if (!s) return w;
var start = w.length - s.length;
if (start < p1) return w;
if (s === "ogi" && w[start - 1] !== "l") return w;
if (s === "li" && !EN_VALID_LI[w[start - 1]]) return w;
return w.slice(0, start) + EN_2[s];
}

function step3(w, p1, p2) {
var s = longestSuffix(w, EN_3_KEYS);
if (!s) return w;
var start = w.length - s.length;
if (start < p1 || (s === "ative" && start < p2)) return w;
return w.slice(0, start) + EN_3[s];
}

function step4(w, p2) {
var s = longestSuffix(w, EN_4);
if (!s) return w;
var start = w.length - s.length;
if (start < p2) return w;
if (s === "ion" && w[start - 1] !== "s" && w[start - 1] !== "t") return w;
return w.slice(0, start);
}

function step5(w, p1, p2) {
var start = w.length - 1;
if (w[start] === "e" && (start >= p2 || (start >= p1 && !endsInShortSyllable(w, start)))) return w.slice(0, start);
if (w[start] === "l" && start >= p2 && w[start - 1] === "l") return w.slice(0, start);
return w;
}


var ES_V = setOf("aeiouáéíóúü");
function words(list) { return list.split(" "); }

var ES_PRONOUNS = among(words("me se sela selo selas selos la le lo las les los nos"));
var ES_PRONOUN_HOSTS = { "iéndo": "iendo", "ándo": "ando", "ár": "ar", "ér": "er", "ír": "ir", ando: "", iendo: "", ar: "", er: "", ir: "", yendo: "" };
var ES_PRONOUN_HOST_KEYS = among(Object.keys(ES_PRONOUN_HOSTS));

var ES_STANDARD = Object.create(null);
[
[1, "anza anzas ico ica icos icas ismo ismos able ables ible ibles ista istas oso osa osos osas amiento amientos imiento imientos"],
[2, "adora ador ación adoras adores aciones ante antes ancia ancias"],
[3, "logía logías"],
[4, "ución uciones"],
[5, "encia encias"],
[6, "amente"],
[7, "mente"],
[8, "idad idades"],
[9, "iva ivo ivas ivos"],
].forEach(function (group) { words(group[1]).forEach(function (s) { ES_STANDARD[s] = group[0]; }); });
var ES_STANDARD_KEYS = among(Object.keys(ES_STANDARD));
var ES_IC = among(["ic"]);
var ES_AT = among(["at"]);
var ES_AMENTE_BEFORE = among(words("iv os ic ad"));
var ES_MENTE_BEFORE = among(words("ante able ible"));
var ES_IDAD_BEFORE = among(words("abil ic iv"));

var ES_Y_VERB = among(words("ya ye yan yen yeron yendo yo yó yas yes yais yamos"));
var ES_VERB_GU = words("en es éis emos"); // after "gu", the u goes too
var ES_VERB = among(ES_VERB_GU.concat(words(
"aba ada ida ara iera ía aría ería iría ad ed id ase iese aste iste an aban aran ieran ían arían " +
"erían irían asen iesen aron ieron arán erán irán ado ido ando iendo ar er ir as abas adas idas aras " +
"ieras ías arías erías irías ases ieses abais arais ierais íais aríais eríais iríais aseis ieseis " +
"asteis isteis áis aréis eréis iréis ados idos amos ábamos áramos iéramos íamos aríamos eríamos " +
"iríamos aremos eremos iremos ásemos iésemos imos arás erás irás ís ará erá irá aré eré iré ió")));
var ES_RESIDUAL = among(words("os a o á í ó e é"));
var ES_UNACCENT = { "á": "a", "é": "e", "í": "i", "ó": "o", "ú": "u" };

function spanishRV(w) {
var n = w.length;
if (n < 2) return n;
var i;
if (!ES_V[w[1]]) {
for (i = 2; i < n; i++) if (ES_V[w[i]]) return i + 1;
return n;
}
if (ES_V[w[0]]) {
for (i = 2; i < n; i++) if (!ES_V[w[i]]) return i + 1;
return n;
}
return Math.min(3, n);
}

function stemSpanish(word) {
var w = word;
var pV = spanishRV(w);
var p1 = regionAfter(w, 0, ES_V);
var p2 = regionAfter(w, p1, ES_V);

w = attachedPronoun(w, pV);
var changed = standardSuffix(w, p1, p2);
if (changed === null) changed = yVerbSuffix(w, pV);
if (changed === null) changed = verbSuffix(w, pV);
if (changed !== null) w = changed;
w = residualSuffix(w, pV);

return w.replace(/[áéíóú]/g, function (a) { return ES_UNACCENT[a]; });
}

function attachedPronoun(w, pV) {
var pronoun = longestSuffix(w, ES_PRONOUNS);
if (!pronoun) return w;
var host = w.slice(0, w.length - pronoun.length);
var form = longestSuffix(host, ES_PRONOUN_HOST_KEYS);
if (!form) return w;
var start = host.length - form.length;
if (start < pV) return w;
if (form === "yendo" && host[start - 1] !== "u") return w;
return ES_PRONOUN_HOSTS[form] ? host.slice(0, start) + ES_PRONOUN_HOSTS[form] : host;
}

function deleteInR2(w, suffixes, p2) {
var s = longestSuffix(w, suffixes);
return s && w.length - s.length >= p2 ? w.slice(0, w.length - s.length) : w;
}

function standardSuffix(w, p1, p2) {
var s = longestSuffix(w, ES_STANDARD_KEYS);
if (!s) return null;
var group = ES_STANDARD[s];
var start = w.length - s.length;
if (start < (group === 6 ? p1 : p2)) return null;
var stem = w.slice(0, start);
switch (group) {
case 1: return stem; // -anza, -ismo, -able, -oso, ... deleted in R2
case 2: return deleteInR2(stem, ES_IC, p2); // -ación, -ador, -ante, ...: and -ic before them
case 3: return stem + "log"; // -logía -> -log
case 4: return stem + "u"; // -ución -> -u
case 5: return stem + "ente"; // -encia -> -ente
case 6: { // -amente in R1: then -iv (and -at before it), -os, -ic or -ad in R2
var before = longestSuffix(stem, ES_AMENTE_BEFORE);
if (!before || stem.length - before.length < p2) return stem;
stem = stem.slice(0, stem.length - before.length);
return before === "iv" ? deleteInR2(stem, ES_AT, p2) : stem;
}
case 7: return deleteInR2(stem, ES_MENTE_BEFORE, p2); // -mente: and -ante, -able, -ible before it
case 8: return deleteInR2(stem, ES_IDAD_BEFORE, p2); // -idad: and -abil, -ic, -iv before it
default: return deleteInR2(stem, ES_AT, p2); // -ivo, -iva: and -at before it
}
}

function yVerbSuffix(w, pV) {
var s = longestSuffix(w, ES_Y_VERB, pV);
if (!s) return null;
var start = w.length - s.length;
return w[start - 1] === "u" ? w.slice(0, start) : null;
}

function verbSuffix(w, pV) {
var s = longestSuffix(w, ES_VERB, pV);
if (!s) return null;
var start = w.length - s.length;
if (ES_VERB_GU.indexOf(s) >= 0 && w[start - 1] === "u" && w[start - 2] === "g") start--;
return w.slice(0, start);
}

function residualSuffix(w, pV) {
var s = longestSuffix(w, ES_RESIDUAL);
if (!s) return w;
var start = w.length - s.length;
if (start < pV) return w;
w = w.slice(0, start);
if ((s === "e" || s === "é") && w[start - 1] === "u" && w[start - 2] === "g" && start - 1 >= pV) w = w.slice(0, -1);
return w;
}

self.kgStemmers = { en: stemEnglish, es: stemSpanish };
})();
