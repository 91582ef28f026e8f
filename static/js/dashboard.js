/* Dashboard behaviour: draw server-built plotly figures, tidy HTMX GET URLs, keyboard moves.
   Loaded as a static file (no inline script anywhere, so a strict CSP can forbid inline JS). */
(function () {
  "use strict";

  var PLOT_CONFIG = { displayModeBar: false, responsive: true };

  function drawCharts(root) {
    if (!window.Plotly || !root.querySelectorAll) return;
    var charts = root.matches && root.matches(".plotly-chart[data-figure]") ? [root] : [];
    charts = charts.concat(Array.prototype.slice.call(root.querySelectorAll(".plotly-chart[data-figure]")));
    charts.forEach(function (element) {
      var source = document.getElementById(element.dataset.figure);
      if (!source || !element.isConnected) return;
      var figure = JSON.parse(source.textContent);
      window.Plotly.purge(element);
      var config = Object.assign({}, PLOT_CONFIG, JSON.parse(element.dataset.plotConfig || "{}"));
      window.Plotly.newPlot(element, figure.data, figure.layout, config);
      element.classList.add("is-drawn");
      element.dispatchEvent(new CustomEvent("chart:drawn", { bubbles: true }));
    });
  }

  /* A GET form sends every field; leave the empty ones out so pushed URLs stay short. */
  document.addEventListener("htmx:configRequest", function (event) {
    if (event.detail.verb !== "get") return;
    var data = event.detail.formData;
    var keys = [];
    data.forEach(function (_value, key) { if (keys.indexOf(key) < 0) keys.push(key); });
    keys.forEach(function (key) {
      var kept = data.getAll(key).filter(function (value) { return value !== ""; });
      var unique = kept.filter(function (value, index) { return kept.indexOf(value) === index; });
      data.delete(key);
      unique.forEach(function (value) { data.append(key, value); });
    });
  });

  /* The actor search box asks for suggestions as you type; leaving it must not re-filter the timeline. */
  document.addEventListener("change", function (event) {
    if (event.target.id === "actor-q") event.stopPropagation();
  }, true);

  /* Mark the engagement whose detail is open. */
  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("a[data-engagement]");
    if (!link) return;
    document.querySelectorAll(".engagement-card.is-current").forEach(function (card) {
      card.classList.remove("is-current");
    });
    var card = link.closest(".engagement-card");
    if (card) card.classList.add("is-current");
  });

  /* Arrow keys move between engagements in the timeline; Enter opens one. */
  document.addEventListener("keydown", function (event) {
    if (event.key !== "ArrowDown" && event.key !== "ArrowUp") return;
    var current = event.target.closest && event.target.closest(".timeline-feed .engagement-link");
    if (!current) return;
    var links = Array.prototype.slice.call(document.querySelectorAll(".timeline-feed .engagement-link"));
    var next = links[links.indexOf(current) + (event.key === "ArrowDown" ? 1 : -1)];
    if (next) {
      event.preventDefault();
      next.focus();
    }
  });

  /* On a narrow screen the panes stack under the timeline: bring an opened pane into view. */
  document.addEventListener("htmx:afterSwap", function (event) {
    var pane = event.detail.target;
    if (!pane || (pane.id !== "engagement-pane" && pane.id !== "profile-pane")) return;
    if (window.matchMedia("(max-width: 1099px)").matches) pane.scrollIntoView({ block: "start" });
  });

  document.addEventListener("DOMContentLoaded", function () { drawCharts(document); });
  document.addEventListener("htmx:load", function (event) { drawCharts(event.target); });
  document.addEventListener("htmx:historyRestore", function () { drawCharts(document); });
})();
