"""HO605 to HO609: Section E adds up, the deposit comes first, discounts and bespoke work are signed
off. Amounts are Decimals with their currency."""

from __future__ import annotations

from pathlib import PurePosixPath

import pytest
from conftest import EXAMPLES, REPO, findings, line_of, replace_once, without_line

MONEY = ("HO605", "HO606", "HO607", "HO608", "HO609")


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.parent.parent.name)
def test_the_examples_add_up(example: PurePosixPath) -> None:
    assert findings((REPO / example).read_text("utf-8"), *MONEY) == []


# HO605 fee breakdown ----------------------------------------------------------------------------


def test_a_breakdown_that_does_not_add_up_fails_at_its_table(northwind: str) -> None:
    text = replace_once(northwind, "| £14,000 |", "| £16,000 |")
    [finding] = findings(text, "HO605")
    assert finding.line == line_of(text, "### Fee breakdown")
    assert finding.message == (f"Fee breakdown adds up to £50,000 but the total fee (line "
                               f"{line_of(text, '**Total fee:**')}) is £48,000: over by £2,000")


def test_amounts_are_added_exactly_to_the_penny(northwind: str) -> None:
    # 0.10 + 0.20 is not 0.30 in floating point; it is in Decimal.
    text = replace_once(northwind, "- **Total fee:** £48,000", "- **Total fee:** £48,000.30")
    text = replace_once(text, "| £36,000 |", "| £36,000.10 |")
    text = replace_once(text, "| £14,000 |", "| £14,000.20 |")
    assert findings(text, "HO605") == []
    short = replace_once(text, "| £36,000.10 |", "| £36,000.09 |")
    [finding] = findings(short, "HO605")
    assert "short by £0.01" in finding.message


def test_a_line_in_another_currency_fails_at_its_cell(northwind: str) -> None:
    text = replace_once(northwind, "| £36,000 |", "| €36,000 |")
    [finding] = findings(text, "HO605")
    row = line_of(text, "| €36,000 |")
    assert (finding.line, finding.column) == (row, text.split("\n")[row - 1].index("€36,000") + 1)
    assert ("'€36,000' is in euros (EUR) but the total fee ('£48,000') is in British pounds (GBP)"
            in finding.message)


def test_an_amount_that_is_not_money_is_reported_once_by_the_schema(northwind: str) -> None:
    text = replace_once(northwind, "| £14,000 |", "| 14k |")
    assert [(d.code, d.line) for d in findings(text)] == [("HO407", line_of(text, "| 14k |"))]


# HO606 payment milestones -----------------------------------------------------------------------


def test_percentages_that_do_not_reach_100_fail(northwind: str) -> None:
    text = replace_once(northwind, "| Week 12 board report delivered | 30% | £14,400 |",
                        "| Week 12 board report delivered | 20% | £9,600 |")
    found = findings(text, "HO606")
    table = line_of(text, "### Payment milestones")
    assert [(d.line, d.message) for d in found] == [
        (table, "Payment milestones add up to 90%, not 100%"),
        (table, f"Payment milestones add up to £43,200 but the total fee (line "
                f"{line_of(text, '**Total fee:**')}) is £48,000"),
    ]


def test_an_amount_that_is_not_its_percentage_fails_at_the_amount(northwind: str) -> None:
    text = replace_once(northwind, "| 30% | £14,400 | 2027-01-25 |", "| 30% | £14,000 | 2027-01-25 |")
    found = findings(text, "HO606")
    row = line_of(text, "| £14,000 | 2027-01-25")
    assert [d.line for d in found] == [line_of(text, "### Payment milestones"), row]
    assert found[1].message == ("Payment milestone 'Cohort 1 Week 2 workshop delivered': £14,000 is "
                                "29% of the total fee £48,000, not 30% (that would be £14,400)")


# HO607 deposit ----------------------------------------------------------------------------------


def test_a_schedule_that_does_not_start_with_the_deposit_fails(northwind: str) -> None:
    deposit = "| Deposit on signature | 40% | £19,200 | 2026-11-03 |\n"
    week2 = "| Cohort 1 Week 2 workshop delivered | 30% | £14,400 | 2027-01-25 |\n"
    text = replace_once(northwind, deposit + week2, week2 + deposit)
    [finding] = findings(text, "HO607")
    assert finding.line == line_of(text, "| Cohort 1 Week 2 workshop delivered |")
    assert "the first payment milestone ('Cohort 1 Week 2 workshop delivered') is 30%" in finding.message
    assert findings(text, "HO605", "HO606") == []


def test_a_deposit_invoiced_on_another_day_than_the_trigger_says_fails(northwind: str) -> None:
    text = replace_once(northwind, "| £19,200 | 2026-11-03 |", "| £19,200 | 2026-11-05 |")
    [finding] = findings(text, "HO607")
    row = line_of(text, "| £19,200 | 2026-11-05 |")
    assert (finding.line, finding.column) == (row, text.split("\n")[row - 1].index("2026-11-05") + 1)
    assert "invoiced 2026-11-05 but the front matter says the deposit invoice was issued " \
           "2026-11-03" in finding.message


# HO608 and HO609 sign-off -----------------------------------------------------------------------


