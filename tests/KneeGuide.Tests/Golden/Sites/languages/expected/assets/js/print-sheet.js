(function () {
"use strict";
var buttons = document.querySelectorAll(".print-sheet");
if (!buttons.length || typeof window.print !== "function") return;
function done() { document.body.classList.remove("printing-sheet"); }
window.addEventListener("afterprint", done);
buttons.forEach(function (button) {
button.hidden = false;
button.addEventListener("click", function () {
document.body.classList.add("printing-sheet");
window.print();
});
});
})();
