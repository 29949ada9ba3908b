"""The repo's GitHub automation: the CI workflow is valid and calls only what this repo provides, and
the pull request template and CODEOWNERS say what the playbook says."""

from __future__ import annotations

import shlex
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import REPO
from handoff_lint.cli import parser
from handoff_lint.engine.reporters import REPORTERS
from packaging.requirements import Requirement

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

WORKFLOW = REPO / ".github/workflows/handoff.yml"
PYPROJECT = tomllib.loads((REPO / "pyproject.toml").read_text("utf-8"))


def workflow() -> dict[Any, Any]:
    data: dict[Any, Any] = yaml.safe_load(WORKFLOW.read_text("utf-8"))
    return data


def steps() -> list[dict[str, Any]]:
    return [step for job in workflow()["jobs"].values() for step in job["steps"]]


def check_workflow(path: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "check_jsonschema", "--builtin-schema", "vendor.github-workflows", str(path)],
        capture_output=True, text=True, check=False, timeout=120,
    )


def test_the_workflow_is_valid_against_the_github_workflow_schema() -> None:
    result = check_workflow(WORKFLOW)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_schema_check_can_fail(tmp_path: Path) -> None:
    broken = workflow()
    job = next(iter(broken["jobs"].values()))
    del job["runs-on"]
    job["steps"][0]["uses"] = 42
    (tmp_path / "broken.yml").write_text(yaml.safe_dump(broken), "utf-8")
    assert check_workflow(tmp_path / "broken.yml").returncode != 0


def test_it_runs_on_every_pull_request_and_on_main() -> None:
    # PyYAML reads the bare key `on` as True (YAML 1.1); GitHub reads it as "on".
    triggers = workflow().get("on", workflow().get(True))
    assert "pull_request" in triggers
    assert triggers["pull_request"] in (None, {})  # every pull request, whatever its branch
    assert triggers["push"]["branches"] == ["main"]


def test_it_rebuilds_and_publishes_the_site_every_morning() -> None:
    triggers = workflow().get("on", workflow().get(True))
    [schedule] = triggers["schedule"]
    _minute, hour, day, month, weekday = schedule["cron"].split()
    assert (day, month, weekday) == ("*", "*", "*") and int(hour) < 7  # daily, before the working day
    publish = next(step for step in steps() if step.get("name") == "Publish the site")
    assert "'schedule'" in publish["if"] and "refs/heads/main" in publish["if"]


def test_the_reminders_are_sent_every_morning_from_main_with_secrets() -> None:
    send = next(step for step in steps() if step.get("name") == "Send the morning reminders")
    assert "'schedule'" in send["if"] and "refs/heads/main" in send["if"]
    assert send["run"].startswith("handoff digest --smtp ")
    assert all(value.startswith("${{ secrets.") for value in send["env"].values())


def handoff_arguments(command: list[str]) -> None:
    """The real parser accepts the arguments (argparse exits on anything it does not know)."""
    arguments = parser().parse_args(command[1:])
    assert arguments.command in ("lint", "rules", "new", "email", "changed", "digest")


def check_command(command: list[str]) -> None:
    program = command[0]
    if program == "handoff":
        handoff_arguments(command)
    elif program == "mkdocs":
        assert command[1:] == ["build", "--strict"], command
        assert (REPO / "mkdocs.yml").is_file()
    elif program in ("pip", "python"):
        install = command[command.index("install") + 1:]
        for target in install:
            if target.startswith("-"):
                continue
            path, _, extras = target.partition("[")
            assert (REPO / path / "pyproject.toml").is_file(), target
            for extra in filter(None, extras.rstrip("]").split(",")):
                assert extra in PYPROJECT["project"]["optional-dependencies"], extra
    elif program == "bash":
        assert (REPO / command[1]).is_file(), command
    else:
        raise AssertionError(f"the workflow calls {program!r}, which this repo does not provide")


def test_each_step_calls_only_commands_this_repo_has() -> None:
    commands = [shlex.split(line) for step in steps() if "run" in step
                for line in step["run"].splitlines() if line.strip()]
    assert commands
    for command in commands:
        check_command(command)
    assert ["handoff", "lint", "--format", "github"] in commands
    assert "github" in REPORTERS
    assert ["mkdocs", "build", "--strict"] in commands


def test_an_unknown_command_would_be_caught() -> None:
    with pytest.raises(AssertionError):
        check_command(["make", "site"])
    with pytest.raises(SystemExit):
        check_command(["handoff", "lint", "--format", "junit"])
    with pytest.raises(AssertionError):
        check_command(["pip", "install", "-e", ".[docs]"])


def test_the_site_is_built_even_when_the_lint_fails_and_published_from_main() -> None:
    by_run = {step.get("run"): step for step in steps()}
    assert "cancelled()" in by_run["mkdocs build --strict"]["if"]
    upload = next(step for step in steps() if step.get("uses", "").startswith("actions/upload-artifact@"))
    assert upload["if"] == ("${{ (github.event_name == 'push' || github.event_name == 'schedule') "
                            "&& github.ref == 'refs/heads/main' }}")
    site = yaml.safe_load((REPO / "mkdocs.yml").read_text("utf-8"))
    assert upload["with"]["path"].rstrip("/") == site.get("site_dir", "site")


