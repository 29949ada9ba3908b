"""The guide's generated pages: the workflow, the format reference and the rules reference.

The format reference is written from the schema and the rules reference from the rule registry, so
neither can drift from what the linter checks.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from markdown_it import MarkdownIt

from handoff_lint.codes import Rule, diagnostic
from handoff_lint.contract import template
from handoff_lint.contract.schema import Schema, kind, properties, title_of
from handoff_lint.diagnostics import Diagnostic
from handoff_lint.domain.deadlines import AM_ASSIGNED_WITHIN, HANDOFF_CALL_WITHIN, TRIGGER_CONDITIONS
from handoff_lint.domain.records import FRONT_MATTER
from handoff_lint.reading import frontmatter
from handoff_lint.rules.playbook.hygiene import active_content
from handoff_lint.site import uris
from handoff_lint.site.attributes import trusted_id
from handoff_lint.site.mdtext import fence, front_matter, indent, inline, link, table, text
from handoff_lint.site.sanitize import TEXT_META, html_text, meta_problems

# How each kind of value is written, by where it is: after a label in a section, after a key in
# the front matter, in a table cell, or as a whole section (Section G's list of bullets).
_KIND_WORDS = {
    "label": {"text": "text after the label", "number": "a whole number after the label",
              "list": "one nested bullet per entry", "table": "a table under its own ### heading",
              "group": "keys nested below"},
    "key": {"text": "a value after the key", "number": "a whole number after the key",
            "group": "keys nested below"},
    "column": {"text": "text", "number": "a whole number"},
    "section": {"list": "one bullet per entry"},
}
_FORMAT_WORDS = {"date": "YYYY-MM-DD", "email": "an e-mail address", "phone": "a phone number",
                 "money": "an amount with its currency"}
_RULE_GROUPS = {
    "1": "File and encoding", "2": "Front matter", "3": "Structure", "4": "Values", "5": "Paths",
    "6": "Playbook", "7": "Hygiene", "8": "Other", "9": "Internal",
}
EXAMPLE_SLUG = "acme-widgets"
EXAMPLE_CLIENT = "Acme Widgets Ltd"


GUIDE_FOLDER = "guide"  # the hand-written pages, beside the clients folder
# A guide page's file name becomes its address, a folder of the built site and a link on the guide's
# front page, as each generator spells it: only lowercase words joined by hyphens, so no name is "."
# or "..", a space, a case of another, a scheme ("javascript:") or a quote, bracket or parenthesis.
_PAGE_NAME = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*\.md")
_PUBLISHED_HINT = ("Remove the key: a guide page's front matter may give only title, description (text) "
                   "and hide: (a list of what the theme hides); the site sets everything else itself.")


@dataclass
class HandWritten:
    """A hand-written guide page as the site publishes it: its Markdown behind front matter of the
    site's own (the page's title and description as HTML text, hide:), its title for the
    navigation, and what of the page's own front matter was not published, as findings."""

    source: str
    title: str
    problems: list[Diagnostic] = field(default_factory=list)
    body_line_offset: int = 0  # lines of the page before its body (its own front matter)


def page_name_problem(name: str) -> str | None:
    """Why a file in the guide folder cannot be published under its name, or None when it can."""
    # guide/README.md would be written as guide/index.html, over the guide's front page.
    if f"{GUIDE_FOLDER}/{name.casefold()}" in uris.GENERATED or name.casefold() in ("index.md", "readme.md"):
        return "the site writes this page itself; rename the file"
    if _PAGE_NAME.fullmatch(name) is None:
        return ("not a page name the site can publish: rename the file to lowercase letters, digits and "
                "hyphens, ending .md (e.g. working-with-delivery.md)")
    return None


def markdown_title(markdown: str, default: str) -> str:
    """The first '# ' heading of a hand-written page, for the navigation."""
    for line in markdown.split("\n"):
        if line.startswith("# "):
            return line[2:].strip().strip("#").strip() or default
    return default


