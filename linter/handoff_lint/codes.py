"""The rule registry: every diagnostic code, documented once.

The rules reference (``handoff rules`` and the site's guide) is generated from this table, so the
documentation cannot drift from what the linter reports.
"""

from __future__ import annotations

from dataclasses import dataclass

from handoff_lint.diagnostics import Diagnostic, Fix, Severity


@dataclass(frozen=True)
class Rule:
    code: str
    name: str
    severity: Severity
    summary: str
    rationale: str
    example: str = ""
    fix: str = ""

    def explanation(self) -> str:
        """The full entry after the summary line, as `handoff rules CODE` and SARIF's help show it."""
        parts = [self.summary, f"Why: {self.rationale}"]
        if self.example:
            parts.append(f"Example that fails: {self.example}")
        if self.fix:
            parts.append(f"Fix: {self.fix}")
        return "\n\n".join(parts)


PLAYBOOK_PACKAGE = (
    "Playbook: \"Handoff package (AE produces this; one document, no exceptions).\""
)

# The codes that mean the doc, or all of it after the reported line, could not be checked. Turning one
# off or into a warning would let an unchecked doc pass, so [tool.handoff] severity refuses to.
ALWAYS_ERRORS = frozenset({
    "HO101", "HO102", "HO103", "HO104", "HO105",  # the file cannot be read as text
    "HO107",  # the text is too complex to be read in bounded time
    "HO201", "HO202", "HO203", "HO205", "HO206",  # the front matter cannot be read
    "HO310",  # nothing after the nesting limit is read
    "HO900",  # the linter failed on the doc
})
ALWAYS_AN_ERROR = (
    " This rule is always an error: a doc it reports was not checked, so it must not pass, and "
    "[tool.handoff] severity cannot turn it off or make it a warning."
)

