"""Project settings from [tool.handoff] in pyproject.toml."""

from __future__ import annotations

import datetime as dt
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from handoff_lint.codes import ALWAYS_ERRORS, REGISTRY
from handoff_lint.diagnostics import Severity
from handoff_lint.source import MAX_BYTES
from handoff_lint.workdays import REGIONS

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib


class ConfigError(ValueError):
    """The settings are wrong; the message says which and how to fix them.

    setting is the key the error is about (a setting's name, or a rule code under severity), so
    load() can point at the line of pyproject.toml that holds it.
    """

    def __init__(self, message: str, setting: str | None = None) -> None:
        super().__init__(message)
        self.setting = setting


@dataclass(frozen=True)
class Config:
    root: Path = field(default_factory=Path.cwd)
    clients: str = "clients"
    region: str = "england-and-wales"
    phone_region: str = "GB"
    schema: str | None = None
    max_bytes: int = MAX_BYTES
    severity: dict[str, Severity] = field(default_factory=dict)
    # The day records are checked against (nothing recorded as done may lie after it); None skips
    # that check. The CLI and the site set it from --today, HANDOFF_TODAY or the clock.
    today: dt.date | None = None

    @property
    def schema_path(self) -> str | None:
        return str(self.root / self.schema) if self.schema else None


TODAY_VARIABLE = "HANDOFF_TODAY"


def parse_today(value: str | None, clock: dt.date) -> dt.date:
    """The day a run is seen from: `value` (YYYY-MM-DD, e.g. HANDOFF_TODAY) or the clock's date."""
    if not value:
        return clock
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        raise ConfigError(f"{TODAY_VARIABLE}={value!r} is not a date written YYYY-MM-DD", "today") from None


def find_pyproject(start: Path) -> Path | None:
    for folder in (start, *start.parents):
        candidate = folder / "pyproject.toml"
        if candidate.is_file():
            return candidate
    return None


def _severity(code: str, value: object, origin: str) -> Severity:
    """The severity an override sets. Refused: unknown codes and values, and turning down a code
    that means the doc was not checked (codes.ALWAYS_ERRORS)."""
    if code not in REGISTRY:
        raise ConfigError(f"{origin}.severity: unknown rule code '{code}' (see `handoff rules`)", code)
    setting = f"{origin}.severity.{code}"
    try:
        severity = Severity(value)
    except ValueError:
        raise ConfigError(f"{setting}: '{value}' is not one of error, warning, off", code) from None
    if code in ALWAYS_ERRORS and severity is not Severity.ERROR:
        raise ConfigError(
            f"{setting}: {code} ({REGISTRY[code].name}) cannot be '{severity.value}': it means a doc "
            "could not be checked, and an unchecked doc must not pass. Remove this line, and fix "
            f"the doc instead (`handoff rules {code}` says how).",
            code,
        )
    return severity


def _known_phone_region(value: object) -> bool:
    # Only a repo that sets another region pays for importing the numbering plans here.
    import phonenumbers

    return isinstance(value, str) and value in phonenumbers.SUPPORTED_REGIONS


def from_table(root: Path, table: dict[str, Any], origin: str = "[tool.handoff]") -> Config:
    """Build a Config from the [tool.handoff] table, refusing unknown keys and values."""
    known = {"clients", "region", "phone_region", "schema", "max_bytes", "severity"}
    unknown = sorted(set(table) - known)
    if unknown:
        raise ConfigError(
            f"{origin}: unknown setting(s) {', '.join(unknown)}; known: {', '.join(sorted(known))}",
            unknown[0],
        )
    region = table.get("region", "england-and-wales")
    if region not in REGIONS:
        raise ConfigError(f"{origin}: region '{region}' is not one of {', '.join(REGIONS)}", "region")
    overrides = table.get("severity", {})
    if not isinstance(overrides, dict):
        raise ConfigError(f"{origin}: severity must be a table of rule codes, e.g. "
                          '[tool.handoff.severity] with HO303 = "error"', "severity")
    severities = {code: _severity(code, value, origin) for code, value in overrides.items()}
    max_bytes = table.get("max_bytes", MAX_BYTES)
    if not isinstance(max_bytes, int) or isinstance(max_bytes, bool) or max_bytes <= 0:
        raise ConfigError(f"{origin}: max_bytes must be a positive whole number of bytes", "max_bytes")
    schema = table.get("schema")
    if schema is not None and not isinstance(schema, str):
        raise ConfigError(f"{origin}: schema must be a path, e.g. \"schema/handoff.schema.json\"", "schema")
    clients = table.get("clients", "clients")
    if not isinstance(clients, str) or not clients.strip():
        raise ConfigError(f'{origin}: clients must be the folder of client docs, e.g. "clients"', "clients")
    phone_region = table.get("phone_region", "GB")
    if phone_region != "GB" and not _known_phone_region(phone_region):
        raise ConfigError(f"{origin}: phone_region must be a two-letter country code such as \"GB\" "
                          f"or \"IE\", not {phone_region!r}", "phone_region")
    return Config(
        root=root,
        clients=clients,
        region=region,
        phone_region=phone_region,
        schema=schema,
        max_bytes=max_bytes,
        severity=severities,
    )


def _position(text: str, setting: str) -> tuple[int, int] | None:
    """Line and column of the `setting =` key in a pyproject.toml's [tool.handoff] tables (None if
    it cannot be found); another tool's table may use the same key above them."""
    start = max(text.find("[tool.handoff"), 0)
    match = re.compile(rf'(?<![\w"-])"?{re.escape(setting)}"?[ \t]*=').search(text, start)
    if match is None:
        return None
    line_start = text.rfind("\n", 0, match.start()) + 1
    return text.count("\n", 0, match.start()) + 1, match.start() - line_start + 1


def load(start: Path) -> Config:
    """Read [tool.handoff] from the nearest pyproject.toml at or above start."""
    pyproject = find_pyproject(start.resolve())
    if pyproject is None:
        return Config(root=start.resolve())
    try:
        text = pyproject.read_text("utf-8")
        data = tomllib.loads(text)
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise ConfigError(f"{pyproject}: cannot read settings: {error}") from None
    table = data.get("tool", {}).get("handoff")
    if table is None:
        return Config(root=pyproject.parent)
    try:
        return from_table(pyproject.parent, table)
    except ConfigError as error:
        position = _position(text, error.setting) if error.setting else None
        where = f"{pyproject}:{position[0]}:{position[1]}" if position else str(pyproject)
        raise ConfigError(f"{where}: {error}", error.setting) from None
