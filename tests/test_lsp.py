"""`handoff lsp` as an editor meets it: a real subprocess spoken to in LSP's JSON-RPC over stdio
(the client is bench/lspbench.py's, which the benchmark uses too).

Every finding the server publishes is compared with what `handoff lint --format json` says about
the same text saved to disk, every quick fix with what `handoff lint --fix` writes.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import NORTHWIND, example_text, replace_once
from handoff_lint.contract.config import Config
from handoff_lint.editor import live, lsp
from handoff_lint.engine.check import check_bytes
from lspbench import WAIT, Client, Message
from lsprotocol import types as lsp_types

TODAY = "2026-11-20"


@pytest.fixture
def client(tmp_path: Path) -> Iterator[Client]:
    """A server started away from any repo, as an editor starts it: settings come from the doc."""
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    started = Client(elsewhere, {"HANDOFF_TODAY": TODAY})
    initialized = started.start()
    # Full sync (1): the editor sends the whole text on each change.
    assert initialized["capabilities"]["textDocumentSync"]["change"] == 1
    yield started
    started.kill()


def lint_json(repo: Path, relative: str | Path, *options: str) -> list[Message]:
    result = subprocess.run([sys.executable, "-m", "handoff_lint", "lint", "--format", "json", *options,
                             str(relative)], cwd=repo, capture_output=True, text=True, check=False,
                            env={**os.environ, "HANDOFF_TODAY": TODAY}, timeout=WAIT)
    assert result.returncode in (0, 1), result.stderr
    return list(json.loads(result.stdout))


def utf16_column(text: str, line: int, column: int) -> int:
    """The linter's 1-based character column as LSP's 0-based UTF-16 one, counted independently."""
    before = text.split("\n")[line - 1][:column - 1]
    return len(before.encode("utf-16-le")) // 2


def expected(text: str, found: list[Message]) -> list[tuple[object, ...]]:
    severities = {"error": 1, "warning": 2}
    return [(f["code"], severities[f["severity"]], f["message"], f["line"] - 1,
             utf16_column(text, f["line"], f["column"])) for f in found]


def published(diagnostics: list[Message]) -> list[tuple[object, ...]]:
    return sorted(((d["code"], d["severity"], d["message"], d["range"]["start"]["line"],
                    d["range"]["start"]["character"]) for d in diagnostics),
                  key=lambda t: (t[3], t[4], str(t[0]), str(t[2])))


# An emoji before a finding on its line: two UTF-16 units, one character for the linter.
EMOJI_ROW = ("| 1 | 32 | Leeds shift leads, days and nights | 2027-01-11 |",
             "| 1 | 32 | Leeds 🚚 shift leads, days and nights | 11 Jan 2027 |")


def typed(text: str) -> str:
    """The example doc mid-edit: a date in words after an emoji, an empty item, a pasted bullet."""
    text = replace_once(text, *EMOJI_ROW)
    text = replace_once(text, "- **Held on:** 2026-11-09", "- **Held on:** 9 November 2026 😀")
    text = replace_once(text, "- **Nudge channel:** Microsoft Teams", "- **Nudge channel:**")
    return replace_once(text, "    - Translation into Polish.", "    • Translation into 🇵🇱 Polish.")


def write_doc(repo: Path, text: str, newline: str = "\n") -> Path:
    path = repo / NORTHWIND
    path.write_bytes(text.replace("\n", newline).encode("utf-8"))
    return path


def test_findings_while_typing_equal_lint_json(repo: Path, client: Client) -> None:
    (repo / "pyproject.toml").write_text('[tool.handoff]\nclients = "clients"\n\n'
                                         '[tool.handoff.severity]\nHO402 = "warning"\n')
    path = repo / NORTHWIND
    uri = path.as_uri()
    clean = example_text()
    client.open(uri, clean)
    assert client.diagnostics(uri, 1) == []

    text = typed(clean)
    client.change(uri, text, 2)
    shown = client.diagnostics(uri, 2)

    write_doc(repo, text)
    found = lint_json(repo, NORTHWIND)
    assert {f["code"] for f in found} >= {"HO402", "HO301"} or len(found) >= 3
    assert any(f["severity"] == "warning" for f in found)  # the repo's setting, found from the doc
    assert published(shown) == sorted(expected(text, found), key=lambda t: (t[3], t[4], str(t[0]),
                                                                            str(t[2])))
    assert all(d["source"] == "handoff" for d in shown)
    assert client.stop() == 0


def test_columns_count_utf16_units_after_an_emoji(repo: Path, client: Client) -> None:
    uri = (repo / NORTHWIND).as_uri()
    text = replace_once(example_text(), *EMOJI_ROW)
    client.open(uri, text)
    [date] = [d for d in client.diagnostics(uri, 1) if d["code"] == "HO402"]
    line = text.split("\n")[date["range"]["start"]["line"]]
    # Characters 0-49 hold one emoji: UTF-16 counts 51 units up to the date, the linter 50.
    start, end = date["range"]["start"]["character"], date["range"]["end"]["character"]
    assert line.encode("utf-16-le")[2 * start:2 * end].decode("utf-16-le") == "11 Jan 2027"


@pytest.mark.parametrize(("encoding", "units"), [("utf-32", 1), ("utf-8", 4)])
def test_columns_follow_the_position_encoding_the_editor_chose(repo: Path, encoding: str,
                                                               units: int) -> None:
    client = Client(repo, {"HANDOFF_TODAY": TODAY})
    try:
        chosen = client.start({"general": {"positionEncodings": [encoding]}})
        assert chosen["capabilities"]["positionEncoding"] == encoding
        uri = (repo / NORTHWIND).as_uri()
        text = replace_once(example_text(), *EMOJI_ROW)
        client.open(uri, text)
        [date] = [d for d in client.diagnostics(uri, 1) if d["code"] == "HO402"]
        line = text.split("\n")[date["range"]["start"]["line"]]
        before = line[:line.index("11 Jan 2027")]
        # Every character before the date is ASCII but the emoji, which counts `units` units.
        assert date["range"]["start"]["character"] == len(before) - 1 + units
        assert client.stop() == 0
    finally:
        client.kill()


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_quick_fix_is_the_edit_lint_fix_makes(repo: Path, client: Client, newline: str) -> None:
    text = replace_once(example_text(), *EMOJI_ROW).replace("\n", newline)
    uri = (repo / NORTHWIND).as_uri()
    client.open(uri, text)
    [date] = [d for d in client.diagnostics(uri, 1) if d["code"] == "HO402"]

    actions = client.request("textDocument/codeAction", {
        "textDocument": {"uri": uri}, "range": date["range"],
        "context": {"diagnostics": [date], "only": ["quickfix"]}})
    [action] = actions
    assert action["kind"] == "quickfix" and action["diagnostics"][0]["code"] == "HO402"
    [edit] = action["edit"]["changes"][uri]

    path = write_doc(repo, text.replace(newline, "\n"), newline)
    subprocess.run([sys.executable, "-m", "handoff_lint", "lint", "--fix", str(NORTHWIND)], cwd=repo,
                   capture_output=True, check=False, env={**os.environ, "HANDOFF_TODAY": TODAY},
                   timeout=WAIT)
    assert apply_edit(text, edit) == path.read_bytes().decode("utf-8")
    assert apply_edit(text, edit) != text


def apply_edit(text: str, edit: Message) -> str:
    """An LSP TextEdit applied as an editor does: lines split at \\r\\n, \\r or \\n, UTF-16 columns."""
    parts = re.split(r"(\r\n|\r|\n)", text)
    lines = [content + ending for content, ending in zip(parts[::2], [*parts[1::2], ""], strict=True)]

    def offset(position: Message) -> int:
        start = sum(len(line) for line in lines[:position["line"]])
        units = lines[position["line"]].encode("utf-16-le")[:2 * position["character"]]
        return start + len(units.decode("utf-16-le"))

    start, end = offset(edit["range"]["start"]), offset(edit["range"]["end"])
    return text[:start] + edit["newText"] + text[end:]


def test_fix_all_is_what_lint_fix_writes(repo: Path, client: Client) -> None:
    text = typed(example_text())
    uri = (repo / NORTHWIND).as_uri()
    client.open(uri, text)
    client.diagnostics(uri, 1)
    actions = client.request("textDocument/codeAction", {
        "textDocument": {"uri": uri}, "range": {"start": {"line": 0, "character": 0},
                                                "end": {"line": 0, "character": 0}},
        "context": {"diagnostics": [], "only": ["source.fixAll"]}})
    [action] = actions
    [edit] = action["edit"]["changes"][uri]
    path = write_doc(repo, text)
    subprocess.run([sys.executable, "-m", "handoff_lint", "lint", "--fix", str(NORTHWIND)], cwd=repo,
                   capture_output=True, check=False, env={**os.environ, "HANDOFF_TODAY": TODAY},
                   timeout=WAIT)
    assert apply_edit(text, edit) == path.read_text("utf-8") != text


def test_hover_explains_the_rule_as_handoff_rules_does(repo: Path, client: Client) -> None:
    text = replace_once(example_text(), *EMOJI_ROW)
    uri = (repo / NORTHWIND).as_uri()
    client.open(uri, text)
    [date] = [d for d in client.diagnostics(uri, 1) if d["code"] == "HO402"]
    hover = client.request("textDocument/hover", {"textDocument": {"uri": uri},
                                                  "position": date["range"]["start"]})
    rules = subprocess.run([sys.executable, "-m", "handoff_lint", "rules", "HO402"], cwd=repo,
                           capture_output=True, text=True, check=True, timeout=WAIT).stdout
    assert hover["contents"]["kind"] == "plaintext"
    assert rules.strip() in hover["contents"]["value"]
    assert date["message"] in hover["contents"]["value"]
    assert "Write it as 2027-01-11" in hover["contents"]["value"]  # the finding's own fix hint
    nothing = client.request("textDocument/hover", {"textDocument": {"uri": uri},
                                                    "position": {"line": 0, "character": 0}})
    assert nothing is None


def test_publishes_for_the_latest_version_only(repo: Path, client: Client) -> None:
    uri = (repo / NORTHWIND).as_uri()
    clean = example_text()
    client.open(uri, clean)
    assert client.diagnostics(uri, 1) == []
    # A burst of keystrokes, each version with findings of its own; the last adds a date in words.
    texts = {version: clean.replace("- **Held on:** 2026-11-09", "- **Held on:** " + "x" * version)
             for version in range(2, 6)}
    texts[6] = typed(clean)
    for version, text in texts.items():
        client.change(uri, text, version)
    publications = []
    while not publications or publications[-1]["version"] != 6:
        message = client.next_message()
        if message.get("method") == "textDocument/publishDiagnostics":
            publications.append(message["params"])
    # Whatever a busy machine made of the pauses: never an older version after a newer one, and
    # never a version's tag on another version's findings.
    versions = [p["version"] for p in publications]
    assert versions == sorted(versions)
    config = live.settings(repo / NORTHWIND, dt.date.fromisoformat(TODAY))
    for publication in publications:
        text = texts[publication["version"]]
        checked = live.check(repo / NORTHWIND, text, config).diagnostics
        assert [(d["code"], d["message"]) for d in publication["diagnostics"]] == [
            (d.code, d.message) for d in checked]
    assert {d["code"] for d in publications[-1]["diagnostics"]} >= {"HO402", "HO311"}


def test_a_50_mb_change_is_refused_as_lint_refuses_the_file(repo: Path, client: Client) -> None:
    uri = (repo / NORTHWIND).as_uri()
    client.open(uri, example_text())
    client.diagnostics(uri, 1)
    huge = "a" * (50 * 1024 * 1024)
    client.change(uri, huge, 2)
    [refused] = client.diagnostics(uri, 2)
    write_doc(repo, huge)
    assert published([refused]) == expected(huge, lint_json(repo, NORTHWIND))
    assert refused["code"] == "HO104"
    client.change(uri, example_text(), 3)  # and the server reads on
    assert client.diagnostics(uri, 3) == []


def test_a_doc_outside_any_repo_is_checked_with_the_defaults(tmp_path: Path, client: Client) -> None:
    folder = tmp_path / "notes"
    folder.mkdir()
    path = folder / "handoff-draft.md"
    text = typed(example_text())
    client.open(path.as_uri(), text)
    shown = client.diagnostics(path.as_uri(), 1)
    path.write_text(text, "utf-8")
    assert published(shown) == sorted(expected(text, lint_json(folder, path.name)),
                                      key=lambda t: (t[3], t[4], str(t[0]), str(t[2])))


def test_an_untitled_buffer_is_checked_without_path_rules(client: Client) -> None:
    text = typed(example_text())
    client.open("untitled:Untitled-1", text)
    shown = client.diagnostics("untitled:Untitled-1", 1)
    found = check_bytes("x", text.encode("utf-8"), None,
                        Config(today=dt.date.fromisoformat(TODAY))).diagnostics
    assert {d["code"] for d in shown} == {d.code for d in found}
    assert not [d for d in shown if str(d["code"]).startswith("HO5")]


# The server as `handoff lsp` starts it, with a print to stdout in every check, as a careless
# library might do.
PRINTING_SERVER = """
from handoff_lint.editor import live, lsp
checking = live.check
def check(*arguments, **options):
    print("stray output")
    return checking(*arguments, **options)
