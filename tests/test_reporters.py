"""Output formats: text for people (also what `handoff new` and `handoff email` print), and for
machines GitHub Actions annotations and SARIF 2.1.0 for code scanning."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from conftest import REPO, check_doc, example_text, line_of
from handoff_lint.codes import REGISTRY
from handoff_lint.diagnostics import Diagnostic, Severity
from handoff_lint.engine.reporters import (
    REPORTERS,
    escape_data,
    escape_property,
    finding,
    github,
    sarif,
    text,
)
from jsonschema import Draft4Validator, ValidationError

# The SARIF 2.1.0 JSON schema as published (final "rtm.5" revision), taken unchanged from
# lib/schemas/ of the npm package @microsoft/jest-sarif 1.0.0-beta.0 (MIT): the official schema
# site is not reachable from the test machines.
SARIF_SCHEMA = json.loads((REPO / "tests/fixtures/sarif-2.1.0-rtm.5.json").read_text("utf-8"))

COMMAND = re.compile(r"^::(?P<command>error|warning) (?P<properties>[^:]*)::(?P<message>.*)$")


def unescape(text: str) -> str:
    """What GitHub Actions does to a workflow command's values."""
    for escaped, plain in (("%2C", ","), ("%3A", ":"), ("%0A", "\n"), ("%0D", "\r"), ("%25", "%")):
        text = text.replace(escaped, plain)
    return text


def parse_command(line: str) -> tuple[str, dict[str, str], str]:
    match = COMMAND.match(line)
    assert match, line
    properties = dict(item.split("=", 1) for item in match["properties"].split(","))
    return match["command"], {k: unescape(v) for k, v in properties.items()}, unescape(match["message"])


def broken_northwind() -> tuple[str, list[Diagnostic]]:
    text = example_text().replace("- **Sector:** Transport and logistics\n", "").replace(
        "| Med | Land", "| Medum | Land") + "\n## Notes\n\nAsk about the Leeds site.\n"
    return text, check_doc(text).diagnostics


def test_both_formats_are_offered_by_lint() -> None:
    assert {"text", "json", "github", "sarif"} <= set(REPORTERS)


# Text -------------------------------------------------------------------------------------------


def test_a_finding_is_its_place_code_and_message_then_the_fix() -> None:
    error = Diagnostic("clients/acme/01-handoff/handoff-acme-2026-11-24.md", 12, 3, "HO408", Severity.ERROR,
                       "front matter 'ae' is empty", "Fill it in.")
    assert finding(error) == (
        "clients/acme/01-handoff/handoff-acme-2026-11-24.md:12:3: HO408 front matter 'ae' is empty\n"
        "    fix: Fill it in.")
    warning = Diagnostic("doc.md", 1, 1, "HO303", Severity.WARNING, "unknown heading 'Notes'", "")
    assert finding(warning) == "doc.md:1:1: HO303 (warning) unknown heading 'Notes'"  # no empty fix line


def test_the_text_report_ends_with_the_summary() -> None:
    _, diagnostics = broken_northwind()
    report = text(diagnostics, 1)
    assert report == "".join(finding(d) + "\n" for d in diagnostics) + (
        "1 finding can be fixed with `handoff lint --fix`.\n"
        "1 handoff doc checked: 2 errors in 1 file, 1 warning. Fix the errors before you merge.\n")
    assert text([], 3) == "3 handoff docs checked: all complete.\n"


@pytest.mark.parametrize(("environ", "closing"), [
    ({}, "Fix the errors before you merge."),
    ({"CI": "true"}, "Fix the errors before you merge."),
    ({"PRE_COMMIT": "1"}, "The commit was stopped: fix the errors, `git add` the docs and commit again."),
    ({"PRE_COMMIT": "1", "PRE_COMMIT_FROM_REF": "a", "PRE_COMMIT_TO_REF": "b",
      "PRE_COMMIT_REMOTE_BRANCH": "refs/heads/main"},
     "The push was stopped: fix the errors, commit the fixes and push again."),
])
def test_the_summary_says_what_the_errors_stopped(environ: dict[str, str], closing: str) -> None:
    from handoff_lint.engine.reporters import occasion

    _, diagnostics = broken_northwind()
    assert text(diagnostics, 1, occasion(environ)).endswith(
        f"1 handoff doc checked: 2 errors in 1 file, 1 warning. {closing}\n")


