"""Realistic synthetic handoff docs for benchmarks and tests: many valid clients and a known share
with one deliberate defect each, so a run can be checked as well as timed.

Each doc is seen on one day (`today`, 24 November 2026 unless given) and holds what a firm would
have recorded by then: triggers spread over the last 13 months, so clients are in every stage; most
facts after the handoff recorded by their owners on time (the Delivery Lead's AM assignment, the
Account Manager's call record and milestones, the AE's intro e-mail), some late, a few forgotten,
and nothing recorded after today.

Every doc is built from the same pools (names, sectors, sites, risks, ...) with a seeded random
generator, so a corpus is reproducible from (count, seed). Valid docs follow the playbook: the three
trigger dates, the Account Manager assigned within 2 working days and the handoff call within 5,
a 40% deposit milestone dated the day the deposit invoice went out, fee lines that add up to the
total fee, milestones that add up to it too, and sign-off references for discounts and bespoke work.

    python bench/generate.py 200 /some/folder [--today 2026-11-24]
    # writes /some/folder/clients/<slug>/01-handoff/...
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from handoff_lint.domain.workdays import add_working_days, is_working_day

HANDOFF_FOLDER = "01-handoff"
TODAY = dt.date(2026, 11, 24)
# How a firm's records look: the share of each fact recorded on time, and late (the rest forgotten).
ON_TIME, LATE = 0.85, 0.10
HISTORY_DAYS = 400

FIRST = ("Aisha", "Ben", "Chloe", "Dev", "Emma", "Farah", "Gareth", "Hannah", "Imran", "Jess",
         "Kofi", "Lena", "Marcus", "Nadia", "Owen", "Priya", "Quentin", "Rosa", "Sam", "Tom",
         "Una", "Vikram", "Wendy", "Yusuf", "Zara", "Callum", "Fiona", "Iain", "Megan", "Rhys")
LAST = ("Bell", "Rahman", "Price", "Novak", "Whitfield", "Moore", "Okafor", "Lee", "Shah",
        "Campbell", "Fraser", "MacLeod", "Stewart", "Reid", "Kerr", "Grant", "Evans", "Hughes",
        "Patel", "Khan", "Murphy", "O'Neill", "Jones", "Taylor", "Walsh", "Doyle", "Byrne", "Ali")
NAME_A = ("North", "Harbour", "Glen", "Riverside", "Oak", "Summit", "Beacon", "Meridian",
          "Kestrel", "Lowland", "Granite", "Silver", "Thames", "Pennine", "Cobalt", "Heather",
          "Brook", "Castle", "Copper", "Falcon", "Harvest", "Linden", "Maple", "Orchard",
          "Pinnacle", "Quarry", "Redwood", "Saltire", "Tidal", "Willow")
NAME_B = ("Logistics", "Housing", "Distillers", "Foods", "Care", "Engineering", "Retail",
          "Hotels", "Print", "Motors", "Health", "Builders", "Water", "Textiles", "Freight",
          "Bakeries", "Pharma", "Energy", "Labs", "Leisure", "Dairies", "Metals", "Media",
          "Transport", "Clinics", "Brewing", "Security", "Facilities", "Packaging", "Farms")
SUFFIX = ("Ltd", "Limited", "plc", "Group Ltd", "Holdings Ltd")
SECTORS = (("Transport and logistics", "Road freight and warehousing"),
           ("Social housing", "Housing association"),
           ("Food and drink manufacturing", "Baking and chilled foods"),
           ("Health and social care", "Residential care homes"),
           ("Retail", "Regional supermarkets"),
           ("Hospitality", "Hotels and conference venues"),
           ("Manufacturing", "Precision engineering"),
           ("Utilities", "Water and waste services"),
           ("Construction", "Commercial building"),
           ("Facilities management", "Cleaning and security services"))
PLACES = (("Leeds", "LS9 0PS", "0113 496 0"), ("Manchester", "M17 1AB", "0161 496 0"),
          ("Bristol", "BS1 6QH", "0117 496 0"), ("Birmingham", "B1 1AA", "0121 496 0"),
          ("Edinburgh", "EH28 8SS", "0131 496 0"), ("Glasgow", "G1 2DH", "0141 496 0"),
          ("London", "EC1A 1BB", "020 7946 0"), ("Newcastle", "NE1 4ST", "0191 498 0"),
          ("Cardiff", "CF10 1EP", "029 2018 0"), ("Belfast", "BT1 5GS", "028 9649 6"))
SITE_KINDS = ("Unit {n}, {a} Business Park", "{a} Distribution Centre", "Head office, {n} {a} Street",
              "{a} Works, {n} Mill Lane", "{a} House, {n} Station Road", "Depot {n}, {a} Road")
ROLES = ("Exec sponsor", "HR sponsor (primary contact)", "Procurement contact",
         "Finance / AP contact", "IT / comms platform owner")
CHAMPION = "Champion (if different from sponsor)"
NOTES = {
    "Exec sponsor": ("Strong relationship; first-name terms; prefers a short call to e-mail",
                     "New in role, relationship still forming; formal, by title; e-mail first"),
    "HR sponsor (primary contact)": ("Hands-on, replies same day; cares most about retention",
                                     "Collaborative, co-designs; cares most about the workshops' fit"),
    "Procurement contact": ("PO raised; on the training framework until next August",
                            "Framework agreement renews next summer"),
    "Finance / AP contact": ("Invoices must quote the PO number, PDF to the AP mailbox",
                             "Invoices through the supplier portal only"),
    "IT / comms platform owner": ("Owns Teams; needs two weeks' notice to add a bot",
                                  "Slack administrator; will set up the channel in a week"),
    CHAMPION: ("Site manager; wants a showcase for the shift leads",
               "Operations lead; wants her team ready for the expansion"),
}
MODULES = ("Module 01 — Foundations of management", "Module 02 — First-line leadership",
           "Module 03 — Giving feedback", "Module 04 — Running safe, productive shifts",
           "Module 05 — Difficult conversations", "Module 06 — Coaching conversations")
CHANNELS = ("Microsoft Teams", "Slack", "E-mail", "WhatsApp Business")
MODALITIES = ("In-person workshops at each site.", "Virtual workshops at shift changeover.",
              "Mixed: in-person kickoff, then virtual workshops.")
RISKS = (("Exec sponsor is new in role", "Front-load engagement; over-invest in the W4 walkthrough"),
         ("Procurement renewal upcoming", "Schedule the W8 walkthrough before the renewal cycle"),
         ("Client expected SROI guarantees in early calls",
          "Re-anchor in kickoff that delivery quality is the commitment"),
         ("Cohort 1 spans summer holidays", "Build buffer into the Week 6 quality gate"),
         ("Night shifts miss the virtual workshops", "Run night-shift versions and record both"),
         ("Two sites compete for attention", "Alternate the kickoff venue between the sites"))
LIKELIHOOD = ("High", "Med", "Low")
RED_LINES = ("No sessions during peak season.", "Nothing that takes a whole shift off the floor.",
             "No residential workshops.", "No role-play in front of direct reports.")
SIGNALS = ("The People Director is sceptical after a previous course.",
           "One site feels the other gets everything first.",
           "The sponsor wants a quick win to establish themselves.",
           "Finance watches every invoice closely this year.")
COMMITMENTS = ("\"We'll send the attrition baseline report at Week 4.\"",
               "\"Our facilitator will mention the pilot in the kickoff.\"",
               "\"We can attend your leadership away-day in February.\"",
               "\"We'll share two anonymised case studies before kickoff.\"",
               "\"We'll run a short briefing for the night-shift leads.\"")
OUT_OF_SCOPE = ("Coaching for senior managers.", "Translation of materials.",
                "Recruitment assessment centres.", "E-learning authoring.")


@dataclass(frozen=True)
class Client:
    """One generated doc: where it goes, what it says, and the defect planted in it (if any)."""

    slug: str
    relative: str
    text: str
    defect: str | None = None
    expected_code: str | None = None


def _money(amount: int) -> str:
    return f"-£{-amount:,}" if amount < 0 else f"£{amount:,}"


def _next_weekday(day: dt.date, weekday: int) -> dt.date:
    return day + dt.timedelta(days=(weekday - day.weekday()) % 7)


class _Doc:
    """The parts of one valid doc, kept apart so a defect can change exactly one of them."""

    def __init__(self, rng: random.Random, index: int, today: dt.date = TODAY) -> None:
        self.rng = rng
        self.today = today
        a, b = NAME_A[index % len(NAME_A)], NAME_B[(index // len(NAME_A)) % len(NAME_B)]
        lap = index // (len(NAME_A) * len(NAME_B))
        self.trading = f"{a} {b}" + (f" {lap + 1}" if lap else "")
        self.legal = f"{self.trading} {rng.choice(SUFFIX)}"
        self.slug = self.trading.lower().replace(" ", "-")
        self.domain = f"{self.slug}.example"
        start = today - dt.timedelta(days=rng.randrange(0, HISTORY_DAYS))
        while not (start.weekday() < 3 and is_working_day(start)):
            start -= dt.timedelta(days=1)
        self.trigger = start
        self.sow_signed = start - dt.timedelta(days=rng.choice((0, 1, 3))) if start.weekday() else start
        self.handoff_call = add_working_days(start, rng.choice((2, 3, 4)))  # the AE's plan
        self.ae, self.delivery_lead, self.account_manager = self.person(), self.person(), self.person()
        self.sections: dict[str, list[str]] = {}
        self._build()
        self._lifecycle()
        self.front = self._front()

    def person(self) -> str:
        return f"{self.rng.choice(FIRST)} {self.rng.choice(LAST)}"

    def _when(self, on_time: dt.date, late: dt.date) -> dt.date | None:
        """The day a fact was recorded: mostly on time, sometimes late, now and then never; a day
        after today is not recorded yet."""
        draw = self.rng.random()
        day = on_time if draw < ON_TIME else late if draw < ON_TIME + LATE else None
        return day if day is not None and day <= self.today else None

    def _lifecycle(self) -> None:
        """What the owners recorded after the handoff, as of today, in the playbook's order."""
        rng, start = self.rng, self.trigger
        self.am_assigned = self._when(add_working_days(start, rng.choice((0, 1, 2))),
                                      add_working_days(start, rng.randint(3, 5)))
        if self.am_assigned and self.handoff_call < self.am_assigned:
            # A late assignment moves the call: the Account Manager attends it.
            self.handoff_call = add_working_days(self.am_assigned, 1)
        # Each fact is forgotten on its own: a missing record does not stop the work that follows.
        held = self._when(max(self.handoff_call, self.am_assigned or start),
                          add_working_days(start, rng.randint(6, 9)))
        if held is not None:
            self.sections["call"] = [
                "## Handoff call record", "",
                f"- **Held on:** {held.isoformat()}",
                "- **Attendees:**", *(f"    - {name}" for name in
                                      (self.ae, self.delivery_lead, self.account_manager)),
                "- **Mitigations agreed:**",
                "    - The Account Manager books the Week 4 walkthrough with the sponsor.",
                *([f"- **Intro e-mail sent on:** {held.isoformat()}",
                   f"- **AE off the account on:** {held.isoformat()}"] if rng.random() < 0.9 else []),
            ]
        started = self._when(self.first_start, self.first_start + dt.timedelta(weeks=1))
        week_0 = started or self.first_start
        week_2 = self._when(week_0 + dt.timedelta(weeks=2),
                            week_0 + dt.timedelta(weeks=2, days=rng.randint(1, 3)))
        week_12 = self._when(week_0 + dt.timedelta(weeks=12),
                             week_0 + dt.timedelta(weeks=12, days=rng.randint(1, 7)))
        milestones = [f"- **{label}:** {day.isoformat()}" for label, day in (
            ("Week 0 (first cohort started)", started), ("Week 2 workshop delivered", week_2),
            ("Week 12 board report delivered", week_12)) if day is not None]
        if milestones:
            self.sections["milestones"] = ["## Delivery milestones", "", *milestones]

    def _front(self) -> list[str]:
        rng = self.rng
        return [
            "---",
            f"client: {self.legal}",
            f"slug: {self.slug}",
            f"doc_date: {self.trigger.isoformat()}",
            f"ae: {self.ae}",
            f"delivery_lead: {self.delivery_lead}",
            # The Delivery Lead names the Account Manager once assigned (or the call names them).
            *([f"account_manager: {self.account_manager}"] if self.am_assigned or "call" in self.sections
              else []),
            "trigger:",
            f"  sow_signed: {self.sow_signed.isoformat()}",
            f"  deposit_invoice_issued: {self.trigger.isoformat()}",
            f"  deposit_invoice_ref: INV-{self.trigger.year}-{rng.randrange(1, 9999):04d}",
            f"  crm_closed_won: {self.trigger.isoformat()}",
            *([f"am_assigned: {self.am_assigned.isoformat()}"] if self.am_assigned else []),
            f"handoff_call: {self.handoff_call.isoformat()}",
            "---",
        ]

    def _build(self) -> None:
        rng = self.rng
        places = rng.sample(PLACES, rng.randint(1, 4))
        sector, sub_sector = rng.choice(SECTORS)
        org = rng.randrange(80, 12000)
        in_scope = rng.randrange(12, min(org, 400) + 1)
        ch = f"{rng.randrange(10**7):08d}" if rng.random() < 0.8 else f"SC{rng.randrange(10**6):06d}"
        sites = [
            f"    - {rng.choice(SITE_KINDS).format(n=rng.randint(1, 90), a=rng.choice(NAME_A))}, "
            f"{city} {postcode}"
            for city, postcode, _ in places
        ]
        self.sections["A"] = [
            "## Section A — Client basics", "",
            f"- **Legal name:** {self.legal}",
            f"- **Trading name:** {self.trading}",
            "- **Sites in scope:**", *sites,
            f"- **Sector:** {sector}",
            f"- **Sub-sector:** {sub_sector}",
            f"- **Headcount (org-wide):** {org:,}",
            f"- **Headcount (in scope):** {in_scope}",
            f"- **Companies House number:** {ch}",
            f"- **Recent filings summary:** FY{self.trigger.year - 1} accounts filed on time; "
            f"turnover up {rng.randint(1, 15)}%.",
            f"- **Press and news:** Opened a new site in {places[0][0]}; ESG report due in spring.",
        ]
        roles = list(ROLES) + ([CHAMPION] if rng.random() < 0.6 else [])
        rows = []
        for number, role in enumerate(roles):
            name = self.person()
            email = f"{name.lower().replace(' ', '.').replace(chr(39), '')}@{self.domain}"
            phone = f"{places[number % len(places)][2]}{rng.randrange(100, 1000)}"
            rows.append(f"| {role} | {name} | {email} | {phone} | {rng.choice(NOTES[role])} |")
        self.sections["B"] = ["## Section B — People", "",
                              "| Role | Name | Email | Phone | Notes |", "|---|---|---|---|---|",
                              *rows]
        self.sections["C"] = [
            "## Section C — What they're solving", "",
            "- **Trigger:**",
            f"    > \"We promoted {rng.randint(10, 60)} people into management and a third have "
            "already left. We can't keep losing people we trained.\"",
            f"- **Success measure:** Manager attrition down from {rng.randint(25, 40)}% to under "
            f"{rng.randint(12, 20)}%, reported to the board in Week 12.",
            "- **Prior provider experience:** A two-day classroom course: liked the facilitator, "
            "but nothing happened afterwards.",
            "- **Red lines:**", *(f"    - {line}" for line in rng.sample(RED_LINES, rng.randint(1, 3))),
            "- **Soft signals:**", *(f"    - {line}" for line in rng.sample(SIGNALS, rng.randint(1, 3))),
        ]
        bespoke = rng.random() < 0.5
        cohorts = []
        start = _next_weekday(self.trigger + dt.timedelta(weeks=5), 0)
        self.first_start = start
        while not is_working_day(self.first_start):
            self.first_start += dt.timedelta(days=1)
        self.summer_cohort = False
        for number in range(1, rng.randint(1, 6) + 1):
            while not is_working_day(start):
                start += dt.timedelta(days=1)
            city = places[(number - 1) % len(places)][0]
            cohorts.append(f"| {number} | {rng.randint(8, 40)} | {city} shift leads | {start.isoformat()} |")
            # A 12-week programme touching the school summer holidays (any UK region).
            self.summer_cohort |= dt.date(start.year, 3, 20) <= start <= dt.date(start.year, 8, 31)
            start = _next_weekday(start + dt.timedelta(weeks=rng.randint(5, 9)), 0)
        self.sections["D"] = [
            "## Section D — What we're delivering", "",
            "- **Curriculum modules:**", *(f"    - {m}" for m in rng.sample(MODULES, rng.randint(1, 3))),
            f"- **Workshop modality:** {rng.choice(MODALITIES)}",
            f"- **Nudge channel:** {rng.choice(CHANNELS)}",
            "- **Bespoke elements:** " + ("Night-shift versions of two workshops." if bespoke else "None"),
            *([f"- **Bespoke sign-off reference:** SO-{self.trigger.year}-{rng.randrange(1, 999):03d}"]
              if bespoke else []),
            "- **Out of scope:**", *(f"    - {o}" for o in rng.sample(OUT_OF_SCOPE, rng.randint(1, 2))),
            "", "### Cohorts", "",
            "| Cohort | Size | Composition | Start date |", "|---|---|---|---|", *cohorts,
        ]
        self.sections["E"] = self._commercials(len(cohorts))
        risks = rng.sample(RISKS, rng.randint(1, len(RISKS)))
        if self.summer_cohort and RISKS[3] not in risks:
            risks.append(RISKS[3])  # the playbook's own example: a cohort across the summer
        self.sections["F"] = [
            "## Section F — Risks flagged in sales cycle", "",
            "| Risk | Likelihood | Mitigation suggested |", "|---|---|---|",
            *(f"| {risk} | {rng.choice(LIKELIHOOD)} | {mitigation} |" for risk, mitigation in risks),
        ]
        self.sections["G"] = [
            "## Section G — Commitments AE made", "",
            *(f"- {c}" for c in rng.sample(COMMITMENTS, rng.randint(1, len(COMMITMENTS)))),
        ]

    def _commercials(self, cohort_count: int) -> list[str]:
        rng = self.rng
        licence = cohort_count * rng.randint(8, 20) * 1000
        lines = [(f"Programme licence, {cohort_count} cohort{'s' if cohort_count > 1 else ''}", licence)]
        for extra in rng.sample(("Facilitation", "Night-shift delivery", "Board report pack",
                                 "Bespoke content"), rng.randint(1, 3)):
            lines.append((extra, rng.randint(2, 15) * 1000))
        discount = rng.random() < 0.4
        if discount:
            lines.append(("Multi-cohort discount", -rng.randint(1, 3) * 1000))
        total = sum(amount for _, amount in lines)
        shares = rng.choice(((40, 30, 30), (40, 60), (40, 20, 20, 20)))
        dates = [self.trigger]
        later = _next_weekday(self.trigger + dt.timedelta(weeks=7), 0)
        for _ in shares[1:]:
            dates.append(later)
            later = _next_weekday(later + dt.timedelta(weeks=rng.randint(4, 10)), 0)
        names = ["Deposit on signature", "Week 2 workshop delivered", "Week 6 quality gate",
                 "Week 12 board report delivered"]
        milestone_names = [names[0], *names[4 - len(shares) + 1:]]
        milestones = [
            f"| {name} | {share}% | {_money(total * share // 100)} | {day.isoformat()} |"
            for name, share, day in zip(milestone_names, shares, dates, strict=True)
        ]
        return [
            "## Section E — Commercials", "",
            f"- **Total fee:** {_money(total)}",
            "- **Discounts:** " + ("Multi-cohort discount" if discount else "None"),
            *([f"- **Discount sign-off reference:** DS-{self.trigger.year}-{rng.randrange(1, 999):03d}"]
              if discount else []),
            "- **Side commitments:**",
            "    - " + rng.choice(("Case study rights after Week 12.", "A reference call before kickoff.",
                                   "None")),
            "", "### Fee breakdown", "", "| Item | Amount |", "|---|---|",
            *(f"| {item} | {_money(amount)} |" for item, amount in lines),
            "", "### Payment milestones", "",
            "| Milestone | Percent | Amount | Invoice date |", "|---|---|---|---|", *milestones,
        ]

    def render(self) -> str:
        body = [f"# Handoff: {self.trading}", ""]
        for key in ("A", "B", "C", "D", "E", "F", "G", "call", "milestones"):
            if key in self.sections:
                body += [*self.sections[key], ""]
        return "\n".join([*self.front, "", *body])


