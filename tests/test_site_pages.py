"""The whole site from checked docs, with no site generator involved."""

from __future__ import annotations

from dataclasses import replace

from conftest import SITE_DATE, example_site_docs
from handoff_lint.codes import REGISTRY
from handoff_lint.schema import load_schema
from handoff_lint.site import uris
from handoff_lint.site.clients import view
from handoff_lint.site.pages import ROBOTS_TXT, build, client_navigation, markdown_title


def test_every_page_is_generated_and_every_client_has_a_page() -> None:
    docs = example_site_docs()
    site = build(docs, today=SITE_DATE, default_region="england-and-wales",
                 schema=load_schema(), rules=REGISTRY.values())
    # The fixed pages and files, then one view per person and one calendar per Account Manager.
    per_person = set(site.generated) - set(uris.GENERATED)
    assert set(uris.GENERATED) <= set(site.generated)
    people = {v.account_manager for v in site.views} | {v.ae for v in site.views}
    assert {uri for uri in per_person if uri.endswith(".md")} == {
        uris.person_page(role, name) for role, name in
        [*(("am", v.account_manager) for v in site.views), *(("ae", v.ae) for v in site.views)]}
    assert {uri for uri in per_person if uri.endswith(".ics")} == {
        uris.am_calendar(v.account_manager) for v in site.views}
    assert len(people) >= 4
    assert set(site.client_pages) == {d.src_uri for d in docs}
    assert site.generated[uris.ROBOTS] == ROBOTS_TXT == "User-agent: *\nDisallow: /\n"


def test_the_navigation_lists_every_client_by_name_and_every_generated_page() -> None:
    docs = example_site_docs()
    site = build(docs, today=SITE_DATE, default_region="england-and-wales",
                 schema=load_schema(), rules=REGISTRY.values(),
                 hand_written=[("guide/bad-input.md", "Bad input"),
                               ("guide/handoff-format.md", "The format, by example")])
    sections = {next(iter(e)): next(iter(e.values())) for e in site.nav if isinstance(e, dict)}
    clients = sections["Clients"]
    assert isinstance(clients, list)
    assert [next(iter(c.values())) for c in clients] == [
        v.src_uri for v in sorted(site.views, key=lambda v: v.name.casefold())]
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


def test_a_long_client_list_is_grouped_by_initial_and_a_short_one_is_not() -> None:
    northwind = next(d for d in example_site_docs() if "northwind" in d.src_uri)
    names = ["Ébène Studio", "8 Bridges", "acme", "Zed Ltd"] + [f"Beta {n:02}" for n in range(60)]
    views = [replace(view(northwind.checked, f"{n}.md", "england-and-wales", SITE_DATE),
                     name=n) for n in names]

    grouped = client_navigation(views)

    assert [next(iter(group)) for group in grouped] == ["A", "B", "E", "Z", "#"]
    assert grouped[2] == {"E": [{"Ébène Studio": "Ébène Studio.md"}]}
    assert client_navigation(views[:3]) == [
        {"8 Bridges": "8 Bridges.md"}, {"acme": "acme.md"}, {"Ébène Studio": "Ébène Studio.md"}]
