"""What the language server reads from the editor, bounded: no message is held whole above a limit.

pygls reads each message whole (Content-Length bytes) and parses it into objects, a few copies of
it at once. A message over the limit is read through and dropped instead, and pygls gets in its
place a short notice saying which doc was refused and how large the message was, so the server
can say so for that doc (HO104) instead of showing findings for the text before it.
"""

from __future__ import annotations

import json
import re
from typing import BinaryIO

# Far above any doc a setting allows (max_bytes; 1 MiB by default), so a doc up to 50 MB still
# reaches the linter and gets the very finding `handoff lint` gives the file.
MAX_MESSAGE_BYTES = 128 * 1024 * 1024
MAX_HEADER_BYTES = 4096
OVERSIZED = "$/handoff/oversized"
_HEAD_BYTES = 64 * 1024
_CHUNK_BYTES = 1 << 20
# Editors write the doc's identifier before its text, so both are in the message's first bytes.
_URI = re.compile(r'"uri"\s*:\s*("(?:[^"\\]|\\.)*")')
_VERSION = re.compile(r'"version"\s*:\s*(-?[0-9]{1,18})\b')


def oversized_notice(head: bytes, size: int) -> bytes:
    """The notice that stands for a dropped message: the doc's URI and version as found in the
    message's first bytes (null when they are not there), and the message's size."""
    start = head.decode("utf-8", "replace")  # the first bytes may end inside a character
    uri = _URI.search(start)
    version = _VERSION.search(start)
    try:
        named = json.loads(uri.group(1)) if uri else None
    except ValueError:
        named = None
    return json.dumps({"jsonrpc": "2.0", "method": OVERSIZED, "params": {
        "uri": named if isinstance(named, str) else None,
        "version": int(version.group(1)) if version else None,
        "bytes": size,
    }}).encode("utf-8")


class BoundedInput:
    """The editor's stream as pygls reads it (readline, read), with a header line and a message
    body each read at most up to a limit."""

    def __init__(self, stream: BinaryIO, limit: int = MAX_MESSAGE_BYTES) -> None:
        self.stream = stream
        self.limit = limit

    def readline(self) -> bytes:
        return self.stream.readline(MAX_HEADER_BYTES)

    def read(self, size: int) -> bytes:
        if size <= self.limit:
            return self.stream.read(size)
        head = self.stream.read(min(size, _HEAD_BYTES))
        left = size - len(head)
        while left > 0:
            chunk = self.stream.read(min(left, _CHUNK_BYTES))
            if not chunk:
                break
            left -= len(chunk)
        return oversized_notice(head, size)
