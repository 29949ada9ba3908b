"""`handoff digest`: one RFC 5322 message per person with open items, written as files and sent
through a real local SMTP server (aiosmtpd) over STARTTLS with credentials from the environment."""

from __future__ import annotations

import datetime as dt
import email
import email.policy
import socket
import ssl
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass, field
from email.message import EmailMessage
from pathlib import Path
from typing import Any

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword
from conftest import SITE_DATE, example_views
from handoff_lint.cli import main
from handoff_lint.delivery.digest import address, digests

SITE = "https://handoffs.firm.example/"


def test_one_message_per_person_with_items_due_today_overdue_or_this_week() -> None:
    made = digests(example_views(), SITE_DATE, SITE, "handoff@firm.example", "firm.example")
    # On Tue 24 Nov: Fenwick's AM assignment (its Delivery Lead) and Glenmore's call (its AM), both due Wed.
    [manager, lead] = made
    assert (manager.person, manager.to) == ("Euan Fraser", "euan.fraser@firm.example")
    assert "Glenmore Distillers plc: handoff call due Wed 25 Nov" in manager.message.get_content()
    assert (lead.name, lead.person, lead.to) == ("dl-tom-okafor.eml", "Tom Okafor", "tom.okafor@firm.example")
    message = lead.message
    assert message["Subject"] == "Handoff queue, Tue 24 Nov 2026: 1 due this week"
    body = message.get_content()
    assert "Due this week (1)" in body and "Fenwick Foods Ltd: AM assignment due Wed 25 Nov" in body
    assert 'handoff record fenwick-foods am-assigned --name "<Account Manager>"' in body
    assert f"{SITE}fenwick-foods/01-handoff/handoff-fenwick-foods-2026-11-23/" in body
    assert f"Your queue: {SITE}people/dl-tom-okafor/" in body


def test_without_the_sites_address_there_are_no_links_and_it_says_so() -> None:
    lead = digests(example_views(), SITE_DATE)[-1]
    assert "https://" not in lead.message.get_content()
    assert "set site_url in mkdocs.yml" in lead.message.get_content()
    assert lead.to == "" and "To" not in lead.message


@pytest.mark.parametrize(("name", "expected"), [
    ("Tom Okafor", "tom.okafor@firm.example"), ("Siobhán O'Neill", "siobhan.oneill@firm.example"),
    ("Mary-Jane  Smith", "mary-jane.smith@firm.example"), ("李", ""),
])
def test_addresses_come_from_the_domain_or_the_address_file(name: str, expected: str) -> None:
    assert address(name, "firm.example", {}) == expected
    assert address(name, "", {" ".join(name.split()).casefold(): "x@other.example"}) == "x@other.example"
    assert address(name, "", {}) == ""


# A real SMTP server ------------------------------------------------------------------------------

@dataclass
class Inbox:
    messages: list[EmailMessage] = field(default_factory=list)
    logins: list[tuple[bytes, bytes]] = field(default_factory=list)

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        parsed = email.message_from_bytes(envelope.original_content, policy=email.policy.default)
        assert isinstance(parsed, EmailMessage)
        self.messages.append(parsed)
        return "250 OK"

    def authenticate(self, server: Any, session: Any, envelope: Any, mechanism: str, data: Any) -> AuthResult:
        ok = isinstance(data, LoginPassword) and (data.login, data.password) == (b"digest", b"s3cret")
        if isinstance(data, LoginPassword):
            self.logins.append((data.login, data.password))
        return AuthResult(success=ok)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture
def smtp_server(tmp_path: Path) -> Iterator[tuple[Inbox, int, Path]]:
    """aiosmtpd on localhost with a self-signed certificate; STARTTLS and a login required."""
    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
                    "-keyout", str(key), "-out", str(cert), "-subj", "/CN=localhost",
                    "-addext", "subjectAltName=DNS:localhost"], check=True, capture_output=True)
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(cert, key)
    inbox = Inbox()
    port = free_port()
    controller = Controller(inbox, hostname="127.0.0.1", port=port, server_hostname="localhost",
                            tls_context=context, require_starttls=True, authenticator=inbox.authenticate,
                            auth_required=True)
    controller.start()
    try:
        yield inbox, port, cert
    finally:
        controller.stop()


def test_the_digest_is_sent_through_a_real_smtp_server(repo: Path, smtp_server: tuple[Inbox, int, Path],
                                                       monkeypatch: pytest.MonkeyPatch,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    inbox, port, cert = smtp_server
    monkeypatch.setenv("HANDOFF_SMTP_CAFILE", str(cert))
    monkeypatch.setenv("HANDOFF_SMTP_USER", "digest")
    monkeypatch.setenv("HANDOFF_SMTP_PASSWORD", "s3cret")
    # Fri 11 Dec 2026: Fenwick's call is 9 working days overdue and, with no AM named, its Delivery
    # Lead's; its AM assignment, 12 days overdue, is a record to complete.
    today = "2026-12-11"
    assert main(["digest", "--today", today, "--smtp", f"localhost:{port}", "--domain", "firm.example",
                 "--site-url", SITE, "--out", str(repo / "out")]) == 0
    assert "sent through localhost" in capsys.readouterr().out
    assert inbox.logins == [(b"digest", b"s3cret")]
    received = {str(m["To"]): m for m in inbox.messages}
    expected = digests(example_views(), dt.date.fromisoformat(today), SITE, "", "firm.example")
    assert sorted(received) == sorted(d.to for d in expected) and len(received) == len(inbox.messages)
    for digest in expected:
        got = received[digest.to]
        assert got["Subject"] == digest.message["Subject"]
        assert got.get_content().replace("\r\n", "\n") == digest.message.get_content()
        assert (repo / "out" / digest.name).read_bytes() == bytes(digest.message)
    lead = received["tom.okafor@firm.example"].get_content()
    assert "Overdue (1)" in lead and "Fenwick Foods Ltd: handoff call overdue by 9 working days" in lead
    assert "Records to complete: 1" in lead


def test_a_server_without_starttls_gets_nothing(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    inbox = Inbox()
    port = free_port()
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        assert main(["digest", "--today", "2026-12-11", "--smtp", f"127.0.0.1:{port}",
                     "--domain", "firm.example"]) == 2
    finally:
        controller.stop()
    assert "does not offer STARTTLS" in capsys.readouterr().err
    assert inbox.messages == []
