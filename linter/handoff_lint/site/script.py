"""The site's own script (assets/handoff.js), served from the site itself under its
Content-Security-Policy: the search box, All clients' filters over every client, and sortable
tables. No library, nothing from elsewhere; every value from a doc is written as text."""

from __future__ import annotations

from handoff_lint.site import dashboard, search, uris

# Pages whose title carries the class SORTABLE get tables sorted by a click on a column header: a
# few lines served from the site itself, no library, nothing from elsewhere. The class is keyed
# (handoff_lint.site.attributes), so a doc cannot make its own page sortable.
SORTABLE = "handoff-sortable"
# Search: Pagefind's own UI and index, from the site's pagefind/ folder (written after the build),
# set up here rather than in an inline script. Pagefind waits SEARCH_DEBOUNCE_MS after a keystroke.
# The index comes in shards (handoff_lint.site.search): the main bundle says how many, and the
# script merges the others into the same search; it builds their paths itself, so the file holds
# nothing but a number.
SEARCH_DEBOUNCE_MS = 250
SCRIPT = """\
(function () {
  var here = document.currentScript && document.currentScript.src;
  if (!here) return;
  var bundle = new URL("../__BUNDLE__/", here);
  var root = new URL("../", here).pathname;
  function shards() {
    return fetch(new URL("__SHARDS_FILE__", bundle).href, { credentials: "same-origin" })
      .then(function (response) {
        if (!response.ok) throw new Error("HTTP " + response.status);
        return response.json();
      })
      .then(function (found) {
        var count = found && found.shards;
        if (!Number.isInteger(count) || count < 1) throw new Error("no shard count");
        var others = [];
        for (var number = 2; number <= count; number++) {
          others.push({ bundlePath: new URL("__SHARD_PREFIX__" + number + "/", bundle).pathname,
                        baseUrl: root });
        }
        return others;
      });
  }
  // What a result shows: its title without a heading's "¶", a client's stage and Account Manager
  // after its name, and no full stop that Pagefind ends a block with glued to an e-mail address.
  function heading(title) { return (title || "").replace(/\\s*\\u00b6\\s*$/, ""); }
  function excerpt(text) {
    return (text || "").replace(/(@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)+)\\.(?=\\s|$|<)/g, "$1");
  }
  function shown(result) {
    var meta = result.meta || {};
    meta.title = heading(meta.title);
    if (meta.__STAGE__) {
      meta.title += " \\u2014 " + meta.__STAGE__ + " \\u00b7 AM " + (meta.__AM__ || "not yet assigned");
    }
    result.meta = meta;
    result.excerpt = excerpt(result.excerpt);
    (result.sub_results || []).forEach(function (sub) {
      sub.title = heading(sub.title);
      sub.excerpt = excerpt(sub.excerpt);
    });
    return result;
  }
  function setUpSearch() {
    var header = document.querySelector(".md-header__inner");
    if (!header || document.getElementById("handoff-search")) return;
    var others = shards();
    var box = document.createElement("div");
    box.id = "handoff-search";
    box.className = "handoff-search";
    box.setAttribute("role", "search");
    var source = header.querySelector(".md-header__source");
    header.insertBefore(box, source);
    var style = document.createElement("link");
    style.rel = "stylesheet";
    style.href = new URL("pagefind-ui.css", bundle).href;
    document.head.appendChild(style);
    var script = document.createElement("script");
    script.src = new URL("pagefind-ui.js", bundle).href;
    var loaded = new Promise(function (resolve, reject) {
      script.addEventListener("load", resolve);
      script.addEventListener("error", function () { reject(new Error("pagefind-ui.js not loaded")); });
    });
    document.head.appendChild(script);
    Promise.all([others, loaded]).then(function (ready) {
      new window.PagefindUI({
        element: "#handoff-search", bundlePath: bundle.pathname, mergeIndex: ready[0],
        baseUrl: root, showImages: false, showSubResults: true,
        resetStyles: false, debounceTimeoutMs: __DEBOUNCE__,
        translations: { placeholder: "Search clients and guide" },
        processResult: shown
      });
    }, function (error) {
      // Searching only some of the shards would miss clients without saying so: no search at all.
      box.remove();
      console.error("Search is unavailable: " + error.message);
    });
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUpSearch);
  } else {
    setUpSearch();
  }
})();
// All clients: filters and sorting over every client (__ALL_CLIENTS_DATA__), in place of the page's
// own table, which stays as it is where the script does not run. Every value goes in as text.
var handoffScript = document.currentScript && document.currentScript.src;
document.addEventListener("DOMContentLoaded", function () {
  var title = document.querySelector("h1.__ALL_CLIENTS_CLASS__");
  var table = document.querySelector("article table");
  if (!title || !table || !handoffScript) return;
  var root = new URL("../", handoffScript);
  fetch(new URL("__ALL_CLIENTS_DATA__", root).href, { credentials: "same-origin" })
    .then(function (response) { return response.ok ? response.json() : Promise.reject(response.status); })
    .then(function (data) { filterable(data, table); }, function () {});
  function element(tag, text, className) {
    var made = document.createElement(tag);
    if (text !== undefined) made.textContent = text;
    if (className) made.className = className;
    return made;
  }
  function choice(label, name, values) {
    var wrapper = element("label", label + " ");
    var select = element("select");
    select.name = name;
    values.forEach(function (value) {
      var option = element("option", value[1]);
      option.value = value[0];
      select.appendChild(option);
    });
    wrapper.appendChild(select);
    return wrapper;
  }
  function people(rows, key) {
    var names = {};
    rows.forEach(function (row) { if (row[key].name) names[row[key].name] = true; });
    return Object.keys(names).sort(function (a, b) { return a.localeCompare(b); })
      .map(function (name) { return [name, name]; });
  }
  function filterable(data, original) {
    var rows = data.rows, size = 100, page = 0;
    var form = element("form", undefined, "handoff-filter");
    form.setAttribute("role", "search");
    form.appendChild(choice("Account Manager", "am", [["", "every AM"]].concat(people(rows, "am"))));
    form.appendChild(choice("AE", "ae", [["", "every AE"]].concat(people(rows, "ae"))));
    form.appendChild(choice("Stage", "stage", [["", "every stage"]].concat(
      data.stages.map(function (stage) { return [stage, stage]; }))));
    form.appendChild(choice("Urgency", "urgency", [["", "any urgency"]].concat(
      data.urgencies.map(function (urgency) { return [urgency, urgency]; }))));
    form.appendChild(choice("Sort by", "sort", [["newest", "newest handoff first"],
      ["stage", "stage, in order"], ["due", "next due date"], ["name", "name"]]));
    var status = element("p", "", "handoff-filter-status");
    status.setAttribute("aria-live", "polite");
    var shown = original.cloneNode(false);
    var head = original.tHead.cloneNode(true);
    shown.appendChild(head);
    var body = element("tbody");
    shown.appendChild(body);
    var pager = element("p", undefined, "handoff-filter-pager");
    var previous = element("button", "‹ previous"), next = element("button", "next ›");
    previous.type = next.type = "button";
    pager.appendChild(previous);
    pager.appendChild(next);
    // The page's own table and pagers give way to the filtered list.
    var container = original.closest(".md-typeset__scrollwrap") || original;
    container.parentNode.insertBefore(form, container);
    container.parentNode.insertBefore(status, container);
    container.parentNode.insertBefore(pager, container);
    container.hidden = true;
    container.parentNode.insertBefore(shown, container);
    document.querySelectorAll("article p").forEach(function (paragraph) {
      if (/^Page \\d+ of \\d+/.test(paragraph.textContent)) paragraph.hidden = true;
    });
    function by(order) {
      function name(a, b) { return a.name.localeCompare(b.name); }
      if (order === "stage") return function (a, b) {
        return a.stageOrder - b.stageOrder || (a.due || "9").localeCompare(b.due || "9") || name(a, b); };
      if (order === "due") return function (a, b) {
        return (a.due || "9").localeCompare(b.due || "9") || name(a, b); };
      if (order === "name") return name;
      return function (a, b) { return (b.trigger || "").localeCompare(a.trigger || "") || name(a, b); };
    }
    function link(text, address) {
      if (!address) return document.createTextNode(text || "—");
      var anchor = element("a", text);
      anchor.href = new URL(address, root).href;
      return anchor;
    }
    function cell(row, content) {
      var made = element("td");
      content.forEach(function (part) { made.appendChild(part); });
      row.appendChild(made);
    }
    function render() {
      var wanted = {};
      ["am", "ae", "stage", "urgency", "sort"].forEach(function (key) {
        wanted[key] = form.elements[key].value;
      });
      var found = rows.filter(function (row) {
        return (!wanted.am || row.am.name === wanted.am) && (!wanted.ae || row.ae.name === wanted.ae) &&
          (!wanted.stage || row.stage === wanted.stage) &&
          (!wanted.urgency || row.urgency === wanted.urgency);
      }).sort(by(wanted.sort));
      var pages = Math.max(1, Math.ceil(found.length / size));
      page = Math.min(page, pages - 1);
      var part = found.slice(page * size, page * size + size);
      body.textContent = "";
      part.forEach(function (client) {
        var row = element("tr");
        var name = [link(client.name, client.url)];
        if (client.incomplete) name.push(element("strong", " (incomplete)"));
        cell(row, name);
        var chip = element("strong", client.stage + (client.urgency === "overdue" ||
          client.urgency === "due soon" ? ": " + client.urgency : ""),
          "handoff-chip handoff-chip-" + client.stageClass + " handoff-chip-" + client.urgencyClass);
        cell(row, client.clock ? [chip, document.createTextNode(" " + client.clock)] : [chip]);
        cell(row, [link(client.am.name, client.am.url)]);
        cell(row, [link(client.ae.name, client.ae.url)]);
        cell(row, [document.createTextNode(client.cohort)]);
        cell(row, [document.createTextNode(String(client.highRisks))]);
        body.appendChild(row);
      });
      status.textContent = found.length ? "Showing " + (page * size + 1) + "–" + (page * size + part.length) +
        " of " + found.length + " clients (of " + rows.length + ")" : "No client matches.";
      previous.disabled = page === 0;
      next.disabled = page >= pages - 1;
      pager.hidden = pages < 2;
    }
    form.addEventListener("change", function () { page = 0; render(); });
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    previous.addEventListener("click", function () { page -= 1; render(); });
    next.addEventListener("click", function () { page += 1; render(); });
    render();
  }
});
document.addEventListener("DOMContentLoaded", function () {
  if (!document.querySelector("h1." + "handoff-sortable") ||
      document.querySelector("h1.__ALL_CLIENTS_CLASS__")) return;
  document.querySelectorAll("article table").forEach(function (table) {
    var body = table.tBodies[0];
    if (!table.tHead || !body) return;
    var headers = Array.prototype.slice.call(table.tHead.rows[0].cells);
    headers.forEach(function (header, column) {
      header.tabIndex = 0;
      header.setAttribute("aria-sort", "none");
      function sort() {
        var ascending = header.getAttribute("aria-sort") !== "ascending";
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (a, b) {
          var order = a.cells[column].textContent.trim().localeCompare(
            b.cells[column].textContent.trim(), undefined, {numeric: true, sensitivity: "base"});
          return ascending ? order : -order;
        });
        rows.forEach(function (row) { body.appendChild(row); });
        headers.forEach(function (other) { other.setAttribute("aria-sort", "none"); });
        header.setAttribute("aria-sort", ascending ? "ascending" : "descending");
      }
      header.addEventListener("click", sort);
      header.addEventListener("keydown", function (event) { if (event.key === "Enter") sort(); });
    });
  });
});
"""


def script() -> str:
    """The site's script (assets/handoff.js), with the search settings it needs filled in."""
    values = {"__BUNDLE__": search.BUNDLE, "__SHARDS_FILE__": search.SHARDS_FILE,
              "__SHARD_PREFIX__": search.SHARD_PREFIX, "__DEBOUNCE__": str(SEARCH_DEBOUNCE_MS),
              "__STAGE__": search.STAGE_META, "__AM__": search.AM_META,
              "__ALL_CLIENTS_DATA__": uris.ALL_CLIENTS_DATA,
              "__ALL_CLIENTS_CLASS__": dashboard.ALL_CLIENTS_CLASS}
    text = SCRIPT
    for placeholder, value in values.items():
        text = text.replace(placeholder, value)
    return text