def hand_written_page(path: str, markdown: str, default_title: str) -> HandWritten:
    """A guide page, published like every other page: its front matter is read safely (no alias,
    no tag, bounded), only title, description and hide: are kept, the texts escaped, and every other
    key reported (HO207) and dropped. A page without front matter keeps its text whole."""
    body, meta, problems, offset = markdown, dict[str, object](), list[Diagnostic](), 0
    if markdown.split("\n", 1)[0].rstrip() == "---":
        read = frontmatter.parse(path, markdown)
        problems += read.diagnostics
        # An unclosed front matter keeps the page's text whole: nothing of it is read as keys.
        if read.body or read.data is not None:
            body, offset = read.body, read.body_line_offset
        meta = read.data or {}
        for key, problem in meta_problems(meta):
            line, column = read.source_map.get(f"/front_matter/{key}", (1, 1))
            problems.append(diagnostic(path, line, column, "HO207", problem, _PUBLISHED_HINT))
    title = meta.get("title")
    title = title if isinstance(title, str) and title.strip() else markdown_title(body, default_title)
    published: dict[str, object] = {"title": html_text(title)}
    description = meta.get("description")
    if isinstance(description, str):
        published["description"] = html_text(description)
    if "hide" in meta and not meta_problems({"hide": meta["hide"]}):
        published["hide"] = meta["hide"]
    assert not meta_problems(published) and set(published) <= {*TEXT_META, "hide"}
    return HandWritten(front_matter(published) + body, title, problems, offset)


def _code_lines(markdown: str) -> set[int]:
    """The 0-based lines inside fenced or indented code, where a tag or a link is only shown."""
    tokens = MarkdownIt("commonmark").parse(markdown)
    return {line for token in tokens if token.type in ("fence", "code_block") and token.map
            for line in range(*token.map)}


def lint_page(path: str, markdown: str) -> list[Diagnostic]:
    """What `handoff lint` and the site's build report on a guide page, as on a handoff doc: front
    matter the site does not publish, raw HTML (HO617) and links that could run code (HO618)
    outside code. markdown is the page's decoded text (handoff_lint.reading.source.decode: bounded)."""
    page = hand_written_page(path, markdown, path)
    found = list(page.problems)
    body = markdown.split("\n")[page.body_line_offset:]
    code = _code_lines("\n".join(body))
    seen: set[tuple[int, str]] = set()
    for index, line in enumerate(body):
        if index in code:
            continue
        number = page.body_line_offset + index + 1
        for item in active_content(line):
            if (number, item.code) in seen:
                continue  # one finding per line and kind, as for a doc: '<b>x</b>' is one mistake
            seen.add((number, item.code))
            if item.code == "HO617":
                message = f"'{item.token}' is raw HTML; the site shows it as text and never runs it"
                hint = "Write plain Markdown; to show a tag, put it in `backticks`."
            else:
                message = f"a '{item.token}' link could run code in the reader's browser; the site drops it"
                hint = "Link to an https:// address, or remove the link."
            found.append(diagnostic(path, number, item.offset + 1, item.code, message, hint))
    return found


def reading_order(hand_written: Sequence[tuple[str, str]]) -> list[tuple[str, str]]:
    """The guide's own pages (uri, title) with the format guide first, the step after this page."""
    return sorted(hand_written, key=lambda page: page[0] != uris.FORMAT_GUIDE)


