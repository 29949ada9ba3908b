"""HO106: a hidden or control character in the text or in a front matter value is a finding."""

from __future__ import annotations

import pytest
from conftest import findings, line_of, replace_once, with_front_matter


def test_the_example_has_none(northwind: str) -> None:
    assert findings(northwind, "HO106") == []


@pytest.mark.parametrize("char", ["\u200b", "\u202e", "\u2066", "\u3164", "\ufeff", "\x85", "\u00ad"])
def test_a_hidden_character_in_the_text(northwind: str, char: str) -> None:
    text = replace_once(northwind, "- **Trading name:** Northwind", f"- **Trading name:** North{char}wind")
    [finding] = findings(text, "HO106")
    line = line_of(text, "- **Trading name:**")
    assert (finding.line, finding.column) == (line, len("- **Trading name:** North") + 1)
    assert f"U+{ord(char):04X}" in finding.message


@pytest.mark.parametrize(("escape", "shown"), [
    ("\\nBcc: all@example.com", "U+000A"), ("\\e[2J", "U+001B"), ("\\u202e", "U+202E"),
    ("\\x9b", "U+009B"), ("\\t", "U+0009"), ("\\u200b", "U+200B"), ("\\L", "U+2028"),
])
def test_a_yaml_escape_in_a_front_matter_value(northwind: str, escape: str, shown: str) -> None:
    text = with_front_matter(northwind, account_manager=f'"Hannah{escape} Lee"')
    [finding] = findings(text, "HO106")
    assert finding.line == line_of(text, "account_manager:")
    assert shown in finding.message and "account_manager" in finding.message


@pytest.mark.parametrize(("written", "shown"), [
    ("Marcus &#x202E;lleB", "U+202E"), ("&#x200B;&#xFEFF;", "U+200B"), ("North&zwj;wind", "U+200D"),
    ("North&#8206;wind", "U+200E"), ("&ZeroWidthSpace;x", "U+200B"),
])
def test_a_hidden_character_written_as_an_entity(northwind: str, written: str, shown: str) -> None:
    text = replace_once(northwind, "- **Trading name:** Northwind", f"- **Trading name:** {written}")
    [finding] = findings(text, "HO106")
    assert finding.line == line_of(text, "- **Trading name:**")
    assert finding.column == len("- **Trading name:** ") + written.index("&") + 1
    assert shown in finding.message and "entity" in finding.message


def test_an_entity_in_a_code_span_shows_as_written(northwind: str) -> None:
    text = replace_once(northwind, "- **Trading name:** Northwind",
                        "- **Trading name:** Northwind `&#x202E;`")
    assert findings(text, "HO106") == []
