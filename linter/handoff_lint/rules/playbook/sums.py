"""Section E adds up: the breakdown to the total, the milestones to 100% and to the total, the
deposit first; and every discount or bespoke element carries its sign-off reference.

Amounts are Decimals with their currency (handoff_lint.domain.money), however the AE wrote them ('NZ$96,000',
'48.000 €', '£48,000 + VAT'); an amount the schema refused is skipped, never guessed at.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from handoff_lint.diagnostics import Diagnostic
from handoff_lint.domain.money import Money, currency_name
from handoff_lint.rules.playbook.context import Context, parse_percent, quote
from handoff_lint.rules.playbook.wording import says_nothing

TOTAL = "/commercials/total_fee"
BREAKDOWN = "/commercials/fee_breakdown"
MILESTONES = "/commercials/payment_milestones"
DEPOSIT_PERCENT = Decimal(40)
HUNDRED = Decimal(100)


def _amounts(context: Context, table: str) -> list[tuple[str, Money]] | None:
    """Every row's amount, or None when a row is missing one or it did not parse (already reported)."""
    rows = context.complete_rows(table)
    if not rows:
        return None
    amounts = [(pointer, context.money(f"{pointer}/amount")) for pointer, _ in rows]
    if any(money is None for _, money in amounts):
        return None
    return [(pointer, money) for pointer, money in amounts if money is not None]


def _sum(currency: str, amounts: list[tuple[str, Money]]) -> Money:
    return Money(currency, sum((money.amount for _, money in amounts), Decimal(0)))


def _as_written(context: Context, pointer: str, money: Money) -> str:
    written = context.get(pointer)
    return quote(written) if isinstance(written, str) else str(money)


def _foreign(context: Context, code: str, total: Money, amounts: list[tuple[str, Money]],
             what: str) -> list[Diagnostic]:
    """A doc keeps to the total fee's currency: amounts in two currencies cannot be added."""
    found = []
    for pointer, money in amounts:
        if money.currency == total.currency:
            continue
        bare = " (a '$' alone is read as US dollars)" if money.written_currency == "$" else ""
        found.append(context.finding(
            code, context.where(f"{pointer}/amount"),
            f"{what}: '{_as_written(context, pointer + '/amount', money)}' is in "
            f"{currency_name(money.currency)} ({money.currency}){bare} but the total fee "
            f"('{_as_written(context, TOTAL, total)}') is in {currency_name(total.currency)} "
            f"({total.currency}); a doc keeps "
            f"to one currency, and amounts in two cannot be added",
            f"Write every amount in {total.currency}, as the SoW does, with the same mark as the "
            f"total fee ('{total.written_currency or total.currency}').",
        ))
    return found


def _tax_bases(context: Context, code: str, total: Money, amounts: list[tuple[str, Money]],
               what: str) -> list[Diagnostic]:
    """Amounts said to include tax cannot be added to a total said to exclude it, or the reverse."""
    if total.tax_basis is None:
        return []
    return [context.finding(
        code, context.where(f"{pointer}/amount"),
        f"{what}: '{_as_written(context, pointer + '/amount', money)}' is {money.tax_basis} tax but "
        f"the total fee ('{_as_written(context, TOTAL, total)}') is {total.tax_basis} it; amounts on "
        "two tax bases cannot be added",
        f"Write every amount {total.tax_basis} tax, as the total fee is (or leave the tax wording off "
        "the rows).",
    ) for pointer, money in amounts if money.tax_basis not in (None, total.tax_basis)]


def fee_breakdown_adds_up(context: Context) -> Iterator[Diagnostic]:
    """HO605: the fee breakdown adds up to the total fee, in one currency."""
    total = context.money(TOTAL)
    amounts = _amounts(context, BREAKDOWN)
    if total is None or amounts is None:
        return
    foreign = (_foreign(context, "HO605", total, amounts, "Fee breakdown")
               or _tax_bases(context, "HO605", total, amounts, "Fee breakdown"))
    if foreign:
        yield from foreign
        return
    added = _sum(total.currency, amounts)
    if added.amount == total.amount:
        return
    difference = Money(total.currency, added.amount - total.amount)
    yield context.finding(
        "HO605", context.table_at(BREAKDOWN),
        f"Fee breakdown adds up to {added} but the total fee (line {context.line(TOTAL)}) is {total}: "
        f"{'over' if difference.amount > 0 else 'short'} by {Money(total.currency, abs(difference.amount))}",
        "Paste the pricing calculator's output again, or correct the total fee; a discount is a "
        "negative line, e.g. '| Multi-cohort discount | -£2,000 |'.",
    )


def _percent_text(percent: Decimal) -> str:
    return f"{percent.normalize():f}%"


