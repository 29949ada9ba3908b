"""Project settings from [tool.handoff] in pyproject.toml."""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from handoff_lint.codes import REGISTRY
from handoff_lint.diagnostics import Severity
from handoff_lint.source import MAX_BYTES

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

REGIONS = ("england-and-wales", "scotland", "northern-ireland")


class ConfigError(ValueError):
    """The settings are wrong; the message says which and how to fix them."""


@dataclass(frozen=True)
class Config:
    root: Path = field(default_factory=Path.cwd)
    clients: str = "clients"
    region: str = "england-and-wales"
    phone_region: str = "GB"
    schema: str | None = None
    max_bytes: int = MAX_BYTES
    severity: dict[str, Severity] = field(default_factory=dict)

    @property
    def schema_path(self) -> str | None:
        return str(self.root / self.schema) if self.schema else None


def find_pyproject(start: Path) -> Path | None:
    for folder in (start, *start.parents):
        candidate = folder / "pyproject.toml"
        if candidate.is_file():
            return candidate
    return None


def from_table(root: Path, table: dict[str, Any], origin: str = "[tool.handoff]") -> Config:
    """Build a Config from the [tool.handoff] table, refusing unknown keys and values."""
    known = {"clients", "region", "phone_region", "schema", "max_bytes", "severity"}
    unknown = sorted(set(table) - known)
    if unknown:
        raise ConfigError(
            f"{origin}: unknown setting(s) {', '.join(unknown)}; known: {', '.join(sorted(known))}"
        )
    region = table.get("region", "england-and-wales")
    if region not in REGIONS:
        raise ConfigError(f"{origin}: region '{region}' is not one of {', '.join(REGIONS)}")
    severities: dict[str, Severity] = {}
    for code, value in dict(table.get("severity", {})).items():
        if code not in REGISTRY:
            raise ConfigError(f"{origin}.severity: unknown rule code '{code}' (see `handoff rules`)")
        try:
            severities[code] = Severity(value)
        except ValueError:
            raise ConfigError(
                f"{origin}.severity.{code}: '{value}' is not one of error, warning, off"
            ) from None
    max_bytes = table.get("max_bytes", MAX_BYTES)
    if not isinstance(max_bytes, int) or max_bytes <= 0:
        raise ConfigError(f"{origin}: max_bytes must be a positive whole number of bytes")
    return Config(
        root=root,
        clients=str(table.get("clients", "clients")),
        region=region,
        phone_region=str(table.get("phone_region", "GB")),
        schema=table.get("schema"),
        max_bytes=max_bytes,
        severity=severities,
    )


def load(start: Path) -> Config:
    """Read [tool.handoff] from the nearest pyproject.toml at or above start."""
    pyproject = find_pyproject(start.resolve())
    if pyproject is None:
        return Config(root=start.resolve())
    try:
        data = tomllib.loads(pyproject.read_text("utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise ConfigError(f"{pyproject}: cannot read settings: {error}") from None
    table = data.get("tool", {}).get("handoff")
    if table is None:
        return Config(root=pyproject.parent)
    return from_table(pyproject.parent, table, f"{pyproject.name} [tool.handoff]")
