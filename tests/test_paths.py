from __future__ import annotations

from pathlib import PurePosixPath

from handoff_lint.rules.paths import check_one_doc_per_client, check_path, doc_path, is_doc_path

FRONT = {"slug": "acme", "doc_date": "2026-11-24"}
POSITIONS = {"/front_matter/slug": (3, 7), "/front_matter/doc_date": (4, 11)}


def codes(relative: str, front: dict[str, object] | None = None) -> list[tuple[str, int]]:
    found = check_path(relative, PurePosixPath(relative), FRONT if front is None else front, POSITIONS)
    return [(d.code, d.line) for d in found]


def test_the_convention_passes() -> None:
    assert str(doc_path("clients", "acme", "2026-11-24")) == (
        "clients/acme/01-handoff/handoff-acme-2026-11-24.md")
    assert codes("clients/acme/01-handoff/handoff-acme-2026-11-24.md") == []


def test_misplaced_docs_are_refused() -> None:
    assert codes("clients/acme/handoff-acme-2026-11-24.md") == [("HO501", 1)]
    assert codes("notes/handoff-acme-2026-11-24.md") == [("HO501", 1)]
    assert codes("clients/acme/01-handoff/acme.md") == [("HO501", 1)]


def test_slugs_must_agree() -> None:
    assert codes("clients/acme/01-handoff/handoff-acme-ltd-2026-11-24.md") == [("HO502", 1)]
    assert codes("clients/acme/01-handoff/handoff-acme-2026-11-24.md",
                 {"slug": "acme-ltd", "doc_date": "2026-11-24"}) == [("HO502", 3)]
    assert codes("clients/Acme/01-handoff/handoff-Acme-2026-11-24.md",
                 {"slug": "Acme", "doc_date": "2026-11-24"}) == [("HO502", 1)]


def test_file_date_must_be_real_and_match_doc_date() -> None:
    assert codes("clients/acme/01-handoff/handoff-acme-2026-02-30.md",
                 {"slug": "acme", "doc_date": "2026-02-30"}) == [("HO503", 1)]
    assert codes("clients/acme/01-handoff/handoff-acme-2026-11-23.md") == [("HO503", 4)]


def test_one_doc_per_client() -> None:
    docs = [
        (name, PurePosixPath(name)) for name in (
            "clients/acme/01-handoff/handoff-acme-2026-11-24.md",
            "clients/acme/01-handoff/handoff-acme-2026-11-20.md",
            "clients/beta/01-handoff/handoff-beta-2026-11-24.md",
        )
    ]
    [duplicate] = check_one_doc_per_client(docs)
    assert duplicate.code == "HO504"
    assert duplicate.path == "clients/acme/01-handoff/handoff-acme-2026-11-24.md"
    assert "handoff-acme-2026-11-20.md" in duplicate.message


def test_only_the_doc_path_is_a_doc_path() -> None:
    assert is_doc_path(PurePosixPath("clients/acme/01-handoff/handoff-acme-2026-11-24.md"))
    assert is_doc_path(PurePosixPath("crm/acme/01-handoff/handoff-acme-2026-11-24.md"), "crm")
    for other in ("clients/acme/notes.md", "clients/acme/01-handoff/notes.md", "clients/index.md",
                  "clients/acme/01-handoff/handoff-acme-2026-11-24.html",
                  "clients/acme/01-handoff/old/handoff-acme-2026-11-24.md",
                  "clients/Acme/01-handoff/handoff-Acme-2026-11-24.md",
                  "guide/acme/01-handoff/handoff-acme-2026-11-24.md"):
        assert not is_doc_path(PurePosixPath(other)), other
