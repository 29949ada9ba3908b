"""The guide: its front page states the playbook's rules, and its references are generated from the
schema and the rule registry, so neither can drift from what the linter checks."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pytest
import yaml
from conftest import REPO, example_text, lint, replace_once
from handoff_lint.codes import REGISTRY, Rule
from handoff_lint.contract.schema import load_schema, properties, title_of
from handoff_lint.diagnostics import Severity
from handoff_lint.domain.deadlines import AM_ASSIGNED_WITHIN, HANDOFF_CALL_WITHIN, TRIGGER_CONDITIONS
from handoff_lint.site import uris
from handoff_lint.site.attributes import trusted_id
from handoff_lint.site.guide import (
    format_reference,
    hand_written_page,
    lint_page,
    page_name_problem,
    rules_reference,
    writing_guide,
)


def test_the_format_reference_names_every_section_item_and_column_of_the_schema() -> None:
    schema = load_schema()
    page = format_reference(schema)
    for key, section in properties(schema).items():
        assert f"## {title_of(section, key)}" in page
        for child_key, child in properties(section).items():
            assert title_of(child, child_key) in page
    assert "| Likelihood | yes | High, Med or Low. (text; one of `High`, `Med`, `Low`) |" in page
    assert "Required rows: Exec sponsor, HR sponsor (primary contact)" in page


def test_a_field_added_to_the_schema_appears_in_the_reference() -> None:
    schema = dict(load_schema())
    sections = dict(schema["properties"])
    basics = dict(sections["client_basics"])
    basics["properties"] = {**basics["properties"], "website": {
        "title": "Website", "description": "The client's public website.", "type": "string"}}
    sections["client_basics"] = basics
    schema["properties"] = sections
    page = format_reference(schema)
    assert "| Website | no | The client's public website. (text after the label) |" in page


def test_the_format_reference_shows_the_template_handoff_new_writes() -> None:
    page = format_reference(load_schema())
    layout = page.split("## The whole layout")[1]
    assert "```markdown\n---\n" in layout
    assert "client: Acme Widgets Ltd" in layout and "slug: acme-widgets" in layout
    assert "## Section G — Commitments AE made" in layout


def test_the_rules_reference_documents_every_registered_rule() -> None:
    page = rules_reference(REGISTRY.values())
    for rule in REGISTRY.values():
        assert f"### {rule.code} {rule.name} {{ #{trusted_id(rule.code.lower())} }}" in page
        assert f"[{rule.code}](#{rule.code.lower()})" in page


def test_a_newly_registered_rule_appears_without_editing_the_guide() -> None:
    extra = Rule("HO699", "example-playbook-rule", Severity.WARNING, "An example summary.",
                 "An example rationale.", "an example", "An example fix.")
    page = rules_reference([*REGISTRY.values(), extra])
    assert "## Playbook" in page
    assert f"### HO699 example-playbook-rule {{ #{trusted_id('ho699')} }}" in page
    assert "**Why:** An example rationale." in page


def test_the_writing_guide_walks_through_the_pull_request_flow() -> None:
    page = writing_guide([("guide/handoff-format.md", "The format, by example")])
    assert "`handoff new <slug>" in page and "`handoff lint`" in page and "pull request" in page
    assert "`clients/<slug>/01-handoff/handoff-<slug>-<YYYY-MM-DD>.md`" in page
    step = page.split("2. **Fill it in.**")[1].split("3. ")[0]
    assert "[format reference](format-reference.md)" in step
    assert "[The format, by example](handoff-format.md) shows how each kind of item is written" in step


def test_the_writing_guides_example_finding_is_what_the_linter_says() -> None:
    text = replace_once(example_text(), "| Procurement contact |", "| Procurment contact |")
    [finding] = lint(text)
    shown = writing_guide([]).split("```text\n")[1].split("```")[0]
    assert f": {finding.code} {finding.message[:80]}" in shown
    assert f"fix: {finding.hint}" in shown


def test_the_writing_guide_states_the_playbooks_trigger_and_deadlines() -> None:
    page = writing_guide([])
    for number, condition in enumerate(TRIGGER_CONDITIONS.values(), start=1):
        assert f"{number}. {condition}." in page
    assert f"an Account Manager within {AM_ASSIGNED_WITHIN} working days" in page
    assert f"is held within {HANDOFF_CALL_WITHIN} working days" in page
    assert "handoff-format.md" not in page  # no link to a page the site does not have


def test_a_section_that_is_one_list_is_described_once() -> None:
    page = format_reference(load_schema())
    section_g = page.split("## Section G")[1].split("\n## ")[0]
    assert section_g.count("no matter how informal") == 1
    assert "(one bullet per entry)" in section_g


def test_front_matter_values_are_written_after_their_key() -> None:
    page = format_reference(load_schema())
    assert "| `slug` | yes |" in page and "(a value after the key" in page
    # The schema's length bounds are part of the reference.
    assert "words joined by hyphens. (a value after the key; at most 64 characters)" in page
    assert "| `trigger` | yes | The handoff trigger" in page and "(keys nested below)" in page


def test_the_format_guides_front_matter_example_is_accepted_by_the_linter() -> None:
    guide = (REPO / "guide" / "handoff-format.md").read_text("utf-8")
    match = re.search(r"```yaml\n(---\n.*?\n---\n)```", guide, re.DOTALL)
    assert match is not None
    front_matter = match.group(1)
    doc = front_matter + example_text().split("---\n", 2)[2]  # Northwind's body under it
    in_front_matter = [d for d in lint(doc, None) if d.line <= front_matter.count("\n")]
    assert in_front_matter == []


def test_the_browser_guide_walks_an_ae_through_without_a_terminal() -> None:
    page = (REPO / "guide" / "in-the-browser.md").read_text("utf-8")
    steps = [line for line in page.splitlines() if line.startswith("## ")]
    assert steps == ["## 1. Start the doc", "## 2. Paste with care", "## 3. Open a pull request",
                     "## 4. Read the annotations"]
    for words in ("Create new file", "pull request", "Files changed", "fix:", "warning"):
        assert words in page, words
    # Every link is to a page of the guide that the site has.
    pages = {uri.removeprefix("guide/") for uri in (uris.FORMAT_REFERENCE, uris.RULES, uris.FORMAT_GUIDE)}
    assert set(re.findall(r"\]\(([^)]+)\)", page)) <= pages
    assert "The whole layout" in format_reference(load_schema(None), "2026-11-24")
def test_the_format_guides_records_example_is_accepted_by_the_linter() -> None:
    guide = (REPO / "guide" / "handoff-format.md").read_text("utf-8")
    match = re.search(r"```markdown\n(## Handoff call record\n.*?)```", guide, re.DOTALL)
    assert match is not None and "## Delivery milestones" in match.group(1)
    body = example_text().split("\n## Handoff call record", 1)[0].rstrip("\n") + "\n\n" + match.group(1)
    assert lint(body, None) == []


# Hand-written guide pages are published like every other page: their front matter never reaches
# the theme as they wrote it (handoff_lint.site.guide.hand_written_page).


def theme_meta_keys() -> set[str]:
    """Every front matter key the installed mkdocs-material reads (page.meta.<key>, nav_item.meta.<key>
    in its templates), and those MkDocs and the theme's plugins read (template:, search:, tags:)."""
    import material

    templates = Path(material.__file__).parent / "templates"
    found = {m.group(1) for path in templates.rglob("*.html")
             for m in re.finditer(r"(?:page|nav_item)\.meta\.([A-Za-z_]+)", path.read_text("utf-8"))}
    return found | {"template", "search", "tags", "icon", "status", "subtitle", "location"}


