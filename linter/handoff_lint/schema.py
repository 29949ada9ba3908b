"""The contract: load the JSON Schema once, build its validator once, and look fields up by title."""

from __future__ import annotations

import datetime as dt
import difflib
import json
import re
from collections.abc import Iterable, Mapping
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import phonenumbers
from email_validator import EmailNotValidError, validate_email
from jsonschema import Draft202012Validator, FormatChecker

from handoff_lint.money import parse_money

Schema = Mapping[str, Any]

_DASHES = re.compile(r"[\u2010-\u2015\u2212-]+")
_SINGLE_QUOTES = re.compile(r"[\u2018\u2019\u201b\u0060\u00b4]")
_DOUBLE_QUOTES = re.compile(r"[\u201c\u201d\u201f]")
_SPACE = re.compile(r"\s+")
_AROUND_DASH = re.compile(r"\s*-\s*")
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")

DEFAULT_PHONE_REGION = "GB"


def normalise(title: str) -> str:
    """The form titles are matched in: case, white space, quotes and dashes do not matter."""
    text = _DASHES.sub("-", title.casefold())
    text = _SINGLE_QUOTES.sub("'", text)
    text = _DOUBLE_QUOTES.sub('"', text)
    text = _SPACE.sub(" ", text).strip().rstrip(":.").strip()
    return _AROUND_DASH.sub("-", text)


def closest(text: str, candidates: Iterable[str], cutoff: float = 0.75) -> str | None:
    """The candidate a near-miss was probably meant to be, compared in normalised form."""
    by_normal = {normalise(candidate): candidate for candidate in candidates}
    matches = difflib.get_close_matches(normalise(text), list(by_normal), n=1, cutoff=cutoff)
    return by_normal[matches[0]] if matches else None


def parse_date(text: str) -> dt.date | None:
    if not _ISO_DATE.match(text):
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        return None


def is_email(text: str) -> bool:
    try:
        validate_email(text, check_deliverability=False)
    except EmailNotValidError:
        return False
    return True


def is_phone(text: str, region: str = DEFAULT_PHONE_REGION) -> bool:
    try:
        number = phonenumbers.parse(text, region)
    except phonenumbers.NumberParseException:
        return False
    return bool(phonenumbers.is_valid_number(number))


def format_checker(phone_region: str = DEFAULT_PHONE_REGION) -> FormatChecker:
    checker = FormatChecker(formats=())
    checker.checks("date")(lambda value: not isinstance(value, str) or parse_date(value) is not None)
    checker.checks("email")(lambda value: not isinstance(value, str) or is_email(value))
    checker.checks("phone")(lambda value: not isinstance(value, str) or is_phone(value, phone_region))
    checker.checks("money")(lambda value: not isinstance(value, str) or parse_money(value) is not None)
    return checker


SCHEMA_FILE = "handoff.schema.json"


def packaged_schema_text() -> str:
    try:
        return resources.files("handoff_lint.contract").joinpath(SCHEMA_FILE).read_text("utf-8")
    except ModuleNotFoundError:
        # An editable install does not map the schema folder into the package; read it in place.
        return (Path(__file__).resolve().parents[2] / "schema" / SCHEMA_FILE).read_text("utf-8")


@lru_cache(maxsize=8)
def load_schema(path: str | None = None) -> Schema:
    text = Path(path).read_text("utf-8") if path else packaged_schema_text()
    schema: Schema = json.loads(text)
    Draft202012Validator.check_schema(schema)
    return schema


@lru_cache(maxsize=8)
def validator(path: str | None = None, phone_region: str = DEFAULT_PHONE_REGION) -> Draft202012Validator:
    return Draft202012Validator(load_schema(path), format_checker=format_checker(phone_region))


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