# GitHub Actions ---------------------------------------------------------------------------------


def test_each_finding_is_an_annotation_on_its_line() -> None:
    text, diagnostics = broken_northwind()
    lines = github(diagnostics, 1).splitlines()
    assert len(lines) == len(diagnostics) + 1
    assert lines[-1] == (
        "1 handoff doc checked: 2 errors in 1 file, 1 warning. Fix the errors before you merge.")
    commands = [parse_command(line) for line in lines[:-1]]
    for (command, properties, message), d in zip(commands, diagnostics, strict=True):
        assert command == ("error" if d.severity is Severity.ERROR else "warning")
        title = f"{d.code} {REGISTRY[d.code].name}"
        assert properties == {"file": d.path, "line": str(d.line), "col": str(d.column), "title": title}
        assert message == f"{d.message}\nfix: {d.hint}"
    sector = next(c for c in commands if c[1]["title"].startswith("HO304"))
    assert sector[1]["line"] == str(line_of(text, "## Section A"))  # the section it belongs in
    assert {c[0] for c in commands} == {"error", "warning"}


def test_workflow_command_values_are_escaped() -> None:
    tricky = Diagnostic("clients/a,b/x: 100%.md", 3, 7, "HO408", Severity.ERROR,
                        "50% of 'Sites, scope' is: empty\r\nsecond line", "a::b")
    line = github([tricky], 1).splitlines()[0]
    assert line == (
        "::error file=clients/a%2Cb/x%3A 100%25.md,line=3,col=7,title=HO408 empty-value::"
        "50% of 'Sites, scope' is: empty%0D%0Asecond line%0Afix: a::b".replace("50%", "50%25")
    )
    _, properties, message = parse_command(line)
    assert properties["file"] == tricky.path
    assert message == f"{tricky.message}\nfix: {tricky.hint}"


@pytest.mark.parametrize("text", ["plain", "100%", "a:b,c", "%3A", "line\nbreak\r", "%%0A"])
def test_escaping_round_trips(text: str) -> None:
    assert unescape(escape_property(text)) == text
    assert unescape(escape_data(text)) == text
    assert not set(escape_property(text)) & {":", ",", "\n", "\r"}


def test_a_clean_run_prints_only_the_summary() -> None:
    assert github([], 3) == "3 handoff docs checked: all complete.\n"


# SARIF ------------------------------------------------------------------------------------------


def sarif_log(diagnostics: list[Diagnostic]) -> dict[str, Any]:
    log: dict[str, Any] = json.loads(sarif(diagnostics, 1))
    Draft4Validator(SARIF_SCHEMA).validate(log)
    return log


def test_sarif_is_valid_against_the_published_schema() -> None:
    _, diagnostics = broken_northwind()
    log = sarif_log(diagnostics)
    assert log["version"] == "2.1.0"
    run = log["runs"][0]
    assert run["tool"]["driver"]["name"] == "handoff"
    assert len(run["results"]) == len(diagnostics)
    assert any("fixes" in result for result in run["results"])  # fixes are valid SARIF too


def test_sarif_has_one_rule_per_code_with_its_help() -> None:
    rules = sarif_log([])["runs"][0]["tool"]["driver"]["rules"]
    assert [rule["id"] for rule in rules] == list(REGISTRY)
    for rule in rules:
        registered = REGISTRY[rule["id"]]
        assert rule["shortDescription"]["text"] == registered.summary
        assert registered.rationale in rule["help"]["text"]
        assert rule["defaultConfiguration"]["level"] == registered.severity.value


