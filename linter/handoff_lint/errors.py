"""The one error a command refuses with: exit 2 and a message that says what to change.

Settings that cannot be read, a schema file that is no schema, an unsafe cache folder, a fact that
cannot be recorded, git that cannot answer, a generator or Pagefind that fails: each is a Refusal,
raised with the whole message (what, where, what to do instead). The `handoff` command prints it and
exits 2; the MkDocs hook fails the build with it. Findings in a doc are never Refusals: they are
Diagnostics, reported with the rest.
"""

from __future__ import annotations


class Refusal(Exception):
    """Work that cannot go on as asked (exit 2)."""
