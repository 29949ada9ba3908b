"""How the site words a deadline: a line on the summary card and a cell on the dashboard."""

from __future__ import annotations

import datetime as dt

from handoff_lint.domain.deadlines import Deadline, State
from handoff_lint.site.deadlines import describe, short

NOV = {day: dt.date(2026, 11, day) for day in (4, 5, 10, 11, 25)}


def test_on_time() -> None:
    met = Deadline(State.ON_TIME, NOV[4], NOV[5])
    assert describe(met) == "2026-11-04 ✓ on time (due 2026-11-05)"
    assert short(met) == "2026-11-04 ✓ on time"


def test_late_is_marked_and_bold_on_the_dashboard() -> None:
    late = Deadline(State.LATE, NOV[11], NOV[10])
    assert describe(late) == "2026-11-11 ✗ late (due 2026-11-10)"
    assert short(late) == "2026-11-11 ✗ **late**"


def test_late_and_still_not_recorded() -> None:
    overdue = Deadline(State.LATE, None, NOV[10])
    assert describe(overdue) == "not recorded ✗ late (due 2026-11-10)"
    assert short(overdue) == "not recorded ✗ **late**"


def test_due_shows_the_deadline() -> None:
    due = Deadline(State.DUE, None, NOV[25])
    assert describe(due) == "not recorded yet (due 2026-11-25)"
    assert short(due) == "due by 2026-11-25"


def test_without_a_trigger_only_the_date_is_shown() -> None:
    assert describe(Deadline(State.UNKNOWN, NOV[5])) == "2026-11-05 (no trigger date)"
    assert short(Deadline(State.UNKNOWN, NOV[5])) == "2026-11-05"
    assert describe(Deadline(State.UNKNOWN)) == "not recorded"
    assert short(Deadline(State.UNKNOWN)) == "—"


def test_a_plan_gets_no_tick_however_close_its_day() -> None:
    planned = Deadline(State.DUE, None, NOV[25], NOV[25])
    assert describe(planned) == "planned for 2026-11-25, not recorded yet (due 2026-11-25)"
    assert "✓" not in describe(planned) and "✓" not in short(planned)
