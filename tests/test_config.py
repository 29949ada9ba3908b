"""Settings from [tool.handoff]: defaults, overrides, and settings that are refused with the line."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import REPO, example_text, lint, without_item
from handoff_lint.codes import ALWAYS_AN_ERROR, ALWAYS_ERRORS, REGISTRY
from handoff_lint.contract.config import Config, ConfigError, from_table, load
from handoff_lint.diagnostics import Severity


def test_settings_come_from_the_nearest_pyproject(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(
        '[tool.handoff]\nclients = "docs/clients"\nregion = "scotland"\n'
        '[tool.handoff.severity]\nHO303 = "error"\nHO305 = "off"\n'
    )
    (tmp_path / "sub").mkdir()
    config = load(tmp_path / "sub")
    assert (config.root, config.clients, config.region) == (tmp_path, "docs/clients", "scotland")
    assert config.severity == {"HO303": Severity.ERROR, "HO305": Severity.OFF}


def test_another_phone_region_is_accepted(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.handoff]\nphone_region = "IE"\n')
    assert load(tmp_path).phone_region == "IE"


def test_no_pyproject_means_defaults(tmp_path: Path) -> None:
    config = load(tmp_path)
    assert (config.clients, config.region) == ("clients", "england-and-wales")


@pytest.mark.parametrize(("table", "complaint"), [
    ('region = "wales"', "region 'wales'"),
    ('colour = "blue"', "unknown setting(s) colour"),
    ('[tool.handoff.severity]\nHO999 = "error"', "unknown rule code 'HO999'"),
    ('[tool.handoff.severity]\nHO303 = "loud"', "'loud' is not one of"),
    ("clients = 3", "clients must be the folder of client docs"),
    ('phone_region = "UK"', "phone_region must be a two-letter country code"),
])
def test_bad_settings_say_what_is_wrong(tmp_path: Path, table: str, complaint: str) -> None:
    (tmp_path / "pyproject.toml").write_text(f"[tool.handoff]\n{table}\n")
    with pytest.raises(ConfigError, match=re.escape(complaint)):
        load(tmp_path)


@pytest.mark.parametrize(("settings", "line"), [
    ('clients = "clients"\n\n[tool.handoff.severity]\nHO303 = "error"\nHO999 = "off"', 9),
    ('clients = "clients"\nregion = "wales"', 6),
    ('colour = "blue"', 5),
    ('severity = "off"', 5),
    ("schema = 42", 5),
    ("max_bytes = true", 5),
])
def test_bad_settings_point_at_their_line(tmp_path: Path, settings: str, line: int) -> None:
    # Another tool's `region` above [tool.handoff] is not the one reported.
    (tmp_path / "pyproject.toml").write_text(f'[tool.other]\nregion = "x"\n\n[tool.handoff]\n{settings}\n')
    where = f"{tmp_path / 'pyproject.toml'}:{line}:1: [tool.handoff]"
    with pytest.raises(ConfigError, match=re.escape(where)):
        load(tmp_path)


@pytest.mark.parametrize("code", sorted(ALWAYS_ERRORS))
@pytest.mark.parametrize("value", ["off", "warning"])
def test_a_code_meaning_the_doc_was_not_checked_cannot_be_turned_down(
    tmp_path: Path, code: str, value: str
) -> None:
    setting = f'severity = {{ HO303 = "off", "{code}" = "{value}" }}'
    (tmp_path / "pyproject.toml").write_text(f'[tool.handoff]\nregion = "scotland"\n{setting}\n')
    with pytest.raises(ConfigError) as refused:
        load(tmp_path)
    message = str(refused.value)
    column = setting.index(f'"{code}"') + 1
    assert message.startswith(f"{tmp_path / 'pyproject.toml'}:3:{column}: ")
    assert f"{code} ({REGISTRY[code].name}) cannot be '{value}'" in message
    assert f"`handoff rules {code}`" in message  # the fix hint


def test_a_code_meaning_the_doc_was_not_checked_may_be_set_to_error(tmp_path: Path) -> None:
    assert from_table(tmp_path, {"severity": {"HO101": "error"}}).severity == {"HO101": Severity.ERROR}


def test_a_finding_about_a_doc_that_was_read_can_still_be_turned_off(tmp_path: Path) -> None:
    # A duplicate front matter key is reported, and the rest of the front matter is still checked.
    assert "HO204" not in ALWAYS_ERRORS
    assert from_table(tmp_path, {"severity": {"HO204": "off"}}).severity == {"HO204": Severity.OFF}


def test_the_rules_reference_says_which_codes_are_always_errors() -> None:
    documented = {code for code, rule in REGISTRY.items() if ALWAYS_AN_ERROR in rule.rationale}
    assert documented == ALWAYS_ERRORS
    assert all(REGISTRY[code].severity is Severity.ERROR for code in ALWAYS_ERRORS)


def test_playbook_codes_are_known_before_the_playbook_is_imported(tmp_path: Path) -> None:
    """A fresh interpreter that reads the settings first (as `handoff rules` or the site may) must
    accept an override of a playbook rule."""
    (tmp_path / "pyproject.toml").write_text('[tool.handoff.severity]\nHO615 = "off"\nHO602 = "error"\n')
    script = (
        "import sys\n"
        "from handoff_lint.contract.config import load\n"
        f"config = load(__import__('pathlib').Path({str(tmp_path)!r}))\n"
        "assert 'handoff_lint.rules.playbook' not in sys.modules, 'the playbook was imported'\n"
        "print(sorted((code, severity.value) for code, severity in config.severity.items()))\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                            check=False, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout == "[('HO602', 'error'), ('HO615', 'off')]\n"


def test_a_config_made_in_code_still_reports_a_doc_that_was_not_checked() -> None:
    config = Config(root=REPO, severity={"HO103": Severity.OFF, "HO304": Severity.OFF})
    found = [d.code for d in lint(b"", config=config)]
    assert found == ["HO103"]
    assert "HO304" not in [d.code for d in lint(without_item(example_text(), "- **Sector:**"), config=config)]


def test_the_handoff_repo_is_found_from_a_path_not_the_working_folder(tmp_path: Path) -> None:
    from handoff_lint.contract.config import find_handoff_pyproject, load

    repo = tmp_path / "repo"
    doc = repo / "clients" / "acme" / "01-handoff" / "handoff-acme-2026-11-04.md"
    doc.parent.mkdir(parents=True)
    doc.write_text("x\n", "utf-8")
    (repo / "pyproject.toml").write_text('[tool.handoff]\nregion = "scotland"\n', "utf-8")
    # A nearer pyproject.toml without the table (a tool of the client's) is passed over.
    (repo / "clients" / "acme" / "pyproject.toml").write_text("[tool.black]\n", "utf-8")
    assert find_handoff_pyproject(doc) == repo / "pyproject.toml"
    assert find_handoff_pyproject(doc.parent) == repo / "pyproject.toml"
    assert find_handoff_pyproject(repo / "clients" / "not-yet-there.md") == repo / "pyproject.toml"
    assert find_handoff_pyproject(tmp_path) is None
    assert load(doc).root == repo and load(doc).region == "scotland"
def test_a_handoff_repo_is_the_nearest_pyproject_with_a_handoff_table(tmp_path: Path) -> None:
    from handoff_lint.contract.config import find_handoff_pyproject

    (tmp_path / "pyproject.toml").write_text("[tool.handoff]\n")
    inner = tmp_path / "tools" / "sub"
    inner.mkdir(parents=True)
    (tmp_path / "tools" / "pyproject.toml").write_text('[project]\nname = "tools"\n')
    assert find_handoff_pyproject(inner) == tmp_path / "pyproject.toml"
    (tmp_path / "pyproject.toml").write_text("[tool.other]\n")
    assert find_handoff_pyproject(inner) is None


@pytest.mark.parametrize("nearer", ["clients", "clients/acme", "clients/acme/01-handoff", "docs/clients/x"])
def test_a_pyproject_among_the_docs_is_never_the_settings(tmp_path: Path, nearer: str) -> None:
    from handoff_lint.contract.config import find_handoff_pyproject

    clients = "docs/clients" if nearer.startswith("docs/") else "clients"
    (tmp_path / "pyproject.toml").write_text(f'[tool.handoff]\nclients = "{clients}"\n')
    folder = tmp_path / nearer
    folder.mkdir(parents=True)
    (folder / "pyproject.toml").write_text(
        '[tool.handoff]\nschema = "/etc/passwd"\n[tool.handoff.severity]\nHO303 = "off"\n')
    doc = folder / "handoff-acme-2026-11-04.md"
    assert find_handoff_pyproject(doc) == tmp_path / "pyproject.toml"
    assert find_handoff_pyproject(folder / "pyproject.toml") == tmp_path / "pyproject.toml"
    config = load(doc)
    assert config.root == tmp_path and config.severity == {} and config.schema is None


def test_a_repo_inside_another_repo_but_outside_its_clients_keeps_its_own_settings(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.handoff]\n')
    inner = tmp_path / "vendor" / "other-repo"
    inner.mkdir(parents=True)
    (inner / "pyproject.toml").write_text('[tool.handoff]\nregion = "scotland"\n')
    assert load(inner).root == inner and load(inner).region == "scotland"


@pytest.mark.parametrize("schema", ["/etc/passwd", "../../proc/self/environ", "../outside.json",
                                    "schema/../../outside.json", "link.json"])
def test_a_schema_outside_the_repo_is_refused(tmp_path: Path, schema: str) -> None:
    repo = tmp_path / "repo"
    repo.mkdir()
    (tmp_path / "outside.json").write_text("{}")
    (repo / "link.json").symlink_to(tmp_path / "outside.json")
    (repo / "pyproject.toml").write_text(f'[tool.handoff]\nschema = "{schema}"\n')
    with pytest.raises(ConfigError, match="outside the repo"):
        load(repo)


def test_lint_of_the_clients_folder_ignores_a_pyproject_there(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.handoff]\n')
    doc = tmp_path / "clients/northwind-logistics/01-handoff/handoff-northwind-logistics-2026-11-04.md"
    doc.parent.mkdir(parents=True)
    doc.write_text(without_item(example_text(), "- **Sector:**"), "utf-8")
    (tmp_path / "clients" / "pyproject.toml").write_text(
        '[tool.handoff]\n[tool.handoff.severity]\nHO304 = "off"\nHO505 = "off"\n')
    for arguments in (["clients"], [str(doc.relative_to(tmp_path)), "clients/pyproject.toml"]):
        result = subprocess.run([sys.executable, "-m", "handoff_lint", "lint", *arguments],
                                cwd=tmp_path, capture_output=True, text=True, check=False)
        assert result.returncode == 1, result.stderr
        assert "HO304" in result.stdout, result.stdout


def test_a_firm_lists_its_own_placeholder_words(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.handoff]\nplaceholder_words = ["to be sourced", "TK"]\n')
    assert load(tmp_path).placeholder_words == ("to be sourced", "TK")


TOO_MANY_WORDS = "[" + ", ".join(['"w"'] * 201) + "]"


@pytest.mark.parametrize("value", ['"TK"', "[1, 2]", '[""]', TOO_MANY_WORDS])
def test_placeholder_words_must_be_a_short_list_of_words(tmp_path: Path, value: str) -> None:
    (tmp_path / "pyproject.toml").write_text(f"[tool.handoff]\nplaceholder_words = {value}\n")
    with pytest.raises(ConfigError, match=r"pyproject.toml:2:1: \[tool.handoff\]: placeholder_words must be"):
        load(tmp_path)
