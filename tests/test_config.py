from __future__ import annotations

import re
from pathlib import Path

import pytest
from handoff_lint.config import ConfigError, load
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


def test_no_pyproject_means_defaults(tmp_path: Path) -> None:
    config = load(tmp_path)
    assert (config.clients, config.region) == ("clients", "england-and-wales")


@pytest.mark.parametrize(("table", "complaint"), [
    ('region = "wales"', "region 'wales'"),
    ('colour = "blue"', "unknown setting(s) colour"),
    ('[tool.handoff.severity]\nHO999 = "error"', "unknown rule code 'HO999'"),
    ('[tool.handoff.severity]\nHO303 = "loud"', "'loud' is not one of"),
])
def test_bad_settings_say_what_is_wrong(tmp_path: Path, table: str, complaint: str) -> None:
    (tmp_path / "pyproject.toml").write_text(f"[tool.handoff]\n{table}\n")
    with pytest.raises(ConfigError, match=re.escape(complaint)):
        load(tmp_path)
