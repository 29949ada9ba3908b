"""The Content-Security-Policy: one place, every page, no inline script left to allow."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import pytest
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


def installed_theme() -> csp.ThemeScripts:
    """The inline scripts of the installed mkdocs-material, read from its templates as a build does."""
    import material

    folder = Path(material.__file__).parent / "templates"
    return csp.theme_scripts(path.read_text("utf-8") for path in sorted(folder.rglob("*.html")))


# One of the theme's own inline scripts (partials/javascripts/base.html), as rendered on a page two
# folders down: its Jinja expression ("{{ config.extra.scope | d(base_url) }}") became "../..".
THEME_SCRIPT = next(body for body in csp.inline_scripts(
    (Path(__import__("material").__file__).parent / "templates/partials/javascripts/base.html")
    .read_text("utf-8")) if "__md_scope" in body).replace("{{ config.extra.scope | d(base_url) }}", "../..")
THEME_PAGE = PAGE.replace('__md_scope=new URL("..",location)', THEME_SCRIPT).replace(
    '<script type="text/javascript">var target=1</script><script type="module">import "x"</script>', "")


def test_the_theme_s_inline_scripts_are_read_from_its_templates() -> None:
    theme = installed_theme()
    # mkdocs-material 9 writes a handful (scope, palette, consent, tabs, announce, outdated, ...).
    assert 5 <= len(theme.patterns) <= 20
    assert theme.known(THEME_SCRIPT)
    assert theme.known(THEME_SCRIPT.replace("../..", "."))
    for changed in (THEME_SCRIPT + ";window.__pwned=1", THEME_SCRIPT.replace("../..", '"+alert(1)+"'),
                    THEME_SCRIPT.replace("../..", "x=1"), "window.__pwned=1", ""):
        assert not theme.known(changed), changed


def test_the_theme_s_inline_scripts_move_to_files_named_by_their_hash() -> None:
    hardened = csp.harden(THEME_PAGE, "../..", installed_theme())
    assert hardened.problems == []
    assert csp.inline_scripts(hardened.page) == []
    assert '<script id="__config" type="application/json">{"base": ".."}</script>' in hardened.page  # data
    assert '<script src="../assets/bundle.js"></script>' in hardened.page
    path = f"assets/javascripts/inline/{hashlib.sha256(THEME_SCRIPT.encode()).hexdigest()[:20]}.js"
    assert hardened.files == {path: THEME_SCRIPT}
    assert f'src="../../{path}"' in hardened.page
    assert hardened.page.startswith('<!doctype html><html><head><meta http-equiv="Content-Security-Policy" '
                                    f'content="{csp.policy()}">')


# Every way a page could carry script of its own: each is removed (never moved) and reported.
FOREIGN_SCRIPTS = [
    "<script>window.__pwned=1</script>",
    "<SCRIPT>window.__pwned=1</SCRIPT >",
    '<script type="text/javascript">window.__pwned=1</script>',
    '<script type="module">window.__pwned=1</script>',
    '<script type="text/ecmascript">window.__pwned=1</script>',
    '<script type="application/x-javascript">window.__pwned=1</script>',
    '<script type="importmap">{"imports": {}}</script>',
    '<script type="speculationrules">{}</script>',
    "<script/x>window.__pwned=1</script>",
    "<script\n>window.__pwned=1</script>",
    '<script src="https://evil.test/x.js"></script>',
    '<script src="//evil.test/x.js"></script>',
    '<script src="/\\evil.test/x.js"></script>',
    "<script src=data:text/javascript,window.__pwned=1></script>",
    '<script src="../assets/bundle.js">window.__pwned=1</script>',
    "<script>window.__pwned=1",  # never closed
]
FOREIGN_ATTRIBUTES = [
    '<img src=x onerror="window.__pwned=1">',
    "<svg/onload=window.__pwned=1>",
    '<body ONLOAD="window.__pwned=1">',
    '<a href="javascript:window.__pwned=1">x</a>',
    '<a href=" &#106;ava&#x0A;script:window.__pwned=1">x</a>',
    "<a href='JaVaScRiPt:window.__pwned=1'>x</a>",
    '<form action="javascript:window.__pwned=1"></form>',
    '<button formaction="vbscript:x">x</button>',
    '<iframe src="data:text/html,&lt;script&gt;window.__pwned=1&lt;/script&gt;"></iframe>',
    '<iframe srcdoc="&lt;script&gt;window.__pwned=1&lt;/script&gt;"></iframe>',
    '<a title="x>" onclick="window.__pwned=1">x</a>',
    '<a title="<" onclick="window.__pwned=1">x</a>', '<a title="<b" ONCLICK="window.__pwned=1">x</a>',
    '<meta http-equiv="refresh" content="0;url=https://evil.test/">',
    "<meta HTTP-EQUIV=Refresh content='0; URL=javascript:window.__pwned=1'>",
    # A character whose lowercase is longer must not shift where the handler is looked for.
    'İİİİ<a href="#" onclick="window.__pwned=1">x</a>',
]


# The theme's own redirect script (redirect.html), with a value it was never given: a URL that runs.
REDIRECT = ('<script>window.location.replace(["{}",window.location.search,window.location.hash].join(""))'
            "</script>")
FOREIGN_VALUES = [REDIRECT.format(url) for url in (
    "javascript:window.__pwned=1", "JavaScript:window.__pwned%3D1", "vbscript:x", "data:text/html,x")]


def test_the_theme_s_redirect_script_keeps_a_link_of_the_site() -> None:
    hardened = csp.harden(THEME_PAGE.replace("<p>text</p>", REDIRECT.format("../other/")), "/",
                          installed_theme())
    assert hardened.problems == []
    assert any("../other/" in body for body in hardened.files.values())


@pytest.mark.parametrize("foreign", FOREIGN_SCRIPTS + FOREIGN_ATTRIBUTES + FOREIGN_VALUES)
def test_any_other_script_is_reported_and_never_moved(foreign: str) -> None:
    hardened = csp.harden(THEME_PAGE.replace("<p>text</p>", foreign), "/", installed_theme())
    assert hardened.problems, foreign
    assert all("__pwned" not in body and "evil" not in body for body in hardened.files.values())
    if foreign in FOREIGN_SCRIPTS:
        # Gone, or (never closed) left as text: no script element of the page's own is left.
        assert foreign not in hardened.page and "evil.test" not in hardened.page, foreign
        assert not re.search(r"<script[^>]*>[^<]*__pwned", hardened.page, re.IGNORECASE)
        assert csp.inline_scripts(hardened.page) == []


@pytest.mark.parametrize("inert", [
    '<a href="https://example.com/?q=javascript:x">x</a>', '<a href="mailto:x@example.com">x</a>',
    "<p>onerror=x and javascript:alert(1) as text</p>", '<a class="button on" href="#top">x</a>',
    '<script type="application/json">{"onload": "javascript:x"}</script>',
])
def test_text_and_safe_links_are_not_active_content(inert: str) -> None:
    hardened = csp.harden(THEME_PAGE.replace("<p>text</p>", inert), "/", installed_theme())
    assert hardened.problems == [] and inert in hardened.page


def test_the_repo_s_overrides_write_no_inline_script() -> None:
    # Only the installed theme's scripts are moved (finish.theme_scripts reads no override for them):
    # a script of the site's own is a file under assets/, so the overrides hold none.
    for template in (REPO / "overrides").rglob("*.html"):
        assert csp.inline_scripts(template.read_text("utf-8")) == [], template


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
