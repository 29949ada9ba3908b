"""Project settings from [tool.handoff] in pyproject.toml."""

from __future__ import annotations

import datetime as dt
import os
import re
import sys
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from handoff_lint.codes import ALWAYS_ERRORS, REGISTRY
from handoff_lint.diagnostics import Severity
from handoff_lint.domain.dates import EARLIEST_DATE, LATEST_DATE, parse_date
from handoff_lint.domain.workdays import REGIONS
from handoff_lint.errors import Refusal
from handoff_lint.reading.files import read_regular_file
from handoff_lint.reading.source import MAX_BYTES

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib


class ConfigError(Refusal, ValueError):
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
    # A firm's own words for "not known yet", on top of handoff_lint.domain.placeholders.DEFAULT_WORDS.
    placeholder_words: tuple[str, ...] = ()
    # The pyproject.toml whose [tool.handoff] these come from; None: the built-in defaults.
    settings_file: Path | None = None
    # The day records are checked against (nothing recorded as done may lie after it); None skips
    # that check. The CLI and the site set it from --today, HANDOFF_TODAY or the clock.
    today: dt.date | None = None

    @property
    def schema_path(self) -> str | None:
        return str(self.root / self.schema) if self.schema else None


TODAY_VARIABLE = "HANDOFF_TODAY"
# A page of words is a firm's list; more is not a list of placeholders.
MAX_PLACEHOLDER_WORDS = 200


def parse_today(value: str | None, clock: dt.date) -> dt.date:
    """The day a run is seen from: `value` (YYYY-MM-DD, e.g. HANDOFF_TODAY) or the clock's date."""
    if not value:
        return clock
    day = parse_date(value.strip())
    if day is None:
        raise ConfigError(f"{TODAY_VARIABLE}={value!r} is not a date written YYYY-MM-DD from "
                          f"{EARLIEST_DATE} to {LATEST_DATE}", "today")
    return day


def find_pyproject(start: Path) -> Path | None:
    for folder in (start, *start.parents):
        candidate = folder / "pyproject.toml"
        if candidate.is_file():
            return candidate
    return None


# A pyproject.toml is a page of settings; a larger one (or a device named like one) is not read.
MAX_PYPROJECT_BYTES = 1024 * 1024


def _read_settings_file(path: Path) -> str:
    return read_regular_file(path, MAX_PYPROJECT_BYTES).decode("utf-8")


def _handoff_table(pyproject: Path) -> dict[str, Any] | None:
    """The [tool.handoff] table of a readable pyproject.toml, or None."""
    try:
        data = tomllib.loads(_read_settings_file(pyproject))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return None
    tool = data.get("tool")
    table = tool.get("handoff") if isinstance(tool, dict) else None
    return table if isinstance(table, dict) else {} if table is not None else None


def _clients_folder(pyproject: Path, table: dict[str, Any]) -> Path | None:
    clients = table.get("clients", "clients")
    if not isinstance(clients, str) or not clients.strip():
        return None
    try:
        return (pyproject.parent / clients).resolve()
    except (OSError, RuntimeError):
        return None


