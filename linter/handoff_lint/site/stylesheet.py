"""The site's own stylesheet (assets/handoff.css): wide tables, chips, cards on a phone, the
timelines' look, and every colour the site adds, for the light and the dark scheme."""

from __future__ import annotations

from handoff_lint.site import dashboard

# Wide tables (the dashboard has eleven columns) get more room than the theme's reading width.
STYLESHEET = """\
.md-grid { max-width: 96rem; }
.md-typeset table:not([class]) td { vertical-align: top; }
/* A value with no space in it (a pasted 3,000-letter name) wraps anywhere rather than widening its
   table, card, list or heading: one value never pushes every other client's columns off screen. */
.md-typeset, .md-typeset table:not([class]) td, .md-typeset table:not([class]) th,
.md-nav__link, .md-path__link { overflow-wrap: anywhere; }
.md-typeset .handoff-incomplete { font-size: .8rem; }
/* A date stays on one line (handoff_lint.site.dates): never '2026-11-' over '25' in a narrow column. */
.handoff-date { white-space: nowrap; }
/* The intro e-mail wraps like the e-mail it becomes; copying keeps its own line breaks. */
.md-typeset #handoff-intro-e-mail ~ .highlight code { white-space: pre-wrap; }
.md-typeset th[aria-sort] { cursor: pointer; white-space: nowrap; }
.md-typeset th[aria-sort="ascending"]::after { content: " ▲"; }
.md-typeset th[aria-sort="descending"]::after { content: " ▼"; }
/* "Click a column header to sort" is for a mouse and a wide screen: on a phone the headers are hidden
   (each row a card) or out of sight in a table that scrolls sideways, so it is not shown there. */
.md-typeset .handoff-sort-hint { font-size: .7rem; color: var(--handoff-muted); margin: .4rem 0 0; }
@media screen and (max-width: 44.9375em) { .md-typeset .handoff-sort-hint { display: none; } }
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
/* A filterable list's choices (All clients, All risks): a row that wraps on a phone. */
.md-typeset .handoff-filter { display: flex; flex-wrap: wrap; gap: .4rem 1rem; margin: .5rem 0; }
.md-typeset .handoff-filter label { font-size: .75rem; }
.md-typeset .handoff-filter select { font: inherit; max-width: 14rem; color: var(--md-default-fg-color);
  background: var(--md-default-bg-color); }
.md-typeset .handoff-filter-pager button { font: inherit; margin-right: .6rem; cursor: pointer;
  color: var(--md-typeset-a-color); background: none; border: 1px solid currentColor; border-radius: .2rem; }
.md-typeset .handoff-filter-pager button:disabled { opacity: .4; cursor: default; }
/* A filtered list's table scrolls inside its box, as the theme's own tables do, never the page. */
.md-typeset .handoff-filter-table { overflow-x: auto; }
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
