"""The queues at the scale of a real firm: 1,000 generated clients (bench/generate.py, a year of
records with some late and a few forgotten), each checked by the real linter and made into the
site's pages by the page-generation functions (no mkdocs build: the suite would take minutes)."""

from __future__ import annotations

import re
from pathlib import PurePosixPath
from types import ModuleType

import pytest
from conftest import REPO
from handoff_lint.contract.config import Config
from handoff_lint.domain.lifecycle import Stage
from handoff_lint.domain.queue import DUE_WITHIN, RECORD_AFTER, ROLE_SLUGS, Bucket
from handoff_lint.engine.check import check_text
from handoff_lint.site import uris
from handoff_lint.site.clients import ClientView, view
from handoff_lint.site.dashboard import dashboard
from handoff_lint.site.people import pages
from handoff_lint.site.queues import MAX_NEEDS_ACTION, RECORDS, edit_base, edit_url, entries, records_pages

Firm = list[ClientView]


@pytest.fixture(scope="module")
def firm(generate: ModuleType) -> list[ClientView]:
    config = Config(root=REPO, today=generate.TODAY)
    return [view(check_text(c.relative, c.text, PurePosixPath(c.relative), config),
                 c.relative.removeprefix("clients/"), "england-and-wales", generate.TODAY)
            for c in generate.corpus(1000)]


def section(page: str, heading: str) -> str:
    start = page.index(f"## {heading}")
    end = page.find("\n## ", start + 1)
    return page[start:end if end >= 0 else None]


def test_needs_action_is_this_mornings_work_grouped_by_owner(firm: Firm, generate: ModuleType) -> None:
    today = generate.TODAY
    found = entries(firm, today)
    actionable = [e for e in found if e.item.actionable]
    records = [e for e in found if e.item.bucket is Bucket.RECORD]
    assert actionable and records  # a real firm has both
    action = section(dashboard(firm, today), "Needs action")
    listed = re.findall(r"^- \[(.+?)\]\(.+?\): (.+?)  $", action, re.MULTILINE)
    assert 0 < len(listed) <= MAX_NEEDS_ACTION
    assert len(listed) == min(MAX_NEEDS_ACTION, len(actionable))
    for _, words in listed:
        overdue = re.search(r"overdue by (\d+) working days?", words)
        due = re.search(r"due (today|\w{3} \d+ \w{3})", words)
        recent = overdue is not None and int(overdue.group(1)) <= RECORD_AFTER
        assert recent or "since the weekend" in words or due, words
    shown = {(e.view.name, e.item.words(today)) for e in actionable[:MAX_NEEDS_ACTION]}
    assert set(listed) == shown
    assert all(e.item.late <= RECORD_AFTER and (e.item.overdue or e.item.left <= DUE_WITHIN)
               for e in actionable)
    # Grouped by owner, each with their count; the records are a count with a link, not a list.
    headings = re.findall(r"^### .+\((Delivery Lead|Account Manager|AE)\): (\d+) items?", action,
                          re.MULTILINE)
    assert headings and sum(int(count) >= 1 for _, count in headings) == len(headings)
    assert f"**Records to complete: {len(records)}**" in action
    assert f"]({RECORDS})" in action
    record_words = {e.item.words(today) for e in records}
    assert not any(words in record_words for _, words in listed)


def test_a_done_client_is_in_no_queue_and_not_in_high_risks(firm: Firm, generate: ModuleType) -> None:
    today = generate.TODAY
    done = [v for v in firm if v.clock.stage is Stage.COMPLETE]
    assert len(done) > 100
    queued = {e.view.src_uri for e in entries(firm, today)}
    assert not queued & {v.src_uri for v in done}
    risks = section(dashboard(firm, today), "High risks")
    assert not any(f"]({v.src_uri})" in risks for v in done)
    # The queues on the people's pages (above their client lists) and the records' pages.
    queues = [page[:page.index("## Clients")] for page in pages(firm, today).values() if "## Clients" in page]
    queues += records_pages(firm, today).values()
    linked = set(re.findall(r"\]\((?:\.\./)*([^)]+\.md)\)", "".join(queues)))
    assert linked and not linked & {v.src_uri for v in done}


def test_each_person_page_lists_their_items_and_the_records_apart(firm: Firm, generate: ModuleType) -> None:
    today = generate.TODAY
    found = pages(firm, today)
    owner = next(e for e in entries(firm, today) if e.item.actionable and e.item.owner)
    page = found[uris.person_page(ROLE_SLUGS[owner.item.role], owner.item.owner)]
    assert page.index("## Due today") < page.index("## Due this week") < page.index("## Overdue") \
        < page.index("## Records to complete") < page.index("## Clients")
    assert owner.item.words(today) in page
    assert max(len(p) for p in found.values()) < 200_000  # bounded however many clients


@pytest.mark.parametrize(("repo_url", "edit_uri", "expected"), [
    ("https://github.com/firm/handoffs", "edit/main/clients/",
     "https://github.com/firm/handoffs/edit/main/clients/"),
    ("https://gitlab.example/firm/handoffs/", "-/edit/main/clients",
     "https://gitlab.example/firm/handoffs/-/edit/main/clients/"),
    (None, "edit/main/clients/", ""),
    ("https://github.com/firm/handoffs", None, ""),
    ("http://github.com/firm/handoffs", "edit/main/clients/", ""),
    ("javascript:alert(1)//", "x", ""),
    ("https://github.com/firm/handoffs", "edit/main/clients/\")<script>", ""),
])
def test_an_edit_link_only_from_a_plain_https_address(repo_url: str | None, edit_uri: str | None,
                                                       expected: str) -> None:
    assert edit_base(repo_url, edit_uri) == expected


def test_the_doc_path_in_an_edit_link_is_percent_encoded() -> None:
    base = "https://github.com/firm/handoffs/edit/main/clients/"
    assert edit_url(base, "a b/01-handoff/x)(y.md") == base + "a%20b/01-handoff/x%29%28y.md"
    assert edit_url("", "a/b.md") == ""
