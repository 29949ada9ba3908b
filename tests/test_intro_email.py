"""The playbook's client intro e-mail: filled from the doc, never written with a blank, and each
missing piece pointed at where it belongs in the doc."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import NORTHWIND, check_doc
from handoff_lint.cli import main
from handoff_lint.domain.intro_email import compose, missing, missing_pieces


def test_the_playbook_email_is_filled_from_the_doc(northwind: str) -> None:
    instance = check_doc(northwind).instance
    assert missing_pieces(instance) == []
    email = compose(instance)
    assert email.subject == "Introducing Hannah Lee, your Account Manager"
    assert email.to_address == "aisha.rahman@northwind-logistics.example"
    assert email.body.startswith("Hi Aisha,\n\nNow we're signed, I want to hand you over to Hannah Lee")
    assert "Hannah will be in touch within 24 hours" in email.body
    assert email.body.rstrip().endswith("Priya Shah")


def test_missing_pieces_are_named(northwind: str) -> None:
    text = northwind.replace("account_manager: Hannah Lee\n", "").replace(
        "| HR sponsor (primary contact) |", "| Champion |")
    assert missing_pieces(check_doc(text).instance) == [
        "front matter 'account_manager'",
        "Section B — People: an 'HR sponsor (primary contact)' row",
    ]


def test_each_missing_piece_says_where_it_belongs(northwind: str) -> None:
    text = northwind.replace("ae: Priya Shah\n", "").replace(
        "| HR sponsor (primary contact) |", "| Champion |")
    assert missing(check_doc(text).instance) == [
        ("/front_matter/ae", "front matter 'ae'"),
        ("/people", "Section B — People: an 'HR sponsor (primary contact)' row"),
    ]


def test_a_missing_cell_is_placed_at_its_cell_as_the_lint_places_it(northwind: str) -> None:
    text = northwind.replace("| aisha.rahman@northwind-logistics.example |", "| |")
    checked = check_doc(text)
    assert missing(checked.instance) == [("/people/1/email", "Section B — People: the HR sponsor's email")]
    [empty] = [d for d in checked.diagnostics if d.code == "HO408"]
    assert checked.extraction is not None
    assert checked.extraction.position("/people/1/email") == (empty.line, empty.column)


def test_a_doc_that_cannot_be_read_says_why_before_the_pieces(
        repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    doc = repo / NORTHWIND
    doc.write_text(doc.read_text("utf-8").replace("---\n", "", 1), "utf-8")  # no front matter
    assert main(["email", str(NORTHWIND)]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    lines = err.splitlines()
    assert lines[0].startswith(f"{NORTHWIND}:1:1: HO201 ")  # the cause, with its fix
    assert lines[1].startswith("    fix: ")
    assert f"{NORTHWIND}:1:1: the intro e-mail needs front matter 'account_manager'" in err
    assert lines[-1] == "handoff email: fill in the missing pieces; the e-mail is never sent with blanks."


def test_a_header_injected_through_a_yaml_escape_is_never_printed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
) -> None:
    from conftest import example_text, with_front_matter

    (tmp_path / "pyproject.toml").write_text('[tool.handoff]\nclients = "clients"\n', "utf-8")
    doc = tmp_path / NORTHWIND
    doc.parent.mkdir(parents=True)
    for value in ('"Hannah Lee\\nBcc: all@example.com"', '"Hannah Lee\\rBcc: x@example.com"',
                  '"Hannah\\e]0;owned\\a Lee"', '"Hannah\\u202e Lee"'):
        doc.write_text(with_front_matter(example_text(), account_manager=value), "utf-8")
        monkeypatch.chdir(tmp_path)
        assert main(["email", str(NORTHWIND)]) == 1
        out, err = capsys.readouterr()
        assert out == "" and "account_manager" in err
        assert not any(line.startswith("Bcc") for line in (out + err).splitlines())
        assert all(c.isprintable() or c == "\n" for c in err)


@pytest.mark.parametrize("name", [
    "mallory@evil.example, Aisha Rahman",
    "Aisha <mallory@evil.example> Rahman",
    "Aisha; Bcc: mallory@evil.example",
    "Aisha: mallory@evil.example;",
])
def test_a_name_never_adds_a_recipient(name: str) -> None:
    from email.utils import getaddresses

    from handoff_lint.domain.intro_email import IntroEmail

    header = IntroEmail(name, "aisha.rahman@northwind-logistics.example", "s", "b").as_text()
    to = header.split("\n", 1)[0].removeprefix("To: ")
    assert getaddresses([to]) == [(name, "aisha.rahman@northwind-logistics.example")]


@pytest.mark.parametrize("address", ["a@x.example, mallory@evil.example", "a@x.example mallory@evil.example",
                                     "a@x.example; b@y.example"])
def test_an_email_cell_that_is_not_one_address_leaves_the_email_unwritten(
        northwind: str, address: str) -> None:
    text = northwind.replace("aisha.rahman@northwind-logistics.example", address)
    assert "Section B — People: the HR sponsor's email" in missing_pieces(check_doc(text).instance)


@pytest.mark.parametrize("blank", ["&#x3164;", "&nbsp;", "**&#8203;**"])
def test_a_name_that_shows_as_nothing_leaves_the_email_unwritten(northwind: str, blank: str) -> None:
    text = northwind.replace("| Aisha Rahman |", f"| {blank} |")
    assert "Section B — People: the HR sponsor's name" in missing_pieces(check_doc(text).instance)
