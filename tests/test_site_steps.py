"""The site built in steps any generator can run: MkDocs, ProperDocs and Zensical publish the same
site, checked, hardened and searchable; a generator run without the steps publishes no client page."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
import yaml
from conftest import (
    EXAMPLES,
    REPO,
    SITE_TODAY,
    copy_site_project,
    indexed_pages,
    replace_once,
    serving,
    site_build,
)
from handoff_lint.site import csp, finish, prepare, search
from handoff_lint.site.generators import GENERATORS

GENERATOR_NAMES = sorted(GENERATORS)
SITE_DAY = dt.date.fromisoformat(SITE_TODAY)


@pytest.fixture(scope="module")
def stepped_sites(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The repository's site built with each generator through the same steps, --strict."""
    built = {}
    for generator in GENERATOR_NAMES:
        site = tmp_path_factory.mktemp(f"site-{generator}") / "site"
        result = site_build(REPO, site, generator, "--strict")
        assert result.returncode == 0, result.stdout + result.stderr
        built[generator] = site
    return built


def html_pages(site: Path) -> set[str]:
    return {p.relative_to(site).as_posix() for p in site.rglob("*.html")}


def test_every_generator_publishes_the_pages_the_mkdocs_hook_publishes(
    stepped_sites: dict[str, Path], built_site: Path
) -> None:
    expected = html_pages(built_site)
    assert len(expected) > 40
    for generator, site in stepped_sites.items():
        assert html_pages(site) == expected, generator
        for download in ("calendar/all.ics", "exports/clients.csv", "_headers", "robots.txt"):
            assert (site / download).is_file(), (generator, download)


def test_every_page_carries_the_policy_and_runs_no_inline_script(stepped_sites: dict[str, Path]) -> None:
    for generator, site in stepped_sites.items():
        for page in site.rglob("*.html"):
            text = page.read_text("utf-8")
            assert csp.meta_tag() in text, (generator, page)
            assert csp.inline_scripts(text) == [], (generator, page)


def test_search_indexes_every_client_page_and_the_guide(stepped_sites: dict[str, Path]) -> None:
    for generator, site in stepped_sites.items():
        pages = [path for path, _ in indexed_pages(site)]
        assert sum("/01-handoff/" in path for path in pages) == len(EXAMPLES), generator
        assert any(path.startswith("guide/") for path in pages), generator
        entry = json.loads((site / search.BUNDLE / "pagefind-entry.json").read_text("utf-8"))
        assert sum(language["page_count"] for language in entry["languages"].values()) == len(pages)


def test_each_client_page_shows_its_card_timeline_and_intro_email(stepped_sites: dict[str, Path]) -> None:
    for generator, site in stepped_sites.items():
        for doc in EXAMPLES:
            page = (site / doc.parent.parent.name / "01-handoff" / doc.stem / "index.html").read_text("utf-8")
            assert ' handoff-card"' in page and "<svg" in page, generator
            assert 'id="handoff-intro-e-mail"' in page, generator


@pytest.mark.parametrize("generator", GENERATOR_NAMES)
def test_a_strict_build_fails_on_an_incomplete_doc(generator: str, tmp_path: Path) -> None:
    project = copy_site_project(tmp_path / "project").parent
    doc = project / EXAMPLES[0].relative_to(REPO)
    doc.write_text(replace_once(doc.read_text("utf-8"), "## Section G", "## Section Q"), "utf-8")
    result = site_build(project, tmp_path / "site", generator, "--strict")
    assert result.returncode == 1, result.stdout + result.stderr
    assert f"{doc.relative_to(project).as_posix()}:" in result.stdout
    assert "HO301" in result.stdout or "HO302" in result.stdout


@pytest.mark.parametrize("generator", ["zensical", "mkdocs"])
def test_a_guide_pages_front_matter_reaches_no_theme_as_markup(generator: str, tmp_path: Path) -> None:
    project = copy_site_project(tmp_path / "project").parent
    (project / "guide" / "evil.md").write_text(
        '---\ntitle: "</title><script>window.__pwned = 1</script>"\ndescription: "\\"><script>x</script>"\n'
        "template: evil.html\n---\n\n# Evil\n\nText.\n", "utf-8")
    result = site_build(project, tmp_path / "site", generator)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "HO207" in result.stdout  # the key the site does not publish, reported
    page = (tmp_path / "site" / "guide" / "evil" / "index.html").read_text("utf-8")
    assert "<script>window" not in page and "<script>x" not in page
    assert csp.inline_scripts(page) == []


