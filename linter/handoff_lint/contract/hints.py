"""What to write instead of a value the schema refused: a hint in plain words and, where the value
can mean one thing only, the fix that writes it so."""

from __future__ import annotations

from dataclasses import dataclass

from handoff_lint.contract.titles import normalise
from handoff_lint.diagnostics import Edit, Fix

# Besides the placeholder words: a shrug that stands in for a value in a field with a form.
_SHRUGS = frozenset({"n/a", "na", "x"})


def shorten(value: object, limit: int = 60) -> str:
    """A value as a message quotes it: a 4,000-digit number is shown by its start and its length."""
    text = str(value)
    return text if len(text) <= limit else f"{text[:limit - 1]}… ({len(text):,} characters)"


@dataclass(frozen=True)
class Where:
    line: int
    column: int


def stands_in(written: str, words: tuple[str, ...] = ()) -> bool:
    """The whole value stands in for one not known yet: 'TBC', 't.b.c.', 'To follow', '??'."""
    from handoff_lint.domain.placeholders import STRONG, whole_value

    return (normalise(written) in _SHRUGS or bool(STRONG.fullmatch(written.strip()))
            or whole_value(written, words) is not None)


def number_hint(written: object, minimum: object) -> str:
    """What to change in a value that is not a whole number, by what it holds."""
    import re

    if isinstance(written, int):
        return f"{written} is below {minimum}: write the real count."
    text = str(written)
    if stands_in(text):
        return (f"'{text}' stands in for a number not known yet: find it out and write it here "
                "before the handoff.")
    numbers = re.findall(r"\d[\d,]*(?:\.\d+)?", text)
    if len(numbers) == 1 and "." not in numbers[0]:
        return (f"'{text}' has words or signs around the number: write the number only, "
                f"{numbers[0]}, and put anything else in a note elsewhere.")
    if numbers:
        return (f"'{text}' holds {len(numbers)} numbers or a decimal: write one whole number, "
                "e.g. 1,200; a range or estimate belongs in a note elsewhere.")
    return "Write the number in digits, with no words: e.g. 1,200 or 1200."


_COMPANY_NUMBER_LENGTH = 8


def companies_house_hint(written: str, where: Where) -> tuple[str, str, Fix | None]:
    """A Companies House number as written: 6 or 7 digits lack the leading zeros Companies House
    writes ('4417823' is 04417823), spaces and lower case are how it was copied; anything else
    gets the two forms, briefly."""
    import re

    compact = re.sub(r"[\s.-]", "", written).upper()
    # A number that lost its leading zeros in a spreadsheet; fewer digits are a number cut short.
    padded = compact.isdigit() and len(compact) >= _COMPANY_NUMBER_LENGTH - 2
    meant = compact.zfill(_COMPANY_NUMBER_LENGTH) if padded else compact
    if re.fullmatch(r"[0-9]{8}|[A-Z]{2}[0-9]{6}", meant) and meant != written:
        why = ("Companies House numbers have eight characters, with the leading zeros"
               if compact.isdigit() and len(compact) < _COMPANY_NUMBER_LENGTH
               else "Companies House writes its numbers without spaces, in capitals")
        return (f"'{shorten(written)}' is not a Companies House number as written: did you mean {meant}?",
                f"{why}: write {meant}.",
                Fix(f"Write '{written}' as {meant}", (Edit(where.line, where.column, written, meant),)))
    return (f"'{shorten(written)}' is not a Companies House number",
            "Write the eight characters from Companies House: eight digits or two letters and six "
            "digits (e.g. 04417823, SC123456). A client registered elsewhere: the country, a colon "
            "and its registration there, e.g. 'Ireland: CRO 654321'.", None)


FORM_HINTS = {"companies_house_number": companies_house_hint}


