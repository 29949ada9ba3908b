"""A client's timeline as an SVG drawn at build time: trigger, AM assignment, the call, each cohort's
Week -4 to Week 12, the Week 2 and Week 12 milestones, invoice dates and today.

The markup is ours alone: every text from a doc is escaped, and the SVG has no script, no event
handler, no style attribute and no reference to anything outside itself. It is inserted into the
rendered page (the Markdown renderer shows raw HTML as text, as it must for a doc's own HTML).
"""

from __future__ import annotations

import datetime as dt
import math
from html import escape

from handoff_lint.domain.lifecycle import Kind, Milestone, Records, milestones
from handoff_lint.site import dates as site_dates

CONTAINER_CLASS = "handoff-timeline"
PLACEHOLDER = "The timeline is drawn here."
WIDTH = 760
LEFT = 130  # room for the lane names
RIGHT = 20
LANE = 38
TOP = 34
MARKER_RADIUS = 6
# Markers closer than this (in the picture's units) are drawn as one, numbered, so that no two
# markers or their symbols ever overlap, whatever the dates' spacing.
MERGE_WITHIN = 2 * MARKER_RADIUS + 8
EDGE = 14  # room kept at both ends of the time axis for a marker and its symbol
# Widths of text, in the picture's units per character at the sizes the stylesheet sets (generous:
# a label is placed as if its letters were wide).
LABEL_CHAR = 6.6  # 11px lane names and today's date
MONTH_CHAR = 6.2  # 10px month names
LANE_LABEL_CHARS = int((LEFT - 12) / LABEL_CHAR)
# However many cohorts a doc lists, the picture stays this size or smaller.
MAX_COHORT_LANES = 8
_SYMBOLS = {
    Kind.TRIGGER: "T", Kind.DEADLINE: "D", Kind.CALL: "C", Kind.ONBOARDING: "-4",
    Kind.COHORT: "0", Kind.MILESTONE: "M", Kind.INVOICE: "£",
}
# A late milestone's marker shows this symbol; its title and the list under the picture say the word.
LATE_SYMBOL = "!"
LATE_WORD = "late"


def text(value: str) -> str:
    return escape(value, quote=True)


def short(day: dt.date) -> str:
    return f"{day.day} {day:%b %Y}"


def _symbol(m: Milestone) -> str:
    """The marker's label: the week for a cohort's bar (-4, 0, 12), else its kind's letter."""
    return "12" if m.key.endswith("-week-12") and m.kind is Kind.COHORT else _SYMBOLS[m.kind]


class Scale:
    """Days to x, from `left` (after the lane names) to the picture's right edge."""

    def __init__(self, first: dt.date, last: dt.date, left: float = LEFT) -> None:
        self.first = first
        self.left = left
        self.days = max((last - first).days, 1)

    def x(self, day: dt.date) -> float:
        span = WIDTH - self.left - RIGHT - 2 * EDGE
        return round(self.left + EDGE + span * (day - self.first).days / self.days, 1)


def _lanes(found: list[Milestone]) -> list[tuple[str, list[Milestone]]]:
    handoff = [m for m in found if m.kind in (Kind.TRIGGER, Kind.DEADLINE, Kind.CALL)]
    cohorts: dict[str, list[Milestone]] = {}
    for m in found:
        if m.key.startswith("cohort-"):
            cohorts.setdefault(m.key.split("-")[1], []).append(m)
    lanes = [("Handoff", handoff)]
    for index, (_, items) in enumerate(sorted(cohorts.items(), key=lambda c: int(c[0]))):
        if index == MAX_COHORT_LANES:
            lanes.append((f"+{len(cohorts) - MAX_COHORT_LANES} more cohorts", []))
            break
        start = next((m for m in items if m.key.endswith("-start")), items[0])
        lanes.append((start.label.split(" starts")[0], items))
    lanes.append(("Milestones", [m for m in found if m.kind is Kind.MILESTONE]))
    lanes.append(("Invoices", [m for m in found if m.kind is Kind.INVOICE]))
    return lanes


def groups(items: list[Milestone], scale: Scale) -> list[list[Milestone]]:
    """The lane's markers, those too close to draw apart taken together (in date order)."""
    groups: list[list[Milestone]] = []
    for m in sorted(items, key=lambda m: m.date):
        if groups and scale.x(m.date) - scale.x(groups[-1][0].date) < MERGE_WITHIN:
            groups[-1].append(m)
        else:
            groups.append([m])
    return groups


