"""The schema's own formats (date, email, phone, money), one test each, used by jsonschema's format
checker and by quickcheck alike."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache
from typing import TYPE_CHECKING

from handoff_lint.domain.dates import parse_date
from handoff_lint.domain.money import parse_money

if TYPE_CHECKING:
    from jsonschema import FormatChecker

# email-validator and phonenumbers are imported where they are first needed: each import costs the
# one-file run time.

DEFAULT_PHONE_REGION = "GB"


# Plain ASCII addresses that email-validator always accepts: a dot-atom local part and a domain of
# two or more letter-digit-hyphen labels ending in a letters-only top-level name. Importing
# email-validator costs more than the whole check of a doc (its Unicode patterns are compiled at
# import), so these skip it; anything else, and every rejection, is still its decision.
# tests/test_schema.py checks this shape against email-validator itself.
_PLAIN_EMAIL = re.compile(
    r"[A-Za-z0-9_+-]{1,64}(?:\.[A-Za-z0-9_+-]{1,64})*"
    r"@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.){1,8}[A-Za-z]{2,24}"
)
# email-validator's special-use names, which are never globally deliverable.
SPECIAL_USE_DOMAIN_NAMES = frozenset({"arpa", "invalid", "local", "localhost", "onion", "test"})


def is_plain_email(text: str) -> bool:
    if len(text) > 254 or "--" in text.partition("@")[2] or not _PLAIN_EMAIL.fullmatch(text):
        return False
    local, _, domain = text.partition("@")
    return len(local) <= 64 and domain.rpartition(".")[2].lower() not in SPECIAL_USE_DOMAIN_NAMES


# Cached: a doc with errors is checked twice (quickcheck, then jsonschema), and the site checks
# the same docs again.
@lru_cache(maxsize=4096)
def is_email(text: str) -> bool:
    if is_plain_email(text):
        return True
    from email_validator import EmailNotValidError, validate_email

    try:
        validate_email(text, check_deliverability=False)
    except EmailNotValidError:
        return False
    return True


@lru_cache(maxsize=4096)
def is_phone(text: str, region: str = DEFAULT_PHONE_REGION) -> bool:
    import phonenumbers

    try:
        number = phonenumbers.parse(text, region)
    except phonenumbers.NumberParseException:
        return False
    return bool(phonenumbers.is_valid_number(number))


def formats(phone_region: str = DEFAULT_PHONE_REGION) -> dict[str, Callable[[object], bool]]:
    """The schema's own formats; jsonschema's format checker and quickcheck both use these."""
    return {
        "date": lambda value: not isinstance(value, str) or parse_date(value) is not None,
        "email": lambda value: not isinstance(value, str) or is_email(value),
        "phone": lambda value: not isinstance(value, str) or is_phone(value, phone_region),
        "money": lambda value: not isinstance(value, str) or parse_money(value) is not None,
    }


def format_checker(phone_region: str = DEFAULT_PHONE_REGION) -> FormatChecker:
    from jsonschema import FormatChecker

    checker = FormatChecker(formats=())
    for name, test in formats(phone_region).items():
        checker.checks(name)(test)
    return checker