def date_hint(written: str, where: Where) -> tuple[str, Fix | None]:
    from handoff_lint.domain.written_dates import read

    dates = read(written).dates
    if len(dates) == 1:
        iso = dates[0].isoformat()
        return (f"Write it as {iso} (YYYY-MM-DD).",
                Fix(f"Write '{written}' as {iso}", (Edit(where.line, where.column, written, iso),)))
    if len(dates) == 2:
        uk, us = dates
        return (f"'{written}' could be {uk:%-d %B %Y} (day first, as in the UK) or {us:%-d %B %Y} "
                f"(month first, as in the US): write the one you mean as YYYY-MM-DD, e.g. "
                f"{uk.isoformat()}.", None)
    import re

    if re.fullmatch(r"\d{4}-\d{1,2}-\d{1,2}", written):
        return (f"'{written}' is written YYYY-MM-DD but that day does not exist (or a month or day "
                "lacks its leading zero): check it against the calendar, e.g. 2026-11-04.", None)
    return "Write the date as YYYY-MM-DD, e.g. 2026-11-24.", None


def money_hint(written: str, where: Where) -> tuple[str, Fix | None]:
    from handoff_lint.domain.money import expand_shorthand, explain

    amount = expand_shorthand(written)
    if amount is not None:
        return (f"'{written}' is short for {amount}: write the amount in full, as it is on the SoW.",
                Fix(f"Write '{written}' as {amount}",
                    (Edit(where.line, where.column, written, str(amount)),)))
    reason = explain(written)
    if reason:
        return f"{reason}.", None
    if not any(c.isupper() or not c.isascii() or c == "$" for c in written):
        return (f"'{written}' has no currency: write it with one, e.g. £48,000 (or GBP 48,000).", None)
    return ("Write the amount with its currency before or after it, as on the SoW: £48,000, "
            "NZ$96,000, GBP 48,000 or 48.000 €; tax wording such as '+ VAT' may follow it; put any other "
            "words in a note beside it.", None)


def email_hint(written: str) -> str:
    if "@" not in written:
        return f"'{written}' has no '@': write the whole address, e.g. jane.doe@example.co.uk."
    if "<" in written or ">" in written:
        return ("Write only the address, without the name or the < >, e.g. jane.doe@example.co.uk; "
                "the name goes in the Name column.")
    if any(c.isspace() for c in written.strip()):
        return "Write the address alone, with no spaces, e.g. jane.doe@example.co.uk."
    from email_validator import EmailNotValidError, validate_email

    try:
        validate_email(written, check_deliverability=False)
    except EmailNotValidError as error:
        return f"{error} Check the address as the person gave it."
    return "Check the address as the person gave it, e.g. jane.doe@example.co.uk."


def phone_hint(written: str, region: str) -> str:
    import phonenumbers

    reasons = phonenumbers.ValidationResult
    try:
        number = phonenumbers.parse(written, region)
    except phonenumbers.NumberParseException:
        return (f"'{written}' does not read as a phone number: write digits only, with spaces, e.g. "
                "020 7946 0000, or +353 1 555 0100 with a country code.")
    reason = phonenumbers.is_possible_number_with_reason(number)
    digits = sum(c.isdigit() for c in written)
    if reason in (reasons.TOO_SHORT, reasons.INVALID_LENGTH):
        return f"'{written}' has {digits} digits, too few for a full number: add the missing digits."
    if reason == reasons.TOO_LONG:
        return f"'{written}' has {digits} digits, too many for one number: check for a digit too many."
    if reason == reasons.INVALID_COUNTRY_CODE:
        return f"'{written}' does not start with a known country code: check the + and the code."
    place = (phonenumbers.region_code_for_country_code(number.country_code) if number.country_code
             else region)
    read_as = ("by its country code" if written.strip().startswith(("+", "00"))
               else "as the repo's phone_region says")
    return (f"'{written}' has the right number of digits but is not a number in use in the country "
            f"it was read for, {_country_name(place)} ({read_as}): check the digits and the area "
            "code, or give the country code if it is a number elsewhere (e.g. +353 for Ireland).")


def _country_name(code: str) -> str:
    """'United Kingdom (GB)' for GB: how a message names a country to a reader."""
    from babel import Locale

    name = Locale("en").territories.get(code)
    return f"{name} ({code})" if name else code