def months(first: dt.date, last: dt.date, scale: Scale) -> list[tuple[float, str]]:
    """Month ticks and their labels: every month gets a line, and as many get a label as fit
    without touching the next one or running past the picture's edge."""
    months = []
    month = dt.date(first.year, first.month, 1)
    while month <= last:
        if month >= first:
            months.append(month)
        month = dt.date(month.year + month.month // 12, month.month % 12 + 1, 1)
    label_width = len("May 2027") * MONTH_CHAR + 8
    # The shortest month is 28 days: labels every `step` months are at least label_width apart.
    step = max(1, math.ceil(label_width / (scale.x(first + dt.timedelta(days=28)) - scale.x(first))))
    ticks: list[tuple[float, str]] = []
    for index, month in enumerate(months):
        x = scale.x(month)
        shown = index % step == 0 and x + label_width <= WIDTH
        ticks.append((x, f"{month:%b %Y}" if shown else ""))
    return ticks


def lane_name(name: str, chars: int = LANE_LABEL_CHARS) -> str:
    return name if len(name) <= chars else name[:chars - 1].rstrip() + "…"


def late(m: Milestone, today: dt.date) -> bool:
    """Whether a milestone (the Week 2 workshop, the Week 12 board report) fell due before today and
    is not recorded as done."""
    return m.kind is Kind.MILESTONE and not m.recorded and m.date < today


def _state(m: Milestone, today: dt.date) -> str:
    return f" ({LATE_WORD})" if late(m, today) else " (done)" if m.recorded else ""


def marker(group: list[Milestone], x: float, y: float, today: dt.date) -> str:
    """One marker, or one numbered marker for events too close to draw apart; a late one says so
    with LATE_SYMBOL and the word in its title and in the list under the picture, not colour alone."""
    first = group[0]
    is_late = any(late(m, today) for m in group)
    late_class = " handoff-tl-late" if is_late else ""
    if len(group) == 1:
        state = "done" if first.recorded else "planned"
        shown = LATE_SYMBOL if is_late else _symbol(first)
        return (f'<g class="handoff-tl-{first.kind.value} handoff-tl-{state}{late_class}">'
                f'<title>{text(first.label)}: {short(first.date)}{_state(first, today)}</title>'
                f'<circle cx="{x}" cy="{y}" r="{MARKER_RADIUS}"/>'
                f'<text class="handoff-tl-symbol" x="{x}" y="{y - 9}">{text(shown)}</text></g>')
    listed = "; ".join(f"{m.label}: {short(m.date)}{_state(m, today)}" for m in group)
    count = f"{len(group)}{LATE_SYMBOL if is_late else ''}"
    return (f'<g class="handoff-tl-group{late_class}"><title>{len(group)} events: {text(listed)}</title>'
            f'<circle cx="{x}" cy="{y}" r="{MARKER_RADIUS}"/>'
            f'<text class="handoff-tl-symbol" x="{x}" y="{y - 9}">{count}</text></g>')


def svg(name: str, recorded: Records, today: dt.date) -> str:
    """The timeline of one client as inline SVG markup."""
    found = milestones(recorded, today)
    if not found:
        return (f'<svg xmlns="http://www.w3.org/2000/svg" role="img" viewBox="0 0 {WIDTH} 40" '
                f'width="100%"><title>Timeline of {text(name)}</title><text x="10" y="24" '
                'class="handoff-tl-label">No dates to draw yet.</text></svg>')
    days = [m.date for m in found] + [today]
    first, last = min(days), max(days)
    scale = Scale(first, last)
    lanes = _lanes(found)
    height = TOP + LANE * len(lanes) + 24
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" viewBox="0 0 {WIDTH} {height}" '
        f'width="100%" aria-labelledby="handoff-tl-title handoff-tl-desc">',
        f'<title id="handoff-tl-title">Timeline of {text(name)}, as of {short(today)}</title>',
        '<desc id="handoff-tl-desc">' + text("; ".join(
            f"{m.label}: {short(m.date)}{_state(m, today)}" for m in found)) + "</desc>",
    ]
    parts += month_grid(first, last, scale, height)
    for index, (lane, items) in enumerate(lanes):
        y = TOP + LANE * index + LANE / 2
        parts.append(f'<text class="handoff-tl-lane" x="4" y="{y + 4}"><title>{text(lane)}</title>'
                     f'{text(lane_name(lane))}</text>')
        parts.append(f'<line class="handoff-tl-axis" x1="{LEFT}" y1="{y}" x2="{WIDTH - RIGHT}" y2="{y}"/>')
        onboarding = next((m for m in items if m.kind is Kind.ONBOARDING), None)
        end = next((m for m in items if m.key.endswith("-week-12")), None)
        if onboarding and end:
            parts.append(bar(scale, onboarding.date, end.date, y))
        parts += [marker(group, scale.x(group[0].date), y, today) for group in groups(items, scale)]
    parts.append(today_line(scale, today, height))
    parts.append("</svg>")
    return "".join(parts)


