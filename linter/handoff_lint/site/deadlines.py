"""How the site words a deadline's state (the state itself comes from handoff_lint.domain.deadlines)."""

from __future__ import annotations

from handoff_lint.domain.deadlines import Deadline, State


def describe(deadline: Deadline) -> str:
    """'2026-11-04 ✓ on time (due 2026-11-05)' and the like: the summary card's line."""
    due = f"due {deadline.due.isoformat()}" if deadline.due else ""
    plan = f"planned for {deadline.planned.isoformat()}, " if deadline.planned else ""
    if deadline.state is State.UNKNOWN:
        return f"{deadline.done.isoformat()} (no trigger date)" if deadline.done else \
            f"{plan}not recorded"
    if deadline.done is None:
        # Only a recorded day earns a tick: a plan says so, however close its day is.
        if deadline.state is State.LATE:
            return f"{plan}not recorded ✗ late ({due})"
        return f"{plan}not recorded yet ({due})"
    marker = "✓" if deadline.state is State.ON_TIME else "✗"
    return f"{deadline.done.isoformat()} {marker} {deadline.state.value} ({due})"


def short(deadline: Deadline) -> str:
    """'2026-11-04 ✓ on time', '2026-11-06 ✗ **late**': the dashboard's cell."""
    if deadline.state is State.UNKNOWN:
        return deadline.done.isoformat() if deadline.done else "—"
    if deadline.state is State.DUE:
        plan = f"planned {deadline.planned.isoformat()}, " if deadline.planned else ""
        return f"{plan}due by {deadline.due.isoformat() if deadline.due else '—'}"
    done = deadline.done.isoformat() if deadline.done else "not recorded"
    return f"{done} ✓ on time" if deadline.state is State.ON_TIME else f"{done} ✗ **late**"
