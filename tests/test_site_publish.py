"""What the site publishes from the clients folder."""

from __future__ import annotations

from pathlib import PurePosixPath as P

from handoff_lint.site.publish import decide

DOC = P("clients/acme/01-handoff/handoff-acme-2026-11-24.md")


def test_only_docs_at_their_path_and_not_through_a_link() -> None:
    decision = decide([
        (DOC, None),
        (P("clients/acme/01-handoff/evil.html"), None),
        (P("clients/acme/notes.md"), None),
        (P("clients/acme/.gitkeep"), None),
        (P("clients/linked/01-handoff/handoff-linked-2026-11-24.md"), P("clients/linked")),
        (P("clients/linked/secret.txt"), P("clients/linked")),
        (P("clients/beta/01-handoff/handoff-beta-2026-11-24.md"),
         P("clients/beta/01-handoff/handoff-beta-2026-11-24.md")),
    ])
    assert DOC not in decision.left_out and len(decision.left_out) == 6
    assert decision.messages == [
        "clients/acme/01-handoff/evil.html: not a handoff doc; the site does not publish it",
        "clients/acme/notes.md: not a handoff doc; the site does not publish it",
        "clients/linked: a link; the site publishes nothing through it",
        "clients/beta/01-handoff/handoff-beta-2026-11-24.md: a link; the site publishes nothing through it",
    ]
