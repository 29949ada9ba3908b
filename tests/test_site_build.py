"""The real `mkdocs build` with the hooks: the generated pages, privacy, and strict failures."""

from __future__ import annotations

import json
import logging
import re
from pathlib import Path

import pytest
from conftest import (
    EXAMPLES,
    REPO,
    SITE_TODAY,
    build_site,
    check_doc,
    copy_site_project,
    example_text,
    without_section,
)
from handoff_lint.extract import extract

NORTHWIND_PAGE = Path("northwind-logistics/01-handoff/handoff-northwind-logistics-2026-11-04/index.html")
NORTHWIND_DOC = "clients/northwind-logistics/01-handoff/handoff-northwind-logistics-2026-11-04.md"


def test_the_dashboard_lists_every_example_client_with_a_link_to_its_page(built_site: Path) -> None:
    dashboard = (built_site / "index.html").read_text("utf-8")
    for path in EXAMPLES:
        checked = check_doc(path.read_bytes())
        name = str(checked.instance["front_matter"]["client"])  # type: ignore[index]
        slug = path.parent.parent.name
        assert re.search(rf'<a href="{slug}/01-handoff/{path.stem}/">{re.escape(name)}</a>', dashboard), name
    for register in ("risks", "commitments", "upcoming", "by-am-and-sector"):
        assert (built_site / "registers" / register / "index.html").is_file()
    for guide in ("", "rules", "format-reference", "handoff-format"):
        assert (built_site / "guide" / guide / "index.html").is_file()


def test_a_client_page_has_its_card_the_doc_and_the_intro_email(built_site: Path) -> None:
    page = (built_site / NORTHWIND_PAGE).read_text("utf-8")
    card = page.index('class="admonition abstract handoff-card"')
    doc = page.index('<h2 id="section-a-client-basics">')
    email = page.index('<h2 id="handoff-intro-e-mail">')
    assert card < doc < email
    assert "2026-11-04 ✓ on time (due 2026-11-05)" in page
    assert re.search(r"<strong>Last changed:</strong> \d{4}-\d{2}-\d{2} by ", page)  # from git
    assert "Subject: Introducing Hannah Lee, your Account Manager" in page
    assert "Incomplete handoff" not in page


def test_the_upcoming_register_counts_from_today(built_site: Path) -> None:
    page = (built_site / "registers" / "upcoming" / "index.html").read_text("utf-8")
    assert "from 2026-11-24 on" in page
    dates = re.findall(r"<td>(\d{4}-\d{2}-\d{2})</td>", page)
    assert dates == sorted(dates) and dates and dates[0] >= "2026-11-24"


def test_search_finds_clients_contacts_and_risks(built_site: Path) -> None:
    index = json.loads((built_site / "search" / "search_index.json").read_text("utf-8"))
    text = " ".join(doc["title"] + " " + doc["text"] for doc in index["docs"])
    for phrase in ("Northwind Logistics Ltd", "Aisha Rahman", "Procurement framework renewal in August 2027"):
        assert phrase in text


def test_every_page_is_private_and_loads_nothing_from_elsewhere(built_site: Path) -> None:
    assert (built_site / "robots.txt").read_text("utf-8") == "User-agent: *\nDisallow: /\n"
    pages = list(built_site.rglob("*.html"))
    assert len(pages) > len(EXAMPLES)
    for page in pages:
        html = page.read_text("utf-8")
        assert '<meta name="robots" content="noindex, nofollow">' in html, page
        for tag in re.findall(r"<(?:script|link|img|iframe|source)\b[^>]*>", html):
            assert not re.search(r"""(?:src|href)=["']?(?:https?:)?//""", tag), (page, tag)
    for asset in built_site.rglob("*.css"):
        assert "fonts.googleapis.com" not in asset.read_text("utf-8")


def test_an_incomplete_doc_fails_the_strict_build_and_shows_a_banner_otherwise(tmp_path: Path) -> None:
    config = copy_site_project(tmp_path / "project")
    text = without_section(example_text(), "## Section F")
    text = text.replace("## Section B — People", '<script>alert("x")</script>\n\n## Section B — People')
    (config.parent / NORTHWIND_DOC).write_text(text, "utf-8")
    errors = [d for d in check_doc(text).diagnostics if d.severity.value == "error"]
    assert errors

    strict = build_site(config, tmp_path / "strict")
    assert strict.returncode != 0
    for error in errors:
        assert f"WARNING -  {NORTHWIND_DOC}:{error.line}:{error.column}: {error.code} " in strict.stderr

    lenient = build_site(config, tmp_path / "site", strict=False)
    assert lenient.returncode == 0, lenient.stderr
    page = (tmp_path / "site" / NORTHWIND_PAGE).read_text("utf-8")
    assert "Incomplete handoff" in page
    assert f"line {errors[0].line}:" in page
    assert "<script>alert" not in page and "&lt;script&gt;alert" in page
    assert "not committed yet" in page  # the copy is not a git repository
    assert "(incomplete)" in (tmp_path / "site" / "index.html").read_text("utf-8")


