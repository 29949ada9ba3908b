"""The whole site from checked docs: every generated page, every client page, and the navigation.

This is the one call a site generator adapter makes; it reads no files, no clock and no git.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

import yaml
from markdown_it import MarkdownIt

from handoff_lint.codes import Rule
from handoff_lint.contract.schema import Schema
from handoff_lint.engine.check import Checked
from handoff_lint.site import (
    allocate,
    background,
    client_index,
    client_page,
    commission,
    csp,
    dashboard,
    exports,
    guide,
    people,
    portfolio,
    queues,
    registers,
    search,
    uris,
)
from handoff_lint.site.attributes import trusted_class
from handoff_lint.site.clients import ClientView, LastChange, view
from handoff_lint.site.pictures import Pictures
from handoff_lint.site.sanitize import html_text

ROBOTS_TXT = "User-agent: *\nDisallow: /\n"
# Wide tables (the dashboard has eleven columns) need more room than the theme's reading width, so
# those pages also hide the table of contents (WIDE).
STYLESHEET = """\
.md-grid { max-width: 96rem; }
.md-typeset table:not([class]) td { vertical-align: top; }
/* A value with no space in it (a pasted 3,000-letter name) wraps anywhere rather than widening its
   table, card, list or heading: one value never pushes every other client's columns off screen. */
.md-typeset, .md-typeset table:not([class]) td, .md-typeset table:not([class]) th,
.md-nav__link, .md-path__link { overflow-wrap: anywhere; }
.md-typeset .handoff-incomplete { font-size: .8rem; }
/* The intro e-mail wraps like the e-mail it becomes; copying keeps its own line breaks. */
.md-typeset #handoff-intro-e-mail ~ .highlight code { white-space: pre-wrap; }
.md-typeset th[aria-sort] { cursor: pointer; white-space: nowrap; }
.md-typeset th[aria-sort="ascending"]::after { content: " ▲"; }
.md-typeset th[aria-sort="descending"]::after { content: " ▼"; }
/* Search (Pagefind) in the header, where the theme's own search was; results open below it. */
.handoff-search { position: relative; flex-shrink: 0; width: 14rem; margin-left: .8rem; }
.handoff-search .pagefind-ui { --pagefind-ui-scale: .7; --pagefind-ui-primary: var(--md-primary-fg-color);
  --pagefind-ui-text: var(--md-default-fg-color); --pagefind-ui-background: var(--md-default-bg-color);
  --pagefind-ui-border: var(--md-default-fg-color--lightest); --pagefind-ui-tag: var(--md-code-bg-color);
  --pagefind-ui-font: inherit; }
.handoff-search .pagefind-ui__search-input { color: var(--md-default-fg-color); }
.handoff-search .pagefind-ui__drawer { position: absolute; right: 0; width: min(44rem, 94vw);
  max-height: 80vh; overflow-y: auto; padding: 0 1rem; background: var(--md-default-bg-color);
  color: var(--md-default-fg-color); box-shadow: var(--md-shadow-z3); border-radius: .1rem; }
.handoff-search .pagefind-ui__drawer:empty, .handoff-search .pagefind-ui__hidden { display: none; }
/* On a phone the box shares the header with the menu and the title: it shrinks, never overflows. */
@media screen and (max-width: 44.9375em) {
  .handoff-search { width: auto; flex: 0 1 8rem; min-width: 0; margin-left: .4rem; }
}
/* All clients' filters: a row of choices that wraps on a phone. */
.md-typeset .handoff-filter { display: flex; flex-wrap: wrap; gap: .4rem 1rem; margin: .5rem 0; }
.md-typeset .handoff-filter label { font-size: .75rem; }
.md-typeset .handoff-filter select { font: inherit; max-width: 14rem; color: var(--md-default-fg-color);
  background: var(--md-default-bg-color); }
.md-typeset .handoff-filter-pager button { font: inherit; margin-right: .6rem; cursor: pointer;
  color: var(--md-typeset-a-color); background: none; border: 1px solid currentColor; border-radius: .2rem; }
