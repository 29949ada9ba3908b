"""The language server's measurements: CPU time of one re-check per change, in the real server.

A change is sent as an editor sends it (the whole text, one character typed), and the server's
process CPU time (user + system, from /proc) is read before and after it published the findings
for that version: so the figure holds everything a keystroke costs the server (reading and
parsing the message, the check, placing the findings, writing them), and nothing of the client.
The like-for-like baseline is a plain markdown-it parse of the same text, in process.
"""

from __future__ import annotations

import contextlib
import json
import os
import queue
import re
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

Message = dict[str, Any]
# Generous: a loaded 2-core machine may take seconds to start Python and import the linter.
WAIT = 90.0


class Client:
    """A minimal LSP client for `handoff lsp` run as a subprocess: Content-Length framing over its
    stdin and stdout, every message it sends kept in order."""

    def __init__(self, cwd: Path, env: dict[str, str] | None = None,
                 command: list[str] | None = None) -> None:
        self.process = subprocess.Popen(
            command or [sys.executable, "-m", "handoff_lint", "lsp"], cwd=cwd,
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
            env={**os.environ, **(env or {})})
        self.inbox: queue.Queue[Message | None] = queue.Queue()
        self.errors: list[bytes] = []
        # Messages read while waiting for another one, in the order they came.
        self.seen: list[Message] = []
        self.next_id = 0
        stdout, stderr = self.process.stdout, self.process.stderr
        assert stdout is not None and stderr is not None
        threading.Thread(target=self._read, args=(stdout,), daemon=True).start()
        threading.Thread(target=lambda: self.errors.extend(stderr), daemon=True).start()

    def _read(self, stream: IO[bytes]) -> None:
        """Every framed message on stdout, parsed; a byte that is not protocol is an error."""
        while True:
            length = None
            while True:
                header = stream.readline()
                if not header:
                    self.inbox.put(None)
                    return
                if header == b"\r\n":
                    break
                name, _, value = header.decode("ascii").partition(":")
                if name.lower() not in ("content-length", "content-type"):
                    self.inbox.put({"not-protocol": header.decode("utf-8", "replace")})
                    return
                if name.lower() == "content-length":
                    length = int(value)
            if length is None:
                self.inbox.put({"not-protocol": "a message without Content-Length"})
                return
            self.inbox.put(json.loads(stream.read(length)))

    def send(self, message: Message) -> None:
        body = json.dumps({"jsonrpc": "2.0", **message}).encode("utf-8")
        assert self.process.stdin is not None
        self.process.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.process.stdin.flush()

    def notify(self, method: str, params: Message | None) -> None:
        self.send({"method": method, "params": params})

    def next_message(self) -> Message:
        try:
            message = self.inbox.get(timeout=WAIT)
        except queue.Empty:
            raise TimeoutError(f"no message from the server in {WAIT} s; stderr: "
                               f"{b''.join(self.errors)!r}") from None
        if message is None:
            raise EOFError(f"the server closed its output; stderr: {b''.join(self.errors)!r}")
        if "not-protocol" in message:
            raise AssertionError(f"the server wrote something that is not LSP: {message}")
        return message

    def request(self, method: str, params: Message | None) -> Any:
        self.next_id += 1
        self.send({"id": self.next_id, "method": method, "params": params})
        while True:
            message = self.next_message()
            if message.get("id") == self.next_id and "method" not in message:
                if "error" in message:
                    raise AssertionError(f"{method} failed: {message['error']}")
                return message["result"]
            self.seen.append(message)

    def diagnostics(self, uri: str, version: int | None = None) -> list[Message]:
        """The next diagnostics published for uri (for that version, when given)."""
        while True:
            for index, message in enumerate(self.seen):
                params = message.get("params") or {}
                if (message.get("method") == "textDocument/publishDiagnostics" and params["uri"] == uri
                        and (version is None or params.get("version") == version)):
                    del self.seen[:index + 1]
                    return list(params["diagnostics"])
            self.seen.append(self.next_message())

    def start(self, capabilities: Message | None = None) -> Message:
        """Initialize, by default as an editor that states no capabilities (UTF-16 positions)."""
        result: Message = self.request("initialize", {"processId": os.getpid(), "rootUri": None,
                                                      "capabilities": capabilities or {}})
        self.notify("initialized", {})
        return result

    def open(self, uri: str, text: str, version: int = 1) -> None:
        self.notify("textDocument/didOpen", {"textDocument": {
            "uri": uri, "languageId": "markdown", "version": version, "text": text}})

    def change(self, uri: str, text: str, version: int) -> None:
        self.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": version},
                                               "contentChanges": [{"text": text}]})

    def stop(self) -> int:
        """Shut the server down as an editor does; its exit code."""
        self.request("shutdown", None)
        self.notify("exit", None)
        assert self.process.stdin is not None
        self.process.stdin.close()
        return self.process.wait(timeout=WAIT)

    def kill(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait(timeout=WAIT)

    def cpu_seconds(self) -> float:
        """The server process's CPU time so far (user + system), from /proc (Linux)."""
        fields = Path(f"/proc/{self.process.pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def peak_kb(self) -> int:
        """The server process's peak resident memory so far, in kB, from /proc (Linux)."""
        status = Path(f"/proc/{self.process.pid}/status").read_text()
        return int(re.search(r"VmHWM:\s+(\d+)", status).group(1))  # type: ignore[union-attr]


_SECTION_G = "## Section G — Commitments AE made\n\n"
_RISKS = "| Risk | Likelihood | Mitigation suggested |\n|---|---|---|\n"


def long_doc(text: str, lines: int) -> str:
    """A valid doc grown to about `lines` lines the way a long handoff grows: more risks and more
    commitments, each worded differently (no two rows alike)."""
    missing = max(lines - text.count("\n"), 0)
    risks = [f"| Site {n} rota changes before cohort {n % 4 + 1} | Med | Agree the rota with the site "
             f"manager in week {n % 10 + 1} |" for n in range(missing // 2)]
    promises = [f'- "We will share the site {n} attendance summary in week {n % 12 + 1}."'
                for n in range(missing - len(risks))]
    text = text.replace(_RISKS, _RISKS + "".join(row + "\n" for row in risks), 1)
    return text.replace(_SECTION_G, _SECTION_G + "".join(line + "\n" for line in promises), 1)


def typed(text: str, keystroke: int) -> str:
    """The text after one more character typed at the end of a commitment in Section G (another
    one, and one more character, each time: nothing is cached by value)."""
    at = text.index(_SECTION_G) + len(_SECTION_G)
    section = text[at:text.index("\n\n", at)]
    ends = [at + m.start() for m in re.finditer(r"\n", section + "\n")]
    where = ends[keystroke % len(ends)]
    return text[:where] + "x" * (keystroke // len(ends) + 1) + text[where:]


@contextlib.contextmanager
def serving(repo: Path, relative: str, text: str,
            env: dict[str, str] | None = None) -> Iterator[tuple[Client, str]]:
    """A started server with the doc open and its first findings read; shut down afterwards."""
    client = Client(repo, env)
    try:
        client.start()
        uri = (repo / relative).as_uri()
        client.open(uri, text)
        client.diagnostics(uri, 1)
        yield client, uri
        client.stop()
    finally:
        client.kill()


def per_change_cpu(repo: Path, relative: str, text: str, rounds: int, changes: int,
                   env: dict[str, str] | None = None) -> list[float]:
    """CPU seconds the server spent per change: for each round, the mean over `changes` changes,
    each sent after the findings of the one before were published (the kernel counts CPU time in
    ticks of 10 ms, so only a sum over many changes is precise)."""
    with serving(repo, relative, text, env) as (client, uri):
        version = 1
        means = []
        for _ in range(rounds + 1):
            before = client.cpu_seconds()
            for _ in range(changes):
                version += 1
                client.change(uri, typed(text, version), version)
                client.diagnostics(uri, version)
            means.append((client.cpu_seconds() - before) / changes)
    return means[1:]  # the first round warms up what is built once (the schema's checks)


def refusal_cpu(repo: Path, relative: str, text: str, size: int,
                env: dict[str, str] | None = None) -> tuple[float, list[Message], int]:
    """CPU seconds the server spent on one change that pastes `size` bytes into the doc, what it
    published for it, and its peak resident memory (kB, from /proc)."""
    with serving(repo, relative, text, env) as (client, uri):
        pasted = text + "a" * (size - len(text.encode("utf-8")))
        before = client.cpu_seconds()
        client.change(uri, pasted, 2)
        published = client.diagnostics(uri, 2)
        cost = client.cpu_seconds() - before
        peak = client.peak_kb()
    return cost, published, peak


def parse_cpu(text: str, rounds: int) -> float:
    """CPU seconds of one plain markdown-it parse of the text: the baseline."""
    from markdown_it import MarkdownIt

    plain = MarkdownIt("commonmark").enable("table")
    plain.parse(text)
    start = time.process_time()
    for keystroke in range(rounds):
        plain.parse(typed(text, keystroke))
    return (time.process_time() - start) / rounds


def median_ms(costs: list[float]) -> float:
    return statistics.median(costs) * 1e3
