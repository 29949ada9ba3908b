"""The pipeline: bytes to checked diagnostics, one parse per file, shared by the CLI and the site."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import PurePosixPath
from typing import cast

from handoff_lint.codes import ALWAYS_ERRORS
from handoff_lint.contract.config import Config
from handoff_lint.contract.extract import Extraction, extract
from handoff_lint.contract.schema import load_schema, quick_validator, validator
from handoff_lint.contract.validate import check as check_schema
from handoff_lint.diagnostics import Diagnostic, Severity
from handoff_lint.reading import document as markdown
from handoff_lint.reading import frontmatter, source
from handoff_lint.reading.characters import blanks_emptied
from handoff_lint.rules import hidden, playbook
from handoff_lint.rules.paths import check_path

_MISSING = frozenset({"HO301", "HO304", "HO307", "HO308"})


@dataclass
class Checked:
    """Everything one parse of a doc produced: the site reads this, the CLI prints the diagnostics."""

    path: str
    relative: PurePosixPath | None = None
    text: str | None = None
    front: frontmatter.FrontMatter | None = None
    document: markdown.Document | None = None
    extraction: Extraction | None = None
    diagnostics: list[Diagnostic] = field(default_factory=list)

    @property
    def instance(self) -> dict[str, object]:
        return self.extraction.instance if self.extraction else {}


def apply_severity(diagnostics: Iterable[Diagnostic], config: Config) -> list[Diagnostic]:
    """Apply [tool.handoff.severity] overrides, drop what is turned off, and sort by position.
    A code that means the doc was not checked keeps its severity, however the Config was made."""
    result = []
    for diagnostic in diagnostics:
        severity = (diagnostic.severity if diagnostic.code in ALWAYS_ERRORS
                    else config.severity.get(diagnostic.code, diagnostic.severity))
        if severity is Severity.OFF:
            continue
        if severity is not diagnostic.severity:
            diagnostic = replace(diagnostic, severity=severity)
        result.append(diagnostic)
    # Diagnostic equality ignores the message, so a set would keep one of two different findings
    # at the same place (two items missing from one section); drop only exact repeats.
    unique = {(d.path, d.line, d.column, d.code, d.message): d for d in result}
    return sorted(unique.values(), key=lambda d: (d.path, d.line, d.column, d.code, d.message))


def check_text(path: str, text: str, relative: PurePosixPath | None, config: Config) -> Checked:
    """Check a decoded doc; relative is its path under the repo root (None: skip path checks)."""
    checked = Checked(path, relative, text)
    front = frontmatter.parse(path, text)
    checked.front = front
    found = list(front.diagnostics)
    if front.data is not None or front.body:
        document = markdown.parse(front.body, front.body_line_offset)
        checked.document = document
        schema = load_schema(config.schema_path)
        extraction = extract(path, document, front, schema)
        # A value that shows as nothing (a zero-width space, U+3164) is as empty as a blank one.
        extraction.instance = cast("dict[str, object]", blanks_emptied(extraction.instance))
        checked.extraction = extraction
        found += extraction.diagnostics
        # A complete doc (the usual case) is recognised without jsonschema; only a doc with
        # something wrong pays for jsonschema, which alone words the errors.
        valid = quick_validator(config.schema_path, config.phone_region)
        rules = (None if valid is not None and valid(extraction.instance)
                 else validator(config.schema_path, config.phone_region))
        schema_found = check_schema(path, extraction, schema, rules, config.phone_region,
                                    config.placeholder_words)
        if document.too_deep_line is not None:
            # The parser stops reading at the nesting limit, so everything after it would be reported
            # missing; HO310 says once that the rest of the doc was not read.
            schema_found = [d for d in schema_found
                            if d.code not in _MISSING or d.line <= front.body_line_offset]
        found += schema_found
        found += playbook.run(playbook.Context(
            path, extraction, document, config,
            frozenset((d.line, d.column) for d in found), tuple(text.split("\n")),
        ))
    # Last, so the rules above still read a value that holds one (a hidden "T\u200bBD" is HO616 too).
    # A line already refused as unreadable (U+2028 in the front matter: HO203) is not reported twice.
    refused = {d.line for d in found if d.code in ALWAYS_ERRORS}
    found += [d for d in hidden.check(path, text, front) if d.line not in refused]
    if relative is not None:
        data = front.data if isinstance(front.data, dict) else None
        found += check_path(path, relative, data, front.source_map, config.clients)
    checked.diagnostics = apply_severity(found, config)
    return checked


def check_bytes(path: str, data: bytes, relative: PurePosixPath | None, config: Config) -> Checked:
    decoded = source.decode(path, data, config.max_bytes)
    if isinstance(decoded, Diagnostic):
        return Checked(path, relative, diagnostics=apply_severity([decoded], config))
    return check_text(path, decoded.text, relative, config)
