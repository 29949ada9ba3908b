"""The bad-input catalogue (guide/bad-input.md), one test per row, through the real `handoff lint`.

Each row is a file an AE could commit. The linter must answer with one finding (file, line and a
fix), exit 1, and spend bounded time and memory on it: never a traceback, never a hang.
"""

from __future__ import annotations

import json
import os
import resource
import shutil
import subprocess
import sys
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import NORTHWIND, REPO, build_site, copy_site_project, example_text, line_of, site_markdown
from handoff_lint.cli import main
from handoff_lint.reading.frontmatter import MAX_DEPTH, MAX_VALUES
from handoff_lint.reading.source import MAX_LINE_LENGTH, MAX_LINES

Finding = dict[str, object]
MiB = 1024 * 1024


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty handoff repo as the working folder; tests put one doc in it."""
    (tmp_path / "pyproject.toml").write_text('[tool.handoff]\nclients = "clients"\n', "utf-8")
    (tmp_path / NORTHWIND).parent.mkdir(parents=True)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def put(repo: Path, content: str | bytes, relative: str | Path = NORTHWIND) -> Path:
    path = repo / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    return path


def lint(capsys: pytest.CaptureFixture[str], *paths: str | Path) -> tuple[int, list[Finding]]:
    code = main(["lint", "--format", "json", *map(str, paths)])
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err
    return code, json.loads(captured.out)


def only(code: int, found: list[Finding], rule: str, line: int, path: str | Path = NORTHWIND) -> Finding:
    """The run failed with exactly one finding, `rule` at `line` of `path`, with a fix."""
    assert code == 1, found
    assert [(d["code"], d["path"], d["line"]) for d in found] == [(rule, str(path), line)], found
    assert isinstance(found[0]["hint"], str) and found[0]["hint"]
    return found[0]


def peak_memory(run: Callable[[], object]) -> int:
    """The most memory Python allocated at once while run() ran, in bytes."""
    tracemalloc.start()
    try:
        run()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def with_body(extra: str, before: str = "- **Sector:**") -> str:
    """The valid example with extra text inserted before the first line starting with `before`."""
    text = example_text()
    index = text.index("\n" + before) + 1
    return text[:index] + extra + text[index:]


# Encoding -------------------------------------------------------------------------------------


def test_bytes_that_are_not_utf8(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # A line pasted from an old e-mail into an otherwise UTF-8 doc.
    text = with_body("- **Notes:** café\n")
    put(repo, text.encode().replace("café".encode(), "café".encode("cp1252")))
    finding = only(*lint(capsys), "HO102", line_of(text, "café"))
    assert finding["column"] == len("- **Notes:** caf") + 1
    assert "0xe9" in str(finding["message"])


def test_utf16_with_bom(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    put(repo, example_text().encode("utf-16"))
    assert "UTF-16" in str(only(*lint(capsys), "HO102", 1)["message"])


def test_nul_bytes(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = example_text().replace("Priya Shah", "Priya\x00Shah")
    put(repo, text)
    finding = only(*lint(capsys), "HO105", line_of(text, "Priya"))
    assert finding["column"] == len("ae: Priya") + 1


def test_a_binary_file(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # The first bytes of a .docx (a zip archive) renamed to .md.
    put(repo, b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00\xdf\xa4\xd2lZ\x01\x00\x00")
    assert "binary" in str(only(*lint(capsys), "HO105", 1)["message"])


def test_other_control_characters(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = with_body("- **Notes:** colour \x1b[31mred\x1b[0m\n")
    put(repo, text)
    finding = only(*lint(capsys), "HO105", line_of(text, "colour"))
    assert finding["column"] == len("- **Notes:** colour ") + 1
    assert "U+001B" in str(finding["message"])


def test_an_empty_file(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    put(repo, b"")
    only(*lint(capsys), "HO103", 1)


# Front matter ---------------------------------------------------------------------------------


def test_front_matter_only(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = example_text()
    front = text[:text.index("\n# Handoff")] + "\n"
    put(repo, front)
    # One finding, not seven: the body is missing, not each section.
    closing = front.split("\n").index("---", 1) + 1
    finding = only(*lint(capsys), "HO301", closing)
    assert "no sections" in str(finding["message"])
    assert "Section A" in str(finding["hint"])


def test_no_front_matter(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = example_text()
    put(repo, text[text.index("# Handoff"):])
    only(*lint(capsys), "HO201", 1)


def test_front_matter_never_closed(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    put(repo, example_text().replace("handoff_call: 2026-11-09\n---\n", "handoff_call: 2026-11-09\n", 1))
    only(*lint(capsys), "HO202", 1)


def test_a_line_separator_in_the_front_matter(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # YAML reads U+2028 as a new line, which would shift every line number after it.
    text = example_text().replace("ae: Priya Shah", "ae: Priya\u2028Shah")
    put(repo, text)
    finding = only(*lint(capsys), "HO203", line_of(text, "ae: Priya"))
    assert finding["column"] == len("ae: Priya") + 1
    assert "U+2028" in str(finding["message"])


def test_yaml_anchor_and_alias(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = example_text().replace("am_assigned: 2026-11-04\nhandoff_call: 2026-11-09",
                                  "am_assigned: &day 2026-11-04\nhandoff_call: *day")
    put(repo, text)
    only(*lint(capsys), "HO205", line_of(text, "&day"))


def test_an_alias_bomb_is_refused_before_expansion(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # "Billion laughs": expanded, the last key would hold 9**9 (387 million) strings.
    lines = ["---", 'a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for level in "bcdefghij":
        previous = chr(ord(level) - 1)
        lines.append(f"{level}: &{level} [" + ", ".join([f"*{previous}"] * 9) + "]")
    body = example_text().split("\n---\n", 1)[1]
    put(repo, "\n".join([*lines, "---", body]))
    result: list[tuple[int, list[Finding]]] = []
    peak = peak_memory(lambda: result.append(lint(capsys)))
    finding = only(*result[0], "HO205", 2)
    assert "&a" in str(finding["message"])
    assert peak < 16 * MiB


def test_an_alias_is_reported_where_it_is_used(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = example_text().replace("handoff_call: 2026-11-09", "handoff_call: *undefined")
    put(repo, text)
    only(*lint(capsys), "HO205", line_of(text, "*undefined"))


def test_yaml_tag_python_object(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = example_text().replace("ae: Priya Shah", "ae: !!python/object:os.system echo pwned")
    put(repo, text)
    finding = only(*lint(capsys), "HO206", line_of(text, "!!python"))
    assert "python/object" in str(finding["message"])


def test_duplicate_yaml_keys_name_both_lines(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = example_text().replace("handoff_call: 2026-11-09",
                                  "handoff_call: 2026-11-09\nhandoff_call: 2026-11-10")
    put(repo, text)
    first = line_of(text, "handoff_call")
    finding = only(*lint(capsys), "HO204", first + 1)
    assert f"on lines {first} and {first + 1}" in str(finding["message"])


# Size and shape -------------------------------------------------------------------------------


def test_a_single_1mb_line(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # Just under the 1 MiB file limit, so it is the line that is refused.
    text = with_body("- **Notes:** " + "x" * 1_000_000 + "\n")
    put(repo, text)
    result: list[tuple[int, list[Finding]]] = []
    peak = peak_memory(lambda: result.append(lint(capsys)))
    finding = only(*result[0], "HO104", line_of(text, "xxxx"))
    assert finding["column"] == MAX_LINE_LENGTH + 1
    assert peak < 24 * MiB  # a few copies of the 1 MB doc, not a parse tree of it


def test_a_file_over_the_size_limit(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    put(repo, example_text() + ("- padding line\n" * 80_000))
    finding = only(*lint(capsys), "HO104", 1)
    assert "bytes" in str(finding["message"])


def test_a_10mb_file_is_refused_without_being_read(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    put(repo, example_text() + ("- padding line\n" * 700_000))
    result: list[tuple[int, list[Finding]]] = []
    peak = peak_memory(lambda: result.append(lint(capsys)))
    assert "10,5" in str(only(*result[0], "HO104", 1)["message"])
    assert peak < 4 * MiB  # the size is known from the file system; the content is never loaded


def test_lists_nested_1000_deep(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    nested = "".join("  " * depth + "- deeper\n" for depth in range(1000))
    text = with_body("- **Notes:**\n" + nested, before="## Section B")
    put(repo, text)
    result: list[tuple[int, list[Finding]]] = []
    peak = peak_memory(lambda: result.append(lint(capsys)))
    code, found = result[0]
    # The parser stops at its nesting limit; what it could not read is not reported as missing.
    assert code == 1
    assert [d["code"] for d in found if d["severity"] == "error"] == ["HO310"]
    notes = line_of(text, "- **Notes:**")
    assert found[-1]["code"] == "HO310" and notes < int(str(found[-1]["line"])) < notes + 30
    assert peak < 32 * MiB


def test_yaml_nested_1000_deep(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # 100,000 deep would overflow the C stack PyYAML composes on; the depth is refused before that.
    nested = "".join(" " * depth + "-\n" for depth in range(1, 1000))
    text = example_text().replace("ae: Priya Shah", "ae:\n" + nested)
    put(repo, text)
    finding = only(*lint(capsys), "HO310", line_of(text, "ae:") + MAX_DEPTH)
    assert "front matter" in str(finding["message"])


def test_yaml_flow_nesting_beyond_the_c_stack(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = example_text().replace("ae: Priya Shah", "ae: " + "[\n" * 100_000 + "]" * 100_000)
    put(repo, text)
    only(*lint(capsys), "HO104", MAX_LINES + 1)  # too many lines: refused before YAML sees it
    text = example_text().replace("ae: Priya Shah", "ae: " + "[" * 4_000 + "]" * 4_000)
    put(repo, text)
    only(*lint(capsys), "HO107", line_of(text, "ae:"))  # far too much markup: refused unread
    text = example_text().replace("ae: Priya Shah", "ae: " + "[" * 150 + "]" * 150)
    put(repo, text)
    only(*lint(capsys), "HO310", line_of(text, "ae:"))


def test_front_matter_with_bulk_values(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rows = "".join("  - [" + ", ".join(["1"] * 2_000) + "]\n" for _ in range(100))
    text = example_text().replace("ae: Priya Shah", "ae: Priya Shah\nrows:\n" + rows)
    put(repo, text)
    # Refused while counting, before a million-node tree is built.
    finding = only(*lint(capsys), "HO104", line_of(text, "rows:") + 1)
    assert f"{MAX_VALUES:,} values" in str(finding["message"])


def test_a_10000_row_table(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rows = "".join(f"| Risk {number} | Low | Watch it |\n" for number in range(10_000))
    text = with_body(rows, before="| Exec sponsor is new in role")
    put(repo, text)
    assert len(text.encode()) < MiB  # under the byte limit: the line count is what refuses it
    result: list[tuple[int, list[Finding]]] = []
    peak = peak_memory(lambda: result.append(lint(capsys)))
    finding = only(*result[0], "HO104", MAX_LINES + 1)
    assert "lines" in str(finding["message"])
    assert peak < 16 * MiB


def test_a_section_given_twice(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = example_text() + "\n## Section F — Risks flagged in sales cycle\n\nAnother risk.\n"
    put(repo, text)
    second = text.count("\n") - 2
    finding = only(*lint(capsys), "HO302", second)
    assert f"first on line {line_of(text, '## Section F')}" in str(finding["message"])


# The file system ------------------------------------------------------------------------------


def test_a_symlink_outside_the_repo(repo: Path, tmp_path_factory: pytest.TempPathFactory,
                                    capsys: pytest.CaptureFixture[str]) -> None:
    outside = tmp_path_factory.mktemp("elsewhere") / "secret.md"
    outside.write_text(example_text(), "utf-8")
    (repo / NORTHWIND).symlink_to(outside)
    finding = only(*lint(capsys), "HO101", 1)
    assert "outside the repo" in str(finding["message"])


def test_a_doc_in_a_linked_folder_outside_the_repo(repo: Path, tmp_path_factory: pytest.TempPathFactory,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    outside = tmp_path_factory.mktemp("elsewhere")
    put(outside, example_text())
    (repo / "clients/acme").symlink_to(outside / "clients/northwind-logistics")
    # Named directly, the folder's docs are refused; walking clients/, the link itself is.
    only(*lint(capsys, "clients/acme"), "HO101", 1, "clients/acme/01-handoff/" + NORTHWIND.name)
    only(*lint(capsys), "HO101", 1, "clients/acme")


def test_a_symlink_inside_the_repo_is_checked_as_a_doc_and_reported(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    put(repo, example_text(), "drafts/northwind.md")
    (repo / NORTHWIND).symlink_to(repo / "drafts/northwind.md")
    # The doc it leads to is complete; the link itself is the one finding (the site skips links).
    assert "link" in str(only(*lint(capsys, "clients"), "HO506", 1)["message"])
    only(*lint(capsys, NORTHWIND), "HO506", 1)


def test_files_in_clients_that_are_not_docs(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    put(repo, example_text())
    strays = ["clients/northwind-logistics/01-handoff/page.html", "clients/northwind-logistics/logo.svg",
              "clients/app.js", "clients/northwind-logistics/01-handoff/photo.png",
              "clients/northwind-logistics/01-handoff/handoff.md.txt"]
    for stray in strays:
        put(repo, "<script>window.__pwned = 1</script>", stray)
    put(repo, "ignored by the site and by git tools alike", "clients/northwind-logistics/.gitkeep")
    code, found = lint(capsys)
    assert code == 1
    assert sorted((d["code"], d["path"], d["line"]) for d in found) == sorted(
        ("HO505", stray, 1) for stray in strays), found
    assert all(d["hint"] for d in found)
    only(*lint(capsys, strays[0]), "HO505", 1, strays[0])  # named on its own, as pre-commit does


def test_links_in_clients_to_what_is_not_a_doc(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    put(repo, example_text())
    (repo / "clients/northwind-logistics/env.txt").symlink_to("/proc/self/environ")
    (repo / "clients/etc").symlink_to("/etc", target_is_directory=True)
    (repo / "clients/passwd.md").symlink_to("/etc/passwd")
    put(repo, "notes", "drafts/notes.txt")
    (repo / "clients/notes.txt").symlink_to(repo / "drafts/notes.txt")
    (repo / "clients/drafts").symlink_to(repo / "drafts", target_is_directory=True)
    (repo / "clients/.cache").symlink_to("/proc", target_is_directory=True)
    code, found = lint(capsys)
    assert code == 1
    assert sorted((d["code"], d["path"]) for d in found) == [
        ("HO101", "clients/.cache"), ("HO101", "clients/etc"),
        ("HO101", "clients/northwind-logistics/env.txt"), ("HO101", "clients/passwd.md"),
        ("HO506", "clients/drafts"), ("HO506", "clients/notes.txt"),
    ], found


def test_a_doc_outside_clients(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    put(repo, example_text(), "docs/" + NORTHWIND.name)
    finding = only(*lint(capsys, "docs"), "HO501", 1, "docs/" + NORTHWIND.name)
    assert "clients/<slug>/01-handoff/" in str(finding["hint"])


def test_a_folder_named_like_a_doc(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (repo / NORTHWIND).mkdir()
    assert "folder" in str(only(*lint(capsys), "HO101", 1)["message"])
    assert "folder" in str(only(*lint(capsys, NORTHWIND), "HO101", 1)["message"])


def run_cli(*arguments: str, cwd: Path, prefix: tuple[str, ...] = ()) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*prefix, sys.executable, "-m", "handoff_lint", *arguments], cwd=cwd, capture_output=True,
        text=True, timeout=60, env={**os.environ, "PYTHONPATH": str(REPO / "linter")},
    )


def test_an_unreadable_file(repo: Path) -> None:
    doc = put(repo, example_text())
    doc.chmod(0)
    # root reads any file; drop its capabilities (as CI runs as root) so permissions apply.
    prefix: tuple[str, ...] = ()
    if os.geteuid() == 0:
        setpriv = shutil.which("setpriv")
        if setpriv is None:
            pytest.skip("running as root without setpriv: file permissions cannot be enforced")
        prefix = (setpriv, "--inh-caps=-all", "--bounding-set=-all")
        if subprocess.run([*prefix, "true"], capture_output=True, check=False).returncode != 0:
            pytest.skip("setpriv cannot drop capabilities here: file permissions cannot be enforced")
    result = run_cli("lint", cwd=repo, prefix=prefix)
    assert result.returncode == 1
    assert result.stdout.startswith(f"{NORTHWIND}:1:1: HO101 cannot read the file: Permission denied\n"
                                    "    fix: Check the file's permissions")
    assert "Traceback" not in result.stderr


def test_a_named_pipe_does_not_hang(repo: Path) -> None:
    os.mkfifo(repo / NORTHWIND)
    result = run_cli("lint", cwd=repo)  # opening a pipe for reading would wait for a writer
    assert result.returncode == 1
    assert result.stdout.startswith(f"{NORTHWIND}:1:1: HO101 this is not a regular file\n")


def test_a_broken_symlink(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (repo / NORTHWIND).symlink_to(repo / "clients/nowhere.md")
    assert "link" in str(only(*lint(capsys), "HO101", 1)["message"])


def test_a_symlink_to_itself(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (repo / NORTHWIND).symlink_to(repo / NORTHWIND)
    assert "symbolic links" in str(only(*lint(capsys), "HO101", 1)["message"])


# Read without complaint -----------------------------------------------------------------------


@pytest.mark.parametrize("encode", [
    pytest.param(lambda text: text.replace("\n", "\r\n").encode(), id="crlf"),
    pytest.param(lambda text: b"\xef\xbb\xbf" + text.encode(), id="utf8-bom"),
])
def test_windows_line_endings_and_utf8_bom_keep_line_numbers(
    repo: Path, capsys: pytest.CaptureFixture[str], encode: Callable[[str], bytes]
) -> None:
    text = example_text().replace("- **Sector:** Transport and logistics\n", "- **Sector:**\n")
    put(repo, encode(text))
    finding = only(*lint(capsys), "HO408", line_of(text, "**Sector:**"))
    assert "Sector" in str(finding["message"])


def test_limits_leave_room_for_a_real_doc() -> None:
    text = example_text()
    assert text.count("\n") * 20 < MAX_LINES
    assert max(map(len, text.split("\n"))) * 20 < MAX_LINE_LENGTH


# The catalogue page and these tests stay in step ---------------------------------------------

CATALOGUE = REPO / "guide" / "bad-input.md"
# Row (start of its first cell) -> the test that shows it, as file::function.
ROW_TESTS = {
    "Bytes that are not UTF-8": "test_bad_input.py::test_bytes_that_are_not_utf8",
    "UTF-16 text": "test_bad_input.py::test_utf16_with_bom",
    "NUL bytes": "test_bad_input.py::test_nul_bytes",
    "A binary file": "test_bad_input.py::test_a_binary_file",
    "Other control characters": "test_bad_input.py::test_other_control_characters",
    "An empty file": "test_bad_input.py::test_an_empty_file",
    "Front matter only": "test_bad_input.py::test_front_matter_only",
    "No front matter": "test_bad_input.py::test_no_front_matter",
    "Front matter never closed": "test_bad_input.py::test_front_matter_never_closed",
    "An invisible line separator": "test_bad_input.py::test_a_line_separator_in_the_front_matter",
    "YAML anchors and aliases": "test_bad_input.py::test_an_alias_bomb_is_refused_before_expansion",
    "YAML tags": "test_bad_input.py::test_yaml_tag_python_object",
    "A front matter key given twice": "test_bad_input.py::test_duplicate_yaml_keys_name_both_lines",
    "YAML nested": "test_bad_input.py::test_yaml_nested_1000_deep",
    "Front matter with more than": "test_bad_input.py::test_front_matter_with_bulk_values",
    "A single 1 MB line": "test_bad_input.py::test_a_single_1mb_line",
    "A file over 1 MiB": "test_bad_input.py::test_a_file_over_the_size_limit",
    "A 10,000-row table": "test_bad_input.py::test_a_10000_row_table",
    "Lists nested 1,000 deep": "test_bad_input.py::test_lists_nested_1000_deep",
    "A section given twice": "test_bad_input.py::test_a_section_given_twice",
    "A link to a file outside the repo": "test_bad_input.py::test_a_doc_in_a_linked_folder_outside_the_repo",
    "A broken link": "test_bad_input.py::test_a_broken_symlink",
    "A doc outside": "test_bad_input.py::test_a_doc_outside_clients",
    "A folder named like a doc": "test_bad_input.py::test_a_folder_named_like_a_doc",
    "An unreadable file": "test_bad_input.py::test_an_unreadable_file",
    "A named pipe": "test_bad_input.py::test_a_named_pipe_does_not_hang",
    "Any other file in `clients/`": "test_bad_input.py::test_files_in_clients_that_are_not_docs",
    "A link in `clients/` to a file or folder outside": (
        "test_bad_input.py::test_links_in_clients_to_what_is_not_a_doc"),
    "A link in `clients/` to a doc or folder inside": (
        "test_bad_input.py::test_a_symlink_inside_the_repo_is_checked_as_a_doc_and_reported"),
    "Raw HTML": "test_site_safety.py::test_active_content_in_a_doc_fails_the_linter",
    "A `javascript:` or `data:` link": "test_site_safety.py::test_active_content_in_a_doc_fails_the_linter",
    "A guide page (`guide/*.md`)": "test_site_guide.py::test_handoff_lint_checks_the_guide_with_the_docs",
    "A bug in the linter": "test_runner.py::test_a_crash_is_one_finding_for_that_file_and_exit_2",
    "A YAML escape": "test_bad_input.py::test_a_yaml_escape_spelling_a_control_character",
    "Characters nobody sees": "test_bad_input.py::test_hidden_and_look_alike_characters",
    "A person's name holding": "test_bad_input.py::test_a_name_holding_address_punctuation",
    "A date outside": "test_bad_input.py::test_a_date_outside_the_plausible_years",
    "A number beyond": "test_bad_input.py::test_numbers_beyond_sane_sizes",
    "Markup too heavy": "test_bad_input.py::test_markup_too_heavy_to_render",
    "A table too large to render": "test_bad_input.py::test_a_table_too_large_to_render",
    "A folder name that is not UTF-8": "test_bad_input.py::test_a_folder_name_that_is_not_utf8",
    "A repo's docs named from another folder": "test_bad_input.py::test_a_repo_linted_from_another_folder",
}
# The settings table: row -> test.
SETTINGS_ROW_TESTS = {
    "`[tool] handoff = 5`": "test_settings_that_are_not_a_table",
    "A `schema`": "test_a_schema_that_cannot_be_used",
    "A `schema` outside the repo": "test_a_schema_outside_the_repo",
    "A `pyproject.toml` in the clients folder": "test_a_pyproject_in_the_clients_folder",
    "`handoff new": "test_a_slug_that_is_not_one",
    "Twelve `handoff new` runs": (
        "test_no_data_loss.py::test_many_handoff_new_runs_with_different_dates_write_one_doc"),
    "A clients folder": "test_a_clients_folder_that_is_a_loop_of_links",
}


def catalogue_rows() -> list[tuple[str, str]]:
    """(input, code) for each row of the catalogue's first table."""
    text = CATALOGUE.read_text("utf-8")
    table = text[text.index("| Input |"):].split("\n\n", 1)[0].split("\n")[2:]
    return [(cells[1].strip(), cells[2].split()[0]) for cells in (row.split("|") for row in table)]


