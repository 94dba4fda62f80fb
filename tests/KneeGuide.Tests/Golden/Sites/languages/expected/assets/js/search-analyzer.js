(function () {
"use strict";

var FOLD_FROM = "ÀÁÂÃÄÅàáâãäåĀāĂăĄąÇçĆćĈĉĊċČčĎďĐđÈÉÊËèéêëĒēĔĕĖėĘęĚěĜĝĞğĠġĢģĤĥĦħÌÍÎÏìíîïĨĩĪīĬĭĮįİıĴĵĶķĹĺĻļĽľĿŀŁłÑñŃńŅņŇňÒÓÔÕÖØòóôõöøŌōŎŏŐőŔŕŖŗŘřŚśŜŝŞşŠšŢţŤťŦŧÙÚÛÜùúûüŨũŪūŬŭŮůŰűŲųŴŵÝýÿŶŷŸŹźŻżŽž";
var FOLD_TO = "aaaaaaaaaaaaaaaaaaccccccccccddddeeeeeeeeeeeeeeeeeegggggggghhhhiiiiiiiiiiiiiiiiiijjkkllllllllllnnnnnnnnoooooooooooooooooorrrrrrssssssssttttttuuuuuuuuuuuuuuuuuuuuwwyyyyyyzzzzzz";
var FOLD = Object.create(null);
for (var f = 0; f < FOLD_FROM.length; f++) FOLD[FOLD_FROM[f]] = FOLD_TO[f];
var MAX_WORD = 40;
var LETTER_OR_DIGIT = /[\p{L}\p{Nd}]/u;
var MARK = /\p{Mn}/u;

function fold(text) {
var out = "";
for (var i = 0; i < text.length; i++) out += FOLD[text[i]] || text[i];
return out;
}

function analyzer(stem, stopWords) {
var stop = Object.create(null);
stopWords.forEach(function (w) { stop[w] = true; });

var known = new Map();
function termOf(word) {
var t = known.get(word);
if (t === undefined) known.set(word, t = readWord(word));
return t;
}

function readWord(word) {
if (word.length < 2 || word.length > MAX_WORD) return null;
var surface = fold(word);
if (stop[surface]) return null;
return { surface: surface, term: fold(stem ? stem(word) : word) };
}

function words(text) {
var found = [];
var word = "";
var start = -1;
var end = -1;
for (var i = 0; i <= text.length; i++) {
var c = i < text.length ? text[i] : " ";
if (c === "'" || c === "\u2019" || (c > "\u007f" && MARK.test(c))) continue;
if (LETTER_OR_DIGIT.test(c)) {
var lower = c.toLowerCase();
word += lower.length > 1 ? lower[0] : lower; // as .NET's char.ToLowerInvariant: one char for one
if (start < 0) start = i;
end = i + 1;
continue;
}
if (word) {
var t = termOf(word);
if (t) found.push({ surface: t.surface, term: t.term, start: start, end: end });
}
word = "";
start = -1;
}
return found;
}

return {
words: words,
terms: function (text) { return words(text).map(function (w) { return w.term; }); },
termOf: function (word) { var t = termOf(word); return t && t.term; },
fold: fold,
};
}

self.kgSearchAnalyzer = analyzer;
})();
