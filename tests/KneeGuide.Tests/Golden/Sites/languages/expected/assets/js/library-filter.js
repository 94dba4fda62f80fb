(function () {
"use strict";
var form = document.getElementById("exercise-filters");
var status = document.getElementById("filter-status");
var empty = document.getElementById("filter-empty");
if (!form) return;
var selects = Array.prototype.slice.call(form.querySelectorAll("select[data-filter]"));
var cards = Array.prototype.slice.call(document.querySelectorAll("#exercise-list .exercise-card"));

function values(card, name) {
var raw = card.getAttribute("data-" + name) || "";
return raw === "" ? [] : raw.split("|");
}

function apply(updateUrl) {
var shown = 0;
cards.forEach(function (card) {
var match = selects.every(function (select) {
return select.value === "" || values(card, select.getAttribute("data-filter")).indexOf(select.value) >= 0;
});
card.hidden = !match;
if (match) shown++;
});
status.textContent = (shown === cards.length ? status.dataset.textAll : status.dataset.textSome)
.replace("{count}", String(cards.length)).replace("{shown}", String(shown));
empty.hidden = shown !== 0;
if (updateUrl && window.history && window.history.replaceState) {
var params = new URLSearchParams();
selects.forEach(function (s) { if (s.value) params.set(s.name, s.value); });
var query = params.toString();
window.history.replaceState(null, "", window.location.pathname + (query ? "?" + query : ""));
}
}

var initial = new URLSearchParams(window.location.search);
selects.forEach(function (select) {
var wanted = initial.get(select.name);
if (wanted && Array.prototype.some.call(select.options, function (o) { return o.value === wanted; })) {
select.value = wanted;
}
select.addEventListener("change", function () { apply(true); });
});
form.addEventListener("reset", function () { window.setTimeout(function () { apply(true); }, 0); });
form.addEventListener("submit", function (e) { e.preventDefault(); });
form.hidden = false;
apply(false);
})();
