"""What `handoff lint <doc>` (the pre-commit case) loads: nothing the run does not use."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from conftest import NORTHWIND, REPO

HEAVY = ("jsonschema", "holidays", "mkdocs", "selenium", "material", "difflib", "secrets")

PROBE = """
import contextlib, io, sys
from handoff_lint.cli import main
with contextlib.redirect_stdout(io.StringIO()):
    code = main(["lint", sys.argv[1]])
print(code, " ".join(sorted({m.split(".")[0] for m in sys.modules} & set(sys.argv[2:]))))
"""


def loaded(doc: str) -> tuple[str, set[str]]:
    result = subprocess.run([sys.executable, "-c", PROBE, doc, *HEAVY], cwd=REPO,
                            capture_output=True, text=True, check=True)
    code, _, modules = result.stdout.strip().partition(" ")
    return code, set(modules.split())


def test_a_complete_doc_loads_none_of_the_heavy_libraries() -> None:
    code, modules = loaded(str(NORTHWIND))
    assert code == "0"
    assert modules == set()


def test_a_doc_with_errors_loads_jsonschema_for_the_messages(tmp_path: Path) -> None:
    broken = tmp_path / NORTHWIND.name
    broken.write_text((REPO / NORTHWIND).read_text("utf-8").replace("| Med |", "| Medum |", 1),
                      "utf-8")
    code, modules = loaded(str(broken))
    assert code == "1"
    assert "jsonschema" in modules
    assert not modules & {"mkdocs", "selenium", "material"}
