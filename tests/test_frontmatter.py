"""Front matter: split off, loaded safely, every key and value with its line."""

from __future__ import annotations

import pytest
from conftest import example_text, line_of, lint
from handoff_lint.diagnostics import Diagnostic
from handoff_lint.reading.frontmatter import parse, split


def test_split_finds_the_closing_line() -> None:
    assert split("---\na: 1\n---\nbody") == (["a: 1"], 2)
    assert split("---\na: 1\n") == (["a: 1", ""], None)
    assert split("# no front matter") == (None, None)


def test_dates_stay_as_written_and_keys_have_lines() -> None:
    front = parse("doc.md", "---\nclient: Acme\ntrigger:\n  sow_signed: 2026-11-02\n---\n# Body\n")
    assert front.data == {"client": "Acme", "trigger": {"sow_signed": "2026-11-02"}}
    assert front.source_map["/front_matter/client"] == (2, 9)
    assert front.source_map["/front_matter/trigger"] == (3, 1)
    assert front.source_map["/front_matter/trigger/sow_signed"] == (4, 15)
    assert front.body == "# Body\n"
    assert front.body_line_offset == 5


def test_missing_front_matter_is_one_diagnostic() -> None:
    front = parse("doc.md", "# Handoff\n")
    assert [d.code for d in front.diagnostics] == ["HO201"]
    assert front.body == "# Handoff\n"


def test_duplicate_keys_name_both_lines() -> None:
    front = parse("doc.md", "---\nhandoff_call: 2026-11-20\nae: P\nhandoff_call: 2026-11-23\n---\n")
    [duplicate] = front.diagnostics
    assert (duplicate.code, duplicate.line) == ("HO204", 4)
    assert "lines 2 and 4" in duplicate.message
    assert front.data == {"handoff_call": "2026-11-20", "ae": "P"}


# A billion-laughs bomb: each alias list repeats the one before eight times.
ALIAS_BOMB = "\n".join([
    "---", "a: &a [x, x, x, x, x, x, x, x, x, x]",
    *(f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join([f'*{chr(97 + i)}'] * 8)}]" for i in range(12)),
    "---", "",
])


@pytest.mark.parametrize(("text", "code", "line"), [
    pytest.param("---\nclient: Acme\n## Section A\n", "HO202", 1, id="unclosed"),
    pytest.param("---\nclient: Acme\nslug: [acme\nae: Priya\n---\n", "HO203", 4, id="invalid YAML"),
    pytest.param("---\n- client\n- slug\n---\n", "HO203", 2, id="a list instead of keys"),
    pytest.param(ALIAS_BOMB, "HO205", 2, id="aliases, refused without expanding them"),
    pytest.param("---\nclient: !!python/object/apply:os.system ['ls']\n---\n", "HO206", 2, id="a python tag"),
])
def test_front_matter_that_cannot_be_read_is_one_diagnostic_and_no_data(
    text: str, code: str, line: int
) -> None:
    front = parse("doc.md", text)
    assert [(d.code, d.line) for d in front.diagnostics] == [(code, line)]
    assert front.data is None


def test_empty_front_matter_is_an_empty_mapping() -> None:
    front = parse("doc.md", "---\n---\n# Body\n")
    assert front.data == {}
    assert front.diagnostics == []


# The mistake behind a YAML error, at its own line, in plain words ------------------------------


def yaml_finding(text: str) -> Diagnostic:
    [finding] = [d for d in lint(text, None) if d.code == "HO203"]
    return finding


def test_a_key_without_a_space_after_its_colon_is_named_at_its_line() -> None:
    text = example_text().replace("ae: Priya Shah", "ae:Priya Shah")
    finding = yaml_finding(text)
    assert (finding.line, finding.column) == (line_of(text, "ae:Priya Shah"), 4)
    assert finding.message == ("front matter: 'ae:Priya Shah' has no space after the colon, so YAML "
                               "does not read 'ae' as a key")
    assert finding.hint == "Put a space after the colon: 'ae: Priya Shah'."
    assert finding.fix is not None and finding.fix.edits[0].new == " "


def test_a_value_holding_colon_space_is_named_with_the_quoting_fix() -> None:
    text = example_text().replace("client: Northwind Logistics Ltd", "client: Northwind: Logistics Ltd")
    finding = yaml_finding(text)
    assert finding.line == line_of(text, "client: Northwind:")
    assert finding.hint == 'Put the value in double quotes: client: "Northwind: Logistics Ltd"'


def test_a_tab_indent_and_an_unclosed_quote_are_named() -> None:
    tabbed = example_text().replace("  sow_signed:", "\tsow_signed:")
    finding = yaml_finding(tabbed)
    assert (finding.line, finding.message) == (
        line_of(tabbed, "\tsow_signed"),
        "front matter: this line is indented with a tab, which YAML does not allow")
    quoted = example_text().replace("ae: Priya Shah", 'ae: "Priya Shah')
    finding = yaml_finding(quoted)
    assert finding.line == line_of(quoted, 'ae: "Priya')
    assert "opens a quote (\") that is never closed" in finding.message


def test_front_matter_of_one_key_without_its_space_is_named_too() -> None:
    text = "---\nclient:Acme Widgets Ltd\n---\n\n# Handoff\n"
    finding = yaml_finding(text)
    assert (finding.line, finding.column) == (2, 8)
    assert finding.hint == "Put a space after the colon: 'client: Acme Widgets Ltd'."
