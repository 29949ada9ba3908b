from __future__ import annotations

from conftest import check_doc
from handoff_lint.intro_email import compose, missing_pieces


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
        "Section B — People: a 'HR sponsor (primary contact)' row",
    ]
