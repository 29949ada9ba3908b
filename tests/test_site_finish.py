"""The error page under a sub-path: built for real with site_url set to one, by `mkdocs build` (the
hook) and by `handoff site build` (the steps), every link and asset in 404.html starts with that
sub-path; without site_url both builds say plainly that 404.html assumes the server's root."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from conftest import build_site, copy_site_project, site_build
from handoff_lint.site import finish

SITE_URL = "https://intranet.example.com/handoff/"
SUB_PATH = "/handoff/"


class _Addresses(HTMLParser):
    """Every address a page links to or loads: href, src, and url(...) in a style."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if value and name in ("href", "src", "action", "poster", "data"):
                self.found.append(value)
            if value and name == "style":
                self.found += re.findall(r"url\(\s*['\"]?([^'\")]+)", value)


def addresses(page: str) -> list[str]:
    parser = _Addresses()
    parser.feed(page)
    return parser.found


def _with_site_url(config: Path, site_url: str) -> None:
    text = config.read_text("utf-8")
    config.write_text(text.replace("site_name: Client handoffs\n",
                                   f"site_name: Client handoffs\nsite_url: {site_url}\n", 1), "utf-8")
    assert f"site_url: {site_url}" in config.read_text("utf-8")


def _scopes(site: Path, page: str) -> list[str]:
    """The scope the theme's moved inline scripts of a page give its stored settings."""
    scripts = [site / address.removeprefix(SUB_PATH) for address in addresses(page)
               if "/javascripts/inline/" in address]
    return [scope for path in scripts for scope in re.findall(r'__md_scope=new URL\("([^"]*)"',
                                                               path.read_text("utf-8"))]


@pytest.mark.parametrize("how", ["mkdocs", "steps"])
def test_every_link_and_asset_of_the_error_page_starts_with_the_sub_path(tmp_path: Path, how: str) -> None:
    config = copy_site_project(tmp_path / "project")
    _with_site_url(config, SITE_URL)
    site = tmp_path / "site"
    result = build_site(config, site) if how == "mkdocs" else site_build(config.parent, site, "mkdocs",
                                                                           "--strict")
    assert result.returncode == 0, result.stderr[-3000:]
    page = (site / finish.ERROR_PAGE).read_text("utf-8")
    found = addresses(page)
    assert len(found) > 15 and any(a.endswith("handoff.css") for a in found)
    assert [a for a in found if not a.startswith(SUB_PATH)] == []
    assert _scopes(site, page) == [SUB_PATH]
    assert "404.html: its links" not in result.stderr


@pytest.mark.parametrize("how", ["mkdocs", "steps"])
def test_without_site_url_the_build_says_that_the_error_page_assumes_the_root(
    tmp_path: Path, how: str
) -> None:
    config = copy_site_project(tmp_path / "project")
    assert "site_url" not in config.read_text("utf-8")
    site = tmp_path / "site"
    result = build_site(config, site) if how == "mkdocs" else site_build(config.parent, site, "mkdocs",
                                                                           "--strict")
    assert result.returncode == 0, result.stderr[-3000:]
    note = finish.error_page_note("")
    assert note is not None and note in result.stderr
    found = addresses((site / finish.ERROR_PAGE).read_text("utf-8"))
    assert found and all(a.startswith("/") for a in found)


def test_the_note_is_only_for_a_site_without_site_url() -> None:
    assert finish.error_page_note(SITE_URL) is None
    note = finish.error_page_note("")
    assert note is not None and note.startswith("404.html") and "site_url" in note
