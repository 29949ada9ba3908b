"""The portfolio timelines: a row per client in onboarding or delivery, in pages of bounded size, late
milestones marked in words and symbols, every doc text escaped, readable at any width."""

from __future__ import annotations

import dataclasses
import datetime as dt
import xml.etree.ElementTree as etree
from pathlib import Path
from typing import Any

from conftest import (
    EXAMPLES,
    LARGE,
    NORTHWIND_URI,
    REPO,
    SITE_DATE,
    example_views,
    open_page,
    serving,
    site_view,
    with_front_matter,
    without_line,
)
from handoff_lint.domain.lifecycle import Stage
from handoff_lint.site import pictures, portfolio, uris
from handoff_lint.site.clients import ClientView
from handoff_lint.site.people import person_pages
from handoff_lint.site.timeline import CONTAINER_CLASS, LATE_SYMBOL, PLACEHOLDER
from test_site_timeline import OVERLAPS

SVG = "{http://www.w3.org/2000/svg}"


def _examples() -> dict[str, ClientView]:
    return {view.name: view for view in example_views()}


def _copies(view: ClientView, count: int, am: str) -> list[ClientView]:
    """count clients like view, each with a page and name of its own, for one Account Manager."""
    return [dataclasses.replace(view, src_uri=f"c{n:05}/x.md", name=f"Client {n:05}", account_manager=am)
            for n in range(count)]


def late_harbour() -> ClientView:
    """Harbour Housing as if its Week 2 workshop, due 23 Nov 2026, had not been recorded."""
    path = next(p for p in EXAMPLES if "harbour-housing" in p.name)
    text = without_line(path.read_text("utf-8"), "- **Week 2 workshop delivered:**")
    return site_view(text, path.relative_to(REPO / "clients").as_posix())


def test_rows_are_the_clients_in_onboarding_or_delivery_earliest_cohort_first() -> None:
    views = example_views()
    found = portfolio.layout(views)
    everyone = found[uris.PORTFOLIO_ALL]
    shown = {Stage.ONBOARDING, Stage.DELIVERY}
    expected = sorted((v for v in views if v.clock.stage in shown),
                      key=lambda v: v.first_cohort_start or SITE_DATE)
    assert len(expected) >= 2 and [v.name for v in everyone.clients] == [v.name for v in expected]
    assert {v.clock.stage for v in everyone.clients} <= shown
    # Every Account Manager has a page, even with nobody in onboarding or delivery (Euan Fraser).
    assert [v.name for v in found[uris.portfolio_am("Hannah Lee")].clients] == ["Northwind Logistics Ltd"]
    assert found[uris.portfolio_am("Euan Fraser")].clients == []
    nobody = portfolio.svg(found[uris.portfolio_am("Euan Fraser")], SITE_DATE)
    assert "No clients in onboarding or delivery" in nobody


def test_a_row_has_a_bar_per_cohort_from_week_minus_4_to_week_12() -> None:
    northwind = _examples()["Northwind Logistics Ltd"]
    row = portfolio.row(northwind, SITE_DATE)
    starts = sorted(start for _, start in northwind.records.cohort_starts)
    assert [bar[0] for bar in row.bars] == [s - dt.timedelta(weeks=4) for s in starts]
    assert [bar[1] for bar in row.bars] == [s + dt.timedelta(weeks=12) for s in starts]
    assert row.late == ()


def test_pages_hold_at_most_rows_and_every_client_once_at_any_count() -> None:
    harbour = _examples()["Harbour Housing Association Limited"]
    views = _copies(harbour, 2 * portfolio.ROWS + 7, "Hannah Lee") + _copies(harbour, 3, "Sam Novak")
    views = [dataclasses.replace(v, src_uri=f"{n}-{v.src_uri}") for n, v in enumerate(views)]
    found = portfolio.layout(views)
    everyone = [p for uri, p in found.items() if p.base == uris.PORTFOLIO_ALL]
    assert [len(p.clients) for p in everyone] == [portfolio.ROWS, portfolio.ROWS, 10]
    assert [p.uri for p in everyone] == [uris.PORTFOLIO_ALL, "portfolio/all/2.md", "portfolio/all/3.md"]
    listed = [v.src_uri for p in everyone for v in p.clients]
    assert sorted(listed) == sorted(v.src_uri for v in views)
    hannah = [p for p in found.values() if p.base == uris.portfolio_am("Hannah Lee")]
    assert [len(p.clients) for p in hannah] == [portfolio.ROWS, portfolio.ROWS, 7]
    markdown = portfolio.pages(views, SITE_DATE, found)
    second = markdown["portfolio/all/2.md"]
    assert "Page 2 of 3: " in second and "(page 2 of 3)" in second
    # The picture and the page stay the same size however many more clients there are.
    for page in everyone[:2]:
        root = etree.fromstring(portfolio.svg(page, SITE_DATE))
        lanes = [t for t in root.iter(f"{SVG}text") if "handoff-tl-lane" in t.get("class", "")]
        assert len(lanes) == portfolio.ROWS
    bigger = portfolio.layout(_copies(harbour, 20 * portfolio.ROWS, "Hannah Lee"))
    assert len(portfolio.svg(bigger["portfolio/all/7.md"], SITE_DATE)) == len(
        portfolio.svg(bigger["portfolio/all/3.md"], SITE_DATE))


