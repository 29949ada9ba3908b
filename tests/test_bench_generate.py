"""The benchmark corpus is realistic: valid clients pass the linter (with the warnings of records
kept late), each planted defect is caught, and a year of records puts clients in every stage."""

from __future__ import annotations

from collections import Counter
from pathlib import PurePosixPath
from types import ModuleType

import pytest
from conftest import REPO, lint
from handoff_lint.contract.config import Config
from handoff_lint.diagnostics import Severity
from handoff_lint.domain.lifecycle import Stage
from handoff_lint.engine.check import check_text
from handoff_lint.site.clients import view


def test_generated_clients_lint_clean(generate: ModuleType) -> None:
    clients = generate.corpus(40, seed=7, defect_share=0)
    assert len({c.slug for c in clients}) == 40
    for client in clients:
        assert client.defect is None
        found = lint(client.text, PurePosixPath(client.relative))
        assert [d for d in found if d.severity is Severity.ERROR] == [], client.relative


def test_clients_vary(generate: ModuleType) -> None:
    texts = [c.text for c in generate.corpus(20, seed=1, defect_share=0)]
    assert len({text.count("\n") for text in texts}) > 5
    assert len({text.count("| Cohort ") + text.count("\n| ") for text in texts}) > 5


def test_corpus_is_reproducible(generate: ModuleType) -> None:
    assert generate.corpus(5, seed=3) == generate.corpus(5, seed=3)
    assert generate.corpus(5, seed=3) != generate.corpus(5, seed=4)


def test_share_of_defects(generate: ModuleType) -> None:
    clients = generate.corpus(100, defect_share=0.1)
    assert sum(c.defect is not None for c in clients) == 10
    assert all(c.expected_code in {code for code, _ in generate.DEFECTS.values()}
               for c in clients if c.defect)


@pytest.mark.parametrize("defect", ["missing-section", "duplicate-section", "missing-label",
                                    "misspelt-role", "bad-likelihood", "bad-date", "bad-email",
                                    "headcount-in-words", "bad-money"])
def test_each_defect_reports_its_code(generate: ModuleType, defect: str) -> None:
    assert defect in generate.DEFECTS
    for index in range(3):
        client = generate.client(index, seed=11, defect=defect)
        codes = [d.code for d in lint(client.text, PurePosixPath(client.relative))
                 if d.severity.value == "error"]
        assert client.expected_code in codes, (defect, codes)


def test_write_puts_docs_where_the_linter_looks(generate: ModuleType, tmp_path: PurePosixPath) -> None:
    clients = generate.corpus(3)
    paths = generate.write(tmp_path, clients)
    assert [p.relative_to(tmp_path).as_posix() for p in paths] == [c.relative for c in clients]
    assert all(p.read_text("utf-8") == c.text for p, c in zip(paths, clients, strict=True))


def test_a_year_of_records_lints_without_errors_with_clients_in_every_stage(generate: ModuleType) -> None:
    config = Config(root=REPO, today=generate.TODAY)
    stages: Counter[Stage] = Counter()
    warned: Counter[str] = Counter()
    clients = generate.corpus(120, seed=5, defect_share=0)
    for client in clients:
        checked = check_text(client.relative, client.text, PurePosixPath(client.relative), config)
        assert [d for d in checked.diagnostics if d.severity is Severity.ERROR] == [], client.relative
        warned.update(d.code for d in checked.diagnostics)
        stages[view(checked, client.relative, "england-and-wales", generate.TODAY).clock.stage] += 1
    assert set(stages) >= {Stage.AM_TO_BE_ASSIGNED, Stage.HANDOFF_CALL, Stage.ONBOARDING, Stage.DELIVERY,
                           Stage.COMPLETE}
    # Most facts are recorded on time: a few late (HO602, HO603) or forgotten (HO622), never most.
    assert 0 < warned["HO622"] < len(clients) / 2 and 0 < warned["HO602"] < len(clients) / 4
