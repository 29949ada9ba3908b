"""The contract: load the JSON Schema once, build its validator once, and look fields up by title."""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Callable, Iterable, Mapping
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from handoff_lint.files import read_regular_file
from handoff_lint.money import parse_money
from handoff_lint.quickcheck import Test, compile_schema

if TYPE_CHECKING:
    from jsonschema import Draft202012Validator, FormatChecker

# jsonschema, email-validator and phonenumbers are imported where they are first needed: a complete
# doc is never given to jsonschema (see quickcheck), and each import costs the one-file run time.

Schema = Mapping[str, Any]

_DASHES = re.compile(r"[\u2010-\u2015\u2212-]+")
_SINGLE_QUOTES = re.compile(r"[\u2018\u2019\u201b\u0060\u00b4]")
_DOUBLE_QUOTES = re.compile(r"[\u201c\u201d\u201f]")
_SPACE = re.compile(r"\s+")
_AROUND_JOINER = re.compile(r"(?<!\s)\s*([-/&])\s*")  # starts where a run of spaces starts: linear
_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")

DEFAULT_PHONE_REGION = "GB"


@lru_cache(maxsize=4096)
def normalise(title: str) -> str:
    """The form titles are matched in: case, white space (also around '/', '&' and dashes), quotes
    and the kind of dash do not matter."""
    # Cached: every doc repeats the same headings, labels and column names.
    text = _DASHES.sub("-", title.casefold())
    text = _SINGLE_QUOTES.sub("'", text)
    text = _DOUBLE_QUOTES.sub('"', text)
    text = _SPACE.sub(" ", text).strip().rstrip(":.").strip()
    return _AROUND_JOINER.sub(r"\1", text)


def closest(text: str, candidates: Iterable[str], cutoff: float = 0.75) -> str | None:
    """The candidate a near-miss was probably meant to be, compared in normalised form."""
    by_normal = {normalise(candidate): candidate for candidate in candidates}
    import difflib  # only a doc with a near miss needs it; kept off the start-up path

    matches = difflib.get_close_matches(normalise(text), list(by_normal), n=1, cutoff=cutoff)
    return by_normal[matches[0]] if matches else None


# Words that mean a choice without sharing its spelling: read as the choice, as a different case
# is ("Medium" is "Med" as "high" is "High"), so a near miss is accepted or refused the same way
# everywhere.
_SYNONYMS = {"medium": "med", "moderate": "med", "mid": "med", "middle": "med", "m": "med",
             "h": "high", "hi": "high", "l": "low", "lo": "low"}


def synonym_choice(text: str, choices: Iterable[str]) -> str | None:
    """The choice a common synonym stands for ("Medium" for "Med"), or None."""
    by_normal = {normalise(choice): choice for choice in choices}
    synonym = _SYNONYMS.get(normalise(text))
    return by_normal.get(synonym) if synonym else None


def known_choice(text: str, choices: Iterable[str]) -> str | None:
    """The choice a written value means for certain: a common synonym ("Medium" for "Med") or
    the one choice it abbreviates or spells out."""
    by_normal = {normalise(choice): choice for choice in choices}
    written = normalise(text)
    synonym = synonym_choice(text, choices)
    if synonym is not None:
        return synonym
    if len(written) >= 3:
        starts = [c for n, c in by_normal.items() if written.startswith(n) or n.startswith(written)]
        if len(starts) == 1:
            return starts[0]
    return None


# The dates a handoff can hold. Everything that counts days (deadlines, working days, registers)
# reads dates through parse_date, so a date in year 1 or 9999 can neither make a count run for
# millions of days nor overflow date arithmetic: it is reported as not a date of a handoff.
EARLIEST_DATE, LATEST_DATE = dt.date(2000, 1, 1), dt.date(2099, 12, 31)


def parse_iso_date(text: str) -> dt.date | None:
    """A real calendar date written YYYY-MM-DD, whatever its year."""
    if not _ISO_DATE.fullmatch(text):
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        return None


def parse_date(text: str) -> dt.date | None:
    """A date written YYYY-MM-DD that a handoff can hold: from EARLIEST_DATE to LATEST_DATE."""
    day = parse_iso_date(text)
    return day if day is not None and EARLIEST_DATE <= day <= LATEST_DATE else None


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


SCHEMA_FILE = "handoff.schema.json"


def packaged_schema_text() -> str:
    try:
        return resources.files("handoff_lint.contract").joinpath(SCHEMA_FILE).read_text("utf-8")
    except ModuleNotFoundError:
        # An editable install does not map the schema folder into the package; read it in place.
        return (Path(__file__).resolve().parents[2] / "schema" / SCHEMA_FILE).read_text("utf-8")


class SchemaFileError(ValueError):
    """The schema the settings name cannot be used; the message says why."""


MAX_SCHEMA_BYTES = 4 * 1024 * 1024


def _schema_text(path: str) -> str:
    """A schema file's text: a regular file of bounded size (a FIFO or /dev/zero is never read)."""
    try:
        return read_regular_file(Path(path), MAX_SCHEMA_BYTES).decode("utf-8")
    except OSError as error:
        raise SchemaFileError(f"cannot read {path}: {error.strerror or error}") from None
    except UnicodeDecodeError:
        raise SchemaFileError(f"{path} is not UTF-8 text") from None


@lru_cache(maxsize=8)
def load_schema(path: str | None = None) -> Schema:
    text = _schema_text(path) if path else packaged_schema_text()
    try:
        schema: Schema = json.loads(text)
    except (ValueError, RecursionError) as error:
        raise SchemaFileError(f"{path} is not JSON: {error}") from None
    if path:
        # The packaged schema is checked against the metaschema by the test suite; checking it on
        # every run would import jsonschema for nothing.
        from jsonschema import Draft202012Validator
        from jsonschema.exceptions import SchemaError

        if not isinstance(schema, dict):
            raise SchemaFileError(f"{path} is not a JSON Schema: it must be a JSON object")
        try:
            Draft202012Validator.check_schema(schema)
        except SchemaError as error:
            raise SchemaFileError(f"{path} is not a valid JSON Schema: {error.message}") from None
    return schema


@lru_cache(maxsize=8)
def validator(path: str | None = None, phone_region: str = DEFAULT_PHONE_REGION) -> Draft202012Validator:
    from jsonschema import Draft202012Validator

    return Draft202012Validator(load_schema(path), format_checker=format_checker(phone_region))


@lru_cache(maxsize=8)
def quick_validator(path: str | None = None, phone_region: str = DEFAULT_PHONE_REGION) -> Test | None:
    """True only for instances the full validator finds valid (None: the schema cannot be compiled)."""
    return compile_schema(load_schema(path), formats(phone_region))


def title_of(subschema: Schema, key: str) -> str:
    return str(subschema.get("title", key))


def properties(subschema: Schema) -> dict[str, Schema]:
    return dict(subschema.get("properties", {}))


def kind(subschema: Schema) -> str:
    """How a value of this subschema is written: text, number, list, table or group."""
    schema_type = subschema.get("type")
    if schema_type == "array":
        items = subschema.get("items", {})
        return "table" if items.get("type") == "object" else "list"
    if schema_type == "object":
        return "group"
    if schema_type in ("integer", "number"):
        return "number"
    return "text"