_CORE_RULES = (
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

# The playbook rules' codes: what each checks, why (in the playbook's words), an example that fails
# and the fix. They live here with the others so the registry is complete whatever was imported.
_KILLS = "Playbook, What kills handoffs: "

PLAYBOOK_RULES = (
    # Trigger
    Rule("HO601", "doc-before-trigger", Severity.ERROR,
         "The doc is dated before the last of the three trigger conditions was met.",
         "Playbook, Handoff trigger: \"The handoff begins the moment all three are true: SoW signed by "
         "both parties; 40% deposit invoice issued; engagement marked Closed Won in CRM.\" A handoff "
         "doc dated earlier records a deal the AE still owns, and its dates cannot all be true. "
         "(That the three conditions are recorded with real dates and an invoice reference is "
         "checked by the schema: HO304 and HO402.)",
         "doc_date: 2026-11-02 with crm_closed_won: 2026-11-03",
         "Date the doc on or after the day the last condition became true, or correct the trigger "
         "date that is wrong."),
    # Deadlines
    Rule("HO602", "am-assigned-late", Severity.WARNING,
         "The Account Manager was assigned more than 2 working days after the handoff trigger.",
         "Playbook, Handoff trigger: \"The Delivery Lead assigns an Account Manager within 2 working "
         "days.\" Working days skip weekends and the bank holidays of the client's region (the "
         "front matter's `region`, else `region` in [tool.handoff]).",
         "Trigger Friday 2026-11-06, am_assigned 2026-11-11: due by Tuesday 2026-11-10.",
         "Record the real assignment date; if it was late, say why in Section F and agree a catch-up "
         "with the Delivery Lead."),
    Rule("HO603", "handoff-call-late", Severity.WARNING,
         "The handoff call is more than 5 working days after the handoff trigger.",
         "Playbook, Handoff call: \"Timing: within 5 working days of handoff trigger.\" "
         + _KILLS + "\"Handoff call delayed >5 working days: onboarding clock starts late; quality "
         "gates compressed.\"",
         "Trigger 2026-12-23, handoff_call 2027-01-04: due by 2026-12-31 (Christmas and Boxing Day "
         "are not working days).",
         "Bring the call forward to the deadline the message names, or record why it could not be."),
    # Dates
    Rule("HO604", "dates-out-of-order", Severity.ERROR,
         "The recorded dates are not in the playbook's order: trigger conditions, then Account "
         "Manager assignment, then the handoff call (held, intro e-mail, AE off the account), then "
         "the first cohort's start, the Week 2 workshop and the Week 12 board report.",
         "Playbook: \"The AE owns the deal until trigger conditions are met. The Delivery Lead assigns "
         "an Account Manager within 2 working days\", and the handoff call's attendees are \"AE, "
         "Delivery Lead, assigned Account Manager\". An assignment before the trigger or a call before "
         "the assignment means a date is wrong. (Each date being a real YYYY-MM-DD date is HO402.)",
         "am_assigned: 2026-11-10 with handoff_call: 2026-11-09",
         "Correct the date that is wrong so the order holds."),
    # Money
    Rule("HO605", "fee-breakdown-total", Severity.ERROR,
         "The fee breakdown does not add up to the total fee (or mixes currencies, or amounts "
         "with and without tax).",
         "Playbook, Section E: \"Total fee + breakdown (paste from §05 calculator output).\" A "
         "breakdown that does not add up leaves Finance and the Account Manager asking which figure "
         "was signed. Amounts are added exactly (as decimals), in their currency.",
         "Total fee £48,000 with lines £36,000 + £14,000 (= £50,000).",
         "Paste the calculator output again, or correct the total fee to what was signed."),
    Rule("HO606", "milestones-total", Severity.ERROR,
         "The payment milestones do not add up to 100% and to the total fee, or a milestone's "
         "amount is not its percentage of the total.",
         "Playbook, Section E: \"Payment milestones + invoice schedule.\" Invoices are raised from "
         "this table; if it does not add up, the client is invoiced the wrong amount.",
         "40% + 30% + 20% (= 90%), or 40% of £48,000 written as £18,000.",
         "Make the percentages add up to 100% and each amount its percentage of the total fee."),
    Rule("HO607", "deposit-milestone", Severity.ERROR,
         "The first payment milestone is not the 40% deposit on signature, or its invoice date "
         "differs from the trigger's deposit invoice date.",
         "Playbook, Handoff trigger: \"40% deposit invoice issued (§07 §5).\" The deposit is the "
         "first invoice and one of the three trigger conditions; the schedule and the trigger must "
         "tell the same story.",
         "A first milestone 'Kickoff | 30%', or a deposit invoiced 2026-11-05 when "
         "deposit_invoice_issued is 2026-11-03.",
         "Start the milestones with '| Deposit on signature | 40% | <amount> | <deposit invoice "
         "date> |'."),
    Rule("HO608", "discount-sign-off", Severity.ERROR,
         "A discount is applied but there is no discount sign-off reference.",
         "Playbook, Section E: \"Discounts applied + sign-off reference.\"",
         "- **Discounts:** 4% multi-cohort discount, with no '- **Discount sign-off reference:**'.",
         "Add '- **Discount sign-off reference:** <reference> (who, when)', or write 'None' for "
         "Discounts if none was applied."),
    Rule("HO609", "bespoke-sign-off", Severity.ERROR,
         "Bespoke elements are agreed but there is no bespoke sign-off reference.",
         "Playbook, Section D: \"Bespoke elements agreed (if any) + sign-off reference.\"",
         "- **Bespoke elements:** Night-shift workshops, with no '- **Bespoke sign-off reference:**'.",
         "Add '- **Bespoke sign-off reference:** <reference> (who, when)', or write 'None' for "
         "Bespoke elements if nothing bespoke was agreed."),
    # People
    Rule("HO610", "sponsor-notes", Severity.ERROR,
         "The Exec sponsor's or HR sponsor's notes are empty or do not cover what the playbook asks "
         "for.",
         "Playbook, Section B: Exec sponsor notes: \"Relationship strength; how to address; preferred "
         "channel\"; HR sponsor notes: \"Engagement style; what they care about most\". The Account "
         "Manager \"should not have to ask the client a single question that the AE already asked\". "
         "Notes need one point per item, separated by ';', ' – ' or ' / ', written as sentences, or "
         "as clauses between commas ('Strong relationship, call him Marcus, prefers Teams' is three "
         "points); words that describe one thing are one point ('Good relationship, warm, friendly'). "
         "(Names, e-mails and phone numbers are checked by the schema: HO408, HO403, HO404.)",
         "| Exec sponsor | Marcus Bell | ... | Good relationship |, or an empty Notes cell.",
         "Write each point the playbook asks for, e.g. 'Strong relationship; \"Marcus\"; prefers "
         "Teams'."),
    # Risks
    Rule("HO611", "risks-not-surfaced", Severity.ERROR,
         "Section F records no real risk: its only rows say 'None' or the like.",
         "Playbook, Section F: \"Honest assessment. AE should write this before Delivery Lead asks.\" "
         + _KILLS + "\"AE doesn't surface risks (Section F) — wants the win to look clean: Delivery "
         "hits the same risks unprepared; client churns.\" (An empty Section F, or a Likelihood "
         "other than High, Med or Low, is reported by the schema: HO308, HO401.)",
         "| None | Low | - |",
         "Write at least one honest risk with its likelihood and a suggested mitigation."),
    Rule("HO612", "mitigation-missing", Severity.ERROR,
         "A risk's suggested mitigation says 'None', 'N/A' or the like.",
         "Playbook, Handoff call agenda: \"Risk discussion (Section F) — agree mitigations.\" A risk "
         "without a suggested mitigation gives the call nothing to agree.",
         "| Exec sponsor is new in role | High | N/A |",
         "Suggest what Delivery should do about the risk, even if it is only to watch it."),
    # Commitments
    Rule("HO613", "commitments-none", Severity.ERROR,
         "A list that is either the AE's commitments or an explicit 'None' is neither: 'None' next to "
         "real entries, or a vague 'N/A', '-' or 'nothing' instead of 'None'.",
         "Playbook, Section G: \"Anything AE promised, no matter how informal ... If it's not written "
         "here, Delivery does not know about it, and AE will spend the next 12 weeks on apology "
         "calls.\" 'None' must be a deliberate statement, not a shrug. (An empty Section G is "
         "reported by the schema: HO308.)",
         "Section G with '- None' followed by '- \"We'll send the report at Week 4.\"'.",
         "List every promise, one bullet each, or write a single bullet '- None'."),
    # Cohorts
    Rule("HO614", "cohort-before-sow", Severity.ERROR,
         "A cohort starts before the SoW was signed.",
         "Playbook: \"A signed SoW triggers a 4-week onboarding clock\"; nothing can start before the "
         "signature. (At least one cohort, whole-number sizes and real dates are checked by the "
         "schema: HO308, HO406, HO402.)",
         "| 1 | 32 | Leeds shift leads | 2026-10-01 | with sow_signed: 2026-11-02",
         "Correct the start date (or the SoW date) to the agreed one."),
    Rule("HO615", "summer-holiday-risk", Severity.WARNING,
         "A cohort's first 12 weeks cross the school summer holidays and no risk in Section F "
         "mentions it.",
         "Playbook, Section F's own example: \"Cohort 1 spans summer holidays | Med | Build buffer into "
         "Week 6 quality gate.\" School summer holidays are late July to August in England and Wales "
         "(from 20 July), from late June in Scotland and from July in Northern Ireland.",
         "A cohort starting 2027-06-14 and no risk mentioning the summer.",
         "Add a Section F row, e.g. '| Cohort 2 spans the summer holidays | Med | Build buffer into "
         "the Week 6 quality gate |'."),
    # Hygiene
    Rule("HO616", "placeholder", Severity.ERROR,
         "Template text is left in a value: [AM name]-style brackets, TBD, TBC (or t.b.c.), TODO, XXX, "
         "?? or <…>, or a value that is only placeholder words ('To follow', 'Pending', 'Sarah to "
         "confirm'; [tool.handoff] placeholder_words adds a firm's own).",
         "Playbook principle: the Account Manager \"should not have to ask the client a single "
         "question that the AE already asked in discovery.\" A placeholder is a question left open, "
         "like the playbook's own \"We'll send the [X] report at Week 4.\" Code spans are not "
         "checked. (Empty cells and items are reported by the schema, HO408, and the sponsors' empty "
         "notes by HO610.)",
         "- **Account Manager:** [AM name], or a phone number 0113 496 XXXX.",
         "Replace the placeholder with the real value. For brackets that belong in a quote, use "
         "parentheses, or escape them as \\[ \\]."),
    Rule("HO617", "raw-html", Severity.ERROR,
         "The doc contains raw HTML (a tag such as <script>, <img onerror=...>, <div>, or an HTML "
         "comment).",
         "Playbook: \"Handoff package (AE produces this; one document, no exceptions).\" Delivery reads "
         "that one document on the internal site, which must never run or hide what a doc contains: "
         "a handoff is plain text for people. Code spans and fenced code are not checked.",
         "<img src=x onerror=alert(1)>",
         "Remove the HTML and write plain Markdown; to show a tag as text, put it in `backticks`. "
         "Guidance notes use '[//]: # \"...\"' lines, not HTML comments."),
    Rule("HO618", "unsafe-link", Severity.ERROR,
         "A link uses a scheme other than http, https, mailto or tel (javascript:, data:, "
         "vbscript:, file:, ...).",
         "Playbook: the Account Manager \"picks up at Week -4\" from this doc on the internal site, "
         "which must never run what a doc contains; a javascript: or data: link runs code in the "
         "reader's browser.",
         "[the report](javascript:alert(1))",
         "Link to an https:// address, or remove the link."),
    # The rest of the handoff: the call record and delivery milestones, recorded later
    Rule("HO619", "recorded-after-today", Severity.ERROR,
         "The handoff call record or the delivery milestones give a day after today as the day "
         "something was done.",
         "Playbook, Handoff call and AE incentive alignment: the call, the intro e-mail, the AE coming "
         "off the account, the first cohort's start, the Week 2 workshop and the Week 12 board report "
         "are facts Delivery and the AE's commission rely on. A record dated in the future claims "
         "something that has not happened. \"Today\" is the run's date: `handoff lint --today`, else "
         "HANDOFF_TODAY, else the real date; planned dates (the front matter's handoff_call, the "
         "cohort table) may lie ahead.",
         "- **Week 2 workshop delivered:** 2027-01-25, linted on 2026-11-30",
         "Leave the item out until it has happened, then record the real day."),
    Rule("HO620", "call-attendees", Severity.ERROR,
         "The handoff call's attendees are not the doc's AE, Delivery Lead and Account Manager.",
         "Playbook, Handoff call: \"Attendees: AE, Delivery Lead, assigned Account Manager.\" A call "
         "without one of them leaves the AE as the client's contact or the risks unagreed; a name "
         "that is none of the three is a typo or someone who should not be on the record.",
         "Attendees: Priya Shah, Hannah Lee (the Delivery Lead Tom Okafor is missing)",
         "List the AE, the Delivery Lead and the Account Manager as the front matter names them."),
    Rule("HO621", "onboarding-compressed", Severity.WARNING,
         "The first cohort starts less than 4 weeks after the handoff trigger: the onboarding clock "
         "is compressed.",
         "Playbook, The handoff principle: \"A signed SoW triggers a 4-week onboarding clock. The "
         "Account Manager picks up at Week -4.\" A first cohort that starts sooner leaves no Week -4; "
         + _KILLS + "\"onboarding clock starts late; quality gates compressed.\" The start is the "
         "earliest agreed cohort start, or the recorded Week 0 if it is earlier.",
         "Trigger 2026-11-17 with Cohort 1 starting 2026-12-07 (2 weeks and 6 days later)",
         "Agree a start at least 4 weeks after the trigger, or record the compressed onboarding as a "
         "risk in Section F and agree how Delivery will cover it."),
    Rule("HO622", "fact-not-recorded", Severity.WARNING,
         "A fact recorded after the handoff is past its due day and not recorded: the AM assignment, "
         "the handoff call, the intro e-mail, the AE coming off the account, Week 0, the Week 2 "
         "workshop or the Week 12 board report.",
         "Playbook, Ownership: \"The Delivery Lead assigns an Account Manager within 2 working days. "
         "The Account Manager owns the deal from there.\" The Account Manager holds the call within "
         "5 working days and records Week 0, Week 2 and Week 12; the AE sends the intro e-mail and "
         "comes off the account in the call. The message names who records the fact. It depends on "
         "today, so it is a warning and never an error: an unrelated pull request must not fail because a "
         "milestone fell due overnight. The same items make each person's queue on the site and "
         "the `handoff digest` reminders.",
         "No handoff call record 3 working days after its deadline",
         "Record it when it has happened: `handoff record <slug> <event> --on YYYY-MM-DD`."),
)

REGISTRY: dict[str, Rule] = {rule.code: rule for rule in (*_CORE_RULES, *PLAYBOOK_RULES)}


def default_severity(code: str) -> Severity:
    return REGISTRY[code].severity


def diagnostic(path: str, line: int, column: int, code: str, message: str, hint: str = "",
               fix: Fix | None = None) -> Diagnostic:
    """A finding of a registered rule, at the rule's own severity (settings apply later)."""
    return Diagnostic(path, line, column, code, REGISTRY[code].severity, message, hint, fix)