@pytest.mark.parametrize("name", ["..md", "Index.md", 'x"><b>.md'])
def test_a_guide_page_not_named_in_plain_words_is_not_published(name: str, tmp_path: Path) -> None:
    """guide/..md would be built as guide/index.html, over the guide's front page (a hidden file is
    a draft, left out quietly, as MkDocs leaves it out)."""
    project = copy_site_project(tmp_path / "project").parent
    (project / "guide" / name).write_text("# Not the guide\n\nText.\n", "utf-8")
    result = site_build(project, tmp_path / "site", "mkdocs")
    assert result.returncode == 0, result.stdout + result.stderr
    assert name.startswith(".") or (f"guide/{name}: " in result.stdout and "rename the file" in result.stdout)
    assert not any("Not the guide" in page.read_text("utf-8") for page in (tmp_path / "site").rglob("*.html"))


def test_zensical_alone_publishes_no_client_page(tmp_path: Path) -> None:
    """Zensical reads mkdocs.yml but runs no hook: without the steps, nothing unchecked is published."""
    project = copy_site_project(tmp_path / "project").parent
    result = subprocess.run([sys.executable, "-I", "-m", "zensical", "build"], cwd=project,
                            capture_output=True, text=True, timeout=300, check=False)
    published = html_pages(project / "site") if (project / "site").is_dir() else set()
    assert result.returncode != 0
    assert "handoff site build" in result.stdout + result.stderr
    assert not [page for page in published if "/01-handoff/" in page]


def test_mkdocs_without_the_hook_publishes_no_client_page(tmp_path: Path) -> None:
    config = copy_site_project(tmp_path / "project")
    settings = yaml.safe_load(config.read_text("utf-8"))
    del settings["hooks"]
    config.write_text(yaml.safe_dump(settings), "utf-8")
    result = subprocess.run([sys.executable, "-I", "-m", "mkdocs", "build", "-d", str(tmp_path / "site")],
                            cwd=config.parent, capture_output=True, text=True, timeout=300, check=False)
    published = html_pages(tmp_path / "site") if (tmp_path / "site").is_dir() else set()
    assert result.returncode != 0
    assert not [page for page in published if "/01-handoff/" in page]


def test_a_folder_that_is_not_a_site_is_never_replaced(tmp_path: Path) -> None:
    kept = tmp_path / "notes"
    kept.mkdir()
    (kept / "plan.txt").write_text("mine", "utf-8")
    result = site_build(REPO, kept, "mkdocs")
    assert result.returncode == 2
    assert (kept / "plan.txt").read_text("utf-8") == "mine"
    assert "not a site built here" in result.stderr


def test_a_site_folder_through_a_link_is_refused(tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "keep.txt").write_text("keep", "utf-8")
    project = copy_site_project(tmp_path / "project").parent
    (project / "site").symlink_to(elsewhere, target_is_directory=True)
    result = site_build(project, project / "site", "mkdocs")
    assert result.returncode == 2
    assert (elsewhere / "keep.txt").read_text("utf-8") == "keep"


def test_a_clients_folder_through_a_link_is_refused_with_the_reason(tmp_path: Path) -> None:
    project = copy_site_project(tmp_path / "project").parent
    (project / "clients").rename(tmp_path / "elsewhere")
    (project / "clients").symlink_to(tmp_path / "elsewhere", target_is_directory=True)
    result = site_build(project, tmp_path / "site", "mkdocs")
    assert result.returncode == 2
    assert "clients: a link to a folder" in result.stderr and "internal error" not in result.stderr
    assert not (tmp_path / "site").exists()


def plant(project: Path, names: tuple[str, ...], marker: Path) -> None:
    for name in names:
        (project / name).mkdir()
        (project / name / "__init__.py").write_text(f"open({str(marker)!r}, 'a').write({name!r})\n", "utf-8")


def test_no_package_committed_to_the_repo_runs_in_the_steps(tmp_path: Path) -> None:
    """The generators run isolated, from a folder outside the repo."""
    project = copy_site_project(tmp_path / "project").parent
    marker = tmp_path / "ran"
    plant(project, ("pagefind", "mkdocs", "markdown", "yaml", "zensical", "properdocs", "material"), marker)
    for generator in GENERATOR_NAMES:
        assert site_build(project, tmp_path / f"site-{generator}", generator).returncode == 0
    assert not marker.exists()


def test_the_steps_refuse_to_run_with_the_repo_on_the_import_path(tmp_path: Path) -> None:
    """`python -m handoff_lint` run in the repo puts it on the import path: refused before the build
    imports what a repo could plant (what Python imported to start the command is beyond any check:
    the installed `handoff` command is the one to run)."""
    project = copy_site_project(tmp_path / "project").parent
    marker = tmp_path / "ran"
    plant(project, ("pagefind",), marker)
    command = [sys.executable, "-m", "handoff_lint", "site", "build", "-d", str(tmp_path / "x")]
    refused = subprocess.run(command, cwd=project, capture_output=True, text=True, timeout=600, check=False)
    assert refused.returncode == 2 and "import path" in refused.stderr
    assert not marker.exists()