def _replace(doc: _Doc, section: str, old: str, new: str) -> None:
    lines = doc.sections[section]
    index = next(i for i, line in enumerate(lines) if old in line)
    lines[index] = lines[index].replace(old, new, 1)


def _drop_line(doc: _Doc, section: str, start: str) -> None:
    lines = doc.sections[section]
    del lines[next(i for i, line in enumerate(lines) if line.startswith(start))]


def _first_email(doc: _Doc) -> str:
    row = doc.sections["B"][4]
    return row.split(" | ")[2]


def _bad_likelihood(doc: _Doc) -> None:
    row = next(line for line in doc.sections["F"] if line.startswith("| ") and "---" not in line
               and not line.startswith("| Risk |"))
    cells = row.split(" | ")
    cells[1] = "Meduim"  # a misspelling: the synonym "Medium" is read as "Med"
    doc.sections["F"][doc.sections["F"].index(row)] = " | ".join(cells)


def _bad_date(doc: _Doc) -> None:
    start = doc.sections["D"][-1].split("|")[-2].strip()
    _replace(doc, "D", f"| {start} |", f"| {start[:5]}02-30 |")


# Each defect changes one thing a real AE gets wrong and names the rule that must catch it.
DEFECTS: dict[str, tuple[str, Callable[[_Doc], None]]] = {
    "missing-section": ("HO301", lambda d: d.sections["F"].clear()),
    "duplicate-section": ("HO302", lambda d: d.sections["G"].extend(["", *d.sections["G"]])),
    "missing-label": ("HO304", lambda d: _drop_line(d, "A", "- **Sector:**")),
    "misspelt-role": ("HO401", lambda d: _replace(d, "B", "| Exec sponsor |", "| Exec sponser |")),
    "bad-likelihood": ("HO401", _bad_likelihood),
    "bad-date": ("HO402", _bad_date),
    "bad-email": ("HO403", lambda d: _replace(d, "B", _first_email(d), _first_email(d).replace("@", " at "))),
    "headcount-in-words": ("HO406", lambda d: _replace(d, "A", "- **Headcount (in scope):** ",
                                                       "- **Headcount (in scope):** about ")),
    "bad-money": ("HO407", lambda d: _replace(d, "E", "- **Total fee:** ", "- **Total fee:** roughly ")),
}