def test_a_discount_without_sign_off_fails_at_the_discount(northwind: str) -> None:
    text = without_line(northwind, "- **Discount sign-off reference:**")
    [finding] = findings(text, "HO608")
    assert finding.line == line_of(text, "- **Discounts:**")
    assert finding.message == "Discounts '4% multi-cohort discount (£2,000)' has no sign-off reference"
    assert "Discount sign-off reference" in finding.hint


@pytest.mark.parametrize("none", ["None", "none.", "No discount applied", "N/A", "-"])
def test_no_discount_needs_no_sign_off(northwind: str, none: str) -> None:
    text = without_line(northwind, "- **Discount sign-off reference:**")
    text = replace_once(text, "4% multi-cohort discount (£2,000)", none)
    assert findings(text, "HO608") == []


def test_a_discount_written_with_no_still_needs_sign_off(northwind: str) -> None:
    text = without_line(northwind, "- **Discount sign-off reference:**")
    text = replace_once(text, "4% multi-cohort discount (£2,000)", "No charge for the kickoff (£2,000)")
    assert [d.code for d in findings(text, "HO608")] == ["HO608"]


def test_bespoke_work_without_sign_off_fails_at_the_bespoke_elements(northwind: str) -> None:
    text = without_line(northwind, "- **Bespoke sign-off reference:**")
    [finding] = findings(text, "HO609")
    assert finding.line == line_of(text, "- **Bespoke elements:**")
    assert finding.message == ("Bespoke elements 'Night-shift versions of the Week 2 and Week 6 "
                               "workshops.' has no sign-off reference")


def test_no_bespoke_work_needs_no_sign_off(northwind: str) -> None:
    text = without_line(northwind, "- **Bespoke sign-off reference:**")
    text = replace_once(text, "Night-shift versions of the Week 2 and Week 6 workshops.", "None")
    assert findings(text, "HO609") == []


# Every way of writing money adds up the same ------------------------------------------------------

_NORTHWIND_AMOUNTS = ("£48,000", "£36,000", "£14,000", "-£2,000", "£19,200", "£14,400")


def _written_as(text: str, form: str, european: bool = False) -> str:
    """The example with every Section E amount written in `form` ('{}' is the number as digits,
    grouped by '.' when european)."""
    for amount in _NORTHWIND_AMOUNTS:
        digits = amount.lstrip("-£")
        written = form.format(digits.replace(",", ".") if european else digits)
        written = f"-{written}" if amount.startswith("-") else written
        text = text.replace(f"| {amount} |", f"| {written} |").replace(
            f"- **Total fee:** {amount}\n", f"- **Total fee:** {written}\n")
    return text


@pytest.mark.parametrize("form", [
    "NZ${}", "C$ {}", "US${}", "S${}", "HK$ {}", "{} EUR", "GBP {}", "{} USD", "£{} + VAT",
    "£{} excl. VAT", "A${} inc. GST",
])
def test_fee_arithmetic_works_on_every_currency_form(northwind: str, form: str) -> None:
    text = _written_as(northwind, form)
    assert findings(text, "HO407", *MONEY) == []
    wrong = text.replace(f"| {form.format('14,000')} |", f"| {form.format('16,000')} |", 1)
    [finding] = findings(wrong, "HO605")
    assert "over by" in finding.message and "2,000" in finding.message


@pytest.mark.parametrize("form", ["€{}", "{} €", "{} EUR"])
def test_fee_arithmetic_works_on_european_number_forms(northwind: str, form: str) -> None:
    text = _written_as(northwind, form, european=True)
    assert form.format("48.000") in text
    assert findings(text, "HO407", *MONEY) == []
    wrong = text.replace(form.format("19.200"), form.format("24.000"), 1)
    adds_up, share = findings(wrong, "HO606")
    assert adds_up.message.startswith("Payment milestones add up to €52,800 but the total fee")
    assert "€24,000 is 50% of the total fee €48,000, not 40%" in share.message


def test_a_bare_dollar_in_a_doc_in_another_dollar_is_a_mixed_currency(northwind: str) -> None:
    text = _written_as(northwind, "NZ${}").replace("| NZ$14,000 |", "| $14,000 |")
    [finding] = findings(text, "HO605")
    assert finding.message.startswith("Fee breakdown: '$14,000' is in US dollars (USD) (a '$' alone "
                                      "is read as US dollars) but the total fee ('NZ$48,000') is in "
                                      "New Zealand dollars (NZD)")
    assert "with the same mark as the total fee ('NZ$')" in finding.hint


def test_amounts_with_and_without_tax_are_not_added(northwind: str) -> None:
    text = _written_as(northwind, "£{} + VAT").replace("| £36,000 + VAT |", "| £36,000 inc. VAT |")
    [finding] = findings(text, "HO605")
    assert finding.message == ("Fee breakdown: '£36,000 inc. VAT' is including tax but the total fee "
                               "('£48,000 + VAT') is excluding it; amounts on two tax bases cannot be "
                               "added")
    # Tax wording on the total alone is a note, not a basis the rows must repeat.
    assert findings(replace_once(northwind, "- **Total fee:** £48,000\n",
                                 "- **Total fee:** £48,000 + VAT\n"), *MONEY) == []
