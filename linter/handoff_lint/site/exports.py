"""Exports for spreadsheets and BI: CSV files of clients, risks, commitments and milestones, and one
JSON file with every doc's checked data.

A cell a spreadsheet would run as a formula (one starting with =, +, -, @, a tab or a carriage
return) gets a leading apostrophe, so a doc can never put a formula in Finance's spreadsheet.
Files are UTF-8 with CRLF row ends, as the csv module and spreadsheets expect.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections.abc import Iterable, Sequence

from handoff_lint.check import Checked
from handoff_lint.lifecycle import milestones
from handoff_lint.site import uris
from handoff_lint.site.clients import ClientView

_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

CLIENT_COLUMNS = (
    "client", "slug", "stage", "clock", "urgency", "sector", "ae", "delivery_lead", "account_manager",
    "trigger", "am_assigned_due", "handoff_call", "first_cohort_start", "total_fee", "high_risks",
    "side_commitments", "complete", "errors", "doc",
)


def neutralise(value: object) -> str:
    """A cell as text a spreadsheet shows as written, never evaluates."""
    cell = "" if value is None else str(value)
    return "'" + cell if cell.startswith(_FORMULA_STARTS) else cell


def to_csv(header: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([neutralise(h) for h in header])
    for row in rows:
        writer.writerow([neutralise(cell) for cell in row])
    return out.getvalue()


def _date(day: dt.date | None) -> str:
    return day.isoformat() if day else ""


def clients(views: Sequence[ClientView]) -> str:
    return to_csv(CLIENT_COLUMNS, (
        [v.name, v.slug, v.clock.stage.value, v.clock.text, v.clock.urgency.value, v.sector, v.ae,
         v.delivery_lead, v.account_manager, _date(v.trigger), _date(v.am_assigned.due),
         _date(v.records.call), _date(v.first_cohort_start), v.total_fee, v.risk_count("High"),
         len(v.side_commitments), "yes" if v.complete else "no", len(v.errors), v.path]
        for v in views
    ))


def risks(views: Sequence[ClientView]) -> str:
    return to_csv(("client", "slug", "risk", "likelihood", "mitigation", "account_manager"), (
        [v.name, v.slug, r.risk, r.likelihood, r.mitigation, v.account_manager]
        for v in views for r in v.risks
    ))


def commitments(views: Sequence[ClientView]) -> str:
    rows: list[list[object]] = []
    for v in views:
        rows += [[v.name, v.slug, "AE commitment (Section G)", c, v.account_manager] for c in v.commitments]
        rows += [[v.name, v.slug, "Side commitment (Section E)", c, v.account_manager]
                 for c in v.side_commitments]
    return to_csv(("client", "slug", "kind", "commitment", "account_manager"), rows)


def milestone_rows(views: Sequence[ClientView], today: dt.date) -> str:
    return to_csv(("client", "slug", "date", "kind", "milestone", "done", "account_manager"), (
        [v.name, v.slug, m.date.isoformat(), m.kind.value, m.label, "yes" if m.recorded else "no",
         v.account_manager]
        for v in views for m in milestones(v.records, today)
    ))


Entry = tuple[str, str]  # a doc's page path, and its checked data as JSON text


def entry(src_uri: str, checked: Checked) -> Entry:
    """One doc's checked data, as JSON text (a site of 10,000 clients holds 10,000 of them until the
    export is written, and text is a fraction of the objects' size): its page and path, whether it is
    complete, its findings and its instance."""
    return src_uri, json.dumps({
        "page": src_uri,
        "path": checked.path,
        "complete": not any(d.severity.value == "error" for d in checked.diagnostics),
        "findings": [
            {"line": d.line, "column": d.column, "code": d.code, "severity": d.severity.value,
             "message": d.message}
            for d in checked.diagnostics
        ],
        "data": checked.instance,
    }, ensure_ascii=False, sort_keys=True, default=str)


def checked_data(entries: Sequence[Entry]) -> str:
    """Every doc's entry, by page path."""
    return '{"handoffs": [\n' + ",\n".join(text for _, text in sorted(entries)) + "\n]}\n"


PATHS = (uris.EXPORT_CLIENTS, uris.EXPORT_RISKS, uris.EXPORT_COMMITMENTS, uris.EXPORT_MILESTONES,
         uris.EXPORT_JSON)


def exports(views: Sequence[ClientView], docs: Sequence[Entry], today: dt.date) -> dict[str, str]:
    ordered = sorted(views, key=lambda v: v.name.casefold())
    files = (clients(ordered), risks(ordered), commitments(ordered), milestone_rows(ordered, today),
             checked_data(docs))
    return dict(zip(PATHS, files, strict=True))
