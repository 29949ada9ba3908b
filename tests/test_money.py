from __future__ import annotations

from decimal import Decimal

import pytest
from handoff_lint.money import Money, parse_money


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


@pytest.mark.parametrize("text", ["48k", "£4,80,0", "about £50,000", "48000", "£", "£1.5"])
def test_anything_loose_is_not_money(text: str) -> None:
    assert parse_money(text) is None


def test_money_prints_as_written() -> None:
    assert str(Money("GBP", Decimal("-2000.00"))) == "-£2,000"
    assert str(Money("CHF", Decimal("10.50"))) == "CHF 10.50"


def test_shorthand_amounts_expand_to_what_they_are_short_for() -> None:
    from handoff_lint.money import expand_shorthand

    assert [str(expand_shorthand(t)) for t in ("£7k", "£7.5K", "£1.2m", "-£2k", "€3bn")] == [
        "£7,000", "£7,500", "£1,200,000", "-£2,000", "€3,000,000,000"]
    assert [expand_shorthand(t) for t in ("7k", "£7", "£7.000001k", "about £7k")] == [None] * 4
