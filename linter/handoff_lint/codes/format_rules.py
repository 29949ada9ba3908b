"""The format's rules: reading the file, its front matter, sections, values and paths."""

from __future__ import annotations

from handoff_lint.codes.rule import ALWAYS_AN_ERROR, PLAYBOOK_PACKAGE, Rule
from handoff_lint.diagnostics import Severity

FORMAT_RULES = (
    # File and encoding
    Rule("HO101", "unreadable-file", Severity.ERROR,
         "The file cannot be read (permissions, a folder named like a doc, a broken link).",
         "A doc that cannot be read cannot be checked, so it must not pass silently." + ALWAYS_AN_ERROR,
         "clients/acme/01-handoff/handoff-acme-2026-11-24.md is a directory",
         "Make the doc a readable regular file inside the repo."),
    Rule("HO102", "not-utf8", Severity.ERROR,
         "The file is not UTF-8 text (UTF-16, a Word export, binary data).",
         "The site and every tool downstream read UTF-8; anything else shows as garbage." + ALWAYS_AN_ERROR,
         "A file saved as 'Unicode (UTF-16)' from a text editor.",
         "Save the file as UTF-8 (in most editors: Save As, Encoding: UTF-8)."),
    Rule("HO103", "empty-file", Severity.ERROR,
         "The file is empty or holds only white space.",
         PLAYBOOK_PACKAGE + ALWAYS_AN_ERROR,
         "A zero-byte handoff-acme-2026-11-24.md.",
         "Run `handoff new <slug>` for a template and fill it in."),
    Rule("HO104", "file-too-large", Severity.ERROR,
         "The file is larger than a handoff doc can be: over the size limit (1 MiB by default), over "
         "5,000 lines, a line over 10,000 characters, or front matter with over 1,000 values.",
         "A handoff doc is a few pages of text; a huge file is a paste accident and would slow every "
         "check." + ALWAYS_AN_ERROR,
         "A doc with a pasted spreadsheet of 20,000 rows.",
         "Remove pasted data; link to it instead."),
    Rule("HO105", "binary-content", Severity.ERROR,
         "The file contains NUL bytes or other control characters, so it is not plain text.",
         "Binary content cannot be reviewed in a pull request or rendered on the site." + ALWAYS_AN_ERROR,
         "A .docx renamed to .md.",
         "Copy the text into a new Markdown file made with `handoff new`."),
    # Front matter
    Rule("HO107", "too-complex", Severity.ERROR,
         "A paragraph (or the doc) holds far more inline Markdown markup than any real doc: "
         "hundreds of '[' in a paragraph, or thousands of * _ ` \\ < & characters (a real doc "
         "holds about a hundred in all); or its tables are far larger than any real doc's: a row "
         "of more than 100 columns, or more than 20,000 cells in all (a real doc: a few hundred).",
         "Markdown renderers take time that grows with the square of the markup in one paragraph: "
         "9,990 '[' in 15 KB took the site 18 seconds, and it builds every table cell on its own: "
         "a 1 MB table of 4,990 columns took 37. Such a doc is refused before it is read, and the "
         "site shows its findings instead of its text." + ALWAYS_AN_ERROR,
         "A paragraph of 1,000 '[' characters pasted from a log.",
         "Remove the pasted data and link to it instead; split long paragraphs."),
    Rule("HO106", "hidden-character", Severity.ERROR,
         "The doc holds a character nobody sees: a zero-width space or joiner, a bidi override, a "
         "filler such as U+3164, or a control character (in front matter also one written as a YAML "
         "escape, a line break included).",
         "Delivery must read what the AE wrote and what the linter checked. A hidden character makes "
         "a placeholder or an empty value look filled in (\"T\u200bBD\"), turns text around on "
         "screen (U+202E), and a control character in a name reaches a terminal or puts a line of "
         "its own into the intro e-mail's headers.",
         'account_manager: "Sam\\nBcc: someone@example.com", or "T\u200bBD" in a cell.',
         "Delete the character: retype the value or paste it as plain text."),
    Rule("HO201", "front-matter-missing", Severity.ERROR,
         "The doc does not start with a YAML front matter block between two --- lines.",
         "The front matter records the handoff trigger, the owners and the deadlines' dates."
         + ALWAYS_AN_ERROR,
         "A doc that starts with '# Handoff'.",
         "Start the file with a '---' line, the front matter keys, and a closing '---' line."),
    Rule("HO202", "front-matter-unclosed", Severity.ERROR,
         "The front matter block is opened with --- but never closed.",
         "Without the closing line the whole doc would be read as YAML." + ALWAYS_AN_ERROR,
         "---\\nclient: Acme\\n## Section A — Client basics",
         "Add a line with only '---' after the last front matter key."),
    Rule("HO203", "front-matter-invalid-yaml", Severity.ERROR,
         "The front matter is not valid YAML, or is not a set of key: value lines.",
         "Broken YAML hides every fact in it; it is reported once instead of one error per key."
         + ALWAYS_AN_ERROR,
         "client: Acme: Widgets",
         "The message names the likely cause at its own line: quote values that contain ': ' "
         "(client: \"Acme: Widgets\"), put a space after each key's colon (ae: Priya Shah), indent "
         "with spaces, close every quote. `handoff lint --fix` adds a missing space or the quotes."),
    Rule("HO204", "front-matter-duplicate-key", Severity.ERROR,
         "A front matter key is given twice.",
         "YAML silently keeps the last of two duplicate keys; the first value would be lost without a word.",
         "handoff_call: 2026-11-20 ... handoff_call: 2026-11-23",
         "Keep one of the two lines."),
    Rule("HO205", "front-matter-alias", Severity.ERROR,
         "The front matter uses YAML anchors (&name) or aliases (*name).",
         "Aliases make values depend on each other and can expand to huge data; a handoff needs "
         "neither. The front matter is not read." + ALWAYS_AN_ERROR,
         "am_assigned: &d 2026-11-18\\nhandoff_call: *d",
         "Write each value out in full."),
    Rule("HO206", "front-matter-tag", Severity.ERROR,
         "The front matter uses an explicit YAML tag such as !!python/object.",
         "Tags can make YAML loaders build objects or run code; plain values are all a handoff needs. "
         "The front matter is not read." + ALWAYS_AN_ERROR,
         "client: !!python/object:os.system ls",
         "Remove the tag and write a plain value."),
    Rule("HO207", "front-matter-not-published", Severity.ERROR,
         "A guide page's front matter has a key the site does not publish, or a title or "
         "description that is not text.",
         "mkdocs-material acts on a page's front matter: template: picks the template, icon: a file "
         "to include, location: goes into a script, and title and description are written into the "
         "page as they are. So the site writes every page's front matter itself, the texts escaped, "
         "and keeps only title, description and hide: of a guide page's own.",
         "---\\ntemplate: redirect.html\\nlocation: https://example.com\\n---",
         "Remove the key: a guide page may give only title, description (text) and hide: (a list of "
         "navigation, toc, footer, path, tags or feedback)."),
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
         "Rename the heading to the section it is meant to be, or remove it; `handoff lint --fix` "
         "renames a near miss."),
    Rule("HO304", "missing-field", Severity.ERROR,
         "A required labelled item, front matter key or table column is missing.",
         PLAYBOOK_PACKAGE + " Every item the playbook lists has a place in the doc.",
         "Section A without '- **Companies House number:** ...'.",
         "Add the item as a labelled bullet: - **Label:** value."),
    Rule("HO305", "unknown-field", Severity.WARNING,
         "A labelled item, front matter key or table column is not part of the format.",
         "An unknown label is usually a misspelt required one; its content is not checked.",
         "- **Legal nme:** Acme Widgets Ltd",
         "Use the label from the format (the message suggests the nearest one; `handoff lint --fix` "
         "renames it)."),
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
         "Content the format has no place for, so it is not read: a paragraph or list beside a "
         "section's table, a bullet without a label, text after a list item's label, or text above "
         "the first section.",
         "Unplaced content is not checked and does not reach the site's registers: a risk written "
         "as a bullet above Section F's table is one Delivery never sees in the risk register.",
         "'- Budget freeze in Q2 (High)' above the table of Section F — Risks flagged in sales cycle.",
         "Move the content into the table row, bullet or labelled item it belongs to, or delete it. "
         "A label that lost its bold in a paste ('- Legal name: ...') is read, and reported so that "
         "it is put in bold again (`handoff lint --fix` does it)."),
    Rule("HO310", "nested-too-deep", Severity.ERROR,
         "Lists, quotes or front matter values are nested so deeply that the rest cannot be read.",
         "Markdown parsers stop reading past a nesting limit; content after it would vanish unseen."
         + ALWAYS_AN_ERROR,
         "A bullet list nested 25 levels deep.",
         "Flatten the nesting to a few levels."),
    Rule("HO311", "pasted-list", Severity.WARNING,
         "A line starts with a bullet or number pasted from a word processor ('• ', '– ', '(1) ', "
         "or '2. ' inside a paragraph), which Markdown does not take for a list item.",
         "The linter and the site read each such line as the item the writer meant, but GitHub and "
         "every other Markdown tool show the lines run together as one paragraph, so a reviewer "
         "sees one item where there are three.",
         "Three commitments pasted from Word as '• Free coaching call', '• Early report', ...",
         "Start each item with '- ' (or '1. ', '2. ' after a blank line); `handoff lint --fix` "
         "does it."),
    Rule("HO312", "pasted-table-row", Severity.WARNING,
         "A table row is separated by tabs, as pasted from a spreadsheet, instead of by '|'.",
         "The linter and the site read the tabs as the cell borders the writer meant, but GitHub "
         "and other Markdown tools show the row as one cell.",
         "A row 'Champion<TAB>Dee Shah<TAB>dee@example.com<TAB>...' under a People table.",
         "Separate the cells with ' | ' and start and end the row with '|'; `handoff lint --fix` "
         "does it."),
    # Values
    Rule("HO401", "invalid-choice", Severity.ERROR,
         "A value is not one of the allowed choices (a People role, a Likelihood).",
         "Fixed choices keep the cross-client registers sortable and comparable.",
         "| Exec sponser | ...",
         "Use one of the listed values. The message suggests the one meant, and `handoff lint --fix` "
         "writes it. A value in another case ('high', 'HR Sponsor') or a common synonym ('Medium' "
         "or 'Moderate' for 'Med') is read as the choice and passes."),
    Rule("HO402", "invalid-date", Severity.ERROR,
         "A date is not a real calendar date written YYYY-MM-DD.",
         "Deadlines are counted in working days from these dates; a wrong date hides a late handoff.",
         "handoff_call: 2026-11-31",
         "Write the date as YYYY-MM-DD, e.g. 2026-11-30. `handoff lint --fix` rewrites a date in "
         "words (12 Jan 2027); a date such as 01/02/2027, which is 1 February in the UK and 2 "
         "January in the US, is never guessed."),
    Rule("HO403", "invalid-email", Severity.ERROR,
         "An e-mail address is not valid.",
         "The Account Manager must be able to reach every contact without asking the AE.",
         "| jane.doe@acme |",
         "Write the address alone, e.g. jane.doe@acme.co.uk ('Jane Doe <jane.doe@acme.co.uk>' is "
         "read as the address; the hint says what is wrong with the one written)."),
    Rule("HO404", "invalid-phone", Severity.ERROR,
         "A phone number is not a valid number for the region.",
         "The Account Manager must be able to reach every contact without asking the AE.",
         "| 0207 946 |",
         "Check the number against what the hint says is wrong (digits missing or too many, an "
         "area code not in use); write it e.g. 020 7946 0000 or +353 1 555 0100."),
    Rule("HO405", "invalid-format", Severity.ERROR,
         "A value does not have the expected form (a slug, a Companies House number, a percentage), or "
         "is longer than the value can be (a name over 100 characters, a legal name over 160).",
         "Values in a fixed form can be checked and linked; free text here hides mistakes.",
         "- **Companies House number:** 1234",
         "Write the value in the form the hint describes."),
    Rule("HO406", "invalid-number", Severity.ERROR,
         "A value that must be a whole number (a headcount, a cohort size) is not one, or is too small.",
         "Headcounts and cohort sizes drive the delivery plan.",
         "- **Headcount (in scope):** about 300",
         "Write the number only, e.g. 300."),
    Rule("HO407", "invalid-money", Severity.ERROR,
         "An amount of money is not written with its currency, e.g. £48,000.00, or cannot be read "
         "one way only.",
         "Fees are checked to add up; an amount without a currency cannot be. A currency may stand "
         "before or after the amount, as its symbol (£, €, NZ$, US$, C$, HK$) or its ISO code (GBP, "
         "EUR); digits may be grouped as a reader of that currency groups them (48,000.50, "
         "48.000,50 or 48 000,50); tax wording after the amount ('+ VAT', 'excl. VAT', 'inc. GST') "
         "is a note on it. Refused: shorthand, words around the amount, a sign shared by several "
         "currencies ('kr'), and '1.500' in a currency with three decimal places.",
         "- **Total fee:** 48k",
         "Write the amount in full with its currency symbol or code: £48,000, GBP 48,000 or "
         "48.000 €; `handoff lint --fix` writes '£7k' as £7,000."),
    Rule("HO408", "empty-value", Severity.ERROR,
         "A labelled item or table cell is empty.",
         PLAYBOOK_PACKAGE,
         "- **Sector:**",
         "Write the value after the label; an optional item (a sign-off reference, the Champion "
         "row) may be deleted instead if it does not apply."),
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
    Rule("HO505", "not-a-handoff-doc", Severity.ERROR,
         "A file in the clients folder is not a handoff doc (an image, .html, .svg, .js, .pdf, ...).",
         "The site publishes handoff docs and nothing else from the clients folder: any other file "
         "there would be served from the site's own address, where an .html, .svg or .js page can run "
         "script with the reader's access to every client's contacts. So it is never published, and a "
         "handoff doc references no local file: it links to attachments at their https:// address.",
         "clients/acme/01-handoff/org-chart.svg",
         "Remove the file (`git rm`); link to where it is kept (https://...) from the doc instead."),
    Rule("HO506", "linked-doc", Severity.ERROR,
         "A doc or folder in the clients folder is a symbolic link to something else in the repo.",
         "The site publishes files as they are committed, never through a link (a link can lead to "
         "the build machine's secrets), so a linked doc would be missing from the site.",
         "clients/acme/01-handoff/handoff-acme-2026-11-24.md -> ../../../drafts/acme.md",
         "Commit the doc itself at its path (`git mv` the target there), not a link to it."),
    Rule("HO900", "internal-error", Severity.ERROR,
         "The linter failed on this file; this is a bug in the linter, not in the doc.",
         "A crash must never pass a doc silently." + ALWAYS_AN_ERROR,
         "",
         "Report it with the file attached; run with --debug for the details."),
)