HOSTILE = "<img src=x onerror=\"window.__pwned='guide'\"><script>window.__pwned='guide'</script>"


def test_every_key_the_theme_reads_from_a_guide_page_is_published_escaped_or_not_at_all() -> None:
    keys = theme_meta_keys()
    assert {"title", "description", "hide", "icon", "status", "author", "revision_date"} <= keys
    front = "".join(f"{key}: {json.dumps(HOSTILE)}\n" for key in sorted(keys))
    page = hand_written_page("guide/evil.md", f"---\n{front}---\n# Evil\n\nText.\n", "evil")
    meta = yaml.safe_load(page.source.split("---\n")[1])
    assert meta == {"title": html.escape(HOSTILE), "description": html.escape(HOSTILE)}
    assert "<" not in page.source.split("---\n")[1] and page.source.endswith("# Evil\n\nText.\n")
    assert page.title == HOSTILE  # the navigation escapes it where it writes it
    reported = {m.group(1) for p in page.problems for m in [re.search(r"front matter key '(\w+)'", p.message)]
                if m}
    assert reported == keys - {"title", "description"}
    assert all(p.path == "guide/evil.md" and p.code == "HO207" and "Remove the key" in p.hint
               for p in page.problems)
    line = next(p for p in page.problems if "'template'" in p.message).line
    assert line == 2 + sorted(keys).index("template")