def milestones_add_up(context: Context) -> Iterator[Diagnostic]:
    """HO606: milestones add up to 100% and to the total; each amount is its percent of the total."""
    rows = context.complete_rows(MILESTONES)
    if not rows:
        return
    percents = [(pointer, parse_percent(row.get("percent"))) for pointer, row in rows]
    known_percents = [p for _, p in percents if p is not None]
    if len(known_percents) == len(rows):
        added = sum(known_percents, Decimal(0))
        if added != HUNDRED:
            yield context.finding(
                "HO606", context.table_at(MILESTONES),
                f"Payment milestones add up to {_percent_text(added)}, not 100%",
                "Make the milestones' percentages add up to exactly 100% of the total fee.",
            )
    total = context.money(TOTAL)
    amounts = _amounts(context, MILESTONES)
    if total is None or amounts is None:
        return
    foreign = (_foreign(context, "HO606", total, amounts, "Payment milestones")
               or _tax_bases(context, "HO606", total, amounts, "Payment milestones"))
    if foreign:
        yield from foreign
        return
    added_money = _sum(total.currency, amounts)
    if added_money.amount != total.amount:
        yield context.finding(
            "HO606", context.table_at(MILESTONES),
            f"Payment milestones add up to {added_money} but the total fee (line {context.line(TOTAL)}) "
            f"is {total}",
            "Make the milestone amounts add up to the total fee.",
        )
    for (pointer, percent), (_, money) in zip(percents, amounts, strict=True):
        if percent is None or total.amount == 0:
            continue
        # The amount's share of the total, to the precision the percentage was written in.
        written = str(context.get(f"{pointer}/percent")).strip().rstrip("%").strip()
        places = len(written.split(".", 1)[1]) if "." in written else 0
        share = (money.amount * HUNDRED / total.amount).quantize(Decimal(1).scaleb(-places))
        if share != percent:
            expected = Money(total.currency, (total.amount * percent / HUNDRED).quantize(Decimal("0.01")))
            yield context.finding(
                "HO606", context.where(f"{pointer}/amount"),
                f"Payment milestone '{quote(context.get(pointer + '/milestone'))}': {money} is "
                f"{_percent_text(share)} of the total fee {total}, not {_percent_text(percent)} "
                f"(that would be {expected})",
                "Correct the amount or the percentage so the amount is that share of the total fee.",
            )


def deposit_comes_first(context: Context) -> Iterator[Diagnostic]:
    """HO607: the first milestone is the 40% deposit, invoiced on the trigger's deposit date."""
    rows = list(context.rows(MILESTONES))
    if not rows or rows[0][0] != f"{MILESTONES}/0":
        return
    pointer, row = rows[0]
    percent = parse_percent(row.get("percent"))
    if percent is not None and percent != DEPOSIT_PERCENT:
        yield context.finding(
            "HO607", context.where(f"{pointer}/percent"),
            f"the first payment milestone ('{quote(row.get('milestone'))}') is {_percent_text(percent)}; "
            f"the playbook's first invoice is the 40% deposit on signature",
            "Make the first row the deposit: '| Deposit on signature | 40% | <amount> | <date> |'.",
        )
    invoiced = context.date(f"{pointer}/invoice_date")
    issued = context.date("/front_matter/trigger/deposit_invoice_issued")
    if percent == DEPOSIT_PERCENT and invoiced is not None and issued is not None and invoiced != issued:
        yield context.finding(
            "HO607", context.where(f"{pointer}/invoice_date"),
            f"the deposit milestone is invoiced {invoiced.isoformat()} but the front matter says the "
            f"deposit invoice was issued {issued.isoformat()} (trigger.deposit_invoice_issued)",
            "Use the same date in both places: the date the deposit invoice was actually issued.",
        )


def _sign_off(context: Context, code: str, item: str, sign_off: str, label: str,
              sign_off_label: str, nouns: str) -> Iterator[Diagnostic]:
    text = context.text(item)
    if text is None or says_nothing(text, nouns) or context.get(sign_off) is not None:
        return
    yield context.finding(
        code, context.where(item),
        f"{label} '{quote(text)}' has no sign-off reference",
        f"Add '- **{sign_off_label}:** <reference> (who signed off, when)' below it, or write "
        f"'None' for {label} if there are none.",
    )


def discount_signed_off(context: Context) -> Iterator[Diagnostic]:
    """HO608: any discount carries a sign-off reference."""
    yield from _sign_off(context, "HO608", "/commercials/discounts", "/commercials/discount_sign_off",
                         "Discounts", "Discount sign-off reference", "discounts?")


def bespoke_signed_off(context: Context) -> Iterator[Diagnostic]:
    """HO609: any bespoke element carries a sign-off reference."""
    yield from _sign_off(context, "HO609", "/delivery/bespoke_elements", "/delivery/bespoke_sign_off",
                         "Bespoke elements", "Bespoke sign-off reference", "bespoke|custom")
