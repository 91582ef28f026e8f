/* The time axis and the who-meets-whom networks (issue 14): a click on a drawn engagement or actor opens
   it as its card or link would. Static file, no inline script (strict CSP); the figures are drawn by
   dashboard.js, which announces each one with a `chart:drawn` event. */
(function () {
  "use strict";

  /* Open `key=value` in the workspace pane `target` exactly as a card's link does: the same hx-* attributes
     on a hidden link, so the request, the swapped pane and the pushed URL are the card's. */
  function openInPane(key, value, target) {
    var pane = document.querySelector(target);
    var filters = document.getElementById("filters");
    if (!pane || !filters || !window.htmx) return false;
    var holder = document.getElementById("graph-open-links");
    if (!holder) {
      holder = document.createElement("div");
      holder.id = "graph-open-links";
      holder.hidden = true;
      document.body.appendChild(holder);
    }
    var values = {};
    values[key] = String(value);
    var link = document.createElement("a");
    var url = new URL(filters.getAttribute("action") || "/", window.location.href);
    url.search = window.location.search;
    url.searchParams.set(key, String(value));
    link.setAttribute("href", url.pathname + url.search);
    link.setAttribute("hx-get", filters.getAttribute("hx-get") || url.pathname);
    link.setAttribute("hx-include", "#filters");
    link.setAttribute("hx-vals", JSON.stringify(values));
    link.setAttribute("hx-target", target);
    link.setAttribute("hx-push-url", "true");
    holder.replaceChildren(link);
    window.htmx.process(link);
    link.click();
    return true;
  }

  function engagementOpen(pk) {
    if (!openInPane("engagement", pk, "#engagement-pane")) window.location.href = "/engagements/" + pk + "/";
    document.querySelectorAll(".engagement-card.is-current").forEach(function (card) {
      card.classList.remove("is-current");
    });
    var card = document.querySelector('.engagement-card[data-engagement-card="' + pk + '"]');
    if (card) card.classList.add("is-current");
  }

  function actorOpen(slug, url) {
    if (!openInPane("profile", slug, "#profile-pane")) window.location.href = url;
  }

  document.addEventListener("chart:drawn", function (event) {
    var chart = event.target;
    var kind = chart.dataset.open;
    if (!kind || typeof chart.on !== "function") return;
    chart.on("plotly_click", function (data) {
      var point = data && data.points && data.points[0];
      if (!point || !Array.isArray(point.customdata)) return;
      if (kind === "engagement") engagementOpen(point.customdata[0]);
      else if (kind === "profile") actorOpen(point.customdata[0], point.customdata[1]);
    });
  });
})();
