"""The contract: load the JSON Schema once, build its validator once, and read its subschemas."""

from __future__ import annotations

import json
from collections.abc import Mapping
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from handoff_lint.contract.formats import DEFAULT_PHONE_REGION, format_checker, formats
from handoff_lint.contract.quickcheck import Test, compile_schema
from handoff_lint.errors import Refusal
from handoff_lint.reading.files import read_regular_file

if TYPE_CHECKING:
    from jsonschema import Draft202012Validator

# jsonschema is imported where it is first needed: a complete doc is never given to it (see
# quickcheck), and its import costs the one-file run time.

Schema = Mapping[str, Any]

SCHEMA_FILE = "handoff.schema.json"


def packaged_schema_text() -> str:
    try:
        return resources.files("handoff_lint.contract.schema_folder").joinpath(SCHEMA_FILE).read_text("utf-8")
    except ModuleNotFoundError:
        # An editable install does not map the schema folder into the package; read it in place.
        return (Path(__file__).resolve().parents[3] / "schema" / SCHEMA_FILE).read_text("utf-8")


class SchemaFileError(Refusal, ValueError):
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
