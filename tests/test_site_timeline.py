"""The timeline SVG: drawn from our code alone, every doc text escaped, nothing active or external."""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as etree
from pathlib import Path
from types import ModuleType
from typing import Any

from conftest import SITE_DATE, example_views, site_view
from handoff_lint.domain.lifecycle import Invoice, Records
from handoff_lint.site.timeline import (
    CONTAINER_CLASS,
    LATE_SYMBOL,
    MAX_COHORT_LANES,
    PLACEHOLDER,
    picture,
    place,
    svg,
)

SVG = "{http://www.w3.org/2000/svg}"


def test_every_example_draws_a_well_formed_picture_with_today() -> None:
    for view in example_views():
        picture = svg(view.name, view.records, SITE_DATE)
        root = etree.fromstring(picture)
        assert root.tag == f"{SVG}svg"
        texts = " ".join(t.text or "" for t in root.iter(f"{SVG}text"))
        assert "today 24 Nov 2026" in texts
        desc = root.find(f"{SVG}desc")
        assert desc is not None and "Handoff trigger" in (desc.text or "")


def test_nothing_in_it_runs_or_loads_and_doc_text_stays_text() -> None:
    hostile = '<script>alert(1)</script>" onload="x'
    recorded = Records(trigger=dt.date(2026, 11, 16), cohort_starts=((hostile, dt.date(2027, 1, 11)),))
    picture = svg(hostile, recorded, SITE_DATE)
    root = etree.fromstring(picture)
    for element in root.iter():
        assert not element.tag.endswith(("script", "foreignObject", "image", "use", "a"))
        assert not any(name.startswith("on") or name in ("href", "style") or name.endswith("}href")
                       for name in element.attrib)
    assert "<script" not in picture and "&lt;script&gt;" in picture


def test_the_picture_is_bounded_however_many_cohorts() -> None:
    many = tuple((str(i), dt.date(2027, 1, 4) + dt.timedelta(days=i)) for i in range(200))
    picture = svg("Many", Records(trigger=dt.date(2026, 11, 16), cohort_starts=many), SITE_DATE)
    assert len(etree.fromstring(picture).findall(f"{SVG}rect")) == MAX_COHORT_LANES
    assert "+192 more cohorts" in picture


def test_place_fills_only_the_sites_own_box() -> None:
    doc_paragraph = f"<p>{PLACEHOLDER}</p>"
    page = (f'<h1>x</h1><div class="admonition note handoff-timeline"><p>{PLACEHOLDER}</p></div>'
            f"{doc_paragraph}")
    placed = place(page, "<svg></svg>")
    assert placed.count("<svg></svg>") == 1 and placed.endswith(doc_paragraph)
    assert place(doc_paragraph, "<svg></svg>") == doc_paragraph  # no box: nothing is replaced


# What the overlap test draws besides the examples and the generated clients: dates a day apart,
# a span of years, many cohorts with long names, and today far from everything else.
CROWDED = [
    Records(trigger=dt.date(2026, 11, 2), am_assigned=dt.date(2026, 11, 3), call_held=dt.date(2026, 11, 4),
            cohort_starts=tuple((f"Cohort {n} — {'Regional operations and logistics ' * 2}",
                                 dt.date(2026, 12, n)) for n in range(1, 12)),
            invoices=tuple(Invoice(f"Milestone {n}", "10%", dt.date(2026, 11, 2 + n)) for n in range(8))),
    Records(trigger=dt.date(2024, 1, 1), cohort_starts=(("A", dt.date(2027, 6, 1)),),
            invoices=(Invoice("Deposit", "40%", dt.date(2024, 1, 2)),)),
    Records(trigger=dt.date(2026, 11, 30), cohort_starts=(("Only", dt.date(2026, 12, 1)),)),
]

OVERLAPS = """
const found = [];
for (const [index, svg] of [...document.querySelectorAll("svg")].entries()) {
  const boxes = [...svg.querySelectorAll("text, circle")].map(e => [e, e.getBoundingClientRect()])
    .filter(([, r]) => r.width > 0 && r.height > 0);
  for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) {
    const [a, r] = boxes[i], [b, q] = boxes[j];
    const x = Math.min(r.right, q.right) - Math.max(r.left, q.left);
    const y = Math.min(r.bottom, q.bottom) - Math.max(r.top, q.top);
    if (x > 0.5 && y > 0.5) found.push([index, a.textContent || a.outerHTML, b.textContent || b.outerHTML]);
  }
}
return found.slice(0, 20);
"""


def test_no_two_labels_or_markers_overlap_on_a_desktop_or_a_phone(
    browser: Any, generate: ModuleType, tmp_path: Path
) -> None:
    from handoff_lint.site.stylesheet import STYLESHEET

    clients = generate.corpus(300)
    views = [*example_views(), *(site_view(client.text, f"{client.slug}/x.md") for client in clients)]
    records = [(v.name, v.records) for v in views] + [(f"crowded {n}", r) for n, r in enumerate(CROWDED)]
    boxes = "".join(f'<div class="md-typeset"><div class="admonition {CONTAINER_CLASS}">'
                    f"{picture(name, r, SITE_DATE)}</div></div>" for name, r in records)
    page = tmp_path / "timelines.html"
    page.write_text(f"<!doctype html><meta charset=utf-8><style>{STYLESHEET}</style><body>{boxes}", "utf-8")
    for width in (1280, 390):
        browser.set_window_size(width, 900)
        browser.get(page.as_uri())
        assert browser.execute_script(OVERLAPS) == [], width
        assert browser.execute_script("return document.querySelectorAll('svg').length") == len(records)


def test_a_late_milestone_is_marked_with_a_symbol_and_the_word() -> None:
    from test_site_portfolio import late_harbour

    views = {view.name: view for view in example_views()}
    harbour, northwind = late_harbour(), views["Northwind Logistics Ltd"]
    drawn = picture(harbour.name, harbour.records, SITE_DATE)
    root = etree.fromstring(drawn[drawn.index("<svg"):drawn.index("</svg>") + 6])
    late = [g for g in root.iter(f"{SVG}g") if "handoff-tl-late" in g.get("class", "").split()]
    assert [g.findtext(f"{SVG}text") for g in late] == [LATE_SYMBOL]
    assert "Week 2 workshop due: 23 Nov 2026 (late)" in (late[0].findtext(f"{SVG}title") or "")
    assert f"Week 2 workshop due {LATE_SYMBOL} late</li>" in drawn  # in the list under the picture
    assert "handoff-tl-late" not in picture(northwind.name, northwind.records, SITE_DATE)
