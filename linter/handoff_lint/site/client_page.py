"""A client's page: the handoff doc as written, headed by a summary card, followed by the intro e-mail."""

from __future__ import annotations

from urllib.parse import quote

from handoff_lint.domain.intro_email import compose, missing_pieces
from handoff_lint.domain.workdays import region_name
from handoff_lint.engine.check import Checked
from handoff_lint.site import client_index, uris
from handoff_lint.site.attributes import trusted_class, trusted_id
from handoff_lint.site.clients import LIKELIHOODS, ClientView
from handoff_lint.site.deadlines import describe
from handoff_lint.site.mdtext import fence, front_matter, indent, inline, link, text
from handoff_lint.site.sanitize import html_text
from handoff_lint.site.spacing import spaced_body
from handoff_lint.site.stages import status
from handoff_lint.site.timeline import CONTAINER_CLASS as TIMELINE_CLASS
from handoff_lint.site.timeline import PLACEHOLDER, legend

# Ids of what the site adds around the doc, so the rendering check can tell them from the doc.
CARD_CLASS = "handoff-card"
BANNER_CLASS = "handoff-incomplete"
EMAIL_ID = "handoff-intro-e-mail"
# What ends the site's blocks before the doc starts: a rule at the margin after a blank line closes
# every admonition, list and quote Python-Markdown could still have open, so no line of the doc
# (indented, lazy, `>`, a list item or a table row) can continue the card or the banner.
END_OF_GENERATED = "---\n"
CARD_LABELS = ("Stage", "Account Manager", "AE", "Delivery Lead", "Sector", "Handoff trigger",
               "AM assigned", "Handoff call", "Cohort starts", "Total fee", "Risks", "Commitments",
               "Bank holidays", "Last changed")


def meta(view: ClientView) -> str:
    """The page's own front matter: the doc's YAML is never handed to the site generator."""
    name = html_text(view.name)  # the templates insert title and description unescaped
    data = {"title": name, "description": f"Handoff for {name}"}
    return front_matter(data)


def banner(view: ClientView) -> str:
    """The visible 'incomplete' notice: every lint error with its line and a link to the rule."""
    if not view.errors:
        return ""
    items = "\n".join(
        f"- line {d.line}: {link(d.code, view.src_uri, uris.RULES, uris.rule_anchor(d.code))} "
        f"{inline(text(d.message))}"
        for d in view.errors
    )
    count = len(view.errors)
    body = (
        f"`handoff lint` reports {count} error{'' if count == 1 else 's'} in "
        f"`{view.path}`: Delivery cannot rely on this handoff until {'it is' if count == 1 else 'they are'} "
        f"fixed.\n\n{items}"
    )
    return f'!!! danger {trusted_class(BANNER_CLASS)} "Incomplete handoff"\n\n{indent(body)}\n'


def card(view: ClientView) -> str:
    """The summary card: owners, the dates and their deadline state, fee, risks, commitments."""
    risks = " · ".join(f"{view.risk_count(level)} {level}" for level in LIKELIHOODS)
    cohorts = ", ".join(
        f"{text(c.name)}: {c.start.isoformat() if c.start else 'no date'}" for c in view.cohorts
    ) or "—"
    if view.last_change:
        changed = (f"{view.last_change.date} by {text(view.last_change.author)} "
                   f"(commit `{view.last_change.commit[:10]}`)")
    else:
        changed = "not committed yet"
    rows = [
        ("Stage", status(view.clock)),
        ("Account Manager", text(view.account_manager) or "—"),
        ("AE", text(view.ae) or "—"),
        ("Delivery Lead", text(view.delivery_lead) or "—"),
        ("Sector", text(view.sector) or "—"),
        ("Handoff trigger",
         view.trigger.isoformat() if view.trigger else "not all three trigger dates given"),
        ("AM assigned", describe(view.am_assigned)),
        ("Handoff call", describe(view.handoff_call)),
        ("Cohort starts", cohorts),
        ("Total fee", text(view.total_fee) or "—"),
        ("Risks", f"{risks} ({link('all risks', view.src_uri, uris.RISKS)})"),
        ("Commitments", f"{len(view.commitments)} by the AE, {len(view.side_commitments)} side "
                        f"({link('all commitments', view.src_uri, uris.COMMITMENTS)})"),
        ("Bank holidays", region_name(view.region)),
        ("Last changed", changed),
    ]
    body = "\n".join(f"- **{label}:** {value}" for label, value in rows)
    return f'!!! abstract {trusted_class(CARD_CLASS)} "At a glance"\n\n{indent(body)}\n'


def timeline(view: ClientView) -> str:
    """The box the timeline picture is drawn into once the page is rendered (see site.timeline)."""
    box = trusted_class(TIMELINE_CLASS)
    return f'!!! note {box} "Timeline"\n\n{indent(PLACEHOLDER)}\n\n{indent(legend())}\n'


def intro_email(checked: Checked) -> str:
    """The playbook's intro e-mail, filled in and ready to copy, or what it still needs."""
    heading = f"## Intro e-mail {{ #{trusted_id(EMAIL_ID)} }}\n"
    instance = checked.instance
    missing = missing_pieces(instance) if instance else ["the whole doc"]
    if missing:
        needs = "\n".join(f"- {text(piece)}" for piece in missing)
        return f"{heading}\nThe intro e-mail can be written once the doc gives:\n\n{needs}\n"
    email = compose(instance)
    mailto = (f"mailto:{quote(email.to_address, safe='@')}?subject={quote(email.subject, safe='')}"
              f"&body={quote(email.body, safe='')}")
    return (
        f"{heading}\nThe AE sends this during the handoff call, introducing the Account Manager. "
        f"Copy it with the button, or [open it in your mail app]({mailto}).\n\n"
        + fence(email.as_text())
    )


def _raw(checked: Checked) -> str:
    """A doc that could not be read as Markdown is still shown, as plain text, never lost."""
    if checked.text:
        return "## The doc as written\n\n" + fence(checked.text)
    return "The doc could not be read; see the errors above.\n"


def page(view: ClientView, checked: Checked) -> str:
    """The page source: the breadcrumb, then card (and banner) after the doc's title, the body as
    written, the e-mail."""
    breadcrumb = client_index.breadcrumb(view)
    header = "\n".join(part for part in (banner(view), card(view), timeline(view), END_OF_GENERATED) if part)
    document = checked.document
    if document is not None and document.too_deep_line is not None:
        # Nested past the limit (HO310): a renderer would recurse as deep as the doc goes, so the
        # text is not handed to it; the findings above say what to fix.
        return (meta(view) + f"# {text(view.name)}\n\n{header}\nThe doc is not shown: it is nested "
                f"too deeply to publish safely; see the errors above.\n\n{intro_email(checked)}")
    if document is None:
        return (meta(view) + f"{breadcrumb}\n# {text(view.name)}\n\n{header}\n{_raw(checked)}\n"
                + intro_email(checked))
    lines = spaced_body(document).split("\n")
    split = 0
    first = document.preamble[0] if document.preamble else None
    if first is not None and first.kind == "heading" and first.level == 1:
        split = first.end_line - document.line_offset
    before = "\n".join(lines[:split])
    after = "\n".join(lines[split:]).strip("\n")
    title = before.strip() or f"# {text(view.name)}"
    return f"{meta(view)}{breadcrumb}\n{title}\n\n{header}\n{after}\n\n{intro_email(checked)}"
