"""Link schemes as a browser reads them: one decision for the linter (HO618) and the site."""

from __future__ import annotations

from handoff_lint.links import is_local, is_safe_link, link_scheme, whatwg_input


def test_scheme_is_read_as_a_browser_reads_it() -> None:
    assert link_scheme(" java\nscript:alert(1)") == "javascript"
    assert link_scheme("java&#115;cript:alert(1)") == "javascript"
    assert link_scheme("a/b:c") is None and link_scheme("../x.md") is None
    assert is_safe_link("HTTPS://example.test") and not is_safe_link("file:///etc/passwd")


# Every way of writing "another host" that a browser accepts, and the same path written plainly.
OTHER_HOST = [
    "//evil.test/p.png", "/\\evil.test/p.png", "\\/evil.test/p.png", "\\\\evil.test/p.png",
    " //evil.test/p.png", "\x00//evil.test/p.png", "\x1f\\\\evil.test/p.png", "/\t/evil.test/p.png",
    "/\n/evil.test/p.png", "\r//evil.test/p.png", "/&#92;evil.test/p.png", "&#x2F;/evil.test/p.png",
    "&sol;&bsol;evil.test/p.png", "https://evil.test/p.png", "HTTPS:evil.test/p.png",
    "ht\ttp://evil.test/p.png", "%2F%2Fevil.test/p.png", "/%5Cevil.test/p.png",
    "%252F%252Fevil.test/p.png", "//evil.test/p.png\x00 ", "javascript:alert(1)",
    "data:image/svg+xml,<svg/onload=alert(1)>",
]
LOCAL = ["p.png", "./p.png", "../assets/p.png", "/assets/p.png", "assets/a%20b.png", "a/b:c.png",
         "#section", "?x=1", "/a//b.png"]


def test_only_paths_on_this_site_are_local() -> None:
    for url in OTHER_HOST:
        assert not is_local(url), repr(url)
    for url in LOCAL:
        assert is_local(url), repr(url)


def test_the_whatwg_input_keeps_what_a_browser_keeps() -> None:
    assert whatwg_input("\x00 /a\tb\nc \x1f") == "/abc"
    assert whatwg_input("/a b") == "/a b"  # an inner space is encoded, not removed
    assert whatwg_input("&#x5C;") == "\\"
