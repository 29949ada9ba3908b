"""Exports: CSV files a spreadsheet opens without running anything, and one JSON of checked data."""

from __future__ import annotations

import csv
import io
import json

from conftest import SITE_DATE, example_site_docs, example_text, example_views, site_view
from handoff_lint.site import uris
from handoff_lint.site.exports import CLIENT_COLUMNS, entry, exports, neutralise


def rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text, newline="")))


def test_formula_starts_are_neutralised_and_the_rest_kept() -> None:
    for cell in ("=1+1", "+44 20", "-2", "@SUM(A1)", "\tx", "\rx"):
        assert neutralise(cell) == "'" + cell
    assert neutralise("Hannah Lee") == "Hannah Lee" and neutralise(None) == ""


def test_every_export_opens_and_a_formula_comes_back_as_text() -> None:
    docs = example_site_docs()
    views = example_views()
    formula = "account_manager: =HYPERLINK(1)"
    hostile = site_view(example_text().replace("account_manager: Hannah Lee", formula))
    found = exports([*views, hostile], [entry(d.src_uri, d.checked) for d in docs], SITE_DATE)
    clients = rows(found[uris.EXPORT_CLIENTS])
    assert list(clients[0]) == list(CLIENT_COLUMNS)
    assert len(clients) == len(views) + 1
    assert {r["account_manager"] for r in clients} >= {"'=HYPERLINK(1)", "Hannah Lee"}
    assert {r["stage"] for r in clients} >= {"Onboarding", "In delivery"}
    assert rows(found[uris.EXPORT_RISKS]) and rows(found[uris.EXPORT_COMMITMENTS])
    milestones = rows(found[uris.EXPORT_MILESTONES])
    assert {"Handoff trigger", "Week 2 workshop due"} <= {r["milestone"] for r in milestones}
    data = json.loads(found[uris.EXPORT_JSON])
    assert len(data["handoffs"]) == len(docs)
    assert all(h["complete"] and h["data"]["front_matter"]["slug"] for h in data["handoffs"])


def test_csv_is_utf8_text_with_names_as_written() -> None:
    view = site_view(example_text().replace("ae: Priya Shah", "ae: Zoë Ó Briain"))
    text = exports([view], [], SITE_DATE)[uris.EXPORT_CLIENTS]
    assert rows(text.encode("utf-8").decode("utf-8"))[0]["ae"] == "Zoë Ó Briain"
