"""Stage chips: the words say the stage and the urgency, so they read without colour."""

from __future__ import annotations

from handoff_lint.lifecycle import Clock, Stage, Urgency
from handoff_lint.site.stages import chip, stage_chip, status


def test_a_chip_names_the_stage_and_says_overdue_in_words() -> None:
    overdue = Clock(Stage.HANDOFF_CALL, Urgency.OVERDUE, "handoff call overdue by 2 working days")
    assert chip(overdue) == ("**Handoff call: overdue**{ .handoff-chip .handoff-chip-handoff-call "
                             ".handoff-chip-overdue }")
    assert status(overdue).endswith("} handoff call overdue by 2 working days")
    calm = Clock(Stage.ONBOARDING, Urgency.ON_TRACK, "in onboarding, Week -2")
    assert chip(calm).startswith("**Onboarding**{")
    assert stage_chip(Stage.DELIVERY, 3) == "**In delivery: 3**{ .handoff-chip .handoff-chip-delivery }"