def test_late_milestones_carry_a_symbol_and_the_word_not_colour_alone() -> None:
    harbour, northwind = late_harbour(), _examples()["Northwind Logistics Ltd"]
    found = portfolio.layout([harbour, northwind])
    root = etree.fromstring(portfolio.svg(found[uris.PORTFOLIO_ALL], SITE_DATE))
    lanes = [t for t in root.iter(f"{SVG}text") if "handoff-tl-lane" in t.get("class", "")]
    shown = ["".join(t.itertext()).removeprefix(t.findtext(f"{SVG}title") or "") for t in lanes]
    # The word leads the row's label, so no truncation of a long name can hide it.
    assert shown[0].startswith("LATE Harbour Housing") and not shown[1].startswith("LATE")
    late_markers = [g for g in root.iter(f"{SVG}g") if "handoff-tl-late" in g.get("class", "").split()]
    assert late_markers and all((g.findtext(f"{SVG}text") or "").endswith(LATE_SYMBOL) for g in late_markers)
    assert all("(late)" in (g.findtext(f"{SVG}title") or "") for g in late_markers)
    markdown = portfolio.markdown(found[uris.PORTFOLIO_ALL], SITE_DATE)
    harbour_row = next(line for line in markdown.split("\n") if "Harbour Housing" in line)
    northwind_row = next(line for line in markdown.split("\n") if "Northwind Logistics" in line)
    assert f"**{LATE_SYMBOL} late:** Week 2 workshop due (2026-11-23)" in harbour_row
    assert northwind_row.endswith("| — |")


def test_hostile_names_stay_text_in_the_picture_and_the_table(northwind: str) -> None:
    hostile = '<script>alert(1)</script>" onload="x'
    text = with_front_matter(northwind, client=f"'{hostile}'",
                             account_manager=f"'{hostile} [a](javascript:x)'")
    view = site_view(text, NORTHWIND_URI)
    found = portfolio.layout([view])
    picture = portfolio.picture(found[uris.PORTFOLIO_ALL], SITE_DATE)
    root = etree.fromstring(picture[picture.index("<svg"):])
    for element in root.iter():
        assert not element.tag.endswith(("script", "foreignObject", "image", "use", "a"))
        assert not any(name.startswith("on") or name in ("href", "style") or name.endswith("}href")
                       for name in element.attrib)
    assert "<script" not in picture and "&lt;script&gt;" in picture
    for markdown in portfolio.pages([view], SITE_DATE).values():
        # Brackets from a doc are escaped: "[a](javascript:x)" stays text, never a link.
        assert "<script" not in markdown and "](javascript" not in markdown.replace("\\]", "")


def test_each_page_gets_its_own_picture_placed_in_the_sites_box() -> None:
    views = {view.src_uri: view for view in example_views()}
    made = pictures.Pictures(views, SITE_DATE)
    assert "Timeline of Northwind Logistics Ltd" in (made.for_page(NORTHWIND_URI) or "")
    assert "Portfolio of all clients" in (made.for_page(uris.PORTFOLIO_ALL) or "")
    assert "Portfolio of Hannah Lee" in (made.for_page(uris.portfolio_am("Hannah Lee")) or "")
    assert made.for_page(uris.DASHBOARD) is None and made.for_page(uris.PORTFOLIO) is None
    assert pictures.for_page(uris.PORTFOLIO_ALL, views, SITE_DATE) == made.for_page(uris.PORTFOLIO_ALL)
    page = f'<div class="admonition note {CONTAINER_CLASS}"><p>{PLACEHOLDER}</p></div>'
    assert made.place(uris.DASHBOARD, page) == page
    placed = made.place(uris.PORTFOLIO_ALL, page)
    assert "<svg" in placed and PLACEHOLDER not in placed


def test_the_landing_page_and_each_am_page_lead_to_the_am_portfolio() -> None:
    views = [late_harbour() if v.name.startswith("Harbour") else v for v in example_views()]
    on_time = [v for v in views if v.clock.stage in (Stage.ONBOARDING, Stage.DELIVERY)]
    markdown = portfolio.pages(views, SITE_DATE)
    for name in ("Hannah Lee", "Grace Adeyemi", "Euan Fraser"):
        target = uris.portfolio_am(name).removeprefix("portfolio/")
        assert f"]({target})" in markdown[uris.PORTFOLIO]
        person = person_pages("am", name, [v for v in views if v.account_manager == name])
        assert f"](../{uris.portfolio_am(name)})" in person[uris.person_page("am", name)]
    assert "](all.md)" in markdown[uris.PORTFOLIO]
    lines = markdown[uris.PORTFOLIO].split("\n")
    # Harbour Housing (Grace Adeyemi's) is late; Northwind (Hannah Lee's) is on track.
    assert f"{len(on_time)} clients in onboarding or delivery, 1 with a late milestone" in next(
        line for line in lines if "All clients" in line)
    assert next(line for line in lines if "Grace Adeyemi" in line).endswith(", 1 with a late milestone")
    assert next(line for line in lines if "Hannah Lee" in line).endswith(
        ": 1 client in onboarding or delivery")


def test_the_portfolio_is_drawn_without_overlaps_and_never_scrolls_the_page(
    browser: Any, generated_sites: dict[int, Path]
) -> None:
    site = generated_sites[LARGE]
    am_pages = sorted(p.parent.relative_to(site).as_posix() + "/"
                      for p in (site / "portfolio").glob("am-*/index.html")
                      if "<tbody>" in p.read_text("utf-8"))
    pages = ["portfolio/all/", "portfolio/all/2/", *am_pages[:2]]
    with serving(site) as base:
        for width in (1280, 390):
            browser.set_window_size(width, 900)
            for page in pages:
                open_page(browser, base + page)
                assert browser.execute_script("return document.querySelectorAll('article svg').length") == 1
                assert browser.execute_script(OVERLAPS) == [], (width, page)
                assert browser.execute_script(
                    "return document.documentElement.scrollWidth <= window.innerWidth") is True, (width, page)
                rows = browser.execute_script("return document.querySelectorAll('article tbody tr').length")
                assert 0 < rows <= portfolio.ROWS
