"""A client's timeline as an SVG drawn at build time: trigger, AM assignment, the call, each cohort's
Week -4 to Week 12, the Week 2 and Week 12 milestones, invoice dates and today.

The markup is ours alone: every text from a doc is escaped, and the SVG has no script, no event
handler, no style attribute and no reference to anything outside itself. It is inserted into the
rendered page (the Markdown renderer shows raw HTML as text, as it must for a doc's own HTML).
"""

from __future__ import annotations

import datetime as dt
from html import escape

from handoff_lint.lifecycle import Kind, Milestone, Records, milestones

CONTAINER_CLASS = "handoff-timeline"
PLACEHOLDER = "The timeline is drawn here."
WIDTH = 760
LEFT = 130  # room for the lane names
RIGHT = 20
LANE = 38
TOP = 34
# However many cohorts a doc lists, the picture stays this size or smaller.
MAX_COHORT_LANES = 8
_SYMBOLS = {
    Kind.TRIGGER: "T", Kind.DEADLINE: "D", Kind.CALL: "C", Kind.ONBOARDING: "-4",
    Kind.COHORT: "0", Kind.MILESTONE: "M", Kind.INVOICE: "£",
}


def _text(value: str) -> str:
    return escape(value, quote=True)


def _short(day: dt.date) -> str:
    return f"{day.day} {day:%b %Y}"


class _Scale:
    def __init__(self, first: dt.date, last: dt.date) -> None:
        self.first = first
        self.days = max((last - first).days, 1)

    def x(self, day: dt.date) -> float:
        return round(LEFT + (WIDTH - LEFT - RIGHT) * (day - self.first).days / self.days, 1)


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


def svg(name: str, recorded: Records, today: dt.date) -> str:
    """The timeline of one client as inline SVG markup."""
    found = milestones(recorded, today)
    if not found:
        return (f'<svg xmlns="http://www.w3.org/2000/svg" role="img" viewBox="0 0 {WIDTH} 40" '
                f'width="100%"><title>Timeline of {_text(name)}</title><text x="10" y="24" '
                'class="handoff-tl-label">No dates to draw yet.</text></svg>')
    days = [m.date for m in found] + [today]
    first, last = min(days) - dt.timedelta(days=7), max(days) + dt.timedelta(days=7)
    scale = _Scale(first, last)
    lanes = _lanes(found)
    height = TOP + LANE * len(lanes) + 24
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" viewBox="0 0 {WIDTH} {height}" '
        f'width="100%" aria-labelledby="handoff-tl-title handoff-tl-desc">',
        f'<title id="handoff-tl-title">Timeline of {_text(name)}, as of {_short(today)}</title>',
        '<desc id="handoff-tl-desc">' + _text("; ".join(
            f"{m.label}: {_short(m.date)}{' (done)' if m.recorded else ''}" for m in found)) + "</desc>",
    ]
    # Month ticks along the top.
    month = dt.date(first.year, first.month, 1)
    while month <= last:
        if month >= first:
            x = scale.x(month)
            parts.append(f'<line class="handoff-tl-grid" x1="{x}" y1="{TOP - 10}" x2="{x}" '
                         f'y2="{height - 20}"/>')
            parts.append(f'<text class="handoff-tl-month" x="{x + 2}" y="{TOP - 14}">{month:%b %Y}</text>')
        month = dt.date(month.year + month.month // 12, month.month % 12 + 1, 1)
    for index, (lane, items) in enumerate(lanes):
        y = TOP + LANE * index + LANE / 2
        parts.append(f'<text class="handoff-tl-lane" x="4" y="{y + 4}">{_text(lane)}</text>')
        parts.append(f'<line class="handoff-tl-axis" x1="{LEFT}" y1="{y}" x2="{WIDTH - RIGHT}" y2="{y}"/>')
        onboarding = next((m for m in items if m.kind is Kind.ONBOARDING), None)
        end = next((m for m in items if m.key.endswith("-week-12")), None)
        if onboarding and end:
            start_x, end_x = scale.x(onboarding.date), scale.x(end.date)
            parts.append(f'<rect class="handoff-tl-bar" x="{start_x}" y="{y - 6}" '
                         f'width="{round(end_x - start_x, 1)}" height="12" rx="3"/>')
        last_x, below = -float(LANE), False
        for m in items:
            x = scale.x(m.date)
            state = "done" if m.recorded else "planned"
            # Markers a few days apart would print their symbols over each other: alternate them
            # above and below the line.
            below = not below if x - last_x < 14 else False
            last_x = x
            label_y = y + 17 if below else y - 9
            parts.append(
                f'<g class="handoff-tl-{m.kind.value} handoff-tl-{state}">'
                f'<title>{_text(m.label)}: {_short(m.date)}{" (done)" if m.recorded else ""}</title>'
                f'<circle cx="{x}" cy="{y}" r="6"/>'
                f'<text class="handoff-tl-symbol" x="{x}" y="{label_y}">{_SYMBOLS[m.kind]}</text></g>'
            )
    x = scale.x(today)
    parts.append(f'<line class="handoff-tl-today" x1="{x}" y1="{TOP - 6}" x2="{x}" y2="{height - 16}"/>')
    parts.append(f'<text class="handoff-tl-today-label" x="{x}" y="{height - 4}">'
                 f"today {_short(today)}</text>")
    parts.append("</svg>")
    return "".join(parts)


def legend() -> str:
    """The key to the symbols, as Markdown under the picture."""
    return ("T trigger · D deadline (AM assignment, handoff call) · C AM assigned, handoff call · "
            "-4 Week -4 (onboarding starts) · 0 cohort start (Week 0) and Week 12 · M Week 2 workshop and "
            "Week 12 board report · £ invoice. Filled: done; hollow: planned or due. The bar runs from "
            "Week -4 to Week 12.")


def place(markup: str, picture: str) -> str:
    """The rendered page with the picture in place of the timeline placeholder (once)."""
    # Only inside the site's own timeline box, which comes before anything from the doc.
    box = markup.find(f'{CONTAINER_CLASS}"')
    target = f"<p>{PLACEHOLDER}</p>"
    index = markup.find(target, box) if box >= 0 else -1
    if index < 0:
        return markup
    return markup[:index] + picture + markup[index + len(target):]
