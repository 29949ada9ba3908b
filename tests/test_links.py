"""Link schemes as a browser reads them: one decision for the linter (HO618) and the site."""

from __future__ import annotations

from handoff_lint.reading.links import is_safe_link, link_scheme


def test_scheme_is_read_as_a_browser_reads_it() -> None:
    assert link_scheme(" java\nscript:alert(1)") == "javascript"
    assert link_scheme("java&#115;cript:alert(1)") == "javascript"
    assert link_scheme("a/b:c") is None and link_scheme("../x.md") is None
    assert is_safe_link("HTTPS://example.test") and not is_safe_link("file:///etc/passwd")
