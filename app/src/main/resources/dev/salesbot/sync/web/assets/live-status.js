// Keeps a result page's connection states and checks current while a first sync runs: it reads the
// session merchant's status (the JSON at data-status-url) every 1.5 s and rewrites the marked
// elements: the boxes, and each pending check that follows a connection (data-follows, data-check)
// once the status has that check done. No reload; it stops once nothing it shows is updating or
// pending, or after 4 minutes at most.
(function () {
  "use strict";
  var live = document.getElementById("live");
  if (!live || !window.fetch) {
    return;
  }
  var url = live.getAttribute("data-status-url");
  var every = 1500;
  var polls = 0;
  var maxPolls = 160;
  var note = document.getElementById("live-note");

  function setText(root, selector, text) {
    var el = root.querySelector(selector);
    if (el && text !== undefined && text !== null) {
      el.textContent = text;
    }
  }

  function show(box, c) {
    var state = box.querySelector(".js-state");
    if (state) {
      state.textContent = c.state_text;
      state.className = "state js-state state-" + c.state;
    }
    setText(box, ".js-detail", c.detail || "");
    setText(box, ".js-last-update", c.last_update_text);
    var counts = c.counts || {};
    Object.keys(counts).forEach(function (name) {
      setText(box, "[data-count='" + name + "']", String(counts[name]));
    });
    if (Object.keys(counts).length > 0) {
      setText(box, ".js-page-details", "stored");
    }
    var counted = box.querySelector(".js-counts");
    if (counted && Object.keys(counts).length > 0) {
      counted.hidden = false;
    }
    var bar = box.querySelector("progress");
    var barText = box.querySelector(".js-progress-text");
    var p = c.progress;
    if (bar) {
      var showBar = c.state === "updating" && p && p.total > 0;
      bar.hidden = !showBar;
      if (barText) {
        barText.hidden = !showBar;
      }
      if (showBar) {
        bar.max = p.total;
        bar.value = Math.min(p.fetched, p.total);
        if (barText) {
          barText.textContent = p.fetched + " of " + p.total + " products fetched";
        }
      }
    }
  }

  function styleOf(status) {
    if (status === "success" || status === "unchanged") {
      return "ok";
    }
    return status === "pending" ? "note" : "problem";
  }

  // The same markup as the server's: the words, then (field: status).
  function showCheck(dd, field, check) {
    var code = document.createElement("code");
    code.textContent = field;
    var strong = document.createElement("strong");
    strong.textContent = check.status;
    var span = document.createElement("span");
    span.className = "muted";
    span.appendChild(document.createTextNode("("));
    span.appendChild(code);
    span.appendChild(document.createTextNode(": "));
    span.appendChild(strong);
    span.appendChild(document.createTextNode(")"));
    dd.textContent = check.text + " ";
    dd.appendChild(span);
    dd.className = styleOf(check.status);
    dd.removeAttribute("data-pending");
  }

  // Rewrites the followed checks that are done now; answers whether one is still pending.
  function showChecks(byTarget) {
    var pending = false;
    document.querySelectorAll("[data-follows][data-pending]").forEach(function (dd) {
      var c = byTarget[dd.getAttribute("data-follows")];
      var field = dd.getAttribute("data-check");
      var check = c && c.checks ? c.checks[field] : null;
      if (check && check.status !== "pending") {
        showCheck(dd, field, check);
      } else {
        pending = true;
      }
    });
    return pending;
  }

  function tick() {
    polls += 1;
    fetch(url, {headers: {"Accept": "application/json"}, credentials: "same-origin", cache: "no-store"})
      .then(function (response) {
        if (!response.ok) {
          throw new Error("status " + response.status);
        }
        return response.json();
      })
      .then(function (status) {
        var byTarget = {};
        (status.connections || []).forEach(function (c) {
          byTarget[c.target] = c;
        });
        var updating = false;
        live.querySelectorAll("[data-target]").forEach(function (box) {
          var c = byTarget[box.getAttribute("data-target")];
          if (c) {
            show(box, c);
            updating = updating || c.state === "updating";
          }
        });
        var following = showChecks(byTarget) || updating;
        if (following && polls < maxPolls) {
          window.setTimeout(tick, every);
        } else if (note) {
          note.textContent = following
            ? "Still updating: this page stopped checking; open My connections later to see the result."
            : "Done: what the bot knows is up to date.";
        }
      })
      .catch(function () {
        if (polls < maxPolls) {
          window.setTimeout(tick, every * 2);
        } else if (note) {
          note.textContent = "The status could not be read; open My connections to see it.";
        }
      });
  }

  // A check can still be pending when the sync ended between the page's checks and its boxes.
  if (live.getAttribute("data-updating") === "true" || document.querySelector("[data-follows][data-pending]")) {
    window.setTimeout(tick, every);
  }
})();
