"""Amounts of money as written in a handoff doc: a currency and a Decimal, never a float."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

_SYMBOLS = {"£": "GBP", "$": "USD", "€": "EUR"}
# At most 15 digits of pounds: anything longer is a paste accident, not a fee, and is not money.
_AMOUNT = r"(?P<amount>\d{1,3}(?:,\d{3}){1,4}|\d{1,15})(?P<pence>\.\d{2})?"
# Strict on purpose: "48k" or "about £50,000" must be rejected, which a lenient price parser accepts.
_MONEY = re.compile(
    rf"^(?P<sign>[-\u2212])?\s?(?:(?P<symbol>[£$€])\s?{_AMOUNT}"
    rf"|(?P<code>[A-Z]{{3}})\s?{_AMOUNT.replace('amount', 'amount2').replace('pence', 'pence2')}"
    rf"|{_AMOUNT.replace('amount', 'amount3').replace('pence', 'pence3')}\s?(?P<code3>[A-Z]{{3}}))$"
)


@dataclass(frozen=True)
class Money:
    currency: str
    amount: Decimal

    def __str__(self) -> str:
        symbol = next((s for s, code in _SYMBOLS.items() if code == self.currency), None)
        number = f"{abs(self.amount):,.2f}".removesuffix(".00")
        sign = "-" if self.amount < 0 else ""
        return f"{sign}{symbol}{number}" if symbol else f"{sign}{self.currency} {number}"


def parse_money(text: str) -> Money | None:
    """Parse '£48,000', '-£2,000', 'GBP 48,000' or '48,000.50 EUR'; None when it is not money."""
    match = _MONEY.match(text.strip())
    if not match:
        return None
    groups = match.groupdict()
    for suffix in ("", "2", "3"):
        amount = groups[f"amount{suffix}"]
        if amount is not None:
            pence = groups[f"pence{suffix}"] or ""
            currency = (
                _SYMBOLS[groups["symbol"]] if suffix == "" else groups["code" if suffix == "2" else "code3"]
            )
            value = Decimal(amount.replace(",", "") + pence)
            return Money(currency, -value if groups["sign"] else value)
    return None  # pragma: no cover - the pattern always fills one amount group


_SHORTHAND = re.compile(r"^(?P<sign>[-\u2212])?\s?(?P<symbol>[£$€])\s?(?P<number>\d+(?:\.\d+)?)\s?"
                        r"(?P<unit>k|m|bn)$", re.IGNORECASE)
_UNITS = {"k": Decimal(1_000), "m": Decimal(1_000_000), "bn": Decimal(1_000_000_000)}


def expand_shorthand(text: str) -> Money | None:
    """'£7k' as the amount it is short for (£7,000; '-£2k' is -£2,000); None if text is not such
    a shorthand or the amount would not be a whole number of pence."""
    match = _SHORTHAND.match(text.strip())
    if not match:
        return None
    amount = Decimal(match["number"]) * _UNITS[match["unit"].lower()]
    if amount != amount.quantize(Decimal("0.01")):
        return None
    return Money(_SYMBOLS[match["symbol"]], -amount if match["sign"] else amount)
