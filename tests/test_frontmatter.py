"""Front matter: split off, loaded safely, every key and value with its line."""

from __future__ import annotations

import pytest
from handoff_lint.frontmatter import parse, split


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
