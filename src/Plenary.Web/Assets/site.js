// Plenary: tooltips for the timeline bands, the attendance cells and the highlighted evidence.
// The pages work without this file (each element also has a title); it only makes the hints quicker to read.
(function () {
  "use strict";
  var tip = null;
  function show(target, x, y) {
    var text = target.getAttribute("data-tip");
    if (!text) return;
    if (!tip) { tip = document.createElement("div"); tip.className = "tip"; tip.setAttribute("role", "tooltip"); document.body.appendChild(tip); }
    tip.textContent = text; // text, never markup
    tip.style.left = Math.min(x + 14, window.innerWidth - 380) + "px";
    tip.style.top = (y + 16) + "px";
    tip.hidden = false;
  }
  function hide() { if (tip) tip.hidden = true; }
  document.addEventListener("mouseover", function (e) {
    var t = e.target.closest && e.target.closest("[data-tip]");
    if (t) show(t, e.clientX, e.clientY); else hide();
  });
  document.addEventListener("mousemove", function (e) {
    if (tip && !tip.hidden) { tip.style.left = Math.min(e.clientX + 14, window.innerWidth - 380) + "px"; tip.style.top = (e.clientY + 16) + "px"; }
  });
  document.addEventListener("focusin", function (e) {
    var t = e.target.closest && e.target.closest("[data-tip]") || (e.target.querySelector && e.target.querySelector("[data-tip]"));
    if (t) { var r = t.getBoundingClientRect(); show(t, r.left, r.bottom); } else hide();
  });
  document.addEventListener("keydown", function (e) { if (e.key === "Escape") hide(); });
  // SVG <title> shows a second, native tooltip: keep it for assistive technology but not as a hover duplicate.
  document.querySelectorAll("svg .band title").forEach(function (t) { t.parentNode.setAttribute("aria-label", t.textContent); t.remove(); });
})();
