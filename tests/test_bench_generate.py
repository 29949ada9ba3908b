"""The benchmark corpus is realistic: valid clients pass the linter, each planted defect is caught."""

from __future__ import annotations

from pathlib import PurePosixPath
from types import ModuleType

import pytest
from conftest import lint


def test_generated_clients_lint_clean(generate: ModuleType) -> None:
    clients = generate.corpus(40, seed=7, defect_share=0)
    assert len({c.slug for c in clients}) == 40
    for client in clients:
        assert client.defect is None
        assert lint(client.text, PurePosixPath(client.relative)) == [], client.relative


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
