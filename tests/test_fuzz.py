"""Property-based fuzzing (quick profile): whatever a hand edit does to a valid doc, the linter answers.

The inputs are the example docs with hypothesis-chosen mutations (lines deleted, duplicated,
swapped, the text truncated, random Unicode, bytes or Markdown/YAML tokens inserted). The property:
the linter never raises (so `handoff lint` never exits 2) and every finding points inside the
file. The long profile (100,000 inputs) is `python bench/fuzz.py`, built on the same functions.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import PurePosixPath
from types import ModuleType

import pytest
from conftest import REPO
from handoff_lint.cli import main
from handoff_lint.contract.config import Config
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st


def _load_fuzz() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bench_fuzz", REPO / "bench" / "fuzz.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


fuzz = _load_fuzz()
SEEDS: list[tuple[PurePosixPath, bytes]] = fuzz.seeds()
CONFIG = Config(root=REPO)

QUICK = settings(max_examples=200, deadline=None, derandomize=True, database=None,
                 suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

fraction = st.floats(min_value=0, max_value=1, exclude_max=True, allow_nan=False)
payloads = {
    "text": st.text(min_size=1, max_size=8).map(lambda t: t.encode("utf-8", "surrogatepass")),
    "bytes": st.binary(min_size=1, max_size=8),
    "token": st.tuples(st.sampled_from(fuzz.TOKENS), st.sampled_from((1, 2, 50))).map(
        lambda pair: pair[0].encode("utf-8") * pair[1]),
    "hostile": st.tuples(st.sampled_from(fuzz.HOSTILE), st.sampled_from((1, 3, 500))).map(
        lambda pair: pair[0].encode("utf-8") * pair[1]),
    "shape": st.randoms(use_true_random=False).map(fuzz.shape),
}
mutation = st.sampled_from(fuzz.KINDS).flatmap(
    lambda kind: st.tuples(st.just(kind), fraction, fraction, payloads.get(kind, st.just(b""))))
mutated_doc = st.tuples(st.sampled_from(SEEDS), st.lists(mutation, min_size=1, max_size=6)).map(
    lambda drawn: (drawn[0][0], fuzz.apply(drawn[0][1], drawn[1])))


def test_the_seeds_are_the_valid_examples() -> None:
    assert len(SEEDS) >= 3
    for relative, data in SEEDS:
        assert fuzz.violations(data, relative, CONFIG) == []
        assert fuzz.examine(data, relative, CONFIG)[0] == []


def test_mutations_do_what_they_say() -> None:
    data = b"a\nb\nc"
    assert fuzz.apply(data, [("delete", 0.5, 0, b"")]) == b"a\nc"
    assert fuzz.apply(data, [("duplicate", 0, 0, b"")]) == b"a\na\nb\nc"
    assert fuzz.apply(data, [("swap", 0, 0.9, b"")]) == b"c\nb\na"
    assert fuzz.apply(data, [("truncate", 0.5, 0, b"")]) == b"a\nb"
    assert fuzz.apply(data, [("bytes", 0, 0, b"\xff")]) == b"\xffa\nb\nc"
    assert fuzz.line_count(b"a\r\nb\rc") == 3


def test_the_property_catches_a_line_outside_the_file(monkeypatch: pytest.MonkeyPatch) -> None:
    from handoff_lint.diagnostics import Diagnostic, Severity
    from handoff_lint.engine.check import Checked

    def off_the_end(path: str, data: bytes, *args: object) -> Checked:
        return Checked(path, diagnostics=[Diagnostic(path, 99, 1, "HO301", Severity.ERROR, "m", "h")])

    monkeypatch.setattr(fuzz, "check_bytes", off_the_end)
    assert fuzz.violations(b"one line", PurePosixPath("doc.md"), CONFIG) == [
        "line outside the file (1 lines): HO301 at 99:1 (m)"]


@QUICK
@given(mutated_doc)
def test_the_linter_answers_any_mutated_doc(doc: tuple[PurePosixPath, bytes]) -> None:
    relative, data = doc
    assert fuzz.violations(data, relative, CONFIG) == []


@settings(QUICK, max_examples=100)
@given(mutated_doc)
def test_fixes_never_make_a_doc_lose_a_line_of_text(doc: tuple[PurePosixPath, bytes]) -> None:
    """--fix --unsafe-fixes on any mutated doc: no line lost or emptied, a line no fix touched
    unchanged, and nothing left for a second run (bench/fuzz.py --fixes, the long profile)."""
    relative, data = doc
    assert fuzz.fix_violations(data, relative, CONFIG) == []


def test_the_fix_property_catches_a_lost_line(monkeypatch: pytest.MonkeyPatch) -> None:
    from handoff_lint.engine.fixes import Applied

    monkeypatch.setattr(fuzz, "fix_text", lambda *args, **kwargs: Applied("one line", []))
    assert fuzz.fix_violations(b"two\nlines", PurePosixPath("doc.md"), CONFIG) == [
        "--fix lost lines: 2 before, 1 after", "--fix emptied a line that had text",
        "--fix changed a line no fix touched"]


# Each example gets its own repo and its own chdir (monkeypatch.context) and reads capsys dry, so
# sharing the function-scoped fixtures between examples is safe.
@settings(QUICK, max_examples=25, suppress_health_check=[
    HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.function_scoped_fixture])
@given(doc=mutated_doc)
def test_handoff_lint_never_exits_2(
    doc: tuple[PurePosixPath, bytes], tmp_path_factory: pytest.TempPathFactory,
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
) -> None:
    relative, data = doc
    repo = tmp_path_factory.mktemp("repo")
    (repo / "pyproject.toml").write_text('[tool.handoff]\nclients = "clients"\n', "utf-8")
    (repo / relative).parent.mkdir(parents=True)
    (repo / relative).write_bytes(data)
    with monkeypatch.context() as patch:
        patch.chdir(repo)
        assert main(["lint"]) in (0, 1)
    assert "HO900" not in capsys.readouterr().out


def test_the_hostile_generators_make_what_they_say() -> None:
    import random
    import unicodedata

    categories = {unicodedata.category(c) for token in fuzz.HOSTILE for c in token}
    assert {"Cf", "Cc", "Zs", "Lo", "So"} <= categories  # hidden, control, blank-looking, fillers
    assert any(len(token) > 4_000 and token.isdigit() for token in fuzz.HOSTILE)
    assert {"0001-01-01", "9999-12-31"} <= set(fuzz.HOSTILE)
    shapes = [fuzz.shape(random.Random(seed)).decode("utf-8") for seed in range(2_000)]
    assert any("`" * 1_000 in s for s in shapes) and any("[" * 1_000 in s for s in shapes)
    assert any("<a" * 1_000 in s for s in shapes)
    assert any("    " * 100 + "- a" in s for s in shapes) and any(">" * 100 in s for s in shapes)
