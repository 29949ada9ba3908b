"""The rule registry: every diagnostic code, documented once.

The rules reference (``handoff rules`` and the site's guide) is generated from this table, so the
documentation cannot drift from what the linter reports.
"""

from __future__ import annotations

from dataclasses import dataclass

from handoff_lint.diagnostics import Severity


@dataclass(frozen=True)
class Rule:
    code: str
    name: str
    severity: Severity
    summary: str
    rationale: str
    example: str = ""
    fix: str = ""


PLAYBOOK_PACKAGE = (
    "Playbook: \"Handoff package (AE produces this; one document, no exceptions).\""
)

_CORE_RULES = (
    # File and encoding
    Rule("HO101", "unreadable-file", Severity.ERROR,
         "The file cannot be read (permissions, a folder named like a doc, a broken link).",
         "A doc that cannot be read cannot be checked, so it must not pass silently.",
         "clients/acme/01-handoff/handoff-acme-2026-11-24.md is a directory",
         "Make the doc a readable regular file inside the repo."),
    Rule("HO102", "not-utf8", Severity.ERROR,
         "The file is not UTF-8 text (UTF-16, a Word export, binary data).",
         "The site and every tool downstream read UTF-8; anything else shows as garbage.",
         "A file saved as 'Unicode (UTF-16)' from a text editor.",
         "Save the file as UTF-8 (in most editors: Save As, Encoding: UTF-8)."),
    Rule("HO103", "empty-file", Severity.ERROR,
         "The file is empty or holds only white space.",
         PLAYBOOK_PACKAGE,
         "A zero-byte handoff-acme-2026-11-24.md.",
         "Run `handoff new <slug>` for a template and fill it in."),
    Rule("HO104", "file-too-large", Severity.ERROR,
         "The file is larger than the size limit (1 MiB by default).",
         "A handoff doc is a few pages of text; a huge file is a paste accident and would slow every check.",
         "A doc with a pasted spreadsheet of 20,000 rows.",
         "Remove pasted data; link to it instead."),
    Rule("HO105", "binary-content", Severity.ERROR,
         "The file contains NUL bytes or other control characters, so it is not plain text.",
         "Binary content cannot be reviewed in a pull request or rendered on the site.",
         "A .docx renamed to .md.",
         "Copy the text into a new Markdown file made with `handoff new`."),
    # Front matter
    Rule("HO201", "front-matter-missing", Severity.ERROR,
         "The doc does not start with a YAML front matter block between two --- lines.",
         "The front matter records the handoff trigger, the owners and the deadlines' dates.",
         "A doc that starts with '# Handoff'.",
         "Start the file with a '---' line, the front matter keys, and a closing '---' line."),
    Rule("HO202", "front-matter-unclosed", Severity.ERROR,
         "The front matter block is opened with --- but never closed.",
         "Without the closing line the whole doc would be read as YAML.",
         "---\\nclient: Acme\\n## Section A — Client basics",
         "Add a line with only '---' after the last front matter key."),
    Rule("HO203", "front-matter-invalid-yaml", Severity.ERROR,
         "The front matter is not valid YAML, or is not a set of key: value lines.",
         "Broken YAML hides every fact in it; it is reported once instead of one error per key.",
         "client: Acme: Widgets",
         "Quote values that contain a colon: client: \"Acme: Widgets\"."),
    Rule("HO204", "front-matter-duplicate-key", Severity.ERROR,
         "A front matter key is given twice.",
         "YAML silently keeps the last of two duplicate keys; the first value would be lost without a word.",
         "handoff_call: 2026-11-20 ... handoff_call: 2026-11-23",
         "Keep one of the two lines."),
    Rule("HO205", "front-matter-alias", Severity.ERROR,
         "The front matter uses YAML anchors (&name) or aliases (*name).",
         "Aliases make values depend on each other and can expand to huge data; a handoff needs neither.",
         "am_assigned: &d 2026-11-18\\nhandoff_call: *d",
         "Write each value out in full."),
    Rule("HO206", "front-matter-tag", Severity.ERROR,
         "The front matter uses an explicit YAML tag such as !!python/object.",
         "Tags can make YAML loaders build objects or run code; plain values are all a handoff needs.",
         "client: !!python/object:os.system ls",
         "Remove the tag and write a plain value."),
    # Structure
    Rule("HO301", "missing-section", Severity.ERROR,
         "A required section (Section A to G) is missing.",
         PLAYBOOK_PACKAGE,
         "A doc without '## Section F — Risks flagged in sales cycle'.",
         "Add the section heading and its content; `handoff new` shows the full layout."),
    Rule("HO302", "duplicate-section", Severity.ERROR,
         "A section or subsection heading is given twice.",
         "Two copies of a section leave Delivery guessing which one is true.",
         "Two '## Section B — People' headings.",
         "Merge the two sections into one."),
    Rule("HO303", "unknown-section", Severity.WARNING,
         "A heading does not match any section of the handoff format.",
         "Content under an unknown heading is not checked and may be a misspelt required section.",
         "## Section F — Risk",
         "Rename the heading to the section it is meant to be, or remove it."),
    Rule("HO304", "missing-field", Severity.ERROR,
         "A required labelled item, front matter key or table column is missing.",
         PLAYBOOK_PACKAGE + " Every item the playbook lists has a place in the doc.",
         "Section A without '- **Companies House number:** ...'.",
         "Add the item as a labelled bullet: - **Label:** value."),
    Rule("HO305", "unknown-field", Severity.WARNING,
         "A labelled item, front matter key or table column is not part of the format.",
         "An unknown label is usually a misspelt required one; its content is not checked.",
         "- **Legal nme:** Acme Widgets Ltd",
         "Use the label from the format (the message suggests the nearest one)."),
    Rule("HO306", "table-cells", Severity.ERROR,
         "A table row has fewer or more cells than the table's header.",
         "A row with a missing cell shifts every value after it into the wrong column.",
         "| Exec sponsor | Jane Doe | jane@acme.test |",
         "Give every row one cell per column; leave no cell out."),
    Rule("HO307", "missing-row", Severity.ERROR,
         "A table is missing a required row (for example a People role).",
         "Playbook Section B lists a contact for every role Delivery will need.",
         "Section B — People without a 'Procurement contact' row.",
         "Add a row for the role, with name, e-mail, phone and notes."),
    Rule("HO308", "too-few-items", Severity.ERROR,
         "A list or table is empty, or has fewer entries than required.",
         PLAYBOOK_PACKAGE,
         "'### Cohorts' with a header row and no cohorts.",
         "Add at least one entry, or write 'None' where the format allows it."),
    Rule("HO309", "misplaced-content", Severity.WARNING,
         "Content in a section that the format has no place for (a stray paragraph, table or list).",
         "Unplaced content is not checked and does not reach the site's registers.",
         "A table in Section A.",
         "Move the content into a labelled item of the section."),
    Rule("HO310", "nested-too-deep", Severity.ERROR,
         "Lists or quotes are nested so deeply that the rest of the doc cannot be read.",
         "Markdown parsers stop reading past a nesting limit; content after it would vanish unseen.",
         "A bullet list nested 25 levels deep.",
         "Flatten the nesting to a few levels."),
    # Values
    Rule("HO401", "invalid-choice", Severity.ERROR,
         "A value is not one of the allowed choices (a People role, a Likelihood).",
         "Fixed choices keep the cross-client registers sortable and comparable.",
         "| Exec sponser | ...",
         "Use one of the listed values (the message suggests the nearest)."),
    Rule("HO402", "invalid-date", Severity.ERROR,
         "A date is not a real calendar date written YYYY-MM-DD.",
         "Deadlines are counted in working days from these dates; a wrong date hides a late handoff.",
         "handoff_call: 2026-11-31",
         "Write the date as YYYY-MM-DD, e.g. 2026-11-30."),
    Rule("HO403", "invalid-email", Severity.ERROR,
         "An e-mail address is not valid.",
         "The Account Manager must be able to reach every contact without asking the AE.",
         "| jane.doe@acme |",
         "Write the full address, e.g. jane.doe@acme.co.uk."),
    Rule("HO404", "invalid-phone", Severity.ERROR,
         "A phone number is not a valid number for the region.",
         "The Account Manager must be able to reach every contact without asking the AE.",
         "| 0207 946 |",
         "Write the full number, e.g. 020 7946 0000 or +44 20 7946 0000."),
    Rule("HO405", "invalid-format", Severity.ERROR,
         "A value does not have the expected form (a slug, a Companies House number, a percentage).",
         "Values in a fixed form can be checked and linked; free text here hides mistakes.",
         "- **Companies House number:** 1234",
         "Write the value in the form the hint describes."),
    Rule("HO406", "invalid-number", Severity.ERROR,
         "A value that must be a whole number (a headcount, a cohort size) is not one, or is too small.",
         "Headcounts and cohort sizes drive the delivery plan.",
         "- **Headcount (in scope):** about 300",
         "Write the number only, e.g. 300."),
    Rule("HO407", "invalid-money", Severity.ERROR,
         "An amount of money is not written with its currency, e.g. £48,000.00.",
         "Fees are checked to add up; an amount without a currency cannot be.",
         "- **Total fee:** 48k",
         "Write the amount with its currency symbol or code: £48,000 or GBP 48,000."),
    Rule("HO408", "empty-value", Severity.ERROR,
         "A labelled item or table cell is empty.",
         PLAYBOOK_PACKAGE,
         "- **Sector:**",
         "Write the value after the label."),
    # Paths
    Rule("HO501", "misplaced-doc", Severity.ERROR,
         "The doc is not at clients/<slug>/01-handoff/handoff-<slug>-<YYYY-MM-DD>.md.",
         "Playbook: \"Stored in /clients/[client-slug]/01-handoff/ ... Filename: "
         "handoff-[client-slug]-[date].md.\"",
         "clients/acme/handoff.md",
         "Move the file to clients/<slug>/01-handoff/handoff-<slug>-<YYYY-MM-DD>.md."),
    Rule("HO502", "slug-mismatch", Severity.ERROR,
         "The folder slug, the file name slug and the front matter slug differ.",
         "One client, one slug: links and the site's pages are built from it.",
         "clients/acme/01-handoff/handoff-acme-widgets-2026-11-24.md",
         "Use the same slug in the folder name, the file name and the front matter."),
    Rule("HO503", "date-mismatch", Severity.ERROR,
         "The file name date is not a real date, or differs from the front matter doc_date.",
         "The file name date is how the repo tells two versions of a handoff apart.",
         "handoff-acme-2026-11-24.md with doc_date: 2026-11-23",
         "Make the file name date and doc_date the same."),
    Rule("HO504", "duplicate-doc", Severity.ERROR,
         "A client folder holds more than one handoff doc.",
         PLAYBOOK_PACKAGE,
         "clients/acme/01-handoff/ with two handoff-acme-*.md files.",
         "Merge the docs into one and delete the other."),
    Rule("HO900", "internal-error", Severity.ERROR,
         "The linter failed on this file; this is a bug in the linter, not in the doc.",
         "A crash must never pass a doc silently.",
         "",
         "Report it with the file attached; run with --debug for the details."),
)

REGISTRY: dict[str, Rule] = {rule.code: rule for rule in _CORE_RULES}


def register(*rules: Rule) -> None:
    """Add rules from another module (the playbook rules) to the registry."""
    for rule in rules:
        if rule.code in REGISTRY:
            raise ValueError(f"rule code {rule.code} is registered twice")
        REGISTRY[rule.code] = rule


def default_severity(code: str) -> Severity:
    return REGISTRY[code].severity