.md-typeset .handoff-filter-pager button:disabled { opacity: .4; cursor: default; }
/* Which day the states are seen from, on every page. */
.handoff-as-of { font-size: .75rem; color: var(--md-default-fg-color--light); margin: 0 0 .5rem; }
/* Every colour the site adds, for the light and the dark scheme (the theme's palette toggle: light,
   dark, or the system's): each text colour keeps a contrast of at least 4.5:1 on its background. */
:root, [data-md-color-scheme="default"] {
  --handoff-muted: #5f6368; --handoff-grey: #3c4043; --handoff-grey-bg: #f1f3f4;
  --handoff-amber: #7a4100; --handoff-amber-bg: #fff4e0; --handoff-yellow-bg: #fef7e0;
  --handoff-purple: #6a1b9a; --handoff-purple-bg: #f6ecfa;
  --handoff-blue: #0b57d0; --handoff-blue-bg: #e8f0fe;
  --handoff-green: #0d652d; --handoff-green-bg: #e6f4ea;
  --handoff-red: #a50e0e; --handoff-red-bg: #fce8e6;
  --handoff-line: #dadce0; --handoff-axis: #80868b; --handoff-marker: #3c4043;
}
[data-md-color-scheme="slate"] {
  --handoff-muted: #bdc1c6; --handoff-grey: #e8eaed; --handoff-grey-bg: #3c4043;
  --handoff-amber: #ffcc80; --handoff-amber-bg: #3d2a00; --handoff-yellow-bg: #3d2e00;
  --handoff-purple: #e1bee7; --handoff-purple-bg: #3b1f45;
  --handoff-blue: #a8c7fa; --handoff-blue-bg: #0e2a5c;
  --handoff-green: #a8dab5; --handoff-green-bg: #0f3d20;
  --handoff-red: #ffb4ab; --handoff-red-bg: #5c1410;
  --handoff-line: #3c4043; --handoff-axis: #9aa0a6; --handoff-marker: #e8eaed;
}
/* Stage chips: the words carry the meaning (stage, "overdue", "due soon"); colour and the border
   style only repeat it, so a chip reads the same in greyscale or to a screen reader. */
.md-typeset .handoff-chip { display: inline-block; padding: 0 .5em; border: 1px solid currentColor;
  border-radius: 1em; font-size: .7rem; font-weight: 700; line-height: 1.6; white-space: normal; }
.md-typeset .handoff-chip-dates-missing, .md-typeset .handoff-chip-tranche-not-dated {
  color: var(--handoff-muted); border-style: dotted; }
.md-typeset .handoff-chip-am-to-be-assigned { color: var(--handoff-amber);
  background: var(--handoff-amber-bg); }
.md-typeset .handoff-chip-handoff-call { color: var(--handoff-purple); background: var(--handoff-purple-bg); }
.md-typeset .handoff-chip-onboarding, .md-typeset .handoff-chip-tranche-due {
  color: var(--handoff-blue); background: var(--handoff-blue-bg); }
.md-typeset .handoff-chip-delivery, .md-typeset .handoff-chip-tranche-earned {
  color: var(--handoff-green); background: var(--handoff-green-bg); }
.md-typeset .handoff-chip-complete { color: var(--handoff-grey); background: var(--handoff-grey-bg); }
.md-typeset .handoff-chip-overdue, .md-typeset .handoff-chip-tranche-overdue {
  color: var(--handoff-red); background: var(--handoff-red-bg); border-width: 2px; }
.md-typeset .handoff-chip-due-soon { color: var(--handoff-amber); background: var(--handoff-yellow-bg);
  border-style: dashed; }
/* The dashboard's table wraps its cells rather than scrolling sideways at desktop widths. */
.md-typeset h1.handoff-dashboard ~ * table { display: table; width: 100%; table-layout: auto; }
.md-typeset h1.handoff-dashboard ~ * td, .md-typeset h1.handoff-dashboard ~ table td {
  overflow-wrap: anywhere; }
