"""Diagnostics to text for people and machines; one function per output format."""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Mapping
from pathlib import PurePosixPath
from urllib.parse import quote

from handoff_lint import __version__
from handoff_lint.codes import REGISTRY, Rule
from handoff_lint.diagnostics import Diagnostic, Severity


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"


# What a run with errors stopped, and so what to do next: the closing line says it.
NEXT_STEP = {
    "merge": "Fix the errors before you merge.",
    "commit": "The commit was stopped: fix the errors, `git add` the docs and commit again.",
    "push": "The push was stopped: fix the errors, commit the fixes and push again.",
}


def occasion(environ: Mapping[str, str]) -> str:
    """What a run checks for: a commit or a push (pre-commit sets PRE_COMMIT for its hooks, and
    the remote or refs on a push), else a merge (CI, or an AE running `handoff lint`)."""
    if not environ.get("PRE_COMMIT"):
        return "merge"
    pushing = environ.get("PRE_COMMIT_REMOTE_BRANCH") or environ.get("PRE_COMMIT_FROM_REF")
    return "push" if pushing else "commit"


def summary(diagnostics: list[Diagnostic], files: int, when: str = "merge") -> str:
    """The closing line: how many docs were checked and whether they may go in."""
    errors = sum(d.severity is Severity.ERROR for d in diagnostics)
    warnings = sum(d.severity is Severity.WARNING for d in diagnostics)
    failing = len({d.path for d in diagnostics if d.severity is Severity.ERROR})
    if not errors and not warnings:
        return f"{_plural(files, 'handoff doc')} checked: all complete."
    if not errors:
        return f"{_plural(files, 'handoff doc')} checked: {_plural(warnings, 'warning')}, no errors."
    return (
        f"{_plural(files, 'handoff doc')} checked: {_plural(errors, 'error')} in "
        f"{_plural(failing, 'file')}, {_plural(warnings, 'warning')}. {NEXT_STEP[when]}"
    )


def printable(text: str, keep: str = "") -> str:
    """text with every character a terminal or a log would act on, or not show, written as an
    escape: control characters (a line break in a file name would forge a finding line, an ESC
    would clear the screen), format characters (bidi overrides, zero-width), line and paragraph
    separators, unassigned and private-use code points. A space is the one blank left as it is,
    with any character in keep (for a format that escapes those itself)."""
    if text.isprintable():
        return text
    return "".join(char if char.isprintable() or char in keep else _escape(char) for char in text)


def _escape(char: str) -> str:
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"


_JSON_UNPRINTABLE = re.compile(r"[^\x20-\x7e\n]")


def _json_escape(char: str) -> str:
    code = ord(char)
    if char.isprintable():
        return char
    if code < 0x10000:  # a lone surrogate (a file name that is not UTF-8) included
        return f"\\u{code:04x}"
    code -= 0x10000
    return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"


def _json_text(value: object) -> str:
    """JSON that keeps every character a reader sees as it is, and escapes the rest (C1 controls,
    bidi and zero-width characters) as \\uXXXX: same data, but a terminal showing it never acts on
    them. Such characters only occur inside JSON strings, where the escape means the same."""
    dumped = json.dumps(value, indent=2, ensure_ascii=False)
    return _JSON_UNPRINTABLE.sub(lambda m: _json_escape(m.group()), dumped) + "\n"


def finding(d: Diagnostic) -> str:
    """One finding as every command prints it: `path:line:col: CODE message`, then its fix line."""
    label = "" if d.severity is Severity.ERROR else f"({d.severity.value}) "
    where = f"{printable(d.path)}:{d.line}:{d.column}: {d.code} {label}{printable(d.message)}"
    shown = f"{where}\n    fix: {printable(d.hint)}" if d.hint else where
    if d.fix is not None:
        command = "handoff lint --fix" if d.fix.safe else "handoff lint --fix --unsafe-fixes"
        shown += f"\n    `{command}` can do it: {printable(d.fix.description)}"
    return shown


def fixable(diagnostics: list[Diagnostic]) -> str:
    """How many findings `handoff lint --fix` can resolve ('' if none), as ruff says it."""
    safe = sum(1 for d in diagnostics if d.fix is not None and d.fix.safe)
    unsafe = sum(1 for d in diagnostics if d.fix is not None and not d.fix.safe)
    if not safe and not unsafe:
        return ""
    more = f" ({unsafe} more with `--fix --unsafe-fixes`)" if unsafe and safe else ""
    if not safe:
        return f"{_plural(unsafe, 'finding')} can be fixed with `handoff lint --fix --unsafe-fixes`."
    return f"{_plural(safe, 'finding')} can be fixed with `handoff lint --fix`{more}."