def test_a_cache_folder_inside_the_repo_is_refused_without_a_traceback(tmp_path: Path) -> None:
    project = copy_site_project(tmp_path / "project").parent
    env_cache = project / "clients" / ".cache"
    result = subprocess.run([sys.executable, "-I", "-m", "handoff_lint", "site", "build", "-d",
                             str(tmp_path / "site")], cwd=project, capture_output=True, text=True,
                            env={**os.environ, "HANDOFF_CACHE_DIR": str(env_cache)}, timeout=600, check=False)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert not env_cache.exists()


# The pure parts of the steps.


def test_pages_are_written_where_every_generator_writes_them() -> None:
    assert finish.built_page("index.md") == "index.html"
    assert finish.built_page("registers/am/index.md") == "registers/am/index.html"
    assert finish.built_page("guide/rules.md") == "guide/rules/index.html"
    assert finish.built_page("acme/01-handoff/handoff-acme-2026-01-05.md") == \
        "acme/01-handoff/handoff-acme-2026-01-05/index.html"
    assert finish.built_page("guide/rules.md", directory_urls=False) == "guide/rules.html"


def test_search_marks_escape_every_value_and_stay_inside_the_article() -> None:
    page = ('<html><body><nav>menu</nav><article class="md-content__inner md-typeset"><h1>Acme</h1>'
            "</article><footer>f</footer></body></html>")
    record: dict[str, Any] = {"filters": {"Account Manager": ['"><script>x</script>']},
                              "names": ["<img src=x onerror=alert(1)>"], "weight": 10}
    marked = finish.mark_for_search(page, record)
    assert "<script>" not in marked and "<img" not in marked
    body = marked.index("<div data-pagefind-body>")
    assert marked.index("<nav>") < body < marked.index("<h1>Acme</h1>") < marked.index("<footer>")


def test_the_generator_config_drops_hooks_and_tells_safe_markdown_the_steps_run() -> None:
    settings = prepare.site_settings(REPO)
    config = prepare.generator_config(settings, [{"Dashboard": "index.md"}], SITE_DAY, has_overrides=True)
    assert "hooks" not in config and config["docs_dir"] == prepare.DOCS and config["site_dir"] == prepare.SITE
    safe = next(entry for entry in config["markdown_extensions"]
                if isinstance(entry, dict) and prepare.SAFE_MARKDOWN in entry)
    assert safe[prepare.SAFE_MARKDOWN]["prepared"] is True
    assert config["theme"]["custom_dir"] == prepare.OVERRIDES
    without = {**settings, "markdown_extensions": ["tables"]}
    with pytest.raises(prepare.SetupError, match="safe_markdown"):
        prepare.generator_config(without, [], SITE_DAY, has_overrides=False)


def test_a_site_config_with_a_tag_is_refused(tmp_path: Path) -> None:
    (tmp_path / "mkdocs.yml").write_text("site_name: !!python/name:os.system\n", "utf-8")
    with pytest.raises(prepare.SetupError, match="plain YAML"):
        prepare.site_settings(tmp_path)


@pytest.fixture
def zensical_server(stepped_sites: dict[str, Path]) -> Iterator[str]:
    with serving(stepped_sites["zensical"]) as url:
        yield urlsplit(url).netloc


def test_search_finds_a_client_on_the_zensical_site(zensical_server: str, browser: Any) -> None:
    from test_site_browser import (
        hr_sponsor,
        page_path,
        results,
        search_box,
        sole_client_of_its_hr_sponsor,
        type_query,
        waiting,
    )

    browser.get(f"http://{zensical_server}/")
    target = sole_client_of_its_hr_sponsor()
    type_query(search_box(browser), hr_sponsor(target))
    waiting(browser).until(lambda driver: (results(driver) or [""])[0] == page_path(target))
    assert [e["message"] for e in browser.get_log("browser") if e["level"] == "SEVERE"] == []


def test_a_guide_pages_front_matter_not_published_is_reported_once(tmp_path: Path) -> None:
    (tmp_path / "guide").mkdir()
    (tmp_path / "guide" / "notes.md").write_text("---\ntitle: Notes\ntemplate: evil.html\n---\n\n# Notes\n",
                                                 "utf-8")
    pages, findings, messages = prepare.hand_written_pages(tmp_path)
    assert [uri for uri, _ in pages] == ["guide/notes.md"]
    assert [(finding.code, finding.line) for finding in findings] == [("HO207", 3)]
    assert messages == []
    assert "template" not in pages[0][1].source
