(function () {
"use strict";
var root = document.getElementById("plan-builder");
var template = document.getElementById("plan-item");
if (!root || !template || !("content" in template)) return;

var MAX_EXERCISES = 30, MAX_NOTE = 500, MAX_FREQUENCY = 40;
var REPS = /^[0-9]{1,3}( ?- ?[0-9]{1,3})?$/;

var known = {};
var order = [];
root.querySelectorAll(".plan-choices input[type=checkbox]").forEach(function (box) {
var d = box.dataset;
known[box.value] = {
id: box.value, box: box, title: d.title, url: d.url,
sets: d.sets, reps: d.reps || "", hold: d.hold || "", side: d.sideText || "", frequency: d.frequency || "",
easier: d.easier ? d.easier.split(" ") : [], harder: d.harder ? d.harder.split(" ") : []
};
order.push(box.value);
});

var list = document.getElementById("plan-list");
var empty = document.getElementById("plan-empty");
var unknownMessage = document.getElementById("plan-unknown");
var note = document.getElementById("plan-note");
var link = document.getElementById("plan-link");
var status = document.getElementById("plan-status");
var sheetList = document.querySelector(".sheet-list");
var sheetNote = document.querySelector("[data-plan-note]");
var sheetUrl = document.querySelector("[data-plan-url]");
var blocks = {};
document.querySelectorAll(".sheet-exercise[data-id]").forEach(function (block) { blocks[block.dataset.id] = block; });

var plan = [];

function validSets(v) { return /^([1-9]|10)$/.test(v); }
function validHold(v) { return /^[0-9]{1,3}$/.test(v) && +v >= 1 && +v <= 600; }
function validReps(v) {
if (!REPS.test(v)) return false;
var parts = v.split("-").map(function (p) { return +p.trim(); });
return parts[0] >= 1 && parts[parts.length - 1] <= 100 && parts[0] <= parts[parts.length - 1];
}
function clean(text, max) { return String(text).replace(/[\u0000-\u001f\u007f]/g, " ").slice(0, max); }

function readAddress() {
var params = new URLSearchParams(location.search);
var unknown = [];
var seen = {};
plan = [];
(params.get("e") || "").split(",").forEach(function (raw) {
var id = raw.trim();
if (!id || seen[id]) return;
seen[id] = true;
if (!Object.prototype.hasOwnProperty.call(known, id)) {
unknown.push(id.length > 60 ? id.slice(0, 60) + "…" : id);
return;
}
if (plan.length >= MAX_EXERCISES) return;
var item = { id: id, sets: "", reps: "", hold: "", frequency: "" };
var s = params.get("s." + id), r = params.get("r." + id), h = params.get("h." + id), f = params.get("f." + id);
if (s !== null && validSets(s)) item.sets = s;
if (r !== null && known[id].reps && validReps(r)) item.reps = r;
if (h !== null && known[id].hold && validHold(h)) item.hold = h;
if (f !== null) item.frequency = clean(f, MAX_FREQUENCY);
plan.push(item);
});
note.value = clean(params.get("note") || "", MAX_NOTE);
if (unknown.length) {
unknownMessage.textContent = root.dataset.unknown + " " + unknown.slice(0, 10).join(", ") + (unknown.length > 10 ? ", …" : "");
unknownMessage.hidden = false;
} else {
unknownMessage.hidden = true;
}
}

function address() {
var params = new URLSearchParams();
if (plan.length) params.set("e", plan.map(function (p) { return p.id; }).join(","));
plan.forEach(function (p) {
var k = known[p.id];
if (p.sets && p.sets !== k.sets) params.set("s." + p.id, p.sets);
if (p.reps && p.reps !== k.reps) params.set("r." + p.id, p.reps);
if (p.hold && p.hold !== k.hold) params.set("h." + p.id, p.hold);
if (p.frequency && p.frequency !== k.frequency) params.set("f." + p.id, p.frequency);
});
if (note.value.trim()) params.set("note", note.value.trim());
var query = params.toString().replace(/%2C/g, ",");
return location.pathname + (query ? "?" + query : "");
}

function doseText(p) {
var k = known[p.id];
var sets = p.sets || k.sets;
var amount = k.reps ? (p.reps || k.reps) + " " + root.dataset.repsUnit : (p.hold || k.hold) + " " + root.dataset.holdUnit;
var text = sets + " × " + amount;
if (k.side) text += ", " + k.side;
var frequency = p.frequency || k.frequency;
if (frequency) text += ", " + frequency;
return text;
}

function variationButtons(container, ids, index) {
var any = false;
ids.forEach(function (id) {
if (!known[id]) return;
any = true;
var button = document.createElement("button");
button.type = "button";
button.className = "button-secondary plan-swap";
button.textContent = known[id].title;
button.disabled = plan.some(function (p) { return p.id === id; });
button.addEventListener("click", function () {
plan[index] = { id: id, sets: "", reps: "", hold: "", frequency: "" };
update(id, "link");
});
container.appendChild(document.createTextNode(" "));
container.appendChild(button);
});
container.hidden = !any;
}

function render(focusId, focusAction) {
list.textContent = "";
plan.forEach(function (p, index) {
var k = known[p.id];
var item = template.content.firstElementChild.cloneNode(true);
item.dataset.id = p.id;
var a = item.querySelector("[data-field=link]");
a.textContent = (index + 1) + ". " + k.title;
a.href = k.url;
item.querySelectorAll("[data-action]").forEach(function (button) { button.setAttribute("aria-label", button.textContent.trim() + ": " + k.title); });
["sets", "reps", "hold", "frequency"].forEach(function (field) {
var input = item.querySelector("[data-field=" + field + "]");
var label = item.querySelector("[data-for=" + field + "]");
var id = "plan-" + index + "-" + field;
input.id = id;
label.htmlFor = id;
input.value = p[field] || k[field];
input.addEventListener("change", function () {
var v = input.value.trim();
var ok = field === "sets" ? validSets(v) : field === "reps" ? validReps(v) : field === "hold" ? validHold(v) : true;
p[field] = ok ? clean(v, MAX_FREQUENCY) : "";
if (!ok) input.value = k[field];
update();
});
});
item.querySelector("[data-when=reps]").hidden = !k.reps;
item.querySelector("[data-when=hold]").hidden = !k.hold;
variationButtons(item.querySelector("[data-field=easier]"), k.easier, index);
variationButtons(item.querySelector("[data-field=harder]"), k.harder, index);
var up = item.querySelector("[data-action=up]"), down = item.querySelector("[data-action=down]");
up.disabled = index === 0;
down.disabled = index === plan.length - 1;
up.addEventListener("click", function () { move(index, -1, "up"); });
down.addEventListener("click", function () { move(index, 1, "down"); });
item.querySelector("[data-action=remove]").addEventListener("click", function () {
plan.splice(index, 1);
var next = plan[Math.min(index, plan.length - 1)];
update(next ? next.id : null, "remove");
});
list.appendChild(item);
});
empty.hidden = plan.length > 0;
order.forEach(function (id) { known[id].box.checked = plan.some(function (p) { return p.id === id; }); });
if (focusId) {
var target = list.querySelector("li[data-id='" + focusId + "'] " + (focusAction === "link" ? "[data-field=link]" : "[data-action=" + focusAction + "]"));
if (target && target.disabled) target = list.querySelector("li[data-id='" + focusId + "'] [data-field=link]");
if (target) target.focus();
}
}

function move(index, by, action) {
var to = index + by;
if (to < 0 || to >= plan.length) return;
var p = plan.splice(index, 1)[0];
plan.splice(to, 0, p);
update(p.id, action);
}

function renderSheet() {
Object.keys(blocks).forEach(function (id) { blocks[id].hidden = true; });
plan.forEach(function (p, index) {
var block = blocks[p.id];
if (!block) return;
block.hidden = false;
block.querySelector(".sheet-number").textContent = String(index + 1);
block.querySelector("[data-dose]").textContent = doseText(p);
sheetList.appendChild(block);
});
var text = note.value.trim();
sheetNote.textContent = text;
sheetNote.hidden = !text;
sheetUrl.textContent = location.href;
}

function update(focusId, focusAction) {
var next = address();
if (next !== location.pathname + location.search) history.replaceState(null, "", next);
link.value = location.href;
render(focusId, focusAction);
renderSheet();
}

order.forEach(function (id) {
known[id].box.addEventListener("change", function () {
var at = -1;
plan.forEach(function (p, i) { if (p.id === id) at = i; });
if (this.checked && at < 0 && plan.length < MAX_EXERCISES) plan.push({ id: id, sets: "", reps: "", hold: "", frequency: "" });
if (!this.checked && at >= 0) plan.splice(at, 1);
update();
});
});
note.addEventListener("input", function () { update(); });
document.getElementById("plan-print").addEventListener("click", function () { window.print(); });
document.getElementById("plan-copy").addEventListener("click", function () {
function failed() { status.textContent = root.dataset.copyFailed; link.select(); }
if (!navigator.clipboard) { failed(); return; }
navigator.clipboard.writeText(location.href).then(function () { status.textContent = root.dataset.copied; }, failed);
});
window.addEventListener("popstate", function () { readAddress(); update(); });

readAddress();
root.hidden = false;
update();

if ("serviceWorker" in navigator && window.caches && window.isSecureContext) {
var scope = location.pathname.replace(/[^/]*$/, "");
navigator.serviceWorker.register("/assets/js/plan-sw.js", { scope: scope }).then(function () {
return navigator.serviceWorker.ready;
}).then(function () {
var files = [scope, "/assets/css/site.css", "/assets/js/plan.js", "/assets/favicon.svg"];
document.querySelectorAll(".sheet img").forEach(function (img) { files.push(img.getAttribute("src")); });
return caches.open("kneeguide-plan").then(function (cache) { return cache.addAll(files); });
}).then(function () {
status.textContent = root.dataset.offline;
root.setAttribute("data-offline-ready", "true");
}, function () { /* offline use is a bonus: the builder works without it */ });
}
})();
