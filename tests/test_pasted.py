"""Text pasted from Word or a spreadsheet is read as the writer meant it, reported at its line with
the fix, and counted on the card and the registers as the items the writer wrote."""

from __future__ import annotations

import pytest
from conftest import NORTHWIND, check_doc, line_of, lint, replace_once, site_view
from handoff_lint.contract.config import Config
from handoff_lint.engine.fixes import fix_text
from handoff_lint.site.client_page import card
from handoff_lint.site.clients import ClientView
from handoff_lint.site.registers import commitments, risks

COMMITMENTS = (
    "- \"We'll send the manager attrition baseline report at Week 4.\"\n"
    "- \"Our facilitator will mention the Manchester cross-dock pilot in the kickoff.\"\n"
    "- \"We can attend your leadership away-day on 4 February.\"\n"
)
SIDE = (
    "    - Case study rights once the Week 12 board report is delivered.\n"
    "    - A reference call with another logistics client before kickoff.\n"
)
MANCHESTER = "| 2 | 32 | Manchester shift leads, days and nights | 2027-03-01 |"
NIGHT_RISK = ("| Night shifts miss the virtual workshops | Med | Run the night-shift versions and record "
              "both |")


def pasted_commitments(northwind: str, marker: str) -> str:
    spaced = marker if marker.endswith("\t") else f"{marker} "
    return replace_once(northwind, COMMITMENTS, COMMITMENTS.replace("- ", spaced))


def registered(view: ClientView, kind: str) -> int:
    """How many rows of this kind the commitments register shows for the client, over all its pages."""
    return sum(page.count(f"| {kind} |") for page in commitments([view]).values())


def codes_and_lines(text: str) -> list[tuple[str, int]]:
    return [(d.code, d.line) for d in lint(text, None)]


@pytest.mark.parametrize("marker", ["•", "◦", "▪", "‣", "·", "–", "—", "\uf0b7", "o\t"])
def test_pasted_bullets_are_read_as_items_and_reported_with_the_fix(northwind: str, marker: str) -> None:
    text = pasted_commitments(northwind, marker)
    first = line_of(text, "We'll send the manager")
    assert codes_and_lines(text) == [("HO311", first), ("HO311", first + 1), ("HO311", first + 2)]
    finding = lint(text, None)[0]
    assert (finding.column, finding.severity.value) == (1, "warning")
    bullet = marker.rstrip("\t")
    assert finding.message.startswith(f"'Section G — Commitments AE made': '{bullet}' is a bullet pasted")
    assert finding.hint == f"Start the line with '- ' instead of '{bullet} '."
    assert finding.fix is not None and finding.fix.safe
    view = site_view(text)
    assert len(view.commitments) == 3
    assert "3 by the AE" in card(view)
    assert registered(view, "AE commitment") == 3


def test_a_single_line_opening_with_a_dash_or_an_o_is_not_taken_for_a_bullet(northwind: str) -> None:
    for line in ("— We will send the report at Week 4.\n", "o The report at Week 4, as agreed.\n"):
        text = replace_once(northwind, COMMITMENTS, line)
        assert codes_and_lines(text) == []
        assert len(site_view(text).commitments) == 1


def test_nested_pasted_bullets_are_nested_items(northwind: str) -> None:
    text = replace_once(northwind, SIDE, SIDE.replace("- ", "◦ "))
    assert [code for code, _ in codes_and_lines(text)] == ["HO311", "HO311"]
    view = site_view(text)
    assert len(view.side_commitments) == 2
    assert registered(view, "Side commitment") == 2


def test_bullets_in_a_code_block_are_left_alone(northwind: str) -> None:
    text = replace_once(northwind, COMMITMENTS, "```\n• not a bullet\n• nor this\n```\n" + COMMITMENTS)
    assert "HO311" not in [code for code, _ in codes_and_lines(text)]


def test_numbered_lines_inside_a_paragraph_are_items(northwind: str) -> None:
    numbered = "Promised on the call:\n" + "".join(
        f"{n}. {line[2:]}\n" for n, line in enumerate(COMMITMENTS.splitlines(), start=2))
    text = replace_once(northwind, COMMITMENTS, numbered)
    first = line_of(text, "2. \"We'll send")
    findings = lint(text, None)
    assert [(d.code, d.line) for d in findings if d.code == "HO311"] == [
        ("HO311", first), ("HO311", first + 1), ("HO311", first + 2)]
    assert findings[1].hint == ("Put a blank line before the first numbered line, so the numbered "
                                "lines are a list.")
    view = site_view(text)
    assert len(view.commitments) == 3 and "3 by the AE" in card(view)
    assert registered(view, "AE commitment") == 3


