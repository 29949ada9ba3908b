"""Amounts of money as written in a handoff doc: a currency and a Decimal, never a float.

Read as a reader reads them, wherever the AE learnt to write money: '£48,000', 'NZ$96,000',
'US$ 12,500', 'GBP 19,200', '48.000 €', '48 000,50 EUR', '€48.000', with tax wording after the
amount ('+ VAT', 'excl. VAT', 'inc. GST') kept as a note on it. Currency codes and symbols come
from the Unicode CLDR's data (babel), not a hand list. Only what reads one way is money: a
currency with three decimal places makes '1.500' ambiguous, and 'kr' names several currencies;
explain() says why such text is not read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache

_SYMBOLS = {"£": "GBP", "$": "USD", "€": "EUR"}
# How a writer says "dollars" in English where CLDR's English data has only the letters-and-$ form
# (CA$, SGD): both are common on SoWs, and a reader of a UK doc takes them for these currencies.
_SHORT_DOLLARS = {"C$": "CAD", "S$": "SGD"}
# Codes in the ISO list that are not money a client pays: "no currency" and "for testing".
_NOT_MONEY_CODES = frozenset({"XXX", "XTS"})
# At most 15 digits before the decimals: anything longer is a paste accident, not a fee.
MAX_DIGITS = 15
MAX_LENGTH = 80

# The fast path, for what most docs hold: '£48,000', '-£2,000.50', '$950'. Anything else takes
# the full reading below.
_PLAIN = re.compile(r"^(?P<sign>[-\u2212])?(?P<symbol>[£$€])\s?(?P<amount>\d{1,3}(?:,\d{3}){1,4}|\d{1,15})"
                    r"(?P<pence>\.\d{2})?$")
# Tax wording after an amount: a note on it, not part of it.
_TAX_NAMES = r"(?:VAT|GST|HST|PST|QST|sales\s+tax|tax(?:es)?|MwSt\.?|USt\.?|TVA|IVA|BTW|moms)"
_TAX = re.compile(
    r"\s*(?P<note>\(\s*(?P<inner>[^()]*)\s*\)|(?P<bare>(?:\+|plus\b|excl?\b\.?|excluding\b|exclusive\s+of\b"
    r"|ex\b\.?-?|incl?\b\.?|including\b|inclusive\s+of\b|net\s+of\b|before\b|pre-?|zzgl\.?|inkl\.?)"
    rf"\s*{_TAX_NAMES}))\s*$",
    re.IGNORECASE,
)
_TAX_INNER = re.compile(
    r"^(?:\+|plus|excl?\.?|excluding|exclusive\s+of|ex\.?-?|incl?\.?|including|inclusive\s+of|net\s+of"
    rf"|before|pre-?|zzgl\.?|inkl\.?)\s*{_TAX_NAMES}$",
    re.IGNORECASE,
)
_INCLUDING = re.compile(r"^\(?\s*(?:incl?\b|including|inclusive|inkl)", re.IGNORECASE)
# A sign, a currency before or after, and digits with the separators people group them by:
# ',' '.' a space, a no-break or thin space, or the Swiss "'".
_SHAPE = re.compile(
    # Each run of white space belongs to one group, so no run is split between two \s* (cubic).
    r"^(?P<sign>[-\u2212])?(?:\s*(?P<before>[^\d\s.,'\-\u2212]+))?(?:\s*(?P<sign2>[-\u2212]))?\s*"
    r"(?P<number>\d(?:[\d.,'\u00a0\u202f\u2009 ]*\d)?)\s*(?P<after>[^\d\s.,'\-\u2212]+)?$"
)
_GROUPING = " \u00a0\u202f\u2009'"


@dataclass(frozen=True)
class Money:
    currency: str
    amount: Decimal
    # As written, for messages: the currency's mark ('NZ$', '€', 'EUR') and any tax wording
    # ('+ VAT'). Neither changes what the amount is.
    written_currency: str = field(default="", compare=False)
    tax_note: str = field(default="", compare=False)

    def __str__(self) -> str:
        symbol = next((s for s, code in _SYMBOLS.items() if code == self.currency), None)
        number = f"{abs(self.amount):,.2f}".removesuffix(".00")
        sign = "-" if self.amount < 0 else ""
        return f"{sign}{symbol}{number}" if symbol else f"{sign}{self.currency} {number}"

    @property
    def tax_basis(self) -> str | None:
        """'including' or 'excluding' tax, as the note says; None without a note."""
        if not self.tax_note:
            return None
        return "including" if _INCLUDING.match(self.tax_note.strip()) else "excluding"


@dataclass(frozen=True)
class _Reading:
    money: Money | None
    why_not: str = ""


def parse_money(text: str) -> Money | None:
    """The amount text writes, with its currency; None when it is not money (explain() says why)."""
    return _read(text).money


def explain(text: str) -> str:
    """Why text is not money as read ('' when it is, or when nothing more specific can be said)."""
    return _read(text).why_not


@lru_cache(maxsize=4096)
def _read(text: str) -> _Reading:
    text = text.strip()
    plain = _PLAIN.match(text)
    if plain:
        value = Decimal(plain["amount"].replace(",", "") + (plain["pence"] or ""))
        return _Reading(Money(_SYMBOLS[plain["symbol"]], -value if plain["sign"] else value,
                              plain["symbol"]))
    if len(text) > MAX_LENGTH or not any(c.isdigit() for c in text):
        return _Reading(None)
    tax = _TAX.search(text)
    note = ""
    if tax and (tax["bare"] or _TAX_INNER.match(tax["inner"].strip())):
        note, text = tax["note"].strip(), text[:tax.start()].strip()
    shape = _SHAPE.match(text)
    if not shape or bool(shape["before"]) == bool(shape["after"]) or (shape["sign"] and shape["sign2"]):
        return _Reading(None)
    mark = (shape["before"] or shape["after"]).strip()
    currency = _currency(mark)
    if currency is None:
        return _Reading(None, _unknown_currency(mark))
    amount, why_not = _number(shape["number"], currency)
    if amount is None:
        return _Reading(None, why_not)
    negative = bool(shape["sign"] or shape["sign2"])
    return _Reading(Money(currency, -amount if negative else amount, mark, note))


def _number(written: str, currency: str) -> tuple[Decimal | None, str]:
    """The number as a reader of that currency sees it. The last ',' or '.' is the decimal mark
    when both kinds are written ('48.000,50', '48,000.50') or when it stands alone before other
    than three digits ('48,50'); one that stands alone before three digits groups thousands
    ('€48.000'), unless the currency has three decimal places, when the reading is ambiguous."""
    places = decimal_places(currency)
    text = written
    for space in _GROUPING[:-1]:
        text = text.replace(space, " ")
    text = text.replace("\u2019", "'")
    points = [index for index, char in enumerate(text) if char in ",."]
    decimals = ""
    if points:
        last, single = points[-1], len(points) == 1
        tail = text[last + 1:]
        if len({text[i] for i in points}) == 2 or (single and len(tail) != 3):
            if places == 0 or len(tail) != places or not tail.isdecimal():  # '19,201. 0' is no amount
                return None, ""
            decimals, text = tail, text[:last]
        elif single and places == 3:
            whole = re.sub(r"[ ']", "", text)
            return None, (f"'{written}' could be {whole.replace(text[last], '.')} or "
                          f"{whole.replace(text[last], '')} {currency} ({currency} has three decimal "
                          "places): write the decimals in full, e.g. 1,500.000")
    groups = re.split(r"[,. ']", text)
    grouped = len(groups) > 1
    if (len(set(re.findall(r"[,. ']", text))) > 1 or not 1 <= len(groups[0]) <= (3 if grouped else MAX_DIGITS)
            or any(len(group) != 3 for group in groups[1:]) or len("".join(groups)) > MAX_DIGITS):
        return None, ""
    return Decimal("".join(groups) + (f".{decimals}" if decimals else "")), ""


def _currency(mark: str) -> str | None:
    if mark in _SYMBOLS:
        return _SYMBOLS[mark]
    if re.fullmatch(r"[A-Z]{3}", mark):
        return mark if mark in _codes() else None
    if mark in _SHORT_DOLLARS:
        return _SHORT_DOLLARS[mark]
    symbols = _symbols()
    found = symbols.get(mark)
    if found is not None and len(found) == 1:
        return next(iter(found))
    territory = re.fullmatch(r"(?P<place>[A-Z]{2})\$", mark)
    if territory:
        return _dollar_of(territory["place"])
    return None


def _unknown_currency(mark: str) -> str:
    found = _symbols().get(mark)
    if found and len(found) > 1:
        return (f"'{mark}' is the sign of several currencies ({', '.join(sorted(found))}): write the "
                f"one you mean by its code, e.g. {min(found)} 48,000")
    if re.fullmatch(r"[A-Za-z]{3}", mark):
        return (f"'{mark}' is not a currency code: write the ISO 4217 code of the currency, e.g. "
                "GBP, EUR, USD or NZD")
    return ""


def currency_name(currency: str) -> str:
    """'New Zealand dollars' for NZD: how a message names a currency to a reader."""
    if currency not in _codes():
        return currency
    from babel.numbers import get_currency_name

    return str(get_currency_name(currency, count=2, locale="en"))


def decimal_places(currency: str) -> int:
    """How many decimal places an amount in the currency has (2 for most, 0 for JPY, 3 for KWD)."""
    if currency in _SYMBOLS.values():
        return 2
    from babel.core import get_global

    fractions = get_global("currency_fractions")
    digits: int = fractions.get(currency, fractions["DEFAULT"])[0]
    return digits


@lru_cache(maxsize=1)
def _codes() -> frozenset[str]:
    from babel.numbers import list_currencies

    return frozenset(list_currencies()) - _NOT_MONEY_CODES


@lru_cache(maxsize=1)
def _symbols() -> dict[str, frozenset[str]]:
    """Every currency sign English writers use (CLDR's English locales), with the currencies each
    names: 'NZ$' one, 'kr' several."""
    from babel import Locale, localedata

    found: dict[str, set[str]] = {}
    for name in localedata.locale_identifiers():
        if name == "en" or name.startswith("en_"):
            for code, symbol in Locale.parse(name).currency_symbols.items():
                if symbol != code and code in _codes():
                    found.setdefault(symbol, set()).add(code)
    return {symbol: frozenset(codes) for symbol, codes in found.items()}


def _dollar_of(place: str) -> str | None:
    """'AU$', 'SG$': the currency of the country with that code, if it is a dollar."""
    from babel.numbers import get_territory_currencies

    try:
        current = get_territory_currencies(place)
    except Exception:  # babel raises its own errors for a code it does not know
        return None
    dollars = {code for symbol, codes in _symbols().items() if symbol.endswith("$") for code in codes}
    return current[0] if len(current) == 1 and current[0] in dollars else None


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