def test_every_catalogue_row_has_a_test_and_a_registered_code() -> None:
    from handoff_lint.codes import REGISTRY

    rows = catalogue_rows()
    assert len(rows) == len(ROW_TESTS)
    for row, code in rows:
        keys = [key for key in ROW_TESTS if row.startswith(key)]
        assert keys, f"no test for the row {row!r}"
        module, function = ROW_TESTS[keys[0]].split("::")
        assert f"\ndef {function}(" in (REPO / "tests" / module).read_text("utf-8"), ROW_TESTS[keys[0]]
        assert code in REGISTRY, row


# The catalogue's second table: what the site does with what a doc or a file tries against it.
SITE_ROW_TESTS = {
    "Attribute lists": "test_site_hostile.py::test_a_doc_sets_no_id_class_title_or_data_attribute",
    "Markup that slips through": "test_site_hostile.py::test_the_policy_stops_markup_that_slipped_through",
    "Files in `clients/`": "test_site_hostile.py::test_only_handoff_docs_are_published",
    "Links in `clients/`": "test_site_hostile.py::test_nothing_outside_the_repo_reaches_the_site",
    "Image URLs that only look local": "test_site_hostile.py::test_images_that_only_look_local_load_nothing",
    "Lines right after the title": "test_site_parity.py::test_nothing_in_the_doc_continues_the_card",
    "A file name or a link target": "test_site_buildlog.py::test_a_real_build_logs_no_control_character",
    "A doc with errors built with": "test_site_build.py::test_strict_means_strict_whatever_the_log_level",
    "One value with no space in it": "test_site_width.py::test_no_page_is_wider_than_the_window",
    "A formula after a separator": "test_site_exports.py::"
                                   "test_no_importer_finds_a_formula_in_an_export_and_the_csv_module_reads_the_values_back",
    "Names whose pages would share a path": "test_site_pages.py::"
                                            "test_page_2_of_priya_shahs_list_and_priya_shah_2s_page_are_two_pages",
    "A folder committed to the repo named like a module":
        "test_site_untrusted_repo.py::test_a_committed_package_named_like_a_module_never_runs",
    "A committed link named `site`":
        "test_site_untrusted_repo.py::test_an_output_folder_that_is_or_passes_through_a_link_is_refused",
    "A build cache entry another branch's build left":
        "test_cache.py::test_an_entry_that_would_run_code_is_never_run_and_is_rewritten",
    "A guide page's front matter and Markdown": (
        "test_site_hostile.py::test_a_guide_page_s_front_matter_and_body_run_nothing"),
    "Script in a built page that is not the theme's": (
        "test_site_hostile.py::test_script_that_is_not_the_theme_s_fails_the_build_strict_or_not"),
    "A guide page whose file name is not plain": (
        "test_site_steps.py::test_a_guide_page_not_named_in_plain_words_is_not_published"),
    "A name that heads a generated page": (
        "test_site_pages.py::test_every_generated_page_carries_its_title_as_html_text"),
}