def test_bracketed_numbers_are_items(northwind: str) -> None:
    numbered = "".join(f"({n}) {line[2:]}\n" for n, line in enumerate(COMMITMENTS.splitlines(), start=1))
    text = replace_once(northwind, COMMITMENTS, numbered)
    findings = lint(text, None)
    assert [d.code for d in findings] == ["HO311"] * 3
    assert findings[0].hint == "Number the item '1. ' instead of '(1) '."
    view = site_view(text)
    assert registered(view, "AE commitment") == 3 and "3 by the AE" in card(view)


def test_a_row_pasted_with_tabs_is_read_as_its_cells(northwind: str) -> None:
    text = replace_once(northwind, NIGHT_RISK, "Night shifts miss the virtual workshops\tMed\tRun the "
                        "night-shift versions and record both")
    [finding] = lint(text, None)
    assert (finding.code, finding.line, finding.column) == ("HO312", line_of(text, "Night shifts"), 40)
    assert finding.message == ("'Section F — Risks flagged in sales cycle': this table row is separated "
                               "by tabs, as pasted from a spreadsheet; it is read as 3 cells, but "
                               "Markdown shows it as one")
    view = site_view(text)
    assert [view.risk_count(level) for level in ("High", "Med", "Low")] == [1, 2, 0]
    assert "Night shifts miss the virtual workshops" in "".join(risks([view]).values())


@pytest.mark.parametrize("marker", ["•", "–", "(n)", "n."])
def test_fix_makes_a_list_that_lints_clean_and_renders_as_separate_items(northwind: str,
                                                                      marker: str) -> None:
    if marker == "(n)":
        pasted = "".join(f"({n}) {line[2:]}\n" for n, line in enumerate(COMMITMENTS.splitlines(), 1))
    elif marker == "n.":
        pasted = "Promised:\n" + "".join(
            f"{n}. {line[2:]}\n" for n, line in enumerate(COMMITMENTS.splitlines(), start=2))
    else:
        pasted = COMMITMENTS.replace("- ", f"{marker} ")
    text = replace_once(northwind, COMMITMENTS, pasted)
    fixed = fix_text(str(NORTHWIND), text, NORTHWIND, Config()).text
    assert [d.code for d in lint(fixed)] == ([] if marker != "n." else ["HO309"])  # "Promised:" is prose
    checked = check_doc(fixed)
    assert checked.document is not None and checked.document.pasted == []
    assert len(site_view(fixed).commitments) == 3
    from markdown_it import MarkdownIt

    html = MarkdownIt("commonmark").render(fixed)
    section_g = html[html.index("Commitments AE made"):].split("<h2", 1)[0]
    assert section_g.count("<li>") == 3


def test_fix_turns_a_tab_row_into_a_table_row(northwind: str) -> None:
    text = replace_once(northwind, MANCHESTER, "2\t32\tManchester shift leads, days and nights\t2027-03-01")
    fixed = fix_text(str(NORTHWIND), text, NORTHWIND, Config()).text
    assert MANCHESTER in fixed
    assert lint(fixed) == []


def test_a_row_mixing_pipes_and_tabs_names_its_table_and_the_tabs(northwind: str) -> None:
    text = replace_once(northwind, MANCHESTER,
                        "| 2 | 32\tManchester shift leads, days and nights\t2027-03-01 |")
    [finding] = lint(text, None)
    assert (finding.code, finding.line) == ("HO306", line_of(text, "| 2 | 32\t"))
    assert finding.message == ("'Cohorts': this row has 2 cells but the table has 4 columns (some cells "
                               "are separated by tabs, as pasted from a spreadsheet)")
    assert finding.hint.startswith("Separate every cell with ' | ', not a tab;")


