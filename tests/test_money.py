from __future__ import annotations

from decimal import Decimal

import pytest
from handoff_lint.domain.money import Money, parse_money


@pytest.mark.parametrize(("text", "currency", "amount"), [
    ("£48,000", "GBP", "48000"),
    ("£48,000.50", "GBP", "48000.50"),
    ("-£2,000", "GBP", "-2000"),
    ("GBP 19,200", "GBP", "19200"),
    ("48,000 EUR", "EUR", "48000"),
    ("$950", "USD", "950"),
])
def test_amounts_are_decimal_with_their_currency(text: str, currency: str, amount: str) -> None:
    assert parse_money(text) == Money(currency, Decimal(amount))


@pytest.mark.parametrize("text", ["48k", "£4,80,0", "about £50,000", "48000", "£", "£1.5",
                                  "£19,201. 0", "€1.234, 5"])
def test_anything_loose_is_not_money(text: str) -> None:
    assert parse_money(text) is None


def test_money_prints_as_written() -> None:
    assert str(Money("GBP", Decimal("-2000.00"))) == "-£2,000"
    assert str(Money("CHF", Decimal("10.50"))) == "CHF 10.50"


def test_shorthand_amounts_expand_to_what_they_are_short_for() -> None:
    from handoff_lint.domain.money import expand_shorthand

    assert [str(expand_shorthand(t)) for t in ("£7k", "£7.5K", "£1.2m", "-£2k", "€3bn")] == [
        "£7,000", "£7,500", "£1,200,000", "-£2,000", "€3,000,000,000"]
    assert [expand_shorthand(t) for t in ("7k", "£7", "£7.000001k", "about £7k")] == [None] * 4


# Money as written around the world -----------------------------------------------------------------


@pytest.mark.parametrize(("text", "currency", "amount"), [
    ("NZ$96,000", "NZD", "96000"),
    ("C$ 12,000", "CAD", "12000"),
    ("US$12,500.50", "USD", "12500.50"),
    ("S$4,000", "SGD", "4000"),
    ("HK$ 80,000", "HKD", "80000"),
    ("A$10,000", "AUD", "10000"),
    ("AU$5,000", "AUD", "5000"),
    ("R$ 1.000", "BRL", "1000"),
    ("GBP48,000", "GBP", "48000"),
    ("USD 96,000", "USD", "96000"),
    ("96,000 NZD", "NZD", "96000"),
    ("CHF 48'000", "CHF", "48000"),
    ("¥480,000", "JPY", "480000"),
])
def test_a_currency_is_read_as_its_country_writes_it(text: str, currency: str, amount: str) -> None:
    assert parse_money(text) == Money(currency, Decimal(amount))


@pytest.mark.parametrize(("text", "amount"), [
    ("€48.000", "48000"),            # a reader of '€48.000' sees forty-eight thousand
    ("48.000 €", "48000"),
    ("48 000 €", "48000"),
    ("48\u202f000 €", "48000"),      # the narrow no-break space French writers group with
    ("48.000,50 €", "48000.50"),
    ("48 000,50 EUR", "48000.50"),
    ("48,000.50 EUR", "48000.50"),
    ("1.234.567,89 €", "1234567.89"),
    ("48,50 €", "48.50"),
    ("€48.50", "48.50"),
    ("-€2.000", "-2000"),
    ("€-2.000", "-2000"),
])
def test_european_number_forms_read_one_way(text: str, amount: str) -> None:
    assert parse_money(text) == Money("EUR", Decimal(amount))


@pytest.mark.parametrize(("text", "currency", "amount", "note", "basis"), [
    ("£48,000 + VAT", "GBP", "48000", "+ VAT", "excluding"),
    ("£48,000+VAT", "GBP", "48000", "+VAT", "excluding"),
    ("£48,000 plus VAT", "GBP", "48000", "plus VAT", "excluding"),
    ("£48,000 excl. VAT", "GBP", "48000", "excl. VAT", "excluding"),
    ("40.000 € (ex VAT)", "EUR", "40000", "(ex VAT)", "excluding"),
    ("A$11,000 inc. GST", "AUD", "11000", "inc. GST", "including"),
    ("NZ$115,000 incl. GST", "NZD", "115000", "incl. GST", "including"),
    ("£57,600 (including VAT)", "GBP", "57600", "(including VAT)", "including"),
])
def test_tax_wording_is_a_note_on_the_amount(text: str, currency: str, amount: str, note: str,
                                             basis: str) -> None:
    money = parse_money(text)
    assert money == Money(currency, Decimal(amount))
    assert money is not None and (money.tax_note, money.tax_basis) == (note, basis)


@pytest.mark.parametrize(("text", "why"), [
    ("KWD 1.500", "could be 1.500 or 1500 KWD (KWD has three decimal places)"),
    ("48 000 kr", "'kr' is the sign of several currencies"),
    ("TBC 400", "'TBC' is not a currency code"),
    ("XXX 400", "'XXX' is not a currency code"),
])
def test_what_reads_two_ways_is_refused_with_the_reason(text: str, why: str) -> None:
    from handoff_lint.domain.money import explain

    assert parse_money(text) is None
    assert why in explain(text)


@pytest.mark.parametrize("text", [
    "£48,000 VAT", "£48,000 (approx)", "£48,000 GBP", "€48.0000", "48,000.5 €", "¥48.50", "1,5 €",
    "£48,000 + VAT + VAT", "KWD 1.50", "€ 4.8.000",
])
def test_anything_else_around_the_amount_is_still_not_money(text: str) -> None:
    assert parse_money(text) is None


def test_currencies_are_named_for_a_reader() -> None:
    from handoff_lint.domain.money import currency_name

    assert [currency_name(c) for c in ("NZD", "EUR", "GBP")] == [
        "New Zealand dollars", "euros", "British pounds"]