def test_every_site_row_has_a_test() -> None:
    text = CATALOGUE.read_text("utf-8")
    table = text[text.index("| Attack |"):].split("\n\n", 1)[0].split("\n")[2:]
    rows = [row.split("|")[1].strip() for row in table]
    assert len(rows) == len(SITE_ROW_TESTS)
    for row in rows:
        keys = [key for key in SITE_ROW_TESTS if row.startswith(key)]
        assert keys, f"no test for the row {row!r}"
        module, function = SITE_ROW_TESTS[keys[0]].split("::")
        assert f"\ndef {function}(" in (REPO / "tests" / module).read_text("utf-8"), SITE_ROW_TESTS[keys[0]]
# Hostile docs: forged metadata, disguised values, unbounded shapes ----------------------------


def test_a_yaml_escape_spelling_a_control_character(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for escape in ("\\nBcc: all@example.com", "\\e[2J", "\\u202e", "\\x9b", "\\u200b"):
        text = example_text().replace("account_manager: Hannah Lee", f'account_manager: "Hannah{escape} Lee"')
        put(repo, text)
        code, found = lint(capsys)
        line = line_of(text, "account_manager:")
        assert code == 1 and ("HO106", line) in [(d["code"], d["line"]) for d in found], found
        # "Bcc: all@example.com" is also a name holding an address (HO405), on the same line.
        assert {(d["code"], d["line"]) for d in found} <= {("HO106", line), ("HO405", line)}, found
    # A file name with a line break cannot forge a line of the output either.
    os.remove(repo / NORTHWIND)
    put(repo, example_text(), "clients/northwind-logistics/01-handoff/x\nclients/y.md:1:1: HO000 fine.md")
    assert main(["lint"]) == 1
    out = capsys.readouterr().out
    assert not [line for line in out.splitlines() if line.startswith("clients/y.md")]


@pytest.mark.parametrize(("value", "code"), [
    ("T\u200bBD", "HO106"), ("ＴＢＤ", "HO616"), ("ТВD", "HO616"), ("&lt;client name&gt;", "HO616"),
    ("\u200b", "HO106"), ("\u00a0", "HO408"), ("\u2800", "HO408"), ("\u3164", "HO106"),
    # Written as entities or split by markup: read as the page shows them.
    ("&nbsp;", "HO408"), ("&#x2800;", "HO408"), ("&#x3164;", "HO408"), ("&#32;", "HO408"), ("` `", "HO408"),
    ("**&#8203;**", "HO106"), ("T*B*D", "HO616"), ("TO*DO*", "HO616"), ("`TBD`", "HO616"), ("ᴛʙᴅ", "HO616"),
    ("‹client name›", "HO616"), ("Marcus &#x202E;lleB", "HO106"),
])
def test_hidden_and_look_alike_characters(value: str, code: str, repo: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    text = example_text().replace("- **Trading name:** Northwind", f"- **Trading name:** {value}")
    put(repo, text)
    code_found, found = lint(capsys)
    assert code_found == 1
    assert (code, line_of(text, "- **Trading name:**")) in [(d["code"], d["line"]) for d in found], found


@pytest.mark.parametrize("name", ["mallory@evil.example, Aisha Rahman", "Aisha <mallory@evil.example> Rahman",
                                  "Aisha; Bcc: mallory@evil.example"])
def test_a_name_holding_address_punctuation(name: str, repo: Path,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    text = example_text().replace("| Aisha Rahman |", f"| {name} |")
    put(repo, text)
    only(*lint(capsys), "HO405", line_of(text, f"| {name} |"))
    assert main(["email", str(repo / NORTHWIND)]) == 1
    assert "mallory" not in capsys.readouterr().out


def test_a_date_outside_the_plausible_years(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = example_text().replace("sow_signed: 2026-11-02", "sow_signed: 0001-01-01")
    text = text.replace("handoff_call: 2026-11-09", "handoff_call: 9999-12-31")
    put(repo, text)
    started = time.process_time()  # CPU time of the work: other work on the machine does not count
    code, found = lint(capsys)
    assert time.process_time() - started < 10  # was 3.6 million working days counted one by one
    assert code == 1
    assert [(d["code"], d["line"]) for d in found] == [
        ("HO402", line_of(text, "sow_signed:")), ("HO402", line_of(text, "handoff_call:"))]


def test_numbers_beyond_sane_sizes(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for old, new, code in (
        ("- **Headcount (in scope):** 64", "- **Headcount (in scope):** " + "9" * 4_301, "HO406"),
        ("- **Total fee:** £48,000", "- **Total fee:** £" + "9" * 27, "HO407"),
        ("| Deposit on signature | 40% |", "| Deposit on signature | 40." + "0" * 29 + "1% |", "HO405"),
    ):
        text = example_text().replace(old, new)
        put(repo, text)
        code_found, found = lint(capsys)
        assert code_found == 1
        assert (code, line_of(text, new)) in [(d["code"], d["line"]) for d in found], found
        assert all(len(str(d["message"])) < 300 for d in found)


@pytest.mark.parametrize("shape", [
    "x " + "[" * 9_990, "`" * 1_200 + "a" + "`" * 1_199, "\n".join("<a" * 4_999 for _ in range(100)),
    "\n\n".join("*a" * 999 for _ in range(450)),
    # '[' followed by a long paragraph: 199 of them each read to its end (18 s to build, 906 KB).
    "\n".join(["[a]("] * 199 + ["(" * 9_000] * 100), "\n".join(["["] * 150 + ["a b " * 2_250] * 100),
    "\n".join(["![a]("] * 20 + ["a" * 9_000] * 100),
])
def test_markup_too_heavy_to_render(shape: str, repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = example_text() + "\n" + shape + "\n"
    put(repo, text)
    started = time.process_time()
    code, found = lint(capsys)
    assert time.process_time() - started < 10  # CPU seconds: these docs took minutes to render
    assert code == 1 and [d["code"] for d in found] == ["HO107"]


def test_a_table_too_large_to_render(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Wide tables, tables of bare rows (each gets all its header's columns), and many tables at
    once, wherever they sit: refused, in little CPU time, before any renderer reads them."""
    wide = "|" + "a|" * 4_990 + "\n"
    shapes = {
        "4,990 columns in the handoff call record": example_text() + wide + "|" + "-|" * 4_990 + "\n"
        + wide * 96,
        "a header of 99 columns over bare rows": example_text() + "\n" + "|" + "a|" * 99 + "\n|"
        + "-|" * 99 + "\n" + "row\n" * 4_000,
        "tables in list items and quotes": example_text() + "\n" + "".join(
            f"- item\n\n    |{'a|' * 60}\n    |{'-|' * 60}\n\n> |{'a|' * 60}\n> |{'-|' * 60}\n\n"
            for _ in range(200)),
        "a table in every section": "\n## ".join(
            part + "\n\n|" + "a|" * 90 + "\n|" + "-|" * 90 + "\n" + ("|" + "a|" * 90 + "\n") * 40
            for part in example_text().split("\n## ")),
    }
    for shape, text in shapes.items():
        put(repo, text)
        started = time.process_time()
        code, found = lint(capsys)
        assert time.process_time() - started < 2 * max(1, len(text.encode()) / MiB), shape
        assert code == 1 and [d["code"] for d in found] == ["HO107"], (shape, found)
        assert "Remove the pasted table" in str(found[0]["hint"])


def test_a_table_too_large_to_render_fails_the_real_build(tmp_path: Path) -> None:
    """The 1 MB table of 4,990 columns under "Handoff call record" (37 s to build before it was
    refused): the build finishes quickly and fails strict with the finding."""
    config = copy_site_project(tmp_path / "repo")
    doc = config.parent / NORTHWIND
    row = "|" + "a|" * 4_990 + "\n"
    doc.write_text(example_text() + row + "|" + "-|" * 4_990 + "\n" + row * 96, "utf-8")
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    result = build_site(config, tmp_path / "site")
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert f"{NORTHWIND}:" in result.stderr and "HO107" in result.stderr, result.stderr
    # The whole site's build, with a generous margin over its usual 10 to 20 s of CPU time.
    assert after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime < 90


def test_every_hostile_shape_is_refused_or_rendered_within_budget() -> None:
    """Each shape the site build benchmark tries (bench/hostile_build.py: tables of every form,
    quotes, headings, fences, lists, runs of markup), at the size and line limits: the linter
    spends at most 2 CPU seconds per MiB on it, and a doc it does not refuse outright (an error
    that keeps the text from the renderer) renders in Python-Markdown, configured as the site is,
    within the build's budget of 10 s per MiB."""
    from handoff_lint.codes import ALWAYS_ERRORS
    from handoff_lint.contract.config import Config
    from handoff_lint.engine.check import check_bytes
    from hostile_build import SHAPES

    example = example_text()
    for name, shape in SHAPES.items():
        text = shape(example)
        mib = max(1, len(text.encode()) / MiB)
        started = time.process_time()
        checked = check_bytes(str(NORTHWIND), text.encode(), None, Config(root=REPO))
        assert time.process_time() - started < 2 * mib, name
        if any(d.code in ALWAYS_ERRORS for d in checked.diagnostics):
            continue
        renderer = site_markdown()
        started = time.process_time()
        renderer.convert(text)
        assert time.process_time() - started < 8 * mib, name


def test_a_folder_name_that_is_not_utf8(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = os.fsencode(repo / "clients") + b"/caf\xe9/01-handoff"
    os.makedirs(folder)
    with open(folder + b"/handoff-cafe-2026-11-04.md", "wb") as doc:
        doc.write(example_text().encode("utf-8"))
    for format_name in ("sarif", "text", "github"):
        assert main(["lint", "--format", format_name]) == 1
        captured = capsys.readouterr()
        captured.out.encode("utf-8")
        assert "Traceback" not in captured.err and "caf" in captured.out
    code, found = lint(capsys)
    assert code == 1 and any(str(d["code"]).startswith("HO5") for d in found)


def test_a_repo_linted_from_another_folder(repo: Path, tmp_path_factory: pytest.TempPathFactory,
                                           capsys: pytest.CaptureFixture[str],
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    wrong = repo / "clients/northwind-logistics/01-handoff/handoff-northwind-logistics-2026-11-05.md"
    put(repo, example_text(), wrong.relative_to(repo))
    monkeypatch.chdir(tmp_path_factory.mktemp("elsewhere"))
    code, found = lint(capsys, repo / "clients")
    assert code == 1
    assert [d["code"] for d in found] == ["HO503"]  # the file name's date is checked from outside too


# Settings and command arguments: a usage error (exit 2) that says what to fix, never a traceback --


def usage_error(repo: Path, *arguments: str) -> str:
    result = run_cli(*arguments, cwd=repo)
    assert result.returncode == 2, result.stdout + result.stderr
    assert "Traceback" not in result.stderr and "internal error" not in result.stderr
    return result.stderr


def test_settings_that_are_not_a_table(repo: Path) -> None:
    for settings in ("[tool]\nhandoff = 5\n", "tool = 5\n"):
        (repo / "pyproject.toml").write_text(settings, "utf-8")
        assert "must be a table" in usage_error(repo, "lint")


def test_a_schema_that_cannot_be_used(repo: Path) -> None:
    (repo / "README").write_text("not json\n", "utf-8")
    (repo / "bad.json").write_text('{"type": 5}', "utf-8")
    os.mkfifo(repo / "pipe.json")
    for schema, says in (("README", "is not JSON"), ("bad.json", "not a valid JSON Schema"),
                         ("pipe.json", "not a regular file"), ("/dev/zero", "is outside the repo"),
                         ("missing.json", "not a regular file")):
        (repo / "pyproject.toml").write_text(f'[tool.handoff]\nschema = "{schema}"\n', "utf-8")
        put(repo, example_text())
        assert says in usage_error(repo, "lint")


def test_a_schema_outside_the_repo(repo: Path) -> None:
    for schema in ("/etc/passwd", "../../proc/self/environ"):
        (repo / "pyproject.toml").write_text(f'[tool.handoff]\nschema = "{schema}"\n', "utf-8")
        put(repo, example_text())
        assert "is outside the repo" in usage_error(repo, "lint")


def test_a_pyproject_in_the_clients_folder(repo: Path) -> None:
    put(repo, example_text().replace("- **Sector:** Transport and logistics", "- **Sector:**"))
    put(repo, '[tool.handoff]\nschema = "/etc/passwd"\n[tool.handoff.severity]\nHO408 = "off"\n',
        "clients/pyproject.toml")
    for arguments in (("lint", "clients"), ("lint", str(NORTHWIND), "clients/pyproject.toml")):
        result = run_cli(*arguments, cwd=repo)
        assert result.returncode == 1, result.stderr
        assert "HO408" in result.stdout and "HO505" in result.stdout, result.stdout


def test_a_slug_that_is_not_one(repo: Path) -> None:
    for slug in ("acme\n", "a" * 300, "Acme", "acme/../x"):
        assert "is not a valid slug" in usage_error(repo, "new", slug, "--client", "Acme Ltd")
    assert not list((repo / "clients").glob("a*"))


def test_a_clients_folder_that_is_a_loop_of_links(repo: Path) -> None:
    shutil.rmtree(repo / "clients")
    (repo / "clients").symlink_to(repo / "clients")
    assert "loop" in usage_error(repo, "new", "acme", "--client", "Acme Ltd").casefold()
    (repo / "clients").unlink()
    (repo / "clients").mkdir()
    (repo / "clients" / "acme").symlink_to(repo / "clients" / "acme")
    assert "loop" in usage_error(repo, "new", "acme", "--client", "Acme Ltd").casefold()


def test_every_settings_row_has_a_test() -> None:
    text = CATALOGUE.read_text("utf-8")
    table = text[text.index("| Input | What `handoff` says |"):].split("\n\n", 1)[0].split("\n")[2:]
    rows = [row.split("|")[1].strip() for row in table]
    assert len(rows) == len(SETTINGS_ROW_TESTS)
    source = Path(__file__).read_text("utf-8")
    for row in rows:
        keys = [key for key in SETTINGS_ROW_TESTS if row.startswith(key)]
        assert keys, f"no test for the row {row!r}"
        module, _, function = SETTINGS_ROW_TESTS[keys[0]].rpartition("::")
        tests = (Path(__file__).parent / module).read_text("utf-8") if module else source
        assert f"\ndef {function}(" in tests