live.check = check
lsp.main()
"""


def test_nothing_but_the_protocol_reaches_stdout(repo: Path) -> None:
    client = Client(repo, {"HANDOFF_TODAY": TODAY}, [sys.executable, "-c", PRINTING_SERVER])
    try:
        client.start()
        uri = (repo / NORTHWIND).as_uri()
        client.open(uri, example_text())
        assert client.diagnostics(uri, 1) == []  # the reader fails on any byte that is not LSP
        assert client.stop() == 0
        assert b"stray output" in b"".join(client.errors)
    finally:
        client.kill()


def test_without_pygls_it_says_how_to_install_it(tmp_path: Path) -> None:
    blocked = ("import sys; sys.modules['pygls'] = None; from handoff_lint.cli import main; "
               "sys.exit(main(['lsp']))")
    result = subprocess.run([sys.executable, "-c", blocked], cwd=tmp_path, capture_output=True, text=True,
                            check=False, timeout=WAIT)
    assert result.returncode == 2
    assert 'pip install "handoff-docs[lsp]"' in result.stderr
    assert result.stdout == ""



def test_settings_that_cannot_be_read_are_one_finding_at_the_top(repo: Path) -> None:
    (repo / "pyproject.toml").write_text('[tool.handoff]\nclients = "clients"\nregion = "mars"\n')
    uri = (repo / NORTHWIND).as_uri()
    result = lsp.check(uri, example_text(), 1, live.utf16_units)
    [(_, shown)] = result.findings
    assert shown.range.start == lsp_types.Position(0, 0)
    assert "region 'mars'" in shown.message and "not checked" in shown.message
    assert lsp.code_actions(uri, result, shown.range, None) == []


def test_a_message_over_the_limit_is_dropped_and_its_doc_refused(repo: Path) -> None:
    limited = [sys.executable, "-c",
               "from handoff_lint.editor import lsp; lsp.main(max_message_bytes=2_000_000)"]
    client = Client(repo, {"HANDOFF_TODAY": TODAY}, limited)
    try:
        client.start()
        uri = (repo / NORTHWIND).as_uri()
        client.open(uri, replace_once(example_text(), *EMOJI_ROW))
        assert client.diagnostics(uri, 1)
        client.change(uri, "a" * 3_000_000, 2)
        [refused] = client.diagnostics(uri, 2)
        assert refused["code"] == "HO104" and "at most 1,048,576 bytes" in refused["message"]
        # The server's copy is the older text: nothing may be fixed from it.
        assert client.request("textDocument/codeAction", {
            "textDocument": {"uri": uri}, "range": refused["range"],
            "context": {"diagnostics": [], "only": ["quickfix", "source.fixAll"]}}) == []
        client.change(uri, example_text(), 3)
        assert client.diagnostics(uri, 3) == []
        assert client.stop() == 0
    finally:
        client.kill()
