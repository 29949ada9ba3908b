"""The playbook's rules: what each checks, why (in the playbook's words), an example that fails and
the fix."""

from __future__ import annotations

from handoff_lint.codes.rule import Rule
from handoff_lint.diagnostics import Severity

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