def writing_guide(hand_written: Sequence[tuple[str, str]]) -> str:
    """The guide's front page: when, where and how an AE gets a handoff from a signed SoW to this
    site, then the rest of the guide. hand_written: the guide's own pages, as (uri, title)."""
    titles = dict(hand_written)
    conditions = "\n".join(f"{n}. {c}." for n, c in enumerate(TRIGGER_CONDITIONS.values(), start=1))
    how = (f" {link(text(titles[uris.FORMAT_GUIDE]), uris.GUIDE, uris.FORMAT_GUIDE)} shows how each kind "
           "of item is written." if uris.FORMAT_GUIDE in titles else "")
    others = "".join(f"- {link(text(title), uris.GUIDE, uri)}\n"
                     for uri, title in reading_order(hand_written))
    example = (f"clients/{EXAMPLE_SLUG}/01-handoff/handoff-{EXAMPLE_SLUG}-2026-11-24.md:41:3: HO401 "
               "Section B — People, row 'Procurment contact', Role: 'Procurment contact' is not one "
               "of: ...\n    fix: Did you mean 'Procurement contact'?")
    return f"""# How to write a handoff

A signed SoW starts a 4-week onboarding clock. The handoff doc is how everything the AE learned in
the sales cycle reaches the Account Manager, so that they never have to ask the client a question the
AE already asked. One doc per client, no exceptions: if it is not written here, Delivery does not
know about it.

## When

The handoff begins the moment all three are true:

{conditions}

Closed Won counts only with every CRM field complete. From that moment:

- the Delivery Lead assigns an Account Manager within {AM_ASSIGNED_WITHIN} working days;
- the 60-minute handoff call is held within {HANDOFF_CALL_WITHIN} working days, with the AE, the
  Delivery Lead and the Account Manager.

Working days skip weekends and the bank holidays of the client's region (`region` in the front
matter, or the repository's default). The dashboard shows every client's deadlines.

## Where

`clients/<slug>/01-handoff/handoff-<slug>-<YYYY-MM-DD>.md`, one doc per client:

- `<slug>` is the client's short name in lowercase words joined by hyphens, e.g. `{EXAMPLE_SLUG}`; the
  same in the folder name, the file name and the front matter.
- `<YYYY-MM-DD>` is the date the doc was written, the same as `doc_date` in the front matter.

## Step by step

1. **Start from the template.** `handoff new <slug> --client "<legal name>"` writes the doc with every
   section, label and column in place. It never overwrites a doc that is already there.

2. **Fill it in.** Every item the playbook asks for has a place; the
   {link('format reference', uris.GUIDE, uris.FORMAT_REFERENCE)} lists them all, with what to
   write.{how}

3. **Check it.** `handoff lint` reports every gap at once, each at the line where the fix goes, with
   what to do:

    ```text
{indent(example, "    ")}
    ```

    The {link('rules reference', uris.GUIDE, uris.RULES)} explains every finding; so does
    `handoff rules HO401` in a terminal.

4. **Commit on a branch and open a pull request.** The pre-commit hook runs the same checks, so an
   incomplete doc cannot be committed by accident; CI runs them again with `mkdocs build --strict`.

5. **Merge.** Once the pull request is green and reviewed by the Delivery Lead, the doc appears on
   this site: on the dashboard, in the registers, and as its own page with the intro e-mail ready to
   send during the handoff call.

## The rest of the guide

{others}- {link('Format reference', uris.GUIDE, uris.FORMAT_REFERENCE)}: every section, item and column,
  generated from the schema.
- {link('Rules reference', uris.GUIDE, uris.RULES)}: every finding `handoff lint` can report.
"""


def _required(subschema: Schema) -> set[str]:
    required = subschema.get("required", [])
    return {str(key) for key in required} if isinstance(required, list) else set()


def _describe(subschema: Schema, place: str = "label", described: bool = True) -> str:
    """The schema's description of a value (unless already shown), then how it is written."""
    value = kind(subschema)
    words = [_KIND_WORDS[place].get(value) or _KIND_WORDS["label"][value]]
    if subschema.get("format") in _FORMAT_WORDS:
        words.append(_FORMAT_WORDS[str(subschema["format"])])
    choices = subschema.get("enum")
    if isinstance(choices, list):
        words.append("one of " + ", ".join(f"`{c}`" for c in choices))
    bound = subschema.get("maxLength")
    if isinstance(bound, int):
        words.append(f"at most {bound:,} characters")
    description = str(subschema.get("description", "")) if described else ""
    return inline(" ".join(part for part in (description, f"({'; '.join(words)})") if part))