def test_a_bug_in_the_linter_is_an_ho900_finding_for_that_doc_not_a_traceback(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    # The build runs in this process so that a fault can be planted in the linter, as in
    # test_runner: the extractor fails on one client's doc only, as a bug its content triggers would.
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort

    def faulty(path: str, *args: object, **kwargs: object) -> object:
        if path == NORTHWIND_DOC:
            raise KeyError("planted fault")
        return extract(path, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr("handoff_lint.check.extract", faulty)
    monkeypatch.setenv("HANDOFF_TODAY", SITE_TODAY)
    config = copy_site_project(tmp_path / "project")
    site = tmp_path / "site"
    with caplog.at_level(logging.INFO, logger="mkdocs"), pytest.raises(Abort, match="strict mode"):
        build(load_config(str(config), strict=True, site_dir=str(site)))

    warnings = [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING]
    assert warnings == [f"{NORTHWIND_DOC}:1:1: HO900 internal error while checking this file "
                        "(KeyError: 'planted fault'); the doc was not checked"]
    page = (site / NORTHWIND_PAGE).read_text("utf-8")
    assert "Incomplete handoff" in page and "HO900" in page
    assert all("Traceback" not in r.getMessage() for r in caplog.records if r.levelno > logging.DEBUG)
    others = [p for p in EXAMPLES if p.name != Path(NORTHWIND_DOC).name]
    for other in others:  # still checked and built
        page = (site / other.parent.parent.name / "01-handoff" / other.stem / "index.html").read_text("utf-8")
        assert "Incomplete handoff" not in page


def test_the_site_sources_are_all_copied_for_builds_elsewhere() -> None:
    assert (REPO / "hooks" / "handoff.py").is_file() and (REPO / "overrides" / "main.html").is_file()


def calendar_uids(site: Path) -> dict[str, list[str]]:
    from icalendar import Calendar

    found = {}
    for feed in sorted((site / "calendar").glob("*.ics")):
        calendar = Calendar.from_ical(feed.read_bytes())
        found[feed.name] = [str(event["UID"]) for event in calendar.walk("VEVENT")]
    return found


def test_the_site_has_feeds_and_exports_that_read_back_and_keep_their_uids(
        built_site: Path, tmp_path: Path) -> None:
    import csv

    dashboard = (built_site / "index.html").read_text("utf-8")
    for target in ("calendar/all.ics", "exports/clients.csv", "exports/risks.csv", "exports/commitments.csv",
                   "exports/milestones.csv", "exports/handoffs.json", "people/commission/"):
        assert f'href="{target}"' in dashboard, target
    am_view = (built_site / "people" / "am-hannah-lee" / "index.html").read_text("utf-8")
    assert 'href="../../calendar/am-hannah-lee.ics"' in am_view

    first = calendar_uids(built_site)
    assert {"all.ics", "am-hannah-lee.ics"} <= set(first) and all(first.values())
    per_manager = [uid for name, uids in first.items() if name != "all.ics" for uid in uids]
    assert sorted(per_manager) == sorted(first["all.ics"])

    # A second build, of a copy whose risk a spreadsheet would run as a formula: the UIDs are the same,
    # and the formula comes back as text.
    config = copy_site_project(tmp_path / "project")
    doc = config.parent / NORTHWIND_DOC
    text = doc.read_text("utf-8").replace("| Exec sponsor is new in role |", "| =HYPERLINK(\"x\") |")
    doc.write_text(text, "utf-8")
    result = build_site(config, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    assert calendar_uids(tmp_path / "site") == first

    for site in (built_site, tmp_path / "site"):
        for export in (site / "exports").glob("*.csv"):
            with export.open(encoding="utf-8", newline="") as handle:
                rows = list(csv.reader(handle))
            assert len(rows) > 1 and all(len(row) == len(rows[0]) for row in rows), export
    with (tmp_path / "site" / "exports" / "risks.csv").open(encoding="utf-8", newline="") as handle:
        risks = [row["risk"] for row in csv.DictReader(handle)]
    assert "'=HYPERLINK(\"x\")" in risks and not any(r.startswith("=") for r in risks)
    data = json.loads((built_site / "exports" / "handoffs.json").read_text("utf-8"))
    assert {h["data"]["front_matter"]["slug"] for h in data["handoffs"]} == {
        p.parent.parent.name for p in EXAMPLES}


def test_every_page_says_as_of_which_day(built_site: Path) -> None:
    for page in built_site.rglob("*.html"):
        if page.name == "404.html":
            continue
        assert '<p class="handoff-as-of">As of Tue 24 Nov 2026</p>' in page.read_text("utf-8"), page


def test_every_client_page_draws_its_timeline(built_site: Path) -> None:
    for path in EXAMPLES:
        folder = built_site / path.parent.parent.name / "01-handoff" / path.stem
        page = (folder / "index.html").read_text("utf-8")
        assert page.count("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\"") == 1, path
        assert "The timeline is drawn here." not in page