def text(diagnostics: list[Diagnostic], files: int, when: str = "merge") -> str:
    """For people: each finding with its fix, what --fix can do, then the summary."""
    closing = [line for line in (fixable(diagnostics), summary(diagnostics, files, when)) if line]
    return "\n".join([*(finding(d) for d in diagnostics), *closing]) + "\n"


def json_array(diagnostics: list[Diagnostic], files: int, when: str = "merge") -> str:
    """One JSON array of findings; the summary is left out so the output parses as a whole."""
    return _json_text([d.as_json() for d in diagnostics])


def escape_data(text: str) -> str:
    """A workflow command's message, as GitHub Actions reads it back (newlines survive)."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """A workflow command property value: ':' and ',' would end the value early."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def github(diagnostics: list[Diagnostic], files: int, when: str = "merge") -> str:
    """GitHub Actions workflow commands: each finding becomes an annotation on its line in the PR."""
    lines = []
    for d in diagnostics:
        command = "error" if d.severity is Severity.ERROR else "warning"
        rule = REGISTRY.get(d.code)
        properties = {
            "file": printable(d.path), "line": str(d.line), "col": str(d.column),
            "title": f"{d.code} {rule.name}" if rule else d.code,
        }
        where = ",".join(f"{key}={escape_property(value)}" for key, value in properties.items())
        message = f"{d.message}\nfix: {d.hint}" if d.hint else d.message
        # escape_data writes line breaks as %0A, which GitHub shows as breaks inside the annotation.
        message = printable(message, keep="\r\n")
        lines.append(f"::{command} {where}::{escape_data(message)}")
    lines.append(summary(diagnostics, files, when))
    return "\n".join(lines) + "\n"


SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_SARIF_LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.OFF: "none"}


def _sarif_rule(rule: Rule) -> dict[str, object]:
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": rule.rationale},
        "help": {"text": rule.explanation()},
        "defaultConfiguration": {"level": _SARIF_LEVELS[rule.severity]},
    }


def _sarif_location(path: str) -> dict[str, str]:
    if PurePosixPath(path).is_absolute():
        return {"uri": PurePosixPath(path).as_uri()}
    # A name that is not UTF-8 keeps its own bytes, percent-encoded, as the file system has them.
    return {"uri": quote(path, errors="surrogateescape"), "uriBaseId": "%SRCROOT%"}


def _sarif_fix(d: Diagnostic) -> dict[str, object]:
    """A finding's fix as SARIF states it: each edit a region of one line and its new text."""
    assert d.fix is not None
    return {
        "description": {"text": d.fix.description + ("" if d.fix.safe else " (unsafe: may change "
                                                      "what the doc says)")},
        "artifactChanges": [{
            "artifactLocation": _sarif_location(d.path),
            "replacements": [{
                "deletedRegion": {"startLine": e.line, "startColumn": e.column,
                                  "endLine": e.line, "endColumn": e.column + len(e.old)},
                "insertedContent": {"text": e.new},
            } for e in d.fix.edits],
        }],
    }


def sarif(diagnostics: list[Diagnostic], files: int, when: str = "merge") -> str:
    """SARIF 2.1.0 for code scanning: every rule with its help text, one result per finding."""
    rules = list(REGISTRY.values())
    index = {rule.code: number for number, rule in enumerate(rules)}
    results = []
    for d in diagnostics:
        result: dict[str, object] = {
            "ruleId": d.code,
            "level": _SARIF_LEVELS[d.severity],
            "message": {"text": f"{d.message}\nFix: {d.hint}" if d.hint else d.message},
            "locations": [{"physicalLocation": {
                "artifactLocation": _sarif_location(d.path),
                "region": {"startLine": d.line, "startColumn": d.column},
            }}],
        }
        if d.code in index:
            result["ruleIndex"] = index[d.code]
        if d.fix is not None:
            result["fixes"] = [_sarif_fix(d)]
        results.append(result)
    log = {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "handoff", "version": __version__, "rules": [_sarif_rule(r) for r in rules],
            }},
            # Columns count characters as the AE sees them, not bytes.
            "columnKind": "unicodeCodePoints",
            "results": results,
        }],
    }
    return _json_text(log)


Reporter = Callable[[list[Diagnostic], int, str], str]

REPORTERS: dict[str, Reporter] = {"text": text, "json": json_array, "github": github, "sarif": sarif}
