"""Every refusal is one type, and the command turns any of them into its message and exit 2."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from pathlib import Path

import handoff_lint
import pytest
from handoff_lint.cli import main
from handoff_lint.errors import Refusal

# Exceptions that never reach a command: control flow inside one module, a finding, or a failure
# the caller reports in its own words.
INTERNAL = {"handoff_lint.site.allocate.PathCollision", "handoff_lint.site.safe_markdown.Unprepared"}


def exception_types() -> dict[str, type[BaseException]]:
    found = {}
    for info in pkgutil.walk_packages(handoff_lint.__path__, "handoff_lint."):
        if info.name == "handoff_lint.__main__":
            continue
        module = importlib.import_module(info.name)
        for name, value in vars(module).items():
            if (inspect.isclass(value) and issubclass(value, Exception) and value.__module__ == info.name
                    and not name.startswith("_")):
                found[f"{info.name}.{name}"] = value
    return found


def test_every_public_error_of_the_package_is_a_refusal() -> None:
    types = exception_types()
    assert "handoff_lint.contract.config.ConfigError" in types
    others = sorted(name for name, kind in types.items()
                    if not issubclass(kind, Refusal) and name not in INTERNAL)
    assert others == []


def test_a_refusal_is_its_message_and_exit_2(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                              capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "pyproject.toml").write_text('[tool.handoff]\nschema = "missing.json"\n', "utf-8")
    assert main(["lint", "."]) == 2
    error = capsys.readouterr().err
    assert error.startswith("handoff: ") and "missing.json" in error and "Traceback" not in error