def client(index: int, seed: int = 0, defect: str | None = None, today: dt.date = TODAY) -> Client:
    """The index-th client of a corpus, as of today; with a defect name from DEFECTS, that defect
    planted."""
    doc = _Doc(random.Random(f"{seed}:{index}"), index, today)
    code = None
    if defect is not None:
        code, plant = DEFECTS[defect]
        plant(doc)
    relative = f"clients/{doc.slug}/{HANDOFF_FOLDER}/handoff-{doc.slug}-{doc.trigger.isoformat()}.md"
    return Client(doc.slug, relative, doc.render(), defect, code)


def corpus(count: int, seed: int = 0, defect_share: float = 0.1, today: dt.date = TODAY) -> list[Client]:
    """count clients as of today; every round(1/defect_share)-th one carries the next defect in turn."""
    step = round(1 / defect_share) if defect_share > 0 else 0
    names = sorted(DEFECTS)
    clients = []
    for index in range(count):
        defect = names[(index // step) % len(names)] if step and index % step == step - 1 else None
        clients.append(client(index, seed, defect, today))
    return clients


def write(root: Path, clients: list[Client]) -> list[Path]:
    """Write the docs under root (root/clients/<slug>/01-handoff/...); return their paths."""
    paths = []
    for item in clients:
        path = root / item.relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(item.text, "utf-8")
        paths.append(path)
    return paths


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Write N synthetic handoff docs under FOLDER/clients/.")
    parser.add_argument("count", type=int)
    parser.add_argument("folder", type=Path)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--defects", type=float, default=0.1, help="share of docs with a defect")
    parser.add_argument("--today", type=dt.date.fromisoformat, default=TODAY,
                        help=f"the day the records are seen on (default {TODAY.isoformat()})")
    arguments = parser.parse_args(argv)
    clients = corpus(arguments.count, arguments.seed, arguments.defects, arguments.today)
    write(arguments.folder, clients)
    defective = sum(c.defect is not None for c in clients)
    print(f"{len(clients)} clients written under {arguments.folder / 'clients'} ({defective} with a defect)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