@pytest.mark.parametrize(("front", "problem"), [
    ("title: [1, 2]", "front matter key 'title': not text"),
    ("description: {a: 1}", "front matter key 'description': not text"),
    ("hide: [toc, '<script>']", "front matter key 'hide': not a list of"),
    ("hide: toc", "front matter key 'hide': not a list of"),
    ("a: &x [1]\nb: *x", "anchor"),
    ("title: !!python/object:os.system x", "tag"),
    ("title: '<script>x='a'</script>'", "not valid YAML"),
])
def test_front_matter_the_site_cannot_publish_is_reported(front: str, problem: str) -> None:
    page = hand_written_page("guide/odd.md", f"---\n{front}\n---\n# Odd\n", "odd")
    assert any(problem in p.message for p in page.problems), page.problems
    meta = yaml.safe_load(page.source.split("---\n")[1])
    assert meta["title"] == "Odd" and set(meta) <= {"title", "description", "hide"}


def test_a_guide_page_keeps_its_text_and_the_hide_words_the_theme_knows() -> None:
    page = hand_written_page("guide/a.md", "---\ntitle: A & B\nhide: [toc, footer]\n---\n# Head\n", "a")
    assert page.problems == [] and page.title == "A & B"
    assert yaml.safe_load(page.source.split("---\n")[1]) == {"title": "A &amp; B", "hide": ["toc", "footer"]}
    plain = hand_written_page("guide/b.md", "title: <b>\n\n# Plain <i>\n", "b")
    assert plain.problems == [] and plain.title == "Plain <i>"
    assert plain.source.endswith("---\n\ntitle: <b>\n\n# Plain <i>\n")  # shown as text, never read as keys
    unclosed = hand_written_page("guide/c.md", "---\ntitle: x\n# C\n", "c")
    assert unclosed.problems and unclosed.source.endswith("---\ntitle: x\n# C\n")


def test_the_guide_s_own_pages_are_published_without_a_finding() -> None:
    pages = sorted((REPO / "guide").glob("*.md"))
    assert len(pages) >= 3
    for path in pages:
        assert lint_page(f"guide/{path.name}", path.read_text("utf-8")) == [], path


GUIDE_WITH_FINDINGS = """---
title: Fine
template: redirect.html
---
# A page

Some <b>bold</b> text and [a link](javascript:alert(1)), and `<script>` in code is fine.

```html
<script>shown as code</script>
```

    <img src=x onerror=alert(1)> in indented code
"""


def test_a_guide_page_is_linted_like_a_doc() -> None:
    found = [(d.line, d.column, d.code) for d in lint_page("guide/page.md", GUIDE_WITH_FINDINGS)]
    assert found == [(3, 11, "HO207"), (7, 6, "HO617"), (7, 36, "HO618")]


def test_handoff_lint_checks_the_guide_with_the_docs(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from handoff_lint.cli import main

    (repo / "guide").mkdir()
    (repo / "guide" / "page.md").write_text(GUIDE_WITH_FINDINGS, "utf-8")
    (repo / "guide" / "fine.md").write_text("# Fine\n\nA `<b>` tag, shown.\n", "utf-8")
    (repo / "guide" / "linked.md").symlink_to("/dev/zero")  # never read: a link
    assert main(["lint"]) == 1
    out = capsys.readouterr().out
    assert "guide/page.md:3:11: HO207 front matter key 'template': the site does not publish it" in out
    assert "guide/page.md:7:6: HO617" in out and "guide/page.md:7:36: HO618" in out
    assert "guide/linked.md:1:1: HO101 this is a link" in out and "fine.md" not in out
    docs = len(list((repo / "clients").glob("*/01-handoff/*.md")))
    assert out.splitlines()[-1].startswith(f"{docs} handoff docs checked: 4 errors in 2 files")


@pytest.mark.parametrize("name", ["bad-input.md", "in-the-browser.md", "week-1.md"])
def test_a_guide_page_named_in_plain_words_is_published(name: str) -> None:
    assert page_name_problem(name) is None


@pytest.mark.parametrize("name", [
    "..md",  # written as guide/index.html, over the guide's front page
    " .md", "Index.md", "readme.md", "README.md", "rules.md", "Rules.md", "rules.md.md",
    "javascript:alert(1).md", 'x"><img src=x onerror=alert(1)>.md', "a b.md", "caf\u00e9.md", "-x.md",
])
def test_a_guide_page_whose_name_is_not_plain_or_is_the_sites_is_refused(name: str) -> None:
    problem = page_name_problem(name)
    assert problem is not None and "rename the file" in problem
