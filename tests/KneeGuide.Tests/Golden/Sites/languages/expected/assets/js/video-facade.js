// Click-to-load players for YouTube and Vimeo videos. The page shows a local placeholder (a link to
// the video with a play button); nothing is requested from the video host until the reader presses
// it. Only then is the privacy-enhanced player (youtube-nocookie.com, or Vimeo with dnt=1) framed in
// its place. Without JavaScript the placeholder stays an ordinary link to the video.
(function () {
  "use strict";

  // The only players this page may frame: the same origins as the site's CSP frame-src.
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
    // "fullscreen" in allow is what lets the player go full screen (the older allowfullscreen attribute is redundant with it).
    frame.allow = "autoplay; encrypted-media; picture-in-picture; fullscreen";
    frame.referrerPolicy = "strict-origin-when-cross-origin";
    frame.className = "video-frame";
    box.replaceChildren(frame);
    box.classList.add("video-facade-playing");
    frame.focus();
  });
})();
