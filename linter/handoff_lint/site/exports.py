"""Exports for spreadsheets and BI: CSV files of clients, risks, commitments and milestones, and one
JSON file with every doc's checked data.

A spreadsheet runs a cell as a formula when it starts with =, +, -, @ (or their full-width forms), a
tab or a carriage return, and which character separates cells is the reader's choice: ',' here, ';'
in most of continental Europe, a tab for "tab-separated", a line break for an importer that reads
lines. So every cell is quoted, and wherever a cell could begin under any of those separators (at
its start, or after a separator, with spaces or quotes before the character) a formula character
gets an apostrophe before it: `;=cmd|' /C calc'!A0` is written `;'=cmd|' /C calc'!A0`. A normal CSV
reader reads back the value as written, apart from those apostrophes.
Files are UTF-8 with a byte-order mark (so Excel reads `£` as `£`) and CRLF row ends.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
from collections.abc import Iterable, Sequence

from handoff_lint.domain.lifecycle import milestones
from handoff_lint.engine.check import Checked
from handoff_lint.site import uris
from handoff_lint.site.clients import ClientView

# What separates cells for some reader: the separators spreadsheets offer, and every line break
# Python's str.splitlines() knows (an importer reading lines splits there).
_SEPARATORS = ",;|\t\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
# A character that starts a formula: =, +, -, @ in every form NFKC reads as them (full-width '＝',
# small '﹦', super- and subscript '⁺'), the minus sign U+2212, a tab and a carriage return.
FORMULA_CHARACTERS = (
    "=+-@\uff1d\uff0b\uff0d\uff20\ufe66\ufe62\ufe63\ufe6b\u207a\u207c\u208a\u208c\ufb29\u2212\t\r"
)
# A cell's start, under some separator: the text's start or just after a separator, then any white
# space, zero-width characters or quotes an importer may strip, then a character that starts a
# formula. After a separator, the value's end counts too: what follows it in the file is a quote and
# the row's CR (a reader splitting on ';' reads '"a;"\r\n' as a cell '\r\n...').
# White space other than a separator (so each run is scanned from one separator only: linear time).
_STRIPPED = "(?:[^\\S" + re.escape(_SEPARATORS) + "]|[\"'\u200b-\u200d\u2060\ufeff])*"
_FORMULA = "[" + re.escape(FORMULA_CHARACTERS) + "]"
_CELL_STARTING_A_FORMULA = re.compile(
    f"^(?={_STRIPPED}{_FORMULA})|(?<=[{re.escape(_SEPARATORS)}])(?={_STRIPPED}(?:{_FORMULA}|\\Z))"
)
BYTE_ORDER_MARK = "\ufeff"

CLIENT_COLUMNS = (
    "client", "slug", "stage", "clock", "urgency", "sector", "ae", "delivery_lead", "account_manager",
    "trigger", "am_assigned_due", "handoff_call", "first_cohort_start", "total_fee", "high_risks",
    "side_commitments", "complete", "errors", "doc",
)


def neutralise(value: object) -> str:
    """A cell as text a spreadsheet shows as written, never evaluates, whichever separator it splits
    cells on: an apostrophe wherever a cell could start with a formula character."""
    cell = "" if value is None else str(value)
    return _CELL_STARTING_A_FORMULA.sub("'", cell)


def to_csv(header: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    """A CSV file's text, byte-order mark first; every cell quoted and neutralised."""
    out = io.StringIO()
    out.write(BYTE_ORDER_MARK)
    writer = csv.writer(out, lineterminator="\r\n", quoting=csv.QUOTE_ALL)
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
