"""The site's own script (assets/handoff.js), served from the site itself under its
Content-Security-Policy: the search box, the filtered lists (All clients, All risks) over every row,
and sortable tables with the line that says how to sort them. No library, nothing from elsewhere;
every value from a doc is written as text, its dates kept on one line."""

from __future__ import annotations

import json

from handoff_lint.site import dashboard, dates, registers, search, uris

# Pages whose title carries the class SORTABLE get tables sorted by a click on a column header: a
# few lines served from the site itself, no library, nothing from elsewhere. The class is keyed
# (handoff_lint.site.attributes), so a doc cannot make its own page sortable.
SORTABLE = "handoff-sortable"
SORT_HINT = "handoff-sort-hint"  # the line above a sortable table that says how to sort it
# Search: Pagefind's own UI and index, from the site's pagefind/ folder (written after the build),
# set up here rather than in an inline script. Pagefind waits SEARCH_DEBOUNCE_MS after a keystroke.
# The index comes in shards (handoff_lint.site.search): the main bundle says how many, and the
# script merges the others into the same search; it builds their paths itself, so the file holds
# nothing but a number.
SEARCH_DEBOUNCE_MS = 250
# The lists the script filters and sorts over every row: a page title's class -> its list's JSON file
# (handoff_lint.site.filterable), by its path in the site.
FILTERABLE = {dashboard.ALL_CLIENTS_CLASS: uris.ALL_CLIENTS_DATA, registers.ALL_RISKS_CLASS: uris.RISKS_DATA}
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
// Lists filtered and sorted over every row (handoff_lint.site.filterable): a page whose title has one
// of these classes reads its list's JSON file and shows it in place of the page's own table, which
// stays as it is where the script does not run. Every value goes in as text, never as markup.
var handoffScript = document.currentScript && document.currentScript.src;
var handoffLists = __FILTERABLE__;
document.addEventListener("DOMContentLoaded", function () {
  var title = document.querySelector("article h1");
  var table = document.querySelector("article table");
  var file = title && Object.keys(handoffLists).filter(function (name) {
    return title.classList.contains(name);
  }).map(function (name) { return handoffLists[name]; })[0];
  if (!file || !table || !table.tHead || !handoffScript) return;
  var root = new URL("../", handoffScript);
  fetch(new URL(file, root).href, { credentials: "same-origin" })
    .then(function (response) { return response.ok ? response.json() : Promise.reject(response.status); })
    .then(function (data) { filterable(data, table); }, function () {});
  function count(number) { return number.toLocaleString("en-GB"); }  // 1,151, not 1151
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
  function named(rows, key) {
    var names = {};
    rows.forEach(function (row) { if (row.filters[key]) names[row.filters[key]] = true; });
    return Object.keys(names).sort(function (a, b) { return a.localeCompare(b); });
  }
  function pair(value) { return [value, value]; }
  // A part of a cell: text, a link within this site, a chip or emphasis; never markup.
  function part(given) {
    var text = String(given.text === undefined ? "" : given.text);
    var made;
    if (given.url) {
      var address = new URL(String(given.url), root);
      if (address.origin === location.origin) {
        made = element("a");
        made.href = address.href;
      }
    }
    if (!made && given.chip) {
      var kinds = given.chip.filter(function (kind) { return /^[a-z][a-z0-9-]*$/.test(kind); });
      made = element("strong", undefined, ["handoff-chip"].concat(kinds.map(function (kind) {
        return "handoff-chip-" + kind; })).join(" "));
    }
    if (!made) made = given.strong ? element("strong") : document.createDocumentFragment();
    dated(made, text);
    return made;
  }
  // Text with each date in a span that keeps it on one line (handoff_lint.site.dates).
  function dated(parent, text) {
    var dates = new RegExp(__DATE_PATTERN__, "g"), start = 0, match;
    while ((match = dates.exec(text)) !== null) {
      if (match.index > start) parent.appendChild(document.createTextNode(text.slice(start, match.index)));
      parent.appendChild(element("span", match[0], "__DATE_CLASS__"));
      start = match.index + match[0].length;
    }
    if (start < text.length) parent.appendChild(document.createTextNode(text.slice(start)));
  }
  function by(keys) {
    return function (a, b) {
      for (var index = 0; index < keys.length; index++) {
        var key = keys[index].replace(/^-/, ""), down = keys[index].charAt(0) === "-";
        var x = a.sort[key], y = b.sort[key];
        var missing = (x === "" || x === undefined) - (y === "" || y === undefined);
        if (missing) return missing;  // an empty value last, either way
        var order = typeof x === "number" && typeof y === "number" ? x - y :
          String(x).localeCompare(String(y), undefined, { numeric: true, sensitivity: "base" });
        if (order) return down ? -order : order;
      }
      return 0;
    };
  }
  function filterable(data, original) {
    var rows = data.rows, size = 100, page = 0;
    var form = element("form", undefined, "handoff-filter");
    form.setAttribute("role", "search");
    data.filters.forEach(function (filter) {
      var values = filter.values || named(rows, filter.key);
      form.appendChild(choice(filter.label, filter.key, [["", filter.every]].concat(values.map(pair))));
    });
    form.appendChild(choice("Sort by", "sort", data.sorts.map(function (sort) {
      return [sort.key, sort.label]; })));
    var status = element("p", "", "handoff-filter-status");
    status.setAttribute("aria-live", "polite");
    var shown = original.cloneNode(false);
    shown.appendChild(original.tHead.cloneNode(true));
    var body = element("tbody");
    shown.appendChild(body);
    var wrap = element("div", undefined, "handoff-filter-table");
    wrap.appendChild(shown);
    var pager = element("p", undefined, "handoff-filter-pager");
    var previous = element("button", "‹ previous"), next = element("button", "next ›");
    previous.type = next.type = "button";
    pager.appendChild(previous);
    pager.appendChild(next);
    // The page's own table and pagers give way to the filtered list.
    var container = original.closest(".md-typeset__scrollwrap") || original;
    [form, status, pager, wrap].forEach(function (made) {
      container.parentNode.insertBefore(made, container);
    });
    container.hidden = true;
    document.querySelectorAll("article p").forEach(function (paragraph) {
      if (/^Page \\d+ of \\d+/.test(paragraph.textContent)) paragraph.hidden = true;
    });
    var orders = {};
    data.sorts.forEach(function (sort) { orders[sort.key] = by(sort.keys); });
    function render() {
      var found = rows.filter(function (row) {
        return data.filters.every(function (filter) {
          var wanted = form.elements[filter.key].value;
          return !wanted || row.filters[filter.key] === wanted;
        });
      }).sort(orders[form.elements.sort.value]);
      var pages = Math.max(1, Math.ceil(found.length / size));
      page = Math.min(page, pages - 1);
      var slice = found.slice(page * size, page * size + size);
      body.textContent = "";
      slice.forEach(function (row) {
        var made = element("tr");
        row.cells.forEach(function (cell) {
          var cellMade = element("td");
          cell.forEach(function (given) { cellMade.appendChild(part(given)); });
          made.appendChild(cellMade);
        });
        body.appendChild(made);
      });
      status.textContent = found.length ? "Showing " + count(page * size + 1) + "–" +
        count(page * size + slice.length) + " of " + count(found.length) + " " +
        (found.length === 1 ? data.noun.one : data.noun.many) + " (of " + count(rows.length) + ")" :
        "No " + data.noun.one + " matches.";
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
  var title = document.querySelector("article h1");
  if (!title || !title.classList.contains("__SORTABLE__") ||
      Object.keys(handoffLists).some(function (name) { return title.classList.contains(name); })) return;
  document.querySelectorAll("article table").forEach(function (table) {
    var body = table.tBodies[0];
    if (!table.tHead || !body) return;
    // Said by the script, so only where clicking sorts; the stylesheet hides it on a phone.
    var hint = document.createElement("p");
    hint.className = "__SORT_HINT__";
    hint.textContent = "Click a column header to sort the table by it.";
    var container = table.closest(".md-typeset__scrollwrap") || table;
    container.parentNode.insertBefore(hint, container);
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
    """The site's script (assets/handoff.js), with the settings it needs filled in."""
    values = {"__BUNDLE__": search.BUNDLE, "__SHARDS_FILE__": search.SHARDS_FILE,
              "__SHARD_PREFIX__": search.SHARD_PREFIX, "__DEBOUNCE__": str(SEARCH_DEBOUNCE_MS),
              "__STAGE__": search.STAGE_META, "__AM__": search.AM_META,
              "__SORTABLE__": SORTABLE, "__SORT_HINT__": SORT_HINT,
              "__FILTERABLE__": json.dumps(FILTERABLE),
              "__DATE_PATTERN__": json.dumps(dates.PATTERN), "__DATE_CLASS__": dates.CLASS}
    text = SCRIPT
    for placeholder, value in values.items():
        text = text.replace(placeholder, value)
    return text
