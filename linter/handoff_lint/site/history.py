"""Who last changed each doc, from one `git log` over the clients folder rather than one per doc."""

from __future__ import annotations

from handoff_lint.site.clients import LastChange

# Records start with RECORD; a record's header fields are split by FIELD; -z ends the header and
# every path with NUL, so no path is quoted or split, whatever characters it holds.
RECORD, FIELD = "\x1e", "\x1f"
LOG_ARGUMENTS = ("log", "-z", "--relative", "--name-only", f"--format={RECORD}%H{FIELD}%an{FIELD}%as")


def last_changes(log_output: str) -> dict[str, LastChange]:
    """Each path's newest commit in `git log LOG_ARGUMENTS` output (newest commits come first)."""
    found: dict[str, LastChange] = {}
    for record in log_output.split(RECORD)[1:]:
        header, _, names = record.partition("\0")
        fields = header.split(FIELD)
        if len(fields) != 3:
            continue
        commit, author, date = fields
        for name in names.lstrip("\n").split("\0"):
            if name and name not in found:
                found[name] = LastChange(author=author, date=date, commit=commit)
    return found
