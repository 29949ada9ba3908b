"""Section F: an honest risk with a mitigation, not a 'None' that makes the win look clean."""

from __future__ import annotations

from collections.abc import Iterator

from handoff_lint.diagnostics import Diagnostic
from handoff_lint.rules.playbook.context import Context, quote
from handoff_lint.rules.playbook.wording import says_nothing

RISKS = "/risks"
NO_RISKS = r"(?:known |significant |real |major |material )?risks?"
NO_MITIGATION = r"mitigations?|actions?"


def risks_surfaced(context: Context) -> Iterator[Diagnostic]:
    """HO611: at least one row of Section F names a real risk."""
    rows = list(context.rows(RISKS))
    written = [(pointer, row.get("risk")) for pointer, row in rows]
    named = [(pointer, risk) for pointer, risk in written if isinstance(risk, str) and risk.strip()]
    if not named or any(not says_nothing(risk, NO_RISKS) for _, risk in named):
        return  # no rows is the schema's HO308; an empty Risk cell its HO408
    pointer, risk = named[0]
    yield context.finding(
        "HO611", context.where(f"{pointer}/risk"),
        f"Section F says '{quote(risk)}': every deal has risks, and Delivery needs them before kickoff",
        "Write at least one honest risk, with its likelihood (High, Med or Low) and a suggested "
        "mitigation: the new exec sponsor, a procurement renewal, a cohort across the holidays...",
    )


def mitigations_suggested(context: Context) -> Iterator[Diagnostic]:
    """HO612: every real risk has a mitigation that is more than 'None' or 'N/A'."""
    for pointer, row in context.rows(RISKS):
        risk, mitigation = row.get("risk"), row.get("mitigation")
        if not isinstance(risk, str) or says_nothing(risk, NO_RISKS) or not isinstance(mitigation, str):
            continue
        if mitigation.strip() and says_nothing(mitigation, NO_MITIGATION):
            yield context.finding(
                "HO612", context.where(f"{pointer}/mitigation"),
                f"risk '{quote(risk)}' has mitigation '{quote(mitigation)}': suggest what Delivery "
                f"should do about it",
                "Write the mitigation you suggest; the handoff call agrees mitigations for every risk.",
            )
