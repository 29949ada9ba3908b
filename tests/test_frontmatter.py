from __future__ import annotations

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


def test_unclosed_front_matter_stops_there() -> None:
    front = parse("doc.md", "---\nclient: Acme\n## Section A\n")
    assert [(d.code, d.line) for d in front.diagnostics] == [("HO202", 1)]
    assert front.data is None


def test_invalid_yaml_points_at_the_broken_line() -> None:
    front = parse("doc.md", "---\nclient: Acme\nslug: [acme\nae: Priya\n---\n")
    assert [d.code for d in front.diagnostics] == ["HO203"]
    assert front.diagnostics[0].line in (3, 4)
    assert front.data is None


def test_a_list_instead_of_keys_is_invalid() -> None:
    front = parse("doc.md", "---\n- client\n- slug\n---\n")
    assert [(d.code, d.line) for d in front.diagnostics] == [("HO203", 2)]


def test_duplicate_keys_name_both_lines() -> None:
    front = parse("doc.md", "---\nhandoff_call: 2026-11-20\nae: P\nhandoff_call: 2026-11-23\n---\n")
    [duplicate] = front.diagnostics
    assert (duplicate.code, duplicate.line) == ("HO204", 4)
    assert "lines 2 and 4" in duplicate.message
    assert front.data == {"handoff_call": "2026-11-20", "ae": "P"}


def test_aliases_are_refused_without_expanding_them() -> None:
    bomb = ["---", "a: &a [x, x, x, x, x, x, x, x, x, x]"]
    bomb += [f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, "
             f"*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}]"
             for i in range(12)]
    front = parse("doc.md", "\n".join([*bomb, "---", ""]))
    assert [d.code for d in front.diagnostics] == ["HO205"]
    assert front.data is None


def test_python_tags_are_refused() -> None:
    front = parse("doc.md", "---\nclient: !!python/object/apply:os.system ['ls']\n---\n")
    assert [(d.code, d.line) for d in front.diagnostics] == [("HO206", 2)]


def test_empty_front_matter_is_an_empty_mapping() -> None:
    front = parse("doc.md", "---\n---\n# Body\n")
    assert front.data == {}
    assert front.diagnostics == []
