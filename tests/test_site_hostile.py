"""The hostile-input suite for the site: docs and files written to attack it, built and opened.

One repo copy carries every attack at once: attribute lists and headings that forge the theme's
ids and classes (class 1), markup the Content-Security-Policy must stop (2), files under clients/
that are not handoff docs (3), links out of the repo (4) and images whose URLs only look local (5).
The site is built without --strict, as a local preview would be, served on a free local port and
opened in headless Chromium: no script runs (window.__pwned stays unset), no request leaves the
local server, and nothing from outside the repo reaches site/.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from conftest import (
    NORTHWIND,
    build_site,
    children_cpu_seconds,
    copy_site_project,
    example_text,
    open_page,
    replace_once,
    requested_urls,
    serving,
    waiting,
)
from conftest import script_marker as marker
from handoff_lint.site import csp

SECRET = "hostile-suite-secret-3f1c9a"  # in a file outside the repo and in the build's environment
NORTHWIND_PAGE = "northwind-logistics/01-handoff/handoff-northwind-logistics-2026-11-04/"

# Class 1: ids, names, classes, titles and data-* a doc writes, aimed at what mkdocs-material trusts.
FORGED_ATTRIBUTES = """
## __config

## __search {: #__drawer }

Clobber `x`{: #__config } and `y`{: name=__search } and
[z](#top){: #__search name=__config data-md-component="search" }.

A forged tooltip.
{: title="&lt;img src=x onerror=window.__pwned='title'&gt;" .md-tooltip data-md-tooltip="x" }

!!! note annotate md-sidebar handoff-card "Forged card"
    Text in a forged card.

```{ .mermaid #__config data-md-component="search" onclick="window.__pwned='fence'" }
graph TD
```

``` mermaid
graph LR
```
"""
# Class 5: images whose URL a browser reads as another host, however it is spelt. These are
# Markdown: Markdown reads a doubled backslash as one.
OTHER_HOST_IMAGES = [
    "/\\evil.test/a.png", "\\/evil.test/b.png", "/%5Cevil.test/c.png", "<//evil.test/d.png>",
    "&#47;&#47;evil.test/e.png", "<\\\\\\\\evil.test/f.png>", "/&#92;evil.test/g.png", "HTTPS://evil.test/h.png",
    "%2F%2Fevil.test/i.png", "</\t/evil.test/j.png>", "&#x2f;\\evil.test/k.png", " /\\evil.test/l.png",
]
# And images on the site's own address: loaded, each would be a request the reader did not make.
LOCAL_IMAGES = ["/oauth2/sign_out", "img/logo.png", "../../search/search_index.json"]
# Markdown that is not a client doc: a guide page whose front matter and body aim at every key the
# theme reads, and a README that would be written over the guide's front page.
# A risk the filtered list (All risks) writes from its JSON: shown as text, never run.
# (The marker's name is split, so no published file holds it whole: see test_only_handoff_docs_are_published.)
RISK_MARKUP = "<img src=x onerror=\"window['__pw'+'ned']='risk'\"> new sponsor"
WITNESS = "window.__pwned=7"  # no quote: it sits in every kind of YAML string
GUIDE_PAGE = f"""---
title: "</title><script>{WITNESS}</script><img src=x onerror=\\"{WITNESS}\\">"
description: '"><script>{WITNESS}</script>'
author: '"><script>{WITNESS}</script>'
template: redirect.html
location: '"+{WITNESS}+"'
icon: ../../../../../etc/passwd
status: '"><script>{WITNESS}</script>'
subtitle: <script>{WITNESS}</script>
hide: '<script>{WITNESS}</script>'
search:
  exclude: true
tags: ['<script>{WITNESS}</script>']
---
# Guide <script>{WITNESS}</script>

<script type="module">{WITNESS}</script><img src=x onerror="{WITNESS}">

[a link](javascript:{WITNESS}) and [another](JaVaScRiPt&#58;{WITNESS}) and a paragraph.
{{: onclick="{WITNESS}" }}
"""
GUIDE_README = f"<script>{WITNESS}</script>\n"
# Class 3: files under clients/ that are not handoff docs; each would run script if published.
STRAYS = {
    "northwind-logistics/01-handoff/evil.html": "<script>window.__pwned='html'</script>",
    "northwind-logistics/01-handoff/evil.svg":
        '<svg xmlns="http://www.w3.org/2000/svg" onload="window.__pwned=\'svg\'"></svg>',
    "evil.js": "window.__pwned = 'js';",
    "northwind-logistics/01-handoff/notes.md": "<script>window.__pwned='stray-md'</script>\n",
    "acme/01-handoff/handoff-acme.md": "# Not at the doc path\n",
    "northwind-logistics/pixel.png": "\x89PNG",
}


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, str]]:
    """The example site with every attack, built without --strict: (site folder, build output)."""
    folder = tmp_path_factory.mktemp("hostile")
    config = copy_site_project(folder / "project")
    clients = config.parent / "clients"
    images = " ".join(f"![img{n}]({url})" for n, url in enumerate(OTHER_HOST_IMAGES + LOCAL_IMAGES))
    risky = replace_once(example_text(), "| Exec sponsor is new in role |", f"| {RISK_MARKUP} |")
    (config.parent / NORTHWIND).write_text(risky + FORGED_ATTRIBUTES + "\n" + images + "\n", "utf-8")
    (config.parent / "guide" / "hostile-guide.md").write_text(GUIDE_PAGE, "utf-8")
    (config.parent / "guide" / "README.md").write_text(GUIDE_README, "utf-8")
    for name, content in STRAYS.items():
        (clients / name).parent.mkdir(parents=True, exist_ok=True)
        (clients / name).write_text(content, "utf-8")
    # Class 4: links out of the repo, to files: a secret, the build's environment, /etc/passwd, a doc.
    # (Linked folders stop the build before it starts: test_a_linked_folder_stops_the_build.)
    outside = folder / "outside"
    (outside / "01-handoff").mkdir(parents=True)
    (outside / "secret.txt").write_text(SECRET, "utf-8")
    (outside / "01-handoff" / "handoff-linked-2026-11-04.md").write_text(f"# {SECRET}\n", "utf-8")
    (clients / "northwind-logistics" / "secret.txt").symlink_to(outside / "secret.txt")
    (clients / "northwind-logistics" / "environ.txt").symlink_to("/proc/self/environ")
    (clients / "northwind-logistics" / "01-handoff" / "passwd.md").symlink_to("/etc/passwd")
    # The hand-written guide and the theme overrides are published too: never through a link either.
    (config.parent / "guide" / "environ.md").symlink_to("/proc/self/environ")
    (config.parent / "overrides" / "environ.txt").symlink_to("/proc/self/environ")
    glenmore = next(clients.glob("glenmore-distillers/01-handoff/*.md"))
    (outside / "glenmore.md").write_text(glenmore.read_text("utf-8").replace("Glenmore", SECRET), "utf-8")
    glenmore.unlink()
    glenmore.symlink_to(outside / "glenmore.md")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("HANDOFF_HOSTILE_SECRET", SECRET)
        result = build_site(config, folder / "site", strict=False)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    yield folder / "site", result.stderr


@pytest.fixture(scope="module")
def server(hostile: tuple[Path, str]) -> Iterator[str]:
    site, _ = hostile
    # Control pages next to the site, outside what it publishes: the same attacks without the
    # site's defences run, which shows the marker is a real witness.
    (site / "control-no-csp.html").write_text(
        "<!doctype html><html><head></head><body><script>window.__pwned='control'</script></body></html>",
        "utf-8")
    page = (site / NORTHWIND_PAGE / "index.html").read_text("utf-8")
    slipped = page.replace("</article>", "<script>window.__pwned='inline'</script>"
                           "<img src=x onerror=\"window.__pwned='handler'\"></article>", 1)
    assert slipped != page
    (site / NORTHWIND_PAGE / "slipped.html").write_text(slipped, "utf-8")
    with serving(site) as url:
        yield url




# Chromium's own pages and in-page data, never a request to another host.
BROWSER_SCHEMES = ("data", "blob", "about", "chrome", "chrome-search", "chrome-untrusted")


def left_the_server(driver: Any, server: str) -> list[str]:
    """Every request Chromium made to anywhere but the local server."""
    here = urlsplit(server).netloc
    return [url for url in requested_urls(driver)
            if urlsplit(url).scheme not in BROWSER_SCHEMES
            and urlsplit(url).netloc != here]


def published(site: Path) -> dict[str, str]:
    return {path.relative_to(site).as_posix(): path.read_text("utf-8", errors="replace")
            for path in site.rglob("*") if path.is_file()}


# Class 1 -------------------------------------------------------------------------------------


def test_a_doc_sets_no_id_class_title_or_data_attribute(hostile: tuple[Path, str], server: str,
                                                       browser: Any) -> None:
    site, _ = hostile
    html = (site / NORTHWIND_PAGE / "index.html").read_text("utf-8")
    article = html[html.index("<article"):html.index("</article>")]
    assert "Forged card" in article and "Clobber" in article  # the doc is shown, as text
    for forged in ('id="__', "name=", "data-md", "md-tooltip", "md-sidebar", "annotate", "mermaid",
                   "onclick", "title=\"<", "title=\"&lt;"):
        assert forged not in article, forged
    assert 'class="admonition note"' in article  # the forged card is a plain note
    assert {"h-__config", "h-__search"} <= set(re.findall(r'<h2 id="([^"]+)"', article))

    open_page(browser, server + NORTHWIND_PAGE)
    for theme_id, tag in (("__config", "SCRIPT"), ("__search", "INPUT"), ("__drawer", "INPUT")):
        found = browser.execute_script(
            f"return Array.from(document.querySelectorAll('[id=\"{theme_id}\"], [name=\"{theme_id}\"]'))"
            ".map(e => e.tagName);")
        assert found == [tag], (theme_id, found)
    assert browser.execute_script("return document.querySelectorAll('article [data-md-component],"
                                  " article [data-md-tooltip], article [onclick]').length") == 0
    # The site still works: its own script sets up search, which loads and finds the client.
    from selenium.webdriver.support import expected_conditions as until

    box = waiting(browser).until(until.element_to_be_clickable(
        ("css selector", "header #handoff-search input.pagefind-ui__search-input")))
    box.send_keys("Northwind")
    waiting(browser).until(
        lambda driver: driver.find_elements("css selector", ".pagefind-ui__result-link"))
    assert marker(browser) is None
    assert left_the_server(browser, server) == []


# Class 2 -------------------------------------------------------------------------------------


def test_the_policy_stops_markup_that_slipped_through(hostile: tuple[Path, str], server: str,
                                                      browser: Any) -> None:
    open_page(browser, server + "control-no-csp.html")
    assert marker(browser) == "control"
    open_page(browser, server + NORTHWIND_PAGE + "slipped.html")
    assert marker(browser) is None  # neither the inline script nor the handler ran
    blocked = [e["message"] for e in browser.get_log("browser") if "Content Security Policy" in e["message"]]
    assert len(blocked) >= 2, blocked
    assert browser.find_element("css selector", "article").text  # the page itself still renders


def test_no_page_needs_what_the_policy_forbids(hostile: tuple[Path, str], server: str, browser: Any) -> None:
    site, _ = hostile
    # The filtered lists too: their rows come from JSON the site's script writes as text.
    pages = ["", NORTHWIND_PAGE, "registers/risks/", "registers/risks/all/", "all-clients/", "guide/rules/",
             "404.html"]
    for page in pages:
        open_page(browser, server + page)
        assert marker(browser) is None, page
    open_page(browser, server + "registers/risks/all/")
    assert RISK_MARKUP in browser.find_element("css selector", ".handoff-filter-table").text
    log = browser.get_log("browser")
    assert [e["message"] for e in log if "Content Security Policy" in e["message"]] == []
    for path in site.rglob("*.html"):
        if path.name not in ("control-no-csp.html", "slipped.html"):
            html = path.read_text("utf-8")
            assert csp.inline_scripts(html) == [] and csp.meta_tag() in html, path
    assert left_the_server(browser, server) == []


# Class 3 -------------------------------------------------------------------------------------


def test_only_handoff_docs_are_published(hostile: tuple[Path, str], server: str, browser: Any) -> None:
    site, output = hostile
    files = published(site)
    for name in STRAYS:
        assert f"clients/{name}: not a handoff doc; the site does not publish it" in output, name
        stem = Path(name).stem
        assert not [path for path in files if stem in path and "control" not in path], name
    # (The hostile guide page's witness, __pwned=7, shows as text in the navigation and its slug.)
    assert not [path for path, text in files.items()
                if re.search(r"__pwned(?!=?7)", text)
                and path not in ("control-no-csp.html", NORTHWIND_PAGE + "slipped.html")
                and not path.startswith("search/")]
    for name in ("northwind-logistics/01-handoff/evil.html", "northwind-logistics/01-handoff/evil.svg",
                 "evil.js"):
        open_page(browser, server + name)
        assert marker(browser) is None and "404" in browser.page_source, name
    assert left_the_server(browser, server) == []


def test_a_guide_page_s_front_matter_and_body_run_nothing(hostile: tuple[Path, str], server: str,
                                                          browser: Any) -> None:
    site, output = hostile
    for key in ("author", "template", "location", "icon", "status", "subtitle", "hide", "search", "tags"):
        assert "guide/hostile-guide.md:" in output and f"front matter key '{key}'" in output, key
    assert "guide/README.md: the site writes this page itself; rename the file" in output
    html = (site / "guide" / "hostile-guide" / "index.html").read_text("utf-8")
    assert "redirect" not in html.split("</head>")[0] and "http-equiv=\"refresh\"" not in html
    assert csp.inline_scripts(html) == [] and "<script>window" not in html
    open_page(browser, server + "guide/hostile-guide/")
    assert marker(browser) is None
    assert browser.title.startswith("</title><script>")  # the title is shown as the page wrote it
    assert "<script>" in browser.find_element("css selector", "article h1").text
    assert browser.execute_script("return document.querySelectorAll('article [onclick], article script,"
                                  " article img, a[href^=javascript]').length") == 0
    open_page(browser, server + "guide/")
    assert marker(browser) is None and "How to write a handoff" in browser.page_source
    assert left_the_server(browser, server) == []


def test_script_that_is_not_the_theme_s_fails_the_build_strict_or_not(tmp_path: Path) -> None:
    # Whatever puts it there (here a template override; a page's text or front matter cannot),
    # a page with an inline script, a handler or a javascript: URL of its own is never published.
    config = copy_site_project(tmp_path / "project")
    override = config.parent / "overrides" / "main.html"
    override.write_text(override.read_text("utf-8") + (
        "{% block scripts %}{{ super() }}<script>window.__pwned='override'</script>"
        "<a href='javascript:void(1)' onmouseover=\"window.__pwned='handler'\">x</a>"
        "{% endblock %}\n"), "utf-8")
    result = build_site(config, tmp_path / "site", strict=False)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert ("index.md: an inline script that is not one of the theme's: \"window.__pwned='override'\"; "
            "the site publishes no script but the theme's") in result.stderr
    assert "index.md: a javascript: URL in" in result.stderr
    assert "index.md: the attribute onmouseover= in" in result.stderr
    assert "page(s) hold script that is not the theme's" in result.stdout + result.stderr
    assert [path for path in (tmp_path / "site").rglob("*.js") if "__pwned" in path.read_text("utf-8")] == []


# Class 4 -------------------------------------------------------------------------------------


def test_nothing_outside_the_repo_reaches_the_site(hostile: tuple[Path, str]) -> None:
    site, output = hostile
    files = published(site)
    assert not [path for path, text in files.items() if SECRET in text or "root:x:0:0" in text]
    assert not [path for path in files if path.startswith(("etc/", "linked/")) or "environ" in path
                or "passwd" in path or "glenmore" in path]
    for link in ("clients/northwind-logistics/secret.txt", "clients/northwind-logistics/environ.txt",
                 "clients/northwind-logistics/01-handoff/passwd.md", "clients/glenmore-distillers/"):
        assert f"{link}" in output and "a link; the site publishes nothing through it" in output, link
    assert "guide/environ.md: a link or not a regular file; the site publishes nothing through it" in output
    assert "overrides/environ.txt: a link; the site publishes nothing through it" in output


@pytest.mark.parametrize("target", ["/proc", "/etc", "outside", "inside"])
@pytest.mark.parametrize("where", ["clients/linked", "clients/northwind-logistics/.hidden"])
def test_a_linked_folder_stops_the_build(target: str, where: str, tmp_path: Path) -> None:
    # MkDocs follows links while it lists the docs: into /proc that never ends. So the build
    # refuses before it starts, in a second, with the link named and no traceback.
    config = copy_site_project(tmp_path / "project")
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.md").write_text(SECRET, "utf-8")
    leads_to = {"outside": outside, "inside": config.parent / "guide"}.get(target, Path(target))
    (config.parent / where).symlink_to(leads_to, target_is_directory=True)
    started = children_cpu_seconds()
    result = build_site(config, tmp_path / "site", strict=False)
    assert children_cpu_seconds() - started < 30  # CPU time of the build: a build of /proc never ends
    assert result.returncode == 1
    assert f"{where}: a link to a folder; the site is built from no folder reached through a link" in (
        result.stderr)
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "site").exists()


# Class 5 -------------------------------------------------------------------------------------


def test_images_that_only_look_local_load_nothing(hostile: tuple[Path, str], server: str,
                                                  browser: Any) -> None:
    site, _ = hostile
    html = (site / NORTHWIND_PAGE / "index.html").read_text("utf-8")
    images = re.findall(r"<img\b[^>]*>", html[html.index("<article"):html.index("</article>")])
    assert images == []  # none at all: a doc's image never loads, not even from this site
    assert html.count(">img") >= len(OTHER_HOST_IMAGES) - 2  # shown as links or text instead
    open_page(browser, server + NORTHWIND_PAGE)
    assert left_the_server(browser, server) == []
    assert marker(browser) is None



def test_what_is_a_safe_link_agrees_with_chromium(browser: Any) -> None:
    # Every link target the site keeps must, in the browser, be http(s), mailto or tel.
    from handoff_lint.reading.links import is_safe_link

    noise = ["", " ", "\t", "\n", "\x00", "\x01", "\x1f", "\x7f"]
    variants = [f"{lead}{a}{gap}{b}:alert(1)" for lead in noise for gap in noise
                for a, b in (("java", "script"), ("JaVa", "ScRiPt"), ("vb", "script"), ("da", "ta"))]
    variants += [f"{lead}{scheme}:x" for lead in noise for scheme in ("file", "blob", "ftp", "ws")]
    parsed = browser.execute_script(
        "return arguments[0].map(u => { try { return new URL(u, 'http://127.0.0.1:8000/a/').protocol; }"
        " catch (e) { return 'invalid'; } });", variants)
    kept = [(v, protocol) for v, protocol in zip(variants, parsed, strict=True) if is_safe_link(v)]
    assert [(v, p) for v, p in kept if p not in ("http:", "https:", "mailto:", "tel:", "invalid")] == []
    assert any(p == "javascript:" for p in parsed)  # the spellings do reach the dangerous schemes
