"""The language server's input: a message over the limit is read through, never held whole."""

from __future__ import annotations

import io
import json

from handoff_lint.editor.lsp_input import OVERSIZED, BoundedInput, oversized_notice


def framed(body: bytes) -> bytes:
    return b"Content-Length: %d\r\n\r\n" % len(body) + body


def change(uri: str, version: int, text: str) -> bytes:
    return json.dumps({"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {
        "textDocument": {"uri": uri, "version": version},
        "contentChanges": [{"text": text}]}}).encode("utf-8")


class Counting(io.BytesIO):
    """A stream that remembers the largest read asked of it."""

    largest = 0

    def read(self, size: int | None = -1) -> bytes:
        self.largest = max(self.largest, size or 0)
        return super().read(size)


def test_a_message_under_the_limit_passes_as_it_is() -> None:
    body = change("file:///d.md", 3, "text")
    reader = BoundedInput(io.BytesIO(framed(body)), limit=len(body))
    assert reader.readline() == b"Content-Length: %d\r\n" % len(body)
    assert reader.readline() == b"\r\n"
    assert reader.read(len(body)) == body


def test_a_message_over_the_limit_is_read_in_pieces_and_becomes_a_notice() -> None:
    body = change("file:///a%20b/d.md", 7, "a" * 5_000_000)
    after = change("file:///a%20b/d.md", 8, "small")
    stream = Counting(framed(body) + framed(after))
    reader = BoundedInput(stream, limit=1_000_000)
    reader.readline()
    reader.readline()
    notice = json.loads(reader.read(len(body)))
    assert notice == {"jsonrpc": "2.0", "method": OVERSIZED,
                      "params": {"uri": "file:///a%20b/d.md", "version": 7, "bytes": len(body)}}
    assert stream.largest <= 1 << 20
    # The next message is read from where it starts.
    reader.readline()
    reader.readline()
    assert reader.read(len(after)) == after


def test_a_notice_without_a_doc_names_none() -> None:
    notice = json.loads(oversized_notice(b'{"jsonrpc": "2.0", "params": {"x": "' + b"a" * 100, 10**9))
    assert notice["params"] == {"uri": None, "version": None, "bytes": 10**9}


def test_an_endless_header_line_is_read_in_bounded_pieces() -> None:
    reader = BoundedInput(io.BytesIO(b"X" * 100_000), limit=10)
    assert len(reader.readline()) == 4096