def test_a_table_pasted_whole_with_tabs_is_reported_with_an_unsafe_fix(northwind: str) -> None:
    table = ("| Cohort | Size | Composition | Start date |\n|---|---|---|---|\n"
             "| 1 | 32 | Leeds shift leads, days and nights | 2027-01-11 |\n" + MANCHESTER + "\n")
    pasted = ("Cohort\tSize\tComposition\tStart date\n1\t32\tLeeds shift leads, days and nights\t2027-01-11\n"
              "2\t32\tManchester shift leads, days and nights\t2027-03-01\n")
    text = replace_once(northwind, table, pasted)
    found = [d for d in lint(text, None) if d.code == "HO312"]
    assert [(d.line, d.column) for d in found] == [(line_of(text, "Cohort\tSize"), 7)]
    assert found[0].message == ("'Cohorts': these 3 lines are separated by tabs, as pasted from a "
                                "spreadsheet; they are not a table, so they are not read")
    assert found[0].fix is not None and not found[0].fix.safe
    assert fix_text(str(NORTHWIND), text, NORTHWIND, Config()).text == text  # safe fixes only
    fixed = fix_text(str(NORTHWIND), text, NORTHWIND, Config(), unsafe=True).text
    assert fixed == northwind


def test_a_tab_at_the_end_of_a_pasted_row_is_an_empty_last_cell(northwind: str) -> None:
    procurement = ("| Procurement contact | Gareth Price | gareth.price@northwind-logistics.example | "
                   "0113 496 0103 | PO raised (PO-88120); on the 2025 training framework until August 2027 |")
    pasted = "Procurement contact\tGareth Price\tgareth.price@northwind-logistics.example\t0113 496 0103\t"
    text = replace_once(northwind, procurement, pasted)
    [finding] = lint(text, None)
    assert finding.code == "HO312" and "read as 5 cells" in finding.message
    [row] = [r for r in check_doc(text).instance["people"] if r["role"] == "Procurement contact"]
    assert row["notes"] == "" and row["phone"] == "0113 496 0103"
    fixed = fix_text(str(NORTHWIND), text, NORTHWIND, Config()).text
    assert ("| Procurement contact | Gareth Price | gareth.price@northwind-logistics.example | "
            "0113 496 0103 |  |") in fixed
    assert lint(fixed) == []


def test_a_label_that_lost_its_bold_is_read_and_fixed(northwind: str) -> None:
    text = replace_once(northwind, "- **Legal name:** Northwind", "- Legal name: Northwind")
    text = replace_once(text, "- **Side commitments:**", "- Side commitments:")
    found = lint(text, None)
    assert [(d.code, d.line, d.column) for d in found] == [
        ("HO309", line_of(text, "- Legal name:"), 1), ("HO309", line_of(text, "- Side commitments:"), 1)]
    assert found[0].message == ("Section A — Client basics: the label 'Legal name' is not in bold; it is "
                                "read as the label, but every other Markdown tool shows it as plain text")
    assert found[0].hint == "Put the label in bold: - **Legal name:** ..."
    view = site_view(text)
    assert len(view.side_commitments) == 2
    assert check_doc(text).instance["client_basics"]["legal_name"] == "Northwind Logistics Ltd"
    assert fix_text(str(NORTHWIND), text, NORTHWIND, Config()).text == northwind


def test_a_plain_line_that_is_not_a_label_is_still_reported_as_not_read(northwind: str) -> None:
    text = replace_once(northwind, "- **Trading name:** Northwind", "- Note: the trading name is Northwind")
    codes = [(d.code, d.message) for d in lint(text, None)]
    assert ("HO309", "Section A — Client basics: a bullet without a bold label is not read") in codes


NBSP = "\u00a0"


@pytest.mark.parametrize("marker", [f"•{NBSP * 5}", f"·{NBSP * 6} ", f"1.{NBSP * 3}"])
def test_bullets_and_numbers_word_pastes_with_no_break_spaces_are_items(northwind: str, marker: str) -> None:
    lines = COMMITMENTS.splitlines()
    pasted = "".join(f"{marker.replace('1', str(n))}{line[2:]}\n" for n, line in enumerate(lines, start=1))
    text = replace_once(northwind, COMMITMENTS, pasted)
    found = lint(text, None)
    assert [(d.code, d.column) for d in found] == [("HO311", 1)] * 3
    symbol = marker.rstrip("\u00a0 ")
    assert f"'{symbol}'" in found[0].message
    view = site_view(text)
    assert len(view.commitments) == 3 and view.commitments[0].startswith('"We\'ll send')
    fixed = fix_text(str(NORTHWIND), text, NORTHWIND, Config()).text
    assert lint(fixed) == []
    expected = COMMITMENTS if symbol != "1." else "".join(
        f"{n}. {line[2:]}\n" for n, line in enumerate(lines, start=1))
    assert replace_once(northwind, COMMITMENTS, expected) == fixed
