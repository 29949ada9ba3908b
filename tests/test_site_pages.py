"""The whole site from checked docs, with no site generator involved."""

from __future__ import annotations

import re
from dataclasses import replace

from conftest import SITE_DATE, example_site_docs
from handoff_lint.codes import REGISTRY
from handoff_lint.schema import load_schema
from handoff_lint.site import client_index, paging, uris
from handoff_lint.site.background import download_paths
from handoff_lint.site.clients import view
from handoff_lint.site.pages import ROBOTS_TXT, build, markdown_title, script


def test_every_page_is_generated_and_every_client_has_a_page() -> None:
    docs = example_site_docs()
    site = build(docs, today=SITE_DATE, default_region="england-and-wales",
                 schema=load_schema(), rules=REGISTRY.values())
    # The fixed pages and files, then one view per person (besides the pages of the paged lists).
    per_person = {uri for uri in set(site.generated) - set(uris.GENERATED)
                  if uri.startswith(("people/", "calendar/")) and not uri.startswith("people/commission/")}
    assert set(uris.GENERATED) <= set(site.generated) | set(download_paths(site.views))
    people = {v.account_manager for v in site.views} | {v.ae for v in site.views}
    assert {uri for uri in per_person if uri.endswith(".md")} == {
        uris.person_page(role, name) for role, name in
        [*(("am", v.account_manager) for v in site.views), *(("ae", v.ae) for v in site.views)]}
    # The feeds and exports are made from the views beside the pages (site.background.downloads).
    assert not any(uri.endswith(".ics") for uri in site.generated)
    assert {uri for uri in download_paths(site.views) if uri.startswith("calendar/")} == {
        uris.CALENDAR_ALL, *(uris.am_calendar(v.account_manager) for v in site.views)}
    assert len(people) >= 4
    assert set(site.client_pages) == {d.src_uri for d in docs}
    assert site.generated[uris.ROBOTS] == ROBOTS_TXT == "User-agent: *\nDisallow: /\n"


def test_the_navigation_lists_no_client_and_every_generated_section() -> None:
    docs = example_site_docs()
    site = build(docs, today=SITE_DATE, default_region="england-and-wales",
                 schema=load_schema(), rules=REGISTRY.values(),
                 hand_written=[("guide/bad-input.md", "Bad input"),
                               ("guide/handoff-format.md", "The format, by example")])
    sections = {next(iter(e)): next(iter(e.values())) for e in site.nav if isinstance(e, dict)}
    assert sections["Clients"] == [{"Clients A–Z": uris.CLIENT_INDEX}, {"All clients": uris.ALL_CLIENTS},
                                   {"Needs action": uris.ATTENTION}, {"Portfolio": uris.PORTFOLIO}]
    assert not any(d.src_uri in str(site.nav) for d in docs)
    guide = sections["Guide"]
    assert guide == [  # the format guide straight after the page that leads to it
        {"How to write a handoff": uris.GUIDE},
        {"The format, by example": "guide/handoff-format.md"},
        {"Bad input": "guide/bad-input.md"},
        {"Format reference": uris.FORMAT_REFERENCE},
        {"Rules reference": uris.RULES},
    ]


def test_a_hand_written_pages_title_is_its_first_heading() -> None:
    assert markdown_title("intro\n# The format, by example\n\n## More\n", "x") == "The format, by example"
    assert markdown_title("no heading\n", "handoff-format") == "handoff-format"


def test_clients_a_to_z_are_grouped_by_initial_in_pages_of_bounded_size() -> None:
    northwind = next(d for d in example_site_docs() if "northwind" in d.src_uri)
    names = ["Ébène Studio", "8 Bridges", "acme", "Zed Ltd"] + [f"Beta {n:03}" for n in range(250)]
    views = [replace(view(northwind.checked, f"{n}.md", "england-and-wales", SITE_DATE),
                     name=n) for n in names]

    found = client_index.pages(views)

    assert list(client_index.by_initial(views)) == ["A", "B", "E", "Z", "#"]
    beta = [uri for uri in found if uri.startswith("clients-a-z/b")]
    assert beta == ["clients-a-z/b.md", "clients-a-z/b/2.md", "clients-a-z/b/3.md"]
    assert all(page.count("\n| [") <= paging.ROWS for page in found.values())
    assert "Page 2 of 3" in found["clients-a-z/b/2.md"]
    assert "[Ébène Studio](../Ébène%20Studio.md)" in found["clients-a-z/e.md"]


def test_a_client_page_has_a_breadcrumb_to_its_initials_page() -> None:
    docs = example_site_docs()
    site = build(docs, today=SITE_DATE, default_region="england-and-wales",
                 schema=load_schema(), rules=REGISTRY.values())
    northwind = next(d.src_uri for d in docs if "northwind" in d.src_uri)
    page = site.client_pages[northwind]
    assert "[Clients A–Z](../../clients-a-z/index.md) › [N](../../clients-a-z/n.md) › " in page
    assert page.index("› Northwind") < page.index("\n# ")


def test_the_script_reads_the_shard_count_from_the_main_search_bundle() -> None:
    text = script()
    assert '"../pagefind/"' in text and '"handoff-shards.json"' in text and '"shard-"' in text
    assert "mergeIndex" in text and "debounceTimeoutMs: 250" in text
    assert not re.search(r"__[A-Z]", text)  # every placeholder filled in
