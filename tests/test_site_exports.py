"""Exports: CSV files a spreadsheet opens without running anything, and one JSON of checked data."""

from __future__ import annotations

import csv
import io
import json
import string
import unicodedata
from collections.abc import Iterator, Sequence

from conftest import SITE_DATE, example_site_docs, example_text, example_views, site_view
from handoff_lint.site import uris
from handoff_lint.site.exports import CLIENT_COLUMNS, entry, exports, neutralise, to_csv
from hypothesis import given, settings
from hypothesis import strategies as st

BOM = "\ufeff"


def rows(text: str) -> list[dict[str, str]]:
    assert text.startswith(BOM)
    return list(csv.DictReader(io.StringIO(text.removeprefix(BOM), newline="")))


def starts_a_formula(cell: str) -> bool:
    """What a spreadsheet would run: a cell starting =, +, -, @ in any width, a tab or a CR."""
    return cell[:1] in ("\t", "\r") or unicodedata.normalize("NFKC", cell[:1]) in ("=", "+", "-", "@")


def cells_as_importers_read(text: str, separator: str) -> Iterator[str]:
    """Every cell an importer could make of a CSV file's text with this separator: the csv module's
    (honouring quotes), and a naive importer's that splits each line of the raw text on the separator,
    as it is, with its quotes stripped (as LibreOffice does), and with white space stripped too."""
    text = text.removeprefix(BOM)
    for row in csv.reader(io.StringIO(text, newline=""), delimiter=separator):
        yield from row
    for line in text.splitlines():
        for piece in line.split(separator):
            yield from (piece, piece.strip('"'), piece.lstrip(string.whitespace + '"'),
                        piece.strip().strip('"').strip())


def apostrophes_added(written: str, original: str) -> bool:
    """Whether written is original with apostrophes put in, and nothing else changed."""
    rest = iter(written)
    return all(any(c == want for c in rest if c == want or c == "'") for want in original) and \
        set(rest) <= {"'"}


def test_formula_starts_are_neutralised_and_the_rest_kept() -> None:
    for cell in ("=1+1", "+44 20", "-2", "@SUM(A1)", "\tx", "\rx", "＝1+1", "＠SUM(A1)", " =1", '"=1'):
        assert neutralise(cell) == "'" + cell
    assert neutralise("Hannah Lee") == "Hannah Lee" and neutralise(None) == ""
    assert neutralise("Week 2 - workshop; £48,000") == "Week 2 - workshop; £48,000"


def test_a_formula_after_a_separator_is_neutralised_where_that_cell_would_start() -> None:
    assert neutralise(";=cmd|' /C calc'!A0") == ";'=cmd|' /C calc'!A0"
    assert neutralise(";@SUM(1+1)") == ";'@SUM(1+1)"
    assert neutralise("Send it\t=HYPERLINK(1)") == "Send it\t'=HYPERLINK(1)"
    assert neutralise("a, -2\n+44") == "a,' -2\n'+44"


HOSTILE = ",;|\t\n\r\x0b\x0c\x85\u2028\"' \u00a0\u200b=+-@＝＋－＠﹦⁺−Aa1(!|'"
hostile_text = st.one_of(
    st.text(alphabet=st.sampled_from(HOSTILE), max_size=30),
    st.text(alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=30),
    st.sampled_from(["=cmd|' /C calc'!A0", ";=cmd|' /C calc'!A0", ";@SUM(1+1)", "x\t=1", "£48,000"]),
)


@settings(max_examples=400, deadline=None)
@given(st.lists(st.lists(hostile_text, min_size=1, max_size=4), min_size=1, max_size=4))
def test_no_importer_finds_a_formula_in_an_export_and_the_csv_module_reads_the_values_back(
        table: list[list[str]]) -> None:
    width = max(len(row) for row in table)
    cells = [row + [""] * (width - len(row)) for row in table]
    text = to_csv([f"column {n}" for n in range(width)], cells)
    for separator in (",", ";", "\t", "|"):
        found = [cell for cell in cells_as_importers_read(text, separator) if starts_a_formula(cell)]
        assert not found, (separator, text)
    read: Sequence[list[str]] = list(csv.reader(io.StringIO(text.removeprefix(BOM), newline="")))[1:]
    assert len(read) == len(cells)
    for written_row, original_row in zip(read, cells, strict=True):
        assert all(apostrophes_added(w, o) for w, o in zip(written_row, original_row, strict=True))


def test_every_cell_is_quoted_and_the_file_has_a_byte_order_mark() -> None:
    text = to_csv(("client", "fee"), [["Acme", "£48,000"]])
    assert text == '\ufeff"client","fee"\r\n"Acme","£48,000"\r\n'
    assert text.encode("utf-8").decode("utf-8-sig").startswith('"client"')


def test_a_hostile_commitment_in_a_doc_reaches_no_spreadsheet_as_a_formula() -> None:
    payload = ";=cmd|' /C calc'!A0 and\t@SUM(1+1)"
    view = site_view(example_text().replace("We can attend your leadership away-day on 4 February.",
                                            payload))
    text = exports([view], [], SITE_DATE)[uris.EXPORT_COMMITMENTS]
    for separator in (",", ";", "\t"):
        assert not [c for c in cells_as_importers_read(text, separator) if starts_a_formula(c)]
    # The doc's commitment is quoted ("..."), as the example's are; the quotes are kept.
    assert any(apostrophes_added(r["commitment"], f'"{payload}"') for r in rows(text))


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
    assert text.encode("utf-8").startswith(b"\xef\xbb\xbf")
