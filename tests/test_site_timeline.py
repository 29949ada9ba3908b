"""The timeline SVG: drawn from our code alone, every doc text escaped, nothing active or external."""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as etree

from conftest import SITE_DATE, example_views
from handoff_lint.lifecycle import Records
from handoff_lint.site.timeline import MAX_COHORT_LANES, PLACEHOLDER, place, svg

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