def find_handoff_pyproject(start: Path) -> Path | None:
    """The pyproject.toml with a [tool.handoff] table of the handoff repo that start (a file's
    folder, or a folder) belongs to, wherever the command runs: the nearest one at or above start,
    unless it lies inside an enclosing handoff repo's clients folder. Anyone who can add a doc can
    add a file next to it, so a pyproject.toml among the docs is never the repo's settings: it
    could switch rules off or point the schema anywhere."""
    try:
        folder = start.resolve()
    except (OSError, RuntimeError):  # a loop of links
        return None
    if not folder.is_dir():
        folder = folder.parent
    found: Path | None = None
    for candidate_folder in (folder, *folder.parents):
        candidate = candidate_folder / "pyproject.toml"
        table = _handoff_table(candidate) if candidate.is_file() else None
        if table is None:
            continue
        if found is None:
            found = candidate
            continue
        clients = _clients_folder(candidate, table)
        if clients is not None and found.parent.is_relative_to(clients):
            found = candidate  # the nearer one is among this repo's docs
    return found


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
    known = {"clients", "region", "phone_region", "schema", "max_bytes", "severity", "placeholder_words"}
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
    words = table.get("placeholder_words", [])
    if (not isinstance(words, list) or len(words) > MAX_PLACEHOLDER_WORDS
            or not all(isinstance(w, str) and w.strip() and len(w) <= 60 for w in words)):
        raise ConfigError(f"{origin}: placeholder_words must be a list of at most "
                          f"{MAX_PLACEHOLDER_WORDS} words or phrases that stand in for a value not known "
                          'yet, e.g. ["to be sourced", "TK"]', "placeholder_words")
    return Config(
        root=root,
        clients=clients,
        region=region,
        phone_region=phone_region,
        schema=schema,
        max_bytes=max_bytes,
        severity=severities,
        placeholder_words=tuple(w.strip() for w in words),
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


def defaults_for(path: Path, fallback: Path) -> Config:
    """The built-in settings for a path outside any repo with [tool.handoff] (a repo using the
    published hook without settings, a copied folder), rooted where the default layout says: the
    folder holding the 'clients' folder the path is in or its git repo, whichever is nearer, else
    fallback. Path and file-name checks then run as in a repo with settings."""
    default_clients = Config.__dataclass_fields__["clients"].default
    # As named, links not followed: a link out of a clients folder is reported as one there.
    named = Path(os.path.abspath(path))
    for folder in (named, *named.parents):  # the nearest of the two marks wins
        if (folder / ".git").exists():
            return Config(root=folder)
        if folder.name == default_clients:
            return Config(root=folder.parent)
    return Config(root=fallback)


def describe_defaults(config: Config) -> str:
    """The line that says, once, which settings a run without [tool.handoff] used."""
    return (f"no [tool.handoff] settings in a pyproject.toml for {config.root}: checking with the "
            f"built-in ones (clients = \"{config.clients}\", region = \"{config.region}\", phone_region = "
            f"\"{config.phone_region}\"); add a [tool.handoff] table to pyproject.toml to change them")


def load(start: Path) -> Config:
    """Read [tool.handoff] from the nearest pyproject.toml at or above start that has that table
    (else from the nearest pyproject.toml, else the defaults with start as the root)."""
    try:
        resolved = start.resolve()
    except (OSError, RuntimeError):
        raise ConfigError(f"{start}: cannot find the repo: the path is a loop of links") from None
    pyproject = find_handoff_pyproject(resolved) or find_pyproject(resolved)
    if pyproject is None:
        return defaults_for(resolved, resolved if resolved.is_dir() else resolved.parent)
    try:
        text = _read_settings_file(pyproject)
        data = tomllib.loads(text)
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise ConfigError(f"{pyproject}: cannot read settings: {error}") from None
    tool = data.get("tool", {})
    table = tool.get("handoff") if isinstance(tool, dict) else None
    if not isinstance(tool, dict) or (table is not None and not isinstance(table, dict)):
        raise ConfigError(f"{pyproject}: [tool.handoff] must be a table of settings, e.g. "
                          '[tool.handoff] with clients = "clients" on the next line', "handoff")
    if table is None:
        return defaults_for(resolved, pyproject.parent)
    try:
        config = replace(from_table(pyproject.parent, table), settings_file=pyproject)
        _check_schema(config)
        return config
    except ConfigError as error:
        position = _position(text, error.setting) if error.setting else None
        where = f"{pyproject}:{position[0]}:{position[1]}" if position else str(pyproject)
        raise ConfigError(f"{where}: {error}", error.setting) from None


def _check_schema(config: Config) -> None:
    """A schema the settings name must be a readable JSON Schema: said once here, with exit 2,
    not as an internal error on every doc."""
    if config.schema_path is None:
        return
    root = config.root.resolve()
    try:
        inside = Path(config.schema_path).resolve().is_relative_to(root)
    except (OSError, RuntimeError):  # a loop of links
        inside = False
    if not inside:
        raise ConfigError(f"schema: {config.schema} is outside the repo ({root}); name a schema "
                          "file inside it, e.g. \"schema/handoff.schema.json\"", "schema")
    from handoff_lint.contract.schema import SchemaFileError, load_schema

    try:
        load_schema(config.schema_path)
    except SchemaFileError as error:
        raise ConfigError(f"schema: {error}", "schema") from None