/* On a phone every dashboard row becomes a card. */
@media screen and (max-width: 44.9375em) {
  .md-typeset h1.handoff-dashboard ~ * table, .md-typeset h1.handoff-dashboard ~ table { display: block; }
  .md-typeset h1.handoff-dashboard ~ * thead,
  .md-typeset h1.handoff-dashboard ~ table thead { display: none; }
  .md-typeset h1.handoff-dashboard ~ * tbody, .md-typeset h1.handoff-dashboard ~ * tr,
  .md-typeset h1.handoff-dashboard ~ * td, .md-typeset h1.handoff-dashboard ~ table tbody,
  .md-typeset h1.handoff-dashboard ~ table tr, .md-typeset h1.handoff-dashboard ~ table td {
    display: block; width: auto; }
  .md-typeset h1.handoff-dashboard ~ * tr, .md-typeset h1.handoff-dashboard ~ table tr {
    margin: 0 0 .8rem; border: 1px solid var(--md-default-fg-color--lightest); border-radius: .3rem; }
  .md-typeset h1.handoff-dashboard ~ * td, .md-typeset h1.handoff-dashboard ~ table td {
    border: none; padding: .2rem .6rem; }
  .md-typeset h1.handoff-dashboard ~ * td::before { font-weight: 700; }
""" + "".join(
    # A card has no header row, so each detail is labelled with its column's name.
    f'  .md-typeset h1.handoff-dashboard ~ * td:nth-child({number})::before {{ content: "{column}: "; }}\n'
    for number, column in enumerate(dashboard.COLUMNS, start=1) if column not in ("Client", "Stage")
) + """}
/* The timeline picture: drawn at build time, styled here. On a phone it keeps a legible size and
   scrolls inside its box, says so, and lists every date under it; the page never scrolls sideways. */
.handoff-timeline svg { display: block; max-width: 100%; height: auto; font-family: inherit; }
.md-typeset .handoff-tl-scroll { display: none; font-size: .7rem; color: var(--handoff-muted); }
@media screen and (max-width: 44.9375em) {
  .md-typeset .handoff-timeline { overflow-x: auto; }
  .handoff-timeline svg { max-width: none; width: 40rem; }
  .md-typeset .handoff-tl-scroll { display: block; }
}
.handoff-timeline svg text { font-size: 11px; fill: currentColor; }
.handoff-timeline .handoff-tl-symbol { text-anchor: middle; font-size: 10px; font-weight: 700; }
.handoff-timeline .handoff-tl-month { fill: var(--handoff-muted); font-size: 10px; }
.handoff-timeline .handoff-tl-grid { stroke: var(--handoff-line); stroke-width: 1; }
.handoff-timeline .handoff-tl-axis { stroke: var(--handoff-axis); stroke-width: 1; }
.handoff-timeline .handoff-tl-bar { fill: var(--handoff-blue-bg); stroke: var(--handoff-blue);
  stroke-width: 1; }
.handoff-timeline circle { stroke: var(--handoff-marker); stroke-width: 2; fill: var(--md-default-bg-color); }
.handoff-timeline .handoff-tl-done circle, .handoff-timeline .handoff-tl-group circle {
  fill: var(--handoff-marker); }
.handoff-timeline .handoff-tl-deadline circle { stroke: var(--handoff-red); }
.handoff-timeline .handoff-tl-today { stroke: var(--handoff-red); stroke-width: 2; stroke-dasharray: 4 3; }
.handoff-timeline .handoff-tl-today-label { text-anchor: middle; fill: var(--handoff-red); font-weight: 700; }
/* A late milestone: the "!" symbol and the word LATE carry it; the colour and the doubled ring repeat it. */
.handoff-timeline .handoff-tl-late circle { stroke: var(--handoff-red); stroke-width: 3; }
.handoff-timeline .handoff-tl-late text, .handoff-timeline .handoff-tl-late-label { fill: var(--handoff-red);
  font-weight: 700; }
