"""HO622: a fact recorded after the handoff is overdue, and who records it.

It depends on today, so it is a warning and never an error: a pull request must not fail because
another client's milestone fell due overnight. The same items make the people's queues on the site
and the reminders `handoff digest` writes (handoff_lint.domain.queue).
"""

from __future__ import annotations

from collections.abc import Iterator

from handoff_lint.contract.schema import load_schema
from handoff_lint.diagnostics import Diagnostic
from handoff_lint.domain.lifecycle import day_text, records
from handoff_lint.domain.queue import AM_ASSIGNED, Item, any_overdue, open_items, owners_of
from handoff_lint.domain.records import RECORDED_AT
from handoff_lint.rules.paths import SLUG
from handoff_lint.rules.playbook.context import Context, quote


def command(slug: str, item: Item) -> str:
    """The `handoff record` command that records an item."""
    extra = ' --name "<Account Manager>"' if item.fact is AM_ASSIGNED else ""
    return f"handoff record {slug} {item.fact.event}{extra} --on YYYY-MM-DD"


def facts_recorded(context: Context) -> Iterator[Diagnostic]:
    """HO622: each fact past its due day without a record, naming its owner and the command."""
    today = context.config.today
    if today is None:
        return
    front = context.front_matter
    slug = front.get("slug")
    slug = slug if isinstance(slug, str) and SLUG.fullmatch(slug) else "<slug>"
    required = load_schema(context.config.schema_path).get("required", [])
    if any(section not in context.instance for section in required):
        return  # a doc whose body is missing is incomplete first: its reminders wait for it
    recorded = records(context.instance, context.config.region)
    if not any_overdue(recorded, today):
        return
    for item in open_items(recorded, owners_of(front), today):
        if not item.overdue:
            continue
        who = f"the {item.role.value} {quote(item.owner)}" if item.owner else f"the {item.role.value}"
        yield context.finding(
            "HO622", context.where("/{}/{}".format(*RECORDED_AT[item.fact.event])),
            f"{item.words(today)}, and not recorded: {who} records it",
            f"Once it has happened, `{command(slug, item)}` records it (the day it happened, "
            f"not after {day_text(today)}). A reminder of today's date: never an error.",
        )
