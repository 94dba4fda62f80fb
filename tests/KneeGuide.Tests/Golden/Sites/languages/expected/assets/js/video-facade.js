(function () {
"use strict";

var allowed = ["https://www.youtube-nocookie.com/embed/", "https://player.vimeo.com/video/"];

function isAllowed(url) {
return allowed.some(function (prefix) { return url.indexOf(prefix) === 0; });
}

document.addEventListener("click", function (event) {
var link = event.target.closest ? event.target.closest(".video-facade-link") : null;
if (!link) {
return;
}

var box = link.closest(".video-facade");
var src = box ? box.getAttribute("data-embed") || "" : "";
if (!isAllowed(src) || event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey) {
return;
}

event.preventDefault();
var frame = document.createElement("iframe");
frame.src = src;
frame.title = box.getAttribute("data-title") || link.textContent;
frame.allow = "autoplay; encrypted-media; picture-in-picture; fullscreen";
frame.referrerPolicy = "strict-origin-when-cross-origin";
frame.className = "video-frame";
box.replaceChildren(frame);
box.classList.add("video-facade-playing");
frame.focus();
});
})();