def test_the_checkout_brings_the_history_the_site_dates_docs_from() -> None:
    # The site shows each doc's last change from one `git log` over the clients folder; the default
    # checkout is a single commit, which would date every doc to the commit being built.
    first, *_ = steps()
    assert first["uses"].startswith("actions/checkout@")
    assert first.get("with", {}).get("fetch-depth") == 0
    adapter = REPO / "linter/handoff_lint/site/mkdocs_adapter/events.py"
    assert "history.read_last_changes" in adapter.read_text("utf-8")


def installed_requirements() -> list[str]:
    """What the workflow's install step brings: the package's own and its extras' requirements."""
    project = PYPROJECT["project"]
    installs = [shlex.split(step["run"]) for step in steps() if "pip install" in step.get("run", "")]
    assert len(installs) == 1, installs
    targets = [t for t in installs[0][installs[0].index("install") + 1:] if not t.startswith("-")]
    assert targets and all(t.partition("[")[0] == "." for t in targets), targets  # this repo
    requirements = list(project["dependencies"])
    for target in targets:
        for extra in filter(None, target.partition("[")[2].rstrip("]").split(",")):
            requirements += project["optional-dependencies"][extra]
    return requirements


def test_the_install_brings_every_tool_the_later_steps_run() -> None:
    names = {Requirement(requirement).name for requirement in installed_requirements()}
    site = yaml.safe_load((REPO / "mkdocs.yml").read_text("utf-8"))
    assert "mkdocs" in names  # `mkdocs build --strict`
    assert f"mkdocs-{site['theme']['name']}" in names  # the theme mkdocs.yml names
    assert "jsonschema" in names and "markdown-it-py" in names  # `handoff lint`
    assert PYPROJECT["project"]["scripts"]["handoff"] == "handoff_lint.cli:main"


def test_actions_are_pinned_to_a_release() -> None:
    used = [step["uses"] for step in steps() if "uses" in step]
    assert used and all("@v" in action for action in used)


def test_the_pull_request_template_is_the_handoff_trigger() -> None:
    template = (REPO / ".github/pull_request_template.md").read_text("utf-8")
    boxes = [line for line in template.splitlines() if line.startswith("- [ ] ")]
    expected = ("SoW signed by both parties", "40% deposit invoice issued", "Closed Won in the CRM",
                "within 2 working days", "within 5 working days", "`handoff lint`", "Section F",
                "Section G")
    for phrase in expected:
        assert any(phrase in box for box in boxes), phrase


def codeowners(path: str, text: str | None = None) -> list[str]:
    """The owners GitHub asks to review a change to path: the last CODEOWNERS line that matches it
    (gitignore-style patterns, as GitHub reads them)."""
    import pathspec

    owners: list[str] = []
    lines = (text if text is not None else (REPO / ".github/CODEOWNERS").read_text("utf-8")).splitlines()
    for line in lines:
        if line.strip() and not line.lstrip().startswith("#"):
            pattern, *teams = line.split()
            if pathspec.GitIgnoreSpec.from_lines([pattern]).match_file(path):
                owners = teams
    return owners


ENGINEERING = ["@example-org/engineering"]


def test_codeowners_gives_docs_to_delivery_and_everything_else_to_engineering() -> None:
    tracked = subprocess.run(["git", "ls-files"], cwd=REPO, capture_output=True, text=True, check=True)
    top_level = {path.split("/")[0] for path in tracked.stdout.splitlines()}
    assert {"clients", "linter", "hooks", "overrides", "mkdocs.yml", "pyproject.toml", ".github"} <= top_level
    # Files that do not exist yet are owned too: a new setup.py runs on `pip install -e .`.
    for name in sorted(top_level | {"setup.py", "setup.cfg", "Makefile", "conftest.py", "guide/new.md",
                                    "overrides/partials/footer.html", ".github/workflows/new.yml",
                                    "a/clients/x.md", "clientsx/a.md"}):
        expected = ["@example-org/delivery-leads"] if name == "clients" else ENGINEERING
        probe = f"{name}/x.md" if name == "clients" or (REPO / name).is_dir() else name
        assert codeowners(probe) == expected, name
    assert codeowners("clients/acme/01-handoff/handoff-acme-2026-11-24.md") == ["@example-org/delivery-leads"]


def test_the_codeowners_check_can_fail() -> None:
    # Without the catch-all (as before), setup.py and mkdocs.yml had no owner at all.
    assert codeowners("setup.py", "/clients/ @example-org/delivery-leads\n/linter/ @x/ops\n") == []
    # The catch-all last would take clients/ from Delivery: the last match wins.
    reversed_order = "/clients/ @example-org/delivery-leads\n* @example-org/engineering\n"
    assert codeowners("clients/a.md", reversed_order) == ENGINEERING
