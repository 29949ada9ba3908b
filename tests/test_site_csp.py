"""The Content-Security-Policy: one place, every page, no inline script left to allow."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from conftest import REPO
from handoff_lint.site import csp

PAGE = """<!doctype html><html><head><meta charset="utf-8">
<script>__md_scope=new URL("..",location)</script>
<script id="__config" type="application/json">{"base": ".."}</script>
<script src="../assets/bundle.js"></script>
</head><body><article><p>text</p></article>
<script type="text/javascript">var target=1</script><script type="module">import "x"</script>
</body></html>"""


def test_the_policy_allows_scripts_from_the_site_only() -> None:
    meta = csp.policy()
    # Scripts from the site only; WebAssembly (Pagefind's search) may be compiled, nothing inline.
    assert meta.split("script-src", 1)[1].split(";", 1)[0].split() == ["'self'", "'wasm-unsafe-eval'"]
    assert "object-src 'none'" in meta and "base-uri 'none'" in meta
    assert "frame-ancestors" not in meta  # ignored in a <meta>, so in the header only
    assert "frame-ancestors 'none'" in csp.policy(header=True)


def test_extending_the_policy_reaches_every_output(monkeypatch: object) -> None:
    import pytest

    with pytest.MonkeyPatch.context() as patch:
        patch.setitem(csp.POLICY, "script-src", ("'self'", "'wasm-unsafe-eval'"))
        for output in (csp.meta_tag(), csp.headers_file(), csp.nginx_snippet()):
            assert "script-src 'self' 'wasm-unsafe-eval'" in output


def test_inline_scripts_move_to_files_named_by_their_hash() -> None:
    page, files = csp.harden(PAGE, "..")
    assert csp.inline_scripts(PAGE) == ['__md_scope=new URL("..",location)', "var target=1", 'import "x"']
    assert csp.inline_scripts(page) == []
    assert '<script id="__config" type="application/json">{"base": ".."}</script>' in page  # data
    assert '<script src="../assets/bundle.js"></script>' in page
    for body in ('__md_scope=new URL("..",location)', "var target=1", 'import "x"'):
        path = f"assets/javascripts/inline/{hashlib.sha256(body.encode()).hexdigest()[:20]}.js"
        assert files[path] == body
        assert f'src="../{path}"' in page
    assert '<script type="module" src="../assets/javascripts/inline/' in page
    assert page.startswith('<!doctype html><html><head><meta http-equiv="Content-Security-Policy" '
                           f'content="{csp.policy()}">')


def test_a_script_from_the_pages_content_is_removed_not_moved() -> None:
    injected = "<script>window.__pwned=1</script>"
    page, files = csp.harden(PAGE.replace("<p>text</p>", injected), "/", content=f"<p>{injected}</p>")
    assert "__pwned" not in page and all("__pwned" not in body for body in files.values())


def test_headers_for_the_web_server() -> None:
    headers = csp.headers()
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Content-Security-Policy"] == csp.policy(header=True)
    assert csp.headers_file().startswith("/*\n  Content-Security-Policy: default-src 'self';")
    readme = (REPO / "README.md").read_text("utf-8")
    for line in csp.nginx_snippet().splitlines():
        assert f"  {line}\n" in readme, f"README's nginx lines differ from handoff_lint.site.csp: {line}"


def test_every_built_page_has_the_policy_first_and_no_inline_script(built_site: Path) -> None:
    pages = sorted(built_site.rglob("*.html"))
    assert len(pages) > 5 and built_site / "404.html" in pages
    for page in pages:
        html = page.read_text("utf-8")
        head = re.search(r"<head[^>]*>(.*?)</head>", html, re.DOTALL)
        assert head and head.group(1).startswith(csp.meta_tag()), page
        assert csp.inline_scripts(html) == [], page  # a theme upgrade adding one fails here
        for source in re.findall(r'<script[^>]* src="([^"]+)"', html):
            if "/inline/" in source:
                target = (page.parent / source) if not source.startswith("/") else built_site / source[1:]
                body = target.resolve().read_text("utf-8")
                assert csp.script_file(body).endswith(Path(source).name), source
    assert (built_site / "_headers").read_text("utf-8") == csp.headers_file()