def test_sarif_results_point_at_the_finding() -> None:
    text, diagnostics = broken_northwind()
    run = sarif_log(diagnostics)["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    for result, d in zip(run["results"], diagnostics, strict=True):
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"] == d.code
        assert result["level"] == d.severity.value
        assert result["message"]["text"].startswith(d.message)
        location = result["locations"][0]["physicalLocation"]
        assert location["artifactLocation"] == {"uri": d.path, "uriBaseId": "%SRCROOT%"}
        assert location["region"] == {"startLine": d.line, "startColumn": d.column}
    heading = next(r for r in run["results"] if r["ruleId"] == "HO303")
    assert heading["locations"][0]["physicalLocation"]["region"]["startLine"] == line_of(
        text, "## Notes")


def test_sarif_paths_become_uris(tmp_path: Path) -> None:
    odd = Diagnostic("clients/a b/doc#1.md", 1, 1, "HO101", Severity.ERROR, "x")
    outside = Diagnostic(str(tmp_path / "doc.md"), 1, 1, "HO101", Severity.ERROR, "y")
    results = sarif_log([odd, outside])["runs"][0]["results"]
    uris = [r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in results]
    assert uris == ["clients/a%20b/doc%231.md", (tmp_path / "doc.md").as_uri()]


def test_the_schema_check_can_fail() -> None:
    log = json.loads(sarif([], 1))
    del log["runs"][0]["tool"]["driver"]["name"]
    with pytest.raises(ValidationError):
        Draft4Validator(SARIF_SCHEMA).validate(log)


HOSTILE_PATH = "clients/acme/01-handoff/x\nclients/b.md:1:1: HO000 all clear\x1b[2J\u202e\x85\udcff.md"


@pytest.mark.parametrize("format_name", sorted(REPORTERS))
def test_control_characters_never_reach_the_output(format_name: str) -> None:
    # A file name with a line break forges a finding line; an ESC clears the screen; U+202E turns
    # the rest of the line around; a byte that is not UTF-8 becomes a lone surrogate.
    hostile = Diagnostic(HOSTILE_PATH, 1, 1, "HO616", Severity.ERROR,
                         "value 'a\x1b]0;owned\x07\u2028b' is template text", "fix \x9b31m it")
    output = REPORTERS[format_name]([hostile], 1)
    output.encode("utf-8")  # writable to any UTF-8 stream, surrogates included
    assert not [c for c in output if not c.isprintable() and c != "\n"], output
    if format_name == "text":
        assert output.count("\n") == 3  # the finding, its fix and the summary: nothing forged
        assert "\\x1b[2J" in output and "\\u202e" in output
    elif format_name == "github":
        assert output.count("\n") == 2 and output.startswith("::error ")
    elif format_name == "json":
        assert json.loads(output)[0]["path"] == HOSTILE_PATH  # the same data, only escaped
    else:
        result = json.loads(output)["runs"][0]["results"][0]
        assert "\x1b" in result["message"]["text"]
        assert result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].endswith("%FF.md")
def test_the_text_report_says_how_many_findings_fix_can_resolve() -> None:
    from handoff_lint.diagnostics import Edit, Fix

    def fixed(safe: bool) -> Diagnostic:
        return Diagnostic("doc.md", 3, 1, "HO311", Severity.WARNING, "m", "h",
                          Fix("f", (Edit(3, 1, "•", "-"),), safe))

    plain = Diagnostic("doc.md", 1, 1, "HO304", Severity.ERROR, "m", "h")
    lines = text([plain, fixed(True), fixed(True), fixed(False)], 1).splitlines()
    assert lines[-2] == ("2 findings can be fixed with `handoff lint --fix` (1 more with "
                         "`--fix --unsafe-fixes`).")
    assert lines[-1].startswith("1 handoff doc checked: 1 error")
    assert "can be fixed" not in text([plain], 1)
    only_unsafe = text([fixed(False)], 1).splitlines()[-2]
    assert only_unsafe == "1 finding can be fixed with `handoff lint --fix --unsafe-fixes`."
