"""The whole site from checked docs, with no site generator involved."""

from __future__ import annotations

import posixpath
import re
from dataclasses import replace

import pytest
import yaml
from conftest import NORTHWIND, SITE_DATE, check_doc, example_site_docs, example_text
from handoff_lint.codes import REGISTRY
from handoff_lint.contract.schema import load_schema
from handoff_lint.site import client_index, names, paging, uris
from handoff_lint.site.allocate import PathCollision
from handoff_lint.site.background import download_paths
from handoff_lint.site.clients import view
from handoff_lint.site.guide import markdown_title
from handoff_lint.site.pages import ROBOTS_TXT, Doc, Site, build
from handoff_lint.site.people import PAGE_SIZE
from handoff_lint.site.script import script


def _body(page: str) -> str:
    """A generated page after its front matter."""
    return page.split("\n---\n\n", 1)[1] if page.startswith("---\n") else page


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
        [*(("am", v.account_manager) for v in site.views), *(("ae", v.ae) for v in site.views),
         *(("dl", v.delivery_lead) for v in site.views)] if name}
    # The feeds and exports are made from the views beside the pages (site.background.downloads).
    assert not any(uri.endswith(".ics") for uri in site.generated)
    assert {uri for uri in download_paths(site.views) if uri.startswith("calendar/")} == {
        uris.CALENDAR_ALL, *(uris.am_calendar(v.account_manager) for v in site.views if v.account_manager)}
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


def _site_of(*people: tuple[str, str, int]) -> Site:
    """A site of the Northwind doc written (ae, account_manager) several times over: each
    (AE, AM, how many clients) gets that many clients, each its own page path."""
    docs = []
    for number, (ae, manager, count) in enumerate(people):
        text = example_text().replace("ae: Priya Shah", f"ae: {ae}").replace(
            "account_manager: Hannah Lee", f"account_manager: {manager}")
        checked = check_doc(text)
        docs += [Doc(f"client-{number}-{n:03}/01-handoff/handoff.md", checked) for n in range(count)]
    return build(docs, today=SITE_DATE, default_region="england-and-wales", schema=load_schema(),
                 rules=REGISTRY.values())


def _targets(page: str, markdown: str) -> list[str]:
    """Where a page's links lead, as page paths in the site."""
    return [posixpath.normpath(posixpath.join(posixpath.dirname(page), target))
            for target in re.findall(r"\]\(([^)\s]+)\)", markdown)]


def _person_pages(site: Site, role: str, name: str) -> list[str]:
    """A person's pages, from the first through each 'next page' link."""
    found = [uris.person_page(role, name)]
    while match := re.search(r"\[next page\]\(([^)]+)\)", site.generated[found[-1]]):
        found.append(posixpath.normpath(posixpath.join(posixpath.dirname(found[-1]), match.group(1))))
    return found


def test_page_2_of_priya_shahs_list_and_priya_shah_2s_page_are_two_pages() -> None:
    site = _site_of(("Priya Shah", "Hannah Lee", PAGE_SIZE + 3), ("Priya Shah 2", "Tom Reid", 1))
    priya = _person_pages(site, "ae", "Priya Shah")
    other = _person_pages(site, "ae", "Priya Shah 2")
    assert len(priya) == 2 and len(other) == 1 and not set(priya) & set(other)
    assert _body(site.generated[other[0]]).startswith("# AE: Priya Shah 2\n")
    assert all(_body(site.generated[page]).startswith("# AE: Priya Shah (page") for page in priya)
    # Every client is on its AE's pages, and on no one else's.
    listed = [t for page in priya for t in _targets(page, site.generated[page]) if "/01-handoff/" in t]
    assert sorted(listed) == sorted(v.src_uri for v in site.views if v.ae == "Priya Shah")
    assert [t for t in _targets(other[0], site.generated[other[0]]) if "/01-handoff/" in t] == [
        v.src_uri for v in site.views if v.ae == "Priya Shah 2"]


def test_names_that_slug_the_same_are_two_people_with_pages_and_feeds_of_their_own() -> None:
    site = _site_of(("Priya Shah", "José García", 2), ("Priya Shah", "Jose Garcia", 3),
                    ("Priya Shah", "jose  GARCIA", 1))
    accented, plain = uris.person_page("am", "José García"), uris.person_page("am", "Jose Garcia")
    assert accented != plain and plain == "people/am-jose-garcia.md"
    assert _body(site.generated[accented]).startswith("# Account Manager: José García\n")
    assert _body(site.generated[plain]).startswith("# Account Manager: Jose Garcia\n")  # and 'jose  GARCIA'
    for page, manager in ((accented, "José García"), (plain, "Jose Garcia")):
        listed = [t for t in _targets(page, site.generated[page]) if "/01-handoff/" in t]
        assert sorted(listed) == sorted(v.src_uri for v in site.views
                                        if names.person_key(v.account_manager) == names.person_key(manager))
    assert len({uris.am_calendar("José García"), uris.am_calendar("Jose Garcia")} &
               set(download_paths(site.views))) == 2
    index = _targets(uris.PEOPLE, site.generated[uris.PEOPLE])
    assert accented in index and plain in index
    # The same name keeps its path whoever else is named.
    assert accented in _site_of(("Priya Shah", "José García", 1)).generated


def test_two_pages_for_one_address_are_a_build_error() -> None:
    doc = example_site_docs()[0]
    for path in ("people/index.md", "registers/risks/index.md", "Registers/Risks.md", "calendar/all.ics"):
        with pytest.raises(PathCollision, match="would be the same page"):
            build([replace(doc, src_uri=path)], today=SITE_DATE, default_region="england-and-wales",
                  schema=load_schema(), rules=REGISTRY.values())


def test_every_generated_page_carries_its_title_as_html_text() -> None:
    """A page without a title of its own gets its heading's through the theme's striptags, which
    turns '&lt;' back into '<': a name in a heading would end the <title> and add markup."""
    hostile = "Ben </title><svg onload=alert(1)> &amp; `x`"
    text = example_text().replace("ae: Priya Shah", f"ae: {hostile!r}", 1)
    docs = [Doc(str(NORTHWIND.relative_to("clients")), check_doc(text))]
    site = build(docs, today=SITE_DATE, default_region="england-and-wales", schema=load_schema(),
                 rules=REGISTRY.values())
    pages = {uri: page for uri, page in site.generated.items() if uri.endswith(".md")}
    for uri, page in pages.items():
        assert page.startswith("---\n"), uri
        title = yaml.safe_load(page[4:page.index("\n---\n", 3)])["title"]
        assert "<" not in title and ">" not in title and '"' not in title, uri
    person = yaml.safe_load(pages[uris.person_page("ae", hostile)].split("---\n")[1])["title"]
    assert person == "AE: Ben &lt;/title&gt;&lt;svg onload=alert(1)&gt; &amp;amp; `x`"