def month_grid(first: dt.date, last: dt.date, scale: Scale, height: float) -> list[str]:
    """A line per month down the picture, and the month labels that fit along its top."""
    parts = []
    for x, label in months(first, last, scale):
        parts.append(f'<line class="handoff-tl-grid" x1="{x}" y1="{TOP - 10}" x2="{x}" y2="{height - 20}"/>')
        if label:
            parts.append(f'<text class="handoff-tl-month" x="{x + 2}" y="{TOP - 14}">{label}</text>')
    return parts


def bar(scale: Scale, start: dt.date, end: dt.date, y: float) -> str:
    """A cohort's bar, from its Week -4 to its Week 12, on the lane at y."""
    start_x, end_x = scale.x(start), scale.x(end)
    return (f'<rect class="handoff-tl-bar" x="{start_x}" y="{y - 6}" '
            f'width="{round(end_x - start_x, 1)}" height="12" rx="3"/>')


def today_line(scale: Scale, today: dt.date, height: float) -> str:
    """Today's dashed line down the picture, dated at its foot (kept inside the picture's edges)."""
    x = scale.x(today)
    label = f"today {short(today)}"
    half = len(label) * LABEL_CHAR / 2
    return (f'<line class="handoff-tl-today" x1="{x}" y1="{TOP - 6}" x2="{x}" y2="{height - 16}"/>'
            f'<text class="handoff-tl-today-label" x="{min(max(x, scale.left + half), WIDTH - half)}" '
            f'y="{height - 4}">{label}</text>')


def picture(name: str, recorded: Records, today: dt.date) -> str:
    """What the timeline box shows: the picture, with a word on phones that it scrolls, and every
    date listed under it (readable on any screen, without hovering)."""
    hint = ('<p class="handoff-tl-scroll">Scroll sideways for the whole timeline; every date is listed '
            "under it.</p>")
    return hint + svg(name, recorded, today) + dates(milestones(recorded, today), today)


def dates(found: list[Milestone], today: dt.date) -> str:
    """Every date of the picture as a list, readable on any screen without hovering."""
    if not found:
        return ""
    items = "".join(
        f'<li><span class="handoff-tl-day">{m.date.isoformat()}</span> {site_dates.html(text(m.label))}'
        f"{_listed_state(m, today)}</li>" for m in sorted(found, key=lambda m: m.date))
    return (f'<details class="handoff-tl-dates"><summary>Every date on this timeline ({len(found)})</summary>'
            f"<ul>{items}</ul></details>")


def _listed_state(m: Milestone, today: dt.date) -> str:
    return f" {LATE_SYMBOL} {LATE_WORD}" if late(m, today) else " ✓ done" if m.recorded else ""


def legend() -> str:
    """The key to the symbols, as Markdown under the picture."""
    return ("T trigger · D deadline (AM assignment, handoff call) · C AM assigned, handoff call · "
            "-4, 0, 12 a cohort's Week -4 (onboarding starts), Week 0 (start) and Week 12 · M Week 2 "
            "workshop and Week 12 board report · £ invoice · a number: that many events too close to "
            "draw apart (listed under the picture). ! late: due before today and not recorded as done "
            "(a number with ! holds a late one). Filled: done; hollow: planned or due. The bar runs "
            "from Week -4 to Week 12.")


def place(markup: str, picture: str) -> str:
    """The rendered page with the picture in place of the timeline placeholder (once)."""
    # Only inside the site's own timeline box, which comes before anything from the doc.
    box = markup.find(f'{CONTAINER_CLASS}"')
    target = f"<p>{PLACEHOLDER}</p>"
    index = markup.find(target, box) if box >= 0 else -1
    if index < 0:
        return markup
    return markup[:index] + picture + markup[index + len(target):]