.md-typeset .handoff-tl-dates ul { margin-top: .2rem; }
.md-typeset .handoff-tl-day { font-variant-numeric: tabular-nums; white-space: nowrap; }
"""
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

NavEntry = dict[str, object] | str


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


@dataclass(frozen=True)
class Doc:
    """A client doc as the adapter found it: its page path in the site, the check, its history."""

    src_uri: str
    checked: Checked
    last_change: LastChange | None = None


@dataclass
class Site:
    generated: dict[str, str] = field(default_factory=dict)   # new page path -> content
    client_pages: dict[str, str] = field(default_factory=dict)  # doc page path -> page Markdown
    views: list[ClientView] = field(default_factory=list)
    nav: list[NavEntry] = field(default_factory=list)
    search: dict[str, search.Record] = field(default_factory=dict)  # page path -> what search indexes
    # Each doc's entry in the exports; the feeds and exports are background.downloads of the views.
    entries: list[exports.Entry] = field(default_factory=list)
    # The pictures placed into rendered pages (client timelines, the portfolio), made on demand.
    pictures: Pictures = field(default_factory=lambda: Pictures({}, dt.date.min))


WIDE = "---\nhide:\n  - toc\n---\n\n"
# A heading's attribute list, `{ .sortable }`, which is not part of its text.
_ATTRIBUTE_LIST = re.compile(r"\{[^{}\n]*\}\s*$")  # the white space before it is stripped after
_TAG = re.compile(r"<[^<>]*>")  # a tag holds no "<": each scan stops at the next one, so it is linear
_INLINE = MarkdownIt("commonmark", {"html": False})


def titled(page: str) -> str:
    """A generated page with its title in its own front matter, as HTML text. Without one, MkDocs and
    Zensical take the title from the page's first heading and write it into <title> through Jinja's
    striptags, which turns the heading's escaped '&lt;' back into '<': a name in a heading
    ('AE: Ben </title><svg onload=...>') would become markup."""
    front: dict[str, object] = {}
    body = page
    if page.startswith("---\n"):
        end = page.index("\n---\n", 3)
        front, body = yaml.safe_load(page[4:end + 1]) or {}, page[end + 5:]
    heading = next((line[2:] for line in body.split("\n") if line.startswith("# ")), None)
    if heading is None or "title" in front:
        return page
    shown = html.unescape(_TAG.sub("", _INLINE.renderInline(_ATTRIBUTE_LIST.sub("", heading).rstrip())))
    front = {"title": html_text(" ".join(shown.split())), **front}
    written = yaml.safe_dump(front, allow_unicode=True, sort_keys=False)
    body = body.lstrip("\n")
    return f"---\n{written}---\n\n{body}"


def _sortable(page: str, *classes: str) -> str:
    """Mark a generated page's title so the site's script makes its tables sortable (and with any
    other classes of the site's own)."""
    title, rest = page.split("\n", 1)
    marks = " ".join(f".{trusted_class(name)}" for name in (SORTABLE, *classes))
    return f"{title} {{ {marks} }}\n{rest}"


def navigation(hand_written: Sequence[tuple[str, str]]) -> list[NavEntry]:
    """The sidebar: the same few entries however many clients there are (no client is listed in it;
    Clients A–Z and All clients lead to every client, a page of bounded size at a time)."""
    return [
        {"Dashboard": uris.DASHBOARD},
        {"Clients": [
            {"Clients A–Z": uris.CLIENT_INDEX},
            {"All clients": uris.ALL_CLIENTS},
            {"Needs action": uris.ATTENTION},
            {"Portfolio": uris.PORTFOLIO},
        ]},
        {"People": uris.PEOPLE},
        {"Registers": [
            {"Risks": uris.RISKS},
            {"Commitments": uris.COMMITMENTS},
            {"Upcoming dates": uris.UPCOMING},
            {"Clients by AM": uris.BY_AM},
            {"Clients by sector": uris.BY_SECTOR},
            {"AE commission": uris.COMMISSION},
        ]},
        {"Guide": [
            {"How to write a handoff": uris.GUIDE},
            *({html_text(title): uri} for uri, title in guide.reading_order(hand_written)),
            {"Format reference": uris.FORMAT_REFERENCE},
            {"Rules reference": uris.RULES},
        ]},
    ]


def _tables(found: dict[str, str], *classes: str) -> dict[str, str]:
    """Pages of tables: full width and sortable."""
    return {uri: WIDE + _sortable(content, *classes) for uri, content in found.items()}


def build(docs: Iterable[Doc], *, today: dt.date, default_region: str, schema: Schema,
          rules: Iterable[Rule], hand_written: Sequence[tuple[str, str]] = (),
          site_name: str = "Client handoffs", edit_base: str = "",
          client_out: Callable[[str, str, exports.Entry], None] | None = None) -> Site:
    """Every page of the site; hand_written are the guide's own pages as (path, title). docs may be
    a generator: each is used once, as it comes. With client_out, each client's page and export
    entry are handed to it as (page path, page Markdown, entry) as soon as they are made, instead
    of kept in site.client_pages and site.entries. Every path is claimed once (allocate.Paths): two
    pages for one address raise allocate.PathCollision."""
    site = Site()
    paths = allocate.Paths()
    # One doc at a time: each check is dropped once its view and page are written, so memory holds
    # the small views, never every parsed doc (nor every client page, with client_out) at once.
    for doc in docs:
        client = view(doc.checked, doc.src_uri, default_region, today, doc.last_change)
        paths.claim(client.src_uri, "a client's page")
        site.views.append(client)
        page, exported = client_page.page(client, doc.checked), exports.entry(doc.src_uri, doc.checked)
        if client_out is None:
            site.client_pages[client.src_uri] = page
            site.entries.append(exported)
        else:
            client_out(client.src_uri, page, exported)
    site.pictures = Pictures({client.src_uri: client for client in site.views}, today)
    merged = paths.merge([
        ("the dashboard", {uris.DASHBOARD: WIDE + dashboard.dashboard(site.views, today, site_name,
                                                                      edit_base)}),
        ("All clients", {**_tables(dashboard.all_clients(site.views), dashboard.DASHBOARD_CLASS,
                                   dashboard.ALL_CLIENTS_CLASS),
                         uris.ALL_CLIENTS_DATA: dashboard.all_clients_data(site.views)}),
        ("Needs action", queues.attention_pages(site.views, today, edit_base)),
        ("Records to complete", queues.records_pages(site.views, today, edit_base)),
        ("Clients A–Z", _tables(client_index.pages(site.views))),
        ("the risk register", _tables(registers.risks(site.views))),
        ("the commitments register", _tables(registers.commitments(site.views))),
        ("Upcoming dates", _tables(registers.upcoming(site.views, today))),
        ("Clients by AM", _tables(registers.by_owner(site.views, "account_manager"))),
        ("Clients by sector", _tables(registers.by_owner(site.views, "sector"))),
        ("the guide", {uris.GUIDE: guide.writing_guide(hand_written),
                       uris.FORMAT_REFERENCE: guide.format_reference(schema),
                       uris.RULES: guide.rules_reference(rules)}),
        ("the site's own files", {uris.ROBOTS: ROBOTS_TXT, uris.STYLESHEET: STYLESHEET, uris.SCRIPT: script(),
                                  uris.HEADERS: csp.headers_file()}),
        ("AE commission", commission.pages(site.views, today)),
        ("People", people.pages(site.views, today, edit_base)),
        ("Portfolio", _tables(portfolio.pages(site.views, today, site.pictures.portfolio))),
    ])
    site.generated = {uri: titled(content) if uri.endswith(".md") else content
                      for uri, content in merged.items()}
    # Made later, beside the pages (background.downloads), at paths known now.
    paths.claim_all(background.download_paths(site.views), "the calendar feeds and exports")
    site.nav = navigation(hand_written)
    guide_pages = [uris.GUIDE, uris.FORMAT_REFERENCE, uris.RULES, *(uri for uri, _ in hand_written)]
    site.search = search.records(site.views, guide_pages)
    return site
