"""How the site words a deadline's state (the state itself comes from handoff_lint.deadlines)."""

from __future__ import annotations

from handoff_lint.deadlines import Deadline, State


def describe(deadline: Deadline) -> str:
    """'2026-11-04 ✓ on time (due 2026-11-05)' and the like: the summary card's line."""
    due = f"due {deadline.due.isoformat()}" if deadline.due else ""
    if deadline.state is State.UNKNOWN:
        return f"{deadline.done.isoformat()} (no trigger date)" if deadline.done else "not recorded"
    if deadline.state is State.DUE:
        return f"not recorded yet ({due})"
    marker = "✓" if deadline.state is State.ON_TIME else "✗"
    done = deadline.done.isoformat() if deadline.done else "not recorded"
    return f"{done} {marker} {deadline.state.value} ({due})"


def short(deadline: Deadline) -> str:
    """'2026-11-04 ✓ on time', '2026-11-06 ✗ **late**': the dashboard's cell."""
    if deadline.state is State.UNKNOWN:
        return deadline.done.isoformat() if deadline.done else "—"
    if deadline.state is State.DUE:
        return f"due by {deadline.due.isoformat() if deadline.due else '—'}"
    done = deadline.done.isoformat() if deadline.done else "not recorded"
    return f"{done} ✓ on time" if deadline.state is State.ON_TIME else f"{done} ✗ **late**"