def _items(subschema: Schema, as_key: bool, prefix: str = "") -> list[list[str]]:
    """One row per item; front matter keys are shown as code (nested ones as trigger.sow_signed)."""
    rows: list[list[str]] = []
    required = _required(subschema)
    for key, child in properties(subschema).items():
        name = prefix + title_of(child, key)
        rows.append([f"`{name}`" if as_key else text(name), "yes" if key in required else "no",
                     _describe(child, "key" if as_key else "label")])
        if kind(child) == "group":
            rows += _items(child, as_key, prefix=f"{name}.")
    return rows


def _columns(subschema: Schema) -> str:
    items = subschema.get("items", {})
    required = _required(items)
    rows = [[text(title_of(c, k)), "yes" if k in required else "no", _describe(c, "column")]
            for k, c in properties(items).items()]
    return table(("Column", "Required", "What to write"), rows)


def _required_rows(subschema: Schema) -> list[str]:
    conditions = subschema.get("allOf", [])
    return [str(c["title"]) for c in conditions if isinstance(c, dict) and "title" in c]


def format_reference(schema: Schema, example_date: str = "2026-11-24") -> str:
    """Every front matter key, section, item and column, in the order the doc has them."""
    parts = [
        "# Format reference\n",
        "Generated from the schema (`schema/handoff.schema.json`), the contract the linter checks: "
        "what is listed here is exactly what `handoff lint` expects. Headings, labels and columns match "
        "ignoring case, spacing and the style of dashes and quotes.\n",
    ]
    for key, section in properties(schema).items():
        title = title_of(section, key)
        parts.append(f"## {text(title)}\n")
        if section.get("description"):
            parts.append(inline(str(section["description"])) + "\n")
        if key == FRONT_MATTER:
            parts.append(table(("Key", "Required", "What to write"), _items(section, as_key=True)))
        elif kind(section) == "group":
            parts.append(table(("Label", "Required", "What to write"), _items(section, as_key=False)))
            for child_key, child in properties(section).items():
                if kind(child) == "table":
                    parts.append(f"### {text(title_of(child, child_key))}\n")
                    parts.append(_columns(child))
        elif kind(section) == "table":
            parts.append(_columns(section))
            rows = _required_rows(section)
            if rows:
                parts.append("Required rows: " + ", ".join(text(r) for r in rows) + ".\n")
        else:
            parts.append(_describe(section, "section", described=False) + "\n")
    parts.append("## The whole layout\n")
    command = f'handoff new {EXAMPLE_SLUG} --client "{EXAMPLE_CLIENT}"'
    parts.append(f"What `{command}` writes, ready to fill in:\n")
    parts.append(fence(template.render(schema, EXAMPLE_SLUG, EXAMPLE_CLIENT, example_date), "markdown"))
    return "\n".join(parts)


def rules_reference(rules: Iterable[Rule]) -> str:
    """Every rule code: what it means, why it matters, an example that fails and how to fix it."""
    ordered = sorted(rules, key=lambda r: r.code)
    parts = [
        "# Rules reference\n",
        "Every finding `handoff lint` can report, generated from the linter's rule registry. Errors "
        "stop a doc from being merged; warnings point at something that is probably a mistake. "
        "`handoff rules <CODE>` shows the same entry in a terminal.\n",
        table(("Code", "Name", "Severity", "Summary"),
              ([link(r.code, uris.RULES, uris.RULES, uris.rule_anchor(r.code)), f"`{r.name}`",
                r.severity.value, inline(r.summary)] for r in ordered)),
    ]
    group = None
    for rule in ordered:
        name = _RULE_GROUPS.get(rule.code[2:3], "Other")
        if name != group:
            parts.append(f"## {name}\n")
            group = name
        parts.append(f"### {rule.code} {rule.name} {{ #{trusted_id(uris.rule_anchor(rule.code))} }}\n")
        entry = [f"**{rule.severity.value.capitalize()}.** {inline(rule.summary)}", "",
                 f"**Why:** {inline(rule.rationale)}"]
        if rule.example:
            entry += ["", "**Example that fails:**", "", fence(rule.example.replace("\\n", "\n"))]
        if rule.fix:
            entry += ["", f"**Fix:** {inline(rule.fix)}"]
        parts.append("\n".join(entry) + "\n")
    return "\n".join(parts)
